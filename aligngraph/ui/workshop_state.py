"""The Workshop tab's draft, kept in the browser session: versions, undo, reset and save.

A draft belongs to a source by its name and file names (not its bytes), so that a file
changed on disk by someone else never wipes the edits made here. Each version is the
whole organisation as JSON bytes: the explorer explores it as a source of its own
(``draft.json``), so every edit goes through the same loader, pipeline and caches as a
file does. An edit that the loader refuses is never applied: it stays in its table with
the located message beside it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

from ..draft import (
    KEY_RESULTS, OBJECTIVES, DraftProblem, TableEdit, apply_edit, describe_edit,
    key_result_rows, objective_rows, row_of,
)
from ..errors import InputError
from ..io.revision import Revision, document_bytes, record_texts
from ..io.writer import document_data, document_json
from ..pipeline import load_revision
from . import state

DRAFT_NAME = "draft.json"
FILES_GIVEN = "files given"  # the label the sidebar gives files named on the command line
MAX_UNDO = 30
TABLE_NAMES = {OBJECTIVES: "Objectives", KEY_RESULTS: "Key results"}


@dataclass
class Draft:
    """One source's edits in this session."""

    loaded: state.Source  # the files as they were when editing began
    on_disk: tuple[tuple[str, bytes], ...]  # as last read or saved: a save checks them
    versions: list[tuple[str, bytes]] = field(default_factory=list)  # (what, document)
    round: int = 0  # bumped when a version is made or undone: the editors start afresh
    problems: list[str] = field(default_factory=list)  # why the pending edit is refused
    saved: str = ""
    parsed: tuple[bytes, dict] | None = None  # the current version, parsed
    revision: tuple[bytes, Revision | None] | None = None  # and its records' models

    @property
    def edited(self) -> bool:
        return bool(self.versions)

    def editor_key(self, table: str) -> str:
        return f"workshop:{table}:{self.round}"


def scope(source: state.Source) -> str:
    """What a draft belongs to: the source's label and file names, not their bytes."""
    names = "\n".join(name for name, _ in source.files)
    return hashlib.sha256(f"{source.label}\n{names}".encode()).hexdigest()[:16]


def draft_of(source: state.Source) -> Draft:
    """This session's draft of ``source``; while it has no edits it follows the files."""
    drafts = st.session_state.setdefault("workshop_drafts", {})
    draft = drafts.get(scope(source))
    if draft is not None and not draft.edited and draft.loaded.digest != source.digest:
        draft = Draft(source, source.files, problems=draft.problems, round=draft.round)
        drafts[scope(source)] = draft
    if draft is None:
        draft = Draft(source, source.files)
        drafts[scope(source)] = draft
    return draft


@st.cache_resource(show_spinner=False, max_entries=8)
def _document_json(digest: str, _source: state.Source) -> bytes:
    return document_json(document_data(state.organisation(_source)))


def document(draft: Draft) -> dict[str, Any]:
    """The draft's current organisation as a v1 document (plain data). Parsed once per
    version and kept (callers never change it: edits make new documents)."""
    data = current_bytes(draft)
    if draft.parsed is None or draft.parsed[0] is not data:
        draft.parsed = (data, json.loads(data))
    return draft.parsed[1]


def current_bytes(draft: Draft) -> bytes:
    if draft.versions:
        return draft.versions[-1][1]
    return _document_json(draft.loaded.digest, draft.loaded)


def source_of(draft: Draft) -> state.Source:
    """The source the explorer analyses: the files, or the edited draft."""
    if not draft.edited:
        return draft.loaded
    return state.Source(((DRAFT_NAME, draft.versions[-1][1]),),
                        f"{draft.loaded.label}, edited")


def working_source(source: state.Source) -> state.Source:
    """Apply the tables' pending edits, if the loader accepts them, and return what the
    explorer should analyse. Called before anything is analysed on each run."""
    draft = draft_of(source)
    edits = [(table, TableEdit.from_state(st.session_state.get(draft.editor_key(table))))
             for table in (KEY_RESULTS, OBJECTIVES)]  # key results first: rows by position
    edits = [(table, edit) for table, edit in edits if edit]
    if edits:
        _apply(draft, edits)
    else:  # a refused edit goes with its table's state when another tab is opened
        draft.problems = []
    return source_of(draft)


def _apply(draft: Draft, edits: list[tuple[str, TableEdit]]) -> None:
    data = document(draft)
    what = []
    new = data
    try:
        for table, edit in edits:
            what.append(describe_edit(table, edit, _rows(table, data, edit)))
            new = apply_edit(new, table, edit)
    except DraftProblem as problem:
        draft.problems = [f"{TABLE_NAMES[problem.table]}, row {problem.row + 1}, "
                          f"{problem.column}: {problem.message}"]
        return
    texts = record_texts(new)
    candidate = document_bytes(new, texts)
    base = _revision(draft)
    try:
        org = state.organisation(
            state.Source(((DRAFT_NAME, candidate),), "draft"),
            lambda: load_revision(DRAFT_NAME, candidate, new, texts, base))
    except InputError as exc:
        draft.problems = [located(problem, new) for problem in exc.problems]
        return
    push(draft, "; ".join(what), candidate)
    draft.parsed = (candidate, new)
    draft.revision = (candidate, Revision.pair(texts, org))


def _revision(draft: Draft) -> Revision | None:
    """The current version's records with their models, which the next version need not
    validate again. The files as loaded are paired with the document written from them
    (:func:`aligngraph.io.writer.document_data` reads back into the same records)."""
    data = current_bytes(draft)
    if draft.revision is None or draft.revision[0] is not data:
        texts = record_texts(document(draft))
        draft.revision = (data, Revision.pair(texts, state.organisation(source_of(draft))))
    return draft.revision[1]


def _rows(table: str, data: dict[str, Any], edit: TableEdit) -> list[dict[str, Any]]:
    """The rows an edit names (only their ids are needed, and only for a description)."""
    wanted = max([*edit.edited, *edit.deleted], default=-1) + 1
    if table == OBJECTIVES:
        return [{"id": o.get("id")} for o in data.get(OBJECTIVES, [])[:wanted]]
    return key_result_rows(data)[:wanted]


def push(draft: Draft, what: str, candidate: bytes) -> None:
    """Make ``candidate`` (an organisation as JSON, validated) the draft's new version."""
    draft.versions.append((what, candidate))
    del draft.versions[:-MAX_UNDO]
    draft.round += 1
    draft.problems = []
    draft.saved = ""


def located(problem, data: dict[str, Any]) -> str:
    """A loader problem, located in the tables: ``Key results, row 4 (ENG1.2), target: …``."""
    found = row_of(problem.path, data)
    field_name = problem.path.rsplit(".", 1)[-1] if "." in problem.path else ""
    if found is None:
        return f"{problem.path}: {problem.message}" if problem.path else problem.message
    table, row = found
    rows = (objective_rows if table == OBJECTIVES else key_result_rows)(data)
    name = rows[row]["id"] if row < len(rows) and rows[row]["id"] else "new row"
    where = f"{TABLE_NAMES[table]}, row {row + 1} ({name})"
    if field_name and not field_name.startswith(("objectives[", "key_results[")):
        where += f", {field_name}"
    return f"{where}: {problem.message}"


def undo(key: str) -> None:
    draft = st.session_state["workshop_drafts"][key]
    if draft.versions:
        draft.versions.pop()
    draft.round += 1
    draft.problems = []


def reset(key: str) -> None:
    draft = st.session_state["workshop_drafts"][key]
    draft.versions.clear()
    draft.round += 1
    draft.problems = []


def discard_pending(key: str) -> None:
    draft = st.session_state["workshop_drafts"][key]
    draft.round += 1
    draft.problems = []
