"""render --diff: goals added, changed and removed since another version, in DOT."""

import re

import pytest

from aligngraph.diff import compare
from aligngraph.errors import UsageError
from aligngraph.render import DiffMarks, build_dot

from helpers import org_of
from planning_orgs import BASE, NEXT
from test_cli import run_cli

# NEXT without W1.1 (removed, its team and objective still there) and with A1.1 (added).
NEXT_2 = NEXT.replace(
    "      - {id: W1.1, title: Convert 3% of visitors, target: 3, owner: bo, liaison: cy}\n", ""
).replace("    title: Release the offline mode\n",
          "    title: Release the offline mode\n"
          "    key_results: [{id: A1.1, title: Ship offline sync to half the users}]\n")


@pytest.fixture(scope="module")
def changes():
    return compare(org_of(BASE), org_of(NEXT_2))


def node_line(source: str, svg_id: str) -> str:
    return next(line for line in source.splitlines() if f'id="{svg_id}"' in line)


def test_marks_of_a_diff(changes):
    marks = changes.marks(since="base.yaml")
    assert marks["status"] == {"M1": "added", "A1.1": "added", "W1": "changed",
                               "A1": "changed", "E1.2": "changed", "E1.1": "changed"}
    assert [(g["id"], g["team"], g["objective"]) for g in marks["removed"]] == [
        ("W1.1", "web", "W1"), ("O1", None, None)]


def test_goals_are_filled_and_classed_by_change(changes):
    source = build_dot(changes.new, changes=DiffMarks(**changes.marks())).source
    assert 'fillcolor="#009E73"' in node_line(source, "goal-M1")
    assert 'class="objective other-findings added"' in node_line(source, "goal-M1")
    assert 'fillcolor="#F0E442"' in node_line(source, "goal-W1")
    assert " changed" in node_line(source, "goal-W1")
    assert 'fillcolor="#F4F6F8"' in node_line(source, "goal-C1")  # unchanged
    assert "added" not in node_line(source, "goal-C1") and "changed" not in node_line(
        source, "goal-C1")
    # Changed and added key results are drawn though nothing aligns to them.
    assert 'id="goal-E1_1"' in source and 'id="goal-A1_1"' in source
    # The border still shows A1's alignment finding (missing liaison).
    assert 'color="#D55E00"' in node_line(source, "goal-A1")


def test_removed_goals_are_ghosted_or_listed(changes):
    source = build_dot(changes.new, changes=DiffMarks(**changes.marks("base.yaml"))).source
    ghost = node_line(source, "removed-W1_1")
    assert 'class="key-result removed"' in ghost and "style=\"rounded,dotted\"" in ghost
    assert "W1.1 · removed" in ghost
    web = source[source.index('id="cluster-team_web"'):]
    assert web.index('id="removed-W1_1"') < web.index("\n\t}")  # inside Web's cluster
    assert 'id="removed-O1"' not in source  # its team went too: listed instead
    legend = node_line(source, "legend") if 'id="legend"' in source else next(
        line for line in source.splitlines() if "id=legend" in line)
    assert "Changes since base.yaml" in legend
    assert "removed: O1 “Halve the support backlog” (its team removed too)" in legend
    assert "removed: W1.1" not in legend


def test_focus_ghosts_only_in_the_teams_it_draws(changes):
    marks = DiffMarks(**changes.marks())
    source = build_dot(changes.new, view="focus", focus="app", depth=1, changes=marks).source
    assert 'id="removed-W1_1"' not in source
    assert "removed: W1.1 “Convert 3% of visitors” (team web)" in source


def test_without_changes_nothing_is_marked(changes):
    source = build_dot(changes.new).source
    assert "removed" not in source and " added" not in source


def test_other_views_refuse_changes(changes):
    with pytest.raises(UsageError, match="--diff colours goals: draw it with --view goals "
                                         "or focus, not teams"):
        build_dot(changes.new, view="teams", changes=DiffMarks())


def test_render_diff_writes_dot(capsys, tmp_path):
    old, new = tmp_path / "base.yaml", tmp_path / "next.yaml"
    old.write_text(BASE)
    new.write_text(NEXT_2)
    out = tmp_path / "changes.dot"
    code, _, err = run_cli(capsys, "render", str(new), "--diff", str(old), "-o", str(out))
    assert code == 0 and "wrote" in err
    source = out.read_text()
    assert re.search(r'id="removed-W1_1"', source) and "Changes since base.yaml" in source
    code, _, err = run_cli(capsys, "render", str(new), "--diff", str(old), "-o", str(out),
                           "--view", "people")
    assert code == 2 and "not people" in err


def test_a_removed_goal_with_hostile_text_is_drawn_as_written():
    from aligngraph.render import render

    marks = DiffMarks(removed=[{"id": 'X"1 <b>', "kind": "objective", "team": "web",
                                "objective": None,
                                "title": 'Ship <script>alert(1)</script> "now" & co'}])
    dot = build_dot(compare(org_of(BASE), org_of(BASE)).new, changes=marks)
    ghost = next(line for line in dot.source.splitlines() if "objective removed" in line)
    label = ghost.split(" class=")[0]  # the tooltip after it is a quoted DOT string
    assert "<script>" not in label and "&lt;script&gt;" in label and "<b>" not in label
    assert 'id="removed-X_1__b_"' in ghost
    svg = render(dot, "svg")
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in svg and b"<script>" not in svg
