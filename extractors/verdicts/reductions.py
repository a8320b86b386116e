"""A ratio and the reduction read from it in one sentence, and a sentence that goes on about the
endpoint of the one before it.

- "That is a 21% lower risk (hazard ratio 0.79; p=0.01)" after "Each year, 1.27% … had a stroke or a
  blood clot elsewhere in the body": a sentence that opens by pointing back ("That is", "This",
  "In other words") and names no endpoint is about the endpoint the sentence before it named, when
  that one named exactly one. Such a claim is never contradicted on that endpoint alone
  (`numbers.check_number` holds a context's endpoint to the value).
- "lowered the chance of recurrent clots by 84% (relative risk 0.84)": a reduction said with the
  ratio it is read from is checked against 1 − that ratio once the ratio is the label's (supported):
  84% for RR 0.84 is the ratio read as the reduction (``wrong_statistic``: 1 − 0.84 = 16%).
"""

from __future__ import annotations

from dataclasses import replace

from extractors.records import Claim
from extractors.text import numbers as printed
from extractors.text.patterns import verdicts as patterns
from extractors.verdicts.describe import describe, where

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


def settle_reductions(claims: tuple[Claim, ...]) -> tuple[Claim, ...]:
    """Each reduction left unverifiable checked against 1 − the ratio its sentence gives, when the
    label supports that ratio."""
    out = list(claims)
    for index, claim in enumerate(claims):
        if claim.statistic != "risk_reduction" or claim.verdict != "unverifiable" or claim.value is None:
            continue
        ratios = [
            c
            for c in claims
            if c.span == claim.span and c.statistic in _RATIOS and c.verdict == "supported" and c.evidence is not None
        ]
        if len(ratios) == 1:
            out[index] = _against(claim, ratios[0])
    return tuple(out)


def _against(claim: Claim, ratio: Claim) -> Claim:
    m = ratio.evidence
    assert m is not None and m.value is not None and claim.value is not None
    reduction = (1 - m.value) * 100
    decimals = printed.decimals(claim.raw or "")
    tolerance = 0.5 * 10**-decimals + 0.5 * 10 ** (2 - printed.decimals(m.raw)) + 1e-9
    name = _NAMES.get(m.statistic, "ratio")
    working = f"1 − {m.raw} = {reduction:.0f}%"
    if abs(claim.value - reduction) <= tolerance:
        return replace(
            claim,
            verdict="supported",
            kind=None,
            evidence=m,
            endpoint=ratio.endpoint,
            explanation=f"Supported: the article says the risk was {claim.raw}% lower, with the {name} {ratio.raw}; the label "
            f"gives {describe(m)} in {where(m)}: {working}.",
        )
    read_as_ratio = abs(claim.value - m.value * 100) <= tolerance
    kind = "wrong_statistic" if read_as_ratio else "wrong_value"
    how = f"the {name} read as the reduction; " if read_as_ratio else ""
    return replace(
        claim,
        verdict="contradicted",
        kind=kind,
        evidence=m,
        endpoint=ratio.endpoint,
        explanation=f"Contradicted ({kind.replace('_', ' ')}): the article says the risk was {claim.raw}% lower, with "
        f"the {name} {ratio.raw}; {how}the label gives {describe(m)} in {where(m)}: {working}.",
    )


__all__ = ["endpoint_before", "settle_reductions"]
