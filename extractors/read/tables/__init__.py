"""Label tables → `Measurement` records, whether flattened into one line or with their cells kept.

`header` finds a table's caption, footnotes and column header, with `arms` (the arm cells in any
form, their Ns and sub-columns: grades, "n (%)", event rates) and `groups` (the column groups over
them); `cells` cuts a row into tokens and lists the ways its runs of digits split; `rows` and
`scoring` choose the best reading of a row; `reader` walks a table's rows and turns the best
reading of each into measurements (event and adverse-reaction tables name an endpoint per row).
Imports records, text and ingest.grids only.
"""

from __future__ import annotations

from extractors.read.tables.reader import extract_tables

__all__ = ["extract_tables"]
