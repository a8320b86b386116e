"""The command line under stress: reports replaced whole or not at all, Ctrl-C at any moment is one line."""

from __future__ import annotations

import errno
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractors import cli
from tests.conftest import PROJECT

EXAMPLE = PROJECT / "data" / "examples" / "sarcoma_thigh_treatment_options.txt"
OLD_REPORT = '{"claims": ["OLD-REPORT-MARKER-7f3a"]}\n'


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def test_a_report_replaces_the_old_one_whole(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "report.json"
    report.write_text(OLD_REPORT, encoding="utf-8")
    report.chmod(0o640)
    assert cli.main(["verify", str(EXAMPLE), "--format", "json", "-o", str(report)]) in (0, 1)
    assert report.read_text(encoding="utf-8").startswith("{") and "OLD-REPORT-MARKER-7f3a" not in report.read_text(
        encoding="utf-8"
    )
    assert stat.S_IMODE(report.stat().st_mode) == 0o640  # the old report's permissions kept
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("failure", ["disk-full", "interrupted"])
def test_a_failed_write_leaves_the_old_report(
    failure: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "report.json"
    report.write_text(OLD_REPORT, encoding="utf-8")

    def fail(descriptor: int) -> None:
        if failure == "disk-full":
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", fail)
    code = cli.main(["verify", str(EXAMPLE), "--format", "json", "-o", str(report)])
    err = capsys.readouterr().err
    assert code == (2 if failure == "disk-full" else 130)
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert ("No space left" in err) if failure == "disk-full" else err == "trialproof: interrupted\n"
    assert report.read_text(encoding="utf-8") == OLD_REPORT
    assert leftovers(tmp_path) == []


def test_a_device_is_written_in_place(capsys: pytest.CaptureFixture[str]) -> None:
    """Negative: renaming a file over /dev/null would replace the device for everyone."""
    assert cli.main(["extract", str(EXAMPLE), "-o", os.devnull]) == 0
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_control_characters_in_a_name_are_not_printed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = tmp_path / "label\x1b]0;x\x07.txt"  # no glob characters: a plain missing file
    assert cli.main(["extract", str(name)]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err and "label?]0;x?.txt" in err


def command() -> list[str]:
    script = Path(sys.executable).parent / "trialproof"
    return [str(script)] if script.exists() else [sys.executable, "-m", "extractors"]


def python_startup() -> float:
    """Seconds, with a margin, until Python has started here and found the package (site, the
    editable-install finder): Ctrl-C before then is Python's own, which no code of ours can catch."""
    times = []
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import extractors.interrupt"], check=True, cwd=PROJECT)
        times.append(time.perf_counter() - started)
    return max(times) * 2


@pytest.mark.parametrize("delay", [0.0, 0.01, 0.03, 0.06, 0.1, 0.2, 0.4, 0.8])
def test_ctrl_c_at_any_moment_is_one_line(delay: float) -> None:
    """Whenever Ctrl-C lands once Python has started (importing, reading, checking, writing): one
    line and exit 130, or the run had already finished; never a traceback."""
    startup = python_startup()
    process = subprocess.Popen(
        [*command(), "verify", str(EXAMPLE), "--format", "json"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=PROJECT,
    )
    time.sleep(startup + delay)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=120)
    text = err.decode()
    assert "Traceback" not in text and "KeyboardInterrupt" not in text, text
    if process.returncode == 130:
        assert text == "trialproof: interrupted\n"
    else:  # finished before the signal
        assert process.returncode in (0, 1), (process.returncode, text)
