"""The four views: goals, teams, focus and people. Each draws one report onto a canvas."""

from __future__ import annotations

import math
from collections import Counter

from ..checks import overloaded_contributor, severity_rank
from ..errors import UsageError
from ..graph import (
    ALIGNS_TO, CONTRIBUTES, DEPENDS_ON, KEY_RESULT, LEADS, LIAISON, MEMBER_OF, OBJECTIVE, OWNS,
    PERSON, TEAM,
    key_results_of, nodes_of, objective_of, objectives_of, parent_team, resolve_node, sources,
    sub_teams, targets, team_of,
)
from ..metrics import person_load
from ..text import count_of
from .canvas import Canvas, lay_in_rows
from .limits import ensure_fits
from .goalmap import draw_goal_map, key_results_worth_drawing


def draw_goals(canvas: Canvas, *, max_nodes: int, wrap: int | None = None, **_) -> None:
    """Every objective, in team clusters, with the key results that alignment lands on."""
    objectives = set(nodes_of(canvas.graph, OBJECTIVE))
    if not objectives:
        raise UsageError("the organisation has no objectives, so the goals view has nothing "
                         "to draw. Try --view teams.")
    ensure_fits(canvas.report, "goals", len(objectives), max_nodes)
    goals = objectives | key_results_worth_drawing(canvas, objectives)
    ensure_fits(canvas.report, "goals", len(goals), max_nodes)
    draw_goal_map(canvas, goals, wrap=wrap, every_team=True)
    canvas.legend(_goal_edge_legend(canvas))


def draw_focus(canvas: Canvas, *, max_nodes: int, focus: str | None = None, depth: int = 2,
               wrap: int | None = None, **_) -> None:
    """A team, goal or person, and the goals within ``depth`` alignment hops of it: up
    towards the goals it serves and down towards the goals that serve it, never sideways
    through a parent goal's other children."""
    if not focus:
        raise UsageError("the focus view needs --focus ID: a team, objective, key result "
                         "or person")
    key = resolve_focus(canvas.graph, focus)
    seeds = focus_seeds(canvas.graph, key)
    if not seeds:
        raise UsageError(nothing_to_focus_on(canvas.graph, key))
    goals = _neighbourhood(canvas.graph, seeds, depth)
    ensure_fits(canvas.report, "focus", len(goals), max_nodes)
    draw_goal_map(canvas, goals, highlight=seeds, wrap=wrap)
    canvas.legend(_goal_edge_legend(canvas))


def draw_teams(canvas: Canvas, *, max_nodes: int, depth: int | None = None,
               wrap: int | None = None, **_) -> None:
    """One node per team, as the org tree, edges weighted by goals aligned across teams.

    The sub-teams of a wide parent sit in a box, in ``wrap`` rows (default STAGGER when
    a parent has more than WIDE of them), so a flat org keeps a slide's proportions.
    """
    graph = canvas.graph
    shown_depth = depth if depth is not None else auto_team_depth(graph)
    teams = [t for t in nodes_of(graph, TEAM) if graph.nodes[t]["depth"] <= shown_depth]
    ensure_fits(canvas.report, "teams", len(teams), max_nodes)
    rep = _representatives(graph, shown_depth)
    counts = _alignment_counts(graph, rep)
    boxes = _boxed_families(graph, teams, wrap)
    boxed = {child for family in boxes.values() for child in family}
    _team_nodes(canvas, teams, rep, {c: counts[(c, parent_team(graph, c))] for c in boxed})
    _team_edges(canvas, teams, counts, boxed, stagger=wrap is None)
    for parent, family in boxes.items():
        _team_box(canvas, parent, family, rows=_rows_for(len(family), wrap),
                  count=sum(counts.pop((c, parent), 0) for c in family))
    _cross_edges(canvas, counts)
    canvas.dot.attr(rankdir="TB")
    legend = [("━━", canvas.theme.edge, "goals aligned to the parent team (width: count)"),
              ("┅┅", canvas.theme.node_border, "no goal aligned to the parent team"),
              ("━━", canvas.theme.progress["green"] if canvas.theme.name != "print"
               else "#000000", "goals aligned across the tree (the strongest)")]
    if boxes:
        legend.append(("▭", canvas.theme.cluster_border,
                       "a box: the sub-teams of one parent, in rows"))
    canvas.legend(legend)


def _team_nodes(canvas: Canvas, teams: list[str], rep: dict[str, str],
                aligned_up: dict[str, int]) -> None:
    """Draw each team; a boxed team's caption says how many goals it aligns upwards."""
    graph = canvas.graph
    severity = _team_severities(canvas, rep)
    badges = _team_badges(canvas, rep)
    hidden = Counter(rep[t] for t in rep if rep[t] != t)
    for team in teams:
        caption = count_of(len(objectives_of(graph, team)), "objective")
        if team in aligned_up:
            caption += f", {aligned_up[team]} aligned up" if aligned_up[team] else ", none up"
        if hidden[team]:
            caption += f" · +{count_of(hidden[team], 'team')} below"
        canvas.node(canvas.dot, team, graph.nodes[team]["label"], caption=caption, kind="team",
                    severity=severity.get(team), badge=badges[team], width=22)


MAX_PEOPLE = 12
MIN_OBJECTIVES = 3
CHIPS_PER_ROW = 6


def draw_people(canvas: Canvas, *, max_nodes: int, wrap: int | None = None, **_) -> None:
    """The people who carry the most objectives, most loaded first (flagged ones marked):
    one card each, with a chip per objective they carry, coloured as goals are.

    The cards sit in ``wrap`` rows (default: about as many rows as makes the grid
    slide-shaped), in reading order.
    """
    graph = canvas.graph
    flagged = {f.subject for f in canvas.report.findings if f.check == overloaded_contributor.SLUG}
    eligible = _eligible_people(graph, flagged)
    if not eligible:
        raise UsageError(f"nobody carries {MIN_OBJECTIVES} or more objectives and nobody is "
                         "flagged overloaded, so the people view has nothing to draw.")
    loaded = eligible[:MAX_PEOPLE]
    ensure_fits(canvas.report, "people", len(loaded), max_nodes)
    names = [_person_card(canvas, person, objectives, krs, rank, flagged)
             for rank, (person, objectives, krs) in enumerate(loaded, 1)]
    rows = wrap or max(1, round(math.sqrt(len(names) / 1.8)))
    with canvas.dot.subgraph(name="people") as grid:
        lay_in_rows(grid, names, math.ceil(len(names) / rows))
    canvas.dot.attr(rankdir="TB")
    canvas.legend([("▢", canvas.theme.node_border, "an objective the person carries, by id"),
                   ("#", canvas.theme.text, f"the {len(loaded)} of {len(eligible)} people "
                    f"carrying {MIN_OBJECTIVES}+ objectives or flagged, most loaded first")])


def _person_card(canvas: Canvas, person: str, objectives, krs, rank: int,
                 flagged: set[str]) -> str:
    graph = canvas.graph
    node = graph.nodes[person]
    teams = {team_of(graph, o) for o in objectives}
    caption = (f"#{rank} · {count_of(len(objectives), 'objective')} · "
               f"{count_of(len(krs), 'KR')} · {count_of(len(teams), 'team')}")
    chips = [(graph.nodes[o]["id"], canvas.colouring.fill(o))
             for o in sorted(objectives, key=lambda o: graph.nodes[o]["id"])]
    return canvas.node(canvas.dot, person, node["label"], caption=caption, kind="person",
                       width=24, chips=chips, chips_per_row=CHIPS_PER_ROW,
                       extra_class="overloaded" if node["id"] in flagged else "")


def _eligible_people(graph, flagged: set[str]) -> list[tuple[str, set[str], set[str]]]:
    """People flagged overloaded or carrying MIN_OBJECTIVES or more, most loaded first."""
    loads = []
    for person in nodes_of(graph, PERSON):
        objectives, krs = person_load(graph, person)
        is_flagged = graph.nodes[person]["id"] in flagged
        if len(objectives) >= MIN_OBJECTIVES or is_flagged:
            loads.append((-len(objectives), -len(krs), not is_flagged, person, objectives, krs))
    return [(person, objectives, krs) for *_, person, objectives, krs in sorted(loads)]


VIEWS = {"goals": draw_goals, "teams": draw_teams, "focus": draw_focus, "people": draw_people}


# --- focus -----------------------------------------------------------------------------


def resolve_focus(graph, focus: str) -> str:
    """The node key for a ``--focus`` id; ``team:``/``person:`` prefixes disambiguate."""
    return resolve_node(graph, focus, "to focus on")


def focus_seeds(graph, key: str) -> set[str]:
    """The goals a focus starts from: a team's objectives (or, when it has none, the goals
    its people carry), the goals a person carries, or a goal and its objective."""
    kind = graph.nodes[key]["kind"]
    if kind == TEAM:
        return set(objectives_of(graph, key)) or set().union(
            *(carried_goals(graph, person) for person in team_people(graph, key)))
    if kind == PERSON:
        return carried_goals(graph, key)
    return {key}


def carried_goals(graph, person: str) -> set[str]:
    """The objectives and key results a person owns, contributes to or is liaison for."""
    return {goal for goal, data in graph.succ[person].items()
            if data["kinds"] & {OWNS, CONTRIBUTES, LIAISON}}


def team_people(graph, team: str) -> list[str]:
    """The people of a team: its members and its lead."""
    return [person for person, data in graph.pred[team].items()
            if data["kinds"] & {MEMBER_OF, LEADS}]


def nothing_to_focus_on(graph, key: str) -> str:
    """Why a focus has nothing to draw, and what to draw instead."""
    node = graph.nodes[key]
    if node["kind"] == PERSON:
        return (f"{node['label']} carries no objective or key result, so a focus on them "
                "has nothing to draw. Try --view people, or focus on their team.")
    parent = parent_team(graph, key)
    instead = (f"--view focus --focus {graph.nodes[parent]['id']} (its parent team)"
               if parent else "--view teams")
    return (f"team {node['label']} has no objectives and none of its people carries a goal, "
            f"so a focus on it has nothing to draw. Try {instead}.")


def _neighbourhood(graph, seeds: set[str], depth: int) -> set[str]:
    """The seeds, their objectives, and the goals ``depth`` alignment hops up and down.

    Linear in what it finds. Walking up from a goal goes on from its objective (which is
    what aligns further up); walking down goes on from the goals found, so a parent's
    other children are never reached.
    """
    goals = set(seeds) | {objective_of(graph, g) for g in seeds}
    walks = ((targets, lambda g: objective_of(graph, g)), (sources, lambda g: g))
    for step, onward in walks:
        frontier = {onward(g) for g in seeds}
        for _ in range(depth):
            found = {near for goal in frontier for near in _linked(graph, goal, step)}
            frontier = {onward(g) for g in found} - goals
            goals |= found | {objective_of(graph, g) for g in found}
    objectives = {g for g in seeds if graph.nodes[g]["kind"] == OBJECTIVE}
    return goals | {kr for o in objectives for kr in key_results_of(graph, o)
                    if any(targets(graph, kr, DEPENDS_ON))}


def _linked(graph, goal: str, step) -> set[str]:
    """Goals one alignment hop from ``goal`` (and, for an objective, from its key results)
    in the direction of ``step``: ``targets`` is up, ``sources`` is down."""
    own = [goal, *key_results_of(graph, goal)] if graph.nodes[goal]["kind"] == OBJECTIVE else [goal]
    found = set()
    for mine in own:
        linked = set(step(graph, mine, ALIGNS_TO))
        found |= linked
        if linked and step is sources and mine != goal:
            found.add(mine)  # the key result the children land on
    return found


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


def _team_edges(canvas: Canvas, teams: list[str], counts: Counter, boxed: set[str],
                stagger: bool) -> None:
    """Org-tree edges to the teams not in a box, parent → child with the arrow at the
    parent, labelled with how many of the child's goals align to the parent. With
    ``stagger``, a wide row of leaf teams alternates over STAGGER rows (what Graphviz's
    ``unflatten`` does)."""
    graph = canvas.graph
    shown = set(teams)
    rows = _stagger(graph, [t for t in teams if t not in boxed]) if stagger else {}
    for parent in teams:
        for child in sub_teams(graph, parent):
            if child in shown and child not in boxed:
                _org_edge(canvas, parent, canvas.name(child), counts.pop((child, parent), 0),
                          **({"minlen": str(rows[child])} if child in rows else {}))


def _stagger(graph, teams: list[str]) -> dict[str, int]:
    """Rows for the widest row of leaf teams when it holds more than WIDE: 1, 2, 3, …"""
    shown = set(teams)
    leaves = [t for t in teams if parent_team(graph, t) is not None
              and not any(s in shown for s in sub_teams(graph, t))]
    if len(leaves) <= WIDE:
        return {}
    return {leaf: 1 + index % STAGGER for index, leaf in enumerate(leaves)}


def _org_edge(canvas: Canvas, parent: str, head: str, count: int, **extra: str) -> None:
    attrs = ({"label": str(count), "penwidth": f"{1 + math.log2(count + 1):.1f}"} if count
             else {"style": "dashed", "color": canvas.theme.node_border})
    canvas.edge(canvas.name(parent), head, "org aligns" if count else "org", dir="back",
                **attrs, **extra)


def _cross_edges(canvas: Canvas, counts: Counter) -> None:
    """The strongest alignments between teams that are not parent and child."""
    cross = canvas.theme.progress["green"] if canvas.theme.name != "print" else "#000000"
    for (child, other), count in counts.most_common(MAX_CROSS_EDGES):
        canvas.edge(canvas.name(child), canvas.name(other), "aligns cross", xlabel=str(count),
                    color=cross, fontcolor=cross, constraint="false",
                    penwidth=f"{1 + math.log2(count + 1):.1f}")


def _rows_for(size: int, wrap: int | None) -> int:
    """How many rows a family of ``size`` sub-teams folds into."""
    return min(wrap or STAGGER, math.ceil(size / 2))


def _boxed_families(graph, teams: list[str], wrap: int | None) -> dict[str, list[str]]:
    """Parents whose drawn sub-teams go in a box of rows: those with more than WIDE by
    default, any with more than ``wrap`` when it is given. Sub-teams with drawn sub-teams
    of their own come last, so their sub-trees hang from the bottom row."""
    shown = set(teams)
    boxes = {}
    for parent in teams:
        family = [c for c in sub_teams(graph, parent) if c in shown]
        if _rows_for(len(family), wrap) > 1 and len(family) > (WIDE if wrap is None else wrap):
            boxes[parent] = sorted(family, key=lambda c: any(s in shown for s in sub_teams(graph, c)))
    return boxes


def _team_box(canvas: Canvas, parent: str, family: list[str], *, rows: int, count: int) -> None:
    """A parent's sub-teams in a box of ``rows`` rows, joined to the parent by one edge."""
    names = [canvas.name(child) for child in family]
    per_row = math.ceil(len(names) / rows)
    box = f"cluster_box_{canvas.name(parent)}"
    with canvas.dot.subgraph(name=box) as cluster:
        cluster.attr(label="", style="rounded,dashed", color=canvas.theme.cluster_border,
                     margin="10", id=f"box-{canvas.name(parent)}", **{"class": "box"})
        lay_in_rows(cluster, names, per_row)
    _org_edge(canvas, parent, names[min(per_row, len(names)) // 2], count, lhead=box)


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


