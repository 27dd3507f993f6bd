"""Detached alignment: a level where most child objectives ladder up to nothing.

Rationale
---------
Some overflow outside the parent's goals is healthy. When most of the objectives under a
team align to nothing that team or its ancestors own, the level is drifting: the sub-teams
are running their own programme, and the parent's goals are unlikely to be met. A child
objective that copies a goal above without linking to it is not drifting: it is an
unlinked alignment, and the finding asks for the link.

Fires when
----------
For a team P with sub-teams, the overflow of the level below it (see
:mod:`aligngraph.slack`) is above ``max_overflow``. Objectives marked ``intentional``
count as overflow, and are named in ``data.intentional`` as deliberate. Child objectives
that copy a goal above (themselves or through a key result) count as aligned, and are
named in ``data.copies`` with the goal they copy. The subject is P.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from ..graph import TEAM, goal_key, team_key
from ..slack import Fit, level_fits
from ..text import quoted
from .base import Finding, Option

SLUG = "detached-alignment"
CODE = "AG105"
TITLE = "Detached alignment"
SEVERITY = "warning"
FAMILY = "alignment"
OPTIONS = {
    "max_overflow": Option(0.5, "Largest healthy share of child objectives that align to "
                           "nothing above.", minimum=0, maximum=1),
}
#: ``max_stretch`` was renamed ``max_overflow`` in 0.x; the old name is still accepted for
#: one version.
RENAMED_OPTIONS = {"max_stretch": "max_overflow"}


def check(graph: nx.DiGraph, *, max_overflow: float) -> Iterator[Finding]:
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
        if level.is_detached(max_overflow=max_overflow):
            yield _finding(graph, level)


def _finding(graph: nx.DiGraph, level: Fit) -> Finding:
    name = quoted(graph.nodes[team_key(level.team)]["label"])
    count = len(level.overflowing)
    deliberate = (f" ({len(level.intentional)} of them marked intentional)"
                  if level.intentional else "")
    message = (f"Alignment under {name} is detached: {count} of the {level.children} "
               f"objectives of its sub-teams{deliberate} align to nothing {name} or its "
               f"parents own ({_listed(level.overflowing)}).{_copies(graph, level)} Check "
               "whether the sub-teams know the goals above them, or whether those goals "
               "still hold.")
    return Finding(subject=level.team, subject_kind=TEAM, message=message,
                   related=level.overflowing,
                   data={"children": level.children, "overflow": level.overflow,
                         "overflowing": list(level.overflowing),
                         "intentional": list(level.intentional),
                         "copies": dict(level.copies)})


def _listed(ids: tuple[str, ...], limit: int = 8) -> str:
    return ", ".join(ids[:limit]) + (", …" if len(ids) > limit else "")


def _copies(graph: nx.DiGraph, level: Fit) -> str:
    if not level.copies:
        return ""
    pairs = "; ".join(f"{child} copies {original} "
                      f"{quoted(graph.nodes[goal_key(original)]['label'], 50)}"
                      for child, original in level.copies)
    return (f" {len(level.copies)} more copy a goal above without linking to it ({pairs}): "
            "link them.")
