"""Copies: goals whose titles repeat another goal's title word for word, or nearly.

Teams often copy a goal from the level above instead of linking to it. A copy that does
not align to the goal it repeats is an alignment the files never recorded: an *implicit
link*. Checks that judge alignment (orphan teams, unsupported parents, detached levels)
treat it as an unlinked alignment and ask for the link; duplicate goals anywhere are
grouped by :func:`title_groups`.

Titles are compared after :func:`aligngraph.text.normalise`. Exact copies are found across
the whole organisation in one pass; near copies (similarity at or above ``NEAR_COPY``) are
looked for only in the teams above a goal's own, which keeps the cost linear in the size
of the organisation times its depth.
"""

from __future__ import annotations

import weakref
from collections import defaultdict

import networkx as nx
from rapidfuzz import fuzz, process

from .graph import (
    ALIGNS_TO, GOAL_KINDS, OBJECTIVE, nodes_of, objective_of, objectives_of, targets,
)
from .graph import key_results_of, sub_teams, team_ancestors, team_goals, team_of
from .text import normalise

#: Similarity from which two titles count as the same goal written twice.
NEAR = 0.9

#: Similarity from which an objective copies an objective of a team above it. Lower than
#: ``NEAR``: a team that copies a goal from above often rewords it a little ("Build for
#: long-term revenue growth" under "Build foundation for long-term revenue growth", 0.86),
#: and the team above narrows the candidates to a handful.
NEAR_COPY = 0.85

_groups_memo: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_links_memo: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def title_groups(graph: nx.DiGraph) -> list[tuple[str, ...]]:
    """Groups of two or more goals (node keys) whose normalised titles are equal.

    >>> from aligngraph.pipeline import load_texts, build
    >>> graph = build(load_texts([("x.yaml", '''
    ... teams: [{id: a}, {id: b, parent: a}]
    ... objectives:
    ...   - {id: A1, team: a, title: Hire to plan}
    ...   - {id: B1, team: b, title: "Hire to plan!"}
    ...   - {id: B2, team: b, title: Ship the app}
    ... ''')]))
    >>> title_groups(graph)
    [('goal:A1', 'goal:B1')]
    """
    if graph not in _groups_memo:
        by_title: dict[str, list[str]] = defaultdict(list)
        for kind in GOAL_KINDS:
            for goal in nodes_of(graph, kind):
                title = normalise(graph.nodes[goal]["label"])
                if title:
                    by_title[title].append(goal)
        _groups_memo[graph] = [tuple(goals) for goals in by_title.values() if len(goals) > 1]
    return _groups_memo[graph]


def implicit_links(graph: nx.DiGraph) -> dict[str, str]:
    """Each goal that aligns to nothing but copies a goal of a team above its own, mapped
    to the goal it copies (the closest team up first, then the nearest title).

    A goal that aligns to the goal it copies is an echo, not an implicit link: see
    :mod:`aligngraph.slack`.
    """
    if graph not in _links_memo:
        titles = _team_titles(graph)
        _links_memo[graph] = {goal: original for goal, data in graph._node.items()
                              if data["kind"] in GOAL_KINDS
                              and (original := titles.link_of(goal)) is not None}
    return _links_memo[graph]


def implicit_link(graph: nx.DiGraph, goal: str) -> str | None:
    """The goal that ``goal`` copies, if it is an implicit link (see :func:`implicit_links`).

    Checks that ask about a few goals (orphan teams, the slack of unfit children) match
    only those, instead of every goal of the organisation.
    """
    return _team_titles(graph).link_of(goal)


_titles_memo: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _team_titles(graph: nx.DiGraph) -> _TeamTitles:
    if graph not in _titles_memo:
        _titles_memo[graph] = _TeamTitles(graph)
    return _titles_memo[graph]


class _TeamTitles:
    """Each goal's normalised title and implicit link, and each team's goals by title,
    each computed once, when first asked."""

    def __init__(self, graph: nx.DiGraph):
        self.graph = graph
        self._links: dict[str, str | None] = {}
        self.title: dict[str, str] = {}
        # Generated and copy-pasted organisations repeat titles: match each once per team.
        self._near: dict[tuple[str, str], str | None] = {}
        self._of_team: dict[str, tuple[dict[str, str], list[str], list[str]]] = {}
        self._above: dict[str, list[str]] = {}

    def link_of(self, goal: str) -> str | None:
        """The goal this one copies, when it aligns to nothing (see :meth:`copied_goal`)."""
        if goal not in self._links:
            aligned = any(ALIGNS_TO in edge["kinds"] for edge in self.graph._succ[goal].values())
            self._links[goal] = None if aligned else self.copied_goal(goal)
        return self._links[goal]

    def title_of(self, goal: str) -> str:
        if goal not in self.title:
            self.title[goal] = normalise(self.graph.nodes[goal]["label"])
        return self.title[goal]

    def copied_goal(self, goal: str) -> str | None:
        """An objective copies a goal of any team above, exactly or nearly (teams reword
        what they copy); a key result copies one of its parent team's goals exactly."""
        title = self.title_of(goal)
        if not title:
            return None
        if self.graph.nodes[goal]["kind"] == OBJECTIVE:
            # It aligns to nothing, so whatever it copies is unlinked.
            for team in self._ancestors(team_of(self.graph, goal)):
                found = self._exact_or_near(title, team)
                if found is not None:
                    return found
            return None
        above = self._ancestors(team_of(self.graph, goal))
        found = self._team(above[0])[0].get(title) if above else None
        return found if found is not None and found not in _linked(self.graph, goal) else None

    def _exact_or_near(self, title: str, team: str) -> str | None:
        key = (title, team)
        if key not in self._near:
            exact, keys, titles = self._team(team)
            found = exact.get(title)
            self._near[key] = found if found is not None else _nearest(title, keys, titles)
        return self._near[key]

    def _ancestors(self, team: str) -> list[str]:
        if team not in self._above:
            self._above[team] = team_ancestors(self.graph, team)
        return self._above[team]

    def _team(self, team: str) -> tuple[dict[str, str], list[str], list[str]]:
        """A team's goals by exact title, and its objectives with their titles."""
        if team not in self._of_team:
            objectives = objectives_of(self.graph, team)
            exact: dict[str, str] = {}
            for goal in team_goals(self.graph, team):
                exact.setdefault(self.title_of(goal), goal)
            self._of_team[team] = exact, objectives, [self.title_of(o) for o in objectives]
        return self._of_team[team]


def copies_below(graph: nx.DiGraph, goal: str, *, linked: bool = False) -> list[str]:
    """The goals of the direct sub-teams of a goal's team that copy it without linking
    to it (with ``linked``, those that do link too): the same title, or for two objectives
    a title at least ``NEAR_COPY`` alike.

    Cheap enough to ask of the few goals a check is about to report; see
    :func:`implicit_links` for the whole organisation at once.
    """
    title = normalise(graph.nodes[goal]["label"])
    if not title:
        return []
    near = graph.nodes[goal]["kind"] == OBJECTIVE
    found = []
    for team in sub_teams(graph, team_of(graph, goal)):
        for objective in objectives_of(graph, team):
            for candidate in (objective, *key_results_of(graph, objective)):
                if _copies(graph, candidate, title, near) and (
                        linked or not _links_to(graph, candidate, goal)):
                    found.append(candidate)
    return found


def _copies(graph: nx.DiGraph, candidate: str, title: str, near: bool) -> bool:
    other = normalise(graph.nodes[candidate]["label"])
    if other == title:
        return True
    return (near and graph.nodes[candidate]["kind"] == OBJECTIVE and bool(other)
            and fuzz.ratio(title, other, score_cutoff=NEAR_COPY * 100) > 0)


def _links_to(graph: nx.DiGraph, copy: str, original: str) -> bool:
    """Whether a copy, or its objective, already aligns to the original or its objective."""
    linked = _linked(graph, copy)
    return original in linked or objective_of(graph, original) in linked


def _nearest(title: str, keys: list[str], titles: list[str]) -> str | None:
    """The goal with the nearest title at or above ``NEAR_COPY``, or None."""
    best = process.extractOne(title, titles, scorer=fuzz.ratio, score_cutoff=NEAR_COPY * 100)
    return None if best is None else keys[best[2]]


def _linked(graph: nx.DiGraph, goal: str) -> set[str]:
    """What a goal already aligns to, itself or through its objective."""
    objective = objective_of(graph, goal)
    return {*targets(graph, goal, ALIGNS_TO), *targets(graph, objective, ALIGNS_TO)}
