"""Alignment rules with no holes: for each, a file that must fail, located and saying
why, and a control that differs by the one link and must load."""

import pytest

from aligngraph import InputError
from helpers import org_of

BASE = """
teams:
  - {id: company}
  - {id: sales, parent: company}
objectives:
  - id: C1
    team: company
    title: Win the mid-market
    key_results:
      - {id: C1.1, title: New accounts, target: 40}
      - {id: C1.2, title: Renewals, target: 90}
  - id: S1
    team: sales
    title: Land logos
    key_results:
      - {id: S1.1, title: Logos signed, target: 12}
"""


def problems_of(text: str) -> list:
    with pytest.raises(InputError) as info:
        org_of(text)
    return info.value.problems


def only(problems):
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def with_kr_field(field: str, value: str, kr: str = "C1.2") -> str:
    """BASE with one field added to a key result's flow mapping."""
    return BASE.replace(f"{{id: {kr}, ", f"{{id: {kr}, {field}: {value}, ")


def test_key_result_aligned_to_its_own_objective_is_an_error_at_its_line():
    problem = only(problems_of(with_kr_field("aligns_to", "C1")))
    assert problem.path == "objectives[0].key_results[1].aligns_to[0]" and problem.line == 11
    assert "key result 'C1.2' aligns to its own objective 'C1'" in problem.message
    assert "already measures its objective" in problem.message


def test_key_result_aligned_to_another_objective_loads():
    org = org_of(with_kr_field("aligns_to", "S1"))
    assert org.objectives[0].key_results[1].aligns_to == ["S1"]


def test_key_result_aligned_to_a_sibling_key_result_is_an_error_at_its_line():
    problem = only(problems_of(with_kr_field("aligns_to", "C1.1")))
    assert problem.path == "objectives[0].key_results[1].aligns_to[0]" and problem.line == 11
    assert "aligns to 'C1.1', a key result of its own objective 'C1'" in problem.message


def test_key_result_aligned_to_a_key_result_of_another_objective_loads():
    org = org_of(with_kr_field("aligns_to", "S1.1"))
    assert org.objectives[0].key_results[1].aligns_to == ["S1.1"]


def test_key_result_aligned_to_itself_is_a_cycle():
    problem = only(problems_of(with_kr_field("aligns_to", "C1.2")))
    assert "cycle" in problem.message and problem.line == 11


def test_objective_aligned_to_its_own_key_result_is_an_error():
    text = BASE.replace("title: Land logos", "title: Land logos\n    aligns_to: S1.1")
    problem = only(problems_of(text))
    assert "objective 'S1' aligns to its own key result 'S1.1'" in problem.message
    assert problem.path == "objectives[1].aligns_to" and problem.line == 15


def test_objective_aligned_to_a_key_result_of_another_objective_loads():
    text = BASE.replace("title: Land logos", "title: Land logos\n    aligns_to: C1.1")
    assert org_of(text).objectives[1].aligns_to == ["C1.1"]


def test_team_that_is_its_own_parent_is_an_error():
    problem = only(problems_of(BASE.replace("{id: sales, parent: company}",
                                            "{id: sales, parent: sales}")))
    assert "team 'sales' names itself as its parent" in problem.message
    assert problem.path == "teams[1].parent" and problem.line == 4


def test_team_with_another_parent_loads():
    assert org_of(BASE).teams[1].parent == "company"


def _missing_liaisons(text: str) -> set[str]:
    from aligngraph.checks import missing_liaison
    from helpers import run, subjects

    return subjects(run(missing_liaison, text))


def test_depending_on_the_own_team_loads_and_is_not_cross_team():
    """The documented meaning (docs/format.md): it loads, and needs no liaison."""
    text = BASE.replace("title: Land logos", "title: Land logos\n    depends_on: sales")
    assert org_of(text).objectives[1].depends_on == ["sales"]
    assert "S1" not in _missing_liaisons(text)


def test_depending_on_another_team_is_cross_team_and_wants_a_liaison():
    text = BASE.replace("title: Land logos", "title: Land logos\n    depends_on: company")
    assert "S1" in _missing_liaisons(text)


def test_depending_on_an_unknown_team_is_an_error():
    problem = only(problems_of(with_kr_field("depends_on", "nowhere")))
    assert "unknown team 'nowhere'" in problem.message and problem.line == 11


def test_liaison_naming_a_team_when_people_are_made_up_is_an_error():
    text = BASE.replace("title: Land logos", "title: Land logos\n    liaison: company")
    problem = only(problems_of(text))
    assert "liaison 'company' names a team; a liaison is a person" in problem.message
    assert problem.path == "objectives[1].liaison" and problem.line == 15


def test_liaison_naming_someone_loads_as_a_made_up_person():
    org = org_of(BASE.replace("title: Land logos", "title: Land logos\n    liaison: ana"))
    assert org.people is None and org.objectives[1].liaison == "ana"


def test_liaison_who_is_not_a_listed_person_is_an_error():
    text = "people: [{id: ana}]\n" + BASE.replace("title: Land logos",
                                                 "title: Land logos\n    liaison: company")
    problem = only(problems_of(text))
    assert "unknown person 'company'" in problem.message and problem.line == 16


def test_liaison_sharing_a_team_id_loads_when_listed_as_a_person():
    text = "people: [{id: company}]\n" + BASE.replace("title: Land logos",
                                                     "title: Land logos\n    liaison: company")
    assert org_of(text).objectives[1].liaison == "company"


@pytest.mark.parametrize("field, values", [
    ("aligns_to", "[S1, S1]"), ("depends_on", "[sales, sales]"), ("contributors", "[ana, ana]"),
])
def test_an_id_listed_twice_in_one_list_is_an_error(field, values):
    problem = only(problems_of(with_kr_field(field, values)))
    assert f"is listed twice in {field} (first as {field}[0])" in problem.message
    assert problem.path == f"objectives[0].key_results[1].{field}[1]" and problem.line == 11


@pytest.mark.parametrize("field, values", [
    ("aligns_to", "[S1, S1.1]"), ("depends_on", "[sales]"), ("contributors", "[ana, leo]"),
])
def test_distinct_ids_in_one_list_load(field, values):
    org = org_of(with_kr_field(field, values))
    assert len(getattr(org.objectives[0].key_results[1], field)) == len(values.split(","))


def test_the_same_team_twice_in_one_list_is_an_error():
    problem = only(problems_of(BASE.replace("  - {id: sales, parent: company}",
                                            "  - {id: sales, parent: company}\n  - {id: sales}")))
    assert "duplicate team id 'sales'" in problem.message and problem.line == 5


def test_the_same_key_result_id_twice_in_one_objective_is_an_error():
    problem = only(problems_of(BASE.replace("{id: C1.2,", "{id: C1.1,")))
    assert "duplicate objective or key result id 'C1.1'" in problem.message
    assert problem.line == 11
