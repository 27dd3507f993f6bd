"""A baseline: the findings an organisation accepts as known, so that ``check`` reports
only new ones.

``aligngraph check PATH --baseline FILE --write-baseline`` writes every current finding
to FILE; ``aligngraph check PATH --baseline FILE`` then reports only findings not in it.
A finding is known when the baseline holds one of the same check about the same subject,
whatever its figures or wording now: the baseline survives edits around it, and a
finding that was fixed and comes back is known again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..checks import Finding
from ..errors import UsageError

BASELINE_VERSION = 1
Key = tuple[str, str]


def baseline_key(finding: Finding) -> Key:
    """What identifies a finding in a baseline: its check and its subject."""
    return finding.check, finding.subject


def write_baseline(path: str | Path, findings: Iterable[Finding]) -> int:
    """Write every finding's key (with its code, kind and message, for a reader) to
    ``path``; return how many entries were written."""
    entries = sorted({baseline_key(f): _entry(f) for f in findings}.items())
    data = {"version": BASELINE_VERSION,
            "about": "Findings 'aligngraph check --baseline' accepts as known. Written by "
                     "--write-baseline; an entry is matched by its check and subject.",
            "findings": [entry for _, entry in entries]}
    try:
        Path(path).write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n",
                              encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write the baseline {str(path)!r}: {exc.strerror}") from None
    return len(entries)


def _entry(finding: Finding) -> dict[str, Any]:
    return {"check": finding.check, "subject": finding.subject, "code": finding.code,
            "subject_kind": finding.subject_kind, "message": finding.message}


def read_baseline(path: str | Path) -> set[Key]:
    """The keys of the findings in a baseline file.

    Raises
    ------
    UsageError
        When the file is missing, is not JSON, or is not a baseline.
    """
    name = str(path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(f"no baseline file {name!r}: create it with --write-baseline") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read the baseline {name!r}: {exc}") from None
    except json.JSONDecodeError as exc:
        raise UsageError(f"{name}:{exc.lineno}:{exc.colno}: the baseline is not valid "
                         f"JSON: {exc.msg}") from None
    return _keys(data, name)


def _keys(data: Any, name: str) -> set[Key]:
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION:
        raise UsageError(f"{name}: not an aligngraph baseline (version {BASELINE_VERSION}); "
                         "write one with --write-baseline")
    entries = data.get("findings")
    if not isinstance(entries, list) or not all(_is_entry(e) for e in entries):
        raise UsageError(f"{name}: a baseline's 'findings' must be a list of entries, each "
                         "with a 'check' and a 'subject'; write one with --write-baseline")
    return {(entry["check"], entry["subject"]) for entry in entries}


def _is_entry(entry: Any) -> bool:
    return (isinstance(entry, dict) and isinstance(entry.get("check"), str)
            and isinstance(entry.get("subject"), str))


def split_by_baseline(findings: Sequence[Finding], known: set[Key]
                      ) -> tuple[list[Finding], list[Finding], set[Key]]:
    """The new findings, the known ones, and the baseline's keys no finding matches any
    more (fixed since the baseline was written)."""
    new = [f for f in findings if baseline_key(f) not in known]
    old = [f for f in findings if baseline_key(f) in known]
    return new, old, known - {baseline_key(f) for f in old}
