"""Time a what-if and its comparison: drop one team, then compare the two versions.

    python benchmarks/diff_whatif.py                 # the bundled Meridian sample
    python benchmarks/diff_whatif.py --teams 1000    # a synthetic organisation

Each step is timed five times (the median is printed): ``drop`` (the copy), ``analyse``
of the changed copy (what every edit in the explorer's Workshop costs: the base's report
is already there), and ``compare`` given both reports (matching, goal changes, findings
in fix-first order, and slack). The dropped team is a level-1 team with sub-teams, so its sub-teams move and
their goals lose their alignment: the largest kind of change a single drop makes.
"""

from __future__ import annotations

import argparse
import statistics
from dataclasses import replace
import time
from pathlib import Path

from aligngraph.diff import compare
from aligngraph.generate import generate
from aligngraph.pipeline import analyse, load, load_texts
from aligngraph.whatif import drop

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "meridian.yaml"


def median_time(action, runs: int = 5) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--teams", type=int, help="a synthetic organisation of this size")
    args = parser.parse_args()
    if args.teams:
        import json

        org = load_texts([("org.json", json.dumps(generate(args.teams, seed=1)))])
        label = f"synthetic, {args.teams:,} teams"
    else:
        org = load([SAMPLE])
        label = "Meridian sample (60 teams)"
    parents = {t.parent for t in org.teams if t.parent}
    team = next(t.id for t in org.teams if t.id in parents and t.parent is not None)
    base = analyse(org)
    dropping, changed = median_time(lambda: drop(org, [f"team:{team}"]))
    analysing, report = median_time(lambda: analyse(changed))
    # Fresh copies of the reports each time, so that no cached ranking is reused.
    comparing, diff = median_time(lambda: compare(org, changed,
                                                  reports=(replace(base), replace(report))))
    summary = diff.summary()
    print(f"{label}: drop team {team}: {summary['goals']['removed']} goals removed, "
          f"{summary['findings']['new']} findings new, {summary['findings']['resolved']} "
          "resolved")
    print(f"  drop     {dropping * 1000:8.1f} ms")
    print(f"  analyse  {analysing * 1000:8.1f} ms")
    print(f"  compare  {comparing * 1000:8.1f} ms")
    print(f"  total    {(dropping + analysing + comparing) * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
