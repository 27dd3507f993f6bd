"""What if: drop teams, goals or people, or re-align goals, on a copy of an organisation.

Nothing here reads or writes a file: each function takes a loaded
:class:`~aligngraph.model.Organisation` and returns a new one, leaving its argument as it
was. The records it changes are new copies; the records it leaves alone are shared with
the original (records are never changed in place anywhere in aligngraph).

Dropping:

- a **team**: its objectives (and their key results) go, and its sub-teams and its people
  move up to its parent (sub-teams to the top and people to no team, when it was a root);
- an **objective**: its key results go with it;
- a **key result**: only itself;
- a **person**: the goals they own become unowned; they leave every contributor list,
  liaison and team lead;

and every link to what was dropped (``aligns_to``, ``depends_on``, ``owner``, ``liaison``,
``contributors``, ``lead``, a person's ``team``) is removed. Ids resolve as ``--focus``
does (:func:`aligngraph.graph.resolve_node`): ``team:``, ``person:`` and ``goal:``
prefixes tell apart a team and a person with one id. The result passes the loader's
integrity rules (:func:`aligngraph.integrity.find_flaws`), or the change is refused.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from .errors import UsageError, excerpt
from .graph import KEY_RESULT, OBJECTIVE, PERSON, TEAM, node_key, resolve_node
from .integrity import find_flaws
from .model import KeyResult, Organisation


class WhatIfError(UsageError):
    """A what-if cannot be made: an id that names nothing, or a change the organisation's
    integrity rules refuse (a re-alignment that makes a cycle…)."""


@dataclass(frozen=True)
class Dropped:
    """What a drop removes, by id: the teams, goals (objectives and key results) and
    people."""

    teams: frozenset[str] = frozenset()
    goals: frozenset[str] = frozenset()
    people: frozenset[str] = frozenset()


def resolve(org: Organisation, ids: Iterable[str]) -> list[tuple[str, str]]:
    """Each id as ``(kind, id)``, kind ``team``, ``objective``, ``key_result`` or
    ``person``, resolved as ``--focus`` resolves it (on the keys the organisation's graph
    would have, without building it).

    Raises
    ------
    WhatIfError
        When an id names nothing or more than one thing.
    """
    kinds = _node_kinds(org)
    resolved = []
    for text in ids:
        try:
            key = resolve_node(kinds, text.strip(), "in the organisation")
        except UsageError as exc:
            raise WhatIfError(str(exc)) from None
        resolved.append((kinds[key], key.partition(":")[2]))
    return resolved


def _node_kinds(org: Organisation) -> dict[str, str]:
    """The kind of every node key the graph of ``org`` has (see :mod:`aligngraph.graph`):
    teams, goals, and people, listed or made up from a reference."""
    kinds = {node_key(TEAM, t.id): TEAM for t in org.teams}
    people: set[str] = {t.lead for t in org.teams if t.lead}
    for objective in org.objectives:
        kinds[node_key(OBJECTIVE, objective.id)] = OBJECTIVE
        people.update(p for p in (objective.owner, objective.liaison) if p)
        for kr in objective.key_results:
            kinds[node_key(KEY_RESULT, kr.id)] = KEY_RESULT
            people.update(p for p in (kr.owner, kr.liaison, *kr.contributors) if p)
    people.update(p.id for p in org.people or ())
    kinds.update((node_key(PERSON, p), PERSON) for p in people)
    return kinds


def drop(org: Organisation, ids: Iterable[str]) -> Organisation:
    """A copy of ``org`` without the teams, goals and people ``ids`` name (see the module's
    docstring for what goes with each)."""
    found = resolve(org, ids)
    teams = {i for kind, i in found if kind == TEAM}
    people = {i for kind, i in found if kind == PERSON}
    goals = {i for kind, i in found if kind in (OBJECTIVE, KEY_RESULT)}
    goals |= {o.id for o in org.objectives if o.team in teams}
    goals |= {kr.id for o, kr in org.key_results() if o.id in goals}
    changed = _without(org, Dropped(frozenset(teams), frozenset(goals), frozenset(people)))
    _ensure_sound(changed, "dropping " + ", ".join(ids))
    return changed


def realign(org: Organisation, links: Mapping[str, str | None]) -> Organisation:
    """A copy of ``org`` where each goal aligns to the one goal it maps to instead of
    what it aligned to (to nothing, for None or an empty string).

    Raises
    ------
    WhatIfError
        When a goal or parent names no goal, or the result breaks an integrity rule (a
        cycle, a key result aligned to its own objective…); the message says which.
    """
    new_parents: dict[str, list[str]] = {}
    for goal_text, parent_text in links.items():
        goal = _goal_id(org, goal_text, "re-align")
        parent = (_goal_id(org, parent_text, "align to")
                  if parent_text and parent_text.strip() else None)
        new_parents[goal] = [parent] if parent else []

    def aligned(goal):
        return (goal.model_copy(update={"aligns_to": new_parents[goal.id]})
                if goal.id in new_parents else goal)

    objectives = []
    for objective in org.objectives:
        key_results = [aligned(kr) for kr in objective.key_results]
        copy = aligned(objective)
        if any(a is not b for a, b in zip(key_results, objective.key_results, strict=True)):
            copy = copy.model_copy(update={"key_results": key_results})
        objectives.append(copy)
    changed = replace(org, objectives=objectives, origins=dict(org.origins),
                      notices=list(org.notices))
    _ensure_sound(changed, "re-aligning " + ", ".join(
        f"{g} to {p or 'nothing'}" for g, p in links.items()))
    return changed


def _goal_id(org: Organisation, text: str, doing: str) -> str:
    ((kind, id_),) = resolve(org, [text])
    if kind not in (OBJECTIVE, KEY_RESULT):
        raise WhatIfError(f"cannot {doing} {excerpt(text)}: it is a {kind.replace('_', ' ')}, "
                          "not an objective or key result")
    return id_


def _without(org: Organisation, dropped: Dropped) -> Organisation:
    parent_of = {t.id: t.parent for t in org.teams}

    def kept_team(team: str | None) -> str | None:
        """The team itself, or its nearest ancestor that is not dropped."""
        while team is not None and team in dropped.teams:
            team = parent_of.get(team)
        return team

    teams = [_updated(team, parent=kept_team(team.parent),
                      lead=None if team.lead in dropped.people else team.lead)
             for team in org.teams if team.id not in dropped.teams]
    people = None
    if org.people is not None:
        people = [_updated(p, team=kept_team(p.team))
                  for p in org.people if p.id not in dropped.people]
    objectives = []
    for objective in org.objectives:
        if objective.id in dropped.goals:
            continue
        key_results = [_goal_without(kr, dropped) for kr in objective.key_results
                       if kr.id not in dropped.goals]
        copy = _goal_without(objective, dropped)
        if len(key_results) != len(objective.key_results) or any(
                a is not b for a, b in zip(key_results, objective.key_results, strict=False)):
            copy = copy.model_copy(update={"key_results": key_results})
        objectives.append(copy)
    kept = {("team", t.id) for t in teams} | {("person", p.id) for p in people or ()}
    kept |= {("goal", o.id) for o in objectives}
    kept |= {("goal", kr.id) for o in objectives for kr in o.key_results}
    origins = {key: origin for key, origin in org.origins.items() if key in kept}
    return replace(org, teams=teams, people=people, objectives=objectives, origins=origins,
                   notices=list(org.notices))


def _goal_without(goal, dropped: Dropped):
    """A goal with every link to what was dropped removed (the goal itself if none)."""
    update: dict = {}
    if any(g in dropped.goals for g in goal.aligns_to):
        update["aligns_to"] = [g for g in goal.aligns_to if g not in dropped.goals]
    if any(t in dropped.teams for t in goal.depends_on):
        update["depends_on"] = [t for t in goal.depends_on if t not in dropped.teams]
    if goal.owner in dropped.people:
        update["owner"] = None
    if goal.liaison in dropped.people:
        update["liaison"] = None
    if isinstance(goal, KeyResult) and any(p in dropped.people for p in goal.contributors):
        update["contributors"] = [p for p in goal.contributors if p not in dropped.people]
    return goal.model_copy(update=update) if update else goal


def _updated(record, **fields):
    """The record with ``fields`` set, or the record itself when none differs."""
    update = {name: value for name, value in fields.items() if getattr(record, name) != value}
    return record.model_copy(update=update) if update else record


def _ensure_sound(org: Organisation, doing: str) -> None:
    """Refuse a changed organisation that the loader would refuse."""
    flaws = find_flaws(org)
    if flaws:
        listed = "; ".join(f"{flaw.kind} {flaw.id}: {flaw.message}" for flaw in flaws[:5])
        more = f" (and {len(flaws) - 5} more)" if len(flaws) > 5 else ""
        raise WhatIfError(f"{doing} would break the organisation: {listed}{more}")


__all__ = ["Dropped", "WhatIfError", "drop", "realign", "resolve"]
