"""Every pattern held to the reading budget (`extractors.text.budget`).

Each patterns module ends with ``timed.wrap(globals())``, which puts its compiled patterns (also
inside tuples and dicts) in a `Timed` wrapper; `build` wraps what it builds. A wrapped pattern is
used as the compiled one is, and each search, match, finditer, sub or split over a long text
(`SHORT`) is given the time the document being read has left (the ``regex`` module's
``timeout=``), so even a pattern we have not proved linear stops with the document's budget, which
the readers catch and turn into a flag. Outside a budget (a test, a library call with none)
nothing changes.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import regex

from extractors.text import budget

# Text shorter than this is read without a timeout: asking the regex module for one costs ~6 µs a
# call (7 µs against 0.7 µs for a match at a position) and the readers call patterns on short
# windows hundreds of thousands of times. Such windows are bounded (a label's sentence piece is at
# most 10,000 characters, `sentences.LABEL_SENTENCE`; an article's 2,000) and every pattern is
# linear on hostile runs up to 16 KB (bench/hostile_patterns.py), so they cannot run long; what can
# is a pattern over a whole document, and those always get the budget's timeout. (At 2,048 every
# pattern asked of a label sentence of 2-10 KB — a flattened table, hostile text — paid the 6 µs.)
SHORT = 10_240


def _timeout(string: str, window: tuple[Any, ...], kwargs: dict[str, Any]) -> float | None:
    """The timeout for a call over a long ``string``: None when the part it reads ((pos, endpos) in
    ``window`` or ``kwargs``) is short, or no budget is running."""
    pos = (window[0] if window else kwargs.get("pos")) or 0
    endpos = window[1] if len(window) > 1 else kwargs.get("endpos")
    if (len(string) if endpos is None else min(endpos, len(string))) - pos <= SHORT:
        return None
    return budget.seconds_left()


def _long(method: Callable[..., Any], string: str, args: tuple[Any, ...], kwargs: dict[str, Any], window: bool) -> Any:
    """``method(string, *args, **kwargs)`` over a long text, with the budget's timeout when one runs;
    ``window``: the arguments after the string are (pos, endpos), as for search (not for sub's count)."""
    timeout = _timeout(string, args if window else (), kwargs if window else {})
    if timeout is None:
        return method(string, *args, **kwargs)
    return method(string, *args, timeout=timeout, **kwargs)


class Timed:
    """A compiled pattern whose every call over a long text is given the time the budget has left.

    A call over a short text (most calls), or over a short window ``(pos, endpos)`` of a long one, goes
    straight to the compiled pattern's method, kept bound in a slot: the readers make hundreds of
    thousands of calls per document, and each attribute lookup, argument test or extra call here is
    a share of a match that takes half a microsecond. So the window is taken as named parameters,
    not packed into ``*args`` and unpacked again (half the wrapper's cost), and the rare call with
    other keywords (``overlapped=``) goes the long way. Only a long text read far, or such a call,
    goes through `_long`.
    """

    __slots__ = ("_findall", "_finditer", "_fullmatch", "_match", "_search", "compiled")

    def __init__(self, compiled: regex.Pattern[str]) -> None:
        self.compiled = compiled
        self._search = compiled.search
        self._match = compiled.match
        self._fullmatch = compiled.fullmatch
        self._finditer = compiled.finditer
        self._findall = compiled.findall

    def search(self, string: str, pos: int | None = None, endpos: int | None = None, **kwargs: Any) -> Any:
        if not kwargs and (len(string) <= SHORT or (endpos is not None and endpos - (pos or 0) <= SHORT)):
            return self._search(string, pos, endpos)
        return _long(self._search, string, (pos, endpos), kwargs, window=True)

    def match(self, string: str, pos: int | None = None, endpos: int | None = None, **kwargs: Any) -> Any:
        if not kwargs and (len(string) <= SHORT or (endpos is not None and endpos - (pos or 0) <= SHORT)):
            return self._match(string, pos, endpos)
        return _long(self._match, string, (pos, endpos), kwargs, window=True)

    def fullmatch(self, string: str, pos: int | None = None, endpos: int | None = None, **kwargs: Any) -> Any:
        if not kwargs and (len(string) <= SHORT or (endpos is not None and endpos - (pos or 0) <= SHORT)):
            return self._fullmatch(string, pos, endpos)
        return _long(self._fullmatch, string, (pos, endpos), kwargs, window=True)

    def finditer(self, string: str, pos: int | None = None, endpos: int | None = None, **kwargs: Any) -> Any:
        if not kwargs and (len(string) <= SHORT or (endpos is not None and endpos - (pos or 0) <= SHORT)):
            return self._finditer(string, pos, endpos)
        return _long(self._finditer, string, (pos, endpos), kwargs, window=True)

    def findall(self, string: str, pos: int | None = None, endpos: int | None = None, **kwargs: Any) -> Any:
        if not kwargs and (len(string) <= SHORT or (endpos is not None and endpos - (pos or 0) <= SHORT)):
            return self._findall(string, pos, endpos)
        return _long(self._findall, string, (pos, endpos), kwargs, window=True)

    def sub(self, repl: Any, string: str, *args: Any, **kwargs: Any) -> Any:
        if len(string) <= SHORT:
            return self.compiled.sub(repl, string, *args, **kwargs)
        return _long(functools.partial(self.compiled.sub, repl), string, args, kwargs, window=False)

    def subn(self, repl: Any, string: str, *args: Any, **kwargs: Any) -> Any:
        if len(string) <= SHORT:
            return self.compiled.subn(repl, string, *args, **kwargs)
        return _long(functools.partial(self.compiled.subn, repl), string, args, kwargs, window=False)

    def split(self, string: str, *args: Any, **kwargs: Any) -> Any:
        if len(string) <= SHORT:
            return self.compiled.split(string, *args, **kwargs)
        return _long(self.compiled.split, string, args, kwargs, window=False)

    def __getattr__(self, name: str) -> Any:  # .pattern, .flags, .groupindex, …
        return getattr(self.compiled, name)

    def __repr__(self) -> str:
        return f"Timed({self.compiled!r})"


def timed(value: Any) -> Any:
    """``value`` with every compiled pattern in it (also in tuples, lists and dicts) wrapped."""
    if isinstance(value, regex.Pattern):
        return Timed(value)
    if isinstance(value, tuple):
        return tuple(timed(item) for item in value)
    if isinstance(value, list):
        return [timed(item) for item in value]
    if isinstance(value, dict):
        return {key: timed(item) for key, item in value.items()}
    return value


def held(build: Callable[..., Any]) -> Callable[..., Any]:
    """A pattern builder (`build`) whose patterns are wrapped: ``@cache`` then ``@held``."""

    @functools.wraps(build)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return timed(build(*args, **kwargs))

    return wrapper


def wrap(namespace: dict[str, Any]) -> None:
    """Wrap the compiled patterns a patterns module defines (its ``globals()``), in place."""
    for name, value in list(namespace.items()):
        if not name.startswith("__") and isinstance(value, (regex.Pattern, tuple, list, dict)):
            namespace[name] = timed(value)
