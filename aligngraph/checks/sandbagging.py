"""Sandbagging: a team whose key results all land at the top.

Rationale
---------
Ambitious OKRs land at about 0.6 to 0.8. A team that always scores 1.0 set goals it knew
it would hit: it is sandbagging, and the organisation learns nothing about what it could
have done.

Fires when
----------
At the end of the cycle, or within its last ``final_days``, a team has at least
``min_scored`` scored key results, and their scores average ``max_average`` or more, or
all are 1.0.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from ..metrics import final_team_averages
from ..graph import TEAM
from ..text import quoted
from .base import Finding, Option

SLUG = "sandbagging"
CODE = "AG207"
TITLE = "Sandbagged scores"
SEVERITY = "warning"
FAMILY = "hygiene"
OPTIONS = {
    "max_average": Option(0.95, "Average score at or above which a team is sandbagging.",
                          minimum=0, maximum=1),
    "min_scored": Option(2, "Fewest scored key results for a team to be judged.", minimum=1),
    "final_days": Option(14, "Days before the cycle's end from which scores are judged.",
                         minimum=0),
}


def check(graph: nx.DiGraph, *, max_average: float, min_scored: int,
          final_days: int) -> Iterator[Finding]:
    """Yield a finding for every team whose scores sit at the top.

    Parameters
    ----------
    graph : networkx.DiGraph
        A frozen alignment graph.
    **options
        The options in ``OPTIONS``, the one place their defaults and meaning are declared.

    Yields
    ------
    Finding
        One per sandbagging team, with its average.
    """
    for team, scores, average in final_team_averages(graph, min_scored=min_scored,
                                                     final_days=final_days):
        if average >= max_average or all(s == 1.0 for s in scores.values()):
            node = graph.nodes[team]
            yield Finding(
                subject=node["id"], subject_kind=TEAM, related=tuple(scores),
                message=(f"{quoted(node['label'])} scores {average:.2f} on average over "
                         f"{len(scores)} key results. Ambitious goals land at 0.6 to 0.8; "
                         "scores this high suggest the goals were set to be safe. Ask what "
                         "a stretch would have looked like."),
                data={"average": round(average, 3), "scores": scores})
