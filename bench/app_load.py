"""Time the dashboard's page load on the bundled example in headless Chromium.

    python bench/app_load.py [--runs 5]

Starts `streamlit run app.py` on a free port, then loads the page in fresh browser sessions and
times from navigation until the first screen an editor reads is drawn: the article with its
claims highlighted and the selected claim's evidence. The first load is cold (nothing parsed or
verified yet); later loads are warm (the verified report is in the server's cache, keyed by
content). The plots live in a tab of their own, drawn only when opened: each warm session also
times opening that tab until the forest plot is on screen. Prints one line per load and a summary.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

PROJECT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]  # fmt: skip
READY = [".tp-article .tp-claim", "[data-evidence-claim]"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_healthy(url: str, server: subprocess.Popen[bytes], seconds: float = 60) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        if server.poll() is not None:
            raise SystemExit(f"streamlit exited with code {server.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                return time.perf_counter() - start
        except OSError:
            time.sleep(0.05)
    raise SystemExit(f"streamlit did not answer within {seconds} s")


def timed_load(page: Page, url: str) -> tuple[float, str]:
    """Seconds from navigation until every READY selector is on the page, and when each appeared."""
    start = time.perf_counter()
    page.goto(url)
    marks = []
    for selector in READY:
        page.wait_for_selector(selector, timeout=120_000)
        marks.append(f"{selector} at {time.perf_counter() - start:.2f} s")
    return time.perf_counter() - start, ", ".join(marks)


def timed_tab(page: Page, name: str, selector: str) -> float:
    """Seconds from clicking a tab until ``selector`` is on the page."""
    start = time.perf_counter()
    page.get_by_role("tab", name=name).click()
    page.wait_for_selector(selector, timeout=120_000)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="warm loads after the cold one (default 5)")
    args = parser.parse_args()

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
               "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"]  # fmt: skip
    server = subprocess.Popen(command, cwd=PROJECT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        startup = wait_healthy(url, server)
        print(f"server start until healthy: {startup:.2f} s")
        cold, fresh, reloads, plots = 0.0, [], [], []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            # Fresh sessions: a new browser context each time (no browser cache), server cache warm after the first.
            for run in range(args.runs + 1):
                context = browser.new_context(viewport={"width": 1280, "height": 800})
                page = context.new_page()
                elapsed, marks = timed_load(page, url)
                if run == 0:
                    cold = elapsed
                else:
                    fresh.append(elapsed)
                print(f"{'cold' if run == 0 else 'warm, new session'} load {run}: {elapsed:.2f} s ({marks})")
                if run > 0:
                    plots.append(timed_tab(page, "Trial results", ".js-plotly-plot"))
                    print(f"  then the Trial results tab until the forest plot: {plots[-1]:.2f} s")
                context.close()
            # Reloads: one reviewer's browser, its cache of streamlit's and plotly's scripts warm.
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            page = context.new_page()
            timed_load(page, url)
            for run in range(1, args.runs + 1):
                elapsed, marks = timed_load(page, url)
                reloads.append(elapsed)
                print(f"warm, browser cache: load {run}: {elapsed:.2f} s ({marks})")
            context.close()
            browser.close()
        print(f"cold (first load after start): {cold:.2f} s")
        for name, times in (
            ("warm, new browser session", fresh),
            ("warm, reload with browser cache", reloads),
            ("opening the Trial results tab (forest plot drawn)", plots),
        ):
            if times:
                print(
                    f"{name}: median {statistics.median(times):.2f} s, min {min(times):.2f} s, "
                    f"max {max(times):.2f} s over {len(times)} loads (target: under 2 s)"
                )
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
