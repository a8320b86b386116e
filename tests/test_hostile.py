"""Every reproducer of issue 16 and every hostile file, through the command line.

Each case says what must happen: a report (exit 0 or 1, JSON on stdout, nothing on stderr) or a
refusal (exit 2, one line naming the file and the problem in words). Cases that still fail are
``xfail(strict=True)`` with the reason, so each one is noticed the day it passes. A hang guard
stops a case after `HANG_GUARD` seconds so a regression fails instead of blocking the suite; how
fast each case runs is measured by bench/hostile.py, not here.
"""

from __future__ import annotations

import json
import signal
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from extractors import cli
from extractors.ingest import files
from extractors.text import budget
from tests.hostile_cases import argv, load_cases, write_case

# seconds: a label and an article each read within budget.DOCUMENT_SECONDS of CPU time, and so within
# WALL_FACTOR times that of wall-clock time however busy the machine is, and parsing
HANG_GUARD = int(2 * budget.WALL_FACTOR * budget.DOCUMENT_SECONDS) + 30


class Hang(Exception):
    pass


def params() -> list[Any]:
    return [
        pytest.param(case, id=case["id"], marks=[pytest.mark.xfail(strict=True, reason=case["xfail"])])
        if "xfail" in case
        else pytest.param(case, id=case["id"])
        for case in load_cases()
    ]


def _hang(signum: int, frame: FrameType | None) -> None:
    raise Hang(f"still running after {HANG_GUARD} s")


@pytest.mark.parametrize("case", params())
def test_hostile_input(
    case: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    if "device" in case and not Path(case["device"]).exists():
        pytest.skip(f"{case['device']} is absent on this system")
    monkeypatch.setattr(files, "WRITER_WAIT", 0.5)
    monkeypatch.setattr(files, "PIPE_WAIT", 0.5)
    path = write_case(case, tmp_path)
    previous = signal.signal(signal.SIGALRM, _hang)
    signal.alarm(HANG_GUARD)
    try:
        code = cli.main(argv(case, path))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    out, err = capsys.readouterr()
    if case["expect"] == "refused":
        assert code == 2, (code, err)
        assert out == ""
        assert err.count("\n") == 1 and err.startswith(f"trialproof: {path}: "), err
        assert case["problem"] in err, err
        assert "internal error" not in err and "Error(" not in err  # words, not a repr
    else:
        assert code in (0, 1), err
        assert err == "", err
        report = json.loads(out)
        assert isinstance(report, dict) and ("measurements" in report or "claims" in report)
        documents = report.get("sources", []) + ([report["article"]] if "article" in report else [])
        flags = {f["check"] for document in documents for f in document["flags"]}
        # a document read in part says so; "may_flag": one the budget may or may not stop, by the machine's speed
        expected = set(case.get("flags", []))
        assert expected <= flags <= expected | set(case.get("may_flag", [])), flags
