"""Read input files and decode them to text, refusing what cannot be read: one `InputError` line each."""

from __future__ import annotations

from pathlib import Path

from extractors.records import InputError

MAX_BYTES = 20 * 1024 * 1024  # the largest real label in the corpus is ~1 MB


def read_input(path: str, what: str) -> bytes:
    """The bytes of the input file at ``path`` (``what`` names it in errors: "a label file")."""
    file = Path(path)
    try:
        if file.is_dir():
            raise InputError(path, f"is a directory, not {what}")
        size = file.stat().st_size
        if size > MAX_BYTES:
            raise InputError(path, f"file is {size // 1_048_576} MB; the limit is {MAX_BYTES // 1_048_576} MB")
        return file.read_bytes()
    except OSError as error:
        raise InputError(path, f"cannot read file: {error.strerror or error}") from None


def decode_text(data: bytes, name: str) -> str:
    """Bytes to text, refusing what is not text: empty, too large, binary, not UTF-8."""
    if len(data) > MAX_BYTES:
        raise InputError(name, f"input is {len(data) // 1_048_576} MB; the limit is {MAX_BYTES // 1_048_576} MB")
    if not data.strip():
        raise InputError(name, "file is empty")
    if b"\x00" in data:
        raise InputError(name, "binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(name, f"not UTF-8 text (invalid byte at offset {error.start})") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")
