"""Stacked alignment: a level where children fit their parent exactly, or echo it.

Rationale
---------
OKRs should align, not stack. Under a healthy parent, some child objectives overflow a
little outside what the parent asked, and some parent goals are left unsupported: these
small gaps let the structure absorb shocks and leave room for the teams' own ideas. A
level where every child fits exactly and every parent goal is covered is rigid, a
cascade rather than an alignment. So is one where children copy their parent's words.
Exact fit says nothing when the parent has a single objective (everything fits one
goal), or when the team tree was drawn from the goal tree (then every level fits by
construction): neither is judged.

Fires when
----------
For a team P with sub-teams (see :mod:`aligngraph.slack` for overflow, gap and echo), the
objectives of P's direct sub-teams number at least ``min_child_objectives``, and either
echo is at least ``max_echo``, or overflow and gap are both 0 while P owns at least
``min_parent_objectives`` objectives.

Exact fit is not judged when the team tree mirrors the goal tree: over two levels or
more, at least ``mirror_share`` of the objectives of non-root teams align, and only to
goals their parent team owns. Echo always is.

The subject is P; the message names the children that echo and what they echo, or how
the children fit the goals above.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

import networkx as nx

from ..graph import (
    ALIGNS_TO, TEAM, goal_key, objective_of, objectives_of, sub_teams, targets, team_key,
)
from ..slack import DEFAULT_ECHO_SIMILARITY, Level, mirror_share, slack_levels
from ..text import natural_key, natural_sorted, quoted
from .base import Finding, Option

SLUG = "stacked-alignment"
CODE = "AG104"
TITLE = "Stacked alignment"
SEVERITY = "warning"
FAMILY = "alignment"
OPTIONS = {
    "min_child_objectives": Option(3, "Fewest child objectives for a level to be judged.",
                                   minimum=1),
    "min_parent_objectives": Option(2, "Fewest objectives the parent must own for an exact "
                                    "fit to count as stacked.", minimum=1),
    "max_echo": Option(0.5, "Share of echoing child objectives that makes a level stacked.",
                       minimum=0, maximum=1),
    "echo_similarity": Option(DEFAULT_ECHO_SIMILARITY, "Title similarity (0 to 1) at which "
                              "a child objective echoes the goal it aligns to.",
                              minimum=0, maximum=1),
    "mirror_share": Option(0.9, "Share of non-root teams' objectives aligned only to their "
                           "parent team's goals from which the team tree mirrors the goal "
                           "tree, and exact fit is not judged.", minimum=0, maximum=1),
}


def is_mirrored(graph: nx.DiGraph, threshold: float) -> bool:
    """Whether the team tree mirrors the goal tree (see :func:`aligngraph.slack.mirror_share`)."""
    share = mirror_share(graph)
    return share is not None and share >= threshold


def check(graph: nx.DiGraph, *, min_child_objectives: int, min_parent_objectives: int,
          max_echo: float, echo_similarity: float, mirror_share: float) -> Iterator[Finding]:
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
    mirrored = is_mirrored(graph, mirror_share)
    for level in slack_levels(graph, echo_similarity=echo_similarity):
        if level.is_stacked(min_child_objectives=min_child_objectives, max_echo=max_echo,
                            min_parent_objectives=min_parent_objectives, mirrored=mirrored):
            yield _finding(graph, level, max_echo)


def _finding(graph: nx.DiGraph, level: Level, max_echo: float) -> Finding:
    name = quoted(graph.nodes[team_key(level.team)]["label"])
    if (level.echo or 0) >= max_echo:
        why = (f"{len(level.echoed)} of the {level.children} objectives of its sub-teams "
               f"nearly repeat the words of the goal they align to: {_echoes(graph, level)}")
    else:
        why = (f"all {level.children} objectives of its sub-teams fit exactly into the goals "
               f"above ({_fit_list(graph, level)}), and every one of its "
               f"{level.own_objectives} objectives is covered")
    message = (f"Alignment under {name} is stacked: {why}. A cascade this tight cannot "
               "absorb change. Let sub-teams write goals in their own words, and leave "
               "room for some that go beyond the parent.")
    return Finding(subject=level.team, subject_kind=TEAM, message=message,
                   related=level.echoed,
                   data={"children": level.children, "overflow": level.overflow,
                         "gap": level.gap, "echo": level.echo, "echoed": list(level.echoed),
                         "echo_pairs": dict(level.echo_pairs)})


def _echoes(graph: nx.DiGraph, level: Level, limit: int = 4) -> str:
    shown = [f"{child} echoes {goal} {quoted(graph.nodes[goal_key(goal)]['label'], 50)}"
             for child, goal in level.echo_pairs[:limit]]
    return "; ".join(shown) + ("; …" if len(level.echo_pairs) > limit else "")


def _fit_list(graph: nx.DiGraph, level: Level) -> str:
    """'S1, M1 → C1; P1 → C2': the children under each parent objective they align to."""
    parent = team_key(level.team)
    under: dict[str, list[str]] = defaultdict(list)
    for team in sub_teams(graph, parent):
        for child in objectives_of(graph, team):
            for target in targets(graph, child, ALIGNS_TO):
                under[graph.nodes[objective_of(graph, target)]["id"]].append(
                    graph.nodes[child]["id"])
    return "; ".join(f"{', '.join(natural_sorted(set(kids)))} → {goal}"
                     for goal, kids in sorted(under.items(), key=lambda item: natural_key(item[0])))
