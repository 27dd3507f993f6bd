"""A cache of ``check`` results, as linters keep one for hooks that run on every commit.

An entry is keyed on everything the result depends on: aligngraph's version and the
size and time of each of its own files (so that an edited checkout misses too), the
Python and the dependencies' versions, the command's options, the working folder, the
date (``--as-of`` defaults to today), the ``ALIGNGRAPH_`` environment variables, and the
name and bytes of every input, config, column map and baseline file. A hit replays the
run's standard output, standard error, report file and exit code without importing
networkx, pydantic or the checks.

The folder (``.aligngraph_cache`` in the working folder, or ``--cache-dir``) holds a
``CACHEDIR.TAG`` and a ``.gitignore`` of ``*``, so that backups and git leave it alone.
Its entries end in ``.out``, and simplemma's English dictionary and answers
(:mod:`aligngraph.cache.lemmas`) in ``.idx`` and ``.answers``: no suffix the loader
reads, so checking a folder that holds the cache never reads the cache. An entry that
cannot be read or does not parse is a miss, never an error; so is a folder that cannot
be written.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

DEFAULT_DIR = ".aligngraph_cache"
DIR_ENV = "ALIGNGRAPH_CACHE_DIR"
OFF_ENV = "ALIGNGRAPH_NO_CACHE"
#: What the loader reads in a folder (a test keeps this equal to the loader's suffixes).
INPUT_SUFFIXES = frozenset((".yaml", ".yml", ".json", ".csv", ".tsv", ".xlsx", ".xlsm", ".ods"))
#: The dependencies whose versions can change a result.
DEPENDENCIES = ("networkx", "pydantic", "pydantic_core", "yaml", "simplemma", "rapidfuzz")
#: Entries kept: the oldest beyond this many, or beyond this many bytes together (the
#: JSON report of a 10,000-team organisation is 45 MB), are removed when one is written;
#: the newest always stays.
KEPT = 200
KEPT_BYTES = 256 * 1024 * 1024
_ENTRY = ".out"
_FORMAT = 1
_TAG = ("Signature: 8a477f597d28d172789f06886806bc55\n"
        "# This file is a cache directory tag created by aligngraph.\n"
        "# For information about cache directory tags, see https://bford.info/cachedir/\n")


@dataclass(frozen=True)
class Entry:
    """What one run printed and returned: replayed as it was on a hit."""

    stdout: str
    stderr: str
    exit_code: int
    report_file: str | None = None  # the text written to ``-o FILE``, if any


def cache_dir(option: str | None, disabled: bool) -> Path | None:
    """The cache folder: ``--cache-dir``, else ``$ALIGNGRAPH_CACHE_DIR``, else
    ``.aligngraph_cache``; None when ``--no-cache`` or ``ALIGNGRAPH_NO_CACHE`` is set."""
    if disabled or os.environ.get(OFF_ENV, "") not in ("", "0"):
        return None
    return Path(option or os.environ.get(DIR_ENV) or DEFAULT_DIR)


def prepare(directory: Path) -> bool:
    """Create the folder with its ``CACHEDIR.TAG`` and ``.gitignore``; False when it
    cannot be written."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
        for name, text in (("CACHEDIR.TAG", _TAG), (".gitignore", "*\n")):
            if not (directory / name).exists():
                _write_atomically(directory / name, text.encode("utf-8"))
        return True
    except OSError:
        return False


def input_files(paths: list[str]) -> list[Path] | None:
    """The files the loader will read for ``paths`` (a folder's, as it finds them); None
    when a path does not exist, so the run itself reports it."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.suffix.lower() in INPUT_SUFFIXES)
        elif path.is_file():
            files.append(path)
        else:
            return None
    return files


def key(command: str, options: dict[str, Any], files: list[Path]) -> str | None:
    """The key of a run of ``command`` with ``options`` on ``files``; None when a file
    cannot be read (the run reports it)."""
    import datetime as dt

    digest = hashlib.sha256()
    context = {
        "format": _FORMAT, "command": command, "options": options,
        "cwd": os.getcwd(), "today": dt.date.today().isoformat(),
        "environment": sorted((name, value) for name, value in os.environ.items()
                              if name.startswith("ALIGNGRAPH_") and name not in (DIR_ENV, OFF_ENV)),
        "python": sys.version, "code": code_fingerprint(),
    }
    digest.update(json.dumps(context, sort_keys=True, default=str).encode("utf-8"))
    for file in files:
        try:
            data = file.read_bytes()
        except OSError:
            return None
        digest.update(f"\0{file}\0{len(data)}\0".encode("utf-8", "surrogateescape"))
        digest.update(data)
    return digest.hexdigest()


def code_fingerprint() -> list:
    """aligngraph's version, the size and modification time of each of its files, and
    where each dependency is installed and when: an upgrade or an edit changes it."""
    from .. import __version__

    package = Path(__file__).resolve().parent.parent
    files = sorted((str(path.relative_to(package)), *_stamp(path))
                   for path in package.rglob("*")
                   if "__pycache__" not in path.parts and path.is_file())
    return [__version__, files, [_dependency_stamp(name) for name in DEPENDENCIES]]


def _stamp(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_size, stat.st_mtime_ns


def _dependency_stamp(name: str) -> tuple[str, int, int] | None:
    """Where a dependency is installed, its size and time: without importing it."""
    from importlib.util import find_spec

    spec = find_spec(name)
    if spec is None or spec.origin is None:
        return None
    try:
        return (spec.origin, *_stamp(Path(spec.origin)))
    except OSError:
        return None


def load(directory: Path, entry_key: str) -> Entry | None:
    """The entry stored under ``entry_key``, or None: missing, unreadable or corrupt."""
    try:
        data = json.loads((directory / f"{entry_key}{_ENTRY}").read_text(encoding="utf-8"))
        entry = Entry(**data)
    except (OSError, ValueError, TypeError):
        return None
    valid = (isinstance(entry.stdout, str) and isinstance(entry.stderr, str)
             and type(entry.exit_code) is int
             and (entry.report_file is None or isinstance(entry.report_file, str)))
    return entry if valid else None


def store(directory: Path, entry_key: str, entry: Entry) -> None:
    """Store an entry, and remove the oldest beyond :data:`KEPT` entries or
    :data:`KEPT_BYTES`; quietly nothing when the folder cannot be written."""
    if not prepare(directory):
        return
    try:
        _write_atomically(directory / f"{entry_key}{_ENTRY}",
                          json.dumps(asdict(entry)).encode("utf-8"))
        entries = sorted(((path.stat(), path) for path in directory.glob(f"*{_ENTRY}")),
                         key=lambda pair: pair[0].st_mtime_ns, reverse=True)
        total = 0
        for count, (stat, path) in enumerate(entries):
            total += stat.st_size
            if count and (count >= KEPT or total > KEPT_BYTES):
                path.unlink(missing_ok=True)
    except OSError:
        pass


def _write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path``, then rename it: a reader sees the old
    file or the new one, never half of one."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
