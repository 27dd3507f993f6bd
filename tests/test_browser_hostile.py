"""Hostile titles in a real browser: script tags, javascript: links, SVG onload, Markdown
and very long unbroken words are shown as written everywhere the explorer shows text
(tables, the pictures, the pan-and-zoom frame, buttons and their tooltips, the caption),
no script of theirs runs, and the page does not grow wider than the window.

It starts `streamlit run app.py -- hostile.yaml` as test_browser.py does, with the
system Chromium. The screenshot goes to $ALIGNGRAPH_SCREENSHOTS when set.
"""

import os
from pathlib import Path

import pytest

from test_browser import CHROMIUM, FLAGS, explorer, idle, pick, sync_api

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists() and not os.environ.get("CI"),
                                reason="no system Chromium")

LONG_WORD = "Unbroken" * 150
HOSTILE = f"""
cycle: {{name: "<script>window.top.__pwned='cycle'</script>", start: 2026-07-01, end: 2026-09-30}}
teams:
  - {{id: company, name: "<img src=x onerror=\\"window.top.__pwned='team'\\">"}}
  - {{id: eng, parent: company, name: "[click me](javascript:window.top.__pwned='link')"}}
  - {{id: ops, parent: company, name: "**Ops** :red[alarm] $x^2$"}}
objectives:
  - id: C1
    team: company
    title: "<svg onload=\\"window.top.__pwned='svg'\\"><script>alert('svg')</script></svg>"
    key_results:
      - {{id: C1.1, title: "javascript:alert('kr')", target: 10, owner: "<b>ana</b>"}}
  - id: E1
    team: eng
    title: {LONG_WORD}
    aligns_to: C1
    depends_on: ops
  - id: E2
    team: eng
    title: "<a href=\\"javascript:window.top.__pwned='a'\\">click</a> & </text><script>x</script>"
    aligns_to: C1.1
  - {{id: O1, team: ops, title: "'; DROP TABLE okrs; --", aligns_to: C1}}
"""


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile.yaml").write_text(HOSTILE, encoding="utf-8")
    with explorer(folder / "hostile.yaml") as url:
        yield url


def pwned(page) -> list:
    """What any hostile script left behind, in the page or any of its frames."""
    marks = []
    for frame in page.frames:
        try:
            marks.append(frame.evaluate("() => window.__pwned || null"))
        except Exception:  # a frame that went away while we looked
            continue
    return [mark for mark in marks if mark]


def overflow(page) -> int:
    """How many pixels the page is wider than the window (0 when nothing sticks out)."""
    return page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")


def test_hostile_titles_are_shown_as_written_and_run_nothing(hostile_url, tmp_path):
    shots = Path(os.environ.get("ALIGNGRAPH_SCREENSHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    dialogs: list[str] = []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(hostile_url)
        page.locator('[data-testid="stMetricValue"]').first.wait_for(timeout=60000)
        idle(page)
        caption = page.get_by_text("<script>window.top.__pwned='cycle'</script>", exact=False)
        assert caption.first.is_visible()

        page.get_by_role("tab", name="Graph").click()
        graph = page.frame_locator("iframe").first
        graph.locator("svg").first.wait_for(timeout=60000)
        drawn = " ".join(graph.locator("svg").first.text_content().split())
        assert "<svg onload=" in drawn and "javascript:alert('kr')" in drawn, drawn
        assert "Unbroken" in drawn and LONG_WORD not in drawn  # cut with an ellipsis
        page.wait_for_timeout(500)
        page.screenshot(path=str(shots / "hostile-goals.png"), full_page=False)

        pick(page, "View", "focus")
        pick(page, "Focus on", f"Objective · E1 · {LONG_WORD[:60]}")
        graph.locator("#goal-E1").first.wait_for(timeout=60000)
        button = page.get_by_role("button", name="↑ <svg onload=", exact=False).first
        button.wait_for(timeout=60000)
        link_label = page.get_by_role("button", name="↑ [click me](javascript:", exact=False)
        assert link_label.first.is_visible()
        assert page.locator('a[href^="javascript"]').count() == 0
        button.hover()
        page.wait_for_timeout(800)
        page.screenshot(path=str(shots / "hostile-focus.png"), full_page=False)

        page.get_by_role("tab", name="Findings").click()
        page.locator('[data-testid="stDataFrame"]:visible').first.wait_for(timeout=60000)
        page.wait_for_timeout(1000)
        page.screenshot(path=str(shots / "hostile-findings.png"), full_page=False)

        assert dialogs == [] and pwned(page) == []
        assert overflow(page) <= 0
        assert page.locator("img[src='x']").count() == 0
        browser.close()
