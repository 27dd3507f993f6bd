"""The graph tab: the four views, server-rendered, with pan and zoom, and a focus to steer."""

from __future__ import annotations

import json

import streamlit as st

from ..errors import AligngraphError
from ..graph import (
    ALIGNS_TO, LEADS, MEMBER_OF, OBJECTIVE, PERSON, TEAM, key_results_of, nodes_of,
    objective_of, parent_team, sources, sub_teams, targets, team_of,
)
from ..render import CHANGES_VIEWS, COLOR_BY, THEMES, VIEWS
from ..render.views import resolve_focus
from ..report import Report
from . import state
from .panzoom import pan_zoom_page
from .plain import plain

LARGE = 150  # objectives above which the explorer opens on the teams view
MAX_CHOICES = 5000  # focus choices offered in a list; past it, type an id


def show_graph(source: state.Source, settings: dict, report: Report, changes: str = ""
               ) -> tuple[bytes, tuple] | None:
    """The controls and the picture; returns the SVG shown and how it was drawn.
    ``changes`` (JSON of a diff's marks) colours the goals by what changed in the draft."""
    graph = report.graph
    if "view" not in st.session_state:
        st.session_state["view"] = "teams" if report.counts["objectives"] > LARGE else "goals"
    left, middle, right, far = st.columns(4)
    view = left.selectbox("View", list(VIEWS), key="view")
    color_by = middle.selectbox("Colour by", COLOR_BY, key="color_by")
    theme = right.selectbox("Theme", list(THEMES), key="theme")
    depth = far.number_input("Depth", min_value=0, max_value=8, value=2, key="depth",
                             help="Focus: alignment hops around it. Teams: deepest org "
                                  "level (0 means as deep as stays readable).")
    focus = _focus_picker(graph) if view == "focus" else None
    if view == "focus" and focus:
        _neighbours(graph, focus)
    view_depth = None if view == "teams" and depth == 0 else int(depth)
    if view in ("goals", "people"):
        view_depth = None
    if view == "focus" and not focus:
        st.info("Choose a team, objective or person to focus on.")
        return None
    drawing = (view, focus, view_depth, color_by, theme,
               changes if view in CHANGES_VIEWS else "")
    try:
        svg = state.picture(source.digest, json.dumps(settings, sort_keys=True), "svg",
                            *drawing, source)
    except AligngraphError as exc:
        st.warning(plain(exc))
        return None
    st.iframe(pan_zoom_page(svg.decode(), THEMES[theme].background), height=680)
    return svg, drawing


def _focus_picker(graph) -> str | None:
    keys = [*nodes_of(graph, TEAM), *nodes_of(graph, OBJECTIVE), *nodes_of(graph, PERSON)]
    if len(keys) > MAX_CHOICES:
        typed = st.text_input("Focus on (an id: team, objective, key result or person)",
                              key="focus_typed").strip()
        if not typed:
            return None
        try:
            return resolve_focus(graph, typed)
        except AligngraphError as exc:
            st.warning(plain(exc))
            return None
    if st.session_state.get("focus") not in keys:
        st.session_state["focus"] = keys[0] if keys else None
    return st.selectbox("Focus on", keys, key="focus", format_func=lambda k: describe(graph, k))


def describe(graph, key: str) -> str:
    """A node as a person would name it: kind, id and title."""
    node = graph.nodes[key]
    kind = {"team": "Team", "person": "Person", "objective": "Objective",
            "key_result": "Key result"}[node["kind"]]
    title = node["label"] if node["label"] != node["id"] else ""
    return f"{kind} · {node['id']}" + (f" · {title[:60]}" if title else "")


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


def _neighbours(graph, focus: str) -> None:
    ups, downs = up_and_down(graph, focus)
    if not ups and not downs:
        return
    st.caption("Move the focus:")
    buttons = [("↑", key) for key in ups[:6]] + [("↓", key) for key in downs[:10]]
    for column, (arrow, key) in zip(st.columns(max(len(buttons), 1)), buttons, strict=False):
        column.button(f"{arrow} {plain(graph.nodes[key]['label'], 28)}", key=f"move:{key}",
                      on_click=_move_focus, args=(key,), help=plain(describe(graph, key)))


def _move_focus(key: str) -> None:
    st.session_state["focus"] = key
    st.session_state["focus_typed"] = key


def focus_on(key: str) -> None:
    """Switch the graph to the focus view on ``key`` (used by the findings tab)."""
    st.session_state["view"] = "focus"
    _move_focus(key)

