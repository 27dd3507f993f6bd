"""The composite GitHub Action: its inputs are documented, and its check step, run as
GitHub runs it (bash, the inputs in the environment), annotates, writes SARIF and a job
summary, and fails the step as --fail-on says."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).parent.parent
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
BASH = shutil.which("bash")
README = (ROOT / "README.md").read_text(encoding="utf-8")


def step(step_id: str) -> dict:
    return next(s for s in ACTION["runs"]["steps"] if s.get("id") == step_id)


def test_the_action_is_composite_with_documented_inputs():
    assert ACTION["runs"]["using"] == "composite"
    for name, spec in ACTION["inputs"].items():
        assert spec["description"], name
        assert f"`{name}`" in README, f"input {name} is not documented in README.md"


def test_no_input_is_pasted_into_a_script():
    """Inputs reach the scripts through the environment only (no script injection)."""
    for each in ACTION["runs"]["steps"]:
        assert "${{" not in each.get("run", ""), each.get("name")


@pytest.fixture
def runner(tmp_path) -> dict[str, str]:
    """The environment of the check step on a runner, with every input at its default."""
    defaults = {f"AG_{name.upper().replace('-', '_')}": spec.get("default", "")
                for name, spec in ACTION["inputs"].items()}
    return {**os.environ, **defaults, "AG_PATHS": "samples/nimbus.yaml",
            "GITHUB_OUTPUT": str(tmp_path / "output"),
            "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"),
            "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}


def run_check_step(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([BASH, "-c", step("check")["run"]], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


@pytest.mark.skipif(BASH is None, reason="needs bash")
def test_the_check_step_annotates_writes_sarif_and_a_summary(runner, tmp_path):
    sarif = tmp_path / "aligngraph.sarif"
    result = run_check_step({**runner, "AG_SARIF_FILE": str(sarif)})
    assert result.returncode == 1, result.stderr  # Nimbus has errors; fail-on error
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert len(annotations) == 11
    assert sum(line.startswith("::error file=samples/nimbus.yaml") for line in annotations) == 2
    assert json.loads(sarif.read_text())["version"] == "2.1.0"
    assert f"sarif-file={sarif}" in (tmp_path / "output").read_text()
    assert (tmp_path / "summary.md").read_text().startswith("# OKR alignment report")


@pytest.mark.skipif(BASH is None, reason="needs bash")
def test_the_check_step_follows_fail_on_and_several_paths(runner, tmp_path):
    result = run_check_step({**runner, "AG_FAIL_ON": "never", "AG_JOB_SUMMARY": "false",
                             "AG_PATHS": "samples/nimbus.yaml\n"})
    assert result.returncode == 0
    assert not (tmp_path / "summary.md").exists() and not (tmp_path / "output").exists()


@pytest.mark.skipif(BASH is None, reason="needs bash")
def test_bad_input_fails_the_step_with_exit_2_and_writes_nothing(runner, tmp_path):
    sarif = tmp_path / "aligngraph.sarif"
    result = run_check_step({**runner, "AG_PATHS": "no/such okrs", "AG_SARIF_FILE": str(sarif)})
    assert result.returncode == 2 and "no such file or folder" in result.stderr
    assert not sarif.exists() and not (tmp_path / "summary.md").exists()


def test_the_install_step_installs_the_actions_own_copy():
    install = next(s for s in ACTION["runs"]["steps"] if s.get("name") == "Install aligngraph")
    assert install["env"]["AG_SOURCE"] == "${{ github.action_path }}"
    assert re.search(r'pip install .*"\$AG_SOURCE"', install["run"])
