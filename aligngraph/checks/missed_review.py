"""Missed mid-cycle review: a team with no check-in around the middle of the cycle.

Rationale
---------
A mid-cycle review, around week 6 of a 13-week cycle, is when a team can still change
course: drop a goal that no longer matters, or put more behind one that is slipping. A
team with no check-in at all in the weeks around the mid-point skipped it.

Fires when
----------
The judging date is past the review window, and none of the team's key results has a
check-in in the window: ``window_days`` either side of the mid-point, which falls at
``midpoint`` of the way through the cycle (0.46, week 6 of 13, by default). Needs the
cycle's start and end. Teams without key results, and organisations with no check-ins
at all (see ``stale-check-in``), are not judged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import networkx as nx

from ..cycle_dates import cycle_bounds, has_any_check_in, judging_date
from ..graph import TEAM, nodes_of, team_key_results
from ..text import quoted
from .base import Finding, Option

SLUG = "missed-review"
CODE = "AG206"
TITLE = "Missed mid-cycle review"
SEVERITY = "warning"
FAMILY = "hygiene"
OPTIONS = {
    "midpoint": Option(0.46, "Where the review falls, as a share of the cycle (week 6 of "
                       "13 is 0.46).",
                       minimum=0, maximum=1),
    "window_days": Option(7, "Days either side of the mid-point that count as the review.",
                          minimum=0),
}


def review_window(start: dt.date, end: dt.date, midpoint: float, window_days: int
                  ) -> tuple[dt.date, dt.date]:
    """The first and last day of the mid-cycle review window.

    >>> review_window(dt.date(2026, 7, 1), dt.date(2026, 9, 30), 0.46, 7)
    (datetime.date(2026, 8, 5), datetime.date(2026, 8, 19))
    """
    middle = start + dt.timedelta(days=round((end - start).days * midpoint))
    spread = dt.timedelta(days=window_days)
    return middle - spread, middle + spread


def check(graph: nx.DiGraph, *, midpoint: float, window_days: int
          ) -> Iterator[Finding]:
    """Yield a finding for every team with no check-in in the mid-cycle window.

    Parameters
    ----------
    graph : networkx.DiGraph
        A frozen alignment graph.
    **options
        The options in ``OPTIONS``, the one place their defaults and meaning are declared.

    Yields
    ------
    Finding
        One per team that skipped the review.
    """
    start, end = cycle_bounds(graph)
    if start is None or end is None or not has_any_check_in(graph):
        return
    first, last = review_window(start, end, midpoint, window_days)
    if judging_date(graph) <= last:
        return
    for team in nodes_of(graph, TEAM):
        krs = team_key_results(graph, team)
        if krs and not any(first <= c.date <= last for kr in krs
                           for c in graph.nodes[kr]["record"].check_ins):
            node = graph.nodes[team]
            yield Finding(
                subject=node["id"], subject_kind=TEAM,
                message=(f"{quoted(node['label'])} has no check-in between {first} and {last}, "
                         "around the middle of the cycle: it missed the mid-cycle review, "
                         "the last good moment to change course."),
                data={"window": [first.isoformat(), last.isoformat()]})
