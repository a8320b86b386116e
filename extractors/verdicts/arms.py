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

import regex

from extractors.records import Measurement
from extractors.text.names import DRUG_WORD, arm_role, canonical_arm
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
    name = patterns.ARM_SCHEDULE.sub(" ", name)  # "adalimumab subcutaneous every other week" is adalimumab
    name = patterns.ARM_DURATION.sub(" ", name)  # "12-month imatinib" is imatinib, given for 12 months
    for part in patterns.COMBINATION_WORD.split(patterns.ARM_ALTERNATIVE.sub(" + ", name)):
        words = [w for w in part.split() if w not in quantity.words("arms", "dropped")]
        component = patterns.BIOLOGIC_SUFFIX.sub("", " ".join(words))
        if not component:
            continue
        if _backbone(component):
            lead = _leading_drug(component)
            found |= {lead} if lead else set()
            component = "chemotherapy"
        found.add(component)
    return frozenset(found)


def _backbone(component: str) -> regex.Match[str] | None:
    """Where a component names chemotherapy ("pemetrexed", "platinum-based chemotherapy"), if it does."""
    return build.any_word(quantity.words("arms", "chemotherapy")).search(component)


def _leading_drug(component: str) -> str | None:
    """The drug or placebo a table header glues before its chemotherapy ("pembrolizumab every 3 weeks
    pemetrexed platinum chemotherapy", "placebo pemetrexed …"): without it both of KEYNOTE-189's
    arms would be "chemotherapy", and an article's "chemotherapy group" would be either."""
    backbone = _backbone(component)
    first = component[: backbone.start()].split()[:1] if backbone else []
    return first[0] if first and (first[0] == "placebo" or DRUG_WORD.fullmatch(first[0])) else None


@lru_cache(maxsize=4096)  # asked for every claim against each of a few label arms
def _doses(name: str) -> frozenset[str]:
    """The doses an arm's name states: {"10mg"} of "xarelto 10 mg once daily"; a duration is one
    ({"12-month"} of "12-month imatinib": the 36-month arm is another)."""
    doses = {
        "".join(m.group(0).split()).lower().removesuffix("/day")  # "10 mg/day" is the "10 mg" arm
        for m in patterns.ARM_DOSE.finditer(name)
        if m.group(0)[0].isdigit()
    }
    return frozenset(doses | {"-".join(m.group(0).lower().split()) for m in patterns.ARM_DURATION.finditer(name)})


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
    if _initials_of(label_arm, claim_arm) or _initials_of(claim_arm, label_arm):
        return "exact"  # INOMAX's table column "NO" is its prose's "nitric oxide" arm
    said, label = _components(claim_arm), _components(label_arm)
    if (not label or not said) and said_doses and said_doses == label_doses:
        # "atorvastatin 10 mg" for TNT's "10 mg/day" arm, "2.5 mg" for "ELIQUIS 2.5 mg bid": a dose arm named by its dose alone
        return "exact"
    if not said or not label:
        return "none"
    if said == label:
        return "exact"
    return "part" if said < label else "none"


def _initials_of(short: str, name: str) -> bool:
    """Whether an arm's short name is the initials of another's words: "no" of "nitric oxide", "bsc"
    of "best supportive care" (two letters or more, each word's first)."""
    words = name.split()
    return (
        2 <= len(short) <= 5 and " " not in short and len(words) == len(short) and short == "".join(w[0] for w in words)
    )


def dose_of_dose_arms(claim_arm: str | None, label_arms: Iterable[str | None]) -> bool:
    """Whether the article's arm names a dose where the label's arms are doses ("21% on 200 mg"
    against "25 mg", "50 mg", "100 mg"): a dose arm no label arm is, when `read_arm` settles none."""
    name = canonical_arm(claim_arm)
    return bool(name) and bool(_doses(name)) and any(_doses(canonical_arm(arm) or "") for arm in label_arms)


def read_arm(claim_arm: str | None, label_arms: Iterable[str | None]) -> ArmReading:
    """The label arm ``claim_arm`` settles among ``label_arms`` (canonical names compared)."""
    name = canonical_arm(claim_arm)
    if not name:
        return ArmReading(None, "none")
    arms = sorted({canonical_arm(arm) or "" for arm in label_arms} - {""})
    relations = {arm: relation(name, arm) for arm in arms}
    # in a trial of doses, an arm the label names without one ("LIPITOR", TNT's 80 mg arm in one
    # sentence) is no more the article's "atorvastatin 10 mg" than the other dose: it settles nothing
    vague = set()
    if _doses(name) and any(_doses(arm) for arm in arms):
        vague = {arm for arm in arms if not _doses(arm) and relations[arm] != "none"}
    exact = [arm for arm in arms if relations[arm] == "exact" and arm not in vague]
    parts = [arm for arm in arms if relations[arm] == "part" and arm not in vague]
    may_mean = tuple(exact + parts + sorted(vague))
    if vague and not exact:
        return ArmReading(None, "unsettled", may_mean)
    if len(exact) == 1:  # "chemotherapy" for CASPIAN's chemotherapy arm, though the other arm has some too
        return ArmReading(exact[0], "exact", may_mean)
    # a part of one arm only, of the same role: "durvalumab" of "durvalumab with gemcitabine and
    # cisplatin"; not "chemotherapy" of "TAGRISSO with … chemotherapy", nor a backbone all arms share
    same_role = [arm for arm in parts if role(arm) == role(name)]
    if not exact and len(same_role) == 1 and len(parts) == 1:
        return ArmReading(same_role[0], "part", may_mean)
    if not exact and len(same_role) == 1 and _generic_chemotherapy(name):
        # "the chemotherapy group" of KEYNOTE-189 is its "placebo + chemotherapy" arm, and only that:
        # never the "pembrolizumab + chemotherapy" one; a backbone drug both arms share ("gemcitabine") is neither
        return ArmReading(same_role[0], "part", (same_role[0],))
    added = None if may_mean else _add_on(name, arms)
    if added is not None:
        return ArmReading(added, "part", (added,))
    return ArmReading(None, "unsettled" if may_mean else "none", may_mean)


def _add_on(name: str, arms: list[str]) -> str | None:
    """In an add-on trial of two arms, one the other's treatment with a drug more ("FC" and "FC + H",
    "tamoxifen or an aromatase inhibitor" with and without abemaciclib), an article's name that
    names neither: a control ("chemotherapy alone", "the controls") is the arm without the drug, a
    drug named with none of the base arm's ("trastuzumab plus cisplatin") the arm with it."""
    if len(arms) != 2:
        return None
    first, second = (_components(arm) for arm in arms)
    if not (first < second or second < first):
        return None
    base, added = (arms[0], arms[1]) if first < second else (arms[1], arms[0])
    if role(name) == "control":
        return base
    said = _components(name)
    extra = _components(added) - _components(base)
    if any(DRUG_WORD.search(drug) for drug in extra - said):
        return None  # the drug added is named, and it is not the article's
    if said and DRUG_WORD.search(name) and not said & _components(base):
        return added
    return None


def _generic_chemotherapy(name: str) -> bool:
    """ "chemotherapy", "platinum-based chemotherapy", "chemo": chemotherapy named as such, no drug of it."""
    return name.rsplit(" ", 1)[-1] in {"chemotherapy", "chemo"}


def role(name: str | None) -> str:
    """An arm's role is its first drug's: "placebo + letrozole" and "etoposide and either carboplatin
    or cisplatin" (chemotherapy) are control arms, "osimertinib + pemetrexed + platinum-based
    chemotherapy" an experimental one."""
    name = canonical_arm(name) or ""
    first = patterns.COMBINATION_WORD.split(name)[0]
    if _components(first) == {"chemotherapy"}:
        return "control"
    return arm_role(_leading_drug(first) or first)


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
