"""Trigger point: a key result far past its target.

Rationale
---------
A key result that lands far above its target (past 120% of the way from baseline to
target) should trigger a rethink, not a celebration: the goal was set too low, or the
world changed under it. Either way the objective may need a new measure mid-cycle.

Fires when
----------
A key result with a ``baseline``, a ``target`` and a ``current`` value has gone more
than ``max_progress`` of the way from baseline to target. Targets below the baseline
("cut churn from 6% to 4%") count the other way round.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from ..graph import KEY_RESULT, nodes_of, objective_of
from ..progress import progress
from ..text import quoted
from .base import Finding, Option

SLUG = "trigger-point"
CODE = "AG209"
TITLE = "Key result far past its target"
SEVERITY = "info"
FAMILY = "hygiene"
OPTIONS = {
    "max_progress": Option(1.2, "Share of the way from baseline to target past which a key "
                           "result needs a rethink.", minimum=1),
}


def check(graph: nx.DiGraph, *, max_progress: float) -> Iterator[Finding]:
    """Yield a finding for every key result far past its target.

    Parameters
    ----------
    graph : networkx.DiGraph
        A frozen alignment graph.
    **options
        The options in ``OPTIONS``, the one place their defaults and meaning are declared.

    Yields
    ------
    Finding
        One per key result past the trigger point.
    """
    for kr in nodes_of(graph, KEY_RESULT):
        record = graph.nodes[kr]["record"]
        if None in (record.baseline, record.target, record.current):
            continue
        done = progress(record.baseline, record.target, record.current)
        if done is not None and done > max_progress:
            node = graph.nodes[kr]
            yield Finding(
                subject=node["id"], subject_kind=KEY_RESULT,
                related=(graph.nodes[objective_of(graph, kr)]["id"],),
                message=(f"Key result {node['id']} {quoted(node['label'])} is at {done:.0%} of the "
                         f"way to its target ({record.current:g} against {record.target:g} from "
                         f"{record.baseline:g}). A result this far past the goal usually "
                         "means it was set too low or the world changed: rethink the goal "
                         "rather than bank it."),
                data={"progress": round(done, 3)})
