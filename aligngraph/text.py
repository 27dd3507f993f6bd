"""Text helpers for checks that read goal titles."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Protocol

from rapidfuzz import fuzz

_NON_WORD = re.compile(r"[^0-9a-z]+")
# Comparing two titles costs the product of their lengths: titles are compared on their
# first 100 normalised characters (where a title that repeats another shows it), so that
# a file of long, alike titles cannot stall the echo and copy checks.
COMPARED = 100


@lru_cache(maxsize=262144)
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
conduct create define deliver deploy design determine develop document draft dogfood enable
enter establish evaluate execute explore fill finalise finalize finish go hire hold host
identify implement integrate interview introduce investigate kick launch maintain make
measure migrate move onboard organise organize participate plan prepare produce provide
publish rebuild refresh release renew research review roll run schedule scope send set ship
start support test tidy track update work write
ensure formalise formalize install monitor perform revamp tag
""".split())

#: Verbs that make an *objective* a task: finishing a piece of work. Narrower than
#: :data:`ACTIVITY_VERBS`, because "Build a world-class team" is a fine objective.
TASK_VERBS = frozenset("""
attend audit begin complete conduct deploy document draft execute finalise finalize finish
hold host implement install kick launch migrate organise organize prepare publish refresh
release roll schedule start update upgrade write
""".split())


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The dictionary form of an English word, by simplemma (its data ships with it).

    >>> lemma("hired"), lemma("hiring"), lemma("launches"), lemma("Finalized")
    ('hire', 'hire', 'launch', 'finalize')
    """
    return _lemmas.lemma(word.lower())


class Lemmas(Protocol):
    """Where :func:`lemma` and the dictionary test get their answers."""

    def lemma(self, word: str) -> str: ...

    def is_known(self, word: str) -> bool: ...


class _Simplemma:
    """simplemma's own answers for English, imported on first use: a run that reads no
    title word imports none of it."""

    def lemma(self, word: str) -> str:
        import simplemma

        return simplemma.lemmatize(word, lang="en")

    def is_known(self, word: str) -> bool:
        import simplemma

        return simplemma.is_known(word, lang="en")


_lemmas: Lemmas = _Simplemma()


def use_lemmas(source: Lemmas | None) -> None:
    """Take :func:`lemma`'s answers from ``source``, which must give simplemma's (the
    command line's cache remembers them, and opens simplemma's English dictionary in
    milliseconds instead of decoding it), or from simplemma itself again for None."""
    global _lemmas
    _lemmas = _Simplemma() if source is None else source
    lemma.cache_clear()
    _can_be_verb.cache_clear()


@lru_cache(maxsize=65536)
def natural_key(text: str) -> tuple:
    """A sort key that orders the numbers inside ids by value: KR2 before KR10.

    Kept for the ids seen last: a report sorts the same ids again and again (findings,
    then their ranks, then each message's lists), and the explorer on every edit.

    >>> sorted(["KR100", "KR10", "KR2", "O1.10", "O1.9"], key=natural_key)
    ['KR2', 'KR10', 'KR100', 'O1.9', 'O1.10']
    """
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part.casefold())
                 for part in _DIGITS.split(text) if part)


_DIGITS = re.compile(r"(\d+)")

#: Numbers in a title that are not amounts: dates, quarters, fiscal years, versions, ids.
_NOT_AMOUNT = re.compile(
    r"\b(?:q[1-4]|h[12]|[fc]y\s?'?\d{2,4}|(?:19|20)\d\d(?:-\d\d){0,2}|\d{1,2}/\d{1,2}(?:/\d{2,4})?"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
    r"|(?:rfc|iso|soc|phase|step|tier|level|stage|type|version|release|sev|severity|priority|p|v|kr|o"
    r"|okr|issue|ticket|epic|gdpr|pci)[\s#-]?\d+(?:\.\d+)*|#\d+|[a-z]+\d+[a-z]*|\d+[a-z]+\d*[a-z]*"
    r"(?<!\d[kmb])(?<!\dx)(?<!\d(?:st|nd|rd|th|pp|ms))(?<!\dbn))\b",
    re.IGNORECASE)
_AMOUNT_WORDS = frozenset("""
zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
hundred thousand million billion dozen half halve double triple quadruple twice thrice all
every none eliminate
""".split())
#: Amounts a publisher redacted: "$N", "_N5_", "N13", "X", "y%".
_REDACTED = re.compile(r"(?<![\w$])(?:_N\d*_|\$[A-Z]\b|N\d+%?|[XY]%?|[xy]%)(?![\w])")


@lru_cache(maxsize=65536)
def states_amount(title: str) -> bool:
    """Whether a title states an amount: a digit, a number word or a quantifier ("double",
    "half", "all", "every", "eliminate"), or a redacted one ("$N", "X new customers"), not
    counting dates, quarters, fiscal years, versions and ids.

    >>> states_amount("Hire two engineers"), states_amount("Double lead flow")
    (True, True)
    >>> states_amount("Implement in H1"), states_amount("Build plan for FY21")
    (False, False)
    >>> states_amount("Implement RFC 42 by 2026-03-31"), states_amount("Cut churn to 3%")
    (False, True)
    """
    if _REDACTED.search(title):
        return True
    stripped = _NOT_AMOUNT.sub(" ", title)
    if any(ch.isdigit() for ch in stripped):
        return True
    return any(word in _AMOUNT_WORDS for word in normalise(stripped).split())


_OUTCOME = re.compile(
    r"%|\bper\s?cent\b|\bfrom\b.+\bto\b|\bat (least|most)\b|\b(more|less|fewer|greater)"
    r" than\b|\b(below|above|under|over|within|by)\s+[$€£]?\d|[<>≤≥]|\d+(\.\d+)?\s?x\b"
    r"|\d\s+out of\s+\d|\brate\b|\bratio\b|\bscore\b|\bnps\b|\bcsat\b"
    r"|[$€£]\s?\d|\b(arr|mrr|iacv|revenue)\b",
    re.IGNORECASE)


def activity_verb(title: str, verbs: frozenset[str] = ACTIVITY_VERBS) -> str | None:
    """The leading activity verb of a title that states no measurable outcome, or None.

    A title reads as an activity when its first word, in any form ("hired", "hiring" count
    as "hire": see :func:`lemma`), is a verb of doing (``launch``,
    ``implement``, ``call``, ...; see :data:`ACTIVITY_VERBS`) and it states no outcome: no
    percentage, no "from X to Y", no comparison ("at least", "more than", "below N",
    "by N"), no multiple ("2x"), no rate, ratio or score, no sum of money or revenue ("Add
    $2M ARR"). A bare count ("call the top 10
    accounts") is still an activity: it counts tasks, not results.

    >>> activity_verb("Launch the new pricing page")
    'launch'
    >>> activity_verb("Call the top 10 accounts")
    'call'
    >>> activity_verb("Launch in 3 markets with at least 40% activation") is None
    True
    >>> activity_verb("Raise NPS from 31 to 45") is None
    True
    >>> activity_verb("Hired two engineers"), activity_verb("Launch the app by 2026")
    ('hire', 'launch')
    """
    words = normalise(title).split()
    if not words:
        return None
    verb = words[0] if words[0] in verbs else lemma(words[0])
    if verb not in verbs:
        return None
    return None if _states_outcome(title) else verb


@lru_cache(maxsize=65536)
def _states_outcome(title: str) -> bool:
    """Whether a title states an outcome (see :func:`activity_verb`): two long regular
    expressions, asked of the same title by three checks, and again on every edit."""
    return _OUTCOME.search(_NOT_AMOUNT.sub(" ", title)) is not None


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


#: Verbs that make a title a goal rather than a topic: the activity verbs, the verbs of
#: outcomes objectives use, and auxiliaries.
GOAL_VERBS = ACTIVITY_VERBS | frozenset("""
accelerate accomplish achieve adopt align assist automate be become boost can close
continue cut decide decrease delight demonstrate diversify do double drive earn eliminate
empower enhance ensure evolve exceed expand extend get give grow halve have help improve
increase keep land lay lead let lower maximise maximize meet minimise minimize modernise
modernize optimise optimize own pay perform promote protect put raise reach rebase reduce
remain resolve retain revamp scale secure segment sell show simplify stabilise stabilize
stay strengthen streamline tell transform triple turn unlock upgrade will win
""".split())

_DETERMINERS = frozenset("the a an our your their its every all each more".split())


def metric_title(title: str, max_words: int = 4, verbs: frozenset[str] = frozenset()) -> bool:
    """Whether a title names a metric or a topic: at most ``max_words`` words, no verb.

    >>> [metric_title(t) for t in ("IACV", "Net new ARR", "Predictability", "Great team")]
    [True, True, True, True]
    >>> [metric_title(t) for t in ("Grow net new ARR", "LSIF is adopted", "Diversify tactics")]
    [False, False, False]
    """
    words = normalise(title).split()
    if not words or len(words) > max_words:
        return False
    known = GOAL_VERBS | verbs
    if any(w in known or lemma(w) in known for w in words):
        return False
    if any(w.endswith("ed") and lemma(w) != w for w in words):
        return False
    if len(words) > 1 and words[1] in _DETERMINERS:
        return False  # "Fund the fleet transition": a word before "the" is a verb
    return not _can_be_verb(lemma(words[0])) or _names_a_kpi(title)


@lru_cache(maxsize=4096)
def _can_be_verb(word: str) -> bool:
    """Whether the dictionary knows a past form of ``word`` ("diversified")."""
    forms = {word + "ed", word + "d", word + word[-1:] + "ed"}
    if word.endswith("y"):
        forms.add(word[:-1] + "ied")
    return any(_lemmas.is_known(form) and lemma(form) == word for form in forms)


def _names_a_kpi(title: str) -> bool:
    """Whether a title ends in an acronym in capitals, a KPI's name (ARR, iACV)."""
    last = re.sub(r"[^\w]", "", title.split()[-1]) if title.split() else ""
    return sum(ch.isupper() for ch in last) >= 2


_HIRING = re.compile(r"\b(hire|hiring|recruit\w*)\b.*\b(plan|target|targets|goal|goals)\b"
                     r"|\bhiring (plan|goals?|targets?)\b")


def business_as_usual(title: str, max_words: int = 6) -> bool:
    """Whether a short title is hiring to plan, the job rather than an outcome.

    >>> business_as_usual("Hiring to Target"), business_as_usual("Accomplish Q1 hiring goals")
    (True, True)
    >>> business_as_usual("Build a world-class engineering team")
    False
    """
    text = normalise(title)
    return len(text.split()) <= max_words and bool(_HIRING.search(text))
