"""What to fix first: the score of a finding, the rank it gives, and the team it is about.

The formats and the explorer all rank with :func:`rank_order`, so the fix-first list reads
the same everywhere. The score is documented in docs/report.md:

    score = severity points (error 300, warning 200, info 100)
          + family points (alignment 30, hygiene 20, wording 10)
          + goals touched (at most 9)

Ranks 1 to 10 are the fix-first list: the highest scores, at most two from one check so
that one check cannot fill the list (filled from the rest when fewer checks fire). The
other findings follow by score.
"""

from __future__ import annotations

import weakref
from collections import Counter
from collections.abc import Iterator, Sequence

import networkx as nx

from .checks import REGISTRY, Finding
from .graph import (
    GOAL_KINDS, OBJECTIVE, PERSON, TEAM, home_team, key_results_of, node_key, nodes_of,
    objectives_of, parent_team, sub_teams, team_of,
)
from .text import natural_key

SEVERITY_POINTS = {"error": 300, "warning": 200, "info": 100}
FAMILY_POINTS = {"alignment": 30, "hygiene": 20, "wording": 10}
#: Goals touched count up to this many, so that reach never outweighs a family.
MAX_GOALS = 9
#: How many findings the fix-first list holds, and how many of them one check may take.
FIX_FIRST = 10
PER_CHECK = 2

def subject_node(finding: Finding) -> str:
    """The node key of a finding's subject."""
    return node_key(finding.subject_kind, finding.subject)


def finding_team(graph: nx.DiGraph, finding: Finding) -> str | None:
    """The id of the team a finding is about: the team itself, a goal's owning team, a
    person's home team, or None (a person with no known team)."""
    key = subject_node(finding)
    if key not in graph:
        return None
    if finding.subject_kind == TEAM:
        team: str | None = key
    elif finding.subject_kind == PERSON:
        team = home_team(graph, key)
    else:
        team = team_of(graph, key)
    return graph.nodes[team]["id"] if team else None


def goals_touched(graph: nx.DiGraph, finding: Finding) -> int:
    """How many goals a finding touches: the goals it names in ``related``, the subject
    when it is a goal, an objective's key results, and a team's objectives."""
    goals = {key for id_ in finding.related
             if (key := node_key(OBJECTIVE, id_)) in graph
             and graph.nodes[key]["kind"] in GOAL_KINDS}
    key = subject_node(finding)
    if key in graph:
        if finding.subject_kind in GOAL_KINDS:
            goals.add(key)
        if finding.subject_kind == OBJECTIVE:
            goals.update(key_results_of(graph, key))
        elif finding.subject_kind == TEAM:
            goals.update(objectives_of(graph, key))
    return len(goals)


def score(graph: nx.DiGraph, finding: Finding) -> int:
    """The fix-first score of a finding: severity, then family, then goals touched."""
    family = REGISTRY[finding.check].family if finding.check in REGISTRY else "wording"
    return (SEVERITY_POINTS[finding.severity] + FAMILY_POINTS[family]
            + min(goals_touched(graph, finding), MAX_GOALS))


def rank_order(graph: nx.DiGraph, findings: Sequence[Finding]) -> list[int]:
    """The indices of ``findings``, fix first: the fix-first list, then the rest by score.

    Ties go by check code, then by subject in natural order.
    """
    scores = [score(graph, f) for f in findings]
    by_score = sorted(range(len(findings)), key=lambda i: (
        -scores[i], findings[i].code, natural_key(findings[i].subject)))
    first = _fix_first(by_score, findings)
    chosen = set(first)
    return first + [i for i in by_score if i not in chosen]


def _fix_first(by_score: list[int], findings: Sequence[Finding]) -> list[int]:
    taken: Counter[str] = Counter()
    first: list[int] = []
    for i in by_score:
        if len(first) < FIX_FIRST and taken[findings[i].check] < PER_CHECK:
            first.append(i)
            taken[findings[i].check] += 1
    chosen = set(first)
    rest = [i for i in by_score if i not in chosen]
    return sorted(first + rest[:FIX_FIRST - len(first)], key=by_score.index)


def teams_in_tree_order(graph: nx.DiGraph) -> Iterator[str]:
    """Every team's node key, each root followed depth-first by its sub-teams, sub-teams
    in natural order of their ids. Worked out once for a frozen graph: the scorecard and
    the team summaries both walk it."""
    if not getattr(graph, "frozen", False) or type(graph._node) is not dict:
        return iter(_tree_order(graph))
    order = _tree_orders.get(graph)
    if order is None:
        order = _tree_orders[graph] = tuple(_tree_order(graph))
    return iter(order)


_tree_orders: weakref.WeakKeyDictionary[nx.DiGraph, tuple[str, ...]] = \
    weakref.WeakKeyDictionary()


def _tree_order(graph: nx.DiGraph) -> Iterator[str]:
    roots = [t for t in nodes_of(graph, TEAM) if parent_team(graph, t) is None]
    stack = sorted(roots, key=_team_sort_key(graph), reverse=True)
    while stack:
        team = stack.pop()
        yield team
        stack.extend(sorted(sub_teams(graph, team), key=_team_sort_key(graph), reverse=True))


def _team_sort_key(graph: nx.DiGraph):
    return lambda team: natural_key(graph.nodes[team]["id"])
