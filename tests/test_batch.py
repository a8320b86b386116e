"""Batches: inputs expanded, labels picked by name, outcomes streamed, unreadable files skipped, worst exit code."""

from __future__ import annotations

import hashlib
import io
import itertools
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from extractors import InProcess, Job, cli, expand_inputs, label_folder, run_jobs
from extractors.batch import session
from extractors.batch.inputs import ARTICLE_SUFFIXES, LABEL_SUFFIXES
from extractors.text.names import label_names, named_in
from tests.conftest import CASES, PROJECT, shared_file

ARTICLES = PROJECT / "tests" / "cases" / "articles"
FAITHFUL = ARTICLES / "pazopanib_faithful.md"
MISQUOTES = ARTICLES / "pazopanib_misquotes.txt"
SEED = PROJECT / "data" / "examples" / "sarcoma_thigh_treatment_options.txt"  # quotes its label
SEED_2 = PROJECT / "data" / "examples" / "alveolar_sarcoma_thigh.txt"
INPUT_CASES: list[dict[str, Any]] = json.loads((CASES / "batch_inputs.json").read_text(encoding="utf-8"))
NAME_CASES: list[dict[str, Any]] = json.loads((CASES / "batch_label_names.json").read_text(encoding="utf-8"))


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


# --- inputs -------------------------------------------------------------------------------------


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for name in ("a.txt", "b.md", "sub/c.html", "sub/.hidden.txt", ".git/x.txt", "img.png", "sub/deep/d.json"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    return tmp_path


@pytest.mark.parametrize("case", INPUT_CASES, ids=[c["id"] for c in INPUT_CASES])
def test_inputs_expand(case: dict[str, Any], tree: Path) -> None:
    def fill(text: str) -> str:
        return text.replace("{root}", str(tree))

    suffixes = ARTICLE_SUFFIXES if case.get("suffixes") == "articles" else LABEL_SUFFIXES
    found = expand_inputs(
        [fill(n) for n in case["names"]], exclude=[fill(n) for n in case.get("exclude", [])], suffixes=suffixes
    )
    expected = [p if p == "-" else str(tree / p) for p in case["paths"]]
    assert list(found.paths) == expected
    assert [f"{p.path}: {p.problem}" for p in found.problems] == [fill(p) for p in case["problems"]]


# --- labels picked by name ----------------------------------------------------------------------


@pytest.mark.parametrize("case", NAME_CASES, ids=[c["id"] for c in NAME_CASES])
def test_label_names_picked(case: dict[str, Any]) -> None:
    names = label_names(case["drug"], case["brand"])
    assert (named_in(case["text"], [("label", names)]) == ["label"]) is case["picked"]


def test_label_folder_keeps_the_latest_version_of_each_label(tmp_path: Path) -> None:
    raw = shared_file("corpus/raw")
    for name in (
        "tagrisso_openfda_label.json",  # version 36
        "tagrisso_osimertinib_openfda_label_NDA208065_2023.json",  # version 29, same set id
        "votrient_pazopanib_openfda_label_NDA022465_2023.json",
        "ctgov_NCT02296125_FLAURA_osimertinib.json",  # not a label
    ):
        shutil.copy(raw / name, tmp_path / name)
    named, skipped = label_folder(expand_inputs([str(tmp_path)]).paths)
    assert [Path(n.path).name for n in named] == [
        "tagrisso_openfda_label.json",
        "votrient_pazopanib_openfda_label_NDA022465_2023.json",
    ]
    assert {"tagrisso", "osimertinib"} <= named[0].names and {"votrient", "pazopanib"} <= named[1].names
    assert [Path(s.path).name for s in skipped] == ["ctgov_NCT02296125_FLAURA_osimertinib.json"]


def test_verify_with_labels_checks_each_article_against_the_labels_it_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = shared_file("corpus/raw")
    labels = tmp_path / "labels"
    labels.mkdir()
    for name in ("votrient_pazopanib_openfda_label_NDA022465_2023.json", "tagrisso_openfda_label.json"):
        shutil.copy(raw / name, labels / name)
    argv = ["verify", str(MISQUOTES), str(ARTICLES / "osimertinib_review.md"), "--labels", str(labels)]
    code, out, err = run([*argv, "--format", "jsonl"], capsys)
    assert code == 1 and err == ""
    checked = {
        Path(d["article"]["path"]).name: [s["id"] for s in d["sources"]] for d in map(json.loads, out.splitlines())
    }
    assert checked == {
        "pazopanib_misquotes.txt": ["votrient-pazopanib-openfda-label-nda022465-2023"],
        "osimertinib_review.md": ["tagrisso-openfda-label"],
    }


def test_missing_label_folder_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(["verify", str(FAITHFUL), "--labels", str(tmp_path / "nowhere")], capsys)
    assert code == 2 and out == "" and err == f"trialproof: {tmp_path / 'nowhere'}: label folder not found\n"


# --- output: streamed, and a single document exactly as before ------------------------------------


@pytest.mark.parametrize("fmt", ["json", "table", "csv", "html"])
@pytest.mark.parametrize("option", [["--store", "{tmp}/s.duckdb"], ["--jobs", "1"], ["--format", "{fmt}"]])
def test_one_document_prints_what_the_single_command_prints(
    fmt: str, option: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plain = run(["verify", str(SEED), "--format", fmt], capsys)
    extra = [o.replace("{tmp}", str(tmp_path)).replace("{fmt}", fmt) for o in option]
    batch = run(["verify", str(SEED), "--format", fmt, *extra], capsys)
    assert batch == plain and plain[0] == 1


def test_extract_of_several_plain_files_stays_one_combined_report(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["extract", str(FAITHFUL), str(MISQUOTES), "--format", "json"], capsys)
    assert code == 0 and len(json.loads(out)["sources"]) == 2


def test_jsonl_is_the_json_object_per_document_with_its_hash(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["verify", str(ARTICLES), str(SEED), "--format", "jsonl"], capsys)
    assert err == ""
    lines = out.splitlines()
    articles = [p for p in ARTICLES.iterdir() if p.suffix != ".json"]
    assert len(articles) >= 6 and len(lines) == len(articles) + 1
    codes = []
    for line in lines:
        data = json.loads(line)
        document = data.pop("document")
        path = Path(document["path"])
        assert document["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
        single_code, single, _ = run(["verify", str(path), "--format", "json"], capsys)
        assert data == json.loads(single)
        codes.append(single_code)
    assert code == max(codes) == 1


def test_two_processes_give_the_same_objects_and_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty.md").write_bytes(b"")
    argv = ["verify", str(ARTICLES), str(tmp_path / "empty.md"), str(tmp_path / "gone.md"), "--format", "jsonl"]
    one = run(argv, capsys)
    two = run([*argv, "--jobs", "2"], capsys)
    assert one[0] == two[0] == 2 and sorted(one[2].splitlines()) == sorted(two[2].splitlines())
    assert len(two[2].splitlines()) == 2
    assert sorted(one[1].splitlines()) == sorted(two[1].splitlines())


def test_table_is_one_summary_line_per_document(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["verify", str(SEED), str(SEED_2)], capsys)
    assert code == 1 and err == ""
    expected = []
    for path in (SEED, SEED_2):
        single = json.loads(run(["verify", str(path), "--format", "json"], capsys)[1])
        counts = ", ".join(f"{n} {verdict}" for verdict, n in single["summary"].items())
        expected.append(f"{path}: {len(single['claims'])} claims: {counts}")
    assert out.splitlines() == expected


def test_csv_has_one_header_and_a_document_column(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["verify", str(FAITHFUL), str(MISQUOTES), "--format", "csv"], capsys)
    lines = out.splitlines()
    assert lines[0].startswith("document,claim,verdict,")
    assert sum(1 for line in lines if line.startswith("document,")) == 1
    assert {line.split(",")[0] for line in lines[1:]} == {str(FAITHFUL), str(MISQUOTES)}


def test_run_jobs_streams_without_reading_every_job_first() -> None:
    jobs = (Job("verify", str(FAITHFUL)) for _ in itertools.count())  # never ends
    outcomes = list(itertools.islice(run_jobs(jobs, InProcess(), window=2), 3))
    assert [o.code for o in outcomes] == [0, 0, 0]


# --- bad input in a batch: one line each, the batch goes on, the worst exit code ------------------

BAD_FILES = {
    "empty.txt": (b"", "file is empty"),
    "picture.png": (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file, not text"),
    "latin1.txt": ("Médiane 4,6 mois".encode("latin-1"), "not utf-8 text"),
}


@pytest.mark.parametrize("name", BAD_FILES, ids=list(BAD_FILES))
def test_unreadable_file_is_one_line_and_the_batch_goes_on(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, problem = BAD_FILES[name]
    bad = tmp_path / name
    bad.write_bytes(data)
    code, out, err = run(["verify", str(FAITHFUL), str(bad), str(MISQUOTES)], capsys)
    assert code == 2
    assert [line.split(": ")[0] for line in out.splitlines()] == [str(FAITHFUL), str(MISQUOTES)]
    assert len(err.splitlines()) == 1 and err.startswith(f"trialproof: {bad}: ") and problem in err.lower()


def test_missing_file_and_bad_pattern_in_a_batch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["verify", str(FAITHFUL), str(tmp_path / "gone.md"), str(tmp_path / "*.nothing")], capsys)
    assert code == 2 and out.startswith(str(FAITHFUL))
    assert err.splitlines() == [
        f"trialproof: {tmp_path / '*.nothing'}: no file matches this pattern",
        f"trialproof: {tmp_path / 'gone.md'}: cannot read file: No such file or directory",
    ]


WORST = {
    "nothing-contradicted": ([FAITHFUL, MISQUOTES], 0),
    "one-contradicted": ([FAITHFUL, SEED], 1),
    "contradicted-and-unreadable": ([SEED, ARTICLES / "nothing-here.md"], 2),
}


@pytest.mark.parametrize(("paths", "code"), WORST.values(), ids=list(WORST))
def test_exit_code_is_the_worst_over_documents(
    paths: list[Path], code: int, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["verify", *map(str, paths), "--format", "jsonl"], capsys)[0] == code


USAGE = {
    "json-for-several-documents": (["verify", str(FAITHFUL), str(MISQUOTES), "--format", "json"], "--format jsonl"),
    "html-for-a-folder": (["verify", str(ARTICLES), "--format", "html"], "--format jsonl"),
    "no-jobs": (["verify", str(FAITHFUL), "--jobs", "0"], "--jobs must be 1 or more"),
    "bad-executor": (["verify", str(FAITHFUL), "--executor", "tcp://localhost"], "dask://HOST:PORT"),
}


@pytest.mark.parametrize(("argv", "says"), USAGE.values(), ids=list(USAGE))
def test_bad_batch_usage_is_one_line(argv: list[str], says: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(argv, capsys)
    assert code == 2 and out == "" and len(err.splitlines()) == 1 and says in err


# --- progress ---------------------------------------------------------------------------------------


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("stream", "drawn"), [(Terminal(), True), (io.StringIO(), False)], ids=["terminal", "pipe"])
def test_progress_bar_only_on_a_terminal(stream: io.StringIO, drawn: bool) -> None:
    request = session.BatchRequest("verify", (str(FAITHFUL), str(SEED)), "jsonl")
    out = io.StringIO()
    assert session.run_batch(request, "trialproof", out, stream) == 1
    assert len(out.getvalue().splitlines()) == 2
    assert ("/2 [" in stream.getvalue()) is drawn
    assert stream.getvalue() == "" or drawn


def test_error_line_and_progress_bar_share_the_terminal(tmp_path: Path) -> None:
    stream = Terminal()
    request = session.BatchRequest("verify", (str(FAITHFUL), str(tmp_path / "gone.md")), "jsonl")
    assert session.run_batch(request, "trialproof", io.StringIO(), stream) == 2
    assert f"trialproof: {tmp_path / 'gone.md'}: cannot read file" in stream.getvalue()


def test_a_bad_source_stops_the_batch_before_it_starts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "label.json"
    empty.write_bytes(b"")
    code, out, err = run(["verify", str(FAITHFUL), str(MISQUOTES), "--source", str(empty)], capsys)
    assert (code, out, err) == (2, "", f"trialproof: {empty}: file is empty\n")


def test_check_document_never_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> None:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("extractors.batch.runner.article_from_bytes", broken)
    outcome = next(run_jobs([Job("verify", str(FAITHFUL))], InProcess()))
    assert outcome.code == 2 and outcome.problem is not None and outcome.problem.path == str(FAITHFUL)
    assert "internal error (ZeroDivisionError" in outcome.problem.problem
