"""trialproof: check the numbers articles quote from clinical trials against the FDA label.

The public API is small: load sources and articles, extract measurements, verify claims.
Everything else in the package is private.
"""

from extractors.articles import article_from_bytes, load_article
from extractors.extract import extract
from extractors.ingest import load_source, source_from_bytes
from extractors.records import (
    Alternative,
    Article,
    Claim,
    ExtractReport,
    Flag,
    InputError,
    Measurement,
    Source,
    VerifyReport,
)
from extractors.report import render_extract, render_verify
from extractors.verify import verify

__all__ = [
    "Alternative",
    "Article",
    "Claim",
    "ExtractReport",
    "Flag",
    "InputError",
    "Measurement",
    "Source",
    "VerifyReport",
    "article_from_bytes",
    "extract",
    "load_article",
    "load_source",
    "render_extract",
    "render_verify",
    "source_from_bytes",
    "verify",
]
