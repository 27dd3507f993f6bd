"""The check registry: every check aligngraph runs, one module each.

A check module declares ``SLUG``, ``CODE``, ``TITLE``, ``SEVERITY``, ``FAMILY`` and ``OPTIONS`` beside
its ``check(graph, *, option...)`` function, and its docstring is its documentation. Every
module of this package that declares a ``SLUG`` is found and registered, in the order of
the codes; the case file ``cases/SLUG.yaml`` beside it shows and tests it.
"""

from __future__ import annotations

import importlib
import pkgutil

from .base import FAMILIES, SEVERITIES, Check, Finding, Option, severity_rank
from .config import CheckConfig, progress_bands, resolve_settings

#: Modules of this package that hold what checks share, not a check.
INFRASTRUCTURE = frozenset({"base", "config", "docs"})


def check_modules() -> list:
    """Every module of this package that is not infrastructure, imported."""
    return [importlib.import_module(f"{__name__}.{info.name}")
            for info in pkgutil.iter_modules(__path__)
            if info.name not in INFRASTRUCTURE]


REGISTRY: dict[str, Check] = {
    check.slug: check
    for check in sorted(map(Check.from_module, check_modules()), key=lambda c: c.code)
}

__all__ = ["FAMILIES", "INFRASTRUCTURE", "REGISTRY", "SEVERITIES", "Check", "CheckConfig", "Finding",
           "Option", "check_modules", "progress_bands", "resolve_settings", "severity_rank"]
