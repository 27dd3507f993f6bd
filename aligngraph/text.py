"""Text helpers for checks that read goal titles."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

_NON_WORD = re.compile(r"[^0-9a-z]+")
# Comparing two titles costs the product of their lengths: titles are compared on their
# first 100 normalised characters (where a title that repeats another shows it), so that
# a file of long, alike titles cannot stall the echo and copy checks.
COMPARED = 100


@lru_cache(maxsize=65536)
def normalise(title: str) -> str:
    """Lower-case, strip accents and punctuation, and fold white space.

    >>> normalise("  Grow ARR — to €5M! ")
    'grow arr to 5m'
    """
    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return _NON_WORD.sub(" ", folded.lower()).strip()


def echoes(a: str, b: str, threshold: float) -> bool:
    """Whether ``similarity(a, b)`` reaches ``threshold``.

    >>> echoes("Grow revenue in Europe", "Grow revenue in Europe!", 0.85)
    True
    >>> echoes("Grow revenue", "Hire twenty engineers in Berlin", 0.85)
    False
    """
    left, right = normalise(a)[:COMPARED], normalise(b)[:COMPARED]
    if not left or not right:
        return False
    return fuzz.ratio(left, right, score_cutoff=threshold * 100) >= threshold * 100


def similarity(a: str, b: str) -> float:
    """How nearly one title repeats another, from 0 (nothing shared) to 1 (the same).

    rapidfuzz's ``ratio`` on the normalised titles: twice the length of their longest
    common subsequence over the total length of both.

    >>> similarity("Grow revenue in EMEA", "grow revenue in EMEA!")
    1.0
    >>> round(similarity("Grow revenue", "Cut churn in half"), 2) < 0.5
    True
    """
    left, right = normalise(a)[:COMPARED], normalise(b)[:COMPARED]
    if not left or not right:
        return 0.0
    return fuzz.ratio(left, right) / 100


def quoted(title: str, limit: int = 80) -> str:
    """A title in typographic quotes for a message, shortened past ``limit`` characters.

    Python's ``repr`` switches quotes and doubles backslashes; a reader wants the title as
    written.

    >>> print(quoted("Win the mid-market"), quoted("Don't stop"), quoted("a" * 90, limit=10))
    “Win the mid-market” “Don't stop” “aaaaaaaaa…”
    """
    text = " ".join(title.split())
    return f"“{text if len(text) <= limit else text[:limit - 1] + '…'}”"


_DIGITS = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple:
    """A sort key that orders the numbers inside ids by value: KR2 before KR10.

    >>> sorted(["KR10", "KR2", "O1.10", "O1.9"], key=natural_key)
    ['KR2', 'KR10', 'O1.9', 'O1.10']
    """
    return tuple(int(part) if part.isdigit() else part.lower()
                 for part in _DIGITS.split(text))


def natural_sorted(ids) -> list[str]:
    """Ids sorted naturally (see :func:`natural_key`)."""
    return sorted(ids, key=natural_key)


def count_of(count: int, noun: str, plural: str | None = None) -> str:
    """A count with its noun, singular or plural.

    >>> count_of(1, "goal"), count_of(3, "goal"), count_of(2, "key result")
    ('1 goal', '3 goals', '2 key results')
    """
    return f"{count} {noun if count == 1 else (plural or noun + 's')}"


ACTIVITY_VERBS = frozenset("""
add analyse analyze assess attend audit begin book build call collaborate collect complete
conduct create define deliver deploy design develop document draft dogfood enter establish
evaluate explore finish hold host identify implement integrate interview introduce
investigate kick launch migrate move organise organize participate plan prepare
produce publish refresh release renew research review roll run schedule scope send set ship
start tidy update work write
""".split())

_OUTCOME = re.compile(
    r"%|\bper\s?cent\b|\bfrom\b.+\bto\b|\bat (least|most)\b|\b(more|less|fewer|greater)"
    r" than\b|\b(below|above|under|over|within|by)\s+[$€£]?\d|[<>≤≥]|\d+(\.\d+)?\s?x\b"
    r"|\d\s+out of\s+\d|\brate\b|\bratio\b|\bscore\b|\bnps\b|\bcsat\b",
    re.IGNORECASE)


def activity_verb(title: str, verbs: frozenset[str] = ACTIVITY_VERBS) -> str | None:
    """The leading activity verb of a title that states no measurable outcome, or None.

    A title reads as an activity when its first word is a verb of doing (``launch``,
    ``implement``, ``call``, ...; see :data:`ACTIVITY_VERBS`) and it states no outcome: no
    percentage, no "from X to Y", no comparison ("at least", "more than", "below N",
    "by N"), no multiple ("2x"), no rate, ratio or score. A bare count ("call the top 10
    accounts") is still an activity: it counts tasks, not results.

    >>> activity_verb("Launch the new pricing page")
    'launch'
    >>> activity_verb("Call the top 10 accounts")
    'call'
    >>> activity_verb("Launch in 3 markets with at least 40% activation") is None
    True
    >>> activity_verb("Raise NPS from 31 to 45") is None
    True
    """
    words = normalise(title).split()
    if not words or words[0] not in verbs:
        return None
    return None if _OUTCOME.search(title) else words[0]


def share_of(part: int, whole: int, noun: str) -> str:
    """How many of a whole, in words that read well for one, all or some.

    >>> share_of(1, 1, "objective"), share_of(2, 2, "objective"), share_of(2, 3, "objective")
    ('the only objective', 'all 2 objectives', '2 of the 3 objectives')
    """
    if whole == 1:
        return f"the only {noun}"
    if part == whole:
        return f"all {whole} {noun}s"
    return f"{part} of the {whole} {noun}s"
