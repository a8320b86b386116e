"""Labels by name: fetched from a recorded openFDA / DailyMed server on 127.0.0.1 into a cache, found there offline.

The server answers from the corpus files (real openFDA API responses and DailyMed SPLs) the way
the services do: openFDA searches ``set_id``, ``openfda.brand_name`` and ``openfda.generic_name``
and says 404 when nothing matches; DailyMed serves ``/spls/<set id>.xml``. No test touches the network.
"""

from __future__ import annotations

import json
import threading
import urllib.parse
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest

from extractors import cli
from extractors.batch.facts import label_facts
from tests.conftest import CASES, PROJECT, shared_file

CASES_FETCH: list[dict[str, Any]] = json.loads((CASES / "label_fetch.json").read_text(encoding="utf-8"))
ARTICLE = PROJECT / "tests" / "cases" / "articles" / "osimertinib_review.md"


def recorded() -> tuple[list[dict[str, Any]], dict[str, bytes]]:
    """openFDA label records and DailyMed SPLs (latest version per set id) from the corpus."""
    records: list[dict[str, Any]] = []
    spls: dict[str, bytes] = {}
    versions: dict[str, int] = {}
    for path in sorted(shared_file("corpus/raw").iterdir()):
        data = path.read_bytes()
        facts = label_facts(data)
        if facts.set_id is None:
            continue
        if path.suffix == ".json":
            records.extend(json.loads(data)["results"])
        elif facts.version is not None and facts.version > versions.get(facts.set_id, -1):
            spls[facts.set_id], versions[facts.set_id] = data, facts.version
    return records, spls


class Recorded(BaseHTTPRequestHandler):
    records: ClassVar[list[dict[str, Any]]] = []
    spls: ClassVar[dict[str, bytes]] = {}

    def do_GET(self) -> None:
        url = urllib.parse.urlsplit(self.path)
        if url.path == "/broken/label.json":
            return self.answer(500, b'{"error": {"code": "SERVER_ERROR"}}')
        if url.path.startswith("/spls/"):
            spl = self.spls.get(url.path.removeprefix("/spls/").removesuffix(".xml"))
            return self.answer(200, spl, "application/xml") if spl else self.answer(404, b"not found")
        query = urllib.parse.parse_qs(url.query)
        field, _, value = query["search"][0].partition(":")
        wanted = value.strip('"').casefold()
        found = [r for r in self.records if wanted in [str(v).casefold() for v in self.values(r, field)]]
        if not found:
            return self.answer(404, b'{"error": {"code": "NOT_FOUND", "message": "No matches found!"}}')
        limit = int(query.get("limit", ["1"])[0])
        body = {"meta": {"results": {"skip": 0, "limit": limit, "total": len(found)}}, "results": found[:limit]}
        self.answer(200, json.dumps(body).encode("utf-8"))

    @staticmethod
    def values(record: dict[str, Any], field: str) -> list[Any]:
        if field == "set_id":
            return [record.get("set_id")]
        return list((record.get("openfda") or {}).get(field.removeprefix("openfda."), []))

    def answer(self, status: int, body: bytes, kind: str = "application/json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:  # quiet
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    Recorded.records, Recorded.spls = recorded()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Recorded)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def online(server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TRIALPROOF_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("TRIALPROOF_OPENFDA_URL", f"{server}/drug/label.json")
    monkeypatch.setenv("TRIALPROOF_DAILYMED_URL", f"{server}/spls")
    return tmp_path / "cache"


def go_offline(monkeypatch: pytest.MonkeyPatch) -> None:
    closed = "http://127.0.0.1:9"  # the discard port: nothing listens, the connection is refused
    monkeypatch.setenv("TRIALPROOF_OPENFDA_URL", f"{closed}/drug/label.json")
    monkeypatch.setenv("TRIALPROOF_DAILYMED_URL", f"{closed}/spls")


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("case", CASES_FETCH, ids=[c["id"] for c in CASES_FETCH])
def test_fetch_keeps_the_label_with_its_version_and_date(
    case: dict[str, Any], online: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["label", "fetch", case["name"]], capsys)
    assert code == 0 and err == ""
    fields = out.rstrip("\n").split("\t")
    assert fields[2:5] == [f"set {case['set_id']}", f"version {case['version']}", f"effective {case['effective']}"]
    path = Path(fields[5])
    assert path.is_relative_to(online) and path.is_file()
    facts = label_facts(path.read_bytes())
    assert (facts.set_id, facts.version, str(facts.effective)) == (case["set_id"], case["version"], case["effective"])
    index = json.loads((online / "labels" / "index.json").read_text(encoding="utf-8"))
    assert [entry["path"] for entry in index["labels"]] == [str(path)]
    assert run(["extract", str(path), "--format", "json"], capsys)[0] == 0  # a label load_source reads


def test_source_by_name_is_fetched_once_then_read_from_the_cache(
    online: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["verify", str(ARTICLE), "--source", "openfda:TAGRISSO", "--format", "json"], capsys)
    assert code == 1 and err == ""
    assert [s["id"] for s in json.loads(out)["sources"]] == ["tagrisso-v36"]
    go_offline(monkeypatch)
    assert run(["verify", str(ARTICLE), "--source", "openfda:tagrisso", "--format", "json"], capsys)[1] == out
    assert run(["extract", "openfda:osimertinib", "--format", "json"], capsys)[0] == 0  # the generic name too


def test_offline_and_not_cached_is_one_line(
    online: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    go_offline(monkeypatch)
    for argv in (["label", "fetch", "TAGRISSO"], ["verify", str(ARTICLE), "--source", "openfda:TAGRISSO"]):
        code, out, err = run(argv, capsys)
        assert code == 2 and out == "" and len(err.splitlines()) == 1
        assert err.startswith("trialproof: ") and "TAGRISSO: not in the label cache" in err
        assert "openFDA (127.0.0.1:9) cannot be reached" in err


def test_offline_fetch_of_a_cached_label_says_so_and_uses_it(
    online: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["label", "fetch", "OPDIVO"], capsys)[0] == 0
    go_offline(monkeypatch)
    code, out, err = run(["label", "fetch", "opdivo"], capsys)
    assert code == 0 and "version 57" in out
    assert err.startswith("trialproof: opdivo: openFDA (127.0.0.1:9) cannot be reached") and "cached copy" in err


def test_a_newer_version_is_kept_beside_the_old_and_wins(
    online: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    every = Recorded.records
    monkeypatch.setattr(Recorded, "records", [r for r in every if r.get("version") != "36"])  # before v36 came out
    assert "version 29" in run(["label", "fetch", "TAGRISSO"], capsys)[1]
    monkeypatch.setattr(Recorded, "records", every)
    assert "version 36" in run(["label", "fetch", "TAGRISSO"], capsys)[1]
    listed = run(["label", "list"], capsys)[1].splitlines()
    assert sorted(line.split("\t")[3] for line in listed) == ["version 29", "version 36"]
    go_offline(monkeypatch)
    code, out, _ = run(["verify", str(ARTICLE), "--source", "openfda:TAGRISSO", "--format", "json"], capsys)
    assert code == 1 and [s["id"] for s in json.loads(out)["sources"]] == ["tagrisso-v36"]


NOT_FOUND = {
    "unknown-name": (["label", "fetch", "NOSUCHDRUG"], "openFDA has no label named NOSUCHDRUG"),
    "unknown-set-id": (["label", "fetch", "dailymed:00000000-0000-0000-0000-000000000000"], "DailyMed has no SPL"),
    "dailymed-needs-a-set-id": (["label", "fetch", "dailymed:ELIQUIS"], "fetched by set id"),
    "source-by-unknown-name": (["verify", str(ARTICLE), "--source", "openfda:NOSUCHDRUG"], "no label named"),
}


@pytest.mark.parametrize(("argv", "says"), NOT_FOUND.values(), ids=list(NOT_FOUND))
def test_no_such_label_is_one_line(
    argv: list[str], says: str, online: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(argv, capsys)
    assert code == 2 and out == "" and len(err.splitlines()) == 1 and says in err


def test_server_error_is_one_line(
    server: str, online: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TRIALPROOF_OPENFDA_URL", f"{server}/broken/label.json")
    code, out, err = run(["label", "fetch", "TAGRISSO"], capsys)
    assert (
        code == 2 and out == "" and err == "trialproof: TAGRISSO: openFDA answered HTTP 500 (Internal Server Error)\n"
    )


def test_label_without_an_action_is_usage(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["label"], capsys)
    assert code == 2 and out == "" and "label fetch NAME" in err


def test_empty_cache_is_listed_as_empty(online: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["label", "list"], capsys)
    assert (code, err) == (0, "") and out.startswith(f"no labels in the cache ({online / 'labels'})")
