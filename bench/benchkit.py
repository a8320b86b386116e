"""What the speed benches share: where the inputs are, medians of timed runs, the baselines.

Each bench prints medians of several runs and the ratio to a baseline measured in the same run,
because this machine runs other work: an absolute time moves with the load, a ratio much less.
In-process times are CPU seconds of this process (`time.process_time`): what one core spends,
which waiting for a busy machine does not inflate; the wall time is printed beside the headline.
The baseline is a plain regular-expression pass that finds every number in the same text
(`number_pass`): the least any extractor must do, and what the issue compares us against.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

PROJECT = Path(__file__).resolve().parent.parent
CORPUS = PROJECT.parent / "shared" / "corpus" / "raw"
REVIEW = "article_PMC13070087_EGFR_NSCLC_review_CurrOncolRep2026_jats.xml"
REVIEW_LABEL = "tagrisso_openfda_label.json"

# The baseline: any run of digits with its decimals or thousands groups, "1,234.5", "0.39".
# Kept here rather than in extractors/text/patterns because it measures the tool, not a part of it.
NUMBER = regex.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True)
class Timing:
    """The median CPU and wall seconds of the runs made, their count, what the last run returned."""

    median: float
    wall: float
    runs: int
    result: Any


def timed(run: Callable[[], Any], runs: int, budget: float = float("inf")) -> Timing:
    """Call ``run`` up to ``runs`` times, stopping early once ``budget`` wall seconds are spent
    (never before the first run), and give the median times."""
    cpu: list[float] = []
    wall: list[float] = []
    result = None
    while len(cpu) < runs and sum(wall) < budget:
        started, started_cpu = time.perf_counter(), time.process_time()
        result = run()
        cpu.append(time.process_time() - started_cpu)
        wall.append(time.perf_counter() - started)
    return Timing(statistics.median(cpu), statistics.median(wall), len(cpu), result)


def number_pass(texts: list[str]) -> int:
    """Every number in ``texts`` with its span, as the baseline pass: the count found."""
    return sum(1 for text in texts for _ in NUMBER.finditer(text))


def megabytes(texts: list[str]) -> float:
    return sum(len(text.encode("utf-8")) for text in texts) / 1_000_000


def in_child(script: str, args: list[str], timeout: float) -> dict[str, Any] | None:
    """Run ``script`` with ``args`` in a fresh process; its last stdout line, read as JSON, or
    None when it takes longer than ``timeout`` seconds. Used for inputs that may take minutes,
    so a slow size is reported as "more than the budget" instead of stalling the bench."""
    try:
        done = subprocess.run([sys.executable, script, *args], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    if done.returncode != 0:
        raise SystemExit(f"{script} {' '.join(args)} failed:\n{done.stderr}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def ratio(numerator: float, denominator: float) -> str:
    return f"{numerator / denominator:,.1f}×" if denominator > 0 else "n/a"
