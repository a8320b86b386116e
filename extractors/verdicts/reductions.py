"""A ratio and the reduction read from it in one sentence, and a sentence that goes on about the
endpoint of the one before it.

- "That is a 21% lower risk (hazard ratio 0.79; p=0.01)" after "Each year, 1.27% … had a stroke or a
  blood clot elsewhere in the body": a sentence that opens by pointing back ("That is", "This",
  "In other words") and names no endpoint is about the endpoint the sentence before it named, when
  that one named exactly one. Such a claim is never contradicted on that endpoint alone
  (`numbers.check_number` holds a context's endpoint to the value).
- "lowered the chance of recurrent clots by 84% (relative risk 0.84)": a reduction said with the
  ratio it is read from is checked once the ratio is the label's (supported): against the reduction
  the label states with that ratio in its own sentence ("reduced the risk of MI by 42% … HR 0.58"),
  else against 1 − the ratio. 84% for RR 0.84 is the ratio read as the reduction
  (``wrong_statistic``: 1 − 0.84 = 16%).
"""

from __future__ import annotations

from extractors.records import Claim, Measurement, Verdict, replace
from extractors.text import numbers as printed
from extractors.text.names import canonical_arm
from extractors.text.patterns import verdicts as patterns
from extractors.verdicts import matching
from extractors.verdicts.describe import describe, supported, where
from extractors.verdicts.quantity import LabelView

_RATIOS = frozenset({"hr", "rr"})
_POINTS_BACK = frozenset({"hr", "rr", "risk_reduction", "rrr", "p"})
_NAMES = {"hr": "hazard ratio", "rr": "relative risk"}


def endpoint_before(claim: Claim, judged: list[Claim], text: str) -> Claim:
    """``claim`` with the endpoint of the sentence before it (of ``judged``, in the same paragraph)
    when its sentence points back and names none; else ``claim`` as it is."""
    if claim.endpoint is not None or claim.statistic not in _POINTS_BACK:
        return claim
    if not patterns.POINTS_BACK.match(claim.text):
        return claim
    before = [c for c in judged if c.span != claim.span and c.span[1] <= claim.span[0]]
    if not before:
        return claim
    last = max(c.span for c in before)
    if "\n\n" in text[last[1] : claim.span[0]]:
        return claim  # another paragraph
    named = {c.endpoint for c in before if c.span == last and c.endpoint}
    return replace(claim, endpoint=named.pop()) if len(named) == 1 else claim


def population_before(claim: Claim, judged: list[Claim], text: str) -> Claim:
    """``claim`` with the population of the claim before it (of ``judged``, in the same paragraph and
    trial) when its own points back to it ("in that subgroup"); else ``claim`` as it is."""
    if claim.population is None or not patterns.POPULATION_POINTS_BACK.match(claim.population.strip()):
        return claim
    before = [c for c in judged if c.population and c.span[1] <= claim.span[0] and c.span != claim.span]
    if not before:
        return claim
    last = max(before, key=lambda c: c.span)
    if "\n\n" in text[last.span[1] : claim.span[0]] or (claim.trial and last.trial and claim.trial != last.trial):
        return claim  # another paragraph or trial: no population to point back to
    if patterns.POPULATION_POINTS_BACK.match(last.population or ""):
        return claim
    return replace(claim, population=last.population)


def settle_reductions(claims: tuple[Claim, ...], view: LabelView) -> tuple[Claim, ...]:
    """Each reduction left unverifiable ("Heart attack: risk cut by 24% (HR 0.58)") judged with the one
    ratio its sentence gives, when the label supports that ratio and the sentence gives no other
    reduction: supported by the reduction the label states with that ratio, else checked against
    1 − the ratio."""
    out = list(claims)
    for index, claim in enumerate(claims):
        if claim.statistic != "risk_reduction" or claim.verdict != "unverifiable" or claim.value is None:
            continue
        ratios = [
            c
            for c in claims
            if c.span == claim.span and c.statistic in _RATIOS and c.verdict == "supported" and c.evidence is not None
        ]
        reductions = [c for c in claims if c.span == claim.span and c.statistic == "risk_reduction"]
        if len(ratios) != 1 or len(reductions) != 1:
            continue
        assert ratios[0].evidence is not None
        stated = _stated_with(ratios[0].evidence, view)
        if stated is not None and matching.value_agrees(claim, stated, printed.decimals(claim.raw or "")):
            out[index] = supported(claim, stated, " The label states it with the ratio the sentence gives.")
            continue
        judged = _against(claim, ratios[0])
        # the label states its own reduction (42%) and the article's (41%) is only a rounding of 1 − HR:
        # neither the label's figure nor a misreading of it
        out[index] = claim if stated is not None and judged.verdict == "supported" else judged
    return tuple(out)


# characters: how far before its ratio a label sentence states the reduction it gives with it ("reduced
# the risk of MI by 42% (38 events in the LIPITOR group vs. 64 events in the placebo group), HR 0.58")
_REDUCTION_REACH = 200


def _stated_with(ratio: Measurement, view: LabelView) -> Measurement | None:
    """The relative risk reduction a label's prose states right before ``ratio``, for the same arm,
    with no other ratio between them; None when there is none."""
    if ratio.table is not None:
        return None
    before = [
        m
        for m in view.measurements
        if m.source == ratio.source
        and m.table is None
        and m.statistic in {"rrr", "hr", "rr"}
        and 0 <= ratio.span[0] - m.span[1] <= _REDUCTION_REACH
        and m is not ratio
    ]
    nearest = max(before, key=lambda m: m.span[0], default=None)
    if nearest is None or nearest.statistic != "rrr" or canonical_arm(nearest.arm) != canonical_arm(ratio.arm):
        return None
    return nearest


def _against(claim: Claim, ratio: Claim) -> Claim:
    m = ratio.evidence
    assert m is not None and m.value is not None and claim.value is not None
    reduction = (1 - m.value) * 100
    decimals = printed.decimals(claim.raw or "")
    tolerance = 0.5 * 10**-decimals + 0.5 * 10 ** (2 - printed.decimals(m.raw)) + 1e-9
    name = _NAMES.get(m.statistic, "ratio")
    working = f"1 − {m.raw} = {reduction:.0f}%"
    said = f"the article says the risk was {claim.raw}% lower, with the {name} {ratio.raw}"
    given = f"the label gives {describe(m)} in {where(m)}: {working}."
    verdict: Verdict
    if abs(claim.value - reduction) <= tolerance:
        verdict, kind, explanation = "supported", None, f"Supported: {said}; {given}"
    else:
        read_as_ratio = abs(claim.value - m.value * 100) <= tolerance
        kind = "wrong_statistic" if read_as_ratio else "wrong_value"
        how = f"the {name} read as the reduction; " if read_as_ratio else ""
        verdict, explanation = "contradicted", f"Contradicted ({kind.replace('_', ' ')}): {said}; {how}{given}"
    return replace(claim, verdict=verdict, kind=kind, evidence=m, endpoint=ratio.endpoint, explanation=explanation)


__all__ = ["endpoint_before", "settle_reductions"]
