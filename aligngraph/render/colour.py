"""How nodes are coloured: by findings, by progress or by level, with the legend to match."""

from __future__ import annotations


from ..graph import home_team, team_of
from ..progress import DEFAULT_BANDS, band, goal_progress
from ..report import Report
from .theme import Theme

COLOR_BY = ("findings", "progress", "level")
class Colouring:
    """The fill and border of every node, for one report, theme and colour mode."""

    def __init__(self, report: Report, theme: Theme, color_by: str = "findings",
                 bands: tuple[float, float] = DEFAULT_BANDS):
        self.report, self.theme, self.color_by, self.bands = report, theme, color_by, bands
        self.severity = report.severity_by_node

    def fill(self, key: str, severity: str | None = None) -> str:
        """The fill colour of a node; ``severity`` overrides the node's own findings."""
        if self.color_by == "progress":
            return self.theme.progress.get(band(self._progress(key), self.bands) or "",
                                           self.theme.node_fill)
        if self.color_by == "level":
            return self._level_colour(key)
        severity = severity or self.severity.get(key)
        return self.theme.severity[severity] if severity else self.theme.node_fill

    def border(self, key: str, severity: str | None = None) -> tuple[str, str, float]:
        """Border colour, style and width: findings always show in the border."""
        severity = severity or self.severity.get(key)
        if not severity:
            return self.theme.node_border, "solid", 1.0
        style, width = self.theme.severity_style[severity]
        colour = self.theme.severity[severity] if self.theme.name != "print" else "#000000"
        return colour, style, width

    def legend(self) -> list[tuple[str, str]]:
        """``(colour, meaning)`` rows of the legend for this colour mode."""
        if self.color_by == "progress":
            green, amber = self.bands
            return [(self.theme.progress["green"], f"on track (≥ {green:g})"),
                    (self.theme.progress["amber"], f"at risk ({amber:g}–{green:g})"),
                    (self.theme.progress["red"], f"off track (< {amber:g})"),
                    (self.theme.node_fill, "no progress data")]
        if self.color_by == "level":
            last = len(self.theme.levels) - 1
            return [(colour, f"level {depth}" + (" and deeper" if depth == last else ""))
                    for depth, colour in enumerate(self.theme.levels)]
        return [(self.theme.severity[s], s) for s in ("error", "warning", "info")] + [
            (self.theme.node_fill, "no finding")]

    def _progress(self, key: str) -> float | None:
        graph = self.report.graph
        return goal_progress(graph, key) if key in graph else None

    def _level_colour(self, key: str) -> str:
        depth = self._depth(key)
        if depth is None:
            return self.theme.node_fill
        return self.theme.levels[min(depth, len(self.theme.levels) - 1)]

    def _depth(self, key: str) -> int | None:
        graph = self.report.graph
        node = graph.nodes.get(key)
        if node is None:
            return None
        if node["kind"] == "team":
            return node["depth"]
        if node["kind"] == "person":
            home = home_team(graph, key)
            return graph.nodes[home]["depth"] if home else None
        return graph.nodes[team_of(graph, key)]["depth"]
