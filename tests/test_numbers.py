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
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "people", "만약", "COVID"])
def test_not_numbers(text: str) -> None:
    assert parse_number(text) is None


def test_format_number() -> None:
    assert format_number(25.0) == "25" and format_number(1.50) == "1.5"
