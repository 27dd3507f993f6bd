"""The findings as CSV, one row each, safe to open in a spreadsheet.

Any cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a
leading apostrophe (OWASP's advice against CSV injection), so a goal titled
``=HYPERLINK(…)`` is shown as text, never run as a formula.
"""

from __future__ import annotations

import csv
import io

from ..io.tables.cells import neutralise
from ..report import Report

COLUMNS = ("severity", "code", "check", "subject_kind", "subject", "message", "related")


def report_csv(report: Report) -> str:
    """Every finding as a CSV row, under a header row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for f in report.findings:
        cells = (f.severity, f.code, f.check, f.subject_kind, f.subject, f.message,
                 "; ".join(f.related))
        writer.writerow([neutralise(str(cell)) for cell in cells])
    return buffer.getvalue()
