"""Facts about the phrases of one document, worked out once while it is read.

A label asks the same questions of the same phrases many times: a table row's label is read for
the statistic it announces when the row is interpreted, when its event is named and when its cells
are read (16,631 questions about 4,789 labels over the corpus), and a sentence is asked which
analysis it reports once for each of its values. A function marked `per_document` keeps its
answers for as long as one document is read (inside `document`, which `extract` opens for each
source) and forgets them after it: no document is read with another's answers. Outside a document
(a test, a library call) the function is simply called. Only functions of their arguments alone,
with answers nobody changes (strings, tuples, None), may be marked.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

T = TypeVar("T")

_current: ContextVar[dict[tuple[Any, str], Any] | None] = ContextVar("trialproof_facts", default=None)


@contextmanager
def document() -> Iterator[None]:
    """The scope of one document's facts: answers found inside it are forgotten when it ends."""
    token = _current.set({})
    try:
        yield
    finally:
        _current.reset(token)


def per_document(function: Callable[[str], T]) -> Callable[[str], T]:
    """``function`` of a phrase, answered once per phrase within a `document`."""

    @functools.wraps(function)
    def remembered(phrase: str) -> T:
        facts = _current.get()
        if facts is None:
            return function(phrase)
        key = (function, phrase)
        if key not in facts:
            facts[key] = function(phrase)
        answer: T = facts[key]
        return answer

    return remembered
