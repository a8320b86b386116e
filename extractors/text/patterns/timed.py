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
# call and doubles the cost of each step, and the readers call patterns on short windows hundreds
# of thousands of times. Such windows are bounded (a sentence piece is at most 2,000 characters)
# and every pattern is linear (bench/hostile_patterns.py), so they cannot run long; what can is a
# pattern over a whole document, and those always get the budget's timeout.
SHORT = 2048


def _timeout(string: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> float | None:
    """The timeout for a search, match or finditer call over ``string`` longer than `SHORT`, with
    (pos, endpos) in ``args`` or ``kwargs``: None when the window it reads is short or no budget is
    running. The methods test ``len(string) <= SHORT`` themselves before calling this: most calls
    read a short text, and there the wrapper then costs one length test."""
    pos = (args[0] if args else kwargs.get("pos")) or 0
    endpos = args[1] if len(args) > 1 else kwargs.get("endpos")
    if (len(string) if endpos is None else min(endpos, len(string))) - pos <= SHORT:
        return None
    return budget.seconds_left()


class Timed:
    """A compiled pattern whose every call over a long text is given the time the budget has left."""

    __slots__ = ("compiled",)

    def __init__(self, compiled: regex.Pattern[str]) -> None:
        self.compiled = compiled

    def search(self, string: str, *args: Any, **kwargs: Any) -> Any:
        if len(string) <= SHORT or (timeout := _timeout(string, args, kwargs)) is None:
            return self.compiled.search(string, *args, **kwargs)
        return self.compiled.search(string, *args, timeout=timeout, **kwargs)

    def match(self, string: str, *args: Any, **kwargs: Any) -> Any:
        if len(string) <= SHORT or (timeout := _timeout(string, args, kwargs)) is None:
            return self.compiled.match(string, *args, **kwargs)
        return self.compiled.match(string, *args, timeout=timeout, **kwargs)

    def fullmatch(self, string: str, *args: Any, **kwargs: Any) -> Any:
        if len(string) <= SHORT or (timeout := _timeout(string, args, kwargs)) is None:
            return self.compiled.fullmatch(string, *args, **kwargs)
        return self.compiled.fullmatch(string, *args, timeout=timeout, **kwargs)

    def finditer(self, string: str, *args: Any, **kwargs: Any) -> Any:
        if len(string) <= SHORT or (timeout := _timeout(string, args, kwargs)) is None:
            return self.compiled.finditer(string, *args, **kwargs)
        return self.compiled.finditer(string, *args, timeout=timeout, **kwargs)

    def findall(self, string: str, *args: Any, **kwargs: Any) -> Any:
        if len(string) <= SHORT or (timeout := _timeout(string, args, kwargs)) is None:
            return self.compiled.findall(string, *args, **kwargs)
        return self.compiled.findall(string, *args, timeout=timeout, **kwargs)

    def sub(self, repl: Any, string: str, *args: Any, **kwargs: Any) -> Any:
        if len(string) <= SHORT or (timeout := _timeout(string, (), {})) is None:
            return self.compiled.sub(repl, string, *args, **kwargs)
        return self.compiled.sub(repl, string, *args, timeout=timeout, **kwargs)

    def subn(self, repl: Any, string: str, *args: Any, **kwargs: Any) -> Any:
        if len(string) <= SHORT or (timeout := _timeout(string, (), {})) is None:
            return self.compiled.subn(repl, string, *args, **kwargs)
        return self.compiled.subn(repl, string, *args, timeout=timeout, **kwargs)

    def split(self, string: str, *args: Any, **kwargs: Any) -> Any:
        if len(string) <= SHORT or (timeout := _timeout(string, (), {})) is None:
            return self.compiled.split(string, *args, **kwargs)
        return self.compiled.split(string, *args, timeout=timeout, **kwargs)

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
