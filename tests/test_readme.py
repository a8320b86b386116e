"""The README's `sh` examples run, from a copy of the bundled data, and do what it says."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROJECT

README = (PROJECT / "README.md").read_text(encoding="utf-8")


def sh_commands(markdown: str) -> list[str]:
    commands, inside = [], False
    for line in markdown.splitlines():
        if line.startswith("```"):
            inside = line.strip() == "```sh"
            continue
        if inside and line.strip() and not line.lstrip().startswith("#"):
            commands.append(line.strip())
    return commands


COMMANDS = sh_commands(README)


def test_readme_has_runnable_examples_and_two_setup_commands() -> None:
    assert len(COMMANDS) >= 4
    assert "pip install -e . && streamlit run app.py" in README
    assert "\nscripts/test\n" in README


@pytest.mark.parametrize("command", COMMANDS, ids=[c[:60] for c in COMMANDS])
def test_readme_example_runs(command: str, tmp_path: Path) -> None:
    shutil.copytree(PROJECT / "data", tmp_path / "data")
    argv = shlex.split(command)
    if argv[0] == "trialproof":
        script = shutil.which("trialproof")
        argv = [script, *argv[1:]] if script else [sys.executable, "-m", "extractors", *argv[1:]]
    elif argv[0] == "python":
        argv[0] = sys.executable
    result = subprocess.run(argv, cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False)
    # 0 and 1 are both a completed run (1: something to correct); 2 would be a broken example.
    assert result.returncode in (0, 1), result.stderr
    assert result.stderr == ""
    if "--output" in argv:
        written = tmp_path / argv[argv.index("--output") + 1]
        assert written.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    else:
        assert result.stdout.strip()
