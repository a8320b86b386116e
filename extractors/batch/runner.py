"""One function per document, fed to any `concurrent.futures`-style executor.

`check_document` is the whole of the work for one document: bytes read, label or article parsed,
measurements extracted, claims given verdicts. It takes and returns plain picklable records and
touches no shared state, so the same function runs in this process, in a process pool or on a
Dask cluster (whose workers read the files at the same paths: a shared file system). The caller
(`session`) renders and stores the outcomes as they come back.
"""

from __future__ import annotations

import concurrent.futures as cf
import hashlib
import importlib
import signal
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from extractors.batch.facts import LabelFacts, label_facts
from extractors.batch.inputs import Command
from extractors.ingest.articles import article_from_bytes
from extractors.ingest.files import read_input
from extractors.ingest.labels import source_from_bytes
from extractors.records import ExtractReport, InputError, Source, VerifyReport
from extractors.text.names import label_names, named_in


@dataclass(frozen=True, slots=True)
class Named:
    """A label in the label folder and the names it goes by (see `names.label_names`)."""

    path: str
    names: frozenset[str]


@dataclass(frozen=True, slots=True)
class Job:
    """One document to check. ``data`` is given for standard input; otherwise the path is read."""

    command: Command
    path: str
    data: bytes | None = None
    labels: tuple[str, ...] = ()  # verify: label files every article is checked against
    folder: tuple[Named, ...] = ()  # verify: labels picked when the article names them
    strict: bool = False  # extract: an error flag fails the document


@dataclass(frozen=True, slots=True)
class LabelRecord:
    """A label as it was read: the source, where it came from and the facts of its file."""

    source: Source
    sha256: str
    facts: LabelFacts


@dataclass(frozen=True, slots=True)
class Problem:
    """A file that could not be read, and why: an `InputError` that crosses process boundaries
    (the exception itself does not pickle)."""

    path: str
    problem: str


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one document gave: a report and exit code 0 or 1, or a problem (code 2)."""

    path: str
    code: int
    sha256: str | None = None
    report: ExtractReport | VerifyReport | None = None
    labels: tuple[LabelRecord, ...] = ()  # every label in the report, with its file's hash and facts
    problem: Problem | None = None  # which file could not be read, and why


def check_document(job: Job) -> Outcome:
    """Read, extract and (for ``verify``) give verdicts for one document. Never raises."""
    try:
        if job.command == "extract":
            return _extract_one(job)
        return _verify_one(job)
    except InputError as error:
        return Outcome(job.path, 2, problem=Problem(error.path, error.problem))
    except Exception as error:  # one broken document must not end the batch
        problem = f"internal error ({type(error).__name__}: {error}); please report it"
        return Outcome(job.path, 2, problem=Problem(job.path, problem))


def _extract_one(job: Job) -> Outcome:
    data = job.data if job.data is not None else read_input(job.path, "a label file")
    label, report = _read_label(job.path, data)
    failed = job.strict and any(f.severity == "error" for m in report.measurements for f in m.flags)
    return Outcome(job.path, 1 if failed else 0, label.sha256, report, (label,))


def _verify_one(job: Job) -> Outcome:
    from extractors.verdicts.verify import verify, verify_with

    data = job.data if job.data is not None else read_input(job.path, "an article file")
    article = article_from_bytes(data, job.path)
    picked = named_in(article.text, [(entry.path, entry.names) for entry in job.folder])
    read = [_read_label(path, read_input(path, "a label file")) for path in (*job.labels, *picked)]
    if read:
        extracted = ExtractReport(
            sources=tuple(label.source for label, _ in read),
            measurements=tuple(m for _, found in read for m in found.measurements),
            doses=tuple(d for _, found in read for d in found.doses),
            populations=tuple(p for _, found in read for p in found.populations),
        )
        report = verify_with(article, extracted)
    else:  # no label given or named: the label passage the article quotes, if any
        report = verify(article, None)
    failed = any(c.verdict in ("contradicted", "overgeneralized") for c in report.claims)
    return Outcome(job.path, 1 if failed else 0, sha256(data), report, tuple(label for label, _ in read))


# Labels read in this process, by the hash of their bytes: a folder's label named by many articles
# is extracted once per process. Bounded, so a long batch over many labels does not grow without end.
# Dask workers run several documents at once in threads of one process, hence the lock.
_LABELS: OrderedDict[tuple[str, str], tuple[LabelRecord, ExtractReport]] = OrderedDict()
_LABELS_KEPT = 32
_LABELS_LOCK = threading.Lock()


def _read_label(path: str, data: bytes) -> tuple[LabelRecord, ExtractReport]:
    from extractors.read.pipeline import extract

    key = (path, sha256(data))
    with _LABELS_LOCK:
        if key in _LABELS:
            _LABELS.move_to_end(key)
            return _LABELS[key]
    source = source_from_bytes(data, path)
    found = (LabelRecord(source, key[1], label_facts(data)), extract([source]))
    with _LABELS_LOCK:
        _LABELS[key] = found
        while len(_LABELS) > _LABELS_KEPT:
            _LABELS.popitem(last=False)
    return found


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def label_folder(paths: Iterable[str]) -> tuple[tuple[Named, ...], tuple[InputError, ...]]:
    """The labels among ``paths`` with the names each goes by, and the files that are not labels.

    Of several versions of one label (the same set id) only the latest is kept: an article is
    checked against the label as it stands, not against a version it replaced.
    """
    latest: dict[str, tuple[tuple[int, str], Named]] = {}
    skipped: list[InputError] = []
    for path in paths:
        try:
            data = read_input(path, "a label file")
            source = source_from_bytes(data, path)
        except InputError as error:
            skipped.append(error)
            continue
        facts = label_facts(data)
        named = Named(path, label_names(source.drug, facts.brand) | label_names(facts.generic))
        rank = (facts.version or 0, facts.effective.isoformat() if facts.effective else "")
        key = facts.set_id or f"path:{path}"
        if key not in latest or rank > latest[key][0]:
            latest[key] = (rank, named)
    return tuple(sorted((named for _, named in latest.values()), key=lambda named: named.path)), tuple(skipped)


def worker_start() -> None:
    """Start a pool worker: Ctrl-C is the caller's to handle (it cancels the batch and says so in
    one line), so a worker ignores it instead of printing a traceback; the pipeline is imported
    before the first document."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    importlib.import_module("extractors.read.pipeline")
    importlib.import_module("extractors.verdicts.verify")


class InProcess(cf.Executor):
    """An executor that runs each call at once in this process: ``--jobs 1``, and the tests."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> cf.Future[Any]:
        future: cf.Future[Any] = cf.Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as error:
            future.set_exception(error)
        return future


def run_jobs(jobs: Iterable[Job], executor: cf.Executor, window: int = 4) -> Iterator[Outcome]:
    """`check_document` over ``jobs`` on ``executor``, yielding each outcome as it is done.

    At most ``window`` documents are in flight, so results stream and memory stays flat however
    many documents there are; outcomes done together come in the order the jobs were given.
    Leaving the loop early cancels what has not started.
    """
    pending: dict[cf.Future[Outcome], Job] = {}  # in the order submitted
    queue = iter(jobs)
    try:
        while True:
            for job in queue:
                pending[executor.submit(check_document, job)] = job
                if len(pending) >= window:
                    break
            if not pending:
                return
            done, _ = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
            for future in [f for f in pending if f in done]:
                yield _outcome(future, pending.pop(future))
    finally:
        for future in pending:
            future.cancel()


def _outcome(future: cf.Future[Outcome], job: Job) -> Outcome:
    """The future's outcome; a worker that died or a cluster that failed is that document's problem."""
    try:
        return future.result()
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as error:
        problem = f"the worker failed ({type(error).__name__}: {error})"
        return Outcome(job.path, 2, problem=Problem(job.path, problem))
