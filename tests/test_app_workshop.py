"""The explorer's Workshop tab, driven through AppTest: edits, what-if, undo, save."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

from aligngraph.ui import workshop_state as ws
from helpers import open_tab
from test_app import iframe_html
from aligngraph.ui import workshop_tab

ROOT = Path(__file__).parent.parent
NIMBUS = "Nimbus (sample, 8 teams)"
NO_EDIT = {"edited_rows": {}, "added_rows": [], "deleted_rows": []}


def start(script: str | None = None) -> AppTest:
    """The explorer on Nimbus (or on ``script``), its Workshop tab open."""
    if script is None:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
        at.selectbox(key="source").set_value(NIMBUS).run()
    else:
        at = AppTest.from_file(script, default_timeout=60).run()
    assert not at.exception, at.exception
    return open_tab(at, "Workshop")


def edit(at: AppTest, table: str, **state) -> AppTest:
    """Edit a table as the data editor reports it, then rerun."""
    key = next(e.key for e in at.data_editor if e.key.startswith(f"workshop:{table}:"))
    at.session_state[key] = {**NO_EDIT, **state}
    at.run()
    assert not at.exception, at.exception
    return at


def frame(at: AppTest, key: str):
    """A table of the Workshop tab, by its key (read-only tables carry no key in AppTest,
    so they are found by their order in the tab)."""
    tab = next(t for t in at.tabs if t.label == "Workshop")
    tables = [d for d in tab.dataframe if d.editing_mode == "read_only"]
    names = (["workshop_goal_changes", "workshop_new", "workshop_resolved", "workshop_slack"]
             if any(m.label == "Goals added" for m in tab.metric) else [])
    names.append("workshop_whatif_new")
    return dict(zip(names, tables, strict=False))[key].value


def draft(at: AppTest) -> ws.Draft:
    (found,) = [d for d in at.session_state["workshop_drafts"].values() if d.edited]
    return found


def unescaped(text: str) -> str:
    """Alert text as shown: Streamlit's Markdown escapes removed."""
    return text.replace("\\", "")


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def test_editing_a_title_changes_the_draft_and_every_tab():
    at = start()
    assert "Workshop" in [t.label for t in at.tabs]
    assert "Nothing changed yet." in [c.value for c in at.caption] and not at.info
    edit(at, "objectives", edited_rows={0: {"title": "Win every small clinic"}})
    assert at.data_editor[0].value.loc[0, "title"] == "Win every small clinic"
    assert at.data_editor[0].key == "workshop:objectives:1"  # a fresh editor: no edit pending
    assert unescaped(at.info[0].value).startswith("Draft: 1 edit ·")
    changes = frame(at, "workshop_goal_changes")
    assert changes.to_dict("records") == [{"goal": "NIM1", "change": "changed",
                                           "how": "retitled",
                                           "title": "Win every small clinic"}]
    assert metric(at, "Goals changed") == "1" and metric(at, "Findings new") == "0"
    svg = iframe_html(open_tab(at, "Graph"))  # the graph shows the change
    assert '<g id="goal-NIM1" class="node objective changed">' in svg
    assert '<g id="goal-NIM2" class="node objective">' in svg
    assert "Changes since the files as loaded" in svg


def test_realigning_an_objective_resolves_its_teams_orphan_finding():
    at = start()
    edit(at, "objectives", edited_rows={14: {"aligns_to": "NIM3"}})  # SPT1, team support
    resolved = frame(at, "workshop_resolved")
    assert ("orphan-team", "support") in set(zip(resolved["check"], resolved["subject"], strict=True))
    assert ("unsupported-parent", "NIM3") in set(zip(resolved["check"], resolved["subject"], strict=True))
    assert frame(at, "workshop_goal_changes").loc[0, "how"] == "realigned"
    assert frame(at, "workshop_new").empty


def test_dropping_a_team_shows_the_new_orphans_and_can_be_applied():
    at = start()
    at.multiselect(key="workshop_drop").set_value(["team:engineering"]).run()
    assert not at.exception, at.exception
    new = frame(at, "workshop_whatif_new")
    orphans = set(new.loc[new["check"] == "orphan-team", "subject"])
    assert orphans == {"platform", "mobile"}
    assert any("2 new orphan teams" in m.value for m in at.markdown)
    assert "Nothing changed yet." in [c.value for c in at.caption]  # the draft is as it was
    at.button(key="workshop_apply_whatif").click().run()
    assert "ENG1" not in set(at.data_editor[0].value["id"])
    assert metric(at, "Goals removed") == "4"  # ENG1, ENG2 and their key results


def test_undo_and_reset():
    at = start()
    edit(at, "objectives", edited_rows={0: {"title": "First"}})
    edit(at, "objectives", edited_rows={1: {"title": "Second"}})
    titles = at.data_editor[0].value["title"]
    assert (titles[0], titles[1]) == ("First", "Second")
    at.button(key="workshop_undo").click().run()
    titles = at.data_editor[0].value["title"]
    assert (titles[0], titles[1]) == ("First", "Reach break-even by the end of the year")
    at.button(key="workshop_reset").click().run()
    assert at.data_editor[0].value.loc[0, "title"] == \
        "Become the default scheduling tool for small clinics"
    assert not at.info and at.button(key="workshop_undo").disabled


def test_a_bad_edit_shows_a_located_message_and_is_not_applied():
    at = start()
    edit(at, "key_results", edited_rows={0: {"aligns_to": "NOPE"}})
    assert "This edit is not applied: Key results, row 1 (NIM1.1), aligns_to[0]:" in \
        unescaped(at.error[0].value)
    assert "unknown objective or key result 'NOPE'" in at.code[0].value
    assert not at.info  # the draft has no edit: nothing was applied
    at.button(key="workshop_discard").click().run()
    assert not at.error and at.data_editor[1].value.loc[0, "aligns_to"] == ""


def test_a_key_result_with_an_unknown_objective_is_refused_beside_the_table():
    at = start()
    edit(at, "key_results", added_rows=[{"title": "A new measure"}])
    assert "Key results, row 17, objective: a key result needs its objective" \
        in unescaped(at.error[0].value)


def test_compare_with_another_sample_as_baseline():
    at = start()
    at.selectbox(key="workshop_baseline_choice").set_value(
        "Meridian Freight (sample, 60 teams)").run()
    assert not at.exception, at.exception
    assert int(metric(at, "Goals removed")) > 100 and int(metric(at, "Goals added")) > 10


def test_download_is_the_loaded_yaml_with_only_the_edited_line_changed():
    at = start()
    edit(at, "objectives", edited_rows={3: {"title": "Booking in under a minute"}})
    labels = [b.label for b in at.get("download_button")]
    assert "Organisation (YAML)" in labels and "Organisation (XLSX)" in labels
    found = draft(at)
    text = workshop_tab._yaml(found, ws.document(found))
    original = (ROOT / "samples" / "nimbus.yaml").read_text().splitlines()
    changed = [(a, b) for a, b in zip(original, text.splitlines(), strict=True) if a != b]
    assert changed == [("  title: Make booking an appointment take under a minute",
                        "  title: Booking in under a minute")]


def _local_app(tmp_path: Path) -> tuple[str, Path]:
    okrs = tmp_path / "okrs.yaml"
    okrs.write_bytes((ROOT / "samples" / "nimbus.yaml").read_bytes())
    script = tmp_path / "local_app.py"
    script.write_text(f"from aligngraph.ui import main\nmain([{str(okrs)!r}])\n")
    return str(script), okrs


def test_save_writes_the_edit_back_with_a_backup(tmp_path):
    script, okrs = _local_app(tmp_path)
    before = okrs.read_text()
    at = start(script)
    assert at.button(key="workshop_save").disabled  # nothing to save yet
    edit(at, "objectives", edited_rows={0: {"owner": "nora-gallo"}})
    assert okrs.read_text() == before  # an edit never touches the file
    at.button(key="workshop_save").click().run()
    assert not at.exception, at.exception
    assert unescaped(at.success[0].value) == \
        "Saved okrs.yaml (previous version kept as okrs.yaml.bak)"
    assert (tmp_path / "okrs.yaml.bak").read_text() == before
    changed = [(a, b) for a, b in zip(before.splitlines(), okrs.read_text().splitlines(),
                                      strict=True) if a != b]
    assert changed == [("  owner: ines-duarte", "  owner: nora-gallo")]
    edit(at, "objectives", edited_rows={0: {"title": "Second save"}})  # saves again
    at.button(key="workshop_save").click().run()
    assert "  title: Second save" in okrs.read_text().splitlines()


def test_save_refuses_a_file_changed_on_disk_and_shows_both_changes(tmp_path):
    script, okrs = _local_app(tmp_path)
    at = start(script)
    edit(at, "objectives", edited_rows={0: {"title": "Ours"}})
    theirs = okrs.read_text().replace("  name: Nimbus\n", "  name: Nimbus Health\n")
    okrs.write_text(theirs)  # another laptop saved meanwhile
    at.run()
    at.button(key="workshop_save").click().run()
    assert not at.exception, at.exception
    assert okrs.read_text() == theirs and not (tmp_path / "okrs.yaml.bak").exists()
    assert "changed on disk since it was loaded" in unescaped(at.error[0].value)
    diffs = [c.value for c in at.code if c.language == "diff"]
    assert "+  name: Nimbus Health" in diffs[0] and "+  title: Ours" in diffs[1]
    assert at.data_editor[0].value.loc[0, "title"] == "Ours"  # the draft is kept


def upload_last_quarter(at) -> None:
    """Compare with an uploaded baseline: Nimbus, SPT1 aligned to NIM3 in it."""
    at.selectbox(key="workshop_baseline_choice").set_value("An uploaded file").run()
    text = (ROOT / "samples" / "nimbus.yaml").read_text()
    last_quarter = text.replace("  title: Tidy up our support macros\n",
                                "  title: Tidy up our support macros\n  aligns_to: NIM3\n")
    at.file_uploader(key="workshop_baseline_upload").set_value(
        ("last.yaml", last_quarter.encode(), "application/x-yaml")).run()


def test_an_uploaded_baseline_and_a_bad_one():
    at = start()
    upload_last_quarter(at)
    assert not at.exception, at.exception
    assert frame(at, "workshop_goal_changes").to_dict("records") == [
        {"goal": "SPT1", "change": "changed", "how": "realigned",
         "title": "Tidy up our support macros"}]
    new = frame(at, "workshop_new")  # the files as loaded lack what last quarter had
    assert ("orphan-team", "support") in set(zip(new["check"], new["subject"], strict=True))
    at.file_uploader(key="workshop_baseline_upload").set_value(
        ("bad.yaml", b"teams: [{id: a}]\nobjectives: [{id: O1, team: b, title: x}]\n",
         "application/x-yaml")).run()
    assert not at.exception, at.exception
    assert "This baseline cannot be read" in at.error[0].value
    assert "unknown team" in at.error[0].value
    assert metric(open_tab(at, "Overview"), "Teams") == "8"


def test_an_edit_keeps_the_graph_tab_on_the_view_the_room_is_looking_at():
    at = open_tab(start(), "Graph")
    at.selectbox(key="view").set_value("teams").run()
    at.number_input(key="team_depth").set_value(1).run()
    edit(open_tab(at, "Workshop"), "objectives",
         edited_rows={0: {"title": "Win every small clinic"}})
    open_tab(at, "Graph")
    assert at.selectbox(key="view").value == "teams"  # not back to the opening goals view
    assert at.number_input(key="team_depth").value == 1
