"""Activity key result: a key result that is a task, not a measure.

Rationale
---------
A key result is a measure of an outcome, not an activity. "Call Jimmy in Marketing" is a
task: you can do it and still miss the objective. Activities belong in the team's plan;
the key result says what will be different when they are done.

Fires when
----------
A key result's title starts with an activity verb and states no measurable outcome, by
the transparent heuristic of :func:`aligngraph.text.activity_verb`: the first word, in any
form (simplemma's lemma: "hired" and "hiring" are "hire"), is in a fixed list of verbs of
doing (launch, implement, call, hold, hire, track, go live, ...), and the title has no
percentage, no "from X to Y", no comparison, no multiple, rate, ratio or score. Dates,
quarters and ids are not outcomes ("Launch by 2026", "Implement RFC 42"). A bare count of
tasks ("Call the top 10 accounts") still reads as an activity. Set ``verbs`` to extend
the list for your own wording.

A key result that is a task and has no numeric target is reported here only, not also by
unmeasurable-key-result: one finding, one piece of advice (say what will be different,
and by how much).

Measured precision (findings read by hand as a coach, 2026-12, after adding the verbs and
lemmas; a sample of 30 where there were more): GitLab FY21-Q1 29 of 30 true, 1 misleading
("Review 50 merge requests": a count of output some coaches accept); GitLab FY24-Q3 5 of
5; Sourcegraph CY19-Q4 19 of 19; Sourcegraph FY23-Q1 1 of 1 (two "Add $N ARR" false
alarms were removed by counting sums of money and revenue as outcomes). Seven verbs a
coach's review found missing (perform, revamp, install, tag, monitor, ensure, formalise)
added 14 findings over the 26 real files, 13 of them true; the doubtful one, "Ensure
that no technical issue blocks a deal…", states a state that could be counted. Recall is
not measured: a task that starts with a verb outside the list ("Get the board to approve
the plan") passes.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from ..graph import KEY_RESULT, nodes_of, objective_of
from ..text import ACTIVITY_VERBS, activity_verb, normalise, quoted
from .base import Finding, Option

SLUG = "activity-key-result"
CODE = "AG204"
TITLE = "Key result that is an activity"
SEVERITY = "warning"
FAMILY = "wording"
OPTIONS = {
    "verbs": Option("", "Extra activity verbs, separated by spaces, added to the built-in "
                        "list."),
}


def check(graph: nx.DiGraph, *, verbs: str) -> Iterator[Finding]:
    """Yield a finding for every key result that reads like a task.

    Parameters
    ----------
    graph : networkx.DiGraph
        A frozen alignment graph.
    **options
        The options in ``OPTIONS``, the one place their defaults and meaning are declared.

    Yields
    ------
    Finding
        One per activity-like key result, with the verb in ``data``.
    """
    known = ACTIVITY_VERBS | set(normalise(verbs).split())
    for kr in nodes_of(graph, KEY_RESULT):
        node = graph.nodes[kr]
        verb = activity_verb(node["label"], known)
        if verb:
            yield Finding(
                subject=node["id"], subject_kind=KEY_RESULT,
                message=(f"Key result {node['id']} {quoted(node['label'])} reads like a task "
                         f"(it starts with “{verb}” and states no measurable outcome). Say "
                         "what will be different, and by how much, once it is done."),
                related=(graph.nodes[objective_of(graph, kr)]["id"],),
                data={"verb": verb})

