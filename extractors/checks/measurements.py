"""All records of a source together: which records each check relates, and the flags appended."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import replace

from extractors.checks.counts import (
    PASSAGE_GAP,
    arm_key,
    by_arm,
    count_flags,
    n_of,
    passages,
    subgroup_flags,
    total_flags,
    values_of,
)
from extractors.checks.estimates import RATIO, ci_asymmetric, ci_excludes, estimate_of
from extractors.checks.medians import ReadMedians, median_ratio_flags, readable_medians
from extractors.checks.pvalues import p_inconsistent
from extractors.checks.randomization import randomization_ratios, ratio_flags
from extractors.checks.rates import rate_flags
from extractors.records import Flag, Measurement
from extractors.text.patterns import checks as patterns

_RESPONDER_ENDPOINTS = frozenset({"DOR", "DOCR", "TTR"})  # endpoints measured in responders only


def _group_key(m: Measurement) -> tuple[str, str | None, str | None, str | None]:
    return m.source, m.trial, (m.endpoint or "").upper() or None, m.population


class _Flags:
    """The flags found for each record (by identity), in the order found."""

    def __init__(self) -> None:
        self.found: dict[int, list[Flag]] = {}

    def add(self, m: Measurement, flags: Iterable[Flag]) -> None:
        self.found.setdefault(id(m), []).extend(flags)

    def merge(self, found: dict[int, list[Flag]]) -> None:
        for key, flags in found.items():
            self.found.setdefault(key, []).extend(flags)


def check_measurements(ms: Sequence[Measurement], context: str | None = None) -> tuple[Measurement, ...]:
    """The same measurements in the same order, with consistency flags appended.

    Records are related by (source, trial, endpoint, population) — an HR, its p-value and the
    arms' medians — and by arm within a trial (Ns, response counts). Ns are compared within
    one passage (:data:`~extractors.checks.counts.PASSAGE_GAP`). ``context`` is the source text
    the spans index into; it is read only for randomization ratios such as "randomized (2:1)"
    (attributed to the trial named last before them) and for the words "one-sided" just before a
    p-value. A flag is appended at most once to a record.
    """
    flags = _Flags()
    excluded = _estimate_flags(ms, flags)
    _ratio_group_flags(ms, excluded, context, flags)
    _count_flags(ms, context, flags)
    checked = []
    for m in ms:
        new = [f for f in dict.fromkeys(flags.found.get(id(m), [])) if f not in m.flags]
        checked.append(replace(m, flags=m.flags + tuple(new)) if new else m)
    return tuple(checked)


def _estimate_flags(ms: Sequence[Measurement], flags: _Flags) -> set[int]:
    """One record at a time: a CI against its own estimate. Returns the records whose CI excludes it."""
    excluded: set[int] = set()
    for m in ms:
        e = estimate_of(m)
        if e is None:
            continue
        bad = ci_excludes(e)
        if bad:
            excluded.add(id(m))
        flags.add(m, bad + ci_asymmetric(e))
    return excluded


def _ratio_group_flags(ms: Sequence[Measurement], excluded: set[int], context: str | None, flags: _Flags) -> None:
    """An HR/OR/RR with its p-value and the arms' medians, within one (source, trial, endpoint, population)."""
    groups: dict[tuple[str, str | None, str | None, str | None], list[Measurement]] = {}
    for m in ms:
        groups.setdefault(_group_key(m), []).append(m)
    for group in groups.values():
        ratios = [m for m in group if m.statistic.lower() in RATIO and id(m) not in excluded]
        before = _RatiosBefore(ratios)
        for p in (m for m in group if m.statistic.lower() == "p" and m.raw):
            ratio = before.ratio_for(p)
            e = None if ratio is None else estimate_of(ratio)
            if ratio is None or e is None:
                continue
            found = p_inconsistent(e, p.raw, p.qualifier, _says_one_sided(context, p))
            flags.add(p, found)
            flags.add(ratio, found)
        medians = by_arm(m for m in group if m.statistic.lower() == "median")
        read: dict[str, ReadMedians] = {}  # each arm's medians read once for all the group's HRs, not once per HR
        for r in ratios:
            if r.statistic.lower() != "hr" or r.arm is None or r.comparator is None:
                continue
            experimental, control = arm_key(r.arm) or "", arm_key(r.comparator) or ""
            if medians.get(experimental) and medians.get(control):
                for arm in (experimental, control):
                    if arm not in read:
                        read[arm] = readable_medians(medians[arm])
                flags.add(r, median_ratio_flags(r, read[experimental], read[control]))


def _count_flags(ms: Sequence[Measurement], context: str | None, flags: _Flags) -> None:
    """Ns and counts by trial, arm and passage: totals, subgroups, the randomization ratio, rate CIs."""
    for m in ms:
        flags.add(m, count_flags(m))
    by_trial: dict[tuple[str, str | None], list[Measurement]] = {}
    for m in ms:
        by_trial.setdefault((m.source, m.trial), []).append(m)
    stated_ratios = randomization_ratios(context, {t for _, t in by_trial}) if context else {}
    for (_, trial), members in by_trial.items():
        # the N of a duration-of-response row counts responders, not the arm ("Duration of Response N=58")
        ns = [
            m
            for m in members
            if m.statistic.lower() == "n"
            and n_of(m) is not None
            and (m.endpoint or "").upper() not in _RESPONDER_ENDPOINTS
        ]
        for passage in passages(ns, context):
            flags.merge(total_flags(passage, context))
            flags.merge(subgroup_flags(passage))
            if context and trial in stated_ratios:
                shares, at = stated_ratios[trial]
                flags.merge(ratio_flags(shares, at, context, by_arm(m for m in passage if m.population is None)))
        # each rate looks up its arm's Ns and counts by (arm, population) instead of scanning the trial
        by_table: dict[str, list[Measurement]] = {}
        for n in ns:
            if n.table is not None:
                by_table.setdefault(n.table, []).append(n)
        ns_of_tables = _by_arm_and_population(n for n in ns if n.table is not None)
        ns_of_table = {table: _by_arm_and_population(table_ns) for table, table_ns in by_table.items()}
        counts_of_arm = _by_arm_and_population(m for m in members if m.statistic.lower() == "count")
        for m in members:
            # a rate is checked against the Ns its own table prints (else its trial's tables'): in prose
            # the N a rate is computed over is rarely stated beside it (all randomized, measurable
            # disease, a cohort), so prose rates are not checked against Ns found elsewhere
            if (
                m.statistic.lower() == "rate"
                and m.table is not None
                and m.ci_low_raw is not None
                and m.ci_high_raw is not None
            ):
                near = ns_of_table.get(m.table, ns_of_tables)
                arm = (arm_key(m.arm), m.population)
                flags.add(m, rate_flags(m, _responders(counts_of_arm.get(arm, []), m), values_of(near.get(arm, []))))


RATIO_P_DISTANCE = 400
"""A p-value printed in prose belongs to the ratio before it within this many characters."""


class _RatiosBefore:
    """The ratios of a group by where they start, so that each p-value finds the ratio it tests
    (`ratio_for`) among those just before it, not by scanning them all (thousands in hostile text)."""

    def __init__(self, ratios: Sequence[Measurement]) -> None:
        # by start, and among ratios starting at one place, in their order (as `max` would pick)
        ordered = sorted(range(len(ratios)), key=lambda k: (ratios[k].span[0], -k))
        self.all = _ByStart([ratios[k] for k in ordered])
        tables: dict[str | None, list[Measurement]] = {}
        for k in ordered:
            tables.setdefault(ratios[k].table, []).append(ratios[k])
        self.tables = {table: _ByStart(members) for table, members in tables.items()}
        self.longest = max((r.span[1] - r.span[0] for r in ratios), default=0)

    def ratio_for(self, p: Measurement) -> Measurement | None:
        """The ratio ``p`` tests: the nearest one printed before it in the same table, or close by in prose."""
        if p.table is not None:
            return self.tables[p.table].last_before(p, None) if p.table in self.tables else None
        return self.all.last_before(p, p.span[0] - RATIO_P_DISTANCE - self.longest)


class _ByStart:
    def __init__(self, ratios: list[Measurement]) -> None:
        self.ratios = ratios
        self.starts = [r.span[0] for r in ratios]

    def last_before(self, p: Measurement, farthest: int | None) -> Measurement | None:
        """The last ratio starting at or before ``p`` that it may test; none starting before ``farthest``
        can end within reach of it."""
        for k in range(bisect.bisect_right(self.starts, p.span[0]) - 1, -1, -1):
            r = self.ratios[k]
            if farthest is not None and r.span[0] < farthest:
                return None
            if (
                r.source == p.source
                and (r.table == p.table if p.table is not None else p.span[0] - r.span[1] <= RATIO_P_DISTANCE)
                and (p.arm is None or r.arm is None or _same_comparison(r, p) or p.comparator is None)
            ):
                return r
        return None


ONE_SIDED_REACH = 600
"""A p-value is read as possibly one-sided when the words "one-sided" stand within this many
characters before it: labels say so in the footnote or sentence that introduces the test
("a p-value estimated from one-sided log-rank test", Kisqali), not further away."""


def _says_one_sided(context: str | None, p: Measurement) -> bool:
    if context is None:
        return False
    before = context[max(0, p.span[0] - ONE_SIDED_REACH) : p.span[0]]
    return patterns.ONE_SIDED.search(before) is not None


def _same_comparison(ratio: Measurement, p: Measurement) -> bool:
    return arm_key(ratio.arm) == arm_key(p.arm) and arm_key(ratio.comparator) == arm_key(p.comparator)


def _by_arm_and_population(ms: Iterable[Measurement]) -> dict[tuple[str | None, str | None], list[Measurement]]:
    """``ms`` by arm and population, in order: each rate looks up its arm's Ns and counts here
    instead of scanning every record of its trial."""
    grouped: dict[tuple[str | None, str | None], list[Measurement]] = {}
    for m in ms:
        grouped.setdefault((arm_key(m.arm), m.population), []).append(m)
    return grouped


def _responders(arm_counts: Sequence[Measurement], rate: Measurement) -> list[int]:
    """Stated responder counts for ``rate``'s arm (``arm_counts``: the counts of its arm and
    population): an ORR count, else PR + CR counts."""
    counts: dict[str, list[int]] = {}
    for m in arm_counts:
        if m.table != rate.table or (m.table is None and abs(m.span[0] - rate.span[0]) > PASSAGE_GAP):
            continue  # counts printed with another table or far away may count another population
        n = n_of(m)
        if n is not None:
            counts.setdefault((m.endpoint or "").upper(), []).append(n)
    endpoint = (rate.endpoint or "").upper()
    if endpoint in counts:
        return counts[endpoint]
    if endpoint == "ORR" and "PR" in counts and "CR" in counts:
        return [pr + cr for pr, cr in itertools.product(counts["PR"], counts["CR"])]
    return []
