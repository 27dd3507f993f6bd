"""`aligngraph app` in a shared room: the room's settings wherever it runs, and a server
that stops when it is told to."""

import os
import signal
import socket
import subprocess
import sys
import time
import tomllib
import urllib.request
from pathlib import Path

import pytest

from aligngraph import cli
from aligngraph.render.theme import THEMES, streamlit_theme

ROOT = Path(__file__).parent.parent
CONFIG = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())


def flat(table: dict, prefix: str = "") -> dict[str, str]:
    """A TOML table as ``section.option`` → value, written as a command-line value."""
    found = {}
    for name, value in table.items():
        if isinstance(value, dict):
            found.update(flat(value, f"{prefix}{name}."))
        else:
            found[f"{prefix}{name}"] = str(value).lower() if isinstance(value, bool) else str(value)
    return found


def test_the_page_theme_is_the_pictures_light_and_dark_themes():
    for mode in ("light", "dark"):
        page, picture = CONFIG["theme"][mode], THEMES[mode]
        assert page == streamlit_theme()[mode]
        assert (page["backgroundColor"], page["textColor"]) == (picture.background, picture.text)
        assert page["secondaryBackgroundColor"] == picture.node_fill
    assert CONFIG["theme"]["light"]["primaryColor"] == "#0072B2"  # Okabe-Ito blue


def test_aligngraph_app_passes_the_project_config_wherever_it_runs(monkeypatch):
    started = []
    monkeypatch.setattr(cli, "_hand_over", lambda command: started.append(command) or 0)
    assert cli.main(["app", "--headless"]) == 0
    command = started[0]
    passed = dict(zip(command[5::2], command[6::2], strict=False))
    expected = flat(CONFIG)
    assert {f"--{k}": v for k, v in expected.items()}.items() <= passed.items()
    assert passed["--client.toolbarMode"] == "viewer"
    assert passed["--browser.gatherUsageStats"] == "false"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def listening(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


@pytest.mark.skipif(os.name != "posix", reason="SIGTERM is a POSIX signal")
def test_a_sigterm_to_aligngraph_app_frees_the_port():
    port = free_port()
    env = {**os.environ, "STREAMLIT_SERVER_ADDRESS": "127.0.0.1"}
    app = subprocess.Popen([sys.executable, "-m", "aligngraph", "app", "--headless", "--port",
                            str(port), str(ROOT / "samples" / "nimbus.yaml")],
                           env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            assert app.poll() is None, "aligngraph app stopped on its own"
            assert time.monotonic() < deadline, "the explorer did not answer within 60 s"
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health",
                                            timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                time.sleep(0.3)
        app.send_signal(signal.SIGTERM)  # to the process `aligngraph app` started as
        app.wait(timeout=20)
        deadline = time.monotonic() + 10
        while listening(port):
            assert time.monotonic() < deadline, "the port is still served after SIGTERM"
            time.sleep(0.2)
    finally:
        if app.poll() is None:
            os.killpg(app.pid, signal.SIGKILL)  # our own process group, if the test failed
        else:
            try:
                os.killpg(app.pid, signal.SIGKILL)  # a child left behind by broken code
            except ProcessLookupError:
                pass
