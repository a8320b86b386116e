"""Verdicts: an article's claims against the records extraction read from its sources.

Modules: `verify` (the walk over the claims: `verify`, `verify_with`), `matching` (same frame,
agreeing numbers), `numbers`, `doses`, `fold`, `significance` and `scope` (one kind of claim
each), `describe` (explanations and corrections), `registry` (label results beside a
ClinicalTrials.gov record). May import `records`, `text`, `claims` and `checks`; `verify.verify`,
the whole pipeline for one article, also finds the label an article quotes (`ingest.articles`)
and extracts it (`read.pipeline`). Verdicts do not parse the label again: measurements, doses and
populations come from the `ExtractReport` (scope only looks up whether a source names the drug).
"""

from __future__ import annotations

from extractors.verdicts.verify import check_claim, verify, verify_with

__all__ = ["check_claim", "verify", "verify_with"]
