"""Tables of a report as pandas DataFrames: pure functions the explorer shows and tests read."""

from __future__ import annotations

from collections import Counter

import networkx as nx
import pandas as pd

from ..checks import REGISTRY
from ..metrics import split_load
from ..graph import PERSON, TEAM, home_team, node_key, nodes_of, team_of
from ..output.grouping import subject_label
from ..report import Report, finding_node
from ..scorecard import CRITERIA

FINDING_COLUMNS = ["severity", "check", "code", "subject", "kind", "team", "message"]


def findings_frame(report: Report) -> pd.DataFrame:
    """One row per finding, with the team it belongs to (for filtering)."""
    rows = [{"severity": f.severity, "check": f.check, "code": f.code, "subject": f.subject,
             "kind": f.subject_kind.replace("_", " "), "team": _team_name(report, f),
             "message": f.message, "node": finding_node(f)}
            for f in report.findings]
    return pd.DataFrame(rows, columns=[*FINDING_COLUMNS, "node"])


def _team_name(report: Report, finding) -> str:
    graph, key = report.graph, finding_node(finding)
    kind = graph.nodes[key]["kind"]
    team = key if kind == "team" else home_team(graph, key) if kind == PERSON else team_of(graph, key)
    return graph.nodes[team]["label"] if team else ""


def alignment_findings(report: Report) -> dict[str, int]:
    """How many alignment findings each team has (its own, its goals', its people's), by
    team node key."""
    return {node_key(TEAM, row["team"]): row["by_family"].get("alignment", 0)
            for row in report.team_summaries()}


def findings_by_check(report: Report) -> pd.DataFrame:
    """Counts of findings per check and severity, every check listed."""
    counts = Counter((f.check, f.severity) for f in report.findings)
    table = pd.DataFrame(index=[c.slug for c in REGISTRY.values()])
    for severity in ("error", "warning", "info"):
        table[severity] = [counts[(slug, severity)] for slug in table.index]
    table.insert(0, "code", [c.code for c in REGISTRY.values()])
    table["enabled"] = [report.configs[slug].enabled for slug in table.index]
    return table


def fix_first_frame(report: Report) -> pd.DataFrame:
    """The fix-first list: rank, severity, check, where, and the message."""
    rows = [{"rank": rank, "severity": f.severity, "code": f.code, "check": f.check,
             "subject": subject_label(report, f), "message": f.message}
            for rank, f in enumerate(report.fix_first, start=1)]
    return pd.DataFrame(rows, columns=["rank", "severity", "code", "check", "subject", "message"])


def scorecard_frame(report: Report) -> pd.DataFrame:
    """One row per team that owns objectives: each basic, pass or fail with its numbers."""
    rows = [{"team": s.name, **{CRITERIA[c.name]: c.cell for c in s.criteria},
             "basics": f"{s.passed} of {s.judged}", "team id": s.team}
            for s in report.scorecard]
    return pd.DataFrame(rows, columns=["team", *CRITERIA.values(), "basics", "team id"])


def styled_scorecard(frame: pd.DataFrame):
    """The scorecard with each failed basic marked."""
    return frame.style.map(lambda cell: FAIL_STYLE if str(cell).startswith("fail") else "",
                           subset=list(CRITERIA.values()))


FAIL_STYLE = "background-color: #E69F00; color: #000000; font-weight: 600"

STATUS_STYLE = {"stacked": "background-color: #E69F00; color: #000000; font-weight: 600",
                "detached": "background-color: #D55E00; color: #FFFFFF; font-weight: 600",
                "balanced": "background-color: #D5EFE6; color: #004D38",
                "too few": "color: #777777",
                "not judged": "color: #777777"}


def slack_frame(report: Report) -> pd.DataFrame:
    """The level-by-level slack table, shares as percentages, status marked."""
    rows = []
    for row in report.slack:
        level = row.level
        rows.append({"team": row.team_name, "depth": level.depth, "children": level.children,
                     "overflow %": _pct(level.overflow), "gap %": _pct(level.gap),
                     "echo %": _pct(level.echo), "status": row.status,
                     "team id": level.team})
    return pd.DataFrame(rows, columns=["team", "depth", "children", "overflow %", "gap %",
                                       "echo %", "status", "team id"])


def styled_slack(frame: pd.DataFrame):
    """The slack table with each level's status coloured: stacked, detached, balanced."""
    shares = [c for c in frame.columns if c.endswith("%")]
    return (frame.style.map(lambda status: STATUS_STYLE.get(status, ""), subset=["status"])
            .format("{:.0f}", subset=shares, na_rep="–"))


def _pct(value: float | None) -> float | None:
    return None if value is None else round(100 * value, 1)


LOAD_MEASURES = {"objectives": "objectives", "key results": "key_results", "teams": "teams"}


def people_load_frame(graph: nx.DiGraph) -> pd.DataFrame:
    """Objectives, key results and teams each person carries, most loaded first, each
    also split into their own teams' share and other teams' (``… own``, ``… other``)."""
    rows = []
    for person in nodes_of(graph, PERSON):
        load = split_load(graph, person)
        if not load.total("objectives"):
            continue
        row = {"person": graph.nodes[person]["label"], "id": graph.nodes[person]["id"]}
        row.update({column: load.total(field) for column, field in LOAD_MEASURES.items()})
        for column, field in LOAD_MEASURES.items():
            row[f"{column} own"], row[f"{column} other"] = getattr(load, field)
        rows.append(row)
    split = [f"{c} {s}" for c in LOAD_MEASURES for s in ("own", "other")]
    frame = pd.DataFrame(rows, columns=["person", "id", *LOAD_MEASURES, *split])
    return frame.sort_values(["objectives", "key results", "teams", "person"],
                             ascending=[False, False, False, True], ignore_index=True)
