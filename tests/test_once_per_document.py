"""What verification works out once per sentence or per label gives what asking each time gives.

A sentence's marker statuses are searched once for all its claims (`unsaid._statuses_before`), and
the label's text is lowered and counted once per phrase (`LabelView.mentions`); these properties hold
them to the direct search and count they replace, on generated text and at every claim position.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.records import Measurement, Source
from extractors.text import facts
from extractors.text.patterns import verdicts as patterns
from extractors.verdicts import quantity, unsaid
from extractors.verdicts.quantity import LabelView

PIECES = st.sampled_from(
    ["HER2-positive", "HER2", "-", "positive", " ", "KRAS wild-type", "in", "epithelioid tumors", "non-visceral",
     "node negative", "BRCA-mutated", "0.62", "12.5", "%", "patients", "visceral disease", "(", ")", "\n"]
)  # fmt: skip
TEXTS = st.lists(PIECES, max_size=40).map("".join)


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(TEXTS, st.data())
def test_statuses_found_once_are_those_searched_before_each_value(text: str, data: st.DataObject) -> None:
    end = data.draw(st.integers(0, len(text)))
    direct = [m.group(0).lower() for m in patterns.STATUS_SUBGROUP.finditer(text, 0, end)]
    with facts.document():
        assert unsaid._statuses_before(text, end) == direct
        assert unsaid._statuses_before(text, end) == direct  # asked again: from what was found once


def test_statuses_cut_at_a_value_inside_a_status() -> None:
    """A value inside a status ("HER2-positive" cut after "HER2") is searched alone: there it reads another way."""
    text = "In HER2-positive disease the HR was 0.62"
    with facts.document():
        assert unsaid._statuses_before(text, len(text)) == ["her2-positive"]
        assert unsaid._statuses_before(text, text.index("-positive")) == []


@given(st.lists(st.sampled_from(["HER2-positive ", "her2-POSITIVE", "node negative", " x ", "\n"]), max_size=20))
@settings(max_examples=100, deadline=None, derandomize=True, database=None)
def test_mentions_counted_once_are_the_count(pieces: list[str]) -> None:
    one, other = "".join(pieces), "".join(reversed(pieces))
    view = LabelView((), {"a": one, "b": other})
    for phrase in ("her2-positive", "node negative", "x"):
        assert view.mentions(phrase) == " ".join([one, other]).lower().count(phrase)
        assert view.mentions(phrase) == " ".join([one, other]).lower().count(phrase)  # the second from the first
    assert Source  # the view is built from sources' texts by id, as LabelView.of does


YEAR_PIECES = st.sampled_from(
    ["Table 3", "Table 3 ", "per", " ", "100", "pt", "patient", "-", "year", "years", "yr", "YR", "Year", "s",
     "%", "/", "n (", ")", "5.3", "12", "\n", "\t", "y", "ea", "r", "ELIQUIS", "per 100 pt-yr", "per 100 patient-",
     "%/yr", "% / year", "Table 3 n (per 100 "]
)  # fmt: skip


@settings(max_examples=400, deadline=None, derandomize=True, database=None)
@given(st.lists(YEAR_PIECES, max_size=30).map("".join), st.data())
def test_a_table_per_100_patient_years_is_found_as_searching_from_its_caption(text: str, data: st.DataObject) -> None:
    """`quantity._per_patient_years` skips a table whose lines print no "year" or "yr" (where the label
    prints them found once per label): it says what searching from the caption to the share says."""
    years = [found.start() for found in patterns.YEAR_WORD.finditer(text)]
    ends = [found.end() for found in patterns.YEAR_WORD.finditer(text)]  # a window that ends right after a word
    start = data.draw(st.sampled_from(ends) if ends and data.draw(st.booleans()) else st.integers(0, len(text)))
    m = Measurement(
        source="label", span=(start, start), raw="", value=None, statistic="rate", unit="%", table="Table 3"
    )
    caption_at = text.rfind("Table 3", 0, start)
    searched = caption_at >= 0 and patterns.PER_100_PATIENT_YEARS.search(text, caption_at, start) is not None
    assert quantity._per_patient_years(text, m, years) == searched
