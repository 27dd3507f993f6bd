from aligngraph.checks import orphan_team
from helpers import run, subjects

TREE = """
teams:
  - {id: company}
  - {id: product, parent: company}
  - {id: web, parent: product}
  - {id: platform, parent: company}
"""


def test_team_whose_goals_serve_only_itself_fires():
    findings = run(orphan_team, TREE + """
objectives:
  - {id: C1, team: company, title: Win the mid-market}
  - {id: P1, team: product, title: Ship the app, aligns_to: C1}
  - {id: W1, team: web, title: Make the site fast, aligns_to: P1}
  - {id: F1, team: platform, title: Refactor the build}
  - {id: F2, team: platform, title: Tidy the scripts, aligns_to: F1}
""")
    assert subjects(findings) == {"platform"}
    assert findings[0].data["reason"] == "internal-only"
    assert set(findings[0].related) == {"F1", "F2"}


def test_alignment_through_the_teams_own_chain_counts():
    findings = run(orphan_team, TREE + """
objectives:
  - {id: C1, team: company, title: Win the mid-market}
  - {id: P1, team: product, title: Ship the app, aligns_to: C1}
  - {id: W1, team: web, title: Speed, aligns_to: P1}
  - {id: F1, team: platform, title: Make onboarding self-serve, aligns_to: C1}
  - {id: F2, team: platform, title: Tidy the scripts, aligns_to: F1}
""")
    assert findings == []


def test_a_key_result_aligned_elsewhere_counts():
    findings = run(orphan_team, TREE + """
objectives:
  - {id: C1, team: company, title: Win the mid-market}
  - {id: P1, team: product, title: Ship the app, aligns_to: C1}
  - {id: W1, team: web, title: Speed, aligns_to: P1}
  - id: F1
    team: platform
    title: Reliable builds
    key_results: [{id: F1.1, title: Build time, aligns_to: C1}]
""")
    assert findings == []


def test_leaf_team_without_objectives_fires_but_a_grouping_does_not():
    findings = run(orphan_team, TREE + """
objectives:
  - {id: C1, team: company, title: Win the mid-market}
  - {id: W1, team: web, title: Speed, aligns_to: C1}
""")
    # product has a sub-team (web) and no objectives: only a grouping.
    assert subjects(findings) == {"platform"}
    assert findings[0].data["reason"] == "no-objectives"


def test_root_team_is_never_an_orphan():
    findings = run(orphan_team, "teams: [{id: solo}]\nobjectives: [{id: S1, team: solo, title: x}]\n")
    assert findings == []


def test_team_without_objectives_whose_people_carry_others_goals_says_so():
    findings = run(orphan_team, TREE + """
people:
  - {id: ana, team: platform}
objectives:
  - {id: C1, team: company, title: Win, key_results: [{id: C1.1, title: Uptime, owner: ana}]}
  - {id: W1, team: web, title: Speed, aligns_to: C1}
""")
    assert subjects(findings) == {"platform"}
    assert findings[0].data["carried_elsewhere"] == ["C1.1"]
    # Delegation to the parent team is working as it should (issue 11): info, no advice.
    assert findings[0].severity == "info"
    assert "carry 1 goal of “company” (C1.1). That is delegation working" in findings[0].message


def test_a_one_person_team_is_never_asked_for_an_objective():
    findings = run(orphan_team, TREE + """
people:
  - {id: ana, team: platform}
objectives:
  - {id: C1, team: company, title: Win}
  - {id: W1, team: web, title: Speed, aligns_to: C1}
""")
    assert subjects(findings) == {"platform"} and findings[0].severity == "warning"
    assert "objective" not in findings[0].message.split("carry no goal")[-1]
    assert "give them a key result of “company”" in findings[0].message


def test_a_copy_of_a_goal_above_asks_for_the_link_naming_both():
    findings = run(orphan_team, TREE + """
objectives:
  - {id: C1, team: company, title: Win the mid-market}
  - {id: W1, team: web, title: Speed, aligns_to: C1}
  - {id: F1, team: platform, title: Win the mid-market!}
""")
    assert findings[0].data == {"reason": "copies", "objectives": ["F1"], "intentional": [],
                                "carried_elsewhere": [], "copies": {"F1": "C1"}}
    assert "F1 copies C1 “Win the mid-market” of “company”" in findings[0].message
