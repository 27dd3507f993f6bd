"""Unmeasurable key result: a key result with no numeric target.

Rationale
---------
A key result is quantitative, verifiable and precise. Without a numeric ``target`` its
progress cannot be tracked or scored, and every check-in becomes an opinion.

Fires when
----------
A key result has no numeric ``target``. When its title states an amount (the target is
written in words but not recorded) the finding is ``info`` and asks to record it; when
the title states none either, it is a ``warning``. Number words and quantifiers are
amounts ("Hire two engineers", "Double lead flow"); dates, quarters, fiscal years,
versions and ids are not ("Implement in H1", "Build the plan for FY21", "Implement RFC
42"): see :func:`aligngraph.text.states_amount`.

A key result that reads as a task (activity-key-result's built-in verbs) is left to
activity-key-result, whose advice covers the missing number: one finding, one piece of
advice. Set ``leave_tasks`` to false when activity-key-result is disabled.

Measured precision of the warnings (read by hand, 2026-12; a sample of 30 where there
were more): GitLab FY21-Q1 25 of 30 true, 5 misleading (binary milestones such as
"Automated deal reg launched", and "ahead of plan" or "meet the hiring plan", whose number
lives in the plan); GitLab FY24-Q3 3 of 3; Sourcegraph CY19-Q4 6 of 7, 1 false ("Scale
search to C1 and C2 requirements": the publisher redacted the numbers as C1 and C2, which
read as ids); Sourcegraph FY23-Q1 10 of 12, 2 misleading (binary milestones). When no key result in the files has a
numeric target at all (an export that keeps targets in the titles), the ``info`` ones are
folded into one finding on the root team, so that they do not drown the rest.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from ..graph import KEY_RESULT, TEAM, nodes_of, objective_of, parent_team
from ..text import activity_verb, count_of, natural_key, quoted, states_amount
from .base import Finding, Option

SLUG = "unmeasurable-key-result"
CODE = "AG203"
TITLE = "Key result without a numeric target"
SEVERITY = "warning"
FAMILY = "wording"
OPTIONS = {
    "leave_tasks": Option(True, "Leave key results that read as tasks to "
                                "activity-key-result, so each gets one piece of advice."),
}


def check(graph: nx.DiGraph, *, leave_tasks: bool) -> Iterator[Finding]:
    """Yield a finding for every key result with no numeric target.

    Parameters
    ----------
    graph : networkx.DiGraph
        A frozen alignment graph.
    **options
        The options in ``OPTIONS``, the one place their defaults and meaning are declared.

    Yields
    ------
    Finding
        One per key result without ``target``; ``info`` when its title states a number.
    """
    krs = list(nodes_of(graph, KEY_RESULT))
    fold = not any(graph.nodes[kr]["record"].target is not None for kr in krs)
    folded = []
    for kr in krs:
        node = graph.nodes[kr]
        if node["record"].target is not None:
            continue
        if leave_tasks and activity_verb(node["label"]):
            continue
        in_words = states_amount(node["label"])
        if in_words and fold:
            folded.append(node["id"])
            continue
        if in_words:
            message = (f"Key result {node['id']} {quoted(node['label'])} states an amount in its "
                       "title but records no numeric target, so its progress cannot be "
                       "tracked. Record baseline, target and current.")
        else:
            message = (f"Key result {node['id']} {quoted(node['label'])} has no numeric target, and "
                       "its title states none: progress cannot be tracked. Say what number "
                       "will show it was achieved.")
        yield Finding(subject=node["id"], subject_kind=KEY_RESULT, message=message,
                      related=(graph.nodes[objective_of(graph, kr)]["id"],),
                      severity="info" if in_words else "",
                      data={"number_in_title": in_words})
    if folded:
        yield _folded(graph, folded)


def _folded(graph: nx.DiGraph, ids: list[str]) -> Finding:
    ids = sorted(ids, key=natural_key)
    root = next(t for t in nodes_of(graph, TEAM) if parent_team(graph, t) is None)
    return Finding(
        subject=graph.nodes[root]["id"], subject_kind=TEAM, severity="info", related=tuple(ids),
        message=(f"No key result in these files records a numeric target, though "
                 f"{count_of(len(ids), 'key result')} state an amount in their titles "
                 f"({', '.join(ids[:5])}{', …' if len(ids) > 5 else ''}). Record baseline, "
                 "target and current so progress can be tracked and scored."),
        data={"number_in_title": True, "key_results": ids})
