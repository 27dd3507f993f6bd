"""Time `aligngraph convert` and `aligngraph check` on spreadsheets against the JSON path.

    python benchmarks/spreadsheet_scale.py                  # 1,000 and 10,000 teams
    python benchmarks/spreadsheet_scale.py --sizes 1000
    python benchmarks/spreadsheet_scale.py --checks-only --repeat 3

Organisations from `aligngraph generate --seed 1`, written as JSON. Each command runs as
a user runs it, alone in a fresh process: `convert org.json -o org.xlsx` and
`-o org-csv/` (JSON to spreadsheet), `convert org.xlsx -o back.json` and
`convert org-csv/ -o back.json` (spreadsheet to JSON), and `check` of the JSON file, the
CSV folder and the XLSX file (text report to /dev/null). CPU time (user + system, the
least of `--repeat` runs: default 1 at 10,000 teams, 3 below) is what is compared, since
on a shared machine wall time mostly measures the other processes; the median wall time
is shown beside it. Peak memory is the maximum resident set size. Then the ratio of each
check's CPU time to the JSON check's.
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

RUN = r"""
import resource, runpy, sys
sys.argv = ["aligngraph", *sys.argv[1:]]
try:
    runpy.run_module("aligngraph", run_name="__main__")
except SystemExit:
    pass
usage = resource.getrusage(resource.RUSAGE_SELF)
print(usage.ru_utime + usage.ru_stime, usage.ru_maxrss, file=sys.stderr)
"""


def aligngraph(*args: str) -> tuple[float, float, float]:
    """CPU seconds, wall seconds and peak MB of one `aligngraph` command in its own
    process. CPU time (user + system) is the figure compared: on a shared machine the
    wall time mostly measures the other processes."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", RUN, *args], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True, check=True)
    wall = time.perf_counter() - start
    cpu, peak_kb = done.stderr.strip().splitlines()[-1].split()
    return float(cpu), wall, int(peak_kb) / 1024


def median_run(repeat: int, *args: str) -> tuple[float, float, float]:
    runs = [aligngraph(*args) for _ in range(repeat)]
    return (min(r[0] for r in runs), statistics.median(r[1] for r in runs),
            max(r[2] for r in runs))


def organisation(folder: Path, teams: int) -> Path:
    from aligngraph.generate import generate

    path = folder / f"org{teams}.json"
    if not path.exists():
        path.write_text(json.dumps(generate(teams, seed=1)), encoding="utf-8")
    return path


def measure(folder: Path, teams: int, repeat: int, checks_only: bool
            ) -> dict[str, tuple[float, float, float]]:
    source = organisation(folder, teams)
    xlsx, csvs = folder / f"org{teams}.xlsx", f"{folder}/org{teams}-csv/"
    back = str(folder / f"back{teams}.json")
    converts = {}
    if not checks_only or not xlsx.exists():
        converts = {
            "convert json → xlsx": median_run(repeat, "convert", str(source), "-o", str(xlsx)),
            "convert json → csv/": median_run(repeat, "convert", str(source), "-o", csvs),
            "convert xlsx → json": median_run(repeat, "convert", str(xlsx), "-o", back),
            "convert csv/ → json": median_run(repeat, "convert", csvs, "-o", back),
        }
    return {
        **converts,
        "check json": median_run(repeat, "check", str(source), "--fail-on", "never",
                                 "--no-cache"),
        "check csv/": median_run(repeat, "check", csvs, "--fail-on", "never",
                                 "--no-cache"),
        "check xlsx": median_run(repeat, "check", str(xlsx), "--fail-on", "never",
                                 "--no-cache"),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=None)
    parser.add_argument("--checks-only", action="store_true",
                        help="time only the checks (the converted files are kept from a "
                             "previous run)")
    args = parser.parse_args()
    folder = Path(tempfile.gettempdir()) / "aligngraph-bench"
    folder.mkdir(exist_ok=True)
    results = {}
    for teams in args.sizes:
        repeat = args.repeat or (1 if teams >= 10000 else 3)
        results[teams] = measure(folder, teams, repeat, args.checks_only)
        print(f"measured {teams:,} teams", file=sys.stderr)
    sizes = list(results)
    print("| command | " + " | ".join(f"{t:,} teams: CPU s (wall s)" for t in sizes) + " | "
          + " | ".join(f"{t:,} teams: peak MB" for t in sizes) + " |")
    print("|---|" + "---:|" * (2 * len(sizes)))
    for name in next(iter(results.values())):
        cells = [f"{results[t][name][0]:.2f} ({results[t][name][1]:.2f})" for t in sizes]
        cells += [f"{results[t][name][2]:.0f}" for t in sizes]
        print(f"| `{name}` | " + " | ".join(cells) + " |")
    print()
    for teams in sizes:
        base = results[teams]["check json"][0]
        ratios = ", ".join(f"{kind} {results[teams][f'check {kind}'][0] / base:.2f}×"
                           for kind in ("csv/", "xlsx"))
        print(f"{teams:,} teams, check over the JSON check: {ratios}")


if __name__ == "__main__":
    main()
