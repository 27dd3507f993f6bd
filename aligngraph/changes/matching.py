"""Which team and goal of one version of an organisation is which in the other.

By id (``match="id"``), a record is the same record when it keeps its id. Cycle over
cycle, ids are often renumbered (O1 of last quarter is not O1 of this one), so
``match="title"`` pairs them by title instead:

1. teams keep their id; or else a team whose id is new pairs with the unpaired old team
   that shares the most objectives with it nearly word for word (:data:`CARRIED`); or
   else with the one whose name is most alike, at :data:`TEAM_NAME_THRESHOLD` or more
   ("VP Recruiting" and "VP of Recruiting");
2. objectives pair within a pair of teams, most alike first, one to one, when their
   titles are at least ``threshold`` similar (:func:`title_similarity`); an objective
   left over then pairs with one of any team when their titles are nearly the same
   (:data:`CARRIED`): it was handed to another team;
3. key results pair within a pair of objectives the same way, at
   :data:`KEY_RESULT_ALLOWANCE` less than ``threshold``, and the key results of one
   team's objectives that found no partner there pair within the team (a key result that
   moved to another objective of its team).

A goal that finds no partner was *dropped* (old) or is *new*. The thresholds were tuned
on GitLab's published OKRs of FY20-Q4 and FY21-Q1 (see docs/report.md#cycle-over-cycle).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from ..model import Organisation
from ..text import COMPARED, normalise

MATCHES = ("id", "title")
#: The least title similarity that pairs two goals of one team.
DEFAULT_THRESHOLD = 0.7
#: Nearly word for word: what pairs an objective with one of another team, and what
#: pairs two teams whose ids differ by the objectives they share.
CARRIED = 0.9
#: The least similarity of two teams' names that pairs them when no objective does.
TEAM_NAME_THRESHOLD = 0.8
#: Key results pair at this much less than ``threshold``: they are compared only within
#: an objective or a team already paired, and one carried over often gains a clause (a
#: new target, "measured by…") that lowers its similarity.
KEY_RESULT_ALLOWANCE = 0.1

# Words that date a title rather than say what it is about: "FY21", "Q1", "H2", "2020".
_DATING = re.compile(r"\b(?:fy\s?\d{2,4}|q[1-4]|h[12]|cy\s?\d{2,4}|(?:19|20)\d{2})\b")


def title_similarity(a: str, b: str) -> float:
    """How alike two goal titles are, from 0 to 1, for pairing them across cycles.

    The titles are normalised (case, accents, punctuation), dates of the cycle ("FY21",
    "Q1", "2020") are left out, and rapidfuzz's ``token_sort_ratio`` compares the words
    in any order: a goal carried over often has its words shuffled or its quarter
    changed, rarely its subject.

    >>> title_similarity("Build strong FY21 pipeline.", "Build a strong FY22 pipeline")
    0.95
    >>> title_similarity("Hire to plan", "Ship the mobile app") < 0.6
    True
    """
    left, right = _comparable(a), _comparable(b)
    if not left or not right:
        return 0.0
    return round(fuzz.token_sort_ratio(left, right) / 100, 2)


def _comparable(title: str) -> str:
    return " ".join(_DATING.sub(" ", normalise(title)).split())[:COMPARED]


@dataclass(frozen=True)
class Matching:
    """How the records of two versions pair: old id to new id, for teams and goals, with
    each goal pair's title similarity (1.0 when matched by id)."""

    match: str
    threshold: float
    teams: dict[str, str] = field(default_factory=dict)
    goals: dict[str, str] = field(default_factory=dict)
    similarity: dict[str, float] = field(default_factory=dict)


def match_records(old: Organisation, new: Organisation, match: str = "id",
                  threshold: float = DEFAULT_THRESHOLD) -> Matching:
    """Pair the teams and goals of ``old`` with those of ``new`` (see the module)."""
    if match == "id":
        teams = _same_ids((t.id for t in old.teams), {t.id for t in new.teams})
        goals = _same_ids(_goal_ids(old), _goal_ids(new))
        return Matching(match, threshold, teams, goals, dict.fromkeys(goals, 1.0))
    return _by_title(old, new, threshold)


def _same_ids(old: Iterable[str], new: set[str]) -> dict[str, str]:
    return {i: i for i in old if i in new}


def _goal_ids(org: Organisation) -> set[str]:
    return {o.id for o in org.objectives} | {kr.id for _, kr in org.key_results()}


def _by_title(old: Organisation, new: Organisation, threshold: float) -> Matching:
    matching = Matching("title", threshold)
    old_by_team, new_by_team = _objectives_by_team(old), _objectives_by_team(new)
    _pair_teams(matching, old, new, old_by_team, new_by_team)
    for old_team, new_team in matching.teams.items():
        for a, b, score in _pair_titles(old_by_team.get(old_team, []),
                                        new_by_team.get(new_team, []), threshold):
            _pair(matching, a.id, b.id, score)
    # Objectives carried over, nearly word for word, to another team.
    spare_old = [o for o in old.objectives if o.id not in matching.goals]
    paired_new = set(matching.goals.values())
    spare_new = [o for o in new.objectives if o.id not in paired_new]
    for a, b, score in _pair_titles(spare_old, spare_new, max(threshold, CARRIED)):
        _pair(matching, a.id, b.id, score)
    _pair_key_results(matching, old, new, max(threshold - KEY_RESULT_ALLOWANCE, 0.01))
    return matching


def _pair_teams(matching: Matching, old: Organisation, new: Organisation,
                old_by_team: dict[str, list], new_by_team: dict[str, list]) -> None:
    """Teams keep their id; else the most objectives carried over nearly word for word
    pair them; else their names (:data:`TEAM_NAME_THRESHOLD`)."""
    matching.teams.update(_same_ids((t.id for t in old.teams), {t.id for t in new.teams}))
    old_left = [t for t in old.teams if t.id not in matching.teams]
    new_left = [t for t in new.teams if t.id not in matching.teams.values()]

    def shared(a, b) -> float:
        return len(_pair_titles(old_by_team.get(a.id, []), new_by_team.get(b.id, []),
                                CARRIED))

    for a, b, _ in pair_best(old_left, new_left, lambda t: t, shared, 1):
        matching.teams[a.id] = b.id
    old_left = [t for t in old_left if t.id not in matching.teams]
    new_left = [t for t in new_left if t.id not in matching.teams.values()]
    for a, b, _ in pair_best(old_left, new_left, lambda t: t.name or t.id, title_similarity,
                             TEAM_NAME_THRESHOLD):
        matching.teams[a.id] = b.id


def _pair_key_results(matching: Matching, old: Organisation, new: Organisation,
                      threshold: float) -> None:
    """Key results pair within a pair of objectives, then within a pair of teams (a key
    result moved to another objective of its team)."""
    new_objectives = {o.id: o for o in new.objectives}
    for objective in old.objectives:
        partner = matching.goals.get(objective.id)
        if partner is not None:
            for a, b, score in _pair_titles(objective.key_results,
                                            new_objectives[partner].key_results, threshold):
                _pair(matching, a.id, b.id, score)
    old_spare = _spare_key_results(old, set(matching.goals))
    new_spare = _spare_key_results(new, set(matching.goals.values()))
    for old_team, new_team in matching.teams.items():
        for a, b, score in _pair_titles(old_spare.get(old_team, []),
                                        new_spare.get(new_team, []), threshold):
            _pair(matching, a.id, b.id, score)


def _spare_key_results(org: Organisation, paired: set[str]) -> dict[str, list]:
    spare: dict[str, list] = {}
    for objective, kr in org.key_results():
        if kr.id not in paired:
            spare.setdefault(objective.team, []).append(kr)
    return spare


def _pair_titles(old: Sequence, new: Sequence, threshold: float) -> list[tuple]:
    return pair_best(old, new, lambda g: g.title, title_similarity, threshold)


def _pair(matching: Matching, old_id: str, new_id: str, score: float) -> None:
    matching.goals[old_id] = new_id
    matching.similarity[new_id] = score


def _objectives_by_team(org: Organisation) -> dict[str, list]:
    found: dict[str, list] = {}
    for objective in org.objectives:
        found.setdefault(objective.team, []).append(objective)
    return found


def pair_best(old: Sequence, new: Sequence, text: Callable, score: Callable[[str, str], float],
              threshold: float) -> list[tuple]:
    """One-to-one pairs ``(old item, new item, score)``, the most alike first, of items
    whose texts score at least ``threshold``; ties go to the earlier items.

    >>> pair_best(["grow revenue", "hire"], ["hire fast", "grow revenues"], str,
    ...           title_similarity, 0.6)
    [('grow revenue', 'grow revenues', 0.96), ('hire', 'hire fast', 0.62)]
    """
    candidates = []
    for i, a in enumerate(old):
        for j, b in enumerate(new):
            value = score(text(a), text(b))
            if value >= threshold:
                candidates.append((-value, i, j))
    candidates.sort()
    used_old: set[int] = set()
    used_new: set[int] = set()
    pairs = []
    for value, i, j in candidates:
        if i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        pairs.append((old[i], new[j], -value))
    return pairs
