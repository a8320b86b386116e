"""The layout's promises (README "Layout"), checked on the tree itself: the public API is the only way
in, importing it is cheap, every regular expression lives in `extractors/text/patterns`, and no
module grows past what a reader can hold."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import extractors
from tests.conftest import PROJECT

PACKAGE = PROJECT / "extractors"
PATTERNS = PACKAGE / "text" / "patterns"
MAX_MODULE_LINES = 600
# The functions of the regex module that compile a pattern (directly or through its cache).
COMPILING = {"compile", "search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"}


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _compiling_calls(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        f"{path.relative_to(PROJECT)}:{node.lineno} regex.{node.func.attr}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id in {"regex", "re"}
        and node.func.attr in COMPILING
    ]


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_regular_expressions_are_compiled_only_in_the_patterns_package() -> None:
    outside = [call for path in _modules() if PATTERNS not in path.parents for call in _compiling_calls(path)]
    assert outside == []


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PROJECT)))
def test_no_module_is_longer_than_a_reader_can_hold(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines < MAX_MODULE_LINES, f"{lines} lines"


@pytest.mark.parametrize("name", ["app.py", "extractors/cli.py"])
def test_the_app_and_the_cli_use_only_the_public_api(name: str) -> None:
    ours = {m for m in _imported_modules(PROJECT / name) if m.split(".")[0] == "extractors"}
    assert ours <= {"extractors"}, ours


def test_importing_the_package_imports_nothing_heavy() -> None:
    """The command line pays for scipy, numpy, pandas, plotly or streamlit only when it uses them."""
    probe = "import sys, extractors; print(sorted(m for m in ('scipy', 'numpy', 'pandas', 'plotly', 'streamlit') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=PROJECT)
    assert result.stdout.strip() == "[]"


def test_extraction_does_not_import_the_statistics() -> None:
    """Reading a label imports no scipy or numpy; only the consistency checks do, when they need them."""
    probe = (
        "import sys, extractors.read.tables, extractors.read.prose, extractors.claims; "
        "print(sorted(m for m in ('scipy', 'numpy') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=PROJECT)
    assert result.stdout.strip() == "[]"


def test_every_public_name_resolves() -> None:
    for name in extractors.__all__:
        assert getattr(extractors, name) is not None, name


@pytest.mark.parametrize("package", sorted(p.parent for p in PACKAGE.rglob("__init__.py") if p.parent != PACKAGE))
def test_every_package_says_what_it_holds(package: Path) -> None:
    docstring = ast.get_docstring(ast.parse((package / "__init__.py").read_text(encoding="utf-8")))
    assert docstring and len(docstring) > 60, f"{package.relative_to(PROJECT)} has no docstring saying what it holds"
