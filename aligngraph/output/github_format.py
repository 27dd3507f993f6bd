"""GitHub Actions annotations: one workflow command per finding.

    ::warning file=okrs/teams.yaml,line=12,col=5,title=AG101 orphan-team::None of ...

GitHub shows each as an annotation on the file and line in the pull request and in the
run's summary. ``--format auto`` (the default) picks this format when ``GITHUB_ACTIONS``
is ``true``, as GitHub sets it.
"""

from __future__ import annotations

from ..checks import Finding
from ..report import Report
from .ci_common import ci_location

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def report_github(report: Report) -> str:
    """One annotation line per finding, then a plain summary line for the log."""
    lines = [annotation(report, finding) for finding in report.findings]
    summary = report.summary()
    severities = ", ".join(f"{n} {s}" for s, n in summary["by_severity"].items()) or "none"
    lines.append(f"aligngraph: {summary['findings']} findings ({severities})")
    return "\n".join(lines) + "\n"


def annotation(report: Report, finding: Finding) -> str:
    """The workflow command of one finding."""
    properties = {}
    location = ci_location(report, finding)
    if location is not None:
        properties["file"] = location.file
        if location.line is not None:
            properties["line"] = str(location.line)
        if location.column is not None:
            properties["col"] = str(location.column)
    properties["title"] = f"{finding.code} {finding.check}"
    joined = ",".join(f"{name}={escape_property(value)}" for name, value in properties.items())
    command = COMMANDS[finding.severity or "warning"]
    return f"::{command} {joined}::{escape_data(finding.message)}"


def escape_data(text: str) -> str:
    """Escape a command's message: ``%``, carriage return and line feed.

    >>> escape_data("100%\\r\\ndone")
    '100%25%0D%0Adone'
    """
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a command's property value: as a message, and ``:`` and ``,`` too.

    >>> escape_property("C:/okrs/a,b.yaml")
    'C%3A/okrs/a%2Cb.yaml'
    """
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")
