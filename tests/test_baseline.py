"""A baseline of known findings: written by --write-baseline, honoured by --baseline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from aligngraph.cli import main

ROOT = Path(__file__).parent.parent
NIMBUS = str(ROOT / "samples" / "nimbus.yaml")


def check(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def baseline(capsys, tmp_path) -> Path:
    path = tmp_path / "baseline.json"
    code, out, err = check(capsys, NIMBUS, "--baseline", str(path), "--write-baseline")
    assert code == 0 and out == "" and "wrote" in err and "11 known findings" in err
    return path


def test_write_baseline_keeps_every_finding_by_check_and_subject(baseline):
    data = json.loads(baseline.read_text())
    assert data["version"] == 1
    keys = [(e["check"], e["subject"]) for e in data["findings"]]
    assert len(keys) == 11 and keys == sorted(keys)
    assert ("missing-liaison", "MOB1") in keys


def test_with_the_baseline_nothing_is_reported_and_the_exit_is_0(capsys, baseline):
    code, out, err = check(capsys, NIMBUS, "--baseline", str(baseline), "--format", "json")
    assert code == 0  # without the baseline, Nimbus's missing-liaison errors exit 1
    assert json.loads(out)["findings"] == []
    assert "11 known findings" in err


def test_only_findings_missing_from_the_baseline_are_reported_and_decide_the_exit(
        capsys, baseline):
    data = json.loads(baseline.read_text())
    data["findings"] = [e for e in data["findings"] if e["subject"] not in ("MOB1", "sales")]
    baseline.write_text(json.dumps(data))
    code, out, _ = check(capsys, NIMBUS, "--baseline", str(baseline), "--format", "json")
    reported = {(f["check"], f["subject"]) for f in json.loads(out)["findings"]}
    assert reported == {("missing-liaison", "MOB1"), ("orphan-team", "sales")}
    assert code == 1  # MOB1's missing liaison is an error

    data["findings"].append({"check": "missing-liaison", "subject": "MOB1"})
    baseline.write_text(json.dumps(data))
    code, out, _ = check(capsys, NIMBUS, "--baseline", str(baseline), "--format", "json")
    assert [f["subject"] for f in json.loads(out)["findings"]] == ["sales"]
    assert code == 0  # only a warning is left
    assert check(capsys, NIMBUS, "--baseline", str(baseline), "--fail-on", "warning")[0] == 1


def test_a_new_finding_in_changed_files_is_reported(capsys, baseline, tmp_path):
    changed = tmp_path / "nimbus.yaml"
    text = Path(NIMBUS).read_text(encoding="utf-8")
    changed.write_text(text.replace("teams:\n", "teams:\n- id: legal\n  parent: nimbus\n", 1),
                       encoding="utf-8")
    code, out, _ = check(capsys, str(changed), "--baseline", str(baseline), "--format", "json")
    findings = json.loads(out)["findings"]
    assert [(f["check"], f["subject"]) for f in findings] == [("orphan-team", "legal")]
    assert findings[0]["location"]["line"] == 9  # just below "teams:"
    assert code == 0


def test_entries_that_no_longer_occur_are_noted(capsys, baseline):
    data = json.loads(baseline.read_text())
    data["findings"].append({"check": "orphan-team", "subject": "long-gone"})
    baseline.write_text(json.dumps(data))
    _, _, err = check(capsys, NIMBUS, "--baseline", str(baseline))
    assert "1 of its entries no longer occur" in err


@pytest.mark.parametrize("content, message", [
    (None, "no baseline file"),
    ("{not json", "the baseline is not valid JSON"),
    ('{"version": 1, "findings": [{"check": "orphan-team"}]}', "each with a 'check' and a "
                                                               "'subject'"),
    ('["orphan-team"]', "not an aligngraph baseline"),
])
def test_a_bad_baseline_is_a_usage_error(capsys, tmp_path, content, message):
    path = tmp_path / "baseline.json"
    if content is not None:
        path.write_text(content)
    code, out, err = check(capsys, NIMBUS, "--baseline", str(path))
    assert code == 2 and out == "" and message in err and "Traceback" not in err


def test_write_baseline_needs_a_file(capsys):
    code, _, err = check(capsys, NIMBUS, "--write-baseline")
    assert code == 2 and "--write-baseline needs --baseline FILE" in err
