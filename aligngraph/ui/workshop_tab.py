"""The Workshop tab: edit the draft live, ask "what if", see what changed, keep the work.

Layout only: the draft's session logic is in :mod:`.workshop_state`, the tables' rows in
:mod:`aligngraph.draft`, comparing in :mod:`aligngraph.diff`, dropping in
:mod:`aligngraph.whatif`, and saving in :mod:`aligngraph.io.save`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import streamlit as st

from ..diff import OrgDiff, compare
from ..draft import KEY_RESULTS, OBJECTIVES, key_result_rows, objective_rows
from ..errors import AligngraphError
from ..graph import OBJECTIVE, PERSON, TEAM, nodes_of
from ..io import save as saving
from ..io.writer import document_data, document_json
from ..report import Report
from ..text import count_of
from ..whatif import drop
from . import state
from . import workshop_state as ws
from .exports import XLSX
from .graph_tab import describe
from .plain import plain

BASELINE = "workshop_baseline"
BASELINE_FILE = "workshop_baseline_file"  # session key: the uploaded baseline (name, bytes)
AS_LOADED = "The files as loaded"
UPLOADED = "An uploaded file"
ROW_PX = 35  # the data editor's row height
_FINDING_COLUMNS = ["severity", "check", "subject", "message"]


def changes(source: state.Source, working: state.Source, settings: dict) -> OrgDiff | None:
    """What changed from the baseline (the files as loaded, or the organisation chosen in
    the Workshop tab) to what the explorer shows; None when nothing can differ."""
    baseline = _baseline(source)
    st.session_state[BASELINE] = None
    if baseline is None or baseline.digest == working.digest:
        return None
    try:
        return _compare(baseline, working, settings)
    except AligngraphError as exc:
        st.session_state[BASELINE] = str(exc)
        return None


def marks(diff: OrgDiff | None) -> str:
    """The graph's change colouring for a diff, as JSON (empty: none)."""
    if diff is None:
        return ""
    return json.dumps(diff.marks(since="the files as loaded"), sort_keys=True)


def _compare(old: state.Source, new: state.Source, settings: dict) -> OrgDiff:
    return _compared(old.digest, new.digest, json.dumps(settings, sort_keys=True), old, new)


@st.cache_resource(show_spinner="Comparing with the baseline…", max_entries=8)
def _compared(old_digest: str, new_digest: str, settings_json: str, _old: state.Source,
              _new: state.Source) -> OrgDiff:
    """The diff of two sources under one set of settings: every rerun while a draft is
    open shows it, and a 1,000-team comparison takes a third of a second."""
    settings = json.loads(settings_json)
    reports = (state.report(_old, settings), state.report(_new, settings))
    return compare(state.organisation(_old), state.organisation(_new), reports=reports)


def show_banner(source: state.Source, diff: OrgDiff | None) -> None:
    """One line above the tabs while the draft differs from its baseline. Its slot is
    always there, so that the tabs keep their place (and the open tab) when it appears."""
    slot = st.empty()
    draft = ws.draft_of(source)
    if diff is None and not draft.edited:
        return
    slot.info(plain(_summary(draft, diff)) + "  (Workshop tab: undo, reset, download, save)")


def _summary(draft: ws.Draft, diff: OrgDiff | None) -> str:
    parts = [f"Draft: {len(draft.versions)} edit{'s' if len(draft.versions) != 1 else ''}"]
    if diff is not None:
        status = list(diff.goal_status.values())
        parts.append(f"goals {status.count('added')} added, {status.count('changed')} "
                     f"changed, {status.count('removed')} removed")
        parts.append(f"findings {len(diff.findings_new)} new, "
                     f"{len(diff.findings_resolved)} resolved")
    return " · ".join(parts)


def show_workshop(source: state.Source, working: state.Source, settings: dict,
                  report: Report, diff: OrgDiff | None, local: bool) -> None:
    """The whole tab."""
    draft = ws.draft_of(source)
    key = ws.scope(source)
    data = ws.document(draft)
    _history(draft, key)
    _keep(source, draft, working, data, local)
    _changes(diff)
    st.subheader("Edit the draft")
    st.caption("Edit a cell, add a row at the bottom or select rows to delete them. Every "
               "edit re-runs the checks; an edit the OKR file format refuses is not applied.")
    if draft.problems:
        st.error("This edit is not applied: " + plain(draft.problems[0]) + (
            f" (and {len(draft.problems) - 1} more)" if len(draft.problems) > 1 else ""))
        st.code("\n".join(draft.problems[:50]), language=None, wrap_lines=True)
        st.button("Discard this edit", key="workshop_discard", on_click=ws.discard_pending,
                  args=(key,))
    _editors(draft, data, report)
    _what_if(working, settings, report)
    _compare_with()


def _history(draft: ws.Draft, key: str) -> None:
    left, middle, right = st.columns([1, 1, 4])
    last = draft.versions[-1][0] if draft.versions else ""
    left.button("Undo", key="workshop_undo", on_click=ws.undo, args=(key,),
                disabled=not draft.versions, help=plain(f"Undo: {last}") if last else None)
    middle.button("Reset", key="workshop_reset", on_click=ws.reset, args=(key,),
                  disabled=not draft.versions, help="Back to the files as loaded")
    if draft.versions:
        right.caption(f"{count_of(len(draft.versions), 'edit')}; last: {plain(last, 120)}")
    else:
        right.caption("No edits yet: this is the organisation as loaded.")


def _changes(diff: OrgDiff | None) -> None:
    st.subheader("Changes since loaded")
    if diff is None:
        st.caption("Nothing changed yet.")
        return
    status = diff.goal_status
    counts = [("Goals added", "added"), ("Goals changed", "changed"), ("Goals removed",
                                                                      "removed")]
    columns = st.columns(5)
    for column, (label, kind) in zip(columns, counts, strict=False):
        column.metric(label, sum(1 for s in status.values() if s == kind))
    columns[3].metric("Findings new", len(diff.findings_new))
    columns[4].metric("Findings resolved", len(diff.findings_resolved))
    if status:
        st.dataframe(pd.DataFrame([{"goal": goal, "change": kind, "how": _how(diff, goal),
                                    "title": _title(diff, goal)}
                                   for goal, kind in status.items()]),
                     hide_index=True, key="workshop_goal_changes")
    new, resolved = st.columns(2)
    new.caption("New findings")
    new.dataframe(_findings(diff.findings_new), hide_index=True, key="workshop_new")
    resolved.caption("Resolved findings")
    resolved.dataframe(_findings(diff.findings_resolved), hide_index=True,
                       key="workshop_resolved")
    slack = [_slack_row(s) for s in diff.slack if s.changed]
    st.caption("Alignment slack, before and after (levels that changed)")
    st.dataframe(pd.DataFrame(slack, columns=["team", "overflow", "gap", "echo", "status"]),
                 hide_index=True, key="workshop_slack")


def _title(diff: OrgDiff, goal: str) -> str:
    for graph in (diff.new.graph, diff.old.graph):
        if f"goal:{goal}" in graph:
            return graph.nodes[f"goal:{goal}"]["label"]
    return ""


def _how(diff: OrgDiff, goal: str) -> str:
    kinds = next((c.kinds for c in diff.goal_changes if c.new == goal), ())
    return ", ".join(kinds)


def _findings(findings) -> pd.DataFrame:
    return pd.DataFrame([{"severity": f.severity, "check": f.check, "subject": f.subject,
                          "message": f.message} for f in findings], columns=_FINDING_COLUMNS)


def _slack_row(change) -> dict:
    before, after = change.before or {}, change.after or {}

    def pair(name: str, percent: bool = True) -> str:
        def show(value):
            if value is None:
                return "–"
            return f"{value:.0%}" if percent and isinstance(value, float) else str(value)
        return f"{show(before.get(name))} → {show(after.get(name))}"

    return {"team": change.team, "overflow": pair("overflow"), "gap": pair("gap"),
            "echo": pair("echo"), "status": pair("status", percent=False)}


@st.cache_data(show_spinner=False, max_entries=4)
def _tables(digest: str, _data: dict) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Both tables of a version of the draft (10,000 rows at 1,000 teams: made once, and
    copied for each run, as the editor may change what it is given)."""
    return (pd.DataFrame(objective_rows(_data), columns=_columns(OBJECTIVES)),
            pd.DataFrame(key_result_rows(_data), columns=_columns(KEY_RESULTS)))


def _editors(draft: ws.Draft, data: dict, report: Report) -> None:
    objective_table, key_result_table = _tables(ws.source_of(draft).digest, data)
    graph = report.graph
    teams = sorted(graph.nodes[k]["id"] for k in nodes_of(graph, TEAM))
    objectives = [o["id"] for o in data.get("objectives", [])]
    text = st.column_config.TextColumn
    st.markdown("**Objectives**")
    _editor(draft, OBJECTIVES, objective_table, {
        "id": text("id", help="Blank: one is made from the team's other ids"),
        "team": st.column_config.SelectboxColumn("team", options=teams, required=True),
        "liaison": text("liaison", help="The person who unsticks cross-team work"),
        "intentional": text("intentional", help="Why a gap or a top-down objective is "
                            "deliberate")})
    st.markdown("**Key results**")
    _editor(draft, KEY_RESULTS, key_result_table, {
        "id": text("id", help="Blank: the objective's id and the next number"),
        "objective": st.column_config.SelectboxColumn("objective", options=objectives,
                                                      required=True),
        "target": st.column_config.NumberColumn("target"),
        "current": st.column_config.NumberColumn("current")})


def _editor(draft: ws.Draft, table: str, rows: pd.DataFrame, config: dict) -> None:
    """One table of the draft, rows added at the bottom and deleted by selection."""
    text = st.column_config.TextColumn
    st.data_editor(
        rows, key=draft.editor_key(table),
        num_rows="dynamic", hide_index=True, width="stretch", height=_height(len(rows)),
        column_config={
            "title": text("title", width="large"),
            "aligns_to": text("aligns_to", help="Goal ids, separated by commas"),
            "depends_on": text("depends_on", help="Team ids, separated by commas"),
            **config})


def _height(rows: int) -> int:
    """Tall enough for every row of a small organisation (and the row that adds one)."""
    return min(ROW_PX * (rows + 2) + 3, 640)


def _columns(table: str) -> list[str]:
    from ..draft import KEY_RESULT_COLUMNS, OBJECTIVE_COLUMNS

    return list(OBJECTIVE_COLUMNS if table == OBJECTIVES else KEY_RESULT_COLUMNS)


def _what_if(working: state.Source, settings: dict, report: Report) -> None:
    st.subheader("What if…")
    graph = report.graph
    keys = [*nodes_of(graph, TEAM), *nodes_of(graph, OBJECTIVE), *nodes_of(graph, PERSON)]
    chosen = st.multiselect("Drop teams, objectives or people", keys, key="workshop_drop",
                            format_func=lambda k: describe(graph, k) if k in graph else k,
                            placeholder="Choose what to drop", persist_state="page")
    chosen = [k for k in chosen if k in graph]
    if not chosen:
        st.caption("Nothing is dropped until you choose; the draft is not changed.")
        return
    try:
        dropped = drop(state.organisation(working), chosen)
    except AligngraphError as exc:
        st.warning(plain(exc))
        return
    candidate = document_json(document_data(dropped))
    after = state.Source(((ws.DRAFT_NAME, candidate),), "what if")
    diff = _compare(working, after, settings)
    status = list(diff.goal_status.values())
    orphans = [f for f in diff.findings_new if f.check == "orphan-team"]
    st.markdown(f"**What would break**: {count_of(len(diff.findings_new), 'new finding')}, "
                f"{count_of(len(orphans), 'new orphan team')}; "
                f"{count_of(status.count('removed'), 'goal')} removed, "
                f"{count_of(len(diff.findings_resolved), 'finding')} resolved.")
    st.dataframe(_findings(diff.findings_new), hide_index=True, key="workshop_whatif_new")
    st.button("Apply to the draft", key="workshop_apply_whatif", on_click=_apply_what_if,
              args=(working, chosen, candidate))


def _apply_what_if(working: state.Source, chosen: list[str], candidate: bytes) -> None:
    drafts = st.session_state.get("workshop_drafts", {})
    for draft in drafts.values():
        if ws.source_of(draft).digest == working.digest:
            ws.push(draft, "dropped " + ", ".join(chosen), candidate)
    st.session_state["workshop_drop"] = []


def _compare_with() -> None:
    from . import find_samples

    st.subheader("Compare with")
    # The baseline counts while another tab is open (the banner above the tabs shows the
    # changes): the choice persists, and the uploaded file is kept apart from its widget,
    # whose value goes when the tab is not drawn.
    choice = st.selectbox("Baseline for the changes above",
                          [AS_LOADED, *find_samples(), UPLOADED],
                          key="workshop_baseline_choice", persist_state="page",
                          help="Compare the draft with last quarter's file, say")
    if choice == UPLOADED:
        upload = st.file_uploader("The baseline organisation (YAML, JSON, CSV or XLSX)",
                                  type=["yaml", "yml", "json", "csv", "tsv", "xlsx", "ods"],
                                  key="workshop_baseline_upload", on_change=_keep_baseline)
        kept = st.session_state.get(BASELINE_FILE)
        if upload is None and kept is not None:
            st.caption(f"Comparing with {plain(kept[0])}, uploaded earlier; upload another "
                       "file to change it.")
    problem = st.session_state.get(BASELINE)
    if problem:
        st.error(f"This baseline cannot be read: {plain(problem)}")


def _baseline(source: state.Source) -> state.Source | None:
    """The organisation the changes are counted from, as chosen in the tab (read from the
    widgets' state: the choice is made before the tab is drawn)."""
    from . import find_samples

    choice = st.session_state.get("workshop_baseline_choice", AS_LOADED)
    samples = find_samples()
    if choice in samples:
        return state.Source.from_paths([str(samples[choice])], choice)
    if choice == UPLOADED:
        kept = st.session_state.get(BASELINE_FILE)
        return state.Source((kept,), kept[0]) if kept else None
    return ws.draft_of(source).loaded


def _keep_baseline() -> None:
    """Keep the uploaded baseline's name and bytes (or forget them, when it is removed)."""
    upload = st.session_state.get("workshop_baseline_upload")
    st.session_state[BASELINE_FILE] = (upload.name, upload.getvalue()) if upload else None


def _keep(source: state.Source, draft: ws.Draft, working: state.Source, data: dict,
          local: bool) -> None:
    left, right, far = st.columns([1, 1, 4])
    left.download_button("Organisation (YAML)", lambda: _yaml(draft, data), "okrs.yaml",
                         "application/x-yaml", key="workshop_yaml")
    right.download_button("Organisation (XLSX)",
                          lambda: state.organisation_xlsx(working.digest, working),
                          "okrs.xlsx", XLSX, key="workshop_xlsx")
    if not local:
        far.caption("Save writes back to files given on the command line "
                    "(`aligngraph app okrs.yaml`); download the draft instead.")
        return
    refused = saving.can_save(draft.on_disk)
    names = ", ".join(Path(name).name for name, _ in draft.on_disk)
    if refused:
        far.caption(plain(refused))
        return
    far.button(f"Save to {names}", key="workshop_save", disabled=not draft.edited,
               on_click=_save, args=(ws.scope(source),))
    if draft.saved:
        st.success(plain(draft.saved))
    conflict = st.session_state.get("workshop_conflict")
    if conflict is not None:
        st.error(plain(conflict))
        for item in conflict.conflicts:
            theirs, ours = st.columns(2)
            theirs.caption(f"Changed on disk since loaded: {plain(item.path)}")
            theirs.code(item.their_changes() or "(no change)", language="diff")
            ours.caption("Your draft's changes")
            ours.code(item.our_changes() or "(no change)", language="diff")


def _save(key: str) -> None:
    draft = st.session_state["workshop_drafts"][key]
    st.session_state["workshop_conflict"] = None
    try:
        saved = saving.save(draft.on_disk, ws.document(draft))
    except saving.SaveConflict as exc:
        st.session_state["workshop_conflict"] = exc
        return
    except AligngraphError as exc:
        draft.saved = f"Not saved: {exc}"
        return
    draft.on_disk = tuple((name, saved.files.get(name, data)) for name, data in draft.on_disk)
    backups = ", ".join(Path(b).name for b in saved.backups.values())
    draft.saved = (f"Saved {', '.join(Path(p).name for p in saved.files) or 'nothing'}"
                   + (f" (previous version kept as {backups})" if backups else ""))


def _yaml(draft: ws.Draft, data: dict) -> str:
    """The draft as YAML: the loaded YAML file with only the edited lines changed, when
    there was one such file; else the whole organisation written afresh."""
    files = draft.loaded.files
    if len(files) == 1 and Path(files[0][0]).suffix.lower() in (".yaml", ".yml"):
        planned = saving.plan(files, data)
        return (planned.get(files[0][0]) or files[0][1]).decode("utf-8")
    return saving.document_text(data)
