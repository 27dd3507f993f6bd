"""Overloaded contributor: a person spread across too many goals or teams.

Rationale
---------
When people are asked to contribute to too many objectives, focus dissolves: nine is a
warning sign in large cascades, and far fewer is healthier. Someone whose work spans many
teams also becomes the bottleneck of all of them.

Fires when
----------
A person owns or contributes to (as objective owner, key-result owner or key-result
contributor) more than ``max_objectives`` distinct objectives, or more than
``max_key_results`` key results, or whose work spans more than ``max_teams`` teams.
Being a liaison does not count.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from ..graph import (
    PERSON, nodes_of, team_of,
)
from ..metrics import person_load
from .base import Finding, Option

SLUG = "overloaded-contributor"
CODE = "AG102"
TITLE = "Overloaded contributor"
SEVERITY = "warning"
FAMILY = "alignment"
OPTIONS = {
    "max_objectives": Option(3, "Most distinct objectives one person may carry.", minimum=1),
    "max_key_results": Option(5, "Most key results one person may own or contribute to.",
                              minimum=1),
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
        One per overloaded person, listing the objectives and teams involved.
    """
    for person in nodes_of(graph, PERSON):
        objectives, key_results = person_load(graph, person)
        teams = {team_of(graph, o) for o in objectives}
        over = _over({"objectives": (len(objectives), max_objectives),
                      "key results": (len(key_results), max_key_results),
                      "teams": (len(teams), max_teams)})
        if over:
            yield _finding(graph, person, objectives, key_results, teams, over)




def _over(measures: dict[str, tuple[int, int]]) -> list[str]:
    return [f"{count} {what} (more than {limit})"
            for what, (count, limit) in measures.items() if count > limit]


def _finding(graph, person, objectives, key_results, teams, over) -> Finding:
    node = graph.nodes[person]
    ids = lambda keys: sorted(graph.nodes[k]["id"] for k in keys)  # noqa: E731
    message = (f"{node['label']} carries {', '.join(over)}. Focus dissolves when one person "
               "is spread this thin: hand some of this work to others, or drop goals.")
    return Finding(
        subject=node["id"], subject_kind=PERSON, message=message,
        related=tuple(ids(objectives)),
        data={"objectives": ids(objectives), "key_results": ids(key_results),
              "teams": ids(teams)},
    )
