"""The pre-commit hook, end to end: the real pre-commit package in a temporary git repository.

The hook's repository is a temporary copy of this project's ``.pre-commit-hooks.yaml``
with one change: ``language: system`` instead of ``python``, so that the hook runs the
aligngraph installed here instead of pre-commit building a virtual environment with
aligngraph and its dependencies (Streamlit and pandas included), which takes about a
minute. Everything else (entry, args, pass_filenames, file types) is the published hook.
Set ``ALIGNGRAPH_SLOW_TESTS=1`` to also run the published hook as is, environment and all.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).parent.parent
HOOKS = ROOT / ".pre-commit-hooks.yaml"
NIMBUS = ROOT / "samples" / "nimbus.yaml"
CLEAN_TEAMS = "teams:\n  - id: solo\nobjectives: []\n"
CLEAN_GOALS = (
    "cycle: {start: 2026-07-01, end: 2026-09-30, as_of: 2026-07-20}\n"
    "teams: []\n"
    "objectives:\n"
    "  - id: S1\n    team: solo\n    title: Grow\n    key_results:\n"
    "      - {id: S1.1, title: Raise revenue from 1 to 2, baseline: 1, target: 2,\n"
    "         check_ins: [{date: 2026-07-15, value: 1.2}]}\n")

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=ENV)


ENV = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
       "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com",
       "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull,
       "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
ENV.pop("GITHUB_ACTIONS", None)


def new_repo(path: Path) -> Path:
    path.mkdir()
    git(path, "init", "-q", "-b", "main")
    return path


def commit_all(repo: Path, message: str = "change") -> str:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--no-verify", "-m", message)
    return subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True,
                          text=True, check=True).stdout.strip()


@pytest.fixture(scope="module")
def hooks_repo(tmp_path_factory) -> tuple[Path, str]:
    """A hooks repository holding the published hook, run from this environment."""
    hooks = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert [hook["id"] for hook in hooks] == ["aligngraph"]
    assert hooks[0]["language"] == "python"
    hooks[0]["language"] = "system"
    repo = new_repo(tmp_path_factory.mktemp("hooks") / "aligngraph")
    (repo / ".pre-commit-hooks.yaml").write_text(yaml.safe_dump(hooks), encoding="utf-8")
    return repo, commit_all(repo, "hooks")


@pytest.fixture
def user_repo(tmp_path, hooks_repo) -> Path:
    """A repository with its organisation split over two files in okrs/."""
    repo = new_repo(tmp_path / "company")
    text = NIMBUS.read_text(encoding="utf-8")
    teams, _, goals = text.partition("objectives:\n")
    (repo / "okrs").mkdir()
    (repo / "okrs" / "teams.yaml").write_text(teams + "objectives: []\n", encoding="utf-8")
    (repo / "okrs" / "goals.yaml").write_text("teams: []\nobjectives:\n" + goals,
                                              encoding="utf-8")
    (repo / "notes.txt").write_text("minutes\n")
    write_config(repo, hooks_repo)
    commit_all(repo, "start")
    return repo


def write_config(repo: Path, hooks_repo: tuple[Path, str], **hook_options) -> None:
    path, rev = hooks_repo
    config = {"repos": [{"repo": str(path), "rev": rev,
                         "hooks": [{"id": "aligngraph", **hook_options}]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")


def pre_commit(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**ENV, "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-home")}
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=120)


def test_the_hook_checks_the_whole_organisation_and_fails_on_errors(user_repo):
    result = pre_commit(user_repo, "run", "--all-files")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "aligngraph (OKR alignment checks)" in result.stdout and "Failed" in result.stdout
    # missing-liaison (AG106) and orphan-team (AG101), found against the other file's teams
    assert "okrs/goals.yaml:" in result.stdout and "AG106" in result.stdout
    assert "AG101" in result.stdout


def test_a_commit_changing_one_okr_file_checks_them_all(user_repo):
    assert pre_commit(user_repo, "install").returncode == 0
    goals = user_repo / "okrs" / "goals.yaml"
    goals.write_text(goals.read_text(encoding="utf-8") + "# reviewed\n", encoding="utf-8")
    git(user_repo, "add", "okrs/goals.yaml")
    commit = subprocess.run(["git", "commit", "-q", "-m", "review"], cwd=user_repo,
                            env={**ENV, "PRE_COMMIT_HOME": str(user_repo.parent / "pch")},
                            capture_output=True, text=True, timeout=120)
    assert commit.returncode != 0  # blocked by Nimbus's missing liaisons
    assert "unknown team" not in commit.stdout  # teams.yaml was loaded too


def test_a_commit_that_changes_no_okr_file_skips_the_hook(user_repo):
    (user_repo / "notes.txt").write_text("more minutes\n")
    git(user_repo, "add", "notes.txt")
    result = pre_commit(user_repo, "run")
    assert result.returncode == 0 and "Skipped" in result.stdout


def test_a_clean_organisation_passes(user_repo):
    (user_repo / "okrs" / "teams.yaml").write_text(CLEAN_TEAMS)
    (user_repo / "okrs" / "goals.yaml").write_text(CLEAN_GOALS)
    result = pre_commit(user_repo, "run", "--all-files")
    assert result.returncode == 0, result.stdout
    assert "Passed" in result.stdout


def test_args_name_another_folder_and_options(user_repo, hooks_repo):
    (user_repo / "okrs").rename(user_repo / "objectives")
    write_config(user_repo, hooks_repo, args=["objectives", "--fail-on", "never"])
    result = pre_commit(user_repo, "run", "--all-files", "--verbose")  # shows a pass's output
    assert result.returncode == 0, result.stdout
    assert "objectives/goals.yaml:" in result.stdout


@pytest.mark.skipif(os.environ.get("ALIGNGRAPH_SLOW_TESTS") != "1",
                    reason="builds the hook's own environment (about a minute); set "
                           "ALIGNGRAPH_SLOW_TESTS=1")
def test_the_published_hook_installs_and_runs(user_repo):
    if subprocess.run(["git", "status", "--porcelain", "--", ".pre-commit-hooks.yaml"],
                      cwd=ROOT, capture_output=True, text=True).stdout.strip():
        pytest.skip("commit .pre-commit-hooks.yaml first: try-repo uses the last commit")
    result = pre_commit(user_repo, "try-repo", str(ROOT), "aligngraph", "--all-files")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "okrs/goals.yaml:" in result.stdout
