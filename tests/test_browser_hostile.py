"""Hostile text in the real dashboard: Markdown in a file name or a label is shown as text, fetches nothing."""

from __future__ import annotations

import pytest

from tests.test_browser import CHROMIUM, CHROMIUM_ARGS, SCREENSHOTS, server_url

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is missing"),
]
__all__ = ["server_url"]  # the fixture, shared with test_browser

BEACON = "127.0.0.1:8999"
NAME = f"![b](http:{BEACON}/beacon.png) [click me](http:{BEACON}/phish).txt"
LABEL = (
    f'<?xml version="1.0"?><document xmlns="![b](http://{BEACON}/beacon.png) [click me](http://{BEACON}/phish)">'
    "<title>x</title></document>"
).encode()


def test_markdown_from_files_stays_text(server_url: str) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            requested: list[str] = []
            page.on("request", lambda request: requested.append(request.url))
            page.goto(server_url)
            page.wait_for_selector(".tp-article", timeout=60_000)
            page.get_by_text("Label files (upload or paste)").click()
            page.wait_for_selector('input[type="file"]', state="attached", timeout=60_000)
            page.locator('input[type="file"]').first.set_input_files(
                [
                    {"name": NAME, "mimeType": "text/plain", "buffer": b""},
                    {"name": "label.xml", "mimeType": "text/xml", "buffer": LABEL},
                ]
            )
            page.wait_for_function("() => document.querySelectorAll('.tp-notice-error').length >= 2", timeout=60_000)
            page.locator(".tp-notice-error").last.scroll_into_view_if_needed()
            page.wait_for_timeout(1000)
            SCREENSHOTS.mkdir(exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / "06-markdown-in-file-names-as-text.png"))
            alerts = " ".join(page.locator(".tp-notice-error").all_inner_texts())
            assert "![b](" in alerts and "[click me](" in alerts, alerts  # shown as typed
            assert page.locator(f'img[src*="{BEACON}"]').count() == 0
            assert page.locator(f'a[href*="{BEACON}"]').count() == 0
            assert not [url for url in requested if BEACON in url], requested
        finally:
            browser.close()
