"""Every pattern held to the reading budget (`extractors.text.budget`).

Each patterns module ends with ``timed.wrap(globals())``, which puts its compiled patterns (also
inside tuples and dicts) in a `Timed` wrapper; `build` wraps what it builds. A wrapped pattern is
used as the compiled one is, and each search, match, finditer, sub or split is given the time the
document being read has left (the ``regex`` module's ``timeout=``), so even a pattern we have not
proved linear stops with the document's budget, which the readers catch and turn into a flag.
Outside a budget (a test, a library call with none) nothing changes.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import regex

from extractors.text import budget


class Timed:
    """A compiled pattern whose every call is given the time the reading budget has left."""

    __slots__ = ("compiled",)

    def __init__(self, compiled: regex.Pattern[str]) -> None:
        self.compiled = compiled

    def search(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled.search(*args, timeout=budget.seconds_left(), **kwargs)

    def match(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled.match(*args, timeout=budget.seconds_left(), **kwargs)

    def fullmatch(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled.fullmatch(*args, timeout=budget.seconds_left(), **kwargs)

    def finditer(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled.finditer(*args, timeout=budget.seconds_left(), **kwargs)

    def findall(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled.findall(*args, timeout=budget.seconds_left(), **kwargs)

    def sub(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled.sub(*args, timeout=budget.seconds_left(), **kwargs)

    def subn(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled.subn(*args, timeout=budget.seconds_left(), **kwargs)

    def split(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled.split(*args, timeout=budget.seconds_left(), **kwargs)

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
