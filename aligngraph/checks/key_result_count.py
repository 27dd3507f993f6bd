"""Key-result count: an objective with no key results, or with too many.

Rationale
---------
An objective without key results has no definition of done: nobody can tell at the end
of the cycle whether it was met. One with many key results has lost its focus; usually
some of them are tasks, or belong to another objective.

Fires when
----------
An objective has fewer than ``min_key_results`` key results, or more than
``max_key_results``.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from ..graph import ALIGNS_TO, OBJECTIVE, key_results_of, nodes_of, sources, team_of
from ..text import business_as_usual, count_of, quoted
from .base import Finding, Option

SLUG = "key-result-count"
CODE = "AG202"
TITLE = "Too few or too many key results"
SEVERITY = "warning"
FAMILY = "hygiene"
OPTIONS = {
    "min_key_results": Option(1, "Fewest key results an objective needs.", minimum=0),
    "max_key_results": Option(5, "Most key results an objective should have.", minimum=1),
}


def check(graph: nx.DiGraph, *, min_key_results: int, max_key_results: int
          ) -> Iterator[Finding]:
    """Yield a finding for every objective with too few or too many key results.

    Parameters
    ----------
    graph : networkx.DiGraph
        A frozen alignment graph.
    **options
        The options in ``OPTIONS``, the one place their defaults and meaning are declared.

    Yields
    ------
    Finding
        One per objective outside the range.
    """
    for objective in nodes_of(graph, OBJECTIVE):
        count = len(key_results_of(graph, objective))
        if min_key_results <= count <= max_key_results:
            continue
        node = graph.nodes[objective]
        children = sum(1 for _ in sources(graph, objective, ALIGNS_TO))
        if count == 0 and children:
            advice = (f"has no key results: its progress shows only through the "
                      f"{count_of(children, 'goal')} aligned to it. Add two or three measures "
                      "of its own, so that success is defined at this level too.")
        elif count == 0 and business_as_usual(node["label"]):
            advice = ("has no key results. Hiring to plan reads as business as usual (see "
                      "objective-is-task): first decide whether it belongs in the OKRs; if it "
                      "stays, add two or three measures of what the new people will make "
                      "possible.")
        elif count < min_key_results:
            advice = ("has no key results, so nobody can tell whether it was met. Add two or "
                      "three measures of what success looks like." if count == 0 else
                      f"has only {count} key results, fewer than {min_key_results}.")
        else:
            advice = (f"has {count} key results, more than {max_key_results}: it has lost "
                      "its focus. Keep the measures that define success and move or drop "
                      "the rest.")
        yield Finding(subject=node["id"], subject_kind=OBJECTIVE,
                      message=f"Objective {node['id']} {quoted(node['label'])} {advice}",
                      related=(graph.nodes[team_of(graph, objective)]["id"],),
                      data={"key_results": count})
