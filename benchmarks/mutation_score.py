"""Mutation testing: run mutmut over the modules pyproject.toml names, then print the score.

Usage: ``./dev mutate [--max-children N]`` (or ``python benchmarks/mutation_score.py``);
``--no-run`` tallies what an earlier or interrupted run judged, without running again.
mutmut copies the package to ``mutants/``, makes small deliberate bugs in the modules of
``[tool.mutmut] only_mutate`` (a ``<`` for a ``<=``, a changed constant, a dropped
argument), and runs the tests that cover each. A mutant the suite does not notice
*survives*. This prints each module's share of killed mutants, as Markdown, and every
survivor, so that each can be killed with a real assertion or explained as equivalent.
It runs outside the normal test suite; the results are recorded in docs/quality.md.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KILLED = {"killed", "timeout", "segfault"}
LINE = re.compile(r"^\s*(?P<name>[\w.]+)__mutmut_\d+: (?P<status>[\w ]+)$")


def mutmut(*args: str) -> str:
    result = subprocess.run([sys.executable, "-m", "mutmut", *args], cwd=ROOT, text=True,
                            capture_output=True, check=False)
    if result.returncode not in (0, 1):
        sys.exit(result.stdout + result.stderr)
    return result.stdout


def module_of(function: str) -> str:
    """``aligngraph.slack.x__fit`` -> ``aligngraph/slack.py``."""
    parts = function.split(".")
    while parts and (parts[-1].startswith(("x_", "x\u01c1")) or parts[-1][:1].isupper()):
        parts.pop()
    path = "/".join(parts)
    return f"{path}/__init__.py" if (ROOT / path).is_dir() else f"{path}.py"


def tally(listing: str) -> tuple[dict[str, Counter], list[str]]:
    per_module: dict[str, Counter] = defaultdict(Counter)
    survivors = []
    for line in listing.splitlines():
        match = LINE.match(line)
        if not match:
            continue
        status = match["status"].strip()
        per_module[module_of(match["name"])][status] += 1
        if status == "survived":
            survivors.append(line.strip().rsplit(":", 1)[0])
    return per_module, survivors


def main(argv: list[str]) -> int:
    if "--no-run" in argv:  # only tally what an earlier (or interrupted) run judged
        argv = [arg for arg in argv if arg != "--no-run"]
    else:
        run = subprocess.run([sys.executable, "-m", "mutmut", "run", *argv], cwd=ROOT,
                             check=False)
        if run.returncode not in (0, 1):
            return run.returncode
    per_module, survivors = tally(mutmut("results", "--all", "true"))
    print("\n| module | mutants | killed | survived | score |\n|---|---:|---:|---:|---:|")
    total = Counter()
    for module in sorted(per_module):
        counts = per_module[module]
        total.update(counts)
        print(_row(module, counts))
    print(_row("**all**", total))
    print(f"\n{len(survivors)} survivors (inspect one with `mutmut show NAME`):")
    for name in survivors:
        print(f"- {name}")
    return 0


def _row(name: str, counts: Counter) -> str:
    killed = sum(counts[s] for s in KILLED)
    judged = killed + counts["survived"]
    score = f"{killed / judged:.1%}" if judged else "–"
    return f"| {name} | {sum(counts.values())} | {killed} | {counts['survived']} | {score} |"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
