"""Plain-text helpers shared by the text and Markdown formats."""

from __future__ import annotations

from collections import Counter

from ..checks import REGISTRY, SEVERITIES
from ..report import Report
from ..scorecard import CRITERIA
from ..text import count_of

SLACK_COLUMNS = ("team", "depth", "children", "overflow", "gap", "echo", "status")


def percent(value: float | None) -> str:
    """A share as a whole percentage, or a dash when there is none.

    >>> percent(0.333), percent(None)
    ('33%', '–')
    """
    return "–" if value is None else f"{value:.0%}"


def slack_cells(report: Report) -> list[list[str]]:
    """The slack table's rows as text cells, in :data:`SLACK_COLUMNS` order."""
    rows = []
    for row in report.slack:
        level = row.level
        rows.append([f"{row.team_name} ({level.team})", str(level.depth), str(level.children),
                     percent(level.overflow), percent(level.gap), percent(level.echo),
                     row.status])
    return rows


def mirror_note(report: Report) -> str | None:
    """Why slack is not judged when the team tree mirrors the goal tree, or None."""
    if not any(row.status == "not judged" for row in report.slack):
        return None
    share = report.summary()["slack"]["mirror_share"]
    return (f"The team tree mirrors the goal tree ({percent(share)} of sub-team objectives "
            "align only to goals of their parent team), so overflow and gap follow from how "
            "the teams were drawn: exact fit is not judged, only echo and detachment.")


def counts_line(report: Report) -> str:
    """One line with the size of the organisation."""
    c = report.counts
    return (f"{c['teams']} teams, {c['people']} people, {c['objectives']} objectives, "
            f"{c['key_results']} key results")


SCORECARD_COLUMNS = ("team", *CRITERIA.values(), "basics")


def scorecard_cells(report: Report) -> list[list[str]]:
    """The team scorecard's rows as text cells, in :data:`SCORECARD_COLUMNS` order."""
    return [[_short(s.name), *(c.cell for c in s.criteria), f"{s.passed} of {s.judged}"]
            for s in report.scorecard]


def _short(name: str, limit: int = 40) -> str:
    """A name cut to ``limit`` characters.

    >>> _short("Senior Director of Revenue Marketing Revenue Marketing", 20)
    'Senior Director of…'
    """
    return name if len(name) <= limit else name[:limit - 1].rstrip() + "…"


def headline(report: Report, folded: bool = True) -> list[str]:
    """The report's summary in a few sentences: findings, wording, hidden, basics;
    ``folded`` says that wording findings on key results are folded below."""
    findings = report.findings
    severities = ", ".join(f"{n} {s}" for s, n in _by_severity(findings)) or "none"
    teams = {report.team_of(f) for f in findings} - {None}
    lines = [f"{count_of(len(findings), 'finding')} ({severities}) about "
             f"{count_of(len(teams), 'team')}."]
    wording = sum(1 for f in findings if f.check in REGISTRY
                  and REGISTRY[f.check].family == "wording")
    if wording:
        lines.append(f"{wording} of them are about the wording of single goals"
                     + ("; those on key results are folded into one line per objective below."
                        if folded else "."))
    if report.hidden:
        lines.append(f"{count_of(len(report.hidden), 'less severe finding')} not shown.")
    passing = sum(1 for s in report.scorecard if s.passed == s.judged)
    if report.scorecard:
        lines.append(f"{passing} of {count_of(len(report.scorecard), 'team')} with objectives "
                     "pass all their basics (the team scorecard is below).")
    return lines


def _by_severity(findings) -> list[tuple[str, int]]:
    counts = Counter(f.severity for f in findings)
    return [(s, counts[s]) for s in SEVERITIES if counts[s]]
