"""The dashboard for real: `streamlit run app.py` driven by Debian's headless Chromium via Playwright.

Every interaction an editor relies on is tried at the three window sizes the dashboard is checked
at (1280×800, 1920×1080, 800×1000), on the bundled example and on TAGRISSO's label (five trials)
with a real review. Screenshots go to tests/screenshots/ (git-ignored) for a person to look at.
Skipped only when /usr/bin/chromium is missing and the CI environment variable is unset; in CI it
must run.
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
from typing import Any

import pytest

from tests.conftest import PROJECT, shared_file

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = PROJECT / "tests" / "screenshots"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]  # fmt: skip
SIZES = [(1280, 800), (1920, 1080), (800, 1000)]
SIZE_IDS = [f"{w}x{h}" for w, h in SIZES]
TRIALS = ["ADAURA", "LAURA", "FLAURA", "FLAURA2", "AURA3"]

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
    """The README's command (the project's config makes it headless), on a free port."""
    port = free_port()
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
               "--server.address", "127.0.0.1"]  # fmt: skip
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


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


class Page:
    """One browser tab on the dashboard, with the waits and looks the tests share."""

    def __init__(self, chromium: Any, url: str, size: tuple[int, int]) -> None:
        self.page = chromium.new_page(viewport={"width": size[0], "height": size[1]})
        self.size = f"{size[0]}x{size[1]}"
        self.errors: list[str] = []
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.goto(url)
        self.page.wait_for_selector(".tp-article .tp-claim", timeout=120_000)
        self.settle()

    def settle(self, extra_ms: int = 600) -> None:
        """Wait for the script run to finish (Streamlit's running indicator gone), then for drawing."""
        self.page.wait_for_timeout(250)
        self.page.wait_for_function(
            '() => !document.querySelector(\'[data-testid="stStatusWidget"] [data-testid="stStatusWidgetRunningIcon"]\')'
            " && !document.querySelector('[data-testid=\"stSpinner\"]')",
            timeout=120_000,
        )
        self.page.wait_for_timeout(extra_ms)

    def shot(self, name: str, locator: Any = None) -> None:
        (locator or self.page).screenshot(path=str(SCREENSHOTS / f"{self.size}-{name}.png"))

    def tab(self, name: str) -> None:
        self.page.get_by_role("tab", name=name).click()
        self.settle()

    def selected_option(self) -> str:
        """The claim the list shows as selected."""
        value: str = self.page.locator('[data-testid="stSelectbox"] input[role="combobox"]').first.input_value()
        return value

    def in_view(self, selector: str) -> bool:
        """The element is on screen: inside the window and inside every scrolling box around it."""
        return bool(
            self.page.evaluate(
                """(selector) => {
                  const element = document.querySelector(selector);
                  if (!element) return false;
                  const spot = element.getBoundingClientRect();
                  if (spot.top < 0 || spot.bottom > window.innerHeight) return false;
                  for (let box = element.parentElement; box; box = box.parentElement) {
                    const style = getComputedStyle(box);
                    const view = box.getBoundingClientRect();
                    if (/auto|scroll/.test(style.overflowX) && (spot.left < view.left - 1 || spot.right > view.right + 1)) return false;
                    if (!/auto|scroll/.test(style.overflowY)) continue;
                    if (spot.top < view.top - 1 || spot.bottom > view.bottom + 1) return false;
                  }
                  return true;
                }""",
                selector,
            )
        )

    def upload(self, index: int, path: Path) -> None:
        self.page.locator('[data-testid="stFileUploaderDropzoneInput"]').nth(index).set_input_files(str(path))
        self.settle(1000)

    def close(self) -> None:
        self.page.close()
        assert not self.errors, self.errors


def plots(page: Page, stem: str) -> list[str]:
    """Screenshot each plot; their titles."""
    titles = []
    for index, plot in enumerate(page.page.locator(".js-plotly-plot").all()):
        plot.scroll_into_view_if_needed()
        page.page.wait_for_timeout(300)
        page.shot(f"{stem}-plot{index}", plot)
        titles.append(plot.locator(".gtitle").evaluate("e => e.textContent"))
    return titles


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_bundled_example_click_a_number_then_its_trials_plots(
    chromium: Any, server_url: str, size: tuple[int, int]
) -> None:
    page = Page(chromium, server_url, size)
    page.shot("seed-01-opened")
    badges = page.page.locator(".tp-article .tp-badge").all_inner_texts()
    assert badges and all(any(v in b for v in ("supported", "contradicted", "overgeneralized", "unverifiable"))
                          for b in badges)  # fmt: skip

    # Click the highlighted 1.6 (claim 4): its claim is selected and its evidence comes into view.
    page.page.locator('.tp-article .tp-claim[data-claim="4"]').first.click()
    page.settle(900)
    assert page.selected_option().startswith("4. ")
    assert page.page.locator('[data-evidence-claim="4"]').count() == 1
    assert page.page.locator('.tp-article .tp-selected[data-claim="4"]').count() == 1
    assert page.in_view('[data-evidence-claim="4"] .tp-evidence mark'), "the label's number is on screen"
    assert page.in_view('.tp-article .tp-selected[data-claim="4"]'), "the clicked number stays on screen"
    assert page.page.locator(".tp-evidence td.tp-cited mark").inner_text() == "1.6"
    page.shot("seed-02-clicked-claim-4")

    page.tab("Trial results")
    page.page.wait_for_selector(".js-plotly-plot", timeout=60_000)
    page.settle(1200)
    page.shot("seed-03-trial-results")
    titles = plots(page, "seed-03")
    assert titles[0] == "VEG110727: hazard ratios" and any("median" in t for t in titles)
    forest = page.page.locator(".js-plotly-plot").first
    notes = forest.evaluate("e => e.textContent")
    assert "favours Pazopanib" in notes and "favours Placebo" in notes
    page.close()


def test_a_new_article_opens_at_its_top_with_its_first_claim(chromium: Any, server_url: str) -> None:
    page = Page(chromium, server_url, (1280, 800))
    page.page.locator('.tp-article .tp-claim[data-claim="5"]').first.click()
    page.settle()
    page.page.evaluate("() => { const b = document.querySelector('.tp-article-box'); b.scrollTop = b.scrollHeight; }")
    page.page.get_by_text("Alveolar soft part sarcoma of the thigh").click()
    page.page.wait_for_function(
        "() => document.querySelector('.tp-article-box')?.textContent.toLowerCase().includes('alveolar')",
        timeout=60_000,
    )
    page.settle()
    assert page.page.evaluate("() => document.querySelector('.tp-article-box').scrollTop") == 0
    assert page.selected_option().startswith("1. ")
    assert page.page.locator('[data-evidence-claim="1"]').count() == 1
    page.shot("new-article-at-top")
    page.close()


def open_tagrisso(chromium: Any, url: str, size: tuple[int, int]) -> Page:
    page = Page(chromium, url, size)
    page.page.get_by_text("Your own article").click()
    page.settle()
    page.upload(0, next(shared_file("corpus/raw").glob("article_PMC13070087_*.xml")))
    page.page.wait_for_function("() => document.querySelector('.tp-article-box')?.textContent.includes('EGFR')")
    page.upload(1, shared_file("corpus/raw/tagrisso_openfda_label.json"))
    page.page.wait_for_function(
        "() => [...document.querySelectorAll('.tp-summary')].some(e => !e.textContent.includes(' 0 ✓ supported'))",
        timeout=120_000,
    )
    page.settle(1200)
    return page


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_five_trial_label_with_a_real_review(chromium: Any, server_url: str, size: tuple[int, int]) -> None:
    page = open_tagrisso(chromium, server_url, size)
    page.shot("tagrisso-01-opened")
    assert page.page.evaluate("() => document.querySelector('.tp-article-box').scrollTop") == 0

    # FLAURA's median PFS 18.9 months, supported by Table 16: first met in the review's own Table 1, a
    # wide table that scrolls sideways to the selected cell while the article keeps the pane's width
    claim = page.page.locator(".tp-article .tp-claim.tp-supported").filter(has_text="18.9").first
    number = claim.get_attribute("data-claim")
    claim.scroll_into_view_if_needed()
    claim.click()
    page.settle(900)
    assert page.selected_option().startswith(f"{number}. ")
    assert page.in_view(f'[data-evidence-claim="{number}"] .tp-evidence mark'), "the label's number is on screen"
    assert page.page.locator(f'[data-evidence-claim="{number}"] .tp-evidence-table td.tp-cited').count() == 1
    assert page.in_view(f'.tp-article .tp-claim[data-claim="{number}"]'), "the clicked number stays on screen"
    page.shot("tagrisso-02-clicked-claim")

    page.tab("Trial results")
    buttons = page.page.locator('[data-testid="stMain"] [data-testid="stButtonGroup"] button')
    assert sorted(buttons.all_inner_texts()) == sorted(TRIALS)
    for trial in TRIALS:
        buttons.get_by_text(trial, exact=True).click()
        page.settle(1200)
        titles = plots(page, f"tagrisso-03-{trial}")
        assert titles and all(t.startswith(f"{trial}: ") for t in titles), titles
        assert f"{trial}: hazard ratios" in titles
    page.tab("Measurements")
    page.page.wait_for_selector('[data-testid="stDataFrame"] canvas', timeout=60_000)
    page.settle(1500)
    page.shot("tagrisso-04-measurements")
    page.tab("Letter to the author")
    page.page.wait_for_selector(".tp-letter h2", timeout=60_000)
    page.shot("tagrisso-05-letter")
    page.close()


def test_a_refused_label_is_marked_on_its_chip_and_in_the_main_pane(
    chromium: Any, server_url: str, tmp_path: Path
) -> None:
    bad = tmp_path / "settings.json"
    bad.write_text('{"theme": "dark"}', encoding="utf-8")
    page = Page(chromium, server_url, (1280, 800))
    page.page.get_by_text("Label files (upload or paste)").click()
    page.settle()
    page.upload(0, bad)
    page.page.wait_for_selector('[data-testid="stMain"] .tp-notice-error', timeout=30_000)
    page.settle()
    assert page.in_view('[data-testid="stMain"] .tp-notice-error'), "the error is where the user is looking"
    assert "settings.json" in page.page.locator('[data-testid="stMain"] .tp-notice-error').first.inner_text()
    chip = page.page.locator('[data-testid="stFileChip"]').first
    assert chip.evaluate("e => getComputedStyle(e).borderTopColor") == "rgb(207, 34, 46)"
    name_after = page.page.locator('[data-testid="stFileChipName"]').first.evaluate(
        "e => getComputedStyle(e, '::after').content"
    )
    assert "not loaded" in name_after
    page.shot("refused-label")
    page.close()


def test_injected_markup_in_a_pasted_article_runs_nothing(chromium: Any, server_url: str) -> None:
    page = Page(chromium, server_url, (1280, 800))
    dialogs: list[str] = []
    page.page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.page.get_by_text("Your own article").click()
    area = page.page.get_by_label("…or paste the article text")
    area.wait_for(timeout=30_000)
    area.fill("Median PFS was 4.6 months <script>alert(1)</script> <img src=x onerror=alert(2)>")
    area.press("Control+Enter")
    page.page.wait_for_function(
        "() => [...document.querySelectorAll('.tp-article')].some(e => e.textContent.includes('<script>'))",
        timeout=30_000,
    )
    page.settle(1000)
    page.shot("injection-as-text")
    assert page.page.locator(".tp-article img").count() == 0
    assert page.page.locator(".tp-article script").count() == 0
    assert not dialogs, dialogs
    page.close()
