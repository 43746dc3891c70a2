"""Temporal facts composed from pieces found side by side (temporal_compose.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from temporal_facts import facts, one


@pytest.mark.parametrize(
    ("text", "span", "value", "resolved"),
    [
        # the nth weekday of a month
        (
            "The council meets on the second Tuesday of April.",
            "the second Tuesday of April",
            "XXXX-04-WXX-2-#2",
            "2024-04-09",
        ),
        (
            "Voting closes on the last Friday of next month.",
            "last Friday of next month",
            "XXXX-04-WXX-5-#4",
            "2024-04-26",
        ),
        (
            "The fund pays out on the first Monday in September 2025.",
            "the first Monday in September 2025",
            "2025-09-WXX-1-#1",
            "2025-09-01",
        ),
        (
            "결과는 다음 달 셋째 주 목요일에 발표한다.",
            "다음 달 셋째 주 목요일",
            "XXXX-04-WXX-4-#3",
            "2024-04-18",
        ),
        (
            "총회는 2025년 6월 두번째 토요일에 열린다.",
            "2025년 6월 두번째 토요일",
            "2025-06-WXX-6-#2",
            "2025-06-14",
        ),
        ("説明会は5月の第2水曜日に開く。", "5月の第2水曜日", "XXXX-05-WXX-3-#2", "2024-05-08"),
        (
            "会议定于六月的第一个星期一举行。",
            "六月的第一个星期一",
            "XXXX-06-WXX-1-#1",
            "2024-06-03",
        ),
        # the nth week of a month or year (resolved: the Monday of the nth whole week)
        (
            "Tickets go on sale in the second week of June.",
            "the second week of June",
            "XXXX-06-W02",
            "2024-06-10",
        ),
        ("工事は4月の第3週に始まる。", "4月の第3週", "XXXX-04-W03", "2024-04-15"),
        ("보고서는 2025년 첫째 주에 나온다.", "2025년 첫째 주", "2025-W01", "2025-01-06"),
        # a weekday beside its day: the weekday picks the month
        ("The ferry sank on Saturday the ninth.", "Saturday the ninth", "2024-03-09", "2024-03-09"),
        ("式典は16日の土曜日に行われた。", "16日の土曜日", "2024-03-16", "2024-03-16"),
        # offsets counted from another day
        (
            "The shipment arrives three days from tomorrow.",
            "three days from tomorrow",
            "2024-03-17",
            "2024-03-17",
        ),
        (
            "They met again two weeks after yesterday.",
            "two weeks after yesterday",
            "2024-03-26",
            "2024-03-26",
        ),
        (
            "두 사람은 어제로부터 5일 후 다시 만났다.",
            "어제로부터 5일 후",
            "2024-03-17",
            "2024-03-17",
        ),
        ("一昨日の3日前に届いた。", "一昨日の3日前", "2024-03-08", "2024-03-08"),
        ("공사는 2개월 10일 전 끝났다.", "2개월 10일 전", "2024-01-03", "2024-01-03"),
        ("工事は3か月と5日後に終わる。", "3か月と5日後", "2024-06-18", "2024-06-18"),
        ("The board votes the day after tmrw.", "the day after tmrw", "2024-03-15", "2024-03-15"),
        # counted from a holiday (Christmas 2023 is the nearest one to March 2024)
        (
            "Stores reopen two days after Christmas.",
            "two days after Christmas",
            "2023-12-27",
            "2023-12-27",
        ),
        # a weekday in the week an offset of weeks lands in
        ("공장은 2주 후 월요일에 다시 연다.", "2주 후 월요일", "2024-03-25", "2024-03-25"),
        ("工場は3週後の金曜日に再開する。", "3週後の金曜日", "2024-04-05", "2024-04-05"),
        # a weekday and a relative week around it
        ("We met on Tuesday from last week.", "Tuesday from last week", "2024-03-05", "2024-03-05"),
        ("Next week's Friday is free.", "Next week's Friday", "2024-03-22", "2024-03-22"),
        ("The vote is on Monday after next.", "Monday after next", "2024-03-25", "2024-03-25"),
        # a relative prefix said twice goes one step further
        ("他们上上個週三见过面。", "上上個週三", "2024-02-28", "2024-02-28"),
    ],
)
def test_composed_dates(text: str, span: str, value: str, resolved: str) -> None:
    kind, got, attrs = one(text, span)
    assert kind == "date"
    assert got == value
    assert attrs.get("resolved") == resolved


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Payments resume on the 5th of next month.", "the 5th of next month", "2024-04-05"),
        ("The deadline was the twelfth of this month.", "the twelfth of this month", "2024-03-12"),
        ("新工厂将于明年三月投产。", "明年三月", "2025-03"),
        ("작년 7월 공장이 문을 닫았다.", "작년 7월", "2023-07"),
        ("The plant reopens in June next year.", "June next year", "2025-06"),
        ("Rates rise on the twenty second of June.", "the twenty second of June", "XXXX-06-22"),
        (
            "The offer ends on the last day of February 2023.",
            "the last day of February 2023",
            "2023-02-28",
        ),
        ("受付は10月の2日まで。", "10月の2日", "XXXX-10-02"),
        ("新店下下周开业。", "下下周", "2024-W13"),
        ("신제품은 다다음 달 나온다.", "다다음 달", "2024-05"),
    ],
)
def test_relative_months(text: str, span: str, value: str) -> None:
    kind, got, _ = one(text, span)
    assert (kind, got) == ("date", value)


@pytest.mark.parametrize(
    ("text", "span", "value", "resolved"),
    [
        ("The vote is tomorrow at 10am.", "tomorrow at 10am", "2024-03-14T10", "2024-03-14"),
        ("발표는 내일 오후 3시에 한다.", "내일 오후 3시", "2024-03-14T15", "2024-03-14"),
        ("发布会明天上午九点开始。", "明天上午九点", "2024-03-14T09", "2024-03-14"),
        ("会見は明日の午後4時から。", "明日の午後4時", "2024-03-14T16", "2024-03-14"),
        ("Doors open at 6pm on Friday.", "6pm on Friday", "XXXX-WXX-5T18", "2024-03-15"),
    ],
)
def test_day_and_clock_time(text: str, span: str, value: str, resolved: str) -> None:
    kind, got, attrs = one(text, span)
    assert (kind, got) == ("time", value)
    assert attrs.get("resolved") == resolved


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        (
            "Talks resume from 8 to 19 next month.",
            "from 8 to 19 next month",
            "(2024-04-08,2024-04-19,P11D)",
        ),
        (
            "It runs between 2 and 9 of this month.",
            "between 2 and 9 of this month",
            "(2024-03-02,2024-03-09,P7D)",
        ),
    ],
)
def test_day_range_of_relative_month(text: str, span: str, value: str) -> None:
    assert one(text, span)[:2] == ("daterange", value)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Sales peaked the week of June 10th.", "the week of June 10th", "XXXX-06-10"),
        ("판매는 6월 10일의 주에 정점을 찍었다.", "6월 10일의 주", "XXXX-06-10"),
        ("販売は6月10日の週に急増した。", "6月10日の週", "XXXX-06-10"),
    ],
)
def test_week_of_a_day(text: str, span: str, value: str) -> None:
    kind, got, attrs = one(text, span)
    assert (kind, got, attrs.get("week_of")) == ("date", value, True)


def test_weekday_that_fits_no_nearby_month_keeps_open_value() -> None:
    # No month around March 2024 has a Monday the 31st: the day stays open and the weekday
    # is kept for the weekday rule to check.
    _, value, attrs = one("It opened on Monday the thirty first.", "Monday the thirty first")
    assert value == "XXXX-XX-31"
    assert attrs["weekday"] == 1


@pytest.mark.parametrize(
    ("text", "not_span"),
    [
        # "of" something that is not a month: no month to count in
        ("He spoke on the first Monday of the festival.", "the first Monday of the festival"),
        ("He spoke on the first Monday of the festival.", "the first Monday"),
        # a noun after the ordinal or weekday is what it counts
        ("The sheikh arrived Sunday, the first day of a visit.", "Sunday, the first"),
        ("She chaired the first Monday meeting.", "the first Monday"),
        # a stretch from an anchor day is a span of time, not a day
        ("행사는 내일부터 3주간 열린다.", "내일부터 3주간"),
        ("展示は明日から5日間開かれる。", "明日から5日間"),
        # "3 and 22 of this month" lists two days; only "between" makes them a range
        ("Shares rose 3 and 22 of this month's trading days.", "3 and 22 of this month"),
        # an ordinal before "in" and a month is a placing
        ("He finished third in October and won in November.", "third in October"),
        # bare digits before a relative month need "of"
        ("Shares of 23 in next month's index were cut.", "23 in next month"),
        # an amount before a day that is not a relative day word
        ("Three days from the meeting, nothing changed.", "Three days from the meeting"),
    ],
)
def test_no_composition(text: str, not_span: str) -> None:
    assert not_span not in facts(text)


def test_stated_date_and_time_stay_apart() -> None:
    # A stated calendar date stays a date fact for the rules that read dates.
    found = facts("The summit opens on March 20, 2024 at 9am.")
    assert found["March 20, 2024"][1] == "2024-03-20"
    assert found["9am"] == ("time", "T09", {})


def test_written_date_is_no_anchor() -> None:
    # "two weeks before March 5, 2024" keeps the written date for the rules that check dates.
    found = facts("Polls closed two weeks before March 5, 2024.")
    assert found["March 5, 2024"][1] == "2024-03-05"
    assert "two weeks before March 5, 2024" not in found


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        (
            "The fair runs from 13 to the 15th of July in Busan.",
            "from 13 to the 15th of July",
            "(XXXX-07-13,XXXX-07-15,P2D)",
        ),
        (
            "Rooms are shut 19th to 21st Aug for repairs.",
            "19th to 21st Aug",
            "(XXXX-08-19,XXXX-08-21,P2D)",
        ),
    ],
)
def test_day_then_dated_day(text: str, span: str, value: str) -> None:
    assert one(text, span)[:2] == ("daterange", value)


def test_without_publication_date() -> None:
    # Nothing to count from: offsets from an anchor are not built.
    assert "three days from tomorrow" not in facts("It lands three days from tomorrow.", None)
    _, value, _ = one(
        "The council meets on the second Tuesday of April.", "the second Tuesday of April", None
    )
    assert value == "XXXX-04-WXX-2-#2"


@pytest.mark.parametrize(
    ("text", "span", "resolved"),
    [
        # seen from 2024-09-01: 추석 is Sept. 17, 2024, 春节 Jan. 29, 2025
        ("그는 추석 사흘 전에 휴가를 떠난다.", "추석 사흘 전", "2024-09-14"),
        ("추석 2일 후 귀경길이 붐볐다.", "추석 2일 후", "2024-09-19"),
        ("크리스마스 일주일 전부터 붐빈다.", "크리스마스 일주일 전", "2024-12-18"),
        ("クリスマスの2日前に届いた。", "クリスマスの2日前", "2024-12-23"),
        ("春节前一天商场关门。", "春节前一天", "2025-01-28"),
        ("圣诞节四天前发货。", "圣诞节四天前", "2024-12-21"),
        ("Orders close 2 weeks before Christmas.", "2 weeks before Christmas", "2024-12-11"),
        ("Flights peak the day before Thanksgiving.", "the day before Thanksgiving", "2024-11-27"),
        # an English holiday moved by months or years: the holiday of the year it lands in
        ("We meet again Thanksgiving in 8 months.", "Thanksgiving in 8 months", "2025-11-27"),
        ("Christmas two years ago was quiet.", "Christmas two years ago", "2022-12-25"),
    ],
)
def test_days_counted_from_a_holiday(text: str, span: str, resolved: str) -> None:
    found = facts(text, dt.date(2024, 9, 1))
    kind, value, attrs = found[span]
    assert (kind, value, attrs["resolved"]) == ("date", resolved, resolved)
    # the amount is not also read as counted from the publication date
    assert [t for t in found if t != span] == []


@pytest.mark.parametrize(
    ("text", "not_span"),
    [
        ("추석 사흘 전국 이동량", "추석 사흘 전"),
        # 国庆节前三天 also reads "the first three days of the holiday"
        ("国庆节前三天高速免费。", "国庆节前三天"),
        ("Christmas 3 days ago was quiet.", "Christmas 3 days ago"),
    ],
)
def test_no_count_from_a_holiday(text: str, not_span: str) -> None:
    assert not_span not in facts(text)


@pytest.mark.parametrize(
    ("text", "span", "value", "resolved"),
    [
        # no month named: a day of the publication month (March 2024)
        ("私は第二木曜日に戻ります。", "第二木曜日", "2024-03-14", "2024-03-14"),
        ("会議は第1の月曜日に開く。", "第1の月曜日", "2024-03-04", "2024-03-04"),
        ("세 번째 금요일에 만나자.", "세 번째 금요일", "2024-03-15", "2024-03-15"),
        # counted back from the last week
        (
            "Sales dipped in the second last week of June 2023.",
            "the second last week of June 2023",
            "2023-06-W04",
            "2023-06-12",
        ),
        (
            "It ships the 3rd last week of 2025.",
            "the 3rd last week of 2025",
            "2025-W50",
            "2025-12-08",
        ),
    ],
)
def test_nth_weekday_and_week_forms(text: str, span: str, value: str, resolved: str) -> None:
    _, v, attrs = one(text, span)
    assert (v, attrs["resolved"]) == (value, resolved)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("행사는 7월 이십삼일에 열린다.", "7월 이십삼일", "XXXX-07-23"),
        ("10월 삼십일일까지 접수한다.", "10월 삼십일일", "XXXX-10-31"),
        # the weekday picks the month: March 14, 2024 is a Thursday
        ("십사일 목요일에 돌아왔다.", "십사일 목요일", "2024-03-14"),
    ],
)
def test_korean_word_number_days(text: str, span: str, value: str) -> None:
    assert one(text, span)[1] == value


def test_korean_word_days_leave_daily_and_oil_alone() -> None:
    assert "5월 일일" not in facts("5월 일일 평균 기온이 올랐다.")
    assert "5월 오일" not in facts("5월 오일 가격이 올랐다.")


@pytest.mark.parametrize(
    ("text", "span", "resolved"),
    [
        # REF is Wednesday 2024-03-13; the weekday is taken in the week the offset lands in
        ("We reopen Monday two weeks from now.", "Monday two weeks from now", "2024-03-25"),
        ("The parcel comes in 3 days on Friday.", "in 3 days on Friday", "2024-03-15"),
        (
            "Elections fall Thursday, two years from now.",
            "Thursday, two years from now",
            "2026-03-12",
        ),
    ],
)
def test_weekday_in_the_week_of_an_offset(text: str, span: str, resolved: str) -> None:
    assert one(text, span)[1] == resolved


def test_weekday_before_an_amount_counted_from_something_else() -> None:
    assert "Monday 3 days after" not in facts("He resigned Monday 3 days after the vote.")


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The vote is this Friday (March 15).", "this Friday (March 15)", "XXXX-03-15"),
        ("회의는 3월 15일 이번 금요일에 열린다.", "3월 15일 이번 금요일", "XXXX-03-15"),
        ("会議は来週の月曜日（3月18日）に開く。", "来週の月曜日（3月18日）", "XXXX-03-18"),
    ],
)
def test_relative_weekday_beside_its_date(text: str, span: str, value: str) -> None:
    _, v, attrs = one(text, span)
    assert v == value and attrs["weekday"] in (1, 5)


def test_relative_weekday_beside_a_wrong_date_is_checked() -> None:
    import factcheck

    found = factcheck.check_text("The vote is this Friday (March 14).", date="2024-03-13")
    assert [f.rule for f in found] == ["FC105"]  # March 14, 2024 is a Thursday


@pytest.mark.parametrize(
    ("text", "span", "value", "resolved"),
    [
        # Memorial Day 2025 is Monday, May 26: its weekend is the one before
        (
            "Traffic peaks over Memorial Day weekend 2025.",
            "Memorial Day weekend 2025",
            "2025-W21-WE",
            ["2025-05-24", "2025-05-25"],
        ),
        # Thanksgiving 2024 is Thursday, Nov. 28
        (
            "Stores open the weekend of Thanksgiving 2024.",
            "the weekend of Thanksgiving 2024",
            "2024-W48-WE",
            ["2024-11-30", "2024-12-01"],
        ),
    ],
)
def test_holiday_weekends(text: str, span: str, value: str, resolved: list[str]) -> None:
    kind, v, attrs = one(text, span)
    assert (kind, v, attrs["resolved"]) == ("daterange", value, resolved)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The plant closed on 14 May in 2019.", "14 May in 2019", "2019-05-14"),
        ("It opened March 3 of 2021.", "March 3 of 2021", "2021-03-03"),
        ("3월 9일, 2017년에 문을 열었다.", "3월 9일, 2017년", "2017-03-09"),
    ],
)
def test_day_then_its_year(text: str, span: str, value: str) -> None:
    assert one(text, span)[1] == value


def test_korean_tomorrow_and_the_day_after_is_the_later_day() -> None:
    assert one("내일모레 발표한다.", "내일모레")[1] == "2024-03-15"
    assert one("내일 모레 중에 온다.", "내일 모레")[1] == "2024-03-15"


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("去年本月八日发布。", "去年本月八日", "2023-03-08"),
        ("去年の今月の八日に発表した。", "去年の今月の八日", "2023-03-08"),
        ("작년 이번 달 8일에 발표했다.", "작년 이번 달 8일", "2023-03-08"),
    ],
)
def test_relative_year_then_day_of_this_month(text: str, span: str, value: str) -> None:
    assert one(text, span)[1] == value


@pytest.mark.parametrize(
    ("text", "span", "resolved"),
    [
        # Christmas 2025 is a Thursday
        (
            "Classes resume the second Monday after Christmas 2025.",
            "the second Monday after Christmas 2025",
            "2026-01-05",
        ),
        # Easter 2024 is March 31
        (
            "The fair is the first Sunday before Easter 2024.",
            "the first Sunday before Easter 2024",
            "2024-03-24",
        ),
    ],
)
def test_nth_weekday_counted_from_a_holiday(text: str, span: str, resolved: str) -> None:
    assert one(text, span)[1] == resolved


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("그는 3월 2일 1989에 태어났다.", "3월 2일 1989", "1989-03-02"),
        ("목요일, 3월 2일, 1989, 서울에서", "목요일, 3월 2일, 1989", "1989-03-02"),
    ],
)
def test_korean_date_then_bare_year(text: str, span: str, value: str) -> None:
    assert one(text, span)[1] == value


def test_korean_date_before_a_count_takes_no_year() -> None:
    assert "3월 2일 1989" not in facts("3월 2일 1989명이 모였다.")


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("지금으로부터 3주 후에 발표한다.", "지금으로부터 3주 후", "2024-04-03"),
        ("私は今から3日後に戻ります。", "今から3日後", "2024-03-16"),
        ("从现在起两天后开幕。", "从现在起两天后", "2024-03-15"),
    ],
)
def test_offsets_said_to_count_from_now(text: str, span: str, value: str) -> None:
    assert one(text, span)[1] == value
