"""The loader: the format's rules, and a clear, located error for every bad input."""

import json

import pytest

from aligngraph import InputError, Problem, load
from aligngraph.io import yaml_source
from helpers import org_of

MINIMAL = """
teams:
  - {id: company}
  - {id: sales, parent: company}
objectives:
  - id: C1
    team: company
    title: Win the mid-market
    key_results:
      - {id: C1.1, title: New accounts, target: 40}
"""


def problems_of(text: str, name: str = "okr.yaml") -> list:
    with pytest.raises(InputError) as info:
        org_of(text, name)
    return info.value.problems


def only(problems):
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def test_minimal_file_loads():
    org = org_of(MINIMAL)
    assert [t.id for t in org.teams] == ["company", "sales"]
    assert org.objectives[0].key_results[0].target == 40
    assert org.people is None


def test_yaml_uses_libyaml_when_present():
    import yaml

    if hasattr(yaml, "CSafeLoader"):
        assert issubclass(yaml_source._StrictLoader, yaml.CSafeLoader)


def test_single_string_aligns_to_becomes_a_list():
    org = org_of(MINIMAL + "  - {id: S1, team: sales, title: Land logos, aligns_to: C1.1}\n")
    assert org.objectives[1].aligns_to == ["C1.1"]


def test_extension_keys_are_accepted_and_kept():
    org = org_of("x-source: wiki\n" + MINIMAL.replace("- {id: sales, parent: company}",
                                                      "- {id: sales, parent: company, x-cost: 3}"))
    assert org.teams[1].extensions == {"x-cost": 3}


def test_malformed_yaml_gives_line_and_column():
    problem = only(problems_of("teams:\n\t- id: a\nobjectives: []\n"))
    assert problem.file == "okr.yaml"
    assert problem.line == 2 and problem.column == 1
    assert "not valid YAML" in problem.message


def test_wrong_type_names_field_line_and_expectation():
    text = MINIMAL.replace("target: 40", "target: lots")
    problem = only(problems_of(text))
    assert problem.path == "objectives[0].key_results[0].target"
    assert problem.line == 10
    assert "expected a number" in problem.message and "'lots'" in problem.message


def test_missing_required_field():
    problem = only(problems_of(MINIMAL.replace("    team: company\n", "")))
    assert problem.path == "objectives[0].team"
    assert problem.message == "missing required field 'team'"
    assert problem.line == 6


def test_unknown_key_suggests_the_nearest():
    problem = only(problems_of(MINIMAL.replace("team: company\n", "team: company\n    align_to: C9\n")))
    assert problem.path == "objectives[0].align_to"
    assert "did you mean 'aligns_to'?" in problem.message
    assert problem.line == 8


def test_duplicate_id_in_one_file():
    text = MINIMAL + "  - {id: C1, team: sales, title: Again}\n"
    problem = only(problems_of(text))
    assert "duplicate objective or key result id 'C1'" in problem.message
    assert problem.line == 11 and "first defined at okr.yaml:6 (objectives[0])" in problem.message


def test_duplicate_id_across_files_names_both(tmp_path):
    (tmp_path / "a.yaml").write_text(MINIMAL)
    (tmp_path / "b.yaml").write_text("teams: [{id: sales}]\nobjectives: []\n")
    with pytest.raises(InputError) as info:
        load([tmp_path / "a.yaml", tmp_path / "b.yaml"])
    problem = only(info.value.problems)
    assert problem.file.endswith("b.yaml") and "a.yaml" in problem.message
    assert "duplicate team id 'sales'" in problem.message


def test_duplicate_mapping_key_is_not_silently_dropped():
    problem = only(problems_of(MINIMAL.replace("title: Win the mid-market",
                                               "title: Win\n    title: Lose")))
    assert "duplicate key 'title'" in problem.message and problem.line == 9


@pytest.mark.parametrize("field, value, noun", [
    ("team", "salse", "team"), ("owner", "nobody", "person"), ("aligns_to", "C9", "objective"),
])
def test_unknown_references(field, value, noun):
    text = MINIMAL.replace("team: company\n    title", f"team: company\n    {field}: {value}\n    title")
    if field == "team":
        text = MINIMAL.replace("team: company\n    title", f"team: {value}\n    title")
    text = text.replace("teams:", "people: [{id: ana}]\nteams:")
    problem = only(problems_of(text))
    assert f"unknown {noun}" in problem.message and repr(value) in problem.message
    assert problem.line is not None


def test_unknown_team_suggests_a_near_id():
    problem = only(problems_of(MINIMAL.replace("team: company\n    title", "team: compnay\n    title")))
    assert "did you mean 'company'?" in problem.message


def test_people_omitted_are_made_up_from_references():
    org = org_of(MINIMAL.replace("team: company\n    title", "team: company\n    owner: ana\n    title"))
    assert org.people is None
    from aligngraph.graph import build_graph
    graph = build_graph(org)
    assert graph.nodes["person:ana"]["kind"] == "person"


def test_team_parent_cycle():
    text = "teams: [{id: a, parent: b}, {id: b, parent: a}]\nobjectives: []\n"
    problem = only(problems_of(text))
    assert "team parents form a cycle: a → b → a" in problem.message
    assert problem.path == "teams[0].parent" and problem.line == 1


def test_aligns_to_cycle():
    text = MINIMAL + (
        "  - {id: S1, team: sales, title: One, aligns_to: S2}\n"
        "  - {id: S2, team: sales, title: Two, aligns_to: S1}\n")
    problem = only(problems_of(text))
    assert "aligns_to links form a cycle: S1 → S2 → S1" in problem.message
    assert problem.path == "objectives[1].aligns_to"


def test_cycle_through_key_results():
    text = MINIMAL.replace("target: 40}", "target: 40}\n    aligns_to: S1.1") + (
        "  - id: S1\n    team: sales\n    title: One\n    aligns_to: C1.1\n"
        "    key_results: [{id: S1.1, title: x}]\n")
    problem = only(problems_of(text))
    assert "cycle" in problem.message and "C1" in problem.message and "S1" in problem.message


def test_objective_aligned_to_its_own_key_result():
    text = MINIMAL.replace("title: Win the mid-market", "title: Win the mid-market\n    aligns_to: C1.1")
    problem = only(problems_of(text))
    assert "aligns to its own key result 'C1.1'" in problem.message
    assert problem.path == "objectives[0].aligns_to" and problem.line == 9


def test_every_problem_is_reported_not_just_the_first():
    text = MINIMAL.replace("target: 40", "target: lots").replace(
        "- {id: sales, parent: company}", "- {id: sales, parent: nowhere}")
    messages = [p.message for p in problems_of(text)]
    assert len(messages) == 2
    assert any("unknown team 'nowhere'" in m for m in messages)


def test_broken_record_does_not_cause_false_unknown_reference():
    text = MINIMAL.replace("target: 40", "target: lots") + \
        "  - {id: S1, team: sales, title: Help, aligns_to: C1.1}\n"
    assert len(problems_of(text)) == 1


def test_json_files_load_with_the_same_rules():
    data = {"teams": [{"id": "company"}], "objectives": [
        {"id": "C1", "team": "company", "title": "Grow", "align_to": "C2"}]}
    problem = only(problems_of(json.dumps(data, indent=1), name="okr.json"))
    assert "did you mean 'aligns_to'?" in problem.message
    assert problem.file == "okr.json" and problem.line is not None


def test_json_syntax_error():
    problem = only(problems_of('{"teams": [}', name="okr.json"))
    assert "not valid JSON" in problem.message and problem.line == 1


def test_folders_merge_their_files(tmp_path):
    (tmp_path / "company.yaml").write_text(MINIMAL)
    (tmp_path / "sales.yml").write_text(
        "teams: []\nobjectives: [{id: S1, team: sales, title: Land logos, aligns_to: C1}]\n")
    org = load([tmp_path])
    assert {o.id for o in org.objectives} == {"C1", "S1"}


def test_missing_file_and_empty_folder(tmp_path):
    with pytest.raises(InputError) as info:
        load([tmp_path / "nope.yaml", tmp_path])
    assert set(info.value.problems) == {
        Problem(str(tmp_path), "", "no .yaml, .yml, .json, .csv, .tsv, .xlsx or .ods files in this folder"),
        Problem(str(tmp_path / "nope.yaml"), "", "no such file or folder")}


def test_no_paths_at_all():
    with pytest.raises(InputError) as info:
        load([])
    assert info.value.problems == [Problem("(none)", "", "no OKR file given")]


def test_files_and_folders_given_together_all_count(tmp_path):
    (tmp_path / "company.yaml").write_text(MINIMAL)
    folder = tmp_path / "teams"
    folder.mkdir()
    (folder / "sales.json").write_text(
        '{"teams": [], "objectives": [{"id": "S1", "team": "sales", "title": "Land logos"}]}')
    (folder / "notes.txt").write_text("not read")
    org = load([tmp_path / "company.yaml", folder])
    assert [o.id for o in org.objectives] == ["C1", "S1"]


def test_a_named_file_must_be_an_okr_file_in_utf8(tmp_path):
    (tmp_path / "okrs.txt").write_text(MINIMAL)
    (tmp_path / "latin1.yaml").write_bytes("teams: [{id: caf\xe9}]\n".encode("latin-1"))
    with pytest.raises(InputError) as info:
        load([tmp_path / "okrs.txt", tmp_path / "latin1.yaml"])
    by_file = {problem.file: problem for problem in info.value.problems}
    first, second = by_file[str(tmp_path / "okrs.txt")], by_file[str(tmp_path / "latin1.yaml")]
    assert first == Problem(str(tmp_path / "okrs.txt"), "", "not an OKR file: expected a "
                            ".yaml, .yml, .json, .csv, .tsv, .xlsx or .ods suffix")
    assert (second.file, second.path) == (str(tmp_path / "latin1.yaml"), "")
    assert second.message.startswith("cannot be read as UTF-8 text: 'utf-8' codec can't decode")


def test_empty_file_says_what_was_expected():
    problem = only(problems_of(""))
    assert "expected a mapping" in problem.message


def test_scores_must_be_between_0_and_1():
    problem = only(problems_of(MINIMAL.replace("target: 40", "target: 40, score: 1.5")))
    assert "from 0 to 1" in problem.message


def test_error_text_is_located_and_readable():
    with pytest.raises(InputError) as info:
        org_of(MINIMAL.replace("target: 40", "target: lots"), "okr.yaml")
    assert str(info.value).splitlines()[1].strip().startswith("okr.yaml:10:")


def test_unknown_key_in_a_record_with_other_errors_is_still_reported():
    text = MINIMAL.replace("target: 40", "target: lots, scroe: 0.5")
    messages = sorted(p.message for p in problems_of(text))
    assert len(messages) == 2
    assert "did you mean 'score'?" in messages[1] and "expected a number" in messages[0]


def test_unknown_top_level_key():
    problem = only(problems_of("team: []\n" + MINIMAL))
    assert "unknown key 'team'" in problem.message and "did you mean 'teams'?" in problem.message


def _problems_of_bytes(files):
    from aligngraph.io.loader import load_bytes

    with pytest.raises(InputError) as caught:
        load_bytes(files)
    assert all(p.path == "" for p in caught.value.problems)
    return [(p.file, p.message, p.line, p.column) for p in caught.value.problems]


def test_uploads_are_checked_for_suffix_encoding_and_presence():
    assert _problems_of_bytes([("a.txt", b"x")]) == [
        ("a.txt", "not an OKR file: expected a .yaml, .yml, .json, .csv, .tsv, .xlsx or .ods "
         "suffix", None, None)]
    (only,) = _problems_of_bytes([("a.yaml", b"\xff\xfe")])
    assert only[0] == "a.yaml" and only[1].startswith("cannot be read as UTF-8 text: ")
    assert _problems_of_bytes([]) == [("(none)", "no OKR file given", None, None)]


def test_one_bad_upload_does_not_hide_the_problems_of_the_next():
    problems = _problems_of_bytes([("a.txt", b"x"), ("b.yaml", b"teams: [}")])
    assert [file for file, *_ in problems] == ["a.txt", "b.yaml"]


def test_uploads_have_their_settings_checked_and_located():
    from aligngraph.pipeline import load_bytes

    with pytest.raises(InputError) as caught:
        load_bytes([("a.yaml", b"teams: [{id: a}]\nobjectives: []\nsettings:\n  orphan-teem: {}\n")])
    (problem,) = caught.value.problems
    assert (problem.file, problem.path, problem.line) == ("a.yaml", "settings.orphan-teem", 4)


def test_uploads_merge_into_one_organisation_whatever_the_suffix_case():
    from aligngraph.io.loader import load_bytes

    org = load_bytes([("one.yaml", b"teams: [{id: a}]\nobjectives: []\n"),
                      ("two.JSON", b'{"teams": [{"id": "b", "parent": "a"}], "objectives": []}')])
    assert [(t.id, t.parent) for t in org.teams] == [("a", None), ("b", "a")]


def test_json_duplicate_keys_at_any_depth_are_problems_not_silent_overwrites():
    from aligngraph.io.loader import parse_json

    data, problems = parse_json('{"a": 1, "a": 2, "b": {"c": 1, "c": 2}}', "f.json")
    assert data == {"a": 2, "b": {"c": 2}}
    assert sorted(p.message for p in problems) == [
        f"duplicate key {key!r} in one object; the later value would silently replace the "
        "earlier one" for key in ("a", "c")]


def test_invalid_json_gives_its_line_and_column():
    from aligngraph.io.loader import parse_json

    data, (problem,) = parse_json('{\n  "teams": [1, 2\n}', "f.json")
    assert data is None
    assert (problem.message, problem.line, problem.column) == (
        "not valid JSON: Expecting ',' delimiter", 3, 1)
