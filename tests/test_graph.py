import networkx as nx
import pytest

from aligngraph.graph import (
    ALIGNS_TO, CONTRIBUTES, DEPENDS_ON, LEADS, LIAISON, MEMBER_OF, OWNED_BY, OWNS, PARENT,
    PART_OF, build_graph, team_of,
)
from helpers import graph_of

ORG = """
teams:
  - {id: company, lead: ana}
  - {id: sales, parent: company}
people:
  - {id: ana, team: company}
  - {id: ben, team: sales}
objectives:
  - id: C1
    team: company
    owner: ana
    title: Win
    key_results: [{id: C1.1, title: Logos, owner: ana, liaison: ana}]
  - id: S1
    team: sales
    title: Sell
    aligns_to: C1.1
    depends_on: company
    key_results: [{id: S1.1, title: Calls, contributors: [ben]}]
"""


def kinds(graph, u, v):
    return graph.edges[u, v]["kinds"]


def test_nodes_are_typed_and_keyed_by_kind():
    graph = graph_of(ORG)
    assert graph.nodes["team:company"]["kind"] == "team"
    assert graph.nodes["person:ana"]["kind"] == "person"
    assert graph.nodes["goal:C1"]["kind"] == "objective"
    assert graph.nodes["goal:C1.1"]["kind"] == "key_result"
    assert graph.nodes["team:sales"]["depth"] == 1


def test_every_edge_kind():
    graph = graph_of(ORG)
    assert kinds(graph, "team:sales", "team:company") == {PARENT}
    assert kinds(graph, "goal:C1", "team:company") == {OWNED_BY}
    assert kinds(graph, "goal:C1.1", "goal:C1") == {PART_OF}
    assert kinds(graph, "goal:S1", "goal:C1.1") == {ALIGNS_TO}
    assert kinds(graph, "person:ana", "goal:C1") == {OWNS}
    assert kinds(graph, "person:ana", "goal:C1.1") == {OWNS, LIAISON}
    assert kinds(graph, "person:ben", "goal:S1.1") == {CONTRIBUTES}
    assert kinds(graph, "goal:S1", "team:company") == {DEPENDS_ON}
    assert kinds(graph, "person:ben", "team:sales") == {MEMBER_OF}
    assert kinds(graph, "person:ana", "team:company") == {MEMBER_OF, LEADS}


def test_graph_is_frozen():
    graph = graph_of(ORG)
    assert nx.is_frozen(graph)
    with pytest.raises(nx.NetworkXError):
        graph.add_node("x")


def test_team_of_a_key_result_is_its_objectives_team():
    assert team_of(graph_of(ORG), "goal:S1.1") == "team:sales"


def test_bulk_build_matches_networkx_own_construction():
    from pathlib import Path

    from aligngraph.graph import _Builder
    from aligngraph.io.loader import load

    org = load([Path(__file__).parent.parent / "samples" / "meridian.yaml"])
    builder = _Builder()
    builder.teams(org)
    builder.people(org)
    builder.goals(org)
    built = builder.graph()
    expected = nx.DiGraph()
    expected.add_nodes_from(built.nodes(data=True))
    expected.add_edges_from(built.edges(data=True))
    assert nx.utils.graphs_equal(built, expected)
    assert all(set(built.succ[u]) == {v for _, v in expected.out_edges(u)} for u in built)
    assert all(set(built.pred[v]) == {u for u, _ in expected.in_edges(v)} for v in built)


@pytest.mark.parametrize("sample", ["meridian.yaml", "nimbus.yaml"])
def test_builders_source_index_is_the_one_a_pass_over_the_edges_makes(sample):
    from pathlib import Path

    from aligngraph.graph import _index_sources, _source_index
    from aligngraph.io.loader import load

    graph = build_graph(load([Path(__file__).parent.parent / "samples" / sample]))
    assert _source_index(graph) == _index_sources(graph)


def test_a_kind_added_to_an_edge_leaves_the_source_index_to_the_pass_over_the_edges():
    from aligngraph.graph import _Builder

    builder = _Builder()
    builder.link("goal:K", "goal:O", ALIGNS_TO)
    builder.link("goal:K", "goal:O", PART_OF)
    assert builder.sources is None
