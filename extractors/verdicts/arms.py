"""Which of a trial's arms an article's arm is, and how surely.

An article names arms loosely: "osimertinib" for the label's "TAGRISSO", "gefitinib" for "EGFR TKI
(gefitinib or erlotinib)", "durvalumab" for "IMFINZI with Gemcitabine and Cisplatin". The arm is
settled when the article's name is the label arm's (or one of the alternatives it names), or is a
part of exactly one combination arm with the same role (experimental or control). A name that is
only a word of a combination of the other role ("chemotherapy" in "TAGRISSO with pemetrexed and
platinum-based chemotherapy") settles nothing: the value is then judged as if no arm were named,
and it is never called the other arm's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from extractors.records import Measurement
from extractors.text.names import arm_role, canonical_arm
from extractors.text.patterns import build
from extractors.text.patterns import verdicts as patterns
from extractors.verdicts import quantity

How = Literal["exact", "part", "unsettled", "none"]


@dataclass(frozen=True, slots=True)
class ArmReading:
    """The label arm an article's arm is (``arm``, canonical, when settled), how it was settled, and
    the label arms the article's name may mean (``may_mean``: those it names exactly or in part)."""

    arm: str | None
    how: How
    may_mean: tuple[str, ...] = ()

    @property
    def settled(self) -> bool:
        return self.arm is not None

    @property
    def unambiguous(self) -> bool:
        """Exactly one label arm's name and part of no other: "osimertinib" is not, in FLAURA2, where
        the other arm is "TAGRISSO with pemetrexed and platinum-based chemotherapy"."""
        return self.how == "exact" and self.may_mean == (self.arm,)


@lru_cache(maxsize=4096)  # asked for every claim against each of a few label arms
def _components(name: str) -> frozenset[str]:
    """The drugs of an arm, chemotherapy drugs as one, doses left out: "durvalumab with etoposide and
    either carboplatin or cisplatin" → {"durvalumab", "chemotherapy"}; "tremelimumab-actl" →
    "tremelimumab"; "ENHERTU 5.4 mg/kg" → {"trastuzumab deruxtecan"}."""
    found = set()
    name = patterns.ARM_DOSE.sub(" ", name)  # "trastuzumab deruxtecan 5.4 mg/kg" is trastuzumab deruxtecan
    for part in patterns.COMBINATION_WORD.split(patterns.ARM_ALTERNATIVE.sub(" + ", name)):
        words = [w for w in part.split() if w not in quantity.words("arms", "dropped")]
        component = patterns.BIOLOGIC_SUFFIX.sub("", " ".join(words))
        if not component:
            continue
        if build.any_word(quantity.words("arms", "chemotherapy")).search(component):
            component = "chemotherapy"
        found.add(component)
    return frozenset(found)


@lru_cache(maxsize=4096)  # asked for every claim against each of a few label arms
def _doses(name: str) -> frozenset[str]:
    """The doses an arm's name states: {"10mg"} of "xarelto 10 mg once daily"."""
    return frozenset(
        "".join(m.group(0).split()).lower() for m in patterns.ARM_DOSE.finditer(name) if m.group(0)[0].isdigit()
    )


@lru_cache(maxsize=4096)  # asked for every claim against each of a few label arms
def relation(claim_arm: str, label_arm: str) -> How:
    """How an article's arm (canonical) names a label arm (canonical): exactly, as a part, or not.

    An arm of alternatives ("egfr tki (gefitinib or erlotinib)") is named exactly by any of them;
    a combination is named exactly by all its drugs, in part by some."""
    if claim_arm == label_arm:
        return "exact"
    said_doses, label_doses = _doses(claim_arm), _doses(label_arm)
    if said_doses and label_doses and said_doses != label_doses:
        return "none"  # "xarelto 10 mg" is not the "XARELTO 20 mg" arm
    if patterns.ALTERNATIVES_ARM.search(label_arm) and build.standalone(claim_arm).search(label_arm):
        return "exact"
    said, label = _components(claim_arm), _components(label_arm)
    if not said or not label:
        return "none"
    if said == label:
        return "exact"
    return "part" if said < label else "none"


def read_arm(claim_arm: str | None, label_arms: Iterable[str | None]) -> ArmReading:
    """The label arm ``claim_arm`` settles among ``label_arms`` (canonical names compared)."""
    name = canonical_arm(claim_arm)
    if not name:
        return ArmReading(None, "none")
    arms = sorted({canonical_arm(arm) or "" for arm in label_arms} - {""})
    relations = {arm: relation(name, arm) for arm in arms}
    exact = [arm for arm in arms if relations[arm] == "exact"]
    parts = [arm for arm in arms if relations[arm] == "part"]
    may_mean = tuple(exact + parts)
    if len(exact) == 1:  # "chemotherapy" for CASPIAN's chemotherapy arm, though the other arm has some too
        return ArmReading(exact[0], "exact", may_mean)
    # a part of one arm only, of the same role: "durvalumab" of "durvalumab with gemcitabine and
    # cisplatin"; not "chemotherapy" of "TAGRISSO with … chemotherapy", nor a backbone all arms share
    if not exact and len(parts) == 1 and role(parts[0]) == role(name):
        return ArmReading(parts[0], "part", may_mean)
    return ArmReading(None, "unsettled" if may_mean else "none", may_mean)


def role(name: str | None) -> str:
    """An arm's role is its first drug's: "placebo + letrozole" and "etoposide and either carboplatin
    or cisplatin" (chemotherapy) are control arms, "osimertinib + pemetrexed + platinum-based
    chemotherapy" an experimental one."""
    name = canonical_arm(name) or ""
    first = patterns.COMBINATION_WORD.split(name)[0]
    return "control" if _components(first) == {"chemotherapy"} else arm_role(first)


def is_arm(reading: ArmReading, label_arm: str | None) -> bool:
    """Whether a measurement of ``label_arm`` is the arm the reading settled."""
    return reading.arm is not None and reading.arm == canonical_arm(label_arm)


def experimental_and_control(rows: Iterable[Measurement]) -> tuple[Measurement, Measurement] | None:
    """The experimental and the control arm's values, when ``rows`` hold exactly those two arms."""
    by_arm: dict[str, Measurement] = {}
    for m in rows:
        if m.value is not None and m.arm:
            by_arm.setdefault(canonical_arm(m.arm) or "", m)
    if len(by_arm) != 2:
        return None
    first, second = by_arm.values()
    roles = (role(first.arm), role(second.arm))
    if roles == ("control", "experimental"):
        return second, first
    if roles == ("experimental", "control"):
        return first, second
    # an add-on design: the arm with a drug more is the experimental one ("LONSURF plus Bevacizumab"
    # against "LONSURF")
    drugs = (_components(canonical_arm(first.arm) or ""), _components(canonical_arm(second.arm) or ""))
    if drugs[1] < drugs[0]:
        return first, second
    return (second, first) if drugs[0] < drugs[1] else None
