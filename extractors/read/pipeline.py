"""Extraction as one step: every measurement a label states, then the consistency checks.

Extraction reports what the text says; the checks run afterwards on the records and add
flags (STYLE.md §9).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import TypeVar

from extractors.checks import check_measurements
from extractors.ingest import grids
from extractors.read import context
from extractors.read.adverse import extract_adverse_prose, place_adverse_tables
from extractors.read.doses import extract_doses
from extractors.read.populations import extract_populations
from extractors.read.prose import extract_prose
from extractors.read.tables import extract_tables
from extractors.records import ExtractReport, Flag, Measurement, Source, TrialScope, replace
from extractors.text import budget, facts

T = TypeVar("T")


def extract(sources: Sequence[Source], seconds: float = budget.DOCUMENT_SECONDS) -> ExtractReport:
    """All measurements in ``sources``, each checked against the others it constrains; the doses and
    trial populations the sources state.

    Each source is read within ``seconds`` (`text.budget`); one that takes longer keeps what was read
    and carries a ``reading_stopped`` flag saying where reading stopped.
    """
    read: list[Source] = []
    measurements: list[Measurement] = []
    doses: list[Measurement] = []
    populations: list[TrialScope] = []
    for source in _distinct_ids(sources):
        # the adverse-reactions prose is read for its rates only: its doses, sample sizes and
        # exposure medians describe the safety population, not a trial's results
        before = replace(source, text=source.text[: grids.adverse_prose_start(source)])
        with budget.reading(seconds) as spent, facts.document():
            found = place_adverse_tables(source, list(_unless_stopped(extract_tables, before)))
            found += _unless_stopped(partial(extract_prose, already=tuple(found)), before)
            found += _unless_stopped(extract_adverse_prose, source)
            doses += _unless_stopped(extract_doses, before)
            populations += _unless_stopped(extract_populations, before)
        found = _by_name(found, context.study_names(source.text))
        message = budget.stopped_message(spent, len(source.text))
        read.append(_flagged(source, message) if message else source)
        measurements.extend(check_measurements(found, context=source.text))
    return ExtractReport(tuple(read), tuple(measurements), tuple(doses), tuple(populations))


def _distinct_ids(sources: Sequence[Source]) -> list[Source]:
    """The sources, one whose id another before it has (label.json and label.html are both "label")
    given the id with a number ("label-2"), so each measurement names the one source it is from."""
    taken: set[str] = set()
    distinct: list[Source] = []
    for source in sources:
        number, own = 1, source.id
        while own in taken:
            number += 1
            own = f"{source.id}-{number}"
        taken.add(own)
        distinct.append(source if own == source.id else replace(source, id=own))
    return distinct


def _by_name(found: list[Measurement], names: dict[str, str]) -> list[Measurement]:
    """Each measurement of a numbered study given the study's name ("Study 1" is "PALOMA-2"), so
    the prose and the tables of one trial agree, and an article's name for it finds them."""
    if not names:
        return found
    return [replace(m, trial=names[m.trial]) if m.trial in names else m for m in found]


def _flagged(source: Source, message: str) -> Source:
    return replace(source, flags=(*source.flags, Flag("reading_stopped", "warning", message)))


def _unless_stopped(step: Callable[[Source], Sequence[T]], source: Source) -> Sequence[T]:
    """``step(source)``, or nothing once the budget has run out (then or before)."""
    if budget.stopped():
        return ()
    try:
        return step(source)
    except budget.STOPPED:
        budget.stop()
        return ()
