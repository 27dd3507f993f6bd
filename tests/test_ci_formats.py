"""The formats for CI tools, each checked against its schema or read back with a parser."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from aligngraph.checks import REGISTRY
from aligngraph.cli import main
from aligngraph.output import FORMAT_NAMES
from aligngraph.output.github_format import escape_data, escape_property

ROOT = Path(__file__).parent.parent
NIMBUS = "samples/nimbus.yaml"  # relative: the tests run from the project's root
SARIF_SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json")
                          .read_text(encoding="utf-8"))
# Where each Nimbus finding's subject is defined: (check, subject) -> line.
NIMBUS_LINES = {
    ("orphan-team", "sales"): 32, ("orphan-team", "support"): 36,
    ("overloaded-contributor", "leo-marchetti"): 65, ("unsupported-parent", "GRO1"): 718,
    ("unsupported-parent", "GRO2"): 773, ("unsupported-parent", "NIM3"): 287,
    ("stacked-alignment", "engineering"): 16, ("detached-alignment", "growth"): 28,
    ("missing-liaison", "GRO1.1"): 726, ("missing-liaison", "MOB1"): 662,
    ("objective-is-task", "SLS2"): 875,
}
ANNOTATION = re.compile(r"^::(?P<command>error|warning|notice) file=(?P<file>[^,:]+),"
                        r"line=(?P<line>\d+),col=(?P<col>\d+),"
                        r"title=(?P<code>AG\d{3}) (?P<check>[a-z-]+)::(?P<message>[^\r\n]+)$")


@pytest.fixture(autouse=True)
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


def check(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


def weird_org(tmp_path: Path, name: str) -> Path:
    """An organisation whose orphan team's name needs escaping in every format."""
    path = tmp_path / "okrs" / "a,b:c.yaml"
    path.parent.mkdir()
    path.write_text(
        "cycle: {start: 2026-07-01, end: 2026-09-30, as_of: 2026-07-20}\n"
        "teams:\n  - id: hq\n  - id: ops\n    parent: hq\n"
        f"    name: {json.dumps(name)}\n"
        "objectives:\n  - id: O1\n    team: ops\n    title: Tidy\n"
        "  - id: H1\n    team: hq\n    title: Grow\n")
    return path


# --- SARIF -----------------------------------------------------------------------------

def test_sarif_is_valid_against_the_official_schema(capsys):
    code, out, _ = check(capsys, NIMBUS, "--format", "sarif")
    log = json.loads(out)
    jsonschema.validators.validator_for(SARIF_SCHEMA)(SARIF_SCHEMA).validate(log)
    assert code == 1 and log["version"] == "2.1.0"


def test_sarif_has_a_rule_per_check_and_a_located_result_per_finding(capsys):
    _, out, _ = check(capsys, NIMBUS, "--format", "sarif")
    run = json.loads(out)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [(r["id"], r["name"]) for r in rules] == [(c.code, c.slug) for c in REGISTRY.values()]
    orphan = rules[0]
    assert orphan["helpUri"].endswith("docs/checks.md#ag101-orphan-team")
    assert orphan["fullDescription"]["text"] and orphan["shortDescription"]["text"]
    located = {}
    for result in run["results"]:
        rule = rules[result["ruleIndex"]]
        assert result["ruleId"] == rule["id"]
        where = result["locations"][0]
        assert where["physicalLocation"]["artifactLocation"]["uri"] == NIMBUS
        located[(rule["name"], where["logicalLocations"][0]["name"])] = \
            where["physicalLocation"]["region"]["startLine"]
    assert located == NIMBUS_LINES


def test_sarif_without_findings_is_valid_too(capsys, tmp_path):
    path = tmp_path / "solo.yaml"
    path.write_text("teams: [{id: solo}]\nobjectives: []\n")
    _, out, _ = check(capsys, str(path), "--format", "sarif", "--config",
                      str(_disable_all(tmp_path)))
    log = json.loads(out)
    jsonschema.validators.validator_for(SARIF_SCHEMA)(SARIF_SCHEMA).validate(log)
    assert log["runs"][0]["results"] == []


def _disable_all(tmp_path: Path) -> Path:
    config = tmp_path / "config.yaml"
    config.write_text("settings:\n" + "".join(f"  {slug}: {{enabled: false}}\n"
                                              for slug in REGISTRY))
    return config


# --- GitHub annotations ----------------------------------------------------------------

def test_github_annotations_have_the_exact_workflow_command_format(capsys):
    code, out, _ = check(capsys, NIMBUS, "--format", "github")
    *lines, summary = out.splitlines()
    assert code == 1 and summary == "aligngraph: 11 findings (6 warning, 3 info, 2 error)"
    assert lines[0] == (
        "::warning file=samples/nimbus.yaml,line=32,col=3,title=AG101 orphan-team::None of "
        "the 2 objectives of team “Sales” aligns to a goal of another team: nothing shows "
        "which goal above it serves. Link at least one objective to a goal of “Growth” "
        "(GRO1 “Double clinic sign-ups”, GRO2 “Win back churned clinics”). (1 of them "
        "marked intentional: SLS2.)")
    found = {}
    for line in lines:
        match = ANNOTATION.match(line)
        assert match, line
        assert match["code"] == REGISTRY[match["check"]].code and match["file"] == NIMBUS
        found[(match["check"], match["command"])] = found.get((match["check"], match["command"]), 0) + 1
    assert found[("missing-liaison", "error")] == 2 and found[("orphan-team", "warning")] == 2


def test_github_escapes_messages_and_properties(capsys, tmp_path, monkeypatch):
    weird_org(tmp_path, "50% Ops\nand more")
    monkeypatch.chdir(tmp_path)
    _, out, _ = check(capsys, "okrs", "--format", "github")
    orphan = next(line for line in out.splitlines() if "orphan-team" in line)
    assert orphan.startswith("::warning file=okrs/a%2Cb%3Ac.yaml,line=4,col=5,"
                             "title=AG101 orphan-team::")
    assert "team “50%25 Ops" in orphan  # the check quotes the name: no raw line feed
    assert not re.search(r"%(?!25|0A|0D|2C|3A)", orphan)
    assert escape_data("a%b\r\nc") == "a%25b%0D%0Ac"
    assert escape_property("x:y,z%\n") == "x%3Ay%2Cz%25%0A"


@pytest.mark.parametrize("environment, expected", [("true", "github"), (None, "text")])
def test_format_auto_is_github_under_github_actions_else_text(capsys, monkeypatch,
                                                              environment, expected):
    if environment:
        monkeypatch.setenv("GITHUB_ACTIONS", environment)
    _, auto, _ = check(capsys, NIMBUS)
    _, explicit, _ = check(capsys, NIMBUS, "--format", expected)
    assert auto == explicit
    assert auto.startswith("::warning ") == (expected == "github")


# --- JUnit -----------------------------------------------------------------------------

@pytest.mark.parametrize("fail_on, failing", [
    ("error", {"missing-liaison"}),
    ("warning", {"orphan-team", "overloaded-contributor", "stacked-alignment",
                 "detached-alignment", "missing-liaison", "objective-is-task"}),
    ("info", {"orphan-team", "overloaded-contributor", "unsupported-parent",
              "stacked-alignment", "detached-alignment", "missing-liaison",
              "objective-is-task"}),
    ("never", set()),
])
def test_junit_has_a_case_per_check_failing_at_or_above_fail_on(capsys, fail_on, failing):
    _, out, _ = check(capsys, NIMBUS, "--format", "junit", "--fail-on", fail_on)
    suites = ET.fromstring(out)
    cases = suites.findall("./testsuite/testcase")
    assert [c.get("name") for c in cases] == [f"{c.code} {c.slug}" for c in REGISTRY.values()]
    failed = {c.get("name").split()[1] for c in cases if c.find("failure") is not None}
    assert failed == failing
    assert suites.get("tests") == str(len(REGISTRY)) and suites.get("failures") == str(len(failing))
    liaison = next(c for c in cases if c.get("name") == "AG106 missing-liaison")
    details = (liaison.findtext("failure") or "") + (liaison.findtext("system-out") or "")
    assert "samples/nimbus.yaml:726:5: error GRO1.1:" in details


def test_junit_skips_a_disabled_check(capsys, tmp_path):
    config = tmp_path / "config.yaml"
    config.write_text("settings:\n  missing-liaison: {enabled: false}\n")
    _, out, _ = check(capsys, NIMBUS, "--format", "junit", "--config", str(config))
    suite = ET.fromstring(out).find("testsuite")
    skipped = [c.get("name") for c in suite if c.find("skipped") is not None]
    assert skipped == ["AG106 missing-liaison"] and suite.get("skipped") == "1"


# --- GitLab code quality ---------------------------------------------------------------

def gitlab_issues(capsys, *paths: str) -> list[dict]:
    _, out, _ = check(capsys, *paths, "--format", "gitlab", "--fail-on", "never")
    return json.loads(out)


def test_gitlab_issues_have_the_required_fields(capsys):
    issues = gitlab_issues(capsys, NIMBUS)
    assert len(issues) == 11
    for issue in issues:
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(issue)
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert issue["location"]["path"] == NIMBUS
    assert {(i["check_name"], i["location"]["lines"]["begin"]) for i in issues} == {
        (check_, line) for (check_, _), line in NIMBUS_LINES.items()}
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_gitlab_fingerprints_are_stable_across_runs_and_edits(capsys, tmp_path):
    first = gitlab_issues(capsys, NIMBUS)
    assert gitlab_issues(capsys, NIMBUS) == first
    moved = tmp_path / "nimbus.yaml"
    moved.write_text("# a comment that moves every line down\n"
                     + (ROOT / NIMBUS).read_text(encoding="utf-8"), encoding="utf-8")
    again = gitlab_issues(capsys, str(moved))
    assert [i["fingerprint"] for i in again] == [i["fingerprint"] for i in first]
    assert [i["location"]["lines"]["begin"] for i in again] == [
        i["location"]["lines"]["begin"] + 1 for i in first]


def test_gitlab_fingerprints_differ_between_findings(capsys, tmp_path):
    config = tmp_path / "config.yaml"
    config.write_text("settings:\n  overloaded-contributor: {max_objectives: 1}\n")
    before = {i["fingerprint"]: i for i in gitlab_issues(capsys, NIMBUS)}
    _, out, _ = check(capsys, NIMBUS, "--format", "gitlab", "--config", str(config))
    after = {i["fingerprint"]: i for i in json.loads(out)}
    added = [after[f]["description"] for f in set(after) - set(before)]
    assert added and all("overloaded-contributor" in d for d in added)
    assert set(before) < set(after)


# --- CSV -------------------------------------------------------------------------------

def test_csv_has_the_explorers_columns_then_the_location(capsys):
    from aligngraph.pipeline import check_paths
    from aligngraph.ui.tables import FINDING_COLUMNS, findings_frame

    _, out, _ = check(capsys, NIMBUS, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    frame = findings_frame(check_paths([NIMBUS]))
    assert list(rows[0]) == [*FINDING_COLUMNS, "file", "line"]
    assert [[row[c] for c in FINDING_COLUMNS] for row in rows] == \
        frame[FINDING_COLUMNS].astype(str).values.tolist()
    assert {(r["check"], r["subject"]): int(r["line"]) for r in rows} == NIMBUS_LINES
    assert {r["file"] for r in rows} == {NIMBUS}


@pytest.mark.parametrize("name", ["=HYPERLINK(\"http://x\",\"y\")", "+1+2", "-2+3",
                                  "@SUM(A1)", "\tTab", "\rReturn"])
def test_csv_neutralises_cells_a_spreadsheet_would_run(capsys, tmp_path, name):
    weird_org(tmp_path, name)
    _, out, _ = check(capsys, str(tmp_path / "okrs"), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    orphan = next(r for r in rows if r["check"] == "orphan-team")
    assert orphan["team"] == "'" + name
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
               for row in rows for cell in row.values())


# --- every format ----------------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMAT_NAMES)
def test_every_format_carries_the_line_of_every_finding(capsys, fmt):
    _, out, _ = check(capsys, NIMBUS, "--format", fmt)
    for line in NIMBUS_LINES.values():
        # the file's name, then this line as the first number after it
        assert re.search(rf"nimbus\.yaml\D{{1,120}}\b{line}\b", out), (fmt, line)


def test_output_option_writes_the_report_to_a_file(capsys, tmp_path):
    target = tmp_path / "report.sarif"
    code, out, _ = check(capsys, NIMBUS, "--format", "sarif", "-o", str(target))
    assert code == 1 and out == ""
    assert json.loads(target.read_text())["version"] == "2.1.0"


def test_output_to_a_missing_folder_is_a_usage_error(capsys, tmp_path):
    code, _, err = check(capsys, NIMBUS, "-o", str(tmp_path / "no" / "such" / "r.txt"))
    assert code == 2 and "cannot write" in err and "Traceback" not in err


def test_a_report_without_positions_still_formats_validly():
    """analyse() alone (as the explorer calls it) knows no lines: every format copes."""
    from aligngraph.io.loader import load
    from aligngraph.output import format_report
    from aligngraph.pipeline import analyse

    report = analyse(load([NIMBUS]), sources=[NIMBUS])
    assert not report.locations
    github = format_report(report, "github").splitlines()
    assert github[0].startswith("::warning title=AG101 orphan-team::None of the 2 objectives")
    log = json.loads(format_report(report, "sarif"))
    jsonschema.validators.validator_for(SARIF_SCHEMA)(SARIF_SCHEMA).validate(log)
    assert "physicalLocation" not in log["runs"][0]["results"][0]["locations"][0]
    issue = json.loads(format_report(report, "gitlab"))[0]
    assert issue["location"] == {"path": NIMBUS, "lines": {"begin": 1}}
    assert json.loads(format_report(report, "json"))["findings"][0]["location"] is None
