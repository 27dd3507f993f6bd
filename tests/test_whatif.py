"""What-if: dropping teams, goals and people, and re-aligning goals, on a copy."""

import pytest

from aligngraph.errors import AligngraphError
from aligngraph.integrity import find_flaws
from aligngraph.whatif import WhatIfError, drop, realign

from helpers import org_of
from planning_orgs import BASE


@pytest.fixture()
def base():
    return org_of(BASE)


def goals(org) -> set[str]:
    return {o.id for o in org.objectives} | {kr.id for _, kr in org.key_results()}


def goal(org, id_):
    return next(g for g in [*org.objectives, *(kr for _, kr in org.key_results())]
                if g.id == id_)


def parents(org) -> dict:
    return {t.id: t.parent for t in org.teams}


def test_dropping_a_team_drops_its_objectives_and_lifts_its_sub_teams_and_people(base):
    changed = drop(base, ["eng"])
    assert parents(changed) == {"co": None, "web": "co", "app": "co", "ops": "co"}
    assert goals(changed) == {"C1", "C1.1", "W1", "W1.1", "A1", "O1"}
    assert goal(changed, "W1").aligns_to == [] and goal(changed, "A1").aligns_to == []
    assert {p.id: p.team for p in changed.people} == {
        "ceo": "co", "ana": "co", "bo": "web", "cy": "app", "ops": "ops"}
    assert ("team", "eng") not in changed.origins and ("goal", "E1.2") not in changed.origins
    assert find_flaws(changed) == []


def test_dropping_a_root_team_makes_its_sub_teams_roots(base):
    changed = drop(base, ["team:co"])
    assert parents(changed) == {"eng": None, "web": "eng", "app": "eng", "ops": None}
    assert {p.id: p.team for p in changed.people}["ceo"] is None
    assert goal(changed, "E1").aligns_to == [] and goal(changed, "O1").aligns_to == []


def test_dropping_a_team_removes_dependencies_on_it(base):
    changed = drop(base, ["app"])
    assert goal(changed, "W1").depends_on == []
    assert goals(changed) == goals(base) - {"A1"}


def test_dropping_an_objective_drops_its_key_results(base):
    changed = drop(base, ["E1"])
    assert goals(changed) == {"C1", "C1.1", "W1", "W1.1", "A1", "O1"}
    assert parents(changed) == parents(base)
    assert goal(changed, "W1").aligns_to == [] and goal(changed, "A1").aligns_to == []


def test_dropping_a_key_result_drops_only_itself(base):
    changed = drop(base, ["goal:E1.1"])
    assert goals(changed) == goals(base) - {"E1.1"}
    assert [kr.id for kr in goal(changed, "E1").key_results] == ["E1.2"]
    assert goal(changed, "A1").aligns_to == []
    assert goal(changed, "W1").aligns_to == ["E1"]


def test_dropping_a_person_unowns_their_goals_and_drops_their_links(base):
    changed = drop(base, ["cy"])
    assert goal(changed, "A1").owner is None
    assert goal(changed, "E1.2").contributors == ["bo"]
    assert goal(changed, "W1.1").liaison is None
    assert {p.id for p in changed.people} == {"ceo", "ana", "bo", "ops"}
    assert goals(changed) == goals(base)


def test_dropping_a_team_lead_leaves_the_team_without_one(base):
    changed = drop(base, ["ana"])
    assert {t.id: t.lead for t in changed.teams}["eng"] is None
    assert goal(changed, "E1").owner is None and goal(changed, "E1.1").owner is None


def test_the_original_is_left_as_it_was(base):
    snapshot = (parents(base), goals(base), goal(base, "W1").aligns_to,
                goal(base, "E1.2").contributors, [p.id for p in base.people])
    drop(base, ["eng", "cy", "E1"])
    realign(base, {"W1": "C1"})
    assert snapshot == (parents(base), goals(base), goal(base, "W1").aligns_to,
                        goal(base, "E1.2").contributors, [p.id for p in base.people])


def test_an_id_naming_a_team_and_a_person_needs_a_prefix(base):
    with pytest.raises(WhatIfError,
                       match=r"'ops' names more than one thing \(team:ops, person:ops\)"):
        drop(base, ["ops"])
    assert {t.id for t in drop(base, ["team:ops"]).teams} == {"co", "eng", "web", "app"}
    assert {p.id for p in drop(base, ["person:ops"]).people} == {"ceo", "ana", "bo", "cy"}


def test_an_unknown_id_is_a_clear_error(base):
    with pytest.raises(WhatIfError, match="nothing called 'nobody' in the organisation") as err:
        drop(base, ["nobody"])
    assert isinstance(err.value, AligngraphError) and err.value.exit_code == 2


def test_realign_replaces_what_a_goal_aligns_to(base):
    changed = realign(base, {"W1": "C1", "A1": ""})
    assert goal(changed, "W1").aligns_to == ["C1"]
    assert goal(changed, "A1").aligns_to == []
    assert goal(changed, "E1").aligns_to == ["C1.1"]
    assert goal(base, "W1").aligns_to == ["E1"]


def test_realign_of_a_key_result(base):
    changed = realign(base, {"W1.1": "E1.2"})
    assert goal(changed, "W1.1").aligns_to == ["E1.2"]


def test_realign_that_makes_a_cycle_is_refused(base):
    with pytest.raises(WhatIfError, match="re-aligning C1 to W1 would break the organisation: "
                                          "goal C1: aligns_to links form a cycle"):
        realign(base, {"C1": "W1"})


def test_realign_to_a_team_is_refused(base):
    with pytest.raises(WhatIfError, match="cannot align to 'web': it is a team"):
        realign(base, {"W1": "web"})
    with pytest.raises(WhatIfError, match="cannot re-align 'bo': it is a person"):
        realign(base, {"bo": "C1"})


def test_ids_resolve_on_exactly_the_graphs_node_keys(base):
    from pathlib import Path

    from aligngraph.graph import build_graph
    from aligngraph.pipeline import load
    from aligngraph.whatif import _node_kinds

    meridian = load([Path(__file__).parent.parent / "samples" / "meridian.yaml"])
    for org in (base, meridian, org_of(NO_PEOPLE)):
        graph = build_graph(org)
        assert _node_kinds(org) == {key: kind for key, kind in graph.nodes(data="kind")}


NO_PEOPLE = """
teams: [{id: a, lead: lea}, {id: b, parent: a}]
objectives:
  - id: A1
    team: a
    title: Grow revenue
    owner: lea
    key_results: [{id: A1.1, title: Reach 5M ARR, contributors: [kim], liaison: max}]
  - {id: B1, team: b, title: Open Berlin, owner: kim, aligns_to: A1.1}
"""


def test_a_person_made_up_from_references_can_be_dropped():
    org = org_of(NO_PEOPLE)
    changed = drop(org, ["kim", "lea"])
    assert changed.people is None
    assert goal(changed, "B1").owner is None and goal(changed, "A1.1").contributors == []
    assert goal(changed, "A1").owner is None and changed.teams[0].lead is None
    assert goal(changed, "A1.1").liaison == "max"
