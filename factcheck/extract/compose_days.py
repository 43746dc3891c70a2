"""A day joined with what stands beside it: its weekday ("Thursday the twenty first",
23日の土曜日, "this Friday (June 15)"), a day in Korean number words (5월 이십일일), a clock time
("tomorrow at 5pm", 明日の午後3時), its month ("the last day of October", 10月の2日) and a
range of days of one month ("from 4 to 22 this month").
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator

import regex

from .. import facts as K
from ..document import Document
from ..facts import Fact
from .base import make_fact
from .compose_common import (
    _RE_BARE_WD,
    _RE_ISO_DAY,
    _RE_WD_GAP,
    _day_level,
    _en_day_words,
    _en_ordinal_days,
    _Index,
    _month_of,
    _more_patterns,
    _parts,
)
from .temporal_period import (
    _RE_SPACES,
)

_RE_CLOCK = regex.compile(r"T\d\d(?::\d\d){0,2}")


_KO_DIGITS = {"일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "칠": 7, "팔": 8, "구": 9}


# A day in Sino-Korean number words: 이십일일 (21st), 십오일. Not inside a word, and 일 not
# running on into one (일일이, 오일장 have a Hangul letter after that is no particle). The
# single digits are left out: 일일 is also "daily", 오일 "oil", 삼일 "three days".
_KO_WORD_DAY = (
    r"(?<!\p{Hangul})(?P<num>[이삼]?십[일이삼사오육칠팔구]?)일"
    r"(?!\p{Hangul}(?<![에은는도의부까로을를만]))"
)


_RE_KO_DAY_AFTER = regex.compile(r"\s?" + _KO_WORD_DAY)


_RE_KO_DAY_BEFORE = regex.compile(_KO_WORD_DAY + r",?\s?$")


def _ko_day(num: str) -> int | None:
    tens, _, units = num.partition("십")
    value = 10 * (_KO_DIGITS[tens] if tens else 1) + _KO_DIGITS.get(units, 0)
    return value if value <= 31 else None


def _korean_word_days(doc: Document, months: list[Fact], weekdays: list[Fact], date_fn):
    """A day written in Korean number words beside a month or a weekday: 5월 이십일일,
    이십일일 목요일 (the 21st that is a Thursday)."""
    text = doc.text
    for f in months:
        mo = _month_of(f)
        if mo is None or f.lang != "ko" or text[f.end - 1 : f.end] != "월":
            continue
        m = _RE_KO_DAY_AFTER.match(text, f.end)
        if m and (d := _ko_day(m["num"])) is not None:
            yield date_fn(f.start, m.end(), "ko", mo[0], mo[1], d)
    for w in weekdays:
        if w.lang != "ko":
            continue
        m = _RE_KO_DAY_BEFORE.search(text, max(0, w.start - 8), w.start)
        if m and (d := _ko_day(m["num"])) is not None:
            yield _day_with_weekday(
                doc, m.start(), w.end, "ko", (None, None, d), w.attrs["weekday"], w
            )


def _weekday_days(doc: Document, facts: list[Fact], idx: _Index, pats) -> Iterator[Fact]:
    """A weekday beside its day: "Thursday the twenty first", 23日の土曜日, 1월 22일, 수요일,
    10月12号，星期一. The weekday is kept (weekday, weekday_span) so that it can be checked."""
    text = doc.text
    for w in facts:
        if w.kind != K.DATE or not _RE_BARE_WD.fullmatch(w.value) or id(w) not in idx.top:
            continue
        wd = w.attrs["weekday"]
        if w.lang == "en" and (m := pats["wd_the_day_en"].match(text, w.end)):
            d = _en_day_words()[_RE_SPACES.sub(" ", m["w"].lower())]
            yield _day_with_weekday(doc, w.start, m.end(), "en", (None, None, d), wd, w)
            continue
        # 16日の土曜日, 10月12号，星期一
        if f := idx.before(text, w.start, _RE_WD_GAP, _day_level, 3):
            yield _day_with_weekday(doc, f.start, w.end, f.lang, _parts(f), wd, w, base=f)
        # 周日, 二月十号; "Wed, Feb13"
        elif f := idx.after(text, w.end, _RE_WD_GAP_AFTER, _day_level, 3):
            yield _day_with_weekday(doc, w.start, f.end, f.lang, _parts(f), wd, w, base=f)


def _relative_weekday_days(doc: Document, facts: list[Fact], idx: _Index) -> Iterator[Fact]:
    """A relative weekday beside the date it names: "this Friday (June 15)", 今週の金曜日（6月15日）,
    6월 15일 이번 금요일. The written date is the value; the weekday is kept to be checked."""
    text = doc.text
    for w in facts:
        wd = w.attrs.get("weekday")
        if not wd or not w.attrs.get("relative") or id(w) not in idx.top:
            continue
        if not _RE_ISO_DAY.fullmatch(w.value):
            continue
        m = _RE_WD_DATE_AFTER.match(text, w.end)
        if m and (f := idx.starting(m.end(), _day_level)) and id(f) in idx.top:
            end = f.end
            if m["open"] and text[end : end + 1] in (")", "）"):
                end += 1
            yield _date_with_weekday(doc, w.start, end, f, w)
        elif f := idx.before(text, w.start, _RE_WD_GAP, _day_level, 3):
            if id(f) in idx.top:
                yield _date_with_weekday(doc, f.start, w.end, f, w)


def _date_with_weekday(doc: Document, start: int, end: int, f: Fact, w: Fact) -> Fact:
    """The date f with the weekday of w. "this Friday" is near the publication date, so unlike
    a bare weekday it does not pick the year: a date that is no Friday stays a mismatch."""
    attrs = {k: v for k, v in f.attrs.items() if k != "within"}
    attrs["weekday"] = w.attrs["weekday"]
    attrs["weekday_span"] = list(w.attrs.get("weekday_span") or (w.start, w.end))
    return make_fact(doc, f.kind, start, end, f.value, f.lang, **attrs)


_RE_WD_DATE_AFTER = regex.compile(r"[,，]?\s?(?P<open>[(（]\s?)?")


_RE_WD_GAP_AFTER = regex.compile(r"[,，、]?\s?")


def _day_with_weekday(doc, start, end, lang, parts, wd, w: Fact, base: Fact | None = None):
    """A date with its weekday. When the year or month is left out, the weekday picks it
    among those around the publication date: "Thursday the 21st" is the nearest 21st that is
    a Thursday; without a month the value is then that day itself."""
    y, m, d = parts
    attrs: dict = dict(base.attrs) if base is not None else {"year": y, "month": m, "day": d}
    attrs.pop("within", None)
    attrs["weekday"] = wd
    attrs["weekday_span"] = list(w.attrs.get("weekday_span") or (w.start, w.end))
    value = base.value if base is not None else f"XXXX-XX-{d:02d}"
    if doc.date is not None and (y is None or m is None):
        days = _candidates(doc.date, y, m, d)
        fits = [x for x in days if x.isoweekday() == wd]
        if fits or days:
            best = min(fits or days, key=lambda x: abs((x - doc.date).days))
            attrs["resolved"] = best.isoformat()
            if fits and m is None:
                value = best.isoformat()  # the weekday names the month (as Recognizers-Text)
    kind = base.kind if base is not None else K.DATE
    return make_fact(doc, kind, start, end, value, lang, **attrs)


def _candidates(ref: dt.date, y: int | None, m: int | None, d: int) -> list[dt.date]:
    """Days d of the months (or, with the month known, the years) around ref."""
    out = []
    for k in (-1, 0, 1):
        if m is None:
            yy, mm = divmod(ref.year * 12 + ref.month - 1 + k, 12)
            yy, mm = (y, mm) if y is not None else (yy, mm)
            mm += 1
        else:
            yy, mm = ref.year + k, m
        if d <= calendar.monthrange(yy, mm)[1]:
            out.append(dt.date(yy, mm, d))
    return out


def _time_day(f: Fact) -> tuple[str, str | None] | None:
    """(TIMEX day, resolved day) of a date that may take a clock time: a relative day
    (tomorrow, 내일, "in 7 days", "next Tuesday") or a weekday. Stated calendar dates are left
    alone: the rules read them as dates (a date inside a time is skipped by some)."""
    if f.kind != K.DATE:
        return None
    if f.attrs.get("relative") and _RE_ISO_DAY.fullmatch(f.value):
        return f.value, f.value
    if _RE_BARE_WD.fullmatch(f.value):
        return f.value, f.attrs.get("resolved")
    return None


def _dated_times(doc: Document, facts: list[Fact], idx: _Index, pats) -> Iterator[Fact]:
    """A day and a clock time: "tomorrow at 5pm", "9am on Saturday", 내일 3pm, 明天下午三点,
    明日の午後3時 -> a time whose value names the day ("2013-02-13T17")."""
    text = doc.text
    for t in facts:
        if t.kind != K.TIME or not _RE_CLOCK.fullmatch(t.value):
            continue
        gap = pats["time_after_date_en" if t.lang == "en" else "time_after_date_cjk"]
        found = None
        if d := idx.before(text, t.start, gap, lambda g: id(g) in idx.top and _time_day(g), 9):
            found = (d, d.start, t.end)
        if (
            found is None
            and t.lang == "en"
            and (m := pats["date_after_time_en"].match(text, t.end))
        ):
            d = idx.starting(m.end(), lambda g: id(g) in idx.top and _time_day(g))
            if d is not None:
                found = (d, t.start, d.end)
        if found is None:
            continue
        d, start, end = found
        day, resolved = _time_day(d)  # type: ignore[misc]
        attrs = {k: v for k, v in t.attrs.items() if k != "within"}
        yield make_fact(
            doc, K.TIME, start, end, f"{day}{t.value}", t.lang, resolved=resolved, day=day, **attrs
        )


def _day_ranges_of_month(doc: Document, days: list[Fact], stated: bool = False):
    """ "from 4 to 22 this month", "between 4 and 22 of next month", "from the 13th to July 15":
    a day, then the date a later day of the same month names. ``stated``: the dates are written
    out (not composed from a relative month), and the first day then needs "from", "between"
    or a suffix ("13 to July 15" may be a score)."""
    text = doc.text
    pats = _more_patterns()
    for f in days:
        m = pats["day_range_en"].search(text, max(0, f.start - 24), f.start)
        y, mo, d2 = f.attrs.get("year"), f.attrs.get("month"), f.attrs.get("day")
        if not m or mo is None or d2 is None or (stated and not (m["pre"] or m["suf"])):
            continue
        resolved = f.attrs.get("resolved")
        year = y if y is not None else (int(resolved[:4]) if isinstance(resolved, str) else None)
        if year is None:
            continue
        if "and" in text[m.end("d") : m.end()].lower() and not (m["pre"] or "").lower().startswith(
            "between"
        ):
            continue  # "3 and 22 of this month" is a list; "between 3 and 22" a range
        d1 = int(m["d"])
        if not d1 < d2 <= calendar.monthrange(year, mo)[1]:
            continue
        a, b = dt.date(year, mo, d1), dt.date(year, mo, d2)
        ta, tb = (
            (a.isoformat(), b.isoformat())
            if y is not None
            else (
                f"XXXX-{mo:02d}-{d1:02d}",
                f"XXXX-{mo:02d}-{d2:02d}",
            )
        )
        yield make_fact(
            doc,
            K.DATERANGE,
            m.start(),
            f.end,
            f"({ta},{tb},P{(b - a).days}D)",
            "en",
            **{"from": ta, "to": tb},
            resolved=[a.isoformat(), b.isoformat()],
        )


def _days_of_months(doc: Document, facts: list[Fact], idx: _Index, date_fn) -> Iterator[Fact]:
    """A day named beside its month: "the twenty second of June", "the last day of October
    2015", 10月の2日, 10월의 2일."""
    text = doc.text
    pats = _more_patterns()
    ords = _en_ordinal_days()
    for f in facts:
        mo = _month_of(f)
        if mo is None or id(f) not in idx.top:
            continue
        y, m, _ = mo
        if f.lang == "en":
            if not (h := pats["ord_day_of_en"].search(text, max(0, f.start - 40), f.start)):
                continue
            if h["last"]:
                if y is None:
                    continue  # the last day of February depends on the year
                d = calendar.monthrange(y, m)[1]
            else:
                d = ords[_RE_SPACES.sub(" ", h["w"].lower())]
            yield date_fn(h.start(), f.end, "en", y, m, d)
        elif (g := pats["month_day_gap"].match(text, f.end)) and (
            day := idx.starting(g.end(), _day_level)
        ):
            parts = _parts(day)
            if parts[0] is None and parts[1] is None and parts[2] is not None:
                yield date_fn(f.start, day.end, day.lang, y, m, parts[2])
