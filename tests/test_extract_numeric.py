"""Numeric extraction on invented sentences: numbers, percentages, counts and quantities."""

from __future__ import annotations

import pytest

from factcheck.document import Document
from factcheck.extract import extract


def _facts(text: str, kind: str) -> list[tuple[str, str]]:
    facts = extract(Document(text))
    for f in facts:
        assert text[f.start : f.end] == f.text
    return [(f.text, f.value) for f in facts if f.kind == kind]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The survey counted 12,480 households.", ("12,480", "12480")),
        ("Temperatures fell to -7 overnight.", ("-7", "-7")),
        ("Only .25 of a point separated them.", (".25", "0.25")),
        ("Sales reached 40 000 units.", ("40 000", "40000")),
        ("The fund raised 15k in a day.", ("15k", "15000")),
        ("Roughly 3/4 of voters agreed.", ("3/4", "0.75")),
        ("It grew by 2 1/2 times.", ("2 1/2", "2.5")),
        ("The constant is 6.02x10^23.", ("6.02x10^23", "6.02e+23")),
        ("She read forty-seven letters aloud.", ("forty-seven", "47")),
        ("The ranch has three hundred and twelve goats.", ("three hundred and twelve", "312")),
        ("Two thirds of members voted.", ("Two thirds", "0.6666666667")),
        ("They ordered half a dozen pies.", ("half a dozen", "6")),
        ("A total of 13 lakh tickets sold.", ("13 lakh", "1300000")),
        ("The reading was minus twelve.", ("minus twelve", "-12")),
        ("The gauge showed four point five.", ("four point five", "4.5")),
        ("今年共收到三千二百封来信。", ("三千二百", "3200")),
        ("这座桥长一千三。", ("一千三", "1300")),
        ("全市人口约四千五百万。", ("四千五百万", "45000000")),
        ("村里有十多万棵树。", ("十多万", "100000")),
        ("三分之二的学生通过了。", ("三分之二", "0.6666666667")),
        ("气温降到负八度以下。", ("负八", "-8")),
        ("参加者は１万２千人でした。", ("１万２千", "12000")),
        ("答えは7分の3です。", ("7分の3", "0.4285714286")),
        ("気温はマイナス15まで下がった。", ("マイナス15", "-15")),
        ("예산은 3천2백만이다.", ("3천2백만", "32000000")),
        ("정답은 오분의 이이다.", ("오분의 이", "0.4")),
        ("그는 스물셋이었다.", ("스물셋", "23")),
        ("모두 이십칠이다.", ("이십칠", "27")),
    ],
)
def test_numbers(text: str, expected: tuple[str, str]) -> None:
    assert expected in _facts(text, "number")


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("The G20 summit opened.", "20"),
        ("COVID-19 cases fell.", "19"),
        ("I prefer that one over this.", "one"),
        ("See https://example.org/report?id=2023&share=30%25 for details.", "2023"),
        ("이사회는 이상 없다고 밝혔다.", "이"),
        ("일이 많다.", "일"),
    ],
)
def test_not_numbers(text: str, absent: str) -> None:
    found = [t for t, _ in _facts(text, "number") + _facts(text, "percent")]
    assert not any(absent in t for t in found), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Turnout rose 12.5% this year.", ("12.5%", "12.5%")),
        ("Unemployment is at five percent.", ("five percent", "5%")),
        ("Prices fell minus two percent.", ("minus two percent", "-2%")),
        ("失业率为百分之三点五。", ("百分之三点五", "3.5%")),
        ("利率上调了两个百分点。", ("两个百分点", "2%")),
        ("全场八折。", ("八折", "80%")),
        ("冬装七五折出售。", ("七五折", "75%")),
        ("七成的居民支持。", ("七成", "70%")),
        ("千分之三的误差。", ("千分之三", "0.3%")),
        ("賛成は3割だった。", ("3割", "30%")),
        ("本日は二割引きです。", ("二割引き", "80%")),
        ("支持率は40パーセントだ。", ("40パーセント", "40%")),
        ("투표율은 육십 퍼센트였다.", ("육십 퍼센트", "60%")),
        ("찬성은 칠 퍼센트다.", ("칠 퍼센트", "7%")),
        ("물가는 3.1% 올랐다.", ("3.1%", "3.1%")),
    ],
)
def test_percent(text: str, expected: tuple[str, str]) -> None:
    assert expected in _facts(text, "percent")


def test_nested_number_is_marked_within() -> None:
    text = "Imports hit 45% and 820 workers left."
    facts = extract(Document(text))
    nested = {f.text: f.attrs.get("within") for f in facts if f.kind == "number"}
    assert nested == {"45": "percent", "820": "count"}


@pytest.mark.parametrize(
    ("text", "span", "value", "approx"),
    [
        ("About 250 students joined.", "250 students", "250", "about"),
        ("Nearly 1,200 people attended.", "1,200 people", "1200", "nearly"),
        ("행사에는 약 300명이 참석했다.", "300명", "300", "약"),
        ("회의에 500여 명이 왔다.", "500여 명", "500", "여"),
        ("대표단은 세 나라에서 왔다.", "세 나라", "3", None),
        ("모두 12개국이 참가했다.", "12개국", "12", None),
        ("约八百人参加了会议。", "八百人", "800", "约"),
        ("共有三个国家签署。", "三个国家", "3", None),
        ("来場者は約5千人だった。", "5千人", "5000", "約"),
        ("会議には7カ国が参加した。", "7カ国", "7", None),
    ],
)
def test_counts(text: str, span: str, value: str, approx: str | None) -> None:
    facts = [f for f in extract(Document(text)) if f.kind == "count"]
    match = [f for f in facts if f.text == span]
    assert match, [f.text for f in facts]
    assert match[0].value == value
    assert match[0].attrs.get("approx") == approx


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The city borrowed $3.2 million.", "$3.2 million", "3200000 USD"),
        ("The budget is 5 billion won.", "5 billion won", "5000000000 KRW"),
        ("예산은 50억원이다.", "50억원", "5000000000 KRW"),
        ("투자액은 5억 달러다.", "5억 달러", "500000000 USD"),
        ("売上は3億円だった。", "3億円", "300000000 JPY"),
        ("The road runs 42 km.", "42 km", "42 km"),
        ("부지는 1200㎡이다.", "1200㎡", "1200 m2"),
        ("쓰레기 30톤이 나왔다.", "30톤", "30 t"),
    ],
)
def test_quantities(text: str, span: str, value: str) -> None:
    assert (span, value) in _facts(text, "quantity")


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("서른 두번째 정기 총회가 열렸다.", "서른 두번째", "32"),
        ("마흔세번째 대회다.", "마흔세번째", "43"),
        ("세 번째 회의였다.", "세 번째", "3"),
    ],
)
def test_korean_native_ordinals(text: str, span: str, value: str) -> None:
    assert (span, value) in _facts(text, "ordinal")


def _ordinals(text: str) -> list[tuple[str, str, bool]]:
    facts = extract(Document(text))
    for f in facts:
        assert text[f.start : f.end] == f.text
    return [(f.text, f.value, bool(f.attrs.get("relative"))) for f in facts if f.kind == "ordinal"]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("It marked the one hundred twenty-fifth anniversary.", "one hundred twenty-fifth", "125"),
        ("The city held its two hundredth parade.", "two hundredth", "200"),
        ("제 백스물다섯번째 생일이다.", "백스물다섯번째", "125"),
        ("이번이 이백 번째 공연이다.", "이백 번째", "200"),
        ("그는 일등을 차지했다.", "일등", "1"),
        ("彼女は二位になった。", "二位", "2"),
        ("前から二十五番目の席。", "二十五番目", "25"),
        ("だい２５０回の会合。", "だい２５０回", "250"),
        ("他获得第一名。", "第一", "1"),
    ],
)
def test_ordinals_numbered(text: str, span: str, value: str) -> None:
    assert (span, value, False) in _ordinals(text)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The penultimate round was cancelled.", "penultimate", "end-1"),
        ("He finished the second to last race.", "the second to last", "end-1"),
        ("Delete the last sentence.", "last", "end+0"),
        ("Show me the next one.", "next one", "current+1"),
        ("最後から三番目の車両に乗った。", "最後から三番目", "end-2"),
        ("最後の文章を消した。", "最後", "end+0"),
        ("마지막에서 두번째 경기였다.", "마지막에서 두번째", "end-1"),
        ("마지막 문장을 지웠다.", "마지막", "end+0"),
    ],
)
def test_relative_ordinals(text: str, span: str, value: str) -> None:
    assert (span, value, True) in _ordinals(text)


@pytest.mark.parametrize(
    "text",
    [
        "Prices rose last year and will rise next month.",
        "The talks will last two hours.",
        "At last the rain stopped.",
        "The hotel is next to the station.",
        "The current of the river was strong.",
        "三位代表出席了会议。",  # 位 counts people in Chinese
        "입국 3일째 되는 날이다.",  # the third day: a day count, not 일째
        "다음 달에 발표한다.",
        "三日前の会議で決まった。",
    ],
)
def test_not_ordinals(text: str) -> None:
    assert _ordinals(text) == [] or all(
        t not in ("last", "next", "current", "一位", "三位", "일째", "다음", "前")
        for t, _, _ in _ordinals(text)
    ), _ordinals(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("出席者は2成,2.5成だった。", ("2.5成", "25%")),
        ("支持率は三成半だ。", ("三成半", "35%")),
        ("今日は3.2kパーセントの確率。", ("3.2kパーセント", "3200%")),
    ],
)
def test_percent_more(text: str, expected: tuple[str, str]) -> None:
    assert expected in _facts(text, "percent")


def test_spaced_han_groups() -> None:
    assert ("三千 八百 九十六 万", "38960000") in _facts("共三千 八百 九十六 万人。", "number")
    assert ("一", "1") in _facts("一 二 三", "number")


def test_digits_before_korean_units_are_money() -> None:
    # The numeral grammar once matched empty before 50억원 and hid the digits.
    assert ("50억원", "5000000000 KRW") in _facts("예산 50억원.", "quantity")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The grant was worth half a million to the school.", ("half a million", "500000")),
        ("About a quarter million fans watched.", ("a quarter million", "250000")),
        ("The budget is 3 million and a half this year.", ("3 million and a half", "3500000")),
        ("It rose to minus 40 at night.", ("minus 40", "-40")),
        ("Only one-third of seats were filled.", ("one-third", "0.3333333333")),
        ("The shop sold 9 dozens of eggs.", ("9 dozens", "108")),
        ("He counted 6 thousand 2 hundred sheep.", ("6 thousand 2 hundred", "6200")),
        ("The firm earned 3.4b last year.", ("3.4b", "3400000000")),
        ("卵を四ダース買った。", ("四ダース", "48")),
        ("会員は二十数万人に増えた。", ("二十数万", "200000")),
        ("予算は−２万円だった。", ("−２万", "-20000")),
        ("一半的人同意。", ("一半", "0.5")),
        ("卅六个村庄", ("卅六", "36")),
        ("기온이 마이너스 8도까지 내려갔다.", ("마이너스 8", "-8")),
        ("점수는 구십점 오였다.", ("구십점 오", "90.5")),
        ("서른 살이 되었다.", ("서른", "30")),
        ("사과 두개를 샀다.", ("두", "2")),
        ("こたえは さんびゃく です", ("さんびゃく", "300")),
    ],
)
def test_numbers_more(text: str, expected: tuple[str, str | None]) -> None:
    span, value = expected
    found = _facts(text, "number")
    assert any(t == span and (value is None or v == value) for t, v in found), found


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        # Ranges, dotted codes and lists: each number of its own.
        ("Between 15-30 people came.", ["15", "30"]),
        ("Connect to 10.0.3.7 first.", ["10", "0", "3", "7"]),
        ("Seats 11,14,19 are free.", ["11", "14", "19"]),
        # Thousands after a comma belong to the number before.
        ("총 12만3,000달러가 들었다.", ["12만3,000"]),
        # A share above one is two numbers; a number repeated in brackets is one.
        ("They won 14 out of 9 games?", ["14", "9"]),
        ("The lease runs thirty-six (36) months.", ["thirty-six (36)"]),
    ],
)
def test_number_spans(text: str, numbers: list[str]) -> None:
    assert [t for t, _ in _facts(text, "number")] == numbers


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("COVID-19 cases fell.", "19"),
        ("東京に行きました。", "に"),
        ("十分に注意してください。", "十"),
        ("The 5G network opened.", "5G"),
        ("이 책은 열 때마다 새롭다.", "열"),
    ],
)
def test_not_numbers_more(text: str, absent: str) -> None:
    assert absent not in [t for t, _ in _facts(text, "number")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("利率上调了百 分 之 三。", ("百 分 之 三", "3%")),
        ("误差为百万分之二。", ("百万分之二", "0.0002%")),
        ("成長率は４パ ー セ ン トだった。", ("４パ ー セ ン ト", "4%")),
        ("Tax is 12 percent of 400 here and the percent of 40 there.", ("percent of 40", "40%")),
        ("They asked for the percentage of wins.", ("percentage", "null")),
        ("降水确率是20-30%。", ("30%", "30%")),
    ],
)
def test_percent_forms(text: str, expected: tuple[str, str]) -> None:
    assert expected in _facts(text, "percent")


def test_korean_first_before_noun() -> None:
    assert ("첫", "1") in _facts("첫 경기에서 이겼다.", "ordinal")
    # 첫 번째 is read with its 째, once.
    assert _facts("첫 번째 경기", "ordinal") == [("첫 번째", "1")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("面積は二の十乗です。", ("二の十乗", "1024")),
        ("値は３．２×１０の５乗になる。", ("３．２×１０の５乗", "320000")),
        ("It equals 2^--5 here.", ("2^--5", "32")),
    ],
)
def test_powers(text: str, expected: tuple[str, str]) -> None:
    assert expected in _facts(text, "number")


@pytest.mark.parametrize(
    "text", ["他们整理好队伍出发了。", "请把桌子收拾干净。", "船终于靠近大陆。"]
)
def test_financial_numeral_inside_a_word(text: str) -> None:
    assert _facts(text, "number") == []


def test_financial_numerals_in_an_amount() -> None:
    assert ("伍拾", "50") in _facts("合计伍拾元整。", "number")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # Sino-Korean numeral syllables inside ordinary words are no numbers.
        ("경찰은 사고 원인에 대한 조사를 시작했다.", "조사"),
        ("해양 구조대가 선원 전원을 구했다.", "구조"),
        ("인명 구조원인 그는 바다로 뛰어들었다.", "구조"),
        ("건물의 구조 변경이 필요하다.", "구조"),
        ("응답자의 8%만이 찬성했다.", "만이"),
        ("만일 비가 오면 경기는 연기된다.", "만일"),
        ("그 억만장자는 섬을 샀다.", "억만"),
        ("당의 공천 심사가 끝났다.", "공천"),
        ("수적 열세를 극복하지 못했다.", "열세"),
    ],
)
def test_hangul_words_with_numeral_syllables(text: str, word: str) -> None:
    numbers = [t for t, _ in _facts(text, "number")]
    assert not any(word in t for t in numbers), numbers


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        # Spelled numerals still read when they stand alone or before a counter.
        ("예산 삼조 원이 배정되었다.", "number", ("삼조", "3000000000000")),
        ("관객 오만 명이 모였다.", "count", ("오만 명", "50000")),
        ("정답은 이천오백이다.", "number", ("이천오백", "2500")),
        ("오리 열 한 마리가 헤엄쳤다.", "count", ("열 한 마리", "11")),
        # Digits may stand a space apart from their units.
        (
            "2040 년까지 13 억 2 천만 명이 영향을 받는다.",
            "count",
            ("13 억 2 천만 명", "1320000000"),
        ),
        ("구독자는 2억 3천 4백만 명이다.", "count", ("2억 3천 4백만 명", "234000000")),
        ("축제는 올해로 27회째를 맞았다.", "ordinal", ("27회째", "27")),
    ],
)
def test_korean_numerals_in_news(text: str, kind: str, expected: tuple[str, str]) -> None:
    assert expected in _facts(text, kind)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The club agreed a fee of $38.2m for the striker.", ("$38.2m", "38200000 USD")),
        ("The museum won a £4million grant.", ("£4million", "4000000 GBP")),
        ("Exports reached 720 metric tons in March.", ("720 metric tons", "720 t")),
        ("Net income was 12.5 mln dlrs last year.", ("12.5 mln dlrs", "12500000 USD")),
    ],
)
def test_money_and_units_in_news(text: str, expected: tuple[str, str]) -> None:
    assert expected in _facts(text, "quantity")


def test_percent_abbreviation() -> None:
    assert ("4.5 pct", "4.5%") in _facts("Prices rose 4.5 pct in May.", "percent")


@pytest.mark.parametrize(
    "text",
    [
        "The October 3 bombings were condemned.",  # a day after a month name
        "Talks will resume in 2031 unless funding ends.",  # not a plural
        "He earned a 5,000 bonus on top.",
        "Their 1999 surplus was spent.",
    ],
)
def test_not_counts(text: str) -> None:
    assert _facts(text, "count") == []


def test_cjk_counter_after_a_space() -> None:
    assert ("3150 名", "3150") in _facts("共有 3150 名 志愿者参加。", "count")
    assert ("45 人", "45") in _facts("事故で 45 人が負傷した。", "count")


def test_korean_native_count_needs_the_counter_to_end_its_word() -> None:
    assert _facts("기자는 한 국방부 관계자를 인용했다.", "count") == []
    assert ("세 개", "3") in _facts("아이들에게 사탕을 세 개씩 나눠 주었다.", "count")
    assert ("한 명", "1") in _facts("수상자 중 한 명인 그는 웃었다.", "count")


@pytest.mark.parametrize(
    "text",
    [
        "No one expects a quick deal.",  # one before a verb in -s
        "He cited Article 9 that forbids war.",
        "Prices fell 14.5 cents to settle.",  # money, not counted things
        "Storms may bring 5 inches of rain.",
    ],
)
def test_not_counts_in_news(text: str) -> None:
    assert _facts(text, "count") == []


def test_season_is_no_fraction() -> None:
    numbers = _facts("Output fell in 1993/94 again.", "number")
    assert not any("/" in t for t, _ in numbers), numbers
    assert ("3/4", "0.75") in _facts("About 3/4 of them left.", "number")


def test_hyphen_mixed_numbers_in_rates() -> None:
    assert ("7-3/4 pct", "7.75%") in _facts("The 7-3/4 pct notes mature in 2030.", "percent")
    numbers = [t for t, _ in _facts("Dial 0-800-123/456 today.", "number")]
    assert not any("/" in t for t in numbers), numbers


@pytest.mark.parametrize(
    "text", ["他是唯一一个获奖的学生。", "门口站着七八个孩子。", "周二三名工人受伤。"]
)
def test_han_digit_pairs_are_no_numbers(text: str) -> None:
    numbers = _facts(text, "number")
    assert not any(len(t) == 2 and float(v) > 10 for t, v in numbers), numbers


def test_han_digit_pair_before_a_discount_is_a_percentage() -> None:
    assert ("八五折", "85%") in _facts("全场商品八五折。", "percent")


def test_year_before_a_noun_after_a_possessive_is_no_count() -> None:
    assert _facts("The bank's 2024 profits doubled.", "count") == []
    assert ("1500 volunteers", "1500") in _facts("The 1500 volunteers left.", "count")


def test_korean_particle_do_is_no_degree() -> None:
    assert _facts("남은 표는 하나도 없었다.", "quantity") == []
    assert ("35도", "35 deg") in _facts("기온이 35도까지 올랐다.", "quantity")


def test_dash_bullet_before_a_mixed_number() -> None:
    assert ("5-3/8 pct", "5.375%") in _facts("Terms: - 5-3/8 pct notes due 2031.", "percent")


def test_korean_units_end_a_numeral() -> None:
    assert ("2만4000킬로와트", "24000 kW") in _facts(
        "발전소는 2만4000킬로와트를 생산한다.", "quantity"
    )
