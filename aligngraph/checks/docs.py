"""Read a check's documentation from its module docstring.

A check's docstring has a one-line summary and two sections, each underlined with
dashes: ``Rationale`` and ``Fires when``. With the check's ``OPTIONS`` and its case file
(``cases/SLUG.yaml``, whose cases are the examples), it is the one source of
``aligngraph explain`` and of ``docs/checks.md``.
"""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass

from .base import Check

SECTIONS = ("Rationale", "Fires when")
_HEADING = re.compile(r"^(?P<title>[^\n]+)\n-{3,}\n", re.MULTILINE)


@dataclass(frozen=True)
class CheckDoc:
    """The parts of a check's documentation its docstring holds, as plain text."""

    summary: str
    rationale: str
    fires_when: str

    def missing(self) -> list[str]:
        """The names of the parts that are empty."""
        parts = {"summary": self.summary, **dict(zip(SECTIONS, self._sections(), strict=False))}
        return [name for name, text in parts.items() if not text.strip()]

    def _sections(self):
        return self.rationale, self.fires_when


def check_doc(check: Check) -> CheckDoc:
    """Split a check's docstring into its summary and sections."""
    text = inspect.cleandoc(check.doc)
    summary, _, body = text.partition("\n")
    sections = _sections(body)
    return CheckDoc(
        summary=summary.strip(),
        rationale=_prose(sections.get("Rationale", "")),
        fires_when=_prose(sections.get("Fires when", "")),
    )


def _sections(body: str) -> dict[str, str]:
    matches = list(_HEADING.finditer(body))
    sections = {}
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(body)
        sections[match["title"].strip()] = body[match.end():end].strip()
    return sections


def _prose(text: str) -> str:
    """Join wrapped lines into paragraphs; turn ``:func:`x``` roles into ``x``."""
    text = re.sub(r":\w+:`~?([^`]+)`", r"`\1`", text).replace("``", "`")
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "\n\n".join(paragraphs)
