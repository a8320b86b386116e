"""Large and hostile inputs: extraction time must grow with the input, never explode.

Prints the time to extract (tables, prose, checks) from a label's text repeated up to ~12 MB,
and from table rows built to blow up the search over readings (long digit runs, hundreds of
run-together cells). Run: python bench/large_input.py [LABEL]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from extractors.ingest.labels import load_source, source_from_bytes
from extractors.read.pipeline import extract
from extractors.records import Source

DEFAULT = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "corpus"
    / "raw"
    / "keytruda_pembrolizumab_openfda_label_BLA125514_2023.json"
)
HEADER = (
    "Patients were randomized (2:1) to receive pazopanib or placebo. Table 9 Results "
    "HR Endpoint/Trial populationPazopanibPlacebo(95% CI) PFS Overall ITT N = 12 N = 13 Median (months)"
)


def timed(source: Source) -> tuple[int, float]:
    started = time.perf_counter()
    found = len(extract([source]).measurements)
    return found, time.perf_counter() - started


def main() -> None:
    label = load_source(sys.argv[1] if len(sys.argv) > 1 else str(DEFAULT))
    for copies in (1, 4, 16, 40):
        text = (label.text + "\n\n") * copies
        found, seconds = timed(source_from_bytes(text.encode("utf-8"), "large.txt"))
        size = len(text.encode("utf-8")) / 1_048_576
        print(f"{size:6.1f} MB  {found:6d} measurements  {seconds:6.2f} s  {size / seconds:5.2f} MB/s")
    hostile = {
        "a 100-digit run in a cell": HEADER + "1234567890" * 10,
        "200 glued median pairs in one row": HEADER + "4.61.6(0.26,0.48)" * 200,
        "5,000 rows of glued cells": HEADER + " Median (months)4.61.6(0.26,0.48)" * 5000,
    }
    for name, text in hostile.items():
        found, seconds = timed(Source("hostile", name, "text", "pazopanib", name, text))
        print(f"{name:36}  {found:6d} measurements  {seconds:6.2f} s")


if __name__ == "__main__":
    main()
