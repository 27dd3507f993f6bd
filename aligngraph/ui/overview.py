"""The overview tab: what to fix first, each team's basics, the size of the organisation,
its findings, and its slack."""

from __future__ import annotations

import streamlit as st

from ..output.tables import headline, mirror_note, percent
from ..report import Report
from . import navigation
from .tables import (
    findings_by_check, fix_first_frame, scorecard_frame, slack_frame, styled_scorecard,
    styled_slack,
)


def show_overview(report: Report) -> None:
    """Counts, the fix-first list, the team scorecard, findings by check and severity,
    overall slack and the slack table."""
    counts = report.counts
    for column, (label, key) in zip(st.columns(4), (
            ("Teams", "teams"), ("People", "people"), ("Objectives", "objectives"),
            ("Key results", "key_results")), strict=False):
        column.metric(label, f"{counts[key]:,}")
    _fix_first(report)
    _scorecard(report)
    summary = report.summary()
    findings, slack = st.columns([5, 6], gap="large")
    with findings:
        _findings(report, summary["by_severity"])
    with slack:
        _slack(report, summary["slack"])


def _fix_first(report: Report) -> None:
    st.subheader("Fix first")
    st.caption(" ".join(headline(report, folded=False)) + " Ranked by severity, then alignment before "
               "hygiene before wording, then how many goals each finding touches; at most two "
               "from one check.")
    small = st.column_config.TextColumn(width="small")
    st.dataframe(fix_first_frame(report), hide_index=True, width="stretch",
                 column_config={"rank": st.column_config.NumberColumn(width="small"),
                                "severity": small, "code": small,
                                "message": st.column_config.TextColumn(width="large")})


def _scorecard(report: Report) -> None:
    st.subheader("Team basics")
    st.caption("At most 3 objectives; 2–5 measurable key results on every objective; every "
               "goal owned; at least one objective aligned to another team's goal (not asked "
               "of a root team). Teams that own no objective are not scored.")
    frame = scorecard_frame(report).drop(columns=["team id"])
    st.dataframe(styled_scorecard(frame), hide_index=True, width="stretch",
                 height=min(420, 38 + 35 * len(frame)))


def _findings(report: Report, by_severity: dict) -> None:
    st.subheader("Findings")
    for column, severity in zip(st.columns(3), ("error", "warning", "info"), strict=False):
        column.metric(f"{severity.capitalize()}s", by_severity.get(severity, 0))
    st.dataframe(findings_by_check(report), width="stretch", height=560)


def _slack(report: Report, overall: dict) -> None:
    st.subheader("Alignment slack")
    st.caption("OKRs should align, not stack: some children go beyond their parent "
               "(overflow), some parent goals stay unsupported (gap). A level with neither, "
               "or whose children copy the parent's words (echo), is stacked; one where most "
               "children align to nothing above is detached.")
    columns = st.columns(4)
    columns[0].metric("Overflow", percent(overall["overflow"]))
    columns[1].metric("Gap", percent(overall["gap"]))
    columns[2].metric("Echo", percent(overall["echo"]))
    status = overall["status"]
    columns[3].metric("Stacked / detached",
                      f"{status.get('stacked', 0)} / {status.get('detached', 0)}",
                      help=f"of {overall['levels']} levels")
    note = mirror_note(report)
    if note:
        st.info(note)
    st.caption("Select a level to focus the graph on its parent team.")
    st.dataframe(styled_slack(slack_frame(report).drop(columns=["team id"])), hide_index=True,
                 width="stretch", height=420, key=navigation.SLACK_TABLE, on_select="rerun",
                 selection_mode="single-row")
