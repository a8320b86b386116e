"""What quantity a number is: the words around it that make an endpoint another quantity.

A claim is contradicted only by a label number of the very same quantity: the same trial,
endpoint with its modifiers (a CNS response rate is not the overall response rate), statistic,
arm, population and — where both say — analysis and assessment. The statement reader gives the
trial, endpoint, statistic, arm, population, analysis and assessment; this module reads what it
leaves to the words around a number, on both sides alike: the modifiers, whether the number is a
result at all (a data maturity is not), and the analysis a label number belongs to, from its table
caption or its sentence. The words are data (``data/quantities.json``).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from extractors.read.attach import analysis_of
from extractors.records import Claim, Measurement, Source, replace
from extractors.text import names, vocabulary
from extractors.text.facts import per_document
from extractors.text.patterns import build
from extractors.text.patterns import counts as count_patterns
from extractors.text.patterns import verdicts as patterns
from extractors.verdicts import matching

# How far around a value its qualifying words are looked for (characters).
_BEFORE = 120  # "In patients with one or more measurable CNS lesions, the ORR was 70%"
_AFTER = 40  # "25% mature", "20% of the pre-specified deaths"
_WORD_TAIL = 30  # characters: the rest of a word the window after a value stops in
_SENTENCE = 300  # how far a label sentence is looked through either side of a value
_NOTES_REACH = 3000  # characters from a table's caption (and its notes) to a row of it
_CAPTION = 160  # a table's caption: "Table 21. CNS Efficacy in Patients with Measurable CNS Lesions"


@cache
def _data() -> dict[str, Any]:
    return vocabulary.load_data(
        "quantities.json",
        (
            "non_results",
            "modifiers",
            "statistic_words",
            "differences",
            "updates",
            "population_short_forms",
            "regimen_contexts",
        ),
    )


@cache  # asked for each claim and label number, of a few lists
def words(group: str, key: str) -> tuple[str, ...]:
    """A word list of the data file: ``words("statistic_words", "mean")``."""
    return tuple(str(word) for word in _data()[group][key])


# --- the text around a number ----------------------------------------------------------------------


def _clause_before(text: str, start: int) -> str:
    """The words before a value back to the start of its clause, at most ``_BEFORE`` characters."""
    window = text[max(0, start - _BEFORE) : start]
    breaks = list(patterns.CLAUSE_START.finditer(window))
    return window[breaks[-1].end() :] if breaks else window


def _after(text: str, end: int) -> str:
    """The ``_AFTER`` characters after a value, to the end of the word they stop in: "29% of patients on
    the combination had died" keeps "died", whose "d" a cut at 40 characters left out ("had die")."""
    stop = min(len(text), end + _AFTER)
    limit = min(len(text), stop + _WORD_TAIL)
    while stop < limit and text[stop].isalnum():
        stop += 1
    return text[end:stop]


_LARGEST_RATIO = 20.0  # no hazard, odds or risk ratio an article or label states is larger


def _counts_things(after: str) -> bool:
    """Whether a count's noun, within three words after it, is not patients ("4 neoadjuvant regimens")."""
    nouns = set(words("counts", "not_patients")) | set(words("counts", "patients"))
    found = [word.lower() for word in patterns.COUNTED_WORD.findall(after)[:3] if word.lower() in nouns]
    return bool(found) and found[0] in words("counts", "not_patients")


def _non_result(before: str, after: str) -> bool:
    """A maturity or information fraction: "at 20% data maturity", "only 25% mature"."""
    after = patterns.PERCENT_SIGN.sub("", after, count=1)
    if build.starting_with(words("non_results", "after_value")).match(after):
        return True
    return build.ending_with(words("non_results", "before_value")).search(before) is not None


@lru_cache(maxsize=4096)  # a label number's words are asked again for each claim it may check
def _modifiers(text: str) -> frozenset[str]:
    """The modifiers ``text`` names: {"CNS"} for "CNS ORR"."""
    return frozenset(name for name, pattern in _modifier_patterns() if pattern.search(text))


@cache
def _modifier_patterns() -> tuple[tuple[str, build.Pattern], ...]:
    """Each modifier of the data file with the pattern that finds it, built once."""
    found = []
    for name, rule in _data()["modifiers"].items():
        if name.startswith("_"):
            continue
        modifier_words = tuple(rule["words"])
        near = tuple(rule.get("near", ()))
        found.append((name, patterns.phrases_near(modifier_words, near) if near else build.any_word(modifier_words)))
    return tuple(found)


@cache
def analysis_modifiers() -> frozenset[str]:
    """The modifiers that name an analysis ("per-protocol"), not another endpoint (a CNS response)."""
    return frozenset(
        name for name, rule in _data()["modifiers"].items() if not name.startswith("_") and rule.get("analysis")
    )


def _analysis(text: str) -> str | None:
    if build.any_word(words("updates", "words")).search(text):
        return "updated"
    return analysis_of(text)


# --- claims ----------------------------------------------------------------------------------------


def _claim_window(claim: Claim) -> tuple[str, str]:
    """(the clause before the claim's value, the words after it), in the claim's sentence."""
    if claim.value_span is None:
        return claim.text, ""
    start, end = claim.value_span[0] - claim.span[0], claim.value_span[1] - claim.span[0]
    return _window(claim.text, start, end, claim.column)


@lru_cache(maxsize=1024)  # each check of a claim asks for its window again (three or four times a claim, and
# again when its sentence's pairs are judged again, after the sentence's other values: dozens in a long one)
def _window(text: str, start: int, end: int, column: str | None) -> tuple[str, str]:
    before = _clause_before(text, start)
    if column:  # a table cell: its column header says what its numbers are ("Confirmed ORR")
        before = f"{column} {before}"
    return before, _after(text, end)


def claim_clause(claim: Claim) -> str:
    """The words of the claim's clause around its value: what qualifies that value, not the others."""
    before, after = _claim_window(claim)
    return f"{before} {claim.raw or ''} {after}"


def value_at_in_clause(claim: Claim) -> int:
    """Where the claim's value starts in `claim_clause`."""
    return len(_claim_window(claim)[0]) + 1


def claim_whole_clause(claim: Claim) -> str:
    """The claim's clause, from the break before its value to the break after it, breaks inside
    brackets aside: what names the value's population ("Of 5637 patients randomized, …; 5120 were
    in cohort 1": the cohort is the second clause's, not the first's)."""
    if claim.value_span is None:
        return claim.text
    start, end = claim.value_span[0] - claim.span[0], claim.value_span[1] - claim.span[0]
    group = _breakdown_group(claim.text, start)
    if group is not None:
        return group
    breaks = [m for m in patterns.CLAUSE_BOUNDARY.finditer(claim.text) if not _in_brackets(claim.text, m.start())]
    left = max((m.end() for m in breaks if m.end() <= start), default=0)
    right = min((m.start() for m in breaks if m.start() >= end), default=len(claim.text))
    return str(patterns.BREAKDOWN_BRACKET.sub(" ", claim.text[left:right]))  # another count's groups


def _breakdown_group(text: str, start: int) -> str | None:
    """The group of a breakdown bracket a value at ``start`` is in: "63 hormone receptor-negative" in
    "557 patients (494 hormone receptor-positive, 63 hormone receptor-negative)"; None outside one."""
    for bracket in patterns.BREAKDOWN_BRACKET.finditer(text):
        if bracket.start() < start < bracket.end():
            offset = bracket.start()
            for piece in patterns.BREAKDOWN_SEPARATOR.split(text[bracket.start() : bracket.end()]):
                if offset <= start < offset + len(piece):
                    return str(piece)
                offset += len(piece) + 1
    return None


@per_document  # asked of a claim's clause again for each trial and population the claim is tried in
def with_short_forms(text: str) -> str:
    """``text`` (lower case) and the short forms of the populations it names in words: "the hormone
    receptor-positive cohort" also names "hr+" (data "population_short_forms")."""
    forms = _data()["population_short_forms"]
    named = [
        short
        for short, longs in forms.items()
        if not short.startswith("_") and build.any_word(tuple(longs)).search(text)
    ]
    return " ".join([text, *named])


def _in_brackets(text: str, at: int) -> bool:
    """Whether ``at`` is inside a bracket opened before it: "(HR 0.28; 95% CI …; p < 0.0001)"."""
    before = text[max(0, at - _BEFORE) : at]
    return before.count("(") + before.count("[") > before.count(")") + before.count("]")


def claim_subgroup(claim: Claim) -> str | None:
    """The age, sex or region subgroup the claim's clause names ("patients aged 75 and over"), if any."""
    before, _after_value = _claim_window(claim)
    found = patterns.subgroup_named(words("subgroups", "after_patients")).search(before)
    return " ".join(found.group(0).split()[1:]) if found else None


def claim_from_clause(claim: Claim) -> str:
    """The claim's sentence from the start of its value's clause to its end: the arms a ratio compares
    ("… had a hazard ratio of 1.43 (95% CI …) compared with those on Padcev")."""
    before, _after_value = _claim_window(claim)
    start = (claim.value_span or claim.span)[0] - claim.span[0]
    return before + claim.text[start:]


def claim_is_non_result(claim: Claim) -> bool:
    """Whether the claim's number is a maturity or information fraction, or a follow-up time, not a result."""
    before, after = _claim_window(claim)
    if claim.unit in {"months", "weeks", "years", "days"} and _follow_up(before):
        return True
    return _non_result(before, after)


def _follow_up(before: str) -> bool:
    """ "followed for a median of more than 6.6 years", "median follow-up was 35 months": the follow-up
    words come before the value with no endpoint between ("five-year follow-up data showed a median
    overall survival of 47.5 months" is a result)."""
    found = list(build.any_word(words("non_results", "clause_words")).finditer(before))
    return bool(found) and not vocabulary.endpoint_mentions(before[found[-1].end() :], sentence=True)


def claim_modifiers(claim: Claim) -> frozenset[str]:
    before, after = _claim_window(claim)
    return _modifiers(f"{before} {claim.raw or ''} {after}")


def claim_analysis(claim: Claim) -> str | None:
    """The analysis the article names for its number: its clause's words (those before it first: "At
    the interim analysis, the HR was 0.60, and the updated analysis gave 0.70"), else the reader's."""
    before, after = _claim_window(claim)
    said = _analysis(before) or _analysis(f"{before} {after}")
    if said is not None:
        return said
    return claim.statement.analysis if claim.statement is not None else None


def claim_assessment(claim: Claim) -> str | None:
    before, after = _claim_window(claim)
    said = names.assessment_of(f"{before} {after}")
    if said is not None:
        return said
    return claim.statement.assessment if claim.statement is not None else None


def claim_says(claim: Claim, group: str, key: str, *, before_only: bool = False) -> bool:
    """Whether the words right around the claim's value include one of a word list."""
    before, after = _claim_window(claim)
    text = before if before_only else f"{before} {after}"
    return build.any_word(words(group, key)).search(text) is not None


def counted(claim: Claim) -> str:
    """The noun a count counts, within three words after it: "trials" of "the three randomized
    trials", "patients" of "608 patients"; "" when none of the known nouns follows."""
    before, after = _claim_window(claim)
    if patterns.N_EQUALS_BEFORE.search(before):
        return "patients"  # "(n=181) every 3 weeks": the notation says what is counted
    nouns = set(words("counts", "not_patients")) | set(words("counts", "patients"))
    for word in patterns.COUNTED_WORD.findall(after)[:3]:
        if word.lower() in nouns:
            return str(word).lower()
    return ""


def counts_other_things(claim: Claim) -> bool:
    """Whether a count counts trials, samples, cycles or other things that are not patients."""
    return counted(claim) in words("counts", "not_patients")


def counts_a_part(claim: Claim) -> bool:
    """Whether a count is followed by the size of the group it is a part of ("30 of 97 INOMAX-treated
    infants"): patients with an outcome, never the trial's or an arm's patients. (A count with its share,
    "Two infants (2%) … withdrawn", is no claim at all: `claims.numeric` leaves it out.)"""
    if claim.value_span is None:
        return False
    return count_patterns.PART_OF_TOTAL.match(claim.text, claim.value_span[1] - claim.span[0]) is not None


def says(text: str, group: str, key: str) -> bool:
    """Whether ``text`` includes one of a word list."""
    return build.any_word(words(group, key)).search(text) is not None


def sentence_says(claim: Claim, group: str, key: str) -> bool:
    """Whether the claim's sentence includes one of a word list."""
    return _sentence_says(claim.text, group, key)


@lru_cache(maxsize=256)  # asked for each claim of a sentence, often dozens: the answer is the sentence's
def _sentence_says(text: str, group: str, key: str) -> bool:
    return build.any_word(words(group, key)).search(text) is not None


# --- the label ---------------------------------------------------------------------------------------


def in_vocabulary_terms(m: Measurement) -> Measurement:
    """``m`` with its endpoint as the vocabulary names it, where a table row names exactly one of the
    vocabulary's endpoints in its own case, after a lead-in or before a bracket that says when it was
    measured: "Clinical remission" and "Induction of Clinical Remission (Clinical Remission at Week 8)"
    are the article's "clinical remission"; "Sustained Clinical Remission" says more, and stays."""
    code = _vocabulary_endpoint(m.endpoint) if m.endpoint and m.table else None
    return replace(m, endpoint=code) if code is not None and code != m.endpoint else m


@lru_cache(maxsize=512)  # a label's few row names, each asked for once per measurement of its row
def _vocabulary_endpoint(endpoint: str) -> str | None:
    bare = patterns.TRAILING_BRACKET.sub("", endpoint)
    lead = next((lead for lead in _lead_ins() if bare.lower().startswith(f"{lead} ")), None)
    if lead is not None:
        bare = bare[len(lead) + 1 :]
    found = vocabulary.find_endpoint(bare)
    return found[0] if found is not None and found[1] == 0 and found[2] == len(bare) else None


@cache
def _lead_ins() -> tuple[str, ...]:
    return tuple(sorted(words("endpoint_words", "lead_ins"), key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class LabelView:
    """The label's measurements with the text each was read from, to read what qualifies them."""

    measurements: tuple[Measurement, ...]
    texts: dict[str, str]  # source id → text
    _context: dict[int, str] = field(default_factory=dict)
    _results: dict[str, tuple[Measurement, ...]] = field(default_factory=dict)  # statistic → its results
    _words: dict[int, str] = field(default_factory=dict)
    _graded: list[frozenset[tuple[str, str | None]]] = field(default_factory=list)  # empty until asked
    _kinds: dict[int, matching.ValueKind] = field(default_factory=dict)  # id(result) → the kind of its value
    _candidates: dict[tuple[str, matching.ValueKind | None, str | None], tuple[Measurement, ...]] = field(
        default_factory=dict
    )
    _lowered: list[str] = field(default_factory=list)  # the sources' text in lower case, once asked
    _mentions: dict[str, int] = field(default_factory=dict)  # phrase → times the sources print it

    @classmethod
    def of(cls, sources: Sequence[Source], measurements: Sequence[Measurement]) -> LabelView:
        """The view of ``measurements``, with each share a table prints per 100 patient-years (ELIQUIS's
        bleeding tables: "n (per 100 pt-year)") also as the event rate it is, so "2.13% per year" is
        checked against it as well as "2.13%"."""
        texts = {source.id: source.text for source in sources}
        named = tuple(in_vocabulary_terms(m) for m in measurements)
        years = {source: [y.start() for y in patterns.YEAR_WORD.finditer(text)] for source, text in texts.items()}
        yearly = tuple(
            replace(m, statistic="event_rate", unit="per 100 patient-years")
            for m in named
            if m.statistic == "rate" and m.table and _per_patient_years(texts.get(m.source, ""), m, years.get(m.source))
        )
        return cls((*named, *yearly), texts)

    def mentions(self, phrase: str) -> int:
        """How many times the sources' text prints ``phrase`` (lower case), counted once per phrase: the
        label is the same for every claim, and a claim asks of the phrases its sentence names."""
        if not self._lowered:
            self._lowered.append(" ".join(self.texts.values()).lower())
        if phrase not in self._mentions:
            self._mentions[phrase] = self._lowered[0].count(phrase)
        return self._mentions[phrase]

    def context(self, m: Measurement) -> str:
        """What describes ``m``: its table's caption, row, column and population, or its sentence."""
        key = id(m)
        if key not in self._context:
            self._context[key] = self._describing(m)
        return self._context[key]

    def _describing(self, m: Measurement) -> str:
        text = self.texts.get(m.source, "")
        if m.table:
            caption_at = text.rfind(m.table, 0, m.span[0])
            caption = text[caption_at : caption_at + _CAPTION].split("\n")[0] if caption_at >= 0 else ""
            return " ".join(part for part in (caption, m.row, m.column, m.population) if part)
        start = max(0, m.span[0] - 400)
        breaks = [b.end() for b in patterns.SENTENCE_BREAK.finditer(text, start, m.span[0])]
        begin = breaks[-1] if breaks else start
        stop = patterns.SENTENCE_BREAK.search(text, m.span[1], m.span[1] + 400)
        return text[begin : stop.start() if stop else m.span[1] + 400]

    def results(self, statistic: str) -> tuple[Measurement, ...]:
        """The label's numbers of ``statistic`` that are results (not a maturity), found once per label."""
        if statistic not in self._results:
            self._results[statistic] = tuple(
                m for m in self.measurements if m.statistic == statistic and not self.is_non_result(m)
            )
        return self._results[statistic]

    def kind_of(self, m: Measurement) -> matching.ValueKind:
        """The kind of value a result's words say (`matching.value_kind`), read once per result, and only
        of the results a claim may be checked against: not of an adverse-reaction table's many shares
        unless a claim names their reaction."""
        key = id(m)
        if key not in self._kinds:
            self._kinds[key] = matching.value_kind(*self._timed_words(m), arms=(m.arm, m.comparator))
        return self._kinds[key]

    def candidates(
        self, statistic: str, kind: matching.ValueKind | None, endpoint: str | None
    ) -> tuple[Measurement, ...]:
        """The label's results a claim of ``statistic`` may be checked against: of the claim's kind of
        rate (``kind``, for rates), and of an adverse-reaction table only when of the claim's
        ``endpoint``; found once per (statistic, kind, endpoint) of the article's claims."""
        key = (statistic, kind, endpoint)
        if key not in self._candidates:
            graded = self.graded()
            self._candidates[key] = tuple(
                m
                for m in self.results(statistic)
                if ((m.source, m.table) not in graded or (m.endpoint is not None and m.endpoint == endpoint))
                and (kind is None or matching.same_kind(kind, self.kind_of(m)))
            )
        return self._candidates[key]

    def graded(self) -> frozenset[tuple[str, str | None]]:
        """The (source, table) of the label's adverse-reaction tables, those of graded numbers: once per label."""
        if not self._graded:
            self._graded.append(frozenset((m.source, m.table) for m in self.measurements if m.grade is not None))
        return self._graded[0]

    def words_of(self, m: Measurement) -> str:
        """The words that say what ``m`` counts: its row and column, or its clause in the prose."""
        key = id(m)
        if key not in self._words:
            self._words[key] = self._counting(m)
        return self._words[key]

    def _counting(self, m: Measurement) -> str:
        if m.table:
            return f"{m.row or ''} {m.column or ''}"
        text = self.texts.get(m.source, "")
        return f"{_clause_before(text, m.span[0])} {m.raw} {_after(text, m.span[1])}"

    def _timed_words(self, m: Measurement) -> tuple[str, int | None]:
        """`words_of` a rate and where its value starts in them (None in a table), read in the prose to
        the end of its clause: a time point may follow the value further than its words reach ("17.3%
        (43/248) in the HUMIRA group were in clinical remission at Week 52")."""
        if m.table:
            return self.words_of(m), None
        text = self.texts.get(m.source, "")
        before = _clause_before(text, m.span[0])
        rest = text[m.span[1] : m.span[1] + _SENTENCE]
        stop = patterns.CLAUSE_START.search(rest)
        return f"{before} {m.raw} {rest[: stop.start() if stop else len(rest)]}", len(before) + 1

    def denies_significance(self, m: Measurement) -> bool:
        """Whether the label's sentence of ``m`` says it is not significant ("A prespecified interim
        analysis for OS resulted in a HR of 0.57 (95% CI: 0.38, 0.87), which did not cross the
        boundary for statistical significance")."""
        if m.table:
            return False
        text = self.texts.get(m.source, "")
        start = text.rfind(". ", max(0, m.span[0] - _SENTENCE), m.span[0]) + 1
        end = text.find(". ", m.span[1], m.span[1] + _SENTENCE)
        sentence = text[start : end if end >= 0 else m.span[1] + _SENTENCE]
        return patterns.SIGNIFICANCE_NOT_REACHED.search(sentence) is not None

    def is_non_result(self, m: Measurement) -> bool:
        """A label number that is a maturity: "OS was immature with 36% of the pre-specified deaths";
        a ratio printed as a whole number over `_LARGEST_RATIO` (an event count "171" a flattened
        table's reading took for a hazard ratio); a prose count of things ("1 of 4 neoadjuvant
        regimens") or of patients with a feature ("Sixty-two (62%) of patients"), not an arm's N."""
        if m.statistic in {"hr", "or", "rr"}:
            return m.value is not None and m.value > _LARGEST_RATIO and "." not in m.raw
        if m.table or m.statistic not in {"rate", "n"}:
            return False
        text = self.texts.get(m.source, "")
        after = _after(text, m.span[1])
        if m.statistic == "n" and (patterns.SHARE_BRACKET_AFTER.match(after) or _counts_things(after)):
            return True
        return _non_result(_clause_before(text, m.span[0]), after)

    def modifiers(self, m: Measurement) -> frozenset[str]:
        if m.table:
            return _modifiers(self.context(m))
        text = self.texts.get(m.source, "")
        return _modifiers(f"{_clause_before(text, m.span[0])} {m.raw} {_after(text, m.span[1])}")

    def in_event_table(self, endpoint: str) -> bool:
        """Whether the label gives ``endpoint`` in tables of events only, not of graded adverse
        reactions or laboratory abnormalities (PLATO's bleeding table, not a hyperglycemia row)."""
        graded = {(m.source, m.table) for m in self.measurements if m.grade is not None}
        rows = [m for m in self.measurements if m.endpoint == endpoint]
        return bool(rows) and all(m.table and (m.source, m.table) not in graded for m in rows)

    def analysis(self, m: Measurement) -> str | None:
        """The analysis ``m`` belongs to: the reader's, else its caption's words."""
        if m.analysis is not None or not m.table:
            return m.analysis
        return _analysis(self.context(m).split(m.row or "\0")[0]) or self._noted_analysis(m)

    def _noted_analysis(self, m: Measurement) -> str | None:
        """The analysis a table's notes say all its comparisons are of, when every note on "this
        analysis" names the same one ("p-Value is compared with 0.0202 of the allocated alpha for this
        interim analysis", twice in KEYTRUDA's Table 55; its Table 56 adds "for this analysis", which
        leaves its rows' analyses unsaid)."""
        text = self.texts.get(m.source, "")
        caption_at = text.rfind(m.table or "\0", max(0, m.span[0] - _NOTES_REACH), m.span[0])
        if m.statistic not in {"hr", "p"} or caption_at < 0:
            return None
        said = {
            (n.group("analysis") or "").lower()
            for n in patterns.ROW_ANALYSIS_NOTE.finditer(text, caption_at, m.span[0])
        }
        return said.pop() or None if len(said) == 1 else None


def _per_patient_years(text: str, m: Measurement, years: list[int] | None) -> bool:
    """Whether the table of ``m`` says, in the lines from its caption to ``m``, that its shares are per
    100 patient-years ("ELIQUIS N=9088 n (per 100 pt-year)"). ``years``: where the text prints "year" or
    "yr" (`patterns.YEAR_WORD`), without which it says no such thing: most tables print neither, and the
    lines up to each of their shares are not searched."""
    caption_at = text.rfind(m.table or "\0", 0, m.span[0])
    if caption_at < 0:
        return False
    if years is not None:
        index = bisect.bisect_left(years, caption_at)
        if index == len(years) or years[index] + 2 > m.span[0]:
            return False
    return patterns.PER_100_PATIENT_YEARS.search(text, caption_at, m.span[0]) is not None


def only_analysis(rows: Sequence[Measurement], view: LabelView) -> frozenset[str]:
    """The one analysis (``quantity.analysis_modifiers``) all of ``rows`` belong to; empty when they
    name none, several, or another modifier (a CNS response is another endpoint, not an analysis)."""
    found = {view.modifiers(m) for m in rows}
    if len(found) != 1:
        return frozenset()
    only = found.pop()
    return only if only and only <= analysis_modifiers() else frozenset()
