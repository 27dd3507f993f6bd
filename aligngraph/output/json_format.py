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


def ranked_finding_dict(report: Report, finding: Finding, rank: int) -> dict[str, Any]:
    """One finding as plain data, with its team and its fix-first rank."""
    return {**finding_dict(finding, report.location_of(finding)),
            "team": report.team_of(finding), "rank": rank}


def fix_first_list(report: Report) -> list[dict[str, Any]]:
    """The fix-first list: each entry points at its finding by index, with its score."""
    index = {id(f): i for i, f in enumerate(report.findings)}
    return [{"rank": rank, "finding": index[id(f)], "check": f.check, "code": f.code,
             "severity": f.severity, "subject": f.subject, "subject_kind": f.subject_kind,
             "team": report.team_of(f), "goals_touched": report.goals_touched(f),
             "score": report.score(f)}
            for rank, f in enumerate(report.fix_first, start=1)]


def report_data(report: Report) -> dict[str, Any]:
    """The whole report as plain data."""
    return {"version": REPORT_VERSION,
            "findings": [ranked_finding_dict(report, f, rank)
                         for f, rank in zip(report.findings, report.ranks, strict=True)],
            "fix_first": fix_first_list(report),
            "slack": [row.as_dict() for row in report.slack],
            "teams": report.team_summaries(),
            "summary": report.summary()}


def report_json(report: Report) -> str:
    """The report as indented JSON text."""
    return json.dumps(report_data(report), indent=2, ensure_ascii=False, default=str) + "\n"
