"""Medians against the hazard ratio: ``median_ratio_vs_hr``, a hint that assumes roughly
exponential survival.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from extractors.checks.estimates import estimate_of
from extractors.checks.rounding import printed
from extractors.records import Flag, Measurement
from extractors.text.numbers import Interval, contains

MEDIAN_RATIO_FACTOR = 2.0
"""``median_ratio_vs_hr`` fires when the HR and the ratio of medians (control/experimental)
differ by more than this factor for every value inside the rounding intervals, AND the ratio
of medians also lies outside the HR's own CI. Under exponential survival the two are equal;
real PFS medians are blunted by the scan schedule (placebo medians pile up at the first
assessment, ~1 month), so the pazopanib subgroups differ by up to 1.96-fold (synovial
sarcoma: 0.9/4.1 = 0.22 against HR 0.43) and that is not worth a warning."""

MAX_PAIRINGS = 400
"""Beyond this many pairings of the arms' medians (20 medians an arm) which median the HR compares
is unknown, and no hint is given either way: a label's group prints a few medians an arm (a summary
and a table), and every HR paired with each of thousands made hostile text quadratic."""


# An arm's distinct medians with their rounding intervals (`readable_medians`); None when one cannot be read.
ReadMedians = list[tuple[Measurement, Interval]] | None


def median_ratio_flags(hr: Measurement, read_experimental: ReadMedians, read_control: ReadMedians) -> list[Flag]:
    """Warn when every pairing of the arms' medians (`readable_medians`) gives a ratio far from the HR."""
    e = estimate_of(hr)
    if e is None or e.statistic != "hr" or e.value[1] <= 0:
        return []
    if read_experimental is None or read_control is None:
        return []  # a median we cannot read: no hint either way
    if len(read_experimental) * len(read_control) > MAX_PAIRINGS:
        return []
    gaps: list[tuple[float, str]] = []
    for (exp, exp_iv), (ctl, ctl_iv) in itertools.product(read_experimental, read_control):
        ratio = (ctl_iv[0] / exp_iv[1], ctl_iv[1] / exp_iv[0])
        # the smallest fold-difference between an HR value and a ratio value in the box
        if ratio[1] < e.value[0]:
            gap = e.value[0] / ratio[1]
        elif ratio[0] > e.value[1]:
            gap = ratio[0] / e.value[1]
        else:
            return []
        if e.low is not None and e.high is not None and contains(ratio, e.low, e.high):
            return []  # the median ratio lies inside the HR's own CI
        gaps.append((gap, f"{ctl.raw}/{exp.raw} = {ctl_iv[0] / exp_iv[1]:.2g}–{ctl_iv[1] / exp_iv[0]:.2g}"))
    if not gaps or min(g for g, _ in gaps) <= MEDIAN_RATIO_FACTOR:
        return []
    gap, shown = min(gaps)
    return [
        Flag(
            "median_ratio_vs_hr",
            "warning",
            f"{e.text}: the ratio of medians (control/experimental) {shown} differs from the HR by "
            f"{gap:.1f}-fold and lies outside the HR's CI; under roughly exponential survival they "
            "would agree, so this is a hint to check the medians and the HR, not an error",
        )
    ]


def readable_medians(medians: Sequence[Measurement]) -> ReadMedians:
    """Each distinct median (as printed) with its rounding interval, read once for all the
    pairings (and for all the HRs of their group); None when one cannot be read. A median printed
    again (the same value in a summary and a table) pairs as it did the first time, so it is paired
    once."""
    read: dict[tuple[str, Interval], Measurement] = {}
    for m in medians:
        interval = _median_interval(m)
        if interval is None:
            return None
        read.setdefault((m.raw, interval), m)
    return [(m, interval) for (_, interval), m in read.items()]


def _median_interval(m: Measurement) -> Interval | None:
    if m.value is None or m.qualifier is not None:
        return None
    interval = printed(m.raw, m.value)
    return interval if interval is not None and interval[0] > 0 else None
