"""The alignment graph: one frozen ``networkx.DiGraph`` of teams, people and goals.

Nodes
-----
Every node has ``kind``, ``id`` and ``label``; goals and teams also carry their
``record`` (the validated model). Goals also carry the keys of their ``objective`` and
``team``: the same as the ``part_of`` and ``owned_by`` edges say, kept on the node
because nearly every check asks it, and a frozen graph cannot drift from it. Keys are prefixed by kind, because a team and a
person may share an id:

=============  ================  ==========================================
kind           key               attributes
=============  ================  ==========================================
``team``       ``team:ID``       ``depth`` (0 for a root), ``record``
``person``     ``person:ID``     ``record`` (None for a person made up from a reference)
``objective``  ``goal:ID``       ``record``, ``objective`` (itself), ``team``
``key_result`` ``goal:ID``       ``record``, ``objective``, ``team``
=============  ================  ==========================================

Edges
-----
Every edge has ``kinds``, a frozenset, because one pair of nodes can be linked in more
than one way (a person who owns a key result and is its liaison).

================  =====================  ======================================
edge kind         direction              from the field
================  =====================  ======================================
``parent``        team → parent team     ``teams[].parent``
``owned_by``      objective → team       ``objectives[].team``
``part_of``       key result → objective ``objectives[].key_results``
``aligns_to``     child goal → parent    ``aligns_to``
``owns``          person → goal          ``owner``
``contributes``   person → key result    ``contributors``
``depends_on``    goal → team            ``depends_on``
``liaison``       person → goal          ``liaison``
``member_of``     person → team          ``people[].team``
``leads``         person → team          ``teams[].lead``
================  =====================  ======================================
"""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Container, Iterator, Sequence

import networkx as nx

from .errors import UnknownIdError
from .model import Organisation

TEAM, PERSON, OBJECTIVE, KEY_RESULT = "team", "person", "objective", "key_result"
GOAL_KINDS = (OBJECTIVE, KEY_RESULT)

PARENT, OWNED_BY, PART_OF, ALIGNS_TO = "parent", "owned_by", "part_of", "aligns_to"
OWNS, CONTRIBUTES, DEPENDS_ON, LIAISON = "owns", "contributes", "depends_on", "liaison"
MEMBER_OF, LEADS = "member_of", "leads"


KEY_PREFIX = {TEAM: "team:", PERSON: "person:", OBJECTIVE: "goal:", KEY_RESULT: "goal:"}


def node_key(kind: str, id_: str) -> str:
    """The node key of a team, person, objective or key result.

    >>> node_key("key_result", "O1.2"), node_key("person", "ana")
    ('goal:O1.2', 'person:ana')
    """
    return KEY_PREFIX[kind] + id_


def team_key(id_: str) -> str:
    """The node key of a team."""
    return KEY_PREFIX[TEAM] + id_


def goal_key(id_: str) -> str:
    """The node key of an objective or key result (they share one id space)."""
    return KEY_PREFIX[OBJECTIVE] + id_


def resolve_node(graph: Container[str], text: str, purpose: str = "") -> str:
    """The node key an id names, as ``--focus`` and ``whatif --drop`` take it: a key
    (``team:ID``, ``person:ID``, ``goal:ID``) as is, else the one team, goal or person
    with that id. ``purpose`` ends the message of an unknown id ("to focus on").
    ``graph`` is the graph, or any collection of its node keys.

    >>> from aligngraph.pipeline import load_texts
    >>> g = build_graph(load_texts([("x.yaml", "teams: [{id: a, lead: a}]\\nobjectives: []")]))
    >>> resolve_node(g, "team:a")
    'team:a'
    >>> resolve_node(g, "a")
    Traceback (most recent call last):
    ...
    aligngraph.errors.UnknownIdError: 'a' names more than one thing (team:a, person:a); give one of those instead
    """
    if text in graph:
        return text
    candidates = [f"{prefix}:{text}" for prefix in ("team", "goal", "person")]
    found = [key for key in candidates if key in graph]
    if not found:
        where = f" {purpose}" if purpose else ""
        raise UnknownIdError(f"nothing called {text!r}{where}: give a team, objective, key "
                             "result or person id")
    if len(found) > 1:
        raise UnknownIdError(f"{text!r} names more than one thing ({', '.join(found)}); "
                             "give one of those instead")
    return found[0]


def build_graph(org: Organisation, as_of: dt.date | None = None) -> nx.DiGraph:
    """Build and freeze the alignment graph of a validated organisation.

    ``as_of`` overrides the cycle's own date; the default is the cycle's ``as_of``,
    else today or the cycle's end if that came first (a finished cycle is judged as it
    closed). Nodes and edges are collected first and added in bulk: networkx's
    per-edge calls dominate the cost on large organisations.
    """
    builder = _Builder()
    builder.teams(org)
    builder.people(org)
    builder.goals(org)
    graph = builder.graph()
    graph.graph["cycle"] = org.cycle
    graph.graph["as_of"] = as_of or org.cycle.as_of or _today_within(org.cycle)
    _set_depths(graph)
    frozen = nx.freeze(graph)
    asked = _asked(frozen)
    if asked is not None and builder.sources is not None:
        asked["sources"] = builder.sources
    return frozen


def _today_within(cycle) -> dt.date:
    """Today, or the cycle's end when the cycle is over."""
    today = dt.date.today()
    return min(today, cycle.end) if cycle.end else today


_ONE_KIND: dict[str, frozenset[str]] = {}


class _Builder:
    """Nodes and edges of the graph, written straight into adjacency dicts.

    networkx's ``add_edges_from`` costs three times as much on 300,000 edges, so the
    builder fills the dicts a ``DiGraph`` keeps (``_node``, ``_succ``, ``_pred``, public
    in all but name since networkx 2) and hands them over. Every endpoint is a node by
    the end, since references were checked before.
    """

    def __init__(self):
        self.nodes: dict[str, dict] = {}
        self.succ: dict[str, dict[str, dict]] = {}
        self.pred: dict[str, dict[str, dict]] = {}
        #: The index :func:`_source_index` would make, filled as edges are made: an edge
        #: is made by the first kind it is linked by, so each target's sources of one
        #: kind come in the order of its ``_pred``. An indexed kind added to an edge made
        #: by another would break that order: then the index is left to that pass (None).
        self.sources: dict[str, dict[str, list[str]]] | None = {k: {} for k in _INDEXED}

    def graph(self) -> nx.DiGraph:
        """The DiGraph of what was collected."""
        graph = nx.DiGraph()
        for node in self.nodes:
            self.succ.setdefault(node, {})
            self.pred.setdefault(node, {})
        graph._node.update(self.nodes)
        graph._succ.update(self.succ)
        graph._pred.update(self.pred)
        return graph

    def link(self, source: str, target: str, kind: str) -> None:
        row = self.succ.get(source)
        if row is None:
            row = self.succ[source] = {}
        data = row.get(target)
        if data is None:
            kinds = _ONE_KIND.get(kind) or _ONE_KIND.setdefault(kind, frozenset((kind,)))
            data = row[target] = {"kinds": kinds}
            self.pred.setdefault(target, {})[source] = data
            if self.sources is not None and kind in self.sources:
                self.sources[kind].setdefault(target, []).append(source)
        else:
            if kind in _INDEXED and kind not in data["kinds"]:
                self.sources = None
            data["kinds"] = data["kinds"] | {kind}

    def person(self, id_: str) -> str:
        """The key of a person, adding one made up from a reference if needed."""
        key = node_key(PERSON, id_)
        if key not in self.nodes:
            self.nodes[key] = {"kind": PERSON, "id": id_, "label": id_, "record": None}
        return key

    def teams(self, org: Organisation) -> None:
        for team in org.teams:
            self.nodes[team_key(team.id)] = {"kind": TEAM, "id": team.id,
                                             "label": team.name or team.id, "record": team}
            if team.parent:
                self.link(team_key(team.id), team_key(team.parent), PARENT)

    def people(self, org: Organisation) -> None:
        for person in org.people or ():
            key = node_key(PERSON, person.id)
            self.nodes[key] = {"kind": PERSON, "id": person.id,
                               "label": person.name or person.id, "record": person}
            if person.team:
                self.link(key, team_key(person.team), MEMBER_OF)
        for team in org.teams:
            if team.lead:
                self.link(self.person(team.lead), team_key(team.id), LEADS)

    def goals(self, org: Organisation) -> None:
        for objective in org.objectives:
            key = goal_key(objective.id)
            team = team_key(objective.team)
            self.nodes[key] = {"kind": OBJECTIVE, "id": objective.id, "label": objective.title,
                               "record": objective, "objective": key, "team": team}
            self.link(key, team, OWNED_BY)
            self.goal_links(key, objective)
            for kr in objective.key_results:
                kr_key = goal_key(kr.id)
                self.nodes[kr_key] = {"kind": KEY_RESULT, "id": kr.id, "label": kr.title,
                                      "record": kr, "objective": key, "team": team}
                self.link(kr_key, key, PART_OF)
                self.goal_links(kr_key, kr)
                for contributor in kr.contributors:
                    self.link(self.person(contributor), kr_key, CONTRIBUTES)

    def goal_links(self, key: str, goal) -> None:
        for target in goal.aligns_to:
            self.link(key, goal_key(target), ALIGNS_TO)
        for team in goal.depends_on:
            self.link(key, team_key(team), DEPENDS_ON)
        if goal.owner:
            self.link(self.person(goal.owner), key, OWNS)
        if goal.liaison:
            self.link(self.person(goal.liaison), key, LIAISON)


def _set_depths(graph: nx.DiGraph) -> None:
    for team in nodes_of(graph, TEAM):
        if parent_team(graph, team) is None:
            graph.nodes[team]["depth"] = 0
            for child, depth in _descend(graph, team):
                graph.nodes[child]["depth"] = depth


def _descend(graph: nx.DiGraph, root: str) -> Iterator[tuple[str, int]]:
    stack = [(root, 0)]
    while stack:
        team, depth = stack.pop()
        for child in sub_teams(graph, team):
            yield child, depth + 1
            stack.append((child, depth + 1))


# --- Queries: small read-only helpers every check shares. -------------------------


#: What a frozen graph was asked before: nodes by kinds, sources by edge kind and node,
#: and teams' ancestors. Every check walks the nodes of a kind, and a scan of all 175,000
#: nodes of a 10,000-team organisation for its 10,000 teams, check after check, cost seconds.
_ASKED: weakref.WeakKeyDictionary[nx.DiGraph, dict] = weakref.WeakKeyDictionary()


def _asked(graph: nx.DiGraph) -> dict | None:
    """The answers kept for ``graph``: only a frozen graph of its own (not a view, whose
    nodes are filtered) keeps any, since its nodes and edges cannot change."""
    if not getattr(graph, "frozen", False) or type(graph._node) is not dict:
        return None
    asked = _ASKED.get(graph)
    if asked is None:
        asked = _ASKED[graph] = {}
    return asked


def nodes_of(graph: nx.DiGraph, *kinds: str) -> Iterator[str]:
    """The keys of every node of the given kinds, in insertion order."""
    asked = _asked(graph)
    if asked is None:
        return (node for node, data in graph._node.items() if data["kind"] in kinds)
    found = asked.get(kinds)
    if found is None:
        found = asked[kinds] = tuple(node for node, data in graph._node.items()
                                     if data["kind"] in kinds)
    return iter(found)


def targets(graph: nx.DiGraph, node: str, kind: str) -> Iterator[str]:
    """The nodes ``node`` links to by an edge of ``kind``."""
    for target, data in graph._succ[node].items():
        if kind in data["kinds"]:
            yield target


def sources(graph: nx.DiGraph, node: str, kind: str) -> Iterator[str]:
    """The nodes that link to ``node`` by an edge of ``kind``."""
    for source, data in graph._pred[node].items():
        if kind in data["kinds"]:
            yield source


#: The edge kinds whose sources are indexed: a team's sub-teams and objectives, and an
#: objective's key results.
_INDEXED = (PARENT, OWNED_BY, PART_OF)


def _sources_of_all(graph: nx.DiGraph, node: str, kind: str) -> list[str]:
    """``list(sources(graph, node, kind))``, from :func:`_source_index` for its kinds."""
    index = _source_index(graph) if kind in _INDEXED else None
    if index is None:
        return list(sources(graph, node, kind))
    return list(index[kind].get(node, ()))


def _source_index(graph: nx.DiGraph) -> dict[str, dict[str, list[str]]] | None:
    """Every node's sources by an edge of each kind in ``_INDEXED`` (kind, then node);
    None for a graph that keeps no answers. :func:`build_graph` hands over the index its
    builder made; for another frozen graph it is made in one pass over the edges the
    first time it is asked. Never hand out its lists: callers copy them."""
    asked = _asked(graph)
    if asked is None:
        return None
    index = asked.get("sources")
    if index is None:
        index = asked["sources"] = _index_sources(graph)
    return index


def _index_sources(graph: nx.DiGraph) -> dict[str, dict[str, list[str]]]:
    index: dict[str, dict[str, list[str]]] = {kind: {} for kind in _INDEXED}
    for target, preds in graph._pred.items():
        for source, data in preds.items():
            for kind in data["kinds"]:
                if kind in index:
                    index[kind].setdefault(target, []).append(source)
    return index


def parent_team(graph: nx.DiGraph, team: str) -> str | None:
    """The parent of a team, or None for a root."""
    return next(targets(graph, team, PARENT), None)


def sub_teams(graph: nx.DiGraph, team: str) -> list[str]:
    """The direct sub-teams of a team."""
    return _sources_of_all(graph, team, PARENT)


def team_ancestors(graph: nx.DiGraph, team: str) -> list[str]:
    """The parent, grandparent and so on of a team, nearest first; each team's chain is
    walked once for a frozen graph (checks ask it for every contributor and goal)."""
    asked = _asked(graph)
    if asked is None:
        return _walk_up(graph, team)
    chains = asked.get("ancestors")
    if chains is None:
        chains = asked["ancestors"] = {}
    chain = chains.get(team)
    if chain is None:
        chain = chains[team] = tuple(_walk_up(graph, team))
    return list(chain)


def _walk_up(graph: nx.DiGraph, team: str) -> list[str]:
    chain = []
    parent = parent_team(graph, team)
    while parent is not None:
        chain.append(parent)
        parent = parent_team(graph, parent)
    return chain


def objectives_of(graph: nx.DiGraph, team: str) -> list[str]:
    """The objectives a team owns."""
    return _sources_of_all(graph, team, OWNED_BY)


def key_results_of(graph: nx.DiGraph, objective: str) -> list[str]:
    """The key results of an objective."""
    return _sources_of_all(graph, objective, PART_OF)


def objective_of(graph: nx.DiGraph, goal: str) -> str:
    """The objective a goal belongs to: itself, or a key result's objective."""
    return graph._node[goal]["objective"]


def team_of(graph: nx.DiGraph, goal: str) -> str:
    """The team that owns a goal (a key result's is its objective's)."""
    return graph._node[goal]["team"]


def home_team(graph: nx.DiGraph, person: str) -> str | None:
    """A person's home team, or None when it is not known."""
    return next(targets(graph, person, MEMBER_OF), None)


def team_goals(graph: nx.DiGraph, team: str) -> list[str]:
    """Every objective a team owns, each followed by its key results."""
    return [g for o, krs in _team_parts(graph, team) for g in (o, *krs)]


def team_key_results(graph: nx.DiGraph, team: str) -> list[str]:
    """Every key result of every objective a team owns."""
    return [kr for _, krs in _team_parts(graph, team) for kr in krs]


def _team_parts(graph: nx.DiGraph, team: str) -> Iterator[tuple[str, Sequence[str]]]:
    """Each objective a team owns with its key results, read from the source index
    without copying its lists (checks ask this for every team)."""
    index = _source_index(graph)
    if index is None:
        return ((o, key_results_of(graph, o)) for o in objectives_of(graph, team))
    parts = index[PART_OF]
    return ((o, parts.get(o, ())) for o in index[OWNED_BY].get(team, ()))


def is_supported(graph: nx.DiGraph, objective: str) -> bool:
    """Whether any goal aligns to this objective or to one of its key results."""
    if any(sources(graph, objective, ALIGNS_TO)):
        return True
    return any(any(sources(graph, kr, ALIGNS_TO)) for kr in key_results_of(graph, objective))
