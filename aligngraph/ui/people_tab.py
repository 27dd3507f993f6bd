"""The people tab: how much each person carries, against the overload thresholds.

One horizontal bar chart per measure (objectives, key results, teams), one row per
person, most loaded first, each bar split between the person's own teams and other
teams, the threshold drawn as a labelled rule. A click on a bar, or a row selected in
the table, focuses the graph on that person. The numbers come from
:func:`aligngraph.metrics.split_load` (through :func:`.tables.people_load_frame`).
"""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from ..checks import overloaded_contributor
from ..render.theme import BLUE, SKY_BLUE, VERMILLION
from ..report import Report
from . import navigation

TOP = 25  # people charted unless "show everyone" is on
ROW_PX = 24
OWN, OTHER = "in their own team's objectives", "in other teams' objectives"
LEGEND: dict[str, Any] = {"orient": "top", "labelLimit": 0, "labelFontSize": 13}
TABLE_COLUMNS = ["person", "id", "objectives", "key results", "teams"]
WHY_EMPTY = {
    "objectives": "Nobody owns or contributes to an objective in these files.",
    "key results": "Nobody carries key results beyond the objectives they carry whole (a "
                   "key result of an objective a person owns, or of their own team's, "
                   "adds no load).",
    "teams": "Nobody carries objectives of any team.",
}
LIMIT_OPTION = {"objectives": "max_objectives", "key results": "max_key_results",
                "teams": "max_teams"}


def show_people(report: Report, frame: pd.DataFrame) -> None:
    """One chart per measure of load, the overload threshold on each, and the table."""
    if frame.empty:
        st.info("No person owns or contributes to a goal in these files.")
        return
    options = report.configs[overloaded_contributor.SLUG].options
    everyone = (len(frame) > TOP and st.toggle(f"Show everyone ({len(frame):,} people)",
                                               key="people_everyone", persist_state="page"))
    shown = len(frame) if everyone else min(TOP, len(frame))
    st.caption(f"The {shown} of {len(frame):,} people carrying goals who carry the most, "
               "per measure. Each bar is split: goals of the person's own team (dark), and "
               "other teams' (light). The dashed line is the overloaded-contributor "
               "threshold. Click a bar, or a row of the table, to focus the graph on "
               "that person.")
    for measure, option in LIMIT_OPTION.items():
        spec = chart_spec(frame, measure, int(options[option]), None if everyone else TOP)
        if spec is None:
            st.info(f"{measure.capitalize()}: {WHY_EMPTY[measure]}")
            continue
        st.vega_lite_chart(spec=spec, width="stretch", key=navigation.chart_key(measure),
                           on_select="rerun", selection_mode=navigation.PICK)
    st.dataframe(frame[TABLE_COLUMNS], hide_index=True, width="stretch",
                 key=navigation.PEOPLE_TABLE, on_select="rerun", selection_mode="single-row")


@st.cache_data(show_spinner=False, max_entries=64)
def chart_spec(frame: pd.DataFrame, measure: str, limit: int,
               top: int | None = TOP) -> dict[str, Any] | None:
    """The Vega-Lite spec of :func:`load_chart`, data included. Altair builds and
    validates a spec in about a tenth of a second; kept here, a rerun pays only for
    hashing the table."""
    chart = load_chart(frame, measure, limit, top)
    return None if chart is None else chart.to_dict()


def load_chart(frame: pd.DataFrame, measure: str, limit: int,
               top: int | None = TOP) -> alt.LayerChart | None:
    """Horizontal stacked bars of one measure, most loaded first, and the threshold.

    None when nobody carries any of it (the caller says why).
    """
    rows = frame[frame[measure] > 0].sort_values([measure, "person"],
                                                 ascending=[False, True], kind="stable")
    if top is not None:
        rows = rows.head(top)
    if rows.empty:
        return None
    labels = _labels(rows)
    long = pd.DataFrame(
        [{"person": label, "id": row["id"], "part": part, "count": int(row[column]),
          "total": int(row[measure]), "order": order}
         for label, (_, row) in zip(labels, rows.iterrows(), strict=True)
         for order, (part, column) in enumerate(((OWN, f"{measure} own"),
                                                 (OTHER, f"{measure} other")))
         if row[column] > 0],
        columns=["person", "id", "part", "count", "total", "order"])
    pick = alt.selection_point(name=navigation.PICK, fields=["id"], on="click")
    top_value = max(int(rows[measure].max()), limit) + 1
    bars = alt.Chart().mark_bar().encode(
        y=alt.Y("person:N", sort=labels, title=None,
                axis=alt.Axis(labelLimit=0, labelFontSize=13)),
        x=alt.X("count:Q", stack="zero", title=f"{measure} carried",
                scale=alt.Scale(domain=[0, top_value], nice=False),
                axis=alt.Axis(tickMinStep=1, format="d", orient="top")),
        color=alt.Color("part:N", title=None,
                        scale=alt.Scale(domain=[OWN, OTHER], range=[BLUE, SKY_BLUE]),
                        legend=alt.Legend(**LEGEND)),
        order=alt.Order("order:Q"),
        opacity=alt.condition(pick, alt.value(1.0), alt.value(0.4)),
        tooltip=[alt.Tooltip("person:N"), alt.Tooltip("part:N", title="goals"),
                 alt.Tooltip("count:Q"), alt.Tooltip("total:Q")],
    ).add_params(pick)
    threshold = f"threshold: more than {limit} is overloaded"
    line = pd.DataFrame({"rule": [threshold], "limit": [limit]})
    rule = alt.Chart(line).mark_rule(size=2, color=VERMILLION).encode(
        x=alt.X("limit:Q"),
        strokeDash=alt.StrokeDash(
            "rule:N", title=None,
            scale=alt.Scale(domain=[threshold], range=[[6, 3]]),
            legend=alt.Legend(**LEGEND, symbolStrokeColor=VERMILLION,
                              symbolStrokeWidth=2)))
    label = alt.Chart(line).mark_text(align="left", baseline="bottom", dx=4, dy=-3,
                                      color=VERMILLION, fontWeight="bold").encode(
        x=alt.X("limit:Q"), y=alt.value(0), text=alt.value(f"threshold {limit}"))
    return alt.layer(bars, rule, label, data=long).properties(  # type: ignore[return-value]
        height=alt.Step(ROW_PX), title=f"{measure.capitalize()} per person")


def _labels(rows: pd.DataFrame) -> list[str]:
    """Each person's full name, with the id added when two share a name."""
    names = rows["person"].tolist()
    return [f"{name} ({pid})" if names.count(name) > 1 else name
            for name, pid in zip(names, rows["id"], strict=True)]
