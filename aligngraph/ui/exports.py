"""The exports: the picture on screen as SVG and PNG, the report as Markdown and JSON."""

from __future__ import annotations

import json
import shutil

import streamlit as st

from . import state


def show_exports(source: state.Source, settings: dict, shown: tuple[bytes, tuple] | None
                 ) -> None:
    """Download buttons for the picture on screen and for the report."""
    key = json.dumps(settings, sort_keys=True)
    columns = st.columns(4)
    if shown:
        svg, drawing = shown
        columns[0].download_button("Picture (SVG)", svg, "aligngraph.svg", "image/svg+xml",
                                   key="download_svg")
        if shutil.which("dot"):
            png = state.picture(source.digest, key, "png", *drawing, source)
            columns[1].download_button("Picture (PNG)", png, "aligngraph.png", "image/png",
                                       key="download_png")
    columns[2].download_button("Report (Markdown)", state.exported(source.digest, key,
                                                                   "markdown", source),
                               "aligngraph-report.md", "text/markdown", key="download_md")
    columns[3].download_button("Report (JSON)", state.exported(source.digest, key, "json",
                                                               source),
                               "aligngraph-report.json", "application/json", key="download_json")

