"""Every regular expression of text/patterns against hostile repetitions: which grow faster than linear.

    python bench/hostile_patterns.py

Each compiled pattern of the patterns package (module-level patterns, tuples and dicts of them)
scans runs of each hostile unit ("4.6" then spaces, "4.6, " repeated, words, "HR ", brackets, …)
with finditer, as the readers do, at growing lengths (`SIZES`, ×4 each). How the time grows
between the two largest measurable lengths gives an exponent: 1 is linear, 2 quadratic. The table
lists every pattern above 1.5, worst first, with the run that shows it; "stopped" is a scan that ran
past ``CAP`` seconds.
"""

from __future__ import annotations

import importlib
import math
import pkgutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import regex

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

import extractors.text.patterns as package  # noqa: E402

CAP = 2.0  # seconds before a scan is stopped
SIZES = (64, 256, 1024, 4096, 16384)
MEASURABLE = 0.002  # seconds below which timing is noise
UNITS = [
    " ", "  \n", "word ", "a", "4.6, ", "4.6 ", "4", "4.", "HR ", "(", "((", "[", "-", "–", "N = 246 ", "95% CI ",
    "months ", "PFS was 4.6 months. ", "4.61.6(0.26,0.48)", "0.35 (0.26, 0.48) ", "Table 9 ", "randomized 2:1 ",
    "\u2009", "ab-", "A1 ", "per cent ", "vs ", "% ", "median ", "(n=", ", ", ". ", "\t",
]  # fmt: skip
PREFIXES = ["", "Median PFS was 4.6", "HR 0.35", "Table 9 "]
# Patterns the readers only ever try at one place (``match(text, pos)``), measured that way.
ANCHORED = {
    "tables.HEADER_TAIL", "claims.CI_AFTER", "checks.P_PREFIX", "claims.UNIT_AFTER_CITE", "statements.ENROLMENT_AFTER",
    "statements.EVENTS_AFTER", "statements.COUNT_VERB_AFTER", "statements.BARE_CI_GAP", "statements.NOT_AN_ARM_WORD",
}  # fmt: skip


def patterns() -> Iterator[tuple[str, regex.Pattern[str]]]:
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        for name, value in vars(module).items():
            yield from _compiled(f"{info.name}.{name}", value)


def _compiled(name: str, value: object) -> Iterator[tuple[str, regex.Pattern[str]]]:
    value = getattr(value, "compiled", value)  # the pattern inside its budget wrapper (text/patterns/timed)
    if isinstance(value, regex.Pattern):
        yield name, value
    elif isinstance(value, (tuple, list)):
        for index, item in enumerate(value):
            yield from _compiled(f"{name}[{index}]", item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _compiled(f"{name}[{key!r}]", item)


def scan_seconds(pattern: regex.Pattern[str], text: str, anchored: bool) -> float:
    """The fastest of three scans (timing noise only ever adds), or CAP when one runs past it."""
    best = CAP
    for _ in range(3):
        started = time.perf_counter()
        try:
            if anchored:
                pattern.match(text, timeout=CAP)
            else:
                for _ in pattern.finditer(text, timeout=CAP):
                    pass
        except TimeoutError:
            return CAP
        best = min(best, time.perf_counter() - started)
    return best


def growth(pattern: regex.Pattern[str], prefix: str, unit: str, anchored: bool) -> tuple[float, int, float]:
    """(exponent, size, seconds): how time grows with the run's length at the largest sizes measured
    (1 is linear, 2 quadratic); a scan stopped at CAP counts as an exponent of 9."""
    previous = None
    for size in SIZES:
        seconds = scan_seconds(pattern, prefix + unit * max(1, size // len(unit)), anchored)
        if seconds >= CAP:
            return 9.0, size, seconds
        if previous is not None and previous > MEASURABLE and seconds > MEASURABLE:
            exponent = math.log(seconds / previous) / math.log(SIZES[1] / SIZES[0])
            if exponent > 1.5 or size == SIZES[-1]:
                return exponent, size, seconds
        previous = seconds
    return 1.0, SIZES[-1], previous or 0.0


def worst(pattern: regex.Pattern[str], anchored: bool) -> tuple[float, int, float, str]:
    found = (0.0, 0, 0.0, "")
    for prefix in PREFIXES:
        for unit in UNITS:
            exponent, size, seconds = growth(pattern, prefix, unit, anchored)
            if (exponent, seconds) > (found[0], found[2]):
                found = (exponent, size, seconds, f"{prefix!r} + {unit!r}×")
    return found


def main() -> None:
    print(f"patterns whose time grows faster than linear in the length of a hostile run (sizes {SIZES})")
    found = []
    for name, pattern in patterns():
        exponent, size, seconds, unit = worst(pattern, name in ANCHORED)
        if exponent > 1.5:
            found.append((exponent, seconds, name, size, unit))
    for exponent, seconds, name, size, unit in sorted(found, reverse=True):
        shown = "stopped" if exponent >= 9 else f"n^{exponent:.1f}"
        print(f"{name:45} {shown:>8}  {seconds:7.3f} s at {size:,} chars   {unit}")
    print(f"{len(found)} patterns")


if __name__ == "__main__":
    main()
