"""Overloaded contributor: a person spread across too many goals or teams.

Rationale
---------
When people are asked to contribute to too many objectives, focus dissolves: nine is a
warning sign in large cascades, and far fewer is healthier. Someone whose work spans many
teams also becomes the bottleneck of all of them. Load is counted by objective: owning an
objective and its key results is one piece of work, not several, and a lead who carries
their own team's goals is doing their job.

Fires when
----------
A person carries (owns, or owns or contributes to a key result of) more than
``max_objectives`` distinct objectives; or more than ``max_key_results`` key results
that add load; or work that spans more than ``max_teams`` teams. A key result adds no load
when its objective is one the person owns, one whose every key result they own, or one of
a team they lead. Being a liaison does not count.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

import networkx as nx

from ..graph import (
    LEADS, OWNS, PERSON, key_results_of, nodes_of, sources, sub_teams, targets, team_of,
)
from ..metrics import key_result_load, person_load
from ..text import natural_key, natural_sorted, quoted
from .base import Finding, Option

SLUG = "overloaded-contributor"
CODE = "AG102"
TITLE = "Overloaded contributor"
SEVERITY = "warning"
FAMILY = "alignment"
OPTIONS = {
    "max_objectives": Option(3, "Most distinct objectives one person may carry.", minimum=1),
    "max_key_results": Option(5, "Most key results one person may own or contribute to "
                              "beyond the objectives they carry whole.", minimum=1),
    "max_teams": Option(3, "Most teams one person's goals may span.", minimum=1),
}


def check(graph: nx.DiGraph, *, max_objectives: int, max_key_results: int,
          max_teams: int) -> Iterator[Finding]:
    """Yield a finding for every person who carries more than the thresholds allow.

    Parameters
    ----------
    graph : networkx.DiGraph
        A frozen alignment graph.
    **options
        The options in ``OPTIONS``, the one place their defaults and meaning are declared.

    Yields
    ------
    Finding
        One per overloaded person, naming the objectives and teams involved.
    """
    for person in nodes_of(graph, PERSON):
        objectives, key_results = person_load(graph, person)
        if not objectives:
            continue
        teams = {team_of(graph, o) for o in objectives}
        if (len(objectives) <= max_objectives and len(teams) <= max_teams
                and len(key_results) <= max_key_results):
            continue  # the key results that add load are a subset: none can be over
        extra = key_result_load(graph, person, key_results)
        over = _over({"objectives": (len(objectives), max_objectives),
                      "key results": (len(extra), max_key_results),
                      "teams": (len(teams), max_teams)})
        if over:
            yield _finding(graph, person, objectives, extra, teams, over, max_teams)


def _over(measures: dict[str, tuple[int, int]]) -> list[str]:
    return [f"{count} {what} (more than {limit})"
            for what, (count, limit) in measures.items() if count > limit]


def _finding(graph: nx.DiGraph, person: str, objectives: set[str], extra: set[str],
             teams: set[str], over: list[str], max_teams: int) -> Finding:
    node = graph.nodes[person]
    ids = lambda keys: natural_sorted(graph.nodes[k]["id"] for k in keys)  # noqa: E731
    led = set(targets(graph, person, LEADS))
    message = (f"{node['label']} carries {', '.join(over)}: {_by_team(graph, objectives)}"
               f"{_extra(graph, extra)}. {_advice(graph, person, objectives, teams, led, max_teams)}")
    return Finding(
        subject=node["id"], subject_kind=PERSON, message=message,
        related=tuple(ids(objectives)),
        data={"objectives": ids(objectives), "key_results": ids(extra),
              "teams": ids(teams), "leads": ids(led)},
    )


def _by_team(graph: nx.DiGraph, objectives: set[str]) -> str:
    """'O1, O2 of “Sales”; O7 of “Support”', teams in the order of their ids."""
    per_team: dict[str, list[str]] = defaultdict(list)
    for objective in objectives:
        per_team[team_of(graph, objective)].append(graph.nodes[objective]["id"])
    return "; ".join(f"{', '.join(natural_sorted(ids))} of {quoted(graph.nodes[t]['label'])}"
                     for t, ids in sorted(per_team.items(),
                                          key=lambda item: graph.nodes[item[0]]["id"]))


def _extra(graph: nx.DiGraph, extra: set[str]) -> str:
    if not extra:
        return ""
    ids = natural_sorted(graph.nodes[k]["id"] for k in extra)
    shown = ", ".join(ids[:6]) + (", …" if len(ids) > 6 else "")
    return f" (with key results {shown} under objectives others own)"


def _advice(graph: nx.DiGraph, person: str, objectives: set[str], teams: set[str],
            led: set[str], max_teams: int) -> str:
    if led and teams <= led:
        others = _other_owners(graph, person, objectives)
        if others:
            return (f"They lead the team and own every one of these objectives: hand "
                    f"ownership of some to {', '.join(others)}, who already carry their key "
                    "results, or cut the team's objectives.")
        below = _sub_team_names(graph, led)
        if below:
            return ("They lead the team and carry all of it themselves: cut the team's "
                    f"objectives, or let the teams below ({', '.join(below)}) own the "
                    "ones they will deliver.")
        return ("They lead the team and carry all of it themselves: cut the team's "
                "objectives, or give some to the people who will do the work.")
    if len(teams) > max_teams:
        return ("Each of these teams waits on one person: hand some of this work to people "
                "in those teams, or drop goals.")
    return ("Focus dissolves when one person is spread this thin: hand some of this work "
            "to others, or drop goals.")


def _sub_team_names(graph: nx.DiGraph, led: set[str]) -> list[str]:
    """The names of the teams right below the ones a person leads, in id order."""
    below = sorted((t for team in led for t in sub_teams(graph, team)),
                   key=lambda t: natural_key(graph.nodes[t]["id"]))
    return _first_four([quoted(graph.nodes[t]["label"]) for t in below])


def _other_owners(graph: nx.DiGraph, person: str, objectives: set[str]) -> list[str]:
    """The names of the other people who own key results of these objectives."""
    owners = {owner for o in objectives for kr in key_results_of(graph, o)
              for owner in sources(graph, kr, OWNS) if owner != person}
    return _first_four(sorted(quoted(graph.nodes[p]["label"]) for p in owners))


def _first_four(names: list[str]) -> list[str]:
    """The first four names, then "others" for the rest."""
    return names[:4] + (["others"] if len(names) > 4 else [])
