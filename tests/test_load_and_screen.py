"""Each person's load split by own and other teams (metrics.split_load), and the view the
explorer opens on (render.screen.opening_view), with exact values."""

from pathlib import Path

import pytest

from aligngraph.errors import UsageError
from aligngraph.metrics import Load, split_load
from aligngraph.pipeline import analyse, load_bytes
from aligngraph.render.engine import RenderTooLarge
from aligngraph.render.fit import SCREEN
from aligngraph.render.screen import OnScreen, draw_on_screen, opening_view
from helpers import graph_of
from test_render_svg import needs_dot

ORG = """
teams:
  - {id: company, lead: cleo}
  - {id: a, parent: company, lead: ana}
  - {id: b, parent: company}
people:
  - {id: ana, team: a}
  - {id: ben, team: b}
  - {id: cleo}
objectives:
  - id: A1
    team: a
    owner: ana
    title: One
    key_results: [{id: A1.1, title: x, owner: ana}, {id: A1.2, title: y, owner: ben}]
  - {id: A2, team: a, title: Two, key_results: [{id: A2.1, title: z, contributors: [ana]}]}
  - id: B1
    team: b
    owner: ben
    title: Three
    key_results: [{id: B1.1, title: w, contributors: [ana]}, {id: B1.2, title: v, owner: ana}]
  - {id: C1, team: company, title: Four, key_results: [{id: C1.1, title: u, owner: ana}]}
"""


def test_load_is_split_between_the_persons_own_teams_and_others():
    graph = graph_of(ORG)
    # ana: objectives A1, A2 (team a, hers), B1 and C1 (others). Key results adding load:
    # none of A1 (she owns it), A2 (she leads team a) or C1 (she owns its only key
    # result: she carries it whole); B1.1 and B1.2 do.
    assert split_load(graph, "person:ana") == Load("person:ana", objectives=(2, 2),
                                                   key_results=(0, 2), teams=(1, 2))
    # ben: B1 (his team's, owned) and A1 through A1.2 (another team's): A1.2 adds load.
    ben = split_load(graph, "person:ben")
    assert (ben.objectives, ben.key_results, ben.teams) == ((1, 1), (0, 1), (1, 1))
    assert ben.total("objectives") == 2 and ben.total("key_results") == 1
    # cleo leads the company but carries no goal.
    assert split_load(graph, "person:cleo") == Load("person:cleo", (0, 0), (0, 0), (0, 0))


def shown(view: str, width: float, height: float, text_px: float, boxes: int = 0,
          depth: int | None = None) -> OnScreen:
    svg = b"".join(b'<g id="goal-O%d" class="node objective">' % i for i in range(boxes))
    return OnScreen(view, svg, "", width, height, text_px, {"depth": depth} if depth else {})


def test_the_goals_view_opens_when_its_text_reads():
    opening = opening_view(None, draw=lambda view: shown(view, 1500, 800, 8.4, boxes=20))
    assert opening.view == "goals" and opening.depth is None
    assert opening.reason == ("Goals view: all 20 goals fit the frame with text 8.4 px high. "
                              "Click a goal or team to focus.")


def test_the_teams_view_opens_when_the_goals_are_too_small_and_says_why():
    pictures = {"goals": shown("goals", 11000, 1300, 1.2, boxes=193),
                "teams": shown("teams", 1336, 900, 8.3, depth=1)}
    opening = opening_view(None, draw=pictures.__getitem__)
    assert (opening.view, opening.depth) == ("teams", 1)
    assert opening.reason == ("Teams view, the top 2 levels of the org: the goals view would "
                              "draw 193 boxes, with text 1.2 px high. Click a team to focus "
                              "on it.")
    pictures["teams"] = shown("teams", 3000, 900, 4.4, depth=1)  # not even the top reads
    assert "Its text is 4.4 px high: zoom in (scroll) to read it." in opening_view(
        None, draw=pictures.__getitem__).reason


def test_a_goals_view_refused_or_empty_opens_on_the_teams():
    def refuse(view):
        if view == "goals":
            raise RenderTooLarge("the goals view of this organisation would draw 2,400 nodes; "
                                 "above 600 …")
        return shown("teams", 1200, 600, 9.0)

    assert opening_view(None, draw=refuse).reason == (
        "Teams view: the goals view of this organisation would draw 2,400 nodes. Click a "
        "team to focus on it.")

    def empty(view):
        if view == "goals":
            raise UsageError("the organisation has no objectives")
        return shown("teams", 1200, 600, 9.0)

    assert "there are no objectives to draw" in opening_view(None, draw=empty).reason


@needs_dot
@pytest.mark.parametrize(("sample", "view", "depth"), [("nimbus.yaml", "goals", None),
                                                        ("meridian.yaml", "teams", 1)])
def test_the_samples_open_on_a_view_whose_text_reads(sample, view, depth):
    path = Path(__file__).parent.parent / "samples" / sample
    report = analyse(load_bytes([(str(path), path.read_bytes())]))
    opening = opening_view(report)
    assert (opening.view, opening.depth) == (view, depth)
    assert opening.picture.text_px >= SCREEN.min_text_px
    again = draw_on_screen(report, view=view, depth=depth)
    assert again.svg == opening.picture.svg  # what the tab shows is what was measured


@needs_dot
def test_a_view_drawn_again_in_other_colours_keeps_its_folding_in_one_layout(monkeypatch):
    from aligngraph.render import screen

    path = Path(__file__).parent.parent / "samples" / "meridian.yaml"
    files = [(str(path), path.read_bytes())]
    first = draw_on_screen(analyse(load_bytes(files)), view="teams")
    layouts = []
    real = screen.run_layout
    monkeypatch.setattr(screen, "run_layout", lambda *a, **k: layouts.append(1) or real(*a, **k))
    again = draw_on_screen(analyse(load_bytes(files)), view="teams", color_by="level",
                           like=first)
    assert len(layouts) == 1
    assert (again.variant, again.wrap) == (first.variant, first.wrap) == ({"depth": 1}, 2)
    assert b"Level in the org" in again.svg and b"Level in the org" not in first.svg
