"""Alignment slack, level by level: stretch, gap and echo under each parent team.

OKRs should align, not stack. Under a healthy parent, some child objectives stretch
outside what the parent asked for, and some of the parent's goals are left unsupported.
A level where every child fits exactly and every parent goal is covered, or where the
children copy the parent's words, is rigid (*stacked*). A level where most children
ladder up to nothing is *detached*.

For a team ``P`` with sub-teams, the *child objectives* are those of P's direct
sub-teams, and:

- **stretch** is the share of child objectives that align to no objective or key result
  owned by P or by one of P's ancestors (``intentional`` objectives count here);
- **gap** is the share of P's own objectives that nothing supports (None when P owns no
  objectives);
- **echo** is the share of child objectives whose title nearly repeats the title of a
  goal it aligns to (or, for a key result, of that key result's objective):
  :func:`aligngraph.text.similarity` at or above ``echo_similarity``.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass

import networkx as nx

from .graph import (
    ALIGNS_TO, TEAM, is_supported, nodes_of, objective_of, objectives_of, sub_teams,
    targets, team_ancestors, team_key, team_of,
)
from .text import echoes

DEFAULT_ECHO_SIMILARITY = 0.85

_fits_memo: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_levels_memo: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class Fit:
    """How the objectives under one parent team fit it: stretch and gap, no echo."""

    team: str
    depth: int
    children: int
    own_objectives: int
    stretch: float | None
    gap: float | None
    stretched: tuple[str, ...]
    intentional: tuple[str, ...]
    unsupported: tuple[str, ...]

    def is_detached(self, *, max_stretch: float) -> bool:
        """More than ``max_stretch`` of the child objectives ladder to nothing above."""
        return self.stretch is not None and self.stretch > max_stretch


@dataclass(frozen=True)
class Level(Fit):
    """The slack figures of the level of objectives under one parent team."""

    echo: float | None
    echoed: tuple[str, ...]

    def is_stacked(self, *, min_child_objectives: int, max_echo: float) -> bool:
        """Every child fits and every parent goal is covered, or children echo.

        A parent that owns no objectives has no gap to measure (``gap`` is None), so
        only echo can make its level stacked.
        """
        if self.children < min_child_objectives:
            return False
        exact_fit = self.stretch == 0 and self.gap == 0
        return exact_fit or (self.echo or 0) >= max_echo


def level_fits(graph: nx.DiGraph) -> list[Fit]:
    """Stretch and gap under every team that has sub-teams, in graph order.

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


def _fit(graph: nx.DiGraph, parent: str) -> Fit:
    above = {parent, *team_ancestors(graph, parent)}
    children = _children(graph, parent)
    stretched = [c for c in children if not _fits(graph, c, above)]
    own = objectives_of(graph, parent)
    unsupported = [o for o in own if not is_supported(graph, o)]
    return Fit(
        team=graph.nodes[parent]["id"],
        depth=graph.nodes[parent]["depth"],
        children=len(children),
        own_objectives=len(own),
        stretch=_share(stretched, children),
        gap=_share(unsupported, own),
        stretched=_ids(graph, stretched),
        intentional=_ids(graph, (c for c in stretched if graph.nodes[c]["record"].intentional)),
        unsupported=_ids(graph, unsupported),
    )


def _level(graph: nx.DiGraph, fit: Fit, echo_similarity: float) -> Level:
    children = _children(graph, team_key(fit.team))
    echoed = [c for c in children if _echoes(graph, c, echo_similarity)]
    return Level(**vars(fit), echo=_share(echoed, children), echoed=_ids(graph, echoed))


def _children(graph: nx.DiGraph, parent: str) -> list[str]:
    return [o for team in sub_teams(graph, parent) for o in objectives_of(graph, team)]


def _ids(graph: nx.DiGraph, keys) -> tuple[str, ...]:
    return tuple(graph.nodes[k]["id"] for k in keys)


def _fits(graph: nx.DiGraph, objective: str, above: set[str]) -> bool:
    return any(team_of(graph, target) in above for target in targets(graph, objective, ALIGNS_TO))


def _echoes(graph: nx.DiGraph, objective: str, threshold: float) -> bool:
    title = graph.nodes[objective]["label"]
    return any(echoes(title, graph.nodes[parent]["label"], threshold)
               for target in targets(graph, objective, ALIGNS_TO)
               for parent in {target, objective_of(graph, target)})


def _share(part: list, whole: list) -> float | None:
    return len(part) / len(whole) if whole else None
