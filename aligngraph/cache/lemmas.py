"""simplemma's English dictionary, kept in the cache as a file that opens in milliseconds.

simplemma ships its dictionaries compressed and front-coded: the first lemma a run asks
for decodes all 181,000 English entries in Python, about a quarter of a second, more
than the rest of a check of a mid-size organisation. The first run with a cache folder
writes the decoded dictionary there, sorted, with the offsets of its keys and values;
later runs read that file and look each word up by bisection, decoding nothing. The
answers are simplemma's own: the same entries, served through simplemma's lemmatizer.

The file's name carries a digest of simplemma's version and of its English data, so an
upgrade opens a new file; its contents carry a SHA-256 of themselves, so a damaged file
is rebuilt, never believed.
"""

from __future__ import annotations

import bisect
import hashlib
import struct
import sys
from array import array
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from .. import text

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
    """A simplemma ``DictionaryFactory``: English from the index file in ``directory``
    (written on first use), any other language from simplemma's own factory."""

    def __init__(self, directory: Path):
        self.directory = directory
        self._english: Mapping[str, str] | None = None

    def get_dictionary(self, lang: str) -> Mapping[str, str]:
        from simplemma.strategies import DEFAULT_DICTIONARY_FACTORY

        if lang != "en":
            return DEFAULT_DICTIONARY_FACTORY.get_dictionary(lang)
        if self._english is None:
            self._english = self._open_or_build(DEFAULT_DICTIONARY_FACTORY)
        return self._english

    def _open_or_build(self, simplemma_factory: Any) -> Mapping[str, str]:
        path = self.directory / f"lemmas-en-{_source_digest()}.idx"
        try:
            return LemmaIndex(path.read_bytes())
        except (OSError, ValueError):
            pass
        english = simplemma_factory.get_dictionary("en")
        data = index_bytes(english)
        try:
            from . import _write_atomically

            _write_atomically(path, data)
        except OSError:
            return english
        return LemmaIndex(data)


def _source_digest() -> str:
    """A digest of what the index is made from: simplemma's version and English data,
    and this machine's byte order (the offsets are stored in it)."""
    import simplemma

    digest = hashlib.sha256(_MAGIC + simplemma.__version__.encode() + sys.byteorder.encode())
    data = Path(simplemma.__file__).parent / "strategies" / "dictionaries" / "data" / "en.plzma"
    try:
        digest.update(data.read_bytes())
    except OSError:
        pass
    return digest.hexdigest()[:20]


def use_lemma_index(directory: Path) -> None:
    """Serve this process's lemmas from the index in ``directory``."""
    text.use_dictionary(IndexedDictionaries(directory))
