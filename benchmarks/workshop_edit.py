"""Time one Workshop edit with Streamlit's AppTest: the rerun that validates the edited
draft, re-analyses it and redraws the page (server time, no browser).

    python benchmarks/workshop_edit.py                 # the Meridian sample (60 teams)
    python benchmarks/workshop_edit.py --teams 1000    # a synthetic organisation, uploaded

Each edit re-titles the first objective (five edits, each a new title, so no cache can
answer), then undoing the last (a version seen before), with the Workshop tab open. Wall-clock time on a shared
machine includes waiting for a core; the CPU time of this process (every thread, the
script's run included; not Graphviz's `dot`, a child process) does not. Only the open
tab (the Workshop) is drawn, with the banner above the tabs.
"""

from __future__ import annotations

import argparse
import statistics
import time

from app_threshold import open_app, open_tab  # beside this script
from streamlit.testing.v1 import AppTest
NO_EDIT = {"edited_rows": {}, "added_rows": [], "deleted_rows": []}


CPU: list[float] = []  # the CPU time of each timed action, in this process (every thread)


def timed(action) -> float:
    """Wall-clock seconds of ``action``; its CPU seconds go to CPU."""
    start, cpu = time.perf_counter(), time.process_time()
    action()
    CPU.append(time.process_time() - cpu)
    return time.perf_counter() - start


def edit(at: AppTest, title: str) -> float:
    key = next(e.key for e in at.data_editor if e.key.startswith("workshop:objectives:"))
    at.session_state[key] = {**NO_EDIT, "edited_rows": {0: {"title": title}}}
    took = timed(at.run)
    assert not at.exception, at.exception
    assert at.data_editor[0].value.loc[0, "title"] == title, "the edit was not applied"
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--teams", type=int, help="a synthetic organisation of this size")
    args = parser.parse_args()
    at, first, label = open_app(args.teams, timed)
    open_tab(at, "Workshop")
    CPU.clear()
    edits = [edit(at, f"A new title, version {n}") for n in range(5)]
    edit_cpu = statistics.median(CPU)
    at.button(key="workshop_undo").click()
    undo = timed(at.run)
    assert not at.exception, at.exception
    print(f"| {label} | {first:.2f} | {statistics.median(edits):.2f} | {max(edits):.2f} "
          f"| {edit_cpu:.2f} | {undo:.2f} |")


if __name__ == "__main__":
    print("| organisation | first load (s) | one edit, median (s) | worst (s) "
          "| one edit, CPU median (s) | undo (s) |")
    print("|---|---:|---:|---:|---:|---:|")
    main()
