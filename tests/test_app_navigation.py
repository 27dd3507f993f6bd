"""The explorer on an organisation the size of GitLab FY21-Q1 (about 60 teams, 140
objectives, 340 key results), through AppTest: the Graph tab opens on a picture that
reads, the People charts show load, and clicks and selections lead to the picture."""

import datetime as dt
import json
import re
from functools import cache

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from aligngraph.generate import generate
from aligngraph.pipeline import analyse, load_bytes
from aligngraph.render.fit import SCREEN
from aligngraph.ui.people_tab import OTHER, OWN
from aligngraph.ui.tables import people_load_frame
from helpers import open_tab
from test_app import APP, iframe_html

#: 60 teams, 145 objectives, 437 key results, 363 people.
GITLAB_SHAPED = {"teams": 60, "seed": 0}


@cache
def organisation() -> bytes:
    return json.dumps(generate(GITLAB_SHAPED["teams"], seed=GITLAB_SHAPED["seed"])).encode()


@cache
def report():
    return analyse(load_bytes([("org.json", organisation())]))


def start() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120).run()
    at.selectbox(key="source").set_value("Uploaded files").run()
    at.file_uploader(key="uploads").set_value(("org.json", organisation(),
                                               "application/json")).run()
    assert not at.exception, at.exception
    return at


def captions(at: AppTest) -> str:
    return " ".join(c.value.replace("\\", "") for c in at.caption)


def charts(at: AppTest) -> list[dict]:
    found: list = []

    def walk(node):
        children = getattr(node, "children", None)
        for child in (children.values() if isinstance(children, dict) else ()):
            walk(child)
        if getattr(node, "type", "") == "vega_lite_chart":
            found.append(json.loads(node.proto.spec))

    walk(at._tree)
    return found


def svg_reading(svg: str) -> tuple[float, float]:
    """Width over height of the SVG's viewBox, and its smallest text in px once it
    opens in the 1,200 × 680 frame."""
    box = [float(v) for v in re.search(r'viewBox="([^"]+)"', svg)[1].split()]
    fonts = [float(f) for f in re.findall(r'font-size="([\d.]+)"', svg)]
    return box[2] / box[3], min(fonts) * SCREEN.scale(box[2], box[3])


@pytest.fixture(scope="module")
def app() -> AppTest:
    return start()


def test_the_graph_tab_opens_on_a_view_that_reads(app):
    open_tab(app, "Graph")
    counts = report().counts
    assert (counts["teams"], counts["objectives"], counts["key_results"]) == (60, 145, 437)
    assert app.selectbox(key="view").value == "teams"
    assert ("Teams view, the top 2 levels of the org: the goals view would draw 193 boxes, "
            "with text 1.1 px high. Click a team to focus on it.") in captions(app)
    ratio, text_px = svg_reading(iframe_html(app))
    assert ratio <= 2.2 and text_px >= 8, (ratio, text_px)
    as_of = report().as_of  # the cycle's date, not today's
    assert as_of < dt.date.today() and f"as of {as_of}" in captions(app)


def test_people_charts_are_horizontal_sorted_and_stacked(app):
    open_tab(app, "People")
    frame = people_load_frame(report().graph)
    specs = charts(app)
    assert [s["title"] for s in specs] == ["Objectives per person", "Key results per person",
                                           "Teams per person"]
    for spec, measure in zip(specs, ("objectives", "key results", "teams"), strict=True):
        bars, rule, label = spec["layer"]
        y, x = bars["encoding"]["y"], bars["encoding"]["x"]
        assert (y["field"], y["type"], x["field"], x["type"]) == ("person", "nominal", "count",
                                                                  "quantitative")
        assert x["stack"] == "zero" and x["scale"]["domain"][0] == 0
        assert bars["encoding"]["color"]["scale"]["domain"] == [OWN, OTHER]
        assert y["axis"]["labelLimit"] == 0  # full names
        loaded = frame[frame[measure] > 0]
        expected = loaded.sort_values([measure, "person"], ascending=[False, True])
        assert y["sort"] == expected["person"].head(25).tolist()
        totals = loaded.set_index("person")[measure]
        assert [totals[name] for name in y["sort"]] == sorted(
            (totals[name] for name in y["sort"]), reverse=True)
        assert spec["height"] == {"step": 24}  # grows with its rows
        assert rule["mark"]["type"] == "rule" and "threshold: more than" in json.dumps(rule)
        assert label["encoding"]["text"]["value"].startswith("threshold ")
    assert specs[0]["layer"][0]["encoding"]["y"]["sort"][0] == "Person t11-p2"


def test_clicks_and_selections_focus_the_graph_and_back_returns():
    at = start()
    slack = report().slack
    # A slack row: the graph focuses on that level's parent team, on the Graph tab.
    at.session_state["slack_table"] = {"selection": {"rows": [1], "columns": [], "cells": []}}
    at.run()
    team = f"team:{slack[1].level.team}"
    assert (at.selectbox(key="view").value, at.selectbox(key="focus").value) == ("focus", team)
    assert at.session_state["tab"] == "Graph"
    assert f'id="cluster-{team.replace(":", "_")}"' in iframe_html(at)
    # The selection survives a rerun, and does not pull the graph back once it moved on.
    at.button(key="move:" + f"team:{slack[0].level.team}").click().run()
    at.run()
    assert at.session_state["slack_table"]["selection"]["rows"] == [1]
    assert at.selectbox(key="focus").value == f"team:{slack[0].level.team}"
    # Back returns to the previous view; Back to overview to the opening, unselected.
    at.button(key="graph_back").click().run()
    assert at.selectbox(key="focus").value == team
    at.button(key="graph_overview").click().run()
    assert at.selectbox(key="view").value == "teams"
    assert at.session_state["slack_table"]["selection"]["rows"] == []
    # A person selected in the People table.
    first = people_load_frame(report().graph).iloc[0]
    at.session_state["people_table"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    assert at.selectbox(key="focus").value == f"person:{first['id']}"
    # A click on a team in the picture; a click on the legend does nothing.
    at.session_state["graph_click"] = {"id": "team-t3", "n": 1}
    at.run()
    assert at.selectbox(key="focus").value == "team:t3"
    at.session_state["graph_click"] = {"id": "legend", "n": 2}
    at.run()
    assert at.selectbox(key="focus").value == "team:t3"
    at.button(key="graph_back").click().run()
    assert at.selectbox(key="focus").value == f"person:{first['id']}"
    assert not at.exception


def test_focus_picker_lists_teams_with_most_alignment_findings_first(app):
    at = open_tab(app, "Graph")
    at.selectbox(key="view").set_value("focus").run()
    options = at.selectbox(key="focus").options
    counts = [int(m[1]) if (m := re.search(r"· (\d+) alignment finding", o)) else 0
              for o in options if o.startswith("Team")]
    assert counts[0] == max(counts) > 0 and counts == sorted(counts, reverse=True)
    assert options[len(counts)].startswith("Objective")


def test_without_graphviz_the_graph_tab_says_so_and_the_rest_works(monkeypatch):
    from aligngraph.render import screen
    from aligngraph.render.engine import GraphvizMissing

    def missing(*args, **kwargs):
        raise GraphvizMissing()

    monkeypatch.setattr(screen, "run_layout", missing)
    st.cache_data.clear()  # pictures drawn by earlier tests would answer without Graphviz
    at = AppTest.from_file(APP, default_timeout=120).run()
    assert not at.exception and not at.error
    open_tab(at, "Graph")
    assert not at.error
    assert at.selectbox(key="view").value == "teams"
    assert "Graphviz's 'dot' program is not installed" in at.warning[0].value.replace("\\", "")
    open_tab(at, "Overview")
    assert [t.label for t in at.tabs][:2] == ["Overview", "Graph"] and at.dataframe
