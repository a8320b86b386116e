"""Write the JSON output of `extract` and `verify` for the corpus and the bundled articles to a folder.

Two snapshots taken before and after a change show whether results moved: a refactor must leave
them byte-identical (apart from fields it adds). Run from the project root:

    python bench/output_snapshot.py OUT_DIR [CORPUS_DIR]
    diff -r BEFORE_DIR AFTER_DIR

Each label in the corpus gives ``extract-<file>.json``; each article in data/examples and
tests/cases/articles gives ``verify-<file>.json`` (against the label it quotes), and each corpus
review ``verify-<file>.json`` against the TAGRISSO label. Unreadable inputs give a ``.error`` file
with the message, so a change in what is refused shows up too.
"""

from __future__ import annotations

import sys
from pathlib import Path

from extractors import InputError, extract, load_article, load_source, render_extract, render_verify, verify

PROJECT = Path(__file__).resolve().parent.parent
REVIEW_LABEL = "tagrisso_openfda_label.json"


def _write(out: Path, name: str, make: object) -> None:
    try:
        text = make()  # type: ignore[operator]
        (out / f"{name}.json").write_text(text, encoding="utf-8")
    except InputError as error:
        (out / f"{name}.error").write_text(f"{error.problem}\n", encoding="utf-8")


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1].startswith("-"):  # "--help" is no folder to fill
        raise SystemExit(__doc__)
    out = Path(sys.argv[1])
    corpus = Path(sys.argv[2]) if len(sys.argv) > 2 else PROJECT.parent / "shared" / "corpus" / "raw"
    out.mkdir(parents=True, exist_ok=True)
    labels = sorted(p for p in corpus.glob("*") if not p.name.startswith("article_"))
    for path in labels:
        _write(out, f"extract-{path.name}", lambda p=path: render_extract(extract([load_source(str(p))]), "json"))
    articles = sorted((PROJECT / "data" / "examples").glob("*.txt")) + sorted(
        p for p in (PROJECT / "tests" / "cases" / "articles").glob("*") if not p.name.endswith(".json")
    )
    for path in articles:
        _write(out, f"verify-{path.name}", lambda p=path: render_verify(verify(load_article(str(p))), "json"))
    review_label = corpus / REVIEW_LABEL
    for path in sorted(corpus.glob("article_*")):
        _write(
            out,
            f"verify-{path.name}",
            lambda p=path: render_verify(verify(load_article(str(p)), [load_source(str(review_label))]), "json"),
        )
    print(f"{len(list(out.iterdir()))} outputs in {out}")


if __name__ == "__main__":
    main()
