"""A population cut at a biomarker's value is named only by that cut-off.

OPDIVO's CHECKMATE-649 reports OS for "PD-L1 CPS ≥1" and "PD-L1 CPS ≥5" (Table 73) and, in its
prose, for "PD-L1 CPS<1" and "PD-L1 CPS<5". An article's "In CPS >=5, mOS 14.4 vs 11.1 mo" prints
every word of all four names but the sign; its figures are the ≥5 group's, and a "CPS >=10" figure
is no group's the label reports. So a population whose name holds a cut-off is named by a text only
when the text prints the same cut-off: the same number, on the same side ("≥", ">=", "5 or more",
"at least 5" are one side; "<", "less than 1%" the other).
"""

from __future__ import annotations

from functools import lru_cache

from extractors.text.patterns import cutoffs as patterns

Cutoff = tuple[str, float]  # (side, number): (">=", 5.0) for "≥5"

_SIDES = {"≥": ">=", ">=": ">=", "=>": ">=", "≤": "<=", "<=": "<=", "=<": "<=", ">": ">", "<": "<"}


@lru_cache(maxsize=4096)
def signed(text: str) -> frozenset[Cutoff]:
    """The cut-offs ``text`` writes with a sign: "pd-l1 cps ≥5" → {(">=", 5.0)}."""
    return frozenset((_SIDES[m.group("sign")], float(m.group("number"))) for m in patterns.SIGNED_CUTOFF.finditer(text))


@lru_cache(maxsize=4096)
def printed(text: str) -> frozenset[Cutoff]:
    """Every cut-off ``text`` prints, signed or in words ("5 or more", "at least 5", "less than 1%")."""
    found = set(signed(text))
    if any(word in text for word in ("or", "least", "than")):  # the worded forms need one of these
        for m in patterns.WORDED_CUTOFF.finditer(text):
            side = (
                ">="
                if m.group("least") or m.group("above")
                else "<"
                if m.group("under")
                else "<="
                if m.group("below")
                else None
            )
            if side is not None:
                found.add((side, float(m.group("number"))))
    return frozenset(found)


def named_by(key: str, text: str) -> bool:
    """Whether ``text`` prints every cut-off the population ``key`` holds (true of a key holding none)."""
    wanted = signed(key)
    return not wanted or wanted <= printed(text)


def unreported(text: str, value: tuple[int, int], keys: list[str]) -> str | None:
    """The cut-off the value at ``value`` in ``text`` is stated for, when the label reports no group
    cut there on that marker: "CPS >=10: mOS 15.0 mo" where the label cuts CPS at 1 and 5 (a group
    it does not report), else None. The value's cut-off is the one right after it in its clause ("31%
    vs 19% in the CPS >=5 subset"), else the one named last before it ("In CPS >=5, mOS 14.4 …")."""
    cut = [key for key in keys if signed(key)]
    if not cut:
        return None
    markers = {word for key in cut for word in patterns.MARKER_WORD.findall(key)}
    said = [m for m in patterns.SIGNED_CUTOFF.finditer(text.lower()) if _marker(text.lower(), m.start()) in markers]
    after = [m for m in said if m.start() >= value[1] and not patterns.CLAUSE_END.search(text, value[1], m.start())]
    before = [m for m in said if m.end() <= value[0]]
    own = after[0] if after else before[-1] if before else None
    if own is None or (_SIDES[own.group("sign")], float(own.group("number"))) in frozenset().union(*map(signed, cut)):
        return None
    return f"{_marker(text.lower(), own.start())} {own.group(0)}".upper()


def _marker(text: str, position: int) -> str | None:
    """The marker word right before a cut-off's sign at ``position`` ("cps" of "cps >=10"), else None."""
    found = patterns.MARKER_WORD.findall(text, max(0, position - _MARKER_REACH), position)
    return found[-1] if found else None


_MARKER_REACH = 14  # the marker stands right before its sign: "cps >=10", "pd-l1 ≥50%"
