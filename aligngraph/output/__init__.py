"""Formats of a :class:`~aligngraph.report.Report`: text, JSON, Markdown and CSV."""

from __future__ import annotations

from .csv_format import report_csv
from .json_format import report_json
from .markdown_format import report_markdown
from .text_format import report_text

FORMATS = {"text": report_text, "json": report_json, "markdown": report_markdown,
           "csv": report_csv}

__all__ = ["FORMATS", "report_csv", "report_json", "report_markdown", "report_text"]
