"""Time `aligngraph check` stage by stage on 100, 1,000 and 10,000 teams, JSON and YAML.

    python benchmarks/check_scale.py              # every size, both formats (a few minutes)
    python benchmarks/check_scale.py --sizes 1000 --formats json

Stages run in a fresh process per file, on an organisation made by `aligngraph generate
--seed 1`: parse (json.load or libyaml alone), load (parse, validation, merge, references
and cycles), graph build, each check, and formatting the report as text and as JSON.
Then `python -m aligngraph check FILE` runs as a user runs it, in a process of its own:
its wall time (start-up and writing the text report to /dev/null included) and its peak
memory (maximum resident set size). Then the ratio of 10,000 to 1,000 teams for every stage (linear is 10), and
the overhead: the whole run over json.load plus the graph build.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

STAGES_SCRIPT = r"""
import json, sys, time
import yaml
from aligngraph.bulk import collector_paused
from aligngraph.checks import REGISTRY
from aligngraph.graph import build_graph
from aligngraph.io.loader import load
from aligngraph.output import report_json, report_text
from aligngraph.pipeline import analyse

path = sys.argv[1]
times = {}
start = time.perf_counter()
with open(path, encoding="utf-8") as handle:
    if path.endswith(".json"):
        json.load(handle)
    else:
        yaml.load(handle, Loader=yaml.CSafeLoader)
times["parse"] = time.perf_counter() - start

start = time.perf_counter()
with collector_paused():
    org = load([path])
times["load"] = time.perf_counter() - start

start = time.perf_counter()
with collector_paused():
    graph = build_graph(org)
times["graph build"] = time.perf_counter() - start

for slug, check in REGISTRY.items():
    start = time.perf_counter()
    with collector_paused():
        list(check.run(graph, check.defaults()))
    times[slug] = time.perf_counter() - start

report = analyse(org)
for name, fmt in (("format text", report_text), ("format json", report_json)):
    start = time.perf_counter()
    fmt(report)
    times[name] = time.perf_counter() - start

print(json.dumps(times))
"""


def organisation(folder: Path, teams: int, fmt: str) -> Path:
    from aligngraph.generate import generate

    path = folder / f"org{teams}.{fmt}"
    if not path.exists():
        data = generate(teams, seed=1)
        text = (json.dumps(data) if fmt == "json" else
                yaml.dump(data, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper),
                          sort_keys=False))
        path.write_text(text, encoding="utf-8")
    return path


def measure(path: Path) -> dict[str, float]:
    result = subprocess.run([sys.executable, "-c", STAGES_SCRIPT, str(path)],
                            capture_output=True, text=True, check=True)
    times = json.loads(result.stdout.strip().splitlines()[-1])
    times.update(end_to_end(path))
    return times


CLI_SCRIPT = r"""
import resource, runpy, sys
sys.argv = ["aligngraph", "check", sys.argv[1], "--fail-on", "never",
            "--no-cache"]  # computed every time, never replayed from the result cache
try:
    runpy.run_module("aligngraph", run_name="__main__")
except SystemExit:
    pass
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


def end_to_end(path: Path) -> dict[str, float]:
    """`aligngraph check` as a user runs it, alone in its process: time and peak memory."""
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", CLI_SCRIPT, str(path)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            check=True)
    seconds = time.perf_counter() - start
    peak_kb = int(result.stderr.strip().splitlines()[-1])
    return {"check, end to end": seconds, "peak memory (MB)": peak_kb / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--formats", nargs="+", default=["json", "yaml"])
    args = parser.parse_args()
    folder = Path(tempfile.gettempdir()) / "aligngraph-bench"
    folder.mkdir(exist_ok=True)
    results = {}
    for fmt in args.formats:
        for teams in args.sizes:
            path = organisation(folder, teams, fmt)
            results[(fmt, teams)] = measure(path)
            size = path.stat().st_size / 1e6
            print(f"measured {fmt} {teams:,} teams ({size:.1f} MB)", file=sys.stderr)
    print_tables(results, args.sizes, args.formats)


def print_tables(results, sizes, formats) -> None:
    stages = list(next(iter(results.values())))
    header = [f"{fmt} {teams:,}" for fmt in formats for teams in sizes]
    print("| stage (s) | " + " | ".join(header) + " |")
    print("|---|" + "---:|" * len(header))
    for stage in stages:
        cells = [f"{results[(fmt, teams)][stage]:.2f}" for fmt in formats for teams in sizes]
        print(f"| {stage} | " + " | ".join(cells) + " |")
    if 1000 in sizes and 10000 in sizes:
        print()
        print("| stage | " + " | ".join(f"{fmt} 10k / 1k" for fmt in formats) + " |")
        print("|---|" + "---:|" * len(formats))
        for stage in stages:
            ratios = [results[(fmt, 10000)][stage] / max(results[(fmt, 1000)][stage], 1e-9)
                      for fmt in formats]
            print(f"| {stage} | " + " | ".join(f"{r:.1f}" for r in ratios) + " |")
    if ("json", 10000) in results:
        run = results[("json", 10000)]
        overhead = run["check, end to end"] / (run["parse"] + run["graph build"])
        print(f"\nOverhead on 10,000 teams (JSON): the whole check over json.load + graph build "
              f"= {overhead:.2f}")


if __name__ == "__main__":
    main()
