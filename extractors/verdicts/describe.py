"""The words of a verdict: what the article says, what the label gives and where, and the correction.

Every number in an explanation is characters of the article (the claim's ``raw``) or of the label
(the measurement's ``raw``), never a number formatted anew, except sums and ratios the explanation
shows its working for.
"""

from __future__ import annotations

from dataclasses import replace

from extractors.records import Claim, Measurement
from extractors.text.patterns import build
from extractors.text.patterns import verdicts as patterns
from extractors.verdicts.matching import unit_of


def describe(m: Measurement) -> str:
    """ "Pazopanib median PFS 4.6 months (overall ITT)"."""
    population = m.population or "overall ITT"
    if m.statistic == "hr":
        ci = f" (95% CI {m.ci_low_raw or m.ci_low}, {m.ci_high_raw or m.ci_high})" if m.ci_low is not None else ""
        against = f" vs {m.comparator}" if m.comparator else ""
        return f"{m.endpoint} hazard ratio {m.raw.replace(' ', '')}{ci}, {m.arm}{against} ({population})"
    if m.statistic == "n":
        return f"N = {m.raw} in the {m.arm} arm ({population})"
    unit = "%" if m.statistic == "rate" else f" {unit_of(m) or ''}".rstrip()
    what = {"median": f"median {m.endpoint}", "rate": f"{m.endpoint} rate", "p": f"{m.endpoint} p-value"}.get(
        m.statistic, f"{m.statistic} {m.endpoint}"
    )
    qualifier = m.qualifier or ""
    return f"{m.arm}: {what} {qualifier}{m.raw.replace(' ', '')}{unit} ({population})"


def where(m: Measurement) -> str:
    """ "Table 9, row 'Median PFS', column 'Pazopanib', characters 120–123 of votrient"."""
    parts = [
        part
        for part in (m.table, f"row '{m.row}'" if m.row else None, f"column '{m.column}'" if m.column else None)
        if part
    ]
    place = ", ".join(parts) if parts else "the label text"
    return f"{place}, characters {m.span[0]}–{m.span[1]} of {m.source}"


def said(claim: Claim) -> str:
    """What the article says, as printed: "median PFS 4.6 months (pazopanib)"."""
    what = {
        "median": f"median {claim.endpoint or '(endpoint not named)'}",
        "rate": f"{claim.endpoint or ''} rate".strip(),
        "hr": f"{claim.endpoint or ''} hazard ratio".strip(),
        "risk_reduction": f"a {claim.endpoint or ''} risk reduction (1 − HR)".replace("  ", " "),
        "n": "number of patients",
        "p": "p-value",
    }.get(claim.statistic or "", claim.statistic or "value")
    unit = "%" if claim.unit == "%" else f" {claim.unit}" if claim.unit and claim.statistic != "n" else ""
    arm = f" for {claim.arm}" if claim.arm else ""
    ci = f" (CI {claim.ci_low}–{claim.ci_high})" if claim.ci_low is not None else ""
    return f"{what} {claim.raw or ''}{unit}{ci}{arm}"


def corrected(claim: Claim, value: str, unit: str | None = None) -> str:
    """The claim's sentence with the value (and unit word) replaced by the label's."""
    if claim.value_span is None:
        return claim.text
    start = claim.value_span[0] - claim.span[0]
    end = claim.value_span[1] - claim.span[0]
    after = claim.text[end:]
    if unit is not None:
        after = patterns.LEADING_TIME_UNIT.sub(lambda m: f"{m.group(1)}{unit}", after, count=1)
    return f"{claim.text[:start]}{value}{after}".strip()


def swapped(claim: Claim, raw: str, value: str) -> str:
    """The sentence with the two arms' values exchanged, when it states both."""
    assert claim.value_span is not None
    start, end = claim.value_span[0] - claim.span[0], claim.value_span[1] - claim.span[0]
    printed = build.printed_number(value)
    other = printed.search(claim.text[end:])  # sliced: the claim's own digits do not count as "before"
    if other is None:
        other_before = list(printed.finditer(claim.text[:start]))
        if not other_before:
            return f"{claim.text[:start]}{value}{claim.text[end:]}".strip()
        o = other_before[-1]
        return f"{claim.text[: o.start()]}{raw}{claim.text[o.end() : start]}{value}{claim.text[end:]}".strip()
    o_start, o_end = end + other.start(), end + other.end()
    return f"{claim.text[:start]}{value}{claim.text[end:o_start]}{raw}{claim.text[o_end:]}".strip()


def unverifiable(claim: Claim, explanation: str) -> Claim:
    return replace(claim, verdict="unverifiable", kind=None, evidence=None, explanation=explanation)


_REASONS = {
    "wrong_unit": "the number is right but its unit is not",
    "swapped_arms": "the value belongs to the other arm",
    "wrong_population": "the value belongs to another population",
    "wrong_endpoint": "the value belongs to another endpoint",
    "wrong_value": "the label gives a different value",
}


def contradicted(claim: Claim, kind: str, belongs: Measurement | None, target: Measurement | None) -> Claim:
    """A contradicted numeric claim: the label's value (``target``), where the article's number does
    belong (``belongs``), and the sentence corrected."""
    raw = claim.raw or ""
    parts = [f"Contradicted ({kind.replace('_', ' ')}): the article says {said(claim)}"]
    if target is not None:
        parts.append(f"the label gives {describe(target)} in {where(target)}")
    if belongs is not None and belongs is not target:
        parts.append(f"{raw} is the label's {describe(belongs)} ({where(belongs)}) — {_REASONS[kind]}")
    elif kind == "wrong_unit" and target is not None:
        parts.append(f"the label's unit is {unit_of(target)}, the article's {claim.unit}")
    text = "; ".join(parts) + "."
    if target is not None and target.value is not None:
        unit = unit_of(target) if kind == "wrong_unit" else None
        value = raw if kind == "wrong_unit" else target.raw.replace(" ", "")
        if claim.statistic == "risk_reduction":
            value = f"{round((1 - target.value) * 100)}"
        correction = swapped(claim, raw, value) if kind == "swapped_arms" else corrected(claim, value, unit)
        text += f" Corrected: '{correction}'"
    elif kind == "wrong_endpoint" and belongs is not None:
        text += f" The label reports {raw} as {belongs.endpoint}, not {claim.endpoint}; it gives no {claim.endpoint} value here."
    return replace(claim, verdict="contradicted", kind=kind, evidence=target or belongs, explanation=text)
