"""Time the dashboard's page load on the bundled example in headless Chromium.

    python bench/app_load.py [--runs 5]

Starts `streamlit run app.py` on a free port, then loads the page in fresh browser sessions and
times from navigation until the first screen an editor reads is drawn: the article with its
claims highlighted and the selected claim's evidence. The first load is cold (nothing parsed or
verified yet); later loads are warm (the verified report is in the server's cache, keyed by
content). The plots live in a tab of their own, drawn only when opened: each warm session also
times opening that tab until the forest plot is on screen. Prints one line per load and a summary.

The baseline, measured in the same run: a Streamlit page with nothing but the two elements waited
for (`BASELINE`), served with the project's settings and loaded the same way in new sessions, in
turn with the dashboard's warm loads. It
is the least any Streamlit page costs on this machine (the browser fetching and running
Streamlit's scripts, the session's first run); the ratios say what the dashboard adds to it.

The servers run with their bytecode and compiled patterns cached, as an installed package has them
after its first use (a shell with PYTHONDONTWRITEBYTECODE set would otherwise recompile every
module and pattern in every process); one untimed ``trialproof verify`` of the example fills those
caches first, so "cold" is a new server's first load, not the first run ever.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright

PROJECT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]  # fmt: skip
READY = [".tp-article .tp-claim", "[data-evidence-claim]"]
SERVER_ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
EXAMPLE = PROJECT / "data" / "examples" / "sarcoma_thigh_treatment_options.txt"
BASELINE = """import streamlit as st

st.html('<div class="tp-article"><span class="tp-claim">4.6</span></div><div data-evidence-claim="1">evidence</div>')
"""


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


@contextlib.contextmanager
def served(script: str, folder: Path) -> Iterator[str]:
    """``streamlit run script`` in ``folder`` (with its .streamlit settings) on a free port: its address."""
    url = f"http://127.0.0.1:{free_port()}"
    command = [sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true",
               "--server.port", url.rsplit(":", 1)[1], "--server.address", "127.0.0.1",
               "--browser.gatherUsageStats", "false"]  # fmt: skip
    server = subprocess.Popen(command, cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=SERVER_ENV)
    try:
        print(f"{script} in {folder}: server start until healthy: {wait_healthy(url, server):.2f} s")
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def new_session(browser: Browser, url: str, tab: bool) -> tuple[float, float | None]:
    """The load time of a new browser session (no browser cache), and with ``tab`` the time of then
    opening the Trial results tab until the forest plot is drawn."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    elapsed, marks = timed_load(page, url)
    print(f"  {url}: new session {elapsed:.2f} s ({marks})")
    plot = timed_tab(page, "Trial results", ".js-plotly-plot") if tab else None
    if plot is not None:
        print(f"    then the Trial results tab until the forest plot: {plot:.2f} s")
    context.close()
    return elapsed, plot


def reloads(browser: Browser, url: str, runs: int) -> list[float]:
    """Load times in one reviewer's browser, its cache of Streamlit's and plotly's scripts warm."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    timed_load(page, url)
    times = []
    for run in range(1, runs + 1):
        elapsed, marks = timed_load(page, url)
        times.append(elapsed)
        print(f"  reload {run} with the browser cache: {elapsed:.2f} s ({marks})")
    context.close()
    return times


@contextlib.contextmanager
def baseline_served() -> Iterator[str]:
    """The one-element page (`BASELINE`) served with the project's settings."""
    with tempfile.TemporaryDirectory() as folder:
        shutil.copytree(PROJECT / ".streamlit", Path(folder) / ".streamlit")
        (Path(folder) / "baseline.py").write_text(BASELINE, encoding="utf-8")
        with served("baseline.py", Path(folder)) as url:
            yield url


def summary(name: str, times: list[float], baseline: float, target: str) -> str:
    return (
        f"{name}: median {statistics.median(times):.2f} s, min {min(times):.2f} s, max {max(times):.2f} s "
        f"over {len(times)} loads, {statistics.median(times) / baseline:.2f}× the baseline ({target})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="warm loads after the cold one (default 5)")
    args = parser.parse_args()
    prime = [sys.executable, "-m", "extractors", "verify", str(EXAMPLE)]
    subprocess.run(
        prime, cwd=PROJECT, env=SERVER_ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False
    )
    with sync_playwright() as playwright, baseline_served() as baseline_url:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        new_session(browser, baseline_url, tab=False)  # untimed: the baseline's own first run
        with served("app.py", PROJECT) as url:
            cold, _ = new_session(browser, url, tab=False)
            # Then new sessions of the two pages in turn, so a change in the machine's load
            # reaches both alike; the server's cache holds the example's report from the cold load.
            base, fresh, plots = [], [], []
            for _ in range(args.runs):
                base.append(new_session(browser, baseline_url, tab=False)[0])
                elapsed, plot = new_session(browser, url, tab=True)
                fresh.append(elapsed)
                plots.append(plot or 0.0)
            cached = reloads(browser, url, args.runs)
        browser.close()
    baseline = statistics.median(base)
    print(f"baseline, a one-element Streamlit page in a new session: median {baseline:.2f} s over {len(base)} loads")
    print(f"cold (first load after start): {cold:.2f} s, {cold / baseline:.2f}× the baseline (target: under 4 s)")
    print(summary("warm, new browser session", fresh, baseline, "target: under 2 s"))
    print(summary("warm, reload with browser cache", cached, baseline, "target: under 2 s"))
    print(summary("opening the Trial results tab (forest plot drawn)", plots, baseline, "target: under 2 s"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
