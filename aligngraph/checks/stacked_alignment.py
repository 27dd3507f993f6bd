"""Stacked alignment: a level where children fit their parent exactly, or echo it.

Rationale
---------
OKRs should align, not stack. Under a healthy parent, some child objectives stretch a
little outside what the parent asked, and some parent goals are left unsupported: these
small gaps let the structure absorb shocks and leave room for the teams' own ideas. A
level where every child fits exactly and every parent goal is covered is rigid, a
cascade rather than an alignment. So is one where children copy their parent's words.

Fires when
----------
For a team P with sub-teams (see :mod:`aligngraph.slack` for stretch, gap and echo), the
objectives of P's direct sub-teams number at least ``min_child_objectives``, and either
stretch and gap are both 0, or echo is at least ``max_echo``. The subject is P.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from ..graph import TEAM, team_key
from ..slack import DEFAULT_ECHO_SIMILARITY, Level, slack_levels
from .base import Finding, Option

SLUG = "stacked-alignment"
CODE = "AG104"
TITLE = "Stacked alignment"
SEVERITY = "warning"
FAMILY = "alignment"
OPTIONS = {
    "min_child_objectives": Option(3, "Fewest child objectives for a level to be judged.",
                                   minimum=1),
    "max_echo": Option(0.5, "Share of echoing child objectives that makes a level stacked.",
                       minimum=0, maximum=1),
    "echo_similarity": Option(DEFAULT_ECHO_SIMILARITY, "Title similarity (0 to 1) at which "
                              "a child objective echoes the goal it aligns to.",
                              minimum=0, maximum=1),
}


def check(graph: nx.DiGraph, *, min_child_objectives: int, max_echo: float,
          echo_similarity: float) -> Iterator[Finding]:
    """Yield a finding for every parent team whose level below is stacked.

    Parameters
    ----------
    graph : networkx.DiGraph
        A frozen alignment graph.
    **options
        The options in ``OPTIONS``, the one place their defaults and meaning are declared.

    Yields
    ------
    Finding
        One per stacked level, the parent team as the subject.
    """
    for level in slack_levels(graph, echo_similarity=echo_similarity):
        if level.is_stacked(min_child_objectives=min_child_objectives, max_echo=max_echo):
            yield _finding(graph, level, max_echo)


def _finding(graph: nx.DiGraph, level: Level, max_echo: float) -> Finding:
    name = graph.nodes[team_key(level.team)]["label"]
    if (level.echo or 0) >= max_echo:
        why = (f"{len(level.echoed)} of the {level.children} objectives of its sub-teams "
               "nearly repeat the words of the goal they align to")
    else:
        why = (f"all {level.children} objectives of its sub-teams fit exactly into its "
               "goals and every one of its goals is covered")
    message = (f"Alignment under {name!r} is stacked: {why}. A cascade this tight cannot "
               "absorb change. Let sub-teams write goals in their own words, and leave "
               "room for some that stretch beyond the parent.")
    return Finding(subject=level.team, subject_kind=TEAM, message=message,
                   related=level.echoed,
                   data={"children": level.children, "stretch": level.stretch,
                         "gap": level.gap, "echo": level.echo, "echoed": list(level.echoed)})
