"""Rendered pictures, checked by their structure: ids, classes, legend, text.

These need Graphviz's ``dot``; CI installs it (./dev does), so there they always run.
"""

import os
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from aligngraph import check_paths
from aligngraph.cli import main
from aligngraph.render import COLOR_BY, build_dot, render
from aligngraph.render import engine
from aligngraph import analyse
from test_render_dot import nasty_report
from helpers import org_of

SAMPLES = Path(__file__).parent.parent / "samples"
SVG = "{http://www.w3.org/2000/svg}"
needs_dot = pytest.mark.skipif(shutil.which("dot") is None and not os.environ.get("CI"),
                               reason="Graphviz's dot is not installed")
FOCUS = {"nimbus": "engineering", "meridian": "product-eng"}


def groups(svg: bytes) -> dict[str, set[str]]:
    """Every <g> in the SVG: its id and its classes."""
    root = ET.fromstring(svg)
    return {g.get("id"): set((g.get("class") or "").split()) for g in root.iter(f"{SVG}g")}


def texts(svg: bytes) -> str:
    return " ".join(t.text or "" for t in ET.fromstring(svg).iter(f"{SVG}text"))


@pytest.fixture(scope="module", params=["nimbus", "meridian"])
def sample(request):
    return request.param, check_paths([SAMPLES / f"{request.param}.yaml"])


@needs_dot
@pytest.mark.parametrize("view", ["goals", "teams", "focus", "people"])
@pytest.mark.parametrize("color_by", COLOR_BY)
def test_each_view_renders_from_both_samples_in_each_colour_mode(sample, view, color_by):
    name, report = sample
    svg = render(build_dot(report, view=view, color_by=color_by, focus=FOCUS[name]), "svg")
    found = groups(svg)
    assert "legend" in found and "legend" in found["legend"]
    kinds = set().union(*found.values())
    expected = {"goals": "objective", "focus": "objective", "teams": "team",
                "people": "person"}[view]
    assert expected in kinds
    assert "2026-Q3" in texts(svg)


@needs_dot
def test_goals_svg_has_findings_as_classes():
    report = check_paths([SAMPLES / "nimbus.yaml"])
    found = groups(render(build_dot(report, view="goals"), "svg"))
    assert {"node", "objective", "severity-error"} <= found["goal-MOB1"]
    assert {"edge", "depends", "no-liaison"} in [classes & {"edge", "depends", "no-liaison"}
                                                 for classes in found.values()]


@needs_dot
def test_hostile_titles_render_as_text_not_markup():
    svg = render(build_dot(nasty_report(), view="goals"), "svg")
    root = ET.fromstring(svg)  # still well-formed XML
    assert not list(root.iter(f"{SVG}script"))
    shown = texts(svg)
    for title in ("<script>alert(1)</script>", '"; node [label=x]', "R&D > Sales & \"Ops\"",
                  "提高客户满意度"):
        assert title in shown


@needs_dot
def test_backslashes_in_titles_are_drawn_as_written_not_expanded_by_graphviz():
    """Graphviz would turn \\N into the node's name and \\G into the graph's."""
    org = org_of("teams: [{id: t, name: 'Team \\G'}]\n"
                 "objectives: [{id: O1, team: t, title: 'Grow \\N in C:\\new \\L'}]\n")
    root = ET.fromstring(render(build_dot(analyse(org), view="goals"), "svg"))
    shown = texts(ET.tostring(root)).replace("\u2060", "")
    tips = " ".join(a.get("{http://www.w3.org/1999/xlink}title") or ""
                    for a in root.iter(f"{SVG}a")).replace("\u2060", "")
    for written in ("Team \\G", "Grow \\N in C:\\new \\L"):
        assert written in shown
    assert "O1 Grow \\N in C:\\new \\L" in tips


@needs_dot
@pytest.mark.parametrize("fmt", ["png", "pdf"])
def test_png_and_pdf(fmt, tmp_path):
    out = tmp_path / f"nimbus.{fmt}"
    assert main(["render", str(SAMPLES / "nimbus.yaml"), "-o", str(out)]) == 0
    assert out.read_bytes()[:4] == {"png": b"\x89PNG", "pdf": b"%PDF"}[fmt]


def test_dot_output_needs_no_graphviz(tmp_path, monkeypatch):
    monkeypatch.setattr(engine.shutil, "which", lambda _: None)
    out = tmp_path / "nimbus.dot"
    assert main(["render", str(SAMPLES / "nimbus.yaml"), "-o", str(out), "--view", "teams"]) == 0
    assert out.read_text().startswith("digraph teams")


def test_missing_graphviz_says_how_to_install_it(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(engine.shutil, "which", lambda _: None)
    code = main(["render", str(SAMPLES / "nimbus.yaml"), "-o", str(tmp_path / "x.svg")])
    err = capsys.readouterr().err
    assert code == 2 and "Install Graphviz" in err and "Traceback" not in err


def test_layout_timeout_is_a_clear_error(monkeypatch):
    import subprocess

    def slow(*args, **kwargs):
        raise subprocess.TimeoutExpired(args[0], kwargs["timeout"])

    monkeypatch.setattr(engine.shutil, "which", lambda _: "/usr/bin/dot")
    monkeypatch.setattr(engine.subprocess, "run", slow)
    with pytest.raises(engine.RenderTimeout, match="--view teams"):
        engine.run_layout("digraph {}", "svg", timeout=0.1)


def test_render_usage_errors(tmp_path, capsys):
    assert main(["render", str(SAMPLES / "nimbus.yaml"), "-o", str(tmp_path / "x.gif")]) == 2
    assert "end it in .svg, .png, .pdf or .dot" in capsys.readouterr().err
    assert main(["render", str(SAMPLES / "nimbus.yaml"), "-o", str(tmp_path / "x.svg"),
                 "--view", "focus"]) == 2
    assert "--focus ID" in capsys.readouterr().err

