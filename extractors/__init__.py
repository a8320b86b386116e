"""trialproof: check the numbers articles quote from clinical trials against the FDA label.

This module is the public API: the command line (`extractors.cli`), the dashboard (`app.py`) and
scripts import from here and nowhere else, so everything behind it can move freely. The pipeline,
one package per step:

- `ingest`: files → `Source` (labels) and `Article`;
- `text`: patterns, vocabularies, names and repairs shared by every step;
- `read`: a label's text → `Measurement` records (tables and prose), then `checks` add flags;
- `claims`: an article → `Claim` records; `verdicts`: claims against measurements;
- `report`: JSON, CSV, text and HTML; `views`: tables and figures for the dashboard.

Names are loaded when first used (PEP 562), so ``import extractors`` stays cheap: the command line
does not pay for plotly or pandas unless it draws, nor for the checks' statistics unless it checks.
"""

from __future__ import annotations

# isort: off
import extractors.interrupt  # noqa: F401  (first of all: Ctrl-C while the command line loads is one line)

# isort: on
import importlib
from typing import TYPE_CHECKING, Any

from extractors.records import (
    VERDICTS,
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

# Public name → the module that defines it, imported on first use.
_LAZY = {
    # reading files
    "load_source": "extractors.ingest.labels",
    "labels_named_in": "extractors.text.names",
    "source_from_bytes": "extractors.ingest.labels",
    "load_article": "extractors.ingest.articles",
    "article_from_bytes": "extractors.ingest.articles",
    # many documents: batches, the results store, labels fetched by name
    "BatchRequest": "extractors.batch.inputs",
    "run_batch": "extractors.batch.session",
    "wants_batch": "extractors.batch.inputs",
    "Job": "extractors.batch.runner",
    "InProcess": "extractors.batch.runner",
    "check_document": "extractors.batch.runner",
    "run_jobs": "extractors.batch.runner",
    "label_folder": "extractors.batch.runner",
    "expand_inputs": "extractors.batch.inputs",
    "dask_executor": "extractors.batch.session",
    "open_store": "extractors.batch.store",
    "store_articles": "extractors.batch.store",
    "is_label_name": "extractors.batch.inputs",
    "resolve_label": "extractors.batch.labels",
    "refresh_label": "extractors.batch.labels",
    "cached_labels": "extractors.batch.labels",
    "label_cache_folder": "extractors.batch.labels",
    # the pipeline
    "extract": "extractors.read.pipeline",
    "verify": "extractors.verdicts.verify",
    "verify_with": "extractors.verdicts.verify",
    "load_registry": "extractors.ingest.registry",
    "compare_registry": "extractors.verdicts.registry",
    # reports
    "FORMATS_EXTRACT": "extractors.report",
    "FORMATS_VERIFY": "extractors.report",
    "FORMATS_REGISTRY": "extractors.report",
    "render_extract": "extractors.report",
    "render_verify": "extractors.report",
    "render_registry": "extractors.report",
    "summary_counts": "extractors.report",
    "value_text": "extractors.report",
    "ci_text": "extractors.report",
    # the dashboard's building blocks
    "STYLESHEET": "extractors.views.highlight",
    "highlight_article": "extractors.views.highlight",
    "highlight_source": "extractors.views.highlight",
    "summary_badges": "extractors.views.highlight",
    "verdict_badge": "extractors.views.highlight",
    "verdict_label": "extractors.views.highlight",
    "MAX_UPLOAD_BYTES": "extractors.views.frames",
    "MEASUREMENT_WIDTHS": "extractors.views.frames",
    "claim_kinds": "extractors.views.frames",
    "claim_label": "extractors.views.frames",
    "filter_claims": "extractors.views.frames",
    "measurement_frame": "extractors.views.frames",
    "where_text": "extractors.views.frames",
    "forest_figure": "extractors.views.figures",
    "trials_with_results": "extractors.views.figures",
    "trial_title": "extractors.views.figures",
    "median_figure": "extractors.views.bars",
    "rate_figure": "extractors.views.bars",
    "evidence_html": "extractors.views.evidence",
    "claim_panel_html": "extractors.views.panel",
    "notice_html": "extractors.views.panel",
    "refused_chip_css": "extractors.views.panel",
    "kind_words": "extractors.views.words",
    "markdown_text": "extractors.views.words",
    "verdict_markdown": "extractors.views.words",
    "ARTICLE_SCRIPT": "extractors.views.article_box",
    "ARTICLE_BOX_CSS": "extractors.views.article_box",
    # the letter to the author
    "letter_items": "extractors.report.as_letter",
    "letter_markdown": "extractors.report.as_letter",
    "letter_html": "extractors.report.as_letter",
    "letter_body_html": "extractors.report.as_letter",
    "LETTER_STYLE": "extractors.report.as_letter",
    "CHECK_SECONDS": "extractors.views.isolate",
    "extract_isolated": "extractors.views.isolate",
    "verify_isolated": "extractors.views.isolate",
}
# Names whose defining module calls them something else.
_RENAMED = {"compare_registry": "compare", "label_cache_folder": "cache_folder"}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'extractors' has no attribute {name!r}")
    value = getattr(importlib.import_module(_LAZY[name]), _RENAMED.get(name, name))
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


if TYPE_CHECKING:
    from extractors.batch.inputs import BatchRequest, expand_inputs, is_label_name, wants_batch
    from extractors.batch.labels import cache_folder as label_cache_folder
    from extractors.batch.labels import cached_labels, refresh_label, resolve_label
    from extractors.batch.runner import InProcess, Job, check_document, label_folder, run_jobs
    from extractors.batch.session import dask_executor, run_batch
    from extractors.batch.store import open_store, store_articles
    from extractors.ingest.articles import article_from_bytes, load_article
    from extractors.ingest.labels import load_source, source_from_bytes
    from extractors.ingest.registry import load_registry
    from extractors.read.pipeline import extract
    from extractors.report import (
        FORMATS_EXTRACT,
        FORMATS_REGISTRY,
        FORMATS_VERIFY,
        ci_text,
        render_extract,
        render_registry,
        render_verify,
        summary_counts,
        value_text,
    )
    from extractors.report.as_letter import LETTER_STYLE, letter_body_html, letter_html, letter_items, letter_markdown
    from extractors.text.names import labels_named_in
    from extractors.verdicts.registry import compare as compare_registry
    from extractors.verdicts.verify import verify, verify_with
    from extractors.views.article_box import ARTICLE_BOX_CSS, ARTICLE_SCRIPT
    from extractors.views.bars import median_figure, rate_figure
    from extractors.views.evidence import evidence_html
    from extractors.views.figures import forest_figure, trial_title, trials_with_results
    from extractors.views.frames import (
        MAX_UPLOAD_BYTES,
        MEASUREMENT_WIDTHS,
        claim_kinds,
        claim_label,
        filter_claims,
        measurement_frame,
        where_text,
    )
    from extractors.views.highlight import (
        STYLESHEET,
        highlight_article,
        highlight_source,
        summary_badges,
        verdict_badge,
        verdict_label,
    )
    from extractors.views.isolate import CHECK_SECONDS, extract_isolated, verify_isolated
    from extractors.views.panel import claim_panel_html, notice_html, refused_chip_css
    from extractors.views.words import kind_words, markdown_text, verdict_markdown

__all__ = [  # kept literal for linters and type checkers; tests/test_layout.py checks it against _LAZY
    "ARTICLE_BOX_CSS",
    "ARTICLE_SCRIPT",
    "CHECK_SECONDS",
    "FORMATS_EXTRACT",
    "FORMATS_REGISTRY",
    "FORMATS_VERIFY",
    "LETTER_STYLE",
    "MAX_UPLOAD_BYTES",
    "MEASUREMENT_WIDTHS",
    "STYLESHEET",
    "VERDICTS",
    "Alternative",
    "Article",
    "BatchRequest",
    "Claim",
    "ExtractReport",
    "Flag",
    "InProcess",
    "InputError",
    "Job",
    "Measurement",
    "Source",
    "VerifyReport",
    "article_from_bytes",
    "cached_labels",
    "check_document",
    "ci_text",
    "claim_kinds",
    "claim_label",
    "claim_panel_html",
    "compare_registry",
    "dask_executor",
    "evidence_html",
    "expand_inputs",
    "extract",
    "extract_isolated",
    "filter_claims",
    "forest_figure",
    "highlight_article",
    "highlight_source",
    "is_label_name",
    "kind_words",
    "label_cache_folder",
    "label_folder",
    "labels_named_in",
    "letter_body_html",
    "letter_html",
    "letter_items",
    "letter_markdown",
    "load_article",
    "load_registry",
    "load_source",
    "markdown_text",
    "measurement_frame",
    "median_figure",
    "notice_html",
    "open_store",
    "rate_figure",
    "refresh_label",
    "refused_chip_css",
    "render_extract",
    "render_registry",
    "render_verify",
    "resolve_label",
    "run_batch",
    "run_jobs",
    "source_from_bytes",
    "store_articles",
    "summary_badges",
    "summary_counts",
    "trial_title",
    "trials_with_results",
    "value_text",
    "verdict_badge",
    "verdict_label",
    "verdict_markdown",
    "verify",
    "verify_isolated",
    "verify_with",
    "wants_batch",
    "where_text",
]
