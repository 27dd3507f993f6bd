"""The explorer's cached use cases: load, analyse and draw, keyed on file bytes and settings.

The organisation and its report are cached as resources: they are immutable once built
(the graph is frozen), so every session may share them without copies. Pictures and
exports are cached as data, keyed on the same digests plus the view's options.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from ..errors import AligngraphError, InputError, Problem
from ..io.loader import expand_paths
from ..model import Organisation
from ..io.tables.write import tables_of, write_xlsx
from ..io.writer import document_data
from ..output import FORMATS
from ..pipeline import analyse, build, load_bytes, run_check
from ..render import DiffMarks
from ..render.engine import run_layout
from ..render.screen import Opening, OnScreen, draw_on_screen, opening_view
from ..report import Report
from .tables import alignment_findings, findings_frame, people_load_frame


@dataclass(frozen=True)
class Source:
    """The OKR files the explorer works on: names and bytes, and their digest."""

    files: tuple[tuple[str, bytes], ...]
    label: str
    problems: tuple[Problem, ...] = ()

    @functools.cached_property
    def digest(self) -> str:
        """A stable key for caches: the hash of every name and byte (made once: a draft
        of a large organisation is megabytes, and every cache asks)."""
        sha = hashlib.sha256()
        for name, data in self.files:
            sha.update(name.encode())
            sha.update(hashlib.sha256(data).digest())
        for problem in self.problems:
            sha.update(b"problem:" + str(problem).encode())
        return sha.hexdigest()

    @classmethod
    def from_paths(cls, paths: list[str], label: str) -> Source:
        """Read files and folders from disk, as the command line does."""
        files, problems = expand_paths(paths)
        return cls(tuple((str(p), p.read_bytes()) for p in files), label, tuple(problems))


@st.cache_resource(show_spinner="Reading the OKR files…", max_entries=8)
def _organisation(digest: str, _source: Source,
                  _load: Callable[[], Organisation] | None = None) -> Organisation | InputError:
    if _source.problems:
        return InputError(list(_source.problems))
    try:
        return _load() if _load else load_bytes(list(_source.files))
    except InputError as exc:
        return exc


def organisation(source: Source, load: Callable[[], Organisation] | None = None
                 ) -> Organisation:
    """The validated organisation of a source; raises InputError with every problem.
    ``load``, when given, is a quicker way to the same result than loading the files (a
    Workshop draft validated against its last version): it runs only if the cache misses."""
    result = _organisation(source.digest, source, load)
    if isinstance(result, InputError):
        raise result
    return result


@st.cache_resource(show_spinner="Building the alignment graph…", max_entries=8)
def _graph(digest: str, _org: Organisation):
    return build(_org)


@st.cache_resource(show_spinner=False, max_entries=512)
def _findings(digest: str, slug: str, options_json: str, _graph) -> tuple:
    """One check's findings, kept per options: moving a threshold re-runs one check."""
    return tuple(run_check(_graph, slug, json.loads(options_json)))


@st.cache_resource(show_spinner="Running the checks…", max_entries=32)
def _report(digest: str, settings_json: str, _source: Source) -> Report | AligngraphError:
    try:
        org = organisation(_source)
        graph = _graph(digest, org)

        def runner(g, slug, options):
            return _findings(digest, slug, json.dumps(dict(options), sort_keys=True), g)

        return analyse(org, settings=json.loads(settings_json), graph=graph, runner=runner,
                       sources=[name for name, _ in _source.files])
    except AligngraphError as exc:
        return exc


def report(source: Source, settings: dict) -> Report:
    """The report of a source under the given settings overrides."""
    result = _report(source.digest, json.dumps(settings, sort_keys=True), source)
    if isinstance(result, AligngraphError):
        raise result
    return result


@st.cache_data(show_spinner="Drawing…", max_entries=64)
def screen_picture(digest: str, settings_json: str, view: str, focus: str | None,
                   depth: int | None, color_by: str, theme: str, changes: str,
                   _source: Source, _loaded: Source | None = None) -> OnScreen:
    """One view folded to read best in the explorer's frame: its SVG and DOT.

    The folding is chosen once per view, for the files as loaded (``_loaded``, when
    ``_source`` is a Workshop draft of them) under their own settings and colours; other
    settings, colours and drafts draw with the same folding in one layout, so moving a
    threshold or editing a goal does not pay for the choice again. ``changes`` (JSON of
    :meth:`aligngraph.diff.OrgDiff.marks`, or empty) colours the goals by what changed."""
    home = _loaded or _source
    first = None
    if (digest, settings_json, color_by, changes) != (home.digest, "{}", "findings", ""):
        try:
            first = screen_picture(home.digest, "{}", view, focus, depth, "findings", theme,
                                   "", home)
        except AligngraphError:  # the focus is new in the draft: choose its folding afresh
            first = None
    rep = report(_source, json.loads(settings_json))
    marks = DiffMarks(**json.loads(changes)) if changes else None
    return draw_on_screen(rep, view=view, focus=focus, depth=depth, color_by=color_by,
                          theme=theme, like=first, changes=marks)


def opening(source: Source, settings: dict, theme: str) -> Opening:
    """The view the Graph tab opens on: every goal when it reads in the frame, else the
    teams as deep as reads (both pictures cached as any other)."""
    settings_json = json.dumps(settings, sort_keys=True)
    return opening_view(report(source, settings), draw=lambda view: screen_picture(
        source.digest, settings_json, view, None, None, "findings", theme, "", source))


@st.cache_data(show_spinner="Drawing the PNG…", max_entries=8)
def png(dot_source: str) -> bytes:
    """DOT source laid out as a PNG."""
    return run_layout(dot_source, "png")


@st.cache_data(max_entries=32)
def exported(digest: str, settings_json: str, fmt: str, _source: Source) -> str:
    """The report as Markdown, JSON or CSV text."""
    rep = report(_source, json.loads(settings_json))
    return FORMATS[fmt](rep)


@st.cache_data(show_spinner="Writing the workbook…", max_entries=4)
def organisation_xlsx(digest: str, _source: Source) -> bytes:
    """The organisation as an XLSX workbook in aligngraph's own layout."""
    buffer = io.BytesIO()
    write_xlsx(tables_of(document_data(organisation(_source))), buffer)
    return buffer.getvalue()




@st.cache_data(show_spinner=False, max_entries=32)
def findings_table(digest: str, settings_json: str, _source: Source) -> pd.DataFrame:
    """Every finding as a table, kept per settings: large organisations have tens of
    thousands, and every widget change reruns the page."""
    return findings_frame(report(_source, json.loads(settings_json)))


@st.cache_data(show_spinner=False, max_entries=32)
def alignment_counts(digest: str, settings_json: str, _source: Source) -> dict[str, int]:
    """How many alignment findings each team has: the focus picker's order."""
    return alignment_findings(report(_source, json.loads(settings_json)))


@st.cache_data(show_spinner=False, max_entries=8)
def people_table(digest: str, _source: Source) -> pd.DataFrame:
    """Each person's load: it depends on the files only, not on the settings."""
    return people_load_frame(_graph(digest, organisation(_source)))
