"""aligngraph: turn a company's OKRs into a directed graph and show where alignment breaks.

The public API:

- :func:`load` reads OKR files into an :class:`Organisation`;
- :func:`analyse` builds the graph, runs the checks and returns a :class:`Report`;
- :func:`check_paths` does both;
- :class:`AligngraphError` is the base of every error raised on purpose.

Each name is imported on first use, so that importing one part of the package (the file
reader, say) imports no other, and ``aligngraph --help`` starts without networkx or
pydantic.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_HOMES = {
    "AligngraphError": "errors", "InputError": "errors", "Problem": "errors",
    "UsageError": "errors", "Organisation": "model", "Report": "report",
    "analyse": "pipeline", "check_paths": "pipeline", "load": "pipeline",
}

if TYPE_CHECKING:
    from .errors import AligngraphError, InputError, Problem, UsageError
    from .model import Organisation
    from .pipeline import analyse, check_paths, load
    from .report import Report

__all__ = ["AligngraphError", "InputError", "Organisation", "Problem", "Report",
           "UsageError", "__version__", "analyse", "check_paths", "load"]


def __getattr__(name: str) -> Any:
    """Import a public name from the module that defines it, on first use."""
    if name not in _HOMES:
        raise AttributeError(f"module 'aligngraph' has no attribute {name!r}")
    return getattr(import_module(f".{_HOMES[name]}", __name__), name)


def __dir__() -> list[str]:
    return sorted([*globals(), *_HOMES])
