"""The ``trialproof`` command line: read files, call the library, print a report.

Thin on purpose: parsing, extraction, checks and verdicts live in the library; this module only
turns arguments into calls and reports into text, and maps outcomes to exit codes:

- 0: ran; nothing contradicted or overgeneralized (``verify``), no error flag (``extract --strict``)
- 1: ran; a claim is contradicted or overgeneralized, or ``extract --strict`` met an error flag
- 2: bad usage or unreadable input; one line on stderr, ``trialproof: <path>: <problem>``
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

import extractors
from extractors import FORMATS_EXTRACT, FORMATS_REGISTRY, FORMATS_VERIFY, ExtractReport, InputError, VerifyReport

PROG = "trialproof"

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

exit codes: 0 ok; 1 a claim contradicted or overgeneralized (verify), or an error flag
(extract --strict); 2 bad usage or unreadable input (one line on stderr naming the file).
"""


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """argparse that reports bad usage as one line instead of printing usage and exiting."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description=_DESCRIPTION,
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

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
        help="a label file: openFDA JSON, DailyMed SPL XML, HTML or plain text (detected from the content)",
    )
    extract.add_argument("--format", choices=FORMATS_EXTRACT, default="table", help="output format (default: table)")
    extract.add_argument("--strict", action="store_true", help="exit 1 when any measurement has an error flag")
    extract.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE instead of stdout")

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
    verify.add_argument("article", metavar="ARTICLE", help="the article: plain text, Markdown, HTML or JATS XML")
    verify.add_argument(
        "--source",
        action="append",
        default=[],
        metavar="SOURCE",
        help="a label file to check against (repeat for several); default: the label text the article quotes",
    )
    verify.add_argument("--format", choices=FORMATS_VERIFY, default="table", help="output format (default: table)")
    verify.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE instead of stdout")

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
    registry.add_argument("--format", choices=FORMATS_REGISTRY, default="table", help="output format (default: table)")
    registry.add_argument("-o", "--output", metavar="FILE", help="write the report to FILE instead of stdout")
    return parser


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("trialproof")
    except Exception:
        return "(not installed)"


def _run_extract(args: argparse.Namespace) -> tuple[str, int]:
    sources = [extractors.load_source(path) for path in args.sources]
    report: ExtractReport = extractors.extract(sources)
    failed = args.strict and any(f.severity == "error" for m in report.measurements for f in m.flags)
    return extractors.render_extract(report, args.format), 1 if failed else 0


def _run_verify(args: argparse.Namespace) -> tuple[str, int]:
    article = extractors.load_article(args.article)
    sources = [extractors.load_source(path) for path in args.source]
    report: VerifyReport = extractors.verify(article, sources or None)
    failed = any(c.verdict in ("contradicted", "overgeneralized") for c in report.claims)
    return extractors.render_verify(report, args.format), 1 if failed else 0


def _run_registry(args: argparse.Namespace) -> tuple[str, int]:
    measurements = extractors.extract([extractors.load_source(args.label)]).measurements
    registries = [extractors.load_registry(path) for path in args.registries]
    comparisons = [c for registry in registries for c in extractors.compare_registry(measurements, registry)]
    return extractors.render_registry(comparisons, registries, args.format), 0


_COMMANDS = {"extract": _run_extract, "verify": _run_verify, "registry": _run_registry}


def _write(text: str, output: str | None) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as error:
        raise InputError(output, f"cannot write report: {error.strerror or error}") from None


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _fail(message: str) -> int:
    print(f"{PROG}: {_one_line(message)}", file=sys.stderr)
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``); return the exit code."""
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(encoding="utf-8")
    parser = build_parser()
    args = None
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            return _fail(f"name a command, extract, verify or registry (see '{PROG} --help')")
        text, code = _COMMANDS[args.command](args)
        _write(text, args.output)
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
        return _fail("interrupted")
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
    return ", ".join([args.article, *args.source])


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
