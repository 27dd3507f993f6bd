"""The report of one analysis: findings, the slack table and a summary.

The CLI's formats, the explorer and the exports all read this one object.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import networkx as nx

from .checks import CheckConfig, Finding, severity_rank
from .metrics import top_down_share
from .graph import (
    KEY_RESULT, OBJECTIVE, PERSON, TEAM, node_key, nodes_of, objective_of, parent_team,
)
from .progress import DEFAULT_BANDS
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

    def at_or_above(self, severity: str) -> list[Finding]:
        """The findings as severe as ``severity`` or more."""
        rank = severity_rank(severity)
        return [f for f in self.findings if severity_rank(f.severity) <= rank]

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
    return dict(Counter(values))


def sort_findings(findings, order: Mapping[str, int]) -> tuple[Finding, ...]:
    """Findings in registry order, then by severity, then by subject."""
    return tuple(sorted(findings, key=lambda f: (order[f.check], severity_rank(f.severity),
                                                 f.subject)))
