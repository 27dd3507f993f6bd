"""The container's HEALTHCHECK: is the explorer answering on Streamlit's health path?

Exits 0 when ``GET http://127.0.0.1:$STREAMLIT_SERVER_PORT/_stcore/health`` answers 200
"ok" within 4 seconds, 1 otherwise. The slim image has no curl; Python is there anyway.
"""

from __future__ import annotations

import os
import sys
import urllib.request

HEALTH_PATH = "/_stcore/health"


def health_url() -> str:
    """The explorer's health address inside the container."""
    port = os.environ.get("STREAMLIT_SERVER_PORT", "8501")
    return f"http://127.0.0.1:{port}{HEALTH_PATH}"


def healthy(url: str, timeout: float = 4.0) -> bool:
    """Whether ``url`` answers 200 with the body ``ok``."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as answer:
            return answer.status == 200 and answer.read().strip() == b"ok"
    except OSError:
        return False


if __name__ == "__main__":
    sys.exit(0 if healthy(health_url()) else 1)
