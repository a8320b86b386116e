"""Find the claims an article makes: one per asserted trial statistic, one per scope statement.

A numeric claim is a number with a statistical context: a median with a time unit, a hazard
ratio (with its CI as part of the same claim), a rate in percent, a count of patients, a
p-value, a dose ("800 mg once daily"), or a derived figure ("reduced the risk of progression by
65%", i.e. 1 − HR). Each claim's arm, endpoint, population and trial are resolved from its
sentence and the context before it (earlier sentences in the section, the trial named last).

Numbers that are not trial statistics make no claim at all, so they can never be reported as
contradicted: citation markers ("… once daily 2", "… in 3, 4", "[5]"), dates ("May 16, 2025"),
ranges that are not CIs ("50-60 Gy", "5-10 years"), sizes and doses of radiation (">5 cm"),
labels such as "(R0)", "G2-3", "exon 19", "stage IV", ratios such as "(2:1)", a median age or
follow-up, and a duration with no endpoint ("after 5 years"). This is a decision: an editor
gains nothing from a list of unverifiable dates and sizes.

A qualitative (scope) claim is a sentence that names a drug and says what it is the treatment
for or whom it helps ("The treatment for soft tissue sarcoma of the thigh is pazopanib 800 mg
once daily."); `extractors.scope` checks it. Sentences about surgery or radiation, which no drug
label can check, are not made claims.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import regex

from extractors.ingest.articles import section_of
from extractors.records import Article, Claim, Span
from extractors.text import vocabulary
from extractors.text.names import arm_mentions

# --- data ---------------------------------------------------------------------------------


@cache
def _data() -> dict[str, Any]:
    keys = ("drug_aliases", "extra_endpoints", "time_to_event_endpoints", "value_lead_words", "number_blockers")
    return vocabulary.load_data("claims.json", keys)


def _words(key: str) -> tuple[str, ...]:
    return tuple(str(word).lower() for word in _data()[key])


@cache
def _phrases(key: str) -> regex.Pattern[str]:
    """One case-insensitive pattern for a list of phrases, longest first, on word boundaries."""
    ordered = sorted(_words(key), key=len, reverse=True)
    body = "|".join(regex.escape(word) for word in ordered)
    return regex.compile(rf"(?<![\w/])(?:{body})(?![\w/])", regex.I)


def time_to_event() -> frozenset[str]:
    return frozenset(str(code) for code in _data()["time_to_event_endpoints"])


# --- patterns -------------------------------------------------------------------------------

# A number as articles print it: "4.6", "246", "115,815", not a piece of "R0", "G2" or "3.9.2".
_NUMBER = regex.compile(
    r"""
    (?<![\w.,:/])                    # not inside a word ("R0", "G2"), a date ("2:1") or a path
    (?P<num>\d{1,3}(?:,\d{3})+|\d+)  # integer part, maybe with thousands separators
    (?P<frac>\.\d+)?                 # decimals
    (?![\w/]|\.\d|:\d)               # not followed by letters ("19th"), more decimals, or ":1"
    """,
    regex.VERBOSE,
)
# Citation markers inside a sentence: "[3]", "[1–3]", "[4, 5]".
_BRACKET_CITE = regex.compile(r"\[\s*(\d{1,3}(?:\s*[,;–-]\s*\d{1,3})*)\s*\]")
# Bare citation numbers ending a sentence: "… once daily 2", "… for placebo 2.", "… in 3, 4",
# "… for pazopanib. 2". Not when the word before takes a value ("was 369.").
_TRAILING_CITE = regex.compile(
    r"""
    (?P<before>[A-Za-z)\]%][^\S\n]+|\.[^\S\n]+)        # a word, bracket or period, then a space
    (?P<cites>\d{1,3}(?:[^\S\n]*,[^\S\n]*\d{1,3})*)           # "2", "3, 4", "3, 4, 5"
    [^\S\n]*\.?[^\S\n]*$                                    # an optional final period
    """,
    regex.VERBOSE,
)
# A CI after an estimate: "(0.26, 0.48)", "(95% CI, 0.26-0.48)", "(95% CI: 0.26 to 0.48)",
# ", 95% CI 0.26–0.48" (no brackets, then the words "CI" are required).
_CI_AFTER = regex.compile(
    r"""
    ^\s*[;,]?\s*(?P<open>[(\[])?\s*              # an opening bracket right after the value, or none
    (?:(?P<level>\d{2}(?:\.\d)?)\s*%\s*)?        # "95%"
    (?P<ci>CI|confidence\s+interval)?\s*[:,=]?\s* # "CI,", "CI:"
    (?P<low>\d+(?:\.\d+)?)\s*(?:[-–—−,;]|\bto\b)\s*(?P<high>\d+(?:\.\d+)?)
    \s*(?(open)[)\]])                             # the closing bracket, if it opened
    """,
    regex.VERBOSE | regex.I,
)
# A date: "May 16, 2025", "16 May 2025", "2025-05-16".
_DATE = regex.compile(
    r"""
    \b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}
    | \b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{4}
    | \b\d{4}-\d{2}-\d{2}\b
    | \b(?:19|20)\d{2}\b                       # a bare year
    """,
    regex.VERBOSE,
)
# A ratio such as "(2:1)" or "1:1".
_RATIO = regex.compile(r"\b\d+\s*:\s*\d+\b")
# A hazard ratio just before the value: "HR 0.35", "HR=0.35", "hazard ratio of 0.35",
# "HR (95% CI) 0.35", "hazard ratio was 0.35".
_HR_BEFORE = regex.compile(
    r"""
    \b(?:HR|hazard\s+ratio)\b                         # the statistic
    (?:\s*\(\s*95\s*%\s*CI\s*\))?                     # "(95% CI)"
    (?:\s*(?:for|of|in|among)\s+[\w\s–-]{1,60}?)?   # "for PFS", "in patients with stage II to IIIA disease"
    \s*(?:[:=,]|\bof\b|\bwas\b|\bwere\b|\bis\b)?\s*$  # "=", "of", "was"
    """,
    regex.VERBOSE | regex.I,
)
# A p-value: "p<0.001", "P = 0.02", "p-value < 0.001".
_P_BEFORE = regex.compile(r"\bp(?:[- ]?value)?\s*(?P<op>[<=>≤≥])\s*$", regex.I)
# "N = 246", "n=109".
_N_BEFORE = regex.compile(r"\bn\s*=\s*$", regex.I)
# A dose with its schedule: "800 mg once daily", "80 mg orally once daily", "200 mg/m2 every 3 weeks".
_DOSE_AFTER = regex.compile(
    r"""
    ^\s*(?P<unit>mg/m2|mg/m²|mg/kg|mg|mcg|µg|g)\b        # unit
    (?P<schedule>
      (?:\s+(?:orally|by\s+mouth|intravenously|iv|po))?   # route
      \s+(?:once|twice|three\s+times)\s+(?:a\s+)?(?:daily|day|weekly|week)  # "once daily"
      | (?:\s+(?:orally|intravenously))?\s+(?:daily|weekly)
      | \s+every\s+\d+\s+(?:days|weeks|hours)
    )?
    """,
    regex.VERBOSE | regex.I,
)
# A time unit right after the value: "4.6 months", "20 weeks", "2 years".
_TIME_AFTER = regex.compile(r"^\s*(?P<unit>months?|mos?\.?|weeks?|wks?|years?|yrs?|days?)\b", regex.I)
# A percentage right after the value, not a CI level: "4%", "65 percent".
_PERCENT_AFTER = regex.compile(r"^\s*(?:%|percent\b|per\s+cent\b)(?!\s*(?:CI\b|confidence))", regex.I)
_CI_LEVEL_AFTER = regex.compile(r"^\s*%\s*(?:CI\b|confidence)", regex.I)
# Words that tie a value to the next value's unit: "4.6 vs 1.6 months", "4.6 and 1.6 months".
_JOIN = regex.compile(r"^\s*(?:vs\.?|versus|and|or|to|,|compared\s+(?:with|to))\s*$", regex.I)
# A relative risk reduction: "reduced the risk of progression by 65%", "a 65% reduction in the risk".
_REDUCTION = regex.compile(
    r"\b(?:reduc\w*|lower\w*|decreas\w*|cut)\b[^.]{0,60}?\brisk\b|\brisk\b[^.]{0,60}?\breduc\w*", regex.I
)
# Sentence boundaries: a period, "!" or "?" and spaces before a capital (not "vs.", "e.g.", "0. 39").
_SENTENCE_END = regex.compile(
    r"""
    (?<!\b(?:vs|e\.g|i\.e|et\ al|Fig|No|approx|Dr|al|cf|ca))  # not an abbreviation
    [.!?]                                                     # the sentence end
    [)\]"”’]*                                                 # closing quotes or brackets
    (?=\s+[A-Z“"‘(\[])                                        # then a capital
    """,
    regex.VERBOSE,
)
_BULLET = regex.compile(r"^[ \t]*(?:[•◦▪‣\-*]|\d+\.(?=\s))[ \t]*")
# A trial named in the text: "NCT00753688", "VEG110727", "AURA3", "the FLAURA trial".
_TRIAL = regex.compile(
    r"""
    \b(?P<nct>NCT\d{8})\b
    | \b(?P<code>[A-Z]{2,}[A-Z-]*\d{2,}[A-Z]?|[A-Z]{3,}\d)\b         # "VEG110727", "AURA3"
    | \b(?P<name>[A-Z][A-Z0-9-]{3,})\s+(?:trial|study)\b              # "FLAURA trial"
    """,
    regex.VERBOSE,
)
_NOT_TRIALS = frozenset({"NCCN", "ESMO", "ASCO", "WHO", "FDA", "EMA", "RECIST", "ECOG", "NSCLC", "STS"})
# A subgroup the sentence names: "in the leiomyosarcoma subgroup", "synovial sarcoma subgroup".
_SUBGROUP = regex.compile(
    r"""
    (?P<pop>[\w‘’'\- ]{3,50}?)\s+(?:subgroups?|subsets?|cohorts?|subpopulations?)\b
    """,
    regex.VERBOSE | regex.I,
)
# Scope statements: "X is the treatment for Y", "the treatment for Y is X", "first-line
# treatment for Y", "indicated for", "for all patients with".
_SCOPE = regex.compile(
    r"""
    \b(?:is|are|remains?|represents?)\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?
        (?:treatment|therapy|option|choice|standard\s+of\s+care|drug)\s+(?:for|of|in)\b
    | \b(?:the|a)\s+(?:[\w-]+\s+){0,2}?(?:treatment|therapy)\s+(?:for|of)\s+[^.]{3,120}?\s+(?:is|are)\b
    | \bfirst[- ]line\s+(?:treatment|therapy)\s+(?:for|of)\b
    | \bindicated\s+for\b
    | \b(?:is|are)\s+(?:now\s+)?(?:recommended|effective|approved|used|preferred)\s+(?:as\s+[\w\s-]{1,30}?\s+)?(?:for|in)\s+(?!combination|addition|a\s+(?:trial|study)|the\s+(?:trial|study)|clinical)\w
    | \bfor\s+all\s+patients\s+with\b
    | \b(?:benefits?|helps?|cures?)\s+(?:all\s+)?patients\s+with\b
    | \bshould\s+(?:be\s+treated\s+with|receive)\b
    """,
    regex.VERBOSE | regex.I,
)
_NEGATION = regex.compile(r"\b(?:not|no|never|neither|nor)\b", regex.I)
# A statement about statistical significance of a difference between arms: "significantly
# prolonged PFS", "a statistically significant improvement in OS", "no significant difference in PFS".
# Not "varies significantly across regions" or "a significant challenge".
_SIGNIFICANT = regex.compile(
    r"""
    \b(?:(?P<neg>no|not|non-?)\s*)?(?:statistically\s+)?
    (?:
      significantly\s+(?:\w+\s+){0,2}?
        (?:improv\w*|prolong\w*|longer|shorter|reduc\w*|increas\w*|decreas\w*|better|worse|extend\w*|higher|lower|differ\w*)
      | significant\s+(?:\w+\s+){0,1}?
        (?:improvement|difference|differences|benefit|reduction|prolongation|increase|decrease|advantage)s?
      | (?:was|were|is|are|not)\s+(?:statistically\s+)?significant\b(?!\s+(?:challenge|concern|role|milestone|side|toxicit|adverse))
    )
    """,
    regex.I | regex.VERBOSE,
)
_OVERALL = regex.compile(
    r"\b(?:overall\s+(?:population|ITT|trial)|ITT|intent[- ]to[- ]treat|all\s+(?:randomi[sz]ed\s+)?patients)\b", regex.I
)
# A derived ratio of medians: "more than doubled median PFS", "a 3-fold longer PFS", "nearly tripled".
_FOLD = regex.compile(
    r"""
    \b(?:(?P<hedge>more\s+than|over|nearly|almost|approximately|about|roughly)\s+)?
    (?:(?P<word>doubl|tripl|quadrupl)(?:ed|es|ing)\b
     | (?P<n>\d+(?:\.\d+)?)[- ]?fold\b)
    """,
    regex.VERBOSE | regex.I,
)
_FOLD_WORDS = {"doubl": 2.0, "tripl": 3.0, "quadrupl": 4.0}
_RESPECTIVELY = regex.compile(r"\brespectively\b", regex.I)


# --- sentences ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the article: its span, text with citation markers blanked, and cites."""

    span: Span
    text: str  # article.text[span]
    masked: str  # the same length, with citation markers and dates blanked out
    cites: tuple[str, ...]
    block: int  # sentences in the same paragraph or list item share a block number


def sentences(article: Article) -> tuple[Sentence, ...]:
    """The sentences of the article, headings left out, in order."""
    headings = {heading.lower() for heading, _ in article.sections}
    found: list[Sentence] = []
    offset = 0
    block = 0
    for line in article.text.split("\n"):
        start, offset = offset, offset + len(line) + 1
        body = line.strip()
        block += 1  # context (a subgroup named earlier) carries within one line or paragraph only
        if not body:
            continue
        lead = _BULLET.match(line)
        first = start + (lead.end() if lead else len(line) - len(line.lstrip()))
        content = article.text[first : start + len(line)].rstrip()
        if content.rstrip(":").strip().lower() in headings:
            continue
        pieces = _split(content)
        for piece_start, piece_end in pieces:
            text = content[piece_start:piece_end]
            found.append(_sentence(first + piece_start, text, block))
    return tuple(found)


def _split(text: str) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        pieces.append((start, match.end()))
        start = match.end()
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text):
        pieces.append((start, len(text)))
    return [(a, b) for a, b in pieces if text[a:b].strip()]


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def _sentence(start: int, text: str, block: int) -> Sentence:
    masked = regex.sub(r"[\u2010\u2011\u2012\u2013\u2014\u2212]", "-", text)  # same length: one character each
    cites: list[str] = []
    for match in _BRACKET_CITE.finditer(text):
        cites.extend(part.strip() for part in regex.split(r"[,;]", match.group(1)))
        masked = _blank(masked, match.start(), match.end())
    trailing = _TRAILING_CITE.search(masked)
    if trailing and _is_cite(masked, trailing):
        cites.extend(part.strip() for part in trailing.group("cites").split(","))
        masked = _blank(masked, trailing.start("cites"), trailing.end("cites"))
    for pattern in (_DATE, _RATIO):
        for match in pattern.finditer(masked):
            masked = _blank(masked, match.start(), match.end())
    return Sentence((start, start + len(text)), text, masked, tuple(cites), block)


def _is_cite(text: str, match: regex.Match[str]) -> bool:
    """A bare number ending a sentence is a citation unless the word before it takes a value."""
    before = text[: match.start("cites")].rstrip()
    if before.endswith("."):
        return True
    words = regex.findall(r"[\w=:%]+", before.lower())
    if not words:
        return False
    last = words[-1]
    if last in _words("value_lead_words") or last in _words("number_blockers") or last.endswith("%"):
        return False
    if regex.search(r"\d\s*$", before):
        return False
    return not regex.match(r"\s*(?:months?|weeks?|years?|days?|%|mg|patients)\b", text[match.end("cites") :])


# --- claims ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Number:
    start: int  # offsets in the sentence
    end: int
    value: float
    decimals: int


def find_claims(article: Article) -> tuple[Claim, ...]:
    """Every numeric and scope claim in the article, in order, each with verdict unverifiable."""
    claims: list[Claim] = []
    all_sentences = sentences(article)
    context_endpoint: dict[str | None, str] = {}  # section → endpoint named last
    context_population: tuple[int, str] | None = None  # (block, population)
    for sentence in all_sentences:
        section = section_of(article, sentence.span[0])
        trial = _trial_before(article.text, sentence.span[1])
        population = _population(sentence.masked)
        if _OVERALL.search(sentence.masked):
            context_population = None  # "in the overall population", "ITT": not the subgroup named before
        elif population is None and context_population and context_population[0] == sentence.block:
            population = context_population[1]
        if population is not None:
            context_population = (sentence.block, population)
        found = _numeric_claims(sentence, section, trial, population, context_endpoint.get(section))
        found += _significance_claims(sentence, section, trial, population, context_endpoint.get(section))
        found += _scope_claims(sentence, section, trial)
        found += _fold_claims(sentence, section, trial, population)
        claims.extend(sorted(found, key=lambda claim: (claim.value_span or claim.span)[0]))
        named = vocabulary.last_endpoint(sentence.masked) or _extra_endpoint(sentence.masked)
        if named:
            context_endpoint[section] = named
    return tuple(claims)


def _numbers(masked: str) -> list[_Number]:
    numbers: list[_Number] = []
    for match in _NUMBER.finditer(masked):
        raw = match.group(0)
        frac = match.group("frac") or ""
        numbers.append(_Number(match.start(), match.end(), float(raw.replace(",", "")), max(len(frac) - 1, 0)))
    return numbers


def _numeric_claims(
    sentence: Sentence, section: str | None, trial: str | None, population: str | None, context_endpoint: str | None
) -> list[Claim]:
    masked = sentence.masked
    numbers = _numbers(masked)
    consumed: set[int] = set()  # starts of numbers used as CI bounds
    claims: list[Claim] = []
    blockers = _phrases("number_blockers")
    non_units = _phrases("non_statistic_units")
    for index, number in enumerate(numbers):
        if number.start in consumed:
            continue
        after = masked[number.end :]
        before = masked[: number.start]
        if _CI_LEVEL_AFTER.match(after):
            continue  # "95% CI": the level of an interval, not a claim
        word_before = regex.search(r"([\w-]+)\s*$", before)
        if word_before and blockers.fullmatch(word_before.group(1)):
            continue  # "exon 19", "stage 4", "phase 3", "Table 9"
        is_range = regex.match(r"^\s*(?:[-–—−]|to\b)\s*\d", after) or regex.search(r"\d\s*[-–—−]\s*$", before)
        if is_range and not regex.search(r"[(\[]\s*(?:\d{2}\s*%\s*)?(?:CI)?[\s:,]*$", before[-25:]):
            consumed.update(n.start for n in numbers[index : index + 2])
            continue  # a range that is not an interval: "50-60 Gy", "5-10 years"
        if regex.match(r"^\s*(?:cm|mm)\b", after) or (
            non_units.match(after.strip()[:12]) and not _TIME_AFTER.match(after)
        ):
            continue
        comparator_sign = bool(regex.search(r"[<>≤≥]\s*$", before)) and not _P_BEFORE.search(before)
        claim = _classify(sentence, numbers, index, section, trial, population, context_endpoint, consumed)
        if claim is None or (comparator_sign and claim.statistic not in {"p"}):
            continue
        claims.append(claim)
    return _respectively(sentence, claims)


def _unit_after(masked: str, numbers: list[_Number], index: int) -> tuple[str | None, str]:
    """The unit of a number: right after it, or after the next number it is joined to."""
    position = numbers[index].end
    for following in numbers[index:]:
        after = masked[following.end :]
        if following is not numbers[index] and not _JOIN.match(masked[position : following.start]):
            break
        if _PERCENT_AFTER.match(after):
            return "%", after
        time = _TIME_AFTER.match(after)
        if time:
            return vocabulary.find_unit(time.group("unit").rstrip(".")) or time.group("unit").lower(), after
        if _DOSE_AFTER.match(after) and following is numbers[index]:
            return "mg", after
        position = following.end
    if index > 0:  # "4.1 months on pazopanib vs 0.9 on placebo": the unit of the value compared with
        gap = masked[numbers[index - 1].end : numbers[index].start]
        if len(gap) < 60 and regex.search(r"\b(?:vs\.?|versus|compared\s+(?:with|to))(?!\w)", gap, regex.I):
            unit, _rest = _unit_after(masked, numbers, index - 1)
            if unit in {"months", "weeks", "years", "days", "%"}:
                return unit, masked[numbers[index].end :]
    return None, masked[numbers[index].end :]


def _classify(
    sentence: Sentence,
    numbers: list[_Number],
    index: int,
    section: str | None,
    trial: str | None,
    population: str | None,
    context_endpoint: str | None,
    consumed: set[int],
) -> Claim | None:
    number = numbers[index]
    masked = sentence.masked
    before = masked[: number.start]
    after = masked[number.end :]
    clause_start = max(before.rfind(";"), 0)
    clause_before = before[clause_start:]
    endpoint = _endpoint(masked, number, context_endpoint)
    unit, _ = _unit_after(masked, numbers, index)
    statistic: str | None = None
    ci: tuple[float, float] | None = None
    ci_match = _CI_AFTER.match(after)
    if ci_match and not (ci_match.group("open") or ci_match.group("ci")):
        ci_match = None  # "0.35, 0.26-0.48" without brackets or "CI" is not read as an interval
    if _HR_BEFORE.search(clause_before[-80:]):
        statistic, unit = "hr", None
    elif _P_BEFORE.search(before[-20:]):
        statistic, unit = "p", None
    elif _N_BEFORE.search(before[-10:]):
        statistic, unit = "n", "patients"
    elif unit == "mg":
        dose = _DOSE_AFTER.match(after)
        statistic = "dose"
        unit = " ".join((dose.group(0) if dose else "mg").split())
    elif unit == "%":
        reduction = _REDUCTION.search(masked)
        statistic = (
            "risk_reduction"
            if (reduction and regex.search(r"\bby\s*$", before))
            or (reduction and regex.match(r"^\s*%\s*(?:reduction|lower)", after))
            else "rate"
        )
        named_here = vocabulary.find_endpoint(masked) or _extra_endpoint(masked)
        if statistic == "rate" and _share_of_patients(before, after) and not named_here:
            return None  # "female (59%)", "22% were Asian": a description of the patients
        ci = None
    elif unit in {"months", "weeks", "years", "days"}:
        median_before = regex.search(r"\bmedian\b", masked[: number.start], regex.I)
        if _phrases("non_endpoint_medians").search(masked[max(0, number.start - 40) : number.start]):
            return None  # "a median age of 55 years", "median follow-up of 15 months"
        if endpoint not in time_to_event() and endpoint == context_endpoint and not _named_here(masked):
            endpoint = None  # "Responses lasted 9 months" after a sentence on ORR: not a median ORR
        if endpoint in time_to_event() or (median_before and endpoint is not None):
            statistic = "median"
        else:
            return None  # "after 5 years", "over 5-6 weeks": no endpoint, not a trial statistic
    elif regex.search(r"\d\s+(?:of|out\s+of)\s*$", before) or regex.match(r"^\s*(?:of|out\s+of)\s+\d", after):
        return None  # "3 of 18 patients": a count of events within a sub-analysis, not an arm's N
    elif (
        _count_after(after)
        or regex.search(r"\b(?:randomi[sz]ed|enrolled)\s*(?:a\s+total\s+of\s+)?$", before, regex.I)
        or (  # "369 were randomized: 246 to pazopanib and 123 to placebo"
            regex.search(r"\brandomi[sz]ed\b", masked, regex.I)
            and regex.match(r"^\s*(?:were\s+)?to\s+(?:receive\s+)?\w", after)
        )
    ):
        statistic, unit = "n", "patients"
    else:
        return None
    if statistic in {"hr", "rate"} and ci_match:
        low, high = float(ci_match.group("low")), float(ci_match.group("high"))
        ci = (low, high)
        for other in numbers:
            if number.end + ci_match.start("low") <= other.start < number.end + ci_match.end():
                consumed.add(other.start)
    arm = None if statistic in {"hr", "risk_reduction", "p"} else _arm(masked, numbers, index)
    if statistic == "n" and arm is not None and _both_arms_after(masked, number):
        arm = None  # "369 patients were randomized to pazopanib or placebo": the total
    if statistic == "dose":
        arm = _dose_drug(masked, number)
    if statistic == "hr":
        arm = _first_drug(masked)
    if statistic in {"risk_reduction"} and endpoint is None:
        endpoint = _extra_endpoint(masked)
    start = sentence.span[0]
    return Claim(
        text=sentence.text,
        span=sentence.span,
        value_span=(start + number.start, start + number.end),
        value=number.value,
        statistic=statistic,
        endpoint=endpoint if statistic not in {"dose"} else None,
        arm=arm,
        population=population,
        trial=trial,
        unit=unit,
        ci_low=ci[0] if ci else None,
        ci_high=ci[1] if ci else None,
        section=section,
        cites=sentence.cites,
        ci_low_raw=ci_match.group("low") if ci and ci_match else None,
        ci_high_raw=ci_match.group("high") if ci and ci_match else None,
        ci_level=float(ci_match.group("level")) if ci and ci_match and ci_match.group("level") else None,
    )


def _named_here(masked: str) -> bool:
    return vocabulary.find_endpoint(masked) is not None or _extra_endpoint(masked) is not None


def _share_of_patients(before: str, after: str) -> bool:
    """ "female (59%)", "72% of patients were white": a share of the enrolled patients."""
    if regex.search(r"\(\s*$", before) and regex.match(r"^\s*%?\s*\)", after):
        return True
    return bool(regex.match(r"^\s*%\s*(?:of\s+(?:the\s+)?patients\s+)?(?:were|had|was)\b", after, regex.I))


def _count_after(after: str) -> bool:
    """ "246 patients", "246 randomized patients", "246 were randomized"."""
    nouns = _phrases("count_nouns")
    head = regex.match(r"^\s*(?:[a-z-]+\s+){0,2}?(?P<noun>[a-z]+)\b", after, regex.I)
    if head and nouns.fullmatch(head.group("noun")):
        return True
    return bool(regex.match(r"^\s*(?:were|was)\s+(?:randomi[sz]ed|enrolled)\b", after, regex.I))


def _extra_endpoint(text: str) -> str | None:
    best: tuple[int, str] | None = None
    for code, phrases in _data()["extra_endpoints"].items():
        for phrase in phrases:
            for match in regex.finditer(rf"\b{regex.escape(phrase)}\b", text, regex.I):
                if best is None or match.start() > best[0]:
                    best = (match.start(), str(code))
    return best[1] if best else None


def _endpoint(masked: str, number: _Number, context: str | None) -> str | None:
    """The endpoint named last before the number in its sentence, else just after, else context."""
    before = masked[: number.start]
    named = vocabulary.last_endpoint(before)
    extra = _extra_endpoint(before)
    if named is None and extra is not None:
        named = extra
    if named is None:
        found = vocabulary.find_endpoint(masked[number.end : number.end + 60])
        named = found[0] if found else None
    return named or context


def _arm(masked: str, numbers: list[_Number], index: int) -> str | None:
    """The arm a value belongs to: named right after it ("4.6 months for pazopanib"), else before."""
    number = numbers[index]
    mentions = arm_mentions(masked)
    next_start = numbers[index + 1].start if index + 1 < len(numbers) else len(masked)
    previous_end = numbers[index - 1].end if index > 0 else 0
    after = [m for m in mentions if number.end <= m[0] < next_start]
    before = [m for m in mentions if previous_end <= m[0] and m[1] <= number.start]
    links = _phrases("arm_link_words")
    if after:
        gap = masked[number.end : after[0][0]]
        if links.search(gap) or not before:
            return after[0][2]
    if before:
        gap = masked[before[-1][1] : number.start]
        # "compared to EGFR-TKIs (gefitinib or erlotinib) with a median of 18.9 months": a drug named
        # as the comparison, or inside brackets closed before the value, is not the value's arm.
        compared = regex.search(
            r"\b(?:compared|versus|vs|than|over)\b", masked[max(0, before[-1][0] - 40) : before[-1][0]], regex.I
        )
        closed = gap.count(")") > gap.count("(")
        if len(gap) <= 60 and not closed and not (compared and len(gap) > 12):
            return before[-1][2]
    return after[0][2] if after else None


def _both_arms_after(masked: str, number: _Number) -> bool:
    """ "… to pazopanib or placebo": the arm after a count is one of two joined arms."""
    mentions = [m for m in arm_mentions(masked) if m[0] >= number.end]
    return len(mentions) >= 2 and bool(
        regex.fullmatch(r"\s*(?:or|and|versus|vs\.?)\s*", masked[mentions[0][1] : mentions[1][0]])
    )


def _first_drug(masked: str) -> str | None:
    for _start, _end, arm in arm_mentions(masked):
        if arm not in vocabulary.control_arms():
            return arm
    return None


def _dose_drug(masked: str, number: _Number) -> str | None:
    """The drug a dose is of: named just before the dose ("pazopanib 800 mg")."""
    mentions = [m for m in arm_mentions(masked[: number.start]) if m[2] not in vocabulary.control_arms()]
    return mentions[-1][2] if mentions else _first_drug(masked)


def _respectively(sentence: Sentence, claims: list[Claim]) -> list[Claim]:
    """ "4.6 and 1.6 months for pazopanib and placebo, respectively": arms in order."""
    if not _RESPECTIVELY.search(sentence.masked) or len(claims) < 2:
        return claims
    last_value = max((c.value_span or c.span)[1] for c in claims) - sentence.span[0]
    arms = [m[2] for m in arm_mentions(sentence.masked[last_value:])]
    groups: dict[str | None, list[int]] = {}
    for position, claim in enumerate(claims):
        if claim.statistic in {"median", "rate", "n"}:
            groups.setdefault(claim.statistic, []).append(position)
    result = list(claims)
    for positions in groups.values():
        if len(positions) == len(arms):
            for position, arm in zip(positions, arms, strict=True):
                result[position] = _replace(result[position], arm=arm)
    return result


def _replace(claim: Claim, **changes: Any) -> Claim:
    from dataclasses import replace

    return replace(claim, **changes)


def _population(masked: str) -> str | None:
    """A subgroup the sentence names ("in the leiomyosarcoma subgroup"), or None (overall)."""
    match = _SUBGROUP.search(masked)
    if not match:
        return None
    words = match.group("pop").split()
    stop = {"the", "in", "a", "an", "of", "for", "among", "and", "was", "were", "with", "patients"}
    while words and words[0].lower() in stop:
        words = words[1:]
    # keep the last few words: "median PFS in the leiomyosarcoma" → "leiomyosarcoma"
    tail: list[str] = []
    for word in reversed(words):
        if word.lower() in stop:
            break
        tail.insert(0, word)
    return " ".join(tail) + " subgroup" if tail else None


def _trial_before(text: str, position: int) -> str | None:
    """The trial named last before ``position``: its name, else its NCT number."""
    last: str | None = None
    for match in _TRIAL.finditer(text, 0, position):
        name = match.group("code") or match.group("name") or match.group("nct")
        if name and name not in _NOT_TRIALS:
            if (
                match.group("nct")
                and last is not None
                and text.rfind(last, max(0, match.start() - 120), match.start()) >= 0
            ):
                continue  # "VEG110727 ( NCT00753688)": keep the trial's name
            last = name
    return last


# --- qualitative claims -----------------------------------------------------------------------


def _scope_claims(sentence: Sentence, section: str | None, trial: str | None) -> list[Claim]:
    match = _SCOPE.search(sentence.masked)
    if not match:
        return []
    window = sentence.masked[max(0, match.start() - 30) : match.end()]
    if _NEGATION.search(window):
        return []  # "is not a standard treatment for …": not a claim of scope
    drug = _first_drug(sentence.masked)
    if drug is None:
        return []  # surgery, radiation: no drug label can check it
    return [
        Claim(
            text=sentence.text,
            span=sentence.span,
            value_span=None,
            value=None,
            statistic="scope",
            arm=drug,
            trial=trial,
            section=section,
            cites=sentence.cites,
        )
    ]


def _significance_claims(
    sentence: Sentence, section: str | None, trial: str | None, population: str | None, context: str | None
) -> list[Claim]:
    """ "significantly longer PFS", "no significant difference in OS": a claim about a p-value."""
    match = _SIGNIFICANT.search(sentence.masked)
    if not match:
        return []
    near_after = vocabulary.find_endpoint(sentence.masked[match.end() : match.end() + 60])
    near_before = vocabulary.last_endpoint(sentence.masked[max(0, match.start() - 60) : match.start()])
    endpoint = near_after[0] if near_after else near_before or _extra_endpoint(sentence.masked)
    if endpoint is None:
        return []  # significance of what? Only an endpoint near the words makes a checkable claim
    window = sentence.masked[max(0, match.start() - 25) : match.end()]
    negated = bool(match.group("neg")) or bool(regex.search(r"\b(?:not|no|did\s+not|failed\s+to)\b", window, regex.I))
    start = sentence.span[0]
    return [
        Claim(
            text=sentence.text,
            span=sentence.span,
            value_span=(start + match.start(), start + match.end()),
            value=None,
            statistic="not_significant" if negated else "significant",
            endpoint=endpoint,
            arm=_first_drug(sentence.masked),
            population=population,
            trial=trial,
            section=section,
            cites=sentence.cites,
        )
    ]


def _fold_claims(sentence: Sentence, section: str | None, trial: str | None, population: str | None) -> list[Claim]:
    """ "Pazopanib more than doubled median PFS": a claim on the ratio of the arms' medians."""
    match = _FOLD.search(sentence.masked)
    if not match:
        return []
    after = vocabulary.find_endpoint(sentence.masked[match.end() : match.end() + 60])
    endpoint = after[0] if after else vocabulary.last_endpoint(sentence.masked[: match.start()])
    if endpoint not in time_to_event():
        return []  # a ratio of medians needs a time-to-event endpoint
    factor = float(match.group("n")) if match.group("n") else _FOLD_WORDS[match.group("word").lower()]
    hedge = (match.group("hedge") or "").lower()
    start = sentence.span[0]
    return [
        Claim(
            text=sentence.text,
            span=sentence.span,
            value_span=(start + match.start(), start + match.end()),
            value=factor,
            statistic="fold",
            endpoint=endpoint,
            arm=_first_drug(sentence.masked),
            population=population,
            trial=trial,
            hedge=" ".join(hedge.split()) or None,  # "more than", "nearly": how the factor is meant
            section=section,
            cites=sentence.cites,
        )
    ]
