"""Unsupported parent goal: a goal of a parent team that nothing below supports.

Rationale
---------
A parent goal that nothing below supports is unlikely to succeed. The gap can be
deliberate: teams leave a gap to signal that they cannot take the goal on this cycle. So
the finding asks whether it is, rather than calling it a mistake. Not every goal needs
the teams below: a goal whose key results the parent team's own people own, or one about
the team itself (hiring, culture), is carried by that team, and is only noted. A goal
that a sub-team copies word for word without linking to it is supported in all but the
link, and the finding asks for the link.

Fires when
----------
An objective owned by a team that has sub-teams has nothing aligned to it nor to any of
its key results: a ``warning``.

When a goal of a sub-team copies it, or one of its key results (the same title, or for two
objectives a title at least 0.85 alike, see :data:`aligngraph.copies.NEAR_COPY`), without
linking to it, the finding stays a ``warning``, names the copies and asks for the links
(``data.copies``).

Otherwise, when every one of its key results is owned by a member or the lead of its own
team, or its title names one of ``team_topics``, the team carries it: ``info``
(``data.carried_by`` is ``key-result-owners`` or ``team-topic``).

With ``key_results`` on, a key result of a supported objective that nothing supports is
reported too (``info``, the key result as the subject), unless a goal below copies it:
then the finding names the copy and asks for the link, or there is none when the copy's
objective already aligns to the key result's objective.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from ..copies import copies_below
from ..graph import (
    ALIGNS_TO, KEY_RESULT, LEADS, MEMBER_OF, OBJECTIVE, OWNS, TEAM, is_supported,
    key_results_of, nodes_of, objectives_of, sources, sub_teams, targets,
)
from ..text import normalise, quoted
from .base import Finding, Option

SLUG = "unsupported-parent"
CODE = "AG103"
TITLE = "Unsupported parent goal"
SEVERITY = "warning"
FAMILY = "alignment"
OPTIONS = {
    "key_results": Option(False, "Also report, as info, the unsupported key results of "
                          "parent objectives that are otherwise supported."),
    "team_topics": Option("hire hiring recruit recruiting team culture onboarding career "
                          "talent", "Words (space-separated) that mark an objective about "
                          "the team itself, which its leaders carry: such an objective is "
                          "only info. Empty to turn off."),
}


def check(graph: nx.DiGraph, *, key_results: bool, team_topics: str) -> Iterator[Finding]:
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
        One per unsupported parent objective, and (with ``key_results``) one per
        unsupported key result of a supported one.
    """
    topics = frozenset(normalise(team_topics).split())
    for team in nodes_of(graph, TEAM):
        if not sub_teams(graph, team):
            continue
        for objective in objectives_of(graph, team):
            if not is_supported(graph, objective):
                yield _objective_finding(graph, objective, team, topics)
            elif key_results:
                yield from _key_result_findings(graph, objective)


def _objective_finding(graph: nx.DiGraph, objective: str, team: str,
                       topics: frozenset[str]) -> Finding:
    node = graph.nodes[objective]
    krs = key_results_of(graph, objective)
    data = {"team": graph.nodes[team]["id"], "key_results": _ids(graph, krs),
            "copies": {}, "carried_by": None}
    what = (f"Nothing below supports objective {node['id']} {quoted(node['label'])} of "
            f"{quoted(graph.nodes[team]['label'])}, nor any of its key results")
    copies = {copy: original for original in (objective, *krs)
              for copy in copies_below(graph, original)}
    if copies:
        data["copies"] = {graph.nodes[c]["id"]: graph.nodes[o]["id"] for c, o in copies.items()}
        message = (f"Nothing below links to objective {node['id']} {quoted(node['label'])} "
                   f"of {quoted(graph.nodes[team]['label'])}, though the teams below repeat "
                   f"it: {_copy_list(graph, copies)}. Link each copy to what it repeats, so "
                   "the support shows.")
        return _finding(node, message, (data["team"], *data["copies"]), data)
    carried_by = _carried_by(graph, objective, krs, team, topics)
    if carried_by == "key-result-owners":
        message = (f"{what}; its own team carries it: every key result is owned inside "
                   f"{quoted(graph.nodes[team]['label'])}. Nothing to do, unless a sub-team "
                   "should share the work.")
    elif carried_by == "team-topic":
        message = (f"{what}; it is about the team itself, which its leaders usually carry. "
                   "Nothing to do, unless the sub-teams should each take a part.")
    else:
        message = (f"{what}. A gap can be deliberate, a signal that the teams below cannot "
                   "take it on this cycle: is this one? If not, ask which sub-team should "
                   "own part of it.")
    data["carried_by"] = carried_by
    return _finding(node, message, (data["team"],), data,
                    severity="info" if carried_by else "")


def _finding(node, message: str, related: tuple, data: dict, severity: str = "") -> Finding:
    return Finding(subject=node["id"], subject_kind=node["kind"], message=message,
                   related=related, data=data, severity=severity)


def _carried_by(graph: nx.DiGraph, objective: str, krs: list[str], team: str,
                topics: frozenset[str]) -> str | None:
    """Why the objective's own team carries it, or None."""
    insiders = {*sources(graph, team, MEMBER_OF), *sources(graph, team, LEADS)}
    owners = [next(sources(graph, kr, OWNS), None) for kr in krs]
    if owners and all(owner in insiders for owner in owners):
        return "key-result-owners"
    if topics & set(normalise(graph.nodes[objective]["label"]).split()):
        return "team-topic"
    return None


def _copy_list(graph: nx.DiGraph, copies: dict[str, str]) -> str:
    """'O33 of “Infra” copies it, and KR71 copies KR37'."""
    parts = []
    for copy, original in copies.items():
        c, o = graph.nodes[copy], graph.nodes[original]
        target = "it" if o["kind"] == OBJECTIVE else f"its key result {o['id']}"
        parts.append(f"{c['id']} of {quoted(graph.nodes[c['team']]['label'])} copies {target}")
    return "; ".join(parts)


def _key_result_findings(graph: nx.DiGraph, objective: str) -> Iterator[Finding]:
    for kr in key_results_of(graph, objective):
        if any(sources(graph, kr, ALIGNS_TO)):
            continue
        node = graph.nodes[kr]
        data = {"objective": graph.nodes[objective]["id"], "copies": []}
        copies = copies_below(graph, kr, linked=True)
        if any(_links_to_objective(graph, copy, objective) for copy in copies):
            continue
        if copies:
            data["copies"] = _ids(graph, copies)
            one = len(copies) == 1
            message = (f"Key result {node['id']} {quoted(node['label'])} is repeated below by "
                       f"{', '.join(data['copies'])}, which "
                       f"{'does not link' if one else 'do not link'} to it. Link the "
                       f"{'copy' if one else 'copies'}, so the support shows.")
        else:
            message = (f"Key result {node['id']} {quoted(node['label'])} has no goal below "
                       "aligned to it, though its objective is supported. Is it meant to be "
                       "carried by the parent team alone?")
        yield Finding(subject=node["id"], subject_kind=KEY_RESULT, message=message,
                      related=(data["objective"], *data["copies"]), severity="info", data=data)


def _links_to_objective(graph: nx.DiGraph, copy: str, objective: str) -> bool:
    """Whether a copy's objective aligns to the objective: the support is recorded."""
    return objective in targets(graph, graph.nodes[copy]["objective"], ALIGNS_TO)


def _ids(graph: nx.DiGraph, keys) -> list[str]:
    return [graph.nodes[k]["id"] for k in keys]
