"""Stale check-ins: key results nobody has looked at lately, summarised per team.

Rationale
---------
Weekly check-ins keep OKRs alive. When they stop, the programme is drifting: goals are
set in week one and read again in week thirteen, too late to change anything.

Fires when
----------
A team has key results whose last check-in is more than ``max_days`` before the judging
date (``as_of``, capped at the cycle's end), or that have none at all once the cycle is
more than ``grace_days`` old. One finding per team lists them, because one per key result
floods a large organisation. When no key result in the files has any check-in, a single
``info`` finding on the root team says that cadence cannot be judged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import networkx as nx

from ..cycle_dates import cycle_bounds, has_any_check_in, judging_date, last_check_in
from ..graph import KEY_RESULT, TEAM, nodes_of, parent_team, team_key_results
from ..text import count_of, quoted
from .base import Finding, Option

SLUG = "stale-check-in"
CODE = "AG205"
TITLE = "Stale check-ins"
SEVERITY = "warning"
FAMILY = "hygiene"
OPTIONS = {
    "max_days": Option(14, "Most days since a key result's last check-in.", minimum=1),
    "grace_days": Option(14, "Days into the cycle before a key result with no check-in at "
                         "all counts as stale.", minimum=0),
}


def check(graph: nx.DiGraph, *, max_days: int, grace_days: int
          ) -> Iterator[Finding]:
    """Yield one finding per team whose key results have stale or no check-ins.

    Parameters
    ----------
    graph : networkx.DiGraph
        A frozen alignment graph.
    **options
        The options in ``OPTIONS``, the one place their defaults and meaning are declared.

    Yields
    ------
    Finding
        One per team, listing its stale key results and those never checked in.
    """
    if not has_any_check_in(graph):
        yield from _no_check_ins_at_all(graph)
        return
    today = judging_date(graph)
    start, _ = cycle_bounds(graph)
    judge_missing = start is not None and (today - start).days > grace_days
    for team in nodes_of(graph, TEAM):
        stale, never = _stale(graph, team, today - dt.timedelta(days=max_days), judge_missing)
        if stale or never:
            yield _finding(graph, team, stale, never, max_days)


def _stale(graph, team, cutoff: dt.date, judge_missing: bool):
    stale, never = {}, []
    for kr in team_key_results(graph, team):
        last = last_check_in(graph.nodes[kr]["record"])
        if last is None:
            if judge_missing:
                never.append(graph.nodes[kr]["id"])
        elif last < cutoff:
            stale[graph.nodes[kr]["id"]] = last.isoformat()
    return stale, never


def _finding(graph, team, stale: dict, never: list, max_days: int) -> Finding:
    node = graph.nodes[team]
    parts = []
    if stale:
        parts.append(f"{count_of(len(stale), 'key result')} not checked in for over "
                     f"{max_days} days ({', '.join(stale)})")
    if never:
        parts.append(f"{count_of(len(never), 'key result')} never checked in "
                     f"({', '.join(never)})")
    return Finding(
        subject=node["id"], subject_kind=TEAM, related=(*stale, *never),
        message=(f"{quoted(node['label'])} has {' and '.join(parts)}. Weekly check-ins keep OKRs "
                 "alive; ask what stopped them."),
        data={"stale": stale, "never": never})


def _no_check_ins_at_all(graph) -> Iterator[Finding]:
    root = next((t for t in nodes_of(graph, TEAM) if parent_team(graph, t) is None), None)
    if root is None or next(nodes_of(graph, KEY_RESULT), None) is None:
        return
    yield Finding(
        subject=graph.nodes[root]["id"], subject_kind=TEAM, severity="info",
        message=("No key result in these files has a check-in, so the cadence of the "
                 "programme cannot be judged. Record check-ins (date, value, confidence) "
                 "to see which goals have gone quiet."),
        data={"stale": {}, "never": []})

