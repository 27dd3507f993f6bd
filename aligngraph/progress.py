"""Progress of goals: from a key result's score, or from where it stands on its way.

A key result's progress is its ``score`` when scored; otherwise how far ``current`` has
gone from ``baseline`` to ``target``. An objective's is the mean of its key results'; a
team's, the mean of its objectives'. Progress feeds the ``progress`` colouring of
pictures, in bands: green at 0.7 and above, amber from 0.4, red below.
"""

from __future__ import annotations

import networkx as nx

from .graph import KEY_RESULT, OBJECTIVE, key_results_of, objectives_of

DEFAULT_BANDS = (0.7, 0.4)


def progress(baseline: float, target: float, current: float) -> float | None:
    """How far ``current`` has gone from ``baseline`` to ``target``: 0 at the start, 1 there.

    Targets below the baseline count the other way round.

    >>> progress(6, 4, 3.5)
    1.25
    >>> progress(10, 20, 15)
    0.5
    >>> progress(5, 5, 7) is None
    True
    """
    if target == baseline:
        return None
    return (current - baseline) / (target - baseline)


def goal_progress(graph: nx.DiGraph, node: str) -> float | None:
    """Progress of a key result, objective or team, from 0 to 1, or None without data."""
    kind = graph.nodes[node]["kind"]
    if kind == KEY_RESULT:
        return _key_result_progress(graph.nodes[node]["record"])
    parts = key_results_of(graph, node) if kind == OBJECTIVE else objectives_of(graph, node)
    values = [v for v in (goal_progress(graph, p) for p in parts) if v is not None]
    return sum(values) / len(values) if values else None


def _key_result_progress(record) -> float | None:
    if record.score is not None:
        return record.score
    if None in (record.baseline, record.target, record.current):
        return None
    done = progress(record.baseline, record.target, record.current)
    return None if done is None else min(max(done, 0.0), 1.0)


def band(value: float | None, bands: tuple[float, float] = DEFAULT_BANDS) -> str | None:
    """``green``, ``amber`` or ``red`` for a progress value, or None without one.

    >>> band(0.7), band(0.4), band(0.39), band(None)
    ('green', 'amber', 'red', None)
    """
    if value is None:
        return None
    green, amber = bands
    return "green" if value >= green else "amber" if value >= amber else "red"
