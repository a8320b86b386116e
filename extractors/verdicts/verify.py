"""Verdicts on an article's claims, checked against what extraction read from the label it cites.

Each claim is judged by its kind: numbers (`numbers`), doses (`doses`), fold and significance
statements (`fold`, `significance`) and scope statements (`scope`), all against the records of
one `ExtractReport` — the label is not parsed again here. A claim whose sentence is about a
drug the sources are not about is unverifiable, and numbers an article states that cannot all be
right ("HR 0.62 (95% CI 0.49–0.79), p = 0.21") are flagged whatever the label says.
"""

from __future__ import annotations

import bisect
import functools
from collections import Counter
from collections.abc import Sequence

from extractors.checks import check_statement
from extractors.claims import find_claims
from extractors.claims.safety import STATISTIC as ADVERSE_RATE
from extractors.ingest.articles import quoted_label_source, section_start
from extractors.ingest.quoted import quoted_spans
from extractors.read.prose import label_scene
from extractors.records import (
    VERDICTS,
    Article,
    Claim,
    ExtractReport,
    Flag,
    Measurement,
    Source,
    Span,
    VerifyReport,
    replace,
)
from extractors.text import budget, facts
from extractors.text.names import DRUG_WORD, canonical_arm
from extractors.text.patterns import build
from extractors.text.patterns.statements import NOT_AN_ARM_LINK
from extractors.text.patterns.verdicts import ARM_WORD, RATIO_NAMED, RELATIVE_LESS_AFTER
from extractors.text.patterns.verdicts import COMBINATION_WORD as COMBINED
from extractors.verdicts import endpoints, matching, reductions, trial_names
from extractors.verdicts.corrections import verified
from extractors.verdicts.count_shares import settle_count_shares
from extractors.verdicts.describe import unverifiable
from extractors.verdicts.doses import check_dose
from extractors.verdicts.durations import check_duration
from extractors.verdicts.fold import check_fold
from extractors.verdicts.in_trial import FAMILY
from extractors.verdicts.matching import drugs_named, of_trial, p_operator, prior_therapy
from extractors.verdicts.misnamed import misnamed_median
from extractors.verdicts.numbers import check_number
from extractors.verdicts.pairs import settle_pairs
from extractors.verdicts.quantity import LabelView
from extractors.verdicts.safety import check_adverse
from extractors.verdicts.scope import check_scope
from extractors.verdicts.significance import check_significance
from extractors.verdicts.subgroup_counts import subgroup_count
from extractors.verdicts.treated import treated_count


def verify(article: Article, sources: Sequence[Source] | None = None) -> VerifyReport:
    """Every claim of ``article`` with its verdict, against ``sources`` or the label it quotes."""
    from extractors.read.pipeline import extract  # the extraction pipeline, imported when needed

    chosen: tuple[Source, ...]
    if sources is None:
        quoted = quoted_label_source(article)
        chosen = (quoted,) if quoted is not None else ()
    else:
        chosen = tuple(sources)
    return verify_with(article, extract(chosen) if chosen else ExtractReport((), ()))


def verify_with(article: Article, extracted: ExtractReport, seconds: float = budget.DOCUMENT_SECONDS) -> VerifyReport:
    """Like `verify`, with the sources already extracted (a pure function of its inputs).

    The article is read and its claims checked within ``seconds`` (`text.budget`); past that, the
    claims found so far are kept, those not yet checked say so, and the article carries a
    ``reading_stopped`` flag saying where reading stopped.
    """
    measurements = extracted.measurements
    trials = {name for m in measurements for name in (m.trial, m.nct) if name}
    names = _drug_names(extracted.sources)
    with budget.reading(seconds) as spent, facts.document():  # a phrase's facts found once per article
        # a paragraph that quotes a source is the label speaking, not a claim: known by its text
        quotes = quoted_spans(article, [source.text for source in extracted.sources], names)
        claims = [
            claim
            for claim in find_claims(article, trials, names, _arm_names(measurements))
            if not any(start <= claim.span[0] < end for start, end in quotes)
        ]
        checked = _inconsistent_within(_checked(article, claims, extracted))
    message = budget.stopped_message(spent, len(article.text))
    if message:
        article = replace(article, flags=(*article.flags, Flag("reading_stopped", "warning", message)))
    counts = Counter(claim.verdict for claim in checked)
    summary: dict[str, int] = {verdict: counts.get(verdict, 0) for verdict in VERDICTS}
    return VerifyReport(
        article, extracted.sources, measurements, checked, summary, extracted.doses, extracted.populations
    )


def _arm_names(measurements: Sequence[Measurement]) -> tuple[str, ...]:
    """The arms the label's tables count patients of ("MPT", "Rd18", "Rd Continuous": REVLIMID's
    Table 13), as the label spells them: an article naming an arm so names that arm."""
    return tuple(sorted({m.arm for m in measurements if m.statistic == "n" and m.table and m.arm}))


def _checked(article: Article, claims: list[Claim], extracted: ExtractReport) -> tuple[Claim, ...]:
    """Each claim with its verdict, until the budget runs out (the rest unverifiable, saying why);
    then the article's pairs settled together and its corrections verified."""
    measurements = extracted.measurements
    drugs = _source_drugs(extracted.sources, measurements)
    view = LabelView.of(extracted.sources, measurements)
    names = _drug_names(extracted.sources)
    judged: list[Claim] = []
    numeric: set[int] = set()
    try:
        for index, said in enumerate(claims):
            budget.check(said.span[0])
            claim = trial_names.as_label_names(said, measurements)  # "Study 1" in a maintenance section
            other = _other_drug(article, claim, drugs, names, measurements)
            if other is None and claim.statistic in FAMILY and claim.value is not None:
                numeric.add(index)
            judged.append(
                other
                or check_claim(
                    reductions.population_before(
                        reductions.endpoint_before(claim, judged, article.text), judged, article.text
                    ),
                    extracted,
                    view,
                )
            )
    except budget.STOPPED:
        budget.stop()
        judged += [
            unverifiable(c, "Not checked: the time for reading this article ran out.") for c in claims[len(judged) :]
        ]
    settled = reductions.settle_reductions(settle_pairs(tuple(judged), view, numeric), view)
    return verified(settle_count_shares(settled, view, article.text), view, names)


def check_claim(claim: Claim, extracted: ExtractReport, view: LabelView | None = None) -> Claim:
    """One claim with its verdict, kind, evidence and explanation."""
    if claim.statistic == "scope":
        return check_scope(claim, extracted.sources, extracted.populations)
    if claim.statistic == "dose":
        return check_dose(claim, extracted.doses)
    if claim.statistic == "duration":
        return check_duration(claim, extracted.sources)
    if claim.statistic == "fold":
        return check_fold(claim, extracted.measurements)
    if claim.statistic in {"significant", "not_significant"}:
        view = view or LabelView.of(extracted.sources, extracted.measurements)
        return check_significance(claim, extracted.measurements, view.denies_significance)
    if claim.statistic in {"rate", ADVERSE_RATE} and claim.value is not None and is_relative_reduction(claim):
        return _as_reduction(claim, view or LabelView.of(extracted.sources, extracted.measurements))
    if claim.statistic == ADVERSE_RATE and claim.value is not None:
        return _adverse(claim, view or LabelView.of(extracted.sources, extracted.measurements))
    if claim.statistic == "risk_reduction" and claim.value is not None:
        view = view or LabelView.of(extracted.sources, extracted.measurements)
        return stated_reduction(claim, view) or check_number(claim, view)
    if claim.statistic in FAMILY and claim.value is not None:
        view = view or LabelView.of(extracted.sources, extracted.measurements)
        checked = treated_count(claim, view) or subgroup_count(claim, view) or check_number(claim, view)
        return misnamed_median(claim, checked, view)
    return replace(claim, verdict="unverifiable", explanation="Not a statistic the sources can be checked for.")


def is_relative_reduction(claim: Claim) -> bool:
    """Whether a share is a relative reduction stated with the ratio it comes from: "31% less major
    bleeding (hazard ratio 0.69)", "0.6% versus 1.8% (relative risk 0.31), about 69% less"."""
    end = (claim.value_span or claim.span)[1] - claim.span[0]
    return bool(RELATIVE_LESS_AFTER.match(claim.text[end:])) and bool(RATIO_NAMED.search(claim.text))


def _as_reduction(claim: Claim, view: LabelView) -> Claim:
    """A relative reduction checked as 1 − the label's ratio: supported when it is; otherwise
    unverifiable, never an event rate's contradiction (the ratio the sentence states is its own claim).
    Either way it is a risk reduction, so that the sentence's event rates are not paired with it."""
    endpoint = None if claim.statistic == ADVERSE_RATE else claim.endpoint  # a reaction is no ratio's endpoint
    reduction = replace(claim, statistic="risk_reduction", unit="%", endpoint=endpoint)
    judged = stated_reduction(reduction, view) or check_number(reduction, view)
    if judged.verdict == "supported":
        return judged
    return unverifiable(
        reduction,
        f"The article's {claim.raw}% is a relative reduction of the ratio its sentence states, not an event "
        f"rate; {judged.explanation[0].lower()}{judged.explanation[1:]}",
    )


def stated_reduction(claim: Claim, view: LabelView) -> Claim | None:
    """A relative risk reduction checked against the ones the label states ("a 71% relative risk
    reduction", RECORD 1's table; "(RRR 16%)", PLATO's prose): supported when one is the article's;
    contradicted only in a trial whose label gives no hazard ratio to derive one from; else None
    (checked as 1 − HR)."""
    rows = view.measurements if not claim.trial else matching.of_trial(claim.trial, view.measurements)
    if not any(m.statistic == "rrr" for m in rows):
        return None
    judged = replace(check_number(replace(claim, statistic="rrr"), view), statistic=claim.statistic)
    if judged.verdict == "supported":
        return judged
    if judged.verdict == "contradicted" and claim.trial and not any(m.statistic == "hr" for m in rows):
        return judged
    return None


def _adverse(claim: Claim, view: LabelView) -> Claim:
    """An adverse-reaction claim against the label's adverse-reaction tables; when they do not list
    the reaction and the sentence names a row of the label's event tables in its words ("Major
    bleeding … occurred in 3.3% of Brilinta patients", PLATO's bleeding table), against that row. A
    fatal reaction is no grade of an event table, whose rows name it ("fatal bleeding", the row "Fatal"
    of a bleeding table)."""
    judged = check_adverse(claim, view)
    grade = claim.statement.grade if claim.statement else None
    if judged.verdict != "unverifiable" or grade not in {None, "all", "fatal"} or claim.population:
        return judged
    as_rate = replace(claim, statistic="rate", endpoint=None)
    named = endpoints.label_named(as_rate, view, "rate")
    if named is None or not view.in_event_table(named):
        return judged  # a reaction or laboratory table's row is the adverse-reaction check's to judge
    event = check_number(as_rate, view)
    return event if event.verdict in {"supported", "contradicted"} else judged


def _drug_names(sources: Sequence[Source]) -> tuple[str, ...]:
    """Every name of the drugs the sources are about, brand first: ("TAGRISSO", "osimertinib"); a
    combination's drugs each by name too ("trifluridine", "tipiracil" of "trifluridine and tipiracil")."""
    names = [name for source in sources for name in label_scene(source).drugs]
    parts = [part for name in names for part in COMBINED.split(name) if len(part) > 5 and part != name]
    return tuple(dict.fromkeys(names + parts))


def _source_drugs(sources: Sequence[Source], measurements: Sequence[Measurement]) -> frozenset[str]:
    """The drugs the sources are about: each source's drug and the experimental arms of its ratios."""
    names = {canonical_arm(source.drug) for source in sources if source.drug}
    names |= {canonical_arm(m.arm) for m in measurements if m.statistic == "hr" and m.arm}
    return frozenset(name for name in names if name)


def _other_drug(
    article: Article,
    claim: Claim,
    drugs: frozenset[str],
    names: tuple[str, ...] = (),
    measurements: Sequence[Measurement] = (),
) -> Claim | None:
    """A claim whose sentence names only drugs the sources are not about is about another study.

    A sentence that names no drug is about the drug named last before it in its section
    (a heading "Cabozantinib", an earlier sentence), if any. A sentence on a trial of the sources
    that names only its comparator ("irinotecan or paclitaxel" in DESTINY-Gastric01) is that trial's.
    """
    if not drugs or claim.statistic == "scope":
        return None
    if _names_any(claim.text, names):
        return None  # the sentence names the sources' drug by one of its names ("Xarelto")
    named = drugs_named(_treatments(claim.text))
    if not named and claim.trial and of_trial(claim.trial, measurements):
        return None  # names no drug but a trial the sources report ("CABOSUN | … | 8.6 vs 5.3"): that trial's
    if not named:
        start = section_start(article, claim.span[0])
        if any(_named_between(article.text, name, start, claim.span[0]) for name in names):
            return None  # the section names the sources' drug before the sentence
        named = _drugs_between(article.text, start, claim.span[0])
    if not named or named & drugs or any(drug in name or name in drug for name in named for drug in drugs):
        return None
    if claim.trial and named <= _trial_arms(claim.trial, measurements):
        return None
    return unverifiable(
        claim,
        f"The sentence is about {', '.join(sorted(named))}; the sources are about {', '.join(sorted(drugs))}.",
    )


@functools.lru_cache(maxsize=64)  # asked for each claim of a sentence, of the same sentence
def _names_any(text: str, names: tuple[str, ...]) -> bool:
    """Whether ``text`` names any of ``names`` (`build.whole_name`)."""
    return any(build.whole_name(name).search(text) for name in names)


def _named_between(text: str, name: str, start: int, end: int) -> bool:
    """Whether ``name`` is named (`build.whole_name`) in ``text[start:end]``, as a search of that
    window would tell, from where the text names it (found once per text, by position, rather than
    searched for in the section before every claim)."""
    starts = _name_starts(text, name)
    index = bisect.bisect_left(starts, start)
    if index < len(starts) and starts[index] + len(name) <= end:
        return True
    # the window's end is the end of the text to a search of it: a name right before a letter counts there
    tail = max(start, end - len(name))
    return build.whole_name(name).search(text, tail, end) is not None


@functools.lru_cache(maxsize=16)
def _name_starts(text: str, name: str) -> list[int]:
    """Where ``text`` names ``name``, overlapping names too (as a search from any position finds them)."""
    return [m.start() for m in build.whole_name(name).finditer(text, overlapped=True)]


def _trial_arms(trial: str, measurements: Sequence[Measurement]) -> set[str]:
    """The drugs of a trial's arms as the label names them, each word of an arm of alternatives too:
    {"irinotecan", "paclitaxel", …} of "Irinotecan or Paclitaxel"."""
    arms = {canonical_arm(name) or "" for m in of_trial(trial, measurements) for name in (m.arm, m.comparator)}
    return {word for arm in arms for word in [arm, *ARM_WORD.findall(arm)] if len(word) > 3}


def _p_of(claims: tuple[Claim, ...], index: int, sentence: list[int]) -> int | None:
    """The p-value stated with the ratio at ``index``: the first after it in its sentence (the claims
    at ``sentence``), before the next ratio ("HR 0.46 (…), p < 0.001 … HR 0.80 (…), p = 0.046": each
    ratio its own p)."""
    start = (claims[index].value_span or claims[index].span)[0]
    following = [(i, claims[i]) for i in sentence if (claims[i].value_span or claims[i].span)[0] > start]
    for i, other in sorted(following, key=lambda item: (item[1].value_span or item[1].span)[0]):
        if other.statistic in {"hr", "or", "rr"}:
            return None
        if other.statistic == "p":
            return i
    return None


def _drugs_between(text: str, start: int, end: int) -> set[str]:
    """The drugs named in ``text[start:end]``: the text's drug words (whole words, found once per
    text rather than once per claim) that lie inside it."""
    starts, words = _drug_words(text)
    first, last = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
    return {name for word_end, name in words[first:last] if word_end <= end and name}


@facts.per_document  # asked for each claim of a sentence, of the same sentence
def _treatments(sentence: str) -> str:
    """The sentence with the drugs it names only as what patients had before blanked out ("325 people
    who had stopped responding to infliximab" is about the drug they then received, not infliximab)."""
    for match in reversed(list(DRUG_WORD.finditer(sentence))):
        if _prior_therapy(sentence, match.start()):
            sentence = sentence[: match.start()] + " " * len(match.group(0)) + sentence[match.end() :]
    return sentence


def _prior_therapy(text: str, start: int) -> bool:
    """Whether the drug at ``start`` is one the patients had before: right after "relapsed after",
    "refractory to" (`matching.prior_therapy`), or in the same clause as "stopped responding to"."""
    return prior_therapy(text, start) or NOT_AN_ARM_LINK.search(text, max(0, start - _PRIOR_REACH), start) is not None


_PRIOR_REACH = 60  # characters before a drug's name where "resistant to", "stopped responding to" is looked for


@functools.lru_cache(maxsize=4)
def _drug_words(text: str) -> tuple[list[int], list[tuple[int, str]]]:
    """Where each drug word of ``text`` starts, and where it ends with its canonical name."""
    matches = [m for m in DRUG_WORD.finditer(text) if not _prior_therapy(text, m.start())]  # not "after bortezomib"
    return [m.start() for m in matches], [(m.end(), canonical_arm(m.group(0)) or "") for m in matches]


def _inconsistent_within(claims: tuple[Claim, ...]) -> tuple[Claim, ...]:
    """Flag numbers an article states that cannot all be right, whatever the label says:
    "HR 0.62 (95% CI 0.49–0.79), p = 0.21". The ratio and its p-value in one sentence are checked
    with `check_statement`; a p-value the label could not settle is then contradicted by its own CI."""
    flagged = list(claims)
    sentences: dict[Span, list[int]] = {}  # the claims of each sentence, found once
    for index, claim in enumerate(claims):
        sentences.setdefault(claim.span, []).append(index)
    for index, claim in enumerate(claims):
        if claim.statistic not in {"hr", "or", "rr"} or claim.raw is None:
            continue
        p_index = _p_of(claims, index, sentences[claim.span])
        p_raw = claims[p_index].raw if p_index is not None else None
        operator = p_operator(claims[p_index]) if p_index is not None else None
        flags = check_statement(
            claim.statistic, claim.raw, claim.ci_low_raw, claim.ci_high_raw, claim.ci_level,
            p_raw, None if operator in (None, "=") else operator,
        )  # fmt: skip
        if not flags:
            continue
        flagged[index] = replace(flagged[index], flags=flagged[index].flags + flags)
        if p_index is not None and any(f.check == "p_inconsistent_with_ci" for f in flags):
            p_claim = flagged[p_index]
            message = next(f.message for f in flags if f.check == "p_inconsistent_with_ci")
            p_claim = replace(p_claim, flags=p_claim.flags + flags)
            if p_claim.verdict == "unverifiable":
                p_claim = replace(
                    p_claim,
                    verdict="contradicted",
                    kind="inconsistent_statistics",
                    explanation=f"The article's own numbers cannot all be right: {message}",
                )
            flagged[p_index] = p_claim
    return tuple(flagged)


__all__ = ["check_claim", "verify", "verify_with"]
