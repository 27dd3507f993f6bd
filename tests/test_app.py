"""The explorer, driven through Streamlit's AppTest: every part of the page."""

import html
import json
import re
from pathlib import Path


from streamlit.testing.v1 import AppTest

from helpers import keep_downloads, open_tab

ROOT = Path(__file__).parent.parent
APP = str(ROOT / "app.py")
NIMBUS = "Nimbus (sample, 8 teams)"
#: The overview's tables, in page order.
FIX_FIRST, BASICS, BY_CHECK, SLACK = 0, 1, 2, 3


def start(sample: str | None = NIMBUS) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60).run()
    if sample:
        at.selectbox(key="source").set_value(sample).run()
    assert not at.exception, at.exception
    return at


def iframe_html(at: AppTest) -> str:
    """The SVG the Graph tab's picture component was given, entities decoded."""
    return html.unescape(json.loads(at.get("component_instance")[0].proto.json_args)["svg"])


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def tab(at: AppTest, label: str):
    return next(t for t in at.tabs if t.label == label)


def option_widget(at: AppTest, slug: str, option: str):
    return next(w for w in [*at.number_input, *at.slider, *at.toggle]
                if w.key and w.key.endswith(f":{slug}:{option}"))


def test_starts_on_the_mid_size_sample_with_overview_and_slack():
    at = start(sample=None)
    assert metric(at, "Teams") == "60" and metric(at, "Objectives") == "117"
    assert [t.label for t in at.tabs] == ["Overview", "Graph", "Findings", "People", "Workshop",
                                          "Exports"]
    slack = at.dataframe[SLACK].value
    assert set(slack["status"]) >= {"stacked", "detached", "balanced"}
    open_tab(at, "Graph")
    # Its 117 objectives would draw 182 boxes too small to read: the teams view reads.
    assert at.selectbox(key="view").value == "teams"
    assert "the goals view would draw 182 boxes, with text 1.5 px high" in " ".join(
        c.value.replace("\\", "") for c in at.caption)


def test_overview_leads_with_fix_first_and_team_basics():
    at = start()
    assert [h.value for h in at.subheader][:2] == ["Fix first", "Team basics"]
    first = at.dataframe[FIX_FIRST].value
    assert list(first["rank"]) == list(range(1, 11))
    assert list(first["severity"][:2]) == ["error", "error"]
    assert first.loc[1, "subject"] == "GRO1.1 (GRO1, team growth)"
    basics = at.dataframe[BASICS].value
    sales = basics.set_index("team").loc["Sales"]
    assert sales["aligned beyond team"] == "fail 0 of 2" and sales["≤3 objectives"] == "pass 2"
    assert sales["basics"] == "2 of 4"


def test_findings_by_check_and_severity():
    at = start()
    by_check = at.dataframe[BY_CHECK].value
    assert by_check.loc["missing-liaison", "error"] == 2
    assert metric(at, "Errors") == "2"


def test_bad_upload_shows_located_messages_not_a_traceback():
    at = start()
    at.selectbox(key="source").set_value("Uploaded files").run()
    at.file_uploader(key="uploads").set_value(
        ("okr.yaml", b"teams: [{id: a}]\nobjectives:\n  - {id: O1, team: b, title: x}\n",
         "application/x-yaml")).run()
    assert not at.exception
    assert "cannot be read: 1 problem" in at.error[0].value
    assert "okr.yaml:3:" in at.code[0].value and "unknown team 'b'" in at.code[0].value


def test_good_upload_is_explored():
    at = start()
    at.selectbox(key="source").set_value("Uploaded files").run()
    text = Path(__file__).parent.parent.joinpath("samples", "nimbus.yaml").read_bytes()
    at.file_uploader(key="uploads").set_value(("mine.yaml", text, "application/x-yaml")).run()
    assert not at.exception and metric(at, "Teams") == "8"


def test_changing_a_threshold_changes_the_findings():
    at = start()
    frame = at.dataframe[BY_CHECK].value
    assert frame.loc["overloaded-contributor", "warning"] == 1
    option_widget(at, "overloaded-contributor", "max_objectives").set_value(4).run()
    assert at.dataframe[BY_CHECK].value.loc["overloaded-contributor", "warning"] == 0
    option_widget(at, "orphan-team", "enabled").set_value(False).run()
    frame = at.dataframe[BY_CHECK].value
    assert frame.loc["orphan-team", "warning"] == 0 and not frame.loc["orphan-team", "enabled"]


def test_focus_on_a_team_and_move_down_to_a_sub_team():
    at = open_tab(start(), "Graph")
    at.selectbox(key="view").set_value("focus").run()
    at.selectbox(key="focus").set_value("team:engineering").run()
    assert 'id="goal-ENG1"' in iframe_html(at)
    next(b for b in at.button if b.label == "↓ Mobile").click().run()
    assert at.selectbox(key="focus").value == "team:mobile"
    assert 'id="goal-MOB1"' in iframe_html(at)


def test_selecting_a_finding_focuses_the_graph_on_its_subject():
    at = open_tab(start(), "Findings")
    at.multiselect(key="filter_check").set_value(["missing-liaison"]).run()
    choice = at.selectbox(key="finding_choice")
    assert len(choice.options) == 2
    choice.set_value(1).run()
    at.button(key="finding_focus").click().run()
    assert at.selectbox(key="view").value == "focus"
    assert at.selectbox(key="focus").value == "goal:MOB1"


def test_every_view_and_colour_mode_draws():
    at = open_tab(start(), "Graph")
    for view in ("goals", "teams", "people"):
        at.selectbox(key="view").set_value(view).run()
        assert "<svg" in iframe_html(at), view
    at.selectbox(key="color_by").set_value("progress").run()
    assert "on track" in iframe_html(at)


def test_people_chart_and_table():
    at = open_tab(start(), "People")
    people = tab(at, "People").dataframe[-1].value
    assert people.iloc[0]["person"] == "Leo Marchetti" and people.iloc[0]["objectives"] == 4


def test_downloads_carry_the_picture_and_the_report(monkeypatch):
    saved = keep_downloads(monkeypatch)
    at = open_tab(start(), "Exports")
    labels = [b.label for b in tab(at, "Exports").get("download_button")]
    assert labels == ["Picture (SVG)", "Picture (PNG)", "Report (Markdown)", "Report (JSON)",
                      "Findings (CSV)", "Organisation (XLSX)"]
    assert saved["image/svg+xml"].lstrip().startswith(b"<?xml")


def test_deferred_exports_make_png_markdown_and_json():
    from aligngraph.ui import state
    from aligngraph.ui.exports import export_files

    source = state.Source.from_paths([str(ROOT / "samples" / "nimbus.yaml")], "nimbus")
    shown = state.screen_picture(source.digest, "{}", "goals", None, None, "findings", "light",
                                 "", source)
    made = {label: data() if callable(data) else data
            for label, _, _, data in export_files(source, {}, shown)}
    assert made["Picture (PNG)"][:4] == b"\x89PNG"
    assert made["Report (Markdown)"].startswith("# OKR alignment report")
    assert '"findings"' in made["Report (JSON)"]
    assert made["Findings (CSV)"].startswith('"severity","check","code",')
    assert made["Organisation (XLSX)"][:2] == b"PK"  # a zip: the XLSX container


def test_large_organisation_focus_is_typed_and_checked(monkeypatch):
    from aligngraph.ui import graph_tab

    monkeypatch.setattr(graph_tab, "MAX_CHOICES", 10)
    at = open_tab(start(), "Graph")
    at.selectbox(key="view").set_value("focus").run()
    at.text_input(key="focus_typed").set_value("nobody").run()
    assert not at.exception and "nothing called 'nobody'" in at.warning[0].value
    at.text_input(key="focus_typed").set_value("mobile").run()
    assert not at.exception and 'id="goal-MOB1"' in iframe_html(at)


def test_files_given_on_the_command_line_are_read_as_the_cli_reads_them(tmp_path):
    from aligngraph.ui import state

    (tmp_path / "okrs").mkdir()
    source = state.Source.from_paths([str(ROOT / "samples" / "nimbus.yaml"),
                                      str(tmp_path / "nope.yaml"), str(tmp_path / "okrs")],
                                     "files given")
    assert [Path(name).name for name, _ in source.files] == ["nimbus.yaml"]
    assert [p.message for p in source.problems] == [
        "no such file or folder",
        "no .yaml, .yml, .json, .csv, .tsv, .xlsx or .ods files in this folder"]


SHEETS = ROOT / "tests" / "sheets"
CSV = "text/csv"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def upload(at: AppTest, *files) -> AppTest:
    at.selectbox(key="source").set_value("Uploaded files").run()
    at.file_uploader(key="uploads").set_value(list(files)).run()
    assert not at.exception, at.exception
    return at


def test_csv_uploads_merge_into_one_workbook():
    at = upload(start(), ("goals.csv", (SHEETS / "rows_goals.csv").read_bytes(), CSV),
                ("teams.csv", (SHEETS / "rows_teams.csv").read_bytes(), CSV))
    assert metric(at, "Teams") == "3" and metric(at, "Objectives") == "3"
    assert not at.info


def test_a_csv_without_a_team_sheet_says_the_tree_was_inferred():
    at = upload(start(), ("outline.csv", (SHEETS / "outline.csv").read_bytes(), CSV))
    assert metric(at, "Teams") == "4"
    assert "inferred from the goal tree" in at.info[0].value


def test_xlsx_upload_is_explored(tmp_path):
    from aligngraph.cli import main

    main(["convert", str(ROOT / "samples" / "nimbus.yaml"), "-o", str(tmp_path / "n.xlsx")])
    at = upload(start(), ("nimbus.xlsx", (tmp_path / "n.xlsx").read_bytes(), XLSX))
    assert metric(at, "Teams") == "8" and metric(at, "Objectives") == "15"


def test_bad_sheet_upload_shows_its_cells():
    bad = b"Team,Objective,Key Result,Target\nSales,Win,Close deals,lots\n"
    at = upload(start(), ("okrs.csv", bad, CSV))
    assert "cannot be read: 1 problem" in at.error[0].value
    assert "okrs.csv:2:4: Target: expected a number, got 'lots'" in at.code[0].value


def test_nimbus_opens_on_its_goals_and_a_click_on_a_key_result_focuses_on_it():
    at = open_tab(start(), "Graph")
    assert at.selectbox(key="view").value == "goals"  # 20 goals read at 8.4 px
    at.session_state["graph_click"] = {"id": "goal-GRO1_1", "n": 1}  # the SVG id of GRO1.1
    at.run()
    assert (at.selectbox(key="view").value, at.selectbox(key="focus").value) == (
        "focus", "goal:GRO1.1")
    assert re.search(r'id="goal-GRO1_1" class="node key-result[^"]* focus"', iframe_html(at))
    at.run()  # the same click is not followed twice, and the focus stays
    assert at.selectbox(key="focus").value == "goal:GRO1.1" and not at.exception


def test_a_draft_is_drawn_with_the_folding_chosen_for_the_files_it_came_from(monkeypatch):
    """An edit lays the picture out once, in the loaded files' folding; a focus that only
    the draft has chooses its own."""
    from aligngraph.render import screen
    from aligngraph.ui import state

    loaded = state.Source.from_paths([str(ROOT / "samples" / "meridian.yaml")], "meridian")
    text = (ROOT / "samples" / "meridian.yaml").read_text(encoding="utf-8")
    draft = state.Source(((("draft.yaml", text.replace(
        "id: MER1\n", "id: MERX\n", 1).encode("utf-8")),)), "draft")
    base = state.screen_picture(loaded.digest, "{}", "teams", None, None, "findings",
                                "light", "", loaded)
    likes = []
    drawn = screen.draw_on_screen
    monkeypatch.setattr(state, "draw_on_screen",
                        lambda *a, **k: likes.append(k["like"]) or drawn(*a, **k))
    state.screen_picture(draft.digest, "{}", "teams", None, None, "findings", "light", "",
                         draft, loaded)
    state.screen_picture(draft.digest, "{}", "focus", "MERX", 1, "findings", "light", "",
                         draft, loaded)
    assert likes[0] == base  # a copy: the cache hands out copies
    assert likes[-1] is None  # MERX is not in the loaded files
