"""What a share or a median time an article gives is of, when its words say it: a share of patients
with an endpoint's event named in lay words ("29% of patients had died"), a share whose clause names
no endpoint (no efficacy rate to check), a median time read with an endpoint that is no time.
"""

from __future__ import annotations

from extractors.records import Claim, replace
from extractors.text import vocabulary
from extractors.text.patterns import rates as rate_patterns
from extractors.text.patterns import statements as statement_patterns
from extractors.text.patterns import verdicts as verdict_patterns
from extractors.verdicts import quantity

# How far after a share the endpoint may be named, past the words of the share's group: "36% of
# those given the 160/80 mg starting dose were in remission" (64 characters).
_GROUP_WORDS = 80
_WHOLE_NAME = 100  # how far past that reach a name that starts within it may run


def no_time_of(claim: Claim) -> bool:
    """Whether the claim is a median time given an endpoint that is not measured as a time (ORR)."""
    return (
        claim.statistic == "median"
        and claim.endpoint is not None
        and claim.endpoint not in vocabulary.time_to_event()
        and vocabulary.months_per(claim.unit or "") is not None
    )


def event_share(claim: Claim) -> Claim:
    """A share whose sentence names no endpoint (or only its context gives one) but one endpoint's event
    in lay words ("29% of patients on the combination had died"): that endpoint's share of patients
    with the event."""
    end = (claim.value_span or claim.span)[1] - claim.span[0]
    events = vocabulary.event_share_endpoints(claim.text[: end + 60])
    return replace(claim, endpoint=events.pop()) if len(events) == 1 else claim


def referred(claim: Claim) -> bool:
    """Whether the clause of a share takes up by a pronoun the event the sentences before named: "The
    primary endpoint was death or the need for ECMO. It occurred in 46% …" (a share of that endpoint's)."""
    start = (claim.value_span or claim.span)[0] - claim.span[0]
    return rate_patterns.EVENT_REFERRED.search(claim.text, max(0, start - 80), start) is not None


def what_rate(claim: Claim, named_by_label: bool = False, event_row: bool = False) -> str | None:
    """Why a percentage cannot be checked as a response or survival rate, or None when it can: a
    safety figure (unless it names a row of the label's event tables, ``event_row``: "Major bleeding
    … occurred in 3.3%" of PLATO's bleeding table), or a share whose clause names no endpoint (the
    endpoint came from the context)."""
    if quantity.claim_says(claim, "safety", "words") and not event_row:
        return "it is a safety figure (a share of patients with an adverse reaction), not an efficacy rate."
    end = (claim.value_span or claim.span)[1] - claim.span[0]
    if claim.endpoint in vocabulary.time_to_event() and rate_patterns.LONGER_AFTER.match(claim.text[end:].lstrip("%")):
        return None  # "patients on the combination lived 42% longer": checked as a longer survival (`derived`)
    # a response in lay words names its endpoint ("Tumours shrank in 40.6%"); the lay words of a
    # time-to-event endpoint ("progression") name no share; a cell's header names it too; the words may
    # follow the share's group ("37% of people on venetoclax reached a complete remission")
    text = f"{claim.column or ''} {claim.text[: end + _GROUP_WORDS]}"
    # a name that starts within reach counts whole: "65% reached a complete remission or a remission
    # with partial blood count recovery" is CR+CRh, not the CR its first words are
    whole = f"{claim.column or ''} {claim.text[: end + _GROUP_WORDS + _WHOLE_NAME]}"
    named = {code for code, at, _ in vocabulary.endpoint_mentions(whole, sentence=True) if at < len(text)}
    named -= set(vocabulary.time_to_event()) - {code for code, _, _ in vocabulary.endpoint_mentions(text)}
    share = verdict_patterns.SHARE_OF_COUNT_BEFORE.search(claim.text, max(0, end - 60), end - len(claim.raw or ""))
    if share is not None and claim.endpoint is not None:
        return None  # the share of a count of events: its endpoint is the count's ("155 patients (45%)")
    # "85.5% of patients given abemaciclib were alive and free of invasive disease": the clause's end
    named |= vocabulary.share_endpoints(f"{claim.column or ''} {claim.text[: end + 100]}")
    named |= vocabulary.event_share_endpoints(text)  # "29% of patients had died": a share of OS's events
    if claim.endpoint in vocabulary.time_to_event() and vocabulary.names_an_event(text):
        named.add(claim.endpoint)  # "18.5% of the abemaciclib group had an event": the context's endpoint's
    if statement_patterns.SHARE_RESPONDED.search(text):
        named.add("ORR")  # "55.4% responded to abemaciclib"
    if claim.endpoint and named & vocabulary.same_composite(claim.endpoint):
        named.add(claim.endpoint)  # "recurrence or death occurred" (DFS's words) names the RFS the label reports
    if not named_by_label and (claim.endpoint is None or claim.endpoint not in named):
        return "its clause does not say what the share is of (no endpoint is named with it)."
    return None
