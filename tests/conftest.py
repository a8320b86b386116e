"""Shared test helpers: where the shared corpus is, skipping when it is absent, and claims verified
from a few sentences of an article."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.ingest.articles import article_from_bytes
from extractors.records import Claim, ExtractReport
from extractors.verdicts.verify import verify_with

PROJECT = Path(__file__).resolve().parent.parent
SHARED = PROJECT.parent / "shared"
CASES = Path(__file__).resolve().parent / "cases"


def shared_file(relative: str) -> Path:
    """A file under ../shared, or skip: a bare clone has no ../shared beside it."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"{path} is absent (a bare clone has no ../shared corpus beside it)")
    return path


def verified_claims(text: str, extracted: ExtractReport, heading: str = "Results") -> list[Claim]:
    """The claims of ``text`` as an article's section under ``heading`` (a lone line would be a
    heading itself), verified against ``extracted``."""
    article = article_from_bytes(f"{heading}\n\n{text}\n".encode(), "article.txt")
    return list(verify_with(article, extracted).claims)


def nth_claim(claims: list[Claim], raw: str, nth: int) -> Claim:
    """The ``nth`` numeric claim whose value is printed ``raw``."""
    matching = [c for c in claims if c.raw == raw and c.value_span is not None]
    assert len(matching) > nth, f"no claim number {nth} with value {raw!r}: {[(c.raw, c.statistic) for c in claims]}"
    return matching[nth]
