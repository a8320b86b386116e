"""Per-document facts: a phrase's answer is worked out once while one document is read, and never
carried into the next document."""

from __future__ import annotations

from collections.abc import Callable

from extractors.text import facts, vocabulary


def _counting() -> tuple[list[str], Callable[[str], str]]:
    asked: list[str] = []

    @facts.per_document
    def shout(phrase: str) -> str:
        asked.append(phrase)
        return phrase.upper()

    return asked, shout


def test_within_a_document_each_phrase_is_worked_out_once() -> None:
    asked, shout = _counting()
    with facts.document():
        answers = [shout(p) for p in ("os", "pfs", "os", "os", "pfs")]
    assert answers == ["OS", "PFS", "OS", "OS", "PFS"]
    assert asked == ["os", "pfs"]


def test_answers_are_forgotten_when_the_document_ends_and_not_kept_outside_one() -> None:
    asked, shout = _counting()
    with facts.document():
        shout("os")
    with facts.document():
        shout("os")
    shout("os")
    shout("os")
    assert asked == ["os"] * 4


def test_a_remembered_vocabulary_answer_is_the_one_worked_out_afresh() -> None:
    labels = [
        "Median (months)",
        "Progression-Free Survival (PFS) per BICR N",
        "Hazard ratio (95% CI)",
        "Objective response rate",
    ]
    statistics = [vocabulary.statistic_of_label(label) for label in labels]
    endpoints = [vocabulary.find_endpoint(label) for label in labels]
    assert statistics[0] == ("median", "months") and endpoints[1] is not None  # the questions have answers
    with facts.document():
        for _ in range(2):
            assert [vocabulary.statistic_of_label(label) for label in labels] == statistics
            assert [vocabulary.find_endpoint(label) for label in labels] == endpoints
