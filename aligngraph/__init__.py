"""aligngraph: turn a company's OKRs into a directed graph and show where alignment breaks.

The public API:

- :func:`load` reads OKR files into an :class:`Organisation`;
- :func:`analyse` builds the graph, runs the checks and returns a :class:`Report`;
- :func:`check_paths` does both;
- :class:`AligngraphError` is the base of every error raised on purpose.

The names are imported on first use, so that importing one part of the package (the
file reader, say) does not import every other.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_HOMES = {
    "AligngraphError": "errors", "InputError": "errors", "Problem": "errors",
    "UsageError": "errors", "Organisation": "model", "Report": "report",
    "analyse": "pipeline", "check_paths": "pipeline", "load": "pipeline",
}

__all__ = [*_HOMES, "__version__"]


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'aligngraph' has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_HOMES[name]}", __name__), name)
