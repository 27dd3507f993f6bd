"""Deep cascade: a chain of alignment too long to carry meaning.

Rationale
---------
Every hop of alignment loses some of the original intent. Past four levels, the
objective at the bottom of the chain is several translations away from the goal at the
top, and the people working on it can no longer see why it matters.

Fires when
----------
An objective sits more than ``max_depth`` levels down an ``aligns_to`` chain from a root
objective (one that aligns to nothing). A root objective is level 1; aligning to an
objective or to one of its key results is one level. The finding is on the first
objective past the limit, with the chain up to its root.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from ..graph import ALIGNS_TO, OBJECTIVE, nodes_of, objective_of, targets
from ..text import quoted
from .base import Finding, Option

SLUG = "deep-cascade"
CODE = "AG211"
TITLE = "Deep cascade"
SEVERITY = "warning"
FAMILY = "hygiene"
OPTIONS = {
    "max_depth": Option(4, "Most levels of objectives in one alignment chain.", minimum=1),
}


def chains(graph: nx.DiGraph) -> dict[str, list[str]]:
    """For every objective, its longest chain up to a root objective, itself first.

    Computed bottom-up once per objective, so the whole pass is linear in the graph.
    """
    memo: dict[str, list[str]] = {}
    for objective in nodes_of(graph, OBJECTIVE):
        stack = [objective]
        while stack:
            node = stack[-1]
            parents = [objective_of(graph, t) for t in targets(graph, node, ALIGNS_TO)]
            pending = [p for p in parents if p not in memo]
            if pending:
                stack.extend(pending)
                continue
            stack.pop()
            longest = max((memo[p] for p in parents), key=len, default=[])
            memo[node] = [node, *longest]
    return memo


def check(graph: nx.DiGraph, *, max_depth: int) -> Iterator[Finding]:
    """Yield a finding for every objective that first goes past ``max_depth`` levels.

    Parameters
    ----------
    graph : networkx.DiGraph
        A frozen alignment graph.
    **options
        The options in ``OPTIONS``, the one place their defaults and meaning are declared.

    Yields
    ------
    Finding
        One per objective at level ``max_depth + 1``, with its chain.
    """
    for objective, chain in chains(graph).items():
        if len(chain) == max_depth + 1:
            ids = [graph.nodes[o]["id"] for o in chain]
            node = graph.nodes[objective]
            yield Finding(
                subject=node["id"], subject_kind=OBJECTIVE, related=tuple(ids[1:]),
                message=(f"Objective {node['id']} {quoted(node['label'])} is {len(chain)} levels "
                         f"down from {ids[-1]} ({' → '.join(ids)}). Past {max_depth} levels "
                         "the intent at the top is lost: align it to a goal higher up."),
                data={"chain": ids, "depth": len(chain)})
