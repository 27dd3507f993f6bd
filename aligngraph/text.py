"""Text helpers for checks that read goal titles."""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

_NON_WORD = re.compile(r"[^0-9a-z]+")


def normalise(title: str) -> str:
    """Lower-case, strip accents and punctuation, and fold white space.

    >>> normalise("  Grow ARR — to €5M! ")
    'grow arr to 5m'
    """
    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return _NON_WORD.sub(" ", folded.lower()).strip()


def similarity(a: str, b: str) -> float:
    """How nearly one title repeats another, from 0 (nothing shared) to 1 (the same).

    The ratio of difflib's ``SequenceMatcher`` on the normalised titles: twice the
    number of matching characters over the total length of both.

    >>> similarity("Grow revenue in EMEA", "grow revenue in EMEA!")
    1.0
    >>> round(similarity("Grow revenue", "Cut churn in half"), 2) < 0.5
    True
    """
    left, right = normalise(a), normalise(b)
    if not left or not right:
        return 0.0
    return SequenceMatcher(None, left, right, autojunk=False).ratio()


def count_of(count: int, noun: str, plural: str | None = None) -> str:
    """A count with its noun, singular or plural.

    >>> count_of(1, "goal"), count_of(3, "goal"), count_of(2, "key result")
    ('1 goal', '3 goals', '2 key results')
    """
    return f"{count} {noun if count == 1 else (plural or noun + 's')}"
