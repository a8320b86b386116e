"""Ctrl-C at any moment of the command line: one line and exit 130, never a traceback.

Python turns Ctrl-C into a ``KeyboardInterrupt`` wherever it lands. Before `cli.main` runs there
is nothing to catch it (the 60-line traceback of an interrupted import), and when it lands in a
``__del__`` Python prints it as "Exception ignored" and carries on as if nothing was pressed. The
package imports this module before anything else; when this process is the command line (the
``trialproof`` script or ``python -m extractors``) it takes Ctrl-C over until `cli.main` hands it
back to Python, and `swallowed_interrupts_stop` makes an interrupt Python would ignore stop the
run all the same. A test or a program that imports trialproof keeps its own Ctrl-C.

Only Python's own start-up (the site module, finding the package) comes before this module and
can still print a traceback: tens of milliseconds.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from typing import Any

PROG = "trialproof"


def started_as_command() -> bool:
    """Whether this process is the command line rather than a program importing the library."""
    argv = list(getattr(sys, "orig_argv", ()))
    module = argv[argv.index("-m") + 1] if "-m" in argv[:-1] else ""
    return os.path.basename(sys.argv[0]) == PROG or module == "extractors"


# Files to remove if the run is stopped where no `finally` can run (a report's temporary copy).
leftovers: set[str] = set()


def stop_quietly(signum: int = signal.SIGINT, frame: object = None) -> None:
    """Say so in one line, remove what the run left half-written, and exit 130 at once."""
    sys.stderr.write(f"{PROG}: interrupted\n")
    for path in leftovers:
        with contextlib.suppress(OSError):
            os.unlink(path)
    os._exit(130)


def swallowed_interrupts_stop() -> None:
    """Ctrl-C that lands in a ``__del__`` or a callback, which Python would only print, stops the run."""
    default = sys.unraisablehook

    def hook(unraisable: Any) -> None:
        if isinstance(unraisable.exc_value, KeyboardInterrupt):
            stop_quietly()
        default(unraisable)

    sys.unraisablehook = hook


if started_as_command():
    signal.signal(signal.SIGINT, stop_quietly)
