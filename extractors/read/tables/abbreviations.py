"""Arms a table names by short names its notes define: PERJETA's NeoSphere table prints "H+T",
"Ptz+H+T", "Ptz+H" and "Ptz+T" over its columns, and "T=docetaxel, Ptz=PERJETA, H=trastuzumab" in
its notes. The combinations become arm names the header can find, each read as its drugs' names
joined ("trastuzumab + docetaxel"), so an article's "Herceptin plus docetaxel" finds its column.
"""

from __future__ import annotations

from extractors.text.names import arm_mentions
from extractors.text.patterns import abbreviations as patterns

MAX_DRUGS = 4  # drugs of one combination arm


def defined_arms(text: str, start: int, end: int) -> dict[str, str]:
    """Each combination of defined short names printed between ``start`` and ``end`` (a table's notes
    and header) → the combination in its drugs' names; empty when the notes define no drug."""
    names = {
        match.group("short"): match.group("name")
        for match in patterns.DEFINITION.finditer(text, start, end)
        if arm_mentions(match.group("name"))
    }
    if len(names) < 2:
        return {}
    found: dict[str, str] = {}
    for match in patterns.combination(tuple(sorted(names)), MAX_DRUGS).finditer(text, start, end):
        printed = match.group(0)
        parts = [part.strip() for part in printed.split("+")]
        found[printed] = " + ".join(names[part] for part in parts)
    return found
