"""Run the Graphviz layout engine on DOT source: the one place that starts a process.

Graphviz's ``dot`` program comes from the system's Graphviz package. When it is missing,
:class:`GraphvizMissing` says how to install it.
"""

from __future__ import annotations

import platform
import shutil
import subprocess
from pathlib import Path

import re

from ..errors import AligngraphError

FORMATS = ("svg", "png", "pdf")
DEFAULT_TIMEOUT = 30.0


class RenderError(AligngraphError):
    """A picture could not be made."""


class GraphvizMissing(RenderError):
    """Graphviz's ``dot`` program is not on the PATH."""

    def __init__(self, program: str = "dot"):
        super().__init__(f"Graphviz's '{program}' program is not installed, and pictures need "
                         f"it. Install Graphviz: {install_hint()} Then run the command again.")


class RenderTimeout(RenderError):
    """The layout took longer than allowed."""


class RenderTooLarge(RenderError):
    """The view has more nodes than can be read or laid out in a few seconds."""


def install_hint() -> str:
    """How to install Graphviz on this platform."""
    system = platform.system()
    if system == "Darwin":
        return "'brew install graphviz'."
    if system == "Windows":
        return "'winget install graphviz' (or see https://graphviz.org/download/)."
    if shutil.which("apt-get") or Path("/etc/debian_version").exists():
        return "'sudo apt-get install graphviz' (Debian, Ubuntu)."
    if shutil.which("dnf"):
        return "'sudo dnf install graphviz'."
    return "your system's graphviz package (see https://graphviz.org/download/)."


def run_layout(source: str, fmt: str, *, engine: str = "dot",
               timeout: float = DEFAULT_TIMEOUT) -> bytes:
    """Lay out DOT ``source`` and return the picture in ``fmt`` (svg, png or pdf)."""
    if fmt not in FORMATS:
        raise RenderError(f"cannot render {fmt!r}: expected one of {', '.join(FORMATS)}")
    program = shutil.which(engine)
    if program is None:
        raise GraphvizMissing(engine)
    try:
        result = subprocess.run([program, f"-T{fmt}"], input=source.encode("utf-8"),
                                capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        raise RenderTimeout(f"the layout took more than {timeout:g} seconds and was stopped. "
                            "Draw less: --view teams, or --view focus --focus ID.") from None
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip()
        raise RenderError(f"Graphviz could not lay out the picture: {message}")
    return result.stdout


_SVG_SIZE = re.compile(rb'<svg width="([\d.]+)pt" height="([\d.]+)pt"')


def layout_size(source: str, *, timeout: float = DEFAULT_TIMEOUT) -> tuple[float, float]:
    """The width and height, in points, of DOT ``source`` once laid out."""
    return svg_size(run_layout(source, "svg", timeout=timeout))


def svg_size(svg: bytes) -> tuple[float, float]:
    """The width and height, in points, of an SVG Graphviz wrote."""
    found = _SVG_SIZE.search(svg)
    if found is None:
        raise RenderError("Graphviz's SVG output has no size")
    return float(found[1]), float(found[2])
