"""Comparing two versions of an organisation: exact sets of every kind of change."""

import pytest

from aligngraph.checks import REGISTRY
from aligngraph.diff import compare, title_similarity
from aligngraph.errors import UsageError
from aligngraph.output.json_format import report_data
from aligngraph.pipeline import analyse
from aligngraph.whatif import drop

from helpers import org_of
from planning_orgs import BASE, NEXT

ONLY_LIAISON = {slug: {"enabled": slug == "missing-liaison"} for slug in REGISTRY}


@pytest.fixture(scope="module")
def changes():
    return compare(org_of(BASE), org_of(NEXT))


def keys(findings) -> set:
    return {(f.check, f.subject) for f in findings}


def test_teams_added_removed_and_moved(changes):
    assert (changes.teams_added, changes.teams_removed, changes.teams_moved) == (
        ("mkt",), ("ops",), ("app",))


def test_goals_of_every_kind_of_change(changes):
    assert changes.goals_added == ("M1",)
    assert changes.goals_removed == ("O1",)
    assert changes.goals_with("retitled") == ("W1",)
    assert changes.goals_with("realigned") == ("A1",)
    assert changes.goals_with("moved") == ("E1.2",)
    # E1.1's target; W1 gains a liaison; A1 gains a dependency.
    assert set(changes.goals_with("edited")) == {"E1.1", "W1", "A1"}
    assert changes.goal_status == {"O1": "removed", "M1": "added", "W1": "changed",
                                   "A1": "changed", "E1.2": "changed", "E1.1": "changed"}


def test_an_unchanged_organisation_has_no_changes():
    same = compare(org_of(BASE), org_of(BASE))
    assert same.goal_status == {} and same.findings_new == () and same.findings_resolved == ()
    assert (same.teams_added, same.teams_removed, same.teams_moved) == ((), (), ())
    assert same.findings_unchanged == len(keys(same.old.findings)) > 0
    assert not any(level.changed for level in same.slack)


def test_findings_new_and_resolved_by_check_and_subject():
    changes = compare(org_of(BASE), org_of(NEXT), settings=ONLY_LIAISON)
    assert keys(changes.findings_new) == {("missing-liaison", "A1")}
    assert keys(changes.findings_resolved) == {("missing-liaison", "W1")}
    assert changes.findings_unchanged == 0
    assert [f.subject for f in changes.failing("error")] == ["A1"]


def test_a_finding_whose_words_change_is_unchanged():
    # W1's title changes, so the missing-liaison message does, but not its check or subject.
    renamed = BASE.replace("Launch the new checkout", "Launch a checkout")
    changes = compare(org_of(BASE), org_of(renamed), settings=ONLY_LIAISON)
    assert (changes.findings_new, changes.findings_resolved) == ((), ())
    assert changes.findings_unchanged == 1


def test_slack_before_and_after(changes):
    by_team = {s.team: (s.before, s.after) for s in changes.slack}
    assert set(by_team) == {"co", "eng"}
    before, after = by_team["eng"]
    assert (before["children"], after["children"]) == (2, 1)
    assert (by_team["co"][0]["children"], by_team["co"][1]["children"]) == (2, 3)


def test_a_level_that_goes_has_no_after():
    changes = compare(org_of(BASE), drop(org_of(BASE), ["eng"]))
    by_team = {s.team: (s.before, s.after) for s in changes.slack}
    assert by_team["eng"][1] is None and by_team["eng"][0]["children"] == 2
    assert by_team["co"][1]["children"] == 3  # W1, A1 and O1


def test_the_json_contract(changes):
    data = changes.data()
    assert set(data) == {"version", "teams", "goals", "findings", "slack", "summary"}
    assert data["teams"] == {"added": ["mkt"], "removed": ["ops"], "moved": ["app"]}
    assert data["goals"]["added"] == ["M1"] and data["goals"]["removed"] == ["O1"]
    assert data["goals"]["pairs"] == []
    assert data["findings"]["unchanged"] == changes.findings_unchanged
    # Finding objects exactly as 'check --format json' prints them.
    printed = {(f["check"], f["subject"]): f for f in report_data(changes.new)["findings"]}
    for finding in data["findings"]["new"]:
        assert finding == printed[(finding["check"], finding["subject"])]
    old_printed = {(f["check"], f["subject"]): f for f in report_data(changes.old)["findings"]}
    for finding in data["findings"]["resolved"]:
        assert finding == old_printed[(finding["check"], finding["subject"])]
    assert data["summary"]["goals"]["changed"] == 4
    assert data["summary"]["teams"] == {"added": 1, "removed": 1, "moved": 1}


def test_removed_goals_for_a_picture(changes):
    assert changes.removed_goals() == [{"id": "O1", "kind": "objective",
                                        "title": "Halve the support backlog", "team": None,
                                        "objective": None}]


def test_reports_given_are_used():
    old, new = org_of(BASE), org_of(NEXT)
    reports = (analyse(old, settings=ONLY_LIAISON), analyse(new, settings=ONLY_LIAISON))
    changes = compare(old, new, reports=reports)
    assert changes.old is reports[0] and keys(changes.findings_new) == {("missing-liaison", "A1")}


def test_bad_options_are_usage_errors():
    with pytest.raises(UsageError, match="unknown match 'name'"):
        compare(org_of(BASE), org_of(BASE), match="name")
    with pytest.raises(UsageError, match="got 1.5"):
        compare(org_of(BASE), org_of(BASE), match="title", threshold=1.5)


# --- cycle over cycle: ids renumbered, titles carried over ------------------------------

LAST_QUARTER = """
cycle: {name: Q1}
teams:
  - {id: sales, name: Sales}
  - {id: web-team, name: Web Team, parent: sales}
objectives:
  - id: O1
    team: sales
    title: Build a strong FY21 pipeline
    key_results:
      - {id: KR1, title: Reach 2x pipeline coverage}
      - {id: KR2, title: Hire five account executives}
  - id: O2
    team: web-team
    title: Relaunch the pricing page
    aligns_to: O1
  - id: O3
    team: sales
    title: Close the Acme renewal
"""

THIS_QUARTER = """
cycle: {name: Q2}
teams:
  - {id: sales, name: Sales}
  - {id: web, name: Web team, parent: sales}
objectives:
  - id: O1
    team: sales
    title: Open the Berlin office
  - id: O2
    team: sales
    title: Build a strong FY22 pipeline.
    key_results:
      - {id: KR1, title: Reach 3x pipeline coverage}
      - {id: KR3, title: Hire five account executives}
  - id: O3
    team: web
    title: Relaunch our pricing page
    aligns_to: O2
"""


def test_title_matching_pairs_renumbered_goals():
    changes = compare(org_of(LAST_QUARTER), org_of(THIS_QUARTER), match="title")
    assert changes.matching.teams == {"sales": "sales", "web-team": "web"}
    assert changes.matching.goals == {"O1": "O2", "KR1": "KR1", "KR2": "KR3", "O2": "O3"}
    assert changes.goals_added == ("O1",)
    assert changes.goals_removed == ("O3",)
    assert changes.goals_with("retitled") == ("O2", "KR1", "O3")
    # O2 → O1 before, O3 → O2 now: the same link, renumbered.
    assert changes.goals_with("realigned") == ()
    assert changes.teams_added == () and changes.teams_removed == ()
    summary = changes.summary()
    assert summary["goals"]["carried_over"] == 4
    assert (summary["goals"]["added"], summary["goals"]["removed"]) == (1, 1)
    pairs = {(p["old"], p["new"]) for p in changes.data()["goals"]["pairs"]}
    assert pairs == {("O1", "O2"), ("KR1", "KR1"), ("KR2", "KR3"), ("O2", "O3")}


def test_matching_by_id_pairs_the_renumbered_goals_wrongly():
    changes = compare(org_of(LAST_QUARTER), org_of(THIS_QUARTER))
    assert set(changes.goals_with("retitled")) == {"O1", "O2", "O3", "KR1"}
    assert changes.teams_added == ("web",) and changes.teams_removed == ("web-team",)


def test_a_higher_threshold_pairs_fewer():
    changes = compare(org_of(LAST_QUARTER), org_of(THIS_QUARTER), match="title",
                      threshold=0.99)
    # "Relaunch the/our pricing page" (0.84) no longer pairs; key results pair at 0.1
    # less, so "Reach 2x/3x pipeline coverage" (0.96) still does.
    assert changes.matching.goals == {"O1": "O2", "KR1": "KR1", "KR2": "KR3"}


def test_title_similarity_leaves_out_dates_and_word_order():
    assert title_similarity("Build strong FY21 pipeline.", "Build strong FY22 pipeline") == 1.0
    assert title_similarity("Q1: hire to plan", "Hire to plan") == 1.0
    assert title_similarity("Pricing page relaunch", "Relaunch the pricing page") >= 0.8
    assert title_similarity("Grow revenue", "Cut churn in half") < 0.5
    assert title_similarity("FY21", "Q2") == 0.0


def test_whatif_base_against_changed():
    base = org_of(BASE)
    changes = compare(base, drop(base, ["eng"]), settings=ONLY_LIAISON)
    assert changes.teams_removed == ("eng",)
    assert set(changes.teams_moved) == {"web", "app"}
    assert set(changes.goals_removed) == {"E1", "E1.1", "E1.2"}
    assert set(changes.goals_with("realigned")) == {"W1", "A1"}
    assert keys(changes.findings_resolved) == set()
    assert keys(changes.findings_new) == set()


def test_teams_pair_by_the_objectives_they_carry_over_before_their_names():
    old = org_of("""
    teams: [{id: co, name: Company}, {id: cpo, name: Chief People Officer, parent: co}]
    objectives:
      - {id: O1, team: cpo, title: Make onboarding a delight for every new hire}
      - {id: O2, team: co, title: Close the Series C round}
    """)
    new = org_of("""
    teams:
      - {id: co, name: Company}
      - {id: people-ops, name: Director of People Operations, parent: co}
      - {id: product, name: Chief Product Officer, parent: co}
      - {id: finance, name: Finance, parent: co}
    objectives:
      - {id: X1, team: people-ops, title: Make onboarding a delight for every new hire!}
      - {id: X2, team: finance, title: Close the Series C round}
      - {id: X3, team: product, title: Ship the new editor}
    """)
    changes = compare(old, new, match="title")
    # Not "Chief Product Officer", whose name is more alike: the objective says who it is.
    assert changes.matching.teams == {"co": "co", "cpo": "people-ops"}
    assert changes.matching.goals == {"O1": "X1", "O2": "X2"}
    # O2 went to another team word for word: carried over, and moved.
    assert changes.goals_with("moved") == ("X2",)
    assert changes.teams_added == ("product", "finance")


def test_an_objective_of_another_team_pairs_only_when_nearly_the_same():
    old = org_of("""
    teams: [{id: a}, {id: b}]
    objectives: [{id: O1, team: a, title: Relaunch the pricing page}]
    """)
    new = org_of("""
    teams: [{id: a}, {id: b}]
    objectives: [{id: O1, team: b, title: Relaunch our pricing page for teams}]
    """)
    assert compare(old, new, match="title").matching.goals == {}
    assert title_similarity("Relaunch the pricing page",
                            "Relaunch our pricing page for teams") >= 0.7


def test_the_text_lists_objectives_carried_over_least_alike_first():
    from aligngraph.changes.formats import format_diff

    changes = compare(org_of(LAST_QUARTER), org_of(THIS_QUARTER), match="title")
    text = format_diff(changes, "text")
    block = text[text.index("Objectives carried over"):text.index("Teams:")]
    assert block.splitlines()[1:] == [
        "  0.84       O2 → O3 (team web): “Relaunch the pricing page” → “Relaunch our pricing "
        "page”",
        "  1.00       O1 → O2 (team sales): “Build a strong FY21 pipeline” → “Build a strong "
        "FY22 pipeline.”",
        "",
    ]
    assert "Objectives carried over" not in format_diff(
        compare(org_of(LAST_QUARTER), org_of(THIS_QUARTER)), "text")
