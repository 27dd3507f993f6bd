"""The JSON report: a documented contract other tools parse (see docs/report.md)."""

from __future__ import annotations

import json
from typing import Any

from ..checks import Finding
from ..report import Location, Report

REPORT_VERSION = 1


def finding_dict(finding: Finding, location: Location | None = None) -> dict[str, Any]:
    """One finding as plain data, with where its subject is defined (or None)."""
    return {"check": finding.check, "code": finding.code, "severity": finding.severity,
            "subject": finding.subject, "subject_kind": finding.subject_kind,
            "message": finding.message, "related": list(finding.related),
            "data": dict(finding.data),
            "location": location._asdict() if location is not None else None}


def report_data(report: Report) -> dict[str, Any]:
    """The whole report as plain data."""
    return {"version": REPORT_VERSION,
            "findings": [finding_dict(f, report.location_of(f)) for f in report.findings],
            "slack": [row.as_dict() for row in report.slack],
            "summary": report.summary()}


def report_json(report: Report) -> str:
    """The report as indented JSON text."""
    return json.dumps(report_data(report), indent=2, ensure_ascii=False, default=str) + "\n"
