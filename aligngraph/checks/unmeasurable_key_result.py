"""Unmeasurable key result: a key result with no numeric target.

Rationale
---------
A key result is quantitative, verifiable and precise. Without a numeric ``target`` its
progress cannot be tracked or scored, and every check-in becomes an opinion.

Fires when
----------
A key result has no numeric ``target``. When its title states a number (the target is
written in words but not recorded) the finding is ``info`` and asks to record it; when
the title states none either, it is a ``warning``. When no key result in the files has a
numeric target at all (an export that keeps targets in the titles), the ``info`` ones are
folded into one finding on the root team, so that they do not drown the rest.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import networkx as nx

from ..graph import KEY_RESULT, TEAM, nodes_of, objective_of, parent_team
from ..text import count_of
from .base import Finding

SLUG = "unmeasurable-key-result"
CODE = "AG203"
TITLE = "Key result without a numeric target"
SEVERITY = "warning"
FAMILY = "wording"
OPTIONS: dict = {}

_NUMBER = re.compile(r"\d")


def check(graph: nx.DiGraph) -> Iterator[Finding]:
    """Yield a finding for every key result with no numeric target.

    Parameters
    ----------
    graph : networkx.DiGraph
        A frozen alignment graph.

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
        in_words = bool(_NUMBER.search(node["label"]))
        if in_words and fold:
            folded.append(node["id"])
            continue
        if in_words:
            message = (f"Key result {node['id']} {node['label']!r} states a number in its "
                       "title but records no numeric target, so its progress cannot be "
                       "tracked. Record baseline, target and current.")
        else:
            message = (f"Key result {node['id']} {node['label']!r} has no numeric target, and "
                       "its title states none: progress cannot be tracked. Say what number "
                       "will show it was achieved.")
        yield Finding(subject=node["id"], subject_kind=KEY_RESULT, message=message,
                      related=(graph.nodes[objective_of(graph, kr)]["id"],),
                      severity="info" if in_words else "",
                      data={"number_in_title": in_words})
    if folded:
        yield _folded(graph, folded)


def _folded(graph: nx.DiGraph, ids: list[str]) -> Finding:
    root = next(t for t in nodes_of(graph, TEAM) if parent_team(graph, t) is None)
    return Finding(
        subject=graph.nodes[root]["id"], subject_kind=TEAM, severity="info", related=tuple(ids),
        message=(f"No key result in these files records a numeric target, though "
                 f"{count_of(len(ids), 'key result')} state a number in their titles "
                 f"({', '.join(ids[:5])}{', …' if len(ids) > 5 else ''}). Record baseline, "
                 "target and current so progress can be tracked and scored."),
        data={"number_in_title": True, "key_results": ids})
