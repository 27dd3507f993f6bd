"""Golden reports: every finding of every case, and the samples' whole JSON reports,
exactly as committed under tests/golden/.

The case files pin *which* subjects a check reports; these pin *what* it says about
them: message, severity, related goals and data. A change in any of them fails here
until the new output is reviewed and written with::

    ALIGNGRAPH_UPDATE_GOLDEN=1 ./dev test tests/test_golden.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from aligngraph.checks import REGISTRY
from aligngraph.io.check_cases import read_cases
from aligngraph.output import report_json
from aligngraph.output.json_format import finding_dict
from aligngraph.pipeline import check_paths, run_case

GOLDEN = Path(__file__).parent / "golden"
SAMPLES = Path(__file__).parent.parent / "samples"
UPDATE = os.environ.get("ALIGNGRAPH_UPDATE_GOLDEN") == "1"


def _matches_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.is_file(), f"no golden file {path}: write it with ALIGNGRAPH_UPDATE_GOLDEN=1"
    assert path.read_text(encoding="utf-8") == actual, \
        f"{name} changed; review, then ALIGNGRAPH_UPDATE_GOLDEN=1 ./dev test tests/test_golden.py"


@pytest.mark.parametrize("slug", list(REGISTRY))
def test_every_case_reports_exactly_what_is_recorded(slug):
    findings = {case.name: [_without_location(finding_dict(f)) for f in run_case(case)]
                for case in read_cases(slug)}
    _matches_golden(f"cases/{slug}.json",
                    json.dumps(findings, indent=2, ensure_ascii=False, default=str) + "\n")


def _without_location(record: dict) -> dict:
    """A case is loaded from text: its findings have no file location to pin."""
    return {key: value for key, value in record.items() if key != "location"}


@pytest.mark.parametrize("sample", ["nimbus", "meridian"])
def test_the_samples_report_exactly_what_is_recorded(sample, monkeypatch):
    monkeypatch.chdir(SAMPLES.parent)  # the report names its sources as given
    report = check_paths([f"samples/{sample}.yaml"])
    _matches_golden(f"{sample}.json", report_json(report))
