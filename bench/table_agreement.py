"""Label tables read alone, flattened as articles print them, against the same tables read from their cells.

For every label in the corpus, the tables are cut out of the label as a page prints them (each
cell once, however many columns or rows it spans: ``load_source(…, laid_out=False)``) and
flattened twice — cells separated by single spaces, and cells run together — with no prose around
them (`extractors.ingest.table_alone`). Each flattened form is read on its own and compared
with the structured reading of the label (the tables with their cells, prose around them):

- ``values``: a measurement agrees when table, statistic, value, qualifier, CI and the arm's first
  word (case-insensitive) agree — a structured header names "KEYTRUDA 200 mg every 3 weeks
  Carboplatin …" where a flattened one may only say "KEYTRUDA";
- ``attributed``: the same, and the endpoint and population agree too;
- ``extra``: readings of the flattened form the structured form does not have (misreadings, or
  values only the flattened form reads);
- ``Ns``: of the "N = 246" printed in the tables, how many each form reads as an N;
- ``inv``: values whose raw characters are not at their span in the text read (must be 0).

Counts are multisets: a value printed twice must be read twice. Run from the project root:

    python bench/table_agreement.py [CORPUS_DIR] [--show LABEL_SUBSTRING] [--adverse]

The tables measured are the efficacy tables (openFDA ``clinical_studies_table``, the tables of an
SPL's clinical studies section); ``--adverse`` measures the adverse-reaction tables instead.

``--show`` prints, for the labels whose file name contains the substring, the structured readings
each flattened form misses and the readings it has that the structured form does not.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from extractors.ingest.labels import load_source
from extractors.ingest.table_alone import Span, table_blocks, tables_alone
from extractors.read.tables import extract_tables
from extractors.records import InputError, Measurement, Source
from extractors.text.patterns import tables as table_patterns

FORMS = {"spaced": " ", "glued": ""}
Key = tuple[object, ...]


def value_key(m: Measurement) -> Key:
    arm = m.arm.split()[0].lower() if m.arm else None
    return (m.table, m.statistic, m.value, m.qualifier, m.ci_low, m.ci_high, arm)


def attributed_key(m: Measurement) -> Key:
    population = " ".join(m.population.lower().split()) if m.population else None
    return (*value_key(m), m.endpoint, population)


def invented(source: Source, measurements: Iterable[Measurement]) -> int:
    """Values not traceable to their span: the raw text is not there, or does not read as the value."""
    count = 0
    for m in measurements:
        start, end = m.span
        if source.text[start:end] != m.raw or (
            m.value is not None and float(m.raw.replace(" ", "").replace(",", "")) != m.value
        ):
            count += 1
    return count


def ns_read(source: Source, spans: list[Span], measurements: Iterable[Measurement]) -> tuple[int, int]:
    """(Ns read as an N, Ns printed) in ``spans`` of ``source.text``."""
    read = {m.span[0] for m in measurements if m.statistic == "n"}
    printed = [
        match.start("count")
        for start, end in spans
        for match in table_patterns.N_PRINTED.finditer(source.text, start, end)
    ]
    return sum(1 for at in printed if at in read), len(printed)


def within(measurements: Iterable[Measurement], spans: list[Span]) -> list[Measurement]:
    return [m for m in measurements if any(start <= m.span[0] < end for start, end in spans)]


class Totals:
    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()

    def add(self, **counts: int) -> None:
        self.counts.update(counts)

    def share(self, part: str, whole: str = "base") -> str:
        return _percent(self.counts[part], self.counts[whole])


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "    -"


def evaluate(path: Path, totals: Totals, show: bool, section: str) -> str | None:
    try:
        source = load_source(str(path))
    except InputError:
        return None
    blocks = table_blocks(source.text, section)
    if not blocks:
        return None
    base = within(extract_tables(source), blocks)
    base_values = Counter(value_key(m) for m in base)
    base_attributed = Counter(attributed_key(m) for m in base)
    n_read, n_printed = ns_read(source, blocks, base)
    row = [f"{path.name[:44]:44} {len(base):5d} {n_read:4d}/{n_printed:<4d}"]
    totals.add(base=len(base), n_structured=n_read, n_printed=n_printed)
    printed = load_source(str(path), laid_out=False)  # a spanned name once, as a scraper sees it
    for name, glue in FORMS.items():
        alone, _ = tables_alone(printed, glue, section)
        found = extract_tables(alone)
        values = sum((base_values & Counter(value_key(m) for m in found)).values())
        attributed = sum((base_attributed & Counter(attributed_key(m) for m in found)).values())
        extra = sum((Counter(value_key(m) for m in found) - base_values).values())
        wrong = invented(alone, found)
        form_read, form_printed = ns_read(alone, [(0, len(alone.text))], found)
        totals.add(**{name: values, f"{name}_attributed": attributed, f"{name}_extra": extra, "invented": wrong})
        totals.add(**{f"{name}_n": form_read, f"{name}_n_printed": form_printed})
        row.append(
            f"{_percent(values, len(base))} {_percent(attributed, len(base))} {extra:5d} "
            f"{form_read:4d}/{form_printed:<4d} {wrong:3d}"
        )
        if show:
            _show(name, base, found)
    return " | ".join(row)


def _show(name: str, base: list[Measurement], found: list[Measurement]) -> None:
    missing = Counter(attributed_key(m) for m in base) - Counter(attributed_key(m) for m in found)
    extra = Counter(attributed_key(m) for m in found) - Counter(attributed_key(m) for m in base)
    print(f"--- {name}: {sum(missing.values())} structured readings missing")
    for key in sorted(missing, key=str):
        print("   -", key)
    print(f"--- {name}: {sum(extra.values())} readings the structured form does not have")
    for key in sorted(extra, key=str):
        print("   +", key)


def main(argv: list[str]) -> None:
    show = argv[argv.index("--show") + 1].lower() if "--show" in argv else None
    section = "adverse" if "--adverse" in argv else "efficacy"
    arguments = [a for i, a in enumerate(argv) if not a.startswith("--") and (i == 0 or argv[i - 1] != "--show")]
    corpus = Path(arguments[0]) if arguments else Path(__file__).resolve().parents[2] / "shared" / "corpus" / "raw"
    totals = Totals()
    form_header = f"{'values':>6} {'attrib':>6} {'extra':>5} {'Ns':>9} {'inv':>3}"
    print(f"{'label':44} {'table':>5} {'Ns':>9} | spaced: {form_header} | glued: {form_header}")
    below: list[str] = []
    labels = 0
    for path in sorted(p for p in corpus.iterdir() if p.suffix in {".json", ".xml"}):
        before = dict(totals.counts)
        line = evaluate(path, totals, show is not None and show in path.name.lower(), section)
        if line is None:
            continue
        print(line, flush=True)
        labels += 1
        base = totals.counts["base"] - before.get("base", 0)
        for name in FORMS:
            agreed = totals.counts[name] - before.get(name, 0)
            if base and agreed < 0.9 * base:
                below.append(f"{path.name.split('_')[0]} ({name})")
    counts = totals.counts
    print(
        f"\n{counts['base']} structured table readings in {labels} labels with tables; "
        f"Ns read: structured {counts['n_structured']}/{counts['n_printed']}"
    )
    for name in FORMS:
        print(
            f"{name:7} form: values {totals.share(name).strip()}, attributed {totals.share(f'{name}_attributed').strip()}, "
            f"extra {counts[f'{name}_extra']}, Ns {counts[f'{name}_n']}/{counts[f'{name}_n_printed']}"
        )
    print(f"invented values (all forms): {counts['invented']}")
    print(f"labels under 90% in a form: {len(below)}" + (": " + ", ".join(below) if below else ""))


if __name__ == "__main__":
    main(sys.argv[1:])
