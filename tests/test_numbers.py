from __future__ import annotations

import pytest

from factcheck.numbers import format_number, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,999", 1999),
        ("1.5", 1.5),
        ("3만", 30000),
        ("1억2000만", 120000000),
        ("2.5 billion", 2.5e9),
        ("1万5千", 15000),
        ("twenty-five", 25),
        ("스물다섯", 25),
        ("이십오", 25),
        ("二十五", 25),
        ("千五百", 1500),
        ("二〇二三", 2023),
        ("三点五", 3.5),
        ("one hundred and twelve", 112),
        ("세", 3),
        ("１９９９", 1999),
        ("-4", -4),
        ("负五", -5),
        ("-7", -7),
        (".5", 0.5),
        ("12 500", 12500),
        ("7k", 7000),
        ("4.5bn", 4.5e9),
        ("5/8", 0.625),
        ("3 1/2", 3.5),
        ("2x10^3", 2000),
        ("3^4", 81),
        ("three fifths", 0.6),
        ("seven and a half", 7.5),
        ("four dozen", 48),
        ("nine point two five", 9.25),
        ("ten out of forty", 0.25),
        ("negative eight", -8),
        ("two crore", 2e7),
        ("a million", 1e6),
        ("四分之三", 0.75),
        ("二又五分之一", 2.2),
        ("八分の三", 0.375),
        ("2と4分の1", 2.25),
        ("マイナス6", -6),
        ("七百二十万亿", 7.2e14),
        ("三千六百二十八万四千五百亿", 3.62845e15),
        ("万六", 16000),
        ("三百二", 320),
        ("八百零二", 802),
        ("二十几万", 200000),
        ("사분의 삼", 0.75),
        ("마이너스 이십", -20),
        ("오와 이분의 일", 5.5),
        ("4천5백", 4500),
        ("쉰셋", 53),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "people", "만약", "COVID", "one two/", "half", "first"])
def test_not_numbers(text: str) -> None:
    assert parse_number(text) is None


def test_format_number() -> None:
    assert format_number(25.0) == "25" and format_number(1.50) == "1.5"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("a quarter million", 250000),
        ("six and a half billion", 6.5e9),
        ("two trillion and a half billion", 2.0005e12),
        ("four point one million", 4.1e6),
        ("2 million and a quarter", 2.25e6),
        ("seven thousand 4 hundred and 12", 7412),
        ("8 dozens", 96),
        ("two-fifths", 0.4),
        ("minus 3,500", -3500),
        ("seven billions", 7e9),
        ("two thousand million", 2e9),
        ("廿七", 27),
        ("三百卌", 340),
        ("四十数万", 400000),
        ("300余り万", 3000000),
        ("二ダース", 24),
        ("半ダース", 6),
        ("七打", 84),
        ("一半", 0.5),
        ("万万", 1e8),
        ("칠점오", 7.5),
        ("삼백점 이오", 300.25),
        ("마이너스 7", -7),
        ("7、250", 7250),
        ("5½", 5.5),
        ("¾", 0.75),
        ("2.4b", 2.4e9),
        ("90又四分の一", 90.25),
    ],
)
def test_parse_number_more(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2^--3", 8),
        ("-3^+2", -9),
        ("三の二乗", 9),
        ("四・五のマイナス一乗", 1 / 4.5),
        ("１．５×１０の３乗", 1500),
        ("２の−２乗", 0.25),
    ],
)
def test_parse_powers(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value"), [("6-1/2", 6.5), ("99-3/8", 99.375), ("12-5/16", 12.3125)]
)
def test_hyphen_mixed_numbers(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


def test_hyphen_mixed_number_needs_a_proper_fraction() -> None:
    assert parse_number("3-9/8") is None
