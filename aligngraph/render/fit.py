"""Fit a picture to a 16:9 slide without making its text too small to read.

A slide here is 1920 × 1080 px: a 13.33 × 7.5 in slide (PowerPoint's and Google Slides'
16:9 size) projected at full HD, where 1 pt on the slide is 2 px. Text on it must be at
least ``MIN_TEXT_PX`` px high (``MIN_TEXT_PT`` pt on the slide).

Fitting is: build the view with wide levels folded into 1, 2, 3, … rows (``wrap``),
measure each layout, keep the one whose smallest text is largest, then pad its short
side to exactly 16:9 (``pad``) and scale it to the slide (``size``). Building and
measuring are passed in, so this module neither draws nor runs Graphviz.
"""

from __future__ import annotations

import re
from functools import partial
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import graphviz

from .engine import RenderError

SLIDE_WIDTH_PX, SLIDE_HEIGHT_PX = 1920, 1080
SLIDE_RATIO = SLIDE_HEIGHT_PX / SLIDE_WIDTH_PX
SLIDE_SIZE_IN = "20,11.25!"  # 1440 × 810 pt: 1920 × 1080 px at Graphviz's 96 dpi
PX_PER_SLIDE_PT = 2
MIN_TEXT_PT = 5
MIN_TEXT_PX = MIN_TEXT_PT * PX_PER_SLIDE_PT
WRAPS = (None, 1, 2, 3, 4, 5, 6)  # None: the view's own default folding
TIGHT = {"nodesep": "0.25", "ranksep": "0.45"}  # a slide has no room to spare
BASE_PAD_IN = 0.4  # the canvas's own pad, which the measured size includes
_FONT_SIZE = re.compile(r'(?:POINT-SIZE="|fontsize=)"?(\d+(?:\.\d+)?)')


DRAW_LESS = "--view teams, or --view focus --focus ID"


class NotFitForSlide(RenderError):
    """The view cannot fit a slide with text large enough to read."""


@dataclass(frozen=True)
class Measured:
    """One candidate: its DOT, its laid-out size in points, and its smallest font."""

    dot: graphviz.Digraph
    width: float
    height: float
    smallest_font: float

    @property
    def text_px(self) -> float:
        """The smallest text's height in px once the picture fills a 1920 × 1080 slide."""
        return self.smallest_font * slide_scale(self.width, self.height)


def slide_scale(width: float, height: float) -> float:
    """Pixels per point when a ``width`` × ``height`` pt picture fills a 1920 × 1080 slide."""
    return min(SLIDE_WIDTH_PX / width, SLIDE_HEIGHT_PX / height)


def smallest_font(source: str) -> float:
    """The smallest point size any text of the DOT source is set in."""
    sizes = [float(size) for size in _FONT_SIZE.findall(source)]
    return min(sizes) if sizes else 14.0


def fit_to_slide(build: Callable[..., graphviz.Digraph],
                 measure: Callable[[str], tuple[float, float]], *,
                 what: str = "this view", instead: str = DRAW_LESS,
                 variants: Sequence[Mapping[str, Any]] = ({},)) -> graphviz.Digraph:
    """The DOT of the best wrap of a view, padded to 16:9 and sized for a slide.

    ``build(wrap=N, **variant)`` draws the view with wide levels folded into ``N`` rows,
    for each of ``variants`` (the teams view tries shallower org depths, in order of
    preference); ``measure(source)`` lays DOT out and returns its size in points.

    Raises
    ------
    NotFitForSlide
        When even the best candidate would set text below ``MIN_TEXT_PX`` on the slide.
    """
    best = first_readable([partial(_best_wrap_of, build, measure, variant)
                           for variant in variants])
    if best.text_px < MIN_TEXT_PX:
        raise NotFitForSlide(too_small_message(what, best, instead))
    best.dot.attr(pad=slide_pad(best), size=SLIDE_SIZE_IN)
    return best.dot


def _best_wrap_of(build: Callable[..., graphviz.Digraph],
                  measure: Callable[[str], tuple[float, float]],
                  variant: Mapping[str, Any]) -> Measured:
    return best_wrap(lambda wrap: build(wrap=wrap, **variant), measure)


def first_readable(candidates: Sequence[Callable[[], Measured]]) -> Measured:
    """The first candidate whose text is large enough, else the one with the largest."""
    tried = []
    for candidate in candidates:
        measured = candidate()
        if measured.text_px >= MIN_TEXT_PX:
            return measured
        tried.append(measured)
    return max(tried, key=lambda m: m.text_px)


def best_wrap(build: Callable[[int | None], graphviz.Digraph],
              measure: Callable[[str], tuple[float, float]]) -> Measured:
    """The candidate wrap whose smallest text is largest on the slide; ties go to the
    view's default, then to fewer rows."""
    best: Measured | None = None
    seen: set[str] = set()
    for wrap in WRAPS:
        dot = build(wrap)
        dot.attr(**TIGHT)
        if dot.source in seen:
            continue  # this view has no level wide enough to fold further
        seen.add(dot.source)
        candidate = Measured(dot, *measure(dot.source), smallest_font(dot.source))
        if best is None or candidate.text_px > best.text_px * 1.01:
            best = candidate
    assert best is not None
    return best


def slide_pad(measured: Measured, base: float = BASE_PAD_IN) -> str:
    """A Graphviz ``pad`` (inches, x,y) that centres the picture on a 16:9 canvas.

    Padding, unlike ``ratio``, neither stretches the layout nor needs another layout:
    the short side gets the margin that makes the whole exactly 16:9.
    """
    width, height = measured.width, measured.height
    extra_x = max(0.0, height / SLIDE_RATIO - width) / 2
    extra_y = max(0.0, width * SLIDE_RATIO - height) / 2
    return f"{base + extra_x / 72:.3f},{base + extra_y / 72:.3f}"


def too_small_message(what: str, measured: Measured, instead: str = DRAW_LESS) -> str:
    """Why a view cannot go on a slide, and what to draw instead."""
    return (f"{what} does not fit a 16:9 slide: laid out it is {measured.width:,.0f} × "
            f"{measured.height:,.0f} pt, so on a 1920 × 1080 slide its smallest text would be "
            f"{measured.text_px / PX_PER_SLIDE_PT:.1f} pt, below the {MIN_TEXT_PT} pt "
            f"({MIN_TEXT_PX} px) that can be read when projected. Draw less: {instead}; or "
            "make a poster with --fit none.")
