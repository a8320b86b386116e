"""What the user named on the command line → the documents to read, in a stable order; and the
request as a whole (`BatchRequest`), with whether it is a batch at all (`wants_batch`), kept here
with the standard library only so a single-document command decides that without importing the
batch machinery (executors, the label fetcher: ~80 ms at start-up).

A file is taken as given (a missing one is reported when it is read, like any unreadable file);
a folder is walked recursively for document files; a glob pattern (``*``, ``?``, ``[``, ``**``)
is expanded, and one that matches nothing is reported, not silently dropped.
"""

from __future__ import annotations

import glob
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from extractors.records import InputError
from extractors.text.patterns import sources as source_patterns

# Files a folder walk picks up: the kinds trialproof reads. The kind is still detected from the
# content; the suffix only keeps images, PDFs, stores and sidecar files out of the batch. Articles
# are never JSON, so a folder of articles leaves .json files (expectations, metadata) alone.
ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".xml", ".nxml"})
LABEL_SUFFIXES = ARTICLE_SUFFIXES | {".json"}
STDIN = "-"
Command = Literal["extract", "verify"]


@dataclass(frozen=True, slots=True)
class Inputs:
    """The documents to read, and the names that gave none (each one line for the user)."""

    paths: tuple[str, ...]
    problems: tuple[InputError, ...] = ()


def is_label_name(spec: str) -> bool:
    """True for ``openfda:…`` and ``dailymed:…``: a label to find in the cache, not a file."""
    return source_patterns.LABEL_NAME.fullmatch(spec.strip()) is not None


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


@dataclass(frozen=True, slots=True)
class BatchRequest:
    """What the user asked for: the command, the documents, and how to run and report them."""

    command: Command
    inputs: tuple[str, ...]
    fmt: str  # json, csv, table, html (one document) or jsonl
    labels: tuple[str, ...] = ()  # verify: label files for every article
    label_dir: str | None = None  # verify: labels picked by the names an article mentions
    strict: bool = False
    jobs: int = 1
    executor: str | None = None  # dask://HOST:PORT
    store: str | None = None
    output: str | None = None
    version: str = "unknown"  # the trialproof version, a key of every stored row


def wants_batch(request: BatchRequest) -> bool:
    """True when ``request`` is more than the single-document command (see `session`'s docstring).

    ``extract`` given several files without any batch option combines them in one report, as it
    always has; ``verify`` given several articles checks each on its own.
    """
    return (
        needs_batch(request.inputs)
        or (request.command == "verify" and len(request.inputs) > 1)
        or request.fmt == "jsonl"
        or request.store is not None
        or request.jobs > 1
        or request.executor is not None
        or request.label_dir is not None
    )
