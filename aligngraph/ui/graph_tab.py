"""The graph tab: the four views, server-rendered, with pan and zoom, and a focus to steer.

The tab opens on the view that reads in its frame (:func:`aligngraph.render.screen.
opening_view`); a click on a team, goal or person in the picture focuses on it, and
:mod:`.navigation` keeps the way back.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import streamlit as st

from ..errors import AligngraphError
from ..graph import (
    ALIGNS_TO, KEY_RESULT, LEADS, MEMBER_OF, OBJECTIVE, PERSON, TEAM, key_results_of,
    nodes_of, objective_of, parent_team, sources, sub_teams, targets, team_of,
)
from ..render import CHANGES_VIEWS, COLOR_BY, THEMES, VIEWS
from ..render.fit import SCREEN
from ..render.screen import OnScreen
from ..render.views import resolve_focus
from ..report import Report
from ..text import count_of
from . import navigation, state
from .panzoom import pan_zoom
from .plain import plain

MAX_CHOICES = 5000  # focus choices offered in a list; past it, type an id


def show_graph(source: state.Source, settings: dict, report: Report, changes: str = "",
               loaded: state.Source | None = None) -> OnScreen | None:
    """The controls and the picture; returns the picture shown. ``changes`` (JSON of a
    diff's marks) colours the goals by what changed in the draft; ``loaded`` is the
    files the draft was made from."""
    graph = report.graph
    home = loaded or source
    _open_new_files(home, settings)
    focusing = st.session_state.get("view") == "focus"
    columns = st.columns([2, 2, 2, 1.4, 5] if focusing else [2, 2, 2, 1.4])
    # The controls keep their values while another tab is open (and this one not drawn).
    view = columns[0].selectbox("View", list(VIEWS), key="view", persist_state="page")
    color_by = columns[1].selectbox("Colour by", COLOR_BY, key="color_by",
                                    persist_state="page")
    theme = columns[2].selectbox("Theme", list(THEMES), key="theme", persist_state="page")
    if view == "focus":
        st.session_state.setdefault("depth", 2)
        columns[3].number_input("Hops", min_value=0, max_value=8, key="depth",
                                persist_state="page",
                                help="Alignment hops up and down from the focus.")
    elif view == "teams":
        st.session_state.setdefault("team_depth", 0)
        columns[3].number_input("Org levels", min_value=0, max_value=8, key="team_depth",
                                persist_state="page",
                                help="The deepest org level drawn; 0 draws as deep as "
                                     "reads on screen.")
    focus = (_focus_picker(report, columns[4], lambda: state.alignment_counts(
        source.digest, json.dumps(settings, sort_keys=True), source))
        if view == "focus" else None)
    _moves(graph, focus)
    if view == "focus" and not focus:
        st.info("Choose a team, objective or person to focus on.")
        return None
    try:
        shown = _picture(source, settings, view, focus, color_by, theme, changes, home)
    except AligngraphError as exc:
        st.warning(plain(exc))
        return None
    st.caption(plain(navigation.opening_reason(view, int(st.session_state.get("team_depth") or 0))
                     or picture_note(shown)))
    pan_zoom(shown.svg.decode(), THEMES[theme].background, key=navigation.GRAPH_CLICK)
    return shown


def graph_picture(source: state.Source, settings: dict, report: Report, changes: str = "",
                  loaded: state.Source | None = None) -> OnScreen | None:
    """The picture the Graph tab shows, or would open on, as its controls were last left,
    drawn through the same cache but without them: the Exports tab offers it while the
    Graph tab is closed. None when that tab shows no picture (a focus view with nothing to
    focus on, or a picture that cannot be drawn: the Graph tab says why)."""
    home = loaded or source
    _open_new_files(home, settings)
    view = st.session_state.get("view", next(iter(VIEWS)))
    focus = _focus_now(report) if view == "focus" else None
    if view == "focus" and not focus:
        return None
    try:
        return _picture(source, settings, view, focus,
                        st.session_state.get("color_by", COLOR_BY[0]),
                        st.session_state["theme"], changes, home)
    except AligngraphError:
        return None


def _open_new_files(home: state.Source, settings: dict) -> None:
    """The page's theme, the first time; for files new to the tab, the view it opens on.
    The files as loaded, not the Workshop's draft, decide where the tab opens: an edit
    keeps the view the room is looking at."""
    if "theme" not in st.session_state:
        st.session_state["theme"] = _app_theme()
    if navigation.needs_opening(home.digest):
        try:
            opening = state.opening(home, settings, st.session_state["theme"])
            navigation.start_at(home.digest, opening.view, opening.reason)
        except AligngraphError:  # no Graphviz, say: the picture below says so
            navigation.start_at(home.digest, "teams", "")


def _picture(source: state.Source, settings: dict, view: str, focus: str | None,
             color_by: str, theme: str, changes: str, home: state.Source) -> OnScreen:
    """One view, as the controls' values in session state ask (the depth among them)."""
    return state.screen_picture(source.digest, json.dumps(settings, sort_keys=True), view,
                                focus, _depth(view), color_by, theme,
                                changes if view in CHANGES_VIEWS else "", source, home)


def _depth(view: str) -> int | None:
    """The focus's hops, or the teams view's deepest level (0, or none: as deep as reads)."""
    if view == "focus":
        return int(st.session_state.get("depth", 2))
    if view == "teams":
        return int(st.session_state.get("team_depth") or 0) or None
    return None


def picture_note(shown: OnScreen) -> str:
    """How much the picture draws and how large its text opens, in one line."""
    note = (f"{count_of(shown.boxes, 'box', 'boxes')}; text {shown.text_px:.1f} px high as "
            "it opens.")
    if shown.text_px < SCREEN.min_text_px:
        note += " Scroll to zoom in, or click a team or goal to focus on it."
    return note


def _app_theme() -> str:
    """The picture theme matching the page's: light, or dark in a dark browser."""
    try:
        return "dark" if st.context.theme.type == "dark" else "light"
    except AttributeError:  # no browser (AppTest)
        return "light"


def _moves(graph, focus: str | None) -> None:
    """One row: Back (to the view before the last move), Back to overview, and the
    focus's parents and children to move to."""
    opening = st.session_state.get(navigation.OPENING)
    at_opening = (not navigation.can_go_back() and opening
                  and st.session_state.get("view") == opening[1])
    ups, downs = up_and_down(graph, focus) if focus else ([], [])
    if at_opening and not ups and not downs:
        return
    row = st.container(horizontal=True, vertical_alignment="center")
    if not at_opening:
        row.button("← Back", key="graph_back", on_click=navigation.go_back,
                   disabled=not navigation.can_go_back(),
                   help="The view before the last click or move.")
        row.button("Back to overview", key="graph_overview",
                   on_click=navigation.back_to_overview,
                   help="The view this tab opened on; clears the tables' selections.")
    if ups or downs:
        row.caption("Move the focus:", width="content")
    for arrow, key in [("↑", key) for key in ups[:6]] + [("↓", key) for key in downs[:10]]:
        row.button(f"{arrow} {plain(graph.nodes[key]['label'], 28)}", key=f"move:{key}",
                   on_click=navigation.focus_on, args=(key,),
                   help=plain(describe(graph, key)))


def _focus_picker(report: Report, place, counts: Callable[[], dict[str, int]]) -> str | None:
    graph = report.graph
    if _typed(report):
        typed = place.text_input("Focus on (an id: team, objective, key result or person)",
                                 key="focus_typed", persist_state="page").strip()
        if not typed:
            return None
        try:
            return resolve_focus(graph, typed)
        except AligngraphError as exc:
            st.warning(plain(exc))
            return None
    findings = counts()
    keys = focus_choices(report, findings)
    current: str | None = st.session_state.get("focus")
    if current is not None and current in graph and graph.nodes[current]["kind"] == KEY_RESULT:
        keys.append(current)  # a key result clicked in the picture
    if current not in keys:
        st.session_state["focus"] = keys[0] if keys else None
    return place.selectbox("Focus on", keys, key="focus", persist_state="page",
                           format_func=lambda k: describe(graph, k, findings.get(k, 0)))


def _typed(report: Report) -> bool:
    """Whether the focus is typed as an id: too many choices to list."""
    sizes = report.counts
    return sizes["teams"] + sizes["objectives"] + sizes["people"] > MAX_CHOICES


def _focus_now(report: Report) -> str | None:
    """The focus as the picker last left it; None when there is none to draw."""
    if not _typed(report):
        focus = st.session_state.get("focus")
        return focus if focus in report.graph else None
    try:
        return resolve_focus(report.graph, str(st.session_state.get("focus_typed") or "").strip())
    except AligngraphError:
        return None


def focus_choices(report: Report, findings: dict[str, int]) -> list[str]:
    """Teams with the most alignment ``findings`` first, then objectives, then people."""
    graph = report.graph
    teams = sorted(nodes_of(graph, TEAM), key=lambda t: -findings.get(t, 0))  # stable
    return [*teams, *nodes_of(graph, OBJECTIVE), *nodes_of(graph, PERSON)]


def describe(graph, key: str, alignment: int = 0) -> str:
    """A node as a person would name it: kind, id and title (and a team's findings)."""
    node = graph.nodes[key]
    kind = {"team": "Team", "person": "Person", "objective": "Objective",
            "key_result": "Key result"}[node["kind"]]
    title = node["label"] if node["label"] != node["id"] else ""
    found = f" · {count_of(alignment, 'alignment finding')}" if alignment else ""
    return f"{kind} · {node['id']}" + (f" · {title[:60]}" if title else "") + found


def up_and_down(graph, key: str) -> tuple[list[str], list[str]]:
    """Where the focus can move: up to parents, down to children, in the org or the goals."""
    kind = graph.nodes[key]["kind"]
    if kind == TEAM:
        parent = parent_team(graph, key)
        return ([parent] if parent else []), sub_teams(graph, key)
    if kind == PERSON:
        teams = [*targets(graph, key, MEMBER_OF), *targets(graph, key, LEADS)]
        return teams, []
    objective = objective_of(graph, key)
    goals = (objective, *key_results_of(graph, objective))
    ups = {objective_of(graph, t) for g in goals for t in targets(graph, g, ALIGNS_TO)}
    downs = {objective_of(graph, c) for g in goals for c in sources(graph, g, ALIGNS_TO)}
    return sorted(ups) + [team_of(graph, objective)], sorted(downs)


def focus_on(key: str) -> None:
    """Switch the graph to the focus view on ``key`` (used by the findings tab)."""
    navigation.focus_on(key)
