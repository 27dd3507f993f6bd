"""Unowned goal: objectives, and their key results, that name no owner.

Rationale
---------
A goal with no owner is a goal nobody wakes up for. Every objective needs one person
accountable for it, and every key result one person who reports its number; without
them, check-ins stop and nobody asks why.

Fires when
----------
An objective has no ``owner``. Its key results are named with it when they have no owner
either; a key result without an owner under an owned objective is carried by that owner,
and is not reported. Findings fold so that they do not flood:

- when no goal in the files names an owner at all, one finding on the root team;
- else, when more than ``fold_share`` of a team's objectives (and at least two) are
  unowned, one finding on the team;
- else one finding per unowned objective.

Measured precision (read by hand, 2026-12): Sourcegraph CY19-Q4 and FY23-Q1 1 of 1 each
(no goal names an owner: one finding on the company, not 66); none on GitLab FY21-Q1 or
FY24-Q3, whose goals all have owners.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from ..graph import (
    GOAL_KINDS, OBJECTIVE, TEAM, key_results_of, nodes_of, objectives_of, parent_team,
)
from ..text import count_of, natural_key, quoted
from .base import Finding, Option

SLUG = "unowned-goal"
CODE = "AG215"
TITLE = "Goal without an owner"
SEVERITY = "warning"
FAMILY = "hygiene"
OPTIONS = {
    "fold_share": Option(0.5, "Share of a team's objectives without an owner above which "
                              "they fold into one finding on the team.",
                         minimum=0.0, maximum=1.0),
}


def check(graph: nx.DiGraph, *, fold_share: float) -> Iterator[Finding]:
    """Yield findings for objectives, and their key results, without an owner.

    Parameters
    ----------
    graph : networkx.DiGraph
        A frozen alignment graph.
    **options
        The options in ``OPTIONS``, the one place their defaults and meaning are declared.

    Yields
    ------
    Finding
        One on the root team when nothing is owned, else one per mostly-unowned team, else
        one per unowned objective.
    """
    goals = [g for kind in GOAL_KINDS for g in nodes_of(graph, kind)]
    if not goals:
        return
    if not any(_owner(graph, g) for g in goals):
        yield _nothing_owned(graph, goals)
        return
    for team in nodes_of(graph, TEAM):
        objectives = objectives_of(graph, team)
        unowned = sorted((o for o in objectives if not _owner(graph, o)),
                         key=lambda o: natural_key(graph._node[o]["id"]))
        if len(unowned) >= 2 and len(unowned) > fold_share * len(objectives):
            yield _team_finding(graph, team, objectives, unowned)
        else:
            yield from (_objective_finding(graph, o) for o in unowned)


def _owner(graph: nx.DiGraph, goal: str) -> str | None:
    return graph._node[goal]["record"].owner


def _unowned_krs(graph: nx.DiGraph, objective: str) -> list[str]:
    return sorted((graph._node[kr]["id"] for kr in key_results_of(graph, objective)
                   if not _owner(graph, kr)), key=natural_key)


def _nothing_owned(graph: nx.DiGraph, goals: list[str]) -> Finding:
    root = next(t for t in nodes_of(graph, TEAM) if parent_team(graph, t) is None)
    objectives = sum(graph._node[g]["kind"] == OBJECTIVE for g in goals)
    krs = len(goals) - objectives
    also = f" and {count_of(krs, 'key result')}" if krs else ""
    return Finding(
        subject=graph._node[root]["id"], subject_kind=TEAM,
        message=(f"No goal in these files names an owner ({count_of(objectives, 'objective')}"
                 f"{also}). Name one person accountable for each objective, and one who "
                 "reports each key result."),
        data={"objectives": objectives, "key_results": len(goals) - objectives})


def _team_finding(graph: nx.DiGraph, team: str, objectives: list[str],
                  unowned: list[str]) -> Finding:
    ids = [graph._node[o]["id"] for o in unowned]
    krs = sum(len(_unowned_krs(graph, o)) for o in unowned)
    which = (f"none of its {count_of(len(objectives), 'objective')} has an owner"
             if len(unowned) == len(objectives) else
             f"{len(unowned)} of its {len(objectives)} objectives have no owner")
    under = f", nor do {count_of(krs, 'key result')} under them" if krs else ""
    return Finding(
        subject=graph._node[team]["id"], subject_kind=TEAM, related=tuple(ids),
        message=(f"Team {quoted(graph._node[team]['label'])}: {which} "
                 f"({', '.join(ids)}){under}. Name one person accountable for each "
                 "objective, and one who reports each key result."),
        data={"objectives": ids, "unowned_key_results": krs})


def _objective_finding(graph: nx.DiGraph, objective: str) -> Finding:
    node = graph._node[objective]
    krs = _unowned_krs(graph, objective)
    also = f", nor {'do' if len(krs) > 1 else 'does'} its key result{'s' if len(krs) > 1 else ''} " \
           f"{', '.join(krs)}" if krs else ""
    return Finding(
        subject=node["id"], subject_kind=OBJECTIVE, related=tuple(krs),
        message=(f"Objective {node['id']} {quoted(node['label'])} of "
                 f"{quoted(graph._node[node['team']]['label'])} has no owner{also}. Name the "
                 "one person accountable for it."),
        data={"key_results": krs})
