"""The command line as users run it: exit codes, one-line errors, JSON contract."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.cli import main

SEED = "anyang-press-release.txt"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "factcheck", *args], input=stdin, capture_output=True, timeout=120
    )


def test_check_json_contract(fixtures: Path) -> None:
    r = run("check", str(fixtures / SEED), "--date", "2023-11-25", "--format", "json")
    assert r.returncode == 1, r.stderr
    data = json.loads(r.stdout)
    assert data["version"] == 1
    (f,) = data["files"]
    assert f["path"].endswith(SEED)
    text = (fixtures / SEED).read_text(encoding="utf-8")
    for item in f["findings"]:
        assert set(item) >= {
            "rule",
            "name",
            "severity",
            "message",
            "start",
            "end",
            "line",
            "column",
            "text",
            "related",
            "fix",
        }
        assert text[item["start"] : item["end"]] == item["text"]
        line_start = sum(len(x) for x in text.splitlines(keepends=True)[: item["line"] - 1])
        assert item["start"] - line_start + 1 == item["column"]
        assert item["severity"] in ("error", "warning", "info")
        for rel in item["related"]:
            assert text[rel["start"] : rel["end"]] == rel["text"]
    spans = {i["text"] for i in f["findings"] if i["severity"] in ("error", "warning")}
    assert spans == {"25rd", "23th", "since 3", "1999 people"}
    assert data["summary"]["findings"] == len(f["findings"])


def test_text_output_shows_span_and_related(fixtures: Path) -> None:
    r = run("check", str(fixtures / SEED), "--date", "2023-11-25")
    out = r.stdout.decode()
    assert r.returncode == 1
    assert f"{SEED}:2:68: FC102" in out
    assert "related" in out and "제25회" in out
    assert "^^^^" in out
    assert "Found 5 finding(s)" in out


def test_clean_file_exits_zero(fixtures: Path) -> None:
    r = run("check", str(fixtures / "clean-summit.txt"), "--date", "2023-11-25")
    assert r.returncode == 0, r.stdout
    assert b"No findings" in r.stdout


def test_missing_path_is_one_line_exit_2(tmp_path: Path) -> None:
    r = run("check", str(tmp_path / "nope.txt"))
    assert r.returncode == 2
    lines = r.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and "no such file" in lines[0]
    assert b"Traceback" not in r.stderr


def test_binary_file_is_one_line_exit_2(tmp_path: Path) -> None:
    p = tmp_path / "image.png"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    r = run("check", str(p))
    assert r.returncode == 2
    assert r.stderr.decode().strip().count("\n") == 0
    assert "binary" in r.stderr.decode()


def test_invalid_utf8_and_directory(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes("제25회".encode("cp949"))
    r = run("check", str(bad))
    assert r.returncode == 2 and "UTF-8" in r.stderr.decode()
    # A folder is walked now (issue 5): its bad file is reported, and an empty one is an error.
    r = run("check", str(tmp_path))
    assert r.returncode == 2 and "bad.txt: not valid UTF-8" in r.stderr.decode()
    empty = tmp_path / "empty"
    empty.mkdir()
    r = run("check", str(empty))
    assert r.returncode == 2 and "directory has no files to check" in r.stderr.decode()


def test_batch_goes_on_past_a_bad_file(fixtures: Path, tmp_path: Path) -> None:
    r = run(
        "check",
        str(tmp_path / "missing.txt"),
        str(fixtures / SEED),
        "--date",
        "2023-11-25",
        "--format",
        "json",
    )
    assert r.returncode == 2
    data = json.loads(r.stdout)
    assert len(data["files"]) == 1 and data["files"][0]["findings"]
    assert "missing.txt" in data["summary"]["input_errors"][0]


def test_usage_errors_are_one_line(fixtures: Path) -> None:
    for args in (
        ["check"],
        ["check", str(fixtures / SEED), "--date", "03/04/2023"],
        ["check", str(fixtures / SEED), "--date", "next Tuesday"],
        ["check", str(fixtures / SEED), "--select", "ZZ9"],
        ["frobnicate"],
        [],
    ):
        r = run(*args)
        assert r.returncode == 2, args
        assert len(r.stderr.decode().strip().splitlines()) == 1, (args, r.stderr)


def test_stdin_and_assumed_date(fixtures: Path) -> None:
    r = run("check", "-", stdin=(fixtures / SEED).read_bytes())
    assert r.returncode == 1
    assert b"publication date assumed" in r.stdout
    r = run("check", "-", "--format", "json", stdin=b"The 11st floor.")
    data = json.loads(r.stdout)
    assert data["files"][0]["date_source"] == "today"
    assert data["files"][0]["findings"][0]["fix"] == {"replacement": "11th", "safe": True}


def test_select_and_ignore(fixtures: Path) -> None:
    path = str(fixtures / SEED)
    for args, rules in (
        (["--select", "FC101"], {"FC101"}),
        (["--ignore", "FC101,FC102"], {"FC103", "FC104"}),
        (["--select", "FC10", "--ignore", "FC104"], {"FC101", "FC102", "FC103"}),
    ):
        r = run("check", path, "--date", "2023-11-25", "--format", "json", *args)
        found = {i["rule"] for i in json.loads(r.stdout)["files"][0]["findings"]}
        assert found == rules, args


def test_rules_and_rule_commands() -> None:
    r = run("rules")
    assert r.returncode == 0
    for rid in ("FC101", "FC102", "FC103", "FC104"):
        assert rid.encode() in r.stdout
    r = run("rule", "FC101")
    assert r.returncode == 0 and b"ordinal-suffix" in r.stdout and b"25rd" in r.stdout
    r = run("rule", "FC999")
    assert r.returncode == 2


def test_extract_json(fixtures: Path) -> None:
    r = run("extract", str(fixtures / SEED), "--date", "2023-11-25", "--format", "json")
    assert r.returncode == 0
    facts = json.loads(r.stdout)["files"][0]["facts"]
    by_text = {(f["kind"], f["text"]): f for f in facts}
    assert by_text[("daterange", "이달 21~25일")]["value"] == "(2023-11-21,2023-11-25,P4D)"
    assert by_text[("ordinal", "제25회")]["value"] == "25"
    assert by_text[("time", "오후 3시40분")]["value"] == "T15:40"
    assert by_text[("duration", "약 40분간")]["value"] == "PT40M"
    assert by_text[("date", "22일")]["resolved"] == "2023-11-22"
    assert by_text[("count", "1999 people")]["approx"] == "approximately"


def test_main_in_process_returns_code(fixtures: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["check", str(fixtures / "clean-summit.txt"), "--date", "2023-11-25"]) == 0
    assert main(["--version"]) == 0
    assert "factcheck" in capsys.readouterr().out


def test_console_script_installed() -> None:
    exe = Path(sys.executable).parent / ("factcheck.exe" if os.name == "nt" else "factcheck")
    assert exe.exists(), "the factcheck console script is installed with the package"


def test_utf16_without_bom_is_named_not_called_binary(tmp_path: Path) -> None:
    p = tmp_path / "draft.txt"
    p.write_bytes("the 23th conference".encode("utf-16-le"))
    r = run("check", str(p))
    assert r.returncode == 2
    err = r.stderr.decode().strip()
    assert len(err.splitlines()) == 1 and "--encoding utf-16-le" in err
    r = run("check", str(p), "--encoding", "utf-16-le", "--format", "json")
    assert r.returncode == 1 and b'"FC101"' in r.stdout
