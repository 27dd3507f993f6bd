"""The command line: formats, exit codes, and clear errors."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from aligngraph.cli import main

ROOT = Path(__file__).parent.parent
NIMBUS = str(ROOT / "samples" / "nimbus.yaml")
REAL = ROOT.parent / "shared" / "data" / "real"
# The real organisations lie beside the project here and in CI; only elsewhere may their
# tests skip, so that CI never hides them.
needs_real = pytest.mark.skipif(not REAL.is_dir() and not os.environ.get("CI"),
                                reason="../shared/data/real is not beside the project")


def run_cli(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_text_report_groups_findings_and_ends_with_summary(capsys):
    code, out, _ = run_cli(capsys, "check", NIMBUS)
    assert code == 1  # missing-liaison findings are errors
    assert "Sales (sales): 2 findings; basics 2 of 4" in out
    assert "AG101 orphan-team: Orphan team (2)" not in out
    assert "Alignment slack by level" in out
    assert out.rstrip().splitlines()[-1].startswith("Summary: 11 findings")
    code, out, _ = run_cli(capsys, "check", NIMBUS, "--group-by", "check")
    assert "AG101 orphan-team: Orphan team (2)" in out
    assert "Sales (sales): 2 findings" not in out
    assert out.rstrip().splitlines()[-1].startswith("Summary: 11 findings")


def test_text_report_leads_with_fix_first_then_slack(capsys):
    _, out, _ = run_cli(capsys, "check", NIMBUS)
    lines = out.splitlines()
    assert lines[2].startswith("11 findings (2 error, 6 warning, 3 info) about 6 teams.")
    first = lines.index(next(line for line in lines if line.startswith("Fix first")))
    assert lines[first + 1].startswith("  1. error    AG106 ")
    assert out.index("Fix first") < out.index("Alignment slack by level") < out.index(
        "Team basics") < out.index("Findings by team")


def test_min_severity_hides_findings_but_fail_on_still_counts_them(capsys):
    code, out, _ = run_cli(capsys, "check", NIMBUS, "--min-severity", "error",
                           "--fail-on", "warning")
    assert code == 1
    assert "9 less severe findings not shown" in out
    assert "AG101" not in out and "AG106" in out
    code, out, _ = run_cli(capsys, "check", NIMBUS, "--min-severity", "warning")
    assert "AG101" in out and "3 less severe findings not shown" in out
    code, out, _ = run_cli(capsys, "check", NIMBUS, "--min-severity", "info")
    assert "not shown" not in out
    _, out, _ = run_cli(capsys, "check", NIMBUS, "--min-severity", "error", "--format", "json")
    data = json.loads(out)
    assert {f["severity"] for f in data["findings"]} == {"error"}
    assert data["summary"]["hidden"] == 9


def test_bad_group_by_or_min_severity_is_a_usage_error(capsys):
    for option, value in (("--group-by", "person"), ("--min-severity", "fatal")):
        with pytest.raises(SystemExit) as exc:
            main(["check", NIMBUS, option, value])
        assert exc.value.code == 2
        assert "invalid choice" in capsys.readouterr().err


def test_json_report_is_the_documented_contract(capsys):
    code, out, _ = run_cli(capsys, "check", NIMBUS, "--format", "json")
    data = json.loads(out)
    assert set(data) == {"version", "findings", "fix_first", "slack", "teams", "summary"}
    finding = data["findings"][0]
    assert set(finding) == {"check", "code", "severity", "subject", "subject_kind",
                            "message", "related", "data", "team", "rank", "location"}
    assert sorted(f["rank"] for f in data["findings"]) == list(range(1, 12))
    assert [f["rank"] for f in data["fix_first"]] == list(range(1, 11))
    assert {f["team"] for f in data["findings"]} == {"sales", "support", "engineering",
                                                     "growth", "nimbus", "mobile"}
    assert finding["location"] == {"file": NIMBUS, "line": 32, "column": 3}
    assert {row["team"] for row in data["slack"]} == {"nimbus", "engineering", "growth"}
    assert data["summary"]["counts"]["teams"] == 8
    assert data["summary"]["by_check"]["missing-liaison"] == 2


def test_markdown_report_has_tables(capsys):
    _, out, _ = run_cli(capsys, "check", NIMBUS, "--format", "markdown")
    assert out.startswith("# OKR alignment report — 2026-Q3")
    assert "| severity | subject | check | message |" in out and "## Fix first" in out
    assert "**stacked**" in out and "**detached**" in out
    _, out, _ = run_cli(capsys, "check", NIMBUS, "--format", "markdown", "--group-by", "check")
    assert "| severity | subject | message |" in out
    assert "## AG101 `orphan-team`: Orphan team (2)" in out


@pytest.mark.parametrize("fail_on, expected", [
    ("error", 1), ("warning", 1), ("info", 1), ("never", 0)])
def test_fail_on_sets_the_exit_code(capsys, fail_on, expected):
    code, _, _ = run_cli(capsys, "check", NIMBUS, "--fail-on", fail_on)
    assert code == expected


def test_clean_organisation_exits_0(capsys, tmp_path):
    path = tmp_path / "ok.yaml"
    path.write_text(
        "cycle: {start: 2026-07-01, end: 2026-09-30, as_of: 2026-07-20}\n"
        "teams: [{id: solo}]\n"
        "objectives:\n"
        "  - id: S1\n    team: solo\n    owner: ana\n    title: Grow\n    key_results:\n"
        "      - {id: S1.1, title: Raise revenue from 1 to 2, baseline: 1, target: 2,\n"
        "         check_ins: [{date: 2026-07-15, value: 1.2}]}\n")
    code, out, _ = run_cli(capsys, "check", str(path))
    assert code == 0 and "No findings." in out


def test_bad_input_exits_2_with_located_message(capsys, tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("teams: [{id: a}]\nobjectives: [{id: O1, team: b, title: x}]\n")
    code, out, err = run_cli(capsys, "check", str(path))
    assert code == 2 and out == ""
    assert f"{path}:2:" in err and "unknown team 'b'" in err
    assert "Traceback" not in err


def test_as_of_overrides_the_cycle_date(capsys):
    _, out, _ = run_cli(capsys, "check", NIMBUS, "--format", "json", "--as-of", "2026-08-01")
    assert json.loads(out)["summary"]["as_of"] == "2026-08-01"


def test_bad_date_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as info:
        main(["check", NIMBUS, "--as-of", "yesterday"])
    assert info.value.code == 2
    assert "expected a date written YYYY-MM-DD" in capsys.readouterr().err


def test_schema_is_json_schema_of_the_format(capsys):
    code, out, _ = run_cli(capsys, "schema")
    schema = json.loads(out)
    assert code == 0
    assert set(schema["required"]) == {"teams", "objectives"}
    assert schema["properties"]["teams"]["type"] == "array"
    assert "^x-" in schema["patternProperties"]


def test_python_dash_m_runs_without_traceback(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("teams: [\n")
    result = subprocess.run([sys.executable, "-m", "aligngraph", "check", str(path)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 2
    assert "not valid YAML" in result.stderr and "Traceback" not in result.stderr


@needs_real
@pytest.mark.parametrize("name", sorted(p.name for p in REAL.glob("*.yaml")) or ["(none found)"])
def test_real_organisations_check_with_0_or_1(capsys, name):
    code, out, err = run_cli(capsys, "check", str(REAL / name))
    assert code in (0, 1), err
    assert "Summary:" in out


def test_config_file_disables_and_retunes_checks(capsys, tmp_path):
    config = tmp_path / "aligngraph.yaml"
    config.write_text("settings:\n  orphan-team: {enabled: false}\n"
                      "  missing-liaison: {severity: warning}\n")
    code, out, _ = run_cli(capsys, "check", NIMBUS, "--config", str(config), "--format", "json")
    data = json.loads(out)
    assert "orphan-team" not in data["summary"]["by_check"]
    assert {f["severity"] for f in data["findings"] if f["check"] == "missing-liaison"} == {"warning"}
    assert code == 0


def test_config_errors_name_check_option_and_line(capsys, tmp_path):
    config = tmp_path / "aligngraph.yaml"
    config.write_text("settings:\n  overloaded-contributor:\n    max_objectivs: 4\n"
                      "  sandbagging: {max_average: high}\n")
    code, _, err = run_cli(capsys, "check", NIMBUS, "--config", str(config))
    assert code == 2
    assert f"{config}:3:5: settings.overloaded-contributor.max_objectivs: unknown option" in err
    assert "did you mean 'max_objectives'?" in err and "max_teams" in err
    assert "settings.sandbagging.max_average: expected a number, got 'high'" in err


def test_settings_in_an_okr_file_are_validated_with_their_line(capsys, tmp_path):
    path = tmp_path / "okr.yaml"
    path.write_text("teams: [{id: a}]\nobjectives: []\nsettings:\n  orphan-teem: {}\n")
    code, _, err = run_cli(capsys, "check", str(path))
    assert code == 2 and f"{path}:4:3: settings.orphan-teem: unknown check" in err
    assert "did you mean 'orphan-team'?" in err


def test_settings_in_an_okr_file_apply(capsys, tmp_path):
    path = tmp_path / "okr.yaml"
    path.write_text(Path(NIMBUS).read_text() + "settings:\n  overloaded-contributor:\n"
                    "    max_objectives: 5\n")
    _, out, _ = run_cli(capsys, "check", str(path), "--format", "json")
    assert "overloaded-contributor" not in json.loads(out)["summary"]["by_check"]


def test_app_refuses_missing_paths(capsys, tmp_path):
    code, _, err = run_cli(capsys, "app", str(tmp_path / "nope.yaml"))
    assert code == 2 and "no such file or folder" in err


def test_app_hands_the_paths_to_streamlit(monkeypatch, tmp_path):
    calls = []
    monkeypatch.setattr("aligngraph.cli._hand_over", lambda command: calls.append(command) or 0)
    assert main(["app", NIMBUS, "--headless", "--port", "8600"]) == 0
    command = calls[0]
    assert command[1:4] == ["-m", "streamlit", "run"] and command[4].endswith("streamlit_app.py")
    assert "8600" in command and command[-2:] == ["--", str(Path(NIMBUS).resolve())]


@needs_real
def test_gitlab_first_screen_holds_fix_first_and_slack(capsys):
    _, out, _ = run_cli(capsys, "check", str(REAL / "gitlab-fy21-q1.yaml"))
    lines = out.splitlines()
    assert "as of 2020-04-30, the end of cycle FY21-Q1" in lines[0]
    assert lines.index(next(line for line in lines if line.startswith(" 10. "))) < 60
    slack_end = lines.index(next(line for line in lines if line.startswith("Team basics")))
    assert slack_end < 60
    assert "Findings by team, then objective:" in lines[slack_end:]
