"""Saving the workshop's draft back over its files: in place, atomic, never over others'."""

import json
from pathlib import Path

import pytest

from aligngraph.draft import TableEdit, apply_edit
from aligngraph.io.save import SaveConflict, SaveRefused, plan, save
from aligngraph.io.writer import document_data
from aligngraph.pipeline import load_bytes

ROOT = Path(__file__).parent.parent
COMMENTED = """\
# Our OKRs for the quarter: edit with care.
cycle: {name: 2026-Q3}
teams:
  - id: a            # the company
  - id: b
    parent: a
objectives:
  # The company's own objective first.
  - id: A1
    title: Grow revenue in Europe   # agreed with the board
    team: a
    key_results:
      - id: A1.1
        title: 'Reach 10 M EUR'
        target: 10
  - id: B1
    title: Win ten customers in France, which is a long title that a writer folds over
      two lines of the file
    team: b
    aligns_to: A1

    # B2 is new this quarter.
  - id: B2
    title: Open the Berlin office
    team: b
"""


def data_of(files):
    return document_data(load_bytes(files))


def changed_lines(old: str, new: str) -> list[tuple[str, str]]:
    return [(a, b) for a, b in zip(old.splitlines(), new.splitlines(), strict=True) if a != b]


def test_a_commented_file_survives_an_edit_with_only_the_edited_line_changed():
    files = [("okrs.yaml", COMMENTED.encode())]
    edited = apply_edit(data_of(files), "objectives", TableEdit({0: {"title": "Grow in Europe"}}))
    new = plan(files, edited)["okrs.yaml"].decode()
    assert changed_lines(COMMENTED, new) == [
        ("    title: Grow revenue in Europe   # agreed with the board",
         "    title: Grow in Europe   # agreed with the board")]


def test_the_samples_survive_an_edit_with_only_the_edited_line_changed():
    for name, row, line in (("nimbus.yaml", 2, "  title: Be known for the friendliest support "
                                                "in the market"),
                            ("meridian.yaml", 0, None)):
        text = (ROOT / "samples" / name).read_text()
        files = [(name, text.encode())]
        edited = apply_edit(data_of(files), "objectives", TableEdit({row: {"title": "New!"}}))
        changes = changed_lines(text, plan(files, edited)[name].decode())
        assert len(changes) == 1 and changes[0][1] == "  title: New!"
        if line:
            assert changes[0][0] == line


def test_fields_added_after_their_neighbour_and_removed_with_their_lines():
    files = [("okrs.yaml", COMMENTED.encode())]
    edited = apply_edit(data_of(files), "objectives", TableEdit(
        {1: {"aligns_to": "", "liaison": "ann"}, 2: {"owner": "bob"}}))
    new = plan(files, edited)["okrs.yaml"].decode()
    expected = COMMENTED.replace("    team: b\n    aligns_to: A1\n", "    team: b\n    liaison: ann\n")
    expected = expected.replace("    title: Open the Berlin office\n    team: b\n",
                                "    title: Open the Berlin office\n    team: b\n"
                                "    owner: bob\n")
    assert new == expected
    assert data_of([("okrs.yaml", new.encode())])["objectives"][2]["owner"] == "bob"


def test_a_long_folded_title_elsewhere_in_the_record_is_left_as_written():
    files = [("okrs.yaml", COMMENTED.encode())]
    edited = apply_edit(data_of(files), "objectives", TableEdit({1: {"team": "a"}}))
    assert changed_lines(COMMENTED, plan(files, edited)["okrs.yaml"].decode()) == [
        ("    team: b", "    team: a")]


def test_new_and_deleted_records_and_key_results():
    files = [("okrs.yaml", COMMENTED.encode())]
    data = data_of(files)
    edited = apply_edit(data, "objectives", TableEdit(
        added=({"team": "b", "title": "Hire a country lead"},), deleted=(0,)))
    new = plan(files, edited)["okrs.yaml"].decode()
    assert "A1" not in new and "# agreed with the board" not in new
    assert "# Our OKRs for the quarter" in new and "    # B2 is new this quarter." in new
    assert new.endswith("  - id: B3\n    title: Hire a country lead\n    team: b\n")
    assert "aligns_to" not in new  # B1's link to A1 went with A1
    assert data_of([("okrs.yaml", new.encode())]) == json.loads(json.dumps(
        edited, default=str))
    edited = apply_edit(data, "key_results", TableEdit(
        added=({"objective": "B2", "title": "Sign the lease", "target": 1.0},)))
    new = plan(files, edited)["okrs.yaml"].decode()
    assert new.endswith("    team: b\n    key_results:\n      - id: B2.1\n        title: Sign "
                        "the lease\n        target: 1\n")
    assert data_of([("okrs.yaml", new.encode())])["objectives"][2]["key_results"] == [
        {"id": "B2.1", "title": "Sign the lease", "target": 1.0}]


def test_records_stay_in_their_files_and_new_ones_go_where_their_team_is():
    files = [("company.yaml", b"teams: [{id: a}]\nobjectives:\n- id: A1\n  title: Grow\n"
                              b"  team: a\n"),
             ("b.yaml", b"teams:\n- id: b\n  parent: a\nobjectives:\n- id: B1\n  title: Win\n"
                        b"  team: b\n")]
    edited = apply_edit(data_of(files), "objectives", TableEdit(
        {1: {"aligns_to": "A1"}}, added=({"team": "b", "title": "Hire"},)))
    planned = plan(files, edited)
    assert list(planned) == ["b.yaml"]
    assert planned["b.yaml"].decode() == ("teams:\n- id: b\n  parent: a\nobjectives:\n"
                                          "- id: B1\n  title: Win\n  team: b\n  aligns_to:\n"
                                          "  - A1\n- id: B2\n  title: Hire\n  team: b\n")


def test_json_is_rewritten_with_its_keys_in_order():
    text = json.dumps({"teams": [{"id": "a"}], "objectives": [
        {"title": "Grow", "id": "A1", "team": "a"}]})
    files = [("okrs.json", text.encode())]
    edited = apply_edit(data_of(files), "objectives", TableEdit({0: {"title": "Grow more"}}))
    assert json.loads(plan(files, edited)["okrs.json"]) == {
        "teams": [{"id": "a"}], "objectives": [{"title": "Grow more", "id": "A1", "team": "a"}]}
    assert list(json.loads(plan(files, edited)["okrs.json"])["objectives"][0]) == [
        "title", "id", "team"]


def test_save_is_atomic_keeps_a_backup_and_writes_only_changed_files(tmp_path):
    okrs, other = tmp_path / "okrs.yaml", tmp_path / "other.yaml"
    okrs.write_text(COMMENTED)
    other.write_text("teams: [{id: c, parent: a}]\nobjectives: []\n")
    files = [(str(okrs), okrs.read_bytes()), (str(other), other.read_bytes())]
    edited = apply_edit(data_of(files), "objectives", TableEdit({2: {"title": "Open Berlin"}}))
    saved = save(files, edited)
    assert list(saved.files) == [str(okrs)] and saved.backups == {str(okrs): f"{okrs}.bak"}
    assert (tmp_path / "okrs.yaml.bak").read_text() == COMMENTED
    assert "    title: Open Berlin\n" in okrs.read_text()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["okrs.yaml", "okrs.yaml.bak",
                                                          "other.yaml"]  # no temporary left


def test_save_refuses_a_file_changed_on_disk_and_writes_nothing(tmp_path):
    okrs = tmp_path / "okrs.yaml"
    okrs.write_text(COMMENTED)
    files = [(str(okrs), okrs.read_bytes())]
    edited = apply_edit(data_of(files), "objectives", TableEdit({2: {"title": "Ours"}}))
    theirs = COMMENTED.replace("Open the Berlin office", "Open the Munich office")
    okrs.write_text(theirs)
    with pytest.raises(SaveConflict) as caught:
        save(files, edited)
    assert okrs.read_text() == theirs and not (tmp_path / "okrs.yaml.bak").exists()
    (conflict,) = caught.value.conflicts
    assert "-    title: Open the Berlin office\n+    title: Open the Munich office" in \
        conflict.their_changes()
    assert "-    title: Open the Berlin office\n+    title: Ours" in conflict.our_changes()


def test_spreadsheets_are_not_saved_in_place():
    with pytest.raises(SaveRefused, match="spreadsheets are not saved in place"):
        plan([("okrs.csv", b"Team,Objective\nSales,Win\n")], {})
