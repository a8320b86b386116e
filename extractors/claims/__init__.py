"""Claims: an article → the `Claim` records it asserts, one per trial statistic or scope statement.

Modules: `sentences` (the article's sentences, citation markers and dates masked), `numeric`
(numbers that are trial statistics), `arms` (which arm a value belongs to), `context` (endpoint,
population and trial carried from the text around a claim), `qualitative` (scope, significance
and fold statements), `find` (the walk over the article), `rules` (the word lists and context
lists of ``data/claims.json``, slicing by ``data/reach.json``). May import `records`, `text` and `ingest.articles`; nothing of
the verdicts.
"""

from __future__ import annotations

from extractors.claims.find import find_claims

__all__ = ["find_claims"]
