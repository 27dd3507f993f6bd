"""Progress: a key result's score, or how far it has come; objectives' and teams' means."""

from __future__ import annotations

import pytest

from aligngraph.progress import band, goal_progress, progress
from helpers import graph_of

ORG = """
teams:
  - {id: company}
  - {id: sales, parent: company}
objectives:
  - id: S1
    team: sales
    title: Win the mid-market
    key_results:
      - {id: S1.1, title: Scored, score: 0.9, baseline: 0, target: 10, current: 1}
      - {id: S1.2, title: Half way, baseline: 10, target: 20, current: 15}
      - {id: S1.3, title: Past the target, baseline: 0, target: 10, current: 30}
      - {id: S1.4, title: Went backwards, baseline: 10, target: 20, current: 5}
      - {id: S1.5, title: No current, baseline: 10, target: 20}
      - {id: S1.6, title: Target is the baseline, baseline: 5, target: 5, current: 7}
  - id: S2
    team: sales
    title: Keep customers
    key_results:
      - {id: S2.1, title: Churn down, baseline: 6, target: 4, current: 5}
  - {id: S3, team: sales, title: Nothing measured yet}
"""


@pytest.fixture(scope="module")
def graph():
    return graph_of(ORG)


@pytest.mark.parametrize(("goal", "expected"), [
    ("S1.1", 0.9),   # a score wins over current against target
    ("S1.2", 0.5),
    ("S1.3", 1.0),   # clamped at 1
    ("S1.4", 0.0),   # clamped at 0
    ("S1.5", None),
    ("S1.6", None),
    ("S2.1", 0.5),   # a target below the baseline counts the other way round
])
def test_key_result_progress(graph, goal, expected):
    assert goal_progress(graph, f"goal:{goal}") == expected


def test_an_objective_is_the_mean_of_its_measured_key_results(graph):
    assert goal_progress(graph, "goal:S1") == pytest.approx((0.9 + 0.5 + 1.0 + 0.0) / 4)
    assert goal_progress(graph, "goal:S3") is None


def test_a_team_is_the_mean_of_its_measured_objectives(graph):
    s1 = (0.9 + 0.5 + 1.0 + 0.0) / 4
    assert goal_progress(graph, "team:sales") == pytest.approx((s1 + 0.5) / 2)
    assert goal_progress(graph, "team:company") is None


def test_progress_along_the_way():
    assert progress(10, 20, 15) == 0.5
    assert progress(6, 4, 3.5) == 1.25
    assert progress(5, 5, 7) is None


@pytest.mark.parametrize(("value", "expected"), [
    (0.7, "green"), (0.69, "amber"), (0.4, "amber"), (0.39, "red"), (None, None)])
def test_bands(value, expected):
    assert band(value) == expected
    assert band(0.75, (0.8, 0.5)) == "amber"
