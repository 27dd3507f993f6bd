"""Pictures for the explorer's frame, and the view it opens on.

The explorer shows a picture in a 1,200 × 680 px frame (:data:`~.fit.SCREEN`), scaled
to fit when it opens. :func:`draw_on_screen` folds a view's wide levels as the slide fit
does and keeps the layout whose text is largest in that frame; :func:`opening_view`
picks the first view whose text is readable there: every goal, else the teams as deep
as stays readable. Both run Graphviz through :mod:`.engine`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any

from ..errors import UsageError
from ..report import Report
from ..text import count_of
from .engine import DEFAULT_TIMEOUT, RenderError, run_layout, svg_size
from .fit import SCREEN, TIGHT, Frame, fit_to_frame, smallest_font
from .views import auto_team_depth

_NODE = re.compile(rb'<g id="[^"]*" class="node (?:objective|key&#45;result|team|person)')


@dataclass(frozen=True)
class OnScreen:
    """A view laid out for a frame: its SVG, its DOT, its size and its smallest text."""

    view: str
    svg: bytes
    dot_source: str
    width: float
    height: float
    text_px: float
    variant: Mapping[str, Any]
    wrap: int | None = None

    @property
    def boxes(self) -> int:
        """How many teams, goals and people the picture draws."""
        return len(_NODE.findall(self.svg))


def draw_on_screen(report: Report, *, view: str, frame: Frame = SCREEN,
                   timeout: float = DEFAULT_TIMEOUT, like: OnScreen | None = None,
                   **options: Any) -> OnScreen:
    """One view of a report, folded to read best in ``frame``.

    Takes :func:`~aligngraph.render.build_dot`'s options. A teams view without a
    ``depth`` tries the deepest readable org level first, then shallower ones, and
    keeps the first whose text reaches the frame's minimum. ``like`` (the same view
    drawn before, under other settings) gives the depth and folding to keep, so that
    only one layout is made. Raises what ``build_dot`` and the layout raise
    (:class:`~.engine.RenderTooLarge`, a UsageError, …).
    """
    from . import build_dot  # the package's entry point, which imports this module

    options.pop("wrap", None)
    if like is not None:
        options.update(like.variant)
        dot = build_dot(report, view=view, wrap=like.wrap, **options)
        dot.attr(**TIGHT)
        svg = run_layout(dot.source, "svg", timeout=timeout)
        width, height = svg_size(svg)
        return OnScreen(view, svg, dot.source, width, height,
                        smallest_font(dot.source) * frame.scale(width, height), like.variant,
                        like.wrap)
    variants: list[dict[str, Any]] = [{}]
    if view == "teams" and options.get("depth") is None:
        options.pop("depth", None)
        variants = [{"depth": d} for d in range(auto_team_depth(report.graph), 0, -1)] or [{}]
    svgs: dict[str, bytes] = {}

    def measure(source: str) -> tuple[float, float]:
        svgs[source] = run_layout(source, "svg", timeout=timeout)
        return svg_size(svgs[source])

    best = fit_to_frame(lambda **more: build_dot(report, view=view, **options, **more),
                        measure, frame, variants)
    source = best.dot.source
    return OnScreen(view, svgs[source], source, best.width, best.height,
                    best.text_px_on(frame), best.variant, best.wrap)


@dataclass(frozen=True)
class Opening:
    """The view the explorer opens on, and one line saying why."""

    picture: OnScreen
    reason: str

    @property
    def view(self) -> str:
        return self.picture.view

    @property
    def depth(self) -> int | None:
        return self.picture.variant.get("depth")


def opening_view(report: Report, *, frame: Frame = SCREEN,
                 draw: Callable[[str], OnScreen] | None = None) -> Opening:
    """Every goal when that reads in ``frame``; else the teams, as deep as reads.

    ``draw(view)`` draws a view for ``frame`` (default: :func:`draw_on_screen` with the
    default colours); the explorer passes its cached drawing.
    """
    if draw is None:
        draw = partial(_draw_view, report, frame)
    try:
        goals: OnScreen | None = draw("goals")
        why_not = ""
    except RenderError as exc:  # too many nodes: the message leads with how many
        goals, why_not = None, str(exc).split(";")[0]
    except UsageError:
        goals, why_not = None, "there are no objectives to draw"
    if goals is not None:
        goal_text = f"text {goals.text_px:.1f} px high"
        if goals.text_px >= frame.min_text_px:
            return Opening(goals, f"Goals view: all {count_of(goals.boxes, 'goal')} fit the "
                                  f"frame with {goal_text}. Click a goal or team to focus.")
        why_not = (f"the goals view would draw {count_of(goals.boxes, 'box', 'boxes')}, "
                   f"with {goal_text}")
    teams = draw("teams")
    depth = teams.variant.get("depth")
    levels = f", the top {depth + 1} levels of the org" if depth else ""
    small = ("" if teams.text_px >= frame.min_text_px else
             f" Its text is {teams.text_px:.1f} px high: zoom in (scroll) to read it.")
    return Opening(teams, f"Teams view{levels}: {why_not}.{small} Click a team to focus on it.")


def _draw_view(report: Report, frame: Frame, view: str) -> OnScreen:
    return draw_on_screen(report, view=view, frame=frame)
