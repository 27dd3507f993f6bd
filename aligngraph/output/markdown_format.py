"""The Markdown report, ready to paste into a wiki page: what to fix first, the slack
table, the team scorecard, then every finding by team (or by check)."""

from __future__ import annotations

from ..checks import REGISTRY
from ..report import Location, Report
from ..text import count_of
from .grouping import Line, TeamGroup, by_check, by_team, line_label, short_label, subject_label
from .tables import (
    SCORECARD_COLUMNS, SLACK_COLUMNS, counts_line, headline, mirror_note, percent,
    scorecard_cells, slack_cells,
)


def report_markdown(report: Report, group_by: str = "team") -> str:
    """The report as GitHub-flavoured Markdown; ``group_by`` is ``team`` or ``check``."""
    summary = report.summary()
    cycle = summary["cycle"]
    lines = [f"# OKR alignment report{f' — {cycle}' if cycle else ''}", "",
             f"{counts_line(report)}, as of {report.as_of_text}.", "", "## Summary", "",
             " ".join(headline(report)), "", "| check | findings |", "|---|---:|"]
    lines += [f"| `{slug}` | {n} |" for slug, n in summary["by_check"].items()]
    slack = summary["slack"]
    lines += ["", f"Overall slack: overflow {percent(slack['overflow'])}, gap "
              f"{percent(slack['gap'])}, echo {percent(slack['echo'])}. Objectives written top-down: "
              f"{percent(summary['top_down_share'])}.", ""]
    lines += _fix_first(report)
    lines += _slack_table(report)
    lines += _scorecard_table(report)
    if group_by == "check":
        for slug, check_lines in by_check(report):
            lines += _check_section(report, slug, check_lines)
    else:
        lines += ["## Findings by team", ""] if report.findings else []
        scores = {s.team: s for s in report.scorecard}
        for group in by_team(report):
            lines += _team_section(report, group, scores.get(group.team) if group.team else None)
    return "\n".join(lines) + "\n"


def _fix_first(report: Report) -> list[str]:
    if not report.findings:
        return []
    lines = ["## Fix first", "",
             "Ranked by severity, then alignment before hygiene before wording, then the goals "
             "each finding touches.", ""]
    lines += [f"{rank}. **{f.severity}** {f.code} `{f.check}`, {_cell(subject_label(report, f))}: "
              f"{_cell(f.message)}" for rank, f in enumerate(report.fix_first, start=1)]
    return lines + [""]


def _slack_table(report: Report) -> list[str]:
    if not report.slack:
        return []
    lines = ["## Alignment slack by level", "", *_table_head(SLACK_COLUMNS)]
    for cells in slack_cells(report):
        cells[-1] = f"**{cells[-1]}**" if cells[-1] in ("stacked", "detached") else cells[-1]
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    note = mirror_note(report)
    return lines + ([""] + [note] if note else []) + [""]


def _scorecard_table(report: Report) -> list[str]:
    if not report.scorecard:
        return []
    lines = ["## Team basics", "",
             "At most 3 objectives; 2–5 measurable key results on every objective (objectives "
             "that have them); every goal owned (goals with an owner); at least one objective "
             "aligned to another team's goal (objectives that are).", "",
             *_table_head(SCORECARD_COLUMNS)]
    for cells in scorecard_cells(report):
        cells[1:-1] = [f"**{c}**" if c.startswith("fail") else c for c in cells[1:-1]]
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return lines + [""]


def _table_head(columns) -> list[str]:
    return ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]


def _team_section(report: Report, group: TeamGroup, score) -> list[str]:
    name = f"{group.name} (`{group.team}`)" if group.team else group.name
    basics = f"; basics {score.passed} of {score.judged}" if score else ""
    lines = [f"### {_cell(name)}", "", f"{count_of(group.count, 'finding')}{basics}.", "",
             "| severity | subject | check | message | defined at |", "|---|---|---|---|---|"]
    for section in group.sections:
        lines += [_row(report, line, _team_subject(line, section.objective))
                  for line in section.lines]
    return lines + [""]


def _team_subject(line: Line, objective: str | None) -> str:
    if line.folded or objective is None or line.subject == objective:
        return line.subject if line.folded else short_label(line.findings[0])
    return f"{line.subject} ({objective})"


def _row(report: Report, line: Line, subject: str) -> str:
    return (f"| {line.severity} | `{_cell(subject)}` | {line.code} `{line.check}` | "
            f"{_cell(line.text)} | {_where(report.location_of(line.findings[0]))} |")


def _check_section(report: Report, slug: str, lines_: list[Line]) -> list[str]:
    check = REGISTRY[slug]
    count = sum(len(line.findings) for line in lines_)
    lines = [f"## {check.code} `{slug}`: {check.title} ({count})", "",
             "| severity | subject | message | defined at |", "|---|---|---|---|"]
    lines += [f"| {line.severity} | `{_cell(line_label(report, line))}` | {_cell(line.text)} | "
              f"{_where(report.location_of(line.findings[0]))} |" for line in lines_]
    return lines + [""]


def _where(location: Location | None) -> str:
    if location is None:
        return ""
    line = f":{location.line}" if location.line is not None else ""
    return f"`{_cell(location.file)}{line}`"


def _cell(text: str) -> str:
    """Escape what would break a Markdown table cell.

    >>> _cell("a|b <x>")
    'a\\\\|b &lt;x&gt;'
    """
    return (text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;")
            .replace(">", "&gt;").replace("\n", " "))
