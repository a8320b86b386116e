"""The dashboard for real: `streamlit run app.py` driven by Debian's headless Chromium via Playwright.

Screenshots go to tests/screenshots/ (git-ignored) for a person to look at. Skipped only when
/usr/bin/chromium is missing and the CI environment variable is unset; in CI it must run.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import PROJECT

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = PROJECT / "tests" / "screenshots"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists() and not os.environ.get("CI"),
        reason="/usr/bin/chromium is missing (scripts/test installs Debian's chromium; in CI this test must run)",
    ),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_until_healthy(url: str, server: subprocess.Popen[bytes], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"streamlit exited with code {server.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"streamlit did not answer at {url} within {seconds} s")


@pytest.fixture(scope="module")
def server_url() -> Iterator[str]:
    port = free_port()
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
               "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"]  # fmt: skip
    server = subprocess.Popen(command, cwd=PROJECT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}"
        wait_until_healthy(url, server)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def test_page_shows_claims_span_and_forest_plot(server_url: str) -> None:
    from playwright.sync_api import sync_playwright

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            errors: list[str] = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(server_url)
            page.wait_for_selector(".tp-article .tp-claim", timeout=60_000)
            page.wait_for_selector(".js-plotly-plot", timeout=60_000)
            page.wait_for_timeout(1000)
            page.screenshot(path=str(SCREENSHOTS / "01-opened.png"))

            # Every verdict is labelled in words as well as colour.
            badges = page.locator(".tp-article .tp-badge").all_inner_texts()
            assert badges and all(any(v in b for v in ("supported", "contradicted", "overgeneralized", "unverifiable"))
                                  for b in badges)  # fmt: skip

            # Select a numeric claim: the label text appears with its source span marked.
            page.locator('[data-testid="stSelectbox"]').first.click()
            option = page.get_by_role("option").filter(has_text="median PFS").first
            option.click()
            page.wait_for_timeout(1500)
            mark = page.locator(".tp-source mark").first
            mark.wait_for(timeout=30_000)
            assert mark.inner_text().strip(), "the marked span holds the source characters"
            assert page.locator(".tp-article .tp-selected").count() >= 1
            page.screenshot(path=str(SCREENSHOTS / "02-claim-selected.png"))

            forest = page.locator(".js-plotly-plot").first
            forest.scroll_into_view_if_needed()
            page.wait_for_timeout(500)
            assert "Hazard ratios" in forest.inner_text()
            page.screenshot(path=str(SCREENSHOTS / "03-forest-plot.png"))
            forest.screenshot(path=str(SCREENSHOTS / "04-forest-plot-only.png"))
            assert not errors, errors
        finally:
            browser.close()


def test_injected_markup_in_a_pasted_article_runs_nothing(server_url: str) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            dialogs: list[str] = []
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            page.goto(server_url)
            page.wait_for_selector(".tp-article", timeout=60_000)
            page.get_by_text("Your own article").click()
            area = page.get_by_label("…or paste the article text")
            area.wait_for(timeout=30_000)
            area.fill("Median PFS was 4.6 months <script>alert(1)</script> <img src=x onerror=alert(2)>")
            area.press("Control+Enter")
            page.wait_for_function(
                "() => [...document.querySelectorAll('.tp-article')].some(e => e.textContent.includes('<script>'))",
                timeout=30_000,
            )
            page.wait_for_timeout(1000)
            page.screenshot(path=str(SCREENSHOTS / "05-injection-as-text.png"))
            assert page.locator(".tp-article img").count() == 0
            assert page.locator(".tp-article script").count() == 0
            assert not dialogs, dialogs
        finally:
            browser.close()
