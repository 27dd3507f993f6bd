"""SARIF 2.1.0: the static-analysis format code-scanning tools read (GitHub code scanning,
Azure DevOps, IDE viewers).

One run of the ``aligngraph`` tool, with one rule per check (code, slug, summary and a
link to its section of docs/checks.md) and one result per finding, located at the line
where its subject is defined.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..checks import REGISTRY, Check, Finding
from ..checks.docs import check_doc
from ..report import Report
from .ci_common import PROJECT_URL, ci_location, fingerprints, help_uri
from .json_format import indented_json

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def report_sarif(report: Report) -> str:
    """The report as a SARIF 2.1.0 log."""
    return indented_json(sarif_log(report)) + "\n"


def sarif_log(report: Report) -> dict[str, Any]:
    """The SARIF log as plain data."""
    index = {slug: position for position, slug in enumerate(REGISTRY)}
    results = [result(report, finding, index[finding.check], print_)
               for finding, print_ in zip(report.findings, fingerprints(report.findings),
                                              strict=True)]
    driver = {"name": "aligngraph", "version": __version__, "informationUri": PROJECT_URL,
              "rules": [rule(check) for check in REGISTRY.values()]}
    return {"$schema": SCHEMA_URI, "version": "2.1.0",
            "runs": [{"tool": {"driver": driver}, "columnKind": "unicodeCodePoints",
                      "results": results}]}


def rule(check: Check) -> dict[str, Any]:
    """The reporting descriptor of one check."""
    summary = check_doc(check).summary
    return {"id": check.code, "name": check.slug,
            "shortDescription": {"text": check.title},
            "fullDescription": {"text": summary},
            "helpUri": help_uri(check),
            "help": {"text": f"{summary} See {help_uri(check)}"},
            "defaultConfiguration": {"level": LEVELS[check.severity]},
            "properties": {"tags": ["okr", "alignment"]}}


def result(report: Report, finding: Finding, rule_index: int, fingerprint: str
           ) -> dict[str, Any]:
    """The result of one finding."""
    found: dict[str, Any] = {
        "ruleId": finding.code, "ruleIndex": rule_index,
        "level": LEVELS[finding.severity or "warning"],
        "message": {"text": finding.message},
        "partialFingerprints": {"aligngraph/v1": fingerprint},
        "properties": {"check": finding.check, "subject": finding.subject,
                       "subjectKind": finding.subject_kind},
    }
    logical = {"name": finding.subject, "kind": finding.subject_kind.replace("_", " ")}
    location: dict[str, Any] = {"logicalLocations": [logical]}
    where = ci_location(report, finding)
    if where is not None:
        physical: dict[str, Any] = {"artifactLocation": {"uri": file_uri(where.file)}}
        if where.line is not None:
            physical["region"] = {"startLine": where.line,
                                  **({"startColumn": where.column} if where.column else {})}
        location["physicalLocation"] = physical
    found["locations"] = [location]
    return found


@lru_cache(maxsize=1024)
def file_uri(path: str) -> str:
    """A path as a URI reference: relative paths stay relative (code scanning resolves
    them from the repository's root), absolute ones become ``file:`` URIs.

    >>> file_uri("okrs/q3 plan.yaml"), file_uri("/srv/okrs/a.yaml")
    ('okrs/q3%20plan.yaml', 'file:///srv/okrs/a.yaml')
    """
    posix = PurePosixPath(path)
    if posix.is_absolute():
        return "file://" + quote(posix.as_posix())
    return quote(posix.as_posix())
