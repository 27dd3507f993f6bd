"""How nodes are coloured: by findings, by progress or by level, with the legend to match.

Fill and border show only *alignment* findings (the checks whose ``FAMILY`` is
``alignment``): those are what a picture of the alignment graph is about. Hygiene and
wording findings would paint nearly every node (a real organisation has a wording finding
on most key results), so they show as a small count badge instead.
"""

from __future__ import annotations

import weakref
from collections import Counter
from dataclasses import dataclass
from functools import partial

from ..checks import REGISTRY, Finding, severity_rank
from ..graph import KEY_RESULT, home_team, objective_of, team_of
from ..progress import DEFAULT_BANDS, band, goal_progress
from ..report import Report, finding_node
from .changes import DiffMarks
from .theme import Theme

COLOR_BY = ("findings", "progress", "level")
ALIGNMENT = "alignment"


def is_alignment(finding: Finding) -> bool:
    """Whether a finding is about alignment (unknown checks count as alignment)."""
    check = REGISTRY.get(finding.check)
    return check is None or check.family == ALIGNMENT


def touched_nodes(report: Report, finding: Finding) -> list[str]:
    """The node a finding is about and, for a key result, its objective too."""
    key = finding_node(finding)
    if finding.subject_kind == KEY_RESULT and key in report.graph:
        return [key, objective_of(report.graph, key)]
    return [key]


def alignment_severity(report: Report) -> dict[str, str]:
    """The worst alignment finding on each node, by node key."""
    worst: dict[str, str] = {}
    for finding in filter(is_alignment, report.findings):
        for node in touched_nodes(report, finding):
            if node not in worst or severity_rank(finding.severity) < severity_rank(worst[node]):
                worst[node] = finding.severity
    return worst


def other_finding_counts(report: Report) -> Counter:
    """How many hygiene and wording findings touch each node (an objective counts its
    key results' findings too)."""
    counts: Counter = Counter()
    for finding in report.findings:
        if not is_alignment(finding):
            counts.update(touched_nodes(report, finding))
    return counts


@dataclass(frozen=True)
class FindingsIndex:
    """Per node: the worst alignment finding, and how many other findings touch it."""

    severity: dict[str, str]
    badges: Counter


_INDEXES: dict[int, tuple[weakref.ref, FindingsIndex]] = {}


def findings_index(report: Report) -> FindingsIndex:
    """The findings index of a report, built once per report (slide fitting and the
    explorer draw the same report many times)."""
    key = id(report)
    cached = _INDEXES.get(key)
    if cached is not None and cached[0]() is report:
        return cached[1]
    index = FindingsIndex(alignment_severity(report), other_finding_counts(report))
    _INDEXES[key] = (weakref.ref(report, partial(_forget, key)), index)
    return index


def _forget(key: int, _gone: object) -> None:
    _INDEXES.pop(key, None)


class Colouring:
    """The fill and border of every node, for one report, theme and colour mode."""

    def __init__(self, report: Report, theme: Theme, color_by: str = "findings",
                 bands: tuple[float, float] = DEFAULT_BANDS, marks: DiffMarks | None = None):
        self.report, self.theme, self.color_by, self.bands = report, theme, color_by, bands
        #: What changed since another version: it then fills goals instead of color_by.
        self.marks = marks
        index = findings_index(report)
        self.severity, self.badges = index.severity, index.badges

    def fill(self, key: str, severity: str | None = None) -> str:
        """The fill colour of a node; ``severity`` overrides the node's own findings."""
        if self.marks is not None:
            return self.marks.fill(self.theme, self.report.graph, key) or self.theme.node_fill
        if self.color_by == "progress":
            return self.theme.progress.get(band(self._progress(key), self.bands) or "",
                                           self.theme.node_fill)
        if self.color_by == "level":
            return self._level_colour(key)
        severity = severity or self.severity.get(key)
        return self.theme.severity[severity] if severity else self.theme.node_fill

    def border(self, key: str, severity: str | None = None) -> tuple[str, str, float]:
        """Border colour, style and width: alignment findings show in the border in
        every colour mode."""
        severity = severity or self.severity.get(key)
        if not severity:
            return self.theme.node_border, "solid", 1.0
        style, width = self.theme.severity_style[severity]
        colour = self.theme.severity[severity] if self.theme.name != "print" else "#000000"
        return colour, style, width

    def legend(self) -> list[tuple[str, str]]:
        """``(colour, meaning)`` rows of the legend for this colour mode."""
        if self.marks is not None:
            return self.marks.legend(self.theme)
        if self.color_by == "progress":
            green, amber = self.bands
            return [(self.theme.progress["green"], f"on track (≥ {green:g})"),
                    (self.theme.progress["amber"], f"at risk ({amber:g}–{green:g})"),
                    (self.theme.progress["red"], f"off track (< {amber:g})"),
                    (self.theme.node_fill, "no progress data")]
        if self.color_by == "level":
            last = len(self.theme.levels) - 1
            return [(colour, f"level {depth}" + (" and deeper" if depth == last else ""))
                    for depth, colour in enumerate(self.theme.levels)]
        return [(self.theme.severity[s], s) for s in ("error", "warning", "info")] + [
            (self.theme.node_fill, "no alignment finding")]

    def _progress(self, key: str) -> float | None:
        graph = self.report.graph
        return goal_progress(graph, key) if key in graph else None

    def _level_colour(self, key: str) -> str:
        depth = self._depth(key)
        if depth is None:
            return self.theme.node_fill
        return self.theme.levels[min(depth, len(self.theme.levels) - 1)]

    def _depth(self, key: str) -> int | None:
        graph = self.report.graph
        node = graph.nodes.get(key)
        if node is None:
            return None
        if node["kind"] == "team":
            return node["depth"]
        if node["kind"] == "person":
            home = home_team(graph, key)
            return graph.nodes[home]["depth"] if home else None
        return graph.nodes[team_of(graph, key)]["depth"]
