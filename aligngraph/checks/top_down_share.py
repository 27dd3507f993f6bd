"""Top-down share: a team whose objectives were mostly written for it.

Rationale
---------
Leaders share their OKRs, and teams set their own. Objectives dictated top-down lose the
team's knowledge of what is possible, and with it their ownership: people work to a goal
they did not choose and cannot change.

Fires when
----------
More than ``max_share`` of a team's objectives have ``origin: top-down``. The
organisation's overall share is in the report's summary.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from ..graph import TEAM, nodes_of, objectives_of
from ..text import quoted, share_of
from ..metrics import is_top_down
from .base import Finding, Option

SLUG = "top-down-share"
CODE = "AG210"
TITLE = "Objectives dictated top-down"
SEVERITY = "warning"
FAMILY = "hygiene"
OPTIONS = {
    "max_share": Option(0.5, "Largest healthy share of a team's objectives written top-down.",
                        minimum=0, maximum=1),
}


def check(graph: nx.DiGraph, *, max_share: float) -> Iterator[Finding]:
    """Yield a finding for every team with too many top-down objectives.

    Parameters
    ----------
    graph : networkx.DiGraph
        A frozen alignment graph.
    **options
        The options in ``OPTIONS``, the one place their defaults and meaning are declared.

    Yields
    ------
    Finding
        One per team over the share.
    """
    for team in nodes_of(graph, TEAM):
        objectives = objectives_of(graph, team)
        top_down = [graph.nodes[o]["id"] for o in objectives if is_top_down(graph, o)]
        if objectives and len(top_down) / len(objectives) > max_share:
            node = graph.nodes[team]
            yield Finding(
                subject=node["id"], subject_kind=TEAM, related=tuple(top_down),
                message=(f"{share_of(len(top_down), len(objectives), 'objective').capitalize()}"
                         f" of {quoted(node['label'])} {'was' if len(objectives) == 1 else 'were'} "
                         "written top-down. Teams own goals they set themselves: share the "
                         "goals above and let the team write its own."),
                data={"top_down": top_down, "share": round(len(top_down) / len(objectives), 3)})
