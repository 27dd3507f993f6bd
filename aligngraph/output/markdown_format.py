"""The Markdown report, ready to paste into a wiki page."""

from __future__ import annotations

from itertools import groupby

from ..checks import REGISTRY
from ..report import Report
from .tables import SLACK_COLUMNS, counts_line, mirror_note, percent, slack_cells


def report_markdown(report: Report) -> str:
    """The report as GitHub-flavoured Markdown."""
    summary = report.summary()
    cycle = summary["cycle"]
    lines = [f"# OKR alignment report{f' — {cycle}' if cycle else ''}", "",
             f"{counts_line(report)}, as of {summary['as_of']}.", "", "## Summary", "",
             "| check | findings |", "|---|---:|"]
    lines += [f"| `{slug}` | {n} |" for slug, n in summary["by_check"].items()]
    slack = summary["slack"]
    lines += ["", f"Overall slack: overflow {percent(slack['overflow'])}, gap "
              f"{percent(slack['gap'])}, echo {percent(slack['echo'])}. Objectives written top-down: "
              f"{percent(summary['top_down_share'])}.", ""]
    lines += _slack_table(report)
    for slug, findings in groupby(report.findings, key=lambda f: f.check):
        lines += _findings_section(slug, list(findings))
    return "\n".join(lines) + "\n"


def _slack_table(report: Report) -> list[str]:
    if not report.slack:
        return []
    lines = ["## Alignment slack by level", "",
             "| " + " | ".join(SLACK_COLUMNS) + " |", "|" + "---|" * len(SLACK_COLUMNS)]
    for cells in slack_cells(report):
        cells[-1] = f"**{cells[-1]}**" if cells[-1] in ("stacked", "detached") else cells[-1]
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    note = mirror_note(report)
    return lines + ([""] + [note] if note else []) + [""]


def _findings_section(slug: str, findings: list) -> list[str]:
    check = REGISTRY[slug]
    lines = [f"## {check.code} `{slug}`: {check.title} ({len(findings)})", "",
             "| severity | subject | message |", "|---|---|---|"]
    lines += [f"| {f.severity} | `{_cell(f.subject)}` | {_cell(f.message)} |" for f in findings]
    return lines + [""]


def _cell(text: str) -> str:
    """Escape what would break a Markdown table cell.

    >>> _cell("a|b <x>")
    'a\\\\|b &lt;x&gt;'
    """
    return (text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;")
            .replace(">", "&gt;").replace("\n", " "))
