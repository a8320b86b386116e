"""What a row of response results names beyond its endpoint: a landmark of the duration of response
("% with duration ≥ 12 months", "≥6 months, n (%)" under "Durability of Response") and a kind of
response that the heading joined above the row would hide ("Response Rate – IRAC, n (%)" over "CR")."""

from __future__ import annotations

from dataclasses import replace

from extractors.records import Measurement
from extractors.text import vocabulary
from extractors.text.patterns import table_labels as label_patterns


def landmark_of_response(label: str, added: list[Measurement]) -> list[Measurement]:
    """The rates of a landmark row of the duration of response ("% with duration ≥ 12 months") have the
    landmark as their endpoint, "DOR ≥12 months", whatever heading is above: not the median DOR an
    article quotes, nor one another; the row's N (the responders) stays the heading's."""
    landmark = label_patterns.DOR_LANDMARK.search(label)
    alone = label_patterns.LANDMARK_ALONE.match(label) if landmark is None else None
    if landmark is None and alone is None:
        return added
    found = landmark or alone
    assert found is not None
    endpoint = f"DOR ≥{found.group('length')} {found.group('unit').lower()}"
    return [
        replace(m, endpoint=endpoint) if m.statistic != "n" and (landmark or m.endpoint == "DOR") else m for m in added
    ]


def heading_hides_kind(label: str, own: str) -> bool:
    """Whether a row's own label is a kind of response ("CR") that the heading joined above it would
    hide: "Response Rate – IRAC, n (%) CR" reads as ORR; "Response rate CR, n (%)" already names CR."""
    kind = label_patterns.RESPONSE_CATEGORY_LABEL.match(own)
    joined = vocabulary.find_endpoint(label)
    return kind is not None and (joined is None or joined[0] != kind.group("kind"))
