"""aligngraph: turn a company's OKRs into a directed graph and show where alignment breaks.

The public API:

- :func:`load` reads OKR files into an :class:`Organisation`;
- :func:`analyse` builds the graph, runs the checks and returns a :class:`Report`;
- :func:`check_paths` does both;
- :class:`AligngraphError` is the base of every error raised on purpose.
"""

__version__ = "0.1.0"

from .errors import AligngraphError, InputError, Problem, UsageError  # noqa: E402
from .io.loader import load  # noqa: E402
from .model import Organisation  # noqa: E402
from .pipeline import analyse, check_paths  # noqa: E402
from .report import Report  # noqa: E402

__all__ = ["AligngraphError", "InputError", "Organisation", "Problem", "Report",
           "UsageError", "analyse", "check_paths", "load", "__version__"]
