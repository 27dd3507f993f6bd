"""Time every view of `aligngraph render` on synthetic organisations of 50, 500 and 5,000 teams.

    python benchmarks/render_views.py            # the table in benchmarks/README.md
    python benchmarks/render_views.py --limit    # the goals-view sweep behind MAX_NODES
    python benchmarks/render_views.py --slide    # the same views fitted to a 16:9 slide

Each organisation comes from aligngraph.generate (seed 1). Times are the median of three
runs of build_dot + the dot layout to SVG; analysis time is shown apart. A view refused as
too large is reported as such: that is the fail-fast path, and its time is what a user
waits for the refusal.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import time

from aligngraph.generate import generate
from aligngraph.io.loader import load_texts
from aligngraph.pipeline import analyse
from aligngraph.render import NotFitForSlide, RenderTooLarge, build_dot, build_slide, render

SIZES = (50, 500, 5000)
NODE_LINE = re.compile(r"^\s*n\d+ \[", re.MULTILINE)
VIEWS = ("goals", "teams", "focus", "people")


def timed(function, runs: int = 3) -> tuple[float, object]:
    results, times = None, []
    for _ in range(runs):
        start = time.perf_counter()
        results = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), results


def report_of(teams: int):
    text = json.dumps(generate(teams, seed=1))
    start = time.perf_counter()
    report = analyse(load_texts([(f"org{teams}.json", text)]))
    return report, time.perf_counter() - start


def draw(report, view: str, **options):
    try:
        dot = build_dot(report, view=view, **options)
    except RenderTooLarge:
        return "refused", 0
    return render(dot, "svg"), len(NODE_LINE.findall(dot.source))


def table() -> None:
    print("| teams | analysis (s) | view | nodes drawn | build + layout (s) | result |")
    print("|---:|---:|---|---:|---:|---|")
    for teams in SIZES:
        report, analysis = report_of(teams)
        focus = "t1"  # a level-1 team: the same kind of neighbourhood at every size
        for view in VIEWS:
            options = {"focus": focus, "depth": 2} if view == "focus" else {}
            seconds, (result, nodes) = timed(lambda r=report, v=view, o=options: draw(r, v, **o))
            outcome = "refused (too large)" if result == "refused" else f"{len(result):,} B SVG"
            print(f"| {teams:,} | {analysis:.2f} | {view} | {nodes} | {seconds:.2f} | {outcome} |")


def fit(report, view: str, **options):
    try:
        return render(build_slide(report, view=view, **options), "png")
    except RenderTooLarge:
        return "refused (too large)"
    except NotFitForSlide:
        return "refused (text too small for a slide)"


def slide_table() -> None:
    print("| teams | view | fit + PNG (s) | result |")
    print("|---:|---|---:|---|")
    for teams in SIZES:
        report, _ = report_of(teams)
        for view in VIEWS:
            options = {"focus": "t1", "depth": 2} if view == "focus" else {}
            seconds, result = timed(lambda r=report, v=view, o=options: fit(r, v, **o), runs=1)
            outcome = result if isinstance(result, str) else f"{len(result):,} B PNG, 1920 × 1080"
            print(f"| {teams:,} | {view} | {seconds:.2f} | {outcome} |")


def limit_sweep() -> None:
    print("| teams | goals-view nodes | build + layout (s) |")
    print("|---:|---:|---:|")
    for teams in (40, 120, 240, 480, 960):
        report, _ = report_of(teams)
        seconds, (result, nodes) = timed(lambda r=report: draw(r, "goals", max_nodes=10**9), runs=1)
        print(f"| {teams} | {nodes} | {seconds:.2f} |")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", action="store_true", help="sweep the goals view's size")
    parser.add_argument("--slide", action="store_true", help="time --fit slide on each view")
    args = parser.parse_args()
    limit_sweep() if args.limit else slide_table() if args.slide else table()
