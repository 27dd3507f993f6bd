"""Building DOT for every view: structure, colours, safety and limits (no Graphviz needed)."""

from pathlib import Path

import pytest

from aligngraph import UsageError, check_paths
from aligngraph.render import COLOR_BY, THEMES, RenderTooLarge, build_dot
from aligngraph.render.labels import BADGE_GAP, html_label
from aligngraph.pipeline import analyse
from helpers import org_of

SAMPLES = Path(__file__).parent.parent / "samples"
VIEWS = {"goals": {}, "teams": {}, "people": {}, "focus": {"focus": "engineering"}}


def line_of(source: str, svg_id: str) -> str:
    return next(line for line in source.splitlines() if f'id="{svg_id}"' in line)


@pytest.fixture(scope="module")
def nimbus():
    return check_paths([SAMPLES / "nimbus.yaml"])


@pytest.fixture(scope="module")
def meridian():
    return check_paths([SAMPLES / "meridian.yaml"])


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("color_by", COLOR_BY)
def test_every_view_and_colour_mode_builds_with_a_legend_and_title(nimbus, view, color_by):
    source = build_dot(nimbus, view=view, color_by=color_by, **VIEWS[view]).source
    assert 'id=legend' in source and 'class=legend' in source
    assert "Nimbus · 2026-Q3" in source


def test_goals_view_clusters_objectives_by_team(nimbus):
    source = build_dot(nimbus, view="goals").source
    assert source.count("subgraph cluster_") == 8  # every team has objectives
    assert 'id="goal-MOB1"' in source
    assert 'class="depends no-liaison"' in source and "no liaison" in source
    assert 'class=aligns' in source


def test_findings_colour_the_nodes_they_touch(nimbus):
    source = build_dot(nimbus, view="goals").source
    line = line_of(source, "goal-MOB1")
    assert "severity-error" in line and THEMES["light"].severity["error"] in line


def test_progress_colours_use_the_bands(meridian):
    source = build_dot(meridian, view="focus", focus="payables", color_by="progress").source
    line = line_of(source, "goal-PAY1")
    assert THEMES["light"].progress["green"] in line  # sandbagged: every score 1.0
    assert "on track (≥ 0.7)" in source


def test_themes_change_the_background(nimbus):
    for name, theme in THEMES.items():
        assert f'bgcolor="{theme.background}"' in build_dot(nimbus, theme=name).source


def test_title_can_be_set_or_left_out(nimbus):
    assert "Quarterly review" in build_dot(nimbus, title="Quarterly review").source
    assert "labelloc" not in build_dot(nimbus, title="").source


def test_teams_view_folds_deep_levels_of_a_large_org(meridian):
    source = build_dot(meridian, view="teams").source
    assert "teams below" in source
    assert 'id="team-north-hub"' not in source  # level 3 is folded into Warehousing
    assert 'id="team-north-hub"' in build_dot(meridian, view="teams", depth=3).source


def test_focus_view_draws_only_the_neighbourhood(meridian):
    source = build_dot(meridian, view="focus", focus="tracking", depth=1).source
    assert 'id="goal-TRK1"' in source and 'id="goal-RTE1"' in source
    assert 'id="goal-FIN1"' not in source


def test_focus_on_a_person_and_on_an_unknown_id(meridian):
    assert 'id="goal-FOR1"' in build_dot(meridian, view="focus", focus="priya-raman").source
    with pytest.raises(UsageError, match="nothing called 'nobody'"):
        build_dot(meridian, view="focus", focus="nobody")


def test_people_view_shows_overloaded_people(meridian):
    source = build_dot(meridian, view="people").source
    line = line_of(source, "person-priya-raman")
    assert "overloaded" in line and "severity-warning" in line


def test_too_large_a_view_fails_fast_and_names_the_alternative(meridian):
    with pytest.raises(RenderTooLarge) as info:
        build_dot(meridian, view="goals", max_nodes=50)
    message = str(info.value)
    assert "--view teams" in message and "--view focus --focus" in message


NASTY = ['<script>alert(1)</script>', '"; node [label=x]', 'R&D > Sales & "Ops"',
         'Ship 🚀 faster', '提高客户满意度', 'back\\slash \\N \\G']


def nasty_report():
    lines = ["teams: [{id: t, name: '<b>Team</b>'}]", "objectives:"]
    for index, title in enumerate(NASTY):
        quoted = title.replace("'", "''")
        lines.append(f"  - {{id: O{index}, team: t, title: '{quoted}'}}")
    return analyse(org_of("\n".join(lines) + "\n"))


def test_hostile_titles_never_reach_the_dot_source_as_markup():
    source = build_dot(nasty_report(), view="goals").source
    labels = [part for part in source.split("label=")[1:]]
    assert not any("<script>" in label.split(" class=")[0] for label in labels)
    assert "<b>Team</b>" not in source.replace('tooltip="', "")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in source
    assert "&quot;; node [label=x]" in source
    assert "提高客户满意度" in source and "🚀" in source


def test_bad_choices_are_usage_errors(nimbus):
    with pytest.raises(UsageError):
        build_dot(nimbus, view="galaxy")
    with pytest.raises(UsageError):
        build_dot(nimbus, theme="neon")


def test_progress_bands_follow_the_settings():
    text = ("teams: [{id: t}]\nsettings: {progress: {green: 0.9, amber: 0.5}}\nobjectives:\n"
            "  - {id: O1, team: t, title: x, key_results: [{id: K1, title: k, score: 0.8}]}\n")
    report = analyse(org_of(text))
    source = build_dot(report, view="goals", color_by="progress").source
    assert THEMES["light"].progress["amber"] in line_of(source, "goal-O1")
    assert "on track (≥ 0.9)" in source


def test_progress_settings_are_validated():
    from aligngraph import InputError

    with pytest.raises(InputError, match="amber must not be above green"):
        org_of("teams: [{id: t}]\nobjectives: []\nsettings: {progress: {green: 0.3, amber: 0.5}}\n")


FAMILIES_ORG = """\
teams: [{id: top, name: Top}, {id: t, name: T, parent: top}]
objectives:
  - {id: O0, team: top, title: Grow revenue, key_results: [{id: K0, title: Reach 10 M revenue}]}
  - {id: O1, team: t, title: Improve things, aligns_to: O0,
     key_results: [{id: K1, title: Work on the website}, {id: K2, title: Reach 5 M revenue}]}
settings: {unsupported-parent: {key_results: true}}  # K0's info finding colours O0
"""


def test_fill_shows_alignment_findings_and_a_badge_counts_the_others():
    report = analyse(org_of(FAMILIES_ORG))
    light = THEMES["light"]
    source = build_dot(report, view="goals").source
    wording = line_of(source, "goal-O1")  # a wording finding on K1, no alignment finding
    assert f'fillcolor="{light.node_fill}"' in wording and "severity-" not in wording
    assert "other-findings" in wording and ">1</FONT>" in wording
    aligned = line_of(source, "goal-O0")  # unsupported-parent (alignment) on its key result
    assert f'fillcolor="{light.severity["info"]}"' in aligned and "severity-info" in aligned
    assert "other-findings" not in aligned and "BGCOLOR" not in aligned
    assert "Alignment findings" in source and "hygiene and wording findings" in source


def test_a_gap_keeps_a_short_nodes_id_off_its_badge():
    label = html_label("Hire", caption="ENGPLAT-OBJ1", badge=1)
    caption, gap, badge = label.split("<TR>", 1)[1].split("</TD>", 2)
    assert "ENGPLAT-OBJ1" in caption and ">1</FONT>" in badge
    assert gap == f'<TD WIDTH="{BADGE_GAP}">' and BADGE_GAP >= 4
    assert '<TD COLSPAN="3">' in label  # the title spans the caption, gap and badge


def test_teams_view_sums_badges_over_a_teams_goals_and_fills_by_alignment():
    report = analyse(org_of(FAMILIES_ORG))
    source = build_dot(report, view="teams").source
    team = line_of(source, "team-t")
    assert ">1</FONT>" in team and THEMES["light"].severity["warning"] not in team
    assert "severity-info" in line_of(source, "team-top")


FOCUS_ORG = """\
teams:
  - {id: root, name: Root}
  - {id: a, name: A, parent: root}
  - {id: b, name: B, parent: root}
  - {id: a1, name: A1 team, parent: a}
  - {id: empty, name: Empty, parent: root}
  - {id: lead-only, name: Lead only, parent: root, lead: lena}
people:
  - {id: lena, name: Lena, team: lead-only}
  - {id: idle, name: Idle, team: b}
objectives:
  - {id: R1, team: root, title: Grow, key_results: [{id: R1K1, title: Reach 10 M, owner: lena}]}
  - {id: R2, team: root, title: Hire, key_results: [{id: R2K1, title: Hire 5 people}]}
  - {id: A1, team: a, title: Sell more, aligns_to: R1}
  - {id: B1, team: b, title: Sell elsewhere, aligns_to: R1}
  - {id: A11, team: a1, title: Sell in the north, aligns_to: A1}
  - {id: A111, team: a1, title: Sell in the far north, aligns_to: A11}
"""


def drawn_goals(source: str) -> set[str]:
    import re

    return set(re.findall(r'id="goal-([^"]+)"', source))


@pytest.fixture(scope="module")
def focus_org():
    return analyse(org_of(FOCUS_ORG))


def test_team_focus_at_depth_1_shows_parent_goals_and_children_only(focus_org):
    drawn = drawn_goals(build_dot(focus_org, view="focus", focus="a", depth=1).source)
    assert drawn == {"A1", "R1", "A11"}  # not R2, not the sibling B1, not A111


def test_team_focus_never_goes_sideways_through_a_parent_goal(focus_org):
    drawn = drawn_goals(build_dot(focus_org, view="focus", focus="a", depth=2).source)
    assert {"A1", "R1", "A11", "A111"} <= drawn
    assert "B1" not in drawn and "R2" not in drawn


def test_person_focus_shows_the_goals_they_carry(focus_org):
    source = build_dot(focus_org, view="focus", focus="lena", depth=1).source
    assert {"R1K1", "R1"} <= drawn_goals(source) and "R2" not in drawn_goals(source)
    assert " focus" in line_of(source, "goal-R1K1").split("class=")[1].split(" color=")[0]
    assert " focus" not in line_of(source, "goal-R1").split("class=")[1].split(" color=")[0]


def test_team_without_objectives_shows_what_its_people_carry(focus_org):
    assert {"R1K1", "R1"} <= drawn_goals(build_dot(focus_org, view="focus",
                                                   focus="lead-only").source)


def test_focus_with_nothing_to_draw_says_why(focus_org):
    with pytest.raises(UsageError, match="team Empty has no objectives .* --focus root"):
        build_dot(focus_org, view="focus", focus="empty")
    with pytest.raises(UsageError, match="Idle carries no objective or key result"):
        build_dot(focus_org, view="focus", focus="idle")


def people_org(people: int = 14) -> str:
    """``people`` people, person i carrying 3 + i objectives."""
    lines = ["teams: [{id: t, name: T}]", "people:"]
    lines += [f"  - {{id: p{i}, name: Person {i}, team: t}}" for i in range(people)]
    lines.append("objectives:" if people else "objectives: []")
    for i in range(people):
        lines += [f"  - {{id: O{i}x{j}, team: t, title: Goal {i} {j}, owner: p{i}}}"
                  for j in range(3 + i)]
    return "\n".join(lines) + "\n"


def test_people_view_shows_the_most_loaded_first_and_at_most_twelve():
    import re

    source = build_dot(analyse(org_of(people_org())), view="people").source
    drawn = re.findall(r'id="person-(p\d+)"', source)
    assert drawn == [f"p{i}" for i in range(13, 1, -1)]  # 12 people, most loaded first
    assert "#1 · 16 objectives" in source and "p0" not in drawn and "p1" not in drawn
    assert "the 12 of 14 people" in source
    assert '>O13x0</FONT>' in line_of(source, "person-p13")  # its objectives, as chips


def test_people_cards_sit_in_rows_sized_for_a_slide():
    source = build_dot(analyse(org_of(people_org())), view="people").source
    assert source.count("rank=same") == 3  # 12 cards: 3 rows of 4 by default
    assert build_dot(analyse(org_of(people_org())), view="people", wrap=2).source.count(
        "rank=same") == 2


def test_people_view_with_nobody_loaded_says_why():
    report = analyse(org_of(people_org(0).replace("people:\n", "people: []\n")))
    with pytest.raises(UsageError, match="nobody carries 3 or more objectives"):
        build_dot(report, view="people")


def test_goals_view_without_objectives_says_why_and_cli_exits_2(tmp_path, capsys):
    from aligngraph.cli import main

    with pytest.raises(UsageError, match="no objectives"):
        build_dot(analyse(org_of("teams: [{id: t}]\nobjectives: []\n")), view="goals")
    path = tmp_path / "empty.yaml"
    path.write_text("teams: [{id: t}]\nobjectives: []\n")
    assert main(["render", str(path), "-o", str(tmp_path / "x.dot")]) == 2
    assert "nothing to draw" in capsys.readouterr().err
    assert main(["render", str(path), "-o", str(tmp_path / "x.dot"), "--view", "teams"]) == 0


def test_the_findings_index_is_built_once_per_report(nimbus):
    from aligngraph.render.colour import findings_index

    assert findings_index(nimbus) is findings_index(nimbus)
    assert findings_index(check_paths([SAMPLES / "nimbus.yaml"])) is not findings_index(nimbus)
