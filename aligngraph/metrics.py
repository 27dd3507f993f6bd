"""Measures of the graph that checks, the report, pictures and the explorer share.

Each is a plain function of a frozen alignment graph: what a person carries, how much
was written top-down, what teams scored.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from dataclasses import dataclass

import networkx as nx

from .cycle_dates import in_final_weeks
from .graph import (
    CONTRIBUTES, KEY_RESULT, LEADS, MEMBER_OF, OBJECTIVE, OWNS, TEAM, key_results_of, nodes_of,
    team_key_results,
)


def person_load(graph: nx.DiGraph, person: str) -> tuple[set[str], set[str]]:
    """The objectives and key results a person owns or contributes to."""
    objectives, key_results = set(), set()
    nodes = graph._node
    for goal, data in graph._succ[person].items():
        if not data["kinds"] & _CARRIES:
            continue
        node = nodes[goal]
        if node["kind"] == KEY_RESULT:
            key_results.add(goal)
        objectives.add(node["objective"])
    return objectives, key_results


_CARRIES = frozenset((OWNS, CONTRIBUTES))


def key_result_load(graph: nx.DiGraph, person: str, key_results: set[str]) -> set[str]:
    """The key results that add load beyond the objectives a person carries.

    Load is counted by objective: a key result adds none when its objective is one the
    person owns, one whose every key result they own (they carry it whole), or one of a
    team they lead (a lead carrying their own team's goals).
    """
    if not key_results:
        return set()
    nodes = graph._node
    led = {team for team, data in graph._succ[person].items() if LEADS in data["kinds"]}
    whole = {objective: _carried_whole(graph, person, objective, led)
             for objective in {nodes[kr]["objective"] for kr in key_results}}
    return {kr for kr in key_results if not whole[nodes[kr]["objective"]]}


def _carried_whole(graph: nx.DiGraph, person: str, objective: str, led: set[str]) -> bool:
    if graph._node[objective]["team"] in led:
        return True
    if OWNS in graph._succ[person].get(objective, {}).get("kinds", ()):
        return True
    return all(OWNS in graph._succ[person].get(kr, {}).get("kinds", ())
               for kr in key_results_of(graph, objective))


@dataclass(frozen=True)
class Load:
    """What one person carries, each measure split between their own teams and others.

    Counted as the overloaded-contributor check counts: ``objectives`` they own or
    contribute to, ``key_results`` that add load beyond those (:func:`key_result_load`),
    and the ``teams`` whose objectives those are. "Own" means a team the person is a
    member of or leads. Each measure is ``(own, other)``; its total is what the check's
    thresholds apply to.
    """

    person: str
    objectives: tuple[int, int]
    key_results: tuple[int, int]
    teams: tuple[int, int]

    def total(self, measure: str) -> int:
        """The sum of a measure (``objectives``, ``key_results`` or ``teams``)."""
        own, other = getattr(self, measure)
        return own + other


def own_teams(graph: nx.DiGraph, person: str) -> set[str]:
    """The teams a person is a member of or leads."""
    return {team for team, data in graph._succ[person].items()
            if data["kinds"] & _BELONGS}


_BELONGS = frozenset((MEMBER_OF, LEADS))


def split_load(graph: nx.DiGraph, person: str) -> Load:
    """A person's :class:`Load`: each measure split between their own teams and others."""
    objectives, key_results = person_load(graph, person)
    extra = key_result_load(graph, person, key_results)
    mine = own_teams(graph, person)
    nodes = graph._node

    def split(teams: list[str]) -> tuple[int, int]:
        own = sum(team in mine for team in teams)
        return own, len(teams) - own

    return Load(person=person,
                objectives=split([nodes[o]["team"] for o in objectives]),
                key_results=split([nodes[kr]["team"] for kr in extra]),
                teams=split(sorted({nodes[o]["team"] for o in objectives})))


def is_top_down(graph: nx.DiGraph, objective: str) -> bool:
    """Whether an objective was written top-down."""
    return graph.nodes[objective]["record"].origin == "top-down"


def top_down_share(graph: nx.DiGraph) -> float | None:
    """The share of all objectives written top-down, or None with no objectives."""
    objectives = list(nodes_of(graph, OBJECTIVE))
    if not objectives:
        return None
    return sum(is_top_down(graph, o) for o in objectives) / len(objectives)


def team_scores(graph: nx.DiGraph, team: str) -> dict[str, float]:
    """The scores of a team's scored key results, by key-result id."""
    return {graph.nodes[kr]["id"]: graph.nodes[kr]["record"].score
            for kr in team_key_results(graph, team)
            if graph.nodes[kr]["record"].score is not None}


def final_team_averages(graph: nx.DiGraph, *, min_scored: int, final_days: int
                        ) -> Iterator[tuple[str, dict[str, float], float]]:
    """Each team's scores and their average, once the cycle is in its final days.

    Yields ``(team, scores, average)`` for every team with at least ``min_scored``
    scored key results; nothing before the last ``final_days`` of the cycle.
    """
    if not in_final_weeks(graph, final_days):
        return
    for team, scores in _all_team_scores(graph):
        if len(scores) >= min_scored:
            yield team, dict(scores), sum(scores.values()) / len(scores)


_team_scores_memo: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _all_team_scores(graph: nx.DiGraph) -> list[tuple[str, dict[str, float]]]:
    """Every team with its scores, collected once per graph: sandbagging and overreach
    both read them (each yields a copy, since findings keep them)."""
    if graph not in _team_scores_memo:
        _team_scores_memo[graph] = [(team, team_scores(graph, team))
                                    for team in nodes_of(graph, TEAM)]
    return _team_scores_memo[graph]
