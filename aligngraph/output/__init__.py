"""Formats of a :class:`~aligngraph.report.Report`.

Each format lives in a module of its own and is imported only when it is asked for, so
the command line starts without importing what it does not use. :data:`FORMAT_NAMES`
lists them; :func:`format_report` formats a report in one of them.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from ..bulk import collector_held

if TYPE_CHECKING:
    from ..report import Report

# name: (module, function). Formats for CI take the --fail-on severity as well.
_FORMATS = {
    "text": ("text_format", "report_text"),
    "json": ("json_format", "report_json"),
    "markdown": ("markdown_format", "report_markdown"),
    "sarif": ("sarif_format", "report_sarif"),
    "github": ("github_format", "report_github"),
    "junit": ("junit_format", "report_junit"),
    "gitlab": ("gitlab_format", "report_gitlab"),
    "csv": ("csv_format", "report_csv"),
}
_TAKE_FAIL_ON = {"junit"}
_TAKE_GROUP_BY = {"text", "markdown"}
FORMAT_NAMES = tuple(_FORMATS)


def format_report(report: Report, name: str, *, fail_on: str = "error",
                  group_by: str = "team") -> str:
    """The report in format ``name``, one of :data:`FORMAT_NAMES`.

    ``fail_on`` is the severity from which a finding fails the run; the JUnit format
    marks a check's test case failed from it. Text and Markdown group their findings by
    ``group_by``: ``team`` or ``check``.
    """
    module, function = _FORMATS[name]
    formatter = getattr(import_module(f".{module}", __name__), function)
    options = ({"fail_on": fail_on} if name in _TAKE_FAIL_ON else
               {"group_by": group_by} if name in _TAKE_GROUP_BY else {})
    with collector_held():
        return formatter(report, **options)


def __getattr__(name: str) -> Any:
    """The formatting functions by name, and ``FORMATS`` (name to function), on use."""
    if name == "FORMATS":
        return {fmt: __getattr__(function) for fmt, (_, function) in _FORMATS.items()}
    for module, function in _FORMATS.values():
        if name == function:
            return getattr(import_module(f".{module}", __name__), function)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["FORMAT_NAMES", "format_report", "report_json", "report_markdown", "report_text"]
