"""find_flaws tells a goal whose references all resolve without walking them, and a list
without repeats by its set: on organisations full of broken, repeated and circular
references it finds exactly what walking every reference finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from aligngraph import integrity
from aligngraph.model import Cycle, KeyResult, Objective, Organisation, Person, Team

TEAMS, PEOPLE = ["t0", "t1", "t2"], ["p0", "p1"]
GOALS = ["O0", "O1", "O2", "O0.0", "O1.0", "O2.0", "O2.1"]


def refs(pool: list[str]):
    return st.lists(st.sampled_from(pool + ["nope", "t0", "p0"]), max_size=3)


def maybe(pool: list[str]):
    return st.one_of(st.none(), st.sampled_from(pool + ["nope", "t1"]))


@st.composite
def organisations(draw) -> Organisation:
    teams = [Team(id=tid, parent=draw(maybe(TEAMS)), lead=draw(maybe(PEOPLE))) for tid in TEAMS]
    people = [Person(id=pid, team=draw(maybe(TEAMS))) for pid in PEOPLE]
    objectives = []
    for index in range(3):
        key_results = [KeyResult(id=f"O{index}.{k}", title="k", owner=draw(maybe(PEOPLE)),
                                 liaison=draw(maybe(PEOPLE)), aligns_to=draw(refs(GOALS)),
                                 depends_on=draw(refs(TEAMS)), contributors=draw(refs(PEOPLE)))
                       for k in range(draw(st.integers(0, 2)))]
        objectives.append(Objective(id=f"O{index}", title="o", team=draw(st.sampled_from(
            TEAMS + ["nope"])), owner=draw(maybe(PEOPLE)), liaison=draw(maybe(PEOPLE)),
            aligns_to=draw(refs(GOALS)), depends_on=draw(refs(TEAMS)), key_results=key_results))
    return Organisation(cycle=Cycle(), teams=teams, objectives=objectives,
                        people=people if draw(st.booleans()) else None)


@settings(max_examples=300, deadline=None)
@given(organisations())
def test_the_quick_tests_of_references_find_what_walking_them_finds(org):
    quick = integrity.find_flaws(org)
    slow = _with_every_reference_walked(org)
    assert quick == slow


def _with_every_reference_walked(org: Organisation) -> list[integrity.Flaw]:
    cls = integrity._References
    saved = cls.goal_resolves, cls.all_known
    cls.goal_resolves = lambda self, goal: False  # type: ignore[method-assign]
    cls.all_known = lambda self, kind, values: False  # type: ignore[method-assign]
    try:
        return integrity.find_flaws(org)
    finally:
        cls.goal_resolves, cls.all_known = saved  # type: ignore[method-assign]
