"""simplemma's answers for English, kept in the cache folder.

simplemma ships its dictionaries compressed and front-coded: the first lemma a run asks
for decodes all 181,000 English entries in Python, about a quarter of a second, more
than the rest of a check of a mid-size organisation; and importing simplemma compiles the
rules of all its 50 languages, another 60 ms. So the cache keeps two files:

- the decoded English dictionary, sorted, with the offsets of its keys and values
  (``lemmas-en-*.idx``): a run reads it and looks each word up by bisection, decoding
  nothing, through simplemma's own lemmatizer;
- the answers already given (``lemmas-en-*.answers``, JSON): a run whose title words were all
  seen before does not import simplemma at all.

Both names carry a digest of simplemma's files (its version, code and English data), so
an upgrade opens new ones. The index carries a SHA-256 of itself, so a damaged file is
rebuilt, never believed; an answers file that does not parse is ignored.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import struct
import sys
from array import array
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from .. import text
from . import _write_atomically

_MAGIC = b"aligngraph lemma index 1\n"
_DIGEST = 32


class LemmaIndex(Mapping[str, str]):
    """A read-only str -> str mapping over the index file's bytes."""

    def __init__(self, data: bytes):
        if not data.startswith(_MAGIC) or array("I").itemsize != 4:
            raise ValueError("not a lemma index")
        start = len(_MAGIC) + _DIGEST
        if hashlib.sha256(data[start:]).digest() != data[len(_MAGIC):start]:
            raise ValueError("a damaged lemma index")
        (self._count,) = struct.unpack_from("<I", data, start)
        offsets = start + 4
        width = 4 * (self._count + 1)
        self._keys, self._values = array("I"), array("I")
        self._keys.frombytes(data[offsets:offsets + width])
        self._values.frombytes(data[offsets + width:offsets + 2 * width])
        self._key_base = offsets + 2 * width
        self._value_base = self._key_base + self._keys[-1]
        if self._value_base + self._values[-1] != len(data):
            raise ValueError("a damaged lemma index")
        self._data = data

    def _key(self, index: int) -> bytes:
        base, keys = self._key_base, self._keys
        return self._data[base + keys[index]:base + keys[index + 1]]

    def _lookup(self, key: str) -> str | None:
        target = key.encode("utf-8", "surrogatepass")
        index = bisect.bisect_left(range(self._count), target, key=self._key)
        if index == self._count or self._key(index) != target:
            return None
        base, values = self._value_base, self._values
        return self._data[base + values[index]:base + values[index + 1]].decode()

    def get(self, key: Any, default: Any = None) -> Any:
        value = self._lookup(key) if isinstance(key, str) else None
        return default if value is None else value

    def __getitem__(self, key: str) -> str:
        value = self._lookup(key)
        if value is None:
            raise KeyError(key)
        return value

    def __iter__(self) -> Iterator[str]:
        return (self._key(index).decode() for index in range(self._count))

    def __len__(self) -> int:
        return self._count


def index_bytes(entries: Mapping[str, str]) -> bytes:
    """The index file of a dictionary's entries."""
    pairs = sorted((key.encode(), value.encode()) for key, value in entries.items())
    keys, values = array("I", [0]), array("I", [0])
    for key, value in pairs:
        keys.append(keys[-1] + len(key))
        values.append(values[-1] + len(value))
    payload = b"".join([struct.pack("<I", len(pairs)), keys.tobytes(), values.tobytes(),
                        *(key for key, _ in pairs), *(value for _, value in pairs)])
    return _MAGIC + hashlib.sha256(payload).digest() + payload


class IndexedDictionaries:
    """A simplemma ``DictionaryFactory``: English from the index file ``path`` (written
    on first use), any other language from simplemma's own factory."""

    def __init__(self, path: Path):
        self.path = path
        self._english: Mapping[str, str] | None = None

    def get_dictionary(self, lang: str) -> Mapping[str, str]:
        from simplemma.strategies import DEFAULT_DICTIONARY_FACTORY

        if lang != "en":
            return DEFAULT_DICTIONARY_FACTORY.get_dictionary(lang)
        if self._english is None:
            self._english = self._open_or_build(DEFAULT_DICTIONARY_FACTORY)
        return self._english

    def _open_or_build(self, simplemma_factory: Any) -> Mapping[str, str]:
        try:
            return LemmaIndex(self.path.read_bytes())
        except (OSError, ValueError):
            pass
        english = simplemma_factory.get_dictionary("en")
        data = index_bytes(english)
        try:
            _write_atomically(self.path, data)
        except OSError:
            return english
        return LemmaIndex(data)


class CachedLemmas:
    """simplemma's lemmas and dictionary test for English (see :class:`text.Lemmas`):
    answers given before from the answers file, new ones from simplemma over the index,
    imported only when a word is new. :meth:`save` adds the new answers to the file."""

    def __init__(self, directory: Path):
        stem = directory / f"lemmas-en-{source_digest()}"
        self._index, self._answers_file = stem.with_suffix(".idx"), stem.with_suffix(".answers")
        self._answers: dict[str, dict[str, Any]] = {"lemma": {}, "known": {}}
        try:
            data = json.loads(self._answers_file.read_text(encoding="utf-8"))
            if all(isinstance(data.get(kind), dict) for kind in self._answers):
                self._answers = {kind: data[kind] for kind in self._answers}
        except (OSError, ValueError, AttributeError):
            pass
        self._new = False
        self._simplemma: tuple[Any, Any] | None = None

    def lemma(self, word: str) -> str:
        return self._answer("lemma", word)

    def is_known(self, word: str) -> bool:
        return self._answer("known", word)

    def _answer(self, kind: str, word: str) -> Any:
        answers = self._answers[kind]
        answer = answers.get(word)
        if not isinstance(answer, str if kind == "lemma" else bool):
            lemmatize, known = self._functions()
            answer = lemmatize(word) if kind == "lemma" else known(word)
            answers[word] = answer
            self._new = True
        return answer

    def _functions(self) -> tuple[Any, Any]:
        """simplemma's ``lemmatize`` and ``is_known`` for English, over the index."""
        if self._simplemma is None:
            import simplemma
            from simplemma.strategies import DefaultStrategy, DictionaryLookupStrategy
            from simplemma.utils import normalize_token

            dictionaries = IndexedDictionaries(self._index)
            lemmatizer = simplemma.Lemmatizer(
                lemmatization_strategy=DefaultStrategy(dictionary_factory=dictionaries))
            lookup = DictionaryLookupStrategy(dictionaries)
            self._simplemma = (
                lambda word: lemmatizer.lemmatize(word, "en"),
                # simplemma.is_known, over the index
                lambda word: lookup.get_lemma(normalize_token(word), "en") is not None)
        return self._simplemma

    def save(self) -> None:
        """Add this run's new answers to the answers file; quietly nothing if it
        cannot be written."""
        if not self._new:
            return
        try:
            _write_atomically(self._answers_file,
                              json.dumps(self._answers, sort_keys=True).encode("utf-8"))
            self._new = False
        except OSError:
            pass


def source_digest() -> str:
    """A digest of what the answers come from, without importing simplemma: the name,
    size and time of each of its files and its English data's bytes, and this machine's
    byte order (the index's offsets are stored in it)."""
    from importlib.util import find_spec

    digest = hashlib.sha256(_MAGIC + sys.byteorder.encode())
    spec = find_spec("simplemma")
    if spec is None or spec.origin is None:
        return digest.hexdigest()[:20]
    package = Path(spec.origin).parent
    stamps = sorted((str(path.relative_to(package)), path.stat().st_size,
                     path.stat().st_mtime_ns)
                    for path in package.rglob("*.py") if "__pycache__" not in path.parts)
    digest.update(json.dumps(stamps).encode("utf-8"))
    try:
        digest.update((package / "strategies" / "dictionaries" / "data" / "en.plzma")
                      .read_bytes())
    except OSError:
        pass
    return digest.hexdigest()[:20]


def use_cached_lemmas(directory: Path) -> CachedLemmas:
    """Take this process's lemmas from the cache in ``directory``; the caller saves
    the new answers when the run is over."""
    lemmas = CachedLemmas(directory)
    text.use_lemmas(lemmas)
    return lemmas
