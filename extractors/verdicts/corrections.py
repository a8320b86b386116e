"""A correction is offered only if it verifies (issue 11, item 5).

A contradicted claim's "Corrected:" sentence is read again, as the article's own sentence would
be, and each of its numbers judged against the same label. The rewrite stands only when the
number it changed is now supported by the very row it was taken from and no other number of the
sentence is left unsupported; otherwise no rewrite is offered and the explanation says what the label
gives instead. A rewrite that put a new error in ("median duration of response was 24.9 months
versus 24.9 months", two correct numbers reversed) is never shown.
"""

from __future__ import annotations

from extractors.claims.numeric import numeric_claims
from extractors.claims.sentences import sentence_at
from extractors.read.scene import Scene
from extractors.records import Claim, replace
from extractors.text.patterns import verdicts as patterns
from extractors.verdicts.describe import describe, where
from extractors.verdicts.in_trial import FAMILY
from extractors.verdicts.numbers import check_number
from extractors.verdicts.pairs import settle_pairs
from extractors.verdicts.quantity import LabelView


def verified(claims: tuple[Claim, ...], view: LabelView, drugs: tuple[str, ...]) -> tuple[Claim, ...]:
    """``claims`` with each rewrite that does not verify replaced by what the label gives."""
    wrong: dict[tuple[int, int], set[str]] = {}  # sentence → the raw values the article has wrong there
    for claim in claims:
        if claim.verdict == "contradicted" and claim.raw:
            wrong.setdefault(claim.span, set()).add(claim.raw)
    return tuple(
        _checked(claim, view, drugs, wrong.get(claim.span, set())) if claim.verdict == "contradicted" else claim
        for claim in claims
    )


def _checked(claim: Claim, view: LabelView, drugs: tuple[str, ...], wrong: set[str]) -> Claim:
    found = patterns.CORRECTED.search(claim.explanation)
    if found is None or claim.evidence is None:
        return claim
    if _verifies(claim, found.group("sentence"), view, drugs, wrong - {claim.raw or ""}):
        return claim
    target = claim.evidence
    kept = claim.explanation[: found.start()].rstrip()
    said_instead = (
        " No rewrite is offered: the corrected sentence does not check out against the label when read again."
    )
    if where(target) not in kept:  # say what the label gives, once
        said_instead += f" The label gives {describe(target)} in {where(target)}."
    return replace(claim, explanation=kept + said_instead)


def _verifies(claim: Claim, rewrite: str, view: LabelView, drugs: tuple[str, ...], still_wrong: set[str]) -> bool:
    """Whether every number of the rewritten sentence checks out: the one corrected supported by the
    label row it came from, none contradicted but those the article has wrong anyway (``still_wrong``,
    each with a correction of its own)."""
    target = claim.evidence
    assert target is not None
    scene = Scene(
        source="article",
        drugs=drugs,
        experimental=next(iter(drugs), None),
        trial=claim.trial,
        endpoint=claim.endpoint,
    )
    sentence = sentence_at(claim.span[0], rewrite)
    about = (claim.section, claim.trial, claim.population)
    again = tuple(c for c in numeric_claims(sentence, about, scene) if c.statistic in FAMILY and c.value is not None)
    judged = tuple(check_number(c, view) for c in again)
    judged = settle_pairs(judged, view, set(range(len(judged))))
    # every other number supported (or wrong in the article anyway, with its own correction): a value
    # the label gives for no arm the sentence names ("… and 11.2 months in the chemotherapy group")
    # is no correction, even when nothing contradicts it
    if any(c.verdict != "supported" and c.raw not in still_wrong for c in judged):
        return False
    if any(c.raw == target.raw and c.statistic == claim.statistic and c.arm != claim.arm for c in judged):
        return False  # "222 were assigned to placebo and 222 to palbociclib": one arm's value given to both
    return any(c.verdict == "supported" and c.evidence is not None and c.evidence.span == target.span for c in judged)
