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
    return indented_json(report_data(report)) + "\n"


_INDENT = "  "
_escape = json.encoder.encode_basestring  # libjson's C function where it is built


def indented_json(data: Any) -> str:
    """``json.dumps(data, indent=2, ensure_ascii=False, default=str)``, character for
    character, faster on a large report.

    The standard library encodes indented JSON in Python, a generator per container and
    a ``yield`` per token: on the 27,000 findings of a 10,000-team organisation that took
    longer than the report itself. Here plain values (str, int, float, bool, None, lists,
    tuples and dicts with string keys) are written by one recursive function into a
    list, a scalar in the same call as its key; anything else is handed to ``json.dumps``
    and indented to its depth.
    """
    parts: list[str] = []
    write = parts.append

    def encode(value: Any, level: int) -> None:
        kind = type(value)
        if kind is dict:
            for key in value:
                if type(key) is not str:
                    break
            else:
                if not value:
                    write("{}")
                    return
                inner = "\n" + _INDENT * (level + 1)
                separator = "{" + inner
                for key, item in value.items():
                    scalar = _scalar(item)
                    if scalar is None:
                        write(separator + _escape(key) + ": ")
                        encode(item, level + 1)
                    else:
                        write(separator + _escape(key) + ": " + scalar)
                    separator = "," + inner
                write("\n" + _INDENT * level + "}")
                return
        elif kind is list or kind is tuple:
            if not value:
                write("[]")
                return
            inner = "\n" + _INDENT * (level + 1)
            separator = "[" + inner
            for item in value:
                scalar = _scalar(item)
                if scalar is None:
                    write(separator)
                    encode(item, level + 1)
                else:
                    write(separator + scalar)
                separator = "," + inner
            write("\n" + _INDENT * level + "]")
            return
        else:
            scalar = _scalar(value)
            if scalar is not None:
                write(scalar)
                return
        text = json.dumps(value, indent=2, ensure_ascii=False, default=str)
        write(text.replace("\n", "\n" + _INDENT * level))

    encode(data, 0)
    return "".join(parts)


def _scalar(value: Any) -> str | None:
    """A plain scalar as JSON text, or None for anything else."""
    kind = type(value)
    if kind is str:
        return _escape(value)
    if value is None:
        return "null"
    if kind is int:
        return int.__repr__(value)
    if kind is bool:
        return "true" if value else "false"
    if kind is float:
        return _float(value)
    return None


def _float(value: float) -> str:
    """A float as ``json.dumps`` writes it (NaN and the infinities as JavaScript does)."""
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "Infinity" if value > 0 else "-Infinity"
    return float.__repr__(value)
