"""aligngraph: turn a company's OKRs into a directed graph and show where alignment breaks.

The public API:

- :func:`load` reads OKR files into an :class:`Organisation`;
- :func:`analyse` builds the graph, runs the checks and returns a :class:`Report`;
- :func:`check_paths` does both;
- :class:`AligngraphError` is the base of every error raised on purpose.

Each name is imported on first use, so that ``aligngraph --help`` and the commands that
need no graph start without importing networkx or pydantic.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_HOMES = {
    "AligngraphError": "errors", "InputError": "errors", "Problem": "errors",
    "UsageError": "errors", "load": "io.loader", "Organisation": "model",
    "analyse": "pipeline", "check_paths": "pipeline", "Report": "report",
}

if TYPE_CHECKING:
    from .errors import AligngraphError, InputError, Problem, UsageError
    from .io.loader import load
    from .model import Organisation
    from .pipeline import analyse, check_paths
    from .report import Report


def __getattr__(name: str) -> Any:
    """Import a public name from the module that defines it, on first use."""
    if name not in _HOMES:
        raise AttributeError(f"module 'aligngraph' has no attribute {name!r}")
    return getattr(import_module(f".{_HOMES[name]}", __name__), name)


def __dir__() -> list[str]:
    return sorted([*globals(), *_HOMES])


__all__ = ["AligngraphError", "InputError", "Organisation", "Problem", "Report",
           "UsageError", "analyse", "check_paths", "load", "__version__"]
