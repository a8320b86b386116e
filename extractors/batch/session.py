"""The batch commands as the command line runs them: documents in, reports streamed out, worst exit code.

A batch is ``verify`` over several articles, or either command given a folder, a glob pattern,
``--format jsonl``, ``--store``, ``--jobs``, ``--executor`` or ``--labels``. One document's
report is printed exactly as the single-document command prints it; several documents stream as
they are done: ``jsonl`` one contract object per line, ``table`` one summary line each, ``csv``
one header and a ``document`` column. A document that cannot be read is one line on standard
error and the batch goes on; the exit code is the worst over all documents (2, then 1, then 0).
"""

from __future__ import annotations

import concurrent.futures as cf
import contextlib
import csv
import importlib
import io
import json
import multiprocessing
import os
import tempfile
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from extractors.batch.inputs import (
    ARTICLE_SUFFIXES,
    LABEL_SUFFIXES,
    STDIN,
    BatchRequest,
    Command,
    expand_inputs,
    folder_documents,
)
from extractors.batch.runner import (
    InProcess,
    Job,
    Named,
    Outcome,
    label_folder,
    run_jobs,
    worker_start,
)
from extractors.ingest.files import read_input
from extractors.ingest.labels import load_source
from extractors.records import ExtractReport, InputError, VerifyReport
from extractors.report import render_extract, render_verify, summary_counts
from extractors.report.as_json import extract_dict, verify_dict

DASK_SCHEME = "dask"
CONNECT_SECONDS = 10


def run_batch(request: BatchRequest, prog: str, stdout: TextIO, stderr: TextIO) -> int:
    """Run ``request``; reports to ``stdout`` (or ``request.output``), problems to ``stderr``."""
    suffixes = ARTICLE_SUFFIXES if request.command == "verify" else LABEL_SUFFIXES
    found = expand_inputs(request.inputs, exclude=[request.store] if request.store else [], suffixes=suffixes)
    worst = 2 if found.problems else 0
    for problem in found.problems:
        _say(stderr, prog, f"{problem.path}: {problem.problem}")
    if not found.paths:
        return worst
    several = len(found.paths) > 1
    if several and request.fmt in ("json", "html"):
        raise InputError(
            f"--format {request.fmt}",
            f"prints one report; for {len(found.paths)} documents use --format jsonl, csv or table",
        )
    for path in request.labels:
        load_source(path)  # a bad --source stops the batch before it starts, as for one article
    folder = _folder(request.label_dir, prog, stderr) if request.label_dir else ()
    jobs = [_job(request, path, folder) for path in found.paths]
    renderer = _Renderer(request.command, request.fmt, several)
    with (
        _output(request.output, stdout) as out,
        _store(request) as store,
        _executor(request) as (executor, workers),
        _progress(len(jobs), stderr) as bar,
    ):
        for outcome in run_jobs(jobs, executor, window=2 * workers):
            worst = max(worst, outcome.code)
            if outcome.problem is not None:
                _say(bar, prog, f"{outcome.problem.path}: {outcome.problem.problem}")
            else:
                if store is not None:
                    store.write(outcome)
                out.write(renderer.render(outcome))
                out.flush()
            bar.update(1)
    return worst


def _job(request: BatchRequest, path: str, folder: tuple[Named, ...]) -> Job:
    data = (
        read_input(path, "an article file" if request.command == "verify" else "a label file")
        if path == STDIN
        else None
    )
    if request.executor:  # workers on other machines read the files at absolute paths
        path = path if path == STDIN else os.path.abspath(path)
        labels = tuple(os.path.abspath(p) for p in request.labels)
        folder = tuple(Named(os.path.abspath(n.path), n.names) for n in folder)
        return Job(request.command, path, data, labels, folder, request.strict)
    return Job(request.command, path, data, request.labels, folder, request.strict)


def _folder(label_dir: str, prog: str, stderr: TextIO) -> tuple[Named, ...]:
    if not Path(label_dir).is_dir():
        raise InputError(label_dir, "label folder not found")
    named, skipped = label_folder(folder_documents(Path(label_dir)))
    if skipped:
        _say(stderr, prog, f"note: {label_dir}: {len(skipped)} files are not labels and were left out")
    if not named:
        raise InputError(label_dir, "label folder has no label files")
    return named


class _Renderer:
    """One outcome → the text to print, in the request's format."""

    def __init__(self, command: Command, fmt: str, several: bool) -> None:
        self.command, self.fmt, self.several = command, fmt, several
        self.header_done = False

    def render(self, outcome: Outcome) -> str:
        report = outcome.report
        assert report is not None
        if self.fmt == "jsonl":
            data = extract_dict(report) if isinstance(report, ExtractReport) else verify_dict(report)
            data["document"] = {"path": outcome.path, "sha256": outcome.sha256}
            return json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False) + "\n"
        text = (
            render_extract(report, self.fmt) if isinstance(report, ExtractReport) else render_verify(report, self.fmt)
        )
        if not self.several:
            return text
        if self.fmt == "csv":
            return self._csv_rows(outcome.path, text)
        return summary_line(outcome.path, report, outcome.code)

    def _csv_rows(self, path: str, text: str) -> str:
        rows = list(csv.reader(io.StringIO(text)))
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        if not self.header_done:
            writer.writerow(["document", *rows[0]])
            self.header_done = True
        cell = "'" + path if path.startswith(("=", "+", "-", "@")) and path != STDIN else path
        writer.writerows([cell, *row] for row in rows[1:])
        return out.getvalue()


def summary_line(path: str, report: ExtractReport | VerifyReport, code: int) -> str:
    """``article.md: 24 claims: 16 supported, 6 contradicted, 1 overgeneralized, 1 unverifiable``."""
    if isinstance(report, VerifyReport):
        counts = summary_counts(report)
        parts = ", ".join(f"{n} {verdict}" for verdict, n in counts.items())
        n = len(report.claims)
        return f"{path}: {n} claim{'' if n == 1 else 's'}: {parts}\n"
    errors = sum(1 for m in report.measurements for f in m.flags if f.severity == "error")
    n = len(report.measurements)
    flagged = f", {errors} with an error flag" if errors else ""
    return f"{path}: {n} measurement{'' if n == 1 else 's'}{flagged}{' (strict: fails)' if code == 1 else ''}\n"


def _say(stream: Any, prog: str, message: str) -> None:
    line = f"{prog}: {' '.join(message.split())}"
    if hasattr(stream, "write_line"):
        stream.write_line(line)
    else:
        print(line, file=stream, flush=True)


@contextlib.contextmanager
def _output(path: str | None, stdout: TextIO) -> Iterator[TextIO]:
    """Standard output, or ``path`` written in place only once the whole batch is through."""
    if path is None:
        yield stdout
        return
    target = Path(path)
    try:
        handle, temporary = tempfile.mkstemp(
            dir=target.parent if str(target.parent) else ".", prefix=f".{target.name}."
        )
    except OSError as error:
        raise InputError(path, f"cannot write report: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            yield out
        os.replace(temporary, target)
    finally:
        Path(temporary).unlink(missing_ok=True)


@contextlib.contextmanager
def _store(request: BatchRequest) -> Iterator[Any]:
    if request.store is None:
        yield None
        return
    from extractors.batch.store import open_store

    with open_store(request.store, request.version) as store:
        yield store


@contextlib.contextmanager
def _executor(request: BatchRequest) -> Iterator[tuple[cf.Executor, int]]:
    """In this process (``--jobs 1``), a pool of processes, or a Dask cluster's executor."""
    if request.executor:
        with dask_executor(request.executor) as running:
            yield running
        return
    if request.jobs <= 1:
        yield InProcess(), 1
        return
    context = multiprocessing.get_context("forkserver")  # workers forked from a clean, thread-free server
    pool = cf.ProcessPoolExecutor(max_workers=request.jobs, mp_context=context, initializer=worker_start)
    try:
        yield pool, request.jobs
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)  # Ctrl-C or a failure: do not wait for the queue
        raise
    pool.shutdown(wait=True)


@contextlib.contextmanager
def dask_executor(address: str) -> Iterator[tuple[cf.Executor, int]]:
    """The executor of the Dask scheduler at ``dask://HOST:PORT`` and how many threads its workers have."""
    parts = urllib.parse.urlsplit(address)
    if parts.scheme != DASK_SCHEME or not parts.hostname or parts.port is None:
        raise InputError(address, "give the Dask scheduler as dask://HOST:PORT")
    distributed = importlib.import_module("distributed")  # imported only for a Dask run
    try:
        client = distributed.Client(f"tcp://{parts.hostname}:{parts.port}", timeout=CONNECT_SECONDS)
    except (OSError, TimeoutError) as error:
        raise InputError(address, f"cannot connect to the Dask scheduler: {error}") from None
    try:
        threads = sum(client.nthreads().values()) or 1
        yield client.get_executor(pure=False), threads  # a file may change between runs: never reuse a result
    finally:
        client.close()


class _Progress:
    """A progress bar on standard error when it is a terminal; otherwise nothing is drawn."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.stream = stream
        self.bar: Any = None
        if total > 1 and stream.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=total, file=stream, unit="doc", dynamic_ncols=True, leave=False)

    def update(self, n: int) -> None:
        if self.bar is not None:
            self.bar.update(n)

    def write_line(self, line: str) -> None:
        if self.bar is not None:
            self.bar.write(line, file=self.stream)
        else:
            print(line, file=self.stream, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


@contextlib.contextmanager
def _progress(total: int, stream: TextIO) -> Iterator[_Progress]:
    progress = _Progress(total, stream)
    try:
        yield progress
    finally:
        progress.close()
