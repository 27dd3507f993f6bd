"""The OKR hygiene checks, each with cases that must fire and cases that must not."""

from aligngraph.checks import (
    activity_key_result, dangling_liaison, deep_cascade, individual_okr, key_result_count,
    missed_review, overreach, sandbagging, stale_check_in, too_many_objectives,
    top_down_share, trigger_point, unmeasurable_key_result,
)
from helpers import run, subjects

TEAMS = """
cycle: {start: 2026-07-01, end: 2026-09-30, as_of: 2026-09-23}
teams:
  - {id: company, lead: ceo}
  - {id: sales, parent: company, lead: sam}
  - {id: ops, parent: company, lead: olga}
"""


def objectives(*lines: str) -> str:
    return TEAMS + "objectives:\n" + "".join(f"  - {line}\n" for line in lines)


def krs(team: str, *titles_and_fields: str, objective: str = "O1") -> str:
    items = ", ".join(f"{{id: {objective}.{i}, {fields}}}"
                      for i, fields in enumerate(titles_and_fields, 1))
    return f"{{id: {objective}, team: {team}, title: Goal, key_results: [{items}]}}"


# too-many-objectives

def test_team_with_four_objectives_fires_three_does_not():
    four = [f"{{id: S{i}, team: sales, title: g{i}}}" for i in range(4)]
    assert subjects(run(too_many_objectives, objectives(*four))) == {"sales"}
    assert run(too_many_objectives, objectives(*four[:3])) == []


def test_root_team_has_its_own_limit():
    four = [f"{{id: C{i}, team: company, title: g{i}}}" for i in range(4)]
    assert subjects(run(too_many_objectives, objectives(*four))) == {"company"}
    assert run(too_many_objectives, objectives(*four), max_root_objectives=4) == []


# key-result-count

def test_objective_without_key_results_and_with_six_fires():
    six = krs("sales", *[f"title: k{i}, target: 1" for i in range(6)], objective="S2")
    findings = run(key_result_count, objectives("{id: S1, team: sales, title: Empty}", six))
    assert subjects(findings) == {"S1", "S2"}


def test_objective_with_three_key_results_passes():
    three = krs("sales", *[f"title: k{i}" for i in range(3)])
    assert run(key_result_count, objectives(three)) == []


# unmeasurable-key-result

def test_key_result_without_target_fires_with_target_does_not():
    text = objectives(krs("sales", "title: Improve satisfaction",
                          "title: Raise CSAT from 4.1 to 4.6, target: 4.6",
                          "title: Reach 40 new logos"))
    findings = {f.subject: f for f in run(unmeasurable_key_result, text)}
    assert set(findings) == {"O1.1", "O1.3"}
    assert findings["O1.1"].severity == "warning"
    assert findings["O1.3"].severity == "info"  # the number is in the title only


# activity-key-result

def test_tasks_fire_and_measures_do_not():
    text = objectives(krs(
        "sales", "title: Launch the new pricing page", "title: Call the top 10 accounts",
        "title: Raise win rate from 18% to 26%", "title: Renew at least 8 of the top 10 accounts",
        "title: Launch in 3 markets with 40% activation", "title: Net revenue retention above 110"))
    assert subjects(run(activity_key_result, text)) == {"O1.1", "O1.2"}


def test_extra_verbs_extend_the_list():
    text = objectives(krs("sales", "title: Coach the new sellers"))
    assert run(activity_key_result, text) == []
    assert subjects(run(activity_key_result, text, verbs="coach")) == {"O1.1"}


# stale-check-in

def test_stale_and_never_checked_in_are_summarised_per_team():
    text = objectives(krs(
        "sales", "title: a, check_ins: [{date: 2026-08-01}]",
        "title: b, check_ins: [{date: 2026-09-20}]", "title: c"),
        krs("ops", "title: d, check_ins: [{date: 2026-09-16}]", objective="P1"))
    findings = run(stale_check_in, text)
    assert subjects(findings) == {"sales"}
    assert findings[0].data == {"stale": {"O1.1": "2026-08-01"}, "never": ["O1.3"]}


def test_no_check_ins_anywhere_is_one_info_finding():
    findings = run(stale_check_in, objectives(krs("sales", "title: a")))
    assert [(f.subject, f.severity) for f in findings] == [("company", "info")]


def test_early_in_the_cycle_missing_check_ins_are_not_stale():
    text = objectives(krs("sales", "title: a", "title: b, check_ins: [{date: 2026-07-05}]"))
    text = text.replace("as_of: 2026-09-23", "as_of: 2026-07-10")
    assert run(stale_check_in, text) == []


def test_old_cycle_is_judged_at_its_end_not_today():
    text = objectives(krs("sales", "title: a, check_ins: [{date: 2026-09-25}]"))
    text = text.replace("as_of: 2026-09-23", "as_of: 2030-01-01")
    assert run(stale_check_in, text) == []


# missed-review

def test_team_without_check_in_around_mid_cycle_fires():
    text = objectives(
        krs("sales", "title: a, check_ins: [{date: 2026-07-15}, {date: 2026-09-16}]"),
        krs("ops", "title: b, check_ins: [{date: 2026-08-12}]", objective="P1"))
    assert subjects(run(missed_review, text)) == {"sales"}


def test_review_is_not_judged_before_the_window_ends():
    text = objectives(krs("sales", "title: a, check_ins: [{date: 2026-07-15}]"))
    assert run(missed_review, text.replace("as_of: 2026-09-23", "as_of: 2026-08-10")) == []


# sandbagging and overreach

def scored(*scores: float) -> str:
    return objectives(krs("sales", *[f"title: k{i}, score: {s}" for i, s in enumerate(scores)]))


def test_all_ones_at_the_end_of_the_cycle_is_sandbagging():
    assert subjects(run(sandbagging, scored(1.0, 1.0))) == {"sales"}
    assert subjects(run(sandbagging, scored(0.9, 1.0, 1.0))) == {"sales"}  # average 0.967
    assert run(sandbagging, scored(0.7, 0.8)) == []


def test_scores_are_not_judged_mid_cycle():
    text = scored(1.0, 1.0).replace("as_of: 2026-09-23", "as_of: 2026-08-01")
    assert run(sandbagging, text) == []


def test_one_scored_key_result_is_too_few_to_judge():
    assert run(sandbagging, scored(1.0)) == []


def test_low_average_is_overreach():
    assert subjects(run(overreach, scored(0.1, 0.3))) == {"sales"}
    assert run(overreach, scored(0.3, 0.4)) == []


# trigger-point

def test_far_past_target_fires_both_directions():
    text = objectives(krs(
        "sales", "title: up, baseline: 10, target: 20, current: 23",
        "title: down, baseline: 6, target: 4, current: 3.5",
        "title: near, baseline: 6, target: 4, current: 3.7",
        "title: no baseline, target: 4, current: 100"))
    findings = {f.subject: f for f in run(trigger_point, text)}
    assert set(findings) == {"O1.1", "O1.2"}
    assert findings["O1.2"].data["progress"] == 1.25
    assert "rethink" in findings["O1.1"].message


# top-down-share

def test_mostly_top_down_team_fires():
    text = objectives("{id: S1, team: sales, title: a, origin: top-down}",
                      "{id: S2, team: sales, title: b, origin: top-down}",
                      "{id: S3, team: sales, title: c, origin: team}",
                      "{id: P1, team: ops, title: d, origin: top-down}",
                      "{id: P2, team: ops, title: e}")
    assert subjects(run(top_down_share, text)) == {"sales"}


# deep-cascade

def test_chain_deeper_than_four_fires_on_the_first_objective_past_it():
    chain = ["{id: L1, team: company, title: one}"] + [
        f"{{id: L{i}, team: sales, title: level {i}, aligns_to: L{i - 1}}}" for i in range(2, 7)]
    findings = run(deep_cascade, objectives(*chain))
    assert subjects(findings) == {"L5"}
    assert findings[0].data["chain"] == ["L5", "L4", "L3", "L2", "L1"]
    assert run(deep_cascade, objectives(*chain[:4])) == []


def test_aligning_to_a_key_result_counts_one_level():
    text = objectives(krs("company", "title: k"), "{id: S1, team: sales, title: s, aligns_to: O1.1}")
    assert run(deep_cascade, text, max_depth=1)[0].data["chain"] == ["S1", "O1"]


# individual-okr

def test_one_person_team_objective_is_info():
    text = objectives("{id: S1, team: sales, title: Plan}", "{id: P1, team: ops, title: Run}")
    text = text.replace("objectives:", "people:\n  - {id: sam, team: sales}\n"
                        "  - {id: olga, team: ops}\n  - {id: oz, team: ops}\n"
                        "  - {id: ceo, team: company}\nobjectives:")
    findings = run(individual_okr, text)
    assert [(f.subject, f.severity) for f in findings] == [("S1", "info")]


# dangling-liaison

def test_liaison_from_an_unrelated_team_is_info():
    text = TEAMS + """
  - {id: hr, parent: company}
  - {id: field, parent: ops}
people:
  - {id: ceo, team: company}
  - {id: sam, team: sales}
  - {id: olga, team: ops}
  - {id: hana, team: hr}
  - {id: fred, team: field}
objectives:
  - {id: S1, team: sales, title: a, depends_on: ops, liaison: hana}
  - {id: S2, team: sales, title: b, depends_on: ops, liaison: olga}
  - {id: S3, team: sales, title: c, depends_on: ops, liaison: fred}
  - {id: S4, team: sales, title: d, depends_on: ops, liaison: ceo}
"""
    findings = run(dangling_liaison, text)
    assert subjects(findings) == {"S1"}
    assert findings[0].data["involved"] == ["ops", "sales"]


def test_individual_okr_needs_recorded_membership():
    # Only leads are listed: membership is unknown, so nothing is reported.
    text = objectives("{id: S1, team: sales, title: Plan}").replace(
        "objectives:", "people:\n  - {id: sam, team: sales}\n  - {id: olga, team: ops}\n"
        "  - {id: ceo, team: company}\nobjectives:")
    assert run(individual_okr, text) == []


def test_numbers_only_in_titles_everywhere_fold_into_one_finding():
    text = objectives(krs("sales", "title: Reach 40 logos", "title: Cut churn to 4%",
                          "title: Improve satisfaction"))
    findings = run(unmeasurable_key_result, text)
    assert [(f.subject, f.severity) for f in findings] == [("O1.3", "warning"), ("company", "info")]
    assert findings[1].data["key_results"] == ["O1.1", "O1.2"]


def test_objective_measured_only_by_aligned_goals_says_so():
    text = objectives("{id: S1, team: sales, title: Grow}",
                      "{id: P1, team: ops, title: Help, aligns_to: S1, key_results: [{id: P1.1, title: k}]}")
    (finding,) = run(key_result_count, text)
    assert finding.subject == "S1" and "only through the 1 goal aligned to it" in finding.message
