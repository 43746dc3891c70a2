"""Temporal extraction: dates, ranges, weekdays, relative dates, clock times and durations."""

from __future__ import annotations

import datetime as dt

import pytest
from temporal_facts import REF, facts, one

from factcheck.document import Document


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


@pytest.mark.parametrize(
    ("text", "span", "kind", "value"),
    [
        ("Sales peaked in the 1970s.", "the 1970s", "daterange", "(1970-01-01,1980-01-01,P10Y)"),
        ("수출은 1990년대에 늘었다.", "1990년대", "daterange", "(1990-01-01,2000-01-01,P10Y)"),
        ("上世纪80年代的工厂", "上世纪80年代", "daterange", "(1980-01-01,1990-01-01,P10Y)"),
        ("それは15世紀に起きた。", "15世紀", "daterange", "(1400-01-01,1500-01-01,P100Y)"),
        ("Profit rose in Q3 2023.", "Q3 2023", "daterange", "(2023-07-01,2023-10-01,P3M)"),
        (
            "Profit rose in the third quarter of 2023.",
            "the third quarter of 2023",
            "daterange",
            "(2023-07-01,2023-10-01,P3M)",
        ),
        (
            "영업이익은 2023년 3분기에 늘었다.",
            "2023년 3분기",
            "daterange",
            "(2023-07-01,2023-10-01,P3M)",
        ),
        ("2023年第三季度利润增长。", "2023年第三季度", "daterange", "(2023-07-01,2023-10-01,P3M)"),
        ("上半年出口增长。", "上半年", "daterange", "(2024-01-01,2024-07-01,P6M)"),
        (
            "Sales for last quarter fell.",
            "last quarter",
            "daterange",
            "(2023-10-01,2024-01-01,P3M)",
        ),
        ("We meet this weekend.", "this weekend", "date", "2024-W11-WE"),
        ("이번 주말에 만난다.", "이번 주말", "date", "2024-W11-WE"),
        (
            "Prices rose over the past 3 years.",
            "past 3 years",
            "daterange",
            "(2021-03-13,2024-03-13,P3Y)",
        ),
        ("수출은 지난 3년 간 늘었다.", "지난 3년", "daterange", "(2021-03-13,2024-03-13,P3Y)"),
        ("未来三天有雨。", "未来三天", "daterange", "(2024-03-14,2024-03-17,P3D)"),
        ("The firm was set up at the end of 2000.", "end of 2000", "date", "2000"),
        ("Output recovered in mid-2020.", "mid-2020", "date", "2020"),
        ("공사는 10월 초에 끝난다.", "10월 초", "date", "XXXX-10"),
        ("今月下旬に発表する。", "今月下旬", "date", "2024-03"),
        (
            "It happened on the 26th june of 2020.",
            "the 26th june of 2020",
            "date",
            "2020-06-26",
        ),
        ("The law of June of 1992 applies.", "June of 1992", "date", "1992-06"),
        ("今年の9月に開業する。", "今年の9月", "date", "2024-09"),
        ("It opened last September.", "last September", "date", "2023-09"),
        ("We go back on 4/22.", "4/22", "date", "XXXX-04-22"),
        ("Filed 21-04-2016 in Seoul.", "21-04-2016", "date", "2016-04-21"),
        ("I went back Friday the 15th.", "Friday the 15th", "date", "2024-03-15"),
        ("We leave next week Sunday.", "next week Sunday", "date", "2024-03-24"),
        ("It closed 1 month 21 days ago.", "1 month 21 days ago", "date", "2024-01-23"),
        ("The day after tomorrow it rains.", "The day after tomorrow", "date", "2024-03-15"),
        ("08日から12日まで休む。", "08日から12日まで", "daterange", "(XXXX-XX-08,XXXX-XX-12,P4D)"),
    ],
)
def test_periods_and_composed_dates(text: str, span: str, kind: str, value: str) -> None:
    got_kind, got_value, _ = one(text, span)
    assert (got_kind, got_value) == (kind, value)


def test_not_dates_or_periods() -> None:
    found = facts("Prices rose 3.5 percent to 1/2 of the 2010-11 season level; Audi Q3 sold well.")
    assert not any(kind in ("date", "daterange") for kind, _, _ in found.values()), found
    found = facts("On Monday 15 people died. 오는 22일 발표한다.")
    assert found["Monday"][1] == "XXXX-WXX-1" and found["22일"][0] == "date"
    assert "twenty second" not in facts("It was the twenty second of June.")


def test_weekday_beside_a_day_keeps_the_weekday_contract() -> None:
    text = "I went back Friday the 15th."
    _, _, attrs = one(text, "Friday the 15th")
    s, e = attrs["weekday_span"]
    assert attrs["weekday"] == 5 and text[s:e] == "Friday"


# Texts for the triggered scans: every way the English patterns can begin, including the
# places inside words where they match today, full-width digits, and a text that case
# folding lengthens ("ß"), where the plain scan is used.
_TRIGGER_TEXTS = [
    "At about 3:40 p.m. on Oct. 2, around half past seven, a quarter to eight, noon, midnight.",
    "Someone a day later; Canada day lasted a few hours and a half; it took an hour.",
    "It began 3-twenty past 4, twenty past 5, ten o'clock, eleven fifteen pm, 7pm, 7 a.m.",
    "more than 2 weeks, up to 3 months, nearly ten years, half an hour, a couple of days, "
    "several minutes, 1,200 years, 2.5 hours, 3-day, over thirty seconds, roughly a decade.",
    "The ＳＴＲＡßE at 9 pm; ３ hours; ſix o'clock; THREE HOURS; Half Past Nine.",
    "회의는 오후 3시에 열렸다. 会议于下午3点举行。3時間後、12:30に。",
    "behalf past nine; often ten minutes; phone one am; within 3 days; begin 2 weeks later.",
    "Thursday, Nov. 22, 2023; Sat 3rd - 5th of March 2019; the 22nd of November; on 4/22 and "
    "back 5.6; 2019/sep/01, Sep-23-2020, Oct2; November 2023, May of 2020; 10/2に; 5 - 7 June.",
    "In 1999, since 2001, mid-2020, the '90s, '99; last Tuesday, this Wed., Monday of next week; "
    "3 days ago, in two weeks, within a month, a few years later, twenty-one days from now.",
    "12:30に会議、3時40分、午後9:05、오후 3:15, 1:2:3, 10:77, ٣:٤٥ 大约 25:10",
    "Meeting at 12:30, 7:45:10 and 23:59; 3:4; 10:77; 1.5:20 and 0:00.",
    "Jan first, May twenty-first, MARCH THE third; for the 27, by the second, of the 5th; "
    "11/2016, 3-2015, 1/20155; 2014-2018, 2016至2018年, 1995 – 1997; 16. Nov. 2016, 7 May.",
    "this Winter, the summer of 2016, mid-summer, last FALL, Spring, the fall, midsummer.",
    "The fair has been held every single year since 1998; it was founded in 1950, FIRST HELD IN "
    "1951, and has been organised since 3; established in 12 countries.",
]


def test_triggered_scans_find_what_a_full_scan_finds() -> None:
    from factcheck.extract.base import Triggered

    checked = 0
    for name, pat in _scan_patterns():
        if isinstance(pat, Triggered):
            checked += 1
            for text in [*_TRIGGER_TEXTS, *_GATE_TEXTS, *_PERIOD_TEXTS]:
                full = [(m.span(), m.groups()) for m in pat.pattern.finditer(text)]
                fast = [(m.span(), m.groups()) for m in pat.finditer(text)]
                assert fast == full, (name, text)
    assert checked >= 5


def _layers(pat):
    """A temporal scan and the patterns it wraps, outermost first, the regex last."""
    import regex

    while not isinstance(pat, regex.Pattern):
        yield pat
        pat = pat.pattern
    yield pat


def _all_scans():
    from factcheck.extract import temporal, temporal_clock, temporal_period, temporal_rel

    for mod in (temporal, temporal_clock, temporal_period, temporal_rel):
        yield from mod._patterns().items()


def _scan_patterns():
    """(name, pattern) of the temporal scans, gates for whole texts taken off."""
    from factcheck.extract.base import Gated, LatinGated

    for name, pat in _all_scans():
        while isinstance(pat, (Gated, LatinGated)):
            pat = pat.pattern
        yield name, pat


def test_latin_gated_patterns_match_only_with_latin_letters() -> None:
    import regex

    from factcheck.extract.base import LatinGated

    checked = 0
    for name, pat in _all_scans():
        layers = list(_layers(pat))
        if not any(isinstance(layer, LatinGated) for layer in layers):
            continue
        for text in [*_TRIGGER_TEXTS, *_PERIOD_TEXTS]:
            for m in layers[-1].finditer(text):
                checked += 1
                assert regex.search(r"\p{Latin}", m[0]), (name, m[0])
        assert not list(pat.finditer("2023年11月22日 12:30 3/4 1990 '99 오후 3시"))
    assert checked >= 40


_PERIOD_TEXTS = [
    "In the 1990s and the '80s, the last two decades, the 21st century, Q3 2016, the third "
    "quarter of 2016, last quarter, H1 2016, this weekend, the past 3 years, next 2 days.",
    "THE FIRST HALF OF 2020, the Final Quarter, 2019 H2, the next three Decades, my Weekend.",
]


_GATE_TEXTS = [
    "2023년 11월 22일(수) 오후 3시, 이달 21일부터 25일까지 약 40분간, 1970년대, 2016년 3분기, "
    "상반기, 이번 주말, 지난 3년, 10개월 이내, 3일 전, 다음 주 화요일, 10월, 하루 동안.",
    "2023年11月22日（水）、11月21日至25日、上世纪80年代、15世紀、2016年第三季度、上半年、"
    "本周末、过去三年、未来三天、10个月以内、三天前、上周二、十月份、两个半小时、半年间。",
    "2015年11月18日から12月19日まで、今週末、過去20年間、今後5日間、3日後、先週の金曜日、"
    "第3四半期、下半期、3時間、約5年以上。",
]


def test_gated_patterns_match_only_with_their_characters() -> None:
    from factcheck.extract.base import Gated

    checked = 0
    for name, pat in _all_scans():
        layers = list(_layers(pat))
        for gate in layers:
            if not isinstance(gate, Gated):
                continue
            for text in [*_GATE_TEXTS, *_PERIOD_TEXTS]:
                for m in layers[-1].finditer(text):
                    checked += 1
                    found = m[0].casefold() if gate.folded else m[0]
                    assert any(c in found for c in gate.chars), (name, m[0])
    assert checked >= 30


def test_weekday_picks_the_month_of_a_bare_day() -> None:
    # 2024-03-13 is a Wednesday: the 21st that is a Sunday is April's, not March's (a Thursday).
    _, value, attrs = one("The vote is set for Sunday the 21st.", "Sunday the 21st")
    assert value == "2024-04-21" and attrs["resolved"] == "2024-04-21"
    _, value, attrs = one("They met Saturday the 9th.", "Saturday the 9th")
    assert value == "2024-03-09" and attrs["weekday"] == 6
    # No month around has a Friday the 11th: the day stays open, resolved to the nearest.
    _, value, attrs = one("It closed Friday the 11th.", "Friday the 11th")
    assert value == "XXXX-XX-11" and attrs["resolved"] == "2024-03-11"


def test_weekday_day_range_takes_the_fitting_month() -> None:
    kind, value, _ = one(
        "The office is shut from Saturday the 9th until Tuesday the 12th.",
        "from Saturday the 9th until Tuesday the 12th",
    )
    assert (kind, value) == ("daterange", "(2024-03-09,2024-03-12,P3D)")


def _rules_fired(text: str, date: dt.date | None = REF) -> list[str]:
    from factcheck.engine import check_document

    return [f.rule for f in check_document(Document(text, date=date))]


def test_a_correct_weekday_day_raises_no_weekday_finding() -> None:
    assert "FC105" not in _rules_fired("Results come out Sunday the 21st.")
    # A day no month around has on that weekday is still checked against the nearest one.
    assert "FC105" in _rules_fired("Results come out Friday the 11th.")


def test_dates_do_not_span_line_breaks() -> None:
    assert not any(k in ("date", "daterange") for k, _, _ in facts("Sept.\n16세 소년").values())
    assert not any(k == "date" for k, _, _ in facts("It rained in May\n21 people came.").values())
    assert one("It rained on May 21.", "May 21")[1] == "XXXX-05-21"
    assert one("회의는 11월\n22일 열린다.", "22일")[1] == "XXXX-XX-22"
    # A weekday and a day at the end of a line are still a date.
    assert one("Polls open Monday 18\nin every district.", "Monday 18")[0] == "date"


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("설명회는 2024. 3. 15. 열린다.", "2024. 3. 15.", "2024-03-15"),
        ("설명회는 2024. 3. 15.(금) 열린다.", "2024. 3. 15.(금)", "2024-03-15"),
        ("설명회는 2024.3.15.(금) 열린다.", "2024.3.15.(금)", "2024-03-15"),
        ("접수는 2024.3.15.부터 받는다.", "2024.3.15.", "2024-03-15"),
        (
            "접수 기간: 2023. 12. 28. ~ 2024. 1. 5.",
            "2023. 12. 28. ~ 2024. 1. 5.",
            "(2023-12-28,2024-01-05,P8D)",
        ),
        (
            "접수 기간: 2024. 3. 15. ~ 3. 20.(수)",
            "2024. 3. 15. ~ 3. 20.(수)",
            "(2024-03-15,2024-03-20,P5D)",
        ),
    ],
)
def test_korean_dotted_dates(text: str, span: str, value: str) -> None:
    assert one(text, span)[1] == value


def test_korean_dotted_date_weekday_is_checked() -> None:
    assert one("2024. 3. 15.(금) 개최", "2024. 3. 15.(금)")[2]["weekday"] == 5
    assert _rules_fired("행사는 2024. 3. 15.(목) 열린다.") == ["FC105"]
    assert not _rules_fired("행사는 2024. 3. 15.(금) 열린다.")


def test_dotted_numbers_that_are_no_korean_dates() -> None:
    found = facts("Version 2024. 3. 15 items. Steps 1. 2. 3. Filed on 2024.3.15. Next.")
    spans = [s for s, (k, _, _) in found.items() if k in ("date", "daterange")]
    assert spans == ["2024.3.15"], spans


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("We plan to hike there this winter.", "this winter", "2024-WI"),
        ("Prices rose last autumn.", "last autumn", "2023-FA"),
        ("The plant opens in the spring of 2026.", "the spring of 2026", "2026-SP"),
        ("Talks resume in fall 2025.", "fall 2025", "2025-FA"),
        ("It will not be ready before summer.", "summer", "SU"),
        ("공사는 올겨울 끝난다.", "올겨울", "2024-WI"),
        ("지난 가을 문을 열었다.", "지난 가을", "2023-FA"),
        ("2025년 봄에 개장한다.", "2025년 봄", "2025-SP"),
        ("工程将于明年春天完工。", "明年春天", "2025-SP"),
        ("这座桥去年冬季关闭。", "去年冬季", "2023-WI"),
        ("工事は来年の秋に終わる。", "来年の秋", "2025-FA"),
        ("今冬は寒い。", "今冬", "2024-WI"),
    ],
)
def test_seasons(text: str, span: str, value: str) -> None:
    assert one(text, span)[:2] == ("daterange", value)


def test_season_words_that_are_no_seasons() -> None:
    text = (
        "Prices will fall. The spring broke. 돌봄 서비스와 겨울잠. 夏休みの宿題。"
        " The fall in sales."
    )
    found = facts(text)
    assert not [s for s, (k, _, _) in found.items() if k == "daterange"], found


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("매출은 저번달 줄었다.", "저번달", "2024-02"),
        ("이번달 안에 끝낸다.", "이번달", "2024-03"),
        ("저번주에 만났다.", "저번주", "2024-W10"),
        ("我们下星期见。", "下星期", "2024-W12"),
        ("他上週去了台北。", "上週", "2024-W10"),
        ("会議は翌週に開く。", "翌週", "2024-W12"),
        ("Sales fell in the previous month.", "previous month", "2024-02"),
        ("It opens the coming week.", "coming week", "2024-W12"),
    ],
)
def test_more_relative_words(text: str, span: str, value: str) -> None:
    assert one(text, span)[1] == value


def test_next_month_word_leaves_monday_alone() -> None:
    assert one("次の月曜日に会う。", "次の月曜日")[1] == "2024-03-18"


@pytest.mark.parametrize(
    ("text", "span", "kind", "value"),
    [
        ("The results are due Feb third.", "Feb third", "date", "XXXX-02-03"),
        ("It opens April twenty-second, 2025.", "April twenty-second, 2025", "date", "2025-04-22"),
        ("We fly out June twenty four.", "June twenty four", "date", "XXXX-06-24"),
        ("Rent is due by the 5th.", "the 5th", "date", "XXXX-XX-05"),
        ("Rent is due by the 5.", "the 5", "date", "XXXX-XX-05"),
        ("Rent is due for the ninth.", "the ninth", "date", "XXXX-XX-09"),
        ("Signed 7. Dec. 2021 in Bonn.", "7. Dec. 2021", "date", "2021-12-07"),
        (
            "Figures for 2011-2015 were revised.",
            "2011-2015",
            "daterange",
            "(2011-01-01,2015-01-01,P4Y)",
        ),
        ("收入在2003-2006年间下降。", "2003-2006年间", "daterange", "(2003-01-01,2006-01-01,P3Y)"),
        ("它们是九十年代建的。", "九十年代", "daterange", "(XX90-01-01,XX00-01-01,P10Y)"),
        ("那是十八世纪六十年代。", "十八世纪六十年代", "daterange", "(1760-01-01,1770-01-01,P10Y)"),
        (
            "The fair ran between 3 and 9 of May.",
            "between 3 and 9 of May",
            "daterange",
            "(XXXX-05-03,XXXX-05-09,P6D)",
        ),
        (
            "Shops shut Dec. 30 - Jan. 2.",
            "Dec. 30 - Jan. 2",
            "daterange",
            "(XXXX-12-30,XXXX-01-02,P3D)",
        ),
    ],
)
def test_spoken_days_year_ranges_and_decades(text: str, span: str, kind: str, value: str) -> None:
    assert one(text, span)[:2] == (kind, value)


def test_spoken_days_that_are_no_dates() -> None:
    found = facts(
        "We may first ask. In March one year later. One of the 27. Ride on the 27 buses. "
        "See page 16. Nov. sales rose. Call 1588-1234. It ran 2018-2014."
    )
    dates = {s: v for s, (k, v, _) in found.items() if k in ("date", "daterange")}
    assert dates == {"March": "XXXX-03", "one year later": "2025-03-13"}, dates


def test_range_ends_resolve_in_one_month() -> None:
    _, _, attrs = one("The fair ran between 3 and 9 of May.", "between 3 and 9 of May")
    assert attrs["resolved"] == ["2024-05-03", "2024-05-09"]
    _, _, attrs = one("Shops shut Dec. 30 - Jan. 2.", "Dec. 30 - Jan. 2")
    assert attrs["resolved"] == ["2023-12-30", "2024-01-02"]


@pytest.mark.parametrize(
    ("text", "span", "kind", "value"),
    [
        ("新制度は令和6年4月1日に始まる。", "令和6年4月1日", "date", "2024-04-01"),
        ("平成元年に開業した。", "平成元年", "year", "1989"),
        ("昭和50年10月に完成した。", "昭和50年10月", "date", "1975-10"),
        ("该校建于民国十年。", "民国十年", "year", "1921"),
        ("这座寺庙建于一九八七年。", "一九八七年", "year", "1987"),
        ("城墙始建于公元589年。", "589年", "year", "0589"),
        ("都は794年に移された。", "794年", "year", "0794"),
        (
            "工事は2019年から2021年にかけて行われた。",
            "2019年から2021年にかけて",
            "daterange",
            "(2019-01-01,2021-01-01,P2Y)",
        ),
    ],
)
def test_era_han_and_early_years(text: str, span: str, kind: str, value: str) -> None:
    assert one(text, span)[:2] == (kind, value)


def test_three_digit_years_only_in_their_slot() -> None:
    found = facts("这座城有300年历史，300年前建成，在500年间扩建。500年の歴史がある。")
    years = [s for s, (k, _, _) in found.items() if k == "year"]
    assert years == [], years


def test_within_spans_take_a_particle_and_start_today() -> None:
    assert one("보고서는 3년 이내에 나온다.", "3년 이내")[1] == "(2024-03-13,2027-03-13,P3Y)"
    assert one("결과는 2주 안에 나온다.", "2주 안에")[1] == "(2024-03-13,2024-03-27,P2W)"
    assert "3년" in facts("3년 내년")  # 내년 is next year, no "within"


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Prices were low in the sixties.", "the sixties", "(XX60-01-01,XX70-01-01,P10Y)"),
        (
            "It was built in the nineteen twenties.",
            "the nineteen twenties",
            "(1920-01-01,1930-01-01,P10Y)",
        ),
        (
            "The office is shut for the rest of the week.",
            "rest of the week",
            "(2024-03-13,2024-03-17,P4D)",
        ),
        (
            "Sales stay flat for the rest of this year.",
            "rest of this year",
            "(2024-03-13,2024-12-31,P294D)",
        ),
    ],
)
def test_decade_words_and_rest_of_a_period(text: str, span: str, value: str) -> None:
    assert one(text, span)[:2] == ("daterange", value)
    assert "the forties" not in facts("Many forties and fifties were sold.")


@pytest.mark.parametrize(
    ("text", "span", "kind", "value"),
    [
        (
            "The fair runs Aug. 3 thru 6.",
            "Aug. 3 thru 6",
            "daterange",
            "(XXXX-08-03,XXXX-08-06,P3D)",
        ),
        ("It closed on Jan. 9 , 2001.", "Jan. 9 , 2001", "date", "2001-01-09"),
        ("Figures as of 10/2019 show a rise.", "10/2019", "date", "2019-10"),
        ("Figures as of 4-2021 show a rise.", "4-2021", "date", "2021-04"),
    ],
)
def test_thru_spaced_commas_and_numeric_months(text: str, span: str, kind: str, value: str) -> None:
    assert one(text, span)[:2] == (kind, value)
    assert not any(k == "date" for k, _, _ in facts("Codes 1/20155 and 7/12/2019/3.").values())


@pytest.mark.parametrize(
    ("text", "span", "kind", "value"),
    [
        ("工程从2019到2021进行。", "从2019到2021", "daterange", "(2019-01-01,2021-01-01,P2Y)"),
        ("We meet the week after next.", "the week after next", "date", "2024-W13"),
        ("It ends the year after next.", "the year after next", "date", "2026"),
        ("다가오는 달 일정이 나온다.", "다가오는 달", "date", "2024-04"),
    ],
)
def test_han_year_ranges_and_two_steps_ahead(text: str, span: str, kind: str, value: str) -> None:
    assert one(text, span)[:2] == (kind, value)


@pytest.mark.parametrize(
    ("text", "span", "kind", "value"),
    [
        ("私は03/15/2024に戻ります。", "03/15/2024", "date", "2024-03-15"),
        (
            "期間は2022/4から2023/3までです。",
            "2022/4から2023/3まで",
            "daterange",
            "(2022-04-01,2023-03-01,P11M)",
        ),
        (
            "活动从21年3月1日到22年2月1日。",
            "从21年3月1日到22年2月1日",
            "daterange",
            "(2021-03-01,2022-02-01,P337D)",
        ),
    ],
)
def test_numeric_dates_beside_cjk_and_two_digit_cjk_years(
    text: str, span: str, kind: str, value: str
) -> None:
    assert one(text, span)[:2] == (kind, value)
    assert not any(k == "date" for k, _, _ in facts("Part A2016/11 and 工作了18年10个月.").values())


@pytest.mark.parametrize(
    "text",
    ["Exports Feb 32.9 Jan 30.1 Mar 28.4", "Output rose to Feb 12.5 pct", "Index 101.5 May 99.8"],
)
def test_decimal_figures_in_a_table_are_no_dates(text: str) -> None:
    assert not [k for k, _, _ in facts(text).values() if k in ("date", "daterange")]
