"""The per-team scorecard of the basics of OKR practice.

Four criteria, each passed or failed with the numbers behind it (docs/report.md):

- at most 3 objectives;
- 2 to 5 measurable key results on every objective (a key result is measurable unless a
  wording check reports it at ``warning`` or above: a task, or no number at all);
- every objective and key result has an owner;
- at least one objective (or one of its key results) aligned to a goal of another team;
  a root team has nothing above it, so this does not apply to it.

Only teams that own objectives are scored: a team without any is orphan-team's concern.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx

from .checks import REGISTRY, Finding, severity_rank
from .graph import (
    ALIGNS_TO, KEY_RESULT, goal_key, key_results_of, objectives_of, parent_team, targets,
    team_of,
)
from .ranking import teams_in_tree_order

MAX_OBJECTIVES = 3
MIN_MEASURABLE, MAX_MEASURABLE = 2, 5


@dataclass(frozen=True)
class Criterion:
    """One basic, judged for one team: ``passed`` is None where it does not apply."""

    name: str
    passed: bool | None
    count: int
    of: int | None
    detail: str

    @property
    def cell(self) -> str:
        """``pass``, ``fail`` or ``–``, with the numbers: ``fail 5 > 3``."""
        verdict = {True: "pass", False: "fail", None: "–"}[self.passed]
        return f"{verdict} {self.detail}".strip()

    def as_dict(self) -> dict[str, Any]:
        """The criterion as plain data, for JSON."""
        return {"pass": self.passed, "count": self.count, "of": self.of, "detail": self.detail}


@dataclass(frozen=True)
class TeamScore:
    """A team's four basics, in the order of :data:`CRITERIA`."""

    team: str
    name: str
    criteria: tuple[Criterion, ...]

    @property
    def passed(self) -> int:
        """How many of the criteria that apply pass."""
        return sum(1 for c in self.criteria if c.passed)

    @property
    def judged(self) -> int:
        """How many of the criteria apply to this team."""
        return sum(1 for c in self.criteria if c.passed is not None)

    def as_dict(self) -> dict[str, Any]:
        """The team's scorecard as plain data, for JSON."""
        return {"passed": self.passed, "judged": self.judged,
                **{c.name: c.as_dict() for c in self.criteria}}


#: The criteria's names and the column headings the formats show them under.
CRITERIA = {"objectives": f"≤{MAX_OBJECTIVES} objectives",
            "measurable_key_results": f"{MIN_MEASURABLE}–{MAX_MEASURABLE} measurable KRs",
            "owned": "everything owned",
            "aligned_beyond_team": "aligned beyond team"}


def scorecard(graph: nx.DiGraph, findings: Iterable[Finding]) -> tuple[TeamScore, ...]:
    """The scorecard of every team that owns objectives, in the org tree's order."""
    unmeasurable = unmeasurable_key_results(graph, findings)
    scores = []
    for team in teams_in_tree_order(graph):
        objectives = objectives_of(graph, team)
        if objectives:
            # Each objective's key results, once for the three criteria that walk them.
            parts = {o: key_results_of(graph, o) for o in objectives}
            scores.append(TeamScore(graph.nodes[team]["id"], graph.nodes[team]["label"], (
                objective_count(objectives),
                measurable_key_results(parts, unmeasurable),
                owned(graph, parts),
                aligned_beyond_team(graph, team, parts))))
    return tuple(scores)


def unmeasurable_key_results(graph: nx.DiGraph, findings: Iterable[Finding]) -> set[str]:
    """Node keys of the key results a wording check reports at ``warning`` or above."""
    return {goal_key(f.subject) for f in findings
            if f.subject_kind == KEY_RESULT and f.check in REGISTRY
            and REGISTRY[f.check].family == "wording"
            and severity_rank(f.severity) <= severity_rank("warning")}


def objective_count(objectives: Sequence[str]) -> Criterion:
    """At most :data:`MAX_OBJECTIVES` objectives."""
    n = len(objectives)
    passed = n <= MAX_OBJECTIVES
    return Criterion("objectives", passed, n, None,
                     str(n) if passed else f"{n} > {MAX_OBJECTIVES}")


def measurable_key_results(parts: Mapping[str, Sequence[str]],
                           unmeasurable: set[str]) -> Criterion:
    """Every objective has 2 to 5 key results that are measurable. ``parts`` maps each
    of the team's objectives to its key results."""
    good = sum(1 for krs in parts.values()
               if MIN_MEASURABLE <= sum(1 for kr in krs if kr not in unmeasurable)
               <= MAX_MEASURABLE)
    return Criterion("measurable_key_results", good == len(parts), good, len(parts),
                     f"{good} of {len(parts)}")


def owned(graph: nx.DiGraph, parts: Mapping[str, Sequence[str]]) -> Criterion:
    """Every objective and key result names an owner."""
    goals = [g for o, krs in parts.items() for g in (o, *krs)]
    with_owner = sum(1 for g in goals if graph.nodes[g]["record"].owner)
    return Criterion("owned", with_owner == len(goals), with_owner, len(goals),
                     f"{with_owner} of {len(goals)}")


def aligned_beyond_team(graph: nx.DiGraph, team: str,
                        parts: Mapping[str, Sequence[str]]) -> Criterion:
    """At least one objective aligns (itself or by a key result) to another team's goal;
    does not apply to a root team."""
    aligned = sum(1 for o, krs in parts.items() if _aligns_beyond(graph, team, (o, *krs)))
    if parent_team(graph, team) is None:
        return Criterion("aligned_beyond_team", None, aligned, len(parts), "root team")
    return Criterion("aligned_beyond_team", aligned > 0, aligned, len(parts),
                     f"{aligned} of {len(parts)}")


def _aligns_beyond(graph: nx.DiGraph, team: str, goals: Sequence[str]) -> bool:
    return any(team_of(graph, target) != team
               for goal in goals for target in targets(graph, goal, ALIGNS_TO))
