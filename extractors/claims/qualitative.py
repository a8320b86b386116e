"""Claims without a number of their own: scope, significance and fold statements.

A scope claim is a sentence that names a drug and says what it is the treatment for or whom it
helps ("The treatment for soft tissue sarcoma of the thigh is pazopanib 800 mg once daily.");
`extractors.verdicts.scope` checks it. Sentences about surgery or radiation, which no drug label
can check, are not made claims. A significance claim says a difference was (not) significant
("significantly longer PFS"); a fold claim states a ratio of medians ("more than doubled median PFS").
"""

from __future__ import annotations

from collections.abc import Sequence

from extractors.claims import arms, context, rules
from extractors.claims.numeric import About
from extractors.claims.sentences import Sentence
from extractors.records import Claim
from extractors.text import reach, vocabulary
from extractors.text.names import canonical_arm
from extractors.text.numbers import to_float
from extractors.text.patterns import claims as patterns

_FOLD_WORDS = {"doubl": 2.0, "tripl": 3.0, "quadrupl": 4.0, "twice": 2.0, "two": 2.0, "three": 3.0, "four": 4.0}


def scope_claims(sentence: Sentence, about: About, drugs: Sequence[str] = ()) -> list[Claim]:
    """ "Pazopanib is the treatment for STS": a claim on whom the drug is for."""
    match = patterns.SCOPE.search(sentence.masked) if patterns.SCOPE_WORD.search(sentence.masked) else None
    if not match:
        return []
    negation_window = sentence.masked[max(0, match.start() - reach.before("scope_negation")) : match.end()]
    if patterns.NEGATION.search(negation_window):
        return []  # "is not a standard treatment for …": not a claim of scope
    if patterns.SCOPE_UNNAMED.match(sentence.masked, match.end()):
        return []  # "used for several other conditions": whom it is for is not said
    drug = arms.first_drug(sentence.masked, drugs)
    if drug is None and drugs and patterns.PRONOUN_IT.search(match.group(0)):
        drug = canonical_arm(drugs[0]) or drugs[0]  # "patients … can also receive it": the article's drug
    if drug is None:
        return []  # surgery, radiation: no drug label can check it
    section, trial, _population = about
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


def significance_claims(sentence: Sentence, about: About) -> list[Claim]:
    """ "significantly longer PFS", "no significant difference in OS": a claim about a p-value."""
    masked = sentence.masked
    match = patterns.SIGNIFICANT.search(masked) if patterns.SIGNIFICANT_WORD.search(masked) else None
    if not match:
        return []
    near_after = vocabulary.find_endpoint(rules.after(masked, match.end(), reach.after("endpoint_after_value")))
    near_before = vocabulary.last_endpoint(
        rules.before(masked, match.start(), reach.before("endpoint_before_statement"))
    )
    endpoint = near_after[0] if near_after else near_before or context.extra_endpoint(masked)
    if endpoint is None:
        return []  # significance of what? Only an endpoint near the words makes a checkable claim
    window = masked[max(0, match.start() - reach.before("significance_negation")) : match.end()]
    negated = bool(match.group("neg")) or bool(patterns.SIGNIFICANCE_DENIED.search(window))
    return [_statement(sentence, match.start(), match.end(), "not_significant" if negated else "significant",
                       endpoint, about)]  # fmt: skip


def fold_claims(sentence: Sentence, about: About) -> list[Claim]:
    """ "Pazopanib more than doubled median PFS": a claim on the ratio of the arms' medians."""
    masked = sentence.masked
    match = patterns.FOLD.search(masked) if patterns.FOLD_WORD.search(masked) else None
    if not match:
        return []
    # "nearly doubled the time before the disease progressed": an endpoint in the words sentences use too
    after = vocabulary.endpoint_mentions(
        rules.after(masked, match.end(), reach.after("endpoint_after_value")), sentence=True
    )
    endpoint = after[0][0] if after else vocabulary.last_endpoint(masked[: match.start()])
    if endpoint not in rules.time_to_event():
        return []  # a ratio of medians needs a time-to-event endpoint
    if match.group("n"):
        factor = to_float(match.group("n"))  # "a 3-fold longer PFS"
    else:
        word = match.group("word") or match.group("times").split()[0]  # "doubled", "twice that of"
        factor = _FOLD_WORDS[word.lower()]
    hedge = " ".join((match.group("hedge") or "").lower().split()) or None  # "more than", "nearly": how it is meant
    return [_statement(sentence, match.start(), match.end(), "fold", endpoint, about, value=factor, hedge=hedge)]


def _statement(
    sentence: Sentence,
    start: int,
    end: int,
    statistic: str,
    endpoint: str,
    about: About,
    value: float | None = None,
    hedge: str | None = None,
) -> Claim:
    """A claim whose value is the words at ``start:end`` of its sentence ("more than doubled")."""
    section, trial, population = about
    offset = sentence.span[0]
    return Claim(
        text=sentence.text,
        span=sentence.span,
        value_span=(offset + start, offset + end),
        value=value,
        statistic=statistic,
        endpoint=endpoint,
        arm=arms.first_drug(sentence.masked),
        population=population,
        trial=trial,
        hedge=hedge,
        section=section,
        cites=sentence.cites,
        raw=sentence.text[start:end],
    )
