"""Duplicate goal: objectives or key results written twice, word for word or nearly.

Rationale
---------
A goal copied and pasted is either one goal with several owners, so nobody owns it, or
several goals that nobody took the time to tell apart. Four teams with "Accomplish Q1
hiring goals", two objectives measured by the same key results, a key result that repeats
its objective: each says less than it seems to, and the roll-up counts it twice.

Fires when
----------
Goals' titles are equal after :func:`aligngraph.text.normalise` (case, accents,
punctuation and spacing aside), anywhere in the organisation; or nearly equal within one
team's goals, a key result and its own objective included: rapidfuzz similarity at or
above ``near_similarity`` and the same meaningful words, whatever their form and order
("Hiring to target", "Hire to target"; but not "Adopt 2 Secure features" and "Adopt 2
Defend features", which differ by the word that matters). One finding per group, naming
every copy and its team. Two objectives whose key results are copies of each other are one
finding about the objectives ("the same key results"), and key results copied along with
their objective are named in the objective's finding. A key result that repeats its own
objective gets advice of its own, and so does a goal that copies one of a team above its
own without aligning to it (align it, and say what the team adds).

A copy that aligns to the goal it repeats (itself or through its objective, to that goal
or to its objective) is an echo of the level above, which stacked-alignment judges; it is
left out here.

Measured precision (read by hand, 2026-12): GitLab FY21-Q1 13 of 13 true, covering 16 of
its 18 groups of equal titles ("Accomplish Q1 hiring goals"
x4, "Enterprise-grade dot com." for CTO and Infrastructure with their key results, O15 and
O16 with the same key results); the two left out are echoes (O22 aligns to O21, O86 to
O83). GitLab FY20-Q4: 8 findings, among them the seven "Meet enterprise customer
expectations around timely feature delivery". Sourcegraph FY23-Q1 6 of 6 (three are
company key results that Marketing and Sales copy); none on GitLab FY24-Q3 or Sourcegraph
CY19-Q4.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

import networkx as nx
from rapidfuzz import fuzz

from ..copies import title_groups
from ..graph import (
    ALIGNS_TO, GOAL_KINDS, KEY_RESULT, OBJECTIVE, key_results_of, nodes_of, objective_of,
    targets, team_ancestors, team_of,
)
from ..text import lemma, natural_key, normalise, quoted
from .base import Finding, Option

SLUG = "duplicate-goal"
CODE = "AG214"
TITLE = "Duplicate goal"
SEVERITY = "warning"
FAMILY = "hygiene"
OPTIONS = {
    "near_similarity": Option(0.9, "Similarity (0 to 1) from which two titles of one team "
                                   "count as the same goal; 1 for exact copies only.",
                              minimum=0.5, maximum=1.0),
}

#: How many copies a message names before "and N more".
NAMED = 8


def check(graph: nx.DiGraph, *, near_similarity: float) -> Iterator[Finding]:
    """Yield one finding per group of goals that repeat each other.

    Parameters
    ----------
    graph : networkx.DiGraph
        A frozen alignment graph.
    **options
        The options in ``OPTIONS``, the one place their defaults and meaning are declared.

    Yields
    ------
    Finding
        One per group of copies, on its first goal in id order, the others in ``related``.
    """
    groups = [_without_echoes(graph, g) for g in _groups(graph, near_similarity)]
    groups = [g for g in groups if len(g) > 1]
    kinds = [{_kind(graph, m) for m in g} for g in groups]
    objective_groups = [g for g, k in zip(groups, kinds, strict=True) if k == {OBJECTIVE}]
    kr_groups = [g for g, k in zip(groups, kinds, strict=True) if k == {KEY_RESULT}]
    mixed = [g for g, k in zip(groups, kinds, strict=True) if len(k) > 1]
    copied_with: dict[frozenset, list[list[str]]] = defaultdict(list)
    by_objectives = {frozenset(g): g for g in objective_groups}
    same_sets: dict[frozenset, list[list[str]]] = defaultdict(list)
    for group in kr_groups:
        owners = frozenset(objective_of(graph, m) for m in group)
        if owners in by_objectives:
            copied_with[owners].append(group)
        elif len(owners) > 1:
            same_sets[owners].append(group)
        else:
            mixed.append(group)
    for owners, krs in list(same_sets.items()):
        if not _same_key_results(graph, owners, krs):
            mixed += krs
            del same_sets[owners]
    findings = [_copies(graph, g, copied_with.get(frozenset(g), [])) for g in objective_groups]
    findings += [_same_set(graph, owners, krs) for owners, krs in same_sets.items()]
    findings += [_copies(graph, g, []) for g in mixed]
    yield from sorted(findings, key=lambda f: natural_key(f.subject))


def _kind(graph: nx.DiGraph, goal: str) -> str:
    return graph._node[goal]["kind"]


def _groups(graph: nx.DiGraph, near: float) -> list[list[str]]:
    """Exact copies across the organisation and near copies within each team, merged."""
    parent: dict[str, str] = {}

    def find(goal: str) -> str:
        while parent.get(goal, goal) != goal:
            goal = parent[goal]
        return goal

    def union(a: str, b: str) -> None:
        parent.setdefault(a, a)
        parent.setdefault(b, b)
        root_a, root_b = find(a), find(b)
        if root_a != root_b:
            parent[root_b] = root_a

    for group in title_groups(graph):
        for goal in group[1:]:
            union(group[0], goal)
    if near < 1.0:
        for a, b in _near_pairs(graph, near):
            union(a, b)
    members: dict[str, list[str]] = defaultdict(list)
    for goal in parent:
        members[find(goal)].append(goal)
    return [sorted(g, key=lambda k: natural_key(graph._node[k]["id"])) for g in members.values()]


def _near_pairs(graph: nx.DiGraph, near: float) -> Iterator[tuple[str, str]]:
    """Pairs of one team's goals whose titles are nearly equal (rapidfuzz's ratio, in C)
    and have the same meaningful words."""
    by_team: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for kind in GOAL_KINDS:
        for goal in nodes_of(graph, kind):
            title = normalise(graph._node[goal]["label"])
            if title:
                by_team[team_of(graph, goal)].append((goal, title))
    cutoff = near * 100
    ratio = fuzz.ratio
    for goals in by_team.values():
        for i, (a, title_a) in enumerate(goals):
            for b, title_b in goals[i + 1:]:
                if (title_a != title_b and ratio(title_a, title_b, score_cutoff=cutoff)
                        and _words(title_a) == _words(title_b)):
                    yield a, b


_LITTLE = frozenset("a an the our of to and for in on at by with all".split())


def _words(title: str) -> frozenset[str]:
    """The words that carry meaning, in dictionary form: "Hiring to target" and "Hire to
    target" say the same; "Adopt 2 Secure features" and "Adopt 2 Defend features" do not."""
    return frozenset(lemma(word) for word in title.split() if word not in _LITTLE)


def _without_echoes(graph: nx.DiGraph, group: list[str]) -> list[str]:
    """The group less each copy that aligns to another copy or its objective."""
    objectives = {objective_of(graph, g) for g in group}
    kept = []
    for goal in group:
        aligned = {objective_of(graph, t)
                   for source in {goal, objective_of(graph, goal)}
                   for t in targets(graph, source, ALIGNS_TO)}
        own = objective_of(graph, goal)
        if not any(o in objectives and o != own for o in aligned):
            kept.append(goal)
    return kept


def _same_key_results(graph: nx.DiGraph, owners: frozenset, groups: list[list[str]]) -> bool:
    """Whether the copies cover every key result of every one of these objectives."""
    copied = {g for group in groups for g in group}
    return all(set(key_results_of(graph, o)) <= copied for o in owners)


def _label(graph: nx.DiGraph, goal: str) -> str:
    return graph._node[goal]["id"]


def _team_name(graph: nx.DiGraph, goal: str) -> str:
    return graph._node[team_of(graph, goal)]["label"]


def _named(graph: nx.DiGraph, goals: list[str], with_teams: bool) -> str:
    shown = [f"{_label(graph, g)} ({_team_name(graph, g)})" if with_teams else _label(graph, g)
             for g in goals[:NAMED]]
    if len(goals) > NAMED:  # "A, B and 3 more", not "A and B and 3 more"
        return ", ".join(shown) + f" and {len(goals) - NAMED} more"
    return ", ".join(shown[:-1]) + f" and {shown[-1]}" if len(shown) > 1 else shown[0]


def _finding(graph: nx.DiGraph, goals: list[str], message: str, kind: str) -> Finding:
    first = graph._node[goals[0]]
    teams = sorted({graph._node[team_of(graph, g)]["id"] for g in goals}, key=natural_key)
    return Finding(subject=first["id"], subject_kind=first["kind"], message=message,
                   related=tuple(_label(graph, g) for g in goals[1:]),
                   data={"goals": [_label(graph, g) for g in goals], "teams": teams,
                         "kind": kind})


def _copies(graph: nx.DiGraph, group: list[str], copied_krs: list[list[str]]) -> Finding:
    teams = {team_of(graph, g) for g in group}
    title = quoted(graph._node[group[0]]["label"])
    members = set(group)
    restated = [g for g in group if _kind(graph, g) == KEY_RESULT
                and objective_of(graph, g) in members]
    if restated and len(group) == 2:
        kr, objective = restated[0], objective_of(graph, restated[0])
        return _finding(graph, [kr, objective], (
            f"Key result {_label(graph, kr)} repeats its objective {_label(graph, objective)} "
            f"{title} ({_team_name(graph, objective)}). A key result says how you will know "
            "the objective is met: say what number will show it."), "restates-objective")
    above = _copy_of_goal_above(graph, group)
    if len(teams) == 1:
        message = (f"{_named(graph, group, False)} of {_team_name(graph, group[0])} say the "
                   f"same thing: {title}. Merge them, or say how each differs.")
        kind = "within-team"
    elif above:
        original, copy = above
        message = (f"{_label(graph, copy)} of {_team_name(graph, copy)} copies "
                   f"{_label(graph, original)} of {_team_name(graph, original)} word for word: "
                   f"{title}. Align it to {_label(graph, original)} and say what "
                   f"{_team_name(graph, copy)} adds, or let {_team_name(graph, original)} "
                   "own it alone.")
        kind = "copy-of-goal-above"
    else:
        message = (f"{_named(graph, group, True)} have the same title, {title}. If it is one "
                   "goal, let one team own it and the others align to it with what they "
                   "contribute; if not, say how each differs.")
        kind = "across-teams"
    if copied_krs:
        pairs = "; ".join(" = ".join(_label(graph, g) for g in krs) for krs in copied_krs)
        message += f" Their key results are copies too ({pairs})."
    return _finding(graph, group, message, kind)


def _copy_of_goal_above(graph: nx.DiGraph, group: list[str]) -> tuple[str, str] | None:
    """The original and the copy, when two copies sit in a team and one above it."""
    if len(group) != 2:
        return None
    first, second = group
    if team_of(graph, first) in team_ancestors(graph, team_of(graph, second)):
        return first, second
    if team_of(graph, second) in team_ancestors(graph, team_of(graph, first)):
        return second, first
    return None


def _same_set(graph: nx.DiGraph, owners: frozenset, groups: list[list[str]]) -> Finding:
    objectives = sorted(owners, key=lambda o: natural_key(_label(graph, o)))
    named = ", ".join(f"{_label(graph, o)} {quoted(graph._node[o]['label'], 50)}"
                      for o in objectives[:-1]) + \
        f" and {_label(graph, objectives[-1])} {quoted(graph._node[objectives[-1]]['label'], 50)}"
    pairs = "; ".join(" = ".join(_label(graph, g) for g in krs)
                      for krs in sorted(groups, key=lambda k: natural_key(_label(graph, k[0]))))
    teams = sorted({_team_name(graph, o) for o in objectives})
    return _finding(graph, objectives, (
        f"{named} ({', '.join(teams)}) have the same key results ({pairs}). Two objectives "
        "measured the same way are one objective, or one of them is not measured yet: merge "
        "them, or give each key results of its own."), "same-key-results")
