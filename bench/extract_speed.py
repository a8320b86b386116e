"""Extraction speed over the corpus, in-process: labels per second per core and MB/s of label text.

One pass reads every label of the corpus (ingest) and extracts from it (tables, prose, checks);
the bench prints the median of several passes on one core, the time by step, and side by side in
the same run a plain regular-expression pass that only finds the numbers in the same texts (the
baseline) and, when installed, quantulum3 (the closest public library that pulls numbers with
spans out of text; not a dependency of trialproof: ``pip install quantulum3`` to compare). Run:

    python bench/extract_speed.py [CORPUS_DIR] [--runs 5] [--quantulum-budget 60] [--profile 25]

Target (issue 13): at least 100 labels per second per core.
"""

from __future__ import annotations

import argparse
import cProfile
import importlib
import pstats
import statistics
import sys
import time
import warnings
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from types import FunctionType, TracebackType
from typing import Any

from benchkit import CORPUS, megabytes, number_pass, ratio, timed

from extractors import InputError, Source, extract, load_source

# What each function the pipeline calls is, by a word of its name (names move with the layout).
_STEP_WORDS = (
    ("table", "tables"),
    ("prose", "prose"),
    ("statement", "prose"),
    ("check", "checks"),
    ("dose", "doses"),
    ("population", "populations"),
)


class StepClock:
    """Wall time spent in each function the extraction pipeline calls, found by wrapping the names
    the pipeline module imported for as long as the clock is on. A profiler would skew the shares
    (it charges per call, and the steps differ in how many small calls they make)."""

    def __init__(self) -> None:
        self.module = importlib.import_module(extract.__module__)
        self.seconds: dict[str, float] = defaultdict(float)
        self._saved: dict[str, Any] = {}

    def _wrap(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def clocked(*args: Any, **kwargs: Any) -> Any:
            started = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds[name] += time.process_time() - started

        return clocked

    def __enter__(self) -> StepClock:
        for name, value in vars(self.module).items():
            if isinstance(value, FunctionType) and value.__module__ not in (self.module.__name__, "typing"):
                self._saved[name] = value
                setattr(self.module, name, self._wrap(name, value))
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        for name, value in self._saved.items():
            setattr(self.module, name, value)


def step_of(function_name: str) -> str:
    return next((step for word, step in _STEP_WORDS if word in function_name), function_name)


def loadable_labels(corpus: Path) -> list[Path]:
    """The corpus files that read as labels (reviews and registry records are refused)."""
    labels = []
    for path in sorted(corpus.iterdir()):
        try:
            load_source(str(path))
        except InputError:
            continue
        labels.append(path)
    return labels


def one_pass(paths: list[Path]) -> dict[str, float]:
    """Read and extract every label once; seconds by step, per label and in all."""
    seconds: dict[str, float] = defaultdict(float)
    wall_started = time.perf_counter()
    with StepClock() as clock:
        started = time.process_time()
        for path in paths:
            label_started = time.process_time()
            source = load_source(str(path))
            seconds["ingest load_source"] += time.process_time() - label_started
            extract([source])
            seconds[f"label {path.name}"] = time.process_time() - label_started
        seconds["total"] = time.process_time() - started
    seconds["wall"] = time.perf_counter() - wall_started
    for name, spent in clock.seconds.items():
        seconds[f"{step_of(name)} {name}"] += spent
    return seconds


def quantulum_pass(sources: list[Source], budget: float) -> tuple[int, float, int] | None:
    """quantulum3 over the labels in order until ``budget`` CPU seconds are spent: labels read, seconds,
    quantities found. None when quantulum3 is not installed."""
    warnings.filterwarnings("ignore", module="quantulum3")  # "classifier dependencies not installed"
    try:
        from quantulum3 import parser  # type: ignore[import-not-found, import-untyped, unused-ignore]
    except ImportError:
        return None
    parser.parse("warm up: 3 mg")  # its first call loads the unit tables
    done, spent, found = 0, 0.0, 0
    for source in sources:
        if spent >= budget:
            break
        started = time.process_time()
        found += len(parser.parse(source.text))
        spent += time.process_time() - started
        done += 1
    return done, spent, found


def print_profile(paths: list[Path], top: int) -> None:
    profile = cProfile.Profile()
    profile.enable()
    for path in paths:
        extract([load_source(str(path))])
    profile.disable()
    stats = pstats.Stats(profile, stream=sys.stdout)
    print(f"\ncProfile of one pass, top {top} by cumulative time (profiler overhead included):")
    stats.sort_stats("cumulative").print_stats(top)
    print(f"top {top} by own time:")
    stats.sort_stats("tottime").print_stats(top)


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    arguments.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    arguments.add_argument("--runs", type=int, default=5)
    arguments.add_argument("--quantulum-budget", type=float, default=60.0, help="seconds; 0 skips quantulum3")
    arguments.add_argument("--profile", type=int, default=0, metavar="N", help="print the top N functions")
    options = arguments.parse_args()

    paths = loadable_labels(options.corpus)
    sources = [load_source(str(path)) for path in paths]
    texts = [source.text for source in sources]
    size = megabytes(texts)
    cold = one_pass(paths)["wall"]
    passes = [one_pass(paths) for _ in range(options.runs)]
    ours = statistics.median(p["total"] for p in passes)
    baseline = timed(lambda: number_pass(texts), options.runs)

    wall = statistics.median(p["wall"] for p in passes)
    print(
        f"{len(paths)} labels, {size:.2f} MB of label text, {options.runs} passes on one core (first pass {cold:.2f} s)"
    )
    print("CPU seconds of this process (medians):")
    print(
        f"trialproof      {ours:7.3f} s  {len(paths) / ours:7.1f} labels/s/core  {size / ours:6.2f} MB/s  "
        f"(wall {wall:.3f} s)"
    )
    print(
        f"regex numbers   {baseline.median:7.3f} s  {len(paths) / baseline.median:7.1f} labels/s/core  "
        f"{size / baseline.median:6.2f} MB/s  ({baseline.result} numbers; trialproof takes "
        f"{ratio(ours, baseline.median)} its time)"
    )
    print_quantulum(sources, passes, options.quantulum_budget)
    print("\nby step (median seconds of a pass, share of the pass):")
    steps = sorted({key for p in passes for key in p if key not in ("total", "wall") and not key.startswith("label ")})
    for key in steps:
        spent = statistics.median(p.get(key, 0.0) for p in passes)
        step, _, function = key.partition(" ")
        print(f"  {step:11} {function:24} {spent:7.3f} s  {spent / ours:4.0%}")
    slowest = sorted(
        ((statistics.median(p[f"label {path.name}"] for p in passes), path.name) for path in paths), reverse=True
    )
    print("slowest labels:", ", ".join(f"{name[:32]} {seconds * 1000:.0f} ms" for seconds, name in slowest[:5]))
    if options.profile:
        print_profile(paths, options.profile)


def print_quantulum(sources: list[Source], passes: list[dict[str, float]], budget: float) -> None:
    if budget <= 0:
        print("quantulum3      skipped (--quantulum-budget 0)")
        return
    found = quantulum_pass(sources, budget)
    if found is None:
        print("quantulum3      not installed (pip install quantulum3 to compare)")
        return
    done, spent, quantities = found
    read = sources[:done]
    ours = sum(statistics.median(p[f"label {Path(s.path).name}"] for p in passes) for s in read)
    size = megabytes([s.text for s in read])
    print(
        f"quantulum3      {spent:7.3f} s  {done / spent:7.1f} labels/s/core  {size / spent:6.3f} MB/s  "
        f"(one pass over the first {done} labels, {size * 1000:.0f} KB, within a {budget:.0f} s budget; "
        f"{quantities} quantities; it takes {ratio(spent, ours)} trialproof's time on them)"
    )


if __name__ == "__main__":
    main()
