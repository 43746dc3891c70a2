"""--jobs: the same output as one process, whatever the input; the pool only when it pays."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck import parallel
from factcheck.pipeline import RuleChoice

BAD_LINE = 57  # a record that is not JSON, past the first chunk of 50


def run(*args: str) -> subprocess.CompletedProcess:
    # A subprocess, as users run it: the pool forks, and this test process may have threads
    # (a Dask cluster from another test) that a forked child must not inherit.
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *args], capture_output=True, timeout=300
    )


def make_batch(fixtures: Path, path: Path, n: int = 110) -> Path:
    """n records cycling over the fixtures, each with its own id and date; one bad line."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(fixtures.glob("*.txt"))]
    lines = []
    for i in range(1, n + 1):
        if i == BAD_LINE:
            lines.append('{"id": "broken", "text": "unterminated')
        elif i == BAD_LINE + 3:
            lines.append(json.dumps({"id": f"r{i}", "body": "no text field"}))
        else:
            rec = {"id": f"r{i}", "date": f"2023-11-{1 + i % 28:02d}", "text": texts[i % 7]}
            lines.append(json.dumps(rec, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def folder(fixtures: Path, tmp_path: Path) -> Path:
    """Text, Markdown and HTML files in nested folders."""
    root = tmp_path / "articles"
    (root / "sub").mkdir(parents=True)
    for p in sorted(fixtures.glob("*.txt")):
        shutil.copy(p, root / p.name)
    seed = (fixtures / "anyang-press-release.txt").read_text(encoding="utf-8")
    (root / "sub" / "story.md").write_text(
        "---\ndate: 2023-11-25\n---\n# Story\n\n" + seed + "\n`the 23th example`\n",
        encoding="utf-8",
    )
    (root / "sub" / "page.html").write_text(
        f"<html><head><title>t</title></head><body><p>{seed}</p></body></html>",
        encoding="utf-8",
    )
    return root


def outputs(args: list[str], jobs: str, tmp_path: Path) -> tuple[int, str, str]:
    out = tmp_path / f"out-{jobs}.json"
    r = run(*args, "--jobs", jobs, "-o", str(out))
    return r.returncode, out.read_text(encoding="utf-8"), r.stderr.decode()


def test_folder_same_json_as_one_process(folder: Path, tmp_path: Path) -> None:
    args = ["check", str(folder), "--date", "2023-11-25", "--format", "json"]
    code1, json1, _ = outputs(args, "1", tmp_path)
    code2, json2, err2 = outputs(args, "2", tmp_path)
    assert code1 == code2 == 1, err2
    assert json2 == json1
    assert json.loads(json1)["summary"]["files"] == 9


@pytest.mark.parametrize("fmt", ["text", "sarif"])
def test_folder_same_text_and_sarif(folder: Path, fmt: str) -> None:
    one = run("check", str(folder), "--date", "2023-11-25", "--format", fmt, "--jobs", "1")
    two = run("check", str(folder), "--date", "2023-11-25", "--format", fmt, "--jobs", "0")
    assert one.returncode == two.returncode == 1
    assert two.stdout == one.stdout
    assert two.stdout


def test_jsonl_bad_record_in_the_middle(fixtures: Path, tmp_path: Path) -> None:
    batch = make_batch(fixtures, tmp_path / "batch.jsonl")
    args = ["check", str(batch), "--format", "json"]
    code1, json1, err1 = outputs(args, "1", tmp_path)
    code2, json2, err2 = outputs(args, "2", tmp_path)
    assert json2 == json1
    assert code1 == code2 == 2  # an input error, and the batch went on past it
    assert err2 == err1
    data = json.loads(json2)
    assert data["summary"]["files"] == 108
    errors = data["summary"]["input_errors"]
    assert len(errors) == 2
    assert f"batch.jsonl:{BAD_LINE}: invalid JSON" in errors[0]
    assert f"batch.jsonl:{BAD_LINE + 3}: field 'text' missing" in errors[1]
    ids = [f["id"] for f in data["files"]]
    assert ids == [f"r{i}" for i in range(1, 111) if i not in (BAD_LINE, BAD_LINE + 3)]
    assert "Traceback" not in err2


def test_report_same_outputs(fixtures: Path, folder: Path, tmp_path: Path) -> None:
    batch = make_batch(fixtures, tmp_path / "batch.jsonl", n=60)
    got = {}
    for jobs in ("1", "2"):
        j, s, h = (tmp_path / f"r{jobs}.{ext}" for ext in ("json", "sarif", "html"))
        r = run("report", str(folder), str(batch), "--date", "2023-11-25", "--jobs", jobs,
                "--json", str(j), "--sarif", str(s), "--html", str(h))  # fmt: skip
        assert r.returncode == 2, r.stderr  # the bad record
        got[jobs] = (r.stdout, j.read_bytes(), s.read_bytes(), h.read_bytes())
    assert got["2"] == got["1"]
    data = json.loads(got["1"][1])
    assert data["summary"]["files"] == 9 + 58  # 60 lines, 2 bad
    assert json.loads(got["1"][2])["runs"][0]["results"]


def test_bad_jobs_value_is_one_line() -> None:
    r = run("check", "x.txt", "--jobs", "-2")
    assert r.returncode == 2
    assert r.stderr.decode().count("\n") == 1
    assert "--jobs" in r.stderr.decode()


def test_one_article_starts_no_pool(fixtures: Path, monkeypatch) -> None:
    import concurrent.futures

    def no_pool(*a, **k):
        raise AssertionError("a pool was started for one article")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_pool)
    from factcheck.inputs import read_articles

    arts = list(read_articles(str(fixtures / "anyang-press-release.txt")))
    (res,) = parallel.check_articles(arts, RuleChoice(), jobs=2)
    assert res.article is arts[0]
    assert {f.text for f in res.findings} >= {"25rd", "23th"}


class _Done:
    def __init__(self, value) -> None:
        self.value = value

    def result(self):
        return self.value


def test_in_order_streams_with_bounded_work() -> None:
    """The input is read only a window ahead of the results, and order is kept."""
    pulled = 0

    def chunks():
        nonlocal pulled
        for i in range(100):
            pulled += 1
            yield [i]

    in_flight = []

    def submit(chunk):
        in_flight.append(chunk)
        return _Done([([], [], None)])

    seen = 0
    for res in parallel.in_order(submit, chunks(), window=4):
        assert res.article == seen  # the chunk's own item, paired in order
        seen += 1
        assert pulled <= seen + 4
    assert seen == 100 == len(in_flight)


def test_small_input_is_shared_between_workers() -> None:
    first, rest = parallel.chunked(list(range(10)), 2)
    assert first == [list(range(5)), list(range(5, 10))]
    assert list(rest) == []
    first, rest = parallel.chunked(iter(range(120)), 2)
    assert [len(c) for c in first] == [50]
    assert [len(c) for c in rest] == [50, 20]


def test_fix_writes_the_same_files(folder: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(folder, copy)
    one = run("check", str(folder), "--date", "2023-11-25", "--fix", "--jobs", "1")
    two = run("check", str(copy), "--date", "2023-11-25", "--fix", "--jobs", "2")
    assert one.returncode == two.returncode
    for p in sorted(folder.rglob("*.*")):
        twin = copy / p.relative_to(folder)
        assert twin.read_bytes() == p.read_bytes()
        assert "25rd" not in p.read_text(encoding="utf-8")  # the seed's, fixed to 25th
    assert two.stdout.replace(str(copy).encode(), b"") == one.stdout.replace(
        str(folder).encode(), b""
    )
