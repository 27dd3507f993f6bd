"""Missing liaison: a cross-team goal with no named person to unstick it.

Rationale
---------
Any OKR that depends on several teams needs one named person whose job is to unstick it
when it stalls. Without one, each team waits for the other, and the goal dies quietly
between them.

Fires when
----------
A goal is cross-team when it lists ``depends_on`` teams other than its own team, or
(for a key result) has a contributor whose home team is neither the objective's team nor
one of its sub-teams. It fires when such a goal has no ``liaison``, nor has its
objective. The subject is the goal that declares the dependency.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from ..graph import (
    CONTRIBUTES, DEPENDS_ON, OBJECTIVE, home_team, key_results_of, nodes_of, sources,
    targets, team_ancestors, team_of,
)
from ..text import quoted
from .base import Finding

SLUG = "missing-liaison"
CODE = "AG106"
TITLE = "Cross-team goal without a liaison"
SEVERITY = "error"
FAMILY = "alignment"
OPTIONS: dict = {}


def check(graph: nx.DiGraph) -> Iterator[Finding]:
    """Yield a finding for every cross-team goal that has no liaison.

    Parameters
    ----------
    graph : networkx.DiGraph
        A frozen alignment graph.

    Yields
    ------
    Finding
        One per goal that declares a cross-team dependency without a liaison.
    """
    for objective in nodes_of(graph, OBJECTIVE):
        team = team_of(graph, objective)
        has_liaison = graph.nodes[objective]["record"].liaison is not None
        for goal in (objective, *key_results_of(graph, objective)):
            record = graph._node[goal]["record"]
            if has_liaison or record.liaison or not _links_out(record, goal != objective):
                continue
            teams = _other_teams(graph, goal, team)
            if teams:
                yield _finding(graph, goal, team, teams)


def _links_out(record, key_result: bool) -> bool:
    """Whether a goal names a team it depends on or (a key result) a contributor: the
    edges :func:`_other_teams` follows are made from these fields alone, and most goals
    have neither."""
    return bool(record.depends_on or (key_result and record.contributors))


def _other_teams(graph: nx.DiGraph, goal: str, team: str) -> dict[str, str]:
    """The other teams a goal involves, each with how: ``depends_on`` or contributor."""
    involved = {t: "depends_on" for t in targets(graph, goal, DEPENDS_ON) if t != team}
    for person in sources(graph, goal, CONTRIBUTES):
        home = home_team(graph, person)
        if home and home != team and team not in team_ancestors(graph, home):
            involved.setdefault(home, f"contributor {graph.nodes[person]['id']}")
    return involved


def _finding(graph: nx.DiGraph, goal: str, team: str, teams: dict[str, str]) -> Finding:
    node = graph.nodes[goal]
    names = ", ".join(graph.nodes[t]["label"] for t in teams)
    message = (f"{node['id']} {quoted(node['label'])} of {quoted(graph.nodes[team]['label'])} depends on "
               f"{names}, but nobody is named liaison. Name one person whose job is to "
               "unstick it when it stalls.")
    other = [graph.nodes[t]["id"] for t in teams]
    return Finding(subject=node["id"], subject_kind=node["kind"], message=message,
                   related=tuple(other),
                   data={"team": graph.nodes[team]["id"], "other_teams": other,
                         "via": {graph.nodes[t]["id"]: how for t, how in teams.items()}})
