"""Every dose a label states with its schedule ("pazopanib 800 mg once daily"), as measurements.

Doses are not trial results, but an article's dose ("800 mg once daily") is checked against them,
so they are read with the label and listed by ``extract``: statistic "dose", the amount as value
and raw, the unit with its schedule ("mg orally once daily"), the drug named just before as arm.
"""

from __future__ import annotations

from extractors.records import Measurement, Source
from extractors.text.names import DRUG_WORD, canonical_arm
from extractors.text.numbers import to_float
from extractors.text.patterns import doses as patterns

# How far before a dose its drug is looked for, in characters: "VOTRIENT 800 mg orally once daily",
# "the recommended dosage of pazopanib is 800 mg". Farther back, the drug named is another one's.
DRUG_BEFORE_DOSE = 40


def extract_doses(source: Source) -> tuple[Measurement, ...]:
    """Every dose with its schedule the source states, as measurements with statistic "dose"."""
    found: list[Measurement] = []
    for match in patterns.LABEL_DOSE.finditer(source.text):
        drugs = list(DRUG_WORD.finditer(source.text, max(0, match.start() - DRUG_BEFORE_DOSE), match.start()))
        drug = canonical_arm(drugs[-1].group(0)) if drugs else source.drug
        written = patterns.SQUARE_METRE.sub("/m2", match.group("unit"))  # "mg/m 2" → "mg/m2"
        unit = " ".join(f"{written}{match.group('schedule') or ''}".split())
        found.append(
            Measurement(
                source=source.id,
                statistic="dose",
                value=to_float(match.group("amount")),
                raw=match.group("amount"),
                span=(match.start("amount"), match.end("amount")),
                arm=canonical_arm(drug) if drug else None,
                unit=unit,
            )
        )
    return tuple(found)
