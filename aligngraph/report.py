"""The report of one analysis: findings, the slack table and a summary.

The CLI's formats, the explorer and the exports all read this one object.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

import networkx as nx

from .checks import REGISTRY, CheckConfig, Finding, severity_rank
from .metrics import top_down_share
from .graph import (
    KEY_RESULT, OBJECTIVE, PERSON, TEAM, node_key, nodes_of, objective_of, parent_team,
)
from .model import Location
from .progress import DEFAULT_BANDS
from .ranking import (
    FIX_FIRST, finding_team, goals_touched, natural_key, rank_order, score, teams_in_tree_order,
)
from .scorecard import TeamScore, scorecard
from .slack import Level, mirror_share


@dataclass(frozen=True)
class SlackRow:
    """One level of the slack table: a parent team's figures and their verdict.

    ``status`` is ``stacked``, ``detached``, ``balanced`` (healthy), ``too few`` (fewer
    child objectives than the stacked check judges) or ``not judged`` (the team tree
    mirrors the goal tree, so exact fit says nothing).
    """

    level: Level
    team_name: str
    status: str

    def as_dict(self) -> dict[str, Any]:
        """The row as plain data, for JSON and tables."""
        lv = self.level
        return {"team": lv.team, "team_name": self.team_name, "depth": lv.depth,
                "children": lv.children, "own_objectives": lv.own_objectives,
                "overflow": _round(lv.overflow), "gap": _round(lv.gap),
                "echo": _round(lv.echo), "status": self.status,
                "overflowing": list(lv.overflowing), "intentional": list(lv.intentional),
                "unsupported": list(lv.unsupported), "echoed": list(lv.echoed),
                "copies": dict(lv.copies), "echo_pairs": dict(lv.echo_pairs),
                # Deprecated names of overflow and overflowing, kept for report version 1.
                "stretch": _round(lv.overflow), "stretched": list(lv.overflowing)}


@dataclass(frozen=True)
class Report:
    """Everything one run of :func:`aligngraph.analyse` found."""

    graph: nx.DiGraph
    findings: tuple[Finding, ...]
    slack: tuple[SlackRow, ...]
    configs: Mapping[str, CheckConfig]
    sources: tuple[str, ...] = ()
    counts: Mapping[str, int] = field(default_factory=dict)
    bands: tuple[float, float] = DEFAULT_BANDS
    #: Findings left out of the report by :meth:`at_least`; the scorecard still reads them.
    hidden: tuple[Finding, ...] = ()
    locations: Mapping[str, Location] = field(default_factory=dict)

    @cached_property
    def severity_by_node(self) -> dict[str, str]:
        """The most severe finding on each node, by node key, computed once.

        A finding on a key result also touches its objective, which pictures often draw
        without the key result.
        """
        worst: dict[str, str] = {}
        for finding in self.findings:
            key = finding_node(finding)
            touched = [key]
            if finding.subject_kind == KEY_RESULT:
                touched.append(objective_of(self.graph, key))
            for node in touched:
                if node not in worst or severity_rank(finding.severity) < severity_rank(worst[node]):
                    worst[node] = finding.severity
        return worst

    @cached_property
    def roots(self) -> list[str]:
        """The keys of the root teams."""
        return [t for t in nodes_of(self.graph, TEAM) if parent_team(self.graph, t) is None]

    @property
    def as_of(self) -> dt.date:
        """The date the report judges the organisation at."""
        return self.graph.graph["as_of"]

    @property
    def as_of_text(self) -> str:
        """The judging date as a report's header says it; a finished cycle's end says so."""
        cycle = self.graph.graph["cycle"]
        text = self.as_of.isoformat()
        if cycle.end and self.as_of == cycle.end and self.as_of < dt.date.today():
            text += f", the end of cycle {cycle.name}" if cycle.name else ", the end of the cycle"
        return text
    def location_of(self, finding: Finding) -> Location | None:
        """Where the subject of ``finding`` is defined, when the report knows."""
        return self.locations.get(finding_node(finding))

    def at_or_above(self, severity: str) -> list[Finding]:
        """The findings as severe as ``severity`` or more."""
        rank = severity_rank(severity)
        return [f for f in self.findings if severity_rank(f.severity) <= rank]

    def at_least(self, severity: str) -> Report:
        """This report with only the findings as severe as ``severity`` or more; the rest
        are kept as :attr:`hidden`."""
        shown = self.at_or_above(severity)
        left_out = tuple(f for f in self.findings if severity_rank(f.severity) > severity_rank(severity))
        return replace(self, findings=tuple(shown), hidden=self.hidden + left_out)

    @cached_property
    def ranked(self) -> tuple[Finding, ...]:
        """The findings fix first (see :mod:`aligngraph.ranking`)."""
        return tuple(self.findings[i] for i in self._order)

    @cached_property
    def ranks(self) -> tuple[int, ...]:
        """The rank of each finding, in the order of :attr:`findings`; 1 is fix first."""
        ranks = [0] * len(self.findings)
        for rank, index in enumerate(self._order, start=1):
            ranks[index] = rank
        return tuple(ranks)

    @property
    def fix_first(self) -> tuple[Finding, ...]:
        """The findings to fix first: at most ten."""
        return self.ranked[:FIX_FIRST]

    @cached_property
    def _order(self) -> list[int]:
        return rank_order(self.graph, self.findings)

    def score(self, finding: Finding) -> int:
        """A finding's fix-first score."""
        return score(self.graph, finding)

    def goals_touched(self, finding: Finding) -> int:
        """How many goals a finding touches."""
        return goals_touched(self.graph, finding)

    def team_of(self, finding: Finding) -> str | None:
        """The id of the team a finding is about, or None."""
        teams = self._teams
        return teams[id(finding)] if id(finding) in teams else finding_team(self.graph, finding)

    @cached_property
    def _teams(self) -> dict[int, str | None]:
        """The team of each finding, by the finding's identity: the formats ask for each
        finding's team more than once (the findings outlive none of these lookups)."""
        return {id(f): finding_team(self.graph, f) for f in self.findings}

    @cached_property
    def scorecard(self) -> tuple[TeamScore, ...]:
        """The basics of every team that owns objectives, from every finding, hidden or not."""
        return scorecard(self.graph, (*self.findings, *self.hidden))

    def team_summaries(self) -> list[dict[str, Any]]:
        """Per team with findings or objectives: its findings by severity and family, its
        best rank, and its scorecard."""
        scores = {s.team: s for s in self.scorecard}
        mine: dict[str, list[int]] = {}
        for index, finding in enumerate(self.findings):
            team = self.team_of(finding)
            if team is not None:
                mine.setdefault(team, []).append(index)
        summaries = []
        for key in teams_in_tree_order(self.graph):
            team = self.graph.nodes[key]["id"]
            if team not in mine and team not in scores:
                continue
            indices = mine.get(team, [])
            findings = [self.findings[i] for i in indices]
            summaries.append({
                "team": team, "team_name": self.graph.nodes[key]["label"],
                "findings": len(findings),
                "by_severity": _count(f.severity for f in findings),
                "by_family": _count(_family(f) for f in findings),
                "best_rank": min((self.ranks[i] for i in indices), default=None),
                "scorecard": scores[team].as_dict() if team in scores else None})
        return summaries

    def summary(self) -> dict[str, Any]:
        """Counts of the organisation and of the findings, and overall slack."""
        cycle = self.graph.graph["cycle"]
        return {
            "cycle": cycle.name,
            "as_of": self.as_of.isoformat(),
            "sources": list(self.sources),
            "counts": dict(self.counts),
            "findings": len(self.findings),
            "by_severity": _count(f.severity for f in self.findings),
            "by_check": _count(f.check for f in self.findings),
            "slack": {**overall_slack(self.slack),
                      "mirror_share": _round(mirror_share(self.graph))},
            "top_down_share": _round(top_down_share(self.graph)),
            "hidden": len(self.hidden),
            "teams_passing_basics": sum(1 for s in self.scorecard if s.passed == s.judged),
            "teams_scored": len(self.scorecard),
        }


def finding_node(finding: Finding) -> str:
    """The node key of a finding's subject."""
    return node_key(finding.subject_kind, finding.subject)


def count_nodes(graph: nx.DiGraph) -> dict[str, int]:
    """How many teams, people, objectives and key results the graph holds."""
    kinds = Counter(kind for _, kind in graph.nodes(data="kind"))
    return {"teams": kinds[TEAM], "people": kinds[PERSON],
            "objectives": kinds[OBJECTIVE], "key_results": kinds[KEY_RESULT]}


def overall_slack(rows: tuple[SlackRow, ...]) -> dict[str, Any]:
    """The organisation's slack: each share over all levels, and levels per status."""
    children = sum(r.level.children for r in rows)
    parents = sum(r.level.own_objectives for r in rows)
    overflow = _round(_ratio(sum(len(r.level.overflowing) for r in rows), children))
    return {
        "levels": len(rows),
        "child_objectives": children,
        "overflow": overflow,
        "stretch": overflow,  # deprecated name of overflow, kept for report version 1
        "gap": _round(_ratio(sum(len(r.level.unsupported) for r in rows), parents)),
        "echo": _round(_ratio(sum(len(r.level.echoed) for r in rows), children)),
        "status": _count(r.status for r in rows),
    }


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def _count(values) -> dict[str, int]:
    """How often each value occurs, in the order of first occurrence (as a Counter
    counts, without making one for each of thousands of teams)."""
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return counts



def _family(finding: Finding) -> str:
    return REGISTRY[finding.check].family if finding.check in REGISTRY else "wording"


def sort_findings(findings, order: Mapping[str, int]) -> tuple[Finding, ...]:
    """Findings in registry order, then by severity, then by subject in natural order."""
    return tuple(sorted(findings, key=lambda f: (order[f.check], severity_rank(f.severity),
                                                 natural_key(f.subject))))
