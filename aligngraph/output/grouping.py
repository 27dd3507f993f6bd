"""The findings as the text and Markdown reports list them: grouped by team then
objective, or by check, with wording findings on key results folded into one line per
objective and check."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..checks import REGISTRY, Finding, severity_rank
from ..graph import KEY_RESULT, OBJECTIVE, PERSON, TEAM, key_results_of, objective_of, team_key
from ..ranking import natural_key, subject_node, teams_in_tree_order
from ..report import Report
from ..text import count_of

GROUP_BY = ("team", "check")

#: How a folded line says what is wrong with the key results, by check; other wording
#: checks fall back to their title.
FOLDED_PHRASE = {"activity-key-result": ("is a task, not a measure", "are tasks, not measures"),
                 "unmeasurable-key-result": ("has no numeric target", "have no numeric target")}
#: The most key result ids a folded line lists before "…".
FOLDED_IDS = 8


@dataclass(frozen=True)
class Line:
    """One line of the detail: a finding, or several folded into one."""

    severity: str
    check: str
    subject: str
    text: str
    findings: tuple[Finding, ...]
    folded: bool = False

    @property
    def code(self) -> str:
        """The check's code."""
        return self.findings[0].code


@dataclass(frozen=True)
class Section:
    """The lines about one objective, or about the team itself (``objective`` None)."""

    objective: str | None
    title: str
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class TeamGroup:
    """Everything found about one team; ``team`` None for findings with no team."""

    team: str | None
    name: str
    sections: tuple[Section, ...]

    @property
    def count(self) -> int:
        """How many findings the group holds."""
        return sum(len(line.findings) for s in self.sections for line in s.lines)


def subject_label(report: Report, finding: Finding) -> str:
    """The subject of a finding with where it sits: ``KR7 (O2, team cmo)``, ``O2 (team
    cmo)``, ``team cmo``, ``person ana (team cmo)``."""
    team = report.team_of(finding)
    where = f"team {team}" if team else "no team"
    if finding.subject_kind == KEY_RESULT and subject_node(finding) in report.graph:
        objective = report.graph.nodes[objective_of(report.graph, subject_node(finding))]["id"]
        return f"{finding.subject} ({objective}, {where})"
    if finding.subject_kind in (OBJECTIVE, KEY_RESULT):
        return f"{finding.subject} ({where})"
    return short_label(finding)


def short_label(finding: Finding) -> str:
    """The subject's id, with ``team`` or ``person`` before it when it is one."""
    if finding.subject_kind in (TEAM, PERSON):
        return f"{finding.subject_kind} {finding.subject}"
    return finding.subject


def line_label(report: Report, line: Line) -> str:
    """Where a line's subject sits: a folded line names its objective and team."""
    if line.folded:
        team = report.team_of(line.findings[0])
        return f"{line.subject} (team {team})" if team else line.subject
    return subject_label(report, line.findings[0])


def lines_of(report: Report, findings: Iterable[Finding]) -> list[Line]:
    """One line per finding, except that wording findings on the key results of one
    objective fold into one line per check; in the order given, folded lines last."""
    lines: list[Line] = []
    folds: dict[tuple[str, str], list[Finding]] = {}
    for finding in findings:
        if _folds(report, finding):
            objective = objective_of(report.graph, subject_node(finding))
            folds.setdefault((objective, finding.check), []).append(finding)
        else:
            lines.append(Line(finding.severity, finding.check, finding.subject,
                              finding.message, (finding,)))
    lines += sorted((_folded(report, objective, group) for (objective, _), group in folds.items()),
                    key=lambda line: line.code)
    return lines


def _folds(report: Report, finding: Finding) -> bool:
    return (finding.subject_kind == KEY_RESULT and finding.check in REGISTRY
            and REGISTRY[finding.check].family == "wording"
            and subject_node(finding) in report.graph)


def _folded(report: Report, objective: str, findings: list[Finding]) -> Line:
    """``O45: 4 of 5 key results are tasks, not measures: KR1, KR2, …``"""
    check = findings[0].check
    ids = sorted((f.subject for f in findings), key=natural_key)
    shown = ", ".join(ids[:FOLDED_IDS]) + (", …" if len(ids) > FOLDED_IDS else "")
    total = len(key_results_of(report.graph, objective))
    singular, plural = FOLDED_PHRASE.get(check, (f"is reported by {check}", f"are reported by {check}"))
    phrase = singular if len(ids) == 1 else plural
    oid = report.graph.nodes[objective]["id"]
    text = f"{len(ids)} of {count_of(total, 'key result')} {phrase}: {shown}"
    worst = min((f.severity for f in findings), key=severity_rank)
    return Line(worst, check, oid, text, tuple(findings), folded=True)


def by_team(report: Report) -> list[TeamGroup]:
    """The findings grouped by team (org-tree order), then by objective (natural order);
    a team's own findings (and its people's) come before its objectives'."""
    per_team: dict[str | None, dict[str | None, list[Finding]]] = {}
    for finding in report.findings:
        team = report.team_of(finding)
        key = subject_node(finding)
        objective = (objective_of(report.graph, key)
                     if finding.subject_kind in (OBJECTIVE, KEY_RESULT) and key in report.graph
                     else None)
        per_team.setdefault(team, {}).setdefault(objective, []).append(finding)
    order = [report.graph.nodes[t]["id"] for t in teams_in_tree_order(report.graph)]
    ranks = {id(f): r for f, r in zip(report.findings, report.ranks, strict=True)}
    groups = [_team_group(report, team, per_team[team], ranks) for team in order
              if team in per_team]
    if None in per_team:
        groups.append(_team_group(report, None, per_team[None], ranks))
    return groups


def _team_group(report: Report, team: str | None,
                by_objective: dict[str | None, list[Finding]], ranks: dict[int, int]) -> TeamGroup:
    sections = []
    graph = report.graph
    for objective in sorted(by_objective, key=lambda o: (o is not None, natural_key(
            graph.nodes[o]["id"]) if o else ())):
        findings = _in_report_order(by_objective[objective], ranks)
        title = graph.nodes[objective]["label"] if objective else ""
        oid = graph.nodes[objective]["id"] if objective else None
        sections.append(Section(oid, title, tuple(lines_of(report, findings))))
    name = graph.nodes[team_key(team)]["label"] if team else "No team"
    return TeamGroup(team, name, tuple(sections))


def _in_report_order(findings: list[Finding], ranks: dict[int, int]) -> list[Finding]:
    """The subject first (the objective before its key results), then by rank."""
    return sorted(findings, key=lambda f: (f.subject_kind == KEY_RESULT, natural_key(f.subject),
                                           ranks[id(f)]))


def by_check(report: Report) -> list[tuple[str, list[Line]]]:
    """The findings grouped by check, in the registry's order, wording ones folded."""
    groups: dict[str, list[Finding]] = {}
    for finding in report.findings:
        groups.setdefault(finding.check, []).append(finding)
    return [(slug, lines_of(report, findings)) for slug, findings in groups.items()]


__all__ = ["GROUP_BY", "Line", "Section", "TeamGroup", "by_check", "by_team", "lines_of",
           "line_label", "short_label", "subject_label"]
