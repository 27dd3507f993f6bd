"""What the formats for CI tools share: where a finding is, its stable fingerprint, and
where each check is documented."""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from ..checks import Check, Finding
from ..report import Location, Report

# Where the project is published. The README's CI snippets, the Dockerfile's labels and
# the schema addresses use the same one: change them together.
PROJECT_URL = "https://github.com/aligngraph/aligngraph"
CHECKS_DOC_URL = f"{PROJECT_URL}/blob/main/docs/checks.md"


def help_uri(check: Check) -> str:
    """The address of a check's section in docs/checks.md.

    >>> from aligngraph.checks import REGISTRY
    >>> help_uri(REGISTRY["orphan-team"]).endswith("docs/checks.md#ag101-orphan-team")
    True
    """
    return f"{CHECKS_DOC_URL}#{check.code.lower()}-{check.slug}"


def ci_location(report: Report, finding: Finding) -> Location | None:
    """Where a finding's subject is defined, its file relative to the working directory
    when it lies below it (CI tools resolve paths from the repository's root)."""
    location = report.location_of(finding)
    if location is None:
        return None
    return location._replace(file=relative_path(location.file))


def relative_path(file: str) -> str:
    """A file's path with forward slashes, relative to the working directory when below it.

    >>> relative_path(str(Path.cwd() / "okrs" / "teams.yaml"))
    'okrs/teams.yaml'
    >>> relative_path("./okrs/teams.yaml")
    'okrs/teams.yaml'
    """
    return _relative_to(file, os.getcwd())


@lru_cache(maxsize=1024)
def _relative_to(file: str, directory: str) -> str:
    """:func:`relative_path` from ``directory``, once per file: a report asks once per
    finding, and most findings share their file."""
    path = Path(file)
    if path.is_absolute():
        try:
            path = path.relative_to(directory)
        except ValueError:
            return path.as_posix()
    return path.as_posix()


def fingerprint(finding: Finding) -> str:
    """A fingerprint of what a finding is about: its check and its subject.

    Lines, figures and wording are left out, so the fingerprint stays the same across
    runs while the finding stands, even when the file around it changes.
    """
    key = "\0".join((finding.check, finding.subject_kind, finding.subject))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def fingerprints(findings: Iterable[Finding]) -> list[str]:
    """The fingerprint of each finding, made unique within one report by numbering
    repeats (a check that reports one subject twice)."""
    seen: Counter[str] = Counter()
    unique = []
    for finding in findings:
        print_ = fingerprint(finding)
        seen[print_] += 1
        unique.append(print_ if seen[print_] == 1 else f"{print_}-{seen[print_]}")
    return unique


__all__ = ["CHECKS_DOC_URL", "PROJECT_URL", "ci_location", "fingerprint", "fingerprints",
           "help_uri", "relative_path"]
