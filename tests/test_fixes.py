"""--fix, --unsafe-fixes and --diff: what is written, how, and that nothing else is."""

from __future__ import annotations

import dataclasses
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from newsroom import run

from factcheck.cli import main
from factcheck.findings import Finding, Fix
from factcheck.fixes import apply_fixes, write_atomically

DRAFT = "제25회 회의\r\nHe came 23th on the 25rd.\r\n```\r\nthe 11st\r\n```\r\n"


def _draft(tmp_path: Path, name: str = "d.md") -> Path:
    p = tmp_path / name
    p.write_bytes(b"\xef\xbb\xbf" + DRAFT.encode("utf-8"))  # BOM and CRLF, on purpose
    p.chmod(0o640)
    return p


def test_check_and_diff_never_write(tmp_path: Path) -> None:
    p = _draft(tmp_path)
    before = (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_ino)
    assert run("check", str(p), "--date", "2023-11-25").returncode == 1
    r = subprocess.run(
        [sys.executable, "-m", "factcheck", "check", "d.md", "--date", "2023-11-25", "--diff"],
        capture_output=True,
        cwd=tmp_path,
    )
    assert r.returncode == 1
    assert b"--- a/d.md\n+++ b/d.md\n" in r.stdout
    assert b"\n-He came 23th on the 25rd.\r\n+He came 23rd on the 25th.\r\n" in r.stdout
    assert b"11th" not in r.stdout  # code blocks are not article text
    assert (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_ino) == before


def test_fix_writes_atomically_keeping_encoding_newlines_and_mode(tmp_path: Path) -> None:
    p = _draft(tmp_path)
    inode = p.stat().st_ino
    r = run("check", str(p), "--date", "2023-11-25", "--fix", "--format", "json")
    assert r.returncode == 0, r.stdout + r.stderr  # every finding was fixed
    assert '"fixed": 2' in r.stdout
    data = p.read_bytes()
    assert data == b"\xef\xbb\xbf" + DRAFT.replace("23th", "23rd").replace("25rd", "25th").encode()
    assert stat.S_IMODE(p.stat().st_mode) == 0o640
    assert p.stat().st_ino != inode  # replaced by rename, not rewritten in place
    assert [x.name for x in tmp_path.iterdir()] == ["d.md"]  # no temporary file left
    r = run("check", str(p), "--date", "2023-11-25", "--fix")
    assert r.returncode == 0 and p.read_bytes() == data


def test_fix_is_refused_for_stdin_and_unsafe_needs_a_fix_flag(tmp_path: Path) -> None:
    r = run("check", "-", "--fix", stdin="The 11st.")
    assert r.returncode == 2 and "stdin" in r.stderr
    r = run("check", str(_draft(tmp_path)), "--unsafe-fixes")
    assert r.returncode == 2 and r.stderr.count("\n") == 1


def test_unsafe_fixes_only_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    import factcheck.engine as engine

    real = engine.check_document

    def unsafe_everything(doc, rules=None, facts=None):
        out = real(doc, rules, facts)
        return [
            dataclasses.replace(f, fix=Fix(f.fix.replacement, safe=False)) if f.fix else f
            for f in out
        ]

    monkeypatch.setattr(engine, "check_document", unsafe_everything)
    p = _draft(tmp_path, "u.txt")
    original = p.read_bytes()
    assert main(["check", str(p), "--date", "2023-11-25", "--fix"]) == 1
    assert p.read_bytes() == original
    assert main(["check", str(p), "--date", "2023-11-25", "--fix", "--unsafe-fixes"]) == 0
    assert b"23rd" in p.read_bytes() and b"the 11th" in p.read_bytes()  # .txt: no code blocks
    capsys.readouterr()


def test_apply_fixes_skips_overlaps_and_stale_text() -> None:
    def f(start: int, end: int, text: str, repl: str, safe: bool = True) -> Finding:
        return Finding("FC101", "x", "error", "m", start, end, text, fix=Fix(repl, safe))

    text = "the 1th and 2th"
    out, done = apply_fixes(
        text, [f(4, 7, "1th", "1st"), f(4, 6, "1t", "zz"), f(12, 15, "2th", "2nd")]
    )
    assert out == "the 1st and 2nd" and len(done) == 2
    out, done = apply_fixes(text, [f(4, 7, "9th", "1st")])  # the text moved on: leave it
    assert out == text and not done
    out, done = apply_fixes(text, [f(4, 7, "1th", "1st", safe=False)])
    assert out == text
    assert apply_fixes(text, [f(4, 7, "1th", "1st", safe=False)], unsafe=True)[0].startswith(
        "the 1st"
    )


def test_write_atomically_leaves_no_trace_on_failure(tmp_path: Path, monkeypatch) -> None:
    p = tmp_path / "a.txt"
    p.write_text("old")

    def boom(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        write_atomically(p, "new")
    assert p.read_text() == "old" and [x.name for x in tmp_path.iterdir()] == ["a.txt"]
