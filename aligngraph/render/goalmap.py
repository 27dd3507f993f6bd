"""Draw a set of goals as clusters per team, with alignment and dependency edges.

Shared by the ``goals`` view (every objective) and the ``focus`` view (a neighbourhood).
"""

from __future__ import annotations

from collections.abc import Iterable

from ..graph import (
    ALIGNS_TO, DEPENDS_ON, KEY_RESULT, key_results_of, objective_of, sources, sub_teams, targets,
    team_of,
)
from ..checks import missing_liaison
from .canvas import Canvas, lay_in_rows
from .changes import draw_ghost, ghosts_by_team


def key_results_worth_drawing(canvas: Canvas, objectives: Iterable[str]) -> set[str]:
    """Key results that something aligns to, or that declare a dependency; when the
    canvas shows changes, also those added or changed."""
    graph = canvas.graph
    marks = canvas.colouring.marks
    changed = set(marks.status) if marks is not None else set()
    chosen = set()
    for objective in objectives:
        for kr in key_results_of(graph, objective):
            if (any(sources(graph, kr, ALIGNS_TO)) or any(targets(graph, kr, DEPENDS_ON))
                    or graph.nodes[kr]["id"] in changed):
                chosen.add(kr)
    return chosen


def draw_goal_map(canvas: Canvas, goals: set[str], highlight: Iterable[str] = (),
                  wrap: int | None = None, every_team: bool = False) -> None:
    """Draw ``goals`` (objective and key-result keys) in team clusters, then their edges.

    Goals in ``highlight`` (what a focus is on) are classed ``focus``. ``wrap`` is how
    many rows the clusters of leaf teams fold into (default STAGGER). When the canvas
    shows changes, removed goals are drawn ghosted in their team's cluster: in any team's
    with ``every_team`` (the goals view), else only in the clusters drawn anyway.
    """
    highlighted = set(highlight)
    graph = canvas.graph
    by_team: dict[str, list[str]] = {}
    for goal in sorted(goals, key=_goal_order(graph)):
        by_team.setdefault(team_of(graph, goal), []).append(goal)
    marks = canvas.colouring.marks
    ghosts = (ghosts_by_team(marks, graph, None if every_team else set(by_team))
              if marks is not None else {})
    first_in: dict[str, str] = {}
    for team in sorted(by_team.keys() | ghosts.keys(),
                       key=lambda t: (graph.nodes[t]["depth"], graph.nodes[t]["id"])):
        with canvas.cluster(team, graph.nodes[team]["label"]) as cluster:
            names = [canvas.goal(cluster, goal, focus=goal in highlighted)
                     for goal in by_team.get(team, [])]
            if names:
                first_in[team] = names[0]
                _rows_in_team(canvas, cluster, by_team[team], wrap)
            for ghost in ghosts.get(team, []):
                draw_ghost(canvas, cluster, ghost)
                canvas.ghosted.add(ghost["id"])
    _alignment_edges(canvas, goals, _stagger_rows(graph, by_team, wrap))
    _dependency_edges(canvas, goals, first_in)


MIN_PER_ROW = 4


def _rows_in_team(canvas: Canvas, cluster, goals: list[str], wrap: int | None) -> None:
    """A team's objectives share one row, so unaligned ones do not sink out of sight.

    With ``wrap``, a team with many goals folds its objectives (each with its key results
    under it) into ``wrap`` rows, and an objective's many key results into rows too.
    """
    graph = canvas.graph
    objectives = [g for g in goals if graph.nodes[g]["kind"] != KEY_RESULT]
    crowded = wrap is not None and len(goals) > 2 * MIN_PER_ROW
    per_row = -(-len(objectives) // wrap) if wrap and crowded else len(objectives)
    lay_in_rows(cluster, [canvas.name(o) for o in objectives], max(per_row, 1),
                gap=2 if len(goals) > len(objectives) else 1)
    if wrap is None:
        return
    for objective in objectives:
        krs = [canvas.name(g) for g in goals if g != objective and objective_of(graph, g) == objective]
        if len(krs) > MIN_PER_ROW:
            lay_in_rows(cluster, krs, max(MIN_PER_ROW, -(-len(krs) // wrap)))


def _goal_order(graph):
    def order(goal: str):
        objective = objective_of(graph, goal)
        return (graph.nodes[objective]["id"], graph.nodes[goal]["kind"] == KEY_RESULT,
                graph.nodes[goal]["id"])
    return order


STAGGER = 3


def _stagger_rows(graph, by_team: dict[str, list[str]], wrap: int | None = None) -> dict[str, int]:
    """Rows for the clusters of leaf teams, as in the teams view: their alignment edges
    get lengths 1, 2, 3, ... so the widest level folds into a few rows and the picture
    keeps a slide's proportions rather than a ribbon's.

    By default more than 8 leaf clusters fold into STAGGER rows; a given ``wrap`` folds
    any number of them into ``wrap`` rows.
    """
    drawn = set(by_team)
    leaves = [t for t in by_team if not any(c in drawn for c in sub_teams(graph, t))]
    if len(leaves) <= (8 if wrap is None else wrap):
        return {}
    rows = wrap or STAGGER
    return {team: 1 + index % rows for index, team in enumerate(leaves)}


def _alignment_edges(canvas: Canvas, goals: set[str], rows: dict[str, int]) -> None:
    graph = canvas.graph
    for goal in sorted(goals):
        if graph.nodes[goal]["kind"] == KEY_RESULT:
            objective = objective_of(graph, goal)
            if objective in goals:
                canvas.edge(canvas.name(goal), canvas.name(objective), "part-of",
                            arrowhead="none", style="dotted")
        for target in targets(graph, goal, ALIGNS_TO):
            head = target if target in goals else objective_of(graph, target)
            if head in goals:
                row = rows.get(team_of(graph, goal), 1)
                canvas.edge(canvas.name(goal), canvas.name(head), "aligns", penwidth="1.5",
                            minlen=str(row))


def _dependency_edges(canvas: Canvas, goals: set[str], first_in: dict[str, str]) -> None:
    graph = canvas.graph
    missing = {f.subject for f in canvas.report.findings if f.check == missing_liaison.SLUG}
    for goal in sorted(goals):
        for team in targets(graph, goal, DEPENDS_ON):
            if team == team_of(graph, goal):
                continue
            unliaised = graph.nodes[goal]["id"] in missing
            colour = canvas.theme.severity["error"] if unliaised else canvas.theme.edge
            attrs = {"style": "dashed", "color": colour, "constraint": "false",
                     "fontcolor": colour}
            if unliaised:
                # xlabel, not label: Graphviz 2.43 fails ("trouble in init_rank") on
                # labelled edges that do not constrain the ranks.
                attrs.update(xlabel="no liaison", penwidth="2")
            if team in first_in:
                head = first_in[team]
                attrs["lhead"] = f"cluster_{canvas.name(team)}"
            else:
                head = canvas.node(canvas.dot, team, graph.nodes[team]["label"],
                                   caption="team", kind="team", shape="folder")
            canvas.edge(canvas.name(goal), head,
                        "depends" + (" no-liaison" if unliaised else ""), **attrs)
