"""Detached alignment: a level where most child objectives ladder up to nothing.

Rationale
---------
Some stretch outside the parent's goals is healthy. When most of the objectives under a
team align to nothing that team or its ancestors own, the level is drifting: the sub-teams
are running their own programme, and the parent's goals are unlikely to be met.

Fires when
----------
For a team P with sub-teams, the stretch of the level below it (see
:mod:`aligngraph.slack`) is above ``max_stretch``. Objectives marked ``intentional``
count as stretch, and are named in ``data.intentional`` as deliberate. The subject is P.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from ..graph import TEAM, team_key
from ..slack import Fit, level_fits
from .base import Finding, Option

SLUG = "detached-alignment"
CODE = "AG105"
TITLE = "Detached alignment"
SEVERITY = "warning"
FAMILY = "alignment"
OPTIONS = {
    "max_stretch": Option(0.5, "Largest healthy share of child objectives that align to "
                          "nothing above.", minimum=0, maximum=1),
}


def check(graph: nx.DiGraph, *, max_stretch: float) -> Iterator[Finding]:
    """Yield a finding for every parent team whose level below drifts away from it.

    Parameters
    ----------
    graph : networkx.DiGraph
        A frozen alignment graph.
    **options
        The options in ``OPTIONS``, the one place their defaults and meaning are declared.

    Yields
    ------
    Finding
        One per detached level, the parent team as the subject.
    """
    for level in level_fits(graph):
        if level.is_detached(max_stretch=max_stretch):
            yield _finding(graph, level)


def _finding(graph: nx.DiGraph, level: Fit) -> Finding:
    name = graph.nodes[team_key(level.team)]["label"]
    count = len(level.stretched)
    deliberate = (f" ({len(level.intentional)} of them marked intentional)"
                  if level.intentional else "")
    message = (f"Alignment under {name!r} is detached: {count} of the {level.children} "
               f"objectives of its sub-teams{deliberate} align to nothing {name!r} or its "
               "parents own. Check whether the sub-teams know the goals above them, or "
               "whether those goals still hold.")
    return Finding(subject=level.team, subject_kind=TEAM, message=message,
                   related=level.stretched,
                   data={"children": level.children, "stretch": level.stretch,
                         "stretched": list(level.stretched),
                         "intentional": list(level.intentional)})
