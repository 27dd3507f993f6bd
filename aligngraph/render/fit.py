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
from dataclasses import dataclass, field, replace
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
#: Past this factor no folding of rows brings a layout's text up to size: folding moves
#: area from width to height, and removes some white space, but does not shrink a layout
#: 2.25-fold (it shrank at most 1.5-fold on the samples and on GitLab-sized generated
#: organisations); see :meth:`Measured.could_read`.
MAX_FOLD_GAIN = 1.5
#: A layout within this factor of the frame's shape gains little from folding.
SHAPE_TOLERANCE = 1.2


DRAW_LESS = "--view teams, or --view focus --focus ID"


class NotFitForSlide(RenderError):
    """The view cannot fit a slide with text large enough to read."""


@dataclass(frozen=True)
class Frame:
    """Where a picture is shown: ``width`` × ``height`` px, text at least ``min_text_px``."""

    width: float
    height: float
    min_text_px: float

    def scale(self, width: float, height: float) -> float:
        """Pixels per point when a ``width`` × ``height`` pt picture fills this frame."""
        return min(self.width / width, self.height / height)


#: A 16:9 slide projected at full HD.
SLIDE = Frame(SLIDE_WIDTH_PX, SLIDE_HEIGHT_PX, MIN_TEXT_PX)
#: The explorer's picture: a 1,200 × 680 px frame, read from a workshop table or a
#: projector, whose text must be 8 px high at the zoom it opens at.
SCREEN = Frame(1200, 680, 8)


@dataclass(frozen=True)
class Measured:
    """One candidate: its DOT, its laid-out size in points, and its smallest font."""

    dot: graphviz.Digraph
    width: float
    height: float
    smallest_font: float
    variant: Mapping[str, Any] = field(default_factory=dict)
    wrap: int | None = None

    @property
    def text_px(self) -> float:
        """The smallest text's height in px once the picture fills a 1920 × 1080 slide."""
        return self.text_px_on(SLIDE)

    def text_px_on(self, frame: Frame) -> float:
        """The smallest text's height in px once the picture fills ``frame``."""
        return self.smallest_font * frame.scale(self.width, self.height)

    def could_read(self, frame: Frame) -> bool:
        """Whether some folding of this layout might set its text at ``frame``'s minimum.

        Folding a wide level into rows keeps the layout's area about the same; at best
        the picture's area fills the frame's. Leave ``MAX_FOLD_GAIN`` for the white space
        folding removes, and a layout whose text stays small even then is not worth
        folding: this saves laying out a large view six more times.
        """
        area_scale = (frame.width * frame.height / (self.width * self.height)) ** 0.5
        return self.smallest_font * area_scale * MAX_FOLD_GAIN >= frame.min_text_px

    def shaped_like(self, frame: Frame, within: float = SHAPE_TOLERANCE) -> bool:
        """Whether the layout's width-to-height ratio is within ``within`` times the
        frame's, either way."""
        shape = (self.width / self.height) / (frame.width / frame.height)
        return 1 / within <= shape <= within


def slide_scale(width: float, height: float) -> float:
    """Pixels per point when a ``width`` × ``height`` pt picture fills a 1920 × 1080 slide."""
    return SLIDE.scale(width, height)


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
                  variant: Mapping[str, Any], frame: Frame = SLIDE,
                  quick: bool = False) -> Measured:
    best = best_wrap(lambda wrap: build(wrap=wrap, **variant), measure, frame, quick)
    return replace(best, variant=variant)


def fit_to_frame(build: Callable[..., graphviz.Digraph],
                 measure: Callable[[str], tuple[float, float]], frame: Frame,
                 variants: Sequence[Mapping[str, Any]] = ({},)) -> Measured:
    """The first variant whose best wrap reads on ``frame``, else the most readable one.

    Like :func:`fit_to_slide`, but nothing is refused or padded: a picture on screen
    can be zoomed, so the caller says how small its text is instead. Only the foldings
    that can help are laid out (``quick`` in :func:`best_wrap`), which keeps a click
    on the picture quick.
    """
    return first_readable([partial(_best_wrap_of, build, measure, variant, frame, True)
                           for variant in variants], frame)


def first_readable(candidates: Sequence[Callable[[], Measured]],
                   frame: Frame = SLIDE) -> Measured:
    """The first candidate whose text is large enough on ``frame``, else the one with
    the largest."""
    tried = []
    for candidate in candidates:
        measured = candidate()
        if measured.text_px_on(frame) >= frame.min_text_px:
            return measured
        tried.append(measured)
    return max(tried, key=lambda m: m.text_px_on(frame))


def best_wrap(build: Callable[[int | None], graphviz.Digraph],
              measure: Callable[[str], tuple[float, float]], frame: Frame = SLIDE,
              quick: bool = False) -> Measured:
    """The candidate wrap whose smallest text is largest on ``frame``; ties go to the
    view's default, then to fewer rows.

    With ``quick``, fewer layouts are made: none beyond the default when no folding
    could make it read
    (:meth:`Measured.could_read`), or when it already has about the frame's shape
    (folding moves area between width and height, so it cannot help then); and folding
    into more rows stops once the text stops growing (it grows while the picture nears
    the frame's shape, then shrinks).
    """
    best: Measured | None = None
    seen: set[str] = set()
    previous: Measured | None = None
    for wrap in WRAPS:
        dot = build(wrap)
        dot.attr(**TIGHT)
        if dot.source in seen:
            continue  # this view has no level wide enough to fold further
        seen.add(dot.source)
        candidate = Measured(dot, *measure(dot.source), smallest_font(dot.source), wrap=wrap)
        if best is None or candidate.text_px_on(frame) > best.text_px_on(frame) * 1.01:
            best = candidate
        if quick and wrap is None and (not candidate.could_read(frame)
                                       or candidate.shaped_like(frame)):
            break
        if quick and previous is not None and (candidate.text_px_on(frame)
                                               <= previous.text_px_on(frame) * 1.01):
            break
        if wrap is not None:
            previous = candidate
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
