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
