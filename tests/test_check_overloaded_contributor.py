from aligngraph.checks import overloaded_contributor
from helpers import run, subjects

TEAMS = """
teams:
  - {id: company}
  - {id: a, parent: company}
  - {id: b, parent: company}
  - {id: c, parent: company}
  - {id: d, parent: company}
"""


def objectives(owner_of: dict) -> str:
    lines = ["objectives:"]
    for index, (team, owner) in enumerate(owner_of.items(), 1):
        lines.append(f"  - {{id: O{index}, team: {team}, owner: {owner}, title: Goal {index}}}")
    return "\n".join(lines) + "\n"


def test_owner_of_four_objectives_in_four_teams_fires():
    findings = run(overloaded_contributor, TEAMS + objectives(
        {"a": "ana", "b": "ana", "c": "ana", "d": "ana", "company": "ben"}))
    assert subjects(findings) == {"ana"}
    assert findings[0].data["objectives"] == ["O1", "O2", "O3", "O4"]
    assert findings[0].data["teams"] == ["a", "b", "c", "d"]
    assert "4 objectives (more than 3), 4 teams (more than 3)" in findings[0].message


def test_three_objectives_is_within_the_default():
    findings = run(overloaded_contributor, TEAMS + objectives(
        {"a": "ana", "b": "ana", "c": "ana", "d": "ben"}))
    assert findings == []


def test_key_result_contributions_count_towards_objectives_and_key_results():
    krs = ", ".join(f"{{id: K{i}, title: k{i}, contributors: [ana]}}" for i in range(6))
    findings = run(overloaded_contributor, TEAMS + f"""
objectives:
  - {{id: O1, team: a, owner: ben, title: One, key_results: [{krs}]}}
""")
    assert subjects(findings) == {"ana"}
    assert "6 key results (more than 5)" in findings[0].message


def test_thresholds_are_options():
    text = TEAMS + objectives({"a": "ana", "b": "ana"})
    assert run(overloaded_contributor, text, max_objectives=1, max_teams=1)
    assert not run(overloaded_contributor, text)


def test_being_a_liaison_does_not_count():
    text = TEAMS + "objectives:\n" + "".join(
        f"  - {{id: O{i}, team: a, title: g{i}, liaison: ana}}\n" for i in range(5))
    assert run(overloaded_contributor, text) == []
