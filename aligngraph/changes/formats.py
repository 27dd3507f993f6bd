"""The diff as text for a terminal and as Markdown; JSON is :meth:`OrgDiff.to_json`.

Both read the same sections: findings new and resolved first (what a reviewer acts on),
then teams, goals and the slack levels that changed. Long lists stop at
:data:`LISTED` entries each; the JSON lists everything.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..checks import Finding
from ..graph import KEY_RESULT, OBJECTIVE, TEAM
from ..output.grouping import short_label, subject_label
from ..ranking import subject_node
from ..output.tables import percent
from ..report import Report
from ..text import count_of, quoted
from .compare import GOAL_CHANGES, OrgDiff, SlackChange
from .matching import CARRIED

FORMATS = ("text", "json", "markdown")
LISTED = 25
WIDTH = 100
_VERB = {"retitled": "retitled", "realigned": "re-aligned", "moved": "moved",
         "edited": "edited"}
SLACK_HEAD = ("team", "children", "overflow", "gap", "echo", "status")


def format_diff(diff: OrgDiff, name: str, what_if: WhatIf | None = None) -> str:
    """The diff in one of :data:`FORMATS`; ``what_if`` says what a what-if changed (its
    JSON then carries it as ``whatif``)."""
    if name == "json":
        if what_if is None:
            return diff.to_json()
        data = {**diff.data(), "whatif": what_if.data()}
        return json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n"
    if name == "markdown":
        return diff_markdown(diff, what_if)
    return diff_text(diff, what_if)


@dataclass(frozen=True)
class WhatIf:
    """What a what-if dropped and re-aligned, as given on the command line."""

    drop: tuple[str, ...] = ()
    realign: tuple[tuple[str, str], ...] = ()

    def data(self) -> dict[str, Any]:
        """As plain data: ``{"drop": [ids], "realign": {goal: parent or null}}``."""
        return {"drop": list(self.drop),
                "realign": {goal: parent or None for goal, parent in self.realign}}

    def describe(self) -> str:
        """One sentence: "drop eng, ana; align W1 to C1"."""
        parts = [f"drop {', '.join(self.drop)}"] if self.drop else []
        parts += [f"align {goal} to {parent or 'nothing'}" for goal, parent in self.realign]
        return "; ".join(parts)


# --- what both formats say --------------------------------------------------------------


def versions_line(diff: OrgDiff) -> tuple[str, str]:
    """Each version in a few words: its sources, cycle and size."""
    return _version(diff.old), _version(diff.new)


def _version(report: Report) -> str:
    cycle = report.graph.graph["cycle"].name
    sources = ", ".join(report.sources) or "(given)"
    c = report.counts
    return (f"{sources} ({f'cycle {cycle}, ' if cycle else ''}{c['teams']} teams, "
            f"{c['objectives']} objectives, {c['key_results']} key results)")


def match_line(diff: OrgDiff) -> str:
    """How goals were paired, and for title matching what was carried over."""
    m = diff.matching
    if m.match == "id":
        return "Teams and goals matched by id."
    carried = len(m.goals)
    carried_objectives = sum(1 for new in m.goals.values()
                             if diff.new.graph.nodes["goal:" + new]["kind"] == "objective")
    return (f"Goals matched by title within each team (similarity {m.threshold:g} or more; "
            f"{CARRIED:g} across teams): {carried} carried over "
            f"({count_of(carried_objectives, 'objective')}, "
            f"{count_of(carried - carried_objectives, 'key result')}), "
            f"{len(diff.goals_removed)} dropped, {len(diff.goals_added)} new.")


def findings_line(diff: OrgDiff) -> str:
    """The findings new, resolved and unchanged in one sentence."""
    return (f"Findings: {len(diff.findings_new)} new{_severities(diff.findings_new)}, "
            f"{len(diff.findings_resolved)} resolved{_severities(diff.findings_resolved)}, "
            f"{diff.findings_unchanged} unchanged.")


def _severities(findings: Iterable[Finding]) -> str:
    counts: dict[str, int] = {}
    for finding in findings:
        counts[finding.severity] = counts.get(finding.severity, 0) + 1
    inner = ", ".join(f"{n} {s}" for s, n in counts.items())
    return f" ({inner})" if inner else ""


def team_lines(diff: OrgDiff) -> list[tuple[str, str]]:
    """``(kind, what)`` for every team added, removed or moved."""
    old, new = diff.old.graph, diff.new.graph
    lines = [("added", _team(new, t)) for t in diff.teams_added]
    lines += [("removed", _team(old, t)) for t in diff.teams_removed]
    reverse = {b: a for a, b in diff.matching.teams.items()}
    for team in diff.teams_moved:
        before = _parent(old, reverse[team])
        after = _parent(new, team)
        lines.append(("moved", f"{_team(new, team)}: parent {before} → {after}"))
    return lines


def _team(graph, team: str) -> str:
    return f"{team} {quoted(graph.nodes['team:' + team]['label'], 50)}"


def _parent(graph, team: str) -> str:
    parent = graph.nodes["team:" + team]["record"].parent
    return parent or "none (a root)"


def goal_lines(diff: OrgDiff) -> list[tuple[str, str]]:
    """``(kind, what)`` for every goal added, removed or changed, in that order."""
    old, new = diff.old.graph, diff.new.graph
    lines = [("added", _goal(new, g)) for g in diff.goals_added]
    lines += [("removed", _goal(old, g)) for g in diff.goals_removed]
    for kind in GOAL_CHANGES:
        for change in diff.goal_changes:
            if kind in change.kinds:
                lines.append((_VERB[kind], _change(diff, change, kind)))
    return lines


def _goal(graph, goal: str) -> str:
    node = graph.nodes["goal:" + goal]
    team = graph.nodes[node["team"]]["id"]
    return f"{goal} {quoted(node['label'], 70)} (team {team})"


def _change(diff: OrgDiff, change, kind: str) -> str:
    old = diff.old.graph.nodes["goal:" + change.old]
    new = diff.new.graph.nodes["goal:" + change.new]
    renamed = f"{change.old} → {change.new}" if change.old != change.new else change.new
    if kind == "retitled":
        return f"{renamed}: {quoted(old['label'], 60)} → {quoted(new['label'], 60)}"
    if kind == "realigned":
        return (f"{renamed}: aligns to {_ids(old['record'].aligns_to)} → "
                f"{_ids(new['record'].aligns_to)}")
    if kind == "moved":
        where_old = _place(diff.old.graph, old)
        where_new = _place(diff.new.graph, new)
        return f"{renamed}: {where_old} → {where_new}"
    return f"{renamed}: {', '.join(change.fields)}"


def _place(graph, node) -> str:
    if node["kind"] == "objective":
        return f"team {graph.nodes[node['team']]['id']}"
    return f"objective {graph.nodes[node['objective']]['id']}"


def _ids(ids: list[str]) -> str:
    return ", ".join(ids) if ids else "nothing"


def carried_lines(diff: OrgDiff) -> list[tuple[str, str]]:
    """With ``--match title``: ``(similarity, what)`` for every objective carried over,
    least alike first (where a reader should look), then by new id."""
    if diff.matching.match != "title":
        return []
    old, new = diff.old.graph, diff.new.graph
    lines = []
    for change in diff.goal_changes:
        node = new.nodes["goal:" + change.new]
        if node["kind"] != "objective":
            continue
        before = old.nodes["goal:" + change.old]
        team = new.nodes[node["team"]]["id"]
        was, now = quoted(before["label"], 50), quoted(node["label"], 50)
        what = f"{change.old} → {change.new} (team {team}): {was}"
        if before["label"] != node["label"]:
            what += f" → {now}" if was != now else " (reworded further on)"
        lines.append((change.similarity, change.new, what))
    lines.sort(key=lambda line: (line[0], line[1]))
    return [(f"{similarity:.2f}", what) for similarity, _, what in lines]


def slack_rows(diff: OrgDiff) -> list[list[str]]:
    """The levels whose slack changed, each figure ``before → after``."""
    rows = []
    names = {row.level.team: row.team_name for row in (*diff.old.slack, *diff.new.slack)}
    for change in diff.slack:
        if change.changed:
            rows.append([f"{names.get(change.team, change.team)} ({change.team})",
                         *(_figure(change, name) for name in SLACK_HEAD[1:])])
    return rows


def _figure(change: SlackChange, name: str) -> str:
    def shown(figures) -> str:
        if figures is None:
            return "–"
        value = figures[name]
        return value if isinstance(value, str) else (
            str(value) if name == "children" else percent(value))

    before, after = shown(change.before), shown(change.after)
    return before if before == after else f"{before} → {after}"


# --- text -------------------------------------------------------------------------------


def diff_text(diff: OrgDiff, what_if: WhatIf | None = None) -> str:
    """The diff for a terminal."""
    old, new = versions_line(diff)
    if what_if is None:
        head = f"aligngraph diff\n  old: {old}\n  new: {new}\n{_wrap(match_line(diff))}\n"
    else:
        head = _wrap(f"aligngraph whatif: {what_if.describe()}, on a copy of {old}") + "\n"
    parts = [head]
    findings = [_wrap(findings_line(diff))]
    findings += _finding_lines(diff.new, diff.findings_new, "new")
    gone = tuple(f for f in diff.findings_resolved if subject_gone(diff, f))
    findings += _finding_lines(diff.old, tuple(f for f in diff.findings_resolved
                                               if f not in gone), "resolved")
    if gone:
        findings.append(_wrap(_gone_line(len(gone), len(gone) < len(diff.findings_resolved))
                              + f": {_subjects(gone)} (--format json lists them).", "  ", "  "))
    parts.append("\n".join(findings) + "\n")
    carried = carried_lines(diff)
    if carried:
        parts.append(_listed("Objectives carried over (title similarity, least alike first):",
                             carried))
    parts.append(_listed(f"Teams: {_counts(diff.summary()['teams'])}.", team_lines(diff)))
    goal_counts = {k: v for k, v in diff.summary()["goals"].items()
                   if k in ("added", "removed", *GOAL_CHANGES)}
    parts.append(_listed(f"Goals: {_counts(goal_counts)}.", goal_lines(diff)))
    parts.append(_slack_text(diff))
    return "\n".join(parts)


def subject_gone(diff: OrgDiff, finding: Finding) -> bool:
    """Whether a finding's subject is not in the new version: dropped, removed, or
    (matched by title) left without a pair."""
    if finding.subject_kind == TEAM:
        return finding.subject not in diff.matching.teams
    if finding.subject_kind in (OBJECTIVE, KEY_RESULT):
        return finding.subject not in diff.matching.goals
    return subject_node(finding) not in diff.new.graph


def _gone_line(count: int, after_others: bool) -> str:
    if after_others:
        return f"and {count} more resolved only because what they were about is gone"
    if count == 1:
        return "Resolved only because what it was about is gone"
    return f"All {count} resolved only because what they were about is gone"


def _subjects(findings: Iterable[Finding], most: int = 8) -> str:
    """The distinct subjects of some findings, in order, at most ``most`` named."""
    names = list(dict.fromkeys(short_label(f) for f in findings))
    shown = ", ".join(names[:most])
    return shown + (f" and {len(names) - most} more" if len(names) > most else "")


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{n} {_VERB.get(k, k)}" for k, n in counts.items())


def _finding_lines(report: Report, findings: tuple[Finding, ...], kind: str) -> list[str]:
    lines = []
    for finding in findings[:LISTED]:
        label = subject_label(report, finding)
        lead = f"  {kind:8}  {finding.severity:7}  {finding.code} {label}: "
        location = report.location_of(finding)
        where = ""
        if location is not None:
            where = f" [{location.file}{'' if location.line is None else f':{location.line}'}]"
        lines.append(_wrap(finding.message + where, lead, " " * 12))
    if len(findings) > LISTED:
        lines.append(f"  … and {len(findings) - LISTED} more {kind} (--format json lists "
                     "them all)")
    return lines


def _listed(title: str, lines: list[tuple[str, str]]) -> str:
    out = [title]
    out += [_wrap(what, f"  {kind:10} ", " " * 13) for kind, what in lines[:LISTED]]
    if len(lines) > LISTED:
        out.append(f"  … and {len(lines) - LISTED} more (--format json lists them all)")
    return "\n".join(out) + "\n"


def _slack_text(diff: OrgDiff) -> str:
    rows = slack_rows(diff)
    if not rows:
        return "Slack: no level changed.\n"
    table = [list(SLACK_HEAD), *rows]
    widths = [max(len(r[i]) for r in table) for i in range(len(SLACK_HEAD))]
    lines = ["Slack by level, where it changed (before → after):"]
    lines += ["  " + "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
              for r in table]
    return "\n".join(lines) + "\n"


def _wrap(text: str, initial: str = "", subsequent: str = "") -> str:
    return textwrap.fill(text, WIDTH, initial_indent=initial, subsequent_indent=subsequent,
                         break_on_hyphens=False, break_long_words=False)


# --- Markdown ---------------------------------------------------------------------------


def diff_markdown(diff: OrgDiff, what_if: WhatIf | None = None) -> str:
    """The diff as Markdown, for a pull request or a wiki page."""
    old, new = versions_line(diff)
    if what_if is None:
        lines = ["# What changed", "", f"- **Old:** {_cell(old)}", f"- **New:** {_cell(new)}",
                 "", _cell(match_line(diff))]
    else:
        lines = ["# What if", "", f"{_cell(what_if.describe())}, on a copy of {_cell(old)}"]
    lines += ["", "## Findings", "", _cell(findings_line(diff)), ""]
    gone = tuple(f for f in diff.findings_resolved if subject_gone(diff, f))
    resolved = tuple(f for f in diff.findings_resolved if f not in gone)
    rows = [("new", diff.new, f) for f in diff.findings_new[:LISTED]]
    rows += [("resolved", diff.old, f) for f in resolved[:LISTED]]
    if rows:
        lines += ["| | severity | check | subject | message |", "|---|---|---|---|---|"]
        lines += [f"| {kind} | {f.severity} | {f.code} {f.check} | "
                  f"{_cell(subject_label(report, f))} | {_cell(f.message)} |"
                  for kind, report, f in rows]
        lines.append("")
    more = max(0, len(diff.findings_new) - LISTED) + max(0, len(resolved) - LISTED)
    if more:
        lines += [f"… and {more} more findings (`--format json` lists them all).", ""]
    if gone:
        lines += [_cell(f"{_gone_line(len(gone), bool(resolved))}: {_subjects(gone)} "
                        "(`--format json` lists them)."), ""]
    sections = [("Teams", team_lines(diff)), ("Goals", goal_lines(diff))]
    if diff.matching.match == "title":
        sections.insert(0, ("Objectives carried over", carried_lines(diff)))
    for title, entries in sections:
        lines += [f"## {title}", ""]
        lines += [f"- **{kind}** {_cell(what)}" for kind, what in entries[:LISTED]]
        if len(entries) > LISTED:
            lines.append(f"- … and {len(entries) - LISTED} more (`--format json` lists them all)")
        lines += [""] if entries else ["No change.", ""]
    lines += ["## Slack by level, where it changed", ""]
    slack = slack_rows(diff)
    if slack:
        lines += ["| " + " | ".join(SLACK_HEAD) + " |", "|" + "---|" * len(SLACK_HEAD)]
        lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in slack]
    else:
        lines.append("No level changed.")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return (text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;")
            .replace(">", "&gt;").replace("\n", " "))
