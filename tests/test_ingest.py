"""Ingest: the kind comes from the content; hostile or broken input is refused with a reason."""

from __future__ import annotations

import json
from typing import Any

import pytest

from extractors.ingest.files import MAX_BYTES
from extractors.ingest.labels import load_source, source_from_bytes
from extractors.records import InputError
from tests.conftest import CASES, SHARED

KIND_CASES = json.loads((CASES / "ingest_kinds.json").read_text(encoding="utf-8"))

_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
    '<document xmlns="urn:hl7-org:v3"><title>&lol2;</title></document>'
)
_EXTERNAL = (
    '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
    '<document xmlns="urn:hl7-org:v3"><title>&e;</title></document>'
)


@pytest.mark.parametrize("case", KIND_CASES, ids=[c["id"] for c in KIND_CASES])
def test_kind_is_detected_from_content(case: dict[str, Any]) -> None:
    source = source_from_bytes(case["text"].encode("utf-8"), case["name"])
    assert source.kind == case["kind"]
    assert source.drug == case["drug"]
    assert case["contains"] in source.text
    if "absent" in case:
        assert case["absent"] not in source.text


@pytest.mark.parametrize(
    "data, problem",
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("café".encode("latin-1"), "not UTF-8"),
        (b'{"theme": "dark"}', "not an openFDA drug label"),
        (b"{not json", "malformed JSON"),
        (b'<?xml version="1.0"?><document xmlns="urn:hl7-org:v3"><section>', "malformed XML"),
        (_LAUGHS.encode(), "refused for safety"),
        (_EXTERNAL.encode(), "refused for safety"),
        (b'<?xml version="1.0"?><catalog><item/></catalog>', "not an SPL label"),
        (
            b'<!DOCTYPE article PUBLIC "-//NLM//DTD JATS//EN" "x.dtd"><article article-type="review"/>',
            "journal article",
        ),
        (b" " * (MAX_BYTES + 1), "limit"),
    ],
    ids=[
        "empty",
        "binary",
        "latin-1",
        "json-not-label",
        "broken-json",
        "broken-xml",
        "entity-expansion",
        "external-entity",
        "other-xml",
        "jats-article",
        "too-large",
    ],
)
def test_bad_input_is_refused_with_its_reason(data: bytes, problem: str) -> None:
    with pytest.raises(InputError, match=problem) as raised:
        source_from_bytes(data, "input.bin")
    assert raised.value.path == "input.bin"


def test_missing_file_names_the_file() -> None:
    with pytest.raises(InputError, match="cannot read") as raised:
        load_source("/no/such/label.json")
    assert "/no/such/label.json" in str(raised.value)


def test_every_label_in_the_corpus_is_read() -> None:
    raw = SHARED / "corpus" / "raw"
    if not raw.exists():
        pytest.skip(f"{raw} is absent (a bare clone has no ../shared corpus beside it)")
    labels = [
        p for p in sorted(raw.iterdir()) if not p.name.startswith(("ctgov_", "article_")) and "drugsfda" not in p.name
    ]
    assert len(labels) >= 30
    for path in labels:
        source = load_source(str(path))
        assert source.text.strip(), path.name
