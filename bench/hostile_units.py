"""The drawn units of bench/hostile.py's varied adversarial strings: endpoints, arms, numbers, result
sentences, each drawn afresh from a seeded stream (`varied`), so nothing read once per distinct
sentence or phrase can be reused, and a run is repeatable."""

from __future__ import annotations

import random
from collections.abc import Callable

# The same kinds with no unit repeated: each unit drawn afresh (other numbers, words, endpoints,
# arms), so nothing read once per distinct sentence or phrase can be reused. Seeded: a run is
# repeatable and the three sizes of one kind are prefixes of one stream.
ENDPOINTS = [
    "PFS",
    "OS",
    "ORR",
    "DFS",
    "EFS",
    "DoR",
    "median PFS",
    "overall survival",
    "response rate",
    "progression-free survival",
    "time to progression",
    "complete response",
    "disease control",
]
ARMS = [
    "pazopanib",
    "placebo",
    "sunitinib",
    "nivolumab",
    "docetaxel",
    "osimertinib",
    "chemotherapy",
    "gefitinib",
    "erlotinib",
    "the control arm",
    "VOTRIENT",
    "interferon",
    "best supportive care",
]
VERBS = ["was", "were", "reached", "of", "improved to", "is", "showed", "with", "versus", "compared with"]
UNITS = ["months", "weeks", "%", "days", "years", "", "patients"]
FILLER = [
    "the",
    "in",
    "patients",
    "treated",
    "with",
    "trial",
    "study",
    "arm",
    "group",
    "randomized",
    "phase",
    "III",
    "results",
    "after",
    "cycles",
    "among",
    "those",
    "who",
    "received",
    "dose",
]
SPACE_RUN = [" ", "\t", "\u00a0", "\u2009", "\u202f", "\u200b", "\u3000", "  "]
DASH = ["-", "\u2013", "\u2014", "\u2212", "\u2010", "\u2011"]  # fmt: skip


def number(draw: random.Random) -> str:
    shape = draw.randrange(4)
    if shape == 0:
        return str(draw.randrange(1, 400))
    if shape == 1:
        return f"{draw.randrange(0, 100)}.{draw.randrange(0, 10)}"
    if shape == 2:
        return f"0.{draw.randrange(10, 100)}"
    return f"{draw.randrange(1, 1000)}.{draw.randrange(0, 100):02d}"


def sentence(draw: random.Random) -> str:
    """A short result sentence, each part drawn: "ORR with nivolumab was 31.4 % (95% CI 0.4-0.8)."."""
    parts = [draw.choice(ENDPOINTS)]
    if draw.random() < 0.6:
        parts += [draw.choice(["with", "for", "in the", "on"]), draw.choice(ARMS)]
    parts += [draw.choice(VERBS), number(draw), draw.choice(UNITS)]
    if draw.random() < 0.4:
        parts.append(f"(95% CI {number(draw)}{draw.choice(DASH)}{number(draw)})")
    if draw.random() < 0.3:
        parts += [draw.choice(["vs", "versus", "and"]), number(draw), draw.choice(UNITS), "with", draw.choice(ARMS)]
    if draw.random() < 0.3:
        parts.append(f"(HR {number(draw)}; p = {number(draw)})")
    return " ".join(part for part in parts if part) + draw.choice([". ", ". ", "; ", ".\n", ".\n\n"])


def varied(prefix: str, unit: Callable[[random.Random], str], suffix: str) -> Callable[[int], str]:
    def make(size: int) -> str:
        draw, units, length = random.Random(16), [], len(prefix) + len(suffix)  # one stream for every size
        while length < size:
            units.append(unit(draw))
            length += len(units[-1])
        return prefix + "".join(units)[: max(1, size - len(prefix) - len(suffix))] + suffix

    return make
