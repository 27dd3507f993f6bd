"""Time the loader's answer to hostile files: alias bombs, deep nesting, huge flat lists,
a 1 MB title and more. Each must be a located error in under 2 s for files under 1 MB.

    python benchmarks/hostile_input.py            # every case, best of 3 runs each
    python benchmarks/hostile_input.py --runs 1

The files are built by tests/hostile_files.py, the same ones tests/test_hostile_input.py
asserts the errors of. Each case runs in a fresh process (so no cache or warm-up helps),
and the time is that of `load_texts` alone, from text to InputError. "bare parser" is
`json.loads` or libyaml's `yaml.load` on the same text, unbounded: the floor of any
loader. For an alias bomb the bare parse is quick (PyYAML shares an aliased value); the
cost comes later, from whatever walks or prints the expanded value.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

ONE_CASE = r"""
import json, sys, time
import yaml
sys.path.insert(0, {tests!r})
from hostile_files import ALL
from aligngraph.errors import InputError
from aligngraph.io.loader import load_texts

name, text = ALL[{label!r}]()
start = time.perf_counter()
try:  # the floor: the bare parser, with nothing bounded
    json.loads(text) if name.endswith(".json") else yaml.load(text, Loader=yaml.CSafeLoader)
except Exception:
    pass
bare = time.perf_counter() - start
start = time.perf_counter()
try:
    load_texts([(name, text)])
    outcome = "loaded"
except InputError as exc:
    first = next((p for p in exc.problems if p.line is not None), exc.problems[0])
    where = f"line {{first.line}}" if first.line else "file"
    outcome = f"{{len(exc.problems):,}} problem(s); first at {{where}}: {{first.message[:70]}}"
print(f"{{time.perf_counter() - start:.3f}}\t{{bare:.3f}}\t{{len(text.encode()):,}}\t"
      f"{{outcome}}")
"""


def time_case(label: str, runs: int) -> tuple[float, float, str, str]:
    best, floor, size, outcome = float("inf"), float("inf"), "", ""
    for _ in range(runs):
        script = ONE_CASE.format(tests=str(ROOT / "tests"), label=label)
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                              timeout=600, cwd=ROOT)
        if done.returncode:
            return float("nan"), float("nan"), "", \
                f"crashed: {done.stderr.strip().splitlines()[-1]}"
        seconds, bare, size, outcome = done.stdout.strip().split("\t", 3)
        best, floor = min(best, float(seconds)), min(floor, float(bare))
    return best, floor, size, outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per case (the best counts)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "tests"))
    from hostile_files import ALL

    print("| case | bytes | load_texts (s) | bare parser (s) | answer |")
    print("|---|---:|---:|---:|---|")
    for label in ALL:
        seconds, bare, size, outcome = time_case(label, args.runs)
        print(f"| {label} | {size} | {seconds:.2f} | {bare:.2f} | {outcome.replace('|', '/')} |",
              flush=True)


if __name__ == "__main__":
    main()
