"""Pictures of what changed: goals added, changed and removed since another version.

``render --diff OLD`` and the explorer's Workshop tab pass :func:`build_dot` a
:class:`DiffMarks` (plain data: :meth:`aligngraph.diff.OrgDiff.marks` makes one). Added
and changed goals are filled in their colour; the border still shows alignment findings.
Removed goals are not in the new graph: each is drawn *ghosted* (a dotted border, since a
dashed one means an info finding; unfilled; its title muted) in its team's cluster when
its team is still there, and listed in the legend when it cannot be drawn (its team went
too, or a focus does not reach it).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import graphviz

from ..graph import goal_key
from .labels import html_label
from .theme import BLUISH_GREEN, YELLOW, Theme

ADDED, CHANGED, REMOVED = "added", "changed", "removed"
#: Legend rows of undrawn removed goals spelled out; the rest are counted.
LISTED_REMOVED = 8
_FILLS = {"light": {ADDED: BLUISH_GREEN, CHANGED: YELLOW},
          "dark": {ADDED: BLUISH_GREEN, CHANGED: YELLOW},
          "print": {ADDED: "#8C8C8C", CHANGED: "#D9D9D9"}}


@dataclass(frozen=True)
class DiffMarks:
    """What changed, as a picture needs it.

    ``status`` maps the id of each added or changed goal (the new version's id) to
    ``added`` or ``changed``. ``removed`` lists each removed goal as a mapping with its
    ``id``, ``kind`` (``objective`` or ``key_result``), ``title``, ``team`` (its team's
    id in the new version, or None when the team went too) and ``objective`` (a key
    result's objective's id in the new version, or None). ``since`` names the old
    version in the legend.
    """

    status: Mapping[str, str] = field(default_factory=dict)
    removed: Sequence[Mapping[str, Any]] = ()
    since: str = ""

    def status_of(self, graph, key: str) -> str | None:
        """``added`` or ``changed`` for a drawn goal's node key, else None."""
        node = graph.nodes.get(key)
        if node is None or node["kind"] not in ("objective", "key_result"):
            return None
        return self.status.get(node["id"])

    def fill(self, theme: Theme, graph, key: str) -> str | None:
        """The fill of a drawn node for its change, or None when it did not change."""
        status = self.status_of(graph, key)
        return _FILLS[theme.name].get(status) if status else None

    def legend(self, theme: Theme) -> list[tuple[str, str]]:
        """``(colour, meaning)`` rows: added, changed, unchanged (removed is a symbol row)."""
        fills = _FILLS[theme.name]
        return [(fills[ADDED], "added"), (fills[CHANGED], "changed (title, alignment, place "
                                                          "or fields)"),
                (theme.node_fill, "unchanged")]

    def heading(self) -> str:
        """The legend's heading."""
        since = f" since {self.since}" if self.since else ""
        return f"Changes{since} (border: alignment findings)"


def ghosts_by_team(marks: DiffMarks, graph, teams: set[str] | None) -> dict[str, list]:
    """The removed goals that can be drawn, by the key of the team that shows them: every
    team of the graph, or only ``teams`` (those a focus draws)."""
    found: dict[str, list] = {}
    for goal in marks.removed:
        team = goal.get("team")
        key = f"team:{team}" if team else None
        if key is None or key not in graph or (teams is not None and key not in teams):
            continue
        found.setdefault(key, []).append(goal)
    return found


def draw_ghost(canvas, target, goal: Mapping[str, Any]) -> str:
    """Draw a removed goal ghosted into ``target``; return its DOT name."""
    theme = canvas.theme
    is_kr = goal["kind"] == "key_result"
    name = canvas.name(f"removed:{goal['id']}")
    target.node(name, label=html_label(goal["title"], caption=f"{goal['id']} · removed",
                                       ink=theme.muted, muted=theme.muted,
                                       width=24 if is_kr else 28, size=12 if is_kr else 14),
                fillcolor=theme.background, color=theme.muted, style="rounded,dotted",
                penwidth="2", id=canvas.unique_id(f"removed:{goal['id']}"),
                **{"class": f"{'key-result' if is_kr else 'objective'} removed"},
                tooltip=graphviz.escape(f"removed: {goal['id']} {goal['title']}"))
    objective = goal.get("objective")
    if is_kr and objective and goal_key(objective) in canvas.drawn:
        canvas.edge(name, canvas.name(goal_key(objective)), "part-of removed",
                    arrowhead="none", style="dotted", color=theme.muted)
    return name


def undrawn_rows(marks: DiffMarks, drawn: set[str], theme: Theme
                 ) -> list[tuple[str, str, str]]:
    """Legend rows ``(symbol, colour, meaning)`` for the removed goals not drawn."""
    left = [g for g in marks.removed if g["id"] not in drawn]
    rows = [("┈┈", theme.muted, "removed (dotted, unfilled)")]
    for goal in left[:LISTED_REMOVED]:
        where = f"team {goal['team']}" if goal.get("team") else "its team removed too"
        rows.append(("✕", theme.muted, f"removed: {goal['id']} {_short(goal['title'])} "
                                       f"({where})"))
    if len(left) > LISTED_REMOVED:
        rows.append(("✕", theme.muted, f"… and {len(left) - LISTED_REMOVED} more removed"))
    return rows


def _short(title: str, limit: int = 48) -> str:
    text = " ".join(title.split())
    return f"“{text if len(text) <= limit else text[:limit - 1] + '…'}”"
