"""Endpoints the vocabulary does not know, named by the label's own words.

Cardiovascular and thrombosis labels name their endpoints in table rows ("Stroke, MI or CV death",
"All-cause mortality", "Time to first fatal or non-fatal myocardial infarction"); an article says
"the HR for stroke, MI or cardiovascular death was 0.74" or "heart attacks happened in 4.6%". When
the vocabulary names no endpoint in a claim's sentence, a label endpoint is the claim's when the
words before the value name exactly its parts, in any order: both sides in the same words
(abbreviations written out, plain words as the label says them, a row's lead-in "Time to first"
dropped; ``data/quantities.json``). A list that goes on past the label's parts, or a part named
alone where the label's endpoint is a composite, names no label endpoint: "stroke or systemic
embolism" is not "Stroke", and "stroke" is not "Stroke, MI or CV death".
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache, lru_cache

import regex

from extractors.records import Claim, Measurement
from extractors.text import vocabulary
from extractors.text.facts import per_document
from extractors.text.patterns import build
from extractors.text.patterns import verdicts as patterns
from extractors.verdicts import matching, quantity, shares
from extractors.verdicts.quantity import LabelView

# Words that join the parts of a composite endpoint ("," is one, a word of its own).
_JOINS = frozenset({"or", "and", "plus", ","})
# Joins that say a list goes on: a part next to one of these is one part of a longer list (a comma
# may end a clause instead: "For heart attacks, the hazard ratio was 0.84").
_LIST_JOINS = frozenset({"or", "and", "plus"})
# How many words before the value an endpoint may be named in: "heart attack, stroke or CV death was
# 111 per 1,000 patient-years on Brilinta compared with 131 on clopidogrel, a hazard ratio of 0.84".
_WORDS_BEFORE = 40

Words = tuple[str, ...]


@cache
def _abbreviations() -> dict[str, Words]:
    pairs = (entry.split("=", 1) for entry in quantity.words("endpoint_words", "abbreviations"))
    return {short: tuple(long.split()) for short, long in pairs}


@cache
def _synonyms() -> tuple[tuple[Words, Words], ...]:
    """(phrase, the label's words for it), the longest phrase first."""
    pairs = (entry.split("=", 1) for entry in quantity.words("endpoint_words", "synonyms"))
    found = [(tuple(phrase.split()), tuple(label.split())) for phrase, label in pairs]
    return tuple(sorted(found, key=lambda pair: -len(pair[0])))


@cache
def _synonyms_by_first() -> dict[str, tuple[tuple[Words, Words], ...]]:
    """`_synonyms` by the first word of their phrase, in the same order: a word is compared only with
    the phrases it can start, not with all of them."""
    grouped: dict[str, list[tuple[Words, Words]]] = {}
    for phrase, label in _synonyms():
        grouped.setdefault(phrase[0], []).append((phrase, label))
    return {first: tuple(pairs) for first, pairs in grouped.items()}


@cache
def _qualifiers() -> frozenset[str]:
    return frozenset(quantity.words("endpoint_words", "qualifiers"))


@cache
def _caption_subjects() -> tuple[tuple[str, str], ...]:
    pairs = (entry.split("=", 1) for entry in quantity.words("endpoint_words", "caption_subjects"))
    return tuple((word, name) for word, name in pairs)


@cache
def _lead_ins() -> tuple[Words, ...]:
    return tuple(
        sorted((tuple(p.split()) for p in quantity.words("endpoint_words", "lead_ins")), key=len, reverse=True)
    )


@per_document  # a claim's sentence is asked again for each of its claims, and twice for each
def endpoint_words(text: str) -> Words:
    """The words of ``text`` in lower case, abbreviations written out, plain words as a label says
    them: "Stroke, MI or CV death" → ("stroke", ",", "myocardial", "infarction", "or",
    "cardiovascular", "death"); "heart attacks" → ("myocardial", "infarction")."""
    out: list[str] = []
    for word in patterns.ENDPOINT_WORD.findall(text.lower()):
        written = ("or",) if word in {"/", "+"} else _abbreviations().get(word, (word,))  # "Fatal/Life-threatening"
        out.extend(written[_restated(out, written) :] if word in _abbreviations() else written)
    return _as_label_says(tuple(out))


def _restated(out: list[str], written: Words) -> int:
    """How many of an abbreviation's words the words before it already say: all of "Intracranial
    Hemorrhage (ICH)", "Gastrointestinal (GI)"; the first of "Intracranial (ICH)" (its rest is added)."""
    for size in range(len(written), 0, -1):
        if tuple(out[-size:]) == written[:size]:
            return size
    return 0


def _as_label_says(words: Words) -> Words:
    """The words with each synonym said as the label says it, again until none is left: "recurrent
    clots" is venous thromboembolism, which is deep vein thrombosis or pulmonary embolism."""
    for _ in range(_SYNONYM_ROUNDS):
        said = _synonyms_once(words)
        if said == words:
            break
        words = said
    return words


_SYNONYM_ROUNDS = 3  # a plain word, its label name, that name's parts


def _synonyms_once(words: Words) -> Words:
    out: list[str] = []
    index = 0
    while index < len(words):
        for phrase, label in _synonyms_by_first().get(words[index], ()):
            if words[index : index + len(phrase)] == phrase:
                out.extend(label)
                index += len(phrase)
                if label and words[index : index + len(label)] == label:
                    index += len(label)  # "a blood clot elsewhere in the body (systemic embolism)": said twice
                break
        else:
            out.append(words[index])
            index += 1
    return tuple(out)


@lru_cache(maxsize=4096)  # a label's endpoints, asked for again at each claim
def endpoint_parts(endpoint: str) -> frozenset[Words]:
    """The parts of a label endpoint, its lead-in dropped: "Time to first CV death, MI, or stroke" →
    {("cardiovascular", "death"), ("myocardial", "infarction"), ("stroke",)}."""
    words = endpoint_words(endpoint)
    for lead_in in _lead_ins():
        if words[: len(lead_in)] == lead_in:
            words = words[len(lead_in) :]
            break
    parts: list[Words] = []
    current: list[str] = []
    for word in (*words, ","):
        if word in _JOINS:
            if current:
                parts.append(tuple(current))
            current = []
        else:
            current.append(word)
    return frozenset(parts)


def named_label_endpoint(claim: Claim, endpoints: Iterable[str | None]) -> str | None:
    """The label endpoint (of ``endpoints``) whose parts the words before the claim's value name,
    nearest the value; None when the endpoint named nearest the value (a label row's parts or an
    endpoint in plain words, "bleeding inside the skull") is none of them, is a part of a longer
    list, or two rows are named alike."""
    if claim.value_span is None:
        return None
    by_parts: dict[frozenset[Words], set[str]] = {}
    for endpoint in {e for e in endpoints if e}:
        parts = endpoint_parts(endpoint)
        if parts and not all(set(part) <= _qualifiers() for part in parts):  # "Major": a bleeding table's row
            by_parts.setdefault(parts, set()).add(endpoint)
    if not by_parts:
        return None
    known = frozenset(part for parts in by_parts for part in parts) | _plain_endpoints()
    before = endpoint_words(_without_trial(claim.text[: claim.value_span[0] - claim.span[0]], claim.trial))
    before = before[-_WORDS_BEFORE:]
    runs = _runs(before, known) or _runs(_words_after(claim), known)[:1]
    if not runs or runs[-1] is None:
        return None  # the nearest endpoint named is one part of a longer list
    named = by_parts.get(runs[-1]) or by_parts.get(_without_subject(runs[-1]))
    if named is not None and len(named) > 1:
        named = _spelled_out(named, claim.text)
    if named is None or len(named) != 1:
        return None  # another endpoint than the label's rows, or two rows named alike: which one is not said
    return next(iter(named))


def _spelled_out(rows: set[str], text: str) -> set[str] | None:
    """Of rows named alike, the one whose printed name (its parenthesis aside) the sentence prints: XARELTO's
    "Intracranial Hemorrhage (ICH)" for "intracranial hemorrhage", not the row "ICH" under "Fatal
    Bleeding" that only abbreviates it; None when not exactly one ("ICH" prints both)."""
    said = text.casefold()
    printed = set()
    for row in rows:
        name = patterns.PARENTHETICAL.sub("", row).strip().casefold()
        found = build.standalone(name).search(said) if len(name.split()) > 1 else None  # spelled out only
        if found is not None and not _qualified(said[: found.start()]):
            printed.add(row)
    return printed if len(printed) == 1 else None


def _qualified(before: str) -> bool:
    """Whether the words before a name end with a qualifier: "fatal intracranial hemorrhage" may be
    the row "ICH" under "Fatal Bleeding", not the whole "Intracranial Hemorrhage (ICH)"."""
    words = endpoint_words(before)
    return bool(words) and words[-1] in _qualifiers()


def _without_trial(text: str, trial: str | None) -> str:
    """The text with its trial's name left out: "EINSTEIN DVT" names a trial, not deep vein thrombosis."""
    if not trial:
        return text
    return str(build.standalone(trial).sub(" ", text))


def rows_alike(endpoint: str | None, rows: Iterable[Measurement]) -> list[str]:
    """The other endpoints of ``rows`` whose words are part of ``endpoint``'s, not qualifiers alone:
    "Hemorrhagic" of "Hemorrhagic stroke" (a stroke table's row and a bleeding table's)."""
    if endpoint is None:
        return []
    words = set(endpoint_words(endpoint))
    found = {m.endpoint for m in rows if m.endpoint and m.endpoint != endpoint}
    return sorted(
        e
        for e in found
        if (own := set(endpoint_words(e))) and own < words and not own <= _qualifiers() | _caption_words()
    )


@cache
def _caption_words() -> frozenset[str]:
    return frozenset(name for _, name in _caption_subjects())


def _without_subject(parts: frozenset[Words]) -> frozenset[Words]:
    """The parts with the subject a caption names left off: "gastrointestinal bleeding" is the row
    "Gastrointestinal (GI)" of a bleeding table."""
    subjects = {name for _, name in _caption_subjects()}
    return frozenset(part[:-1] if len(part) > 1 and part[-1] in subjects else part for part in parts)


def _words_after(claim: Claim) -> Words:
    """The words after the claim's value up to the next number, when none before it names an endpoint:
    "Each year, 1.27% of people on Eliquis had a stroke or a blood clot elsewhere in the body"."""
    assert claim.value_span is not None
    after = claim.text[claim.value_span[1] - claim.span[0] :]
    number = patterns.NUMBER_AHEAD.search(after)
    return endpoint_words(after[: number.start() if number else len(after)])[:_WORDS_BEFORE]


@cache
def _plain_endpoints() -> frozenset[Words]:
    """The endpoints the synonyms name ("myocardial infarction", "intracranial hemorrhage"): a
    mention of one nearer the value than a label row's words is what the value is of."""
    return frozenset(label for _, label in _synonyms() if label and not set(label) & _JOINS)  # not "or" of "or a"


def _runs(words: Words, known: frozenset[Words]) -> list[frozenset[Words] | None]:
    """The lists of known parts in ``words``, joined by "," "or" "and", in order; a list next to a
    list-joining word and another word ("stroke or systemic embolism") is part of a longer one: None
    (not after a number: "(HR 0.79, 95% CI 0.69 to 0.91), and heart attacks fell too")."""
    longest = max(len(part) for part in known)
    runs: list[frozenset[Words] | None] = []
    index = 0
    while index < len(words):
        part = _part_at(words, index, known, longest)
        if part is None:
            index += 1
            continue
        opened_by_join = index > 1 and words[index - 1] in _LIST_JOINS and _is_word(words[index - 2])
        found = [part]
        index += len(part)
        while True:
            gap = index
            while gap < len(words) and words[gap] in _JOINS:
                gap += 1
            following = _part_at(words, gap, known, longest) if gap > index else None
            if following is None:
                break
            found.append(following)
            index = gap + len(following)
        left_open = index + 1 < len(words) and words[index] in _LIST_JOINS and _is_word(words[index + 1])
        runs.append(frozenset(found) if not opened_by_join and not left_open else None)
    return runs


def _is_word(token: str) -> bool:
    """Whether a token is a word that may name a part ("embolism"), not a number or a comma."""
    return token not in _JOINS and not token.isdigit()


def _part_at(words: Words, index: int, known: frozenset[Words], longest: int) -> Words | None:
    """The longest known part that starts at ``index``."""
    for size in range(min(longest, len(words) - index), 0, -1):
        if words[index : index + size] in known:
            return words[index : index + size]
    return None


def names_endpoint(claim: Claim) -> bool:
    """Whether the claim's sentence names its endpoint, rather than the reader taking it from the
    sentences before ("Cancer was held in check for a median of 7.3 months" after a sentence on OS); an
    article table's cell names it by its column header ("Median PFS, months")."""
    said_with = f"{claim.column or ''} {claim.text}"
    named = {code for code, _, _ in vocabulary.endpoint_mentions(said_with, sentence=True)}
    return claim.endpoint in named or bool(named & vocabulary.same_composite(claim.endpoint or ""))


def label_named(claim: Claim, view: LabelView, family: str) -> str | None:
    """The label endpoint a claim names in the label's own words, when the vocabulary names none (or
    the one a first reading of it took from those words, read again)."""
    if family not in {"rate", "events", "hr", "rr", "median", "event_rate", "p", "rrr"}:
        return None
    if claim.endpoint is not None and not vocabulary.endpoint_phrases(claim.endpoint):
        if named_label_endpoint(claim, (claim.endpoint,)) or (family == "rate" and shares.referred(claim)):
            return _label_row_alike(claim.endpoint, claim, view, family) or claim.endpoint
        if names_endpoint(claim):
            return None  # named in the sentence in the vocabulary's words ("death or the need for ECMO")
        # a label row taken from the sentences before: this one's words may name another row ("The
        # difference came from ECMO … Deaths were few: 14% of control infants died" names Death)
    elif claim.endpoint is not None and names_endpoint(claim):
        return None  # the vocabulary's own endpoint, named in the sentence
    # none, or the vocabulary's taken from the sentences before: the label's words in this one win
    # ("Stroke or death occurred in 5.4% … Looking at strokes alone, the figures were 5.1% and 6.3%")
    pool = view.measurements if not claim.trial else matching.of_trial(claim.trial, view.measurements)
    rows = [m for m in pool if m.statistic == family and m.endpoint]
    names = {_row_name(m.endpoint or "", m, view): m.endpoint for m in rows}
    names.update(_defined(rows, view, family))
    names.update(_shorter_names(rows, view, names, _names_definition(claim)))
    named = named_label_endpoint(claim, names)
    return names[named] if named is not None else None


def label_composite(claim: Claim, view: LabelView) -> str | None:
    """The code the claim's trial's label gives its composite endpoint by, when the article names it
    by another code of that composite only in lay words or in the sentences before: "recurrence or
    death had occurred in 135 (26%)" is read as DFS; KEYNOTE-054's label reports RFS (recurrence or
    death) and no DFS, so the claim is of RFS. None when the sentence prints the code's own name
    ("disease-free survival") or the label reports none or several of the composite's codes."""
    kin = vocabulary.same_composite(claim.endpoint or "")
    if not kin or claim.endpoint in {code for code, _, _ in vocabulary.endpoint_mentions(claim.text)}:
        return None
    pool = view.measurements if not claim.trial else matching.of_trial(claim.trial, view.measurements)
    reported = {m.endpoint for m in pool if m.endpoint in kin}
    return reported.pop() if len(reported) == 1 and claim.endpoint not in reported else None


_DEFINITION_REACH = 1500  # characters from a table's caption to its row where its notes define a row
# characters before a caption where the prose introducing the table defines its primary endpoint: "XARELTO
# was demonstrated to be non-inferior … for the primary composite endpoint of time to first occurrence of
# recurrent DVT or non-fatal or fatal PE […]. Table 20 displays the overall results …"
_DEFINITION_BEFORE = 600


def _defined(rows: Iterable[Measurement], view: LabelView, family: str) -> dict[str, str]:
    """The parts a table's notes give a row that names a primary endpoint alone: XARELTO's "Primary
    Composite Endpoint" is "stroke or non-CNS systemic embolism" ("The primary endpoint was the time to
    first occurrence of stroke (any type) or non-CNS systemic embolism"), so an article naming those
    parts names that row. The notes between the row's caption and the row count, else the prose that
    introduces the table (`_introduced`). Only a row of one trial: among several trials' rows of that
    name (a claim naming no trial), the parts would name another trial's row too."""
    found: dict[str, str] = {}
    rows = list(rows)
    trials: dict[str, set[str]] = {}
    for m in rows:
        trials.setdefault(m.endpoint or "", set()).add(matching.trial_key(m))
    for m in rows:
        if m.statistic != family or not m.endpoint or not m.table or not patterns.PRIMARY_ROW.match(m.endpoint):
            continue
        if len(trials[m.endpoint]) > 1:
            continue  # several trials' "Primary Composite Endpoint": a sentence naming no trial names none
        text = view.texts.get(m.source, "")
        caption_at = text.rfind(m.table, max(0, m.span[0] - _DEFINITION_REACH), m.span[0])
        said = patterns.PRIMARY_DEFINED.search(text, caption_at, m.span[0]) if caption_at >= 0 else None
        if said is None:
            said = _introduced(text, m.table)
        if said is not None:
            found.setdefault(patterns.PARENTHETICAL.sub("", said.group("definition")).strip(), m.endpoint)
    return found


@lru_cache(maxsize=256)  # a label's few primary rows, asked of at each claim
def _introduced(text: str, table: str) -> regex.Match[str] | None:
    """The definition of the primary endpoint in the prose just before the label first names a table
    ("… for the primary composite endpoint of time to first occurrence of recurrent DVT or non-fatal or
    fatal PE […]. Table 20 displays …"): the last one before it, nearest the table."""
    first = build.standalone(table).search(text)
    if first is None:
        return None
    found = list(patterns.PRIMARY_DEFINED.finditer(text, max(0, first.start() - _DEFINITION_BEFORE), first.start()))
    return found[-1] if found else None  # the last, nearest the table


def _label_row_alike(endpoint: str, claim: Claim, view: LabelView, family: str) -> str | None:
    """The label's one endpoint (of the claim's trial and statistic) with the same parts as an
    endpoint an article's table row names in its own words: "nonfatal MI" is the label's "Nonfatal
    MI"; "CV death, MI or stroke" its "CV death, nonfatal MI, or nonfatal stroke" (beside death, a
    composite's MI and stroke are the nonfatal ones). None when no row or several are alike."""
    wanted = _composite_key(endpoint_parts(endpoint))
    rows = view.measurements if not claim.trial else matching.of_trial(claim.trial, view.measurements)
    alike = {m.endpoint for m in rows if m.statistic == family and m.endpoint}
    found = {e for e in alike if _composite_key(endpoint_parts(e)) == wanted}
    return next(iter(found)) if wanted and len(found) == 1 else None


def _composite_key(parts: frozenset[Words]) -> frozenset[Words]:
    """The parts of an endpoint, "nonfatal" dropped from those of a composite that counts deaths."""
    if len(parts) < 2 or not any("death" in part for part in parts):
        return parts
    return frozenset(tuple(word for word in part if word not in _NONFATAL) for part in parts)


_NONFATAL = frozenset({"nonfatal", "non-fatal", "non"})


def _row_name(endpoint: str, m: Measurement, view: LabelView) -> str:
    """The words a row's endpoint is named by: its own, and for a row its table's caption names the
    subject of ("Major" in "Table 1 - Non-CABG related bleeds"), the caption's subject after them
    ("Major bleeding")."""
    parts = endpoint_parts(endpoint)
    if not m.table or not parts or not all(set(part) <= _qualifiers() for part in parts):
        return endpoint
    caption = set(endpoint_words(view.context(m).split(m.row or "\0")[0]))
    subject = next((name for word, name in _caption_subjects() if word in caption), None)
    return f"{endpoint} {subject}" if subject else endpoint


def _names_definition(claim: Claim) -> bool:
    """Whether the claim's sentence names a bleeding definition ("TIMI major bleeding"), not only its
    trial of that name ("In PLATO, major or minor bleeding …")."""
    said = _definitions().intersection(endpoint_words(claim.text))
    return bool(said - set(endpoint_words(claim.trial or "")))


@cache
def _definitions() -> frozenset[str]:
    return frozenset(quantity.words("endpoint_words", "bleeding_definitions"))


def _shorter_names(
    rows: Iterable[Measurement], view: LabelView, names: dict[str, str | None], definition_said: bool
) -> dict[str, str | None]:
    """The names a row is also named by, with words an article leaves off: the bleeding definition a row
    opens with ("PLATO Major + Minor" is "major or minor bleeding" in a sentence that names no
    definition: the label's table gives its trial's one), a parenthesis of qualifiers only
    ("Intracranial hemorrhage (Fatal/Life-threatening)"). A shorter name two rows share, or one with
    the parts of a row's own name, names neither."""
    taken = {endpoint_parts(name) for name in names}
    found: dict[str, set[str]] = {}
    for m in rows:
        endpoint = m.endpoint or ""
        for shorter in _left_off(endpoint, definition_said):
            name = _row_name(shorter, m, view)
            if endpoint_parts(name) and endpoint_parts(name) not in taken:
                found.setdefault(name, set()).add(endpoint)
    return {name: next(iter(rows_named)) for name, rows_named in found.items() if len(rows_named) == 1}


def _left_off(endpoint: str, definition_said: bool) -> list[str]:
    """``endpoint`` without an opening bleeding definition (unless the sentence names one) and without a
    closing parenthesis of qualifiers, where it has them."""
    shorter = []
    first, _, rest = endpoint.partition(" ")
    if not definition_said and rest and first.lower() in _definitions():
        shorter.append(rest)
    for name in (endpoint, *shorter):
        bracket = patterns.PARENTHETICAL.search(name)
        inside = set(endpoint_words(bracket.group())) if bracket and bracket.end() == len(name) else set()
        if inside and inside <= _qualifiers() | _JOINS:
            shorter.append(name[: bracket.start()])
    return shorter
