"""The hostile inputs of issue 16 as files: built from tests/cases/hostile_reproducers.json.

Shared by tests/test_hostile.py (exit codes and messages) and bench/hostile.py (time and memory).
A case gives its bytes as ``parts`` (text, or a unit repeated), ``hex``, an ``example`` file
repeated to ``size`` bytes, a ``device`` path, or ``fifo`` (a named pipe nobody writes to).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parent.parent
CASES_FILE = PROJECT / "tests" / "cases" / "hostile_reproducers.json"


def load_cases() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = json.loads(CASES_FILE.read_text(encoding="utf-8"))
    return cases


def case_bytes(case: dict[str, Any]) -> bytes:
    if "hex" in case:
        return bytes.fromhex(str(case["hex"]))
    if "example" in case:
        unit = (PROJECT / case["example"]).read_bytes()
        return unit * max(1, case["size"] // len(unit))
    return "".join(
        part.get("text", "") + part.get("repeat", "") * part.get("times", 0) for part in case["parts"]
    ).encode()


def write_case(case: dict[str, Any], folder: Path) -> str:
    """The path the command line is given for ``case``: a file in ``folder``, a pipe, or a device."""
    if "device" in case:
        return str(case["device"])
    path = folder / case["name"]
    if case.get("fifo"):
        os.mkfifo(path)
    else:
        path.write_bytes(case_bytes(case))
    return str(path)


def argv(case: dict[str, Any], path: str) -> list[str]:
    return [part.replace("{file}", path) for part in case["argv"]] + ["--format", "json"]
