"""The values of one sentence judged together: "18.9 versus 10.2 months", "39.1 months vs 5.6 months".

A sentence that states one statistic for two arms pairs its values with them. Two rules use the
pair, after each value was judged on its own:

- **doubt**: when the reader gave two different values of one statistic the same arm ("10.1 versus
  4.4 months" both "platinum-based chemotherapy"), or two values were judged against the same
  label arm, the arms were not read right: each value is judged again as if no arm were named;
- **partner**: when one value of a pair is the other arm's (``swapped_arms``) and the other value is
  exactly the label's value for the first one's arm, the other value is swapped too;
- **elimination**: when one value of a pair is the label's value for one arm and the other value's
  arm is not settled, in a trial with two arms the other value is the other arm's ("25.5 vs 16.9
  months": 25.5 is the combination arm's, so 16.9 is checked against the monotherapy's 16.7).
"""

from __future__ import annotations

from extractors.records import Claim, Measurement, replace
from extractors.text.names import canonical_arm
from extractors.verdicts.arms import read_arm
from extractors.verdicts.derived import is_difference
from extractors.verdicts.describe import contradicted
from extractors.verdicts.numbers import check_number
from extractors.verdicts.quantity import LabelView

# Statistics stated once per arm.
_PER_ARM = frozenset({"median", "mean", "rate", "n", "events", "event_rate"})


def settle_pairs(claims: tuple[Claim, ...], view: LabelView, judged: set[int]) -> tuple[Claim, ...]:
    """``claims`` with the values of each sentence's pairs judged again where a rule applies;
    ``judged`` are the indices whose verdict `check_number` gave (not another drug's sentence)."""
    out = list(claims)
    groups: dict[tuple[object, ...], list[int]] = {}
    for index, claim in enumerate(claims):
        if index in judged and claim.statistic in _PER_ARM and claim.value is not None and not is_difference(claim):
            # values at another time point are another pair ("62% vs 38" by 24 months, "60% … 77%" by 60 months)
            landmark = claim.statement.modifiers if claim.statement is not None else ()
            groups.setdefault((claim.span, claim.statistic, claim.endpoint, claim.trial, landmark), []).append(index)
    for indices in groups.values():
        if len(indices) < 2:
            continue
        if _doubtful([out[i] for i in indices]):
            for i in indices:
                out[i] = _again(
                    out[i], view, None, "the sentence's values were given the same arm, so no arm is taken as read"
                )
        if len(indices) == 2:
            _mutual_swap(out, *indices)
            _partner_swap(out, view, *indices)
        for i in indices:
            hint = _other_arm(out[i], [out[j] for j in indices if j != i], view)
            if hint is not None:
                out[i] = _again(
                    out[i],
                    view,
                    hint,
                    f"its pair's other value is the {hint} arm's, so this one is taken as the other arm's",
                )
    return tuple(out)


def _mutual_swap(out: list[Claim], first: int, second: int) -> None:
    """ "28.7% with ribociclib and 40.9% with placebo" where the label gives 40.9% and 28.7%: each value
    is the other arm's, so both are ``swapped_arms``, with the sentence corrected by exchanging them."""
    a, b = out[first], out[second]
    if not (a.verdict == b.verdict == "contradicted" and a.evidence and b.evidence and a.raw and b.raw):
        return
    if a.evidence.arm == b.evidence.arm or a.evidence.raw != b.raw or b.evidence.raw != a.raw:
        return
    out[first] = contradicted(a, "swapped_arms", b.evidence, a.evidence)
    out[second] = contradicted(b, "swapped_arms", a.evidence, b.evidence)


def _partner_swap(out: list[Claim], view: LabelView, first: int, second: int) -> None:
    """ "18.5% of the abemaciclib group had an event, against 12.4%": where one value of a pair is the
    other arm's (``swapped_arms``) and the other value, not judged on its own, is exactly the label's
    value for the first one's arm, in a trial that gives the quantity for two arms, the other value is
    the other arm's given to the first: swapped too, with the label's value for the arm it is said of."""
    for i, j in ((first, second), (second, first)):
        a, b = out[i], out[j]
        target = a.evidence
        if a.kind != "swapped_arms" or b.verdict != "unverifiable" or target is None or not (a.raw and b.raw):
            continue
        if target.raw.replace(" ", "") != b.raw.replace(" ", "") or len(_arms_of(target, view)) != 2:
            continue
        belongs = [
            m
            for m in view.measurements
            if (m.trial, m.statistic, m.endpoint, m.population, m.table)
            == (target.trial, target.statistic, target.endpoint, target.population, target.table)
            and canonical_arm(m.arm) != canonical_arm(target.arm)
            and m.raw.replace(" ", "") == a.raw.replace(" ", "")
        ]
        if len(belongs) == 1:
            out[j] = contradicted(b, "swapped_arms", target, belongs[0])
            return


def _doubtful(members: list[Claim]) -> bool:
    """Two different values read for one arm, or judged against one label arm."""
    seen: dict[str, float] = {}
    for claim in members:
        for arm in {canonical_arm(claim.arm), _evidence_arm(claim)} - {None}:
            assert arm is not None and claim.value is not None
            if arm in seen and seen[arm] != claim.value:
                return True
            seen.setdefault(arm, claim.value)
    return False


def _evidence_arm(claim: Claim) -> str | None:
    evidence = claim.evidence
    if evidence is None or evidence.statistic in {"hr", "p"} or claim.verdict == "unverifiable":
        return None
    return canonical_arm(evidence.arm)


def _other_arm(claim: Claim, others: list[Claim], view: LabelView) -> str | None:
    """The label arm left for ``claim`` when its pair's other value is another arm's and its own
    arm is not settled; None when no rule applies."""
    if claim.verdict == "supported":
        return None
    partners = [o for o in others if o.verdict == "supported" and o.evidence is not None and o.evidence.arm]
    if len(partners) != 1:
        return None
    evidence = partners[0].evidence
    assert evidence is not None
    arms = _arms_of(evidence, view)
    if len(arms) != 2 or read_arm(claim.arm, arms.values()).settled:
        return None
    left = [printed for name, printed in arms.items() if name != canonical_arm(evidence.arm)]
    return left[0] if len(left) == 1 else None


def _arms_of(m: Measurement, view: LabelView) -> dict[str, str]:
    """The arms the label gives ``m``'s quantity for (canonical → as printed)."""
    return {
        canonical_arm(other.arm) or "": other.arm or ""
        for other in view.measurements
        if other.arm
        and (other.trial, other.statistic, other.endpoint, other.population, other.table)
        == (m.trial, m.statistic, m.endpoint, m.population, m.table)
    }


def _again(claim: Claim, view: LabelView, arm: str | None, why: str) -> Claim:
    """The claim judged again with ``arm`` (None: no arm), its reader's arm kept on the record."""
    result = check_number(replace(claim, arm=None), view, arm_hint=arm)
    return replace(result, arm=claim.arm, explanation=f"{result.explanation} ({why[0].upper()}{why[1:]}.)")
