"""Check an article in a worker process, so one slow document cannot hold up the dashboard's other users.

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

from extractors import article_from_bytes, source_from_bytes, verify
from extractors.records import InputError, VerifyReport

CHECK_SECONDS = 60.0  # a real article takes a second or two; past this the check is stopped
WORKER_MEMORY = 2 * 1024**3  # bytes a check may allocate before it fails with MemoryError
_POLL_SECONDS = 0.05
_START_SECONDS = 60.0  # the server imports the pipeline before it listens

Named = tuple[str, bytes]


def verify_isolated(
    article: Named,
    labels: tuple[Named, ...],
    seconds: float = CHECK_SECONDS,
    progress: Callable[[float], None] | None = None,
) -> VerifyReport:
    """Read ``article`` (name, bytes) and verify it against ``labels`` in a worker process.

    Raises `InputError` for input that cannot be read, that takes longer than ``seconds``, or that
    breaks the pipeline (the message says which, as the command line does). ``progress`` is called
    with the seconds elapsed while the check runs.
    """
    name = article[0]
    try:
        connection = _server().connect()
    except OSError:
        return _verify(article, labels)  # no worker can start here (no fork): check in this process
    child = 0
    try:
        child = connection.recv()
        connection.send((article, labels))
        started = time.monotonic()
        while not connection.poll(_POLL_SECONDS):
            elapsed = time.monotonic() - started
            if elapsed > seconds:
                raise InputError(name, f"checking took longer than {seconds:.0f} seconds and was stopped")
            if progress is not None:
                progress(elapsed)
        outcome: tuple[Any, ...] = connection.recv()
        child = 0
    except (EOFError, OSError, pickle.UnpicklingError):
        raise InputError(name, "checking failed: the worker stopped (out of memory?)") from None
    finally:
        connection.close()
        if child:
            with contextlib.suppress(OSError):
                os.kill(child, signal.SIGKILL)
    if outcome[0] == "report":
        report: VerifyReport = outcome[1]
        return report
    raise InputError(outcome[1], outcome[2])


def _verify(article: Named, labels: tuple[Named, ...]) -> VerifyReport:
    parsed = article_from_bytes(article[1], article[0])
    return verify(parsed, [source_from_bytes(data, name) for name, data in labels] or None)


def _outcome(article: Named, labels: tuple[Named, ...]) -> tuple[Any, ...]:
    """What a check sends back: the report, or the problem; never an exception."""
    try:
        return ("report", _verify(article, labels))
    except InputError as error:
        return ("input-error", error.path, error.problem)
    except Exception as error:  # a document that breaks the pipeline: said in one line, as the CLI does
        return ("input-error", article[0], f"internal error ({type(error).__name__}: {error}); please report it")


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
    _verify(("warm-up.txt", b"Median PFS was 4.6 months with pazopanib."), ())  # import all the pipeline
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
        article, labels = connection.recv()
        connection.send(_outcome(article, labels))
