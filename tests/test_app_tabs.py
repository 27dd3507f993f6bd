"""The explorer draws only the open tab, through AppTest: a closed tab costs nothing, and
what other tabs need of it (the Graph tab's picture, the People table) is made apart."""

import html


from aligngraph.ui import state
from helpers import keep_downloads, open_tab
from test_app import iframe_html, start

TABS = ["Overview", "Graph", "Findings", "People", "Workshop", "Exports"]


def drawn(at) -> list[str]:
    """The labels of the tabs that hold anything."""
    return [t.label for t in at.tabs if t.children]


def test_only_the_open_tab_is_drawn_and_the_overview_on_the_first_run():
    at = start()
    assert [t.label for t in at.tabs] == TABS and drawn(at) == ["Overview"]
    assert not at.get("vega_lite_chart") and not at.get("component_instance")
    assert not at.data_editor and "person" not in at.dataframe[-1].value.columns
    open_tab(at, "People")
    assert drawn(at) == ["People"] and len(at.get("vega_lite_chart")) == 3
    assert list(at.dataframe[-1].value.columns)[:2] == ["person", "id"]
    assert not at.get("metric")  # the Overview's counts are not drawn meanwhile
    for label in TABS[1:]:
        assert drawn(open_tab(at, label)) == [label]


def test_exports_offer_the_picture_the_graph_tab_would_open_on_before_it_is_opened(
        monkeypatch):
    saved = keep_downloads(monkeypatch)
    at = open_tab(start(), "Exports")
    assert [b.label for b in at.get("download_button")][:2] == ["Picture (SVG)",
                                                                "Picture (PNG)"]
    exports = next(t for t in at.tabs if t.label == "Exports")
    assert exports.caption[0].value.startswith("The picture is the one the Graph tab shows")
    svg = html.unescape(saved["image/svg+xml"].decode())
    assert "view-goals" in svg  # the view Nimbus opens on
    assert iframe_html(open_tab(at, "Graph")) in svg  # the picture the tab opens on


def test_exports_follow_the_graph_tabs_view_and_focus_while_it_is_closed(monkeypatch):
    saved = keep_downloads(monkeypatch)
    at = open_tab(start(), "Graph")
    at.selectbox(key="view").set_value("focus").run()
    at.selectbox(key="focus").set_value("team:mobile").run()
    at.selectbox(key="theme").set_value("dark").run()
    open_tab(at, "Exports")
    svg = html.unescape(saved["image/svg+xml"].decode())
    assert "view-focus" in svg and 'id="goal-MOB1"' in svg
    assert iframe_html(open_tab(at, "Graph")) in svg  # the tab kept its controls
    assert (at.selectbox(key="view").value, at.selectbox(key="focus").value,
            at.selectbox(key="theme").value) == ("focus", "team:mobile", "dark")


def test_the_people_table_is_made_only_when_a_selection_in_it_is_followed(monkeypatch):
    made = []
    people_table = state.people_table

    def counted(digest, source):
        made.append(digest)
        return people_table(digest, source)

    at = start()
    monkeypatch.setattr(state, "people_table", counted)
    at.run()
    assert not made  # the Overview needs no People table
    at.session_state["people_table"] = {"selection": {"rows": [0], "columns": [],
                                                      "cells": []}}
    at.run()
    assert made and at.session_state["tab"] == "Graph"
    assert at.selectbox(key="focus").value == "person:leo-marchetti"


def test_a_workshop_edit_draws_the_workshop_only():
    from test_app_workshop import edit, start as workshop

    at = workshop()
    edit(at, "objectives", edited_rows={0: {"title": "Win every small clinic"}})
    assert drawn(at) == ["Workshop"] and not at.get("component_instance")
    assert at.info[0].value.startswith("Draft\\: 1 edit")  # the banner above the tabs


def test_the_workshop_baseline_counts_while_another_tab_is_open():
    from test_app_workshop import start as workshop, upload_last_quarter

    at = workshop()
    upload_last_quarter(at)
    banner = "goals 0 added, 1 changed, 0 removed"
    assert banner in at.info[0].value
    assert banner in open_tab(at, "Overview").info[0].value  # the banner, above the tabs
    open_tab(at, "Workshop")
    assert at.selectbox(key="workshop_baseline_choice").value == "An uploaded file"
    assert "Comparing with last.yaml, uploaded earlier" in " ".join(
        c.value.replace("\\", "") for c in at.caption)
    assert banner in at.info[0].value


def test_a_refused_edit_goes_with_its_table_when_another_tab_opens():
    from test_app_workshop import edit, start as workshop

    at = edit(workshop(), "key_results", edited_rows={0: {"aligns_to": "NOPE"}})
    assert "This edit is not applied" in at.error[0].value
    open_tab(at, "Overview")
    open_tab(at, "Workshop")
    assert not at.error and at.data_editor[1].value.loc[0, "aligns_to"] == ""
