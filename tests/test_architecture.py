"""The layering contracts in pyproject.toml, checked by import-linter itself."""

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent


@pytest.mark.skipif(shutil.which("lint-imports") is None, reason="import-linter not installed")
def test_import_contracts_hold():
    result = subprocess.run(["lint-imports"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_checks_never_print_or_import_ui():
    for path in (ROOT / "aligngraph" / "checks").glob("*.py"):
        text = path.read_text()
        assert "print(" not in text, path
        assert "streamlit" not in text and "graphviz" not in text, path
