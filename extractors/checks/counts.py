"""Ns: arm Ns against a stated total, subgroup Ns against their arm (``n_sum_mismatch``), compared
within one passage of the label.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence

from extractors.records import Flag, Measurement
from extractors.text.numbers import MAX_COUNT, to_count
from extractors.text.patterns import checks as patterns
from extractors.text.patterns import sentences as sentence_patterns


def n_of(m: Measurement) -> int | None:
    """The count ``m`` states, if it is one any trial could print (`numbers.to_count`)."""
    return None if m.qualifier is not None else to_count(m.value)


def count_flags(m: Measurement) -> list[Flag]:
    """A stated N or count larger than `MAX_COUNT`: said, and left out of every check."""
    value = m.value
    if m.statistic.lower() not in ("n", "count") or value is None or (math.isfinite(value) and value <= MAX_COUNT):
        return []
    return [
        Flag("implausible_count", "warning", f"{m.raw} is more than any trial counts; it is left out of the checks")
    ]


def arm_key(arm: str | None) -> str | None:
    return None if arm is None else " ".join(arm.casefold().split())


PASSAGE_GAP = 600
"""Ns are compared only within one passage: one table, or prose Ns no more than this many
characters apart. A label states Ns for many populations (ITT, safety, evaluable, other
trials); a total and arm Ns printed far apart need not describe the same patients."""


def passages(ns: Sequence[Measurement], context: str | None = None) -> list[list[Measurement]]:
    """``ns`` split into passages: each table, and runs of prose Ns close together — in one sentence
    when the text is known (a total and its arms are stated together; the sentences around them
    count other populations)."""
    tables: dict[str, list[Measurement]] = {}
    prose: list[list[Measurement]] = []
    for m in sorted(ns, key=lambda m: m.span):
        if m.table is not None:
            tables.setdefault(m.table, []).append(m)
        elif prose and _same_passage(prose[-1][-1], m, context):
            prose[-1].append(m)
        else:
            prose.append([m])
    return [*tables.values(), *prose]


def _same_passage(before: Measurement, m: Measurement, context: str | None) -> bool:
    if m.span[0] - before.span[1] > PASSAGE_GAP:
        return False
    # the end of a sentence is seen by the capital after it, which is the next N's own first character
    return context is None or not sentence_patterns.SENTENCE_END.search(context, before.span[1], m.span[0] + 1)


def by_arm(ns: Iterable[Measurement]) -> dict[str, list[Measurement]]:
    arms: dict[str, list[Measurement]] = {}
    for m in ns:
        arm = arm_key(m.arm)
        if arm is not None:
            arms.setdefault(arm, []).append(m)
    return arms


def values_of(ms: Iterable[Measurement]) -> list[int]:
    return sorted({n for m in ms if (n := n_of(m)) is not None})


TOTAL_WORDS_REACH = 30
"""An N with no arm is a total when "total of", "in total", "overall" or "all" stands within this
many characters before it ("A total of 346 patients"): the words come right before the number."""


def _is_total(m: Measurement, context: str | None) -> bool:
    """An N with no arm is a total only if the text calls it one ("A total of 346 patients")."""
    if m.arm is not None or m.population is not None:
        return False
    if context is None:
        return True
    return patterns.TOTAL_WORDS.search(context[max(0, m.span[0] - TOTAL_WORDS_REACH) : m.span[0]]) is not None


def _same_sentence(a: Measurement, b: Measurement, context: str | None) -> bool:
    if context is None or a.table is not None:
        return True
    start, end = sorted((a.span[0], b.span[0]))
    return patterns.SENTENCE_END.search(context[start:end]) is None


LISTING_ARMS = 12  # a passage naming more "arms" than this is a listing, not one trial's arms
MAX_SUBARMS = 5  # an arm split into at most this many parts ("investigator's choice": 3 drugs)
SUM_BUDGET = 4096  # pairings of the arms' stated Ns tried against a total; more is left unchecked


def _without_subarms(arms: dict[str, list[Measurement]]) -> dict[str, list[Measurement]]:
    """Drop arms that are parts of another ("investigator's choice (n=272): paclitaxel (n=90),
    docetaxel (n=92), or vinflunine (n=90)"): two or more arm Ns that sum to another arm's N."""
    single = {arm: values[0] for arm, ms in arms.items() if len(values := values_of(ms)) == 1}
    if len(single) > LISTING_ARMS:
        return arms  # a passage with this many "arms" is a listing, not one trial's arms
    parts: set[str] = set()
    for whole, n in single.items():
        others = [arm for arm in single if arm != whole and arm not in parts]
        for size in range(2, min(len(others), MAX_SUBARMS) + 1):
            subset = next((c for c in itertools.combinations(others, size) if sum(single[a] for a in c) == n), None)
            if subset:
                parts.update(subset)
                break
    return {arm: ms for arm, ms in arms.items() if arm not in parts}


def total_flags(passage: Sequence[Measurement], context: str | None) -> dict[int, list[Flag]]:
    """Arm Ns (any pairing of the values each arm states) that cannot sum to a stated total."""
    found: dict[int, list[Flag]] = {}
    for total in (m for m in passage if _is_total(m, context)):
        stated = n_of(total)
        arms = _without_subarms(
            by_arm(m for m in passage if m.population is None and _same_sentence(total, m, context))
        )
        if stated is None or len(arms) < 2:
            continue
        options = [values_of(ms) for ms in arms.values()]
        if math.prod(len(o) for o in options) > SUM_BUDGET:
            continue
        if stated in {sum(combo) for combo in itertools.product(*options)}:
            continue
        shown = " + ".join(f"{ms[0].arm} {'/'.join(map(str, o))}" for ms, o in zip(arms.values(), options, strict=True))
        flag = Flag(
            "n_sum_mismatch",
            "error",
            f"{total.trial or 'trial'}: the arm Ns ({shown}) do not add up to the stated total of {total.raw}",
        )
        for m in [total, *itertools.chain.from_iterable(arms.values())]:
            found.setdefault(id(m), []).append(flag)
    return found


def subgroup_flags(passage: Sequence[Measurement]) -> dict[int, list[Flag]]:
    """Subgroup Ns above their arm's overall N, or a partition of subgroups that sums above it."""
    found: dict[int, list[Flag]] = {}
    overall = by_arm(m for m in passage if m.population is None)
    subgroups = by_arm(m for m in passage if m.population is not None)
    for arm, members in subgroups.items():
        ns = values_of(overall.get(arm, []))
        if not ns:
            continue
        limit = max(ns)
        name = overall[arm][0].arm
        for m in members:
            n = n_of(m)
            if n is not None and n > limit:
                found.setdefault(id(m), []).append(
                    Flag(
                        "n_sum_mismatch",
                        "error",
                        f"{m.population}: {name} N = {m.raw} exceeds the arm's overall N = {limit}",
                    )
                )
        parts: dict[tuple[str | None, str], int] = {}
        counted: list[Measurement] = []
        for m in members:
            n = n_of(m)
            if n is None or m.population is None or patterns.OVERLAPPING_SUBGROUP.search(m.population):
                continue
            if (m.endpoint, m.population) not in parts:
                parts[(m.endpoint, m.population)] = n
                counted.append(m)
        for endpoint in {e for e, _ in parts}:
            shares = [n for (e, _), n in parts.items() if e == endpoint]
            if len(shares) >= 2 and sum(shares) > limit:
                flag = Flag(
                    "n_sum_mismatch",
                    "error",
                    f"{name}: the subgroup Ns ({' + '.join(map(str, shares))} = {sum(shares)}) exceed the "
                    f"arm's overall N = {limit} (subgroups named as one partition, e.g. histologies)",
                )
                for m in counted:
                    if m.endpoint == endpoint:
                        found.setdefault(id(m), []).append(flag)
    return found
