from aligngraph.checks import missing_liaison
from helpers import run, subjects

TEAMS = """
teams:
  - {id: company}
  - {id: mobile, parent: company}
  - {id: ios, parent: mobile}
  - {id: platform, parent: company}
people:
  - {id: ana, team: platform}
  - {id: ben, team: ios}
  - {id: rui, team: mobile}
"""


def test_depends_on_another_team_without_liaison_fires():
    findings = run(missing_liaison, TEAMS + """
objectives:
  - {id: M1, team: mobile, title: Offline mode, depends_on: [platform]}
""")
    assert subjects(findings) == {"M1"}
    assert findings[0].data["other_teams"] == ["platform"]


def test_a_named_liaison_silences_it():
    findings = run(missing_liaison, TEAMS + """
objectives:
  - {id: M1, team: mobile, title: Offline mode, depends_on: [platform], liaison: rui}
""")
    assert findings == []


def test_depending_on_the_own_team_is_not_cross_team():
    assert run(missing_liaison, TEAMS + """
objectives:
  - {id: M1, team: mobile, title: Offline mode, depends_on: [mobile]}
""") == []


def test_outside_contributor_makes_the_key_result_cross_team():
    findings = run(missing_liaison, TEAMS + """
objectives:
  - id: M1
    team: mobile
    title: Offline mode
    key_results:
      - {id: M1.1, title: Sync conflicts, contributors: [ana]}
      - {id: M1.2, title: App size, contributors: [ben]}
""")
    # ana is from platform: cross-team. ben is from ios, a sub-team of mobile: not.
    assert subjects(findings) == {"M1.1"}
    assert findings[0].subject_kind == "key_result"


def test_liaison_on_the_objective_covers_its_key_results():
    assert run(missing_liaison, TEAMS + """
objectives:
  - id: M1
    team: mobile
    title: Offline mode
    liaison: rui
    key_results: [{id: M1.1, title: Sync conflicts, contributors: [ana], depends_on: platform}]
""") == []


def test_key_result_with_its_own_liaison_is_covered():
    findings = run(missing_liaison, TEAMS + """
objectives:
  - id: M1
    team: mobile
    title: Offline mode
    key_results:
      - {id: M1.1, title: Sync conflicts, depends_on: platform, liaison: ana}
      - {id: M1.2, title: Sync speed, depends_on: platform}
""")
    assert subjects(findings) == {"M1.2"}
