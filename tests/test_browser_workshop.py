"""The Workshop tab in headless Chromium: one edit in the draft's table, one what-if.

Screenshots go to $ALIGNGRAPH_SCREENSHOTS when set, as for docs/img/.
"""

from test_browser import CHROMIUM, FLAGS, app_url, idle, pick, shots, sync_api  # noqa: F401

NIMBUS = "Nimbus (sample, 8 teams)"
ROW = 35  # px: the data editor's header and rows


def test_an_edit_and_a_what_if_in_chromium(app_url, shots):  # noqa: F811
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1600, "height": 1000})
        page.goto(app_url)
        page.locator('[data-testid="stMetricValue"]').first.wait_for(timeout=60000)
        pick(page, "Organisation", NIMBUS)
        page.get_by_role("tab", name="Workshop").click()
        page.get_by_text("Nothing changed yet.").first.wait_for(timeout=60000)
        # Re-align SPT1 (Support's only objective, the last row above the one that adds
        # rows) to NIM3: select its id cell (the table is tall enough for every row), move
        # right to aligns_to, open the cell's editor, type, and commit.
        grid = page.locator('[data-testid="stDataFrame"]:visible').first
        grid.wait_for(timeout=60000)
        grid.scroll_into_view_if_needed()
        page.wait_for_timeout(1000)
        box = grid.bounding_box()
        page.mouse.click(box["x"] + 60, box["y"] + box["height"] - ROW - ROW // 2 - 2)
        for _ in range(4):
            page.keyboard.press("ArrowRight")
        page.keyboard.press("Enter")
        page.wait_for_timeout(300)
        page.keyboard.type("NIM3", delay=50)
        page.keyboard.press("Enter")
        idle(page)
        page.get_by_text("Resolved findings").first.wait_for(timeout=60000)
        banner = page.get_by_text("Draft: 1 edit").first
        banner.wait_for(timeout=60000)
        assert "findings 0 new, 2 resolved" in banner.inner_text()
        page.mouse.wheel(0, -5000)  # back to the top: the banner, the tabs, undo and save
        page.wait_for_timeout(1500)  # let the tables paint
        page.screenshot(path=str(shots / "explorer-workshop.png"), full_page=False)

        drop = page.locator('[data-testid="stMultiSelect"]').filter(has_text="Drop teams")
        drop.locator("input").first.click()
        drop.locator("input").first.fill("engineering")
        page.get_by_role("option", name="Team · engineering · Engineering").first.click()
        page.keyboard.press("Escape")
        idle(page)
        verdict = page.locator('[data-testid="stMarkdown"]').filter(has_text="What would break")
        verdict.first.wait_for(timeout=60000)
        assert "2 new orphan teams" in verdict.first.inner_text()
        page.get_by_text("What if…").first.scroll_into_view_if_needed()
        page.wait_for_timeout(1500)
        page.screenshot(path=str(shots / "explorer-whatif.png"), full_page=False)
        browser.close()
