"""Plain-text helpers shared by the text and Markdown formats."""

from __future__ import annotations

from ..report import Report

SLACK_COLUMNS = ("team", "depth", "children", "overflow", "gap", "echo", "status")


def percent(value: float | None) -> str:
    """A share as a whole percentage, or a dash when there is none.

    >>> percent(0.333), percent(None)
    ('33%', '–')
    """
    return "–" if value is None else f"{value:.0%}"


def slack_cells(report: Report) -> list[list[str]]:
    """The slack table's rows as text cells, in :data:`SLACK_COLUMNS` order."""
    rows = []
    for row in report.slack:
        level = row.level
        rows.append([f"{row.team_name} ({level.team})", str(level.depth), str(level.children),
                     percent(level.overflow), percent(level.gap), percent(level.echo),
                     row.status])
    return rows


def mirror_note(report: Report) -> str | None:
    """Why slack is not judged when the team tree mirrors the goal tree, or None."""
    if not any(row.status == "not judged" for row in report.slack):
        return None
    share = report.summary()["slack"]["mirror_share"]
    return (f"The team tree mirrors the goal tree ({percent(share)} of sub-team objectives "
            "align only to goals of their parent team), so overflow and gap follow from how "
            "the teams were drawn: exact fit is not judged, only echo and detachment.")


def counts_line(report: Report) -> str:
    """One line with the size of the organisation."""
    c = report.counts
    return (f"{c['teams']} teams, {c['people']} people, {c['objectives']} objectives, "
            f"{c['key_results']} key results")
