"""Arm Ns against the stated randomization ratio (``n_sum_mismatch``)."""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Iterable, Sequence

from extractors.checks.counts import n_of
from extractors.checks.distributions import binomial_test, chi_square_sf
from extractors.records import Flag, Measurement
from extractors.text.patterns import build
from extractors.text.patterns import checks as patterns

RANDOMIZATION_ALPHA = 0.001
"""Arm Ns fit a randomization ratio unless even simple (unblocked) randomization would give
counts this far from the ratio with probability below 0.001: an exact binomial test for two
arms, a chi-square goodness-of-fit test for more. Blocked randomization fits far closer, so
this only catches Ns that really cannot come from the stated ratio (e.g. 200 and 190 for 2:1)."""


def randomization_ratios(text: str, trials: Iterable[str | None]) -> dict[str | None, tuple[tuple[int, ...], int]]:
    """Each trial's randomization ratio found in ``text``, with the offset where it is stated.

    A ratio belongs to the trial named last before it; when ``trials`` holds one trial only
    (or none named at all), to that one. A trial stated with two different ratios gets none.

    >>> randomization_ratios("In VEG110727 patients were randomized (2:1) to receive pazopanib", ["VEG110727"])
    {'VEG110727': ((2, 1), 27)}
    """
    names = sorted({t for t in trials if t}, key=len, reverse=True)
    named_at = {name: _occurrences(text, name) for name in names}
    found: dict[str | None, tuple[tuple[int, ...], int]] = {}
    clashing: set[str | None] = set()
    for match in patterns.RANDOMIZATION_RATIO_TEXT.finditer(text):
        parts = tuple(int(p) for p in patterns.RATIO_COLON.split(match.group("ratio")))
        if any(p == 0 for p in parts):
            continue
        trial: str | None
        before = [(_last_before(named_at[name], match.start() - len(name)), name) for name in names]
        before = [(at, name) for at, name in before if at >= 0]
        if before:
            trial = max(before)[1]
        elif len(names) <= 1:
            trial = names[0] if names else None
        else:
            continue
        if trial in found and found[trial][0] != parts:
            clashing.add(trial)
        found.setdefault(trial, (parts, match.start()))
    return {t: r for t, r in found.items() if t not in clashing}


def _occurrences(text: str, name: str) -> list[int]:
    """Where ``name`` starts in ``text``, every time (overlaps included, as `str.rfind` sees them)."""
    found, at = [], text.find(name)
    while at >= 0:
        found.append(at)
        at = text.find(name, at + 1)
    return found


def _last_before(starts: list[int], latest: int) -> int:
    """The last of ``starts`` at or before ``latest`` (-1 if none): `str.rfind` up to a position,
    looked up instead of searched again for every ratio."""
    index = bisect.bisect_right(starts, latest) - 1
    return starts[index] if index >= 0 else -1


RATIO_ARMS_REACH = 400
"""The arms a randomization ratio divides must be named within this many characters after
it ("randomized (2:1) to receive pazopanib 800 mg once daily or placebo"), in the order of
its shares; otherwise the ratio is not checked."""


RATIO_BUDGET = 256  # pairings of the arms' stated Ns tried against the ratio; more is left unchecked


def ratio_flags(
    ratio: tuple[int, ...], at: int, context: str, arms: dict[str, list[Measurement]]
) -> dict[int, list[Flag]]:
    """Arm Ns that simple randomization in ``ratio`` would give with probability < RANDOMIZATION_ALPHA."""
    found: dict[int, list[Flag]] = {}
    if len(arms) != len(ratio):
        return found
    after = context[at : at + RATIO_ARMS_REACH].casefold()
    # "a randomized (2:1), double-blind, placebo-controlled trial … randomized to receive Lynparza
    # … or placebo": the design adjective names no arm; the arms come where the patients go
    positions = {arm: _named_at(after, arm) for arm in arms}
    if any(p < 0 for p in positions.values()) or len(set(positions.values())) < len(arms):
        return found  # the arms are not named after the ratio: which share is whose is unknown
    order = sorted(arms, key=lambda arm: positions[arm])
    shares = list(ratio)
    options = [sorted({n for m in arms[arm] if (n := n_of(m)) is not None}) for arm in order]
    if any(not o for o in options) or math.prod(len(o) for o in options) > RATIO_BUDGET:
        return found
    best_p = 0.0
    for combo in itertools.product(*options):
        best_p = max(best_p, _ratio_p(list(combo), shares))
    if best_p >= RANDOMIZATION_ALPHA:
        return found
    shown = ", ".join(f"{arms[arm][0].arm} {'/'.join(map(str, o))}" for arm, o in zip(order, options, strict=True))
    flag = Flag(
        "n_sum_mismatch",
        "error",
        f"arm Ns ({shown}) do not fit the stated {':'.join(map(str, ratio))} randomization "
        "(in the order the arms are named after it): even unblocked randomization gives Ns this far off with p = "
        f"{best_p:.1g} "
        f"(threshold {RANDOMIZATION_ALPHA:g})",
    )
    for ms in arms.values():
        for m in ms:
            found.setdefault(id(m), []).append(flag)
    return found


def _named_at(text: str, arm: str) -> int:
    """Where ``arm`` is first named as an arm in ``text`` (-1 if not): not as in "placebo-controlled"."""
    match = build.arm_named(arm).search(text)
    return match.start() if match else -1


def _ratio_p(counts: Sequence[int], shares: Sequence[int]) -> float:
    total = sum(counts)
    if total == 0:
        return 1.0
    if len(counts) == 2:
        return binomial_test(counts[0], total, shares[0] / sum(shares))
    expected = [total * share / sum(shares) for share in shares]
    statistic = sum((count - e) ** 2 / e for count, e in zip(counts, expected, strict=True))
    return chi_square_sf(statistic, len(counts) - 1)
