"""Batch throughput: documents per second in this process, in 2 local processes and on a local Dask cluster.

The documents: every corpus label (extract), the articles in tests/cases/articles and the corpus
reviews (verify, each against the corpus labels it names, as ``verify --labels``). Each way of
running is timed ``--runs`` times (median printed) with warm workers and empty label caches, so
the numbers compare the work, not process start-up; the ratio is to the in-process run of the
same invocation. The load average is printed before and after: other work on the machine takes
cores from the parallel runs first. Run: python bench/batch_throughput.py [--runs 3] [--no-dask]
"""

from __future__ import annotations

import argparse
import concurrent.futures as cf
import multiprocessing
import os
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from extractors import InProcess, InputError, Job, expand_inputs, label_folder, load_source, run_jobs
from extractors.batch import runner
from extractors.batch.inputs import ARTICLE_SUFFIXES

PROJECT = Path(__file__).resolve().parents[1]
RAW = PROJECT.parent / "shared" / "corpus" / "raw"
WARM = PROJECT / "data" / "examples" / "alveolar_sarcoma_thigh.txt"


def documents() -> tuple[list[Job], dict[str, int]]:
    paths = expand_inputs([str(RAW)]).paths
    labels = []
    for path in paths:
        try:
            load_source(path)
            labels.append(path)
        except InputError:
            pass
    folder, _ = label_folder(labels)
    reviews = [p for p in paths if Path(p).name.startswith("article_")]
    articles = expand_inputs([str(PROJECT / "tests" / "cases" / "articles")], suffixes=ARTICLE_SUFFIXES).paths
    jobs = [Job("extract", p) for p in labels] + [Job("verify", p, folder=folder) for p in (*articles, *reviews)]
    return jobs, {"labels": len(labels), "articles": len(articles), "reviews": len(reviews)}


def clear_cache() -> int:
    runner._LABELS.clear()
    return 0


def timed(jobs: list[Job], executor: cf.Executor, window: int) -> tuple[float, float]:
    """Wall-clock seconds, and the CPU seconds of this process (all the work when in-process)."""
    started, cpu = time.perf_counter(), time.process_time()
    done = sum(1 for outcome in run_jobs(jobs, executor, window=window) if outcome.code in (0, 1))
    elapsed = time.perf_counter() - started
    assert done == len(jobs), f"{len(jobs) - done} documents failed"
    return elapsed, time.process_time() - cpu


@contextmanager
def in_process() -> Iterator[tuple[cf.Executor, int, Callable[[], None]]]:
    yield InProcess(), 1, clear_cache


@contextmanager
def processes(n: int) -> Iterator[tuple[cf.Executor, int, Callable[[], None]]]:
    context = multiprocessing.get_context("forkserver")
    pool = cf.ProcessPoolExecutor(max_workers=n, mp_context=context, initializer=runner.worker_start)

    def reset() -> None:
        list(pool.map(runner.check_document, [Job("verify", str(WARM))] * 4 * n))  # every worker started and warm
        list(pool.map(_clear, range(4 * n)))

    try:
        yield pool, n, reset
    finally:
        pool.shutdown()


def _clear(_: int) -> int:
    return clear_cache()


@contextmanager
def dask_cluster(n: int) -> Iterator[tuple[cf.Executor, int, Callable[[], None]]]:
    from distributed import Client, LocalCluster

    with (
        LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        executor = client.get_executor(pure=False)

        def reset() -> None:
            client.run(clear_cache)
            list(executor.map(runner.check_document, [Job("verify", str(WARM))] * 2 * n))
            client.run(clear_cache)

        yield executor, n, reset


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-dask", action="store_true")
    args = parser.parse_args()
    if not RAW.is_dir():
        raise SystemExit(f"{RAW} is absent: the bench needs the shared corpus")
    jobs, counts = documents()
    print(f"{len(jobs)} documents: {counts['labels']} labels (extract), {counts['articles']} articles and "
          f"{counts['reviews']} reviews (verify --labels); {args.runs} runs each, median; "
          f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")  # fmt: skip
    ways: list[tuple[str, Callable[[], object]]] = [
        ("1 process (in-process, --jobs 1)", in_process),
        ("2 processes (--jobs 2)", lambda: processes(2)),
    ]
    if not args.no_dask:
        ways.append(("local Dask cluster, 2 worker processes", lambda: dask_cluster(2)))
    baseline = None
    for name, make in ways:
        with make() as (executor, workers, reset):  # type: ignore[attr-defined]
            times, cpus = [], []
            for _ in range(args.runs):
                reset()
                wall, cpu = timed(jobs, executor, 2 * workers)
                times.append(wall)
                cpus.append(cpu)
        median = statistics.median(times)
        rate = len(jobs) / median
        baseline = baseline or rate
        spread = ", ".join(f"{t:.2f}" for t in times)
        print(
            f"{name:42s} {rate:6.2f} documents/s  ×{rate / baseline:.2f}  (median {median:.2f} s of {spread}; "
            f"CPU of this process {statistics.median(cpus):.2f} s)"
        )
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
