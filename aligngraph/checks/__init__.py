"""The check registry: every check aligngraph runs, one module each.

A check module declares ``SLUG``, ``CODE``, ``TITLE``, ``SEVERITY`` and ``OPTIONS`` beside
its ``check(graph, **options)`` function, and its docstring is its documentation.
"""

from __future__ import annotations

from . import (
    activity_key_result, dangling_liaison, deep_cascade, detached_alignment,
    individual_okr, key_result_count, missed_review, missing_liaison, orphan_team,
    overloaded_contributor, overreach, sandbagging, stacked_alignment, stale_check_in,
    too_many_objectives, top_down_share, trigger_point, unmeasurable_key_result,
    unsupported_parent,
)
from .base import SEVERITIES, Check, Finding, Option, severity_rank
from .config import CheckConfig, progress_bands, resolve_settings

REGISTRY: dict[str, Check] = {
    check.slug: check
    for check in map(Check.from_module, (
        orphan_team, overloaded_contributor, unsupported_parent, stacked_alignment,
        detached_alignment, missing_liaison,
        too_many_objectives, key_result_count, unmeasurable_key_result, activity_key_result,
        stale_check_in, missed_review, sandbagging, overreach, trigger_point, top_down_share,
        deep_cascade, individual_okr, dangling_liaison,
    ))
}

__all__ = ["REGISTRY", "SEVERITIES", "Check", "CheckConfig", "Finding", "Option",
           "progress_bands", "resolve_settings", "severity_rank"]
