"""Helpers shared by the joins of temporal_compose.py and its compose_* modules: an index of
facts by start and end offset (_Index), the patterns the joins look for beside a fact
(_join_patterns, _more_patterns), English day and ordinal words, and small readers of facts
(the month, year, offset or duration a fact names, whether it is a stated calendar day).
"""

from __future__ import annotations

import datetime as dt
from functools import cache

import regex

from .. import facts as K
from ..document import Document
from ..facts import Fact
from ..resources import lexicon
from .base import make_fact
from .patterns import alternation
from .temporal_period import (
    _RE_MONTH,
    _RE_PARTS,
    _RE_YEAR,
)

_HAN_DIGIT = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


_RE_DUR_UNITS = regex.compile(r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?")


_RE_ISO_DAY = regex.compile(r"\d{4}-\d\d-\d\d")


_RE_BARE_WD = regex.compile(r"XXXX-WXX-[1-7]")


_DUR_UNITS = ("Y", "M", "W", "D")


@cache
def _en_day_words() -> dict[str, int]:
    """'first' ... 'thirty-first' (and 'twenty one' style cardinals) -> day of the month."""
    en = lexicon("numerals")["en"]
    out: dict[str, int] = {}
    units = {k: v for k, v in en["units"].items() if 1 <= v <= 19}
    ords = {k: v for k, v in en["ordinals"].items() if 1 <= v <= 31}
    out.update(units)
    out.update(ords)
    for tw, tv in en["tens"].items():
        if tv > 30:
            continue
        out[tw] = tv
        for table in (ords, units):
            for w, v in table.items():
                if v <= 9 and tv + v <= 31:
                    for sep in (" ", "-"):
                        out[f"{tw}{sep}{w}"] = tv + v
    return out


@cache
def _en_ordinal_days() -> dict[str, int]:
    """The ordinal words of _en_day_words: 'first', 'twenty-second' (not 'twenty two')."""
    ords = lexicon("numerals")["en"]["ordinals"]
    return {w: v for w, v in _en_day_words().items() if w.replace("-", " ").split()[-1] in ords}


@cache
def _join_patterns() -> dict[str, regex.Pattern]:
    cx = lexicon("compose")
    nth = cx["nth"]
    week = cx["week"]
    day_words = alternation(_en_day_words())
    cjk_num = r"\d|[一二三四五]"
    ko_nth = rf"(?P<ko>{alternation(nth['ko'])}|(?:첫|두|세|네|다섯)\s번째)|(?P<kon>\d)\s?번째"
    cjk_nth = (
        rf"(?P<cjk>{alternation([*nth['ja'], *nth['zh']])})"
        rf"|第\s?(?P<cjkn>{cjk_num})\s?(?:个|個)?の?"
    )
    gap_cjk = rf"\s?(?:{alternation(cx['month_gap_cjk'])})?\s?"
    links = cx["anchor_links"]
    return {
        # before a weekday: "the first ", "last "; 第1, 세번째, 첫째 주 (the week of the nth)
        "nth_en": regex.compile(
            rf"(?i:(?<![\p{{L}}\d])(?:the\s+)?(?P<en>{alternation(nth['en'])})\s+)$"
        ),
        "nth_cjk": regex.compile(rf"(?:{ko_nth}|{cjk_nth})\s?(?:주\s?)?$"),
        # after the weekday: " of July", " in the month"
        "of_en": regex.compile(r"(?i:\s+(?:of|in)\s+(?:the\s+)?)"),
        "this_month_en": regex.compile(
            rf"(?i:\s+(?:of|in)\s+(?:{alternation(cx['this_month_en'])})\b)"
        ),
        "gap_cjk": regex.compile(gap_cjk),
        # "of previous month": a month word the atoms do not read after "of"
        "rel_month_en": regex.compile(
            rf"(?i:(?P<rel>{alternation(lexicon('calendar')['period_rel']['en'])})\s+month\b)"
        ),
        # "the first week of" before a month or year; 第1週 / 첫째 주 after one
        # "the second last week of": counted back from the last
        "week_en": regex.compile(
            rf"(?i:(?<![\p{{L}}\d])(?:the\s+)?(?:(?P<back>{alternation(cx['nth_back_en'])})\s+)?"
            rf"(?P<en>{alternation(nth['en'])})\s+"
            rf"(?:{alternation(week['en'])})\s+(?P<of>(?:of|in)\s+)?(?:the\s+)?)$"
        ),
        "week_cjk": regex.compile(
            rf"{gap_cjk}(?:{ko_nth}|{cjk_nth})\s?"
            rf"(?:{alternation([*week['ko'], *week['ja'], *week['zh']])})(?![말년간기末年])"
        ),
        # a day before a relative month: "the 20th of next month", "20 of this month"
        "day_of_en": regex.compile(
            rf"(?i:(?<![\p{{L}}\d])(?P<the>the\s+)?(?:(?P<d>3[01]|[12]\d|0?[1-9])(?P<suf>st|nd|rd|th)?"
            rf"|(?P<w>{day_words}))(?P<day>\s+day)?(?P<of>\s+(?:of|in)(?:\s+the)?)?\s+)$"
        ),
        # "Thursday the twenty first"
        "wd_the_day_en": regex.compile(
            rf"(?i:,?\s+the\s+(?P<w>{day_words})(?![\p{{L}}\-])"
            # "Sunday, the first day of a visit": a noun after the ordinal is what it counts
            r"(?=\s*(?:[,.!?;:)]|$|(?:at|and|or|to|through|until|till|from|of|in)\b)))"
        ),
        # a month after a year: 明年四月, 내년 4월, 2018年十二月 (no day after it)
        "month_after_year": regex.compile(
            rf"{gap_cjk}(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s?(?P<mk>[월月])"
            r"(?!\s?(?:\d|[一二三四五六七八九十])+\s?[일日号號])(?![간間间]|份?[间間])"
        ),
        # "june next year", "March of next year"
        "of_year_en": regex.compile(r"(?i:\s+(?:of\s+)?)"),
        # an anchor day, a link, an amount: 어제로부터 4일 후, 明日から3週間, 昨日の2日前
        "anchor_link": regex.compile(
            rf"\s?(?P<link>{alternation([*links['ko'], *links['ja'], *links['zh']])})\s?"
        ),
        # an amount, a direction, the anchor: "two days from tomorrow"
        "anchor_dir_en": regex.compile(rf"(?i:\s+(?P<dir>{alternation(cx['anchor_dirs_en'])})\s+)"),
        "day_next_en": regex.compile(
            rf"(?i:(?<![\p{{L}}])(?P<w>{alternation(cx['day_next_en'])})\s+)$"
        ),
        "amount_link": regex.compile(rf"\s?(?:{alternation(cx['amount_links'])})?\s?"),
        "time_after_date_en": regex.compile(
            rf"(?i:\s*(?:(?:{alternation(cx['time_after_date_en'])})\s*)?)"
        ),
        "time_after_date_cjk": regex.compile(
            rf"\s?(?:{alternation(cx['time_after_date_cjk'])})?\s?"
        ),
        "date_after_time_en": regex.compile(r"(?i:\s+(?:on\s+)?)"),
    }


class _Index:
    """Facts by start and by end offset, for looking beside a fact in O(1)."""

    def __init__(self, facts: list[Fact], top: set[int]):
        self.top = top
        self.by_start: dict[int, list[Fact]] = {}
        self.by_end: dict[int, list[Fact]] = {}
        for f in facts:
            self.by_start.setdefault(f.start, []).append(f)
            self.by_end.setdefault(f.end, []).append(f)

    def starting(self, pos: int, test) -> Fact | None:
        return _longest(self.by_start.get(pos), test)

    def ending(self, pos: int, test) -> Fact | None:
        return _longest(self.by_end.get(pos), test)

    def before(self, text: str, pos: int, gap: regex.Pattern, test, reach: int) -> Fact | None:
        """The longest fact passing ``test`` that ends at most ``reach`` characters before
        pos, with only ``gap`` (a full match) between."""
        by_end = self.by_end
        for p in range(pos, max(-1, pos - reach - 1), -1):
            if p in by_end and gap.fullmatch(text, p, pos) and (f := self.ending(p, test)):
                return f
        return None

    def after(self, text: str, pos: int, gap: regex.Pattern, test, reach: int) -> Fact | None:
        """As ``before``, for a fact starting after pos."""
        by_start = self.by_start
        for p in range(pos, pos + reach + 1):
            if p in by_start and gap.fullmatch(text, pos, p) and (f := self.starting(p, test)):
                return f
        return None


def _longest(facts: list[Fact] | None, test) -> Fact | None:
    best = None
    for f in facts or ():
        if test(f) and (best is None or f.end - f.start > best.end - best.start):
            best = f
    return best


def _month_of(f: Fact) -> tuple[int | None, int, bool] | None:
    """(year or None, month, year stated) of a fact naming a whole month."""
    if f.kind != K.DATE or len(f.value) != 7 or not _RE_MONTH.fullmatch(f.value):
        return None
    y, m = f.value.split("-")
    if y == "XXXX":
        return None, int(m), False
    return int(y), int(m), not f.attrs.get("relative")


def _year_of(f: Fact) -> int | None:
    """The year a fact names as a whole (2015, 2015年, 내년), else None."""
    if f.kind == K.YEAR:
        return None if f.attrs.get("slot") else f.attrs.get("year")
    if f.kind == K.DATE and f.attrs.get("unit") == "year" and _RE_YEAR.fullmatch(f.value):
        return int(f.value)
    return None


def _offset_of(f: Fact) -> tuple[str, int] | None:
    """(unit, signed amount) of an offset date ("3 days ago", 2주 후, 2日前)."""
    if f.kind != K.DATE or not f.attrs.get("relative"):
        return None
    unit, off = f.attrs.get("unit"), f.attrs.get("offset")
    if unit in _DUR_UNITS and isinstance(off, int):
        return unit, off
    return None


def _duration_units(f: Fact) -> list[tuple[str, int]] | None:
    """[(unit, amount)] of a whole-number calendar duration (P1M21D), else None."""
    if f.kind != K.DURATION or f.attrs.get("approx"):
        return None
    m = _RE_DUR_UNITS.fullmatch(f.value)
    if not m or not any(m.groups()):
        return None
    return [(u, int(g)) for u, g in zip(_DUR_UNITS, m.groups(), strict=True) if g]


def _nth_value(word_en, ko, kon, cjk, cjkn) -> int | None:
    nth = lexicon("compose")["nth"]
    if word_en:
        return nth["en"].get(word_en.lower())
    if ko:
        return nth["ko"].get(ko.replace(" ", ""))
    if kon:
        return int(kon)
    if cjk:
        return nth["ja"].get(cjk, nth["zh"].get(cjk))
    if cjkn:
        return int(cjkn) if cjkn.isdigit() else _HAN_DIGIT.get(cjkn)
    return None


def _stretch(text: str, d: Fact) -> bool:
    """Whether an amount is a stretch of time (3주간, 3日間, "3주 동안"), not a point."""
    marks = _stretch_marks()
    return d.text.endswith(marks) or text[d.end : d.end + 4].lstrip().startswith(marks)


@cache
def _stretch_marks() -> tuple[str, ...]:
    return tuple(lexicon("compose")["stretch_marks"])


def _relative_day(doc: Document, start: int, end: int, lang: str, day: dt.date) -> Fact:
    return make_fact(
        doc, K.DATE, start, end, day.isoformat(), lang, relative=True, resolved=day.isoformat()
    )


_RE_WD_GAP = regex.compile(r"\s?[,，、の]?\s?")


def _parts(f: Fact) -> tuple[int | None, int | None, int | None]:
    p = _RE_PARTS.fullmatch(f.value)
    g = p.groups() if p else (None, None, None)
    return tuple(None if x in (None, "XXXX", "XX") else int(x) for x in g)  # type: ignore[return-value]


def _day_level(f: Fact) -> bool:
    """A stated calendar day without its own weekday (not "3 days ago", not "Friday 15")."""
    if f.kind != K.DATE or len(f.value) != 10 or f.attrs.get("weekday") or f.attrs.get("relative"):
        return False
    p = _RE_PARTS.fullmatch(f.value)
    return bool(p and p[3] and p[3] != "XX")


@cache
def _more_patterns() -> dict[str, regex.Pattern]:
    cx = lexicon("compose")
    return {
        "wd_week": regex.compile(
            rf"(?i:\s+(?:{alternation(cx['weekday_week_links_en'])})\s+(?:the\s+)?)"
        ),
        "week_s": regex.compile(r"(?i:['’]s\s+)"),
        # "the twenty second of June", "the last day of October"
        "ord_day_of_en": regex.compile(
            # "third in October" is a placing, so an ordinal takes "of" only
            rf"(?i:(?<![\p{{L}}\-])(?:the\s+)?(?:(?P<w>{alternation(_en_ordinal_days())})"
            rf"(?:\s+day)?\s+of|(?P<last>{alternation(cx['last_day_en'])})\s+(?:of|in))\s+)$"
        ),
        # 10月の2日, 10월의 2일: a month, a particle, a day
        "month_day_gap": regex.compile(r"\s?(?:の|의|的)\s?"),
        "after_next": regex.compile(rf"(?i:\s+(?:{alternation(cx['after_next_en'])})\b)"),
        "week_of_en": regex.compile(
            rf"(?i:(?<![\p{{L}}])(?:the\s+)?(?:{alternation(cx['week_of_en'])})\s+)$"
        ),
        "week_of_cjk": regex.compile(
            rf"\s?(?:{alternation(cx['week_of_cjk'])})(?!(?![에은는도])(?!\p{{Hiragana}})\p{{L}})"
        ),
        "day_range_en": regex.compile(
            rf"(?i:(?<![\p{{L}}\d])(?P<pre>from\s+|between\s+)?(?:the\s+)?(?P<d>3[01]|[12]\d|0?[1-9])"
            rf"(?P<suf>st|nd|rd|th)?\s*(?:{alternation(cx['day_range_links_en'])})\s*)$"
        ),
    }
