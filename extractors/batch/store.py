"""Outcomes in a DuckDB file, to ask questions of later: labels, measurements, articles, claims.

Every row is keyed by the SHA-256 of its document's bytes and the trialproof version that read
it, so running the same files again replaces rows instead of adding them, and a new version of
trialproof keeps its results beside the old. The README shows the schema and the SQL an editor
runs against it; `TABLES` is that schema. Only the caller writes: workers return outcomes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from types import TracebackType
from typing import Any

from extractors.batch.facts import LabelFacts
from extractors.batch.runner import Outcome, sha256
from extractors.records import Claim, ExtractReport, InputError, Measurement, Source, VerifyReport

# table → its columns (name, DuckDB type) and its key. The README's "The results store" lists them.
TABLES: dict[str, tuple[tuple[tuple[str, str], ...], tuple[str, ...]]] = {
    "sources": (
        (("source_hash", "VARCHAR"), ("trialproof", "VARCHAR"), ("id", "VARCHAR"), ("path", "VARCHAR"),
         ("kind", "VARCHAR"), ("drug", "VARCHAR"), ("brand", "VARCHAR"), ("title", "VARCHAR"),
         ("set_id", "VARCHAR"), ("label_version", "INTEGER"), ("effective_date", "DATE"),
         ("text", "VARCHAR"), ("stored_at", "TIMESTAMP")),
        ("source_hash", "trialproof"),
    ),
    "measurements": (
        (("source_hash", "VARCHAR"), ("trialproof", "VARCHAR"), ("n", "INTEGER"), ("trial", "VARCHAR"),
         ("nct", "VARCHAR"), ("endpoint", "VARCHAR"), ("population", "VARCHAR"), ("statistic", "VARCHAR"),
         ("arm", "VARCHAR"), ("comparator", "VARCHAR"), ("value", "DOUBLE"), ("raw", "VARCHAR"),
         ("qualifier", "VARCHAR"), ("ci_low", "DOUBLE"), ("ci_high", "DOUBLE"), ("ci_level", "DOUBLE"),
         ("unit", "VARCHAR"), ("span_start", "INTEGER"), ("span_end", "INTEGER"), ("confidence", "VARCHAR"),
         ("table_name", "VARCHAR"), ("row_name", "VARCHAR"), ("column_name", "VARCHAR"),
         ("assessment", "VARCHAR"), ("flags", "VARCHAR[]")),
        ("source_hash", "trialproof", "n"),
    ),
    "articles": (
        (("article_hash", "VARCHAR"), ("trialproof", "VARCHAR"), ("path", "VARCHAR"), ("title", "VARCHAR"),
         ("text", "VARCHAR"), ("checked_at", "TIMESTAMP"), ("labels", "VARCHAR[]"), ("supported", "INTEGER"),
         ("contradicted", "INTEGER"), ("overgeneralized", "INTEGER"), ("unverifiable", "INTEGER")),
        ("article_hash", "trialproof"),
    ),
    "claims": (
        (("article_hash", "VARCHAR"), ("trialproof", "VARCHAR"), ("n", "INTEGER"), ("text", "VARCHAR"),
         ("span_start", "INTEGER"), ("span_end", "INTEGER"), ("raw", "VARCHAR"), ("value", "DOUBLE"),
         ("statistic", "VARCHAR"), ("endpoint", "VARCHAR"), ("arm", "VARCHAR"), ("population", "VARCHAR"),
         ("trial", "VARCHAR"), ("unit", "VARCHAR"), ("ci_low", "DOUBLE"), ("ci_high", "DOUBLE"),
         ("section", "VARCHAR"), ("hedge", "VARCHAR"), ("cites", "VARCHAR[]"), ("verdict", "VARCHAR"),
         ("kind", "VARCHAR"), ("explanation", "VARCHAR"), ("flags", "VARCHAR[]"),
         ("evidence_source_hash", "VARCHAR"), ("evidence_n", "INTEGER")),
        ("article_hash", "trialproof", "n"),
    ),
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """An article in a store, with its verdict counts, as the dashboard lists it."""

    path: str
    title: str
    checked_at: datetime
    trialproof: str
    supported: int
    contradicted: int
    overgeneralized: int
    unverifiable: int


class Store:
    """A results store open for writing; use as a context manager."""

    def __init__(self, path: str, version: str) -> None:
        self.path = path
        self.version = version
        self._db = _connect(path, read_only=False)
        self._stored: set[str] = set()  # label hashes known to be in the store for this version
        for table, (columns, key) in TABLES.items():
            body = ", ".join(f"{name} {kind}" for name, kind in columns)
            self._db.execute(f"CREATE TABLE IF NOT EXISTS {table} ({body}, PRIMARY KEY ({', '.join(key)}))")

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    def write(self, outcome: Outcome) -> None:
        """Store what ``outcome`` read: its labels and measurements, its article and claims."""
        report = outcome.report
        if report is None or outcome.sha256 is None:
            return
        hashes = {label.source.id: label.sha256 for label in outcome.labels}
        facts = {label.source.id: label.facts for label in outcome.labels}
        for source in report.sources:  # a label the article quotes has no file: its text is hashed
            hashes.setdefault(source.id, sha256(source.text.encode("utf-8")))
        self._db.execute("BEGIN TRANSACTION")
        try:
            for source in report.sources:
                self._write_label(source, hashes[source.id], facts.get(source.id, LabelFacts()), report)
            if isinstance(report, VerifyReport):
                self._write_article(outcome.sha256, report, hashes)
            self._db.execute("COMMIT")
        except BaseException:
            self._db.execute("ROLLBACK")
            raise

    def _write_label(
        self, source: Source, digest: str, facts: LabelFacts, report: ExtractReport | VerifyReport
    ) -> None:
        if digest in self._stored or self._has("sources", "source_hash", digest):
            self._stored.add(digest)
            return  # the same bytes read by the same version: the same rows
        self._insert("sources", [[digest, self.version, source.id, source.path, source.kind, source.drug,
                                  facts.brand, source.title, facts.set_id, facts.version, facts.effective,
                                  source.text, datetime.now()]])  # fmt: skip
        mine = [m for m in report.measurements if m.source == source.id]
        self._insert("measurements", [_measurement_row(digest, self.version, n, m) for n, m in enumerate(mine, 1)])
        self._stored.add(digest)

    def _write_article(self, digest: str, report: VerifyReport, hashes: dict[str, str]) -> None:
        for table in ("articles", "claims"):
            self._db.execute(f"DELETE FROM {table} WHERE article_hash = ? AND trialproof = ?", [digest, self.version])
        counts = {v: sum(1 for c in report.claims if c.verdict == v) for v in _VERDICT_COLUMNS}
        article = report.article
        labels = [hashes[s.id] for s in report.sources]
        self._insert("articles", [[digest, self.version, article.path, article.title, article.text, datetime.now(),
                                   labels, *(counts[v] for v in _VERDICT_COLUMNS)]])  # fmt: skip
        numbers = _evidence_numbers(report.measurements)
        rows = [
            _claim_row(digest, self.version, n, c, article.text, hashes, numbers)
            for n, c in enumerate(report.claims, 1)
        ]
        self._insert("claims", rows)

    def _has(self, table: str, column: str, digest: str) -> bool:
        query = f"SELECT count(*) FROM {table} WHERE {column} = ? AND trialproof = ?"
        row = self._db.execute(query, [digest, self.version]).fetchone()
        return bool(row and row[0])

    def _insert(self, table: str, rows: Sequence[Sequence[Any]]) -> None:
        """Insert ``rows`` column-wise (one statement, not one per row: DuckDB is columnar)."""
        if not rows:
            return
        columns = TABLES[table][0]
        unnests = ", ".join(f"unnest(?::{kind}[]) AS {name}" for name, kind in columns)
        self._db.execute(f"INSERT INTO {table} SELECT {unnests}", [list(col) for col in zip(*rows, strict=True)])


_VERDICT_COLUMNS = ("supported", "contradicted", "overgeneralized", "unverifiable")


def _measurement_row(digest: str, version: str, n: int, m: Measurement) -> list[Any]:
    return [digest, version, n, m.trial, m.nct, m.endpoint, m.population, m.statistic, m.arm, m.comparator,
            m.value, m.raw, m.qualifier, m.ci_low, m.ci_high, m.ci_level, m.unit, m.span[0], m.span[1],
            m.confidence, m.table, m.row, m.column, m.assessment, [f.check for f in m.flags]]  # fmt: skip


def _evidence_numbers(measurements: Sequence[Measurement]) -> dict[Measurement, int]:
    """Each measurement → its number among its source's measurements (as in the measurements table)."""
    numbers: dict[Measurement, int] = {}
    counts: dict[str, int] = {}
    for m in measurements:
        counts[m.source] = counts.get(m.source, 0) + 1
        numbers.setdefault(m, counts[m.source])
    return numbers


def _claim_row(digest: str, version: str, n: int, c: Claim, text: str, hashes: dict[str, str],
               numbers: dict[Measurement, int]) -> list[Any]:  # fmt: skip
    evidence = c.evidence
    return [digest, version, n, c.text, c.span[0], c.span[1], c.raw, c.value, c.statistic,
            c.endpoint, c.arm, c.population, c.trial, c.unit, c.ci_low, c.ci_high, c.section, c.hedge,
            list(c.cites), c.verdict, c.kind, c.explanation, [f.check for f in c.flags],
            hashes.get(evidence.source) if evidence else None,
            numbers.get(evidence) if evidence else None]  # fmt: skip


def _connect(path: str, read_only: bool) -> Any:
    import duckdb

    try:
        return duckdb.connect(path, read_only=read_only)
    except duckdb.Error as error:
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise InputError(path, f"cannot open the results store: {first}") from None


def open_store(path: str, version: str) -> Store:
    """The store at ``path`` open for writing (made, with its tables, when it does not exist)."""
    return Store(path, version)


def store_articles(path: str) -> list[StoredArticle]:
    """The articles in the store at ``path``, newest check first, with their verdict counts."""
    db = _connect(path, read_only=True)
    try:
        rows = db.execute(
            "SELECT path, title, checked_at, trialproof, supported, contradicted, overgeneralized, unverifiable "
            "FROM articles ORDER BY checked_at DESC, path"
        ).fetchall()
    except Exception as error:  # a DuckDB file without our tables
        raise InputError(path, f"not a trialproof results store ({type(error).__name__})") from None
    finally:
        db.close()
    return [StoredArticle(*row) for row in rows]
