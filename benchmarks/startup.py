"""Time aligngraph's start-up against a bare Python start-up, as a pre-commit hook feels it.

    python benchmarks/startup.py              # 20 runs of each command
    python benchmarks/startup.py --runs 50
    python benchmarks/startup.py --breakdown  # where the time of `check` goes, stage by stage
    git archive REV aligngraph | tar -x -C /tmp/before
    python benchmarks/startup.py --before /tmp/before   # and check as of REV, interleaved

Each command runs in a fresh process, ``--runs`` times (after one warm-up round), the
commands taking turns round after round, with their output sent to /dev/null:

- bare: ``python -c "import yaml, json"``, the floor any Python linter starts from;
- ``aligngraph --help``;
- ``aligngraph check samples/meridian.yaml --no-cache`` (60 teams; it exits 1 on its
  planted errors): the cold path, everything computed;
- the same with the cache, a miss: a copy of Meridian with a new comment line each run,
  so its bytes (and the key) differ every time, while the cache's lemma dictionary is
  already written, as it is after a hook's first run;
- the same with the cache, a hit: nothing changed since the last run;
- ``aligngraph check samples/nimbus.yaml --no-cache`` (8 teams);
- ``aligngraph check --no-cache`` of Meridian converted to JSON (no YAML to parse);
- the floor: ``python -c "import networkx, pydantic, yaml"``, the imports the cold path
  cannot do without.

The median and the minimum wall time and the median CPU time (user + system, of the
process alone) are printed, and each command's medians over the bare ones, against the
targets: ``--help`` within 2x, ``check`` of Meridian within 6x. On a shared machine the
CPU time is the steadier measure. The ``aligngraph`` console script beside this Python
is used, as installed, and with ``PYTHONDONTWRITEBYTECODE`` removed from the
environment: an installed package has its bytecode compiled, and a checkout writes it on
its first run.

``--before DIR`` adds ``check`` of Meridian by the aligngraph package exported into DIR
(DIR put first on ``sys.path``, ahead of the working folder, which ``python -m`` would put
first), taking turns with the rest: before and after on the same machine at the same
moments.

``--breakdown`` runs ``check`` of Meridian stage by stage in fresh processes, with the
cache's lemmas (as on a miss), and prints the median CPU time of each stage: the imports
of networkx, of pydantic and the models, of the rest; parsing, loading, analysing,
locating, formatting.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = str(Path(sys.executable).parent / "aligngraph")

WORK = Path(tempfile.gettempdir()) / "aligngraph-startup"
MERIDIAN_JSON = WORK / "meridian.json"
MERIDIAN_EDITED = WORK / "meridian.yaml"
CACHE = WORK / "cache"
COMMANDS = {
    "bare python": [sys.executable, "-c", "import yaml, json"],
    "aligngraph --help": [SCRIPT, "--help"],
    "aligngraph check meridian --no-cache": [SCRIPT, "check", "samples/meridian.yaml",
                                             "--no-cache"],
    "aligngraph check meridian, cache miss": [SCRIPT, "check", str(MERIDIAN_EDITED),
                                              "--cache-dir", str(CACHE)],
    "aligngraph check meridian, cache hit": [SCRIPT, "check", "samples/meridian.yaml",
                                             "--cache-dir", str(CACHE)],
    "aligngraph check nimbus --no-cache": [SCRIPT, "check", "samples/nimbus.yaml",
                                           "--no-cache"],
    "aligngraph check meridian, as JSON, --no-cache": [SCRIPT, "check", str(MERIDIAN_JSON),
                                                       "--no-cache"],
    "floor: import networkx, pydantic, yaml": [
        sys.executable, "-c", "import networkx, pydantic, yaml"],
}
TARGETS = {"aligngraph --help": 2.0, "aligngraph check meridian --no-cache": 6.0,
           "aligngraph check meridian, cache miss": 6.0,
           "aligngraph check meridian, cache hit": 6.0}
ENV = {name: value for name, value in os.environ.items()
       if name not in ("PYTHONDONTWRITEBYTECODE", "ALIGNGRAPH_NO_CACHE")}

BREAKDOWN = r"""
import json, sys, time
from pathlib import Path
times = {}
def stage(name, since):
    now = time.process_time()
    times[name] = now - since
    return now
start = time.process_time()
import networkx
start = stage("import networkx", start)
import pydantic, aligngraph.model
start = stage("import pydantic and the models", start)
import yaml
from aligngraph.cache.lemmas import use_cached_lemmas
use_cached_lemmas(Path(sys.argv[1]))
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
start = stage("analyse: graph and the checks (lemmas from the cache)", start)
locate_findings(org, report.findings)
start = stage("locate the findings' subjects", start)
format_report(report, "text")
start = stage("format as text", start)
print(json.dumps(times))
"""


def write_inputs() -> None:
    """Meridian as JSON, to tell the YAML parse from the rest; an empty cache."""
    import yaml

    data = yaml.safe_load((ROOT / "samples" / "meridian.yaml").read_text(encoding="utf-8"))
    WORK.mkdir(exist_ok=True)
    MERIDIAN_JSON.write_text(json.dumps(data, default=str), encoding="utf-8")
    shutil.rmtree(CACHE, ignore_errors=True)


def edit_meridian(round_: int) -> None:
    """A copy of Meridian whose bytes differ from every earlier round's: a cache miss."""
    text = (ROOT / "samples" / "meridian.yaml").read_text(encoding="utf-8")
    MERIDIAN_EDITED.write_text(f"{text}# round {round_}\n", encoding="utf-8")


def run_once(command: list[str]) -> tuple[float, float]:
    """The wall time and the CPU time (user + system) of one run of ``command``."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime


def measure(runs: int) -> dict[str, list[tuple[float, float]]]:
    """``runs`` (wall, CPU) times of each command, after one warm-up round (which also
    writes the cache's lemma dictionary and the hit's entry). The commands take turns,
    round after round, so that a busy moment of the machine weighs on all alike."""
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in COMMANDS}
    for round_ in range(runs + 1):
        edit_meridian(round_)
        for name, command in COMMANDS.items():
            elapsed = run_once(command)
            if round_:
                times[name].append(elapsed)
    return times


def breakdown(runs: int) -> None:
    """Print the median time of each stage of ``check`` on Meridian, in fresh processes."""
    samples: dict[str, list[float]] = {}
    for _ in range(runs):
        result = subprocess.run([sys.executable, "-c", BREAKDOWN, str(CACHE)], cwd=ROOT,
                                check=True, capture_output=True, text=True, env=ENV)
        for stage, seconds in json.loads(result.stdout).items():
            samples.setdefault(stage, []).append(seconds)
    print("| stage of `check` on Meridian | CPU median (s) |")
    print("|---|---:|")
    for stage, times in samples.items():
        print(f"| {stage} | {statistics.median(times):.3f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20, help="runs of each command (20)")
    parser.add_argument("--breakdown", action="store_true",
                        help="time the stages of check instead")
    parser.add_argument("--before", metavar="DIR",
                        help="also time check of Meridian by the aligngraph package in DIR")
    args = parser.parse_args()
    if args.before:
        before = str(Path(args.before).resolve())
        COMMANDS["before: aligngraph check meridian"] = [
            sys.executable, "-c", f"import sys; sys.path.insert(0, {before!r}); "
            "from aligngraph.cli import main; sys.exit(main(sys.argv[1:]))",
            "check", "samples/meridian.yaml"]
        TARGETS["before: aligngraph check meridian"] = 6.0
    write_inputs()
    if args.breakdown:
        subprocess.run([SCRIPT, "check", "samples/meridian.yaml", "--cache-dir", str(CACHE)],
                       cwd=ROOT, env=ENV, capture_output=True, check=False)
        breakdown(args.runs)
        return
    results = measure(args.runs)
    bare_wall = statistics.median(wall for wall, _ in results["bare python"])
    bare_cpu = statistics.median(cpu for _, cpu in results["bare python"])
    print("| command | wall median (s) | wall min (s) | wall / bare | CPU median (s) | "
          "CPU / bare | target |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for name, times in results.items():
        wall = statistics.median(wall for wall, _ in times)
        cpu = statistics.median(cpu for _, cpu in times)
        target = TARGETS.get(name)
        verdict = "" if target is None else (
            f"{target:g}x: {'met' if wall / bare_wall <= target else 'not met'}")
        print(f"| `{name}` | {wall:.3f} | {min(wall for wall, _ in times):.3f} | "
              f"{wall / bare_wall:.1f} | {cpu:.3f} | {cpu / bare_cpu:.1f} | {verdict} |")


if __name__ == "__main__":
    main()
