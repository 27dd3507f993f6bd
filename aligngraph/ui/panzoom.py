"""Show a server-rendered SVG with pan and zoom, and send clicks on it back to Python.

A bidirectional Streamlit component: ``frontend/panzoom/index.html`` is plain HTML and
JavaScript speaking Streamlit's component protocol, served from this package (no npm
build, nothing loaded from a CDN: the page works offline). Wheel to zoom at the pointer,
drag to pan, double-click to fit; a click on a team, goal or person returns
``{"id": its SVG id, "n": a number that differs per click}``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from streamlit.components.v1 import declare_component

FRONTEND = Path(__file__).parent / "frontend" / "panzoom"
HEIGHT = 680
_component = declare_component("panzoom", path=str(FRONTEND))


def pan_zoom(svg: str, background: str = "#FFFFFF", *, key: str,
             height: int = HEIGHT) -> dict[str, Any] | None:
    """Show ``svg`` with pan and zoom; the last click, or None before the first.

    The SVG comes from Graphviz with every user string escaped, so it is embedded as is.
    """
    start = svg.find("<svg")
    return _component(svg=svg[start:] if start >= 0 else svg, background=background,
                      height=height, key=key, default=None)
