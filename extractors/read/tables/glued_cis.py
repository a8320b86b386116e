"""A row of bare CIs run together, on the row under the estimates they belong to.

With cells kept, a "95% CI" row prints one CI per cell: "| 95% CI | 7, 8 | 4, 5 | 5, 10 |". Glued,
the cells run together and each CI's high bound runs into the next CI's low bound, with only the
commas left between: "95% CI7,84,55,10" is (7, 8), (4, 5), (5, 10) — or (7, 84), (5, 5), … The
pieces between the commas are the first low bound, then each high bound glued to the next low bound,
then the last high bound; every way of cutting the middle pieces is a reading.

A reading is kept only when each of its CIs brackets the estimate awaiting it in its column (the
estimates on the row above) and its bounds are of that estimate's order; of several, only those whose
bounds are printed with their estimate's decimals (VERZENIO Table 18 glued); when no reading or more
than one passes, the row gives no CI at all rather than a guess (HERCEPTIN Table 11 glued).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from extractors.read.tables.cells import Token
from extractors.records import Measurement
from extractors.text.numbers import decimals, to_float
from extractors.text.patterns import tables as table_patterns

MAX_CUTS = 200  # readings of one row tried, at most: a row has a few columns of short bounds
BOUND_ORDER = 10.0  # a CI's bounds lie within this factor of its estimate, either way


def glued_cis(
    text: str, label: str, tokens: Sequence[Token], open_estimates: Sequence[Measurement | None]
) -> list[Token] | None:
    """The CI tokens of a glued row of bare CIs under ``label`` ("95% CI"), one per estimate of
    ``open_estimates`` (the estimate awaiting a CI in each column, None where none does), when
    exactly one way of cutting ``tokens`` fits them; None when the row is no such row or the cut is
    not certain."""
    if not table_patterns.CI_WORD.search(label) or len(tokens) < 3 or any(t.kind != "run" for t in tokens):
        return None
    if any(text[a.end : b.start] != "," for a, b in itertools.pairwise(tokens)):
        return None  # only a comma between the pieces: "7,84,55,10", never a space
    count = len(tokens) - 1
    if count != len(open_estimates) or any(estimate is None for estimate in open_estimates):
        return None
    fitting = [
        cis
        for cis in _readings(text, tokens)
        if all(_fits(ci, estimate) for ci, estimate in zip(cis, open_estimates, strict=True))
    ]
    if len(fitting) > 1:
        # bounds are printed to their estimate's decimals: "42.6,53.615.1,27.6" under 48.1 and 21.3 is
        # (42.6, 53.6) and (15.1, 27.6), not (42.6, 53.61) and (5.1, 27.6); still one reading or none
        fitting = [
            cis for cis in fitting if all(_same_decimals(ci, e) for ci, e in zip(cis, open_estimates, strict=True))
        ]
    return fitting[0] if len(fitting) == 1 else None


def _readings(text: str, tokens: Sequence[Token]) -> list[list[Token]]:
    """Every way to cut the middle pieces into a high bound and the next low bound, as CI tokens."""
    middles = [_cuts(token) for token in tokens[1:-1]]
    readings: list[list[Token]] = []
    for cuts in itertools.product(*middles):
        if len(readings) >= MAX_CUTS:
            break
        bounds = [(tokens[0].start, tokens[0].end)]  # low, high, low, high, … as spans
        for token, cut in zip(tokens[1:-1], cuts, strict=True):
            bounds += [(token.start, token.start + cut), (token.start + cut, token.end)]
        bounds.append((tokens[-1].start, tokens[-1].end))
        readings.append(
            [
                Token("ci", low[0], high[1], text[low[0] : high[1]], text[low[0] : low[1]], text[high[0] : high[1]])
                for low, high in zip(bounds[::2], bounds[1::2], strict=True)
            ]
        )
    return readings


def _cuts(token: Token) -> list[int]:
    """Where a piece may be cut into two well-formed numbers: "84" at 1, "102" at 2 ("10" and "2")."""
    raw = token.raw
    return [
        at
        for at in range(1, len(raw))
        if table_patterns.NUMBER_SHAPE.match(raw[:at]) and table_patterns.NUMBER_SHAPE.match(raw[at:])
    ]


def _same_decimals(ci: Token, estimate: Measurement | None) -> bool:
    """Whether both bounds of ``ci`` are printed with the decimals of ``estimate``."""
    if estimate is None or ci.low is None or ci.high is None:
        return False
    places = decimals(estimate.raw)
    return decimals(ci.low) == places and decimals(ci.high) == places


def _fits(ci: Token, estimate: Measurement | None) -> bool:
    """Whether the CI brackets the estimate, with bounds of its order."""
    if estimate is None or estimate.value is None or ci.low is None or ci.high is None:
        return False
    low, high, value = to_float(ci.low), to_float(ci.high), estimate.value
    if value <= 0:
        return low <= value <= high
    return low <= value <= high and low >= value / BOUND_ORDER and high <= value * BOUND_ORDER
