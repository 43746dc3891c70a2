"""Dates built from pieces found side by side.

- a year beside a month or day ("june of 1992", "2016 june", 今年の9月, 내년 6월);
- a relative month and its day (今月の4日, 이 달 4일), "last September", 지난 9월;
- a relative week and a weekday ("next week Sunday");
- parts of periods ("the end of 2000", "early 2020", 10월 초, 今月下旬);
- a compound duration and a direction ("1 month 21 days ago").

The joins at fact boundaries that _join_facts runs live beside it: compose_weeks.py (nth
weekdays and weeks), compose_holiday.py (days counted from a holiday), compose_offsets.py (days
counted from another anchor), compose_days.py (a day with its weekday, month or clock time),
with their shared helpers in compose_common.py.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from functools import cache

import regex

from .. import facts as K
from ..document import Document
from ..facts import Fact
from ..resources import lexicon
from .base import first_fit, make_fact
from .compose_common import (
    _HAN_DIGIT,
    _RE_BARE_WD,
    _RE_ISO_DAY,
    _RE_WD_GAP,
    _day_level,
    _en_day_words,
    _Index,
    _join_patterns,
    _month_of,
    _more_patterns,
    _year_of,
)
from .compose_days import (
    _dated_times,
    _day_ranges_of_month,
    _days_of_months,
    _korean_word_days,
    _relative_weekday_days,
    _weekday_days,
)
from .compose_holiday import _holiday_offsets
from .compose_offsets import _anchored_offsets, _from_now_offsets
from .compose_weeks import (
    _nth_weekdays,
    _nth_weeks,
    _week_offset_weekdays,
    _weeks_and_weekdays,
    _weeks_of,
)
from .patterns import alternation
from .temporal_period import (
    _RE_MONTH,
    _RE_PARTS,
    _RE_SPACES,
    _RE_WEEK,
    _RE_WEEK_GAP,
    _RE_WEEK_NUM,
    _RE_YEAR,
    _shift,
)

_MAX_JOIN_GAP = 8


@cache
def _compose_patterns() -> dict[str, regex.Pattern]:
    cal = lexicon("calendar")
    mod = cal["period_mod"]
    prel = cal["period_rel"]
    return {
        # between a year and the month or day after it: 今年の9月, 내년 6월, "2016 june"
        "year_gap": regex.compile(r"\s?(?:の|的)?\s?"),
        "en_before": regex.compile(
            rf"(?i:(?<![\p{{L}}])(?P<mod>{alternation(mod['en_before'])})(?:\s+|\s*-\s*))$"
        ),
        "cjk_after": regex.compile(
            rf"\s?(?:(?P<ko>{alternation(mod['ko_after'])})(?:(?=[에의은는도부까경쯤인께])|(?!\p{{Hangul}}))"
            rf"|(?P<zh>{alternation([*mod['zh_after'], *mod['ja_after']])}))"
        ),
        "day_year_en": regex.compile(r"(?i:\s+(?:in|of)\s+)"),
        "day_year_ko": regex.compile(r",\s?"),
        "month_rel_before": regex.compile(
            rf"(?:(?i:\b(?P<en>{alternation(prel['en'])})\s+)|(?P<ko>{alternation(prel['ko'])})\s?)$"
        ),
    }


# A year after a Korean date, ending there (not 1978명, 2018년 which is a year fact itself).
_RE_KO_BARE_YEAR = regex.compile(
    r",?\s(?P<y>1[6-9]\d\d|20\d\d)(?=$|[,.;:!?)\]\s]|에|의|까지|부터)(?!\s\d)"
)


def _grain(f: Fact) -> str | None:
    """'year', 'month' or 'week' for a fact naming such a period, else None."""
    if f.kind not in (K.DATE, K.YEAR) or f.attrs.get("slot"):
        return None
    v = f.value
    if _RE_YEAR.fullmatch(v):
        return "year"
    if _RE_MONTH.fullmatch(v):
        return "month"
    if _RE_WEEK.fullmatch(v):
        return "week"
    return None


def _date_parts(f: Fact) -> tuple[int | None, int | None, int | None] | None:
    if f.kind == K.YEAR:
        return None if f.attrs.get("slot") else (f.attrs.get("year"), None, None)
    if f.kind != K.DATE:
        return None
    m = _RE_PARTS.fullmatch(f.value)
    if not m:
        return None
    return tuple(int(g) if g and g.isdigit() else None for g in m.groups())  # type: ignore[return-value]


def _relative_year_before(doc: Document, fy: Fact, pos: int) -> int | None:
    """Years from the publication year that a relative year (去年, 내년) just before pos moves."""
    if not fy.attrs.get("relative") or doc.date is None:
        return None
    y = _year_of(fy)
    gap = doc.text[fy.end : pos]
    if y is None or len(gap) > 2 or _compose_patterns()["year_gap"].fullmatch(gap) is None:
        return None
    return y - doc.date.year


def compose(doc: Document, facts: list[Fact], date_fn) -> Iterator[Fact]:
    """Facts built from found pieces: a year and the month or day beside it, a relative month
    and its day, a month after "last"/"this", and parts of periods ("the end of 2000").

    ``date_fn(start, end, lang, y, m, d, month_rel=None)`` builds a date fact (temporal.py's).
    """
    pats = _compose_patterns()
    text = doc.text
    cal = lexicon("calendar")
    mods = cal["period_mod"]
    mod_en = {k.lower(): v for k, v in mods["en_before"].items()}
    mod_cjk = {**mods["ko_after"], **mods["zh_after"], **mods["ja_after"]}
    prel = cal["period_rel"]
    cands = sorted(
        (f for f in facts if f.kind in (K.DATE, K.YEAR, K.DATERANGE)),
        key=lambda f: (f.start - f.end, f.start),
    )
    anchors = first_fit(cands)
    rel_month_starts = {
        f.start for f in cands if f.attrs.get("relative") and f.attrs.get("unit") == "month"
    }
    anchors.sort(key=lambda f: f.start)
    built: list[Fact] = []
    parts = [_date_parts(f) for f in anchors]
    for i, (fa, fb) in enumerate(itertools.pairwise(anchors)):
        if fb.start - fa.end > _MAX_JOIN_GAP:
            continue  # every join below takes a few characters at most between its pieces
        pa, pb = parts[i], parts[i + 1]
        gap = text[fa.end : fb.start]
        if pa is None or pb is None:
            pa = pb = (-1, -1, -1)  # only the week-and-weekday join below applies
        # a year, then a month (and day) without one
        if pa[0] not in (None, -1) and pa[1] is None and pb[0] is None and pb[1] is not None:
            if pats["year_gap"].fullmatch(gap) and (fa.lang != "en" or gap.strip() == ""):
                if fa.lang == "en" and not gap:
                    continue
                built.append(date_fn(fa.start, fb.end, fb.lang, pa[0], pb[1], pb[2]))
        # a month and day, then its year: "28 June in 2020", "June 28 of 2020", 1월 12일, 2016년
        elif (
            pa[0] is None
            and pa[1] not in (None, -1)
            and pa[2] is not None
            and pb[0] not in (None, -1)
            and pb[1] is None
            and not fa.attrs.get("weekday")
            and not fa.attrs.get("relative")
            and (pats["day_year_en" if fa.lang == "en" else "day_year_ko"].fullmatch(gap))
            and (fa.lang == "en" or (fa.lang == "ko" and fb.text.endswith("년")))
        ):
            built.append(date_fn(fa.start, fb.end, fa.lang, pb[0], pa[1], pa[2]))
        # a relative month, then a day: 今月の4日, 이 달 4일, 本月十日
        elif (
            fa.attrs.get("relative")
            and fa.attrs.get("unit") == "month"
            and pa[1] is not None
            and pb == (None, None, pb[2])
            and pb[2] is not None
            and pats["year_gap"].fullmatch(gap)
        ):
            start, year = fa.start, pa[0]
            # 去年の今月の十日: this month's day in the year a relative year names
            if i > 0 and (y := _relative_year_before(doc, anchors[i - 1], fa.start)) is not None:
                start, year = anchors[i - 1].start, pa[0] + y  # type: ignore[operator]
            built.append(date_fn(start, fb.end, fb.lang, year, pa[1], pb[2]))
        # 去年本月十日 (本月十日 read whole): the same, the day already dated this year
        elif (
            pa[0] is not None
            and pb[2] is not None
            and fb.start in rel_month_starts
            and (y := _relative_year_before(doc, fa, fb.start)) is not None
        ):
            built.append(date_fn(fa.start, fb.end, fb.lang, pb[0] + y, pb[1], pb[2]))
        # 내일 모레: "tomorrow (or) the day after", said as one word for the later day
        elif lexicon("compose")["day_pairs"].get(fa.text) == fb.text and gap in ("", " "):
            attrs = {k: v for k, v in fb.attrs.items() if k != "within"}
            built.append(make_fact(doc, K.DATE, fa.start, fb.end, fb.value, fb.lang, **attrs))
        # a relative week, then a weekday: "next week Sunday", "this week on Friday"
        elif (
            fa.attrs.get("unit") == "week"
            and (wk := _RE_WEEK_NUM.fullmatch(fa.value))
            and fb.attrs.get("weekday")
            and fb.value.startswith("XXXX-WXX-")
            and _RE_WEEK_GAP.fullmatch(gap)
        ):
            day = dt.date.fromisocalendar(int(wk[1]), int(wk[2]), fb.attrs["weekday"])
            built.append(
                make_fact(
                    doc,
                    K.DATE,
                    fa.start,
                    fb.end,
                    day.isoformat(),
                    fb.lang,
                    relative=True,
                    resolved=day.isoformat(),
                    weekday=fb.attrs["weekday"],
                    weekday_span=fb.attrs.get("weekday_span"),
                )
            )
    for j, (f, p) in enumerate(zip(anchors, parts, strict=True)):
        # 9월 21일 1978, 월요일, 1월 22일, 2018: a Korean month and day, then a bare year
        if p is not None and f.lang == "ko" and p[0] is None and p[1] and p[2]:
            if m := _RE_KO_BARE_YEAR.match(text, f.end):
                w = anchors[j - 1] if j > 0 else None
                if w is None or not (
                    _RE_BARE_WD.fullmatch(w.value) and _RE_WD_GAP.fullmatch(text, w.end, f.start)
                ):
                    w = f if f.attrs.get("weekday") else None
                start = f.start if w is None or w is f else w.start
                day = date_fn(start, m.end(), "ko", int(m["y"]), p[1], p[2])
                if w is not None:
                    day.attrs["weekday"] = w.attrs["weekday"]
                    day.attrs["weekday_span"] = w.attrs.get("weekday_span") or [w.start, w.end]
                built.append(day)
        # "last September", 지난 9월: the month in the year before, this or next
        if p is not None and p[0] is None and p[1] is not None and p[2] is None:
            if m := pats["month_rel_before"].search(text[max(0, f.start - 12) : f.start]):
                word = m["en"] or m["ko"]
                off = prel["en"].get(word.lower()) if m["en"] else prel["ko"].get(word)
                if off is not None and doc.date is not None:
                    start = f.start - (len(text[max(0, f.start - 12) : f.start]) - m.start())
                    built.append(date_fn(start, f.end, f.lang, doc.date.year + off, p[1], None))
    yield from _offset_dates(doc, facts)
    yield from _join_facts(doc, facts, date_fn, {id(f) for f in anchors})
    for f in [*anchors, *built]:
        grain = _grain(f)
        if grain is None:
            continue
        head = text[max(0, f.start - 20) : f.start]
        start, end, mod = f.start, f.end, None
        if (m := pats["en_before"].search(head)) and f.lang == "en":
            word = _RE_SPACES.sub(" ", m["mod"].lower())
            mod = mod_en.get(word)
            start = f.start - (len(head) - m.start())
            if word.startswith("the "):
                start += 4  # the gold and our spans leave "the" out of "the end of 2000"
        elif m := pats["cjk_after"].match(text, f.end):
            word = m["ko"] or m["zh"]
            mod = mod_cjk.get(word)
            end = m.end()
        if mod is None:
            continue
        kind = K.DATE if f.kind == K.YEAR else f.kind
        attrs = {k: v for k, v in f.attrs.items() if k not in ("within",)}
        attrs["mod"] = mod
        yield make_fact(doc, kind, start, end, f.value, f.lang, **attrs)
    yield from built


_RE_ISO_DUR = regex.compile(r"P(?:(?P<Y>\d+)Y)?(?:(?P<M>\d+)M)?(?:(?P<W>\d+)W)?(?:(?P<D>\d+)D)?")


@cache
def _offset_after() -> regex.Pattern:
    od = lexicon("calendar")["offset_dirs"]
    return regex.compile(rf"(?i:\s+(?P<dir>{alternation(od['en'])})\b)")


def _offset_dates(doc: Document, facts: list[Fact]) -> Iterator[Fact]:
    """A compound duration and a direction: "1 month 21 days ago", "2 years 21 days later"
    (a single unit, "3 days ago", is read by temporal_rel)."""
    if doc.date is None:
        return
    dirs = {k.lower(): v for k, v in lexicon("calendar")["offset_dirs"]["en"].items()}
    pat = _offset_after()
    for f in facts:
        if f.kind != K.DURATION or f.lang != "en" or f.attrs.get("approx"):
            continue
        dm = _RE_ISO_DUR.fullmatch(f.value)
        if not dm or sum(1 for g in dm.groups() if g) < 2:
            continue
        m = pat.match(doc.text, f.end)
        if not m or m["dir"].lower() == "before":
            continue
        sign = dirs.get(_RE_SPACES.sub(" ", m["dir"].lower()))
        if sign is None:
            continue
        day = doc.date
        for unit in ("Y", "M", "W", "D"):
            if dm[unit]:
                day = _shift(day, unit, sign * int(dm[unit]))
        yield make_fact(
            doc,
            K.DATE,
            f.start,
            m.end(),
            day.isoformat(),
            "en",
            relative=True,
            resolved=day.isoformat(),
        )


# ---------------------------------------------------------------------------------------------
# Joins at fact boundaries: an nth weekday or week of a month, a day of a relative month, a
# month after a relative year, offsets counted from an anchor day, and a day with a clock time.
# Each looks only at the few characters beside a fact, so the cost grows with the facts found,
# not with the text.


def _join_facts(doc: Document, facts: list[Fact], date_fn, top: set[int]) -> Iterator[Fact]:
    """``top``: ids of the date facts inside no larger one ("Fri" of "Fri, Sep 20" is not)."""
    text = doc.text
    idx = _Index(facts, top)
    pats = _join_patterns()
    more = _more_patterns()
    # Each join looks at one sort of fact; sorting them once keeps the passes short.
    dates = [f for f in facts if f.kind == K.DATE]
    weekdays = [f for f in dates if "weekday" in f.attrs]
    bare_wd = [f for f in weekdays if id(f) in top and _RE_BARE_WD.fullmatch(f.value)]
    periods = [f for f in dates if len(f.value) == 7 or f.attrs.get("unit") == "year"]
    periods += [f for f in facts if f.kind == K.YEAR]
    relative = [f for f in dates if f.attrs.get("relative") or f.attrs.get("holiday")]
    days = [f for f in dates if id(f) in top and _day_level(f)]
    yield from _nth_weekdays(doc, weekdays, idx, pats)
    yield from _nth_weeks(doc, periods, idx, pats)
    for f in periods:
        # "the 20th of next month"
        if f.lang == "en" and f.attrs.get("unit") == "month" and f.attrs.get("relative"):
            mo = _month_of(f)
            m = pats["day_of_en"].search(text, max(0, f.start - 40), f.start)
            # bare digits need "of" or "day": "23 in next month" may count something else
            marked = m and (m["suf"] or m["w"] or m["day"] or "of" in (m["of"] or "").lower())
            ranged = m and more["day_range_en"].search(text, max(0, m.start() - 24), m.start())
            if mo and (marked or ranged):
                d = int(m["d"]) if m["d"] else _en_day_words()[_RE_SPACES.sub(" ", m["w"].lower())]
                day = date_fn(m.start(), f.end, "en", mo[0], mo[1], d)
                if marked:
                    yield day
                if ranged:
                    yield from _day_ranges_of_month(doc, [day])
        # 明年四月, 내년 4월, 2018年十二月
        y = _year_of(f)
        if y is not None and (f.attrs.get("relative") or text[f.end - 1 : f.end] in "年년"):
            if f.lang != "en" and (m := pats["month_after_year"].match(text, f.end)):
                mv = int(m["m"]) if m["m"].isdigit() else _han_month(m["m"])
                lang = "ko" if m["mk"] == "월" else f.lang
                yield date_fn(f.start, m.end(), lang, y, mv, None)
        # "june next year"
        if f.lang == "en" and (mo := _month_of(f)) and mo[0] is None:
            if m := pats["of_year_en"].match(text, f.end):
                yr = idx.starting(m.end(), lambda g: g.attrs.get("relative") and _year_of(g))
                if yr is not None:
                    yield date_fn(f.start, yr.end, "en", _year_of(yr), mo[1], None)
    yield from _anchored_offsets(doc, relative, idx, pats)
    yield from _holiday_offsets(doc, relative, idx)
    yield from _from_now_offsets(doc, relative, idx)
    if "일" in text:
        yield from _korean_word_days(doc, periods, bare_wd, date_fn)
    yield from _weekday_days(doc, bare_wd, idx, pats)
    yield from _relative_weekday_days(doc, weekdays, idx)
    yield from _dated_times(doc, [f for f in facts if f.kind == K.TIME], idx, pats)
    weeks = [f for f in dates if "-W" in f.value and not f.value.startswith("X")]
    yield from _repeated_prefixes(doc, [*relative, *weeks], idx)
    yield from _week_offset_weekdays(doc, relative, idx)
    yield from _weeks_and_weekdays(doc, bare_wd, idx)
    yield from _weeks_of(doc, days, idx)
    yield from _days_of_months(doc, periods, idx, date_fn)
    stated = [f for f in days if f.lang == "en" and f.attrs.get("month")]
    yield from _day_ranges_of_month(doc, stated, stated=True)


def _han_month(s: str) -> int:
    if s.startswith("十"):
        return 10 + (_HAN_DIGIT.get(s[1:], 0) if len(s) > 1 else 0)
    return _HAN_DIGIT[s]


_RE_WEEK_VALUE = regex.compile(r"(\d{4})-W(\d\d)(-WE)?")


def _repeated_prefixes(doc: Document, facts: list[Fact], idx: _Index) -> Iterator[Fact]:
    """下下周, 上上個週三, 다다음 달: a relative week, weekday or month one step further."""
    text = doc.text
    table = _repeat_prefix()
    for f in facts:
        if f.kind != K.DATE or f.start == 0 or id(f) not in idx.top:
            continue
        c = text[f.start - 1]
        sign = table.get(c)
        if sign is None or not f.text.startswith(c):
            continue
        attrs = {k: v for k, v in f.attrs.items() if k != "within"}
        if (wk := _RE_WEEK_VALUE.fullmatch(f.value)) and (f.attrs.get("unit") == "week" or wk[3]):
            monday = dt.date.fromisocalendar(int(wk[1]), int(wk[2]), 1) + dt.timedelta(weeks=sign)
            iso = monday.isocalendar()
            value = f"{iso[0]:04d}-W{iso[1]:02d}{wk[3] or ''}"
            if wk[3]:
                sat = monday + dt.timedelta(days=5)
                attrs["resolved"] = [sat.isoformat(), (sat + dt.timedelta(days=1)).isoformat()]
        elif f.attrs.get("weekday") and f.attrs.get("relative") and _RE_ISO_DAY.fullmatch(f.value):
            day = dt.date.fromisoformat(f.value) + dt.timedelta(weeks=sign)
            value = attrs["resolved"] = day.isoformat()
        elif (
            f.attrs.get("unit") == "month"
            and f.attrs.get("relative")
            and _RE_MONTH.fullmatch(f.value)
        ):
            y, m = divmod(int(f.value[:4]) * 12 + int(f.value[5:7]) - 1 + sign, 12)
            value = f"{y:04d}-{m + 1:02d}"
        else:
            continue
        if isinstance(attrs.get("offset"), int):
            attrs["offset"] += sign
        yield make_fact(doc, f.kind, f.start - 1, f.end, value, f.lang, **attrs)


@cache
def _repeat_prefix() -> dict[str, int]:
    return dict(lexicon("compose")["repeat_prefix"])
