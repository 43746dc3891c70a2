"""Holidays and named days (Christmas, 광복절, 国庆节, 建国記念の日) as date facts.

The names and their rules are data (rules/lexicon/holidays.yaml); this module implements
each rule type once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import cache

import regex

from .. import facts as K
from ..document import Document
from ..facts import Fact
from ..resources import lexicon
from .base import make_fact
from .patterns import alternation

_LANGS = ("en", "ko", "zh", "ja")


@cache
def _table() -> tuple[regex.Pattern, dict[str, dict]]:
    """One pattern over every holiday name, and each name's rule."""
    rules: dict[str, dict] = {}
    for entry in lexicon("holidays")["holidays"].values():
        for lang in _LANGS:
            for name in entry.get(lang, []):
                rules[name.lower()] = entry["rule"]
    pattern = regex.compile(rf"(?<![\p{{L}}\d])(?i:{alternation(rules)})(?![\p{{Latin}}\d])")
    return pattern, rules


def _date_in(rule: dict, year: int) -> dt.date | None:
    if "fixed" in rule:
        m, d = rule["fixed"]
        return dt.date(year, m, d)
    return None


def _nearest(rule: dict, ref: dt.date) -> dt.date | None:
    """The occurrence nearest the publication date (the one a bare name most likely means)."""
    days = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := _date_in(rule, y))]
    return min(days, key=lambda d: (abs((d - ref).days), d > ref)) if days else None


def extract_holidays(doc: Document) -> Iterator[Fact]:
    pattern, rules = _table()
    for m in pattern.finditer(doc.text):
        rule = rules[m[0].lower()]
        attrs: dict = {"holiday": True}
        if "fixed" in rule:
            mm, dd = rule["fixed"]
            value = f"XXXX-{mm:02d}-{dd:02d}"
            attrs.update(month=mm, day=dd)
        else:
            continue
        if doc.date is not None and (day := _nearest(rule, doc.date)):
            attrs["resolved"] = day.isoformat()
        yield make_fact(doc, K.DATE, m.start(), m.end(), value, None, **attrs)
