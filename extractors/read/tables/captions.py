"""What a table's caption says about all its rows: the population it names ("… in KEYNOTE-355 (CPS
≥10)") and the one endpoint it names ("… Using Updated Overall Survival Results"), each read apart
from the header and cells (`reader`)."""

from __future__ import annotations

from extractors.text import qualifiers, vocabulary
from extractors.text.patterns import captions as caption_patterns

DEFINITION_REACH = 40  # characters before "(HCC)" where the label spells the abbreviation out
CAPTION_HEAD = 160  # characters of a caption where it names its population in parentheses; notes follow


def caption_endpoint(caption: str) -> str | None:
    """The one endpoint a caption names, for the rows before any row names one: "Exploratory Analyses
    … Using Updated Overall Survival Results" over "No. Deaths / n (%)" (HERCEPTIN Table 14)."""
    found = vocabulary.find_endpoint(caption)
    if found is None:
        return None
    rest = caption[: found[1]] + " " + caption[found[2] :]
    return found[0] if vocabulary.find_endpoint(rest) is None else None  # two endpoints: neither


def caption_subgroup_event(caption: str) -> str | None:
    """The event a table of subgroup rows reports, as its caption prints it: "Subgroup Analyses for Time
    to First Event of CV Death, MI, or Stroke: Patients < or ≥75 Years of Age, …" (EFFIENT Table 6)."""
    named = caption_patterns.CAPTION_SUBGROUP_EVENT.search(caption)
    return " ".join(named.group("event").split()) if named else None


def caption_population(caption: str, text: str = "") -> str | None:
    """The population a caption names: "… of the Subgroup of Patients with TPS ≥50% in …", or in
    parentheses after the trial, "… in KEYNOTE-355 (CPS ≥10)" (not "(BICR-assessed)"), or between the trial
    and "Population", "… from COMPASS CAD Population"; not the patients
    the whole trial enrolled ("… in Patients with Established Cardiovascular Disease in FOURIER")."""
    named = caption_patterns.CAPTION_POPULATION.search(caption)
    if named and (
        named.group(0).lower().startswith("of")
        or not named.group("population").lower().startswith("patients with")  # "patients not at a high risk"
        or caption_patterns.CAPTION_SUBSET.search(named.group("population"))
    ):
        return " ".join(named.group("population").split())
    before = caption_patterns.CAPTION_POPULATION_BEFORE_TRIAL.search(caption, 0, min(len(caption), CAPTION_HEAD))
    if before and not caption_patterns.ANALYSIS_SET_NAME.match(before.group("population")):
        return str(before.group("population"))  # "… in ITT-WT Population in IMpower150"
    between = caption_patterns.CAPTION_TRIAL_POPULATION.search(caption)
    if between and not caption_patterns.NOT_A_POPULATION.search(between.group("population")):
        return str(between.group("population"))  # "… from COMPASS CAD Population"
    for match in caption_patterns.CAPTION_QUALIFIER.finditer(caption, 0, min(len(caption), CAPTION_HEAD)):
        parts = [part.strip() for part in match.group("inside").split(",")]
        kept = [
            p
            for p in parts
            if caption_patterns.POPULATION_QUALIFIER.search(p) and not caption_patterns.NOT_A_POPULATION.search(p)
        ]
        if kept:
            return ", ".join(kept)
    after_trial = caption_patterns.CAPTION_AFTER_TRIAL.search(caption, 0, min(len(caption), CAPTION_HEAD))
    if (
        after_trial
        and not any(
            p.search(after_trial.group("population"))
            for p in (caption_patterns.NOT_A_POPULATION, caption_patterns.NOT_A_TRIAL_POPULATION)
        )
        and not _names_a_disease(after_trial.group("population"), text)
    ):
        return " ".join(after_trial.group("population").split())
    sex = caption_patterns.CAPTION_SEX.search(caption, 0, min(len(caption), CAPTION_HEAD))
    if sex:
        return str(sex.group("population"))
    cohorts = {
        m.group("name") for m in caption_patterns.CAPTION_COHORT.finditer(caption, 0, min(len(caption), CAPTION_HEAD))
    }
    if len(cohorts) == 1:  # one cohort of the trial ("… in Cohort 1"); several ("Cohort A, and Cohort K") pooled
        return f"Cohort {cohorts.pop()}"
    return None


def _names_a_disease(name: str, text: str) -> bool:
    """Whether ``text`` defines ``name`` as a disease: "Hepatocellular Carcinoma (HCC)", or ``name`` is
    a disease's known abbreviation (a table read alone has no prose to define it)."""
    if name.lower() in qualifiers.disease_abbreviations():
        return True
    at = text.find(f"({name})")
    while at >= 0:
        if caption_patterns.DISEASE_WORDS.search(text, max(0, at - DEFINITION_REACH), at):
            return True
        at = text.find(f"({name})", at + 1)
    return False
