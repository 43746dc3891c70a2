"""Days counted from a holiday: offsets after or before it (추석 3일 전, クリスマスの3日前,
圣诞节前一天), the weekend nearest it ("Labor Day weekend"), the nth weekday after or before it
("the third Tuesday after Christmas") and a holiday moved by months or years ("Christmas two
years ago").
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
from .compose_common import (
    _RE_BARE_WD,
    _RE_ISO_DAY,
    _duration_units,
    _Index,
    _join_patterns,
    _nth_value,
    _offset_of,
    _relative_day,
    _stretch,
)
from .patterns import alternation
from .temporal_holiday import occurrence_in
from .temporal_period import (
    _shift,
)


def _holiday_day(f: Fact) -> dt.date | None:
    """The day a holiday names (its resolution), else None. A written-out date is not taken
    as an anchor: the composed fact would hide it from the rules that check stated dates."""
    if f.kind != K.DATE or not f.attrs.get("holiday") or "W" in f.value:
        return None
    r = f.attrs.get("resolved")
    if not isinstance(r, str) or not _RE_ISO_DAY.fullmatch(r):
        return None
    return dt.date.fromisoformat(r)


@cache
def _holiday_offset_patterns() -> dict[str, regex.Pattern]:
    cx = lexicon("compose")["holiday_offsets"]
    return {
        # between a holiday and an offset after it: 추석 3일 전, クリスマスの3日前, 圣诞节的三天前
        "gap": regex.compile(rf"\s?(?:{alternation(cx['gap'])})?\s?"),
        # 추석 사흘 전, 크리스마스 일주일 뒤: an amount, then a direction word (not 전국, 뒤편)
        "dir_ko": regex.compile(
            rf"\s?(?P<dir>{alternation(cx['dir_ko'])})(?!\p{{Hangul}}(?<![{cx['ko_particles']}]))"
        ),
        # 圣诞节前一天, 春节后一周: a direction word, then the amount
        "dir_zh": regex.compile(rf"(?:的)?(?P<dir>{alternation(cx['dir_zh'])})"),
    }


def _holiday_offsets(doc: Document, facts: list[Fact], idx: _Index) -> Iterator[Fact]:
    """Days counted from a holiday in Korean, Chinese and Japanese (추석 사흘 전, 추석 3일 전,
    クリスマスの3日前, 圣诞节前一天), and in English a holiday moved by an offset of months or
    years ("Thanksgiving in 9 months", "Christmas two years ago": the holiday of the year the
    offset lands in)."""
    text, ref = doc.text, doc.date
    if ref is None:
        return
    pats = _holiday_offset_patterns()
    dirs = lexicon("compose")["holiday_offsets"]
    for h in facts:
        if id(h) not in idx.top or (day := _holiday_day(h)) is None:
            continue
        if h.lang == "en":
            yield from _holiday_moved_en(doc, h, idx)
            yield from _holiday_weekend_en(doc, h, day)
            yield from _nth_weekday_from_holiday_en(doc, h, day, idx)
            continue
        gap = pats["gap"].match(text, h.end)
        # an offset date right after: 3일 전, 3日前, 三天前
        if gap and (o := idx.starting(gap.end(), _offset_of)) and o.lang != "en":
            unit, off = _offset_of(o)  # type: ignore[misc]
            yield _relative_day(doc, h.start, o.end, h.lang, _shift(day, unit, off))
            continue
        # 추석 사흘 전: an amount, then 전 / 후
        if gap and (d := idx.starting(gap.end(), _duration_units)):
            if m := pats["dir_ko"].match(text, d.end):
                sign = dirs["dir_ko"][m["dir"]]
                yield _relative_day(doc, h.start, m.end(), h.lang, _shift_units(day, d, sign))
            continue
        # 圣诞节前一天: 前 / 后, then the amount. 国庆节前三天 also reads "the first three days of
        # the holiday", so only one day or an amount of weeks or more is taken.
        if (m := pats["dir_zh"].match(text, h.end)) and (
            d := idx.starting(m.end(), _duration_units)
        ):
            units = _duration_units(d) or []
            if units and (units == [("D", 1)] or all(u != "D" for u, _ in units)):
                if not _stretch(text, d):
                    sign = dirs["dir_zh"][m["dir"]]
                    yield _relative_day(doc, h.start, d.end, h.lang, _shift_units(day, d, sign))


def _shift_units(day: dt.date, d: Fact, sign: int) -> dt.date:
    for unit, n in _duration_units(d) or ():
        day = _shift(day, unit, sign * n)
    return day


_YEAR4 = r"(?:1[89]\d\d|20\d\d|21\d\d)"


_RE_WEEKEND_AFTER = regex.compile(rf"(?i:\s+weekend\b(?:\s+(?P<y>{_YEAR4}\b))?)")


_RE_WEEKEND_OF = regex.compile(r"(?i:(?<![\p{L}])(?:the\s+)?weekend\s+of\s+)$")


def _holiday_weekend_en(doc: Document, h: Fact, day: dt.date) -> Iterator[Fact]:
    """ "Labor Day weekend", "the weekend of Halloween", "Thanksgiving weekend 2023": the
    weekend nearest the holiday (the one before a Monday or Tuesday, else the one after)."""
    text = doc.text
    start, end = h.start, h.end
    if m := _RE_WEEKEND_AFTER.match(text, h.end):
        end = m.end()
        if m["y"] and h.attrs.get("year") is None:
            found = occurrence_in(h.attrs["holiday"], int(m["y"]))
            if found is None:
                return
            day = found
    elif m := _RE_WEEKEND_OF.search(text, max(0, h.start - 20), h.start):
        start = m.start()
    else:
        return
    wd = day.isoweekday()
    sat = day - dt.timedelta(days=wd + 1) if wd <= 2 else day + dt.timedelta(days=6 - wd)
    iso = sat.isocalendar()
    yield make_fact(
        doc,
        K.DATERANGE,
        start,
        end,
        f"{iso[0]:04d}-W{iso[1]:02d}-WE",
        "en",
        resolved=[sat.isoformat(), (sat + dt.timedelta(days=1)).isoformat()],
        holiday=h.attrs["holiday"],
    )


_RE_FROM_HOLIDAY_EN = regex.compile(r"(?i:\s+(?P<dir>after|before|following)\s+)$")


def _nth_weekday_from_holiday_en(doc: Document, h: Fact, day: dt.date, idx: _Index):
    """ "the third Tuesday after Christmas 2014", "the first Sunday before Easter": weeks
    counted from the holiday (the nth weekday of a month is _nth_weekdays')."""
    text = doc.text
    m = _RE_FROM_HOLIDAY_EN.search(text, max(0, h.start - 12), h.start)
    w = m and idx.ending(m.start(), lambda g: bool(_RE_BARE_WD.fullmatch(g.value)))
    if not w or not (nm := _join_patterns()["nth_en"].search(text, max(0, w.start - 16), w.start)):
        return
    n = _nth_value(nm["en"], None, None, None, None)
    if not n or n < 0:
        return
    wd = w.attrs["weekday"]
    if m["dir"].lower() == "before":
        first = day - dt.timedelta(days=(day.isoweekday() - wd) % 7 or 7)
        found = first - dt.timedelta(weeks=n - 1)
    else:
        first = day + dt.timedelta(days=(wd - day.isoweekday()) % 7 or 7)
        found = first + dt.timedelta(weeks=n - 1)
    yield _relative_day(doc, nm.start(), h.end, "en", found)


def _holiday_moved_en(doc: Document, h: Fact, idx: _Index) -> Iterator[Fact]:
    """ "Thanksgiving in 9 months", "Christmas 2 years ago": the holiday in the year the offset
    lands in. Only months and years: "Christmas 3 days ago" names no holiday."""
    if doc.text[h.end : h.end + 1] != " " or h.attrs.get("year") is not None:
        return
    o = idx.starting(h.end + 1, _offset_of)
    if o is None or _offset_of(o)[0] not in ("M", "Y"):  # type: ignore[index]
        return
    landed = _RE_ISO_DAY.fullmatch(o.value) and dt.date.fromisoformat(o.value)
    day = landed and occurrence_in(h.attrs["holiday"], landed.year)
    if day:
        yield _relative_day(doc, h.start, o.end, "en", day)
