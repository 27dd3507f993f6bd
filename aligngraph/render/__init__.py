"""Pictures of the alignment graph.

:func:`build_dot` turns a :class:`~aligngraph.report.Report` into Graphviz DOT source for
one view; :func:`render` lays it out as SVG, PNG or PDF. Building is pure; only
:mod:`aligngraph.render.engine` runs a program.
"""

from __future__ import annotations

import graphviz

from ..errors import UsageError
from ..graph import TEAM, nodes_of, parent_team
from ..progress import DEFAULT_BANDS
from ..report import Report
from .canvas import Canvas
from .colour import COLOR_BY, Colouring
from .engine import (
    DEFAULT_TIMEOUT, FORMATS, GraphvizMissing, RenderError, RenderTimeout, RenderTooLarge,
    run_layout,
)
from .theme import THEMES
from .views import VIEWS

# Measured in benchmarks/render.py: dot lays out about 600 nodes of the goals view in a few
# seconds on a 2-core machine, and a slide cannot show more anyway.
MAX_NODES = 600

_VIEW_TITLES = {"goals": "alignment of objectives", "teams": "teams and how their goals align",
                "focus": "focus on {focus}", "people": "who carries which objectives"}


def build_dot(report: Report, *, view: str = "goals", focus: str | None = None,
              depth: int | None = None, color_by: str = "findings", theme: str = "light",
              title: str | None = None, max_nodes: int = MAX_NODES,
              bands: tuple[float, float] = DEFAULT_BANDS) -> graphviz.Digraph:
    """The DOT source of one view of a report.

    ``title`` None gives a default title; an empty string gives none. ``depth`` is the
    number of alignment hops for ``focus`` (default 2) and the deepest org level shown
    for ``teams`` (default: as deep as stays readable).

    Raises
    ------
    RenderTooLarge
        When the view would have more than ``max_nodes`` nodes.
    """
    _check_choice("view", view, VIEWS)
    _check_choice("colour mode", color_by, COLOR_BY)
    _check_choice("theme", theme, THEMES)
    colouring = Colouring(report, THEMES[theme], color_by, bands)
    heading = default_title(report, view, focus) if title is None else title
    canvas = Canvas(report, view, THEMES[theme], colouring, heading or None)
    options = {"focus": focus, "depth": depth if depth is not None or view != "focus" else 2}
    drawn = VIEWS[view](canvas, **options)
    if drawn > max_nodes:
        raise RenderTooLarge(too_large_message(report, view, drawn, max_nodes))
    return canvas.dot


def render(dot: graphviz.Digraph, fmt: str, *, timeout: float = DEFAULT_TIMEOUT) -> bytes:
    """Lay out DOT built by :func:`build_dot` as ``svg``, ``png`` or ``pdf``."""
    return run_layout(dot.source, fmt, timeout=timeout)


def default_title(report: Report, view: str, focus: str | None) -> str:
    """The organisation's name, the cycle, and what the view shows."""
    graph = report.graph
    roots = [t for t in nodes_of(graph, TEAM) if parent_team(graph, t) is None]
    org = graph.nodes[roots[0]]["label"] if len(roots) == 1 else "OKRs"
    cycle = graph.graph["cycle"].name
    parts = [org, cycle, _VIEW_TITLES[view].format(focus=focus)]
    return " · ".join(p for p in parts if p)


def too_large_message(report: Report, view: str, drawn: int, limit: int) -> str:
    """Why a view is refused, and which view suits instead."""
    graph = report.graph
    example = next((graph.nodes[t]["id"] for t in nodes_of(graph, TEAM)
                    if graph.nodes[t]["depth"] == 1), None)
    focus_hint = f"--view focus --focus {example}" if example else "--view focus --focus ID"
    instead = ("--view teams (it folds deep levels), or " if view != "teams" else
               "--view teams --depth 1, or ")
    return (f"the {view} view of this organisation would draw {drawn:,} nodes; above "
            f"{limit:,} a picture can neither be read nor laid out in a few seconds. Use "
            f"{instead}{focus_hint} to draw one part of it.")


def _check_choice(what: str, value: str, choices) -> None:
    if value not in choices:
        raise UsageError(f"unknown {what} {value!r}: expected one of {', '.join(choices)}")


__all__ = ["COLOR_BY", "FORMATS", "GraphvizMissing", "MAX_NODES", "RenderError",
           "RenderTimeout", "RenderTooLarge", "THEMES", "VIEWS", "build_dot", "render"]
