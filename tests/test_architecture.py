"""The layering contracts in pyproject.toml, checked by import-linter itself.

import-linter is a test dependency: when it is missing this fails, it never skips.
"""

import subprocess
import sys
from pathlib import Path

from importlinter.cli import lint_imports

ROOT = Path(__file__).parent.parent


def test_import_contracts_hold(capsys):
    status = lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True, no_logo=True)
    assert status == 0, capsys.readouterr().out


def test_checks_never_print_or_import_ui():
    for path in (ROOT / "aligngraph" / "checks").glob("*.py"):
        text = path.read_text()
        assert "print(" not in text, path
        assert "streamlit" not in text and "graphviz" not in text, path


def test_reading_a_file_imports_no_check():
    code = ("import sys, aligngraph.io.loader; "
            "print(sorted(m for m in sys.modules if m.startswith('aligngraph.checks')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[]"
