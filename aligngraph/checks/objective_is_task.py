"""Objective that is a task: an objective that is a piece of work, or business as usual.

Rationale
---------
An objective is an outcome worth a quarter's effort. "Complete website SEO audit" and
"Hold successful Contribute" are projects: they can be done, and nothing changes. "Hiring
to target" is the job itself. Both belong in the team's plan; the objective says what the
work will make possible.

Fires when
----------
An objective reads as a task, by the same heuristic as activity-key-result
(:func:`aligngraph.text.activity_verb`) with a narrower list of verbs, those of finishing
a piece of work (:data:`aligngraph.text.TASK_VERBS`: complete, implement, hold, launch,
deploy, execute, prepare, ...; not "build", "create" or "ship", since "Build a world-class team"
is a fine objective): the first word, in any form, is one of them, and the title states
no measurable outcome. Or it is business as usual: hiring to plan or target ("Hiring to
target", "Accomplish Q1 hiring goals", "Hire to plan"), in at most six words.

Measured precision (read by hand, 2026-12): GitLab FY21-Q1 20 of 21 true, 1 misleading
("Implement account-centric marketing model", a change of strategy a coach may accept);
Sourcegraph CY19-Q4 1 of 1 ("Release campaign tracking and creation."); none on the
other two.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from ..graph import OBJECTIVE, nodes_of
from ..text import TASK_VERBS, activity_verb, business_as_usual, quoted
from .base import Finding

SLUG = "objective-is-task"
CODE = "AG217"
TITLE = "Objective that is a task"
SEVERITY = "warning"
FAMILY = "wording"
OPTIONS: dict = {}


def check(graph: nx.DiGraph) -> Iterator[Finding]:
    """Yield a finding for every objective that reads as a task or business as usual.

    Parameters
    ----------
    graph : networkx.DiGraph
        A frozen alignment graph.

    Yields
    ------
    Finding
        One per task-like objective, with ``data.kind`` "task" or "business as usual".
    """
    for objective in nodes_of(graph, OBJECTIVE):
        node = graph._node[objective]
        title, team = quoted(node["label"]), quoted(graph._node[node["team"]]["label"])
        if business_as_usual(node["label"]):
            yield Finding(
                subject=node["id"], subject_kind=OBJECTIVE, data={"kind": "business as usual"},
                message=(f"Objective {node['id']} {title} of {team} is business as usual: "
                         "hiring to plan is the job, not an outcome. Say what the new people "
                         "will make possible, or keep the hiring plan out of the OKRs."))
        elif verb := activity_verb(node["label"], TASK_VERBS):
            yield Finding(
                subject=node["id"], subject_kind=OBJECTIVE, data={"kind": "task", "verb": verb},
                message=(f"Objective {node['id']} {title} of {team} is a task (it starts with "
                         f"“{verb}”): it can be done without anything changing. Say what it "
                         "will make possible, and keep the task in the team's plan."))
