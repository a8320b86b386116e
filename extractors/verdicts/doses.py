"""Verdicts on doses: an article's "800 mg once daily" against the doses the label states.

Doses are compared by amount, unit and schedule; the route ("orally") does not change a schedule,
and "daily" is "once daily".
"""

from __future__ import annotations

from extractors.records import Claim, Measurement, replace
from extractors.text import vocabulary
from extractors.text.names import canonical_arm
from extractors.text.patterns import doses as patterns
from extractors.verdicts.describe import unverifiable


def _drug_key(name: str | None) -> str | None:
    """A drug's name as doses are matched by: canonical, a biologic's affixes and a salt left out
    ("fam-trastuzumab deruxtecan-nxki" and "T-DXd" are both trastuzumab deruxtecan; "prasugrel
    hydrochloride" is prasugrel)."""
    canonical = canonical_arm(name)
    return patterns.SALT_WORD.sub("", patterns.BIOLOGIC_AFFIX.sub("", canonical)) if canonical else None


def _schedule(unit: str | None) -> str:
    """ "mg orally once daily" → "mg once-daily": the schedule written one way."""
    text = (unit or "").lower()
    text = patterns.ROUTE.sub(" ", text)
    text = patterns.ONCE_DAILY.sub("once-daily", text)
    text = patterns.TWICE_DAILY.sub("twice-daily", text)
    return " ".join(text.split())


def _same_schedule(claim_schedule: str, label_schedule: str) -> bool:
    """The same schedule, or the same unit where one of the two states no schedule ("800 mg")."""
    return claim_schedule == label_schedule or (
        claim_schedule.split()[0:1] == label_schedule.split()[0:1]
        and (len(claim_schedule.split()) == 1 or len(label_schedule.split()) == 1)
    )


def _unit_read_apart(claim_unit: str, label_unit: str) -> bool:
    """ "mg/m2" against "mg": one unit the start of the other, as when "mg/m 2" was read up to its space."""
    return (
        claim_unit != label_unit
        and bool(claim_unit)
        and bool(label_unit)
        and (claim_unit.startswith(label_unit) or label_unit.startswith(claim_unit))
    )


def check_dose(claim: Claim, doses: tuple[Measurement, ...]) -> Claim:
    """Supported when a dose of the claim's drug has its amount and schedule; else the label's doses."""
    drug = _drug_key(claim.arm)
    if drug is not None and drug in vocabulary.control_arms():
        # "328 to everolimus 10 mg daily": a comparator's regimen describes the trial, not the label
        # drug's dosing, which is all a label's doses are checked for
        return unverifiable(
            claim, f"The article gives the dose of {claim.arm}, a comparator; the label's doses are its own drug's."
        )
    relevant = [d for d in doses if drug is None or d.arm is None or _drug_key(d.arm) == drug]
    if not relevant:
        return unverifiable(claim, f"The article gives a dose of {claim.arm or 'the drug'}; the sources state none.")
    said = f"{claim.arm or ''} {claim.value:g} {claim.unit}".strip()
    claim_schedule = _schedule(claim.unit)
    for dose in relevant:
        if dose.value == claim.value and _same_schedule(claim_schedule, _schedule(dose.unit)):
            return replace(
                claim,
                verdict="supported",
                evidence=dose,
                explanation=f"Supported: the article says {said}; the label says {dose.raw} {dose.unit} "
                f"(characters {dose.span[0]}–{dose.span[1]} of {dose.source}).",
            )
    first = relevant[0]
    stated = "; ".join(dict.fromkeys(f"{d.raw} {d.unit}" for d in relevant))
    claim_unit = claim_schedule.split()[0] if claim_schedule else ""
    same_amount = [d for d in relevant if d.value == claim.value]
    if any(_unit_read_apart(claim_unit, (_schedule(d.unit).split() or [""])[0]) for d in same_amount):
        # "35 mg/m 2" printed with a space is read as "35 mg": the label's unit is not read whole
        return unverifiable(
            claim, f"The article gives {said}; the label states {stated}, the same amount in a unit read apart."
        )
    if len(claim_schedule.split()) < 2:
        # "doses ranging from 50 mg to 1,200 mg", "reduced to 400 mg": an amount with no schedule is
        # not said to be the regimen, so it cannot be a wrong one
        return unverifiable(claim, f"The article gives {said} without a schedule; the label states {stated}.")
    scheduled = [d for d in relevant if _schedule(d.unit) == claim_schedule]
    if not scheduled:
        # "then 75 mg daily" where the label reads only clopidogrel's "300 mg" loading dose: no dose of
        # that schedule to compare with, so not a wrong one
        return unverifiable(claim, f"The article gives {said}; the label states {stated}, for no such schedule.")
    first = scheduled[0]
    return replace(
        claim,
        verdict="contradicted",
        kind="wrong_value",
        evidence=first,
        explanation=f"Contradicted (wrong value): the article says {said}; the label states {stated} "
        f"(characters {first.span[0]}–{first.span[1]} of {first.source}).",
    )
