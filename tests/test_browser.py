"""Real-browser tests: the explorer in headless Chromium, driven by Playwright.

They start `streamlit run app.py` on a loopback port, go through every tab of the
Meridian sample (a click on the picture, a focus view, Back to overview) taking a
screenshot of each (into $ALIGNGRAPH_SCREENSHOTS when set, as for docs/img/), and click
a team in the picture of a GitLab-sized generated organisation. They use the system
Chromium: never `playwright install`.
"""

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]

from playwright import sync_api  # noqa: E402  (a test dependency: missing is a failure)
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists() and not os.environ.get("CI"),
                                reason="no system Chromium")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def explorer(*paths: Path):
    """``streamlit run app.py [-- paths]`` on a free loopback port: its URL, once healthy."""
    port = free_port()
    arguments = ["--", *map(str, paths)] if paths else []
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
         "--server.port", str(port), "--server.address", "127.0.0.1",
         "--server.headless", "true", "--browser.gatherUsageStats", "false", *arguments],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                time.sleep(0.3)
        else:
            pytest.fail("streamlit did not start within 60 s")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)


@pytest.fixture(scope="module")
def app_url():
    with explorer() as url:
        yield url


@pytest.fixture
def shots(tmp_path) -> Path:
    folder = Path(os.environ.get("ALIGNGRAPH_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def idle(page) -> None:
    """Wait until the app has finished its run (the status widget goes away)."""
    page.wait_for_timeout(300)
    page.locator('[data-testid="stStatusWidget"]').wait_for(state="hidden", timeout=60000)


def pick(page, label: str, option: str) -> None:
    """Choose an option of a Streamlit selectbox by its label, typing to filter."""
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text=label).first
    box.locator("input").first.click()
    box.locator("input").first.fill(option)
    page.get_by_role("option", name=option, exact=True).first.click()
    idle(page)


def graph_frame(page):
    """The Graph tab's picture: the pan-and-zoom component's iframe."""
    return page.frame_locator('iframe[title="aligngraph.ui.panzoom.panzoom"]').first


def settle(page, ms: int = 1000) -> None:
    idle(page)
    page.wait_for_timeout(ms)  # let grids, charts and the picture paint


def open_upload(playwright, app_url: str, path: Path):
    """A browser on the explorer with ``path`` uploaded and explored: (browser, page)."""
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
    page = browser.new_page(viewport={"width": 1600, "height": 1000})
    page.goto(app_url)
    page.locator('[data-testid="stMetricValue"]').first.wait_for(timeout=60000)
    pick(page, "Organisation", "Uploaded files")
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(path))
    idle(page)
    page.get_by_text("uploaded files ·").first.wait_for(timeout=60000)
    return browser, page


def test_every_tab_of_the_explorer_in_chromium(app_url, shots):
    """The Meridian sample, tab by tab, with a screenshot of each (docs/img/explorer-*)."""
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1600, "height": 1000})
        page.goto(app_url)
        page.get_by_text("Stacked / detached").first.wait_for(timeout=60000)
        page.locator('[data-testid="stMetricValue"]').first.wait_for(timeout=60000)
        page.locator('[data-testid="stDataFrame"]:visible').nth(1).wait_for(timeout=60000)
        settle(page, 1500)
        assert page.get_by_text("Alignment slack").first.is_visible()
        page.screenshot(path=str(shots / "explorer-overview.png"), full_page=False)

        page.get_by_role("tab", name="Graph").click()
        graph = graph_frame(page)
        graph.locator("#team-technology").first.wait_for(timeout=60000)
        assert page.get_by_text("Teams view, the top 2 levels of the org").first.is_visible()
        settle(page)
        page.screenshot(path=str(shots / "explorer-graph.png"), full_page=False)

        graph.locator("#team-technology").first.click()  # a click focuses on the team
        graph.locator("#goal-TEC1").first.wait_for(timeout=60000)
        page.get_by_role("button", name="↓ Product Engineering").click()
        graph.locator("#goal-PRE1").first.wait_for(timeout=60000)
        page.mouse.move(0, 0)  # no tooltip over the screenshot
        settle(page, 500)
        page.screenshot(path=str(shots / "explorer-focus.png"), full_page=False)
        page.get_by_role("button", name="Back to overview").click()
        graph.locator("#team-technology").first.wait_for(timeout=60000)

        page.get_by_role("tab", name="Findings").click()
        table = page.locator('[data-testid="stDataFrame"]:visible').first
        table.wait_for(timeout=60000)
        settle(page)
        page.screenshot(path=str(shots / "explorer-findings.png"), full_page=False)

        page.get_by_role("tab", name="People").click()
        chart = page.locator('[data-testid="stVegaLiteChart"]:visible').first
        chart.wait_for(timeout=60000)
        settle(page, 1500)
        page.screenshot(path=str(shots / "explorer-people.png"), full_page=False)
        box = chart.bounding_box()  # the top bar: Priya Raman, 5 objectives of 6 drawn
        page.mouse.click(box["x"] + box["width"] * 0.5, box["y"] + 153)
        idle(page)
        page.get_by_role("tab", name="Graph", selected=True).wait_for(timeout=60000)
        graph.get_by_text("focus on Priya Raman").first.wait_for(timeout=60000)
        page.get_by_role("button", name="Back to overview").click()
        idle(page)

        page.get_by_role("tab", name="Exports").click()
        page.get_by_role("button", name="Picture (SVG)").wait_for(timeout=60000)
        settle(page, 500)
        page.screenshot(path=str(shots / "explorer-exports.png"), full_page=False)
        browser.close()


def test_a_click_on_the_picture_of_a_gitlab_sized_organisation_focuses_on_it(app_url,
                                                                            tmp_path):
    """60 generated teams, 145 objectives, 437 key results: the Graph tab opens on the
    teams; a click on a team shows its focus view, and Back returns."""
    import json

    from aligngraph.generate import generate

    org = tmp_path / "org.json"
    org.write_text(json.dumps(generate(60, seed=0)))
    with sync_api.sync_playwright() as playwright:
        browser, page = open_upload(playwright, app_url, org)
        page.get_by_role("tab", name="Graph").click()
        graph = graph_frame(page)
        team = graph.locator("g.node.team#team-t1").first
        team.wait_for(timeout=60000)
        assert page.get_by_text("Teams view").first.is_visible()
        team.click()
        graph.locator("#cluster-team_t1").first.wait_for(timeout=60000)  # t1's goals, boxed
        assert graph.locator("g.graph.view-focus").count() == 1
        picker = page.locator('[data-testid="stSelectbox"]').filter(has_text="Focus on").first
        assert picker.locator("input").first.input_value().startswith("Team · t1 · ")
        page.get_by_role("button", name="← Back").click()
        graph.locator("g.node.team#team-t1").first.wait_for(timeout=60000)
        browser.close()


def test_an_xlsx_upload_is_explored_in_chromium(app_url, shots, tmp_path):
    from aligngraph.cli import main

    book = tmp_path / "nimbus.xlsx"
    assert main(["convert", str(ROOT / "samples" / "nimbus.yaml"), "-o", str(book)]) == 0
    with sync_api.sync_playwright() as playwright:
        browser, page = open_upload(playwright, app_url, book)
        teams = page.locator('[data-testid="stMetric"]').filter(has_text="Teams").first
        teams.wait_for(timeout=60000)
        assert "8" in teams.inner_text()
        page.wait_for_timeout(1000)
        page.screenshot(path=str(shots / "explorer-xlsx-upload.png"), full_page=False)
        browser.close()
