"""The four views: goals, teams, focus and people. Each draws one report onto a canvas."""

from __future__ import annotations

import math
from collections import Counter

from ..checks import overloaded_contributor, severity_rank
from ..errors import UsageError
from ..graph import (
    ALIGNS_TO, CONTRIBUTES, DEPENDS_ON, KEY_RESULT, LIAISON, OBJECTIVE, OWNS, PERSON, TEAM,
    key_results_of, nodes_of, objective_of, objectives_of, parent_team, sources, sub_teams,
    targets, team_of,
)
from ..metrics import person_load
from ..text import count_of
from .canvas import Canvas
from .limits import ensure_fits
from .goalmap import draw_goal_map, key_results_worth_drawing


def draw_goals(canvas: Canvas, *, max_nodes: int, **_) -> None:
    """Every objective, in team clusters, with the key results that alignment lands on."""
    objectives = set(nodes_of(canvas.graph, OBJECTIVE))
    ensure_fits(canvas.report, "goals", len(objectives), max_nodes)
    goals = objectives | key_results_worth_drawing(canvas, objectives)
    ensure_fits(canvas.report, "goals", len(goals), max_nodes)
    draw_goal_map(canvas, goals)
    canvas.legend(_goal_edge_legend(canvas))


def draw_focus(canvas: Canvas, *, max_nodes: int, focus: str | None = None, depth: int = 2,
               **_) -> None:
    """A team, goal or person, and the goals within ``depth`` alignment hops of it."""
    if not focus:
        raise UsageError("the focus view needs --focus ID: a team, objective, key result "
                         "or person")
    seeds = focus_seeds(canvas.graph, resolve_focus(canvas.graph, focus))
    goals = _neighbourhood(canvas.graph, seeds, depth)
    ensure_fits(canvas.report, "focus", len(goals), max_nodes)
    draw_goal_map(canvas, goals)
    canvas.legend(_goal_edge_legend(canvas))


def draw_teams(canvas: Canvas, *, max_nodes: int, depth: int | None = None, **_) -> None:
    """One node per team, as the org tree, edges weighted by goals aligned across teams."""
    graph = canvas.graph
    shown_depth = depth if depth is not None else auto_team_depth(graph)
    teams = [t for t in nodes_of(graph, TEAM) if graph.nodes[t]["depth"] <= shown_depth]
    ensure_fits(canvas.report, "teams", len(teams), max_nodes)
    rep = _representatives(graph, shown_depth)
    severity = _team_severities(canvas, rep)
    badges = _team_badges(canvas, rep)
    hidden = Counter(rep[t] for t in rep if rep[t] != t)
    for team in teams:
        node = graph.nodes[team]
        caption = count_of(len(objectives_of(graph, team)), "objective")
        if hidden[team]:
            caption += f" · +{count_of(hidden[team], 'team')} below"
        canvas.node(canvas.dot, team, node["label"], caption=caption, kind="team",
                    severity=severity.get(team), badge=badges[team], width=22)
    _team_edges(canvas, teams, rep)
    canvas.dot.attr(rankdir="TB")
    canvas.legend([("━━", canvas.theme.edge, "goals aligned to the parent team (width: count)"),
                   ("┅┅", canvas.theme.node_border, "no goal aligned to the parent team"),
                   ("━━", canvas.theme.progress["green"] if canvas.theme.name != "print"
                    else "#000000", "goals aligned across the tree (the strongest)")])


MAX_PEOPLE = 30
MIN_OBJECTIVES = 3


def draw_people(canvas: Canvas, *, max_nodes: int, **_) -> None:
    """Everyone flagged overloaded, and the others who carry the most objectives."""
    graph = canvas.graph
    flagged = {f.subject for f in canvas.report.findings if f.check == overloaded_contributor.SLUG}
    drawn_objectives: set[str] = set()
    loaded = list(_most_loaded(graph, flagged))
    carried = set().union(*(objectives for _, objectives, _ in loaded))
    ensure_fits(canvas.report, "people", len(loaded) + len(carried), max_nodes)
    for person, objectives, krs in loaded:
        node = graph.nodes[person]
        teams = {team_of(graph, o) for o in objectives}
        caption = (f"{count_of(len(objectives), 'objective')} · {count_of(len(krs), 'KR')}"
                   f" · {count_of(len(teams), 'team')}")
        name = canvas.node(canvas.dot, person, node["label"], caption=caption, kind="person",
                           width=20, extra_class="overloaded" if node["id"] in flagged else "")
        for objective in sorted(objectives):
            if objective not in drawn_objectives:
                drawn_objectives.add(objective)
                canvas.goal(canvas.dot, objective)
            canvas.edge(name, canvas.name(objective), "carries")
    canvas.dot.attr(rankdir="LR", ranksep="1.2")
    canvas.legend()


def _most_loaded(graph, flagged: set[str]):
    """Up to MAX_PEOPLE people: the flagged ones, then those carrying MIN_OBJECTIVES or more."""
    loads = []
    for person in nodes_of(graph, PERSON):
        objectives, krs = person_load(graph, person)
        is_flagged = graph.nodes[person]["id"] in flagged
        if len(objectives) >= MIN_OBJECTIVES or is_flagged:
            loads.append((not is_flagged, -len(objectives), -len(krs), person, objectives, krs))
    for *_, person, objectives, krs in sorted(loads)[:MAX_PEOPLE]:
        yield person, objectives, krs


VIEWS = {"goals": draw_goals, "teams": draw_teams, "focus": draw_focus, "people": draw_people}


# --- focus -----------------------------------------------------------------------------


def resolve_focus(graph, focus: str) -> str:
    """The node key for a ``--focus`` id; ``team:``/``person:`` prefixes disambiguate."""
    if focus in graph:
        return focus
    candidates = [f"{prefix}:{focus}" for prefix in ("team", "goal", "person")]
    found = [key for key in candidates if key in graph]
    if not found:
        raise UsageError(f"nothing called {focus!r} to focus on: give a team, objective, key "
                         "result or person id")
    if len(found) > 1:
        raise UsageError(f"{focus!r} names more than one thing ({', '.join(found)}); "
                         "give one of those instead")
    return found[0]


def focus_seeds(graph, key: str) -> set[str]:
    """The goals a focus starts from."""
    kind = graph.nodes[key]["kind"]
    if kind == TEAM:
        return set(objectives_of(graph, key))
    if kind == PERSON:
        return {objective_of(graph, g) for g, d in graph.succ[key].items()
                if d["kinds"] & {OWNS, CONTRIBUTES, LIAISON}}
    return {objective_of(graph, key)}


def _neighbourhood(graph, seeds: set[str], depth: int) -> set[str]:
    """Goals within ``depth`` hops along aligns_to, either way; linear in what it finds."""
    goals = set(seeds)
    frontier = set(seeds)
    for _ in range(depth):
        found = set()
        for objective in frontier:
            for goal in (objective, *key_results_of(graph, objective)):
                for target in targets(graph, goal, ALIGNS_TO):
                    found.update({target, objective_of(graph, target)})
                for child in sources(graph, goal, ALIGNS_TO):
                    found.update({child, objective_of(graph, child)})
                    if graph.nodes[goal]["kind"] == KEY_RESULT:
                        found.add(goal)
        frontier = {objective_of(graph, g) for g in found} - goals
        goals |= found
    return goals | {kr for o in seeds for kr in key_results_of(graph, o)
                    if any(targets(graph, kr, DEPENDS_ON))}


# --- teams -----------------------------------------------------------------------------

AUTO_TEAM_NODES = 50
MAX_CROSS_EDGES = 8
STAGGER = 3  # teams under a wide parent alternate over this many rows
WIDE = 8


def auto_team_depth(graph) -> int:
    """The deepest level of the org tree that keeps the teams view to a readable size."""
    per_depth = Counter(d for _, d in graph.nodes(data="depth") if d is not None)
    total, chosen = 0, 0
    for depth in sorted(per_depth):
        total += per_depth[depth]
        if total > AUTO_TEAM_NODES and depth > 0:
            break
        chosen = depth
    return chosen


def _representatives(graph, shown_depth: int) -> dict[str, str]:
    """Each team's drawn stand-in: itself, or its ancestor at the deepest shown level."""
    rep = {}
    for team in nodes_of(graph, TEAM):
        stand_in = team
        while graph.nodes[stand_in]["depth"] > shown_depth:
            parent = parent_team(graph, stand_in)
            assert parent is not None, "a team below depth 0 has a parent"
            stand_in = parent
        rep[team] = stand_in
    return rep


def _team_severities(canvas: Canvas, rep: dict[str, str]) -> dict[str, str]:
    """The worst alignment finding on each drawn team, its goals, and the teams folded
    into it."""
    worst: dict[str, str] = {}
    for key, severity in canvas.colouring.severity.items():
        shown = _drawn_team(canvas.graph, key, rep)
        if shown is None:
            continue
        if shown not in worst or severity_rank(severity) < severity_rank(worst[shown]):
            worst[shown] = severity
    return worst


def _team_badges(canvas: Canvas, rep: dict[str, str]) -> Counter:
    """How many hygiene and wording findings each drawn team holds, folded teams included.

    Key results are left out: their findings already count on their objective.
    """
    counts: Counter = Counter()
    graph = canvas.graph
    for key, count in canvas.colouring.badges.items():
        if key in graph and graph.nodes[key]["kind"] == KEY_RESULT:
            continue
        shown = _drawn_team(graph, key, rep)
        if shown is not None:
            counts[shown] += count
    return counts


def _drawn_team(graph, key: str, rep: dict[str, str]) -> str | None:
    """The drawn team a team, objective or key result belongs to; None for people."""
    kind = graph.nodes[key]["kind"] if key in graph else None
    team = key if kind == TEAM else team_of(graph, key) if kind in (OBJECTIVE, KEY_RESULT) else None
    return rep[team] if team is not None else None


def _team_edges(canvas: Canvas, teams: list[str], rep: dict[str, str]) -> None:
    """Org-tree edges drawn parent → child with the arrow at the parent, so that wide
    levels of leaf teams can be staggered over a few rows (what Graphviz's ``unflatten``
    does) and the picture keeps a slide's proportions."""
    graph = canvas.graph
    counts = _alignment_counts(graph, rep)
    rows = _stagger(graph, teams)
    shown = set(teams)
    for parent in teams:
        for child in (c for c in sub_teams(graph, parent) if c in shown):
            count = counts.pop((child, parent), 0)
            attrs = ({"label": str(count), "penwidth": f"{1 + math.log2(count + 1):.1f}"} if count
                     else {"style": "dashed", "color": canvas.theme.node_border})
            canvas.edge(canvas.name(parent), canvas.name(child),
                        "org aligns" if count else "org", dir="back",
                        minlen=str(rows.get(child, 1)), **attrs)
    cross = canvas.theme.progress["green"] if canvas.theme.name != "print" else "#000000"
    for (child, other), count in counts.most_common(MAX_CROSS_EDGES):
        canvas.edge(canvas.name(child), canvas.name(other), "aligns cross", xlabel=str(count),
                    color=cross, fontcolor=cross, constraint="false",
                    penwidth=f"{1 + math.log2(count + 1):.1f}")


def _stagger(graph, teams: list[str]) -> dict[str, int]:
    """Rows for drawn teams under a wide parent: alternate them over STAGGER rows.

    A parent with more than WIDE drawn sub-teams, and the widest row of leaf teams when it
    holds more than 8, fold into a few rows, so a flat org keeps a slide's proportions.
    """
    shown = set(teams)
    rows: dict[str, int] = {}
    for parent in teams:
        children = [c for c in sub_teams(graph, parent) if c in shown]
        if len(children) > WIDE:
            rows.update({c: 1 + i % STAGGER for i, c in enumerate(children)})
    leaves = [t for t in teams if parent_team(graph, t) is not None
              and not any(s in shown for s in sub_teams(graph, t)) and t not in rows]
    if len(leaves) > 8:
        rows.update({leaf: 1 + index % STAGGER for index, leaf in enumerate(leaves)})
    return rows


def _alignment_counts(graph, rep: dict[str, str]) -> Counter:
    """How many goals of each drawn team align to goals of another drawn team."""
    counts: Counter = Counter()
    for goal in nodes_of(graph, OBJECTIVE, KEY_RESULT):
        for target in targets(graph, goal, ALIGNS_TO):
            pair = (rep[team_of(graph, goal)], rep[team_of(graph, target)])
            if pair[0] != pair[1]:
                counts[pair] += 1
    return counts


def _goal_edge_legend(canvas: Canvas) -> list[tuple[str, str, str]]:
    return [("──▶", canvas.theme.edge, "aligns to (child → parent)"),
            ("┄┄▶", canvas.theme.edge, "depends on a team"),
            ("┄┄▶", canvas.theme.severity["error"], "depends on, no liaison")]


