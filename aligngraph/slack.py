"""Alignment slack, level by level: overflow, gap and echo under each parent team.

OKRs should align, not stack. Under a healthy (*balanced*) parent, some child objectives
overflow what the parent asked for, and some of the parent's goals are left unsupported.
A level where every child fits exactly and every parent goal is covered, or where the
children copy the parent's words, is rigid (*stacked*). A level where most children
ladder up to nothing is *detached*.

For a team ``P`` with sub-teams, the *child objectives* are those of P's direct
sub-teams, and:

- **overflow** (called *stretch* until version 1 of the report; the old name reads as
  "stretch goals") is the share of child objectives that align to no objective or key
  result owned by P or by one of P's ancestors (``intentional`` objectives count here). A
  child objective that aligns to nothing but copies such a goal (itself or through a key
  result, see :func:`aligngraph.copies.implicit_links`) is an unlinked alignment: it fits,
  and is named in ``copies``;
- **gap** is the share of P's own objectives that nothing supports (None when P owns no
  objectives);
- **echo** is the share of child objectives whose title nearly repeats the title of a
  goal it aligns to (or, for a key result, of that key result's objective):
  :func:`aligngraph.text.similarity` at or above ``echo_similarity``.

When the team tree mirrors the goal tree (:func:`mirror_share`: nearly every sub-team
objective aligns, and only to goals its parent team owns), teams were drawn from the goals
(or the goals from the teams), so overflow and gap say nothing of slack: exact fit is not
judged, and only echo is.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass

import networkx as nx

from .copies import implicit_link
from .graph import (
    ALIGNS_TO, TEAM, is_supported, key_results_of, nodes_of, objective_of, objectives_of,
    parent_team, sub_teams, targets, team_ancestors, team_key, team_of,
)
from .text import echoes

DEFAULT_ECHO_SIMILARITY = 0.85

_fits_memo: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_levels_memo: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_mirror_memo: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class Fit:
    """How the objectives under one parent team fit it: overflow and gap, no echo."""

    team: str
    depth: int
    children: int
    own_objectives: int
    overflow: float | None
    gap: float | None
    overflowing: tuple[str, ...]
    intentional: tuple[str, ...]
    unsupported: tuple[str, ...]
    #: Each child objective's goal (itself or a key result) that copies a goal above
    #: without linking to it, with the goal it copies.
    copies: tuple[tuple[str, str], ...] = ()

    @property
    def stretch(self) -> float | None:
        """Deprecated name of :attr:`overflow`."""
        return self.overflow

    @property
    def stretched(self) -> tuple[str, ...]:
        """Deprecated name of :attr:`overflowing`."""
        return self.overflowing

    def is_detached(self, *, max_overflow: float) -> bool:
        """More than ``max_overflow`` of the child objectives ladder to nothing above."""
        return self.overflow is not None and self.overflow > max_overflow

    def is_exact_fit(self) -> bool:
        """Every child objective fits and every parent objective is covered."""
        return self.overflow == 0 and self.gap == 0


@dataclass(frozen=True)
class Level(Fit):
    """The slack figures of the level of objectives under one parent team."""

    echo: float | None = None
    echoed: tuple[str, ...] = ()
    #: Each echoing child objective with the goal whose words it repeats.
    echo_pairs: tuple[tuple[str, str], ...] = ()

    def is_stacked(self, *, min_child_objectives: int, max_echo: float,
                   min_parent_objectives: int = 1, mirrored: bool = False) -> bool:
        """Children echo the parent's words, or (unless the team tree mirrors the goal
        tree) every child fits and every one of at least ``min_parent_objectives``
        parent objectives is covered.

        A parent that owns no objectives has no gap to measure (``gap`` is None), so
        only echo can make its level stacked.
        """
        if self.children < min_child_objectives:
            return False
        if (self.echo or 0) >= max_echo:
            return True
        return (not mirrored and self.own_objectives >= min_parent_objectives
                and self.is_exact_fit())


def level_fits(graph: nx.DiGraph) -> list[Fit]:
    """Overflow and gap under every team that has sub-teams, in graph order.

    Computed once per graph: the slack checks and the report share it.
    """
    if graph not in _fits_memo:
        _fits_memo[graph] = [_fit(graph, team) for team in nodes_of(graph, TEAM)
                             if sub_teams(graph, team)]
    return _fits_memo[graph]


def slack_levels(graph: nx.DiGraph, *, echo_similarity: float) -> list[Level]:
    """The slack figures of every team that has sub-teams, in graph order.

    The fit is computed once per graph (:func:`level_fits`), the echo once per graph
    and threshold.
    """
    per_graph = _levels_memo.setdefault(graph, {})
    if echo_similarity not in per_graph:
        per_graph[echo_similarity] = [_level(graph, fit, echo_similarity)
                                      for fit in level_fits(graph)]
    return per_graph[echo_similarity]


def mirror_share(graph: nx.DiGraph) -> float | None:
    """The share of the objectives of non-root teams that align, and only to goals
    their parent team owns; None when fewer than two parent teams have sub-teams with
    objectives (one level is just a level: it mirrors no tree).

    Near 1, the team tree mirrors the goal tree: on GitLab's published OKRs, for
    example, each team is the role that owns the goals, placed under the owner of
    their parents.
    """
    if graph not in _mirror_memo:
        total = mirrored = 0
        parents = set()
        for team in nodes_of(graph, TEAM):
            parent = parent_team(graph, team)
            if parent is None:
                continue
            for objective in objectives_of(graph, team):
                total += 1
                parents.add(parent)
                aligned = [team_of(graph, t) for t in targets(graph, objective, ALIGNS_TO)]
                mirrored += bool(aligned) and all(t == parent for t in aligned)
        _mirror_memo[graph] = mirrored / total if len(parents) >= 2 else None
    return _mirror_memo[graph]


def _fit(graph: nx.DiGraph, parent: str) -> Fit:
    above = {parent, *team_ancestors(graph, parent)}
    children = _children(graph, parent)
    unfit = [c for c in children if not _fits(graph, c, above)]
    copies = {c: pair for c in unfit if (pair := _copy_pair(graph, c, above))}
    overflowing = [c for c in unfit if c not in copies]
    own = objectives_of(graph, parent)
    unsupported = [o for o in own if not is_supported(graph, o)]
    return Fit(
        team=graph.nodes[parent]["id"],
        depth=graph.nodes[parent]["depth"],
        children=len(children),
        own_objectives=len(own),
        overflow=_share(overflowing, children),
        gap=_share(unsupported, own),
        overflowing=_ids(graph, overflowing),
        intentional=_ids(graph, (c for c in overflowing
                                 if graph.nodes[c]["record"].intentional)),
        unsupported=_ids(graph, unsupported),
        copies=tuple((graph.nodes[g]["id"], graph.nodes[o]["id"]) for g, o in copies.values()),
    )


def _copy_pair(graph: nx.DiGraph, objective: str, above: set[str]
               ) -> tuple[str, str] | None:
    """The objective, or one of its key results, and the goal above that it copies."""
    for goal in (objective, *key_results_of(graph, objective)):
        original = implicit_link(graph, goal)
        if original is not None and team_of(graph, original) in above:
            return goal, original
    return None


def _level(graph: nx.DiGraph, fit: Fit, echo_similarity: float) -> Level:
    children = _children(graph, team_key(fit.team))
    pairs = [(c, echoed) for c in children
             if (echoed := _echoed_goal(graph, c, echo_similarity)) is not None]
    return Level(**vars(fit), echo=_share(pairs, children),
                 echoed=_ids(graph, (c for c, _ in pairs)),
                 echo_pairs=tuple((graph.nodes[c]["id"], graph.nodes[g]["id"])
                                  for c, g in pairs))


def _children(graph: nx.DiGraph, parent: str) -> list[str]:
    return [o for team in sub_teams(graph, parent) for o in objectives_of(graph, team)]


def _ids(graph: nx.DiGraph, keys) -> tuple[str, ...]:
    return tuple(graph.nodes[k]["id"] for k in keys)


def _fits(graph: nx.DiGraph, objective: str, above: set[str]) -> bool:
    return any(team_of(graph, target) in above for target in targets(graph, objective, ALIGNS_TO))


def _echoed_goal(graph: nx.DiGraph, objective: str, threshold: float) -> str | None:
    """The goal an objective aligns to (or that goal's objective) whose words it repeats."""
    title = graph.nodes[objective]["label"]
    for target in targets(graph, objective, ALIGNS_TO):
        for parent in dict.fromkeys((target, objective_of(graph, target))):
            if echoes(title, graph.nodes[parent]["label"], threshold):
                return parent
    return None


def _share(part: list, whole: list) -> float | None:
    return len(part) / len(whole) if whole else None
