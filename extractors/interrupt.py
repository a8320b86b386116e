"""Ctrl-C while the command line is still loading: one line and exit 130, never a traceback.

Python turns Ctrl-C into a ``KeyboardInterrupt`` wherever it lands, and before `cli.main` runs
there is nothing to catch it: the 60-line traceback of an interrupted import. The package imports
this module first; when this process is the command line (the ``trialproof`` script or
``python -m extractors``), it takes Ctrl-C over until `cli.main` hands it back to Python. A test
or a program that imports trialproof keeps its own Ctrl-C.
"""

from __future__ import annotations

import os
import signal
import sys

PROG = "trialproof"


def started_as_command() -> bool:
    """Whether this process is the command line rather than a program importing the library."""
    argv = list(getattr(sys, "orig_argv", ()))
    module = argv[argv.index("-m") + 1] if "-m" in argv[:-1] else ""
    return os.path.basename(sys.argv[0]) == PROG or module == "extractors"


def stop_quietly(signum: int, frame: object) -> None:
    sys.stderr.write(f"{PROG}: interrupted\n")
    os._exit(130)


if started_as_command():
    signal.signal(signal.SIGINT, stop_quietly)
