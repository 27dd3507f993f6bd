"""What changed between two versions of an organisation, and what it did to the findings.

:func:`compare` runs :func:`aligngraph.pipeline.analyse` on both versions (or takes the
two reports) and returns an :class:`OrgDiff`: teams added, removed and moved; goals added,
removed, retitled, re-aligned, moved and otherwise edited; findings new, resolved and
unchanged, each identified by its check and subject; each level's slack before and after.
:meth:`OrgDiff.data` is the documented JSON contract (docs/report.md#diff).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any

from ..checks import Finding, severity_rank
from ..errors import UsageError
from ..model import Organisation
from ..output.json_format import ranked_finding_dict
from ..pipeline import analyse, locate_findings
from ..report import Report
from .matching import DEFAULT_THRESHOLD, MATCHES, Matching, match_records

DIFF_VERSION = 1
ADDED, CHANGED, REMOVED = "added", "changed", "removed"
#: The kinds of change to a goal that :meth:`OrgDiff.goal_status` calls ``changed``.
GOAL_CHANGES = ("retitled", "realigned", "moved", "edited")
#: Fields of a goal that "edited" covers: everything but its id, title, alignment, place
#: and key results, which have kinds of change of their own.
_OWN_FIELDS = {"id", "title", "aligns_to", "team", "key_results", "depends_on"}
UNPAIRED = "\0"  # marks an old id that no new id pairs with
SLACK_FIGURES = ("children", "own_objectives", "overflow", "gap", "echo", "status")


@dataclass(frozen=True)
class SlackChange:
    """One level's slack before and after (None where the level does not exist)."""

    team: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None

    @property
    def changed(self) -> bool:
        """Whether any figure or the status differs."""
        return self.before != self.after


@dataclass(frozen=True)
class GoalChange:
    """A goal in both versions: its old and new id, and what changed (a subset of
    :data:`GOAL_CHANGES`)."""

    old: str
    new: str
    kinds: tuple[str, ...]
    similarity: float = 1.0
    #: The fields an ``edited`` goal changed (``owner``, ``target``…).
    fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class OrgDiff:
    """Two versions of an organisation compared. Ids are the new version's, except for
    what was removed (the old version's)."""

    old: Report
    new: Report
    matching: Matching
    teams_added: tuple[str, ...]
    teams_removed: tuple[str, ...]
    teams_moved: tuple[str, ...]
    goals_added: tuple[str, ...]
    goals_removed: tuple[str, ...]
    goal_changes: tuple[GoalChange, ...]
    findings_new: tuple[Finding, ...]
    findings_resolved: tuple[Finding, ...]
    findings_unchanged: int
    slack: tuple[SlackChange, ...]

    def goals_with(self, kind: str) -> tuple[str, ...]:
        """The (new) ids of the goals with one kind of change: ``retitled``…"""
        return tuple(c.new for c in self.goal_changes if kind in c.kinds)

    @cached_property
    def goal_status(self) -> dict[str, str]:
        """Each goal that changed, by id, as ``added``, ``changed`` or ``removed``: the
        new version's ids for the first two, the old version's for removed goals (an id
        in both versions keeps its new status)."""
        status = dict.fromkeys(self.goals_removed, REMOVED)
        status.update(dict.fromkeys(self.goals_added, ADDED))
        status.update({c.new: CHANGED for c in self.goal_changes if c.kinds})
        return status

    def removed_goals(self) -> list[dict[str, Any]]:
        """What a picture needs to draw each removed goal ghosted: id, kind, title, its
        team in the new version (None when the team went too) and its objective's id
        in the new version (None when it went or it is an objective)."""
        graph = self.old.graph
        found = []
        for goal in self.goals_removed:
            node = graph.nodes["goal:" + goal]
            team = graph.nodes[node["team"]]["id"]
            objective = graph.nodes[node["objective"]]["id"]
            found.append({"id": goal, "kind": node["kind"], "title": node["label"],
                          "team": self.matching.teams.get(team),
                          "objective": (self.matching.goals.get(objective)
                                        if objective != goal else None)})
        return found

    def marks(self, since: str = "") -> dict[str, Any]:
        """What a picture of the new version needs to show the changes: the keyword
        arguments of :class:`aligngraph.render.DiffMarks` (``status``, ``removed``,
        ``since``)."""
        return {"status": {goal: status for goal, status in self.goal_status.items()
                           if status != REMOVED},
                "removed": self.removed_goals(), "since": since}

    def failing(self, severity: str) -> list[Finding]:
        """The new findings at or above ``severity``."""
        rank = severity_rank(severity)
        return [f for f in self.findings_new if severity_rank(f.severity) <= rank]

    def summary(self) -> dict[str, Any]:
        """Counts of every kind of change, and of both versions."""
        return {
            "match": self.matching.match,
            "threshold": self.matching.threshold if self.matching.match == "title" else None,
            "old": _version(self.old), "new": _version(self.new),
            "teams": {"added": len(self.teams_added), "removed": len(self.teams_removed),
                      "moved": len(self.teams_moved)},
            "goals": {"carried_over": len(self.matching.goals),
                      "added": len(self.goals_added), "removed": len(self.goals_removed),
                      **{kind: len(self.goals_with(kind)) for kind in GOAL_CHANGES},
                      "changed": sum(1 for c in self.goal_changes if c.kinds)},
            "findings": {"new": len(self.findings_new),
                         "resolved": len(self.findings_resolved),
                         "unchanged": self.findings_unchanged,
                         "new_by_severity": dict(Counter(f.severity for f in self.findings_new)),
                         "resolved_by_severity": dict(Counter(
                             f.severity for f in self.findings_resolved))},
            "slack_levels_changed": sum(1 for s in self.slack if s.changed),
        }

    def data(self) -> dict[str, Any]:
        """The diff as plain data: the JSON contract of docs/report.md#diff."""
        return {
            "version": DIFF_VERSION,
            "teams": {"added": list(self.teams_added), "removed": list(self.teams_removed),
                      "moved": list(self.teams_moved)},
            "goals": {"added": list(self.goals_added), "removed": list(self.goals_removed),
                      **{kind: list(self.goals_with(kind)) for kind in GOAL_CHANGES},
                      "pairs": [{"old": c.old, "new": c.new, "similarity": c.similarity}
                                for c in self._pairs()]},
            "findings": {"new": _finding_dicts(self.new, self.findings_new),
                         "resolved": _finding_dicts(self.old, self.findings_resolved),
                         "unchanged": self.findings_unchanged},
            "slack": [{"team": s.team, "before": s.before, "after": s.after}
                      for s in self.slack],
            "summary": self.summary(),
        }

    def to_json(self) -> str:
        """:meth:`data` as indented JSON text."""
        return json.dumps(self.data(), indent=2, ensure_ascii=False, default=str) + "\n"

    def _pairs(self) -> list[GoalChange]:
        """Every goal pair whose ids differ (all of them when matching by title)."""
        if self.matching.match == "id":
            return []
        changes = {c.new: c for c in self.goal_changes}
        return [changes[new] for new in self.matching.goals.values()]


def compare(old: Organisation, new: Organisation, *, match: str = "id",
            threshold: float = DEFAULT_THRESHOLD, settings: Mapping[str, Any] | None = None,
            as_of: dt.date | None = None, reports: tuple[Report, Report] | None = None,
            locate: bool = False, texts: Mapping[str, str] | None = None) -> OrgDiff:
    """Compare two loaded organisations (:func:`aligngraph.pipeline.load`).

    ``match`` is ``id`` (a record is the same when it keeps its id) or ``title`` (pair
    teams and goals by title, for cycle over cycle: see
    :mod:`aligngraph.changes.matching`); ``threshold`` is the least title similarity
    that pairs two goals. ``settings`` and ``as_of`` go to :func:`analyse` for both
    versions, unless ``reports`` gives both analyses already. With ``locate``, each new
    and resolved finding is located in its file (read from disk, or from ``texts`` by
    file name), as ``check --format json`` does.
    """
    if match not in MATCHES:
        raise UsageError(f"unknown match {match!r}: expected one of {', '.join(MATCHES)}")
    if not 0 < threshold <= 1:
        raise UsageError(f"the title threshold is a similarity: expected a number above 0 "
                         f"and at most 1, got {threshold!r}")
    old_report, new_report = reports or (analyse(old, as_of=as_of, settings=settings),
                                         analyse(new, as_of=as_of, settings=settings))
    matching = match_records(old, new, match, threshold)
    new_findings, resolved, unchanged = _findings(old_report, new_report, matching)
    if locate:
        old_report = _located(old, old_report, resolved, texts)
        new_report = _located(new, new_report, new_findings, texts)
    teams_added, teams_removed, teams_moved = _teams(old, new, matching)
    goals_added, goals_removed, changes = _goals(old, new, matching)
    return OrgDiff(old=old_report, new=new_report, matching=matching,
                   teams_added=teams_added, teams_removed=teams_removed,
                   teams_moved=teams_moved, goals_added=goals_added,
                   goals_removed=goals_removed, goal_changes=changes,
                   findings_new=new_findings, findings_resolved=resolved,
                   findings_unchanged=unchanged, slack=_slack(old_report, new_report, matching))


def _located(org: Organisation, report: Report, findings: Iterable[Finding],
             texts: Mapping[str, str] | None) -> Report:
    return replace(report, locations={**report.locations,
                                      **locate_findings(org, findings, texts)})


# --- teams and goals --------------------------------------------------------------------


def _teams(old: Organisation, new: Organisation, matching: Matching
           ) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    paired_new = set(matching.teams.values())
    added = tuple(t.id for t in new.teams if t.id not in paired_new)
    removed = tuple(t.id for t in old.teams if t.id not in matching.teams)
    new_parent = {t.id: t.parent for t in new.teams}
    moved = tuple(matching.teams[t.id] for t in old.teams if t.id in matching.teams
                  and _mapped(t.parent, matching.teams) != new_parent[matching.teams[t.id]])
    return added, removed, moved


def _goals(old: Organisation, new: Organisation, matching: Matching
           ) -> tuple[tuple[str, ...], tuple[str, ...], tuple[GoalChange, ...]]:
    old_goals = dict(_goal_records(old))
    new_goals = dict(_goal_records(new))
    paired_new = set(matching.goals.values())
    added = tuple(g for g in new_goals if g not in paired_new)
    removed = tuple(g for g in old_goals if g not in matching.goals)
    changes = []
    for old_id, (old_goal, old_place) in old_goals.items():
        new_id = matching.goals.get(old_id)
        if new_id is None:
            continue
        new_goal, new_place = new_goals[new_id]
        kinds = []
        if old_goal.title != new_goal.title:
            kinds.append("retitled")
        if {_mapped(g, matching.goals) for g in old_goal.aligns_to} != set(new_goal.aligns_to):
            kinds.append("realigned")
        if _place(old_place, matching) != new_place:
            kinds.append("moved")
        fields = _edited(old_goal, new_goal, matching)
        if fields:
            kinds.append("edited")
        changes.append(GoalChange(old_id, new_id, tuple(kinds),
                                  matching.similarity.get(new_id, 1.0), fields))
    return added, removed, tuple(changes)


def _goal_records(org: Organisation):
    """``(id, (record, place))`` of every goal: an objective's place is ``("team",
    team id)``, a key result's ``("objective", objective id)``."""
    for objective in org.objectives:
        yield objective.id, (objective, ("team", objective.team))
        for kr in objective.key_results:
            yield kr.id, (kr, ("objective", objective.id))


def _place(place: tuple[str, str], matching: Matching) -> tuple[str, str]:
    kind, id_ = place
    ids = matching.teams if kind == "team" else matching.goals
    return kind, _renamed(id_, ids)


def _edited(old_goal, new_goal, matching: Matching) -> tuple[str, ...]:
    """The fields of a goal that changed, beyond its title, alignment and place."""
    fields = []
    if {_mapped(t, matching.teams) for t in old_goal.depends_on} != set(new_goal.depends_on):
        fields.append("depends_on")
    if old_goal is new_goal:  # a what-if shares the records it leaves alone
        return tuple(fields)
    before, after = _own_fields(old_goal), _own_fields(new_goal)
    fields += [name for name in dict.fromkeys([*before, *after])
               if before.get(name) != after.get(name)]
    return tuple(fields)


def _own_fields(goal) -> dict[str, Any]:
    """A goal's fields and extension keys, but those with kinds of change of their own."""
    return {**{k: v for k, v in vars(goal).items() if k not in _OWN_FIELDS},
            **(goal.__pydantic_extra__ or {})}


def _mapped(id_: str | None, ids: Mapping[str, str]) -> str | None:
    """An old id as the new version calls it (see :func:`_renamed`); None stays None."""
    return None if id_ is None else _renamed(id_, ids)


def _renamed(id_: str, ids: Mapping[str, str]) -> str:
    """An old id as the new version calls it; an unpaired id keeps a mark of its own, so
    that it equals no new id."""
    return ids.get(id_, UNPAIRED + id_)


# --- findings and slack -----------------------------------------------------------------


def finding_key(finding: Finding, matching: Matching | None = None) -> tuple[str, str]:
    """What identifies a finding across versions: its check and its subject (an old
    version's subject as the new version calls it, given the ``matching``)."""
    if matching is None or finding.subject_kind == "person":
        return finding.check, finding.subject
    ids = matching.teams if finding.subject_kind == "team" else matching.goals
    return finding.check, _renamed(finding.subject, ids)


def _findings(old: Report, new: Report, matching: Matching
              ) -> tuple[tuple[Finding, ...], tuple[Finding, ...], int]:
    old_keys = {finding_key(f, matching) for f in (*old.findings, *old.hidden)}
    new_keys = {finding_key(f) for f in (*new.findings, *new.hidden)}
    # In fix-first order, as the report ranks them.
    added = tuple(f for f in new.ranked if finding_key(f) not in old_keys)
    resolved = tuple(f for f in old.ranked if finding_key(f, matching) not in new_keys)
    return added, resolved, len(old_keys & new_keys)


def _slack(old: Report, new: Report, matching: Matching) -> tuple[SlackChange, ...]:
    before = {_renamed(row.level.team, matching.teams): _figures(row) for row in old.slack}
    after = {row.level.team: _figures(row) for row in new.slack}
    order = list(after) + [team for team in before if team not in after]
    return tuple(SlackChange(team.removeprefix(UNPAIRED), before.get(team), after.get(team))
                 for team in order)


def _figures(row) -> dict[str, Any]:
    data = row.as_dict()
    return {name: data[name] for name in SLACK_FIGURES}


def _finding_dicts(report: Report, findings: Iterable[Finding]) -> list[dict[str, Any]]:
    """Findings exactly as ``check --format json`` prints them, with their rank in the
    report they come from."""
    rank = {id(f): r for f, r in zip(report.findings, report.ranks, strict=True)}
    return [ranked_finding_dict(report, f, rank[id(f)]) for f in findings]


def _version(report: Report) -> dict[str, Any]:
    cycle = report.graph.graph["cycle"]
    return {"sources": list(report.sources), "cycle": cycle.name,
            "as_of": report.as_of.isoformat(), "counts": dict(report.counts),
            "findings": len(report.findings)}
