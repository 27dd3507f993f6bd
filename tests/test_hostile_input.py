"""Hostile and broken input: each case is a located error, never a traceback or a stall.

The time of each case is measured in benchmarks/hostile_input.py, not here.
"""

import json
import subprocess
import sys

import pytest

import hostile_files as hostile
from aligngraph import InputError
from aligngraph.errors import MAX_LISTED, MAX_MESSAGE, Problem, excerpt
from aligngraph.io.limits import Limits
from aligngraph.io.loader import MAX_PROBLEMS_PER_FILE, load, load_bytes, load_texts


def problems_of(name: str, text: str, limits: Limits | None = None) -> list[Problem]:
    with pytest.raises(InputError) as info:
        load_texts([(name, text)], limits=limits)
    return info.value.problems


def only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def test_alias_bomb_is_refused_at_the_alias_that_passes_the_budget():
    problem = only(problems_of(*hostile.alias_bomb(levels=9)))
    assert "aliases expand the document by more than 100,000 values" in problem.message
    assert "max_alias_nodes" in problem.message and "ALIGNGRAPH_MAX_ALIAS_NODES" in problem.message
    assert (problem.file, problem.line) == ("bomb.yaml", 6)  # x-l5: the first to pass


def test_alias_bomb_under_an_extension_key_is_refused_too():
    problem = only(problems_of(*hostile.alias_bomb(levels=9, under_extension=True)))
    assert "aliases expand the document" in problem.message and problem.line == 6


def test_small_aliases_load_and_count_against_a_raised_budget():
    text = ("x-shared: &who {x-note: shared}\nteams:\n  - {id: a, x-meta: *who}\n"
            "  - {id: b, x-meta: *who}\nobjectives: []\n")
    org = load_texts([("ok.yaml", text)])
    assert org.teams[1].extensions == {"x-meta": {"x-note": "shared"}}
    tight = Limits(max_alias_nodes=3)
    problem = only(problems_of("ok.yaml", text, tight))
    assert problem.line == 4 and "more than 3 values" in problem.message


def test_alias_inside_its_own_anchor_is_refused():
    problem = only(problems_of(*hostile.self_containing_alias()))
    assert "contains itself" in problem.message and (problem.line, problem.column) == (1, 35)


def test_deep_json_is_located_where_the_limit_is_passed():
    problem = only(problems_of(*hostile.deep_json()))
    assert "nested more than 64 levels deep" in problem.message
    assert "ALIGNGRAPH_MAX_DEPTH" in problem.message
    assert problem.line == 1 and problem.column == 34 + 61


def test_deep_yaml_names_the_path_and_line():
    problem = only(problems_of(*hostile.deep_yaml(levels=100)))
    assert problem.path.startswith("teams[0].x-deep.k0.k1.")
    assert problem.line == 4 + 61 and "nested more than 64 levels" in problem.message


def test_depth_limit_can_be_raised():
    org = load_texts([hostile.deep_yaml(levels=100)], limits=Limits(max_depth=200))
    assert org.teams[0].id == "a"


@pytest.mark.parametrize("build", [hostile.flat_list_json, hostile.flat_list_yaml])
def test_huge_flat_list_lists_the_first_problems_and_counts_the_rest(build):
    problems = problems_of(*build(100_000))  # the 1 MB file is timed in the benchmark
    located = [p for p in problems if p.line is not None]
    assert len(located) == MAX_PROBLEMS_PER_FILE
    assert located[0].path == "teams[0]" and "expected a mapping" in located[0].message
    summary = next(p for p in problems if p.line is None)
    assert "more problems of the same kinds in this file are not listed" in summary.message


def test_too_many_records_names_the_limit_and_the_count():
    problem = only(problems_of(*hostile.many_teams_json(50), Limits(max_records=40)))
    assert problem.path == "teams" and problem.line == 1
    assert "more than 40 records" in problem.message and "50 counted" in problem.message
    assert "ALIGNGRAPH_MAX_RECORDS" in problem.message


def test_long_title_is_refused_with_a_short_excerpt():
    problem = only(problems_of(*hostile.long_title_json()))
    assert problem.path == "objectives[0].title" and problem.line == 11
    assert "1,000,000 characters long, over the limit of 2,000" in problem.message
    assert len(str(problem)) < 400


def test_long_names_count_as_titles():
    text = "teams: [{id: a, name: " + "n" * 30 + "}]\nobjectives: []\n"
    problem = only(problems_of("t.yaml", text, Limits(max_title_length=20)))
    assert problem.path == "teams[0].name" and "30 characters long" in problem.message


def test_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "big.json"
    path.write_text(json.dumps({"teams": [], "objectives": [], "x-pad": "p" * 3000}))
    with pytest.raises(InputError) as info:
        load([path], limits=Limits(max_input_mb=0.002))
    problem = only(info.value.problems)
    assert "the file is 0.003 MB (3,044 bytes), over the limit of 0.002 MB" in problem.message
    assert "--max-input-mb" in problem.message and "ALIGNGRAPH_MAX_INPUT_MB" in problem.message


def test_uploads_over_the_size_limit_say_what_they_measured():
    problem = only(_bytes_problems([("up.yaml", b"teams: []\nobjectives: []\n" + b"#" * 2000)],
                                   Limits(max_input_mb=0.001)))
    assert problem.file == "up.yaml" and "(2,025 bytes)" in problem.message


def _bytes_problems(files, limits):
    with pytest.raises(InputError) as info:
        load_bytes(files, limits=limits)
    return info.value.problems


def test_limits_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("ALIGNGRAPH_MAX_RECORDS", "5")
    monkeypatch.setenv("ALIGNGRAPH_MAX_INPUT_MB", "2.5")
    limits = Limits.from_environment()
    assert limits.max_records == 5 and limits.max_input_mb == 2.5
    problem = only(problems_of(*hostile.many_teams_json(6)))
    assert "more than 5 records" in problem.message


def test_a_bad_limit_in_the_environment_is_a_usage_error(monkeypatch):
    from aligngraph.errors import UsageError

    monkeypatch.setenv("ALIGNGRAPH_MAX_DEPTH", "deep")
    with pytest.raises(UsageError, match="ALIGNGRAPH_MAX_DEPTH: expected a whole number"):
        Limits.from_environment()


def test_defaults_fit_the_ten_thousand_team_organisation_with_room():
    """Measured on `aligngraph generate --teams 10000` (benchmarks/README.md): 36.2 MB,
    478,296 records, depth 7, titles of at most 51 characters."""
    limits = Limits()
    assert limits.max_input_mb >= 2 * 36.2
    assert limits.max_records >= 2 * 478_296
    assert limits.max_depth >= 4 * 7
    assert limits.max_title_length >= 2 * 600  # the longest title in the real files


def test_many_unknown_references_list_the_first_thousand_and_count_the_rest():
    problems = problems_of(*hostile.unknown_references_json(1_500))
    located = [p for p in problems if p.line is not None]
    assert len(located) == MAX_PROBLEMS_PER_FILE
    assert "did you mean 'team-00000'?" in located[0].message
    assert all(p.line == 1 and p.path.endswith(".team") for p in located)
    assert "500 more problems of references and links" in problems[0].message


def test_many_unknown_keys_are_counted_past_the_first_thousand():
    problems = problems_of(*hostile.many_unknown_keys_yaml(1_500))
    assert sum(p.line is not None for p in problems) == MAX_PROBLEMS_PER_FILE
    assert "500 more problems" in problems[0].message  # the summary has no line: first


@pytest.mark.parametrize("build", [hostile.huge_number_yaml, hostile.huge_number_json])
def test_a_number_too_long_to_read_is_located(build):
    name, text = build()
    problem = only(problems_of(name, text))
    assert "whole number of 100,000 digits" in problem.message and problem.line is not None


@pytest.mark.parametrize("value, expected", [
    ("2026-02-31", "a date that does not exist"), (".nan", "expected a finite number"),
    (".inf", "expected a finite number"),
])
def test_impossible_values_are_located(value, expected):
    text = ("teams: [{id: a}]\nobjectives:\n  - {id: O1, team: a, title: x, key_results: "
            "[{id: K1, title: y, target: 1, check_ins: [{date: 2026-01-01, value: 1}]}]}\n")
    text = text.replace("target: 1", f"target: {value}") if "nan" in value or "inf" in value \
        else text.replace("date: 2026-01-01", f"date: {value}")
    problem = only(problems_of("v.yaml", text))
    assert expected in problem.message and problem.line == 3


def test_nan_in_json_is_refused():
    text = ('{"teams": [{"id": "a"}], "objectives": [{"id": "O1", "team": "a", "title": "x",'
            ' "key_results": [{"id": "K1", "title": "y", "score": NaN}]}]}')
    problem = only(problems_of("n.json", text))
    assert problem.path == "objectives[0].key_results[0].score"
    assert "finite number" in problem.message


def test_lone_surrogate_in_json_is_refused_with_its_path():
    text = '{"teams": [{"id": "a\\ud800"}], "objectives": []}'
    problem = only(problems_of("s.json", text))
    assert problem.path == "teams[0].id" and "lone surrogate" in problem.message


def test_control_character_in_yaml_is_located():
    problem = only(problems_of("c.yaml", "teams: [{id: a}]\nobjectives: []\nx-y: a\x07b\n"))
    assert "U+0007" in problem.message and (problem.line, problem.column) == (3, 7)


def test_json_with_a_byte_order_mark_loads():
    org = load_texts([("bom.json", '\ufeff{"teams": [{"id": "a"}], "objectives": []}')])
    assert org.teams[0].id == "a"


def test_excerpt_never_grows_with_the_value():
    bomb = [[list(range(1000))] * 1000] * 1000
    assert len(excerpt(bomb)) <= 60 and excerpt(10 ** 5000).startswith("<a whole number")


def test_a_problem_cuts_a_long_message_and_path():
    problem = Problem("f.yaml", "p" * 5000, "m" * 5000)
    assert len(problem.message) < MAX_MESSAGE + 60 and "characters cut" in problem.message
    assert len(problem.path) < MAX_MESSAGE + 60


def test_input_error_lists_a_bounded_number_of_problems():
    error = InputError([Problem("f.yaml", f"p{i}", "bad", i + 1) for i in range(5000)])
    text = str(error)
    assert text.count("\n") == MAX_LISTED + 1 and "and 4,800 more" in text
    assert len(error.problems) == 5000


def test_wrong_type_message_quotes_only_an_excerpt_of_a_big_value():
    text = json.dumps({"teams": [{"id": "a", "name": list(range(100_000))}], "objectives": []})
    problem = only(problems_of("w.json", text))
    assert "expected text" in problem.message and len(problem.message) < 120


def test_the_cli_answers_an_alias_bomb_with_exit_2_and_no_traceback(tmp_path):
    name, text = hostile.alias_bomb(levels=9)
    (tmp_path / name).write_text(text)
    done = subprocess.run([sys.executable, "-m", "aligngraph", "check", str(tmp_path / name)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "bomb.yaml:6:12:" in done.stderr and "max_alias_nodes" in done.stderr


def test_max_input_mb_raises_and_lowers_the_size_limit(tmp_path, monkeypatch, capsys):
    from aligngraph.cli import main

    monkeypatch.setenv("ALIGNGRAPH_MAX_INPUT_MB", "100")  # restored after the test
    path = tmp_path / "pad.yaml"
    path.write_text("teams: [{id: a}]\nobjectives: []\nx-pad: " + "p" * 3000 + "\n")
    assert main(["check", str(path), "--max-input-mb", "0.001"]) == 2
    assert "over the limit of 0.001 MB" in capsys.readouterr().err
    assert main(["check", str(path), "--max-input-mb", "1"]) == 0


def test_the_explorer_gets_the_same_upload_limit(monkeypatch):
    from aligngraph import cli

    monkeypatch.setenv("ALIGNGRAPH_MAX_INPUT_MB", "100")  # restored after the test
    started = []
    monkeypatch.setattr(cli, "_hand_over", lambda command: started.append(command) or 0)
    assert cli.main(["app", "--max-input-mb", "12.5", "--headless"]) == 0
    command = started[0]
    assert command[command.index("--server.maxUploadSize") + 1] == "13"
    assert Limits.from_environment().max_input_mb == 12.5


def test_an_empty_key_still_shows_in_the_path():
    problem = only(problems_of("e.json", '{"": 1, "teams": [], "objectives": []}'))
    assert problem.path == "['']" and problem.line == 1 and "unknown key ''" in problem.message


def test_json_indented_with_tabs_is_located():
    text = json.dumps({"teams": [{"id": "a"}], "objectives": [
        {"id": "O1", "team": "b", "title": "x"}]}, indent="\t")
    problem = only(problems_of("tabs.json", text))
    assert "unknown team 'b'" in problem.message and (problem.line, problem.column) == (10, 12)


def test_echo_compares_only_the_start_of_long_titles():
    """A file of long, alike titles took 173 s in the echo check; the comparison is now
    bounded by its first 100 normalised characters."""
    from aligngraph.text import COMPARED, similarity

    start = "grow revenue " * 10
    assert similarity(start[:COMPARED] + "a " * 900, start[:COMPARED] + "b " * 900) == 1.0


def test_duplicate_keys_in_json_are_located():
    text = '{"teams": [{"id": "a", "name": "A", "name": "B"}],\n "objectives": [], "teams": []}'
    problems = problems_of("d.json", text)
    assert [(p.line, p.column, p.message[:20]) for p in problems] == [
        (1, 37, "duplicate key 'name'"), (2, 20, "duplicate key 'teams")]
