"""How big a picture may be, and what to say when one is too big.

``MAX_NODES`` comes from benchmarks/render_views.py (see benchmarks/README.md): Graphviz
lays out 600 nodes of the goals view in well under two seconds on a 2-core machine, but
a picture that size is already a wall poster; past it, neither a slide nor a poster can
be read. Views count what they would draw before drawing anything, so a refusal is fast.
"""

from __future__ import annotations

from ..graph import TEAM, nodes_of
from ..report import Report
from .engine import RenderTooLarge

MAX_NODES = 600


def ensure_fits(report: Report, view: str, count: int, limit: int) -> None:
    """Raise :class:`RenderTooLarge` when a view would draw more than ``limit`` nodes."""
    if count > limit:
        raise RenderTooLarge(too_large_message(report, view, count, limit))


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
