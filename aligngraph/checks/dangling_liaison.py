"""Dangling liaison: a liaison from outside the teams the goal involves.

Rationale
---------
A liaison unsticks cross-team work, which takes standing in the teams involved. A
liaison who belongs to none of them (nor to a team above or below one) may have been
named to fill the field. A question worth asking, not an error.

Fires when
----------
A goal's ``liaison`` has a home team, and neither it nor any team the liaison leads is
one of the goal's teams (its own team, its ``depends_on`` teams, its contributors' home
teams), a sub-team of one, or a team above one. Reported as ``info``.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from ..graph import (
    CONTRIBUTES, DEPENDS_ON, GOAL_KINDS, LEADS, LIAISON, PART_OF, home_team, nodes_of,
    objective_of, sources, targets, team_ancestors, team_of,
)
from ..text import quoted
from .base import Finding

SLUG = "dangling-liaison"
CODE = "AG213"
TITLE = "Liaison outside the teams involved"
SEVERITY = "info"
FAMILY = "hygiene"
OPTIONS: dict = {}


def check(graph: nx.DiGraph) -> Iterator[Finding]:
    """Yield a finding for every liaison unrelated to the teams their goal involves.

    Parameters
    ----------
    graph : networkx.DiGraph
        A frozen alignment graph.

    Yields
    ------
    Finding
        One per goal whose liaison stands outside its teams.
    """
    for goal in nodes_of(graph, *GOAL_KINDS):
        for liaison in sources(graph, goal, LIAISON):
            own = [t for t in (home_team(graph, liaison), *targets(graph, liaison, LEADS)) if t]
            involved = _involved(graph, goal)
            if own and not any(_related(graph, t, involved) for t in own):
                yield _finding(graph, goal, liaison, own, involved)


def _involved(graph: nx.DiGraph, goal: str) -> set[str]:
    objective = objective_of(graph, goal)
    krs = {goal} if goal != objective else set(sources(graph, objective, PART_OF))
    teams = {team_of(graph, goal)}
    for node in {goal, objective} | krs:
        teams.update(targets(graph, node, DEPENDS_ON))
        teams.update(filter(None, (home_team(graph, p) for p in sources(graph, node, CONTRIBUTES))))
    return teams


def _related(graph: nx.DiGraph, team: str, involved: set[str]) -> bool:
    if team in involved or involved & set(team_ancestors(graph, team)):
        return True
    return any(team in team_ancestors(graph, other) for other in involved)


def _finding(graph, goal, liaison, own, involved) -> Finding:
    node, person = graph.nodes[goal], graph.nodes[liaison]
    names = ", ".join(sorted(graph.nodes[t]["label"] for t in involved))
    return Finding(
        subject=node["id"], subject_kind=node["kind"],
        related=(person["id"], *sorted(graph.nodes[t]["id"] for t in involved)),
        message=(f"The liaison of {node['id']} {quoted(node['label'])}, {person['label']}, belongs "
                 f"to none of the teams it involves ({names}). Can they unstick work there?"),
        data={"liaison": person["id"], "liaison_teams": [graph.nodes[t]["id"] for t in own],
              "involved": sorted(graph.nodes[t]["id"] for t in involved)})
