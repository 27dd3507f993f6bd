"""``aligngraph diff`` and ``aligngraph whatif`` on the command line: formats, exit codes
and clear errors."""

import json

import jsonschema
import pytest

from planning_orgs import BASE, NEXT
from test_cli import REAL, ROOT, needs_real, run_cli

SCHEMA = json.loads((ROOT / "schema" / "diff.schema.json").read_text())


@pytest.fixture()
def versions(tmp_path):
    old, new = tmp_path / "base.yaml", tmp_path / "next.yaml"
    old.write_text(BASE)
    new.write_text(NEXT)
    return str(old), str(new)


def test_diff_text_report(capsys, versions):
    code, out, _ = run_cli(capsys, "diff", *versions)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "aligngraph diff"
    assert lines[3] == "Teams and goals matched by id."
    assert ("Findings: 4 new (1 error, 3 warning), 3 resolved (1 error, 1 warning, 1 info), "
            "6 unchanged.") in lines
    assert lines[6].startswith("  new       error    AG106 A1 (team app): ")
    assert f"[{versions[1]}:38]" in out  # where A1 is defined in the new file
    assert "  moved      app “App”: parent eng → co" in lines
    assert ("  retitled   W1: “Launch the new checkout” → “Launch the one-page checkout”"
            in lines)
    assert "  re-aligned A1: aligns to E1.1 → C1.1" in lines
    assert "  moved      E1.2: objective E1 → objective W1" in lines
    assert "  edited     E1.1: target" in lines


def test_diff_json_follows_its_schema(capsys, versions):
    code, out, _ = run_cli(capsys, "diff", *versions, "--format", "json")
    data = json.loads(out)
    jsonschema.validate(data, SCHEMA)
    assert data["teams"] == {"added": ["mkt"], "removed": ["ops"], "moved": ["app"]}
    assert data["goals"]["realigned"] == ["A1"]
    assert [f["subject"] for f in data["findings"]["new"]] == ["A1", "M1", "M1", "M1"]
    new = data["findings"]["new"][0]
    assert new["location"] == {"file": versions[1], "line": 38, "column": 5}
    assert data["summary"]["old"]["sources"] == [versions[0]]


def test_the_json_schema_rejects_a_diff_missing_a_section(capsys, versions):
    _, out, _ = run_cli(capsys, "diff", *versions, "--format", "json")
    data = json.loads(out)
    del data["goals"]["moved"]
    with pytest.raises(jsonschema.ValidationError, match="'moved' is a required property"):
        jsonschema.validate(data, SCHEMA)


def test_diff_markdown(capsys, versions):
    _, out, _ = run_cli(capsys, "diff", *versions, "--format", "markdown")
    assert out.startswith("# What changed\n")
    assert "| new | error | AG106 missing-liaison | A1 (team app) |" in out
    assert "- **moved** app “App”: parent eng → co" in out
    assert "| Company (co) | 2 → 3 | 0% | 0% | 0% | too few → not judged |" in out


@pytest.mark.parametrize(("severity", "code"), [("error", 1), ("warning", 1), ("info", 1)])
def test_fail_on_new_fails_on_what_the_new_version_adds(capsys, versions, severity, code):
    assert run_cli(capsys, "diff", *versions, "--fail-on-new", severity)[0] == code


def test_fail_on_new_ignores_findings_the_old_version_had(capsys, versions):
    # Back again: NEXT → BASE adds W1's missing liaison (an error) and O1's findings.
    assert run_cli(capsys, "diff", versions[1], versions[0], "--fail-on-new", "error")[0] == 1
    # The same version twice adds nothing, whatever its own errors.
    assert run_cli(capsys, "diff", versions[0], versions[0], "--fail-on-new", "info")[0] == 0
    # Dropping the ops team resolves its findings, and Olga moving up to Company makes
    # Company a team of two: a third finding resolved, none added.
    code, out, _ = run_cli(capsys, "whatif", versions[0], "--drop", "team:ops",
                           "--fail-on-new", "error")
    assert code == 0 and "Findings: 0 new, 3 resolved" in out
    assert "AG212 C1 (team co)" in out


def test_without_fail_on_new_diff_exits_0(capsys, versions):
    assert run_cli(capsys, "diff", versions[1], versions[0])[0] == 0


def test_whatif_prints_the_diff_of_the_changed_copy(capsys, versions):
    before = open(versions[0]).read()
    code, out, _ = run_cli(capsys, "whatif", versions[0], "--drop", "eng",
                           "--realign", "W1=C1", "--format", "json")
    assert code == 0
    data = json.loads(out)
    jsonschema.validate(data, SCHEMA)
    assert data["whatif"] == {"drop": ["eng"], "realign": {"W1": "C1"}}
    assert data["teams"] == {"added": [], "removed": ["eng"], "moved": ["web", "app"]}
    assert data["goals"]["removed"] == ["E1", "E1.1", "E1.2"]
    assert data["goals"]["realigned"] == ["W1", "A1"]
    assert [(f["check"], f["subject"]) for f in data["findings"]["new"]] == [
        ("orphan-team", "app")]
    assert open(versions[0]).read() == before


def test_whatif_text_names_the_change(capsys, versions):
    _, out, _ = run_cli(capsys, "whatif", versions[0], "--drop", "cy", "--realign", "A1=")
    assert out.startswith("aligngraph whatif: drop cy; align A1 to nothing, on a copy of\n")


@pytest.mark.parametrize(("args", "message"), [
    (["--drop", "ops"], "'ops' names more than one thing (team:ops, person:ops)"),
    (["--drop", "nobody"], "nothing called 'nobody' in the organisation"),
    (["--realign", "W1"], "--realign 'W1': expected GOAL=PARENT"),
    (["--realign", "C1=W1"], "aligns_to links form a cycle: C1 → W1 → E1 → C1.1 → C1"),
    ([], "whatif needs something to change"),
])
def test_whatif_errors_are_plain(capsys, versions, args, message):
    code, out, err = run_cli(capsys, "whatif", versions[0], *args)
    assert code == 2 and out == "" and message in err and "Traceback" not in err


def test_diff_of_a_bad_file_is_a_located_error(capsys, versions, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(NEXT.replace("aligns_to: C1.1\n    depends_on: web", "aligns_to: C9"))
    code, _, err = run_cli(capsys, "diff", versions[0], str(bad))
    assert code == 2 and f"{bad}:" in err and "unknown objective or key result 'C9'" in err


def test_diff_threshold_out_of_range_is_a_usage_error(capsys, versions):
    code, _, err = run_cli(capsys, "diff", *versions, "--match", "title", "--threshold", "2")
    assert code == 2 and "expected a number above 0 and at most 1, got 2.0" in err


@needs_real
def test_gitlab_cycle_over_cycle_by_title(capsys):
    code, out, _ = run_cli(capsys, "diff", str(REAL / "gitlab-fy20-q4.yaml"),
                           str(REAL / "gitlab-fy21-q1.yaml"), "--match", "title",
                           "--format", "json")
    summary = json.loads(out)["summary"]["goals"]
    assert (summary["carried_over"], summary["removed"], summary["added"]) == (54, 310, 420)


def test_whatif_text_folds_findings_resolved_only_because_their_subject_is_gone(capsys,
                                                                               versions):
    _, out, _ = run_cli(capsys, "whatif", versions[0], "--drop", "team:app")
    lines = out.splitlines()
    assert "Findings: 0 new, 4 resolved (1 error, 2 warning, 1 info), 5 unchanged." in lines
    assert [line for line in lines if line.startswith("  resolved  ")] == [
        "  resolved  error    AG106 W1 (team web): W1 “Launch the new checkout” of “Web” "
        "depends on App, but",  # W1 stays, and its finding is gone with App
        "  resolved  info     AG212 E1 (team eng): Objective E1 “Ship a reliable platform” "
        "belongs to"]  # App's one person moves up to Engineering, no longer a team of one
    assert ("  and 2 more resolved only because what they were about is gone: A1 (--format "
            "json lists them).") in lines
    _, out, _ = run_cli(capsys, "whatif", versions[0], "--drop", "goal:O1")
    assert ("  All 2 resolved only because what they were about is gone: O1 (--format json "
            "lists them).") in out.splitlines()
    _, out, _ = run_cli(capsys, "whatif", versions[0], "--drop", "team:app", "--format",
                        "markdown")
    assert [line for line in out.splitlines() if line.startswith("| resolved")][:1] == [
        "| resolved | error | AG106 missing-liaison | W1 (team web) | W1 “Launch the new "
        "checkout” of “Web” depends on App, but nobody is named liaison. Name one person whose "
        "job is to unstick it when it stalls. |"]
    assert "| resolved | info | AG212 individual-okr | E1 (team eng) |" in out
    assert ("and 2 more resolved only because what they were about is gone: A1 (`--format "
            "json` lists them).") in out.splitlines()
    _, out, _ = run_cli(capsys, "whatif", versions[0], "--drop", "goal:O1", "--format", "json")
    assert len(json.loads(out)["findings"]["resolved"]) == 2  # the JSON still lists them
