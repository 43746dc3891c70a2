"""Holidays and named days as date facts (rules/lexicon/holidays.yaml)."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.document import Document
from factcheck.extract import extract
from factcheck.extract.temporal_holiday import extract_holidays

REF = dt.date(2024, 3, 13)


def dates(text: str, date: dt.date | None = REF) -> dict[str, tuple[str, dict]]:
    return {
        f.text: (f.value, f.attrs)
        for f in extract(Document(text, date=date))
        if f.kind in ("date", "daterange") and not f.attrs.get("within")
    }


def holidays(text: str, date: dt.date | None = REF) -> list[str]:
    return [f.text for f in extract_holidays(Document(text, date=date))]


def test_fixed_holiday_without_year_resolves_to_the_nearest_occurrence() -> None:
    value, attrs = dates("Shops stay open until Christmas this time.")["Christmas"]
    assert value == "XXXX-12-25"
    assert attrs["resolved"] == "2023-12-25"  # 79 days back is nearer than 287 ahead
    _, attrs = dates("Shops stay open until Christmas.", dt.date(2024, 11, 2))["Christmas"]
    assert attrs["resolved"] == "2024-12-25"


def test_fixed_holiday_without_publication_date_has_no_resolved_day() -> None:
    value, attrs = dates("Shops close on Christmas Day.", None)["Christmas Day"]
    assert value == "XXXX-12-25"
    assert "resolved" not in attrs


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("광복절 경축식이 열렸다.", "광복절", "XXXX-08-15"),
        ("한글날에는 쉰다.", "한글날", "XXXX-10-09"),
        ("国庆节期间客流大增。", "国庆节", "XXXX-10-01"),
        ("他们在元旦那天出发。", "元旦", "XXXX-01-01"),
        ("建国記念の日に式典がある。", "建国記念の日", "XXXX-02-11"),
        ("大晦日の夜に集まった。", "大晦日", "XXXX-12-31"),
        ("Fireworks lit up the sky on New Year’s Eve.", "New Year’s Eve", "XXXX-12-31"),
        ("The Christmas tree went up early.", "Christmas", "XXXX-12-25"),
    ],
)
def test_fixed_holidays_in_four_languages(text: str, span: str, value: str) -> None:
    assert dates(text)[span][0] == value


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Sales peaked at Christmas 2016, then fell.", "Christmas 2016", "2016-12-25"),
        ("2016 크리스마스에 공개됐다.", "2016 크리스마스", "2016-12-25"),
        ("2018年圣诞节当天开业。", "2018年圣诞节", "2018-12-25"),
        ("2020年の建国記念の日に発表した。", "2020年の建国記念の日", "2020-02-11"),
        ("올해 광복절에 공개한다.", "올해 광복절", "2024-08-15"),
        ("去年的圣诞节很冷。", "去年的圣诞节", "2023-12-25"),
        ("The fair returns on Halloween of next year.", "Halloween of next year", "2025-10-31"),
    ],
)
def test_a_year_beside_the_name_dates_it(text: str, span: str, value: str) -> None:
    assert dates(text)[span][0] == value


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Stores open early on Thanksgiving 2024.", "Thanksgiving 2024", "2024-11-28"),
        ("The pool opens on Memorial Day 2023.", "Memorial Day 2023", "2023-05-29"),
        ("Labor Day 2019 fell late.", "Labor Day 2019", "2019-09-02"),
        ("Black Friday 2022 sales broke records.", "Black Friday 2022", "2022-11-25"),
        ("2025年の母の日に贈った。", "2025年の母の日", "2025-05-11"),
        ("2024年の成人の日は晴れた。", "2024年の成人の日", "2024-01-08"),
    ],
)
def test_nth_weekday_holidays(text: str, span: str, value: str) -> None:
    assert dates(text)[span][0] == value


def test_moving_holiday_without_year_takes_the_resolved_occurrence() -> None:
    value, attrs = dates("Traffic doubled around Memorial Day.")["Memorial Day"]
    assert (value, attrs["resolved"]) == ("XXXX-05-27", "2024-05-27")
    # With no publication date a moving day has no month and day to state.
    assert holidays("Traffic doubled around Memorial Day.", None) == []


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Easter 2024 came early.", "Easter 2024", "2024-03-31"),
        ("Good Friday 2025 is a holiday.", "Good Friday 2025", "2025-04-18"),
        ("Pentecost 2024 drew pilgrims.", "Pentecost 2024", "2024-05-19"),
        ("Ash Wednesday 2019 was cold.", "Ash Wednesday 2019", "2019-03-06"),
        ("Orthodox Easter 2024 was late.", "Orthodox Easter 2024", "2024-05-05"),
        ("2021년 부활절 예배", "2021년 부활절", "2021-04-04"),
    ],
)
def test_easter_relative_holidays(text: str, span: str, value: str) -> None:
    assert dates(text)[span][0] == value


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("2023年の春分の日は晴れた。", "2023年の春分の日", "2023-03-21"),
        ("2024年の秋分の日に開幕する。", "2024年の秋分の日", "2024-09-22"),
        ("2025年の秋分の日に開幕する。", "2025年の秋分の日", "2025-09-23"),
    ],
)
def test_japanese_equinox_days(text: str, span: str, value: str) -> None:
    assert dates(text)[span][0] == value


def test_a_holiday_spanning_days_is_a_range() -> None:
    value, attrs = dates("Fasting during Lent 2024 is common.")["Lent 2024"]
    assert value == "(2024-02-14,2024-03-30,P45D)"
    assert attrs["resolved"] == ["2024-02-14", "2024-03-30"]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("2024 추석 연휴에 귀성객이 몰렸다.", "2024 추석", "2024-09-17"),
        ("내년 설날에는 고향에 간다.", "내년 설날", "2025-01-29"),
        ("2023년 부처님오신날 법회", "2023년 부처님오신날", "2023-05-27"),
    ],
)
def test_korean_lunar_holidays(text: str, span: str, value: str) -> None:
    assert dates(text)[span][0] == value


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # The Korean tables put 설날 2027 on Feb. 7; in the Chinese calendar 春节 is Feb. 6.
        ("2027年春节假期将延长。", "2027年春节", "2027-02-06"),
        ("2027년 설날 연휴", "2027년 설날", "2027-02-07"),
        ("今年的中秋节人潮涌动。", "今年的中秋节", "2024-09-17"),
        # the 12th lunar month of 2025 falls in January 2026
        ("2026年腊八节", "2026年腊八节", "2026-01-26"),
        ("Chinese New Year 2030 falls early.", "Chinese New Year 2030", "2030-02-03"),
    ],
)
def test_chinese_lunar_holidays_follow_the_chinese_calendar(
    text: str, span: str, value: str
) -> None:
    assert dates(text)[span][0] == value


def test_next_and_last_pick_the_occurrence() -> None:
    assert dates("Prices will rise before next Thanksgiving.")["next Thanksgiving"][0] == (
        "2024-11-28"
    )
    assert dates("Attendance fell last Easter.")["last Easter"][0] == "2023-04-09"
    assert dates("오는 추석에는 귀성객이 늘 전망이다.")["오는 추석"][0] == "2024-09-17"
    assert dates("지난 설 명절에 귀성객이 줄었다.")["지난 설 명절"][0] == "2024-02-10"


def test_japanese_holidays_that_moved_follow_their_years() -> None:
    assert dates("2018年の天皇誕生日に一般参賀があった。")["2018年の天皇誕生日"][0] == (
        "2018-12-23"
    )
    assert holidays("2019年の天皇誕生日") == []  # no such day in 2019


@pytest.mark.parametrize(
    "text",
    [
        "Tourists flock to Easter Island.",
        "The Lunar New Year brought crowds.",
        "India's Independence Day parade was held.",
        "The colony won independence in 1960.",
        "판단오류가 있었다.",
        "元日本代表の選手が引退した。",
        "富士山の日のイベント",
        "以色列国庆节当天",
        "They lent the money to a friend.",
        "a happy new year of growth",
        "The pilot's May Day call was recorded.",
        "Mass at Saint Patrick's Cathedral",
        "They stopped for great fast food.",
        "韩国庆祝独立。",
        "他们切换到儿童节目。",
        "元日銀総裁が講演した。",
        "イースター島の像",
    ],
)
def test_names_that_are_not_these_holidays(text: str) -> None:
    assert holidays(text) == []


def test_holidays_feed_the_range_stage() -> None:
    value, _ = dates("The market runs from Christmas to New Year's Day.")[
        "from Christmas to New Year's Day"
    ]
    assert value == "(XXXX-12-25,XXXX-01-01,P7D)"


def test_a_weekday_beside_a_holiday_is_checked() -> None:
    import factcheck

    found = factcheck.check_text("The office closes on Christmas Day (Tuesday).", date="2024-11-13")
    assert [(f.rule, f.text) for f in found] == [("FC105", "Tuesday")]
    assert factcheck.check_text("추석(9월 17일, 화)에는 쉰다.", date="2024-08-01") == []
    found = factcheck.check_text("2024年の海の日（火）に開幕する。", date="2024-06-01")
    assert [f.rule for f in found] == ["FC105"]  # Marine Day is always a Monday


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("2024年圣周五教堂举行礼拜。", "2024年圣周五", "2024-03-29"),
        ("2024年聖週六", "2024年聖週六", "2024-03-30"),
    ],
)
def test_holy_week_days_in_chinese(text: str, span: str, value: str) -> None:
    assert dates(text)[span][0] == value
