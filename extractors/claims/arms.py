"""Which arm a value belongs to: the drug or control named with it in its sentence."""

from __future__ import annotations

from collections.abc import Sequence

from extractors.text import vocabulary
from extractors.text.names import DRUG_WORD, arm_mentions, canonical_arm
from extractors.text.patterns import build
from extractors.text.patterns import doses as dose_patterns


def first_drug(masked: str, known: Sequence[str] = ()) -> str | None:
    """The first drug (not a control arm) the sentence names: the subject of a ratio or a statement.
    ``known`` are the names of the drug the sources are about, which a sentence may use in a form no
    vocabulary knows ("Trifluridine/tipiracil" for "trifluridine and tipiracil")."""
    found = [(start, arm) for start, _end, arm in arm_mentions(masked) if arm not in vocabulary.control_arms()]
    for name in known:
        named = build.whole_name(name).search(masked)
        if named:
            found.append((named.start(), canonical_arm(name) or name))
    return min(found)[1] if found else None


def dose_drug(masked: str, start: int) -> str | None:
    """The drug a dose is of: the drug named just before it ("pazopanib 800 mg"), a comparator too
    ("328 to everolimus 10 mg daily" is everolimus's dose, never the label drug's); with none before,
    the sentence's subject named after it ("At 800 mg once daily, pazopanib ..."), but not a partner
    it is given with ("40 mg once daily when given with nivolumab"): then None, the label's own drug."""
    drugs = [m for m in arm_mentions(masked) if _is_drug(masked, m)]
    before = [m for m in drugs if m[1] <= start]
    if before:
        return before[-1][2]
    after = [m for m in drugs if m[0] >= start]
    if not after or dose_patterns.PARTNER_BETWEEN.search(masked, start, after[0][0]):
        return None
    return after[0][2]


def _is_drug(masked: str, mention: tuple[int, int, str]) -> bool:
    """Whether an arm mention names a drug, a comparator's too ("everolimus"), not a control with no
    dose ("placebo", "best supportive care")."""
    return mention[2] not in vocabulary.control_arms() or bool(DRUG_WORD.fullmatch(masked, mention[0], mention[1]))


def leading_dose(masked: str, start: int) -> str | None:
    """The dose that names the arm of a value at ``start`` from the head of its clause ("On the lower
    2.5 mg dose, 4.2% had …" → "2.5 mg"), as "with the 2.5 mg dose" after a value is read; None when
    anything else stands between them."""
    found = dose_patterns.LEADING_DOSE_ARM.search(masked, max(0, start - 80), start)
    return " ".join(found.group("dose").split()) if found else None
