"""The trial and the population a table's caption names (tests/cases/caption_trials.json, caption_populations.json)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import CASES

from extractors.read.context import study_names, trial_for, trials_introduced
from extractors.read.discourse import before_sentence
from extractors.read.scene import Scene
from extractors.read.tables.captions import caption_population

CAPTIONS: dict[str, Any] = json.loads((CASES / "caption_trials.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CAPTIONS["cases"], ids=[case["id"] for case in CAPTIONS["cases"]])
def test_a_caption_names_its_trial_whole(case: dict[str, Any]) -> None:
    text = case.get("text", "")
    trial, _nct = trial_for(text, len(text) if case.get("table_after_text") else 0, case["caption"])
    assert trial == case["trial"]


@pytest.mark.parametrize("case", CAPTIONS["populations"], ids=[case["id"] for case in CAPTIONS["populations"]])
def test_a_caption_names_its_population(case: dict[str, Any]) -> None:
    assert caption_population(case["caption"]) == case["population"]


@pytest.mark.parametrize("case", CAPTIONS["study_names"], ids=[case["id"] for case in CAPTIONS["study_names"]])
def test_a_numbered_study_goes_by_the_name_printed_with_it(case: dict[str, Any]) -> None:
    assert study_names(case["text"]) == case["names"]


@pytest.mark.parametrize("case", CAPTIONS["introductions"], ids=[case["id"] for case in CAPTIONS["introductions"]])
def test_a_label_introduces_a_trial_by_its_name(case: dict[str, Any]) -> None:
    assert sorted(trials_introduced(case["text"])) == sorted(case["trials"])


@pytest.mark.parametrize("case", CAPTIONS["sentence_trials"], ids=[case["id"] for case in CAPTIONS["sentence_trials"]])
def test_a_sentence_that_opens_with_a_trial_moves_the_scene_to_it(case: dict[str, Any]) -> None:
    known = Scene("label", trial=case.get("scene_trial"), trials=frozenset(case.get("trials", ())))
    scene = before_sentence(known, case["text"], line_ends=case.get("line_ends", False))
    assert scene.trial == case["trial"]


POPULATIONS: dict[str, Any] = json.loads((CASES / "caption_populations.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", POPULATIONS["cases"], ids=[case["id"] for case in POPULATIONS["cases"]])
def test_a_caption_names_a_cohort_as_its_population(case: dict[str, Any]) -> None:
    assert caption_population(case["caption"], case.get("text", "")) == case["population"]
