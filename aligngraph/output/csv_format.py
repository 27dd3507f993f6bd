"""CSV: one row per finding, for spreadsheets.

The columns are those of the explorer's findings table, then the file and line where the
subject is defined. A cell that a spreadsheet would run as a formula (one starting with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is neutralised with a leading
single quote, and every cell is quoted, as OWASP advises against CSV injection.
"""

from __future__ import annotations

import csv
import io

from ..checks import Finding
from ..graph import PERSON, TEAM, home_team, team_of
from ..io.tables.cells import neutralise
from ..report import Report, finding_node

FINDING_COLUMNS = ["severity", "check", "code", "subject", "kind", "team", "message"]
COLUMNS = [*FINDING_COLUMNS, "file", "line"]


def report_csv(report: Report) -> str:
    """The findings as CSV text, with a header row."""
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for finding in report.findings:
        writer.writerow([neutralise(cell) for cell in finding_row(report, finding)])
    return out.getvalue()


def finding_row(report: Report, finding: Finding) -> list[str]:
    """One finding's cells, in :data:`COLUMNS` order."""
    location = report.location_of(finding)
    return [finding.severity or "", finding.check, finding.code, finding.subject,
            finding.subject_kind.replace("_", " "), team_name(report, finding),
            finding.message, location.file if location else "",
            str(location.line) if location and location.line else ""]


def team_name(report: Report, finding: Finding) -> str:
    """The name of the team a finding belongs to: its subject, the team owning its goal,
    or its person's home team."""
    graph, key = report.graph, finding_node(finding)
    kind = graph.nodes[key]["kind"]
    team = key if kind == TEAM else home_team(graph, key) if kind == PERSON else team_of(graph, key)
    return graph.nodes[team]["label"] if team else ""
