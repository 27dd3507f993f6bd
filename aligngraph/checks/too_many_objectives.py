"""Too many objectives: a team trying to focus on everything.

Rationale
---------
Three is the ceiling, not the floor, for a team; two or three is enough at company level.
Every objective past that thins out attention, and the team ends the cycle having moved
nothing far.

Fires when
----------
A team owns more than ``max_objectives`` objectives, or a root team more than
``max_root_objectives``.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from ..graph import TEAM, nodes_of, objectives_of, parent_team
from ..text import quoted
from .base import Finding, Option

SLUG = "too-many-objectives"
CODE = "AG201"
TITLE = "Too many objectives"
SEVERITY = "warning"
FAMILY = "hygiene"
OPTIONS = {
    "max_objectives": Option(3, "Most objectives a team should own.", minimum=1),
    "max_root_objectives": Option(3, "Most objectives a root (company) team should own.",
                                  minimum=1),
}


def check(graph: nx.DiGraph, *, max_objectives: int, max_root_objectives: int
          ) -> Iterator[Finding]:
    """Yield a finding for every team with more objectives than it can focus on.

    Parameters
    ----------
    graph : networkx.DiGraph
        A frozen alignment graph.
    **options
        The options in ``OPTIONS``, the one place their defaults and meaning are declared.

    Yields
    ------
    Finding
        One per team over its limit.
    """
    for team in nodes_of(graph, TEAM):
        objectives = objectives_of(graph, team)
        is_root = parent_team(graph, team) is None
        limit = max_root_objectives if is_root else max_objectives
        if len(objectives) > limit:
            node = graph.nodes[team]
            ids = [graph.nodes[o]["id"] for o in objectives]
            level = "company-level team" if is_root else "team"
            yield Finding(
                subject=node["id"], subject_kind=TEAM, related=tuple(ids),
                message=(f"{quoted(node['label'])} has {len(objectives)} objectives; {limit} is the "
                         f"ceiling for a {level}, not the floor. Pick the ones that matter "
                         "most this cycle and let the rest go."),
                data={"objectives": ids, "limit": limit})
