"""ClinicalTrials.gov results beside the label: where they agree and where they differ.

Reviewers meet articles that quote the registry or the paper rather than the label. The
registry often reports another analysis (an interim data cut, another population, weeks
instead of months), so a number can be right for the registry and still differ from the
label. This module lines a registry record's outcome measures (read by
`extractors.ingest.registry`) up with the label's measurements of the same trial.
"""

from __future__ import annotations

from collections.abc import Sequence

from extractors.records import Comparison, Measurement, Registry, RegistryResult
from extractors.text import vocabulary
from extractors.text.names import arm_role
from extractors.text.numbers import rounding_interval
from extractors.text.patterns import build
from extractors.text.patterns import registry as registry_patterns

# How much of a registry analysis's description a note quotes.
_DESCRIPTION_SHOWN = 300


def compare(measurements: Sequence[Measurement], registry: Registry) -> tuple[Comparison, ...]:
    """Each label measurement of the registry's trial beside the registry number it corresponds to."""
    own = [m for m in measurements if _same_trial(m, registry) and m.value is not None and _compared(m)]
    return tuple(_compare_one(m, registry.results) for m in own)


_RESPONSE_ENDPOINTS = {"ORR", "CR", "PR", "PCR"}


def _compared(measurement: Measurement) -> bool:
    """Efficacy results a registry reports: medians, between-arm ratios and response rates
    (not the percentages of patients with an event, which registries seldom post)."""
    if measurement.statistic == "rate":
        return measurement.endpoint in _RESPONSE_ENDPOINTS
    return measurement.statistic in {"median", "hr", "or", "rr"}


def _compare_one(measurement: Measurement, results: Sequence[RegistryResult]) -> Comparison:
    same_kind = [r for r in results if _same_kind(measurement, r)]
    # Where no registry result names the label's population, say what the registry reports instead
    # (ADAURA's label says "stage II-IIIA", its registry record "stage IIA-IIIA").
    candidates = [r for r in same_kind if _population_fits(measurement.population, r)] or [
        r for r in same_kind if _population_overlaps(measurement.population, r)
    ]
    if not candidates:
        return Comparison(measurement, None, "not in registry", "the registry reports no such outcome for this arm")
    for result in candidates:
        if _agrees(measurement, result):
            converted = _unit(result) != _unit(measurement) and measurement.statistic not in {"hr", "or", "rr"}
            conversion = f" (the registry reports {result.unit})" if converted else ""
            return Comparison(measurement, result, "agree", f"{_registry_text(result)} in {_where(result)}{conversion}")
    closest = candidates[0]
    details = [
        f"population: {closest.population}" if closest.population else "",
        f"analysis: {closest.description[:_DESCRIPTION_SHOWN]}" if closest.description else "",
    ]
    return Comparison(
        measurement,
        closest,
        "differ",
        f"the registry reports {_registry_text(closest)} in {_where(closest)} ({closest.outcome_type}); "
        + "; ".join(d for d in details if d),
    )


def _same_trial(measurement: Measurement, registry: Registry) -> bool:
    return measurement.nct == registry.nct or (measurement.trial is not None and measurement.trial in registry.names)


def _same_kind(measurement: Measurement, result: RegistryResult) -> bool:
    """The same statistic of the same endpoint for the same arm (experimental or control)."""
    if measurement.statistic != result.statistic or measurement.endpoint != result.endpoint:
        return False
    return arm_role(measurement.arm) == arm_role(result.arm)


# Words that name no particular population; the first other word of a label's population names it.
_GENERIC = {"subgroup", "population", "patients", "with", "the", "stage", "cohort", "overall", "all", "in", "at"}


def _population_tokens(text: str) -> set[str]:
    return {t for t in registry_patterns.TOKEN.findall(text.lower()) if t not in _GENERIC and len(t) > 1}


def _population_overlaps(population: str | None, result: RegistryResult) -> bool:
    """A looser match, to name what the registry reports instead: a shared word ("IIIA")."""
    if population is None or not result.population:
        return False
    return bool(_population_tokens(population) & _population_tokens(result.population))


def _population_fits(population: str | None, result: RegistryResult) -> bool:
    """Whether a registry number is about the label's population: the overall population matches
    a result that names no subgroup; a subgroup matches a result whose category or population names it."""
    about_subgroup = "subgroup" in result.outcome.lower()
    if population is None:
        return not about_subgroup
    words = [
        w for w in registry_patterns.HYPHENATED_WORD.findall(population.lower()) if w not in _GENERIC and len(w) > 1
    ]
    if not words:
        return not about_subgroup
    haystack = " ".join(filter(None, (result.category, result.population, result.outcome))).lower()
    return bool(build.word_start(words[0]).search(haystack))


def _agrees(measurement: Measurement, result: RegistryResult) -> bool:
    """Whether the printed numbers can be the same quantity, allowing for rounding and units."""
    if result.value is None:
        return False
    label_low, label_high = rounding_interval(measurement.raw)
    low, high = rounding_interval(result.raw)
    factor = _factor(result, measurement)
    if factor is None:
        return False
    # open intervals: 0.86 (0.855–0.865) and 0.87 (0.865–0.875) touch but are different numbers
    return low * factor < label_high and label_low < high * factor


def _factor(result: RegistryResult, measurement: Measurement) -> float | None:
    """How to turn the registry's unit into the label's (weeks → months), 1 when they match."""
    registry_unit, label_unit = _unit(result), _unit(measurement)
    if registry_unit == label_unit or measurement.statistic in {"hr", "or", "rr"}:
        return 1.0
    into_months, from_months = vocabulary.months_per(registry_unit or ""), vocabulary.months_per(label_unit or "")
    if into_months is None or from_months is None:
        return None
    return into_months / from_months


def _unit(item: Measurement | RegistryResult) -> str | None:
    return item.unit


def _where(result: RegistryResult) -> str:
    return f"'{result.outcome}'" + (f" [{result.category}]" if result.category else "")


def _registry_text(result: RegistryResult) -> str:
    ci = f" ({result.ci_low_raw}, {result.ci_high_raw})" if result.ci_low_raw and result.ci_high_raw else ""
    unit = f" {result.unit}" if result.unit and result.statistic not in {"hr", "or", "rr"} else ""
    who = f"{result.arm} vs {result.comparator}" if result.comparator else (result.arm or "")
    return f"{result.statistic} {result.raw}{unit}{ci} for {who}"
