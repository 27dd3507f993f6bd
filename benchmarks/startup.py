"""Time aligngraph's start-up against a bare Python start-up, as a pre-commit hook feels it.

    python benchmarks/startup.py              # 20 runs of each command
    python benchmarks/startup.py --runs 50
    python benchmarks/startup.py --breakdown  # where the time of `check` goes, stage by stage

Each command runs in a fresh process, ``--runs`` times (after one warm-up round), the
commands taking turns round after round, with their output sent to /dev/null:

- bare: ``python -c "import yaml, json"``, the floor any Python linter starts from;
- ``aligngraph --help``;
- ``aligngraph check samples/meridian.yaml`` (60 teams; it exits 1 on its planted errors);
- ``aligngraph check samples/nimbus.yaml`` (8 teams);
- ``aligngraph check`` of Meridian converted to JSON (no YAML to parse);
- the floor: ``python -c "import networkx, pydantic, yaml"``, the imports ``check``
  cannot do without.

The median and the minimum wall time are printed, and each command's median over the
bare median, against the targets: ``--help`` within 2x, ``check`` of Meridian within 6x.
The ``aligngraph`` console script beside this Python is used, as installed.

``--breakdown`` runs ``check`` of Meridian stage by stage in fresh processes (imports of
networkx, of pydantic and the models, of the rest; parsing, loading, analysing, locating,
formatting) and prints the median of each stage.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = str(Path(sys.executable).parent / "aligngraph")

MERIDIAN_JSON = Path(tempfile.gettempdir()) / "aligngraph-startup" / "meridian.json"
COMMANDS = {
    "bare python": [sys.executable, "-c", "import yaml, json"],
    "aligngraph --help": [SCRIPT, "--help"],
    "aligngraph check meridian": [SCRIPT, "check", "samples/meridian.yaml"],
    "aligngraph check nimbus": [SCRIPT, "check", "samples/nimbus.yaml"],
    "aligngraph check meridian, as JSON": [SCRIPT, "check", str(MERIDIAN_JSON)],
    "floor: import networkx, pydantic, yaml": [
        sys.executable, "-c", "import networkx, pydantic, yaml"],
}
TARGETS = {"aligngraph --help": 2.0, "aligngraph check meridian": 6.0}

BREAKDOWN = r"""
import json, sys, time
times = {}
def stage(name, since):
    now = time.perf_counter()
    times[name] = now - since
    return now
start = time.perf_counter()
import networkx
start = stage("import networkx", start)
import pydantic, aligngraph.model
start = stage("import pydantic and the models", start)
import yaml
from aligngraph.pipeline import analyse
from aligngraph.io.loader import load
from aligngraph.pipeline import locate_findings
from aligngraph.io.yaml_source import parse_yaml
from aligngraph.output import format_report
start = stage("import the rest (PyYAML, checks, loader, pipeline)", start)
text = open("samples/meridian.yaml", encoding="utf-8").read()
parse_yaml(text, "samples/meridian.yaml")
start = stage("parse the YAML (libyaml, duplicate keys)", start)
org = load(["samples/meridian.yaml"])
start = stage("load again: parse, validate, merge, integrity", start)
report = analyse(org)
start = stage("analyse: graph and 19 checks", start)
locate_findings(org, report.findings)
start = stage("locate the findings' subjects", start)
format_report(report, "text")
start = stage("format as text", start)
print(json.dumps(times))
"""


def write_meridian_json() -> None:
    """Meridian as JSON, to tell the YAML parse from the rest."""
    import yaml

    data = yaml.safe_load((ROOT / "samples" / "meridian.yaml").read_text(encoding="utf-8"))
    MERIDIAN_JSON.parent.mkdir(exist_ok=True)
    MERIDIAN_JSON.write_text(json.dumps(data, default=str), encoding="utf-8")


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


def breakdown(runs: int) -> None:
    """Print the median time of each stage of ``check`` on Meridian, in fresh processes."""
    samples: dict[str, list[float]] = {}
    for _ in range(runs):
        result = subprocess.run([sys.executable, "-c", BREAKDOWN], cwd=ROOT, check=True,
                                capture_output=True, text=True)
        for stage, seconds in json.loads(result.stdout).items():
            samples.setdefault(stage, []).append(seconds)
    print("| stage of `check` on Meridian | median (s) |")
    print("|---|---:|")
    for stage, times in samples.items():
        print(f"| {stage} | {statistics.median(times):.3f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20, help="runs of each command (20)")
    parser.add_argument("--breakdown", action="store_true",
                        help="time the stages of check instead")
    args = parser.parse_args()
    if args.breakdown:
        breakdown(args.runs)
        return
    write_meridian_json()
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
