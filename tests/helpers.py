"""Small builders for tests: an organisation from a few lines of YAML; a tab of the explorer opened."""

from __future__ import annotations

import datetime as dt
import textwrap

from aligngraph.graph import build_graph
from aligngraph.pipeline import load_texts

def org_of(text: str, name: str = "test.yaml"):
    """Validate YAML text into an organisation."""
    return load_texts([(name, textwrap.dedent(text))])


def graph_of(text: str, as_of: dt.date | None = None):
    """The frozen alignment graph of YAML text, judged at the cycle's ``as_of``."""
    return build_graph(org_of(text), as_of)


def run(module, text: str, **options) -> list:
    """Run one check module on YAML text, stamped as the registry would."""
    from aligngraph.checks.base import Check

    check = Check.from_module(module)
    return list(check.run(graph_of(text), {**check.defaults(), **options}))


def subjects(findings) -> set[str]:
    """The subjects of some findings."""
    return {finding.subject for finding in findings}


def open_tab(at, label: str):
    """Open one of the explorer's tabs by its label, as a click on it does (the tabs keep
    the open one's label in session state), and rerun: only the open tab is drawn."""
    from aligngraph.ui import navigation

    at.session_state[navigation.TAB] = label
    at.run()
    assert not at.exception, at.exception
    return at


def keep_downloads(monkeypatch) -> dict[str, bytes]:
    """Every file the explorer hands to a download button, by MIME type, as stored."""
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    saved: dict[str, bytes] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def keep(self, data, mimetype, kind, filename=None):
        saved[mimetype] = data if isinstance(data, bytes) else data.encode()
        return original(self, data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", keep)
    return saved

