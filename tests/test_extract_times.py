"""Clock times, durations and relative offsets: what they must find and what they must not."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.document import Document
from factcheck.extract import extract

REF = dt.date(2024, 3, 13)  # a Wednesday
KINDS = {"date", "daterange", "time", "duration"}


def found(text: str) -> dict[str, tuple[str, str]]:
    """Outermost temporal facts of a text: span text -> (kind, value)."""
    out = {}
    for f in extract(Document(text, date=REF)):
        if f.kind in KINDS and not f.attrs.get("within"):
            out[f.text] = (f.kind, f.value)
    return out


def kinds_in(text: str, kind: str) -> list[str]:
    return [t for t, (k, _) in found(text).items() if k == kind]


# --- precision: words that only look like times, durations or offsets -------------------


@pytest.mark.parametrize(
    "text",
    [
        "She told someone a story about the flood.",  # "one a" is no 1 a.m.
        "He spoke on behalf past nine delegates.",  # "half past nine" inside "behalf"
        "Doctors advise 5 a day of fruit.",  # "5 a" is no 5 a.m.
        "Prices rose to half past nineteen-year highs.",  # nine inside nineteen
        "The afternoon session was long.",  # noon inside afternoon
    ],
)
def test_no_clock_time_inside_words(text: str) -> None:
    assert kinds_in(text, "time") == []


@pytest.mark.parametrize(
    "text",
    [
        "The Canada day parade drew crowds.",  # "a day" inside "Canada day"
        "A veranda hour-long talk",  # "a hour" inside "veranda hour"
        "They cost 4달러 each.",
        "약 4달러를 냈다.",  # 4 dollars, not four months
        "3분기 실적이 좋았다.",  # the third quarter, not three minutes
        "창립 10주년 기념식",  # an anniversary, not ten weeks
        "인구의 3분의 1이 도시에 산다.",  # a third, not three minutes
    ],
)
def test_no_duration_inside_words(text: str) -> None:
    assert kinds_in(text, "duration") == []


def test_offset_word_in_begins_a_word() -> None:
    spans = found("The talks begin 3 days later in Geneva.")
    assert "in 3 days later" not in spans
    assert spans.get("3 days later", ("", ""))[0] == "date"


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The shop opened at 3:15 in the afternoon.", "3:15 in the afternoon", "T15:15"),
        ("He landed at one a.m. after the storm.", "one a.m.", "T01"),
        ("Doors open at 7p sharp.", "7p", "T19"),
        ("We met at half past nine.", "half past nine", "T09:30"),
        ("The vote closed at noon.", "noon", "T12"),
    ],
)
def test_clock_times_still_found(text: str, span: str, value: str) -> None:
    assert found(text).get(span) == ("time", value)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The strike lasted a day and a half.", "a day and a half", "P1.5D"),
        ("약 3년간 공사가 이어졌다.", "약 3년간", "P3Y"),
        ("두 시간 반을 기다렸다.", "두 시간 반", "PT2.5H"),
        ("회의는 10분의 휴식 뒤 재개됐다.", "10분", "PT10M"),
        ("공사는 두 달째 멈췄다.", "두 달", "P2M"),
    ],
)
def test_durations_still_found(text: str, span: str, value: str) -> None:
    assert found(text).get(span) == ("duration", value)


# --- English clock grammar ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Lunch is served at 12 noon daily.", "12 noon", "T12"),
        ("The ferry left at twelve midnight.", "twelve midnight", "T00"),
        ("Guests arrive by 10ish.", "10ish", "T10"),
        ("We will call you noonish.", "noonish", "T12"),
        ("The alarm rang at 5.50 a.m.", "5.50 a.m.", "T05:50"),
        ("The train leaves at 9.15 in the evening.", "9.15 in the evening", "T21:15"),
        ("Polls open at 730 a.m.", "730 a.m.", "T07:30"),
        ("The summit resumes at 14h30 in Paris.", "14h30", "T14:30"),
        ("They arrived this evening at 9:20.", "this evening at 9:20", "T21:20"),
        ("The blast came in the morning at 6.", "in the morning at 6", "T06"),
        ("The raid began at 4 in the morning.", "4 in the morning", "T04"),
        ("Voting ends at nine tonight.", "nine tonight", "T21"),
        ("It was a quarter to ten o'clock.", "a quarter to ten o'clock", "T09:45"),
        ("It was three quarters past 8pm.", "three quarters past 8pm", "T20:45"),
        ("The speech ended at 4 p . m .", "4 p . m .", "T16"),
        ("We met at eleven-forty.", "eleven-forty", "T11:40"),
        ("Crews worked until mid-afternoon.", "mid-afternoon", "T14"),
        ("The polls close tonight at 8 o'clock.", "tonight at 8 o'clock", "T20"),
        ("The summit opens at 15h in Geneva.", "15h", "T15"),
    ],
)
def test_english_clock_forms(text: str, span: str, value: str) -> None:
    assert found(text).get(span) == ("time", value)


@pytest.mark.parametrize(
    "text",
    [
        "Shares closed at 6.45 on Friday.",  # a price, not a time
        "Monday morning 3 people were hurt.",  # a bare number after a part of the day
        "The 2023 pm report was late.",  # four digits are no time
        "Room 1205 p was booked.",
    ],
)
def test_english_clock_lookalikes(text: str) -> None:
    assert kinds_in(text, "time") == []


# --- English durations -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Rescuers searched all day for survivors.", "all day", "P1D"),
        ("The border stayed shut for another week.", "another week", "P1W"),
        ("The plant was idle a whole month.", "a whole month", "P1M"),
        ("The vote took half hour.", "half hour", "PT0.5H"),
        ("The crew spent three nights at sea.", "three nights", "P3D"),
        ("The trial was delayed a fortnight.", "a fortnight", "P2W"),
        ("The outage lasted 36h in total.", "36h", "PT36H"),
    ],
)
def test_english_duration_forms(text: str, span: str, value: str) -> None:
    assert found(text).get(span) == ("duration", value)


@pytest.mark.parametrize(
    "text",
    [
        "Full-year profit rose 5%.",  # the financial year
        "They danced all night long.",  # a night is no day
        "Take vitamin a h daily.",  # a one-letter unit needs digits
        "All years of data were lost.",
    ],
)
def test_english_duration_lookalikes(text: str) -> None:
    assert kinds_in(text, "duration") == []


# --- Korean, Chinese and Japanese ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("열차는 9시 10분 전에 떠났다.", "9시 10분 전", "T08:50"),
        ("列車は9時10分前に出た。", "9時10分前", "T08:50"),
        ("회의는 10시 정각에 시작했다.", "10시 정각", "T10"),
        ("행사는 12시 정오에 열렸다.", "12시 정오", "T12"),
        ("사고는 자정 12시에 났다.", "자정 12시", "T00"),
        ("点検は夜中の2時に終わった。", "夜中の2時", "T02"),
        ("会見は正午12時に始まった。", "正午12時", "T12"),
        ("到着は朝九時ぐらいだった。", "朝九時ぐらい", "T09"),
        ("航班于3:45pm起飞。", "3:45pm", "T15:45"),
    ],
)
def test_cjk_clock_forms(text: str, span: str, value: str) -> None:
    assert found(text).get(span) == ("time", value)


def test_cjk_minutes_before_keep_around_apart() -> None:
    # 전후 / 前後 is "around", not "before"
    assert found("오후 4시 5분 전후에 끝났다.").get("오후 4시 5분") == ("time", "T16:05")


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("그는 두 달 그리고 사흘 동안 입원했다.", "두 달 그리고 사흘", "P2M3D"),
        ("협상은 한 시간 더 이어졌다.", "한 시간 더", "PT1H"),
        ("며칠 동안 비가 내렸다.", "며칠", "P3D"),
        ("2年3か月と10日間、入院した。", "2年3か月と10日間", "P2Y3M10D"),
        ("交渉はもう2時間続いた。", "もう2時間", "PT2H"),
        ("工事は5日以上かかる。", "5日以上", "P5D"),
        ("まるひと月かかった。", "まるひと月", "P1M"),
        ("比赛持续了12周。", "12周", "P12W"),
    ],
)
def test_cjk_duration_forms(text: str, span: str, value: str) -> None:
    assert found(text).get(span) == ("duration", value)


@pytest.mark.parametrize(
    "text",
    [
        "3일 그리고 5일에 회의가 열린다.",  # two days of the month
        "会議は3日と5日に開く。",
        "公司成立一周年。",  # an anniversary
        "第3周的比赛",  # the third week
        "周一周二休息。",  # weekdays
    ],
)
def test_cjk_duration_lookalikes(text: str) -> None:
    assert kinds_in(text, "duration") == []


# --- relative dates ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("협상은 사흘 전에 결렬됐다.", "사흘 전", "2024-03-10"),
        ("결과는 열흘 뒤 나온다.", "열흘 뒤", "2024-03-23"),
        ("며칠 전부터 비가 왔다.", "며칠 전", "2024-03-10"),
        ("그는 그끄저께 귀국했다.", "그끄저께", "2024-03-10"),
        ("엊그제 발표가 있었다.", "엊그제", "2024-03-11"),
        ("式典は明々後日に開かれる。", "明々後日", "2024-03-16"),
    ],
)
def test_relative_day_words(text: str, span: str, value: str) -> None:
    assert found(text).get(span) == ("date", value)


def test_relative_offset_stops_before_another_word() -> None:
    # 전날 ("the day before") is a word of its own, not 전 + 날
    assert kinds_in("행사 하루 전날 비가 왔다.", "date") == []


@pytest.mark.parametrize(
    "text",
    [
        "Between two to four people were hurt.",  # a range of numbers, not 3:58
        "Turnout rose from 1 to 2 in the north.",
        "They expect ten to twelve percent growth.",
        "Profit for the fourth quarter to 88.6 mln dlrs rose.",  # a period, then a sum
    ],
)
def test_number_ranges_are_no_clock_times(text: str) -> None:
    assert kinds_in(text, "time") == []


def test_a_second_before_a_noun_is_an_ordinal() -> None:
    assert kinds_in("The party won a second term in May.", "duration") == []
    assert found("The lights went out a second later.").get("a second") == ("duration", "PT1S")


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("事故发生在当日9时许。", "9时许", "T09"),
        ("화재는 오전 6시께 발생했다.", "오전 6시께", "T06"),
        ("地震は午前4時過ぎに起きた。", "午前4時過ぎ", "T04"),
    ],
)
def test_cjk_approximate_times_keep_their_marker(text: str, span: str, value: str) -> None:
    assert found(text).get(span) == ("time", value)


# --- lookalikes found in news ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "인도네시아에 강진이 발생했다.",  # 네시 inside a country name
        "테네시 주의 선거 결과",
        "그 또한 시위에 참여했다.",  # 한 시 across a word break
        "적절한 시기에 발표한다.",
        "他身上有一点幽默感。",  # 一点: "a little"
        "政府提出两点建议。",  # two points of a proposal
        "政局一时难以稳定。",  # 一时: "for a moment"
        "観光客が一時的に足止めされた。",  # 一時的: temporary
        "チームの 5 点目を決めた。",  # a fifth goal
    ],
)
def test_cjk_clock_lookalikes(text: str) -> None:
    assert kinds_in(text, "time") == []


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("오후세시에 회견이 열렸다.", "오후세시", "T15"),
        ("여덟시에 출발했다.", "여덟시", "T08"),
        ("会议三点钟开始。", "三点钟", "T03"),
        ("列车13点发车。", "13点", "T13"),
        ("八時に会見を開いた。", "八時", "T08"),
    ],
)
def test_cjk_clock_words_still_found(text: str, span: str, value: str) -> None:
    assert found(text).get(span) == ("time", value)


@pytest.mark.parametrize(
    "text",
    [
        "主队领先两分。",  # two points, not two minutes
        "意見が二分している。",  # split in two
        "Exports rose 5% on a year-on-year basis.",
        "The 23-year-old was arrested.",  # an age
        "The victim was 36 years old.",
        "It signed a 15-1/2 year accord.",  # no "2 year" inside a fraction
    ],
)
def test_duration_lookalikes_in_news(text: str) -> None:
    assert kinds_in(text, "duration") == []


def test_no_hour_after_a_spaced_colon() -> None:
    assert "45 p.m." not in found("The launch slipped to 9:45 a.m. (7: 45 p.m. ET).")


@pytest.mark.parametrize(
    "text",
    [
        "It rose to minus 40 at night.",  # no hour 40
        "Temperatures fell to 4 at night.",  # a temperature
        "Prices rose 3 days later in the evening session.",
    ],
)
def test_bare_numbers_before_a_part_of_the_day(text: str) -> None:
    assert kinds_in(text, "time") == []


@pytest.mark.parametrize(
    "text",
    [
        "He won four major titles this year.",  # 이틀 inside 타이틀
        "메이저 타이틀을 차지했다.",
        "残りの 8 周でペースを上げた。",  # laps, not weeks
        "この数十年を見据えた計画だ。",  # some decades: no number
        "彼は四年生になった。",  # a fourth-grader
        "전반 3분 35분에 골을 넣었다.",  # a slip for 3분 35초: no 38 minutes
        "第二天早晨他出发了。",  # the next day
    ],
)
def test_cjk_duration_lookalikes_in_news(text: str) -> None:
    assert kinds_in(text, "duration") == []


def test_compound_joined_by_and_may_ascend() -> None:
    assert found("合同期限为两天又一个月。").get("两天又一个月") == ("duration", "P1M2D")


@pytest.mark.parametrize(
    "text",
    [
        "Output averaged 9.1 million barrels a day.",  # a rate
        "She walks twice a week.",
        "Staff work 3 days a week.",  # no 3 days + 1 week
    ],
)
def test_rates_are_no_spans(text: str) -> None:
    assert all(v == "P3D" for t, (k, v) in found(text).items() if k == "duration")


def test_a_span_after_a_number_is_still_a_span() -> None:
    assert found("In 2016 it took a day to count.").get("a day") == ("duration", "P1D")
