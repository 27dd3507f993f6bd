"""Where the Graph tab is, and how clicks and selections elsewhere move it.

A click on a node of the picture, a row selected in the slack table or the People table,
and a bar clicked in a People chart each focus the graph on a team or a person. They
are followed in :func:`follow`, called before any widget is drawn: it compares each
source's state with the one it last followed, so a selection that stays selected
across reruns acts once, and the view, focus and tab can still be set. "Back" returns
to the view before the last move; "Back to overview" to the view the tab opened on,
clearing the selections.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import streamlit as st

from ..graph import OBJECTIVE, KEY_RESULT, PERSON, TEAM, node_key, nodes_of
from ..render.labels import svg_id
from ..report import Report

HISTORY = "graph_history"  # session key: the views before each move, last one last
SEEN = "followed"  # session key: each source's state as last followed
OPENING = "opening"  # session key: (digest, view, reason) of the view the tab opened on
FILES = "files_shown"  # session key: the digest of the files on screen (as loaded)
MOVED = "moved_on"  # session key: the digest of the files a focus click was last made on
GENERATION = "selection_generation"  # bumped to start the charts' selections afresh
GRAPH_CLICK = "graph_click"
SLACK_TABLE = "slack_table"
PEOPLE_TABLE = "people_table"
TAB = "tab"
GRAPH_TAB = "Graph"
_PLACE = ("view", "focus", "team_depth", "depth")


def chart_key(measure: str) -> str:
    """The key of a People chart: new after "Back to overview", which clears its pick."""
    return f"people_chart:{measure}:{st.session_state.get(GENERATION, 0)}"


def showing(digest: str) -> None:
    """Note the files on screen (as loaded, not a Workshop draft of them), before any
    click is followed: a click is made on them."""
    st.session_state[FILES] = digest


def focus_on(key: str) -> None:
    """Focus the graph on ``key`` (a node key), remember where it was, show the tab."""
    st.session_state[MOVED] = st.session_state.get(FILES)
    place = {name: st.session_state.get(name) for name in _PLACE}
    if place["view"] == "focus" and place["focus"] == key:
        st.session_state[TAB] = GRAPH_TAB
        return
    st.session_state.setdefault(HISTORY, []).append(place)
    st.session_state["view"] = "focus"
    st.session_state["focus"] = key
    st.session_state["focus_typed"] = key
    st.session_state[TAB] = GRAPH_TAB


def go_back() -> None:
    """Return to the view before the last move."""
    history = st.session_state.get(HISTORY) or []
    if not history:
        return
    place = history.pop()
    for name, value in place.items():
        if value is not None:
            st.session_state[name] = value
    if place.get("focus"):
        st.session_state["focus_typed"] = place["focus"]


def back_to_overview() -> None:
    """The view the tab opened on, with every selection that led away cleared."""
    opening = st.session_state.get(OPENING)
    st.session_state["view"] = opening[1] if opening else "teams"
    st.session_state["team_depth"] = 0
    st.session_state[HISTORY] = []
    for table in (SLACK_TABLE, PEOPLE_TABLE):
        st.session_state[table] = {"selection": {"rows": [], "columns": [], "cells": []}}
    st.session_state[GENERATION] = st.session_state.get(GENERATION, 0) + 1


def needs_opening(digest: str) -> bool:
    """Whether these files are new to the Graph tab, which then opens afresh."""
    return (st.session_state.get(OPENING) or ("",))[0] != digest


def start_at(digest: str, view: str, reason: str) -> None:
    """Open the Graph tab on ``view``, for new files. A focus clicked in another tab
    before the Graph tab was first drawn for these files stays, one Back from ``view``."""
    st.session_state[OPENING] = (digest, view, reason)
    if st.session_state.pop(MOVED, None) == digest:
        st.session_state[HISTORY] = [{"view": view, "team_depth": 0}]
        return
    st.session_state["view"] = view
    st.session_state["team_depth"] = 0
    st.session_state[HISTORY] = []


def opening_reason(view: str, team_depth: int) -> str | None:
    """Why the tab opened on this view, while it still shows it."""
    opening = st.session_state.get(OPENING)
    if opening and opening[1] == view and (view != "teams" or team_depth == 0):
        return opening[2]
    return None


def can_go_back() -> bool:
    return bool(st.session_state.get(HISTORY))


def keep_selections() -> None:
    """Keep the tables' selections while their tab is closed. Streamlit forgets the state
    of a widget that a run does not draw, and only the open tab is drawn; saved again as
    plain session state, a selection is still there (and shown) when its tab opens."""
    for table in (SLACK_TABLE, PEOPLE_TABLE):
        if table in st.session_state:
            st.session_state[table] = st.session_state[table]


def follow(report: Report, people: Callable[[], Any]) -> None:
    """Focus the graph on whatever was newly clicked or selected since the last run.

    ``people`` makes the People table (its rows in the order shown). It is called only
    when a row newly selected in that table is followed: at 1,000 teams the table takes
    a third of a second, and every new Workshop draft would pay it again.
    """
    graph = report.graph
    sources: dict[str, Callable[[Any], str | None]] = {
        GRAPH_CLICK: lambda value: _clicked(graph, value),
        SLACK_TABLE: lambda value: _row(value, lambda i: node_key(
            TEAM, report.slack[i].level.team) if i < len(report.slack) else None),
        PEOPLE_TABLE: lambda value: _row(value, lambda i: _person(people(), i)),
    }
    for measure in MEASURES:
        sources[chart_key(measure)] = _picked
    seen = st.session_state.setdefault(SEEN, {})
    for name, target_of in sources.items():
        value = st.session_state.get(name)
        state = json.dumps(value, sort_keys=True, default=str)
        if seen.get(name) == state:
            continue
        seen[name] = state
        target = target_of(value) if value else None
        if target is not None and target in graph:
            focus_on(target)


MEASURES = ("objectives", "key results", "teams")


def _row(value: Any, key_of: Callable[[int], str | None]) -> str | None:
    rows = (value.get("selection") or {}).get("rows") or []
    return key_of(rows[0]) if rows else None


def _person(table: Any, row: int) -> str | None:
    return node_key(PERSON, table.iloc[row]["id"]) if row < len(table) else None


def _picked(value: Any) -> str | None:
    picks = (value.get("selection") or {}).get(PICK) or []
    person = picks[0].get("id") if picks and isinstance(picks[0], dict) else None
    return node_key(PERSON, person) if person else None


PICK = "person"  # the name of the People charts' point selection


def _clicked(graph, value: Any) -> str | None:
    if not isinstance(value, dict) or not isinstance(value.get("id"), str):
        return None
    return clickable(graph).get(value["id"])


def clickable(graph) -> dict[str, str]:
    """Node keys by the SVG id a picture gives them: teams (as nodes and as the boxes
    of the goals views), goals and people."""
    found = {svg_id(key): key for key in nodes_of(graph, TEAM, OBJECTIVE, KEY_RESULT, PERSON)}
    found.update({svg_id(f"cluster:{key}"): key for key in nodes_of(graph, TEAM)})
    return found
