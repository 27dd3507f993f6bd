"""The one exception hierarchy of aligngraph.

Every error the tool raises on purpose derives from :class:`AligngraphError`, so a caller
(the CLI, the explorer) needs a single ``except`` to turn it into a clear message.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

EXCERPT_WIDTH = 60
MAX_MESSAGE = 600  # characters of one problem's message or path, whatever its source
MAX_LISTED = 200  # problems spelled out in an InputError's text; all stay in .problems


@dataclass(frozen=True)
class Problem:
    """One located problem in the input: where it is and what was expected.

    The path and the message are cut to a few hundred characters, so that no value from
    the input, however large, is ever echoed whole.
    """

    file: str
    path: str
    message: str
    line: int | None = None
    column: int | None = None
    stands_for: int = 1  # problems this one counts: a line summing up N untold ones is N

    def __post_init__(self) -> None:
        object.__setattr__(self, "path", _cut(self.path, MAX_MESSAGE))
        object.__setattr__(self, "message", _cut(self.message, MAX_MESSAGE))

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


class UnknownIdError(UsageError):
    """An id given on the command line (``--focus``, ``--drop``…) names nothing, or names
    more than one thing."""


class InputError(AligngraphError):
    """The OKR files are not valid; carries every problem found, each located."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=_problem_order)
        self.count = sum(p.stands_for for p in self.problems)
        noun = "problem" if self.count == 1 else "problems"
        lines = [f"{self.count:,} {noun} in the input:"]
        lines += [f"  {p}" for p in self.problems[:MAX_LISTED]]
        if len(self.problems) > MAX_LISTED:
            lines.append(f"  … and {len(self.problems) - MAX_LISTED:,} more (the first "
                         f"{MAX_LISTED} are listed; fix them and run again)")
        super().__init__("\n".join(lines))


def _problem_order(problem: Problem) -> tuple:
    return (problem.file, problem.line or 0, problem.column or 0, problem.path)


def excerpt(value: Any, width: int = EXCERPT_WIDTH) -> str:
    """A short, readable excerpt of any value from the input, never longer than ``width``.

    Built piece by piece, so a large structure costs no more than the excerpt: no
    ``repr`` of the whole value is ever made.

    >>> excerpt("Win the mid-market")
    "'Win the mid-market'"
    >>> excerpt("x" * 1000, width=12)
    "'xxxxxxxxxx…"
    >>> excerpt({"teams": list(range(10**6))}, width=30)
    "{'teams': [0, 1, 2, 3, 4, 5, …"
    """
    text = ""
    for piece in _pieces(value, width):
        text += piece
        if len(text) > width:
            return text[:width - 1] + "…"
    return text


def _pieces(value: Any, budget: int) -> Iterator[str]:
    """The repr of ``value`` in pieces, each piece small, stopping once ``budget`` is spent."""
    if budget <= 0:
        yield "…"
    elif isinstance(value, str):
        yield repr(value[:budget + 1])
    elif isinstance(value, bool) or value is None or isinstance(value, (float, dt.date)):
        yield repr(value)
    elif isinstance(value, int):
        yield _whole_number(value)
    elif isinstance(value, dict):
        yield from _container("{", "}", value.items(), budget, keyed=True)
    elif isinstance(value, (list, tuple, set, frozenset)):
        yield from _container("[", "]", value, budget)
    else:
        yield f"<{type(value).__name__}>"


def _container(opening: str, closing: str, items: Any, budget: int,
               keyed: bool = False) -> Iterator[str]:
    yield opening
    spent = 1
    for index, item in enumerate(items):
        if spent > budget:
            yield "…"
            return
        left = budget - spent
        parts = [*_pieces(item[0], left), ": ", *_pieces(item[1], left)] if keyed \
            else list(_pieces(item, left))
        piece = (", " if index else "") + "".join(parts)
        spent += len(piece)
        yield piece
    yield closing


def _whole_number(value: int) -> str:
    if value.bit_length() < 200:
        return str(value)
    digits = int(value.bit_length() * 0.30103) + 1  # about log10(2) per bit
    return f"<a whole number of about {digits:,} digits>"


def _cut(text: str, width: int) -> str:
    if len(text) <= width:
        return text
    return f"{text[:width]}… ({len(text) - width:,} more characters cut)"
