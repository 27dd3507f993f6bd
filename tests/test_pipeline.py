"""The pipeline passes what it is given on: tables options, notices, a kept graph,
settings over the file's own, and the slack table judged with the slack checks' options."""

from __future__ import annotations

from pathlib import Path

import pytest

from aligngraph.errors import InputError, Problem
from aligngraph.io import loader
from aligngraph.io.tables import TableOptions
from aligngraph.pipeline import analyse, build, check_paths, load_bytes
from helpers import org_of
from test_check_slack import MIRROR

SHEETS = Path(__file__).parent / "sheets"

ODD_SHEET = "Squad,Goal,Measure,Target\nSales,Win the mid-market,Close 12 deals,12\n"
ODD_COLUMNS = TableOptions(columns={"Squad": "team", "Goal": "objective",
                                    "Measure": "key_result"})


def test_check_paths_reads_spreadsheets_with_the_options(tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text(ODD_SHEET)
    report = check_paths([path], tables=ODD_COLUMNS)
    assert report.sources == (str(path),)
    assert [report.graph.nodes[n]["id"] for n in report.graph.nodes
            if report.graph.nodes[n]["kind"] == "objective"] == ["win-the-mid-market"]


def test_check_paths_tells_what_reading_inferred():
    heard: list[str] = []
    path = str(SHEETS / "rows_goals.csv")
    check_paths([path], notify=heard.append)
    assert heard == [f"{path}: no team sheet, so the team tree was inferred from the goal "
                     "tree: 2 teams placed under the team that owns most of the goals their "
                     "objectives align to (marked x-inferred-parent)"]
    assert check_paths([path]).counts == check_paths([path], notify=heard.append).counts


def test_uploads_are_read_with_the_table_options():
    org = load_bytes([("odd.csv", ODD_SHEET.encode())], ODD_COLUMNS)
    assert [(o.id, o.team) for o in org.objectives] == [("win-the-mid-market", "sales")]


def test_analyse_keeps_the_graph_it_is_given():
    org = org_of(MIRROR)
    graph = build(org)
    assert analyse(org, graph=graph).graph is graph


def test_settings_given_override_the_files_option_by_option():
    org = org_of(MIRROR + "settings:\n  orphan-team: {enabled: false}\n")
    configs = analyse(org, settings={"orphan-team": {"severity": "info"}}).configs
    assert (configs["orphan-team"].enabled, configs["orphan-team"].severity) == (False, "info")


def test_settings_that_are_not_a_mapping_are_a_located_problem():
    org = loader.load_texts([("a.yaml", "teams: [{id: a}]\nobjectives: []\n"
                                        "settings:\n  orphan-team: 3\n")])
    with pytest.raises(InputError) as info:
        analyse(org)
    assert info.value.problems == [Problem(
        "settings", "settings.orphan-team",
        "expected a mapping of option names to values, got 3")]


def test_a_mirrored_tree_is_not_judged_by_exact_fit_in_the_slack_table():
    org = org_of(MIRROR)
    one = {"min_parent_objectives": 1}
    mirrored = analyse(org, settings={"stacked-alignment": one})
    assert [(row.level.team, row.status) for row in mirrored.slack] == [
        ("company", "not judged"), ("sales", "not judged")]
    unmirrored = analyse(org, settings={"stacked-alignment": {**one, "mirror_share": 0.95}})
    assert [(row.level.team, row.status) for row in unmirrored.slack] == [
        ("company", "stacked"), ("sales", "balanced")]
    two = analyse(org, settings={"stacked-alignment": {"mirror_share": 0.95}})
    assert [(row.level.team, row.status) for row in two.slack] == [
        ("company", "balanced"), ("sales", "balanced")]  # one company goal: not judged stacked
