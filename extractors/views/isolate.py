"""Read labels and check articles in worker processes, so one slow document cannot hold up the
dashboard's other users.

Streamlit runs every browser session in a thread of one process. Python code reading a hostile
document takes its share of the interpreter all the while, and a regular expression that
backtracks holds it outright. So the dashboard does not check articles itself: a worker server,
started once and warmed with the whole pipeline imported, forks a child for each check. The
session that asked waits on a socket (which costs the other sessions nothing), shows the time
passing, and has the child killed when it runs past its budget.

The server is our own rather than multiprocessing's fork server, which re-imports the main
module in every child: under Streamlit that is app.py, and under a test runner the runner.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import resource
import select
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from extractors.records import ExtractReport, InputError, VerifyReport

CHECK_SECONDS = 60.0  # a real article takes a second or two; past this the check is stopped
WORKER_MEMORY = 2 * 1024**3  # bytes a check may allocate before it fails with MemoryError
_POLL_SECONDS = 0.05
_START_SECONDS = 60.0  # the server imports the pipeline before it listens

Named = tuple[str, bytes]
Job = tuple[Any, ...]  # ("extract", label) or ("verify", article, extracted labels or None)


def extract_isolated(
    label: Named, seconds: float = CHECK_SECONDS, progress: Callable[[float], None] | None = None
) -> ExtractReport:
    """Read the label ``(name, bytes)`` and extract its results in a worker process.

    Raises `InputError` for a label that cannot be read, takes longer than ``seconds``, or breaks
    the pipeline (the message says which, as the command line does). ``progress`` is called with the
    seconds elapsed while the worker runs.
    """
    report: ExtractReport = _run(("extract", label), label[0], seconds, progress)
    return report


def verify_isolated(
    article: Named,
    extracted: ExtractReport | None,
    seconds: float = CHECK_SECONDS,
    progress: Callable[[float], None] | None = None,
) -> VerifyReport:
    """Read the article ``(name, bytes)`` and verify it in a worker process, against the labels
    ``extracted`` (`extract_isolated`), or with None against the label passage it quotes. Raises
    `InputError` as `extract_isolated` does."""
    report: VerifyReport = _run(("verify", article, extracted), article[0], seconds, progress)
    return report


def _run(job: Job, name: str, seconds: float, progress: Callable[[float], None] | None) -> Any:
    try:
        connection = _server().connect()
    except OSError:
        outcome = _outcome(job)  # no worker can start here (no fork): work in this process
    else:
        outcome = _wait(connection, job, name, seconds, progress)
    if outcome[0] == "result":
        return outcome[1]
    raise InputError(outcome[1], outcome[2])


def _wait(
    connection: Connection, job: Job, name: str, seconds: float, progress: Callable[[float], None] | None
) -> tuple[Any, ...]:
    """Send ``job`` to a worker and wait for its outcome, killing the worker past ``seconds``."""
    child = 0
    try:
        child = connection.recv()
        connection.send(job)
        started = time.monotonic()
        while not connection.poll(_POLL_SECONDS):
            elapsed = time.monotonic() - started
            if elapsed > seconds:
                raise InputError(name, f"checking took longer than {seconds:.0f} seconds and was stopped")
            if progress is not None:
                progress(elapsed)
        outcome: tuple[Any, ...] = connection.recv()
        child = 0
        return outcome
    except (EOFError, OSError, pickle.UnpicklingError):
        raise InputError(name, "checking failed: the worker stopped (out of memory?)") from None
    finally:
        connection.close()
        if child:
            with contextlib.suppress(OSError):
                os.kill(child, signal.SIGKILL)


def _outcome(job: Job) -> tuple[Any, ...]:
    """What a worker sends back: ("result", report) or ("input-error", file, problem); never raises."""
    # The pipeline is the worker server's (which imports it before it forks), not the dashboard's:
    # imported at the top, it cost the dashboard's first page ~0.25 s for modules it never runs.
    from extractors import article_from_bytes, extract, source_from_bytes, verify, verify_with

    name = job[1][0]
    try:
        if job[0] == "extract":
            return ("result", extract([source_from_bytes(job[1][1], name)]))
        article = article_from_bytes(job[1][1], name)
        extracted: ExtractReport | None = job[2]
        return ("result", verify_with(article, extracted) if extracted is not None else verify(article))
    except InputError as error:
        return ("input-error", error.path, error.problem)
    except Exception as error:  # a document that breaks the pipeline: said in one line, as the CLI does
        return ("input-error", name, f"internal error ({type(error).__name__}: {error}); please report it")


# ---------------------------------------------------------------------------------------------
# the dashboard's side: one server per process, restarted if it died


class _Server:
    def __init__(self) -> None:
        self.folder = tempfile.mkdtemp(prefix="trialproof-")  # 0700: no other user can connect
        self.address = os.path.join(self.folder, "worker.sock")
        if not hasattr(os, "fork"):
            raise OSError("no fork on this system")
        command = [sys.executable, "-c", "import sys, extractors.views.isolate as w; w.serve(sys.argv[1])"]
        # our stdin is the server's lifeline: it exits when this process does
        self.process = subprocess.Popen([*command, self.address], stdin=subprocess.PIPE)
        deadline = time.monotonic() + _START_SECONDS
        while not os.path.exists(self.address):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise OSError("the worker server did not start")
            time.sleep(0.05)

    def alive(self) -> bool:
        return self.process.poll() is None

    def connect(self) -> Connection:
        client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        client.connect(self.address)
        return Connection(client.detach())


_running: _Server | None = None
_starting = threading.Lock()


def _server() -> _Server:
    global _running
    with _starting:
        if _running is None or not _running.alive():
            _running = _Server()
        return _running


# ---------------------------------------------------------------------------------------------
# the server's side


def serve(address: str) -> None:
    """Accept checks on ``address``, one forked child each, until standard input closes."""
    _outcome(("verify", ("warm-up.txt", b"Median PFS was 4.6 months with pazopanib."), None))  # import it all
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the kernel
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(address)
    listener.listen(64)
    while True:
        ready, _, _ = select.select([listener, sys.stdin], [], [])
        if sys.stdin in ready:
            return  # the dashboard is gone
        client, _ = listener.accept()
        if os.fork() == 0:
            listener.close()
            _serve_one(Connection(client.detach()))
            os._exit(0)
        client.close()


def _serve_one(connection: Connection) -> None:
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_DATA, (WORKER_MEMORY, resource.RLIM_INFINITY))
    with contextlib.suppress(OSError, EOFError):
        connection.send(os.getpid())
        connection.send(_outcome(connection.recv()))
