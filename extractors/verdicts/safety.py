"""Verdicts on adverse-reaction figures, against the label's adverse-reaction tables.

A figure is contradicted only when the label gives that reaction, at that grade, for that arm of
that trial, and the article's number is not it after rounding. Everything else is unverifiable,
saying what the label does give:

- the reaction: the same name (synonyms resolved, ``data/reactions.json``) or the same names
  joined ("pneumonitis or radiation pneumonitis" is the label's "Pneumonitis/Radiation
  Pneumonitis"); a reaction the label only groups with others ("paronychia" inside "Nail
  toxicity") is not reported separately;
- the trial: the one the article names; with none named, the figure is checked against every
  trial and only ever supported;
- the arm: the one the article names; with none named, the figure is supported when it is one
  arm's and otherwise unverifiable (it could be another arm's, or a pooled figure);
- the grade: all grades against "all grades"; "grade ≥3" and "grade 3-4" against either column
  (grade 5 reactions are deaths, counted in the label's ≥3 column and rare enough that the two
  are the same figure as articles print them). An article's "grade 3" is read as the dev review's
  "Grade 3-" lists are meant, against the grade ≥3 / 3-4 column: supported when it is that figure,
  contradicted when it is more (a grade-3 share cannot exceed the grade 3-or-higher share), and
  unverifiable when it is less (a grade-3-only share may be). Grade 4 alone, grade 2, "serious"
  and "fatal" are compared only with a column of that very grade.

A laboratory-abnormality table (caption "Laboratory Abnormalities …") gives lab values: its
grade 3-4 shares are compared as above and the explanation says they are lab values; an all-grade
lab share is another quantity than the share of patients with the reaction reported, so it only
ever supports.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from extractors.checks.rounding import printed
from extractors.claims.safety import canonical_reaction
from extractors.records import Claim, Measurement
from extractors.text import vocabulary
from extractors.text.names import canonical_arm
from extractors.text.numbers import decimals
from extractors.text.patterns import build
from extractors.text.patterns import safety as patterns
from extractors.verdicts.arms import read_arm
from extractors.verdicts.describe import unverifiable, where
from extractors.verdicts.matching import agree
from extractors.verdicts.quantity import LabelView

_HIGH = frozenset({">=3", "3-4"})  # the label's severe column, either way it is printed
_GRADE_WORDS = {"all": "all grades", ">=3": "grade ≥3", "3-4": "grade 3 or 4", "serious": "serious", "fatal": "fatal"}


def grade_words(grade: str | None) -> str:
    """ "grade ≥3" for ">=3", "all grades" for "all", "grade 3" for "3"."""
    if grade is None:
        return "grade not stated"
    return _GRADE_WORDS.get(grade, f"grade {grade.replace('>=', '≥')}")


def check_adverse(claim: Claim, view: LabelView) -> Claim:
    """An adverse-reaction claim with its verdict, kind, evidence and explanation."""
    grade = claim.statement.grade if claim.statement else None
    reaction = claim.endpoint or ""
    says = f"{reaction} {grade_words(grade)} in {claim.raw}%" + (f" of {claim.arm} patients" if claim.arm else "")
    says += f" in {claim.trial}" if claim.trial else ""
    tables = [m for m in view.measurements if m.grade is not None and m.value is not None and m.endpoint]
    if not tables:
        return unverifiable(claim, f"The article says {says}; the sources give no adverse-reaction tables.")
    same = [m for m in tables if _terms(m.endpoint) == _terms(reaction)]
    if not same:
        grouped = sorted({m.endpoint or "" for m in tables if _terms(reaction) < _terms(m.endpoint)})
        if grouped:
            return unverifiable(
                claim,
                f"The article says {says}; the label does not report {reaction} separately: it groups it in "
                f"{', '.join(repr(g) for g in grouped)}.",
            )
        return unverifiable(
            claim, f"The article says {says}; the label's adverse-reaction tables do not list {reaction}."
        )
    if claim.trial:
        wanted = claim.trial.lower()
        rows = [m for m in same if wanted in {(_trial_of(m, view) or "").lower(), (m.nct or "").lower()}]
        if not rows:
            trials = ", ".join(sorted({_trial_of(m, view) or m.table or "" for m in same}))
            return unverifiable(
                claim, f"The article says {says}; the label gives {reaction} for {trials}, not for {claim.trial}."
            )
        return _in_trial(claim, says, grade, rows, view)
    judged = [_in_trial(claim, says, grade, rows, view) for rows in _by_trial(same, view)]
    fits = [j for j in judged if j.verdict == "supported"]
    if len(judged) == 1 and judged[0].verdict != "contradicted":
        return judged[0]
    if fits:
        return replace(fits[0], explanation=fits[0].explanation + " (The article does not name the trial.)")
    return unverifiable(
        claim,
        f"The article says {says} but does not name the trial; the label gives " + _listing(same, grade, view) + ".",
    )


def _in_trial(claim: Claim, says: str, grade: str | None, rows: Sequence[Measurement], view: LabelView) -> Claim:
    """The claim judged against one trial's rows of its reaction."""
    reading = read_arm(claim.arm, [m.arm for m in rows])
    if claim.arm and not reading.settled:
        return unverifiable(
            claim,
            f"The article says {says}; the label gives {_listing(rows, grade, view)}, and no arm is settled as the article's.",
        )
    graded = [m for m in rows if _comparable(grade, m.grade)]
    if not graded:
        given = ", ".join(sorted({grade_words(m.grade) for m in rows}))
        return unverifiable(
            claim,
            f"The article says {says}; the label gives {rows[0].endpoint} at {given} only: {_listing(rows, None, view)}.",
        )
    if reading.arm is None:
        fits = [m for m in graded if _agrees(claim, m)]
        if len({canonical_arm(m.arm) for m in fits}) == 1:
            return _supported(
                claim, says, fits[0], view, " The article does not name the arm; the value is this arm's."
            )
        return unverifiable(
            claim, f"The article says {says} without naming the arm; the label gives {_listing(graded, None, view)}."
        )
    mine = [m for m in graded if canonical_arm(m.arm) == reading.arm]
    if not mine:
        return unverifiable(claim, f"The article says {says}; the label gives {_listing(graded, None, view)}.")
    fit = next((m for m in mine if _agrees(claim, m)), None)
    if fit is not None:
        return _supported(claim, says, fit, view)
    target = mine[0]
    if _is_lab(target, view) and grade in {None, "all"}:
        return unverifiable(
            claim,
            f"The article says {says}; the label gives {_describe(target, view)} in {where(target)}, a laboratory "
            "value, which is not the share of patients with the reaction reported.",
        )
    if grade == "3" and target.grade in _HIGH and not _exceeds(claim, target):
        return unverifiable(
            claim,
            f"The article says {says}; the label gives {_describe(target, view)} in {where(target)} and no grade-3-only "
            "share, which may be lower.",
        )
    return _contradicted(claim, says, target, graded, rows, view)


def _contradicted(
    claim: Claim,
    says: str,
    target: Measurement,
    graded: Sequence[Measurement],
    rows: Sequence[Measurement],
    view: LabelView,
) -> Claim:
    # the other arm's figure, to the digit: a figure that only rounds to it is no swap ("3%" for 2.5%)
    others = [m for m in graded if canonical_arm(m.arm) != canonical_arm(target.arm) and m.value == claim.value]
    other_grades = [m for m in rows if m.grade != target.grade and _agrees(claim, m)]
    kind = "swapped_arms" if others else "wrong_value"
    text = (
        f"Contradicted ({kind.replace('_', ' ')}): the article says {says}; the label gives "
        f"{_describe(target, view)} in {where(target)}"
    )
    if others:
        text += f"; {claim.raw}% is the {others[0].arm} arm's ({_describe(others[0], view)})"
    elif other_grades:
        text += f"; {claim.raw}% is the label's {_describe(other_grades[0], view)}"
    else:
        rest = [m for m in graded if m is not target]
        if rest:
            text += f" ({_listing(rest, None, view)})"
    return replace(claim, verdict="contradicted", kind=kind, evidence=target, explanation=text + ".")


def _supported(claim: Claim, says: str, m: Measurement, view: LabelView, note: str = "") -> Claim:
    return replace(
        claim,
        verdict="supported",
        kind=None,
        evidence=m,
        explanation=f"Supported: the article says {says}; the label gives {_describe(m, view)} in {where(m)}.{note}",
    )


def _comparable(claimed: str | None, given: str | None) -> bool:
    """Whether the label's grade column ``given`` holds the article's grade ``claimed``'s figure (or,
    for "grade 3", a figure it is bounded by)."""
    claimed = claimed or "all"
    if claimed == given:
        return True
    return (claimed in _HIGH or claimed == "3") and given in _HIGH


def _agrees(claim: Claim, m: Measurement) -> bool:
    if claim.value is None or m.value is None:
        return False
    return agree(claim.value, decimals(claim.raw or ""), m.value, decimals(m.raw))


def _exceeds(claim: Claim, m: Measurement) -> bool:
    """Whether the article's number is more than the label's whatever either was rounded from."""
    said, given = printed(claim.raw, claim.value), printed(m.raw, m.value)
    return said is not None and given is not None and said[0] > given[1]


def _terms(name: str | None) -> frozenset[str]:
    """The reactions a name joins, canonical: "Pneumonitis/Radiation Pneumonitis (a)" →
    {"pneumonitis", "radiation pneumonitis"}."""
    bare = patterns.ROW_FOOTNOTE.sub("", name or "")
    return frozenset(canonical_reaction(part) for part in patterns.ROW_JOIN.split(bare) if part.strip())


def _trial_of(m: Measurement, view: LabelView) -> str | None:
    """The trial of a table row: as read, or the one trial of the label its caption names ("Adverse
    Reactions Occurring in ≥ 10% of Patients in the PACIFIC Study")."""
    if m.trial or not m.table:
        return m.trial
    caption = view.context(m).split(m.row or "\n", 1)[0]
    named = [name for name in _trials(view) if build.whole_name(name).search(caption)]
    return named[0] if len(named) == 1 else None


def _trials(view: LabelView) -> tuple[str, ...]:
    key = id(view)
    if key not in _TRIALS_SEEN:
        _TRIALS_SEEN.clear()
        _TRIALS_SEEN[key] = tuple(sorted({m.trial for m in view.measurements if m.trial}))
    return _TRIALS_SEEN[key]


_TRIALS_SEEN: dict[int, tuple[str, ...]] = {}  # the trial names of the one label view being read


def _by_trial(rows: Sequence[Measurement], view: LabelView) -> list[list[Measurement]]:
    groups: dict[str, list[Measurement]] = {}
    for m in rows:
        groups.setdefault(_trial_of(m, view) or m.table or "", []).append(m)
    return list(groups.values())


@cache
def _lab_words() -> tuple[str, ...]:
    data = vocabulary.load_data("reactions.json", ("lab_tables",))
    return tuple(str(word) for word in data["lab_tables"]["caption_words"])


def _is_lab(m: Measurement, view: LabelView) -> bool:
    """Whether ``m`` is of a laboratory-abnormality table (its caption says so)."""
    context = view.context(m).lower()
    return any(word in context for word in _lab_words())


def _describe(m: Measurement, view: LabelView) -> str:
    """ "Diarrhea grade ≥3 in 2.2% of TAGRISSO patients in FLAURA (Table 8, a laboratory value)"."""
    where_from = ", ".join(part for part in (_trial_of(m, view), m.table) if part)
    lab = " — laboratory abnormalities" if _is_lab(m, view) else ""
    return f"{m.endpoint} {grade_words(m.grade)} in {m.raw}% of {m.arm} patients ({where_from}{lab})"


def _listing(rows: Sequence[Measurement], grade: str | None, view: LabelView) -> str:
    chosen = [m for m in rows if grade is None or _comparable(grade, m.grade)] or list(rows)
    return "; ".join(_describe(m, view) for m in chosen[:6])
