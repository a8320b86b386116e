"""The subgroup a label or article value is stated for, read from its sentence.

"In the PD-L1 negative subgroup", "among patients with measurable CNS lesions", "In infants with
meconium aspiration", "Of the 125 infants who did not respond to 20 ppm": a value of such a
sentence is that subgroup's, not the whole trial's. People named in a sentence about a trial ("In
adults with ARDS, a randomized trial in 385 patients …", "In women with previously untreated
metastatic disease (Study 5), …") are who the trial enrolled, the whole trial, not a subgroup of it.
"""

from __future__ import annotations

from extractors.read.scene import Scene
from extractors.text import reach
from extractors.text.facts import per_document
from extractors.text.patterns import statements as patterns
from extractors.text.patterns.responders import RESPONDER_GROUP
from extractors.text.patterns.subgroups import STUDY_INTRODUCED, TREATED_WITH_ARM


def population_for(sentence: str, start: int, end: int, scene: Scene) -> str | None:
    """The subgroup the value is stated for: named right after it, else earlier in the sentence."""
    found = tuple((at, pop) for at, pop in groups_named(sentence) if not _an_arm(pop, scene))
    after = [
        pop
        for at, pop in found
        if end <= at < end + reach.after("population_after_value")
        and not patterns.NEW_CLAUSE_NUMBER.search(sentence, end, at)
        and not patterns.CLAUSE_OPENS_BEFORE.search(sentence, max(end, at - 12), at)
        and ";" not in sentence[end:at]  # "… 34.3 months (HR 0.70); in patients with …": the next clause's
    ]
    if after:
        return after[0]
    # a group named before a numbered study's introduction ("… Patients with Hyperlipidemia when Combined
    # with Statins … Study 3 (DESCARTES, NCT01516879) was a … trial that included 901 patients": a figure's
    # caption run into the sentence) is not who that study's values are of ("investigated in Cohort 1 of
    # EV-201 (NCT03219333), … trial that enrolled 125 patients" keeps its cohort)
    before = [
        pop
        for at, pop in found
        if at < start and not ("NCT" in sentence and STUDY_INTRODUCED.search(sentence, at, start))
    ]
    if before:
        return before[-1]
    if found or _names_overall(sentence):
        # a sentence naming a group further on ("…, respectively, in the PD-L1 positive SCCHN subgroup")
        # is not the subgroup carried from the sentence before
        return None
    return scene.population


@per_document  # asked for each value of a sentence: the answer is the sentence's
def _names_overall(sentence: str) -> bool:
    """Whether ``sentence`` says its values are the whole population's ("overall population", "ITT")."""
    return patterns.OVERALL.search(sentence) is not None


@per_document  # the same for every value of the sentence: found once, not once per value
def groups_named(sentence: str) -> tuple[tuple[int, str], ...]:
    """Every subgroup ``sentence`` names, with where: (start, the group's words), in order."""
    found = [
        (m.start(), " ".join(m.group("pop").split()))
        for m in patterns.POPULATION.finditer(sentence)
        if not patterns.OVERALL_OR_VAGUE.fullmatch(m.group("pop").strip())
        and not patterns.NOT_A_SUBGROUP.search(m.group("pop"))
    ]
    found += [(m.start(), " ".join(m.group("pop").split())) for m in RESPONDER_GROUP.finditer(sentence)]
    if not patterns.TRIAL_WORD.search(sentence):  # of a trial, the people named are who it enrolled
        found += [(m.start(), " ".join(m.group("pop").split())) for m in patterns.PEOPLE_SUBGROUP.finditer(sentence)]
    return tuple(sorted(found))


def _an_arm(population: str, scene: Scene) -> bool:
    """Whether a "subgroup" is an arm's patients, named by the drug or arm they were given ("who received
    Tecentriq in"), not by what sets them apart ("who received prior chemotherapy")."""
    match = TREATED_WITH_ARM.fullmatch(population)
    if match is None:
        return False
    known = {name.lower() for name in (*scene.drugs, *scene.arms, *scene.controls) if name}
    return match.group("what").lower() in known
