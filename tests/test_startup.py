"""Start-up: the command line imports heavy dependencies only in the commands that use them.

These are facts about ``sys.modules`` in a fresh interpreter, not timings; the timings are
in benchmarks/startup.py and benchmarks/README.md.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
HEAVY_FOR_CHECK = {"streamlit", "pandas", "graphviz", "numpy", "altair", "pyarrow"}
HEAVY_FOR_HELP = HEAVY_FOR_CHECK | {"networkx", "pydantic", "yaml"}

PROBE = """
import contextlib, io, json, sys
from aligngraph.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    try:
        code = main(sys.argv[1:])
    except SystemExit as exit_:
        code = exit_.code
print(json.dumps({"code": code, "modules": sorted({m.split(".")[0] for m in sys.modules})}))
"""


def top_level_modules_after(*args: str) -> tuple[int, set[str]]:
    """Run the CLI with ``args`` in a fresh interpreter; its exit code and the top-level
    modules it imported."""
    result = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True,
                            text=True, cwd=ROOT, timeout=60, check=True)
    data = json.loads(result.stdout)
    return data["code"], set(data["modules"])


@pytest.mark.parametrize("fmt", ["text", "sarif"])
def test_check_loads_no_streamlit_pandas_or_graphviz(fmt):
    code, modules = top_level_modules_after("check", "samples/nimbus.yaml", "--format", fmt)
    assert code == 1  # it ran: Nimbus has errors
    assert "networkx" in modules and not modules & HEAVY_FOR_CHECK


@pytest.mark.parametrize("command", [
    ["diff", "samples/nimbus.yaml", "samples/meridian.yaml", "--format", "json"],
    ["whatif", "samples/nimbus.yaml", "--drop", "sales"],
])
def test_diff_and_whatif_load_no_streamlit_pandas_or_graphviz(command):
    code, modules = top_level_modules_after(*command)
    assert code == 0 and "networkx" in modules and not modules & HEAVY_FOR_CHECK


def test_help_loads_neither_the_graph_nor_the_validation():
    code, modules = top_level_modules_after("--help")
    assert code == 0 and not modules & HEAVY_FOR_HELP


def test_the_cli_offers_the_renderers_choices():
    from aligngraph import cli, render

    assert cli.VIEWS == tuple(render.VIEWS)
    assert cli.COLOR_BY == tuple(render.COLOR_BY)
    assert cli.THEMES == tuple(render.THEMES)
    assert cli.FITS == tuple(render.FITS)
    from aligngraph.checks import SEVERITIES
    from aligngraph.output.grouping import GROUP_BY
    assert cli.SEVERITIES == SEVERITIES and cli.GROUP_BY == tuple(GROUP_BY)
    assert cli.PICTURE_SUFFIXES == tuple(f".{fmt}" for fmt in (*render.FORMATS, "dot"))
    assert cli.DEFAULT_TIMEOUT == render.DEFAULT_TIMEOUT
    from aligngraph import diff
    from aligngraph.changes.formats import FORMATS
    assert cli.MATCHES == diff.MATCHES and cli.DEFAULT_TITLE_THRESHOLD == diff.DEFAULT_THRESHOLD
    assert set(cli.DIFF_FORMATS) == set(FORMATS)
