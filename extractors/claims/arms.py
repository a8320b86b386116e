"""Which arm a value belongs to: the drug or control named with it in its sentence."""

from __future__ import annotations

from extractors.text import vocabulary
from extractors.text.names import arm_mentions


def first_drug(masked: str) -> str | None:
    """The first drug (not a control arm) the sentence names: the subject of a ratio or a statement."""
    for _start, _end, arm in arm_mentions(masked):
        if arm not in vocabulary.control_arms():
            return arm
    return None


def dose_drug(masked: str, start: int) -> str | None:
    """The drug a dose is of: named just before the dose ("pazopanib 800 mg")."""
    mentions = [m for m in arm_mentions(masked[:start]) if m[2] not in vocabulary.control_arms()]
    return mentions[-1][2] if mentions else first_drug(masked)
