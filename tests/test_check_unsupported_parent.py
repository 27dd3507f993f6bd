from aligngraph.checks import unsupported_parent
from helpers import run, subjects

ORG = """
teams:
  - {id: company}
  - {id: sales, parent: company}
objectives:
  - id: C1
    team: company
    title: Enter Germany
    key_results: [{id: C1.1, title: German logos, target: 10}, {id: C1.2, title: Revenue}]
  - id: C2
    team: company
    title: Be carbon neutral
    key_results: [{id: C2.1, title: CO2, target: 0}]
  - {id: S1, team: sales, title: Sign German logos, aligns_to: C1.1}
"""


def test_parent_objective_nothing_supports_fires_as_warning():
    findings = [f for f in run(unsupported_parent, ORG) if f.severity == "warning"]
    assert subjects(findings) == {"C2"}
    assert "deliberate" in findings[0].message
    assert findings[0].data["team"] == "company"


def test_unsupported_key_result_of_supported_parent_is_info():
    findings = [f for f in run(unsupported_parent, ORG, key_results=True)
                if f.severity == "info"]
    assert subjects(findings) == {"C1.2"}
    assert findings[0].subject_kind == "key_result"


def test_key_result_reports_are_off_by_default():
    # A coach does not raise a key result whose objective is supported (issue 11).
    assert subjects(run(unsupported_parent, ORG)) == {"C2"}
    assert subjects(run(unsupported_parent, ORG, key_results=False)) == {"C2"}


def test_objectives_of_leaf_teams_are_not_parents():
    text = ORG.replace("  - {id: S1,", "  - {id: S2, team: sales, title: Nobody helps}\n  - {id: S1,")
    assert "S2" not in subjects(run(unsupported_parent, text))


def test_support_through_the_objective_itself_counts():
    text = ORG.replace("aligns_to: C1.1}", "aligns_to: C1.1}\n  - {id: S3, team: sales, title: Go green, aligns_to: C2}")
    assert subjects(run(unsupported_parent, text, key_results=False)) == set()
