"""The report leads with what to fix first: ranking, grouping, folding, the team
scorecard, natural order of ids and the judging date of a finished cycle.

Findings are planted with a runner, so that these tests pin the report, not the checks.
"""

from __future__ import annotations

import datetime as dt
import json

from aligngraph.checks import REGISTRY, Finding
from aligngraph.output import report_json, report_markdown, report_text
from aligngraph.pipeline import analyse
from aligngraph.ranking import FIX_FIRST, goals_touched, natural_key, rank_order, score
from aligngraph.report import sort_findings

from helpers import graph_of, org_of

ORG = """
cycle: {name: 2026-Q3, start: 2026-07-01, end: 2026-09-30, as_of: 2026-08-01}
teams:
  - {id: co, name: Company}
  - {id: eng, name: Engineering, parent: co}
  - {id: ops, name: Ops, parent: co}
people:
  - {id: ana, team: eng}
  - {id: bo}
objectives:
  - id: O1
    team: co
    title: Win the mid-market
    owner: ana
    key_results:
      - {id: O1.1, title: Grow ARR to 5M, target: 5, owner: ana}
      - {id: O1.2, title: Keep churn under 2%, target: 2, owner: ana}
      - {id: O1.3, title: Sign 40 partners, target: 40, owner: ana}
  - id: E1
    team: eng
    title: Make onboarding self-serve
    owner: ana
    aligns_to: [O1]
    key_results:
      - {id: KR2, title: Define the process, owner: ana}
      - {id: KR10, title: Create the dashboard, owner: ana}
      - {id: KR100, title: Implement the tool, owner: ana}
      - {id: KR3, title: Cut setup time to 5 minutes, target: 5, owner: ana}
      - {id: KR4, title: Reach 90% self-serve sign-ups, target: 90, owner: ana}
  - id: S1
    team: ops
    title: Tidy the runbooks
    key_results:
      - {id: S1.1, title: Rewrite 10 runbooks, target: 10}
"""


def planted(*findings: Finding):
    """A runner that reports exactly ``findings``, each stamped with its check's code."""
    by_check: dict[str, list[Finding]] = {}
    for finding in findings:
        stamped = Finding(finding.subject, finding.subject_kind, finding.message,
                          finding.related, finding.data,
                          finding.severity or REGISTRY[finding.check].severity,
                          finding.check, REGISTRY[finding.check].code)
        by_check.setdefault(finding.check, []).append(stamped)
    return lambda graph, slug, options: by_check.get(slug, [])


def found(check: str, subject: str, kind: str, severity: str = "warning",
          related: tuple[str, ...] = (), message: str = "") -> Finding:
    return Finding(subject, kind, message or f"{check} on {subject}", related,
                   severity=severity, check=check)


def report_of(*findings: Finding, text: str = ORG):
    return analyse(org_of(text), runner=planted(*findings))


# --- ranking ------------------------------------------------------------------------


LIAISON = found("missing-liaison", "KR3", "key_result", "error")
ORPHAN = found("orphan-team", "ops", "team")
TOO_MANY = found("too-many-objectives", "eng", "team")
TASK_KR10 = found("activity-key-result", "KR10", "key_result")
TASK_KR2 = found("activity-key-result", "KR2", "key_result")
LOAD = found("overloaded-contributor", "ana", "person", "info",
             related=("O1", "E1", "O1.1", "O1.2"))


def test_score_is_severity_then_family_then_goals_touched():
    graph = graph_of(ORG)
    stamped = report_of(LIAISON, ORPHAN, TOO_MANY, TASK_KR10, LOAD).findings
    scores = {f.check: score(graph, f) for f in stamped}
    assert scores == {"missing-liaison": 300 + 30 + 1,      # error, alignment, one KR
                      "orphan-team": 200 + 30 + 1,          # its one objective
                      "too-many-objectives": 200 + 20 + 1,  # hygiene
                      "activity-key-result": 200 + 10 + 1,  # wording
                      "overloaded-contributor": 100 + 30 + 4}  # info, four related goals


def test_goals_touched_counts_an_objectives_key_results_and_is_capped_in_the_score():
    graph = graph_of(ORG)
    on_e1 = found("unsupported-parent", "E1", "objective")
    assert goals_touched(graph, on_e1) == 6  # E1 and its five key results
    wide = found("unsupported-parent", "O1", "objective",
                 related=("E1", "KR2", "KR10", "KR100", "KR3", "KR4", "S1"))
    assert goals_touched(graph, wide) == 11
    assert score(graph, Finding(**{**wide.__dict__, "severity": "warning"})) == 200 + 30 + 9


def test_rank_order_on_a_small_organisation():
    report = report_of(TASK_KR10, LOAD, TOO_MANY, LIAISON, TASK_KR2, ORPHAN)
    ranked = [(f.check, f.subject) for f in report.ranked]
    assert ranked == [("missing-liaison", "KR3"), ("orphan-team", "ops"),
                      ("too-many-objectives", "eng"), ("activity-key-result", "KR2"),
                      ("activity-key-result", "KR10"), ("overloaded-contributor", "ana")]
    assert [report.ranks[report.findings.index(f)] for f in report.ranked] == [1, 2, 3, 4, 5, 6]


def test_one_check_takes_at_most_two_places_while_others_wait():
    gaps = [found("unsupported-parent", "O1", "objective", related=("E1", "S1", "KR2")),
            found("unsupported-parent", "E1", "objective"),
            found("unsupported-parent", "S1", "objective")]
    others = [found("key-result-count", "E1", "objective"), found("key-result-count", "S1", "objective"),
              found("too-many-objectives", "ops", "team"), found("too-many-objectives", "eng", "team"),
              found("activity-key-result", "KR10", "key_result"),
              found("activity-key-result", "KR2", "key_result"),
              found("unmeasurable-key-result", "KR4", "key_result"),
              found("unmeasurable-key-result", "KR3", "key_result")]
    report = report_of(*gaps, *others)
    assert [report.score(f) for f in report.ranked][:3] == [237, 236, 226]
    assert [(f.code, f.subject) for f in report.ranked] == [
        ("AG103", "O1"), ("AG103", "E1"), ("AG202", "E1"), ("AG202", "S1"), ("AG201", "eng"),
        ("AG201", "ops"), ("AG203", "KR3"), ("AG203", "KR4"), ("AG204", "KR2"),
        ("AG204", "KR10"),
        ("AG103", "S1")]  # scores 232, yet waits: two gaps are already in the list
    assert len(report.fix_first) == FIX_FIRST and report.ranked[10] not in report.fix_first


def test_fix_first_is_filled_from_one_check_when_no_other_fires():
    graph = graph_of(ORG)
    ids = ["O1.1", "O1.2", "O1.3", "KR2", "KR10", "KR100", "KR3", "KR4", "S1.1"]
    tasks = [Finding(i, "key_result", "x", severity="warning", check="activity-key-result",
                     code="AG204") for i in ids]
    order = rank_order(graph, tasks)
    assert len(order) == len(ids)
    assert [tasks[i].subject for i in order][:4] == ["KR2", "KR3", "KR4", "KR10"]
    assert len(report_of(*tasks).fix_first) == min(FIX_FIRST, len(ids))


# --- natural order ------------------------------------------------------------------


def test_ids_sort_naturally():
    assert sorted(["KR100", "KR10", "KR2", "kr1"], key=natural_key) == ["kr1", "KR2", "KR10",
                                                                          "KR100"]
    order = {slug: i for i, slug in enumerate(REGISTRY)}
    findings = [Finding(s, "key_result", "x", severity="warning", check="activity-key-result")
                for s in ("KR100", "KR10", "KR2")]
    assert [f.subject for f in sort_findings(findings, order)] == ["KR2", "KR10", "KR100"]


def test_folded_line_lists_key_results_in_natural_order():
    text = report_text(report_of(*(found("activity-key-result", kr, "key_result")
                                   for kr in ("KR100", "KR10", "KR2"))))
    assert "AG204 E1: 3 of 5 key results are tasks, not measures: KR2, KR10, KR100" in text


# --- grouping and folding -----------------------------------------------------------


def test_text_groups_by_team_then_objective_and_folds_wording_on_key_results():
    report = report_of(TASK_KR2, TASK_KR10, ORPHAN, found("unsupported-parent", "E1", "objective"),
                       found("trigger-point", "KR3", "key_result", "info", message="KR3 stalls"))
    text = report_text(report)
    detail = text[text.index("Findings by team, then objective:"):]
    assert detail.index("Engineering (eng): 4 findings") < detail.index("Ops (ops): 1 finding")
    engineering = detail[detail.index("Engineering (eng)"):detail.index("Ops (ops)")]
    assert "  E1 “Make onboarding self-serve”" in engineering
    assert "    warning  AG204 E1: 2 of 5 key results are tasks, not measures: KR2, KR10" in engineering
    assert "    info     AG209 KR3: KR3 stalls" in engineering
    assert "activity-key-result on KR2" not in detail  # folded, not one line each
    assert engineering.index("AG103 E1") < engineering.index("KR3 stalls") < engineering.index(
        "AG204 E1")


def test_one_wording_finding_folds_to_one_line_too():
    text = report_text(report_of(TASK_KR2))
    assert "AG204 E1: 1 of 5 key results is a task, not a measure: KR2" in text
    text = report_text(report_of(found("unmeasurable-key-result", "S1.1", "key_result")))
    assert "AG203 S1: 1 of 1 key result has no numeric target: S1.1" in text


def test_group_by_check_keeps_sections_per_check_and_names_objective_and_team():
    report = report_of(TASK_KR2, TASK_KR10, LIAISON, ORPHAN)
    text = report_text(report, group_by="check")
    assert "Findings by team" not in text
    assert "AG204 activity-key-result: Key result that is an activity (2)" in text
    assert "  warning  E1 (team eng): 2 of 5 key results are tasks, not measures: KR2, KR10" in text
    assert "  error    KR3 (E1, team eng): missing-liaison on KR3" in text
    assert "  warning  team ops: orphan-team on ops" in text
    assert "Engineering (eng): " in report_text(report, group_by="team")


def test_fix_first_names_a_key_results_objective_and_team_and_comes_before_slack():
    text = report_text(report_of(TASK_KR2, LIAISON))
    assert "  1. error    AG106 KR3 (E1, team eng): missing-liaison on KR3" in text
    assert "  2. warning  AG204 KR2 (E1, team eng): activity-key-result on KR2" in text
    assert text.index("Fix first") < text.index("Alignment slack by level") < text.index(
        "Team basics") < text.index("Findings by team")


def test_markdown_leads_with_fix_first_and_groups_both_ways():
    report = report_of(TASK_KR2, TASK_KR10, LIAISON)
    by_team = report_markdown(report)
    assert by_team.index("## Fix first") < by_team.index("## Alignment slack by level") \
        < by_team.index("## Team basics") < by_team.index("## Findings by team")
    assert "1. **error** AG106 `missing-liaison`, KR3 (E1, team eng): " in by_team
    assert "### Engineering (`eng`)" in by_team
    assert "| warning | `E1` | AG204 `activity-key-result` | 2 of 5 key results are tasks, not " \
           "measures: KR2, KR10 |" in by_team
    by_check = report_markdown(report, group_by="check")
    assert "## Findings by team" not in by_check
    assert "| warning | `E1 (team eng)` | 2 of 5 key results are tasks, not measures: KR2, KR10 |" \
        in by_check


def test_hidden_findings_are_counted_not_listed():
    report = report_of(LIAISON, LOAD).at_least("warning")
    assert [f.check for f in report.findings] == ["missing-liaison"]
    text = report_text(report)
    assert "1 less severe finding not shown" in text and "overloaded" not in text
    assert json.loads(report_json(report))["summary"]["hidden"] == 1


# --- JSON ---------------------------------------------------------------------------


def test_json_adds_team_rank_fix_first_and_team_summaries():
    data = json.loads(report_json(report_of(TASK_KR2, LIAISON, ORPHAN, LOAD,
                                            found("overloaded-contributor", "bo", "person"))))
    assert {(f["subject"], f["team"], f["rank"]) for f in data["findings"]} == {
        ("KR2", "eng", 4), ("KR3", "eng", 1), ("ops", "ops", 2), ("ana", "eng", 5),
        ("bo", None, 3)}  # bo has no team and touches no goal: 230, below ops's 231
    first = data["fix_first"][0]
    assert first == {"rank": 1, "finding": next(i for i, f in enumerate(data["findings"])
                                                if f["subject"] == "KR3"),
                     "check": "missing-liaison", "code": "AG106", "severity": "error",
                     "subject": "KR3", "subject_kind": "key_result", "team": "eng",
                     "goals_touched": 1, "score": 331}
    assert [r["rank"] for r in data["fix_first"]] == [1, 2, 3, 4, 5]
    teams = {t["team"]: t for t in data["teams"]}
    assert list(teams) == ["co", "eng", "ops"]
    assert teams["eng"]["findings"] == 3 and teams["eng"]["best_rank"] == 1
    assert teams["eng"]["by_family"] == {"wording": 1, "alignment": 2}
    assert teams["eng"]["scorecard"]["objectives"] == {"pass": True, "count": 1, "of": None,
                                                       "detail": "1"}
    assert data["summary"]["teams_scored"] == 3


# --- the team scorecard -------------------------------------------------------------


def _scores(report):
    return {s.team: {c.name: c.cell for c in s.criteria} for s in report.scorecard}


def test_scorecard_passes_and_fails_each_basic_with_its_numbers():
    scores = _scores(report_of(TASK_KR2, TASK_KR10))
    assert scores["co"] == {"objectives": "pass 1", "measurable_key_results": "pass 1 of 1",
                            "owned": "pass 4 of 4", "aligned_beyond_team": "– root team"}
    # E1 keeps 3 measurable key results of 5 once two are tasks: still 2 to 5.
    assert scores["eng"] == {"objectives": "pass 1", "measurable_key_results": "pass 1 of 1",
                             "owned": "pass 6 of 6", "aligned_beyond_team": "pass 1 of 1"}
    assert scores["ops"] == {"objectives": "pass 1", "measurable_key_results": "fail 0 of 1",
                             "owned": "fail 0 of 2", "aligned_beyond_team": "fail 0 of 1"}


def test_scorecard_fails_a_team_with_too_many_objectives_or_too_few_measures():
    many = ORG + "".join(f"  - {{id: X{i}, team: ops, title: Extra {i}}}\n" for i in range(3))
    tasks = [found("activity-key-result", kr, "key_result") for kr in ("KR2", "KR10", "KR100",
                                                                        "KR3")]
    report = report_of(*tasks, text=many)
    scores = _scores(report)
    assert scores["ops"]["objectives"] == "fail 4 > 3"
    assert scores["eng"]["measurable_key_results"] == "fail 0 of 1"  # only KR4 is left
    team = next(s for s in report.scorecard if s.team == "ops")
    assert (team.passed, team.judged) == (0, 4)
    three = ORG + "".join(f"  - {{id: X{i}, team: ops, title: Extra {i}}}\n" for i in range(2))
    assert _scores(report_of(text=three))["ops"]["objectives"] == "pass 3"


def test_info_wording_findings_do_not_make_a_key_result_unmeasurable():
    info = found("unmeasurable-key-result", "KR2", "key_result", "info")
    assert _scores(report_of(info))["eng"]["measurable_key_results"] == "pass 1 of 1"


def test_hidden_findings_still_count_in_the_scorecard():
    tasks = [found("activity-key-result", kr, "key_result") for kr in ("KR2", "KR10", "KR100",
                                                                        "KR3")]
    report = report_of(*tasks).at_least("error")
    assert report.findings == ()
    assert _scores(report)["eng"]["measurable_key_results"] == "fail 0 of 1"


# --- the judging date ---------------------------------------------------------------

FINISHED = """
cycle: {name: FY21-Q1, start: 2020-02-01, end: 2020-04-30}
teams: [{id: co}]
objectives: [{id: O1, team: co, title: Grow}]
"""


def test_a_finished_cycle_is_judged_as_of_its_end_and_says_so():
    report = report_of(text=FINISHED)
    assert report.as_of == dt.date(2020, 4, 30)
    assert "as of 2020-04-30, the end of cycle FY21-Q1)" in report_text(report).splitlines()[0]
    assert "as of 2020-04-30, the end of cycle FY21-Q1." in report_markdown(report)


def test_a_running_cycle_is_judged_today_without_a_note():
    end = dt.date.today() + dt.timedelta(days=30)
    report = report_of(text=FINISHED.replace("2020-04-30", end.isoformat()))
    assert report.as_of == dt.date.today()
    assert report_text(report).splitlines()[0].endswith(f"as of {dt.date.today().isoformat()})")


def test_an_explicit_date_wins_over_the_cycles_end():
    report = analyse(org_of(FINISHED), as_of=dt.date(2020, 3, 1), runner=planted())
    assert report.as_of == dt.date(2020, 3, 1)
    assert "the end of cycle" not in report_text(report)
