"""Pictures fit for a slide: 16:9, text never below the minimum, and honest refusals."""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import graphviz
import pytest

from aligngraph import check_paths
from aligngraph.cli import main
from aligngraph.pipeline import analyse
from aligngraph.render import MIN_TEXT_PT, NotFitForSlide, build_dot, build_slide, render
from aligngraph.render.fit import (
    MIN_TEXT_PX, SCREEN, SLIDE_RATIO, WRAPS, Measured, best_wrap, first_readable, fit_to_frame,
    fit_to_slide, slide_pad, smallest_font,
)
from helpers import org_of
from test_render_svg import needs_dot

SAMPLES = Path(__file__).parent.parent / "samples"
SVG = "{http://www.w3.org/2000/svg}"


def wide_org(teams: int = 24) -> str:
    """A root team with ``teams`` sub-teams, each with one objective aligned to the root."""
    lines = ["teams:", "  - {id: root, name: Root}"]
    lines += [f"  - {{id: t{i}, name: Team number {i}, parent: root}}" for i in range(teams)]
    lines += ["objectives:", "  - {id: R1, team: root, title: Grow the business}"]
    lines += [f"  - {{id: O{i}, team: t{i}, title: Grow region {i}, aligns_to: R1}}"
              for i in range(teams)]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def wide():
    return analyse(org_of(wide_org()))


def svg_shape(svg: bytes) -> tuple[float, float, float]:
    """Width over height of the SVG, and the smallest text in px on a 1920 × 1080 slide."""
    root = ET.fromstring(svg)
    width = float(root.get("width").removesuffix("pt"))
    height = float(root.get("height").removesuffix("pt"))
    view_box = [float(v) for v in root.get("viewBox").split()]
    graph = next(root.iter(f"{SVG}g"))
    scale = float(re.search(r"scale\(([\d.]+)", graph.get("transform"))[1])
    fonts = [float(t.get("font-size")) for t in root.iter(f"{SVG}text")]
    px_per_unit = scale * width / view_box[2] * min(1920 / width, 1080 / height)
    return width, height, min(fonts) * px_per_unit


# --- without Graphviz: the fitting logic with a fake layout ------------------------------


def fake_dot(font: int = 12) -> graphviz.Digraph:
    dot = graphviz.Digraph()
    dot.node("a", label=f'<<FONT POINT-SIZE="{font}">a</FONT>>')
    return dot


def test_smallest_font_reads_html_and_plain_sizes():
    source = 'a [label=<<FONT POINT-SIZE="11">x</FONT>>]\nedge [fontsize=9]\n'
    assert smallest_font(source) == 9


def test_pad_makes_a_wide_and_a_tall_picture_16_9():
    for width, height in ((3000, 500), (500, 3000), (1600, 900)):
        x, y = (float(v) for v in slide_pad(Measured(fake_dot(), width, height, 12), 0).split(","))
        assert (height + 2 * 72 * y) / (width + 2 * 72 * x) == pytest.approx(SLIDE_RATIO, rel=1e-3)


def test_the_wrap_with_the_largest_text_wins_and_the_picture_is_sized_for_a_slide():
    sizes = {"None": (3000, 500), "1": (4000, 400), "2": (2000, 800), "3": (1300, 1300)}
    built = []

    def build(wrap):
        built.append(wrap)
        dot = fake_dot()
        dot.attr(label=str(wrap))
        return dot

    def measure(source):
        return sizes.get(re.search(r"\blabel=(\w+)", source)[1], sizes["3"])

    dot = fit_to_slide(build, measure)
    assert "\tlabel=2" in dot.source and 'size="20,11.25!"' in dot.source
    assert built[:4] == [None, 1, 2, 3]  # the view's default first


def test_a_view_whose_text_would_be_too_small_is_refused_not_shrunk():
    with pytest.raises(NotFitForSlide, match=r"--view teams.*--fit none"):
        fit_to_slide(lambda wrap: fake_dot(), lambda source: (9000, 1000))
    # the same text on a picture a slide can hold passes
    assert fit_to_slide(lambda wrap: fake_dot(), lambda source: (1500, 800))


def test_first_readable_prefers_the_first_variant_that_reads():
    small, big, bigger = (Measured(fake_dot(), w, 500, 12) for w in (9000, 1800, 900))
    assert first_readable([lambda: big, lambda: bigger]) is big
    assert first_readable([lambda: small, lambda: bigger]) is bigger
    assert first_readable([lambda: small]) is small and small.text_px < MIN_TEXT_PX


# --- with Graphviz: measured on real layouts ---------------------------------------------


@needs_dot
def test_slide_fit_makes_a_wide_org_16_9_with_readable_text(wide):
    width, height, text_px = svg_shape(render(build_slide(wide, view="teams"), "svg"))
    assert width / height == pytest.approx(16 / 9, rel=0.02)
    assert (width, height) == pytest.approx((1440, 810), abs=2)  # 1920 × 1080 px
    assert text_px >= MIN_TEXT_PX == 2 * MIN_TEXT_PT


@needs_dot
def test_without_fit_the_wide_org_keeps_its_natural_shape(wide):
    width, height, _ = svg_shape(render(build_dot(wide, view="teams", wrap=1), "svg"))
    assert width / height > 4  # 24 teams in one row: a ribbon, not a slide


@needs_dot
def test_wide_levels_fold_into_rows_in_a_box(wide):
    source = build_slide(wide, view="teams").source
    assert "cluster_box_" in source and "rank=same" in source
    assert "aligned up" in source  # the boxed teams' captions carry the alignment count


@needs_dot
@pytest.mark.parametrize("view, options", [("teams", {}), ("people", {}),
                                           ("focus", {"focus": "product-eng"})])
def test_sample_views_fit_a_slide(view, options):
    report = check_paths([SAMPLES / "meridian.yaml"])
    width, height, text_px = svg_shape(render(build_slide(report, view=view, **options), "svg"))
    assert width / height == pytest.approx(16 / 9, rel=0.02) and text_px >= MIN_TEXT_PX


@needs_dot
def test_png_is_slide_fit_by_default_and_svg_is_not(tmp_path):
    import struct

    png, svg = tmp_path / "teams.png", tmp_path / "teams.svg"
    for out in (png, svg):
        assert main(["render", str(SAMPLES / "nimbus.yaml"), "-o", str(out),
                     "--view", "teams"]) == 0
    assert struct.unpack(">II", png.read_bytes()[16:24]) == (1920, 1080)
    width, height, _ = svg_shape(svg.read_bytes())
    assert width / height != pytest.approx(16 / 9, rel=0.05)
    assert main(["render", str(SAMPLES / "nimbus.yaml"), "-o", str(svg), "--view", "teams",
                 "--fit", "slide"]) == 0
    assert svg_shape(svg.read_bytes())[0] == pytest.approx(1440, abs=2)


@needs_dot
def test_a_view_too_big_for_a_slide_exits_2_and_names_the_alternatives(tmp_path, capsys):
    out = tmp_path / "goals.png"
    assert main(["render", str(SAMPLES / "meridian.yaml"), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "does not fit a 16:9 slide" in err and f"{MIN_TEXT_PT} pt" in err
    assert "--view teams" in err and "--fit none" in err and not out.exists()
    assert main(["render", str(SAMPLES / "meridian.yaml"), "-o", str(out), "--fit", "none"]) == 0


# --- the explorer's frame: a quick fit, without Graphviz ---------------------------------


def counted_layouts(sizes: dict[str, tuple[float, float]]):
    """A fake build and measure: each wrap's DOT labelled with the wrap; the sizes laid out."""
    laid_out = []

    def build(wrap):
        dot = fake_dot(11)
        dot.attr(label=str(wrap))
        return dot

    def measure(source):
        wrap = re.search(r"\blabel=(\w+)", source)[1]
        laid_out.append(wrap)
        return sizes[wrap]

    return build, measure, laid_out


def test_the_screen_frame_scales_to_its_short_side():
    assert SCREEN.scale(2400, 680) == 0.5 and SCREEN.scale(1200, 1360) == 0.5
    measured = Measured(fake_dot(), 1650, 935, 11)
    assert measured.text_px_on(SCREEN) == pytest.approx(8.0, abs=0.01)  # 11 pt × 0.727
    assert measured.text_px == pytest.approx(11 * min(1920 / 1650, 1080 / 935))


def test_the_quick_fit_folds_until_the_text_stops_growing():
    sizes = {"None": (4000, 400), "1": (4000, 400), "2": (2400, 700), "3": (1700, 950),
             "4": (1800, 1300), "5": (1500, 1500), "6": (1400, 1700)}
    build, measure, laid_out = counted_layouts(sizes)
    best = best_wrap(build, measure, SCREEN, quick=True)
    assert (best.width, best.height) == (1700, 950)
    assert laid_out == ["None", "1", "2", "3", "4"]  # 4 reads worse than 3: 5 and 6 never
    build, measure, laid_out = counted_layouts(sizes)
    best_wrap(build, measure, SCREEN)
    assert laid_out == ["None", "1", "2", "3", "4", "5", "6"]  # the slide's fit: every one


def test_the_quick_fit_does_not_fold_a_frame_shaped_or_hopeless_layout():
    frame_shaped = {str(w): (1300, 700) for w in WRAPS}
    build, measure, laid_out = counted_layouts(frame_shaped)
    assert Measured(fake_dot(), 1300, 700, 11).shaped_like(SCREEN)
    best_wrap(build, measure, SCREEN, quick=True)
    assert laid_out == ["None"]
    hopeless = {str(w): (12000, 1300) for w in WRAPS}  # 11 pt × 0.26 × 2 = 5.7 px at best
    assert not Measured(fake_dot(), 12000, 1300, 11).could_read(SCREEN)
    build, measure, laid_out = counted_layouts(hopeless)
    best_wrap(build, measure, SCREEN, quick=True)
    assert laid_out == ["None"]


def test_fit_to_frame_keeps_the_first_variant_that_reads_and_says_which():
    sizes = {1: (1500, 800), 2: (3000, 1400)}  # depth 2 reads at 4.9 px, depth 1 at 8.1

    def build(wrap=None, depth=2):
        dot = fake_dot(11)
        dot.attr(label=f"d{depth}")
        return dot

    def measure(source):
        return sizes[int(re.search(r"\blabel=d(\d)", source)[1])]

    best = fit_to_frame(build, measure, SCREEN, [{"depth": 2}, {"depth": 1}])
    assert best.variant == {"depth": 1} and best.text_px_on(SCREEN) >= 8
    sizes[1] = (3000, 1500)  # neither reads: the one with the larger text
    best = fit_to_frame(build, measure, SCREEN, [{"depth": 2}, {"depth": 1}])
    assert best.variant == {"depth": 2}
