"""Safe, wrapped labels for Graphviz.

Labels are Graphviz HTML-like labels, built only from escaped text, so a title such as
``<script>alert(1)</script>`` or ``"; node [label=x]`` is drawn as written and never
reaches the DOT source or the SVG as markup.
"""

from __future__ import annotations

import html
import re
import textwrap

import graphviz

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Graphviz expands \N, \G, \L... in labels and tooltips even when the backslash is
# escaped; a word joiner after each backslash keeps a title's text as written.
_WORD_JOINER = "\u2060"


def escape(text: str) -> str:
    """Text made safe for an HTML-like label.

    >>> escape('<script>"&')
    '&lt;script&gt;&quot;&amp;'
    """
    return html.escape(_guard(_CONTROL.sub("", str(text))), quote=True)


def tooltip(text: str) -> str:
    r"""Plain text for a tooltip, drawn as written: no Graphviz escape is expanded.

    >>> str(tooltip("C:\\new <b>")) == "C:\\\\" + "\u2060new <b>"
    True
    """
    return graphviz.escape(_guard(_CONTROL.sub("", str(text))))


def _guard(text: str) -> str:
    return text.replace("\\", "\\" + _WORD_JOINER)


def wrap(text: str, width: int = 28, max_lines: int = 4) -> list[str]:
    """Wrap a title into at most ``max_lines`` lines, cutting only with an ellipsis.

    Words are never split: a word longer than the line is shortened with "…".

    >>> wrap("Become Europe's most reliable mid-market freight network", 20)
    ["Become Europe's most", 'reliable mid-market', 'freight network']
    >>> wrap("one two three four five six", 9, max_lines=2)
    ['one two', 'three…']
    >>> wrap("Supercalifragilisticexpialidocious", 10)
    ['Supercali…']
    """
    words = [w if len(w) <= width else w[:width - 1] + "…" for w in str(text).split()]
    lines = textwrap.wrap(" ".join(words), width, break_long_words=False,
                          break_on_hyphens=False)
    if len(lines) <= max_lines:
        return lines
    kept = lines[:max_lines]
    last = kept[-1].split()
    while last and len(" ".join(last)) + 1 > width:
        last.pop()
    kept[-1] = (" ".join(last) or kept[-1][:width - 1]) + "…"
    return kept


BADGE_INK, BADGE_FILL = "#FFFFFF", "#4A4F55"
BADGE_GAP = 6  # points between a node's caption and its badge


def html_label(title: str, *, caption: str = "", ink: str = "#000000", muted: str = "#666666",
               width: int = 28, max_lines: int = 4, size: int = 14, badge: int = 0,
               badge_colours: tuple[str, str] = (BADGE_INK, BADGE_FILL), chips: str = "") -> str:
    """An HTML-like label: an optional small caption over the wrapped, escaped title.

    ``badge`` above 0 adds a small count badge (``badge_colours``: ink, fill) to the right
    of the caption; ``chips``
    (an HTML-like table, already escaped) goes under the title.
    """
    lines = "<BR/>".join(escape(line) for line in wrap(title, width, max_lines)) or "&#160;"
    body = f'<FONT POINT-SIZE="{size}" COLOR="{ink}">{lines}</FONT>'
    small = f'<FONT POINT-SIZE="{caption_size(size)}" COLOR="{muted}">{escape(caption)}</FONT>'
    if badge or chips:
        return (f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">'
                f'<TR><TD ALIGN="LEFT">{small if caption else ""}</TD>'
                f'<TD WIDTH="{BADGE_GAP}"></TD>'  # keeps a short node's id off its badge
                f'<TD ALIGN="RIGHT">{badge_cell(badge, *badge_colours) if badge else ""}</TD></TR>'
                f'<TR><TD COLSPAN="3">{body}</TD></TR>'
                + (f'<TR><TD COLSPAN="3">{chips}</TD></TR>' if chips else "")
                + '</TABLE>>')
    return f'<{small + "<BR/>" if caption else ""}{body}>'


def caption_size(size: int) -> int:
    """The point size of a node's caption: a little smaller than its title, and never
    below 11 pt, the smallest text of any picture."""
    return max(size - 2, 11)


def badge_cell(count: int, ink: str = BADGE_INK, fill: str = BADGE_FILL, size: int = 11) -> str:
    """A small box holding a count, as an HTML-like table of fixed size."""
    width = 8 + 7 * len(str(count))
    return (f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1"><TR>'
            f'<TD BGCOLOR="{fill}" FIXEDSIZE="TRUE" WIDTH="{width}" HEIGHT="{size + 3}">'
            f'<FONT POINT-SIZE="{size}" COLOR="{ink}">{count}</FONT></TD></TR></TABLE>')


def svg_id(key: str) -> str:
    """A node key as an SVG id: letters, digits, ``-`` and ``_`` only.

    >>> svg_id("goal:O1.2")
    'goal-O1_2'
    """
    return re.sub(r"[^A-Za-z0-9_-]", "_", key.replace(":", "-", 1))
