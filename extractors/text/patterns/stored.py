"""Compiled patterns kept between runs, as Python keeps compiled bytecode.

The ``regex`` module parses a pattern in Python: the ~350 patterns a command compiles take about
0.13 s of CPU, a third of a whole ``trialproof extract`` of a small label, paid again by every
process. A compiled pattern pickles to its parsed program, and unpickling it rebuilds the pattern
without parsing (about 40 times faster). So `compile` takes a pattern from the store a previous
run left, and compiles (and adds) one the store lacks; the store is written when the process ends
if it grew.

The store lives where Python caches this package's bytecode (``__pycache__`` beside it, or under
``PYTHONPYCACHEPREFIX``), named for the ``regex`` version and the interpreter, and is written under
the same switch (``PYTHONDONTWRITEBYTECODE`` or ``-B`` turn it off). A pattern is found by its text
and flags, so an edited pattern is simply compiled again: a stale store is never wrong, only
slower. A store that cannot be read (missing, damaged, another version's) is ignored; one that
cannot be written is not written. Unpickling accepts nothing but the ``regex`` module's own
compiled programs.

The patterns modules' own patterns come here, and `build`'s unbounded caches (vocabularies from
the data files, and the few phrase sets a document's scene names, which vary from run to run and
so are mostly compiled again); `build`'s bounded caches (one document's arm and trial names) are
compiled as they are needed and not kept. `MOST_KEPT` bounds what accumulates.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib.util
import io
import os
import pickle
import sys
from pathlib import Path
from typing import Any

import regex

# Beyond this many (a command uses about 400), a store holding patterns that earlier versions of the
# code or other documents compiled is rewritten with only the current run's.
MOST_KEPT = 1000

_Key = tuple[str, int]


def _store_path() -> Path:
    bytecode = Path(importlib.util.cache_from_source(__file__))
    return bytecode.with_name(f"patterns.regex-{regex.__version__}.{sys.implementation.cache_tag}.pickle")


class _PatternsOnly(pickle.Unpickler):
    """An unpickler that rebuilds compiled ``regex`` patterns and refuses any other object."""

    def find_class(self, module: str, name: str) -> Any:
        if module in {"_regex", "regex._regex"} and name == "compile":
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"not a compiled pattern: {module}.{name}")


def _unpickled(data: bytes) -> Any:
    return _PatternsOnly(io.BytesIO(data)).load()


def _read(path: Path) -> dict[_Key, bytes]:
    """The pickled patterns stored at ``path`` by text and flags, or none when it is missing or not
    such a store. Each is unpickled when first asked for, so patterns a run does not use cost it
    nothing but their bytes."""
    try:
        stored = _unpickled(path.read_bytes())
    except Exception:  # a cache: whatever is wrong with the file, compiling afresh is right
        return {}
    if not isinstance(stored, dict) or not all(
        isinstance(key, tuple) and isinstance(value, bytes) for key, value in stored.items()
    ):
        return {}
    return stored


def _write(path: Path, patterns: dict[_Key, bytes]) -> None:
    """Replace the store at ``path`` at once (a reader never sees half a file), or leave it."""
    import tempfile  # only a run that grew the store needs it (with shutil and random, ~6 ms)

    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(descriptor, "wb") as file:
                pickle.dump(patterns, file, protocol=pickle.HIGHEST_PROTOCOL)
            readable = Path(__file__).stat().st_mode & 0o666 | 0o200  # as Python's bytecode: the source's mode
            os.chmod(temporary, readable)
            os.replace(temporary, path)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


class _Store:
    """The pickled patterns read from the store on first use, and the patterns this process has."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.stored: dict[_Key, bytes] | None = None
        self.ready: dict[_Key, regex.Pattern[str]] = {}
        self.compiled: list[_Key] = []  # what the store lacked

    def compile(self, pattern: str, flags: int) -> regex.Pattern[str]:
        key = (pattern, int(flags))
        found = self.ready.get(key)
        if found is None:
            found = self._from_store(key)
        if found is None:
            found = regex.compile(pattern, flags)
            if not self.compiled:
                atexit.register(self.save)
            self.compiled.append(key)
        self.ready[key] = found
        return found

    def _from_store(self, key: _Key) -> regex.Pattern[str] | None:
        """The stored pattern of ``key``, or None when the store lacks it or it does not unpickle."""
        if self.stored is None:
            self.stored = _read(self.path)
        data = self.stored.get(key)
        if data is None:
            return None
        try:
            found = _unpickled(data)
        except Exception:  # a damaged entry: compile afresh
            return None
        return found if isinstance(found, regex.Pattern) and found.pattern == key[0] else None

    def save(self) -> None:
        """Write the store with what this process compiled, unless Python writes no bytecode."""
        if not self.compiled or sys.dont_write_bytecode:
            return
        fresh = {key: pickle.dumps(self.ready[key], protocol=pickle.HIGHEST_PROTOCOL) for key in self.compiled}
        kept = {**_read(self.path), **fresh}  # with what other processes stored meanwhile
        _write(self.path, kept if len(kept) <= MOST_KEPT else fresh)


_STORE = _Store(_store_path())


def compile(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(pattern, flags)``, from the store of an earlier run when it holds it."""
    return _STORE.compile(pattern, flags)
