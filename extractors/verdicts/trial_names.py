"""Which of the label's trials an article's trial name means, when the label uses it for more than one.

REVLIMID's label calls two myeloma trials "Study 1" and "Study 2" and two maintenance trials
"Maintenance Study 1" and "Maintenance Study 2"; a review of maintenance writes "Study 1" for the
second. An article's name means every label trial called by it, whole or after qualifying words;
the words around the claim (its sentence, its section's heading) settle which when they name the
qualifier of exactly one ("3. Maintenance after autologous transplant"). A name they do not settle
is checked against each of its trials and contradicted by none.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from extractors.records import Claim, Measurement
from extractors.verdicts import matching


def as_label_names(claim: Claim, measurements: Sequence[Measurement]) -> Claim:
    """The claim with its trial named as the label names it, when its words settle which one."""
    if not claim.trial:
        return claim
    called = trials_called(claim.trial, measurements)
    if len(called) < 2:
        return claim
    words = _words(f"{claim.section or ''} {claim.text}")
    qualified = [name for name in called if name.lower() != claim.trial.lower()]
    settled = [name for name in qualified if set(_words(_qualifier(name, claim.trial))) <= words]
    if len(settled) == 1:
        return replace(claim, trial=settled[0])
    return claim


def trials_called(trial: str, measurements: Sequence[Measurement]) -> tuple[str, ...]:
    """The label's trials an article's name may mean: the one of that name, and those named by it after
    qualifying words ("Maintenance Study 1" for "Study 1"), in order of name."""
    key = trial.lower()
    named = matching.named_trials(measurements)
    return tuple(sorted(name for name in named if name.lower() == key or name.lower().endswith(f" {key}")))


def of_trials_called(
    trial: str, pool: tuple[Measurement, ...], measurements: Sequence[Measurement]
) -> tuple[Measurement, ...]:
    """The numbers of ``pool`` of every trial the article's name may mean (`matching.of_trial_alone`
    when it means one)."""
    called = trials_called(trial, measurements)
    if len(called) < 2:
        return matching.of_trial_alone(trial, pool, measurements)
    return tuple(m for name in called for m in matching.of_trial(name, pool))


def _qualifier(name: str, trial: str) -> str:
    """The words a label's name puts before the article's: "Maintenance" of "Maintenance Study 1"."""
    return name[: len(name) - len(trial)]


def _words(text: str) -> set[str]:
    return set("".join(c if c.isalnum() else " " for c in text.lower()).split())
