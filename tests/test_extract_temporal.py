"""Temporal extraction: dates, ranges, weekdays, relative dates, clock times and durations."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.document import Document
from factcheck.extract import extract

REF = dt.date(2024, 3, 13)  # a Wednesday
TEMPORAL = {"date", "daterange", "time", "duration", "year"}


def facts(text: str, date: dt.date | None = REF) -> dict[str, tuple[str, str, dict]]:
    out = {}
    for f in extract(Document(text, date=date)):
        if f.kind in TEMPORAL and not f.attrs.get("within"):
            assert text[f.start : f.end] == f.text
            out[f.text] = (f.kind, f.value, f.attrs)
    return out


def one(text: str, span: str, date: dt.date | None = REF) -> tuple[str, str, dict]:
    found = facts(text, date)
    assert span in found, f"{span!r} not in {sorted(found)}"
    return found[span]


@pytest.mark.parametrize(
    ("text", "span", "kind", "value"),
    [
        ("The fair opened on March 4, 2024 in Busan.", "March 4, 2024", "date", "2024-03-04"),
        ("행사는 2024년 3월 4일 열렸다.", "2024년 3월 4일", "date", "2024-03-04"),
        ("展会于2024年3月4日开幕。", "2024年3月4日", "date", "2024-03-04"),
        ("Filed 2024-03-04 with the court.", "2024-03-04", "date", "2024-03-04"),
        (
            "It ran from May 2 to June 7 last year.",
            "from May 2 to June 7",
            "daterange",
            "(XXXX-05-02,XXXX-06-07,P36D)",
        ),
        (
            "공사는 2019년부터 2022년까지 이어졌다.",
            "2019년부터 2022년까지",
            "daterange",
            "(2019-01-01,2022-01-01,P3Y)",
        ),
        (
            "工事は2019年4月1日から5月10日まで続いた。",
            "2019年4月1日から5月10日まで",
            "daterange",
            "(2019-04-01,2019-05-10,P39D)",
        ),
        ("他们从8月到10月都在外地。", "从8月到10月", "daterange", "(XXXX-08-01,XXXX-10-01,P2M)"),
        (
            "Sales fell between 2015 and 2018.",
            "between 2015 and 2018",
            "daterange",
            "(2015-01-01,2018-01-01,P3Y)",
        ),
        ("The vote came last Tuesday.", "last Tuesday", "date", "2024-03-05"),
        ("회의는 다음 주 금요일에 열린다.", "다음 주 금요일", "date", "2024-03-22"),
        ("他上周二离开了。", "上周二", "date", "2024-03-05"),
        ("先週の金曜日に発表した。", "先週の金曜日", "date", "2024-03-08"),
        ("The plant closed 3 days ago.", "3 days ago", "date", "2024-03-10"),
        ("공장은 2주 후 문을 연다.", "2주 후", "date", "2024-03-27"),
        ("工厂三天前关闭。", "三天前", "date", "2024-03-10"),
        ("Prices rose in October.", "October", "date", "XXXX-10"),
        ("수출은 10월에 늘었다.", "10월", "date", "XXXX-10"),
        ("The session began at 3:40 p.m. sharp.", "3:40 p.m.", "time", "T15:40"),
        ("The blast came at 7 a.m.", "7 a.m.", "time", "T07"),
        ("It opens at half past eight.", "half past eight", "time", "T08:30"),
        ("회의는 오후 3시 40분에 시작됐다.", "오후 3시 40분", "time", "T15:40"),
        ("会议于下午三点十五开始。", "下午三点十五", "time", "T15:15"),
        ("会議は午後3時40分に始まった。", "午後3時40分", "time", "T15:40"),
        ("列车晚上19:30到站。", "晚上19:30", "time", "T19:30"),
        ("They talked for about 40 minutes.", "about 40 minutes", "duration", "PT40M"),
        ("It lasted an hour and a half.", "an hour and a half", "duration", "PT1.5H"),
        ("The trip took 1 year 2 months.", "1 year 2 months", "duration", "P1Y2M"),
        ("회의는 약 2시간 동안 진행됐다.", "약 2시간", "duration", "PT2H"),
        ("그는 이틀 동안 머물렀다.", "이틀", "duration", "P2D"),
        ("他在那里待了三年半。", "三年半", "duration", "P3.5Y"),
        ("会議は40分間続いた。", "40分間", "duration", "PT40M"),
        ("The test took 12 seconds.", "12 seconds", "duration", "PT12S"),
    ],
)
def test_value(text: str, span: str, kind: str, value: str) -> None:
    got_kind, got_value, _ = one(text, span)
    assert (got_kind, got_value) == (kind, value)


def test_partial_dates_resolve_against_publication_date() -> None:
    _, value, attrs = one("The ministry said on the 14th that it would act.", "the 14th")
    assert value == "XXXX-XX-14" and attrs["resolved"] == "2024-03-14"
    _, value, attrs = one("정부는 30일 발표했다.", "30일")
    # February 2024 has no 30th: the nearest 30th is in March
    assert value == "XXXX-XX-30" and attrs["resolved"] == "2024-03-30"
    _, _, attrs = one("会议于11日举行。", "11日")
    assert attrs["resolved"] == "2024-03-11"


def test_weekday_attached_to_date() -> None:
    text = "총회는 3월 6일(수) 열린다."
    kind, value, attrs = one(text, "3월 6일(수)")
    assert kind == "date" and value == "XXXX-03-06" and attrs["weekday"] == 3
    s, e = attrs["weekday_span"]
    assert text[s:e] == "수"


def test_bare_weekday_is_a_date_resolved_nearby() -> None:
    kind, value, attrs = one("The board met on Monday.", "Monday")
    assert (kind, value, attrs["resolved"]) == ("date", "XXXX-WXX-1", "2024-03-11")
    assert "relative" not in attrs


def test_relative_words_without_publication_date_stay_open() -> None:
    _, value, attrs = one("The vote came last Tuesday.", "last Tuesday", date=None)
    assert value == "XXXX-WXX-2" and "resolved" not in attrs


def test_invalid_calendar_dates_and_times_are_kept_and_marked() -> None:
    assert one("It was dated February 30, 2023.", "February 30, 2023")[2]["invalid"] is True
    assert one("서류는 11월 31일 제출됐다.", "11월 31일")[2]["invalid"] is True
    assert one("The alarm rang at 25:10 daily.", "25:10")[2]["invalid"] is True
    assert one("회의는 오후 13시에 열렸다.", "오후 13시")[2]["invalid"] is True


def test_ambiguous_slash_date_is_flagged() -> None:
    assert one("Signed 04/05/2023 in Seoul.", "04/05/2023")[2]["ambiguous"] is True
    assert "ambiguous" not in one("Signed 22/11/2023 in Seoul.", "22/11/2023")[2]


def test_range_needs_a_between_frame_for_and() -> None:
    found = facts("Revenue in 2015 and profit in 2018 both rose.")
    assert not any(kind == "daterange" for kind, _, _ in found.values())


def test_day_count_is_not_a_date_and_date_is_not_a_duration() -> None:
    found = facts("오는 22일 발표한다. 1999년 설립됐다.")
    assert found["22일"][0] == "date"
    assert all(kind != "duration" for kind, _, _ in found.values())
    found = facts("1999年成立，22日开幕。")
    assert all(kind != "duration" for kind, _, _ in found.values())


def test_open_range_keeps_the_date_value() -> None:
    kind, value, attrs = one("销售额在2010年以前很高。", "2010年以前")
    assert (kind, value, attrs["open"]) == ("daterange", "2010", "before")
    kind, value, attrs = one("価格は2019年4月1日以降に上がった。", "2019年4月1日以降")
    assert (kind, value, attrs["open"]) == ("daterange", "2019-04-01", "after")


def test_year_slot_after_since_is_left_to_the_year_rules() -> None:
    found = facts("이 행사는 2010년 이후 매년 열렸다.")
    assert found["2010년 이후"][0] == "year"
