"""`records.replace` copies a record with changes exactly as `dataclasses.replace` does, faster."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors.read.scene import Scene
from extractors.records import Claim, Measurement, replace

_CLAIM = Claim(text="Median PFS was 4.6 months.", span=(0, 26), value_span=(15, 18), value=4.6, statistic="median")
_MEASUREMENT = Measurement(source="label", statistic="hr", value=0.46, raw="0.46", span=(3, 7))
_SCENE = Scene(source="article", drugs=("TAGRISSO", "osimertinib"), experimental="TAGRISSO")


@given(
    st.sampled_from([_CLAIM, _MEASUREMENT, _SCENE]),
    st.data(),
)
def test_a_copy_with_changes_is_the_dataclasses_copy(record: object, data: st.DataObject) -> None:
    names = [f.name for f in dataclasses.fields(record)]  # type: ignore[arg-type]
    chosen = data.draw(st.lists(st.sampled_from(names), unique=True, max_size=4))
    changes = {
        name: data.draw(st.one_of(st.none(), st.text(max_size=5), st.floats(allow_nan=False))) for name in chosen
    }
    copy = replace(record, **changes)
    assert copy == dataclasses.replace(record, **changes)  # type: ignore[type-var]
    assert type(copy) is type(record)
    assert all(getattr(copy, name) is value for name, value in changes.items())


def test_the_record_copied_is_left_as_it_was() -> None:
    copy = replace(_CLAIM, verdict="supported", explanation="Supported.")
    assert (copy.verdict, copy.explanation) == ("supported", "Supported.")
    assert (_CLAIM.verdict, _CLAIM.explanation) == ("unverifiable", "")  # the defaults


def test_a_field_the_record_lacks_is_refused() -> None:
    with pytest.raises((KeyError, TypeError)):
        replace(_CLAIM, no_such_field=1)


@dataclasses.dataclass(frozen=True)
class _KeywordOnly:
    first: int
    second: int = dataclasses.field(default=0, kw_only=True)


@dataclasses.dataclass(frozen=True)
class _Derived:
    first: int
    second: int = dataclasses.field(init=False, default=7)


def test_a_class_whose_fields_are_not_all_passed_in_order_is_copied_by_dataclasses() -> None:
    assert replace(_KeywordOnly(1, second=2), first=3) == _KeywordOnly(3, second=2)
    assert replace(_Derived(1), first=3) == _Derived(3)
