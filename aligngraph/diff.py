"""Compare two versions of an organisation: ``aligngraph diff``, ``aligngraph whatif``,
``render --diff`` and the explorer's Workshop tab all go through :func:`compare`.

>>> from aligngraph.pipeline import load_texts
>>> old = load_texts([("old.yaml", '''
... teams: [{id: a}, {id: b, parent: a}]
... objectives:
...   - {id: A1, team: a, title: Grow revenue in Europe}
...   - {id: B1, team: b, title: Win ten new customers in France, aligns_to: A1}
... ''')])
>>> new = load_texts([("new.yaml", '''
... teams: [{id: a}, {id: b, parent: a}]
... objectives:
...   - {id: A1, team: a, title: Grow revenue in Europe}
...   - {id: B2, team: b, title: Open the Berlin office}
... ''')])
>>> changes = compare(old, new)
>>> changes.goals_added, changes.goals_removed, changes.goal_status
(('B2',), ('B1',), {'B1': 'removed', 'B2': 'added'})
"""

from __future__ import annotations

from .changes.compare import (
    ADDED, CHANGED, DIFF_VERSION, GOAL_CHANGES, REMOVED, GoalChange, OrgDiff, SlackChange,
    compare, finding_key,
)
from .changes.matching import DEFAULT_THRESHOLD, MATCHES, Matching, title_similarity

__all__ = ["ADDED", "CHANGED", "DEFAULT_THRESHOLD", "DIFF_VERSION", "GOAL_CHANGES", "MATCHES",
           "REMOVED", "GoalChange", "Matching", "OrgDiff", "SlackChange", "compare",
           "finding_key", "title_similarity"]
