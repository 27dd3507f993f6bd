"""Alignment slack: overflow, gap and echo, and the stacked and detached checks."""

from aligngraph.checks import detached_alignment, stacked_alignment
from aligngraph.slack import DEFAULT_ECHO_SIMILARITY, slack_levels
from helpers import graph_of, run, subjects

TEAMS = """
teams:
  - {id: company}
  - {id: sales, parent: company}
  - {id: marketing, parent: company}
  - {id: product, parent: company}
"""

EXACT_FIT = TEAMS + """
objectives:
  - {id: C1, team: company, title: Grow revenue in Europe}
  - {id: C2, team: company, title: Become the easiest tool to adopt}
  - {id: S1, team: sales, title: Open the DACH channel, aligns_to: C1}
  - {id: M1, team: marketing, title: Be the name German CTOs know, aligns_to: C1}
  - {id: P1, team: product, title: Halve time to first value, aligns_to: C2}
"""

LOOSE = TEAMS + """
objectives:
  - {id: C1, team: company, title: Grow revenue in Europe}
  - {id: C2, team: company, title: Become the easiest tool to adopt}
  - {id: S1, team: sales, title: Open the DACH channel, aligns_to: C1}
  - {id: M1, team: marketing, title: Be the name German CTOs know, aligns_to: C1}
  - {id: P1, team: product, title: Try usage-based pricing}
"""

ECHO = TEAMS + """
objectives:
  - {id: C1, team: company, title: Grow revenue in Europe}
  - {id: C2, team: company, title: Become the easiest tool to adopt}
  - {id: S1, team: sales, title: Grow revenue in Europe, aligns_to: C1}
  - {id: M1, team: marketing, title: Grow revenue in Europe!, aligns_to: C1}
  - {id: P1, team: product, title: Try usage-based pricing}
"""

DRIFT = TEAMS + """
objectives:
  - {id: C1, team: company, title: Win the mid-market}
  - {id: S1, team: sales, title: Rebuild the CRM}
  - {id: M1, team: marketing, title: Redesign the logo, intentional: board asked for it}
  - {id: P1, team: product, title: Land 20 mid-market logos, aligns_to: C1}
"""


def level(text):
    (only,) = slack_levels(graph_of(text), echo_similarity=DEFAULT_ECHO_SIMILARITY)
    return only


def test_figures_of_a_loose_level():
    lv = level(LOOSE)
    assert (lv.team, lv.children, lv.overflow, lv.gap, lv.echo) == ("company", 3, 1 / 3, 0.5, 0)
    assert lv.overflowing == ("P1",) and lv.unsupported == ("C2",)


def test_exact_fit_is_stacked():
    lv = level(EXACT_FIT)
    assert (lv.overflow, lv.gap) == (0, 0)
    findings = run(stacked_alignment, EXACT_FIT)
    assert subjects(findings) == {"company"}
    assert "fit exactly" in findings[0].message


def test_loose_level_is_not_stacked_nor_detached():
    assert run(stacked_alignment, LOOSE) == []
    assert run(detached_alignment, LOOSE) == []


def test_children_echoing_parent_words_is_stacked_even_with_overflow():
    lv = level(ECHO)
    assert lv.echoed == ("S1", "M1") and lv.overflow > 0
    findings = run(stacked_alignment, ECHO)
    assert subjects(findings) == {"company"}
    assert "nearly repeat" in findings[0].message


def test_echo_compares_with_the_objective_of_an_aligned_key_result():
    text = ECHO.replace("title: Grow revenue in Europe}", "title: Grow revenue in Europe, "
                        "key_results: [{id: C1.1, title: Revenue from 3 to 5}]}", 1)
    text = text.replace("aligns_to: C1}", "aligns_to: C1.1}")
    assert level(text).echoed == ("S1", "M1")


def test_too_few_children_are_not_judged_stacked():
    text = EXACT_FIT.replace("  - {id: P1, team: product, title: Halve time to first value, aligns_to: C2}\n", "")
    text = text.replace("  - {id: C2, team: company, title: Become the easiest tool to adopt}\n", "")
    assert run(stacked_alignment, text) == []
    assert run(stacked_alignment, text, min_child_objectives=2) == []  # one parent objective
    assert subjects(run(stacked_alignment, text, min_child_objectives=2,
                        min_parent_objectives=1)) == {"company"}


def test_parent_without_objectives_has_no_gap_and_is_not_exact_fit():
    text = TEAMS.replace("- {id: company}", "- {id: group}\n  - {id: company, parent: group}") + """
objectives:
  - {id: G1, team: group, title: Grow}
  - {id: S1, team: sales, title: Sell, aligns_to: G1}
  - {id: M1, team: marketing, title: Market, aligns_to: G1}
  - {id: P1, team: product, title: Build, aligns_to: G1}
"""
    levels = {lv.team: lv for lv in slack_levels(graph_of(text), echo_similarity=DEFAULT_ECHO_SIMILARITY)}
    assert levels["company"].gap is None and levels["company"].overflow == 0
    assert "company" not in subjects(run(stacked_alignment, text))


def test_drifting_level_is_detached_and_names_intentional_ones():
    findings = run(detached_alignment, DRIFT)
    assert subjects(findings) == {"company"}
    assert findings[0].data["intentional"] == ["M1"]
    assert set(findings[0].data["overflowing"]) == {"S1", "M1"}


def test_detached_threshold_is_an_option():
    assert run(detached_alignment, LOOSE, max_overflow=0.3)
    assert not run(detached_alignment, DRIFT, max_overflow=0.7)


MIRROR = """
teams:
  - {id: company}
  - {id: sales, parent: company}
  - {id: dach, parent: sales}
objectives:
  - {id: C1, team: company, title: Grow}
""" + "".join(f"  - {{id: S{i}, team: sales, title: s{i}, aligns_to: C1}}\n" for i in range(5)) \
    + "".join(f"  - {{id: D{i}, team: dach, title: d{i}, aligns_to: S{i}}}\n" for i in range(4)) \
    + "  - {id: D4, team: dach, title: d4, aligns_to: C1}\n"


def test_mirror_share_counts_objectives_aligned_only_to_their_parent_teams_goals():
    from aligngraph.checks.stacked_alignment import is_mirrored
    from aligngraph.slack import mirror_share

    graph = graph_of(MIRROR)  # D4 aligns to its grandparent: 9 of 10
    assert mirror_share(graph) == 0.9
    assert is_mirrored(graph, 0.9) and not is_mirrored(graph, 0.91)


def test_one_level_mirrors_no_tree():
    from aligngraph.slack import mirror_share

    assert mirror_share(graph_of(EXACT_FIT)) is None
