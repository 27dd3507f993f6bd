"""JUnit XML: one test case per check, for CI systems that show test reports.

A check's test case fails when it finds something at or above ``--fail-on``; the failure
lists each such finding with the file and line of its subject. Findings below
``--fail-on`` go to the test case's ``system-out``. A disabled check is skipped.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable

from ..checks import REGISTRY, Check, Finding, severity_rank
from ..report import Report

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def report_junit(report: Report, fail_on: str = "error") -> str:
    """The report as a JUnit XML document."""
    suite = ET.Element("testsuite", name="aligngraph check")
    for check in REGISTRY.values():
        mine = [f for f in report.findings if f.check == check.slug]
        suite.append(check_case(report, check, mine, fail_on))
    counts = {"tests": len(suite),
              "failures": sum(1 for case in suite if case.find("failure") is not None),
              "errors": 0,
              "skipped": sum(1 for case in suite if case.find("skipped") is not None)}
    suite.attrib.update({name: str(n) for name, n in counts.items()})
    suites = ET.Element("testsuites", {"name": "aligngraph",
                                       **{name: str(n) for name, n in counts.items()}})
    suites.append(suite)
    ET.indent(suites)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            + ET.tostring(suites, encoding="unicode") + "\n")


def check_case(report: Report, check: Check, findings: list[Finding], fail_on: str
              ) -> ET.Element:
    """The test case of one check: passed, failed, or skipped when disabled."""
    case = ET.Element("testcase", classname=f"aligngraph.{check.code}",
                      name=f"{check.code} {check.slug}")
    config = report.configs.get(check.slug)
    if config is not None and not config.enabled:
        ET.SubElement(case, "skipped", message="disabled in the settings")
        return case
    failing = [f for f in findings if _fails(f, fail_on)]
    passing = [f for f in findings if not _fails(f, fail_on)]
    if failing:
        noun = "finding" if len(failing) == 1 else "findings"
        failure = ET.SubElement(case, "failure", type=check.slug,
                                message=f"{len(failing)} {noun} at or above {fail_on}")
        failure.text = _lines(report, failing)
    if passing:
        ET.SubElement(case, "system-out").text = _lines(report, passing)
    return case


def _fails(finding: Finding, fail_on: str) -> bool:
    return fail_on != "never" and (
        severity_rank(finding.severity or "warning") <= severity_rank(fail_on))


def _lines(report: Report, findings: Iterable[Finding]) -> str:
    """One line per finding: ``file:line:column: severity subject: message``."""
    lines = []
    for finding in findings:
        location = report.location_of(finding)
        where = ""
        if location is not None:
            where = ":".join(str(part) for part in location if part is not None) + ": "
        lines.append(f"{where}{finding.severity} {finding.subject}: {finding.message}")
    return _NOT_XML.sub("\ufffd", "\n".join(lines))
