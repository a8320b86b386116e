"""Past one machine: the same per-document function on a Dask cluster (a LocalCluster here), results stored by the caller."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from extractors import InProcess, Job, cli, dask_executor, run_jobs
from extractors.batch import session
from tests.conftest import PROJECT

ARTICLES = PROJECT / "tests" / "cases" / "articles"
SEED = PROJECT / "data" / "examples" / "sarcoma_thigh_treatment_options.txt"


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, protocol="tcp", dashboard_address=None, host="127.0.0.1"
    )
    try:
        yield cluster.scheduler_address.replace("tcp://", "dask://")
    finally:
        cluster.close()


def test_dask_run_equals_the_local_run_and_is_stored(
    scheduler: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "results.duckdb"
    argv = ["verify", str(ARTICLES), str(SEED), "--format", "jsonl"]
    local_code = cli.main(argv)
    local = capsys.readouterr().out
    code = cli.main([*argv, "--executor", scheduler, "--store", str(store)])
    out, err = capsys.readouterr()
    assert (code, err) == (local_code, "")
    assert sorted(json.loads(line)["article"]["text"] for line in out.splitlines()) == sorted(
        json.loads(line)["article"]["text"] for line in local.splitlines()
    )
    assert all(Path(json.loads(line)["document"]["path"]).is_absolute() for line in out.splitlines())
    with duckdb.connect(str(store), read_only=True) as db:
        stored = db.execute("SELECT count(*) FROM articles").fetchone()
    assert stored is not None and stored[0] == len(out.splitlines())


def test_the_runner_takes_the_cluster_executor(scheduler: str) -> None:
    jobs = [Job("extract", str(SEED)), Job("extract", str(ARTICLES / "nothing.md")), Job("verify", str(SEED))]
    with dask_executor(scheduler) as (executor, threads):
        remote = {(o.path, type(o.report).__name__): o for o in run_jobs(jobs, executor, window=2 * threads)}
    local = {(o.path, type(o.report).__name__): o for o in run_jobs(jobs, InProcess())}
    assert remote.keys() == local.keys() and len(remote) == 3
    for key, outcome in remote.items():
        assert (outcome.code, outcome.sha256, outcome.report, str(outcome.problem)) == (
            local[key].code, local[key].sha256, local[key].report, str(local[key].problem)
        )  # fmt: skip
    missing = remote[(str(ARTICLES / "nothing.md"), "NoneType")].problem
    assert missing is not None and "cannot read file" in missing.problem


def test_unreachable_scheduler_is_one_line(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(session, "CONNECT_SECONDS", 1)
    code = cli.main(["verify", str(SEED), "--executor", "dask://127.0.0.1:9"])
    out, err = capsys.readouterr()
    assert code == 2 and out == "" and len(err.splitlines()) == 1
    assert err.startswith("trialproof: dask://127.0.0.1:9: cannot connect to the Dask scheduler")
