"""The check registry: every check aligngraph runs, one module each.

A check module declares ``SLUG``, ``CODE``, ``TITLE``, ``SEVERITY`` and ``OPTIONS`` beside
its ``check(graph, **options)`` function, and its docstring is its documentation.
"""

from __future__ import annotations

from . import (
    detached_alignment, missing_liaison, orphan_team, overloaded_contributor,
    stacked_alignment, unsupported_parent,
)
from .base import SEVERITIES, Check, Finding, Option, severity_rank
from .config import CheckConfig, resolve_settings

REGISTRY: dict[str, Check] = {
    check.slug: check
    for check in map(Check.from_module, (
        orphan_team, overloaded_contributor, unsupported_parent, stacked_alignment,
        detached_alignment, missing_liaison,
    ))
}

__all__ = ["REGISTRY", "SEVERITIES", "Check", "CheckConfig", "Finding", "Option",
           "resolve_settings", "severity_rank"]
