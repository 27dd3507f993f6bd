"""Objective that is a metric: an objective that names a KPI or a topic, not a goal.

Rationale
---------
An objective says where the team wants to go, in words that move people: "Become the
default scheduling tool for small clinics". "IACV", "Predictability" or "Net new ARR" say
only what to look at. The number belongs in a key result; the objective says why it
matters and what good looks like.

Fires when
----------
An objective's title has at most ``max_words`` words and no verb: no word is, in any form
(simplemma's lemma), a verb of :data:`aligngraph.text.GOAL_VERBS` (grow, become, win,
launch, improve, ...) or an auxiliary (is, are, has), and no word is a past participle of
another verb ("launched", "adopted"). A first word outside that list counts as a verb when
"the", "a", "our" or the like follows it ("Fund the fleet transition"), or when it can be
one (it has a past form, as "diversify" has "diversified") and the title does not end in a
KPI's name, an acronym in capitals ("Net new ARR"). Set ``verbs`` to add your own verbs.

Measured precision (read by hand, 2026-12): GitLab FY21-Q1 5 of 5 ("IACV",
"Predictability", "Great team", "Public Company Preparation", "Popular next generation
product"); Sourcegraph CY19-Q4 3 of 3 ("Net new ARR", "Standard developer platform",
"Aspirational team."); none on the other two. Recall is partial by design: "Enterprise-grade
dot com." and "Cost-effective IACV pipeline growth" pass, since their first word can be a
verb.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from ..graph import OBJECTIVE, nodes_of
from ..text import metric_title, normalise, quoted
from .base import Finding, Option

SLUG = "objective-is-metric"
CODE = "AG216"
TITLE = "Objective that is a metric or a topic"
SEVERITY = "warning"
FAMILY = "wording"
OPTIONS = {
    "max_words": Option(4, "The most words an objective that names a metric or a topic has.",
                        minimum=1),
    "verbs": Option("", "Extra verbs, separated by spaces, that make a title a goal."),
}


def check(graph: nx.DiGraph, *, max_words: int, verbs: str) -> Iterator[Finding]:
    """Yield a finding for every objective that names a metric or a topic.

    Parameters
    ----------
    graph : networkx.DiGraph
        A frozen alignment graph.
    **options
        The options in ``OPTIONS``, the one place their defaults and meaning are declared.

    Yields
    ------
    Finding
        One per objective whose title is a metric or a topic.
    """
    extra = frozenset(normalise(verbs).split())
    for objective in nodes_of(graph, OBJECTIVE):
        node = graph._node[objective]
        if metric_title(node["label"], max_words, extra):
            yield Finding(
                subject=node["id"], subject_kind=OBJECTIVE,
                message=(f"Objective {node['id']} {quoted(node['label'])} of "
                         f"{quoted(graph._node[node['team']]['label'])} names a metric or a "
                         "topic, not a goal. Say where the team wants to go and why it "
                         "matters (“Grow …”, “Become …”), and put the number in a key "
                         "result."))
