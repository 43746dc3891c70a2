"""The Python API: check_text, check_file, fix_text."""

from __future__ import annotations

from pathlib import Path

import factcheck


def test_check_text_still_works() -> None:
    (f,) = factcheck.check_text("He attended the 23th conference.", date="2023-11-25")
    assert (f.rule, f.text, f.fix.replacement) == ("FC101", "23th", "23rd")


def test_check_file_reads_markup_config_and_suppressions(tmp_path: Path) -> None:
    (tmp_path / "factcheck.toml").write_text('[severity]\nFC101 = "warning"\n')
    p = tmp_path / "a.md"
    p.write_text(
        "---\ndate: 2023-11-25\n---\n`the 1th`\nThe 2th.\n<!-- factcheck: ignore -->\nThe 3th.\n",
        encoding="utf-8",
    )
    found = factcheck.check_file(p)
    assert [(f.text, f.severity) for f in found] == [("2th", "warning")]
    raw = p.read_text(encoding="utf-8")
    assert raw[found[0].start : found[0].end] == "2th"
    assert [f.rule for f in factcheck.check_file(p, select=["FC103"])] == []


def test_fix_text() -> None:
    assert factcheck.fix_text("The 11st floor.", date="2023-11-25") == "The 11th floor."
