"""Reports: `ExtractReport`, `VerifyReport` and registry comparisons as JSON, CSV, text or HTML.

`as_json` holds the contract's shapes; `as_csv`, `as_text` and `as_html` the other formats;
`as_registry` the label beside its registry records. Every function is pure and returns ``str``.
This package reads records and imports `views.highlight` for the HTML report; nothing in the
pipeline imports it.
"""

from __future__ import annotations

from extractors.records import ExtractReport, VerifyReport
from extractors.report.as_csv import extract_csv, verify_csv
from extractors.report.as_html import verify_html
from extractors.report.as_json import (
    claim_dict,
    extract_dict,
    extract_json,
    measurement_dict,
    number,
    printed,
    summary_counts,
    verify_dict,
    verify_json,
)
from extractors.report.as_registry import render_registry
from extractors.report.as_text import extract_table, verify_table
from extractors.report.cells import SEVERITY_MARK, ci_text, value_text

FORMATS_EXTRACT = ("json", "csv", "table")
FORMATS_VERIFY = ("json", "csv", "table", "html")
FORMATS_REGISTRY = ("json", "csv", "table")


def render_extract(report: ExtractReport, fmt: str) -> str:
    """``report`` in one of `FORMATS_EXTRACT`."""
    renderers = {"json": extract_json, "csv": extract_csv, "table": extract_table}
    return renderers[fmt](report)


def render_verify(report: VerifyReport, fmt: str) -> str:
    """``report`` in one of `FORMATS_VERIFY`."""
    renderers = {"json": verify_json, "csv": verify_csv, "table": verify_table, "html": verify_html}
    return renderers[fmt](report)


__all__ = [
    "FORMATS_EXTRACT",
    "FORMATS_REGISTRY",
    "FORMATS_VERIFY",
    "SEVERITY_MARK",
    "ci_text",
    "claim_dict",
    "extract_csv",
    "extract_dict",
    "extract_json",
    "extract_table",
    "measurement_dict",
    "number",
    "printed",
    "render_extract",
    "render_registry",
    "render_verify",
    "summary_counts",
    "value_text",
    "verify_csv",
    "verify_dict",
    "verify_html",
    "verify_json",
    "verify_table",
]
