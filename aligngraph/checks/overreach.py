"""Overreach: a team whose key results mostly fell far short.

Rationale
---------
Ambitious OKRs land at about 0.6 to 0.8. A team that averages around 0.3 or less set
goals that were too aggressive, or was pulled off them mid-cycle. Either way the goals
stopped guiding the work, and the next cycle should be set differently.

Fires when
----------
At the end of the cycle, or within its last ``final_days``, a team has at least
``min_scored`` scored key results and their scores average below ``min_average``.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from ..metrics import final_team_averages
from ..graph import TEAM
from ..text import quoted
from .base import Finding, Option

SLUG = "overreach"
CODE = "AG208"
TITLE = "Overreaching goals"
SEVERITY = "warning"
FAMILY = "hygiene"
OPTIONS = {
    "min_average": Option(0.3, "Average score below which a team overreached.",
                          minimum=0, maximum=1),
    "min_scored": Option(2, "Fewest scored key results for a team to be judged.", minimum=1),
    "final_days": Option(14, "Days before the cycle's end from which scores are judged.",
                         minimum=0),
}


def check(graph: nx.DiGraph, *, min_average: float, min_scored: int,
          final_days: int) -> Iterator[Finding]:
    """Yield a finding for every team whose scores average very low.

    Parameters
    ----------
    graph : networkx.DiGraph
        A frozen alignment graph.
    **options
        The options in ``OPTIONS``, the one place their defaults and meaning are declared.

    Yields
    ------
    Finding
        One per overreaching team, with its average.
    """
    for team, scores, average in final_team_averages(graph, min_scored=min_scored,
                                                     final_days=final_days):
        if average < min_average:
            node = graph.nodes[team]
            yield Finding(
                subject=node["id"], subject_kind=TEAM, related=tuple(scores),
                message=(f"{quoted(node['label'])} scores {average:.2f} on average over "
                         f"{len(scores)} key results, far below the 0.6 to 0.8 of ambitious "
                         "goals. Were the goals too aggressive, or did the team stop working "
                         "on them? Set the next cycle from what it learned."),
                data={"average": round(average, 3), "scores": scores})
