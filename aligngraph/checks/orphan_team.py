"""Orphan team: a team that serves nobody outside itself.

Rationale
---------
A team's objectives may be internal, but at least one should serve a cross-functional or
strategic priority. If every objective is internal-only, the team is invisible to the
rest of the organisation, and nobody upstream will notice when it drifts.

Fires when
----------
A team that is not a root either has objectives, none of which (nor their key results)
aligns, directly or through a chain of ``aligns_to`` links, to a goal owned by another
team; or it is a leaf team with no objectives at all. A team with sub-teams and no
objectives of its own is only a grouping and is not reported. ``data.reason`` is
``internal-only`` or ``no-objectives``; for the latter, ``data.carried_elsewhere`` lists
the other teams' goals its people own or contribute to, and the message says so.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from ..graph import (
    ALIGNS_TO, CONTRIBUTES, LEADS, MEMBER_OF, OWNS, TEAM, key_results_of, nodes_of,
    objectives_of, parent_team, sources, sub_teams, targets, team_of,
)
from ..text import count_of
from .base import Finding

SLUG = "orphan-team"
CODE = "AG101"
TITLE = "Orphan team"
SEVERITY = "warning"
FAMILY = "alignment"
OPTIONS: dict = {}


def check(graph: nx.DiGraph) -> Iterator[Finding]:
    """Yield a finding for every non-root team that serves nobody outside itself.

    Parameters
    ----------
    graph : networkx.DiGraph
        A frozen alignment graph from :func:`aligngraph.graph.build_graph`.

    Yields
    ------
    Finding
        One per orphan team, with ``data["reason"]``.
    """
    for team in nodes_of(graph, TEAM):
        if parent_team(graph, team) is None:
            continue
        objectives = objectives_of(graph, team)
        if not objectives and not sub_teams(graph, team):
            yield _finding(graph, team, "no-objectives", [])
        elif objectives and not _serves_another_team(graph, team, objectives):
            yield _finding(graph, team, "internal-only", objectives)


def _serves_another_team(graph: nx.DiGraph, team: str, objectives: list[str]) -> bool:
    """Walk up ``aligns_to`` through the team's own goals until one leaves the team."""
    stack = [g for o in objectives for g in (o, *key_results_of(graph, o))]
    seen = set(stack)
    while stack:
        for target in targets(graph, stack.pop(), ALIGNS_TO):
            if team_of(graph, target) != team:
                return True
            if target not in seen:
                seen.add(target)
                stack.append(target)
    return False


def _finding(graph: nx.DiGraph, team: str, reason: str, objectives: list[str]) -> Finding:
    node = graph.nodes[team]
    ids = [graph.nodes[o]["id"] for o in objectives]
    intentional = [graph.nodes[o]["id"] for o in objectives
                   if graph.nodes[o]["record"].intentional]
    carried = _carried_elsewhere(graph, team) if reason == "no-objectives" else []
    message = _message(node["label"], ids, carried)
    if intentional:
        message += f" ({len(intentional)} of them marked intentional: {', '.join(intentional)}.)"
    return Finding(subject=node["id"], subject_kind=TEAM, message=message, related=tuple(ids),
                   data={"reason": reason, "objectives": ids, "intentional": intentional,
                         "carried_elsewhere": carried})


def _message(name: str, objectives: list[str], carried: list[str]) -> str:
    if carried:
        shown = ", ".join(carried[:5]) + (", …" if len(carried) > 5 else "")
        return (f"Team {name!r} has no objectives of its own; its work shows only as "
                f"{count_of(len(carried), 'goal')} its people carry for other teams ({shown}). "
                "Give it an objective that says what it delivers, aligned to a goal above it.")
    if not objectives:
        return (f"Team {name!r} has no objectives, so nothing connects its work to the rest "
                "of the organisation. Give it at least one objective that serves a goal above it.")
    opening = (f"The only objective of team {name!r} does not align" if len(objectives) == 1
               else f"None of the {len(objectives)} objectives of team {name!r} aligns")
    return (f"{opening} to a goal owned by another team: the team is invisible to the rest of "
            "the organisation. Link at least one objective to a cross-team or strategic goal.")


def _carried_elsewhere(graph: nx.DiGraph, team: str) -> list[str]:
    """Goals of other teams that this team's lead or members own or contribute to."""
    people = {*sources(graph, team, MEMBER_OF), *sources(graph, team, LEADS)}
    goals = {goal for person in people for goal, data in graph.succ[person].items()
             if data["kinds"] & {OWNS, CONTRIBUTES}}
    return sorted(graph.nodes[g]["id"] for g in goals)
