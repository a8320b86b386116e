"""Label tables → `Measurement` records, whether flattened into one line or with their cells kept.

`header` finds a table's caption, footnotes and column header; `cells` cuts a row into tokens
and lists the ways its runs of digits split; `reader` walks a table's rows and turns the best
reading of each into measurements. Imports records, text and ingest.grids only.
"""

from __future__ import annotations

from extractors.read.tables.reader import extract_tables

__all__ = ["extract_tables"]
