"""The findings tab: every finding, filtered and sorted; selecting one focuses the graph."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from .graph_tab import focus_on


def show_findings(frame: pd.DataFrame) -> None:
    """Filters, the table, and a way to send a finding's subject to the graph."""
    if frame.empty:
        st.success("No findings: nothing to fix under the current thresholds.")
        return
    left, middle, right = st.columns(3)
    # The filters keep their values while another tab is open (and this one not drawn).
    checks = left.multiselect("Check", sorted(frame["check"].unique()), key="filter_check",
                              persist_state="page")
    severities = middle.multiselect("Severity", ["error", "warning", "info"],
                                    key="filter_severity", persist_state="page")
    teams = right.multiselect("Team", sorted(t for t in frame["team"].unique() if t),
                              key="filter_team", persist_state="page")
    shown = frame
    for column, chosen in (("check", checks), ("severity", severities), ("team", teams)):
        if chosen:
            shown = shown[shown[column].isin(chosen)]
    st.caption(f"{len(shown):,} of {len(frame):,} findings. Click a column to sort; select a "
               "row to focus the graph on its subject.")
    st.dataframe(shown.drop(columns=["node"]), hide_index=True, width="stretch",
                 key="findings_table", on_select=lambda: _selected(shown),
                 selection_mode="single-row",
                 column_config={"message": st.column_config.TextColumn(width="large")})
    _focus_picker(shown)


def _selected(shown) -> None:
    rows = st.session_state["findings_table"]["selection"]["rows"]
    if rows:
        focus_on(shown.iloc[rows[0]]["node"])


def _focus_picker(shown) -> None:
    options = list(range(len(shown)))[:500]
    head = shown.head(500)
    labels = [f"{code} {subject}: {message[:90]}" for code, subject, message in
              zip(head["code"], head["subject"], head["message"], strict=True)]
    left, right = st.columns([4, 1])
    chosen = left.selectbox(
        "Focus the graph on a finding's subject", options, key="finding_choice",
        format_func=labels.__getitem__)
    if chosen is not None:
        right.button("Show in graph", key="finding_focus", on_click=focus_on,
                     args=(shown.iloc[chosen]["node"],))
