"""Which arm, endpoint and population a value in a results sentence belongs to.

Arms are read the ways results sentences pair them: in "respectively" order; "15.7 months … in
OPDIVO-treated patients compared to 14.4 months … in patients assigned to investigator's choice";
"OPDIVO (n=292)"; "4.6 vs 1.6 months" after a sentence naming one drug (the drug first, the
comparator second). A ratio belongs to the experimental arm against the control arm. A sentence
that does not settle an arm leaves it None and lists the arms it could be.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

import regex

from extractors.read import in_order, trailing
from extractors.read import scene as scenes
from extractors.read.scene import Scene
from extractors.text import names, reach, vocabulary
from extractors.text.facts import per_document
from extractors.text.patterns import build, hints, no_results
from extractors.text.patterns import counts as count_patterns
from extractors.text.patterns import rates as rate_patterns
from extractors.text.patterns import statements as patterns

__all__ = ["Mention", "Scene", "arm_mentions", "assign_arms", "endpoint_for", "ratio_arms"]

ArmReading = tuple[str | None, str | None, tuple[str, ...]]  # arm, comparator, other arms it could be

PER_ARM = frozenset({"median", "mean", "rate", "events", "n", "event_rate"})  # statistics each arm has its own of
_DESIGN_REACH = 32  # "placebo- and active-controlled": the design words after an arm's name


@dataclass(frozen=True, slots=True)
class Mention:
    """An arm the sentence names, where, and whether it is a control arm."""

    start: int
    end: int
    name: str  # as printed, trimmed: "OPDIVO and ipilimumab", "investigator's choice"
    control: bool
    names: tuple[str, ...] = ()  # the arms of a list: "the nivolumab and chemotherapy arms"
    phrase: bool = False  # named as an arm ("in the OPDIVO arm", "OPDIVO-treated patients"), not a bare name


# --- arms named in a sentence --------------------------------------------------------------------


def arm_mentions(sentence: str, scene: Scene) -> list[Mention]:
    """Every arm the sentence names, in order; an arm named as an arm wins over a bare name inside it."""
    # what a sentence names depends only on the names the scene knows: read once per sentence
    names_known = _names_known(scene.source, scene.arms, scene.experimental, scene.drugs, scene.controls)
    return list(_arm_mentions(sentence, names_known))


@lru_cache(maxsize=64)
def _names_known(
    source: str, arms: tuple[str, ...], experimental: str | None, drugs: tuple[str, ...], controls: tuple[str, ...]
) -> Scene:
    """A scene with only the names it knows (the key of `_arm_mentions`), made once per set of names
    rather than twice per sentence."""
    return Scene(source, arms=arms, experimental=experimental, drugs=drugs, controls=controls)


@lru_cache(maxsize=64)
def _arm_mentions(sentence: str, scene: Scene) -> tuple[Mention, ...]:
    phrased = [m for m in _phrase_mentions(sentence, scene) if m is not None]
    covered = [(m.start, m.end) for m in phrased]
    bare = [
        m
        for m in _name_mentions(sentence, scene)
        if not any(start <= m.start < end for start, end in covered)
        and not patterns.PRIOR_TREATMENT_BEFORE.search(sentence, max(0, m.start - 40), m.start)
    ]  # "Chronic Phase, Prior Interferon-Alpha Treatment: 532 patients …": what they had before
    return tuple(sorted(phrased + _combinations(sentence, bare, scene), key=lambda m: m.start))


def _combinations(sentence: str, bare: list[Mention], scene: Scene) -> list[Mention]:
    """Names joined into one arm: "osimertinib plus chemotherapy (pemetrexed and a platinum-based
    agent)" is one arm, and the drugs of the bracket describing it are no arms of their own."""
    found: list[Mention] = []
    for mention in sorted(bare, key=lambda m: m.start):
        previous = found[-1] if found else None
        if previous is not None and patterns.ASIDE_AFTER_ARM.fullmatch(sentence, previous.end, mention.start):
            continue  # "chemotherapy (pemetrexed": inside the bracket describing the arm before it
        if previous is not None and patterns.COMBINED_WITH.fullmatch(sentence, previous.end, mention.start):
            name = " ".join(sentence[previous.start : mention.end].split())
            found[-1] = Mention(previous.start, mention.end, name, is_control(name, scene) and previous.control)
            continue
        found.append(mention)
    return found


def _phrase_mentions(sentence: str, scene: Scene) -> list[Mention | None]:
    found: list[Mention | None] = []
    # each pattern needs a word of its own ("arm", "group"; "treated", "receiving", …): cheaper to look for first
    arm_nouns = patterns.ARM_NOUN.search(sentence) is not None
    for match in patterns.ARM_PHRASE.finditer(sentence) if arm_nouns else ():
        found.append(_phrase(match, scene, plural=match.group("noun").lower().endswith("s")))
    treated_word = patterns.TREATED_WORD.search(sentence) is not None
    for match in patterns.TREATED_ARM.finditer(sentence) if treated_word else ():
        treated = _phrase(match, scene, plural=False)
        if treated is not None and _names_a_treatment(treated.name, scene):
            found.append(treated)  # "patients treated with enzalutamide", not "… received at least one therapy"
    return found


def _phrase(match: regex.Match[str], scene: Scene, *, plural: bool) -> Mention | None:
    text = patterns.ARM_TRIM.sub("", " ".join(match.group("arm").split()).rstrip("."))
    if not text or not _looks_like_arm(text, scene) or all(patterns.FUNCTION_WORDS.fullmatch(w) for w in text.split()):
        return None  # "… and in the group receiving …": "in the" names nothing
    dose_group = bool(patterns.DOSE_GROUP.fullmatch(text))  # "the 600-mg dose group"
    if not dose_group and any(patterns.NOT_AN_ARM_WORD.fullmatch(w) for w in text.split() if not w.endswith("ed")):
        return None  # "three patients who received lower doses": a description, not an arm
    parts = patterns.ARM_LIST_SPLIT.split(text) if plural else patterns.ARM_AND_THE.split(text)
    parts = [patterns.ARM_TRIM.sub("", part.strip()) for part in parts if part.strip()]
    if len(parts) > 1:
        return Mention(match.start("arm"), match.end("arm"), text, False, tuple(parts), phrase=True)
    return Mention(match.start("arm"), match.end("arm"), text, is_control(text, scene), phrase=True)


def _looks_like_arm(text: str, scene: Scene) -> bool:
    """ "the OPDIVO arm", "the AC→TH arm", "the investigator's choice arm" name arms; "each arm",
    "the treatment arm" and "the two arms" do not."""
    return not patterns.GENERIC_ARM.fullmatch(text)


def _names_a_treatment(text: str, scene: Scene) -> bool:
    known = tuple(k.lower() for k in (*scene.arms, *scene.controls, *scene.drugs) if len(k) > 2)
    named = bool(known) and bool(build.any_phrase(known).search(text))
    named = named or bool(patterns.SHORT_CAPITALS.fullmatch(text))  # a treatment abbreviated: "NO-treated"
    return named or bool(names.DRUG_WORD.search(text) or patterns.CAPITALS_WORD.search(text))


@lru_cache(maxsize=64)
def _known_names(arms: tuple[str, ...], drugs: tuple[str, ...], experimental: str | None) -> build.Pattern | None:
    """One pattern for the arm and drug names a document uses (built once per set of names)."""
    known = tuple(
        name.lower()
        for name in (*arms, *drugs, *(names.drug_aliases()), experimental or "")
        if len(name) > 2 and not patterns.FUNCTION_WORDS.fullmatch(name)
    )
    return build.any_phrase(known) if known else None


def _name_mentions(sentence: str, scene: Scene) -> list[Mention]:
    known = _known_names(scene.arms, scene.drugs, scene.experimental)
    found: list[Mention] = []
    covered = bytearray(len(sentence) + 1)  # 1 where a name found covers: asked of each later name, not each found

    def add(mention: Mention) -> None:
        found.append(mention)
        covered[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)

    if known is not None:
        for match in known.finditer(sentence):
            if not patterns.CONTROLLED_DESIGN.match(sentence, match.end(), match.end() + _DESIGN_REACH):
                add(Mention(match.start(), match.end(), match.group(0), is_control(match.group(0), scene)))
    for match in build.any_phrase(scene.controls).finditer(sentence):
        inside = covered[match.start()]
        if not inside and not patterns.CONTROLLED_DESIGN.match(sentence, match.end(), match.end() + _DESIGN_REACH):
            add(Mention(match.start(), match.end(), match.group(0), True))
    for match in names.DRUG_WORD.finditer(sentence):
        if not covered[match.start()]:
            add(Mention(match.start(), match.end(), match.group(0), is_control(match.group(0), scene)))
    return found


def is_control(text: str, scene: Scene) -> bool:
    """Whether an arm's name is a control arm's: placebo, chemotherapy, investigator's choice, …"""
    lowered = text.lower()
    if scene.experimental and scene.experimental.lower() in lowered:
        return False
    return bool(build.any_phrase(scene.controls).search(lowered)) if scene.controls else False


# --- which arm each value belongs to -------------------------------------------------------------


def assign_arms(
    sentence: str, values: list[tuple[int, int, str]], mentions: list[Mention], scene: Scene
) -> list[ArmReading]:
    """(arm, comparator, alternatives) for each (start, end, statistic) value of the sentence."""
    ratio = ratio_arms(mentions, scene)
    per_arm = [i for i, (_, _, statistic) in enumerate(values) if statistic in PER_ARM]
    settled = in_order.respectively(sentence, values, per_arm, mentions) or in_order.listed_in_order(
        sentence, values, per_arm, mentions
    )
    readings: list[ArmReading] = []
    later_ns: list[int] = []  # for each value, the "n =" Ns after it: counted once a sentence, when first asked
    starts = sorted(m.start for m in mentions)
    ordered = [m.start for m in mentions] == starts  # as `arm_mentions` gives them: searched, not scanned
    for index, (start, end, statistic) in enumerate(values):
        if statistic not in PER_ARM:
            readings.append((ratio[0], ratio[1], ()))
        elif index in settled:
            readings.append((settled[index], None, ()))
        else:
            bracketed = _bracketed_arm(sentence, start, mentions, starts if ordered else None)
            reading = (
                (bracketed, None, ()) if bracketed else _one_arm(sentence, values, per_arm, index, mentions, ratio)
            )
            total = statistic == "n" and (_is_randomization(sentence) or _is_total(sentence, start))
            subset = statistic == "n" and (
                patterns.SUBSET_AFTER.match(sentence, end) or _broken_down_by_arm(sentence, end, values, mentions)
            )
            # "A total of 672 patients were randomized to receive KISQALI … (n = 335) or placebo (n = 337)",
            # "27,395 patients were evenly randomized to rivaroxaban …, rivaroxaban 5 mg … alone, or aspirin":
            # the arms' own Ns, or several arms, follow, so the total is no arm's though an arm is named after it
            later_ns = later_ns or (_later_n_equals(sentence, values) if total else [])
            split = total and (
                later_ns[index] >= 2
                or (_is_randomization(sentence) and len(starts) - bisect.bisect_left(starts, end) >= 2)
            )
            if subset or (
                total and _is_total(sentence, start) and (split or not _arm_right_after(sentence, end, mentions))
            ):
                # "a total of 4063 women", "43 of whom …": no arm's N — unless the arm follows at once:
                # "A total of 27 patients in the OPDIVO with chemotherapy arm"
                reading = (None, None, ())
                if not subset and not _is_randomization(sentence):
                    # "A total of 74 patients were enrolled in the single-agent … OPDIVO cohort"
                    reading = (_only_arm(sentence, mentions), None, ())
            if reading[0] is None and not total and not subset:
                carried = _carried_arm(sentence, values, index, readings, mentions)
                reading = (carried, None, ()) if carried else reading
            if reading[0] is None and scene.default_arm and not total and not subset:
                reading = (scene.default_arm, None, ())
            readings.append(reading)
    return readings


def _broken_down_by_arm(sentence: str, end: int, values: list[tuple[int, int, str]], mentions: list[Mention]) -> bool:
    """ "in Cohort A there were 245 (162 Lynparza arm and 83 in enzalutamide arm)": a count whose
    bracket gives two arms their own counts is their total, no arm's."""
    if not sentence[end : end + 3].lstrip().startswith("("):
        return False
    close = sentence.find(")", end)
    if close < 0:
        return False
    counts = [v for v in values if end < v[0] < close and v[2] == "n"]
    arms = {m.name for m in mentions if end < m.start < close and not m.names}
    return len(counts) >= 2 and len(arms) >= 2


def _later_n_equals(sentence: str, values: list[tuple[int, int, str]]) -> list[int]:
    """For each value, how many values after it are Ns printed "n = …" (`_n_equals`)."""
    later, seen = [0] * len(values), 0
    for index in range(len(values) - 1, -1, -1):
        later[index] = seen
        seen += _n_equals(sentence, values[index])
    return later


def _n_equals(sentence: str, value: tuple[int, int, str]) -> bool:
    """ "(n = 335)": an N printed as the arm's, "n =" before it."""
    return value[2] == "n" and patterns.N_EQUALS_BEFORE.search(sentence, max(0, value[0] - 6), value[0]) is not None


def _only_arm(sentence: str, mentions: list[Mention]) -> str | None:
    """The one arm a sentence names, if it names exactly one and it is no control: a name, or names
    joined as one combination ("the OPDIVO and ipilimumab MSI-H mCRC cohort")."""
    if not mentions or any(m.control or m.names for m in mentions):
        return None
    if len({m.name for m in mentions}) == 1:
        return mentions[0].name
    if all(patterns.COMBINATION_JOIN.fullmatch(sentence, a.end, b.start) for a, b in pairwise(mentions)):
        return " ".join(sentence[mentions[0].start : mentions[-1].end].split())
    return None


def _carried_arm(
    sentence: str, values: list[tuple[int, int, str]], index: int, readings: list[ArmReading], mentions: list[Mention]
) -> str | None:
    """An arm that carries to a value naming none: the parts of a breakdown after a colon ("93 events
    in the Gleevec arm: 37 progression to AP/BC, 31 loss of MCyR") and the same rate at a later time
    ("59% at 12 months and 72% at 24 months") are the arm's the value before them had."""
    start = values[index][0]
    before = [m for m in mentions if m.end <= start and not m.names]
    if before:
        gap = sentence[before[-1].end : start]
        colon = before[-1].end + gap.find(":")
        broken_down = any(r[0] == before[-1].name and v[1] <= colon for r, v in zip(readings, values, strict=False))
        if (
            ":" in gap
            and broken_down
            and not patterns.VERSUS.search(gap)
            and not patterns.RESPECTIVELY.search(sentence, start)
        ):
            return before[-1].name
    same_before = index and readings[index - 1][0] and values[index - 1][2] == values[index][2]
    if same_before and patterns.LATER_TIME_THEN.fullmatch(sentence, values[index - 1][1], start):
        return readings[index - 1][0]
    return None


def ratio_arms(mentions: list[Mention], scene: Scene) -> tuple[str | None, str | None]:
    """The experimental and the control arm of a between-arm statistic: as the sentence names them
    (the one naming the document's drug first), else the document's drug against no named arm."""
    named = [name for m in mentions for name in (m.names or (m.name,))]
    experimental = next((n for n in named if names_drug(n, scene)), None)
    if experimental is None and scene.drugs:
        # "than with clopidogrel (HR 0.67)" in the BRILINTA label: the trial's arm with the drug; a row
        # of another drug's trial ("Ribociclib vs placebo | 25.3 vs 16.0") is that drug's, not the document's
        experimental = next((n for n in scene.trial_arms if names_drug(n, scene)), None) or next(
            (n for n in scene.trial_arms if not is_control(n, scene)), scene.experimental
        )
    elif experimental is None:
        experimental = next((n for n in named if not is_control(n, scene)), scene.experimental)
    control = next((n for n in named if n != experimental and not names_drug(n, scene)), None)
    if control is None and set(named) <= {experimental}:  # "on letrozole was 32 vs 35 months": the other arm's 35
        # the trial's other arm, when it has one: of REVLIMID's three MM-020 arms ("lenalidomide", "Rd18",
        # "MPT") the sentence "on continuous Rd … (52% vs 61%)" does not say which the second value is
        others = [n for n in scene.trial_arms if n != experimental and not names_drug(n, scene)]
        control = others[0] if len(others) == 1 else None
    return experimental, control


def names_drug(name: str, scene: Scene) -> bool:
    """Whether an arm's name names the document's drug (brand or generic)."""
    return bool(scene.drugs) and bool(build.any_phrase(tuple(d.lower() for d in scene.drugs)).search(name))


def _arm_right_after(sentence: str, end: int, mentions: list[Mention]) -> bool:
    return any(end <= m.start <= end + reach.after("arm_after_total") for m in mentions if not m.names)


def _is_total(sentence: str, start: int) -> bool:
    """ "with a total of 4063 women": a count stated as a total is no arm's."""
    return bool(patterns.TOTAL_BEFORE.search(sentence, max(0, start - 20), start))


@per_document  # asked for each value of a sentence: the answer is the sentence's
def _is_randomization(sentence: str) -> bool:
    return bool(patterns.RANDOMIZATION_WORD.search(sentence))


@per_document  # asked for each value of a sentence: the answer is the sentence's
def _says_responded(sentence: str) -> bool:
    return patterns.RESPONDED_WORD.search(sentence) is not None


def _bracketed_arm(sentence: str, start: int, mentions: list[Mention], starts: list[int] | None = None) -> str | None:
    """ "OPDIVO in combination with ipilimumab (n=396)", "clopidogrel (1.9%)", "ticagrelor (294 events:
    5.3%)": a value opening a bracket belongs to the arm named just before the bracket."""
    opening = patterns.BRACKET_OPENING.search(sentence, max(0, start - 24), start)
    if opening is None:
        return None
    window = max(0, opening.start() - 120)
    leads = list(patterns.ARM_SEGMENT_START.finditer(sentence, window, opening.start()))
    low = leads[-1].end() if leads else window
    # "randomized to the observation (n = 1693) and Herceptin one-year (n = 1693) treatment arms":
    # an arm named before an earlier value's bracket is that value's
    earlier = [m.end() for m in patterns.VALUE_BRACKET.finditer(sentence, low, opening.start())]
    named_from = earlier[-1] if earlier else low
    # ``starts``: the mentions' starts, when in order, so that only those between are looked at
    low_at = 0 if starts is None else bisect.bisect_left(starts, named_from)
    high_at = len(mentions) if starts is None else bisect.bisect_right(starts, opening.start())
    inside = [m for m in mentions[low_at:high_at] if named_from <= m.start and m.end <= opening.start() and not m.names]
    if not inside:
        return _segment_name(sentence[low : opening.start()])
    first, last = inside[0], inside[-1]
    joined = sentence[first.start : last.end]
    if first is not last and patterns.COMBINATION_JOIN.fullmatch(sentence[first.end : last.start]):
        return " ".join(joined.split())
    return last.name if sentence[last.end : opening.start()].strip() == "" else first.name


def _segment_name(segment: str) -> str | None:
    """ "vinflunine 320 mg/m 2": the words naming an arm that no vocabulary knows, doses left out."""
    words = patterns.DOSE_OR_SCHEDULE.sub(" ", segment).split()
    doses = [" ".join(m.group(0).split()) for m in patterns.DOSE.finditer(segment)]
    if not words and len(doses) == 1:
        return doses[0]  # "at doses of 260 mg/m 2 /day (n = 3), 340 mg/m 2 /day (n = 4)": the arms are doses
    if not 1 <= len(words) <= 4 or patterns.NOT_AN_ARM_NAME.match(words[0]) or any(c.isdigit() for c in "".join(words)):
        return None
    if vocabulary.find_endpoint(" ".join(words)) or patterns.OUTCOME_WORD.search(" ".join(words)):
        return None  # "… than for the 400 mg group: hematologic response (75% vs 64%)": an outcome, not an arm
    if any(patterns.NOT_AN_ARM_WORD.fullmatch(word.strip(".")) or word.endswith(".") for word in words):
        return None  # "all of whom responded", "lower doses.": a clause, not a name
    return " ".join(words)


def _one_arm(
    sentence: str,
    values: list[tuple[int, int, str]],
    per_arm: list[int],
    index: int,
    mentions: list[Mention],
    ratio: tuple[str | None, str | None],
) -> ArmReading:
    start, end, statistic = values[index]
    position = per_arm.index(index)
    same = [i for i in per_arm if values[i][2] == statistic]
    rank = same.index(index)
    next_start = values[same[rank + 1]][0] if rank + 1 < len(same) else len(sentence)
    previous_end = values[same[rank - 1]][1] if rank else 0
    bracketed = [m for m in mentions if m.end <= start and not m.names]
    if bracketed and patterns.SHARE_BRACKET_AFTER_ARM.fullmatch(sentence, bracketed[-1].end, start):
        return bracketed[-1].name, None, ()  # "NO-treated (18%) and control (20%) patients": the share is its arm's
    reach_after = min(next_start, end + reach.after("arm_of_value"))
    after = [m for m in mentions if end <= m.start < reach_after and not m.names and not _restated(sentence, end, m)]
    if after and not patterns.VERSUS.search(sentence, end, after[0].start) and _linked(sentence, end, after[0]):
        either = _is_randomization(sentence) and patterns.ARM_ALTERNATIVE_AFTER.match(sentence, after[0].end)
        if statistic == "n" and (either or _one_of_two_arms(sentence, after[0], mentions)):
            # "369 patients were randomized 2:1 to pazopanib or placebo": the total; "119 patients were
            # enrolled in the OPDIVO and ipilimumab cohort": the combination's
            return (None if _is_randomization(sentence) else _only_arm(sentence, mentions)), None, ()
        return after[0].name, None, ()
    ordered = in_order.compared_in_order(sentence, values, per_arm, position, mentions)
    if ordered is not None:
        return ordered, None, ()
    before = [m for m in mentions if previous_end <= m.start and m.end <= start and not m.names]
    if statistic == "n" and count_patterns.COUNTED_BY_TRIAL_BEFORE.search(sentence, max(0, start - 40), start):
        before = []  # "The … Nitric Oxide Study randomized 235 neonates": the trial's count, not an arm's
    if before and start - before[-1].end <= reach.before("arm_before_value"):
        gap = sentence[before[-1].end : start]
        if not patterns.VERSUS.search(gap) and gap.count(")") <= gap.count("("):
            left_open = trailing.pair_left_behind(sentence, values, per_arm, index, mentions, ratio[0])
            return (None, None, left_open) if left_open else (before[-1].name, None, ())
    paired = in_order.paired(sentence, values, per_arm, position, ratio)
    if paired is not None:
        return paired, None, ()
    named = tuple(dict.fromkeys(m.name for m in mentions if not m.names))
    return None, None, named if len(named) > 1 else ()


def _restated(sentence: str, end: int, mention: Mention) -> bool:
    """Whether the arm after a value opens the next statement, which names its endpoint again:
    "… was 27% (95% CI: 20%, 35%), and the CR rate in the PBO+LDAC arm was 7.4%"."""
    clause = patterns.NEW_STATEMENT.search(sentence, end, mention.start)
    return clause is not None and bool(vocabulary.endpoint_mentions(sentence[clause.end() : mention.start]))


def _one_of_two_arms(sentence: str, mention: Mention, mentions: list[Mention]) -> bool:
    following = [m for m in mentions if m.start >= mention.end]
    return bool(following) and bool(patterns.ARMS_JOINED.fullmatch(sentence, mention.end, following[0].start))


def _linked(sentence: str, end: int, mention: Mention) -> bool:
    """An arm after a value is its arm when the words say so: "… in the OPDIVO arm", "… to placebo",
    "… for Lynparza", or the arm right after it; not "… who had received prior chemotherapy"."""
    gap = sentence[end : mention.start]
    if patterns.NOT_AN_ARM_LINK.search(gap):
        return False  # "patients resistant to interferon-alpha": what they had before, not their arm
    return mention.phrase or not gap.strip() or bool(patterns.ARM_LINK_GAP.search(gap))


# --- endpoint, population, assessment, analysis ----------------------------------------------------


def endpoint_for(
    sentence: str, start: int, end: int, statistic: str, scene: Scene
) -> tuple[str | None, tuple[str, ...]]:
    """The endpoint named last before the value in its sentence, else just after it, else the scene's;
    with the words that make it another quantity ("CNS PFS", "confirmed ORR", "5-year OS rate")."""
    if statistic == "n":
        return None, ()
    return _endpoint_for(sentence, start, end, statistic, scene.endpoint)


@lru_cache(maxsize=64)  # a duration's is asked when its statistic is read and again for its record
def _endpoint_for(
    sentence: str, start: int, end: int, statistic: str, context: str | None
) -> tuple[str | None, tuple[str, ...]]:
    mentions = vocabulary.endpoint_mentions(sentence, sentence=True)
    if _says_responded(sentence):  # "55.4% responded … and 40.2% to placebo": a response rate
        responded = [("ORR", m.start("word"), m.end("word")) for m in patterns.SHARE_RESPONDED.finditer(sentence)]
        mentions = sorted([*mentions, *responded], key=lambda mention: mention[1])
    chosen = _endpoint_mention(sentence, start, end, statistic, mentions)
    if chosen is None:
        return (None, ()) if _deaths(sentence, end, statistic) else (context, ())
    code, at, mention_end = chosen
    if code is None or no_results.THRESHOLDS_AFTER.match(sentence, mention_end):
        return None, ()  # deaths; "ASAS 20/50/70 responses … 58%, 38%, and 23%": which is which, unsaid
    return code, _modifiers(sentence, at, mention_end, end, statistic)


Mention_ = tuple[str | None, int, int]  # an endpoint named: (code, start, end); code None for deaths


def _deaths(sentence: str, end: int, statistic: str) -> bool:
    # "351 deaths", "71 (12.8%) … patients died", "21% of patients had died": no endpoint's value
    return bool(patterns.DEATHS_AFTER.match(sentence, end, end + (60 if statistic == "events" else 40)))


def _endpoint_mention(
    sentence: str, start: int, end: int, statistic: str, mentions: list[tuple[str, int, int]]
) -> Mention_ | None:
    if _deaths(sentence, end, statistic):
        return None, end, end
    if statistic == "events":
        named = [m for m in mentions if end <= m[1] < end + 40] or [m for m in mentions if m[1] < start]
        if not named and patterns.RESPONDERS.match(sentence, end, end + 40):
            return "ORR", end, end  # "the 28 responding patients": patients with an objective response
        return named[0] if named else (None, end, end)
    if statistic == "rate" and patterns.RESPONDED_AFTER.match(sentence, end, end + 40):
        return "ORR", end, end  # "55.4% responded to abemaciclib": a response rate
    right_after = [m for m in mentions if end <= m[1] and patterns.ENDPOINT_RIGHT_AFTER.match(sentence[end : m[1]])]
    if right_after:
        return right_after[0]  # "a 2% complete response rate"
    before = [m for m in mentions if m[1] < start]
    after = [
        m
        for m in mentions
        if end <= m[1] < end + reach.after("endpoint_after_value") and not _next_clause(sentence, end, m[1])
    ]
    own = after and after[0][1] - end <= _OWN_CLAUSE_GAP and not patterns.CLAUSE_STOP.search(sentence, end, after[0][1])
    semicolon = patterns.CLAUSE_SEMICOLON.search(sentence, before[-1][2]) if before and own else None
    if before and own and semicolon and semicolon.start() < start:
        # "… reached a complete remission, versus 18% on placebo; 65% reached a complete remission or a
        # remission with partial blood count recovery": the value's own clause names its endpoint (a ";"
        # inside brackets, "(HR 0.53; 95% CI …)", opens no clause)
        return after[0]
    if before:
        return before[-1]
    return after[0] if after else None


def _next_clause(sentence: str, end: int, at: int) -> bool:
    """Whether an endpoint named at ``at`` is in a clause after a dash that states a value of its own:
    "cut the risk by 15% — meaning patients lived 15% longer" ("lived" is the second value's)."""
    clause = rate_patterns.CLAUSE_WITH_VALUE.search(sentence, end)
    return clause is not None and clause.start() < at


_OWN_CLAUSE_GAP = 30  # characters from a value to the endpoint its own clause names after it ("65% reached a …")


def _modifiers(sentence: str, at: int, mention_end: int, value_end: int, statistic: str) -> tuple[str, ...]:
    """ "CNS", "confirmed", "at 5 years": what the words around the endpoint's name add to it. A
    landmark is a rate's ("the 5-year OS rate", "PFS at 84 months was 81.2%", "59% at 12 months")."""
    found = []
    cns, confirmed = _modifier_words(sentence)
    if cns and (
        patterns.CNS_BEFORE.search(sentence, max(0, at - 30), at) or patterns.CNS_NAMED.match(sentence, at, mention_end)
    ):
        found.append("CNS")
    if confirmed and patterns.CONFIRMED_BEFORE.search(sentence, max(0, at - 30), at):
        found.append("confirmed")
    if statistic == "rate":
        landmark = (
            patterns.LANDMARK_ADJECTIVE.search(sentence, max(0, at - 20), at)
            or patterns.LANDMARK_AT.match(sentence, mention_end)
            or patterns.LANDMARK_AT.match(sentence, value_end)
        )
        if landmark:
            unit = landmark.group("unit").lower().rstrip("s")
            found.append(f"at {landmark.group('count')} {unit}s")
    return tuple(found)


@lru_cache(maxsize=64)  # asked for each value of a sentence
def _modifier_words(sentence: str) -> tuple[bool, bool]:
    """Whether ``sentence`` holds a word "CNS" or "confirmed" needs anywhere: most sentences hold
    neither, and their values' windows need no search."""
    return hints.CNS_WORD.search(sentence) is not None, hints.CONFIRMED_WORD.search(sentence) is not None


def assessment_of(sentence: str) -> str | None:
    return names.assessment_of(sentence)


@per_document  # asked for each value of a sentence and each cell under a column group
def analysis_of(sentence: str) -> str | None:
    """ "interim", "final", "updated" or "exploratory" when the sentence says which analysis it reports."""
    best: tuple[int, str] | None = None
    for analysis in ("interim", "final", "updated", "exploratory"):
        match = scenes.phrases("analyses", analysis).search(sentence)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), analysis)
    return best[1] if best else None


def number_words() -> dict[str, int]:
    return {str(k): int(v) for k, v in scenes.data()["number_words"].items()}
