"""Corpus evaluation: every label in ../shared/corpus/raw, in all its forms.

For each label it prints the measurements found, how well the flattened forms agree with the
form that kept its cell boundaries, how many values are invented (a value whose characters are
not at its span in the source: must be 0), and the time taken. Run:

    python bench/corpus_eval.py [CORPUS_DIR]
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable
from pathlib import Path

from extractors.ingest.grids import table_forms
from extractors.ingest.labels import load_source
from extractors.read.attach import number_words
from extractors.read.pipeline import extract
from extractors.read.tables import extract_tables
from extractors.records import InputError, Measurement, Source
from extractors.text.numbers import to_float

Key = tuple[object, ...]
TOTALS = {"structured": 0, "spaced": 0, "glued": 0, "invented": 0, "errors": 0}


def _key(m: Measurement) -> Key:
    """What must agree across forms. An arm is known by its first word: a structured header cell
    names "KEYTRUDA 200 mg every 3 weeks Carboplatin …" where a flattened one can only say "KEYTRUDA"."""
    arm = m.arm.split()[0].lower() if m.arm else None
    population = " ".join(m.population.lower().split()) if m.population else None
    return (m.table, m.statistic, m.endpoint, population, arm, m.value, m.qualifier, m.ci_low, m.ci_high)


def _keys(measurements: Iterable[Measurement], start: int, end: int) -> set[Key]:
    return {_key(m) for m in measurements if start <= m.span[0] < end}


def _read_back(raw: str) -> float | None:
    """What ``raw`` reads as: a printed number ("0. 39", "1,234"), or a number in words ("One",
    "Eighty-three") by the readers' own word table; None when it is neither."""
    try:
        return to_float(raw)
    except ValueError:
        pass
    words = number_words()
    parts = raw.lower().replace("-", " ").split()
    return float(sum(words[part] for part in parts)) if parts and all(part in words for part in parts) else None


def _reads_as(m: Measurement) -> bool:
    """Whether ``m.raw`` reads as ``m.value``. A difference's sign may come from its words rather
    than a minus: "an absolute risk reduction of 1.1%" is a difference of −1.1 (`read.roles`)."""
    read = _read_back(m.raw)
    return read == m.value or (m.statistic == "difference" and read is not None and -read == m.value)


def _invented(source: Source, measurements: Iterable[Measurement]) -> int:
    """Values not traceable to their span: the raw text is not there, or does not read as the value."""
    count = 0
    for m in measurements:
        start, end = m.span
        if source.text[start:end] != m.raw or (m.value is not None and not _reads_as(m)):
            count += 1
    return count


def evaluate(path: Path) -> str:
    try:
        source = load_source(str(path))
    except InputError as error:
        return f"{path.name[:58]:58} skipped: {error.problem}"
    started = time.perf_counter()
    report = extract([source])
    elapsed = time.perf_counter() - started
    readings = {}
    invented = _invented(source, report.measurements)
    for name, (form, start, end) in table_forms(source).items():
        found = extract_tables(form)
        invented += _invented(form, found)
        readings[name] = _keys(found, start, end)
    base = readings["structured"]

    def agreement(name: str) -> str:
        return f"{100 * len(base & readings[name]) / len(base):5.1f}%" if base else "    -"

    errors = sum(1 for m in report.measurements for f in m.flags if f.severity == "error")
    TOTALS["structured"] += len(base)
    TOTALS["spaced"] += len(base & readings["spaced"])
    TOTALS["glued"] += len(base & readings["glued"])
    TOTALS["invented"] += invented
    TOTALS["errors"] += errors
    return (
        f"{path.name[:58]:58} {source.kind:12} {len(report.measurements):5d} {len(base):5d} "
        f"{agreement('spaced')} {agreement('glued')} {invented:4d} {errors:4d} {elapsed * 1000:7.0f}ms"
    )


def main() -> None:
    corpus = (
        Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "corpus" / "raw"
    )
    files = sorted(p for p in corpus.iterdir() if p.suffix in {".json", ".xml"})
    print(
        f"{'label':58} {'kind':12} {'meas':>5} {'table':>5} {'spaced':>6} {'glued':>6} {'inv':>4} {'err':>4} {'time':>9}"
    )
    started = time.perf_counter()
    size = 0
    for path in files:
        size += path.stat().st_size
        print(evaluate(path), flush=True)
    elapsed = time.perf_counter() - started
    base = TOTALS["structured"] or 1
    print(
        f"\nlabels with structured tables: {TOTALS['structured']} table measurements; the spaced form agrees on "
        f"{100 * TOTALS['spaced'] / base:.1f}%, the glued form on {100 * TOTALS['glued'] / base:.1f}%; "
        f"invented values: {TOTALS['invented']}; error flags: {TOTALS['errors']}"
    )
    print(
        f"{len(files)} files, {size / 1024:.0f} KB in {elapsed:.1f}s (all forms): "
        f"{len(files) / elapsed:.2f} files/s, {size / 1024 / elapsed:.0f} KB/s"
    )


if __name__ == "__main__":
    main()
