"""Growth with the input: extraction and verification at 1×, 4×, 16× and 64× the input.

Extraction reads a label's text repeated k times (as a plain-text label); verification checks the
corpus review article_PMC13070087 repeated k times against the TAGRISSO label (whose extraction,
the same at every k, is part of the time). Each size runs in its own process with a time limit,
after one untimed run at 1× (patterns compiled, data loaded); a size that runs out of time is
reported as such and the larger ones are skipped. Beside each time: the plain regular-expression
number pass over the same text (the baseline, linear by construction). Run:

    python bench/growth.py [CORPUS_DIR] [--label FILE] [--runs 3] [--limit 300] [--copies 1 4 16 64]

Target (issue 13): 16× the input in at most 18× the time of 1×, for both.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from benchkit import CORPUS, REVIEW, REVIEW_LABEL, in_child, number_pass, timed

from extractors import article_from_bytes, extract, load_article, load_source, source_from_bytes, verify


def child(kind: str, corpus: Path, label_name: str, copies: int, runs: int, limit: float) -> None:
    label = load_source(str(corpus / label_name))
    review = load_article(str(corpus / REVIEW))
    verify(review, [label])  # warm: patterns compiled and data loaded once, outside the timing
    if kind == "extract":
        text = "\n\n".join([label.text] * copies)
        whole = timed(lambda: extract([source_from_bytes(text.encode("utf-8"), "repeated.txt")]), runs, limit / 3)
        found = len(whole.result.measurements)
    else:
        text = "\n\n".join([review.text] * copies)
        whole = timed(
            lambda: verify(article_from_bytes(text.encode("utf-8"), "repeated.txt"), [label]), runs, limit / 3
        )
        found = len(whole.result.claims)
    baseline = timed(lambda: number_pass([text]), 5)
    report = {
        "mb": len(text.encode("utf-8")) / 1_000_000,
        "found": found,
        "seconds": whole.median,
        "wall": whole.wall,
        "runs": whole.runs,
        "baseline": baseline.median,
    }
    print(json.dumps(report))


def series(kind: str, options: argparse.Namespace) -> None:
    what = "measurements" if kind == "extract" else "claims"
    subject = f"{options.label} text" if kind == "extract" else f"{REVIEW[:24]}… against {options.label}"
    print(f"\n{kind}: {subject}, repeated (CPU seconds, median of up to {options.runs} runs)")
    print(f"  {'copies':>6} {'MB':>6} {what:>12} {'seconds':>9} {'per copy':>9} {'vs 1×':>7} {'regex vs 1×':>12}")
    first: dict[str, float] | None = None
    times: dict[int, float] = {}
    for copies in options.copies:
        args = ["--child", kind, str(options.corpus), options.label, str(copies), str(options.runs), str(options.limit)]
        found = in_child(__file__, args, options.limit)
        if found is None:
            print(f"  {copies:>6} not done within {options.limit:.0f} s; larger sizes skipped")
            break
        first = first or found
        times[copies] = found["seconds"]
        print(
            f"  {copies:>6} {found['mb']:6.2f} {found['found']:>12} {found['seconds']:9.3f} "
            f"{found['seconds'] / copies * 1000:7.0f} ms {found['seconds'] / first['seconds']:6.1f}× "
            f"{found['baseline'] / first['baseline']:11.1f}×"
        )
    if 1 in times and 16 in times:
        print(f"  16×/1×: {times[16] / times[1]:.1f}× the time (target ≤ 18×)")


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        kind, corpus, label, copies, runs, limit = sys.argv[2:8]
        child(kind, Path(corpus), label, int(copies), int(runs), float(limit))
        return
    arguments = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    arguments.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    arguments.add_argument("--label", default=REVIEW_LABEL, help="a label file of the corpus")
    arguments.add_argument("--runs", type=int, default=3)
    arguments.add_argument("--limit", type=float, default=300.0, help="seconds one size may take, all runs")
    arguments.add_argument("--copies", type=int, nargs="+", default=[1, 4, 16, 64])
    arguments.add_argument("--only", choices=["extract", "verify"], help="run one of the two series")
    options = arguments.parse_args()
    for kind in ("extract", "verify"):
        if options.only in (None, kind):
            series(kind, options)


if __name__ == "__main__":
    main()
