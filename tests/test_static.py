"""Static checks: ruff (pyflakes, pycodestyle's errors, bugbear) and mypy, as configured in
pyproject.toml. Both are test dependencies: when one is missing this fails, never skips."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True,
                          text=True, check=False)


def test_ruff_finds_nothing():
    result = _run("ruff", "check", "aligngraph", "tests", "benchmarks", "samples", "app.py")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_nothing_in_the_package():
    result = _run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr
