"""The exports: the Graph tab's picture as SVG and PNG, the report as Markdown and JSON, the
findings as CSV, and the organisation as an XLSX workbook.

The picture is drawn through the Graph tab's cache (usually already drawn there); everything
else is made only when its button is clicked (a callable passed to
``st.download_button``), so opening the tab never pays for a PNG or a report.
"""

from __future__ import annotations

import functools
import json
import shutil
from collections.abc import Callable

import streamlit as st

from ..render.screen import OnScreen
from . import state

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
Export = tuple[str, str, str, Callable[[], bytes | str] | bytes]


def export_files(source: state.Source, settings: dict, shown: OnScreen | None
                 ) -> list[Export]:
    """``(label, file name, mime type, data or a callable making it)`` for each export."""
    key = json.dumps(settings, sort_keys=True)
    files: list[Export] = []
    if shown:
        files.append(("Picture (SVG)", "aligngraph.svg", "image/svg+xml", shown.svg))
        if shutil.which("dot"):
            files.append(("Picture (PNG)", "aligngraph.png", "image/png",
                          functools.partial(state.png, shown.dot_source)))
    for label, fmt, name, mime in (("Report (Markdown)", "markdown", "aligngraph-report.md",
                                    "text/markdown"),
                                   ("Report (JSON)", "json", "aligngraph-report.json",
                                    "application/json"),
                                   ("Findings (CSV)", "csv", "aligngraph-findings.csv",
                                    "text/csv")):
        files.append((label, name, mime,
                      functools.partial(state.exported, source.digest, key, fmt, source)))
    files.append(("Organisation (XLSX)", "okrs.xlsx", XLSX,
                  functools.partial(state.organisation_xlsx, source.digest, source)))
    return files


def show_exports(source: state.Source, settings: dict, shown: OnScreen | None) -> None:
    """Download buttons for the Graph tab's picture (``shown``) and for the report."""
    picture = ("The picture is the one the Graph tab shows (its view, focus, colours and "
               "theme)" if shown else "The Graph tab shows no picture now (a focus view with "
               "nothing chosen, or no Graphviz), so there is none to download")
    st.caption(f"{picture}; the report follows the thresholds in the sidebar.")
    files = export_files(source, settings, shown)
    for column, (label, name, mime, data) in zip(st.columns(len(files)), files, strict=True):
        column.download_button(label, data, name, mime, key=f"download:{name}")
