"""The sidebar: where the OKRs come from, and every check's settings, live."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import streamlit as st

import math

from ..checks import REGISTRY, CheckConfig, Option
from ..checks.config import PROGRESS_OPTIONS
from ..io.limits import Limits
from .state import Source

UPLOAD = "Uploaded files"


def choose_source(paths: list[str], samples: dict[str, Path]) -> Source | None:
    """The files to explore: those given on the command line, a sample, or uploads."""
    st.sidebar.header("OKR files")
    choices = ([f"Files given: {', '.join(Path(p).name for p in paths)}"] if paths else [])
    choices += list(samples) + [UPLOAD]
    choice = st.sidebar.selectbox("Organisation", choices, key="source")
    limits = Limits.from_environment()
    limit = math.ceil(limits.max_input_mb)
    uploads = st.sidebar.file_uploader(
        f"Upload YAML, JSON, CSV or XLSX files, up to {limit} MB each (several merge into "
        "one organisation)", type=["yaml", "yml", "json", "csv", "tsv", "xlsx", "ods"], accept_multiple_files=True,
        key="uploads", max_upload_size=limit,
        help=f"Each file may hold up to {limits.max_records:,} records and titles of up "
             f"to {limits.max_title_length:,} characters; docs/format.md lists every "
             "limit and how to raise it.")
    if uploads and choice != UPLOAD:
        st.sidebar.caption("Choose “Uploaded files” above to explore your uploads.")
    if choice == UPLOAD:
        if not uploads:
            return None
        return Source(tuple((f.name, f.getvalue()) for f in uploads), "uploaded files")
    if paths and choice == choices[0]:
        return Source.from_paths(paths, "files given")
    return Source.from_paths([str(samples[choice])], choice)


def settings_widgets(configs: Mapping[str, CheckConfig], bands: tuple[float, float],
                     scope: str) -> dict:
    """A widget for every check's switch and options, starting from the current values.

    ``scope`` (the source's digest) keys the widgets, so that new files start afresh.
    """
    st.sidebar.header("Checks and thresholds")
    st.sidebar.caption("Every change re-runs the checks at once.")
    settings: dict = {}
    for slug, check in REGISTRY.items():
        config = configs[slug]
        with st.sidebar.expander(f"{check.code} {slug}", expanded=False):
            values = {"enabled": st.toggle("enabled", value=config.enabled,
                                           key=f"{scope}:{slug}:enabled")}
            for name, option in check.options.items():
                values[name] = _option_widget(option, name, config.options[name],
                                              f"{scope}:{slug}:{name}")
            settings[slug] = values
    with st.sidebar.expander("Progress colours", expanded=False):
        settings["progress"] = {
            name: _option_widget(option, name, value, f"{scope}:progress:{name}")
            for (name, option), value in zip(PROGRESS_OPTIONS.items(), bands, strict=False)}
    return settings


def _option_widget(option: Option, name: str, value, key: str):
    label = name.replace("_", " ")
    if isinstance(option.default, bool):
        return st.toggle(label, value=value, help=option.help, key=key)
    if isinstance(option.default, int):
        return int(st.number_input(label, value=int(value), step=1,
                                   min_value=int(option.minimum or 0), help=option.help, key=key))
    if isinstance(option.default, float):
        if option.maximum is not None and option.maximum <= 1:
            return st.slider(label, min_value=float(option.minimum or 0), max_value=1.0,
                             value=float(value), step=0.01, help=option.help, key=key)
        return float(st.number_input(label, value=float(value), step=0.05,
                                     min_value=float(option.minimum or 0), help=option.help,
                                     key=key))
    return st.text_input(label, value=str(value), help=option.help, key=key)

