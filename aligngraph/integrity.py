"""Referential integrity of a merged organisation: every reference resolves, no cycles.

Pure domain code: it names the record and the field of each flaw, and the loader turns
that into a file and a line.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain

import networkx as nx

from .errors import excerpt
from .model import Goal, Organisation

# Suggestions ("did you mean …?") compare an unknown id with every known one. Past this
# many comparisons in one organisation, unknown ids are reported without a suggestion,
# so that thousands of broken references cost no more than reading them.
SUGGESTION_BUDGET = 20_000
MAX_SUGGESTED_LENGTH = 200


@dataclass(frozen=True)
class Flaw:
    """A problem in one record: ``kind`` and ``id`` name it, ``loc`` the field in it.

    ``ref`` is the id a broken reference names.
    """

    kind: str
    id: str
    loc: tuple
    message: str
    ref: str | None = None


def find_flaws(org: Organisation) -> list[Flaw]:
    """Every broken reference, every cycle and every link of a goal to itself in ``org``."""
    teams = {team.id for team in org.teams}
    goals = {o.id for o in org.objectives} | {k.id for o in org.objectives
                                              for k in o.key_results}
    people = None if org.people is None else {p.id for p in org.people}
    refs = _References(teams, people, goals)
    flaws = list(_team_flaws(org, refs))
    flaws += _person_flaws(org, refs)
    flaws += _goal_flaws(org, refs)
    flaws += _repeated_ids(org)
    flaws += _links_within_an_objective(org)
    flaws += _team_cycles(org)
    flaws += _alignment_cycles(org)
    return flaws


class _References:
    def __init__(self, teams: set[str], people: set[str] | None, goals: set[str]):
        self.known = {"team": teams, "person": people, "goal": goals}
        self._comparisons_left = SUGGESTION_BUDGET

    def check(self, kind, owner_kind, owner_id, loc, value) -> Iterator[Flaw]:
        known = self.known[kind]
        if value is None or known is None or value in known:
            return
        noun = {"team": "team", "person": "person", "goal": "objective or key result"}[kind]
        yield Flaw(owner_kind, owner_id, loc,
                   f"unknown {noun} {excerpt(value)}{self._suggestion(value, known)}", value)

    def _suggestion(self, value: str, known: set[str]) -> str:
        if len(value) > MAX_SUGGESTED_LENGTH or self._comparisons_left < len(known):
            return ""
        self._comparisons_left -= len(known)
        hint = difflib.get_close_matches(value, known, n=1)
        return f"; did you mean {excerpt(hint[0])}?" if hint else ""

    def check_all(self, kind, owner_kind, owner_id, field, values) -> Iterator[Flaw]:
        for index, value in enumerate(values):
            yield from self.check(kind, owner_kind, owner_id, (field, index), value)

    def all_known(self, kind: str, values: list[str]) -> bool:
        """Whether every one of ``values`` names a known record (or any would do)."""
        known = self.known[kind]
        return known is None or known.issuperset(values)

    def goal_resolves(self, goal: Goal) -> bool:
        """Whether :func:`_common_goal_flaws` would find nothing: the common case, told
        without walking each reference, as this runs for every goal."""
        people, teams = self.known["person"], self.known["team"] or set()
        if not self.all_known("goal", goal.aligns_to) or not teams.issuperset(goal.depends_on):
            return False
        if people is None:
            return goal.liaison not in teams
        return all(person is None or person in people for person in (goal.owner, goal.liaison))


def _team_flaws(org: Organisation, refs: _References) -> Iterator[Flaw]:
    for team in org.teams:
        yield from refs.check("team", "team", team.id, ("parent",), team.parent)
        yield from refs.check("person", "team", team.id, ("lead",), team.lead)


def _person_flaws(org: Organisation, refs: _References) -> Iterator[Flaw]:
    for person in org.people or ():
        yield from refs.check("team", "person", person.id, ("team",), person.team)


def _goal_flaws(org: Organisation, refs: _References) -> Iterator[Flaw]:
    for objective in org.objectives:
        yield from refs.check("team", "goal", objective.id, ("team",), objective.team)
        if not refs.goal_resolves(objective):
            yield from _common_goal_flaws(objective, refs)
        for kr in objective.key_results:
            if not refs.goal_resolves(kr):
                yield from _common_goal_flaws(kr, refs)
            if not refs.all_known("person", kr.contributors):
                yield from refs.check_all("person", "goal", kr.id, "contributors",
                                          kr.contributors)


def _common_goal_flaws(goal, refs: _References) -> Iterator[Flaw]:
    yield from refs.check("person", "goal", goal.id, ("owner",), goal.owner)
    yield from refs.check("person", "goal", goal.id, ("liaison",), goal.liaison)
    yield from _liaison_is_a_team(goal, refs)
    yield from refs.check_all("goal", "goal", goal.id, "aligns_to", goal.aligns_to)
    yield from refs.check_all("team", "goal", goal.id, "depends_on", goal.depends_on)


def _liaison_is_a_team(goal: Goal, refs: _References) -> Iterator[Flaw]:
    """When people are made up from references, a liaison that names a team is surely a
    slip: a liaison is a person. With people listed, the unknown person says it."""
    teams = refs.known["team"] or set()
    if refs.known["person"] is None and goal.liaison in teams:
        yield Flaw("goal", goal.id, ("liaison",),
                   f"liaison {excerpt(goal.liaison)} names a team; a liaison is a person who "
                   "unsticks the cross-team work (list people to give a person a team's id)")


def _repeated_ids(org: Organisation) -> Iterator[Flaw]:
    """An id given twice in one list of references: surely a slip for another id."""
    for objective in org.objectives:
        goals: list[Goal] = [objective, *objective.key_results]
        for goal in goals:
            fields = ["aligns_to", "depends_on"] + (["contributors"] if goal is not objective
                                                    else [])
            for name in fields:
                values = getattr(goal, name)
                if len(values) > 1 and len(set(values)) < len(values):
                    yield from _repeats_in(goal.id, name, values)


def _repeats_in(goal_id: str, field: str, values: list[str]) -> Iterator[Flaw]:
    first: dict[str, int] = {}
    for index, value in enumerate(values):
        if value in first:
            yield Flaw("goal", goal_id, (field, index),
                       f"{excerpt(value)} is listed twice in {field} (first as {field}"
                       f"[{first[value]}]); name each id once")
        first.setdefault(value, index)


def _links_within_an_objective(org: Organisation) -> Iterator[Flaw]:
    """A key result aligned to its own objective or to a sibling key result: alignment
    that stays inside one objective means nothing. (A goal's ``depends_on`` may name its
    own team: it loads, and does not make the goal cross-team.)"""
    for objective in org.objectives:
        siblings = {kr.id for kr in objective.key_results}
        for kr in objective.key_results:
            for index, target in enumerate(kr.aligns_to):
                if target == objective.id:
                    yield Flaw("goal", kr.id, ("aligns_to", index), (
                        f"key result {excerpt(kr.id)} aligns to its own objective "
                        f"{excerpt(objective.id)}; a key result already measures its objective, "
                        "so align it to a goal outside it"))
                elif target in siblings and target != kr.id:
                    yield Flaw("goal", kr.id, ("aligns_to", index), (
                        f"key result {excerpt(kr.id)} aligns to {excerpt(target)}, a key result "
                        f"of its own objective {excerpt(objective.id)}; key results of one "
                        "objective measure it side by side, so align it to a goal outside it"))


def _team_cycles(org: Organisation) -> Iterator[Flaw]:
    parents = {t.id: [t.parent] for t in org.teams if t.parent}
    for cycle in _cycles(parents):
        if len(cycle) == 1:
            yield Flaw("team", cycle[0], ("parent",), (
                f"team {excerpt(cycle[0])} names itself as its parent; a root team has no "
                "parent"))
            continue
        path = " → ".join([*cycle, cycle[0]])
        yield Flaw("team", cycle[0], ("parent",), f"team parents form a cycle: {path}")


def _alignment_cycles(org: Organisation) -> Iterator[Flaw]:
    edges: dict[str, list[str]] = {}
    objective_of = {}
    for objective in org.objectives:
        edges[objective.id] = objective.aligns_to  # read, never changed
        for kr in objective.key_results:
            objective_of[kr.id] = objective.id
            edges[kr.id] = [objective.id, *kr.aligns_to]
    for cycle in _cycles(edges):
        if len(cycle) == 2 and objective_of.get(cycle[0]) == cycle[1]:
            cycle = cycle[::-1]
        yield _alignment_flaw(cycle, objective_of)


def _alignment_flaw(cycle: list[str], objective_of: dict[str, str]) -> Flaw:
    if len(cycle) == 2 and objective_of.get(cycle[1]) == cycle[0]:
        return Flaw("goal", cycle[0], ("aligns_to",),
                    f"objective {excerpt(cycle[0])} aligns to its own key result "
                    f"{excerpt(cycle[1])}; "
                    "an objective can only support goals outside itself")
    # Start the cycle at a goal whose next step is an aligns_to link, not membership.
    starts = [i for i, goal in enumerate(cycle)
              if objective_of.get(goal) != cycle[(i + 1) % len(cycle)]]
    first = min(starts, key=lambda i: cycle[i]) if starts else 0
    cycle = cycle[first:] + cycle[:first]
    path = " → ".join([*cycle, cycle[0]])
    return Flaw("goal", cycle[0], ("aligns_to",), f"aligns_to links form a cycle: {path}")


def _cycles(edges: dict[str, list[str]]) -> Iterable[list[str]]:
    """One node list per cycle of a graph given as ``{node: [successors]}``.

    Nodes that cannot be on a cycle are peeled off first (Kahn's algorithm, linear in
    plain dicts); strongly connected components are computed only for what remains,
    which is empty for a valid file. A bare ``find_cycle`` is quadratic on large
    acyclic graphs; this is linear.
    """
    remaining = _peel_acyclic(edges)
    if not remaining:
        return
    graph = nx.DiGraph((u, v) for u in remaining for v in edges.get(u, ()) if v in remaining)
    for component in nx.strongly_connected_components(graph):
        if len(component) > 1:
            yield _ordered_cycle(graph.subgraph(component))
    for node in nx.nodes_with_selfloops(graph):
        yield [node]


def _peel_acyclic(edges: dict[str, list[str]]) -> set[str]:
    """The nodes left after repeatedly removing those with no incoming edge."""
    indegree: dict[str, int] = dict.fromkeys(edges, 0)
    indegree.update(Counter(chain.from_iterable(edges.values())))
    ready = [node for node, degree in indegree.items() if degree == 0]
    while ready:
        node = ready.pop()
        del indegree[node]
        for target in edges.get(node, ()):
            degree = indegree[target] = indegree[target] - 1
            if degree == 0:
                ready.append(target)
    return set(indegree)


def _ordered_cycle(component: nx.DiGraph) -> list[str]:
    start = min(component)
    return [edge[0] for edge in nx.find_cycle(component, start)]
