"""Figures an article derives from the label's numbers, and statistics it names otherwise.

- a total of patients: the label's own total, else the sum of its arms' Ns (one N per arm);
- a difference of medians: "11.2 months more without progression" = 16.8 − 5.6, "extended life
  by a median of 6.1 months" = 31.4 − 25.3 — agreeing when the difference of the printed medians,
  allowing for their rounding, rounds to the article's figure;
- a prolongation in percent: "prolonged overall survival by 28%" where the label gives HR 0.724
  is a lower risk stated as longer survival (``wrong_statistic``);
- an average or mean where the label gives a median (``wrong_statistic``), whatever the value.

Each verdict shows its working with the label's printed characters.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from extractors.claims import rules
from extractors.records import Claim, Measurement, replace
from extractors.text import numbers as printed
from extractors.text.names import canonical_arm
from extractors.text.patterns import captions as caption_patterns
from extractors.text.patterns import counts as count_patterns
from extractors.text.patterns import no_results
from extractors.text.patterns import verdicts as patterns
from extractors.verdicts import matching, quantity
from extractors.verdicts.arms import experimental_and_control, is_arm, read_arm
from extractors.verdicts.describe import corrected, describe, said, unverifiable, where
from extractors.verdicts.quantity import LabelView

if TYPE_CHECKING:
    from extractors.verdicts.in_trial import Frame


def check_derived(claim: Claim, frame: Frame, view: LabelView) -> Claim | None:
    """The verdict on a derived figure or a misnamed statistic; None for a plain number."""
    if claim.statistic in {"median", "mean"} and is_difference(claim):
        return check_difference(claim, frame)
    if claim.statistic == "mean" and frame.rows and all(m.statistic == "median" for m in frame.rows):
        return _mean_for_median(claim, frame)
    if claim.statistic == "rate" and claim.endpoint in _time_to_event() and _is_prolongation(claim):
        return _prolongation(claim, view, frame)
    return None


def _time_to_event() -> frozenset[str]:
    return frozenset(rules.time_to_event())


# --- totals --------------------------------------------------------------------------------------


def randomized_rows(claim: Claim, rows: tuple[Measurement, ...], view: LabelView) -> tuple[Measurement, ...]:
    """The arms' Ns a count said to be randomized is checked against: an arm's N in a table that is
    not the label's intent-to-treat one is left out when that table gives the arm another N ("randomized
    9,088 to Eliquis": the bleeding table's N of patients treated, not the ITT table's 9,120), and an
    adverse-reaction table's Ns always ("randomized 682": 337 + 345 patients treated in GLEEVEC's
    Table 14, not the 713 randomized). The Ns of the patients a response is measured in ("Objective
    Response for Patients with Measurable Disease | N=338") are never an arm's, unless the claim names them."""
    if not patterns.RESPONSE_SET.search(claim.text):
        rows = tuple(m for m in rows if not (m.table and m.row and patterns.RESPONSE_SET.search(m.row)))
    if not quantity.sentence_says(claim, "counts", "randomized"):
        return rows
    itt = {(m.arm, m.value) for m in rows if m.table and patterns.RANDOMIZED_TABLE.search(view.context(m))}
    arms = {arm for arm, _ in itt}
    return tuple(
        m
        for m in rows
        if not (m.table and m.arm in arms and (m.arm, m.value) not in itt)
        and not (m.table and caption_patterns.CAPTION_ADVERSE.search(view.context(m)))
    )


def _counted_by_trial(claim: Claim) -> bool:
    """ "CINRGI randomized 97 neonates to INOMAX or to nitrogen gas": a count the trial randomized, with
    no arm named for it, is all of its patients, never one arm's N that happens to agree."""
    if claim.arm is not None or claim.value_span is None:
        return False
    start = claim.value_span[0] - claim.span[0]
    return count_patterns.COUNTED_BY_TRIAL_BEFORE.search(claim.text, max(0, start - 40), start) is not None


def check_total(claim: Claim, rows: list[Measurement], view: LabelView) -> Claim:
    """A count with no arm: the label's total, else the sum of the arms' N (one per arm), else one
    arm's N. Contradicted only when the trial has one total: a label that gives several (sub-studies,
    cohorts) cannot say which one the article means."""
    assert claim.value is not None
    decimals = printed.decimals(claim.raw or "")
    says = said(claim)
    if not rows:
        return unverifiable(claim, f"The article says {says}; the sources give no N for this population.")
    # a total the label states as the trial's ("a total of 954 patients were randomized"), not a count
    # of a kind of patient ("Of the 590 (62%) patients with … metastatic disease")
    totals = [m for m in rows if not m.arm and m.value is not None and (m.table or _says_enrolment(m, view))]
    rough = _rounded_count(claim)
    for m in totals:
        if (
            matching.agree(claim.value, decimals, m.value or 0, 0) or _roughly(claim, rough, m.value or 0)
        ) and not _of_other_patients(claim, m, view):
            return _supported_total(claim, m, f"the label gives a total of {m.raw} in {where(m)}")
    randomized = _randomized_total(claim, totals, view)
    if randomized is not None:
        return randomized
    sums = sums_per_table([m for m in rows if m.arm and m.value is not None])
    for members, total in sums:
        if matching.agree(claim.value, decimals, total, 0) or _roughly(claim, rough, total):
            arms = " + ".join(f"{m.raw} ({m.arm})" for m in members)
            return _supported_total(
                claim, members[0], f"the label's arms sum to {arms} = {total:g} in {where(members[0])}"
            )
    reading = read_arm(claim.arm, [m.arm for m in rows]) if claim.arm else None
    for m in rows if not _counted_by_trial(claim) else ():
        if m.arm and m.value is not None and matching.agree(claim.value, decimals, m.value, 0):
            if reading is not None and reading.settled and not is_arm(reading, m.arm):
                continue  # "444 were assigned to placebo": 444 is the other arm's N, not this arm's
            return _supported_total(claim, m, f"the label gives {describe(m)} in {where(m)}")
    distinct = {m.value for m in totals} | {total for _, total in sums}
    if rough is not None:
        return unverifiable(
            claim,
            f"The article gives a rounded count ({rough[0]} {claim.raw}); the label's totals for this trial "
            f"({', '.join(f'{value:g}' for value in sorted(v for v in distinct if v is not None)) or 'none'}) "
            "are not that count rounded.",
        )
    if len(distinct) != 1:
        return unverifiable(
            claim,
            f"The article says {says}; the label gives {'several totals' if distinct else 'no total'} for this trial "
            f"({', '.join(f'{value:g}' for value in sorted(v for v in distinct if v is not None)) or 'none'}), none of them the article's.",
        )
    label_total = totals[0] if totals else None
    members = sums[0][0] if sums else []
    stated = (
        f"a total of {label_total.raw} ({where(label_total)})"
        if label_total
        else " + ".join(f"{m.raw} ({m.arm})" for m in members) + f" = {sums[0][1]:g} patients in {where(members[0])}"
    )
    value = label_total.raw if label_total else f"{sums[0][1]:g}"
    return replace(
        claim,
        verdict="contradicted",
        kind="wrong_value",
        evidence=label_total or members[0],
        explanation=f"Contradicted (wrong value): the article says {says}; the label gives {stated}. Corrected: '{corrected(claim, value)}'",
    )


def _of_other_patients(claim: Claim, m: Measurement, view: LabelView) -> bool:
    """Whether the article counts patients with a condition ("268 men with spinal cord injury") that
    the label's sentence of its count ("… patients with erectile dysfunction attributed to diabetes
    mellitus (n=268)") does not name a word of: a study's N belongs to the patients it enrolled."""
    if claim.value_span is None:
        return False
    if m.trial and m.trial in view.context(m):
        # a named trial's total is its whole enrolment, which the label words its own way ("a 13,608
        # patient … study" of patients with ACS; the article's "with unstable angina … or STEMI")
        return False
    described = patterns.PATIENTS_WITH.match(claim.text, claim.value_span[1] - claim.span[0])
    if described is None:
        return False
    words = patterns.CONDITION_WORD.findall(described.group("what"))
    # only where the label's own sentence says whom it counts; a table's N or a bare total says nothing of it
    conditions = " ".join(c.group("what") for c in patterns.PEOPLE_WITH.finditer(view.context(m))).lower()
    return bool(words) and bool(conditions) and not any(word.lower() in conditions for word in words)


def _randomized_total(claim: Claim, totals: list[Measurement], view: LabelView) -> Claim | None:
    """ "MONALEESA-7: 495 women randomized" where the label says "A total of 672 patients were
    randomized": a count said to be randomized is the trial's one randomized total when the label's
    prose states exactly one, not a sum of some table's arms (495 is a subgroup's); None otherwise."""
    if not quantity.claim_says(claim, "counts", "randomized") or len(patterns.COUNT_NUMBER.findall(claim.text)) != 1:
        return None  # "301 were randomized to Padcev and 307 to …": the arms' counts, not a total
    stated = [m for m in totals if not m.table and quantity.says(view.words_of(m), "counts", "randomized")]
    if len({m.value for m in stated}) != 1:
        return None
    m = stated[0]
    return replace(
        claim,
        verdict="contradicted",
        kind="wrong_value",
        evidence=m,
        explanation=f"Contradicted (wrong value): the article says {said(claim)} randomized; the label says a total "
        f"of {m.raw} were randomized ({where(m)}). Corrected: '{corrected(claim, m.raw)}'",
    )


def check_combined_total(claim: Claim, pools: dict[str, list[Measurement]], view: LabelView) -> Claim | None:
    """A count given for several trials together ("8,281 patients took part (3,449 in EINSTEIN DVT
    and 4,832 in EINSTEIN PE)"): supported when it is the sum of each trial's one total, ``pools``
    the N rows of each trial the sentence names; None when it is not, or a trial has no single total."""
    assert claim.value is not None
    each: list[tuple[str, float, Measurement]] = []
    for trial, rows in pools.items():
        totals = [m for m in rows if not m.arm and m.value is not None and (m.table or _says_enrolment(m, view))]
        sums = sums_per_table([m for m in rows if m.arm and m.value is not None])
        distinct = {m.value for m in totals} | {total for _, total in sums}
        if len(distinct) != 1:
            return None
        value = distinct.pop() or 0.0
        each.append((trial, value, totals[0] if totals else sums[0][0][0]))
    combined = sum(value for _, value, _ in each)
    if len(each) < 2 or not matching.agree(claim.value, printed.decimals(claim.raw or ""), combined, 0):
        return None
    working = " + ".join(f"{value:g} ({trial})" for trial, value, _ in each)
    return _supported_total(claim, each[0][2], f"the label's trials sum to {working} = {combined:g}")


def _says_enrolment(m: Measurement, view: LabelView) -> bool:
    """Whether the label's words for a count say it is of patients a trial enrolled; in the prose, also
    the study's own "in which 153 patients … received" (LENVIMA's Study 205)."""
    words = view.words_of(m)
    return quantity.says(words, "counts", "enrolment") or (
        not m.table and quantity.says(words, "counts", "enrolment_in_label")
    )


def sums_per_table(rows: list[Measurement]) -> list[tuple[list[Measurement], float]]:
    """For each table and population giving the arms' N (or prose sentence: Ns within a few hundred
    characters of each other), one N per arm and their sum."""
    by_place: dict[tuple[object, str | None], dict[str, Measurement]] = {}
    for m in sorted(rows, key=lambda m: (m.row != "header", m.span[0])):
        place: object = m.table or _prose_place(m, by_place)
        by_place.setdefault((place, m.population), {}).setdefault(canonical_arm(m.arm) or "", m)
    return [
        (list(arms.values()), float(sum(m.value or 0 for m in arms.values())))
        for arms in by_place.values()
        if len(arms) >= 2
    ]


def _prose_place(m: Measurement, places: dict[tuple[object, str | None], dict[str, Measurement]]) -> object:
    """The place of a prose N: that of an earlier prose N close before it, else its own offset."""
    for (place, _population), members in places.items():
        if isinstance(place, int) and any(0 <= m.span[0] - other.span[0] <= _PROSE_NEAR for other in members.values()):
            return place
    return m.span[0]


# How near two Ns of the prose must be to be the arms of one randomization (characters): "randomized
# to pazopanib (n = 246) or placebo (n = 123)".
_PROSE_NEAR = 300


def _rounded_count(claim: Claim) -> tuple[str, str] | None:
    """(the words, which way) when the article gives its count rounded: ("more than", "above") of "more
    than 18,000 people"; None for an exact count, or one not round (no two trailing zeros)."""
    if claim.value_span is None or claim.value is None or claim.value % 100:
        return None
    said = patterns.ROUGH_COUNT_BEFORE.search(claim.text[: claim.value_span[0] - claim.span[0]])
    if said is None:
        return None
    way = next(name for name in ("above", "below", "either") if said.group(name))
    return said.group(way), way


def _roughly(claim: Claim, rough: tuple[str, str] | None, value: float) -> bool:
    """Whether ``value`` is the article's rounded count: on the side its words say, and within its last
    non-zero digit's place ("more than 18,000" for 18,201, "about 5,600" for 5,598)."""
    if rough is None or claim.value is None:
        return False
    digits = str(int(claim.value))
    place = 10 ** (len(digits) - len(digits.rstrip("0")))
    way = rough[1]
    side = value > claim.value if way == "above" else value < claim.value if way == "below" else True
    return side and abs(value - claim.value) < place


def _supported_total(claim: Claim, m: Measurement, working: str) -> Claim:
    return replace(
        claim,
        verdict="supported",
        kind=None,
        evidence=m,
        explanation=f"Supported: the article says {said(claim)}; {working}.",
    )


# --- reductions worked out from the arms' rates ------------------------------------------------------


def from_rates(claim: Claim, view: LabelView) -> Claim | None:
    """An absolute or relative reduction an article works out from the two arms' rates of one endpoint
    the label gives where it states no reduction: "an absolute reduction of 18 percentage points, or a
    relative reduction of about 28%" = 64 − 46 and 1 − 46/64 (NINOS's Death or ECMO), "cut the need for
    ECMO by 46%" = 1 − 31/57. Supported when the working rounds to the article's figure; otherwise
    None, and the claim stays unverifiable (the article may have worked from other figures)."""
    if claim.statistic not in {"difference", "rrr", "risk_reduction"} or claim.value is None:
        return None
    if not claim.trial or not claim.endpoint or claim.unit not in {None, "%"}:
        return None
    rows = [
        m
        for m in matching.of_trial(claim.trial, view.measurements)
        if m.statistic == "rate" and m.endpoint == claim.endpoint and m.table and m.population is None
    ]
    pair = experimental_and_control(m for m in rows if not view.modifiers(m))
    if pair is None or pair[0].value is None or not pair[1].value:
        return None
    experimental, control = pair
    treated, untreated = pair[0].value, pair[1].value
    if claim.statistic == "difference":
        derived = abs(untreated - treated)
        working = f"{control.raw} − {experimental.raw} = {derived:g} percentage points"
    else:
        derived = (1 - treated / untreated) * 100
        working = f"1 − {experimental.raw}/{control.raw} = {derived:.1f}%"
    if abs(abs(claim.value) - derived) > 0.5 * 10 ** -printed.decimals(claim.raw or "") + 1e-9:
        return None
    return _supported_total(
        claim,
        experimental,
        f"the label gives {describe(experimental)} and {describe(control)} in {where(experimental)}: {working}",
    )


# --- differences of medians --------------------------------------------------------------------------


def is_difference(claim: Claim) -> bool:
    """ "11.2 months more", "2.7 months longer", "extended life by a median of 6.1 months", "improved
    median survival by 2.7 months", "added nearly 18 months of median survival"."""
    if claim.value_span is None:
        return False
    end = claim.value_span[1] - claim.span[0]
    gap = patterns.difference_after(quantity.words("differences", "after_value")).match(claim.text, end)
    if gap is not None or quantity.claim_says(claim, "differences", "before_value", before_only=True):
        return True
    start = claim.value_span[0] - claim.span[0]  # "extended median survival by 2.7 months"
    if patterns.ADDED_BEFORE.search(claim.text, max(0, start - 60), start) is not None:
        return True  # "olaparib added nearly 18 months of median survival"
    return no_results.GAIN_BY_BEFORE.search(claim.text, max(0, start - 80), start) is not None


def check_difference(claim: Claim, frame: Frame) -> Claim:
    """A difference of the arms' medians, against the label's experimental minus control median."""
    assert claim.value is not None
    pair = experimental_and_control(frame.rows)
    if pair is None:
        return unverifiable(
            claim,
            f"The article says {claim.raw} {claim.unit or ''} between the arms; the label gives no single pair of medians to subtract.",
        )
    experimental, control = pair
    assert experimental.value is not None and control.value is not None
    difference = experimental.value - control.value
    slack = (
        0.5 * 10 ** -printed.decimals(claim.raw or "")
        + 0.5 * 10 ** -printed.decimals(experimental.raw)
        + 0.5 * 10 ** -printed.decimals(control.raw)
    )
    working = f"{experimental.raw} − {control.raw} = {difference:.{max(printed.decimals(experimental.raw), printed.decimals(control.raw))}f} ({describe(experimental)}; {describe(control)}; {where(experimental)})"
    if abs(claim.value - difference) <= slack + 1e-9:
        return replace(
            claim,
            verdict="supported",
            kind=None,
            evidence=experimental,
            explanation=f"Supported: the article says the arms' medians differ by {claim.raw} {claim.unit or ''}; the label's medians give {working}.",
        )
    shown = f"{difference:.{max(printed.decimals(experimental.raw), printed.decimals(control.raw))}f}"
    return replace(
        claim,
        verdict="contradicted",
        kind="wrong_value",
        evidence=experimental,
        explanation=f"Contradicted (wrong value): the article says the arms' medians differ by {claim.raw} {claim.unit or ''}; the label's medians give {working}. Corrected: '{corrected(claim, shown)}'",
    )


# --- misnamed statistics -----------------------------------------------------------------------------


def _mean_for_median(claim: Claim, frame: Frame) -> Claim:
    """ "survived an average of 13.0 months" where the label gives the median 13.0 months."""
    decimals = printed.decimals(claim.raw or "")
    rows = frame.of_arm()
    same_value = [m for m in rows if matching.agree(claim.value or 0, decimals, m.value or 0, printed.decimals(m.raw))]
    m = same_value[0] if same_value else rows[0]
    value_note = (
        f"the number is the label's median ({describe(m)}), called an average"
        if same_value
        else f"the label gives {describe(m)}"
    )
    return replace(
        claim,
        verdict="contradicted",
        kind="wrong_statistic",
        evidence=m,
        explanation=(
            f"Contradicted (wrong statistic): the article gives a mean (average) of {claim.raw} {claim.unit or ''}; "
            f"the label states medians, not means: {value_note} in {where(m)}. A median is the time by which half "
            "the patients had the event; it is not an average."
        ),
    )


def _is_prolongation(claim: Claim) -> bool:
    """ "prolonged overall survival by 28%", "28% longer survival"."""
    return quantity.claim_says(claim, "statistic_words", "prolongation")


def _prolongation(claim: Claim, view: LabelView, frame: Frame) -> Claim | None:
    """A survival "prolonged by N%": a lower risk (1 − HR) said as longer survival is a wrong statistic."""
    assert claim.value is not None
    ratios = [
        m
        for m in view.measurements
        if m.statistic == "hr"
        and m.endpoint == claim.endpoint
        and m.value is not None
        and (not claim.trial or claim.trial.lower() in {(m.trial or "").lower(), (m.nct or "").lower()})
        and matching.same_population(m.population, frame.population)
    ]
    decimals = printed.decimals(claim.raw or "")
    for m in ratios:
        reduction = (1 - (m.value or 0)) * 100
        if abs(claim.value - reduction) <= 0.5 * 10**-decimals + 0.5 * 10 ** (2 - printed.decimals(m.raw)) + 1e-9:
            return replace(
                claim,
                verdict="contradicted",
                kind="wrong_statistic",
                evidence=m,
                explanation=(
                    f"Contradicted (wrong statistic): the article says {claim.endpoint} was prolonged by {claim.raw}%; "
                    f"the label gives {describe(m)} in {where(m)}: 1 − {m.raw} = {reduction:.0f}% is a lower risk of "
                    f"the event at any time, not a {claim.raw}% longer {claim.endpoint}."
                ),
            )
    return unverifiable(
        claim, f"The article says {claim.endpoint} was prolonged by {claim.raw}%; the label states no such percentage."
    )
