"""What the user named on the command line → the documents to read, in a stable order.

A file is taken as given (a missing one is reported when it is read, like any unreadable file);
a folder is walked recursively for document files; a glob pattern (``*``, ``?``, ``[``, ``**``)
is expanded, and one that matches nothing is reported, not silently dropped.
"""

from __future__ import annotations

import glob
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from extractors.records import InputError

# Files a folder walk picks up: the kinds trialproof reads. The kind is still detected from the
# content; the suffix only keeps images, PDFs, stores and sidecar files out of the batch. Articles
# are never JSON, so a folder of articles leaves .json files (expectations, metadata) alone.
ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".xml", ".nxml"})
LABEL_SUFFIXES = ARTICLE_SUFFIXES | {".json"}
STDIN = "-"


@dataclass(frozen=True, slots=True)
class Inputs:
    """The documents to read, and the names that gave none (each one line for the user)."""

    paths: tuple[str, ...]
    problems: tuple[InputError, ...] = ()


def is_pattern(name: str) -> bool:
    return any(char in name for char in "*?[")


def expand_inputs(
    names: Sequence[str], exclude: Sequence[str] = (), suffixes: frozenset[str] = LABEL_SUFFIXES
) -> Inputs:
    """Files as given, folders walked for files ending in one of ``suffixes``, patterns expanded;
    each path once, in the order named. ``exclude`` names files never to read (the results store
    itself, when it sits in the folder).
    """
    skip = {_key(name) for name in exclude}
    paths: dict[str, None] = {}  # an ordered set: a file named twice is read once
    problems: list[InputError] = []
    for name in names:
        found: list[str]
        if name == STDIN:
            found = [name]
        elif is_pattern(name):
            found = sorted(p for p in glob.glob(name, recursive=True) if Path(p).is_file())
            if not found:
                problems.append(InputError(name, "no file matches this pattern"))
        elif Path(name).is_dir():
            found = folder_documents(Path(name), suffixes)
            if not found:
                kinds = " ".join(sorted(suffixes))
                problems.append(InputError(name, f"folder has no files of the kinds read here ({kinds})"))
        else:
            found = [name]
        for path in found:
            if name == STDIN or _key(path) not in skip:
                paths.setdefault(path, None)
    return Inputs(tuple(paths), tuple(problems))


def folder_documents(folder: Path, suffixes: frozenset[str] = LABEL_SUFFIXES) -> list[str]:
    """Document files under ``folder``, recursively, sorted; hidden files and folders left out."""
    found = []
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).parts
        if any(part.startswith(".") for part in relative):
            continue
        if path.suffix.lower() in suffixes and path.is_file():
            found.append(str(path))
    return found


def needs_batch(names: Sequence[str]) -> bool:
    """True when ``names`` name more than the files themselves: a folder or a pattern."""
    return any(name != STDIN and (is_pattern(name) or Path(name).is_dir()) for name in names)


def _key(path: str) -> str:
    try:
        return str(Path(path).resolve())
    except OSError:
        return path
