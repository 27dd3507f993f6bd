"""Themes and palettes for pictures: colour-blind-safe, legible on a projected slide.

Colours come from the Okabe-Ito palette, which stays distinguishable for the common
forms of colour blindness. The ``print`` theme is greyscale-safe: every colour has a
distinct lightness, and severities also differ by border width and style.
"""

from __future__ import annotations

from dataclasses import dataclass, field

FONT = "Helvetica,Arial,sans-serif"

# Okabe-Ito
VERMILLION, ORANGE, SKY_BLUE, BLUISH_GREEN = "#D55E00", "#E69F00", "#56B4E9", "#009E73"
YELLOW, BLUE, REDDISH_PURPLE, GREY = "#F0E442", "#0072B2", "#CC79A7", "#999999"


@dataclass(frozen=True)
class Theme:
    """Colours and type for one look of the pictures."""

    name: str
    background: str
    text: str
    muted: str
    node_fill: str
    node_border: str
    cluster_fill: str
    cluster_border: str
    edge: str
    severity: dict[str, str] = field(default_factory=dict)
    severity_style: dict[str, tuple[str, float]] = field(default_factory=dict)
    progress: dict[str, str] = field(default_factory=dict)
    levels: tuple[str, ...] = ()


_SEVERITY = {"error": VERMILLION, "warning": ORANGE, "info": SKY_BLUE}
_PROGRESS = {"green": BLUISH_GREEN, "amber": ORANGE, "red": VERMILLION}
_STYLE = {"error": ("bold", 3.0), "warning": ("solid", 2.0), "info": ("dashed", 1.5)}

THEMES = {
    "light": Theme(
        name="light", background="#FFFFFF", text="#1A1A1A", muted="#666666",
        node_fill="#F4F6F8", node_border="#8A949E", cluster_fill="#FBFBFC",
        cluster_border="#C9CED4", edge="#5B6670", severity=_SEVERITY,
        severity_style=_STYLE, progress=_PROGRESS,
        levels=("#C6DBEF", "#9ECAE1", "#6BAED6", "#4292C6", "#2171B5", "#08519C")),
    "dark": Theme(
        name="dark", background="#1E1F22", text="#ECEDEE", muted="#A9AEB4",
        node_fill="#2B2D31", node_border="#6B7178", cluster_fill="#25272B",
        cluster_border="#4A4F55", edge="#A9AEB4", severity=_SEVERITY,
        severity_style=_STYLE, progress=_PROGRESS,
        levels=("#08306B", "#08519C", "#2171B5", "#4292C6", "#6BAED6", "#9ECAE1")),
    "print": Theme(
        name="print", background="#FFFFFF", text="#000000", muted="#444444",
        node_fill="#FFFFFF", node_border="#000000", cluster_fill="#FFFFFF",
        cluster_border="#777777", edge="#333333",
        severity={"error": "#4D4D4D", "warning": "#999999", "info": "#D9D9D9"},
        severity_style=_STYLE,
        progress={"green": "#D9D9D9", "amber": "#999999", "red": "#4D4D4D"},
        levels=("#F2F2F2", "#D9D9D9", "#BFBFBF", "#A6A6A6", "#8C8C8C", "#737373")),
}


def ink_on(fill: str) -> str:
    """Black or white, whichever reads better on ``fill`` (a ``#RRGGBB`` colour).

    >>> ink_on("#FFFFFF"), ink_on("#08519C")
    ('#000000', '#FFFFFF')
    """
    red, green, blue = (int(fill[i:i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return "#000000" if luminance > 140 else "#FFFFFF"


#: The explorer page's own colours, one set per Streamlit theme, taken from the pictures'
#: themes so that a picture sits on the page without a seam. ``.streamlit/config.toml``
#: holds the same values (a test keeps them equal), and ``aligngraph app`` passes them.
APP_PRIMARY = {"light": BLUE, "dark": SKY_BLUE}


def streamlit_theme() -> dict[str, dict[str, str]]:
    """Streamlit's ``[theme.light]`` and ``[theme.dark]`` options, from the light and dark
    picture themes."""
    return {name: {"primaryColor": APP_PRIMARY[name],
                   "backgroundColor": THEMES[name].background,
                   "secondaryBackgroundColor": THEMES[name].node_fill,
                   "textColor": THEMES[name].text,
                   "borderColor": THEMES[name].cluster_border}
            for name in ("light", "dark")}
