"""Formats of a :class:`~aligngraph.report.Report`: text, JSON and Markdown."""

from __future__ import annotations

from .json_format import report_json
from .markdown_format import report_markdown
from .text_format import report_text

FORMATS = {"text": report_text, "json": report_json, "markdown": report_markdown}

__all__ = ["FORMATS", "report_json", "report_markdown", "report_text"]
