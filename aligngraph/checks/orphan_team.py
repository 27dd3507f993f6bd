"""Orphan team: a team that serves nobody outside itself.

Rationale
---------
A team's objectives may be internal, but at least one should serve a cross-functional or
strategic priority. If every objective is internal-only, nothing shows which goal above
the team it serves, and nobody upstream will notice when it drifts. A team that copies a
goal from above without linking to it does serve it: the link is what is missing. A team
without objectives whose people carry other teams' goals is delegation at work, not an
orphan.

Fires when
----------
A team that is not a root has objectives, none of which (nor their key results) aligns,
directly or through a chain of ``aligns_to`` links, to a goal owned by another team
(``data.reason`` is ``internal-only``). When one of its goals copies a goal of a team
above without linking to it (see :func:`aligngraph.copies.implicit_links`), the reason is
``copies`` and the finding names both goals and asks for the link.

It also fires on a leaf team with no objectives (``no-objectives``). When the team's
people own or contribute to goals of other teams (``data.carried_elsewhere``), its work
is visible through them: the finding is ``info``, and asks whether the team sits under
the right parent when those goals are not its ancestors'. The advice never asks a
one-person team for an objective of its own.

A team with sub-teams and no objectives of its own is only a grouping and is not reported.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from ..copies import implicit_link
from ..graph import (
    ALIGNS_TO, CONTRIBUTES, LEADS, MEMBER_OF, OWNS, TEAM, nodes_of, objectives_of,
    parent_team, sources, sub_teams, targets, team_ancestors, team_goals, team_of,
)
from ..text import count_of, natural_sorted, quoted
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
            yield _no_objectives(graph, team)
        elif objectives and not _serves_another_team(graph, team):
            yield _internal_only(graph, team, objectives)


def _serves_another_team(graph: nx.DiGraph, team: str) -> bool:
    """Whether one of the team's goals aligns to a goal of another team. No walk up the
    team's own goals is needed: every goal of the team is among those looked at."""
    return any(team_of(graph, target) != team for goal in team_goals(graph, team)
               for target in targets(graph, goal, ALIGNS_TO))


def _internal_only(graph: nx.DiGraph, team: str, objectives: list[str]) -> Finding:
    node = graph.nodes[team]
    ids = [graph.nodes[o]["id"] for o in objectives]
    intentional = [graph.nodes[o]["id"] for o in objectives
                   if graph.nodes[o]["record"].intentional]
    copies = {g: original for g in team_goals(graph, team)
              if (original := implicit_link(graph, g)) is not None}
    opening = (f"The only objective of team {quoted(node['label'])} does not align"
               if len(objectives) == 1 else
               f"None of the {len(objectives)} objectives of team {quoted(node['label'])} aligns")
    if copies:
        message = (f"{opening} to a goal of another team, but it copies goals above without "
                   f"linking to them: {_copy_list(graph, copies)}. Link each copy to what it "
                   "repeats, so the alignment shows.")
    else:
        message = (f"{opening} to a goal of another team: nothing shows which goal above it "
                   f"serves. Link at least one objective to {_candidates(graph, team)}.")
    if intentional:
        message += f" ({len(intentional)} of them marked intentional: {', '.join(intentional)}.)"
    data = {"reason": "copies" if copies else "internal-only", "objectives": ids,
            "intentional": intentional, "carried_elsewhere": [],
            "copies": {graph.nodes[c]["id"]: graph.nodes[o]["id"] for c, o in copies.items()}}
    return Finding(subject=node["id"], subject_kind=TEAM, message=message,
                   related=tuple(ids), data=data)


def _copy_list(graph: nx.DiGraph, copies: dict[str, str]) -> str:
    parts = []
    for copy, original in copies.items():
        o = graph.nodes[original]
        parts.append(f"{graph.nodes[copy]['id']} copies {o['id']} {quoted(o['label'], 50)} of "
                     f"{quoted(graph.nodes[o['team']]['label'])}")
    return "; ".join(parts)


def _candidates(graph: nx.DiGraph, team: str) -> str:
    """The goals above a team it could serve: the nearest ancestor's objectives."""
    for ancestor in team_ancestors(graph, team):
        objectives = objectives_of(graph, ancestor)
        if objectives:
            shown = ", ".join(f"{graph.nodes[o]['id']} {quoted(graph.nodes[o]['label'], 50)}"
                              for o in objectives[:3])
            more = ", …" if len(objectives) > 3 else ""
            return f"a goal of {quoted(graph.nodes[ancestor]['label'])} ({shown}{more})"
    return "a cross-team or strategic goal"


def _no_objectives(graph: nx.DiGraph, team: str) -> Finding:
    node = graph.nodes[team]
    people = _people(graph, team)
    carried = _carried_elsewhere(graph, people)
    data = {"reason": "no-objectives", "objectives": [], "intentional": [],
            "carried_elsewhere": natural_sorted(graph.nodes[g]["id"] for g in carried),
            "copies": {}}
    if carried:
        message = _carried_message(graph, team, carried, len(people))
        return Finding(subject=node["id"], subject_kind=TEAM, message=message,
                       data=data, severity="info")
    name = quoted(node["label"])
    parent = quoted(graph.nodes[parent_team(graph, team)]["label"])
    if len(people) == 1:
        person = graph.nodes[next(iter(people))]["label"]
        advice = (f"Its one person, {person}, carries no goal either: give them a key result "
                  f"of {parent}, or leave the team out of the file.")
    else:
        advice = "Give it at least one objective that serves a goal above it."
    message = (f"Team {name} has no objectives, and its people carry no goal of another "
               f"team, so nothing connects its work to the rest of the organisation. {advice}")
    return Finding(subject=node["id"], subject_kind=TEAM, message=message, data=data)


def _carried_message(graph: nx.DiGraph, team: str, carried: set[str], headcount: int) -> str:
    name = quoted(graph.nodes[team]["label"])
    owners = {team_of(graph, g) for g in carried}
    ids = natural_sorted(graph.nodes[g]["id"] for g in carried)
    shown = ", ".join(ids[:5]) + (", …" if len(ids) > 5 else "")
    where = ", ".join(quoted(graph.nodes[t]["label"]) for t in sorted(owners))
    opening = (f"Team {name} has no objectives of its own; its people carry "
               f"{count_of(len(ids), 'goal')} of {where} ({shown}).")
    above = set(team_ancestors(graph, team))
    if owners <= above:
        return opening + " That is delegation working: nothing to do."
    others = owners - above
    home = quoted(graph.nodes[sorted(others)[0]]["label"])
    if len(others) == 1:
        advice = f" If it works for {home}, place it under {home} in the team tree"
    else:
        advice = " Check that it sits under the right parent in the team tree"
    if headcount > 1:
        advice += "; if it has work of its own, give it an objective"
    return opening + advice + "."


def _people(graph: nx.DiGraph, team: str) -> set[str]:
    return {*sources(graph, team, MEMBER_OF), *sources(graph, team, LEADS)}


def _carried_elsewhere(graph: nx.DiGraph, people: set[str]) -> set[str]:
    """Goals of other teams that these people own or contribute to."""
    return {goal for person in people for goal, data in graph.succ[person].items()
            if data["kinds"] & {OWNS, CONTRIBUTES}}
