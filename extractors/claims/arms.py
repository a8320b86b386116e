"""Which arm a value belongs to: the drug or control named with it in its sentence."""

from __future__ import annotations

from collections.abc import Sequence

from extractors.text import vocabulary
from extractors.text.names import arm_mentions, canonical_arm
from extractors.text.patterns import build


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
    """The drug a dose is of: named just before the dose ("pazopanib 800 mg")."""
    mentions = [m for m in arm_mentions(masked[:start]) if m[2] not in vocabulary.control_arms()]
    return mentions[-1][2] if mentions else first_drug(masked)
