"""What a label's sentences are read against: its brand, and the arm a value that names none is
given as the text says a trial compares arms or has one (tests/cases/label_scenes.json)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from conftest import CASES

from extractors.read.discourse import after_sentence, before_sentence
from extractors.read.prose import label_scene
from extractors.read.scene import Scene
from extractors.records import Source

SCENES: dict[str, Any] = json.loads((CASES / "label_scenes.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", SCENES["brands"], ids=[case["id"] for case in SCENES["brands"]])
def test_a_label_is_read_as_about_the_product_its_title_names(case: dict[str, Any]) -> None:
    source = Source("label", "label.xml", case["kind"], case["drug"], case["title"], "")
    assert label_scene(source).experimental == case["experimental"]


@pytest.mark.parametrize("case", SCENES["default_arms"], ids=[case["id"] for case in SCENES["default_arms"]])
def test_a_trial_has_one_arm_unless_the_text_says_it_compares_arms(case: dict[str, Any]) -> None:
    scene = Scene("label", experimental="HUMIRA", drugs=("HUMIRA",), trials=frozenset(case["trials"]))
    for sentence, line_ends in case["sentences"]:
        scene = before_sentence(scene, sentence, line_ends=line_ends)
        scene = after_sentence(scene, sentence, paragraph_ends=line_ends)
    assert scene.default_arm == case["default_arm"]
