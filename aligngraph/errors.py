"""The one exception hierarchy of aligngraph.

Every error the tool raises on purpose derives from :class:`AligngraphError`, so a caller
(the CLI, the explorer) needs a single ``except`` to turn it into a clear message.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One located problem in the input: where it is and what was expected."""

    file: str
    path: str
    message: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        field = f" {self.path}:" if self.path else ""
        return f"{where}:{field} {self.message}"


class AligngraphError(Exception):
    """Base class of every error aligngraph raises on purpose."""

    exit_code = 2


class UsageError(AligngraphError):
    """The command was called wrongly: an unknown option value, a missing path."""


class InputError(AligngraphError):
    """The OKR files are not valid; carries every problem found, each located."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=_problem_order)
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"{count} {noun} in the input:"] + [f"  {p}" for p in self.problems]
        super().__init__("\n".join(lines))


def _problem_order(problem: Problem) -> tuple:
    return (problem.file, problem.line or 0, problem.column or 0, problem.path)
