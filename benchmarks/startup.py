"""Time aligngraph's start-up against a bare Python start-up, as a pre-commit hook feels it.

    python benchmarks/startup.py              # 20 runs of each command
    python benchmarks/startup.py --runs 50

Each command runs in a fresh process, ``--runs`` times (after one warm-up round), the
commands taking turns round after round, with their output sent to /dev/null:

- bare: ``python -c "import yaml, json"``, the floor any Python linter starts from;
- ``aligngraph --help``;
- ``aligngraph check samples/meridian.yaml`` (60 teams; it exits 1 on its planted errors);
- ``aligngraph check samples/nimbus.yaml`` (8 teams).

The median and the minimum wall time are printed, and each command's median over the
bare median, against the targets: ``--help`` within 2x, ``check`` of Meridian within 6x.
The ``aligngraph`` console script beside this Python is used, as installed.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = str(Path(sys.executable).parent / "aligngraph")

COMMANDS = {
    "bare python": [sys.executable, "-c", "import yaml, json"],
    "aligngraph --help": [SCRIPT, "--help"],
    "aligngraph check meridian": [SCRIPT, "check", "samples/meridian.yaml"],
    "aligngraph check nimbus": [SCRIPT, "check", "samples/nimbus.yaml"],
}
TARGETS = {"aligngraph --help": 2.0, "aligngraph check meridian": 6.0}


def wall_time(command: list[str]) -> float:
    """The wall time of one run of ``command``."""
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   check=False)
    return time.perf_counter() - start


def wall_times(runs: int) -> dict[str, list[float]]:
    """``runs`` wall times of each command, after one warm-up round. The commands take
    turns, round after round, so that a busy moment of the machine weighs on all alike."""
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for round_ in range(runs + 1):
        for name, command in COMMANDS.items():
            elapsed = wall_time(command)
            if round_:
                times[name].append(elapsed)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20, help="runs of each command (20)")
    args = parser.parse_args()
    results = wall_times(args.runs)
    bare = statistics.median(results["bare python"])
    print("| command | median (s) | min (s) | median / bare | target |")
    print("|---|---:|---:|---:|---|")
    for name, times in results.items():
        median = statistics.median(times)
        target = TARGETS.get(name)
        verdict = "" if target is None else (
            f"{target:g}x: {'met' if median / bare <= target else 'not met'}")
        print(f"| `{name}` | {median:.3f} | {min(times):.3f} | {median / bare:.1f} | "
              f"{verdict} |")


if __name__ == "__main__":
    main()
