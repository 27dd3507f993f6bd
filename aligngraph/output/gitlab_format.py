"""GitLab code quality: the JSON report GitLab shows in merge requests.

A list of issues, each with a description, the check's name, a severity on GitLab's
scale, the file and line, and a fingerprint that stays the same across runs while the
finding stands (GitLab compares fingerprints to tell new issues from fixed ones).
"""

from __future__ import annotations

import json
from typing import Any

from ..checks import Finding
from ..report import Report
from .ci_common import ci_location, fingerprints

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def report_gitlab(report: Report) -> str:
    """The report as GitLab code-quality JSON."""
    first_source = report.sources[0] if report.sources else "."
    issues = [issue(report, finding, print_, first_source)
              for finding, print_ in zip(report.findings, fingerprints(report.findings),
                                             strict=True)]
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"


def issue(report: Report, finding: Finding, fingerprint: str, fallback_path: str
          ) -> dict[str, Any]:
    """One code-quality issue. GitLab needs a path and a line for every issue: a subject
    that cannot be placed is put on the first line of the first file given."""
    location = ci_location(report, finding)
    path = location.file if location else fallback_path
    line = location.line if location and location.line else 1
    return {"type": "issue", "check_name": finding.check,
            "description": f"{finding.code} {finding.check}: {finding.message}",
            "categories": ["Style"], "severity": SEVERITIES[finding.severity or "warning"],
            "fingerprint": fingerprint,
            "location": {"path": path, "lines": {"begin": line}}}
