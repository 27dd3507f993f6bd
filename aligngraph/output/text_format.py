"""The text report, for a terminal: findings grouped by check, then the summary."""

from __future__ import annotations

import textwrap
from itertools import groupby

from ..checks import REGISTRY
from ..report import Report
from .tables import SLACK_COLUMNS, counts_line, mirror_note, percent, slack_cells

WIDTH = 100


def report_text(report: Report) -> str:
    """The report as text for a terminal."""
    parts = [_header(report)]
    for slug, findings in groupby(report.findings, key=lambda f: f.check):
        parts.append(_check_section(slug, list(findings)))
    if not report.findings:
        parts.append("No findings.\n")
    parts.append(_slack_section(report))
    parts.append(_summary(report))
    return "\n".join(parts)


def _header(report: Report) -> str:
    cycle = report.graph.graph["cycle"].name
    name = f"cycle {cycle}, " if cycle else ""
    return f"aligngraph: {counts_line(report)} ({name}as of {report.as_of.isoformat()})\n"


def _check_section(slug: str, findings: list) -> str:
    check = REGISTRY[slug]
    lines = [f"{check.code} {slug}: {check.title} ({len(findings)})"]
    wrapper = textwrap.TextWrapper(WIDTH, subsequent_indent=" " * 11)
    for finding in findings:
        wrapper.initial_indent = f"  {finding.severity:7}  {finding.subject}: "
        lines.append(wrapper.fill(finding.message))
    return "\n".join(lines) + "\n"


def _slack_section(report: Report) -> str:
    if not report.slack:
        return "Alignment slack: no team has sub-teams, so there are no levels to judge.\n"
    rows = [list(SLACK_COLUMNS)] + slack_cells(report)
    widths = [max(len(r[i]) for r in rows) for i in range(len(SLACK_COLUMNS))]
    lines = ["Alignment slack by level (the objectives under each parent team):"]
    for row in rows:
        lines.append("  " + "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)).rstrip())
    note = mirror_note(report)
    if note:
        lines.append(textwrap.fill(note, WIDTH, initial_indent="  ", subsequent_indent="  "))
    return "\n".join(lines) + "\n"


def _summary(report: Report) -> str:
    summary = report.summary()
    slack = summary["slack"]
    severities = ", ".join(f"{n} {s}" for s, n in summary["by_severity"].items()) or "none"
    return (f"Summary: {summary['findings']} findings ({severities}). "
            f"Overall slack: overflow {percent(slack['overflow'])}, gap {percent(slack['gap'])}, "
            f"echo {percent(slack['echo'])} over {slack['levels']} levels. "
            f"Objectives written top-down: {percent(summary['top_down_share'])}.\n")
