"""Property tests: any text, in any script, is checked without error and with exact spans."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.document import Document
from factcheck.engine import check_document
from factcheck.extract import extract

# Characters that matter to the extractors: digits of several scripts, Han and Hangul
# numerals, separators and brackets, kana, Latin, plus anything else Unicode has.
_INTERESTING = (
    "0123456789０１２３４５６７８９.,:~-–—/%％()（）'’ \n\t"
    "一二三四五六七八九十百千万億亿兆第届回号日月年时時分秒点半約约余多"
    "제회차번째일월년시분초억만천백십약여명개국오전후이달지난"
    "stndrdthofJanFebNovMondayThursdaysinceheldfoundedpeopleannualConference"
    "日中韓曜水木金土かカ国人社"
)
texts = st.one_of(
    st.text(alphabet=_INTERESTING, max_size=300),
    st.text(max_size=200),
    st.lists(
        st.sampled_from(
            [
                "the 23th",
                "제25회",
                "第25届",
                "21~25일",
                "11月21日至25日",
                "since 3",
                "1999 people",
                "Thursday, Nov. 22, 2023",
                "22일(목)",
                "February 30",
                "25:10",
                "3 men and 4 women",
                "8 people in all",
                "약 300명",
                "5 billion won",
                "500억원",
                "G20",
                "COVID-19",
                "Room 1004",
                "the three countries, Korea, China, Japan and Mongolia",
                "\n",
                ". ",
                "、",
            ]
        ),
        max_size=30,
    ).map("".join),
)
dates = st.one_of(
    st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
)

_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(text=texts, date=dates)
def test_extraction_spans_are_exact(text: str, date: dt.date | None) -> None:
    for f in extract(Document(text, date=date)):
        assert 0 <= f.start <= f.end <= len(text)
        assert text[f.start : f.end] == f.text
        assert isinstance(f.value, str)


@_SETTINGS
@given(text=texts, date=dates)
def test_check_is_exact_and_deterministic(text: str, date: dt.date | None) -> None:
    first = check_document(Document(text, date=date))
    again = check_document(Document(text, date=date))
    assert [(f.rule, f.start, f.end, f.message) for f in first] == [
        (f.rule, f.start, f.end, f.message) for f in again
    ]
    for f in first:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.text
        assert "\n" not in f.message
        for r in f.related:
            assert text[r.start : r.end] == r.text
        if f.fix is not None:
            assert isinstance(f.fix.replacement, str) and f.fix.replacement
