"""The container image, tested without a container engine (none runs where these tests
do): the Dockerfile's structure and build context, the entry point's handling of its
arguments, and the health check against a real explorer started on the loopback."""

from __future__ import annotations

import fnmatch
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")
ENTRYPOINT = ROOT / "docker" / "entrypoint.sh"
HEALTHCHECK = ROOT / "docker" / "healthcheck.py"
SH = shutil.which("sh")


def instructions(text: str) -> list[tuple[str, str]]:
    """The Dockerfile's instructions, continuation lines joined, comments dropped."""
    joined = re.sub(r"\\\n\s*", " ", text)
    lines = [line.strip() for line in joined.splitlines()]
    return [(line.split(None, 1)[0].upper(), line.split(None, 1)[1]) for line in lines
            if line and not line.startswith("#")]


STEPS = instructions(DOCKERFILE)


def stage_of_last_from() -> list[tuple[str, str]]:
    last = max(i for i, (op, _) in enumerate(STEPS) if op == "FROM")
    return STEPS[last:]


def test_the_image_is_built_in_two_stages_on_slim_python():
    froms = [args for op, args in STEPS if op == "FROM"]
    assert len(froms) == 2
    assert all(args.startswith("python:${PYTHON_VERSION}-slim") for args in froms)
    assert ("ARG", "PYTHON_VERSION=3.12") in STEPS[:1]
    final = stage_of_last_from()
    assert any(op == "COPY" and args.startswith("--from=build ") for op, args in final)
    assert any(op == "RUN" and "install -y --no-install-recommends graphviz" in args
               for op, args in final)


def test_the_image_carries_oci_labels():
    labels = " ".join(args for op, args in STEPS if op == "LABEL")
    for name in ("title", "description", "version", "created", "revision", "licenses",
                 "source", "documentation"):
        assert f"org.opencontainers.image.{name}=" in labels
    for build_argument in ("VERSION", "CREATED", "REVISION"):
        assert ("${%s}" % build_argument) in labels
        assert any(op == "ARG" and args.startswith(build_argument) for op, args in stage_of_last_from())


def test_entrypoint_health_check_and_port():
    final = dict((op, args) for op, args in stage_of_last_from())
    assert final["ENTRYPOINT"] == '["aligngraph-entrypoint"]'
    assert final["EXPOSE"] == "8501"
    assert final["HEALTHCHECK"].endswith('CMD ["python", "/usr/local/bin/aligngraph-healthcheck"]')
    assert "STREAMLIT_SERVER_ADDRESS=0.0.0.0" in final["ENV"]
    assert final["USER"] != "root"


def test_every_file_the_build_copies_is_in_the_build_context():
    ignore = [line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines()
              if line.strip() and not line.startswith("#")]
    copied = []
    for op, args in STEPS:
        if op == "COPY" and not args.startswith("--from"):
            copied += args.split()[:-1]
    assert copied
    for source in copied:
        assert (ROOT / source).exists(), source
        assert _in_context(source, ignore), f"{source} is excluded by .dockerignore"


def _in_context(path: str, patterns: list[str]) -> bool:
    """Whether .dockerignore's patterns (last match wins) keep ``path`` in the context."""
    kept = True
    for pattern in patterns:
        negated = pattern.startswith("!")
        bare = pattern.lstrip("!").rstrip("/")
        if fnmatch.fnmatch(path, bare) or path.startswith(bare + "/"):
            kept = negated
    return kept


# --- the entry point ------------------------------------------------------------------

@pytest.fixture
def fake_aligngraph(tmp_path) -> dict[str, str]:
    """An environment where ``aligngraph`` prints each argument it gets on a line."""
    fake = tmp_path / "aligngraph"
    fake.write_text('#!/bin/sh\nfor arg in "$@"; do echo "$arg"; done\n')
    fake.chmod(0o755)
    return {"PATH": f"{tmp_path}{os.pathsep}{os.environ['PATH']}"}


def entrypoint(env: dict[str, str], *args: str) -> list[str]:
    result = subprocess.run([SH, str(ENTRYPOINT), *args], capture_output=True, text=True,
                            env=env, check=True, timeout=10)
    return result.stdout.splitlines()


@pytest.mark.skipif(SH is None, reason="needs a POSIX shell")
@pytest.mark.parametrize("args, expected", [
    ((), ["--help"]),
    (("check", "/okrs"), ["check", "/okrs"]),
    (("check", "/okrs", "--format", "sarif"), ["check", "/okrs", "--format", "sarif"]),
    (("app", "/okrs"), ["app", "--headless", "--port", "8501", "/okrs"]),
    (("app",), ["app", "--headless", "--port", "8501"]),
    (("render", "/my okrs", "-o", "/out/a b.svg"), ["render", "/my okrs", "-o", "/out/a b.svg"]),
])
def test_the_entrypoint_passes_arguments_through(fake_aligngraph, args, expected):
    assert entrypoint(fake_aligngraph, *args) == expected


@pytest.mark.skipif(SH is None, reason="needs a POSIX shell")
def test_the_entrypoint_serves_the_explorer_on_the_configured_port(fake_aligngraph):
    env = {**fake_aligngraph, "STREAMLIT_SERVER_PORT": "9000"}
    assert entrypoint(env, "app", "/okrs") == ["app", "--headless", "--port", "9000", "/okrs"]


# --- the health check against a real explorer -------------------------------------------

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def health(port: int) -> int:
    env = {**os.environ, "STREAMLIT_SERVER_PORT": str(port)}
    return subprocess.run([sys.executable, str(HEALTHCHECK)], env=env, timeout=15).returncode


@pytest.mark.skipif(SH is None, reason="needs a POSIX shell")
def test_the_health_check_answers_for_the_explorer_the_entrypoint_starts():
    port = free_port()
    assert health(port) == 1  # nothing listens yet
    env = {**os.environ, "STREAMLIT_SERVER_PORT": str(port),
           "STREAMLIT_SERVER_ADDRESS": "127.0.0.1",
           "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false",
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    server = subprocess.Popen([SH, str(ENTRYPOINT), "app", str(ROOT / "samples" / "nimbus.yaml")],
                              env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while health(port) != 0:
            assert server.poll() is None, "the explorer stopped"
            assert time.monotonic() < deadline, "the explorer was not healthy within 60 s"
            time.sleep(0.5)
    finally:
        os.killpg(server.pid, signal.SIGTERM)  # the entry point's process group: ours
        server.wait(timeout=20)
