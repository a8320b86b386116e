"""Verification speed, in-process: a ~40 KB review against one label, and a 5 MB article.

The review is the corpus's article_PMC13070087 (EGFR NSCLC) checked against the TAGRISSO label;
the 5 MB article is the text of the corpus's four reviews, repeated until it reaches 5 MB, checked
against the same label (it runs in a child process with a time limit, so a slow run is reported
as "more than the limit" instead of stalling the bench). Times are medians of several runs, next
to a plain regular-expression pass that finds the numbers in the same article text (the baseline).
Run:

    python bench/verify_speed.py [CORPUS_DIR] [--runs 5] [--limit 300] [--size-mb 5]

Targets (issue 13): the review in at most 100 ms; the 5 MB article in at most 10 s.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from benchkit import CORPUS, REVIEW, REVIEW_LABEL, in_child, number_pass, ratio, timed

from extractors import Article, article_from_bytes, extract, load_article, load_source, verify


def review(corpus: Path, runs: int) -> None:
    article_path, label_path = str(corpus / REVIEW), str(corpus / REVIEW_LABEL)
    article, label = load_article(article_path), load_source(label_path)
    size = len(article.text.encode("utf-8")) / 1000

    whole = timed(lambda: verify(load_article(article_path), [load_source(label_path)]), runs)
    ingest = timed(lambda: (load_article(article_path), load_source(label_path)), runs)
    extraction = timed(lambda: extract([label]), runs)
    checking = timed(lambda: verify(article, [label]), runs)
    baseline = timed(lambda: number_pass([article.text]), runs)
    claims = whole.result.claims
    print(f"{REVIEW[:40]} ({size:.0f} KB of text, {len(claims)} claims) against {REVIEW_LABEL}, {runs} runs:")
    print("CPU milliseconds of this process (medians):")
    print(
        f"  read both files, extract the label, verify   {whole.median * 1000:8.1f} ms  (wall {whole.wall * 1000:.1f} ms)"
    )
    print(f"    read both files (ingest)                   {ingest.median * 1000:8.1f} ms")
    print(f"    extract the label                          {extraction.median * 1000:8.1f} ms")
    print(f"    claims and matching (verify − extract)     {(checking.median - extraction.median) * 1000:8.1f} ms")
    print(
        f"  regex numbers in the article               {baseline.median * 1000:8.2f} ms  "
        f"({baseline.result} numbers; verify takes {ratio(whole.median, baseline.median)} its time)"
    )


def big_article(corpus: Path, megabytes: float) -> Article:
    """The corpus reviews' text, repeated until it is ``megabytes`` long, read as a plain-text article."""
    reviews = "\n\n".join(load_article(str(path)).text for path in sorted(corpus.glob("article_*")))
    copies = -(-int(megabytes * 1_000_000) // len(reviews.encode("utf-8")))  # ceiling division
    return article_from_bytes(("\n\n".join([reviews] * copies)).encode("utf-8"), "repeated_reviews.txt")


def big(corpus: Path, megabytes: float, runs: int, limit: float) -> None:
    found = in_child(__file__, ["--child", str(corpus), str(megabytes), str(runs), str(limit)], limit)
    if found is None:
        print(f"{megabytes:g} MB article: not done within {limit:.0f} s (stopped)")
        return
    print(
        f"{found['mb']:.1f} MB article ({found['claims']} claims) against {REVIEW_LABEL}: "
        f"{found['seconds']:.2f} s CPU, {found['wall']:.2f} s wall (median of {found['runs']}; regex numbers {found['baseline'] * 1000:.0f} ms, "
        f"verify takes {ratio(found['seconds'], found['baseline'])} its time)"
    )


def child(corpus: Path, megabytes: float, runs: int, limit: float) -> None:
    label = load_source(str(corpus / REVIEW_LABEL))
    verify(load_article(str(corpus / REVIEW)), [label])  # warm: patterns compiled, data loaded
    text = big_article(corpus, megabytes).text
    whole = timed(lambda: verify(article_from_bytes(text.encode("utf-8"), "repeated.txt"), [label]), runs, limit / 3)
    baseline = timed(lambda: number_pass([text]), 3)
    report = {
        "mb": len(text.encode("utf-8")) / 1_000_000,
        "claims": len(whole.result.claims),
        "seconds": whole.median,
        "wall": whole.wall,
        "runs": whole.runs,
        "baseline": baseline.median,
    }
    print(json.dumps(report))


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        corpus, size, runs, limit = sys.argv[2:6]
        child(Path(corpus), float(size), int(runs), float(limit))
        return
    arguments = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    arguments.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    arguments.add_argument("--runs", type=int, default=5)
    arguments.add_argument("--big-runs", type=int, default=1, help="runs of the big article")
    arguments.add_argument("--limit", type=float, default=300.0, help="seconds the big article may take, all runs")
    arguments.add_argument("--size-mb", type=float, default=5.0)
    options = arguments.parse_args()
    review(options.corpus, options.runs)
    big(options.corpus, options.size_mb, options.big_runs, options.limit)


if __name__ == "__main__":
    main()
