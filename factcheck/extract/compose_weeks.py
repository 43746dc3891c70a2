"""Weeks and weekdays composed from pieces side by side: the nth weekday of a month ("the first
Friday of July", 7月の第1金曜日), the nth week of a month or year ("the first week of October",
10월의 첫째 주), a weekday in the week an offset lands in (2주 후 월요일, "Monday two weeks from
now"), a weekday of a relative week ("Sunday from last week", "Friday after next") and "the
week of October 6th".
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator

import regex

from .. import facts as K
from ..document import Document
from ..facts import Fact
from ..resources import lexicon
from .base import make_fact
from .compose_common import (
    _RE_BARE_WD,
    _RE_ISO_DAY,
    _RE_WD_GAP,
    _day_level,
    _Index,
    _month_of,
    _more_patterns,
    _nth_value,
    _offset_of,
    _relative_day,
    _year_of,
)
from .temporal_period import (
    _RE_WEEK_NUM,
)


def _nth_weekday(y: int, m: int, wd: int, n: int) -> dt.date | None:
    """The nth (or, for -1, the last) ISO weekday wd of a month; None if there is none."""
    if n > 0:
        first = dt.date(y, m, 1)
        day = 1 + (wd - first.isoweekday()) % 7 + 7 * (n - 1)
    else:
        last = dt.date(y, m, calendar.monthrange(y, m)[1])
        day = last.day - (last.isoweekday() - wd) % 7
    return dt.date(y, m, day) if 1 <= day <= calendar.monthrange(y, m)[1] else None


def _full_weeks(first: dt.date, last: dt.date) -> list[dt.date]:
    """Mondays of the weeks lying wholly between first and last."""
    monday = first + dt.timedelta(days=(8 - first.isoweekday()) % 7)
    out = []
    while monday + dt.timedelta(days=6) <= last:
        out.append(monday)
        monday += dt.timedelta(weeks=1)
    return out


def _nearest_year(ref: dt.date | None, pick) -> dt.date | None:
    """pick(year) for the year around the reference date that lands nearest to it."""
    if ref is None:
        return None
    days = [d for d in (pick(ref.year + k) for k in (-1, 0, 1)) if d is not None]
    return min(days, key=lambda d: abs((d - ref).days), default=None)


def _weekday_date_fact(doc: Document, start: int, end: int, lang: str, day, value, **attrs):
    return make_fact(
        doc, K.DATE, start, end, value, lang, resolved=day and day.isoformat(), **attrs
    )


def _nth_weekdays(doc: Document, facts: list[Fact], idx: _Index, pats) -> Iterator[Fact]:
    """The nth weekday of a month: "the first Friday of July", 7月の第1金曜日, 다음 달 둘째주 월요일,
    七月的第一个星期五; "the last Sunday of March"; "the second Sunday" (of the publication month)."""
    text, ref = doc.text, doc.date
    for w in facts:
        wd = w.attrs.get("weekday")
        if w.kind != K.DATE or not wd or w.attrs.get("within"):
            continue
        bare = bool(_RE_BARE_WD.fullmatch(w.value))
        if w.lang == "en":
            if bare and (m := pats["nth_en"].search(text, max(0, w.start - 16), w.start)):
                n, start = _nth_value(m["en"], None, None, None, None), m.start()
            elif w.attrs.get("relative") and text[w.start : w.start + 5].lower() == "last ":
                n, start = -1, w.start
            else:
                continue
            month, end, relative = _month_after_en(doc, w, idx, pats)
        elif bare and (m := pats["nth_cjk"].search(text, max(0, w.start - 12), w.start)):
            n = _nth_value(None, m["ko"], m["kon"], m["cjk"], m["cjkn"])
            start, end = m.start(), w.end
            mf = _month_before_cjk(text, m.start(), idx, pats)
            month, relative = (
                (_month_of(mf), bool(mf.attrs.get("relative"))) if mf else (None, True)
            )
            if mf:
                start = mf.start
        else:
            continue
        if not n or month is _NO_MONTH or (month is None and (n < 0 or ref is None or not bare)):
            continue
        if (
            month is None
            and w.lang == "en"
            and (_RE_COUNTED_FROM.match(text, w.end) or not _RE_CLAUSE_GOES_ON.match(text, w.end))
        ):
            # "the third Tuesday after Christmas" is counted from another day; "the first
            # Monday meeting" names a meeting (a particle follows the CJK ones: 第三火曜日に)
            continue
        if month is None:
            # "the second Sunday", 두 번째 일요일, 第三火曜日: a day of the publication month
            day = _nth_weekday(ref.year, ref.month, wd, n)
            if day is not None:
                yield _weekday_date_fact(
                    doc, start, end, w.lang, day, day.isoformat(), relative=True
                )
            continue
        y, mo, stated = month
        if y is not None:
            day = _nth_weekday(y, mo, wd, n)
        else:
            day = _nearest_year(ref, lambda yy, mo=mo, wd=wd, n=n: _nth_weekday(yy, mo, wd, n))
        if n < 0:
            if day is None:
                continue
            n = (day.day - 1) // 7 + 1
        ys = f"{y:04d}" if stated else "XXXX"
        value = f"{ys}-{mo:02d}-WXX-{wd}-#{n}"
        yield _weekday_date_fact(doc, start, end, w.lang, day, value, relative=relative or None)


def _month_after_en(doc: Document, w: Fact, idx: _Index, pats):
    """The month named after an English weekday (" of July", " in the month"), its end, and
    whether it is relative; (None, weekday end, True) when none is."""
    text, ref = doc.text, doc.date
    if (m := pats["this_month_en"].match(text, w.end)) and ref is not None:
        return (ref.year, ref.month, False), m.end(), True
    if m := pats["of_en"].match(text, w.end):
        mf = idx.starting(m.end(), _month_of)
        if mf is not None:
            return _month_of(mf), mf.end, bool(mf.attrs.get("relative"))
        rel = pats["rel_month_en"].match(text, m.end())
        if rel and ref is not None:
            off = lexicon("calendar")["period_rel"]["en"][rel["rel"].lower()]
            y, mo = divmod(ref.year * 12 + ref.month - 1 + off, 12)
            return (y, mo + 1, False), rel.end(), True
        return _NO_MONTH, w.end, True  # "of" something else: not the publication month
    return None, w.end, True


_RE_CLAUSE_GOES_ON = regex.compile(
    r"(?i:\s*(?:[,.!?;:)]|$|(?:at|and|or|to|through|until|till|from|of|in|on|when|the)\b))"
)


_RE_COUNTED_FROM = regex.compile(r"(?i:\s+(?:after|before|since|following|from)\b)")


# A month named after a weekday that is not a month fact ("of the Holy Spirit").
_NO_MONTH = (-1, -1, False)


def _month_before_cjk(text: str, pos: int, idx: _Index, pats) -> Fact | None:
    """The month fact ending just before pos, across の / 의 / 的 and a space."""
    return idx.before(text, pos, pats["gap_cjk"], _month_of, 3)


def _nth_weeks(doc: Document, facts: list[Fact], idx: _Index, pats) -> Iterator[Fact]:
    """The nth week of a month or year: "the first week of October", 10월의 첫째 주, 今月の第三週,
    十月的第一周, "the last week of 2015", "the second last week of 2015", 2015年の第1週."""
    text, ref = doc.text, doc.date
    cx_back = lexicon("compose")["nth_back_en"]
    for f in facts:
        if f.kind not in (K.DATE, K.YEAR) or f.attrs.get("within"):
            continue
        month, year = _month_of(f), _year_of(f)
        if month is None and year is None:
            continue
        if f.lang == "en":
            m = pats["week_en"].search(text, max(0, f.start - 30), f.start)
            if not m or not (m["of"] or f.attrs.get("relative")):
                continue  # "the third week next year"; not "the first week 2015"
            n, start, end = _nth_value(m["en"], None, None, None, None), m.start(), f.end
            if m["back"]:
                if n != -1:
                    continue  # "second first week"
                n = -cx_back[m["back"].lower()]
        else:
            m = pats["week_cjk"].match(text, f.end)
            if not m:
                continue
            n = _nth_value(None, m["ko"], m["kon"], m["cjk"], m["cjkn"])
            start, end = f.start, m.end()
        if not n:
            continue
        relative = f.attrs.get("relative") or None
        if month is not None:
            y, mo, _ = month
            yy = y if y is not None else (ref.year if ref else None)
            if yy is None:
                continue
            first = dt.date(yy, mo, 1)
            last = dt.date(yy, mo, calendar.monthrange(yy, mo)[1])
            rows = (last.day + first.isoweekday() - 1 + 6) // 7  # Monday-weeks touching it
            label = rows + n + 1 if n < 0 else n
            value = (
                f"{y:04d}-{mo:02d}-W{label:02d}" if y is not None else f"XXXX-{mo:02d}-W{label:02d}"
            )
        else:
            yy = year
            first, last = dt.date(yy, 1, 1), dt.date(yy, 12, 31)
            label = dt.date(yy, 12, 28).isocalendar()[1] + n + 1 if n < 0 else n
            value = f"{yy:04d}-W{label:02d}"
        weeks = _full_weeks(first, last)
        monday = (weeks[n - 1] if n > 0 else weeks[n]) if len(weeks) >= abs(n) else None
        yield make_fact(
            doc,
            K.DATE,
            start,
            end,
            value,
            f.lang,
            resolved=monday.isoformat() if monday else None,
            relative=relative,
        )


def _week_offset_weekdays(doc: Document, facts: list[Fact], idx: _Index) -> Iterator[Fact]:
    """2주 후 월요일, 2週後の月曜日, "Monday two weeks from now", "in 3 days on Friday",
    "Thursday, two years from now": a weekday in the (Monday to Sunday) week an offset lands in."""
    text = doc.text

    def bare(g: Fact) -> bool:
        return id(g) in idx.top and bool(_RE_BARE_WD.fullmatch(g.value))

    for o in facts:
        off = _offset_of(o)
        if off is None or not _RE_ISO_DAY.fullmatch(o.value) or id(o) not in idx.top:
            continue
        if o.lang != "en":
            w = idx.after(text, o.end, _RE_WD_GAP, bare, 2) if off[0] == "W" else None
            start, end = o.start, w.end if w else 0
        else:
            if o.text.lower().endswith(("before", "after")):
                continue  # "Monday 3 days after the vote" is counted from the vote
            w = idx.after(text, o.end, _RE_ON_WD_EN, bare, 4)
            start, end = o.start, w.end if w else 0
            if w is None and (w := idx.before(text, o.start, _RE_WD_OFFSET_GAP_EN, bare, 2)):
                start, end = w.start, o.end
        if w is not None:
            landed = dt.date.fromisoformat(o.value)
            day = landed + dt.timedelta(days=w.attrs["weekday"] - landed.isoweekday())
            yield _relative_day(doc, start, end, o.lang, day)


_RE_ON_WD_EN = regex.compile(r"(?i:\s+on\s+)")


_RE_WD_OFFSET_GAP_EN = regex.compile(r",?\s")


def _weeks_and_weekdays(doc: Document, facts: list[Fact], idx: _Index) -> Iterator[Fact]:
    """ "Sunday from last week", "last week's Sunday", "Friday after next"."""
    text, ref = doc.text, doc.date
    pats = _more_patterns()
    for w in facts:
        if w.kind != K.DATE or w.lang != "en" or id(w) not in idx.top:
            continue
        if not _RE_BARE_WD.fullmatch(w.value):
            continue
        n = w.attrs["weekday"]
        if m := pats["wd_week"].match(text, w.end):
            wk = idx.starting(m.end(), _relative_week)
            if wk is not None:
                yield _weekday_in_week(doc, w.start, wk.end, wk, n, w)
                continue
        if ref is not None and (m := pats["after_next"].match(text, w.end)):
            coming = ref + dt.timedelta(days=(n - ref.isoweekday()) % 7 or 7)
            day = coming + dt.timedelta(weeks=1)
            yield _relative_day(doc, w.start, m.end(), "en", day)
            continue
        for k in range(2, 4):
            if pats["week_s"].fullmatch(text, w.start - k, w.start):
                wk = idx.ending(w.start - k, _relative_week)
                if wk is not None:
                    yield _weekday_in_week(doc, wk.start, w.end, wk, n, w)
                break


def _relative_week(f: Fact) -> bool:
    return (
        f.kind == K.DATE and f.attrs.get("unit") == "week" and bool(_RE_WEEK_NUM.fullmatch(f.value))
    )


def _weekday_in_week(doc: Document, start: int, end: int, wk: Fact, n: int, w: Fact) -> Fact:
    y, num = _RE_WEEK_NUM.fullmatch(wk.value).groups()  # type: ignore[union-attr]
    day = dt.date.fromisocalendar(int(y), int(num), n)
    return make_fact(
        doc,
        K.DATE,
        start,
        end,
        day.isoformat(),
        "en",
        relative=True,
        resolved=day.isoformat(),
        weekday=n,
        weekday_span=w.attrs.get("weekday_span"),
    )


def _weeks_of(doc: Document, facts: list[Fact], idx: _Index) -> Iterator[Fact]:
    """ "the week of October 6th", "the week starting Feb 4", 9월 16일의 주, 9月16日の週."""
    text = doc.text
    pats = _more_patterns()
    for f in facts:
        if not _day_level(f) or id(f) not in idx.top:
            continue
        attrs = {k: v for k, v in f.attrs.items() if k != "within"}
        attrs["week_of"] = True
        if f.lang == "en":
            if m := pats["week_of_en"].search(text, max(0, f.start - 24), f.start):
                yield make_fact(doc, K.DATE, m.start(), f.end, f.value, "en", **attrs)
        elif m := pats["week_of_cjk"].match(text, f.end):
            yield make_fact(doc, K.DATE, f.start, m.end(), f.value, f.lang, **attrs)
