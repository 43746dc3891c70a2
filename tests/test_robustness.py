"""Issue 7: bad input, encodings, adversarial text, and nothing lost.

Every bad input gets one line on stderr naming the file (and line, for JSONL and rule
YAML), exit 2 when it is the only input, and a batch goes on and lists it in its report.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest
from newsroom import run

from factcheck.cli import main

DATE = ("--date", "2023-11-25")


def _one_line_error(r: subprocess.CompletedProcess, *words: str) -> str:
    assert r.returncode == 2, (r.returncode, r.stdout, r.stderr)
    assert "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    for w in words:
        assert w in lines[0], (w, lines[0])
    return lines[0]


# --- the bad input matrix ----------------------------------------------------------------


def _bad_inputs(tmp: Path) -> dict[str, tuple[Path, str]]:
    """name -> (path, what its one-line error says)."""
    out: dict[str, tuple[Path, str]] = {}
    p = tmp / "image.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    out["binary"] = (p, "binary file")
    p = tmp / "noise.txt"
    p.write_bytes(bytes(range(0x80, 0x100)) * 3)  # not UTF-8, and no encoding reads it well
    out["invalid utf-8"] = (p, "not valid UTF-8 (byte 0)")
    p = tmp / "empty.txt"
    p.write_bytes(b"")
    out["empty"] = (p, "empty file")
    p = tmp / "folder.txt"
    p.mkdir()
    (p / "notes.bin").write_text("x")  # a folder named like a file, with nothing to check
    out["directory"] = (p, "directory has no files to check")
    loop = tmp / "loop.txt"
    os.symlink(tmp / "loop2.txt", loop)
    os.symlink(loop, tmp / "loop2.txt")
    out["symlink loop"] = (loop, "symbolic link loop")
    return out


@pytest.mark.parametrize("case", ["binary", "invalid utf-8", "empty", "directory", "symlink loop"])
def test_bad_single_input_is_one_line_exit_2(tmp_path: Path, case: str) -> None:
    path, words = _bad_inputs(tmp_path)[case]
    _one_line_error(run("check", str(path), *DATE), str(path), words)


def test_unreadable_file(tmp_path: Path) -> None:
    p = tmp_path / "secret.txt"
    p.write_text("The 11st floor.\n")
    p.chmod(0)
    try:
        if os.access(p, os.R_OK):
            pytest.skip("running as a user (root) that can read a chmod 000 file")
        _one_line_error(run("check", str(p)), str(p), "permission denied")
    finally:
        p.chmod(0o644)


def test_directory_where_a_file_is_expected(tmp_path: Path, fixtures: Path) -> None:
    seed = str(fixtures / "anyang-press-release.txt")
    _one_line_error(run("check", seed, "--config", str(tmp_path)), "--config", str(tmp_path))
    _one_line_error(run("check", seed, *DATE, "-o", str(tmp_path)), str(tmp_path))
    _one_line_error(run("report", seed, *DATE, "--html", str(tmp_path)), str(tmp_path))


def test_batch_goes_on_and_lists_every_bad_input(tmp_path: Path) -> None:
    bad = _bad_inputs(tmp_path)
    good = tmp_path / "good.txt"
    good.write_text("He attended the 23th conference.\n")
    paths = [str(p) for p, _ in bad.values()] + [str(good)]
    r = run("check", *paths, *DATE, "--format", "json")
    assert r.returncode == 2
    data = json.loads(r.stdout)
    assert [f["path"] for f in data["files"]] == [str(good)]
    errors = data["summary"]["input_errors"]
    assert len(errors) == len(bad)
    for (path, words), err in zip(bad.values(), errors, strict=True):
        assert err.startswith(str(path)) and words in err, (path, err)
    assert len(r.stderr.strip().splitlines()) == len(bad)
    # The batch report lists them too, with the reasons.
    r = run("report", *paths, *DATE, "--html", str(tmp_path / "r.html"))
    assert r.returncode == 2
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    for path, words in bad.values():
        assert words in r.stdout + r.stderr
        assert path.name in html


def test_malformed_jsonl_lines(tmp_path: Path) -> None:
    batch = tmp_path / "wire.jsonl"
    lines = [
        '{"id": "a", "text": "He attended the 23th conference."}',
        '{"id": "b", "text": "unterminated',
        '["a", "list"]',
        '{"id": "d", "body": "no text field"}',
        '{"id": "e", "text": 42}',
        '{"id": "f", "text": "The 11st floor.", "date": 20231125}',
        '{"id": "g", "text": "The 12nd floor.", "date": "the day after"}',
        '{"id": "h", "text": "The 13rd floor."}',
    ]
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = run("check", str(batch), *DATE, "--format", "json")
    assert r.returncode == 2
    data = json.loads(r.stdout)
    assert [f["id"] for f in data["files"]] == ["a", "f", "g", "h"]  # --date wins over records
    errs = data["summary"]["input_errors"]
    assert errs == [
        f"{batch}:2: invalid JSON: Unterminated string starting at",
        f"{batch}:3: a record must be a JSON object",
        f"{batch}:4: field 'text' missing or not a string",
        f"{batch}:5: field 'text' missing or not a string",
    ]
    # Without --date the record's date field is read: wrong types and bad dates are named.
    r = run("check", str(batch), "--format", "json")
    errs = json.loads(r.stdout)["summary"]["input_errors"]
    assert f"{batch}:6: field 'date' must be a string (YYYY-MM-DD)" in errs
    assert any(e.startswith(f"{batch}:7: field 'date': not a date") for e in errs)


def test_broken_html_never_crashes_and_keeps_offsets(tmp_path: Path) -> None:
    for i, body in enumerate(
        [
            '<p class="lead>The 11st floor.',  # an attribute never closed
            "<p>The 11st<div><span>floor</p></div></b></i>",  # misnested, stray end tags
            "<script>var x = 'the 12nd'; the 13rd",  # a script never closed
            "<!-- the 12nd <p>The 11st</p>",  # a comment never closed
            "<p>The 11st &#99999999999; &bogus; &#x; </p><",  # bad character references
            "<p>" + "<b>" * 500 + "The 11st floor." + "</i>" * 500,  # deep, unclosed
        ]
    ):
        p = tmp_path / f"b{i}.html"
        p.write_text(body, encoding="utf-8")
        out = tmp_path / f"b{i}.json"  # in process: six start-ups would cost half a minute
        assert main(["check", str(p), *DATE, "--format", "json", "-o", str(out)]) in (0, 1)
        for f in json.loads(out.read_text())["files"][0]["findings"]:
            assert body[f["start"] : f["end"]] == f["text"]


def test_a_100_mb_file_is_refused_fast_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "dump.txt"
    line = b"He attended the 23th conference on the 25rd.\n"
    with big.open("wb") as fh:
        block = line * (2**20 // len(line))
        for _ in range(100):
            fh.write(block)
    assert big.stat().st_size > 99 * 2**20
    tracemalloc.start()
    t0 = time.perf_counter()
    try:
        code = main(["check", str(big), *DATE, "--format", "json", "-o", str(tmp_path / "o")])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert code == 2
    assert time.perf_counter() - t0 < 10
    assert peak < 20 * 2**20, f"peak {peak / 2**20:.0f} MB: the file was read"
    data = json.loads((tmp_path / "o").read_text())
    (err,) = data["summary"]["input_errors"]
    assert (
        err.startswith(f"{big}: file too large (100.0 MB, limit 32.0 MB)") and "--max-size" in err
    )
    # --max-size raises the limit (here: to let a smaller file through, and refuse it again).
    small = tmp_path / "small.txt"
    small.write_bytes(line * 30_000)  # ~1.3 MB
    r = run("check", str(small), *DATE, "--max-size", "1")
    _one_line_error(r, str(small), "file too large (1.3 MB, limit 1.0 MB)")


def test_one_line_of_1_mb_is_checked(tmp_path: Path) -> None:
    unit = "Mayor Kim attended the 23th meeting on the 25rd. "
    text = unit * (2**20 // len(unit))
    p = tmp_path / "one-line.txt"
    p.write_text(text, encoding="utf-8")
    t0 = time.perf_counter()
    r = run("check", str(p), *DATE, "--format", "json", "--select", "FC101")
    took = time.perf_counter() - t0
    assert r.returncode == 1, r.stderr
    findings = json.loads(r.stdout)["files"][0]["findings"]
    # Every defect is found, exactly, across the guard's hard cuts of the one long line.
    assert len(findings) == 2 * text.count(unit)
    assert all(text[f["start"] : f["end"]] == f["text"] for f in findings)
    assert took < 120


def test_time_budget_gives_up_on_one_document_and_the_batch_goes_on(tmp_path: Path) -> None:
    slow = tmp_path / "slow.txt"
    slow.write_text("21~25일 11月21日至25日 Nov. 21-25, " * 20_000, encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("He attended the 23th conference.\n")
    r = run("check", str(slow), str(good), *DATE, "--timeout", "0.5", "--format", "json")
    assert r.returncode == 2
    data = json.loads(r.stdout)
    assert [f["path"] for f in data["files"]] == [str(good)]
    (err,) = data["summary"]["input_errors"]
    assert err.startswith(f"{slow}: gave up after 0.5s") and "--timeout" in err
    assert r.stderr.strip() == f"factcheck: {err}"


# --- rule packs --------------------------------------------------------------------------

PACK = """\
rules:
  - id: NR901
    name: house-ordinal
    kind: ordinal-suffix
    severity: info
    message: "house style: '{text}' should be '{fix}'"
    explanation: Our house style wants ordinals checked even in captions and headlines.
    examples:
      fire:
        - {text: "The 11st floor.", span: "11st", fix: "11th"}
        - {text: "The 12nd floor.", span: "12nd"}
      pass:
        - "The 11th floor."
"""


def _pack_error(tmp_path: Path, body: str, *words: str) -> str:
    (tmp_path / "house.yaml").write_text(body, encoding="utf-8")
    (tmp_path / "factcheck.toml").write_text('rule-packs = ["house.yaml"]\n')
    (tmp_path / "a.txt").write_text("The 11st.\n")
    return _one_line_error(run("check", str(tmp_path / "a.txt")), *words)


def test_broken_rule_yaml_is_one_line_with_file_and_line(tmp_path: Path) -> None:
    pack = str(tmp_path / "house.yaml")
    _pack_error(tmp_path, PACK.replace("    name: house", "    name: [house"), f"{pack}:", "YAML")
    line = _pack_error(tmp_path, PACK.replace("kind: ordinal-suffix", "kind: vibes"), pack)
    assert f"{pack}:2: NR901: unknown rule kind 'vibes'" in line
    dup = PACK + PACK.split("rules:\n")[1]
    line = _pack_error(tmp_path, dup, "duplicate rule id NR901")
    assert f"{pack}:14:" in line and f"also in {pack}:2" in line
    line = _pack_error(tmp_path, PACK.replace("FC101", "").replace("NR901", "FC101"), pack)
    assert "duplicate rule id FC101" in line and "core.yaml:" in line


def test_rules_verify_names_the_failing_example_and_its_line(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(PACK, encoding="utf-8")
    r = run("rules", "--verify", str(good))
    assert r.returncode == 0, r.stderr
    assert "0 failing" in r.stdout or "none failing" in r.stdout
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        PACK.replace('fix: "11th"', 'fix: "11nd"').replace('"The 11th floor."', '"The 21th."'),
        encoding="utf-8",
    )
    r = run("rules", "--verify", str(bad))
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert lines == [
        f"factcheck: {bad}:10: NR901: fix of '11st' is '11th', the example says '11nd'",
        f"factcheck: {bad}:13: NR901: must-not-fire example fired on '21th': 'The 21th.'",
    ]
    assert "2 failing" in r.stdout
    r = run("rules", str(bad))  # listing does not run examples
    assert r.returncode == 0 and "NR901" in r.stdout


# --- encodings ---------------------------------------------------------------------------

EN = "He attended the 23th conference.\n"
KO = "안양시는 지난 25일 광주에서 열린 제23회 한중일 지방정부 교류회의에 참석했다고 밝혔다. " + EN
ZH_S = "第23届中日韩地方政府交流会议于11月21日至25日在光州举行，安养市市长出席了会议。" + EN
ZH_T = "第23屆中日韓地方政府交流會議於11月21日至25日在光州舉行，安養市市長出席了會議。" + EN
JA = "第23回日中韓地方政府交流会議が11月21日から25日まで光州で開かれ、安養市長が出席した。" + EN

ENCODED = [
    ("utf-8", KO, b""),
    ("utf-8", JA, b"\xef\xbb\xbf"),
    ("utf-16-le", KO, b"\xff\xfe"),
    ("utf-16-be", ZH_S, b"\xfe\xff"),
    ("cp949", KO, b""),
    ("euc_kr", KO, b""),
    ("gb18030", ZH_S, b""),
    ("big5", ZH_T, b""),
    ("shift_jis", JA, b""),
    ("euc_jp", JA, b""),
]


@pytest.mark.parametrize(("encoding", "text", "bom"), ENCODED, ids=[e[0] for e in ENCODED])
def test_encodings_are_detected_checked_and_fixed_in_place(
    tmp_path: Path, encoding: str, text: str, bom: bytes
) -> None:
    body = (text * 2).replace("\n", "\r\n", 1)  # two paragraphs, one CRLF: bytes must survive
    p = tmp_path / "story.txt"
    p.write_bytes(bom + body.encode(encoding))
    r = run("check", str(p), *DATE, "--format", "json", "--select", "FC101")
    assert r.returncode == 1, r.stderr
    findings = json.loads(r.stdout)["files"][0]["findings"]
    assert [f["text"] for f in findings] == ["23th", "23th"]
    for f in findings:  # offsets are code points of the decoded text, BOM not counted
        assert body[f["start"] : f["end"]] == "23th"
    r = run("check", str(p), *DATE, "--fix", "--select", "FC101")
    assert r.returncode == 0, r.stderr
    assert p.read_bytes() == bom + body.replace("23th", "23rd").encode(encoding)


def test_named_encoding_and_unclear_detection(tmp_path: Path) -> None:
    p = tmp_path / "short.txt"
    p.write_bytes("제23회 the 23th".encode("cp949"))  # too short to tell cp949 from cp932
    line = _one_line_error(run("check", str(p), *DATE), str(p), "encoding is unclear", "--encoding")
    assert "not valid UTF-8" in line
    r = run("check", str(p), *DATE, "--encoding", "cp949", "--fix")
    assert r.returncode == 0, r.stderr
    assert p.read_bytes() == "제23회 the 23rd".encode("cp949")
    r = run("check", str(p), "--encoding", "utf-8")
    _one_line_error(r, str(p), "not valid utf-8 (byte 0)", "--encoding")
    _one_line_error(run("check", str(p), "--encoding", "klingon"), "unknown encoding")


def test_valid_utf8_is_never_sent_to_detection(tmp_path: Path) -> None:
    # UTF-8 bytes that a legacy codec would also read: UTF-8 wins, charset-normalizer is not
    # even imported (start-up stays light), and the text is what was written.
    p = tmp_path / "a.txt"
    p.write_text("광주 第23回 the 23th\n", encoding="utf-8")
    code = (
        "import sys; from factcheck.cli import main; "
        f"rc = main(['check', {str(p)!r}, '--date', '2023-11-25', '--format', 'json']); "
        "print('charset_normalizer' in sys.modules, file=sys.stderr); sys.exit(rc)"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 1 and r.stderr.strip() == "False"
    assert '"text": "23th"' in r.stdout


def test_a_fix_the_encoding_cannot_hold_is_reported_not_written(tmp_path: Path) -> None:
    from factcheck.fixes import FixError, write_fix

    p = tmp_path / "a.txt"
    p.write_bytes("the 23th".encode("cp949"))
    with pytest.raises(FixError, match="cannot be written in cp949"):
        write_fix(p, "the 23rd 😀", encoding="cp949")
    with pytest.raises(FixError, match="do not read back the same"):
        write_fix(p, "the 23rd", encoding="cp949", exact=False)
    assert p.read_bytes() == "the 23th".encode("cp949")


# --- nothing lost ------------------------------------------------------------------------


def test_fix_on_a_read_only_file_is_one_line_and_leaves_it(tmp_path: Path) -> None:
    p = tmp_path / "ro.txt"
    p.write_text("The 11st floor.\n")
    other = tmp_path / "rw.txt"
    other.write_text("The 12nd floor.\n")
    p.chmod(0o444)
    try:
        r = run("check", str(p), str(other), *DATE, "--fix")
        assert r.returncode == 2
        assert r.stderr.strip() == f"factcheck: {p}: read-only file, not fixed"
        assert "11st" in r.stdout  # its finding is still reported
        assert p.read_text() == "The 11st floor.\n"
        assert other.read_text() == "The 12nd floor.\n".replace("12nd", "12th")
    finally:
        p.chmod(0o644)


def test_fix_in_a_read_only_folder_is_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    p = folder / "a.txt"
    p.write_text("The 11st floor.\n")
    folder.chmod(0o555)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as a user (root) that can write a read-only folder")
        r = run("check", str(p), *DATE, "--fix")
        _one_line_error(r, str(p), "not fixed", "ermission denied")
        assert p.read_text() == "The 11st floor.\n"
    finally:
        folder.chmod(0o755)


# A child that runs `factcheck check --fix` and stops for good at one point of the write,
# telling the test where it is; the test then kills it with SIGKILL.
_PAUSED_FIX = """
import os, sys, time
from pathlib import Path
marker, where, target = sys.argv[1:4]
real = getattr(os, where)
def paused(*args):
    if where == "replace":
        Path(marker).write_text(args[0])  # the temporary file, complete and synced
    else:
        real(*args)
        Path(marker).write_text("synced")
    time.sleep(600)
setattr(os, where, paused)
from factcheck.cli import main
sys.exit(main(["check", target, "--date", "2023-11-25", "--fix"]))
"""


@pytest.mark.parametrize("where", ["fsync", "replace"])
def test_killed_during_fix_never_leaves_a_truncated_file(tmp_path: Path, where: str) -> None:
    p = tmp_path / "story.txt"
    original = ("He attended the 23th conference on the 25rd.\n" * 2000).encode()
    p.write_bytes(original)
    marker = tmp_path / "marker"
    child = subprocess.Popen(
        [sys.executable, "-c", _PAUSED_FIX, str(marker), where, str(p)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 120
        while not marker.exists() or not marker.read_text():
            assert child.poll() is None, child.stderr.read() if child.stderr else ""
            assert time.monotonic() < deadline, "the fix never reached the write"
            time.sleep(0.05)
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        if child.stderr:
            child.stderr.close()
    assert child.returncode == -signal.SIGKILL
    assert p.read_bytes() == original  # byte-identical: the rename never happened
    leftovers = [x for x in tmp_path.iterdir() if x.name.endswith(".factcheck")]
    assert [x.name.startswith(".story.txt.") for x in leftovers] == [True]
    if where == "replace":  # the temporary file was complete: the next run would be fine
        assert leftovers[0].read_bytes() == original.replace(b"23th", b"23rd").replace(
            b"25rd", b"25th"
        )


def test_nothing_is_written_without_a_fix_flag(tmp_path: Path) -> None:
    p = tmp_path / "d.txt"
    p.write_bytes((KO * 3).encode("cp949"))
    before = (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_ino)
    for args in (
        [],
        ["--format", "json"],
        ["--diff"],
        ["--diff", "--unsafe-fixes"],
        ["--format", "sarif"],
    ):
        r = run("check", str(p), *DATE, *args)
        assert r.returncode == 1, (args, r.stderr)
    assert run("report", str(p), *DATE).returncode == 1
    assert run("extract", str(p), *DATE).returncode == 0
    assert (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_ino) == before
    assert sorted(x.name for x in tmp_path.iterdir()) == ["d.txt"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-11-25", "2023-11-25"),
        ("2023-11-25T23:30:00-05:00", "2023-11-25"),
        ("Nov. 25, 2023", "2023-11-25"),
        ("2023년 11월 25일", "2023-11-25"),
        ("2023年11月25日", "2023-11-25"),
        ("Sat, 25 Nov 2023 10:00:00 +0900", "2023-11-25"),
        ("25/11/2023", "2023-11-25"),
    ],
)
def test_publication_dates_in_cms_and_feed_forms(value: str, expected: str) -> None:
    from factcheck.inputs import parse_date

    assert parse_date(value).isoformat() == expected


@pytest.mark.parametrize("value", ["03/04/2023", "yesterday", "November 2023", "soon", "20231"])
def test_publication_dates_that_are_ambiguous_partial_or_relative_are_refused(value: str) -> None:
    from factcheck.inputs import parse_date

    with pytest.raises(ValueError, match="date"):
        parse_date(value)
