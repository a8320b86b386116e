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
from dataclasses import replace

from extractors.checks import check_statement
from extractors.claims import find_claims
from extractors.ingest.articles import quoted_label_source, quoted_label_span, section_start
from extractors.read.prose import label_scene
from extractors.records import VERDICTS, Article, Claim, ExtractReport, Flag, Measurement, Source, VerifyReport
from extractors.text import budget
from extractors.text.names import DRUG_WORD, canonical_arm
from extractors.verdicts.describe import unverifiable
from extractors.verdicts.doses import check_dose
from extractors.verdicts.fold import check_fold
from extractors.verdicts.matching import drugs_named, p_operator
from extractors.verdicts.numbers import FAMILY, check_number
from extractors.verdicts.scope import check_scope
from extractors.verdicts.significance import check_significance


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
    quoted = quoted_label_span(article)
    with budget.reading(seconds) as spent:
        claims = [
            claim
            for claim in find_claims(article, trials, _drug_names(extracted.sources))
            if quoted is None or not (quoted[0] <= claim.span[0] < quoted[1])  # the quote is the source
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


def _checked(article: Article, claims: list[Claim], extracted: ExtractReport) -> tuple[Claim, ...]:
    """Each claim with its verdict, until the budget runs out; the rest unverifiable, saying why."""
    drugs = _source_drugs(extracted.sources, extracted.measurements)
    checked: list[Claim] = []
    try:
        for claim in claims:
            budget.check(claim.span[0])
            checked.append(_other_drug(article, claim, drugs) or check_claim(claim, extracted))
    except budget.STOPPED:
        budget.stop()
        checked += [
            unverifiable(c, "Not checked: the time for reading this article ran out.") for c in claims[len(checked) :]
        ]
    return tuple(checked)


def check_claim(claim: Claim, extracted: ExtractReport) -> Claim:
    """One claim with its verdict, kind, evidence and explanation."""
    if claim.statistic == "scope":
        return check_scope(claim, extracted.sources, extracted.populations)
    if claim.statistic == "dose":
        return check_dose(claim, extracted.doses)
    if claim.statistic == "fold":
        return check_fold(claim, extracted.measurements)
    if claim.statistic in {"significant", "not_significant"}:
        return check_significance(claim, extracted.measurements)
    if claim.statistic in FAMILY and claim.value is not None:
        return check_number(claim, extracted.measurements)
    return replace(claim, verdict="unverifiable", explanation="Not a statistic the sources can be checked for.")


def _drug_names(sources: Sequence[Source]) -> tuple[str, ...]:
    """Every name of the drugs the sources are about, brand first: ("TAGRISSO", "osimertinib")."""
    return tuple(dict.fromkeys(name for source in sources for name in label_scene(source).drugs))


def _source_drugs(sources: Sequence[Source], measurements: Sequence[Measurement]) -> frozenset[str]:
    """The drugs the sources are about: each source's drug and the experimental arms of its ratios."""
    names = {canonical_arm(source.drug) for source in sources if source.drug}
    names |= {canonical_arm(m.arm) for m in measurements if m.statistic == "hr" and m.arm}
    return frozenset(name for name in names if name)


def _other_drug(article: Article, claim: Claim, drugs: frozenset[str]) -> Claim | None:
    """A claim whose sentence names only drugs the sources are not about is about another study.

    A sentence that names no drug is about the drug named last before it in its section
    (a heading "Cabozantinib", an earlier sentence), if any.
    """
    if not drugs or claim.statistic == "scope":
        return None
    named = drugs_named(claim.text)
    if not named:
        named = _drugs_between(article.text, section_start(article, claim.span[0]), claim.span[0])
    if not named or named & drugs or any(drug in name or name in drug for name in named for drug in drugs):
        return None
    return unverifiable(
        claim,
        f"The sentence is about {', '.join(sorted(named))}; the sources are about {', '.join(sorted(drugs))}.",
    )


def _drugs_between(text: str, start: int, end: int) -> set[str]:
    """The drugs named in ``text[start:end]``: the text's drug words (whole words, found once per
    text rather than once per claim) that lie inside it."""
    starts, words = _drug_words(text)
    first, last = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
    return {name for word_end, name in words[first:last] if word_end <= end and name}


@functools.lru_cache(maxsize=4)
def _drug_words(text: str) -> tuple[list[int], list[tuple[int, str]]]:
    """Where each drug word of ``text`` starts, and where it ends with its canonical name."""
    matches = list(DRUG_WORD.finditer(text))
    return [m.start() for m in matches], [(m.end(), canonical_arm(m.group(0)) or "") for m in matches]


def _inconsistent_within(claims: tuple[Claim, ...]) -> tuple[Claim, ...]:
    """Flag numbers an article states that cannot all be right, whatever the label says:
    "HR 0.62 (95% CI 0.49–0.79), p = 0.21". The ratio and its p-value in one sentence are checked
    with `check_statement`; a p-value the label could not settle is then contradicted by its own CI."""
    flagged = list(claims)
    p_of_sentence: dict[tuple[int, int], int] = {}  # the first p-value of each sentence
    for index, claim in enumerate(claims):
        if claim.statistic == "p":
            p_of_sentence.setdefault(claim.span, index)
    for index, claim in enumerate(claims):
        if claim.statistic not in {"hr", "or", "rr"} or claim.raw is None:
            continue
        p_index = p_of_sentence.get(claim.span)
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
