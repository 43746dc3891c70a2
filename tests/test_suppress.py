"""Inline suppression: comments in Markdown and HTML, lines in plain text, off/on blocks."""

from __future__ import annotations

from pathlib import Path

from newsroom import check_json, findings, run


def test_markdown_ignore_next_line_and_blocks(tmp_path: Path) -> None:
    p = tmp_path / "d.md"
    p.write_text(
        "The 1th.\n"
        "<!-- factcheck: ignore FC101 -->\n"
        "The 2th.\n"
        "<!-- factcheck: ignore FC102 -->\n"
        "The 3th.\n"
        "The 4th floor, the 5rd. <!-- factcheck: ignore -->\n"
        "<!-- factcheck: off -->\n"
        "The 6th, the 7rd.\n\nThe 8st.\n"
        "<!-- factcheck: on -->\n"
        "The 9rd.\n",
        encoding="utf-8",
    )
    data = check_json(str(p), "--date", "2023-11-25")
    assert [t for _, _, t in findings(data)] == ["1th", "3th", "9rd"]
    assert data["summary"]["suppressed"] == 4
    assert data["files"][0]["suppressed"] == 4
    r = run("check", str(p), "--date", "2023-11-25")
    assert "4 suppressed inline" in r.stdout


def test_html_comment(tmp_path: Path) -> None:
    p = tmp_path / "d.html"
    p.write_text(
        "<p>The 1th.</p>\n<!-- factcheck: ignore FC1 -->\n<p>The 2th.</p>\n", encoding="utf-8"
    )
    data = check_json(str(p), "--date", "2023-11-25")
    assert [t for _, _, t in findings(data)] == ["1th"]
    assert data["summary"]["suppressed"] == 1


def test_plain_text_directive_lines(tmp_path: Path) -> None:
    p = tmp_path / "d.txt"
    p.write_text(
        "factcheck: ignore FC101\nThe 2th.\nThe 3th.\nfactcheck: off\nThe 4th, 5rd.\n"
        "factcheck: on\nThe 6rd.\n",
        encoding="utf-8",
    )
    data = check_json(str(p), "--date", "2023-11-25")
    assert [t for _, _, t in findings(data)] == ["3th", "6rd"]
    assert data["summary"]["suppressed"] == 2


def test_a_directive_in_markdown_code_is_just_code(tmp_path: Path) -> None:
    # Only comments are directives in Markdown: a plain line saying so is article text.
    p = tmp_path / "d.md"
    p.write_text("factcheck: ignore FC101\nThe 2th.\n", encoding="utf-8")
    data = check_json(str(p), "--date", "2023-11-25")
    assert [t for _, _, t in findings(data)] == ["2th"]


def test_a_directive_shown_in_markdown_code_is_an_example(tmp_path: Path) -> None:
    p = tmp_path / "howto.md"
    p.write_text(
        "To silence a line, write:\n\n```markdown\n<!-- factcheck: off -->\n```\n\n"
        "or `<!-- factcheck: ignore -->` before it.\nThe 2th.\n",
        encoding="utf-8",
    )
    data = check_json(str(p), "--date", "2023-11-25")
    assert [t for _, _, t in findings(data)] == ["2th"]
    assert data["summary"]["suppressed"] == 0
