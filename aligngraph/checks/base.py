"""What every check shares: severities, options, findings and the check record."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

import networkx as nx

SEVERITIES = ("error", "warning", "info")

#: What a check looks at: the structure of alignment, the basics of OKR practice, or the
#: wording of single goals. Reports rank alignment first and fold wording findings.
FAMILIES = ("alignment", "hygiene", "wording")


def severity_rank(severity: str) -> int:
    """0 for ``error``, the most severe, up to 2 for ``info``."""
    return SEVERITIES.index(severity)


@dataclass(frozen=True)
class Option:
    """One tunable threshold of a check, with its default and what it means."""

    default: Any
    help: str
    minimum: float | None = None
    maximum: float | None = None

    def problem_with(self, value: Any) -> str | None:
        """Why ``value`` is not acceptable for this option, or None if it is."""
        expected = type(self.default)
        ok = isinstance(value, expected) and not (expected is int and isinstance(value, bool))
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            ok = True
        if not ok:
            return f"expected {_type_name(expected)}, got {value!r}"
        if self.minimum is not None and value < self.minimum:
            return f"expected at least {self.minimum}, got {value!r}"
        if self.maximum is not None and value > self.maximum:
            return f"expected at most {self.maximum}, got {value!r}"
        return None


def _type_name(kind: type) -> str:
    return {int: "a whole number", float: "a number", bool: "true or false",
            str: "text"}.get(kind, kind.__name__)


@dataclass(frozen=True)
class Finding:
    """One thing a check found, about one subject.

    ``subject`` is the id of the team, person, objective or key result the finding is
    about (``subject_kind`` says which). ``check``, ``code`` and an empty ``severity``
    are filled in by the runner from the check that yielded it.
    """

    subject: str
    subject_kind: str
    message: str
    related: tuple[str, ...] = ()
    data: Mapping[str, Any] = field(default_factory=dict)
    severity: str = ""
    check: str = ""
    code: str = ""


CheckFunction = Callable[..., Iterator[Finding]]


@dataclass(frozen=True)
class Check:
    """A check as the registry knows it: identity, docs, options and function."""

    slug: str
    code: str
    title: str
    severity: str
    family: str
    options: Mapping[str, Option]
    function: CheckFunction
    doc: str
    #: Old option names still accepted in settings, mapped to their new names.
    renamed_options: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_module(cls, module: ModuleType) -> Check:
        """Read a check module's declarations: ``SLUG``, ``CODE``, ``TITLE``, ..."""
        return cls(
            slug=module.SLUG,
            code=module.CODE,
            title=module.TITLE,
            severity=module.SEVERITY,
            family=module.FAMILY,
            options=module.OPTIONS,
            function=module.check,
            doc=module.__doc__ or "",
            renamed_options=getattr(module, "RENAMED_OPTIONS", {}),
        )

    def defaults(self) -> dict[str, Any]:
        """The default value of every option."""
        return {name: option.default for name, option in self.options.items()}

    def run(self, graph: nx.DiGraph, options: Mapping[str, Any] | None = None
            ) -> Iterator[Finding]:
        """Run on ``graph`` with ``options`` over the defaults; stamp each finding with
        this check's identity. The defaults live in ``OPTIONS`` alone: check functions
        declare their options as keyword-only parameters without defaults."""
        for finding in self.function(graph, **{**self.defaults(), **(options or {})}):
            yield _stamp(finding, self)


def _stamp(finding: Finding, check: Check) -> Finding:
    return Finding(
        subject=finding.subject,
        subject_kind=finding.subject_kind,
        message=finding.message,
        related=tuple(finding.related),
        data=finding.data,
        severity=finding.severity or check.severity,
        check=check.slug,
        code=check.code,
    )
