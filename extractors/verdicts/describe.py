"""The words of a verdict: what the article says, what the label gives and where, and the correction.

Every number in an explanation is characters of the article (the claim's ``raw``) or of the label
(the measurement's ``raw``), never a number formatted anew, except sums and ratios the explanation
shows its working for.
"""

from __future__ import annotations

from collections.abc import Sequence

from extractors.records import Claim, Measurement, replace
from extractors.text.patterns import build
from extractors.text.patterns import verdicts as patterns
from extractors.verdicts.matching import unit_of


def describe(m: Measurement) -> str:
    """ "Pazopanib median PFS 4.6 months (overall ITT)"; an endpoint the label's sentence does not name
    is left out ("LIPITOR: 61 events"), never printed as "None"."""
    population = m.population or "overall ITT"
    endpoint = f"{m.endpoint} " if m.endpoint else ""
    if m.statistic in {"hr", "rr"}:
        ci = f" (95% CI {m.ci_low_raw or m.ci_low}, {m.ci_high_raw or m.ci_high})" if m.ci_low is not None else ""
        against = f" vs {m.comparator}" if m.comparator else ""
        ratio = "hazard ratio" if m.statistic == "hr" else "relative risk"
        return f"{endpoint}{ratio} {m.raw.replace(' ', '')}{ci}, {m.arm}{against} ({population})"
    if m.statistic == "n":
        return f"N = {m.raw} in the {m.arm} arm ({population})"
    if m.statistic == "events":
        return f"{m.arm}: {m.raw.replace(' ', '')} patients with {endpoint or 'an '}event ({population})"
    unit = "%" if m.statistic in {"rate", "rrr"} else f" {unit_of(m) or ''}".rstrip()
    if m.value is None:
        unit = ""  # "median OS NE", not "NE months"
    what = {
        "median": f"median {endpoint}",
        "rate": f"{endpoint}rate ",
        "p": f"{endpoint}p-value ",
        "rrr": f"{endpoint}relative risk reduction ",
        "event_rate": f"{endpoint}event rate ",
    }.get(m.statistic, f"{m.statistic} {endpoint}")
    return f"{m.arm}: {what}{_qualified(m)}{unit} ({population})"


def _qualified(m: Measurement) -> str:
    """The value with its qualifier, printed once: "<0.001"; a value not estimable or not reached as
    the label prints it ("NE", "Not Reached"; its qualifier, "NE" or "NR", is not printed again)."""
    if m.value is None:
        return m.raw
    raw = m.raw.replace(" ", "")
    qualifier = m.qualifier or ""
    return raw if raw.startswith(qualifier) else f"{qualifier}{raw}"


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
        "rr": f"{claim.endpoint or ''} relative risk".strip(),
        "risk_reduction": f"a {claim.endpoint or ''} risk reduction".replace("  ", " "),
        "n": "number of patients",
        "events": f"number of patients with a {claim.endpoint} event" if claim.endpoint else "number of events",
        "p": "p-value",
        "event_rate": f"{claim.endpoint or ''} event rate".strip(),
        "rrr": f"a {claim.endpoint or ''} relative risk reduction".replace("  ", " "),
    }.get(claim.statistic or "", claim.statistic or "value")
    unit = (
        "%" if claim.unit == "%" else f" {claim.unit}" if claim.unit and claim.statistic not in {"n", "events"} else ""
    )
    arm = f" for {claim.arm}" if claim.arm else ""
    ci = f" (CI {claim.ci_low}–{claim.ci_high})" if claim.ci_low is not None else ""
    cell = f" (in its table, column '{claim.column}')" if claim.column else ""
    return f"{what} {claim.raw or ''}{unit}{ci}{arm}{cell}"


def corrected(claim: Claim, value: str, unit: str | None = None, operator: str | None = None) -> str:
    """The claim's sentence with the value (and unit word) replaced by the label's; a bound the
    article writes ("p < 0.001") is replaced with the label's own operator ("p = 0.0462"), never
    kept before a value it does not fit."""
    if claim.value_span is None:
        return claim.text
    start = claim.value_span[0] - claim.span[0]
    end = claim.value_span[1] - claim.span[0]
    bound = patterns.OPERATOR_BEFORE.search(claim.text, 0, start)
    if bound is not None and operator is not None and bound.group("op") != operator:
        start, value = bound.start(), f"{operator} {value}"
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


def supported(claim: Claim, m: Measurement, note: str = "") -> Claim:
    return replace(
        claim,
        verdict="supported",
        kind=None,
        evidence=m,
        explanation=f"Supported: the article says {said(claim)}; the label gives {describe(m)} in {where(m)}.{note}",
    )


_STATISTIC_WORDS = {
    "median": "median",
    "rate": "rate",
    "hr": "hazard ratio",
    "rr": "relative risk",
    "p": "p-value",
    "n": "N",
    "event_rate": "event rate",
}


def label_reports(rows: Sequence[Measurement], endpoint: str | None, family: str) -> str:
    """What the label does report for a quantity, as a clause: "; the label gives median PFS for all
    randomized patients: TAGRISSO 10.1 months, Chemotherapy 4.4 months (Table 20)"; "" when nothing."""
    shown = [m for m in rows if m.statistic == family and (endpoint is None or m.endpoint == endpoint)][:6]
    if not shown:
        return ""
    groups: dict[str, list[Measurement]] = {}
    for m in shown:
        groups.setdefault(m.population or "all randomized patients", []).append(m)
    what = f"{_STATISTIC_WORDS.get(family, family)} {endpoint or ''}".strip()
    parts = []
    for population, members in groups.items():
        values = ", ".join(_value_of(m) for m in members)
        place = members[0].table or "its text"
        parts.append(f"for {population}: {values} ({place})")
    return f"; the label gives {what} " + "; ".join(parts)


def _value_of(m: Measurement) -> str:
    """ "TAGRISSO 10.1 months", "HR 0.30"."""
    unit = "%" if m.statistic == "rate" else f" {unit_of(m)}" if unit_of(m) and m.statistic == "median" else ""
    value = f"{_qualified(m)}{unit if m.value is not None else ''}"
    if m.statistic in {"hr", "p"} or not m.arm:
        return value
    return f"{m.arm} {value}"


_REASONS = {
    "wrong_unit": "the number is right but its unit is not",
    "swapped_arms": "the value belongs to the other arm",
    "wrong_population": "the value belongs to another population",
    "wrong_endpoint": "the value belongs to another endpoint",
    "wrong_value": "the label gives a different value",
    "inverted_ratio": "the value is the label's ratio turned upside down (1/HR), comparing the arms the other way round",
    "other_analysis": "the value is the label's figure of another analysis than the one the article names",
}


# The kinds a rewrite can fix. Another analysis's figure may be the publication's own: the editor
# asks which analysis it is, so no sentence is rewritten for it.
_REWRITTEN = frozenset(
    {"wrong_value", "wrong_unit", "swapped_arms", "wrong_population", "wrong_endpoint", "wrong_trial"}
)


def contradicted(
    claim: Claim,
    kind: str,
    belongs: Measurement | None,
    target: Measurement | None,
    *,
    others: Sequence[Measurement] = (),
) -> Claim:
    """A contradicted numeric claim: the label's value (``target``), where the article's number does
    belong (``belongs``), and the sentence corrected. With no target, ``others`` are the values the
    label gives for the arms the article may mean, none of which is the article's."""
    raw = claim.raw or ""
    parts = [f"Contradicted ({kind.replace('_', ' ')}): the article says {said(claim)}"]
    if target is not None:
        parts.append(f"the label gives {describe(target)} in {where(target)}")
    elif others:
        parts.append(
            "the label gives "
            + " and ".join(f"{describe(m)}" for m in others[:4])
            + f" ({where(others[0])}); the article's value is none of them"
        )
    if belongs is not None and belongs is not target:
        parts.append(f"{raw} is the label's {describe(belongs)} ({where(belongs)}) — {_REASONS[kind]}")
    elif kind == "wrong_unit" and target is not None:
        parts.append(f"the label's unit is {unit_of(target)}, the article's {claim.unit}")
    text = "; ".join(parts) + "."
    if target is not None and target.value is not None and kind in _REWRITTEN:
        text += f" Corrected: '{_correction(claim, kind, target)}'"
    elif kind == "wrong_endpoint" and belongs is not None:
        text += f" The label reports {raw} as {belongs.endpoint}, not {claim.endpoint}; it gives no {claim.endpoint} value here."
    return replace(
        claim,
        verdict="contradicted",
        kind=kind,
        evidence=target or belongs or (others[0] if others else None),
        explanation=text,
    )


def _correction(claim: Claim, kind: str, target: Measurement) -> str:
    """The claim's sentence as the label would have it."""
    raw = claim.raw or ""
    if kind == "wrong_unit":
        return corrected(claim, raw, unit_of(target))
    if claim.statistic == "risk_reduction" and target.statistic != "rrr" and target.value is not None:
        return corrected(claim, f"{round((1 - target.value) * 100)}")
    value = target.raw.replace(" ", "")
    if kind == "swapped_arms":
        return swapped(claim, raw, value)
    return corrected(claim, value, operator=target.qualifier or "=")
