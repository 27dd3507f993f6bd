"""OKR-cycle dates as the checks see them: the judging date, the bounds, the final weeks.

Files published after their cycle ended would otherwise be judged against today; the
judging date is ``as_of`` capped at the cycle's end, so an old cycle is judged as it
closed.
"""

from __future__ import annotations

import datetime as dt

import networkx as nx

from .graph import KEY_RESULT, nodes_of


def judging_date(graph: nx.DiGraph) -> dt.date:
    """``as_of``, or the cycle's end if that comes first."""
    as_of, end = graph.graph["as_of"], graph.graph["cycle"].end
    return min(as_of, end) if end else as_of


def cycle_bounds(graph: nx.DiGraph) -> tuple[dt.date | None, dt.date | None]:
    """The cycle's start and end, each None when the files do not give it."""
    cycle = graph.graph["cycle"]
    return cycle.start, cycle.end


def in_final_weeks(graph: nx.DiGraph, days: int) -> bool:
    """Whether the judging date is within ``days`` of the cycle's end, or past it.

    Without an end date, the cycle is never known to be ending.
    """
    _, end = cycle_bounds(graph)
    return end is not None and graph.graph["as_of"] >= end - dt.timedelta(days=days)


def has_any_check_in(graph: nx.DiGraph) -> bool:
    """Whether any key result in the organisation has a check-in."""
    return any(graph.nodes[kr]["record"].check_ins for kr in nodes_of(graph, KEY_RESULT))


def last_check_in(record) -> dt.date | None:
    """The date of a key result's latest check-in, or None."""
    return max((c.date for c in record.check_ins), default=None)
