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
  arm's and otherwise unverifiable (it could be another arm's, or a pooled figure). In a
  dose-ranging trial the arms are its doses: "28% of men on 50 mg" is the 50 mg column's figure,
  of the one trial whose table has that dose, and is never supported by another dose's;
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
from dataclasses import dataclass
from functools import cache, lru_cache

from extractors.checks.rounding import printed
from extractors.claims.safety import canonical_reaction
from extractors.ingest import grids
from extractors.read.adverse import CHANGES, SECTION
from extractors.records import Claim, Measurement, replace
from extractors.text import vocabulary
from extractors.text.names import canonical_arm
from extractors.text.numbers import decimals
from extractors.text.patterns import build
from extractors.text.patterns import safety as patterns
from extractors.text.patterns.verdicts import COMBINATION_WORD, THE_COMBINATION
from extractors.verdicts import quantity
from extractors.verdicts.arms import read_arm
from extractors.verdicts.describe import unverifiable, where
from extractors.verdicts.matching import agree
from extractors.verdicts.quantity import LabelView

_HIGH = frozenset({">=3", "3-4"})  # the label's severe column, either way it is printed
_CHANGED = frozenset(CHANGES.values())  # rates of reactions that changed the treatment, at any grade
_GRADE_WORDS = {"all": "all grades", ">=3": "grade ≥3", "3-4": "grade 3 or 4", "serious": "serious", "fatal": "fatal"}


def reaction_words(reaction: str, grade: str) -> str:
    """A reaction with its grade as a reader says it: "diarrhea grade ≥3", "serious adverse reactions",
    "adverse reactions leading to discontinuation" (a change of treatment is counted at any grade)."""
    if grade in {"serious", "fatal"}:
        return f"{grade} {reaction}"
    if reaction in _CHANGED:
        return reaction
    return f"{reaction} {grade_words(grade)}"


def grade_words(grade: str | None) -> str:
    """ "grade ≥3" for ">=3", "all grades" for "all", "grade 3" for "3"."""
    if grade is None:
        return "grade not stated"
    return _GRADE_WORDS.get(grade, f"grade {grade.replace('>=', '≥')}")


@dataclass(frozen=True, slots=True)
class Row:
    """One figure of the label's adverse-reaction tables, as the verdicts compare it: its grade
    ("all" for a table of reactions without grade columns), trial (from its caption when the table
    reader left it unnamed), arm (canonical, its dose dropped), the dose its column prints ("50mg",
    written one way) and whether it is a lab value."""

    m: Measurement
    grade: str
    trial: str | None
    arm: str
    lab: bool
    terms: frozenset[str]
    dose: str | None = None


def check_adverse(claim: Claim, view: LabelView) -> Claim:
    """An adverse-reaction claim with its verdict, kind, evidence and explanation."""
    grade = (claim.statement.grade if claim.statement else None) or "all"
    reaction = claim.endpoint or ""
    says = f"{reaction_words(reaction, grade)} in {claim.raw}%" + (f" of {claim.arm} patients" if claim.arm else "")
    says += f" in {claim.trial}" if claim.trial else ""
    if patterns.POOLED.search(claim.text):
        return unverifiable(
            claim,
            f"The article says {says} of a pooled population; the label's adverse-reaction tables give each "
            "trial's arms.",
        )
    subgroup = claim.population or _subgroup(claim)
    if subgroup:
        return unverifiable(
            claim,
            f"The article says {says} for {subgroup}; the label's adverse-reaction tables give each "
            "trial's treated patients, not that subgroup.",
        )
    tables = label_rows(view)
    if not tables:
        return unverifiable(claim, f"The article says {says}; the sources give no adverse-reaction tables.")
    wanted = _terms(reaction)
    same = [row for row in tables if row.terms == wanted]
    if not same:
        grouped = sorted({row.m.endpoint or "" for row in tables if wanted < row.terms})
        if grouped:
            return unverifiable(
                claim,
                f"The article says {says}; the label does not report {reaction} separately: it groups it in "
                f"{', '.join(repr(g) for g in grouped)}.",
            )
        return unverifiable(
            claim, f"The article says {says}; the label's adverse-reaction tables do not list {reaction}."
        )
    dose = dose_key(claim.arm) if claim.arm and patterns.ARM_DOSE.fullmatch(claim.arm) else None
    if dose is not None and any(row.dose for row in same):
        return _at_dose(claim, says, grade, same, dose)
    if claim.trial:
        named = claim.trial.lower()
        rows = [row for row in same if named in {(row.trial or "").lower(), (row.m.nct or "").lower()}]
        if not rows:
            trials = ", ".join(sorted({row.trial or row.m.table or "" for row in same}))
            return unverifiable(
                claim,
                f"The article says {says}; the label's adverse-reaction tables (as read) give {reaction} for "
                f"{trials}, none for {claim.trial}.",
            )
        return _in_trial(claim, says, grade, rows)
    groups = _by_trial(same)
    if len({row.trial or row.m.table for row in tables}) == 1:
        return _in_trial(claim, says, grade, same)  # the label's tables are of one trial: it is that trial's
    judged = [_in_trial(claim, says, grade, rows) for rows in groups]
    fits = [j for j in judged if j.verdict == "supported"]
    if len(fits) == 1 or (fits and len(fits) == len(judged)):  # one trial's, or every trial's alike
        return replace(fits[0], explanation=fits[0].explanation + " The article does not name the trial.")
    return unverifiable(
        claim, f"The article says {says} but does not name the trial; the label gives {_listing(same, grade)}."
    )


def label_rows(view: LabelView) -> tuple[Row, ...]:
    """The label's adverse-reaction and laboratory-abnormality figures, read once per label view."""
    key = id(view)
    if _ROWS_SEEN.get(key, (None, ()))[0] is not view:
        _ROWS_SEEN.clear()
        _ROWS_SEEN[key] = (view, _rows(view))
    return _ROWS_SEEN[key][1]


_ROWS_SEEN: dict[int, tuple[LabelView | None, tuple[Row, ...]]] = {}  # the one label view being read


def _rows(view: LabelView) -> tuple[Row, ...]:
    trials = tuple(sorted({m.trial for m in view.measurements if m.trial}))
    adverse_from = {source: text.find(grids.ADVERSE_TABLES_HEADING) for source, text in view.texts.items()}
    found = []
    for m in view.measurements:
        if m.value is None or not m.endpoint or m.statistic != "rate":
            continue
        grade = m.grade
        if grade is None and m.unit == "%" and 0 <= adverse_from.get(m.source, -1) < m.span[0]:
            grade = "all"  # a table of reactions without grade columns gives each reaction at all grades
        if grade is None:
            continue
        context = view.context(m).lower()
        arm = canonical_arm(patterns.ARM_DOSE.sub("", m.arm or "")) or ""
        found.append(
            Row(
                m,
                grade,
                _trial_of(m, context, trials),
                arm,
                any(w in context for w in _lab_words()),
                _terms(m.endpoint),
                dose_key(m.arm),
            )
        )
    return tuple(found)


def _in_trial(claim: Claim, says: str, grade: str, rows: Sequence[Row]) -> Claim:
    """The claim judged against one trial's rows of its reaction."""
    reading = read_arm(claim.arm, [row.arm for row in rows])
    if claim.arm and not reading.settled:
        return unverifiable(
            claim,
            f"The article says {says}; the label gives {_listing(rows, grade)}, and no arm is settled as the article's.",
        )
    graded = sorted((row for row in rows if _comparable(grade, row.grade)), key=lambda row: row.lab)
    if not graded:
        given = ", ".join(sorted({grade_words(row.grade) for row in rows}))
        return unverifiable(
            claim, f"The article says {says}; the label gives {rows[0].m.endpoint} at {given} only: {_listing(rows)}."
        )
    if reading.arm is None:
        return _any_arm(claim, says, grade, graded)
    mine = [row for row in graded if row.arm == reading.arm]
    if not mine:
        return unverifiable(claim, f"The article says {says}; the label gives {_listing(graded)}.")
    fit = next((row for row in mine if _agrees(claim, row.m)), None)
    if fit is not None:
        return _supported(claim, says, fit)
    target = mine[0]
    if len({row.m.value for row in mine}) > 1:  # the label gives two figures for it: the article's is neither
        return unverifiable(
            claim, f"The article says {says}; the label gives more than one figure for it: {_listing(mine)}."
        )
    if target.lab and grade == "all":
        return unverifiable(
            claim,
            f"The article says {says}; the label gives {_describe(target)} in {where(target.m)}, a laboratory "
            "value, which is not the share of patients with the reaction reported.",
        )
    if grade == "3" and target.grade in _HIGH and not _exceeds(claim, target.m):
        return unverifiable(
            claim,
            f"The article says {says}; the label gives {_describe(target)} in {where(target.m)} and no "
            "grade-3-only share, which may be lower.",
        )
    return _contradicted(claim, says, target, graded, rows)


def _combination_not_fitting(claim: Claim, fits: Sequence[Row], graded: Sequence[Row]) -> bool:
    """Whether the sentence gives the figure to "the combination" while the arms it fits are single
    drugs and the label has a combination arm: the value is the other arm's, never support."""
    if not THE_COMBINATION.search(claim.text):
        return False
    combined = {row.arm for row in graded if row.arm and COMBINATION_WORD.search(row.arm)}
    return bool(combined) and not any(row.arm in combined for row in fits)


def dose_key(name: str | None) -> str | None:
    """The dose an arm's name prints, written one way: "50 mg" and "VIAGRA 50 mg" → "50mg"."""
    found = patterns.ARM_DOSE.search(name or "")
    return "".join(found.group(0).split()).lower() if found else None


def _at_dose(claim: Claim, says: str, grade: str, same: Sequence[Row], dose: str) -> Claim:
    """A figure the article gives for a dose ("28% of men on 50 mg") where the label's arms are doses:
    judged against that dose's column of the one trial whose table has it."""
    dosed = [row for row in same if row.dose == dose]
    trials = {row.trial or row.m.table for row in dosed}
    named = (claim.trial or "").lower()
    if len(trials) != 1 or (named and named not in {(row.trial or "").lower() for row in dosed}):
        return unverifiable(
            claim,
            f"The article says {says}; no one trial's adverse-reaction table gives that dose: {_listing(same, grade)}.",
        )
    rows = [row for row in same if (row.trial or row.m.table) in trials]
    graded = [row for row in rows if _comparable(grade, row.grade)]
    mine = [row for row in graded if row.dose == dose]
    if not mine:
        return unverifiable(claim, f"The article says {says}; the label gives {_listing(rows)}.")
    fit = next((row for row in mine if _agrees(claim, row.m)), None)
    if fit is not None:
        return _supported(claim, says, fit)
    if len({row.m.value for row in mine}) > 1:
        return unverifiable(
            claim, f"The article says {says}; the label gives more than one figure for it: {_listing(mine)}."
        )
    return _contradicted(claim, says, mine[0], graded, rows)


def _any_arm(claim: Claim, says: str, grade: str, graded: Sequence[Row]) -> Claim:
    """A figure whose arm the article does not name: supported when it is one arm's; contradicted only
    when it is above every arm's (or, at the grade the label gives, below every arm's), so that it is
    no arm's and no pooled figure of the arms either (a pooled share lies between the arms'), and only
    when the sentence itself names the trial."""
    fits = [row for row in graded if _agrees(claim, row.m)]
    if fits and _combination_not_fitting(claim, fits, graded):
        return unverifiable(
            claim,
            f"The article says {says} for the combination; the label gives that value for the {fits[0].arm} arm, "
            f"not a combination's: {_listing(graded)}.",
        )
    if len({row.arm for row in fits}) == 1:
        return _supported(claim, says, fits[0], " The article does not name the arm; the value is this arm's.")
    if all(row.m.table == SECTION for row in graded) and len({row.arm for row in graded}) == 1:
        # the adverse-reactions prose gives most rates for the drug's arm only: the figure may be another arm's
        return unverifiable(
            claim,
            f"The article says {says} without naming the arm; the label gives {_listing(graded)} and no other "
            "arm's figure.",
        )
    trial_said = bool(claim.trial) and bool(build.whole_name(claim.trial or "").search(claim.text))
    if fits or not trial_said or (grade == "all" and any(row.lab for row in graded)):
        # with neither arm nor trial named in the sentence, the figure may be another study's or a pooled one
        return unverifiable(
            claim, f"The article says {says} without naming the arm; the label gives {_listing(graded)}."
        )
    above = all(_exceeds(claim, row.m) for row in graded)
    below = grade != "3" and all(_below(claim, row.m) for row in graded)
    if not (above or below):
        return unverifiable(
            claim,
            f"The article says {says} without naming the arm; the label gives {_listing(graded)}; the "
            "article's figure lies between the arms' (it may be a pooled figure).",
        )
    text = (
        f"Contradicted (wrong value): the article says {says} without naming the arm; the label gives "
        f"{_listing(graded)}; the article's figure is {'more' if above else 'less'} than every arm's "
        f"({where(graded[0].m)})."
    )
    return replace(claim, verdict="contradicted", kind="wrong_value", evidence=graded[0].m, explanation=text)


def _contradicted(claim: Claim, says: str, target: Row, graded: Sequence[Row], rows: Sequence[Row]) -> Claim:
    # the other arm's figure, to the digit: a figure that only rounds to it is no swap ("3%" for 2.5%)
    others = [row for row in graded if (row.arm, row.dose) != (target.arm, target.dose) and row.m.value == claim.value]
    other_grades = [row for row in rows if row.grade != target.grade and _agrees(claim, row.m)]
    kind = "swapped_arms" if others else "wrong_value"
    text = (
        f"Contradicted ({kind.replace('_', ' ')}): the article says {says}; the label gives "
        f"{_describe(target)} in {where(target.m)}"
    )
    if others:
        text += f"; {claim.raw}% is the {others[0].m.arm} arm's ({_describe(others[0])})"
    elif other_grades:
        text += f"; {claim.raw}% is the label's {_describe(other_grades[0])}"
    else:
        rest = [row for row in graded if row is not target]
        if rest:
            text += f" ({_listing(rest)})"
    return replace(claim, verdict="contradicted", kind=kind, evidence=target.m, explanation=text + ".")


def _supported(claim: Claim, says: str, row: Row, note: str = "") -> Claim:
    return replace(
        claim,
        verdict="supported",
        kind=None,
        evidence=row.m,
        explanation=f"Supported: the article says {says}; the label gives {_describe(row)} in {where(row.m)}.{note}",
    )


def _comparable(claimed: str, given: str) -> bool:
    """Whether the label's grade column ``given`` holds the article's grade ``claimed``'s figure (or,
    for "grade 3", a figure it is bounded by)."""
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


def _subgroup(claim: Claim) -> str | None:
    """The age, sex or region subgroup the claim's figure is of: "in patients aged 75 and over" before
    it, "of patients aged 65 years or older" right after it."""
    named = quantity.claim_subgroup(claim)
    if named or claim.value_span is None:
        return named
    end = claim.value_span[1] - claim.span[0]
    lead = patterns.PATIENTS_AFTER.match(claim.text, end)
    if lead is None:
        return None
    found = build.starting_with(quantity.words("subgroups", "after_patients")).match(claim.text, lead.end())
    if found is None:
        return None
    rest = claim.text[lead.end() : lead.end() + 60]
    return "patients " + str(patterns.CLAUSE_END.split(rest, maxsplit=1)[0]).strip()


def _below(claim: Claim, m: Measurement) -> bool:
    """Whether the article's number is less than the label's whatever either was rounded from."""
    said, given = printed(claim.raw, claim.value), printed(m.raw, m.value)
    return said is not None and given is not None and said[1] < given[0]


@lru_cache(maxsize=4096)  # each label row and each adverse-event claim, of a few reaction names
def _terms(name: str | None) -> frozenset[str]:
    """The reactions a name joins, canonical: "Pneumonitis/Radiation Pneumonitis (a)" →
    {"pneumonitis", "radiation pneumonitis"}."""
    bare = patterns.ROW_FOOTNOTE.sub("", name or "")
    return frozenset(canonical_reaction(part) for part in patterns.ROW_JOIN.split(bare) if part.strip())


def _trial_of(m: Measurement, context: str, trials: tuple[str, ...]) -> str | None:
    """The trial of a table row: as read, or the one trial of the label its caption names ("Adverse
    Reactions Occurring in ≥ 10% of Patients in the PACIFIC Study")."""
    if m.trial or not m.table:
        return m.trial
    caption = context.split((m.row or "\n").lower(), 1)[0]
    named = [name for name in trials if build.whole_name(name).search(caption)]
    return named[0] if len(named) == 1 else None


def _by_trial(rows: Sequence[Row]) -> list[list[Row]]:
    groups: dict[str, list[Row]] = {}
    for row in rows:
        groups.setdefault(row.trial or row.m.table or "", []).append(row)
    return list(groups.values())


@cache
def _lab_words() -> tuple[str, ...]:
    data = vocabulary.load_data("reactions.json", ("lab_tables",))
    return tuple(str(word) for word in data["lab_tables"]["caption_words"])


def _describe(row: Row) -> str:
    """ "Diarrhea grade ≥3 in 2.2% of TAGRISSO patients (FLAURA, Table 8)"."""
    m = row.m
    where_from = ", ".join(part for part in (row.trial, m.table) if part)
    lab = " — laboratory abnormalities" if row.lab else ""
    return f"{reaction_words(m.endpoint or '', row.grade)} in {m.raw}% of {m.arm} patients ({where_from}{lab})"


def _listing(rows: Sequence[Row], grade: str | None = None) -> str:
    chosen = [row for row in rows if grade is None or _comparable(grade, row.grade)] or list(rows)
    return "; ".join(_describe(row) for row in chosen[:6])
