"""What identifies a label file beyond its text: set id, version, effective date, brand and generic name.

Read from the openFDA record (``set_id``, ``version``, ``effective_time``, ``openfda.brand_name``)
or the SPL document (``setId``, ``versionNumber``, ``effectiveTime``, the product's name). Labels
of other kinds (HTML, text) have none of these: every field is then ``None``. Never raises: a file
that is not a label has no facts, and `ingest` says why it cannot be read.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as safe_xml
from defusedxml import DefusedXmlException

_HL7 = "{urn:hl7-org:v3}"


@dataclass(frozen=True, slots=True)
class LabelFacts:
    set_id: str | None = None  # the label's identity across versions (lower-case UUID)
    version: int | None = None  # the version number of this document of the set
    effective: date | None = None  # the date this version took effect
    brand: str | None = None  # "TAGRISSO" as the label prints it
    generic: str | None = None  # "OSIMERTINIB"


def label_facts(data: bytes) -> LabelFacts:
    """The facts of the openFDA JSON or SPL XML label in ``data``; empty facts for anything else."""
    head = data[:4096].lstrip().lstrip(b"\xef\xbb\xbf")
    try:
        if head.startswith((b"{", b"[")):
            return _openfda_facts(json.loads(data))
        if head.startswith(b"<") and b"urn:hl7-org:v3" in data[:8192]:
            return _spl_facts(safe_xml.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True))
    except (ValueError, DefusedXmlException, safe_xml.ParseError):
        pass
    return LabelFacts()


def _openfda_facts(document: Any) -> LabelFacts:
    if isinstance(document, dict) and isinstance(document.get("results"), list):
        document = document["results"][0] if document["results"] else None
    if isinstance(document, list):
        document = document[0] if document else None
    if not isinstance(document, dict):
        return LabelFacts()
    found = document.get("openfda")
    openfda: dict[str, Any] = found if isinstance(found, dict) else {}
    return LabelFacts(
        set_id=_lower(document.get("set_id")),
        version=_integer(document.get("version")),
        effective=_date(document.get("effective_time")),
        brand=_first(openfda.get("brand_name")),
        generic=_first(openfda.get("generic_name")),
    )


def _spl_facts(root: Element) -> LabelFacts:
    set_id = root.find(f"{_HL7}setId")
    version = root.find(f"{_HL7}versionNumber")
    effective = root.find(f"{_HL7}effectiveTime")
    product = root.find(f".//{_HL7}manufacturedProduct/{_HL7}manufacturedProduct")
    if product is None:
        product = root.find(f".//{_HL7}manufacturedProduct/{_HL7}manufacturedMedicine")
    brand = product.find(f"{_HL7}name") if product is not None else None
    generic = root.find(f".//{_HL7}genericMedicine/{_HL7}name")
    return LabelFacts(
        set_id=_lower(set_id.get("root") if set_id is not None else None),
        version=_integer(version.get("value") if version is not None else None),
        effective=_date(effective.get("value") if effective is not None else None),
        brand=_text(brand),
        generic=_text(generic),
    )


def _first(values: Any) -> str | None:
    if isinstance(values, list) and values and isinstance(values[0], str):
        return values[0].strip() or None
    return None


def _text(element: Element | None) -> str | None:
    if element is None:
        return None
    text = " ".join("".join(element.itertext()).split())
    return text or None


def _lower(value: Any) -> str | None:
    return value.strip().lower() or None if isinstance(value, str) else None


def _integer(value: Any) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _date(value: Any) -> date | None:
    """``20240925`` → 2024-09-25; anything else → ``None``."""
    if not isinstance(value, str) or len(value) < 8 or not value[:8].isdigit():
        return None
    try:
        return date(int(value[:4]), int(value[4:6]), int(value[6:8]))
    except ValueError:
        return None
