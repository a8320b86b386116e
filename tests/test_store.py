"""The results store: the README's SQL runs on a real DuckDB file, a rerun adds no rows, bad stores are one line."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from extractors import cli, store_articles
from extractors.batch.store import TABLES
from tests.conftest import PROJECT, shared_file

ARTICLES = PROJECT / "tests" / "cases" / "articles"
README = (PROJECT / "README.md").read_text(encoding="utf-8")
QUERIES = {block.splitlines()[0].removeprefix("-- "): block for block in re.findall(r"```sql\n(.*?)```", README, re.S)}


def counts(store: Path) -> dict[str, int]:
    with duckdb.connect(str(store), read_only=True) as db:
        return {table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES}  # type: ignore[index]


def write(path: Path, runs: list[list[str]], out: Path) -> None:
    for argv in runs:
        assert cli.main([*argv, "--store", str(path), "--format", "jsonl", "-o", str(out)]) in (0, 1)


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[list[str]]]:
    """Articles checked against the label versions a newsroom would have: old and new Votrient, Tagrisso, Opdivo."""
    raw = shared_file("corpus/raw")
    folder = tmp_path_factory.mktemp("store")
    labels = folder / "labels"
    labels.mkdir()
    for name in ("tagrisso_openfda_label.json", "opdivo_nivolumab_openfda_label_BLA125554_2023.json"):
        shutil.copy(raw / name, labels / name)
    path = folder / "results.duckdb"
    old_votrient = raw / "votrient_pazopanib_openfda_label_NDA022465_2019_snapshot2019-12.json"  # version 5
    new_votrient = raw / "votrient_pazopanib_openfda_label_NDA022465_2023.json"  # version 12
    runs = [
        ["verify", str(ARTICLES / "osimertinib_review.md"), "--labels", str(labels)],
        ["verify", str(ARTICLES / "pazopanib_misquotes.txt"), "--source", str(old_votrient)],
        ["extract", str(new_votrient), str(labels / "opdivo_nivolumab_openfda_label_BLA125554_2023.json")],
    ]
    write(path, runs, folder / "out.jsonl")
    return path, runs


@pytest.fixture(scope="module")
def store(runs: tuple[Path, list[list[str]]]) -> Path:
    return runs[0]


def test_readme_has_the_three_questions() -> None:
    assert list(QUERIES) == [
        "every contradicted claim this week, by article",
        "all overall-survival hazard ratios in nivolumab labels",
        "articles whose numbers disagree with the latest label version",
    ]


def test_readme_lists_every_column_of_every_table() -> None:
    section = README.split("## The results store", 1)[1].split("\n## ", 1)[0]
    for table, (columns, _) in TABLES.items():
        row = next(line for line in section.splitlines() if line.startswith(f"| `{table}` |"))
        assert [c for c in re.findall(r"`(\w+)`", row)[1:]] == [name for name, _ in columns], table


def test_contradicted_claims_this_week(store: Path) -> None:
    with duckdb.connect(str(store), read_only=True) as db:
        rows = db.execute(QUERIES["every contradicted claim this week, by article"]).fetchall()
        expected = db.execute("SELECT sum(contradicted) FROM articles").fetchone()
    assert expected is not None and len(rows) == expected[0] > 0
    assert {Path(r[0]).name for r in rows} == {"osimertinib_review.md", "pazopanib_misquotes.txt"}
    assert all(r[2] and r[3] and "Contradicted" in r[4] for r in rows)  # kind, the article's characters, why


def test_overall_survival_hazard_ratios_of_nivolumab(store: Path) -> None:
    with duckdb.connect(str(store), read_only=True) as db:
        rows = db.execute(QUERIES["all overall-survival hazard ratios in nivolumab labels"]).fetchall()
    assert len(rows) >= 5 and {r[0] for r in rows} == {"OPDIVO"}
    checkmate_017 = [r for r in rows if r[3] and "017" in r[3] and r[4] is None]
    assert [(r[7], r[8], r[9]) for r in checkmate_017] == [(0.59, 0.44, 0.79)]  # the label's Table, not the registry


def test_disagreement_with_the_latest_label_version(store: Path) -> None:
    with duckdb.connect(str(store), read_only=True) as db:
        rows = db.execute(QUERIES["articles whose numbers disagree with the latest label version"]).fetchall()
    # The pazopanib article was checked against Votrient version 5; version 12 is now in the store.
    assert [(Path(r[0]).name, r[1], r[2]) for r in rows] == [("osimertinib_review.md", "TAGRISSO", 36)]


def test_rerun_adds_no_rows(runs: tuple[Path, list[list[str]]], tmp_path: Path) -> None:
    store, argvs = runs
    before = counts(store)
    write(store, argvs, tmp_path / "out.jsonl")
    assert counts(store) == before and before["claims"] > 0 and before["measurements"] > 0


def test_store_articles_lists_verdict_counts(store: Path) -> None:
    articles = {Path(a.path).name: a for a in store_articles(str(store))}
    assert set(articles) == {"osimertinib_review.md", "pazopanib_misquotes.txt"}
    misquotes = articles["pazopanib_misquotes.txt"]
    assert misquotes.contradicted > 0 and misquotes.trialproof


def test_a_changed_article_is_a_new_document(tmp_path: Path) -> None:
    article = tmp_path / "article.md"
    seed = PROJECT / "data" / "examples" / "sarcoma_thigh_treatment_options.txt"
    store = tmp_path / "s.duckdb"
    article.write_bytes(seed.read_bytes())
    for _ in range(2):
        cli.main(["verify", str(article), "--store", str(store), "-o", str(tmp_path / "r.txt")])
    article.write_bytes(seed.read_bytes() + b"\nUpdated.\n")
    cli.main(["verify", str(article), "--store", str(store), "-o", str(tmp_path / "r.txt")])
    assert counts(store)["articles"] == 2  # one per content; the same content twice is one


def test_not_a_store_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "notes.duckdb"
    bad.write_text("these are my notes, not a database\n", encoding="utf-8")
    code = cli.main(["verify", str(ARTICLES / "pazopanib_faithful.md"), "--store", str(bad)])
    out, err = capsys.readouterr()
    assert code == 2 and out == "" and len(err.splitlines()) == 1
    assert err.startswith(f"trialproof: {bad}: cannot open the results store")


def test_store_in_use_by_another_process_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "busy.duckdb"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, time; db = duckdb.connect({str(store)!r}); print('held', flush=True); time.sleep(30)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        code = cli.main(["verify", str(ARTICLES / "pazopanib_faithful.md"), "--store", str(store)])
        out, err = capsys.readouterr()
        assert code == 2 and out == "" and len(err.splitlines()) == 1 and "cannot open the results store" in err
        assert time.monotonic() - started < 10  # refused at once, not waited for
    finally:
        holder.kill()
        holder.wait()


def test_dashboard_lists_the_store_articles(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("TRIALPROOF_STORE", str(store))
    at = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=120)
    at.run()
    assert not at.exception and not at.error
    assert any(f"{store}: 2 articles checked" in c.value for c in at.caption)
    table = next(frame.value for frame in at.dataframe if "article" in frame.value.columns)
    rows = {
        Path(path).name: contradicted
        for path, contradicted in zip(table["article"], table["✗ contradicted"], strict=True)
    }
    assert rows == {a.path.rsplit("/", 1)[-1]: a.contradicted for a in store_articles(str(store))}


def test_dashboard_says_when_the_store_cannot_be_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("TRIALPROOF_STORE", str(tmp_path / "missing.duckdb"))
    at = AppTest.from_file(str(PROJECT / "app.py"), default_timeout=120)
    at.run()
    assert not at.exception
    assert any("cannot open the results store" in e.value for e in at.error)
