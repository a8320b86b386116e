"""The reading budget: a document that takes too long is read in part and flagged, never hangs."""

from __future__ import annotations

import json
import time

import pytest
import regex

from extractors import article_from_bytes, extract, render_extract, render_verify, source_from_bytes
from extractors.read.pipeline import extract as extract_within
from extractors.text import budget
from extractors.text.patterns.timed import SHORT, Timed
from extractors.verdicts.verify import verify_with
from tests.conftest import PROJECT

EXAMPLE = PROJECT / "data" / "examples" / "sarcoma_thigh_treatment_options.txt"


def test_a_spent_budget_flags_the_label_and_keeps_going() -> None:
    source = source_from_bytes(EXAMPLE.read_bytes(), "label.txt")
    report = extract_within([source], seconds=0.0)
    (flag,) = report.sources[0].flags
    assert flag.check == "reading_stopped" and flag.severity == "warning"
    assert flag.message.startswith("reading stopped after 0 s at character ")
    assert "reading_stopped" in json.loads(render_extract(report, "json"))["sources"][0]["flags"][0]["check"]
    assert "? label reading_stopped: reading stopped" in render_extract(report, "table")


def test_a_spent_budget_flags_the_article() -> None:
    article = article_from_bytes(EXAMPLE.read_bytes(), "article.txt")
    report = verify_with(article, extract([]), seconds=0.0)
    assert [f.check for f in report.article.flags] == ["reading_stopped"]
    assert report.claims == ()  # nothing was read
    assert json.loads(render_verify(report, "json"))["article"]["flags"][0]["check"] == "reading_stopped"


def test_enough_budget_changes_nothing() -> None:
    """Negative: a real article read within its budget has no flag and the same claims."""
    article = article_from_bytes(EXAMPLE.read_bytes(), "article.txt")
    quick = verify_with(article, extract([]), seconds=budget.DOCUMENT_SECONDS)
    assert quick.article.flags == () and quick.claims == verify_with(article, extract([]), seconds=1e9).claims


def test_a_pattern_over_a_long_text_is_given_the_time_left() -> None:
    catastrophic = Timed(regex.compile(r"(a+)+b"))  # exponential on "aaa…": only a timeout stops it
    text = "a" * (SHORT + 100)
    with budget.reading(0.05), pytest.raises(TimeoutError):
        catastrophic.search(text)


def test_without_a_budget_nothing_is_timed() -> None:
    assert budget.seconds_left() is None
    assert Timed(regex.compile(r"a")).search("b" * (SHORT + 1)) is None


def test_check_raises_once_the_budget_is_spent() -> None:
    with budget.reading(0.0) as spent:
        with pytest.raises(budget.ReadingStopped):
            budget.check(42)
        budget.stop()
    assert spent.stopped_at == 42
    assert budget.stopped_message(spent, 100) == (
        "reading stopped after 0 s at character 42 of 100: what follows was not read"
    )


def test_the_budget_counts_cpu_time_not_waiting() -> None:
    """A thread that waits (a busy machine gives it no CPU) spends none of its budget; one that works does."""
    with budget.reading(0.2):
        time.sleep(0.3)
        budget.check(1)  # 0.3 s waited: the CPU budget is untouched
    with budget.reading(0.2), pytest.raises(budget.ReadingStopped):
        started = time.thread_time()
        while time.thread_time() - started < 0.3:
            pass
        budget.check(1)


def test_a_hang_is_stopped_by_the_wall_clock_too(monkeypatch: pytest.MonkeyPatch) -> None:
    """However little CPU time a reading gets, it stops at `WALL_FACTOR` times its budget, and says why."""
    monkeypatch.setattr(budget, "WALL_FACTOR", 0.5)
    with budget.reading(0.4) as spent:
        time.sleep(0.25)
        with pytest.raises(budget.ReadingStopped):
            budget.check(7)
        budget.stop()
    assert budget.stopped_message(spent, 10) == (
        "reading stopped after 0 s, the machine busy, at character 7 of 10: what follows was not read"
    )


def test_a_fresh_budget_is_not_asked_of_the_cpu_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Before as many wall-clock seconds as the budget has passed, no CPU budget can be spent, so `check`
    does not read the CPU clock (a system call); once they have, it does, and a spent budget stops."""
    asked: list[float] = []
    thread_time = time.thread_time

    def cpu_clock() -> float:
        asked.append(thread_time())
        return asked[-1]

    monkeypatch.setattr(budget.time, "thread_time", cpu_clock)
    with budget.reading(5.0):
        asked.clear()  # the budget's start reads it once
        for position in range(100):
            budget.check(position)
        assert asked == []
    with budget.reading(0.05), pytest.raises(budget.ReadingStopped):
        started = time.process_time()
        while time.process_time() - started < 0.1:
            pass
        budget.check(1)
    assert asked
