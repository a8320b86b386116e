"""Read input files and decode them to text, refusing what cannot be read: one `InputError` line each.

Reading never takes more than the limit plus one byte from anything, whatever it claims to be:
a regular file, a pipe (a named one gets `WRITER_WAIT` seconds for a writer to open it, then may
stay silent `PIPE_WAIT` seconds at a time) or standard input (``-``). Devices (``/dev/zero``,
``/dev/urandom``), sockets and directories are refused before a byte is read: their size says
nothing about how much they would give.
"""

from __future__ import annotations

import json
import os
import select
import stat
import sys
import time
from typing import Any

from extractors.records import InputError
from extractors.text.patterns import markup as patterns

MAX_BYTES = 20 * 1024 * 1024  # the largest real label in the corpus is ~1 MB
WRITER_WAIT = 3.0  # seconds a named pipe may wait for a writer to open it
PIPE_WAIT = 10.0  # seconds a named pipe with a writer may stay silent before it is given up
MAX_JSON_DEPTH = 256  # the corpus's deepest JSON (a ClinicalTrials.gov record) is 12 deep
STDIN = "-"
_STDIN_NAME = "standard input"
_MEGABYTE = 1024 * 1024
_CHUNK = 1 << 16
_stdin_taken = False

# Formats people send by mistake, told apart by their first bytes.
_NOT_TEXT = (
    (b"\x1f\x8b", "gzip-compressed file; decompress it first"),
    (b"PK\x03\x04", "zip archive or office document, not text; save it as text, HTML, XML or JSON"),
    (b"%PDF-", "PDF file; save the label or article as text, HTML, XML or JSON"),
)


def input_name(path: str) -> str:
    """How messages and reports name an input: ``-`` is standard input."""
    return _STDIN_NAME if path == STDIN else path


def read_input(path: str, what: str) -> bytes:
    """The bytes of the input at ``path`` (``-``: standard input); ``what`` names it in errors ("a label file")."""
    if path == STDIN:
        return _read_stdin()
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a FIFO with no writer must not block here
    except OSError as error:
        raise InputError(path, _open_problem(path, error, what)) from None
    try:
        info = os.fstat(handle)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(path, f"is a directory, not {what}")
        if stat.S_ISFIFO(info.st_mode):
            return _read_limited(handle, path, PIPE_WAIT, _first_from_writer(handle, path))
        if not stat.S_ISREG(info.st_mode):
            raise InputError(path, f"is a device, not {what}; give a file or a pipe")
        if info.st_size > MAX_BYTES:
            raise InputError(path, _too_large(info.st_size))
        return _read_limited(handle, path, None)
    except OSError as error:
        raise InputError(path, f"cannot read file: {error.strerror or error}") from None
    finally:
        os.close(handle)


def _read_stdin() -> bytes:
    global _stdin_taken
    if _stdin_taken:
        raise InputError(_STDIN_NAME, "standard input was already read for another file")
    _stdin_taken = True
    try:
        handle = sys.stdin.fileno()
        mode = os.fstat(handle).st_mode
    except (OSError, ValueError, AttributeError):
        raise InputError(_STDIN_NAME, "there is no standard input to read") from None
    if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode) or os.isatty(handle)):
        raise InputError(_STDIN_NAME, "is a device, not a file; give a file or a pipe")
    try:
        return _read_limited(handle, _STDIN_NAME, None)
    except OSError as error:
        raise InputError(_STDIN_NAME, f"cannot read: {error.strerror or error}") from None


def _first_from_writer(handle: int, name: str) -> bytes:
    """What a named pipe gives first, once a writer has opened it (``b""``: a writer, nothing written yet).

    A pipe opened without waiting reads as ended while nobody has it open for writing, and as "try
    again" once somebody has: so a writer is told apart from none without blocking, and a pipe
    nobody ever opens is given up after `WRITER_WAIT` seconds rather than `PIPE_WAIT`."""
    deadline = time.monotonic() + WRITER_WAIT
    while True:
        try:
            first = os.read(handle, _CHUNK)
        except BlockingIOError:
            return b""
        if first or time.monotonic() > deadline:
            break
        time.sleep(0.02)
    if not first:
        raise InputError(name, f"is a pipe that no program opened for writing in {WRITER_WAIT:.0f} seconds")
    return first


def _read_limited(handle: int, name: str, wait: float | None, first: bytes = b"") -> bytes:
    """Read to the end, refusing past `MAX_BYTES`; with ``wait``, give up on a pipe silent that long.

    ``first``: bytes already read from the handle."""
    chunks: list[bytes] = [first]
    total = len(first)
    while True:
        if wait is not None and not select.select([handle], [], [], wait)[0]:
            raise InputError(name, f"is a pipe that gave no data in {wait:.0f} seconds (nothing writing to it?)")
        try:
            chunk = os.read(handle, _CHUNK)
        except BlockingIOError:  # a pipe opened without waiting: nothing yet
            chunk = None
        if chunk == b"":
            return b"".join(chunks)
        if chunk:
            chunks.append(chunk)
            total += len(chunk)
            if total > MAX_BYTES:
                raise InputError(
                    name, f"gives more than {MAX_BYTES // _MEGABYTE} MB; the limit is {MAX_BYTES // _MEGABYTE} MB"
                )


def _open_problem(path: str, error: OSError, what: str) -> str:
    try:
        if stat.S_ISSOCK(os.stat(path).st_mode):
            return f"is a socket, not {what}"
    except OSError:
        pass
    return f"cannot read file: {error.strerror or error}"


def _too_large(size: int) -> str:
    return f"file is {size // _MEGABYTE} MB; the limit is {MAX_BYTES // _MEGABYTE} MB"


def decode_text(data: bytes, name: str) -> str:
    """Bytes to text, refusing what is not text: empty, too large, binary, not UTF-8."""
    if len(data) > MAX_BYTES:
        raise InputError(name, f"input is {len(data) // _MEGABYTE} MB; the limit is {MAX_BYTES // _MEGABYTE} MB")
    if not data.strip():
        raise InputError(name, "file is empty")
    for magic, problem in _NOT_TEXT:
        if data.startswith(magic):
            raise InputError(name, problem)
    if b"\x00" in data:
        raise InputError(name, "binary file, not text (it holds NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(name, f"not UTF-8 text (invalid byte at offset {error.start})") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_json(text: str, name: str) -> Any:
    """A JSON document, refusing one nested past `MAX_JSON_DEPTH` before the parser recurses into it.

    Integers too long to be a number anyone printed (over 1,000 digits) are kept as their digits.
    """
    depth = 0
    for token in patterns.JSON_NESTING.finditer(text):
        bracket = token.group()
        if bracket == "[" or bracket == "{":
            depth += 1
            if depth > MAX_JSON_DEPTH:
                raise InputError(name, f"JSON nested more than {MAX_JSON_DEPTH} levels deep is refused")
        elif bracket == "]" or bracket == "}":
            depth -= 1
    try:
        return json.loads(text, parse_int=_json_int)
    except json.JSONDecodeError as error:
        raise InputError(name, f"malformed JSON at line {error.lineno}: {error.msg}") from None


def _json_int(digits: str) -> int | str:
    return int(digits) if len(digits) <= 1000 else digits
