"""Shared test helpers: where the shared corpus is, and skipping when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
SHARED = PROJECT.parent / "shared"
CASES = Path(__file__).resolve().parent / "cases"


def shared_file(relative: str) -> Path:
    """A file under ../shared, or skip: a bare clone has no ../shared beside it."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"{path} is absent (a bare clone has no ../shared corpus beside it)")
    return path
