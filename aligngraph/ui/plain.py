"""User text shown as written in Streamlit's Markdown: labels, captions, help, messages.

Streamlit renders Markdown in widget labels, tooltips, captions and alerts: a title
such as ``[click](javascript:…)``, ``**loud**`` or ``:red[alarm]`` would become a link,
bold or colour. Every Markdown character is escaped instead, and lines are joined.
"""

from __future__ import annotations

import re

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>:$])")


def plain(text: object, width: int | None = None) -> str:
    """``text`` escaped for Markdown, on one line, cut to ``width`` characters.

    >>> plain("[x](javascript:alert(1)) **b**")
    '\\\\[x\\\\]\\\\(javascript\\\\:alert\\\\(1\\\\)\\\\) \\\\*\\\\*b\\\\*\\\\*'
    >>> plain("a very long title", width=6)
    'a very…'
    """
    one_line = " ".join(str(text).split())
    if width is not None and len(one_line) > width:
        one_line = one_line[:width] + "…"
    return _MARKDOWN.sub(r"\\\1", one_line)
