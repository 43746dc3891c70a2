"""Holidays and named days as date facts."""

from __future__ import annotations

import datetime as dt

from factcheck.document import Document
from factcheck.extract import extract

REF = dt.date(2024, 3, 13)


def dates(text: str, date: dt.date | None = REF) -> dict[str, tuple[str, dict]]:
    return {
        f.text: (f.value, f.attrs)
        for f in extract(Document(text, date=date))
        if f.kind == "date" and not f.attrs.get("within")
    }


def test_fixed_holiday_without_year_resolves_against_publication_date() -> None:
    value, attrs = dates("Shops stay open until Christmas this time.")["Christmas"]
    assert value == "XXXX-12-25"
    assert attrs["resolved"] == "2023-12-25"


def test_fixed_holiday_in_korean_and_chinese() -> None:
    assert dates("성탄절에 문을 연다.")["성탄절"][0] == "XXXX-12-25"
    assert dates("元旦假期结束。")["元旦"][0] == "XXXX-01-01"
