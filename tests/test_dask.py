"""--engine dask: on a real local cluster of worker processes, the same reports as a local run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_parallel import make_batch

from factcheck.cli import main

if os.environ.get("CI", "").lower() in ("", "0", "false", "no"):
    distributed = pytest.importorskip("distributed")
else:  # CI installs the [test] extra, which has Dask: a missing Dask there is a failure
    import distributed


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *args], capture_output=True, timeout=300
    )


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0"
    ) as c:
        yield c


def local_and_dask(
    paths: list[str], tmp_path: Path, *dask_args: str
) -> tuple[subprocess.CompletedProcess, subprocess.CompletedProcess, dict[str, Path]]:
    common = ["report", *paths, "--date", "2023-11-25"]
    local_json = tmp_path / "local.json"
    local = run(*common, "--json", str(local_json))
    files = {ext: tmp_path / f"dask.{ext}" for ext in ("json", "sarif", "html")}
    files["local"] = local_json
    dask = run(*common, "--engine", "dask", *dask_args,
               "--json", str(files["json"]), "--sarif", str(files["sarif"]),
               "--html", str(files["html"]))  # fmt: skip
    return local, dask, files


def test_cluster_gives_the_local_results(cluster, fixtures: Path, tmp_path: Path) -> None:
    batch = make_batch(fixtures, tmp_path / "batch.jsonl", n=70)  # two shards' worth, 2 bad
    seed = fixtures / "anyang-press-release.txt"
    local, dask, files = local_and_dask(
        [str(seed), str(batch)], tmp_path, "--scheduler", cluster.scheduler_address
    )
    assert local.returncode == dask.returncode == 2, dask.stderr  # the bad records
    assert dask.stdout == local.stdout  # the summary tables
    assert files["json"].read_bytes() == files["local"].read_bytes()
    data = json.loads(files["json"].read_text(encoding="utf-8"))
    assert data["summary"]["files"] == 1 + 68
    assert len(data["summary"]["input_errors"]) == 2
    sarif = json.loads(files["sarif"].read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    assert len(sarif["runs"][0]["results"]) == data["summary"]["findings"]
    html = files["html"].read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") or html.lower().startswith("<!doctype html>")
    assert "25rd" in html
    assert "Traceback" not in dask.stderr.decode()


def test_default_local_cluster(fixtures: Path, tmp_path: Path) -> None:
    paths = [str(p) for p in sorted(fixtures.glob("*.txt"))[:3]]
    local, dask, files = local_and_dask(paths, tmp_path)
    assert local.returncode == dask.returncode == 1, dask.stderr
    assert files["json"].read_bytes() == files["local"].read_bytes()
    assert files["sarif"].stat().st_size and files["html"].stat().st_size
    # Dask's own start-up and shutdown logging stays out of the report's stderr.
    assert dask.stderr.decode().splitlines() == [f"HTML report: {files['html']}"]


def test_without_dask_one_line_and_exit_2(fixtures: Path, monkeypatch, capsys) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails
    code = main(["report", str(fixtures / "clean-summit.txt"), "--engine", "dask"])
    err = capsys.readouterr().err
    assert code == 2
    assert err == "factcheck: error: --engine dask needs Dask: pip install 'factcheck[dask]'\n"


def test_unreachable_scheduler_one_line(fixtures: Path, monkeypatch, capsys) -> None:
    import factcheck.dask_engine

    monkeypatch.setattr(factcheck.dask_engine, "CONNECT_TIMEOUT_S", 1)
    code = main(
        ["report", str(fixtures / "clean-summit.txt"), "--engine", "dask",
         "--scheduler", "tcp://127.0.0.1:9"]
    )  # fmt: skip
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("factcheck: error: --scheduler tcp://127.0.0.1:9: cannot connect")
    assert err.count("\n") == 1


def test_scheduler_needs_the_dask_engine(fixtures: Path, capsys) -> None:
    assert main(["report", str(fixtures / "clean-summit.txt"), "--scheduler", "tcp://x:1"]) == 2
    assert "--scheduler works with --engine dask" in capsys.readouterr().err
