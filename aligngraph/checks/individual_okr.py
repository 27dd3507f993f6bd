"""Individual OKR: an objective owned by a one-person team.

Rationale
---------
OKRs work at company and team level. Individual OKRs turn into performance reviews and
to-do lists, multiply the number of goals to track, and tend to slow an organisation
down. A question worth asking, not an error.

Fires when
----------
An objective is owned by a team whose only member is its lead (the only person whose
home team it is). Reported as ``info``. Needs ``people`` that record membership: when no
team has a member besides its lead (files that list only the leads, as exports of
published OKRs often do), membership is unknown and nothing is reported.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from ..graph import LEADS, MEMBER_OF, TEAM, nodes_of, objectives_of, sources
from ..text import quoted
from .base import Finding

SLUG = "individual-okr"
CODE = "AG212"
TITLE = "Individual OKR"
SEVERITY = "info"
FAMILY = "hygiene"
OPTIONS: dict = {}


def check(graph: nx.DiGraph) -> Iterator[Finding]:
    """Yield a finding for every objective of a team that is one person.

    Parameters
    ----------
    graph : networkx.DiGraph
        A frozen alignment graph.

    Yields
    ------
    Finding
        One per objective of a one-person team.
    """
    teams = [(t, set(sources(graph, t, MEMBER_OF)), set(sources(graph, t, LEADS)))
             for t in nodes_of(graph, TEAM)]
    if not any(members - leads for _, members, leads in teams):
        return
    for team, members, leads in teams:
        if len(members) != 1 or members != leads:
            continue
        person = graph.nodes[next(iter(members))]
        for objective in objectives_of(graph, team):
            node = graph.nodes[objective]
            yield Finding(
                subject=node["id"], subject_kind="objective",
                related=(graph.nodes[team]["id"], person["id"]),
                message=(f"Objective {node['id']} {quoted(node['label'])} belongs to "
                         f"{quoted(graph.nodes[team]['label'])}, a team of one ({person['label']}). "
                         "Individual OKRs tend to slow organisations down: is this a team "
                         "goal, or a personal plan?"),
                data={"team": graph.nodes[team]["id"], "person": person["id"]})
