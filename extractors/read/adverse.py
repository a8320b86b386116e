"""The rates a label's adverse-reactions prose states for a whole arm: serious and fatal adverse
reactions, and those that made patients stop the drug or have its dose lowered or paused; and
events' rates per 100 patient-years ("the rate of serious infections was 4.6 per 100 patient-years").

"The safety of IMFINZI … was evaluated in the PACIFIC study … IMFINZI was discontinued due to
adverse reactions in 15% of patients. … Serious adverse reactions occurred in 29% of patients
receiving IMFINZI." Each such figure becomes a rate whose endpoint is the category
(``ADVERSE_REACTIONS``, or the change it led to), with its grade ("serious", "fatal", or "all" for
the changes), the trial the paragraph is about (named in the sentence, else the last trial the
section named before it), and the arm named after the share (else the label's drug). The
verdicts compare an article's "Serious side effects occurred in 37% of patients" with them as
with any adverse-reaction row (`verdicts.safety`).
"""

from __future__ import annotations

import regex

from extractors.ingest import grids
from extractors.read.context import trials_introduced
from extractors.read.prose import label_scene
from extractors.records import Measurement, Source, replace
from extractors.text import budget, reach
from extractors.text.names import arm_mentions
from extractors.text.patterns import adverse as patterns
from extractors.text.patterns import build
from extractors.text.patterns import safety as safety_patterns
from extractors.text.sentences import sentence_spans

ADVERSE_REACTIONS = "adverse reactions"  # the endpoint of serious and fatal rates
# Where these rates come from, in the place of a table's name: the verdicts keep graded figures of a
# table or this section apart from efficacy results, as they keep an adverse-reaction table's.
SECTION = "adverse-reactions section"
CHANGES = {  # the endpoint of a rate of reactions that changed the treatment, by what they changed
    "stop": "adverse reactions leading to discontinuation",
    "reduce": "adverse reactions leading to dose reduction",
    "pause": "adverse reactions leading to dose interruption",
}
_ARM_REACH = 80  # characters after a share where the arm it is of may be named


def extract_adverse_prose(source: Source) -> list[Measurement]:
    """The serious, fatal and treatment-changing adverse-reaction rates of ``source``'s
    adverse-reactions prose (the section ingest puts last; nothing for other sources)."""
    start = grids.adverse_prose_start(source)
    text = source.text
    if start >= len(text):
        return []
    scene = label_scene(source)
    drug = scene.experimental
    found: list[Measurement] = []
    trial: str | None = None
    trials = _trial_names(text, start, scene.drugs)
    named = build.any_word(tuple(sorted(trials, key=len, reverse=True))) if trials else None
    for first, last in sentence_spans(text, start):
        budget.check(first)
        sentence = text[first:last]
        in_sentence = [m.group(0) for m in named.finditer(sentence)] if named is not None else []
        trial = trials[in_sentence[-1].lower()] if in_sentence else trial
        for match in patterns.CATEGORY_RATE.finditer(sentence):
            found.extend(_rates(source.id, sentence, first, match, trial, drug))
        for match in patterns.EVENT_RATE.finditer(sentence):
            found.extend(_event_rates(source.id, sentence, first, match, trial, drug))
    return found


def place_adverse_tables(source: Source, found: list[Measurement]) -> list[Measurement]:
    """``found`` with the figures of each adverse-reaction table read with no trial given the trial the
    adverse-reactions prose names in the sentences that lead into the table ("In study MA-17, … Table 3
    describes …"): openFDA gives these tables apart from the prose, after everything else."""
    start = grids.adverse_prose_start(source)
    text = source.text
    tables_at = text.find(grids.ADVERSE_TABLES_HEADING)
    if start >= len(text) or not 0 <= tables_at < start:
        return found
    trials = _trial_names(text, start, label_scene(source).drugs)
    named = build.any_word(tuple(sorted(trials, key=len, reverse=True))) if trials else None
    if named is None:
        return found
    placed: dict[str, str] = {}
    for caption in safety_patterns.CAPTION.finditer(text, start):
        near = max(start, caption.start() - reach.before("trial_of_adverse_table"))
        before = [m.group(0) for m in named.finditer(text, near, caption.end())]
        if before:
            placed.setdefault(f"Table {caption.group('number')}", trials[before[-1].lower()])
    return [
        replace(m, trial=placed[m.table])
        if m.trial is None and m.table in placed and tables_at <= m.span[0] < start
        else m
        for m in found
    ]


def _trial_names(text: str, start: int, drugs: tuple[str, ...]) -> dict[str, str]:
    """Each trial name the label introduces (lower-case) → the name it goes by, the one its
    efficacy sections print when they print it too: the safety section's "SOLO- 1" is "SOLO-1".
    A name with the drug's in it ("TECENTRIQ-treated patients") is no trial's."""
    drug = build.any_word(tuple(name.lower() for name in drugs)) if drugs else None
    known = {_letters(name): name for name in trials_introduced(text[:start])}
    return {
        name.lower(): known.get(_letters(name), name)
        for name in trials_introduced(text)
        if drug is None or not drug.search(name)
    }


def _letters(name: str) -> str:
    """A name's letters and digits, lower-case: how two printings of one name compare."""
    return "".join(character for character in name.lower() if character.isalnum())


def _rates(
    source: str, sentence: str, offset: int, match: regex.Match[str], trial: str | None, drug: str | None
) -> list[Measurement]:
    """The match's share, and each further arm's share the clause gives after it."""
    grade = (match.group("severity") or "all").lower()
    change = next((name for name in CHANGES if match.group(name)), None)
    endpoint = CHANGES[change] if change else ADVERSE_REACTIONS
    shares = [(match, _arm_after(sentence, match.end("value")) or drug)]
    further = patterns.FURTHER_SHARE.match(sentence, _arm_end(sentence, match.end("value")))
    while further is not None:
        arm = _arm_after(sentence, further.end("value"))
        if arm is None:
            break  # a share of no named arm: another quantity, or one we cannot place
        shares.append((further, arm))
        further = patterns.FURTHER_SHARE.match(sentence, _arm_end(sentence, further.end("value")))
    return [
        _section_value(
            source, offset, share, statistic="rate", trial=trial, endpoint=endpoint, arm=arm, unit="%", grade=grade
        )
        for share, arm in shares
    ]


def _event_rates(
    source: str, sentence: str, offset: int, match: regex.Match[str], trial: str | None, drug: str | None
) -> list[Measurement]:
    """An event's rate per 100 patient-years ("the rate of serious infections was 4.6 per 100
    patient-years in 7304 HUMIRA-treated patients"), and the further arm's rate the clause compares it
    with ("versus a rate of 3.1 … in 4232 control-treated patients"), the event its endpoint."""
    arm = patterns.TREATED_ARM_AFTER.match(sentence, match.end())
    rates = [(match, arm.group("arm") if arm else drug)]
    further = patterns.FURTHER_EVENT_RATE.match(sentence, arm.end() if arm else match.end())
    other = patterns.TREATED_ARM_AFTER.match(sentence, further.end()) if further else None
    if further is not None and other is not None:  # a rate of no named arm is left unread
        rates.append((further, other.group("arm")))
    event = str(match.group("event"))
    return [
        _section_value(
            source,
            offset,
            rate,
            statistic="event_rate",
            trial=trial,
            endpoint=event,
            arm=arm_name,
            unit="per 100 patient-years",
        )
        for rate, arm_name in rates
    ]


def _section_value(
    source: str,
    offset: int,
    value: regex.Match[str],
    *,
    statistic: str,
    unit: str,
    trial: str | None,
    endpoint: str | None,
    arm: str | None,
    grade: str | None = None,
) -> Measurement:
    """The measurement of a value the section's prose prints (group ``value`` of ``value``, its span
    counted from the sentence's ``offset``), with what the sentence says of it."""
    return Measurement(
        source=source,
        statistic=statistic,
        value=float(value.group("value")),
        raw=value.group("value"),
        span=(offset + value.start("value"), offset + value.end("value")),
        trial=trial,
        endpoint=endpoint,
        arm=arm,
        unit=unit,
        grade=grade,
        table=SECTION,
    )


def _arm_after(sentence: str, value_end: int) -> str | None:
    """The arm named right after a share ("% of patients receiving IMFINZI", "% of patients in the
    TECENTRIQ and bevacizumab arm", "% of REPATHA-treated patients"), as printed."""
    treated = patterns.TREATED_ARM_OF.match(sentence, value_end)
    if treated is not None and arm_mentions(treated.group("arm")):
        return str(treated.group("arm"))
    of_trial = patterns.ARM_OF_TRIAL.match(sentence, value_end)
    if of_trial is not None and arm_mentions(of_trial.group("arm")):
        return str(of_trial.group("arm")).strip()
    lead = patterns.ARM_AFTER.match(sentence, value_end)
    if lead is None:
        return None
    window = sentence[lead.end() : lead.end() + _ARM_REACH]
    stop = patterns.ARM_END.search(window)
    window = window[: stop.start()] if stop else window
    mentions = arm_mentions(window)
    if not mentions or mentions[0][0] != 0:
        return None
    return window.strip() or None


def _arm_end(sentence: str, value_end: int) -> int:
    """Where the words of a share's arm end: at the next "and", "versus", comma or bracket."""
    treated = patterns.TREATED_ARM_OF.match(sentence, value_end)
    if treated is not None:
        return int(treated.end())
    of_trial = patterns.ARM_OF_TRIAL.match(sentence, value_end)
    if of_trial is not None:
        return int(of_trial.end())
    lead = patterns.ARM_AFTER.match(sentence, value_end)
    position = lead.end() if lead else value_end + 1
    stop = patterns.ARM_END.search(sentence, position)
    return stop.start() if stop else len(sentence)
