"""The Streamlit explorer: a thin layer over the same pipeline and pictures the CLI uses.

``app.py`` (and ``aligngraph app``) call :func:`main`. Nothing here checks or draws: it
asks :mod:`aligngraph.ui.state` for the cached report and pictures, and lays them out.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import streamlit as st

from ..errors import AligngraphError, InputError
from .exports import show_exports
from .findings_tab import show_findings
from .graph_tab import graph_picture, show_graph
from .overview import show_overview
from .people_tab import show_people
from .plain import plain
from .sidebar import choose_source, settings_widgets
from .workshop_tab import changes, marks, show_banner, show_workshop
from . import navigation, state, workshop_state

SAMPLE_NAMES = {"meridian.yaml": "Meridian Freight (sample, 60 teams)",
                "nimbus.yaml": "Nimbus (sample, 8 teams)"}
LAST_GOOD = "last_good_source"  # session key: the last files that loaded


def main(argv: list[str] | None = None, samples_dir: Path | None = None) -> None:
    """Run the explorer on the files in ``argv``, or on a bundled sample."""
    st.set_page_config(page_title="aligngraph explorer", page_icon="🧭", layout="wide")
    paths = list(script_arguments() if argv is None else argv)
    source = choose_source(paths, find_samples(samples_dir))
    if source is None:
        st.title("aligngraph explorer")
        st.info("Upload one or more OKR files (YAML, JSON, or spreadsheets: CSV, XLSX) in "
                "the sidebar.")
        return
    try:
        _explore(source, local=bool(paths) and source.label == workshop_state.FILES_GIVEN)
        st.session_state[LAST_GOOD] = source
    except InputError as exc:
        last = st.session_state.get(LAST_GOOD)
        _show_input_error(exc, still_showing=last)
        if last is not None:
            _explore(last, titled=False)
    except AligngraphError as exc:
        st.error(plain(exc))


def _explore(source: state.Source, titled: bool = True, local: bool = False) -> None:
    base = state.report(source, {})
    settings = settings_widgets(base.configs, base.bands, source.digest[:12])
    loaded, source = source, workshop_state.working_source(source)  # the draft, if edited
    report = state.report(source, settings)
    diff = changes(loaded, source, settings)
    cycle = report.graph.graph["cycle"].name
    if titled:
        st.title("aligngraph explorer")
    st.caption(f"{plain(source.label)} · {plain(cycle, 80) if cycle else 'no cycle named'} · "
               f"as of {report.as_of}")
    for notice in state.organisation(loaded).notices:
        st.info(plain(notice))
    show_banner(loaded, diff)
    navigation.showing(loaded.digest)
    navigation.keep_selections()
    navigation.follow(report, lambda: state.people_table(source.digest, source))
    settings_json = json.dumps(settings, sort_keys=True)
    _draw_open_tab({
        "Overview": lambda: show_overview(report),
        "Graph": lambda: show_graph(source, settings, report, marks(diff), loaded),
        "Findings": lambda: show_findings(state.findings_table(source.digest, settings_json,
                                                               source)),
        "People": lambda: show_people(report, state.people_table(source.digest, source)),
        "Workshop": lambda: show_workshop(loaded, source, settings, report, diff, local),
        "Exports": lambda: show_exports(source, settings, graph_picture(
            source, settings, report, marks(diff), loaded)),
    })


def _draw_open_tab(tabs: dict[str, Callable[[], object]]) -> None:
    """The tabs, drawing only the open one: a click on a tab reruns the page (and a focus
    click sets the tab before this), so a rerun pays only for what is on screen. The
    Overview is open on the first run."""
    containers = st.tabs(list(tabs), key=navigation.TAB, on_change="rerun")
    for container, draw in zip(containers, tabs.values(), strict=True):
        if container.open:
            with container:
                draw()


def _show_input_error(exc: InputError, still_showing: state.Source | None = None) -> None:
    """The located problems, as text (never Markdown), at most the first hundreds."""
    st.title("aligngraph explorer")
    count = exc.count
    st.error(f"These files cannot be read: {count:,} problem{'s' if count != 1 else ''}. "
             "Fix them and upload again.")
    st.code(str(exc).split("\n", 1)[-1], language=None, wrap_lines=True)
    if still_showing is not None:
        st.info(f"Still showing the last files that loaded: {plain(still_showing.label)}.")


def script_arguments() -> list[str]:
    """The paths given after ``--`` to ``streamlit run app.py``; none under a test runner."""
    script = Path(sys.argv[0]).name if sys.argv else ""
    return sys.argv[1:] if script in ("app.py", "streamlit_app.py") else []


def find_samples(samples_dir: Path | None = None) -> dict[str, Path]:
    """The bundled samples, by display name: beside app.py, or beside the package."""
    candidates = [samples_dir] if samples_dir else []
    candidates.append(Path(__file__).resolve().parents[2] / "samples")
    for folder in candidates:
        if folder and folder.is_dir():
            return {label: folder / name for name, label in SAMPLE_NAMES.items()
                    if (folder / name).is_file()}
    return {}
