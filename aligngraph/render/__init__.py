"""Pictures of the alignment graph.

:func:`build_dot` turns a :class:`~aligngraph.report.Report` into Graphviz DOT source for
one view; :func:`render` lays it out as SVG, PNG or PDF. Building is pure; only
:mod:`aligngraph.render.engine` runs a program.
"""

from __future__ import annotations

from typing import Any

import graphviz

from ..errors import UsageError
from ..report import Report
from .canvas import Canvas
from .changes import DiffMarks
from .colour import COLOR_BY, Colouring
from .engine import (
    DEFAULT_TIMEOUT, FORMATS, GraphvizMissing, RenderError, RenderTimeout, RenderTooLarge,
    layout_size, run_layout,
)
from .fit import DRAW_LESS, MIN_TEXT_PT, NotFitForSlide, fit_to_slide
from .theme import THEMES
from .limits import MAX_NODES
from .views import VIEWS, auto_team_depth, resolve_focus

_VIEW_TITLES = {"goals": "alignment of objectives", "teams": "teams and how their goals align",
                "focus": "focus on {focus}", "people": "who carries which objectives"}


def build_dot(report: Report, *, view: str = "goals", focus: str | None = None,
              depth: int | None = None, color_by: str = "findings", theme: str = "light",
              title: str | None = None, max_nodes: int = MAX_NODES,
              wrap: int | None = None, changes: DiffMarks | None = None) -> graphviz.Digraph:
    """The DOT source of one view of a report.

    ``title`` None gives a default title; an empty string gives none. ``depth`` is the
    number of alignment hops for ``focus`` (default 2) and the deepest org level shown
    for ``teams`` (default: as deep as stays readable). ``wrap`` is how many rows (columns
    for ``people``) a wide level folds into; None gives each view's default. Progress
    bands come from the
    report's settings (``settings: {progress: {green: 0.7, amber: 0.4}}``). ``changes``
    (goals and focus views) fills goals by what changed since another version, and
    draws removed goals ghosted (:mod:`aligngraph.render.changes`).

    Raises
    ------
    RenderTooLarge
        When the view would have more than ``max_nodes`` nodes.
    """
    _check_choice("view", view, VIEWS)
    _check_choice("colour mode", color_by, COLOR_BY)
    _check_choice("theme", theme, THEMES)
    if changes is not None and view not in CHANGES_VIEWS:
        raise UsageError(f"--diff colours goals: draw it with --view goals or focus, not "
                         f"{view}")
    colouring = Colouring(report, THEMES[theme], color_by, report.bands, changes)
    heading = default_title(report, view, focus) if title is None else title
    canvas = Canvas(report, view, THEMES[theme], colouring, heading or None)
    options: dict[str, Any] = {"focus": focus, "depth": depth if depth is not None or view != "focus" else 2,
               "max_nodes": max_nodes, "wrap": wrap}
    VIEWS[view](canvas, **options)
    return canvas.dot


FITS = ("slide", "none")
CHANGES_VIEWS = ("goals", "focus")
_INSTEAD = {"focus": "a smaller --depth (--depth 1), or focus on a sub-team or one goal",
            "teams": "--depth 1, or --view focus --focus ID"}


def build_slide(report: Report, *, view: str = "goals", timeout: float = DEFAULT_TIMEOUT,
                **options: Any) -> graphviz.Digraph:
    """The DOT of one view laid out for a 16:9 slide: wide levels folded into rows, the
    whole stretched to 16:9 and sized 1920 × 1080 px, text never below MIN_TEXT_PT.

    Takes :func:`build_dot`'s options. Runs Graphviz to measure candidate layouts.

    Raises
    ------
    NotFitForSlide
        When the view cannot fit a slide with readable text; the message names the views
        that would.
    """
    options.pop("wrap", None)
    variants: list[dict[str, Any]] = [{}]
    if view == "teams" and options.get("depth") is None:
        options.pop("depth", None)
        variants = [{"depth": d} for d in range(auto_team_depth(report.graph), 0, -1)] or [{}]
    return fit_to_slide(lambda **more: build_dot(report, view=view, **options, **more),
                        lambda source: layout_size(source, timeout=timeout),
                        what=f"the {view} view", instead=_INSTEAD.get(view, DRAW_LESS),
                        variants=variants)


def render(dot: graphviz.Digraph, fmt: str, *, timeout: float = DEFAULT_TIMEOUT) -> bytes:
    """Lay out DOT built by :func:`build_dot` as ``svg``, ``png`` or ``pdf``."""
    return run_layout(dot.source, fmt, timeout=timeout)


def default_title(report: Report, view: str, focus: str | None) -> str:
    """The organisation's name, the cycle, and what the view shows."""
    graph = report.graph
    roots = report.roots
    org = graph.nodes[roots[0]]["label"] if len(roots) == 1 else "OKRs"
    cycle = graph.graph["cycle"].name
    if view == "focus" and focus:
        focus = graph.nodes[resolve_focus(graph, focus)]["label"]
    parts = [org, cycle, _VIEW_TITLES[view].format(focus=focus)]
    return " · ".join(p for p in parts if p)


def _check_choice(what: str, value: str, choices) -> None:
    if value not in choices:
        raise UsageError(f"unknown {what} {value!r}: expected one of {', '.join(choices)}")


__all__ = ["CHANGES_VIEWS", "COLOR_BY", "DiffMarks", "FITS", "FORMATS", "GraphvizMissing", "MAX_NODES", "MIN_TEXT_PT",
           "NotFitForSlide", "RenderError", "RenderTimeout", "RenderTooLarge", "THEMES", "VIEWS",
           "build_dot", "build_slide", "render"]
