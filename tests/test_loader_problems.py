"""The loader's whole Problems for files it refuses before, or while, parsing them.

Each test compares complete ``Problem``s (file, field path, message, line, column), so a
problem that loses its file, gains a path or moves a column is noticed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from aligngraph.errors import InputError, Problem
from aligngraph.io import loader
from aligngraph.io.limits import Limits
from aligngraph.io.tables import TableOptions

TINY = Limits(max_input_mb=0.00002)  # 20 bytes
DOC = b"teams: []\nobjectives: []\n"  # 25 bytes
NOT_OKR = "not an OKR file: expected a .yaml, .yml, .json, .csv, .tsv, .xlsx or .ods suffix"
SHALLOW = Limits(max_depth=2)
DEEP = "teams: [{id: a, x-deep: [[[1]]]}]\nobjectives: []\n"
DEPTH = ("nested more than {} levels deep (mappings and lists inside one another) (limit "
         "max_depth; raise it with the environment variable ALIGNGRAPH_MAX_DEPTH)")
SURROGATE = ("which is not a character: expected valid Unicode text")


def too_big(size: int) -> str:
    return (f"the file is 0.000 MB ({size} bytes), over the limit of 2e-05 MB (limit "
            "max_input_mb; raise it with --max-input-mb N or the environment variable "
            "ALIGNGRAPH_MAX_INPUT_MB)")


def problems(call, *args, **kwargs) -> list[Problem]:
    with pytest.raises(InputError) as info:
        call(*args, **kwargs)
    return info.value.problems


def test_uploads_over_the_size_limit_each_get_their_problem_and_the_rest_are_read():
    found = problems(loader.load_bytes, [("a.yaml", DOC), ("b.csv", b"x" * 30),
                                         ("c.txt", b""), ("d.yaml", b"teams: 3\n")], TINY)
    assert found == [
        Problem("a.yaml", "", too_big(25)),
        Problem("b.csv", "", too_big(30)),
        Problem("c.txt", "", NOT_OKR),
        Problem("d.yaml", "objectives", "missing required field 'objectives'", 1, 1),
        Problem("d.yaml", "teams", "expected a list, got 3", 1, 8),
    ]


def test_uploads_and_texts_are_judged_by_the_limits_given():
    deep = [Problem("a.yaml", "teams[0]", DEPTH.format(2), 1, 9)]
    assert problems(loader.load_bytes, [("a.yaml", DEEP.encode())], SHALLOW) == deep
    assert problems(loader.load_texts, [("a.yaml", DEEP)], None, SHALLOW) == deep
    assert problems(loader.load_texts, [("a.yaml", DOC.decode())], None, TINY) == [
        Problem("a.yaml", "", too_big(25))]


def test_files_are_judged_by_the_limits_given(tmp_path):
    (tmp_path / "deep.yaml").write_text(DEEP)
    assert problems(loader.load, [tmp_path / "deep.yaml"], SHALLOW) == [
        Problem(str(tmp_path / "deep.yaml"), "teams[0]", DEPTH.format(2), 1, 9)]


def test_files_over_the_size_limit_are_refused_before_they_are_read(tmp_path):
    # Not UTF-8 either: reading it would give another problem than its size.
    (tmp_path / "big.yaml").write_bytes(b"teams: [{id: caf\xe9}]\nobjectives: []\n")
    (tmp_path / "big.csv").write_bytes(b"x" * 30)
    assert problems(loader.load, [tmp_path / "big.yaml", tmp_path / "big.csv"], TINY) == [
        Problem(str(tmp_path / "big.csv"), "", too_big(30)),
        Problem(str(tmp_path / "big.yaml"), "", too_big(35)),
    ]


def test_a_file_that_cannot_be_read_says_why():
    missing = Path("/nonexistent/okrs")
    assert loader._read_bytes(missing / "a.csv", Limits())[1] == Problem(
        str(missing / "a.csv"), "", "cannot be read: No such file or directory")
    assert loader._read_text(missing / "a.yaml", Limits())[1] == Problem(
        str(missing / "a.yaml"), "", "cannot be read as UTF-8 text: [Errno 2] No such file "
        f"or directory: '{missing / 'a.yaml'}'")


def test_uploaded_spreadsheets_are_read_with_the_table_options():
    sheet = b"Squad,Goal,Measure,Target\nSales,Win the mid-market,Close 12 deals,12\n"
    options = TableOptions(columns={"Squad": "team", "Goal": "objective",
                                    "Measure": "key_result"})
    org = loader.load_bytes([("odd.csv", sheet)], tables=options)
    assert [(o.id, o.team, [k.id for k in o.key_results]) for o in org.objectives] == [
        ("win-the-mid-market", "sales", ["close-12-deals"])]


def test_text_with_a_lone_surrogate_is_located():
    assert problems(loader.load_texts, [("a.yaml", "teams: [{id: \ud800}]\n")]) == [
        Problem("a.yaml", "", f"holds a lone surrogate U+D800, {SURROGATE}", 1, 14)]


def test_json_nested_too_deep_is_located_at_the_first_opening_past_the_limit():
    deep = "[" * 1100 + "]" * 1100
    for before, column in (('{"a": [], "b": ', 79), ('{"a": [[], [[]]], "b": ', 87)):
        assert loader.parse_json(before + deep + "}", "x.json") == (None, [
            Problem("x.json", "", DEPTH.format(64), 1, column)])


def test_json_number_too_long_to_read_is_located():
    assert loader.parse_json('{\n "n": ' + "1" * 4400 + "}", "x.json") == (None, [
        Problem("x.json", "", "cannot read a whole number of 4,400 digits; at most 4,300 "
                "can be read", 2, 7)])


def test_json_lone_surrogates_and_duplicate_keys_are_all_reported():
    _, found = loader.parse_json('{"\\ud800x": {"k": "\\udc00"}, "a": 1, "a": 2}', "x.json")
    escaped = "holds an escaped lone surrogate (\\ud800 to \\udfff), " + SURROGATE
    assert found == [
        Problem("x.json", "", "duplicate key 'a' in one object; the later value would "
                "silently replace the earlier one"),
        Problem("x.json", "\\ud800x", escaped),
        Problem("x.json", "\\ud800x.k", escaped),
    ]


def test_json_duplicate_keys_the_text_scan_misses_are_still_reported():
    # JSON reads both keys as one emoji; the text scan sees an emoji and two escapes.
    assert loader.parse_json('{"😀": 1,\n "\\ud83d\\ude00": 2}', "x.json") == (
        {"😀": 2}, [Problem("x.json", "", "duplicate key '😀' in one object; the later "
                           "value would silently replace the earlier one")])


def test_a_duplicate_id_across_files_names_where_it_was_first_defined():
    assert problems(loader.load_texts, [
        ("a.yaml", "teams: [{id: a}]\nobjectives: []\n"),
        ("b.yaml", "teams:\n  - {id: b}\n  - {id: a}\nobjectives: []\n")]) == [
        Problem("b.yaml", "teams[1].id", "duplicate team id 'a'; first defined at a.yaml:1 "
                "(teams[0]). Ids must be unique across all files", 3, 10)]


def test_uploads_after_a_spreadsheet_are_still_read():
    sheet = b"Squad,Goal,Measure,Target\nSales,Win,Close 12 deals,12\n"
    assert problems(loader.load_bytes, [("a.csv", sheet), ("b.txt", b"")])[-1] == \
        Problem("b.txt", "", NOT_OKR)


def test_invalid_json_is_a_whole_located_problem():
    assert loader.parse_json('{"teams": [}', "x.json") == (None, [
        Problem("x.json", "", "not valid JSON: Expecting value", 1, 12)])


def test_json_depth_counts_the_closings_inside_the_nesting():
    deep = "[" * 1100 + "]" * 1100
    assert loader.parse_json('{"a": {"b": [], "c": ' + deep + "}}", "x.json") == (None, [
        Problem("x.json", "", DEPTH.format(64), 1, 84)])


def test_problems_past_the_cap_are_counted_in_the_file_of_the_first_left_out():
    teams = "".join(f"  - {{id: t{i}, parent: ghost}}\n" for i in range(1001))
    found = problems(loader.load_texts, [
        ("a.yaml", "teams:\n" + teams + "objectives: [{id: O1, team: nope, title: t}]\n")])
    assert len(found) == 1001
    assert found[0] == Problem("a.yaml", "", "2 more problems of references and links are "
                               "not listed one by one (at most 1,000 are)", stands_for=2)


def test_json_too_deep_to_parse_is_judged_by_the_limits_given():
    deep = '{"a": ' + "[" * 1100 + "]" * 1100 + "}"
    assert problems(loader.load_texts, [("x.json", deep)], None, SHALLOW) == [
        Problem("x.json", "", DEPTH.format(2), 1, 8)]


def test_files_with_different_cycles_name_the_file_of_the_first():
    assert problems(loader.load_texts, [
        ("a.yaml", "cycle: {name: 2026-Q3}\nteams: [{id: a}]\nobjectives: []\n"),
        ("b.yaml", "cycle: {name: 2026-Q4}\nteams: [{id: b}]\nobjectives: []\n")]) == [
        Problem("b.yaml", "cycle", "differs from the cycle given in a.yaml; files merged "
                "into one organisation must share one cycle")]


def test_settings_merge_across_files_option_by_option_and_conflicts_are_located():
    org = loader.load_texts([
        ("a.yaml", "teams: [{id: a}]\nobjectives: []\nsettings:\n  orphan-team: {enabled: false}\n"),
        ("b.yaml", "teams: [{id: b}]\nobjectives: []\nsettings:\n  orphan-team: {severity: info}\n")])
    assert org.settings == {"orphan-team": {"enabled": False, "severity": "info"}}
    assert problems(loader.load_texts, [
        ("a.yaml", "teams: [{id: a}]\nobjectives: []\nsettings:\n  orphan-team: {enabled: false}\n"),
        ("b.yaml", "teams: [{id: b}]\nobjectives: []\nsettings:\n  orphan-team: {enabled: true}\n")
    ]) == [Problem("b.yaml", "settings.orphan-team.enabled",
                   "True conflicts with False set in another file", 4, 26)]


def more_line(found: list[Problem]) -> str:
    (line,) = [p.message for p in found if " more problems of the same kinds" in p.message]
    return line


@pytest.mark.parametrize("rest, untold", [
    ("objectives: []\n", 1),  # only the 1,001 teams: 1 past the 1,000 listed
    ("", 2),  # and objectives missing
    # two bad dates, and an objective with neither team nor title: 1,001 + 4
    ("cycle: {name: Q3, start: not a date, end: soon}\n"
     "people: [{id: p1}]\nobjectives: [{id: O1}]\n", 5),
])
def test_a_file_of_records_that_are_not_mappings_counts_its_other_errors_too(rest, untold):
    found = problems(loader.load_texts, [("a.yaml", rest + "teams:\n" + "  - 1\n" * 1001)])
    assert more_line(found) == (f"{untold} more problems of the same kinds in this file are "
                                "not listed one by one (at most 1,000 of each kind are)")


def test_a_record_list_that_is_not_a_list_counts_once_beside_the_broken_records():
    found = problems(loader.load_texts, [
        ("a.yaml", "teams: oops\nobjectives: []\npeople:\n" + "  - 1\n" * 1001)])
    assert more_line(found) == ("2 more problems of the same kinds in this file are not "
                                "listed one by one (at most 1,000 of each kind are)")


def test_the_header_counts_the_problems_a_summary_line_stands_for():
    with pytest.raises(InputError) as caught:
        loader.load_texts([("a.yaml", "objectives: []\nteams:\n" + "  - 1\n" * 1005)])
    assert caught.value.count == 1005  # 1,000 listed, and the line telling of 5 more
    assert str(caught.value).startswith("1,005 problems in the input:\n")
    assert len(caught.value.problems) == 1001
