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
    assert "its work shows only as 1 goal its people carry" in findings[0].message
