"""What carries from one sentence to the next, decided in one pass over a document.

A trial named ("In CHECKMATE-067, …", "KEYNOTE-189 (NCT02578680) was …") holds until another is
named, and with it its design: in a single-arm trial a value that names no arm is the drug's. An
endpoint named holds for the sentences after it in the same paragraph; a trial change ends it.
`advance` returns the scene the next sentence is read in; it never looks back at earlier text.
"""

from __future__ import annotations

from functools import lru_cache

from extractors.read import attach, subgroups
from extractors.read import scene as scenes
from extractors.read.scene import Scene
from extractors.records import replace
from extractors.text import names, vocabulary
from extractors.text.patterns import prose as prose_patterns
from extractors.text.patterns import statements as patterns
from extractors.text.patterns import subgroups as subgroup_patterns
from extractors.text.patterns import tables as table_patterns
from extractors.text.patterns import trials as trial_patterns


def before_sentence(scene: Scene, sentence: str, *, line_ends: bool = False) -> Scene:
    """The scene a sentence is read in: the trial and design it names itself take effect at once.
    ``line_ends``: the line ends with the sentence (a table's caption stands on a line of its own)."""
    # most sentences hold none of the words the trial and design patterns need: a look for the words
    # first (case folded: the patterns that ignore case fold it; those that do not, a fortiori) spares
    # searching them
    folded = sentence.casefold()
    if line_ends and scene.trial is not None and prose_patterns.SECTION_HEADING.match(sentence):
        # a new numbered section ("14.7 Plaque Psoriasis") reports other studies: the last section's
        # trial does not carry into it (HUMIRA's 1696 psoriasis patients were read as UC-II's)
        return replace(
            scene, trial=None, nct=None, endpoint=None, population=None, analysis=None,
            default_arm=scene.experimental, trial_arms=(), arms_compared=False,
        )  # fmt: skip
    trial = _trial_named(sentence, scene, line_ends, folded)
    if (trial is None or trial.startswith("NCT")) and "NCT" in sentence:
        # "(Study 205: NCT01136733)", "in Study 309 (NCT03517449)": that study now, by its number
        numbered = trial_patterns.STUDY_WITH_NCT.search(sentence)
        trial = " ".join(numbered.group("name").split()) if numbered else trial
    if trial is not None and trial != scene.trial:
        # a new trial has one arm until the text says it compares arms, or the section said its
        # studies do ("… in randomized, placebo-controlled studies … Study Ps-I evaluated 1212
        # patients": all of Ps-I's patients, not those of the brand's arm)
        scene = replace(
            scene, trial=trial, nct=None, endpoint=None, population=None, analysis=None,
            default_arm=None if scene.arms_compared else scene.experimental, trial_arms=(),
        )  # fmt: skip
    nct = prose_patterns.NCT_ID.search(sentence) if "NCT" in sentence else None
    if nct is not None:
        scene = replace(scene, nct=nct.group(0))
    if _holds(folded, patterns.SINGLE_ARM_WORDS) and patterns.SINGLE_ARM.search(sentence):
        scene = replace(scene, default_arm=scene.experimental, trial_arms=(), arms_compared=False)
    elif _holds(folded, patterns.COMPARATIVE_WORDS) and _compares(sentence):
        # said while no trial is current, of the section's studies ("… were assessed in randomized,
        # placebo-controlled studies"): the trials it names next are of them (a comparison said of
        # one trial says nothing of the next: KEYNOTE-A39's arms are not KEYNOTE-869's)
        scene = replace(scene, default_arm=None, arms_compared=scene.arms_compared or scene.trial is None)
        arms = _randomized_arms(sentence, scene)
        if len(arms) >= 2:
            scene = replace(scene, trial_arms=arms)
    elif _holds(folded, patterns.DESIGN_SENTENCE_WORDS) and patterns.DESIGN_SENTENCE.search(sentence):
        # a new study, with one arm
        scene = replace(scene, default_arm=scene.experimental, trial_arms=(), arms_compared=False)
    return scene


def _holds(folded: str, words: tuple[str, ...]) -> bool:
    """Whether a case-folded sentence holds one of ``words`` (those a pattern cannot match without)."""
    for word in words:  # noqa: SIM110 (a loop, not any() over a generator: called for every sentence, 2x faster)
        if word in folded:
            return True
    return False


def after_sentence(scene: Scene, sentence: str, *, paragraph_ends: bool) -> Scene:
    """The scene the next sentence inherits: the endpoint this one named, until the paragraph ends."""
    if paragraph_ends:
        if scene.endpoint is None and scene.population is None:
            return scene  # nothing to forget: no copy of the scene
        return replace(scene, endpoint=None, population=None)
    named = vocabulary.endpoint_mentions(sentence)
    scene = replace(scene, endpoint=named[-1][0]) if named and named[-1][0] != scene.endpoint else scene
    return _subgroup_carried(scene, sentence)


def _subgroup_carried(scene: Scene, sentence: str) -> Scene:
    """The subgroup a sentence opens an analysis of holds for the sentences after it in the paragraph
    ("In exploratory subgroup analyses in patients with upper tract UC (n=149), no improvement … The
    unstratified DFS hazard ratio estimate was 1.15": not the whole trial's), until one names the whole
    population ("… 33% of deaths in the overall randomized population") or another subgroup's analysis."""
    if scene.population is not None and patterns.OVERALL.search(sentence):
        return replace(scene, population=None)
    analysis = subgroup_patterns.SUBGROUP_ANALYSIS.search(sentence) if "analys" in sentence else None
    if analysis is None:
        return scene
    # the group the analysis is "in patients with": named right after it, not elsewhere in the sentence
    # ("(B) PFS in TC PD-L1 ≥1% Exploratory subgroup analyses of patients with …": a figure's caption run on)
    own = [
        group
        for at, group in subgroups.groups_named(sentence)
        if 0 <= at - analysis.end() <= _GROUP_AFTER_ANALYSIS
        and group.startswith("with ")  # not "the" of "in the subgroup"
    ]
    return replace(scene, population=own[0]) if own else scene


_GROUP_AFTER_ANALYSIS = 3  # " in patients with upper tract UC": the group's match starts at the space


@lru_cache(maxsize=16)
def _compares(sentence: str) -> bool:
    """Whether the sentence compares arms ("randomized", "versus"): asked of an article's sentence
    before it is read and again after, searched once, and only in a sentence holding one of the words
    the pattern needs (most do not: the search tries its branches at every position)."""
    return _holds(sentence.casefold(), patterns.COMPARATIVE_WORDS) and patterns.COMPARATIVE.search(sentence) is not None


def _randomized_arms(sentence: str, scene: Scene) -> tuple[str, ...]:
    """ "randomized (1:1) to receive OPDIVO … (n=359) or placebo (n=356)": the trial's arms, drug first."""
    if not patterns.RANDOMIZATION_WORD.search(sentence):
        return ()
    names_ = [name for m in attach.arm_mentions(sentence, scene) for name in (m.names or (m.name,))]
    unique = list(dict.fromkeys(names_))
    drug_first = sorted(unique, key=lambda name: not attach.names_drug(name, scene))
    return tuple(drug_first)


def _trial_named(sentence: str, scene: Scene, line_ends: bool, folded: str) -> str | None:
    """The trial the sentence is about, when it names one as its subject or is a table's caption
    that names it ("Table 23 Efficacy Results - OlympiAD": its notes are that trial's); the drug's own
    names, endpoints and abbreviations that look like trial names ("LVEF", "RECIST", "PD-L1") are not trials."""
    if line_ends and table_patterns.TABLE_CAPTION.match(sentence):
        # a caption on a line of its own, its notes below (a table printed with its cells) names a
        # trial the label introduces, or a study's number; a flattened table runs on into the prose
        named = [" ".join(m.group("name").split()) for m in prose_patterns.CAPTION_TRIAL.finditer(sentence)]
        known = [n for n in named if n in scene.trials or trial_patterns.STUDY_NUMBER.fullmatch(n)]
        return next((name for name in reversed(known) if _may_be_trial(name, scene)), None)
    heading = trial_patterns.TRIAL_HEADING.fullmatch(sentence.strip()) if line_ends else None
    if heading and heading.group("name") in scene.trials and _may_be_trial(heading.group("name"), scene):
        return str(heading.group("name"))  # "CINRGI Study" on a line of its own: the paragraphs below are its
    if line_ends and sentence.strip() in scene.trials:
        return sentence.strip()  # a heading that is a trial's name ("AMPLIFY-EXT"): its section is that trial's
    start = trial_patterns.TRIAL_SUBJECT_START.match(sentence)
    glued = None if start else trial_patterns.GLUED_SENTENCE_START.search(sentence)
    if glued:
        start = trial_patterns.TRIAL_SUBJECT_START.match(sentence, glued.start())
    later = (
        names.first_way(trial_patterns.TRIAL_SUBJECT_WAYS, sentence)
        if _holds(folded, trial_patterns.TRIAL_SUBJECT_HINT_WORDS)
        and trial_patterns.TRIAL_SUBJECT_HINT.search(sentence)
        else iter(())
    )
    matches = ([start] if start else []) + [m for m in later if not start or m.start() >= start.end()]
    # "Study 1 (FOURIER, NCT01764633)": the trial's name before its number in the label's list of studies
    numbered = [m for m in matches if trial_patterns.STUDY_NUMBER.fullmatch(" ".join(m.group("name").split()))]
    if scene.trial and any(" ".join(m.group("name").split()) == scene.trial for m in matches):
        # "… participated in the AMPLIFY study prior to enrollment in the AMPLIFY-EXT study" under the
        # heading AMPLIFY-EXT: a sentence naming the current trial too stays with it
        return scene.trial
    for match in [m for m in matches if m not in numbered] + numbered:
        name = " ".join(match.group("name").split())
        if _may_be_trial(name, scene, numbered=match in numbered):
            return name
    return None


def _may_be_trial(name: str, scene: Scene, *, numbered: bool = False) -> bool:
    """Whether a name printed where a trial's goes is not an abbreviation, an endpoint or the drug."""
    first = name.split()[0].split("-")[0]
    if scenes.phrases("not_trials").fullmatch(name):
        return False
    if (
        scenes.phrases("not_trials").fullmatch(first)
        and not numbered
        and not trial_patterns.ROMAN_NUMBERED.search(name)
    ):
        # "PsA" is the disease, "PsA-I" the program's first study of it
        return False
    return not vocabulary.endpoint_mentions(name) and not any(name.lower() == drug.lower() for drug in scene.drugs)


def after_article_sentence(scene: Scene, sentence: str) -> Scene:
    """An article moves from drug to drug: the drug a sentence names first is the one the sentences
    after it are about ("Osimertinib was compared with gefitinib or erlotinib. Median PFS was 18.9
    vs 10.2 months."), and a sentence comparing arms names the trial's arms, the drug first."""
    compares = _compares(sentence)
    if scene.drugs and not compares:
        return scene  # the drug is the sources' and no arms are compared: the arms named change nothing
    mentions = attach.arm_mentions(sentence, scene)
    subject = next((m.name for m in mentions if not m.control and not m.names), None)
    if subject is not None and not scene.drugs:
        scene = replace(scene, experimental=subject)
    if compares:
        named = list(dict.fromkeys(name for m in mentions for name in (m.names or (m.name,))))
        if len(named) >= 2:
            first = [n for n in named if not attach.is_control(n, scene)]
            scene = replace(scene, trial_arms=tuple(first + [n for n in named if n not in first]))
    return scene
