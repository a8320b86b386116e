"""What a number in a results sentence is: a ratio, a rate, a median, a count of patients or events,
or not a result at all (an age, a dose, a year, a landmark, a maturity share).

Each function looks only at a bounded window of words around the number (data/statements.json
"reach"), so a sentence is read in time proportional to its length.
"""

from __future__ import annotations

from functools import cache
from typing import Protocol

from extractors.read import scene
from extractors.text import reach, vocabulary
from extractors.text.patterns import build, no_results
from extractors.text.patterns import counts as count_patterns
from extractors.text.patterns import rates as rate_patterns
from extractors.text.patterns import statements as patterns
from extractors.text.patterns import trials as trial_patterns

_RATIO_CODES = {"hr": "hr", "or": "or", "rr": "rr"}


class _Signed(Protocol):
    sign: float


def not_a_result(sentence: str, start: int, end: int, unit: str | None) -> bool:
    """An age, a dose, a stage, a cycle, a year, a landmark ("at 84 months"), a range, a maturity share."""
    window = max(0, start - 40)
    if not _words_near(sentence, window, end + 40):
        return False  # every sign below is a word (a phrase of "not_results", a trial's name, "range")
    if scene.ending_with("not_results", "before").search(sentence, window, start):
        return True
    if unit is None and (_trial_number(sentence, start, end) or _endpoint_number(sentence, start, end)):
        return True
    if scene.starting_with("not_results", "after").match(sentence, end, end + 40):
        return True
    if unit in {"months", "weeks", "years", "days"} and no_results.SCHEDULE_BEFORE.search(sentence, window, start):
        return True
    if unit in {None, "months", "weeks", "years", "days"} and no_results.SCHEDULE_AFTER.match(sentence, end, end + 60):
        return True  # "36 versus 12 months of treatment": the arms of a trial of durations
    if unit in {"months", "weeks", "years", "days"} and no_results.FOLLOW_UP_BEFORE.search(sentence, window, start):
        return True  # "The median survival follow-up time in patients was 15.7 months": how long, not survival
    if unit in {"months", "weeks", "years", "days"} and no_results.LANDMARK_BEFORE.search(sentence, window, start):
        # "at 84 months", "after 5 years": when, not how long; but "extended median survival by 2.7 months" is a gain
        return not no_results.GAIN_BY_BEFORE.search(sentence, max(0, start - 80), start)
    if unit == "%" and no_results.STANDING_SHARE_AFTER.match(sentence, end, end + 80):
        return True  # "approximately 30% of Caucasians are reduced metabolizers": a standing fact
    if no_results.LANDMARK_HYPHEN_AFTER.match(sentence, end, end + 12):
        return True  # "12-month", "5-year"
    return bool(patterns.RANGE_HEAD.search(sentence, window, start))


def _words_near(sentence: str, window: int, reach_after: int) -> bool:
    """Whether a letter is printed in ``window:reach_after`` (the 40 characters before a number, the
    number and its unit, the 40 after), or a "not_results" phrase has no letter (so that a window
    without one may still hold it). A letter of the number's unit (" percent") only means reading on."""
    if not (scene.worded("not_results", "before") and scene.worded("not_results", "after")):
        return True
    return patterns.LETTER.search(sentence, window, reach_after) is not None


def _endpoint_number(sentence: str, start: int, end: int) -> bool:
    """ "ACR 20", "PASI 75": a number that is part of an endpoint's name, or one more threshold listed
    after it ("ASAS 20/50/70 responses"), not a result."""
    mentions = vocabulary.endpoint_mentions(sentence)
    while True:
        if any(named_start <= start and end <= named_end for _, named_start, named_end in mentions):
            return True
        listed = no_results.THRESHOLD_LISTED_BEFORE.search(sentence, max(0, start - 10), start)
        if listed is None:
            return False
        start, end = listed.start("previous"), listed.end("previous")


def _trial_number(sentence: str, start: int, end: int) -> bool:
    """ "MONARCH 3", "CheckMate 214": a whole number that ends a trial's short name, not a result."""
    if not sentence[start:end].isdigit():
        return False
    name = trial_patterns.TRIAL_NAME_BEFORE.search(sentence, max(0, start - 30), start)
    if name is None:
        return False
    word = name.group("name")
    return not scene.phrases("not_trials").fullmatch(word) and not vocabulary.endpoint_mentions(word)


def ratio_cue(sentence: str, start: int, left: int) -> str | None:
    """ "HR 0.95", "the hazard ratio (HR) for OS was 0.69", "odds ratio of 2.1": the ratio named before."""
    window = max(left, start - reach.before("ratio_cue"))
    if not patterns.LETTER_PAIR.search(sentence, window, start) and _ratio_cues_worded():
        return None  # every cue is a word of two letters or more: "4.6, 1.6", "N = 246N" name no ratio
    best: tuple[int, str] | None = None
    for statistic in ("hr", "or", "rr"):
        for match in scene.phrases("statistic_cues", statistic).finditer(sentence, window, start):
            if best is None or match.start() > best[0]:
                best = (match.start(), statistic)
    if best is None:
        return None
    between = patterns.BRACKETED.sub(" ", sentence[best[0] : start])
    if "%" in between or scene.phrases("statistic_cues", "median").search(between):
        return None  # "HR … 12% vs 8%", "the HR … with median survivals of 5.7": the value is not the ratio
    return _RATIO_CODES[best[1]]


@cache
def _ratio_cues_worded() -> bool:
    """Whether every ratio cue is a word of two letters or more: a fact of the vocabulary, asked for
    each number that has no two letters before it (each number of a run of cells, "4.6, 1.6, …")."""
    return all(scene.worded("statistic_cues", s, letters=2) for s in _RATIO_CODES)


def percent_statistic(sentence: str, start: int, end: int, value: _Signed, left: int = 0) -> str | None:
    """A percentage: a relative risk reduction, a signed absolute difference, a mean or median
    change, or a rate. Cues count from the previous value on (``left``): what was said of it is not
    said of this one."""
    window = max(left, start - reach.before("statistic_cue"))
    after = sentence[end : end + 40].lstrip("% ")  # "19% RRR": what follows the percent sign
    if scene.starting_with("statistic_cues", "rrr").match(after) or rate_patterns.FEWER_AFTER.match(after):
        return "rrr"  # "(17% RRR)", "50% fewer stent thromboses"
    if rate_patterns.LESS_OFTEN_AFTER.match(after) and rate_patterns.EVENTS_NEEDED_BEFORE.search(
        sentence, window, start
    ):
        return "rrr"  # "procedures were needed 42% less often"
    if rate_patterns.LOWER_AFTER.match(after) and rate_patterns.RISK_WAS_BEFORE.search(sentence, window, start):
        return "rrr"  # "the risk was 20% lower"
    if scene.starting_with("statistic_cues", "difference").match(after):
        if scene.starting_with("negative_differences").match(after):
            value.sign = -1.0  # "(19% RRR, 1.1% ARR)"
        return "difference"
    cue = _last_cue(sentence, window, start, ("rrr", "difference"))
    if cue is None and not _in_pair(sentence, start, end) and patterns.CHANGE_WORD.search(sentence, window, start):
        central = _last_cue(sentence, window, start, ("mean", "median"))
        if central is not None:
            return central  # "Mean percent change from baseline in LDL-C were −20%": a change, not a share
    if cue == "rrr" or rate_patterns.REDUCED_BY.search(sentence, window, start):
        return "rrr"  # "relative risk reduction (RRR) of 17%", "reduced the risk of death by 27%"
    if cue == "difference" and not _in_pair(sentence, start, end) and not _share_of_a_group(sentence, end):
        if scene.phrases("negative_differences").search(sentence, window, start):
            value.sign = -1.0  # "an absolute risk reduction of 1.1%": the arms differ by −1.1 points
        return "difference"
    if not _names_what_a_rate_counts(sentence):
        if rate_patterns.LONGER_AFTER.match(after) and vocabulary.endpoint_mentions(sentence, sentence=True):
            return "rate"  # "patients on the combination lived 42% longer": a survival longer by a share
        return None  # "female (59%)", "14% were Asian", "lung (74%)": who the patients were, not a result
    return "rate"


def _names_what_a_rate_counts(sentence: str) -> bool:
    """Whether a sentence names what its shares count: an event or outcome, an endpoint (in a label's
    words, or a sentence's for one that is no time: "ECMO was needed by 39%", not "lived longer"), or
    one the sentence before named ("It occurred in 46%"). A share in a sentence naming none describes
    the patients ("female (59%)")."""
    if patterns.RATE_SUBJECT.search(sentence) or rate_patterns.EVENT_REFERRED.search(sentence):
        return True
    if vocabulary.endpoint_mentions(sentence):
        return True
    times = vocabulary.time_to_event()
    return any(code not in times for code, _, _ in vocabulary.endpoint_mentions(sentence, sentence=True))


def _share_of_a_group(sentence: str, end: int) -> bool:
    """ "The difference came from ECMO, which was needed by 39% of treated infants and 55% of
    controls": a share of a group of patients is an arm's rate, never the difference between arms."""
    lead = count_patterns.SHARE_OF_LEAD.match(sentence, end, end + 20)
    if lead is None:
        return False
    position = lead.end()
    for _ in range(3):  # the group's word, after at most two words that describe it
        if _group_word().match(sentence, position):
            return True
        word = count_patterns.SHARE_GROUP_WORD.match(sentence, position, position + 33)
        if word is None:
            return False
        position = word.end()
    return False


@cache
def _group_word() -> build.Pattern:
    return build.starting_with(scene.words("count_nouns") + scene.words("share_groups", "phrases"))


def duration_statistic(sentence: str, start: int, end: int, endpoint: str | None) -> str | None:
    """A duration is a median or a mean when the sentence says so before it ("a median age" and "a
    median follow-up" are not results), or a median when it is the time of a time-to-event endpoint
    ("the duration of response was 9.0 months"); otherwise it is no result ("after 5 years")."""
    best: tuple[int, str] | None = None
    for statistic in ("median", "mean"):
        for match in scene.phrases("statistic_cues", statistic).finditer(sentence, 0, start):
            if best is None or match.start() > best[0]:
                best = (match.end(), statistic)
    if best is not None:
        if scene.starting_with("not_endpoint_medians").match(sentence, best[0], best[0] + 40):
            return None
        return best[1]
    return "median" if endpoint in vocabulary.time_to_event() else None


def count_statistic(sentence: str, start: int, end: int, before: str, value: _Signed) -> str | None:
    """A whole number: patients randomized or enrolled (n), events observed (events), a difference
    in events ("70 fewer CV events"), or neither."""
    after_window = sentence[end : end + 80]
    if not patterns.LETTER_PAIR.search(sentence, max(0, start - 40), end + 80):  # the number has no letter
        # every cue below is a word of two letters or more within 80 characters after or 40 before,
        # but a share "(5.6%)" and a breakdown of a count "(12 N…" (`ENROLMENT_AFTER`), read as below
        if patterns.SHARE_AFTER.match(after_window):
            return _subset_statistic(sentence)
        return "n" if patterns.LETTER.search(after_window) and patterns.ENROLMENT_AFTER.match(after_window) else None
    fewer = patterns.COUNT_DIFFERENCE_AFTER.match(after_window)
    if fewer:
        value.sign = -1.0 if fewer.group("way").lower() == "fewer" else 1.0
        return "difference"
    if patterns.EVENTS_HEADED.search(before, max(0, len(before) - 30)):
        return "events"  # "Deaths: 61 with atorvastatin versus 82 with placebo"
    group = patterns.OF_GROUP.match(after_window)
    if group:  # "128 of 335 children …": events among a group, unless the group is described
        verb = patterns.COUNT_VERB_AFTER.match(sentence, group.end() + end, group.end() + end + 60)
        return "n" if verb and verb.group("patients") is not None and not verb.group("events") else "events"
    if patterns.GROUP_OF_BEFORE.search(before, max(0, len(before) - 12)):
        return "n"  # "128 of 335 children": the group's size
    verb = patterns.COUNT_VERB_AFTER.match(after_window)
    if verb:
        generic = verb.group("patients") is not None and verb.group("patients").lower() in {"", "with"}
        if verb.group("events") or (generic and _endpoint_follows(sentence, end + verb.end())):
            return "events"  # "13 (52%) had CCyR", "10 with a CCyR"
        return "n"
    if patterns.SHARE_AFTER.match(after_window) or patterns.PATIENTS_SHARE_AFTER.match(after_window):
        return _subset_statistic(sentence)
    if patterns.EVENTS_AFTER.match(after_window) or patterns.EVENTS_OCCURRED_IN.search(
        before, max(0, len(before) - 30)
    ):
        return "events"
    if patterns.COUNTS_RESTATE.search(before) and patterns.EVENT_SHARES_BEFORE.search(before):
        return "events"  # "It occurred in 46% of … versus 64% of controls: 52 infants compared with 77"
    if patterns.ENROLMENT_AFTER.match(after_window):
        return "n" if not patterns.TO_ARM_ONLY.match(after_window) or _says_enrolment(sentence) else None
    if patterns.EVENTS_BEFORE.search(before, max(0, len(before) - 30)) and _names_events_later(sentence, end):
        return "events"
    if patterns.ENROLMENT_BEFORE.search(before, max(0, len(before) - 40)) and _names_patients_later(sentence, end):
        return "n"
    return None


def _subset_statistic(sentence: str) -> str:
    """A count with a share after it: "31 (5.6%) loss of MCyR", "1010 (86%)", "5 patients (1.5%) on the
    TAGRISSO arm": a share of an arm is a subset of it (events, or a subgroup), never the arm's N."""
    return "events" if patterns.EVENTFUL.search(sentence) else "n"


def _endpoint_follows(sentence: str, position: int) -> bool:
    """ "13 (52%) had CCyR": an endpoint right after "had" makes the count a count of responders."""
    return bool(vocabulary.endpoint_mentions(sentence[position : position + 25]))


def _last_cue(sentence: str, window: int, start: int, statistics: tuple[str, ...]) -> str | None:
    best: tuple[int, str] | None = None
    for statistic in statistics:
        for match in scene.phrases("statistic_cues", statistic).finditer(sentence, window, start):
            if best is None or match.start() > best[0]:
                best = (match.start(), statistic)
    return best[1] if best else None


def _says_enrolment(sentence: str) -> bool:
    return bool(scene.phrases("enrolment_verbs").search(sentence))


def _names_events_later(sentence: str, end: int) -> bool:
    return bool(patterns.EVENT_WORD.search(sentence, end, end + 40))


def _names_patients_later(sentence: str, end: int) -> bool:
    return bool(scene.phrases("count_nouns").search(sentence, end, end + 90))


def _in_pair(sentence: str, start: int, end: int) -> bool:
    """ "(18.1% vs. 4.0%)": a value compared with another in the same breath is an arm's value."""
    return bool(
        patterns.PAIR_AFTER.match(sentence, end, end + 30)
        or patterns.PAIR_BEFORE.search(sentence, max(0, start - 30), start)
    )
