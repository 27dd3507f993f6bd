"""The text report, for a terminal: what to fix first and the slack table on the first
screen, then the team scorecard, then every finding by team (or by check), then the
summary."""

from __future__ import annotations

import re
import textwrap

from ..checks import REGISTRY
from ..report import Location, Report
from ..text import count_of
from .grouping import Line, TeamGroup, by_check, by_team, line_label, short_label, subject_label
from .tables import (
    SCORECARD_COLUMNS, SLACK_COLUMNS, counts_line, headline, mirror_note, percent,
    scorecard_cells, slack_cells,
)

WIDTH = 100


def report_text(report: Report, group_by: str = "team") -> str:
    """The report as text for a terminal; ``group_by`` is ``team`` or ``check``."""
    parts = [_header(report), _headline(report), _fix_first(report), _slack_section(report),
             _scorecard_section(report)]
    if not report.findings:
        parts.append("No findings.\n")
    elif group_by == "check":
        parts.append(_by_check(report))
    else:
        parts.append(_by_team(report))
    parts.append(_summary(report))
    return "\n".join(part for part in parts if part)


def _header(report: Report) -> str:
    cycle = report.graph.graph["cycle"].name
    name = f"cycle {cycle}, " if cycle else ""
    return f"aligngraph: {counts_line(report)} ({name}as of {report.as_of_text})\n"


def _headline(report: Report) -> str:
    return _wrap(" ".join(headline(report)), "", "") + "\n"


def _fix_first(report: Report) -> str:
    if not report.findings:
        return ""
    lines = ["Fix first (by severity, then alignment, hygiene, wording, then goals touched; "
             "details below):"]
    for rank, finding in enumerate(report.fix_first, start=1):
        lead = f"{rank:>3}. {finding.severity:7}  {finding.code} {subject_label(report, finding)}: "
        lines.append(_wrap(first_clause(finding.message), lead, " " * 15))
    return "\n".join(lines) + "\n"


def first_clause(message: str) -> str:
    """A finding's message up to its first full stop or colon outside a quoted title, so
    that the fix-first list reads as ten headlines.

    >>> first_clause("Nothing supports O1 “Grow. Fast”: ask the teams. More.")
    'Nothing supports O1 “Grow. Fast”.'
    >>> first_clause("No stop here")
    'No stop here'
    """
    depth = 0
    for index, char in enumerate(message):
        depth += {"“": 1, "”": -1}.get(char, 0)
        if depth == 0 and char in ".:" and message[index + 1:index + 2] in (" ", ""):
            return message[:index].rstrip() + "."
    return message


def _where(location: Location | None) -> str:
    """`` [file:line]`` where a subject is defined, or nothing when not known."""
    if location is None:
        return ""
    line = f":{location.line}" if location.line is not None else ""
    return f" [{location.file}{line}]"


def _slack_section(report: Report) -> str:
    if not report.slack:
        return "Alignment slack: no team has sub-teams, so there are no levels to judge.\n"
    table = _table("Alignment slack by level (the objectives under each parent team):",
                   SLACK_COLUMNS, slack_cells(report))
    note = mirror_note(report)
    if note:
        table += textwrap.fill(note, WIDTH, initial_indent="  ", subsequent_indent="  ") + "\n"
    return table


def _scorecard_section(report: Report) -> str:
    if not report.scorecard:
        return ""
    title = ("Team basics (objectives with 2–5 measurable KRs, goals owned, objectives aligned "
             "beyond the team):")
    return _table(title, SCORECARD_COLUMNS, scorecard_cells(report))


def _table(title: str, columns, cells: list[list[str]]) -> str:
    rows = [list(columns)] + cells
    widths = [max(len(r[i]) for r in rows) for i in range(len(columns))]
    lines = [title]
    for row in rows:
        lines.append("  " + "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    return "\n".join(lines) + "\n"


def _by_team(report: Report) -> str:
    scores = {s.team: s for s in report.scorecard}
    parts = ["Findings by team, then objective:\n"]
    for group in by_team(report):
        parts.append(_team_section(report, group, scores.get(group.team) if group.team else None))
    return "\n".join(parts)


def _team_section(report: Report, group: TeamGroup, score) -> str:
    basics = f"; basics {score.passed} of {score.judged}" if score else ""
    name = f"{group.name} ({group.team})" if group.team else group.name
    lines = [f"{name}: {count_of(group.count, 'finding')}{basics}"]
    for section in group.sections:
        margin = "  "
        if section.objective:
            lines.append(_wrap(_quoted(section.title), f"  {section.objective} ", "    "))
            margin = "    "
        lines += [_line(report, line,
                        line.subject if line.folded else short_label(line.findings[0]), margin)
                  for line in section.lines]
    return "\n".join(lines) + "\n"


def _quoted(title: str) -> str:
    """A title between plain quotes, as written."""
    return f"“{title}”"


def _by_check(report: Report) -> str:
    parts = []
    for slug, lines in by_check(report):
        check = REGISTRY[slug]
        count = sum(len(line.findings) for line in lines)
        head = f"{check.code} {slug}: {check.title} ({count})"
        parts.append("\n".join([head, *(_line(report, line, line_label(report, line), "  ",
                                              code=False) for line in lines)]) + "\n")
    return "\n".join(parts)


def _line(report: Report, line: Line, label: str, margin: str, code: bool = True) -> str:
    """One finding (or a folded group, placed at its first) and where its subject is."""
    lead = f"{margin}{line.severity:7}  {line.code + ' ' if code else ''}{label}: "
    where = _where(report.location_of(line.findings[0]))
    return _wrap(line.text + where, lead, margin + " " * 9)


def _wrap(text: str, initial: str, subsequent: str) -> str:
    """``textwrap.fill`` to :data:`WIDTH`, never breaking words or at hyphens.

    The same lines, faster where a report has tens of thousands of them: a text whose
    only white space is spaces is cut here by :func:`_space_lines` (textwrap first
    rewrites every white-space character, one by one, then takes its words one by one),
    and one that fits the first line is that line; any other goes to ``textwrap.fill``
    itself. Tests compare the two on random and on real texts.
    """
    if _OTHER_SPACE.search(text):
        return textwrap.fill(text, WIDTH, initial_indent=initial,
                             subsequent_indent=subsequent, break_on_hyphens=False,
                             break_long_words=False)
    if len(initial) + len(text) <= WIDTH:
        line = text.rstrip(" ")
        return initial + line if line else ""
    return "\n".join(_space_lines(text, initial, subsequent))


def _space_lines(text: str, initial: str, subsequent: str) -> list[str]:
    """textwrap's lines of a text whose only white space is spaces, cut by position.

    textwrap splits the text into words and runs of spaces ("chunks"); each line takes
    as many whole chunks as fit (at least one), less a run of spaces at its end, and every
    line after the first skips a run of spaces at its start. A line that would hold only
    spaces is no line.
    """
    lines: list[str] = []
    start, end = 0, len(text)
    indent = initial
    while start < end:
        if lines and text[start] == " ":
            start = _SPACE_RUN.match(text, start).end()  # type: ignore[union-attr]
            if start == end:
                break
        cut = _last_cut(text, start, start + WIDTH - len(indent))
        if cut == start:  # the first chunk is longer than the line: it goes alone
            cut = _CHUNK.match(text, start).end()  # type: ignore[union-attr]
        line = text[start:cut].rstrip(" ")
        if line:
            lines.append(indent + line)
            indent = subsequent
        start = cut
    return lines


def _last_cut(text: str, start: int, stop: int) -> int:
    """The last chunk boundary from ``start`` (one) up to ``stop``, or the text's end."""
    if stop >= len(text):
        return len(text)
    if stop <= start:
        return start
    if text[stop] == " ":  # inside or at a run of spaces: cut before it
        return start + len(text[start:stop].rstrip(" "))
    return text.rfind(" ", start, stop) + 1 or start  # inside a word: cut before it


#: White space other than the space: textwrap rewrites some to spaces, and drops words of
#: others (a no-break space) at the ends of lines.
_OTHER_SPACE = re.compile("[^\\S ]")
_SPACE_RUN = re.compile(" +")
_CHUNK = re.compile(" +|[^ ]+")


def _summary(report: Report) -> str:
    summary = report.summary()
    slack = summary["slack"]
    severities = ", ".join(f"{n} {s}" for s, n in summary["by_severity"].items()) or "none"
    return (f"Summary: {summary['findings']} findings ({severities}). "
            f"Overall slack: overflow {percent(slack['overflow'])}, gap {percent(slack['gap'])}, "
            f"echo {percent(slack['echo'])} over {slack['levels']} levels. "
            f"Objectives written top-down: {percent(summary['top_down_share'])}.\n")
