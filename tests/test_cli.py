"""The command line: bad input ends in one line and exit 2; formats parse; exit codes follow CONTRACT.md."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import extractors
from extractors import cli
from extractors.records import Article, Claim, ExtractReport, Flag, Measurement, Source, VerifyReport
from tests.conftest import CASES, PROJECT

EXAMPLE = PROJECT / "data" / "examples" / "sarcoma_thigh_treatment_options.txt"
EXAMPLE_2 = PROJECT / "data" / "examples" / "alveolar_sarcoma_thigh.txt"
BAD_INPUTS: list[dict[str, Any]] = json.loads((CASES / "cli_bad_input.json").read_text(encoding="utf-8"))


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def write_case(case: dict[str, Any], folder: Path) -> Path:
    path = folder / case["name"]
    if case.get("missing"):
        return path
    data = bytes.fromhex(case["hex"]) if "hex" in case else case["text"].encode("utf-8")
    path.write_bytes(data)
    return path


def assert_one_line_error(code: int, out: str, err: str, path: Path, problem: str) -> None:
    assert code == 2
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"trialproof: {path}: "), lines[0]
    assert problem in lines[0].lower(), lines[0]
    assert "Traceback" not in err


# --- bad input: one line naming the file, exit 2, for every way a file can reach the CLI -------


@pytest.mark.parametrize("case", BAD_INPUTS, ids=[c["id"] for c in BAD_INPUTS])
def test_extract_bad_source(case: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_case(case, tmp_path)
    assert_one_line_error(*run(["extract", str(path)], capsys), path, case["problem"])


@pytest.mark.parametrize("case", BAD_INPUTS, ids=[c["id"] for c in BAD_INPUTS])
def test_verify_bad_source(case: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_case(case, tmp_path)
    assert_one_line_error(*run(["verify", str(EXAMPLE), "--source", str(path)], capsys), path, case["problem"])


ARTICLE_CASES = [c for c in BAD_INPUTS if c["id"] in ("empty-file", "binary-png", "non-utf8-latin1", "missing-file")]


@pytest.mark.parametrize("case", ARTICLE_CASES, ids=[c["id"] for c in ARTICLE_CASES])
def test_verify_bad_article(case: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_case(case, tmp_path)
    assert_one_line_error(*run(["verify", str(path)], capsys), path, case["problem"])


def test_a_good_source_after_a_bad_one_still_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "empty.json"
    bad.write_bytes(b"")
    assert_one_line_error(*run(["extract", str(EXAMPLE), str(bad)], capsys), bad, "empty")


def test_directory_is_not_a_label(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["extract", str(tmp_path)], capsys)
    assert code == 2 and out == "" and len(err.splitlines()) == 1 and str(tmp_path) in err


def test_unwritable_output_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "no-such-dir" / "report.json"
    assert_one_line_error(*run(["extract", str(EXAMPLE), "-o", str(target)], capsys), target, "cannot write")


# --- bad usage ----------------------------------------------------------------------------------

USAGE_CASES = {
    "no-command": [],
    "unknown-command": ["check", str(EXAMPLE)],
    "extract-without-source": ["extract"],
    "verify-without-article": ["verify"],
    "unknown-format": ["extract", str(EXAMPLE), "--format", "xml"],
    "html-is-verify-only": ["extract", str(EXAMPLE), "--format", "html"],
    "unknown-option": ["verify", str(EXAMPLE), "--sources", str(EXAMPLE)],
}


@pytest.mark.parametrize("argv", USAGE_CASES.values(), ids=USAGE_CASES.keys())
def test_bad_usage_is_one_line_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(argv, capsys)
    assert code == 2
    assert out == ""
    assert len(err.splitlines()) == 1, err
    assert err.startswith("trialproof: ") and "--help" in err


def test_unexpected_error_is_one_line_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(sources: object) -> ExtractReport:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(extractors, "extract", broken)
    code, out, err = run(["extract", str(EXAMPLE)], capsys)
    assert code == 2 and out == ""
    assert len(err.splitlines()) == 1 and str(EXAMPLE) in err and "ZeroDivisionError" in err


# --- help -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv", [["--help"], ["extract", "--help"], ["verify", "--help"]], ids=["top", "extract", "verify"]
)
def test_help_explains_commands_with_examples(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(argv)
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for words in ("extract", "verify", "--format", "examples:", "exit codes"):
        assert words in out
    if argv[0] == "verify":
        assert "--source" in out and "quotes" in out


def test_module_and_console_script_run() -> None:
    module = subprocess.run([sys.executable, "-m", "extractors", "--help"], capture_output=True, text=True, check=False)
    assert module.returncode == 0 and "trialproof" in module.stdout
    assert module.stderr == ""


# --- formats parse --------------------------------------------------------------------------------


def test_extract_json_follows_the_contract(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["extract", str(EXAMPLE), "--format", "json"], capsys)
    assert code == 0
    data = json.loads(out)
    assert [s["path"] for s in data["sources"]] == [str(EXAMPLE)]
    assert data["measurements"], "the example quotes Table 9: it has measurements"
    text = data["sources"][0]["text"]
    contract_keys = {"source", "trial", "nct", "endpoint", "population", "statistic", "arm", "comparator", "value",
                     "qualifier", "ci_low", "ci_high", "ci_level", "unit", "span", "confidence", "alternatives", "flags"}  # fmt: skip
    for m in data["measurements"]:
        assert contract_keys <= m.keys()
        start, end = m["span"]
        assert text[start:end] == m["raw"]  # the span indexes the source text
        if m["value"] is not None and "." not in m["raw"]:
            assert isinstance(m["value"], int)


def test_extract_csv_has_one_row_per_measurement(capsys: pytest.CaptureFixture[str]) -> None:
    _, out_json, _ = run(["extract", str(EXAMPLE), "--format", "json"], capsys)
    code, out, _ = run(["extract", str(EXAMPLE), "--format", "csv"], capsys)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    measurements = json.loads(out_json)["measurements"]
    assert len(rows) == len(measurements)
    assert [r["raw"] for r in rows] == [m["raw"] for m in measurements]


def test_extract_table_lists_every_measurement(capsys: pytest.CaptureFixture[str]) -> None:
    _, out_json, _ = run(["extract", str(EXAMPLE), "--format", "json"], capsys)
    code, out, _ = run(["extract", str(EXAMPLE)], capsys)  # table is the default
    assert code == 0
    count = len(json.loads(out_json)["measurements"])
    assert f"{count} measurements" in out
    table = out.split("\n\n")[1].splitlines()[2:]  # the rows, after the header and its rule
    numbered = [line for line in table if line.split(" ", 1)[0].isdigit()]
    assert len(numbered) == count


@pytest.mark.parametrize("fmt", ["json", "csv", "table", "html"])
def test_verify_formats_agree_with_the_exit_code(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    _, out_json, _ = run(["verify", str(EXAMPLE), "--format", "json"], capsys)
    data = json.loads(out_json)
    assert set(data) >= {"article", "sources", "claims", "summary"}
    assert set(data["summary"]) == {"supported", "contradicted", "overgeneralized", "unverifiable"}
    assert sum(data["summary"].values()) == len(data["claims"])
    bad = any(c["verdict"] in ("contradicted", "overgeneralized") for c in data["claims"])
    code, out, err = run(["verify", str(EXAMPLE), "--format", fmt], capsys)
    assert code == (1 if bad else 0) and err == ""
    if fmt == "csv":
        assert len(list(csv.DictReader(io.StringIO(out)))) == len(data["claims"])
    elif fmt == "html":
        assert out.startswith("<!DOCTYPE html>") and "<script" not in out.lower()
    elif fmt == "table":
        assert "Summary:" in out
    for claim in data["claims"]:
        start, end = claim["span"]
        assert data["article"]["text"][start:end].strip()


def test_output_option_writes_the_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "report.html"
    code, out, err = run(["verify", str(EXAMPLE_2), "--format", "html", "-o", str(target)], capsys)
    assert code in (0, 1) and out == "" and err == ""
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


# --- exit codes, on reports built by hand ------------------------------------------------------

ARTICLE = Article(path="a.txt", title="A", text="Median PFS was 4.6 months.")
SOURCE = Source("label", "label.txt", "text", "pazopanib", "Label", "Median PFS 4.6 months")


def _measurement(*flags: Flag) -> Measurement:
    return Measurement("label", "median", 4.6, "4.6", (11, 14), endpoint="PFS", arm="Pazopanib", flags=flags)


def _claim(verdict: str) -> Claim:
    return Claim("Median PFS was 4.6 months.", (0, 26), (15, 18), 4.6, verdict=verdict)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("verdicts", "expected"),
    [
        ([], 0),
        (["supported"], 0),
        (["supported", "unverifiable"], 0),
        (["supported", "contradicted"], 1),
        (["overgeneralized"], 1),
        (["unverifiable", "overgeneralized", "contradicted"], 1),
    ],
    ids=["no-claims", "supported", "unverifiable-is-not-a-failure", "contradicted", "overgeneralized", "mixed"],
)
def test_verify_exit_code(
    verdicts: list[str], expected: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    report = VerifyReport(ARTICLE, (SOURCE,), (_measurement(),), tuple(_claim(v) for v in verdicts))
    monkeypatch.setattr(extractors, "verify", lambda article, sources: report)
    code, out, _ = run(["verify", str(EXAMPLE), "--format", "json"], capsys)
    assert code == expected
    assert [c["verdict"] for c in json.loads(out)["claims"]] == verdicts


@pytest.mark.parametrize(
    ("flags", "strict", "expected"),
    [
        ((), True, 0),
        ((Flag("ci_asymmetric", "warning", "far from the middle"),), True, 0),
        ((Flag("ci_excludes_estimate", "error", "outside its CI"),), True, 1),
        ((Flag("ci_excludes_estimate", "error", "outside its CI"),), False, 0),
    ],
    ids=["strict-clean", "strict-warning-only", "strict-error", "error-without-strict"],
)
def test_extract_strict_exit_code(
    flags: tuple[Flag, ...], strict: bool, expected: int, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    report = ExtractReport((SOURCE,), (_measurement(*flags),))
    monkeypatch.setattr(extractors, "extract", lambda sources: report)
    argv = ["extract", str(EXAMPLE), "--format", "table"] + (["--strict"] if strict else [])
    code, out, _ = run(argv, capsys)
    assert code == expected
    if any(f.severity == "error" for f in flags):
        assert "!" in out.split("\n\n")[1]  # the flag is marked on the measurement's row


def test_verify_passes_none_without_sources(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: list[object] = []

    def fake(article: Article, sources: object) -> VerifyReport:
        seen.append(sources)
        return VerifyReport(article, (), (), ())

    monkeypatch.setattr(extractors, "verify", fake)
    run(["verify", str(EXAMPLE)], capsys)
    run(["verify", str(EXAMPLE), "--source", str(EXAMPLE_2), "--source", str(EXAMPLE)], capsys)
    assert seen[0] is None
    assert [s.path for s in seen[1]] == [str(EXAMPLE_2), str(EXAMPLE)]  # type: ignore[attr-defined]
