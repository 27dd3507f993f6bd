"""Time the explorer's server side on an organisation shaped like GitLab FY21-Q1: the
first load, and a click on the picture that focuses on a team.

    python benchmarks/app_open.py               # 60 generated teams (seed 0), 3 rounds
    python benchmarks/app_open.py --rounds 5

The organisation is `aligngraph generate --teams 60 --seed 0`: 60 teams, 145
objectives, 437 key results (GitLab FY21-Q1 has 63, 138 and 336). AppTest runs the real
app.py in this process, without a browser, so the times are server time (the script
run). "First load" is the run after the file is uploaded: reading, checks and the
Overview (only the open tab is drawn), with Python's imports already warm (a sample is
shown first). "Graph tab opens" is the run after a click on that tab: choosing and
drawing the opening view. "Focus click" is the run after a click on a team in the
picture, each on a team not drawn before; "Back" returns to the view before it. Each
round starts a fresh app with empty caches. Wall-clock time is what a user waits for;
CPU time (this process's threads and the Graphviz runs) is what the run costs, and
varies less when other work shares the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

from aligngraph.generate import generate

APP = str(Path(__file__).resolve().parent.parent / "app.py")
TEAMS = ("t1", "t2", "t3", "t4", "t5")


def cpu() -> float:
    """CPU seconds of this process (every thread) and of the Graphviz runs it waited for."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def timed(action) -> tuple[float, float]:
    """Wall-clock and CPU seconds of ``action``."""
    wall, used = time.perf_counter(), cpu()
    action()
    return time.perf_counter() - wall, cpu() - used


Timing = tuple[float, float]


def one_round(data: bytes) -> tuple[Timing, Timing, list[Timing], Timing, str]:
    from streamlit.runtime.caching import cache_data, cache_resource

    cache_data.clear()
    cache_resource.clear()
    at = AppTest.from_file(APP, default_timeout=600).run()
    at.selectbox(key="source").set_value("Uploaded files").run()
    upload = at.file_uploader(key="uploads").set_value(("org.json", data, "application/json"))
    first = timed(upload.run)
    assert not at.exception, at.exception
    at.session_state["tab"] = "Graph"
    graph = timed(at.run)
    assert not at.exception, at.exception
    opening = next(c.value.replace("\\", "") for c in at.caption if " view" in c.value)
    clicks = []
    for number, team in enumerate(TEAMS, 1):
        at.session_state["graph_click"] = {"id": f"team-{team}", "n": number}
        clicks.append(timed(at.run))
        assert not at.exception and at.selectbox(key="focus").value == f"team:{team}"
    back = timed(at.button(key="graph_back").click().run)
    assert at.selectbox(key="focus").value == f"team:{TEAMS[-2]}"
    return first, graph, clicks, back, opening


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    data = json.dumps(generate(60, seed=0)).encode()
    rounds = [one_round(data) for _ in range(args.rounds)]
    firsts = [r[0] for r in rounds]
    graphs = [r[1] for r in rounds]
    clicks = [c for r in rounds for c in r[2]]
    backs = [r[3] for r in rounds]
    print(f"Opening view: {rounds[0][4]}")
    print(f"Load average while measuring: {os.getloadavg()[0]:.1f} (2 cores)")
    print("| measure | runs | wall, median (s) | wall, worst (s) | CPU, median (s) "
          "| CPU, worst (s) | target (s) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for label, times, target in (("first load", firsts, 2.0), ("Graph tab opens", graphs, None),
                                 ("focus click", clicks, 0.5), ("back", backs, 0.5)):
        walls, cpus = [t[0] for t in times], [t[1] for t in times]
        print(f"| {label} | {len(times)} | {statistics.median(walls):.2f} | {max(walls):.2f} "
              f"| {statistics.median(cpus):.2f} | {max(cpus):.2f} "
              f"| {'–' if target is None else f'{target:.1f}'} |")


if __name__ == "__main__":
    main()
