"""Read the case files that show and test each check: ``aligngraph/checks/cases/SLUG.yaml``.

A case file holds complete little organisations that a check must fire on, with the
exact subjects it must report, and ones it must pass. One parametrised test runs every
case, and ``docs/checks.md`` and ``aligngraph explain`` quote them, so no example in the
documentation can behave otherwise than shown. The format::

    check: orphan-team
    cases:
      - name: internal-only            # unique within the file
        description: what it shows     # optional, one line
        fires: [platform]              # subjects; or {platform: info} to pin severities
        org: |                         # a whole OKR file, settings: block and all
          teams: ...
      - name: aligned
        fires: []                      # must pass
        org: |
          ...

The first case that fires is the check's anti-pattern in the docs; the first that passes
is its best practice.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError, Problem
from .yaml_source import parse_yaml

CASES_DIR = Path(__file__).resolve().parent.parent / "checks" / "cases"


@dataclass(frozen=True)
class CheckCase:
    """One organisation a check must fire on (``fires`` not empty) or pass."""

    check: str
    name: str
    description: str
    fires: dict[str, str | None]
    org: str

    @property
    def source_name(self) -> str:
        """The name the case's organisation is loaded under, for located messages."""
        return f"{self.check}.yaml#{self.name}.yaml"


PRECISION_FILE = CASES_DIR.parent / "precision.md"


def read_precision(path: Path = PRECISION_FILE) -> str:
    """The measured precision of the checks on real organisations (a Markdown fragment,
    kept beside the checks and quoted in docs/checks.md)."""
    return path.read_text(encoding="utf-8")


def case_file(slug: str, folder: Path = CASES_DIR) -> Path:
    """Where the cases of the check ``slug`` live."""
    return folder / f"{slug}.yaml"


def read_cases(slug: str, folder: Path = CASES_DIR) -> list[CheckCase]:
    """The cases of one check; an :class:`InputError` names every malformed entry."""
    path = case_file(slug, folder)
    if not path.is_file():
        raise InputError([Problem(str(path), "", f"no case file for check {slug!r}")])
    data, problems = parse_yaml(path.read_text(encoding="utf-8"), str(path))
    if problems:
        raise InputError(problems)
    cases, problems = _cases_of(data, slug, str(path))
    if problems:
        raise InputError(problems)
    return cases


def _cases_of(data: Any, slug: str, file: str) -> tuple[list[CheckCase], list[Problem]]:
    if not isinstance(data, dict) or data.get("check") != slug:
        return [], [Problem(file, "check", f"expected 'check: {slug}' and a 'cases:' list")]
    entries = data.get("cases")
    if not isinstance(entries, list) or not entries:
        return [], [Problem(file, "cases", "expected a list of cases")]
    cases, problems, names = [], [], set()
    for index, entry in enumerate(entries):
        case, problem = _case(entry, slug, file, f"cases[{index}]")
        if problem is None and case.name in names:
            problem = Problem(file, f"cases[{index}].name", f"duplicate case name {case.name!r}")
        if problem:
            problems.append(problem)
        else:
            names.add(case.name)
            cases.append(case)
    return cases, problems


def _case(entry: Any, slug: str, file: str, where: str) -> tuple[Any, Problem | None]:
    if not isinstance(entry, dict) or set(entry) - {"name", "description", "fires", "org"}:
        return None, Problem(file, where, "expected a mapping of name, description, fires, org")
    name, org, fires = entry.get("name"), entry.get("org"), entry.get("fires")
    if not isinstance(name, str) or not isinstance(org, str):
        return None, Problem(file, where, "expected 'name' and 'org' as text")
    if isinstance(fires, list) and all(isinstance(s, str) for s in fires):
        fires = dict.fromkeys(fires)
    if not isinstance(fires, dict):
        return None, Problem(file, f"{where}.fires", "expected a list of subjects, "
                             "or a mapping of subject to severity")
    return CheckCase(slug, name, str(entry.get("description") or ""),
                     {str(k): v for k, v in fires.items()}, org), None
