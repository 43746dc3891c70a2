from __future__ import annotations

from factcheck.document import Document, segment_languages


def test_line_and_column_are_code_point_based() -> None:
    doc = Document("첫 줄\r\nsecond 제25회\nthird")
    off = doc.text.index("제25회")
    assert doc.line_col(off) == (2, 8)
    assert doc.line_col(0) == (1, 1)
    assert doc.line_text(2) == "second 제25회"
    assert doc.line_col(doc.text.index("third")) == (3, 1)


def test_language_segments_by_script() -> None:
    text = "The 25th meeting. 이달 21~25일 회의. 第25届会议。第25回会議が開かれた。"
    langs = [(text[s.start : s.end].strip(), s.lang) for s in segment_languages(text)]
    assert [lang for _, lang in langs] == ["en", "ko", "zh", "ja"]
    doc = Document(text)
    assert doc.lang_at(text.index("21~25")) == "ko"
    assert doc.lang_at(text.index("第25回")) == "ja"


def test_hanja_inside_korean_is_korean() -> None:
    text = "오늘 韓國 대표단이 도착했다."
    doc = Document(text)
    assert doc.lang_at(text.index("韓國")) == "ko"
    assert doc.langs == ["ko"]


def test_empty_text() -> None:
    doc = Document("")
    assert doc.segments == [] and doc.lang_at(0) == "en" and doc.line_col(0) == (1, 1)


def _segments_run_by_run(text: str) -> list[tuple[int, int, str]]:
    """The segmentation taken one letter run at a time: the slow, plain reading of the rule
    that segment_languages implements over whole passages."""
    import bisect

    import regex

    run_re = regex.compile(
        r"(?P<ko>\p{Script=Hangul}+)|(?P<kana>[\p{Script=Hiragana}\p{Script=Katakana}ー]+)"
        r"|(?P<han>\p{Script=Han}+)|(?P<en>\p{Script=Latin}+)"
    )
    ends = [0] + [m.end() for m in regex.finditer(r"[。！？!?\n]|\.(?=\s)", text)]

    def sentence(offset: int) -> int:
        return bisect.bisect_right(ends, offset) - 1

    runs = [(m.start(), m.end(), m.lastgroup) for m in run_re.finditer(text)]
    kana = {sentence(s) for s, _, k in runs if k == "kana"}
    out: list[tuple[int, int, str]] = []
    for i, (s, e, kind) in enumerate(runs):
        lang = {"kana": "ja"}.get(kind, kind)
        if kind == "han":
            here = sentence(s)
            near = [
                runs[j][2]
                for j in (i - 1, i + 1)
                if 0 <= j < len(runs) and sentence(runs[j][0]) == here
            ]
            lang = "ja" if here in kana else "ko" if "ko" in near else "zh"
        if out and out[-1][2] == lang:
            out[-1] = (out[-1][0], e, lang)
        else:
            out.append((out[-1][1] if out else 0, e, lang))
    if out:
        out[-1] = (out[-1][0], len(text), out[-1][2])
    return out


def test_passages_segment_as_runs_one_by_one() -> None:
    texts = [
        "The 大韓民國 헌법 was adopted in 1948. 東京で会議. 北京 is big. 서울 2024年 Seoul!",
        "회의는 漢字 3시에, then 中文 text 与 English. 日本語の文。中国的文字。한국 大學校 교수",
        "  123 ... ",
        "ーー漢字。かな 漢字 abc 漢字 한글 漢字\n漢字 kana カタカナ 漢字 ええ。漢字",
        "Ünïcödé café — naïve 東京 Москва 서울 ١٢٣ 漢",
    ]
    for text in texts:
        got = [(s.start, s.end, s.lang) for s in Document(text).segments]
        assert got == _segments_run_by_run(text), text
