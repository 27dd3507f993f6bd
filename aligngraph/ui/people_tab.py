"""The people tab: how much each person carries, against the thresholds."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from ..checks import overloaded_contributor
from ..report import Report

TOP = 30


def show_people(report: Report, frame: pd.DataFrame) -> None:
    """One chart per measure of load, with the overload threshold drawn on it."""
    if frame.empty:
        st.info("No person owns or contributes to a goal in these files.")
        return
    options = report.configs[overloaded_contributor.SLUG].options
    top = frame.head(TOP)
    st.caption(f"The {len(top)} people who carry the most, of {len(frame):,} who carry any. "
               "The red line is the threshold of the overloaded-contributor check.")
    for measure, limit in (("objectives", options["max_objectives"]),
                           ("key results", options["max_key_results"]),
                           ("teams", options["max_teams"])):
        st.altair_chart(_chart(top, measure, limit), width="stretch")
    st.dataframe(frame, hide_index=True, width="stretch")


def _chart(frame, measure: str, limit: int) -> alt.LayerChart:
    bars = alt.Chart(frame).mark_bar().encode(
        x=alt.X("person:N", sort=None, title=None),
        y=alt.Y(f"{measure}:Q", title=measure),
        color=alt.condition(alt.datum[measure] > limit, alt.value("#D55E00"),
                            alt.value("#56B4E9")),
        tooltip=["person", "objectives", "key results", "teams"])
    rule = alt.Chart().mark_rule(color="#D55E00", strokeDash=[6, 3]).encode(
        y=alt.datum(limit))
    layered = alt.layer(bars, rule, data=frame)
    return layered.properties(height=220, title=f"{measure} per person")  # type: ignore[return-value]
