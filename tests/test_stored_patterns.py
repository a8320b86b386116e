"""Compiled patterns kept between runs (`extractors.text.patterns.stored`): a pattern from the store
is the pattern compiled, and a store that is missing, damaged or not ours only costs compiling."""

from __future__ import annotations

import ast
import os
import pickle
import sys
from pathlib import Path

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from extractors.text.patterns import stored
from extractors.text.patterns.statements import TOKEN


@pytest.fixture(autouse=True)
def _bytecode_written(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stores are written as Python writes bytecode; the shell running the tests may have turned that off."""
    monkeypatch.setattr(sys, "dont_write_bytecode", False)


PATTERN = r"(?P<value>\d+(?:\.\d+)?)\s{0,3}(?P<unit>months?|%)"


def _stored_then_read(path: Path, patterns: list[tuple[str, int]]) -> stored._Store:
    """A store written by one process that compiled ``patterns``, as the next process finds it."""
    first = stored._Store(path)
    for pattern, flags in patterns:
        first.compile(pattern, flags)
    first.save()
    return stored._Store(path)


def test_a_stored_pattern_is_read_from_the_store_and_not_compiled(tmp_path: Path) -> None:
    path = tmp_path / "patterns.pickle"
    later = _stored_then_read(path, [(PATTERN, regex.IGNORECASE)])
    found = later.compile(PATTERN, regex.IGNORECASE)
    assert later.compiled == []  # nothing was compiled: it came from the store
    assert isinstance(found, regex.Pattern) and found.pattern == PATTERN
    assert found.flags == regex.compile(PATTERN, regex.IGNORECASE).flags
    assert found.search("PFS 4.6 Months").groupdict() == {"value": "4.6", "unit": "Months"}


def test_the_same_text_with_other_flags_is_another_pattern(tmp_path: Path) -> None:
    """Negative: a pattern stored case-sensitive is not handed out for a case-insensitive one."""
    later = _stored_then_read(tmp_path / "patterns.pickle", [(PATTERN, 0)])
    found = later.compile(PATTERN, regex.IGNORECASE)
    assert later.compiled == [(PATTERN, int(regex.IGNORECASE))]
    assert found.search("4.6 MONTHS") is not None


@given(st.text(max_size=60))
def test_a_real_pattern_from_the_store_finds_what_the_compiled_one_finds(text: str) -> None:
    """The statements module's token pattern, round-tripped through the store, on any text."""
    original = TOKEN.compiled
    copy = pickle.loads(pickle.dumps(original))
    assert [m.span() for m in copy.finditer(text)] == [m.span() for m in original.finditer(text)]


@pytest.mark.parametrize(
    "content",
    [b"", b"not a pickle", pickle.dumps(["a list"]), pickle.dumps({("x", 0): "not bytes"})],
    ids=["empty", "garbage", "not a dict", "not pickled patterns"],
)
def test_a_damaged_store_is_ignored(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "patterns.pickle"
    path.write_bytes(content)
    store = stored._Store(path)
    assert store.compile(PATTERN, 0).search("4.6 months") is not None
    assert store.compiled == [(PATTERN, 0)]


def test_a_store_holding_anything_but_patterns_is_refused_unread(tmp_path: Path) -> None:
    """Negative: unpickling accepts only the regex module's compiled programs, so a store file that
    would call any other function (here one that would make a folder) is ignored, the call never made."""
    marker = tmp_path / "made"

    class Writes:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.mkdir, (str(marker),))

    path = tmp_path / "patterns.pickle"
    path.write_bytes(pickle.dumps({(PATTERN, 0): pickle.dumps(Writes())}))
    store = stored._Store(path)
    assert store.compile(PATTERN, 0).pattern == PATTERN
    assert store.compiled == [(PATTERN, 0)]
    assert not marker.exists()


def test_no_store_is_written_where_python_writes_no_bytecode(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    store = stored._Store(tmp_path / "patterns.pickle")
    store.compile(PATTERN, 0)
    store.save()
    assert not (tmp_path / "patterns.pickle").exists()


def test_an_unwritable_store_is_left_unwritten(tmp_path: Path) -> None:
    """Negative: a store whose folder cannot be made (a file is in the way) is not written, quietly."""
    (tmp_path / "blocked").write_text("a file, not a folder")
    store = stored._Store(tmp_path / "blocked" / "patterns.pickle")
    store.compile(PATTERN, 0)
    store.save()
    assert list(tmp_path.iterdir()) == [tmp_path / "blocked"]


def test_a_store_grown_past_its_bound_keeps_only_the_last_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stored, "MOST_KEPT", 2)
    path = tmp_path / "patterns.pickle"
    _stored_then_read(path, [("a", 0), ("b", 0)])
    later = _stored_then_read(path, [("c", 0)])
    assert set(stored._read(path)) == {("c", 0)}
    assert later.compile("a", 0).pattern == "a" and later.compiled == [("a", 0)]


def test_each_process_adds_to_what_others_stored(tmp_path: Path) -> None:
    """Two runs that compiled different patterns, saved one after the other, leave both stored."""
    path = tmp_path / "patterns.pickle"
    one, other = stored._Store(path), stored._Store(path)
    one.compile("a", 0)
    other.compile("b", 0)
    one.save()
    other.save()
    assert set(stored._read(path)) == {("a", 0), ("b", 0)}


def _module_level_compiles(path: Path) -> list[str]:
    """``regex.compile`` calls outside any function in the module at ``path``: patterns fixed by the
    code, which should come through the store (a function builds from its arguments, maybe a
    document's names, and decides for itself)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    inside_functions = {
        id(node)
        for function in ast.walk(tree)
        if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
        for node in ast.walk(function)
    }
    return [
        f"{path.name}:{node.lineno}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and id(node) not in inside_functions
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "compile"
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "regex"
    ]


def test_the_patterns_modules_compile_their_fixed_patterns_through_the_store() -> None:
    modules = sorted(Path(stored.__file__).parent.glob("*.py"))
    assert [found for path in modules for found in _module_level_compiles(path)] == []
