"""The table reader against the hand-read label tables (tests/cases/tables_truth), per label and form.

For each label and form (structured; the tables alone, spaced; the tables alone, glued) it prints
the share of truth entries read with the right attribution (table, statistic, value, CI, arm,
population, endpoint, grade: see tests/truth_tables.py), for efficacy and adverse-reaction tables
apart, and why the entries not found were missed: the one field that kept a reading of the same
value from matching, "absent" when no reading of the table has the value. Run from the project root:

    python bench/tables_truth.py [LABEL ...] [--missing]

``--missing`` lists each entry not found in the structured form, with its near misses.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the tests package beside bench/

from tests.truth_tables import FORMS, near_misses, read_forms, score, truth_labels, truth_of

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "raw"


def main(argv: list[str]) -> None:
    show_missing = "--missing" in argv
    labels = [a for a in argv if not a.startswith("--")] or truth_labels()
    totals: Counter[str] = Counter()
    print(f"{'label':10} {'entries':>7} " + " ".join(f"{form:>22}" for form in FORMS) + "   structured: why missed")
    print(f"{'':10} {'':7} " + " ".join(f"{'all    eff     AR':>22}" for _ in FORMS))
    for label in labels:
        truth = truth_of(label)
        entries = truth["tables"]
        forms = read_forms(CORPUS / truth["file"])
        cells = []
        for form in FORMS:
            found = forms[form]
            whole = score(entries, found)
            efficacy = score([e for e in entries if e["kind"] == "efficacy"], found)
            adverse = score([e for e in entries if e["kind"] == "adverse_reaction"], found)
            totals[form] += whole.found
            totals[f"{form}_efficacy"] += efficacy.found
            totals[f"{form}_adverse"] += adverse.found
            cells.append(
                f"{_pct(whole.found, whole.total)} {_pct(efficacy.found, efficacy.total)} {_pct(adverse.found, adverse.total)}"
            )
        structured = score(entries, forms["structured"])
        why = Counter(reason for e in structured.missing for reason in near_misses(e, forms["structured"]))
        totals["entries"] += len(entries)
        totals["efficacy"] += sum(1 for e in entries if e["kind"] == "efficacy")
        totals["adverse"] += sum(1 for e in entries if e["kind"] == "adverse_reaction")
        print(
            f"{label:10} {len(entries):7d} " + " ".join(f"{c:>22}" for c in cells) + "   " + _reasons(why), flush=True
        )
        if show_missing:
            for entry in structured.missing:
                print("    missing", near_misses(entry, forms["structured"]), _brief(entry))
    print(
        f"{'total':10} {totals['entries']:7d} "
        + " ".join(
            f"{_pct(totals[f], totals['entries'])} {_pct(totals[f + '_efficacy'], totals['efficacy'])} "
            f"{_pct(totals[f + '_adverse'], totals['adverse'])}"
            for f in FORMS
        )
    )


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:5.1f}%" if whole else "     -"


def _reasons(why: Counter[str]) -> str:
    return ", ".join(f"{reason} {count}" for reason, count in why.most_common(6))


def _brief(entry: dict[str, object]) -> str:
    keys = ("table", "statistic", "value", "qualifier", "ci_low", "ci_high", "arm", "population", "endpoint", "grade")
    return " ".join(f"{k}={entry[k]!r}" for k in keys if entry.get(k) is not None)


if __name__ == "__main__":
    main(sys.argv[1:])
