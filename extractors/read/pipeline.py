"""Extraction as one step: every measurement a label states, then the consistency checks.

Extraction reports what the text says; the checks run afterwards on the records and add
flags (STYLE.md §9).
"""

from __future__ import annotations

from collections.abc import Sequence

from extractors.checks import check_measurements
from extractors.read.doses import extract_doses
from extractors.read.populations import extract_populations
from extractors.read.prose import extract_prose
from extractors.read.tables import extract_tables
from extractors.records import ExtractReport, Measurement, Source


def extract(sources: Sequence[Source]) -> ExtractReport:
    """All measurements in ``sources``, each checked against the others it constrains; the doses and
    trial populations the sources state."""
    measurements: list[Measurement] = []
    for source in sources:
        found = extract_tables(source)
        found += extract_prose(source, already=found)
        measurements.extend(check_measurements(found, context=source.text))
    doses = tuple(dose for source in sources for dose in extract_doses(source))
    populations = tuple(population for source in sources for population in extract_populations(source))
    return ExtractReport(tuple(sources), tuple(measurements), doses, populations)
