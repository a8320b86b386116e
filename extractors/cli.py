"""The ``trialproof`` command line: read files, call the library, print a report.

Thin on purpose: parsing, extraction, checks and verdicts live in the library; this module only
turns arguments into calls and reports into text, and maps outcomes to exit codes:

- 0: ran; nothing contradicted or overgeneralized (``verify``), no error flag (``extract --strict``)
- 1: ran; a claim is contradicted or overgeneralized, or ``extract --strict`` met an error flag
- 2: bad usage or unreadable input; one line on stderr, ``trialproof: <path>: <problem>``
- 130: interrupted (Ctrl-C), at any moment; one line on stderr

Importing this module is cheap on purpose (the formats and the pipeline load inside `main`): until
`main` runs, Ctrl-C is `extractors.interrupt`'s; from then on `main` catches it.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import signal
import stat
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

import extractors
from extractors import ExtractReport, InputError, VerifyReport

PROG = extractors.interrupt.PROG

_DESCRIPTION = """\
Check the numbers that medical articles quote from clinical trials against the FDA drug label
they cite. `extract` lists every trial result a label states (arm, population, endpoint, value,
CI) with where it was read and any consistency problems; `verify` checks each number an article
asserts against the label and gives it a verdict: supported, contradicted, overgeneralized or
unverifiable."""

_EPILOG = """\
examples:
  trialproof verify data/examples/sarcoma_thigh_treatment_options.txt
      check the article's claims against the label passage it quotes itself
  trialproof verify article.html --source votrient.json --format html --output report.html
      check an article against an openFDA label record; write a report to send to its author
  trialproof extract votrient.json --format table
      list the trial results in a label, with ! marking errors and ? warnings
  trialproof extract label.xml --format csv > measurements.csv
  trialproof registry tagrisso.json ctgov_NCT02296125.json
      line the label's results up with the trial's ClinicalTrials.gov record: agree, differ, missing

batches, a results store, labels by name:
  trialproof verify submissions/ --labels labels/ --store results.duckdb --jobs 2
      check every article in a folder against the labels each one names; keep the results to query
  trialproof verify 'archive/**/*.html' --source openfda:VOTRIENT --format jsonl > results.jsonl
      one JSON object per article as it is done; the label fetched by name (cached for next time)
  trialproof extract labels/ --format jsonl --executor dask://scheduler:8786
      run the same work on a Dask cluster (workers read the files at the same paths)
  trialproof label fetch TAGRISSO
      download the openFDA label into the cache (also a generic name, a set id, dailymed:SETID)

exit codes: 0 ok; 1 a claim contradicted or overgeneralized (verify), or an error flag
(extract --strict); 2 bad usage or unreadable input (one line on stderr naming the file).
In a batch an unreadable file is that one line and the batch goes on; the exit code is the worst
over all documents. The README shows the results store's tables and the SQL to query them.
"""


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse that reports bad usage as one line instead of printing usage and exiting."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)


class _VersionAction(argparse.Action):
    """``--version``, looked up only when asked for (importlib.metadata costs every command ~20 ms)."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *_: Any) -> NoReturn:
        sys.stdout.write(f"{parser.prog} {_version()}\n")  # where argparse's own version action prints it
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action=_VersionAction, help="show program's version number and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_extract(commands)
    _add_verify(commands)
    _add_registry(commands)
    _add_label(commands)
    return parser


def _add_extract(commands: argparse._SubParsersAction[_Parser]) -> None:
    extract = commands.add_parser(
        "extract",
        help="list the trial results stated in one or more label files",
        description="List every trial result the label files state, with provenance and consistency flags.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    extract.add_argument(
        "sources",
        nargs="+",
        metavar="SOURCE",
        help=(
            "a label file: openFDA JSON, DailyMed SPL XML, HTML or plain text (detected from the content); "
            "openfda:NAME or dailymed:SETID for a label fetched by name; a folder or a glob pattern makes a "
            "batch in which each label is a document (several plain files are one combined report)"
        ),
    )
    extract.add_argument(
        "--format",
        choices=(*extractors.FORMATS_EXTRACT, "jsonl"),
        default="table",
        help="output format (default: table)",
    )
    extract.add_argument("--strict", action="store_true", help="exit 1 when any measurement has an error flag")
    extract.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE instead of stdout")
    _batch_arguments(extract)


def _add_verify(commands: argparse._SubParsersAction[_Parser]) -> None:
    verify = commands.add_parser(
        "verify",
        help="check the numbers an article quotes against label files",
        description=(
            "Check each number the article asserts against the label. With no --source, the label "
            "passage the article itself quotes (e.g. a 'From the FDA Drug Label' section) is the source."
        ),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    verify.add_argument(
        "articles",
        nargs="+",
        metavar="ARTICLE",
        help=(
            "the article: plain text, Markdown, HTML or JATS XML; several articles, a folder (recursively) "
            "or a glob pattern check each article on its own"
        ),
    )
    verify.add_argument(
        "--source",
        action="append",
        default=[],
        metavar="SOURCE",
        help=(
            "a label file to check against (repeat for several), or openfda:NAME / dailymed:SETID for a label "
            "fetched by name; default: the label text the article quotes"
        ),
    )
    verify.add_argument(
        "--labels",
        metavar="DIR",
        help=(
            "a folder of label files: each article is checked against the labels whose drug or brand name it "
            "mentions (the latest version of each label)"
        ),
    )
    verify.add_argument(
        "--format",
        choices=(*extractors.FORMATS_VERIFY, "jsonl"),
        default="table",
        help="output format (default: table)",
    )
    verify.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE instead of stdout")
    _batch_arguments(verify)


def _add_registry(commands: argparse._SubParsersAction[_Parser]) -> None:
    registry = commands.add_parser(
        "registry",
        help="compare a label's results with its trials' ClinicalTrials.gov results records",
        description=(
            "Line each median, hazard ratio and response rate of the label up with the same number in the "
            "trial's ClinicalTrials.gov record: agree (allowing for rounding, and weeks vs months), differ "
            "(naming the registry's analysis and population), or not in registry. Use it when an article "
            "quotes the paper or the registry rather than the label."
        ),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    registry.add_argument("label", metavar="LABEL", help="a label file, as for extract")
    registry.add_argument(
        "registries",
        nargs="+",
        metavar="REGISTRY",
        help="a ClinicalTrials.gov results record: API v2 study JSON or legacy XML",
    )
    registry.add_argument(
        "--format", choices=extractors.FORMATS_REGISTRY, default="table", help="output format (default: table)"
    )
    registry.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE instead of stdout")


def _add_label(commands: argparse._SubParsersAction[_Parser]) -> None:
    label = commands.add_parser(
        "label",
        help="fetch labels by name into the local cache, or list the cache",
        description=(
            "Download a label by brand or generic name or set id from openFDA (or an SPL by set id from "
            "DailyMed, dailymed:SETID) into the cache, keeping its version and effective date. "
            "--source openfda:NAME then reads it from the cache. The cache is the platform's cache folder, "
            "or TRIALPROOF_CACHE."
        ),
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    label_commands = label.add_subparsers(dest="label_command", metavar="ACTION")
    fetch = label_commands.add_parser("fetch", help="download labels into the cache")
    fetch.add_argument("names", nargs="+", metavar="NAME", help="TAGRISSO, osimertinib, a set id, or dailymed:SETID")
    label_commands.add_parser("list", help="list the labels in the cache")


def _batch_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--store",
        metavar="FILE",
        help="also write the results to this DuckDB file (a rerun replaces, never duplicates)",
    )
    command.add_argument(
        "--jobs", type=int, default=1, metavar="N", help="check N documents at a time in parallel processes"
    )
    command.add_argument(
        "--executor", metavar="dask://HOST:PORT", help="run the documents on the Dask cluster with this scheduler"
    )


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("trialproof")
    except Exception:
        return "(not installed)"


def _batch(args: argparse.Namespace, inputs: list[str], labels: list[str]) -> extractors.BatchRequest:
    if args.jobs < 1:
        raise _UsageError(f"--jobs must be 1 or more, not {args.jobs}")
    return extractors.BatchRequest(
        command=args.command,
        inputs=tuple(inputs),
        fmt=args.format,
        labels=tuple(labels),
        label_dir=getattr(args, "labels", None),
        strict=getattr(args, "strict", False),
        jobs=args.jobs,
        executor=args.executor,
        store=args.store,
        output=args.output,
        version=_version() if args.store else "unknown",  # only stored rows carry it; looking it up costs ~20 ms
    )


def _by_name(specs: list[str]) -> list[str]:
    """Label files for ``openfda:NAME`` and ``dailymed:SETID`` (from the cache, fetched if missing)."""
    return [extractors.resolve_label(spec) if extractors.is_label_name(spec) else spec for spec in specs]


def _run_extract(args: argparse.Namespace) -> tuple[str, int] | int:
    request = _batch(args, _by_name(args.sources), [])
    if extractors.wants_batch(request):
        return extractors.run_batch(request, PROG, sys.stdout, sys.stderr)
    sources = [extractors.load_source(path) for path in request.inputs]
    report: ExtractReport = extractors.extract(sources)
    failed = args.strict and any(f.severity == "error" for m in report.measurements for f in m.flags)
    return extractors.render_extract(report, args.format), 1 if failed else 0


def _run_verify(args: argparse.Namespace) -> tuple[str, int] | int:
    request = _batch(args, args.articles, _by_name(args.source))
    if extractors.wants_batch(request):
        return extractors.run_batch(request, PROG, sys.stdout, sys.stderr)
    article = extractors.load_article(args.articles[0])
    sources = [extractors.load_source(path) for path in request.labels]
    report: VerifyReport = extractors.verify(article, sources or None)
    failed = any(c.verdict in ("contradicted", "overgeneralized") for c in report.claims)
    return extractors.render_verify(report, args.format), 1 if failed else 0


def _run_registry(args: argparse.Namespace) -> tuple[str, int]:
    measurements = extractors.extract([extractors.load_source(args.label)]).measurements
    registries = [extractors.load_registry(path) for path in args.registries]
    comparisons = [c for registry in registries for c in extractors.compare_registry(measurements, registry)]
    return extractors.render_registry(comparisons, registries, args.format), 0


def _run_label(args: argparse.Namespace) -> tuple[str, int]:
    if args.label_command == "list":
        cached = extractors.cached_labels()
        if not cached:
            return (
                f"no labels in the cache ({extractors.label_cache_folder()}); fetch one with '{PROG} label fetch NAME'\n",
                0,
            )
        return "".join(_label_line(label) for label in cached), 0
    if args.label_command != "fetch":
        raise _UsageError("name an action: label fetch NAME or label list")
    lines = []
    for name in args.names:
        label, note = extractors.refresh_label(name)
        if note:
            print(f"{PROG}: {name}: {note}", file=sys.stderr)
        lines.append(_label_line(label))
    return "".join(lines), 0


def _label_line(label: Any) -> str:
    name = label.brand or label.generic or "label"
    version = f"version {label.version}" if label.version is not None else "version unknown"
    return f"{name}\t{label.origin}\tset {label.set_id}\t{version}\teffective {label.effective or 'unknown'}\t{label.path}\n"


_COMMANDS = {
    "extract": _run_extract,
    "verify": _run_verify,
    "registry": _run_registry,
    "label": _run_label,
}


def _write(text: str, output: str | None) -> None:
    """Print the report, or write it to ``output`` whole or not at all.

    A file is written beside its target and renamed over it, so a full disk or Ctrl-C leaves the
    previous report as it was. Pipes and devices (``/dev/stdout``) are written in place.
    """
    if output is None or output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    target = os.path.realpath(output)
    try:
        if os.path.exists(target) and not stat.S_ISREG(os.stat(target).st_mode):
            with open(target, "w", encoding="utf-8") as handle:
                handle.write(text)
            return
        _replace_file(target, text)
    except OSError as error:
        raise InputError(output, f"cannot write report: {error.strerror or error}") from None


def _replace_file(target: str, text: str) -> None:
    import tempfile  # here, not at the top: with shutil and random it costs every command ~6 ms

    folder, name = os.path.split(target)
    handle, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".part", dir=folder or ".")
    extractors.interrupt.leftovers.add(temporary)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _file_mode(target))
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    finally:
        extractors.interrupt.leftovers.discard(temporary)


def _file_mode(target: str) -> int:
    """The mode the report keeps: the old report's, else what a new file gets (mkstemp makes 0600)."""
    with contextlib.suppress(OSError):
        return stat.S_IMODE(os.stat(target).st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _one_line(text: str) -> str:
    """One line of plain text: whitespace runs as one space, control characters (a terminal's
    escape sequences in a file name) as "?"."""
    return "".join(char if char.isprintable() else "?" for char in " ".join(text.split()))


def _fail(message: str) -> int:
    print(f"{PROG}: {_one_line(message)}", file=sys.stderr)
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit code."""
    with contextlib.suppress(ValueError):  # from here on Ctrl-C raises KeyboardInterrupt, handled in _main
        signal.signal(signal.SIGINT, signal.default_int_handler)
    if extractors.interrupt.started_as_command():
        extractors.interrupt.swallowed_interrupts_stop()
    try:
        return _main(argv)
    finally:
        if (
            extractors.interrupt.started_as_command()
        ):  # the work is done: a late Ctrl-C must not turn the exit code into a traceback
            signal.signal(signal.SIGINT, signal.SIG_IGN)


def _main(argv: Sequence[str] | None) -> int:
    args = None
    try:
        if isinstance(sys.stdout, io.TextIOWrapper):
            sys.stdout.reconfigure(encoding="utf-8")
        parser = build_parser()
        args = parser.parse_args(argv)
        if args.command is None:
            return _fail(f"name a command, extract, verify, registry or label (see '{PROG} --help')")
        result = _COMMANDS[args.command](args)
        if isinstance(result, int):  # a batch streams its own output
            return result
        text, code = result
        _write(text, getattr(args, "output", None))
        return code
    except _UsageError as error:
        return _fail(f"{error} (see '{PROG} --help')")
    except InputError as error:
        return _fail(f"{error.path}: {error.problem}")
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away: stop quietly, as cat and grep do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        _fail("interrupted")
        return 130
    except Exception as error:  # never a traceback for a user: one line naming the input
        inputs = _inputs(args)
        return _fail(f"{inputs}: internal error ({type(error).__name__}: {error}); please report it")


def _inputs(args: argparse.Namespace | None) -> str:
    if args is None:
        return "(arguments)"
    if getattr(args, "command", None) == "extract":
        return ", ".join(args.sources)
    if getattr(args, "command", None) == "registry":
        return ", ".join([args.label, *args.registries])
    if getattr(args, "command", None) == "label":
        return ", ".join(getattr(args, "names", None) or ["label"])
    return ", ".join([*args.articles, *args.source])


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
