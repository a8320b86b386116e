"""Reading input safely: never more than the limit plus one byte, never blocked by a pipe, devices refused."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

import pytest

from extractors.ingest import files
from extractors.ingest.labels import load_source
from extractors.records import InputError
from tests.conftest import PROJECT

EXAMPLE = PROJECT / "data" / "examples" / "sarcoma_thigh_treatment_options.txt"


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_devices_are_refused_before_reading(device: str) -> None:
    if not Path(device).exists():
        pytest.skip(f"{device} is absent on this system")
    with pytest.raises(InputError, match="is a device, not a label file") as raised:
        files.read_input(device, "a label file")
    assert raised.value.path == device


def test_a_pipe_with_no_writer_is_given_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fifo = tmp_path / "label.fifo"
    os.mkfifo(fifo)
    monkeypatch.setattr(files, "WRITER_WAIT", 0.2)
    monkeypatch.setattr(files, "PIPE_WAIT", 60)  # no writer: the shorter wait applies
    with pytest.raises(InputError, match="pipe that no program opened for writing"):
        files.read_input(str(fifo), "a label file")


@contextmanager
def _writing(fifo: Path, write: Callable[[BinaryIO, threading.Event], object]) -> Iterator[None]:
    """A thread that opens ``fifo`` for writing and runs ``write(pipe, done)`` while the block runs;
    ``done`` is set when the block ends, and the thread is joined."""
    done = threading.Event()

    def run() -> None:
        try:
            with open(fifo, "wb") as pipe:
                write(pipe, done)
        except BrokenPipeError:
            pass  # the reader stopped, as it should

    writer = threading.Thread(target=run)
    writer.start()
    try:
        yield
    finally:
        done.set()
        writer.join(timeout=5)


def test_a_pipe_whose_writer_stays_silent_is_given_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fifo = tmp_path / "label.fifo"
    os.mkfifo(fifo)
    monkeypatch.setattr(files, "PIPE_WAIT", 0.2)
    silent = _writing(fifo, lambda _pipe, done: done.wait(timeout=5))
    with silent, pytest.raises(InputError, match="pipe that gave no data in"):
        files.read_input(str(fifo), "a label file")


def test_a_pipe_with_a_writer_is_read(tmp_path: Path) -> None:
    fifo = tmp_path / "label.fifo"
    os.mkfifo(fifo)
    with _writing(fifo, lambda pipe, _done: pipe.write(b"Median PFS was 4.6 months.")):
        assert files.read_input(str(fifo), "a label file") == b"Median PFS was 4.6 months."


def test_a_pipe_past_the_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fifo = tmp_path / "label.fifo"
    os.mkfifo(fifo)
    monkeypatch.setattr(files, "MAX_BYTES", 100_000)

    def write_forever(pipe: BinaryIO, done: threading.Event) -> None:
        while not done.is_set():
            pipe.write(b"4.6 " * 4096)

    with _writing(fifo, write_forever), pytest.raises(InputError, match="more than"):
        files.read_input(str(fifo), "a label file")


def test_a_file_past_the_limit_is_refused_by_its_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 2000)
    monkeypatch.setattr(files, "MAX_BYTES", 1000)
    with pytest.raises(InputError, match="the limit is"):
        files.read_input(str(big), "a label file")


NOT_TEXT = {
    "gzip-renamed-json": (gzip.compress(b'{"clinical_studies": ["4.6"]}'), "gzip-compressed"),
    "zip": (b"PK\x03\x04\x14\x00\x00\x00", "zip archive"),
    "pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF file"),
    "nul-bytes": (b"Median PFS\x00 was 4.6 months", "NUL bytes"),
}


@pytest.mark.parametrize("case", NOT_TEXT.values(), ids=NOT_TEXT.keys())
def test_files_that_are_not_text_say_what_they_are(case: tuple[bytes, str]) -> None:
    data, problem = case
    with pytest.raises(InputError, match=problem):
        files.decode_text(data, "label.json")


def test_standard_input_is_read_with_a_dash() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "extractors", "verify", "-", "--format", "json"],
        input=EXAMPLE.read_bytes(),
        capture_output=True,
        timeout=120,
        cwd=PROJECT,
    )
    assert result.returncode in (0, 1), result.stderr
    assert b'"path": "standard input"' in result.stdout


def test_standard_input_from_a_device_is_refused() -> None:
    with open("/dev/zero", "rb") as zero:
        result = subprocess.run(
            [sys.executable, "-m", "extractors", "extract", "-"],
            stdin=zero,
            capture_output=True,
            timeout=60,
            cwd=PROJECT,
        )
    assert result.returncode == 2
    assert result.stderr.decode().splitlines() == [
        "trialproof: standard input: is a device, not a file; give a file or a pipe"
    ]


def test_standard_input_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "_stdin_taken", True)
    with pytest.raises(InputError, match="already read"):
        load_source("-")
