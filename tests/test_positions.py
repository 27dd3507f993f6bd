"""Every finding's subject is located at the line where its record is defined."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
import yaml

from aligngraph.checks import Finding
from aligngraph.io.loader import load, load_texts
from aligngraph.pipeline import locate_findings
from aligngraph.io.yaml_source import Locator
from aligngraph.pipeline import check_paths
from aligngraph.report import Location

ROOT = Path(__file__).parent.parent
NIMBUS = ROOT / "samples" / "nimbus.yaml"
KINDS = {"team": "team", "person": "person", "goal": "objective"}


def every_record(org) -> list[Finding]:
    """A finding about every record of an organisation, to locate them all."""
    return [Finding(id_, KINDS[kind], "") for kind, id_ in org.origins]


def exact_positions(org, text: str) -> dict[str, tuple[int, int]]:
    """Where libyaml's composed node tree puts each record's ``id`` key."""
    locator = Locator(text)
    prefix = {"team": "team:", "person": "person:", "goal": "goal:"}
    return {prefix[kind] + id_: locator.find((*origin.loc, "id"), key=True)
            for (kind, id_), origin in org.origins.items()}


def positions(locations: dict[str, Location]) -> dict[str, tuple[int, int]]:
    return {key: (loc.line, loc.column) for key, loc in locations.items()}


def test_every_record_of_a_sample_is_at_its_id_line():
    org = load([NIMBUS])
    locations = locate_findings(org, every_record(org))
    lines = NIMBUS.read_text().splitlines()
    assert len(locations) == len(org.origins)
    for key, location in locations.items():
        assert location.file == str(NIMBUS)
        id_ = key.split(":", 1)[1]
        assert lines[location.line - 1][location.column - 1:] in (f"id: {id_}", f"id: '{id_}'")


@pytest.mark.parametrize("style", ["json", "compact json", "flow yaml"])
def test_json_and_flow_styles_agree_with_the_exact_parse(tmp_path, style):
    data = yaml.safe_load(NIMBUS.read_text())
    plain = json.loads(json.dumps(data, default=str))
    if style == "json":
        name, text = "org.json", json.dumps(plain, indent=2)
    elif style == "compact json":
        name, text = "org.json", json.dumps(plain, separators=(",", ":"))
    else:
        name, text = "org.yaml", yaml.safe_dump(plain, default_flow_style=True, width=60)
    (tmp_path / name).write_text(text)
    org = load([tmp_path / name])
    assert positions(locate_findings(org, every_record(org))) == exact_positions(org, text)


def test_a_team_and_a_person_sharing_an_id_are_told_apart():
    text = textwrap.dedent("""\
        teams:
          - {id: ceo, lead: ceo}
          - id: sales
            parent: ceo
        people:
          - id: sales
          - id: ceo
            name: Chief
        objectives:
          - {id: ceo, team: ceo, title: Grow, owner: ceo}
        """)
    org = load_texts([("org.yaml", text)])
    located = positions(locate_findings(org, every_record(org), {"org.yaml": text}))
    assert located == {"team:ceo": (2, 6), "team:sales": (3, 5), "person:sales": (6, 5),
                       "person:ceo": (7, 5), "goal:ceo": (10, 6)}
    assert located == exact_positions(org, text)


def test_a_person_without_a_record_is_placed_at_the_record_that_first_names_them():
    text = textwrap.dedent("""\
        teams:
          - id: ops
            lead: ana
        objectives:
          - id: O1
            team: ops
            title: Ship
            key_results:
              - {id: O1.1, title: Ship it, owner: bo}
        """)
    org = load_texts([("org.yaml", text)])
    found = [Finding("ana", "person", ""), Finding("bo", "person", "")]
    assert positions(locate_findings(org, found, {"org.yaml": text})) == {
        "person:ana": (2, 5), "person:bo": (9, 10)}


def test_a_file_that_cannot_be_read_again_gives_the_file_without_a_line():
    org = load_texts([("uploaded.yaml", "teams: [{id: a}]\nobjectives: []\n")])
    assert locate_findings(org, [Finding("a", "team", "")]) == {
        "team:a": Location("uploaded.yaml")}


def test_check_paths_locates_every_finding_of_a_folder_of_files(tmp_path):
    (tmp_path / "teams.yaml").write_text("teams:\n  - id: a\n  - id: b\n    parent: a\n"
                                         "objectives: []\n")
    (tmp_path / "goals.yaml").write_text(
        "teams: []\nobjectives:\n  - id: B1\n    team: b\n    title: Do things\n")
    report = check_paths([tmp_path])
    assert report.findings
    for finding in report.findings:
        location = report.location_of(finding)
        assert location is not None and location.line is not None
        text = Path(location.file).read_text().splitlines()[location.line - 1]
        assert f"id: {finding.subject}" in text


@pytest.mark.parametrize("indent", [None, 2])
def test_json_ids_shared_by_kinds_are_found_by_walking_the_json(indent):
    data = {"teams": [{"id": "ceo", "lead": "ceo"}, {"id": "sales", "parent": "ceo"}],
            "people": [{"id": "sales"}, {"name": "Chief", "id": "ceo"}],
            "objectives": [{"id": "ceo", "team": "ceo", "title": "Grow", "x-note": {"id": "ceo"},
                            "key_results": [{"title": "Up", "id": "sales"}]}]}
    text = json.dumps(data, indent=indent)
    org = load_texts([("org.json", text)])
    located = locate_findings(org, every_record(org), {"org.json": text})
    assert positions(located) == exact_positions(org, text)
    assert len(located) == 6
