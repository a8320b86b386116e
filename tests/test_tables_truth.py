"""The table reader against hand-read label tables (tests/cases/tables_truth): per label and form, the
share of cells read with the right attribution (tests/truth_tables.py says what "right" means).

Each label has a floor per form, the share it reaches today: a change that reads fewer cells
fails. Where the reader is far from reading a label yet, the case is an ``xfail(strict=True)``
with its target and the reason, so it fails loudly the day it passes. Raise the floors as the
reader improves; ``python bench/tables_truth.py`` prints the shares and why cells were missed.
"""

from __future__ import annotations

import functools
from typing import Any

import pytest

from extractors.records import Measurement
from tests.conftest import shared_file
from tests.truth_tables import FORMS, form_of, pair, read_forms, score, truth_labels, truth_of

# label → (structured, spaced, glued): the share of truth entries each form must read right.
FLOORS: dict[str, tuple[float, float, float]] = {
    "adcetris": (0.95, 0.0, 0.0),  # SPL; its flattened forms are GAPS
    "brilinta": (0.91, 0.82, 0.72),
    "cabometyx": (0.96, 0.69, 0.71),
    "effient": (0.86, 0.86, 0.78),
    "enhertu": (0.98, 0.65, 0.78),
    "ibrance": (0.93, 0.92, 0.68),
    "imfinzi": (1.00, 0.97, 0.93),
    "keytruda": (1.00, 0.92, 0.91),
    "kisqali": (1.00, 0.58, 0.41),
    "lenvima": (0.96, 0.71, 0.65),
    "lipitor": (1.00, 0.32, 0.32),
    "lipitor_spl": (0.94, 0.77, 0.77),
    "lonsurf": (1.00, 1.00, 1.00),
    "lynparza": (0.81, 0.73, 0.61),
    "opdivo": (0.97, 0.97, 0.92),
    "padcev": (1.00, 1.00, 1.00),
    "repatha": (1.00, 1.00, 1.00),
    "revlimid": (0.89, 0.66, 0.75),
    "tagrisso": (1.00, 0.74, 0.65),
    "tecentriq": (1.00, 0.89, 0.75),
    "venclexta": (1.00, 1.00, 1.00),
    "verzenio": (0.90, 0.72, 0.60),
    "xarelto": (0.75, 0.69, 0.60),
    "yervoy": (0.93, 0.43, 0.34),
}

# (label, form) → (target share, why the reader does not reach it yet).
_SINGLE_ARM_FLATTENED = (
    "flattened, a single-arm trial's header of two Ns under the diseases ('HL sALCL Total N = 102 % of patients "
    "… Total N = 58 …', Table 1) names no arm: its columns are given the drug only with the cells kept "
    "(read/tables/single_arm.py); a table of one N is read flattened too (read/tables/flattened_single_arm.py)"
)
GAPS: dict[tuple[str, str], tuple[float, str]] = {
    ("adcetris", "spaced"): (0.9, _SINGLE_ARM_FLATTENED),
    ("adcetris", "glued"): (0.9, _SINGLE_ARM_FLATTENED),
}


@functools.cache
def _readings(label: str) -> dict[str, list[Measurement]]:
    return read_forms(shared_file(f"corpus/raw/{truth_of(label)['file']}"))


def _cases() -> list[Any]:
    cases = []
    for label in truth_labels():
        for index, form in enumerate(FORMS):
            if (label, form) in GAPS:
                target, why = GAPS[(label, form)]
                cases.append(
                    pytest.param(
                        label, form, target, marks=pytest.mark.xfail(strict=True, reason=why), id=f"{label}-{form}"
                    )
                )
            else:
                cases.append(pytest.param(label, form, FLOORS[label][index], id=f"{label}-{form}"))
    return cases


@pytest.mark.parametrize(("label", "form", "floor"), _cases())
def test_hand_read_cells_come_out_with_their_attribution(label: str, form: str, floor: float) -> None:
    result = score(truth_of(label)["tables"], _readings(label)[form])
    assert result.share >= floor, (
        f"{label} {form}: {result.found}/{result.total} ({result.share:.1%}) < {floor:.0%}; "
        f"first missing: {result.missing[:3]}"
    )


@pytest.mark.parametrize("label", truth_labels())
def test_no_form_of_a_truth_label_invents_a_value(label: str) -> None:
    path = shared_file(f"corpus/raw/{truth_of(label)['file']}")
    for form in FORMS:
        text = form_of(path, form).text
        for m in _readings(label)[form]:
            assert text[m.span[0] : m.span[1]] == m.raw, (form, m)
            if m.value is not None:
                assert float(m.raw.replace(" ", "").replace(",", "")) == m.value, (form, m)


@pytest.mark.parametrize("label", truth_labels())
def test_an_updated_analysis_is_said_and_only_there(label: str) -> None:
    """A cell the table prints under "Updated OS" / "Updated Analysis" comes out with analysis
    "updated"; a cell of the first analysis of the same table never does."""
    entries = truth_of(label)["tables"]
    measurements = _readings(label)["structured"]
    updated_tables = {e["table"] for e in entries if str(e.get("analysis", "")).startswith("Updated")}
    for entry, index in zip(entries, pair(entries, measurements), strict=True):
        if index is None or entry["table"] not in updated_tables:
            continue
        wanted = "updated" if str(entry.get("analysis", "")).startswith("Updated") else None
        assert measurements[index].analysis == wanted, (entry, measurements[index])
