"""The workshop's draft tables, pure: rows from a document, and table edits back."""

from pathlib import Path

import pytest

from aligngraph.draft import (
    DraftProblem, TableEdit, apply_edit, describe_edit, key_result_rows, objective_rows,
    row_of,
)
from aligngraph.errors import InputError
from aligngraph.io.writer import document_data
from aligngraph.pipeline import load, load_texts

ROOT = Path(__file__).parent.parent
ORG = """
teams: [{id: a}, {id: b, parent: a}]
objectives:
  - id: A1
    team: a
    title: Grow revenue in Europe
    key_results:
      - {id: A1.1, title: Reach 10 M EUR, target: 10, current: 4, x-note: kept}
  - id: B1
    team: b
    title: Win ten customers in France
    aligns_to: A1
    depends_on: [a]
    key_results:
      - {id: B1.1, title: Sign 10 clinics, aligns_to: A1.1, target: 10}
      - {id: B1.2, title: Hire a sales lead, target: 1}
"""


@pytest.fixture
def data():
    return document_data(load_texts([("org.yaml", ORG)]))


def test_rows_hold_every_column_in_document_order(data):
    assert objective_rows(data) == [
        {"id": "A1", "team": "a", "title": "Grow revenue in Europe", "owner": "",
         "aligns_to": "", "depends_on": "", "liaison": "", "intentional": ""},
        {"id": "B1", "team": "b", "title": "Win ten customers in France", "owner": "",
         "aligns_to": "A1", "depends_on": "a", "liaison": "", "intentional": ""}]
    rows = key_result_rows(data)
    assert [(r["id"], r["objective"], r["aligns_to"], r["target"], r["current"]) for r in rows] \
        == [("A1.1", "A1", "", 10, 4), ("B1.1", "B1", "A1.1", 10, None),
            ("B1.2", "B1", "", 1, None)]


def test_editing_a_title_changes_that_field_only(data):
    edited = apply_edit(data, "objectives", TableEdit({1: {"title": "Win France"}}))
    assert edited["objectives"][1] == {**data["objectives"][1], "title": "Win France"}
    assert edited["objectives"][0] == data["objectives"][0]
    assert data["objectives"][1]["title"] == "Win ten customers in France"  # not changed


def test_lists_split_and_blank_optional_cells_remove_the_field(data):
    edited = apply_edit(data, "objectives", TableEdit(
        {0: {"aligns_to": "", "owner": "  "}, 1: {"aligns_to": "", "depends_on": "a; b"}}))
    assert "aligns_to" not in edited["objectives"][1]
    assert edited["objectives"][1]["depends_on"] == ["a", "b"]
    assert "owner" not in edited["objectives"][0]


def test_a_blank_title_is_kept_blank_for_the_loader_to_refuse(data):
    edited = apply_edit(data, "objectives", TableEdit({0: {"title": ""}}))
    assert edited["objectives"][0]["title"] == ""
    with pytest.raises(InputError, match=r"objectives\[0\]\.title"):
        load_texts([("draft.json", _json(edited))])


def test_numbers_whole_become_ints_blank_goes_text_stays_for_the_loader(data):
    edited = apply_edit(data, "key_results", TableEdit(
        {0: {"target": 12.0, "current": None}, 1: {"target": "lots"}, 2: {"target": 2.5}}))
    krs = [kr for o in edited["objectives"] for kr in o["key_results"]]
    assert krs[0]["target"] == 12 and isinstance(krs[0]["target"], int)
    assert "current" not in krs[0] and krs[0]["x-note"] == "kept"
    assert krs[1]["target"] == "lots" and krs[2]["target"] == 2.5


def test_added_objective_gets_the_teams_id_prefix(data):
    edited = apply_edit(data, "objectives", TableEdit(added=({"team": "b", "title": "Hire"},)))
    assert edited["objectives"][-1] == {"team": "b", "title": "Hire", "id": "B2"}
    edited = apply_edit(data, "objectives", TableEdit(added=({"team": "c", "title": "New"},)))
    assert edited["objectives"][-1]["id"] == "C-1"


def test_deleting_an_objective_deletes_its_key_results_and_the_links_to_them(data):
    edited = apply_edit(data, "objectives", TableEdit(deleted=(0,)))
    assert [o["id"] for o in edited["objectives"]] == ["B1"]
    b1 = edited["objectives"][0]
    assert "aligns_to" not in b1 and "aligns_to" not in b1["key_results"][0]
    load_texts([("draft.json", _json(edited))])  # valid: no link left dangling


def test_renaming_a_goal_renames_the_links_to_it(data):
    edited = apply_edit(data, "objectives", TableEdit({0: {"id": "EU1"}}))
    assert edited["objectives"][1]["aligns_to"] == ["EU1"]
    edited = apply_edit(data, "key_results", TableEdit({0: {"id": "EU1.1"}}))
    assert edited["objectives"][1]["key_results"][0]["aligns_to"] == ["EU1.1"]


def test_key_results_move_add_and_delete(data):
    moved = apply_edit(data, "key_results", TableEdit({2: {"objective": "A1"}}))
    assert [kr["id"] for kr in moved["objectives"][0]["key_results"]] == ["A1.1", "B1.2"]
    assert [kr["id"] for kr in moved["objectives"][1]["key_results"]] == ["B1.1"]
    added = apply_edit(data, "key_results", TableEdit(
        added=({"objective": "B1", "title": "Open Lyon", "target": 1.0},)))
    assert added["objectives"][1]["key_results"][-1] == {"title": "Open Lyon", "target": 1,
                                                         "id": "B1.3"}
    deleted = apply_edit(data, "key_results", TableEdit(deleted=(0,)))
    assert deleted["objectives"][0]["key_results"] == []
    assert "aligns_to" not in deleted["objectives"][1]["key_results"][0]


def test_a_key_result_under_an_unknown_objective_is_a_located_draft_problem(data):
    with pytest.raises(DraftProblem) as caught:
        apply_edit(data, "key_results", TableEdit({1: {"objective": "Z9"}}))
    assert (caught.value.table, caught.value.row, caught.value.column) == \
        ("key_results", 1, "objective")
    assert "unknown objective 'Z9'" in caught.value.message
    with pytest.raises(DraftProblem, match="needs its objective") as caught:
        apply_edit(data, "key_results", TableEdit(added=({"title": "x"},)))
    assert caught.value.row == 3


def test_no_edit_is_falsy_and_state_keys_may_be_text():
    assert not TableEdit.from_state({"edited_rows": {}, "added_rows": [], "deleted_rows": []})
    edit = TableEdit.from_state({"edited_rows": {"2": {"title": "x"}}, "deleted_rows": [1]})
    assert edit and edit.edited == {2: {"title": "x"}} and edit.deleted == (1,)


def test_describe_and_locate(data):
    rows = objective_rows(data)
    assert describe_edit("objectives", TableEdit({1: {"title": "x"}}, deleted=(0,)), rows) \
        == "objectives: title of B1; A1 deleted"
    assert row_of("objectives[1].key_results[1].target", data) == ("key_results", 2)
    assert row_of("objectives[0].team", data) == ("objectives", 0)
    assert row_of("teams[0].parent", data) is None


def test_the_sample_round_trips_through_its_tables_unchanged():
    data = document_data(load([ROOT / "samples" / "meridian.yaml"]))
    same = apply_edit(data, "objectives", TableEdit({0: objective_rows(data)[0]}))
    same = apply_edit(same, "key_results", TableEdit({3: key_result_rows(data)[3]}))
    assert same == data


def _json(data) -> str:
    from aligngraph.io.writer import document_json

    return document_json(data).decode("utf-8")
