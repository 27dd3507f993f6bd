"""Unsupported parent goal: a goal of a parent team that nothing below supports.

Rationale
---------
A parent goal that nothing below supports is unlikely to succeed. The gap can be
deliberate: teams leave a gap to signal that they cannot take the goal on this cycle. So
the finding asks whether it is, rather than calling it a mistake.

Fires when
----------
An objective owned by a team that has sub-teams has nothing aligned to it nor to any of
its key results (``warning``). With ``key_results`` on, a key result of a supported
parent objective that nothing supports is reported too (``info``, the key result as the
subject).
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from ..graph import (
    ALIGNS_TO, KEY_RESULT, OBJECTIVE, TEAM, is_supported, key_results_of, nodes_of,
    objectives_of, sources, sub_teams,
)
from .base import Finding, Option

SLUG = "unsupported-parent"
CODE = "AG103"
TITLE = "Unsupported parent goal"
SEVERITY = "warning"
FAMILY = "alignment"
OPTIONS = {
    "key_results": Option(True, "Also report, as info, the unsupported key results of "
                          "parent objectives that are otherwise supported."),
}


def check(graph: nx.DiGraph, *, key_results: bool) -> Iterator[Finding]:
    """Yield a finding for every parent goal that nothing aligns to.

    Parameters
    ----------
    graph : networkx.DiGraph
        A frozen alignment graph.
    **options
        The options in ``OPTIONS``, the one place their defaults and meaning are declared.

    Yields
    ------
    Finding
        One per unsupported parent objective, and one per unsupported key result.
    """
    for team in nodes_of(graph, TEAM):
        if not sub_teams(graph, team):
            continue
        for objective in objectives_of(graph, team):
            if not is_supported(graph, objective):
                yield _objective_finding(graph, objective, team)
            elif key_results:
                yield from _key_result_findings(graph, objective)


def _objective_finding(graph: nx.DiGraph, objective: str, team: str) -> Finding:
    node = graph.nodes[objective]
    team_name = graph.nodes[team]["label"]
    message = (f"Nothing below supports objective {node['id']} {node['label']!r} of "
               f"{team_name!r}, nor any of its key results. A gap can be deliberate, a "
               "signal that the teams below cannot take it on this cycle: is this one? "
               "If not, ask which sub-team should own part of it.")
    krs = [graph.nodes[k]["id"] for k in key_results_of(graph, objective)]
    return Finding(subject=node["id"], subject_kind=OBJECTIVE, message=message,
                   related=(graph.nodes[team]["id"],),
                   data={"team": graph.nodes[team]["id"], "key_results": krs})


def _key_result_findings(graph: nx.DiGraph, objective: str) -> Iterator[Finding]:
    for kr in key_results_of(graph, objective):
        if any(sources(graph, kr, ALIGNS_TO)):
            continue
        node = graph.nodes[kr]
        message = (f"Key result {node['id']} {node['label']!r} has no goal below aligned to "
                   "it, though its objective is supported. Is it meant to be carried by "
                   "the parent team alone?")
        yield Finding(subject=node["id"], subject_kind=KEY_RESULT, message=message,
                      related=(graph.nodes[objective]["id"],), severity="info",
                      data={"objective": graph.nodes[objective]["id"]})
