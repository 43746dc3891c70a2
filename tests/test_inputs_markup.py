"""Markdown, HTML, folders and stdin: skipped regions never produce findings, and every
offset points into the raw file."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from newsroom import check_json, findings, run

from factcheck.markup import visible

MD = """---
title: "The 11st draft"
date: 2023-11-25
tags: [25rd]
---
# Mayor at the 23th conference

He spoke on the 25rd, see `the 11st` in code and [the 12nd](https://example.com/12nd).

```text
the 11st line of a code block
```

~~~
1th fenced with tildes
~~~
<!-- a comment: the 13rd -->
The 2th item.
"""

HTML = """<!DOCTYPE html>
<html><head><title>Anyang &amp; the 23th</title>
<meta property="article:published_time" content="2023-11-25T09:00:00+09:00">
<style>.x:after { content: "25rd"; }</style>
<script>var s = "the 11st";</script></head>
<body><h1>The 23th conference</h1>
<p data-n="the 12nd">Held on the 25rd&nbsp;day &mdash; <b>the 11st</b> floor.</p>
<!-- the 13rd -->
<script type="module">
  const t = "the 1th";
</script>
</body></html>
"""


def _raw_offsets_hold(path: Path, data: dict) -> None:
    raw = path.read_text(encoding="utf-8")
    for f in data["files"]:
        for item in f["findings"]:
            assert raw[item["start"] : item["end"]] == item["text"], item
            line_start = sum(len(x) for x in raw.splitlines(keepends=True)[: item["line"] - 1])
            assert item["start"] - line_start + 1 == item["column"]


def test_markdown_front_matter_code_and_links_are_skipped(tmp_path: Path) -> None:
    p = tmp_path / "draft.md"
    p.write_text(MD, encoding="utf-8")
    data = check_json(str(p))
    # The link text is read; its URL (also "12nd") is not.
    assert sorted(t for _, _, t in findings(data)) == ["12nd", "23th", "25rd", "2th"]
    f = data["files"][0]
    assert f["date"] == "2023-11-25" and f["date_source"] == "front-matter"
    _raw_offsets_hold(p, data)


def test_html_visible_text_only_with_raw_offsets(tmp_path: Path) -> None:
    p = tmp_path / "page.html"
    p.write_text(HTML, encoding="utf-8")
    data = check_json(str(p))
    assert sorted(t for _, _, t in findings(data)) == ["11st", "23th", "25rd"]
    assert data["files"][0]["date"] == "2023-11-25"
    _raw_offsets_hold(p, data)
    v = visible(HTML, "html")
    assert v.title == "Anyang & the 23th"
    assert "&nbsp;" not in v.text and "—" in v.text


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("<>!-/&;#`~\n\r pa=\"'scripte1st가---")), max_size=200),
    st.sampled_from(["md", "html", "txt"]),
)
def test_visible_text_keeps_length_and_line_breaks(text: str, fmt: str) -> None:
    v = visible(text, fmt).text
    assert len(v) == len(text)
    for a, b in zip(text, v, strict=True):
        assert b == a or (a not in "\r\n" and b not in "\r\n")


def test_folders_recursively_with_include_and_exclude(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "one.txt").write_text("The 11st floor.\n")
    (tmp_path / "a" / "two.md").write_text("The 12nd floor.\n")
    (tmp_path / "a" / "b" / "three.html").write_text("<p>The 13rd floor.</p>\n")
    (tmp_path / "a" / "b" / "skip.py").write_text("x = 'the 14st'\n")
    (tmp_path / ".git" / "x.txt").write_text("The 1th.\n")
    data = check_json(str(tmp_path), "--date", "2023-11-25")
    assert sorted(n for n, _, _ in findings(data)) == ["one.txt", "three.html", "two.md"]
    data = check_json(str(tmp_path), "--date", "2023-11-25", "--include", "*.md,*.txt")
    assert sorted(n for n, _, _ in findings(data)) == ["one.txt", "two.md"]
    data = check_json(str(tmp_path), "--date", "2023-11-25", "--exclude", "b")
    assert sorted(n for n, _, _ in findings(data)) == ["one.txt", "two.md"]


def test_stdin_with_a_file_name_for_its_format() -> None:
    md = "```\nthe 11st\n```\nThe 12nd.\n"
    data = check_json("-", "--stdin-filename", "draft.md", "--date", "2023-11-25", stdin=md)
    assert [t for _, _, t in findings(data)] == ["12nd"]
    assert data["files"][0]["path"] == "draft.md"
    data = check_json("-", "--date", "2023-11-25", stdin=md)  # plain text: code counts
    assert [t for _, _, t in findings(data)] == ["11st", "12nd"]


def test_bad_front_matter_date_is_one_line_exit_2(tmp_path: Path) -> None:
    p = tmp_path / "d.md"
    p.write_text("---\ndate: next tuesday\n---\nText.\n")
    r = run("check", str(p))
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and "front matter 'date'" in r.stderr


def test_markdown_raw_script_and_style_blocks_are_skipped(tmp_path: Path) -> None:
    p = tmp_path / "embed.md"
    p.write_text(
        'Intro.\n<script>\nvar s = "the 11st";\n</script>\n<style>\np:after{content:"12nd"}\n'
        "</style>\nThe 13rd.\n",
        encoding="utf-8",
    )
    data = check_json(str(p), "--date", "2023-11-25")
    assert [t for _, _, t in findings(data)] == ["13rd"]


def test_text_output_shows_the_source_line_with_carets_on_the_raw_span(tmp_path: Path) -> None:
    p = tmp_path / "p.html"
    p.write_text('<p class="lead">The <b>11st</b> floor.</p>\n', encoding="utf-8")
    r = run("check", str(p), "--date", "2023-11-25")
    lines = r.stdout.splitlines()
    assert lines[0].endswith(
        "p.html:1:24: FC101 [error] '11st' has the wrong ordinal suffix; "
        "write '11th'  (fix: '11th')"
    )
    source, carets = lines[1], lines[2]
    assert '<p class="lead">The <b>11st</b> floor.</p>' in source
    assert source[carets.index("^") : carets.rindex("^") + 1] == "11st"


def test_broken_html_is_still_checked(tmp_path: Path) -> None:
    # html.parser gives up on "<![" declarations; the rough fallback still hides the script.
    p = tmp_path / "broken.html"
    p.write_text("<p>The 11st</p><![x <script>var a = 'the 12nd';</script> the 13rd", "utf-8")
    data = check_json(str(p), "--date", "2023-11-25")
    assert [t for _, _, t in findings(data)] == ["11st", "13rd"]


def test_markdown_indented_code_is_skipped_but_list_continuations_are_read() -> None:
    from factcheck.markup.markdown import markdown_visible

    text = (
        "The 25rd forum opened.\n"
        "\n"
        "    print('the 23th run')\n"
        "\n"
        "    x = '11st'\n"
        "Back at the margin: the 12nd day.\n"
        "\n"
        "- a list item\n"
        "\n"
        "    a continued item about the 102th edition\n"
        "\n"
        "Paragraph text\n"
        "    lazily indented 2th line of the paragraph\n"
    )
    seen = markdown_visible(text)
    assert len(seen.text) == len(text)
    assert "23th" not in seen.text and "11st" not in seen.text
    for kept in ("25rd", "12nd", "102th", "2th line"):
        assert kept in seen.text
    code_text = [text[s:e] for s, e in seen.code]
    assert any("23th" in c for c in code_text)
