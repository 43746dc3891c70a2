"""Calendar kinds: a weekday that does not fit its date, and dates or times that do not exist."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator
from typing import Any

import regex

from .. import facts as K
from ..context import Context
from ..facts import Fact
from ..findings import Fix
from . import Hit, kind

_TIMEX = regex.compile(r"^(?P<y>\d{4}|XXXX)-(?P<m>\d{2}|XX)-(?P<d>\d{2}|XX)$")
_EN_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_KO = "월화수목금토일"
_JA = "月火水木金土日"
_ZH = "一二三四五六日"
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def date_parts(f: Fact) -> tuple[int | None, int | None, int | None] | None:
    """(year, month, day) of a day-level date fact from its TIMEX value; None parts unknown."""
    m = _TIMEX.match(f.value)
    if not m:
        return None

    def part(s: str) -> int | None:
        return None if s.startswith("X") else int(s)

    return part(m["y"]), part(m["m"]), part(m["d"])


def calendar_date(f: Fact, ref: dt.date) -> dt.date | None:
    """The calendar date a date fact means: its resolution, else its parts seen from ``ref``."""
    resolved = f.attrs.get("resolved")
    if isinstance(resolved, str):
        try:
            return dt.date.fromisoformat(resolved[:10])
        except ValueError:
            pass
    parts = date_parts(f)
    if parts is None or parts[2] is None:
        return None
    y, m, d = parts
    if m is None:
        return None
    if y is None:
        # A month-day without a year: the occurrence nearest the reference date.
        best = None
        for yy in (ref.year - 1, ref.year, ref.year + 1):
            try:
                c = dt.date(yy, m, d)
            except ValueError:
                continue
            if best is None or abs((c - ref).days) < abs((best - ref).days):
                best = c
        return best
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def weekday_name(number: int, template: str, lang: str) -> str:
    """A weekday in the same language and form as ``template`` (full, short, in brackets)."""
    i = number - 1
    t = template.strip()
    if lang == "en" or (t[:1].isascii() and t[:1].isalpha()):
        name = _EN_NAMES[i]
        core = t.rstrip(".")
        if len(core) <= 4:
            name = name[: len(core)] if len(core) >= 3 else name[:3]
        return name.upper() if t.isupper() else name
    if t.startswith("星期"):
        return "星期" + ("日" if i == 6 and t.endswith("日") else "天" if i == 6 else _ZH[i])
    if t[:1] in "周週":
        return t[0] + _ZH[i]
    if t.startswith("礼拜"):
        return "礼拜" + ("天" if i == 6 else _ZH[i])
    if t.endswith("요일"):
        return _KO[i] + "요일"
    if t.endswith("曜日") or t.endswith("曜"):
        return _JA[i] + t[1:]
    if t and t[0] in _KO:
        return _KO[i] + t[1:]
    if t and t[0] in _JA:
        return _JA[i] + t[1:]
    return _EN_NAMES[i]


@kind("weekday-date")
def weekday_date(ctx: Context, params: dict[str, Any]) -> Iterator[Hit]:
    """'Thursday, Nov. 22, 2023' (a Wednesday); 22일(목); 22日（木）; 11月22日（星期四）."""
    for f in ctx.by_kind[K.DATE] + ctx.by_kind[K.DATERANGE]:
        stated = f.attrs.get("weekday")
        span = f.attrs.get("weekday_span")
        if not stated or not span:
            continue
        if f.kind == K.DATERANGE:
            # A weekday after a range ("21~25일(금)") belongs to its last day.
            actual_date = _range_end(f)
        else:
            actual_date = calendar_date(f, ctx.date)
        if actual_date is None or not _year_known(f, ctx):
            continue
        actual = actual_date.isoweekday()
        if actual == stated:
            continue
        if _ambiguous(f):
            # "9/10" may be read the other way round, and when neither reading has the stated
            # weekday, which day was meant is the writer's to say (no certain finding, no fix).
            continue
        s, e = span
        stated_text = ctx.doc.text[s:e]
        inner_s, inner_e = _strip_brackets(ctx.doc.text, s, e)
        fix = weekday_name(actual, ctx.doc.text[inner_s:inner_e], f.lang)
        yield Hit(
            inner_s,
            inner_e,
            related=[(f.start, f.end)],
            values={
                "text": stated_text.strip("()（） "),
                "date": actual_date.isoformat(),
                "actual": _EN_NAMES[actual - 1],
                "stated": _EN_NAMES[stated - 1],
                "date_text": f.text,
            },
            fix=Fix(fix, safe=False),
        )
    yield from _loose_weekday_hits(ctx)


def _loose_weekday_hits(ctx: Context) -> Iterator[Hit]:
    text = ctx.doc.text
    seen: set[int] = set()
    for s, e, stated, f, day in _loose_weekdays(ctx):
        actual = day.isoweekday()
        if actual == stated or s in seen:
            continue
        if f is not None and _ambiguous(f):
            continue  # "Monday, 9/10/2014": which day is meant is the writer's to say
        seen.add(s)
        lang = ctx.doc.lang_at(s)
        date_span = (f.start, f.end) if f is not None else (s, s)
        yield Hit(
            s,
            e,
            related=[date_span] if f is not None else [],
            values={
                "text": text[s:e],
                "date": day.isoformat(),
                "actual": _EN_NAMES[actual - 1],
                "stated": _EN_NAMES[stated - 1],
                "date_text": f.text if f is not None else text[max(0, s - 7) : s],
            },
            fix=Fix(weekday_name(actual, text[s:e], lang), safe=False),
        )


# A weekday the extractor left beside its date: "2016-12-29(Fri)", "2021-07-02 (Thursday)",
# "6/20(木)", "Monday, 31/10/2014", "Mo, 7 October 2014" (two-letter abbreviations only
# right before a date, where they cannot be words: "We, 7 October" is not prose).
_WD_EN = {n[:2].lower(): i + 1 for i, n in enumerate(_EN_NAMES)}
_BRACKET_WD = regex.compile(
    r"[(（]\s?(?P<wd>[月火水木金土日월화수목금토일](?:曜日?|요일)?"
    r"|(?i:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?)\s?[)）]"
)
_TWO_LETTER_WD = regex.compile(r"\b(?P<wd>Mo|Tu|We|Th|Fr|Sa|Su),\s?")
# "2024. 3. 15.(금)": the Korean dotted date, year first.
_DOTTED_YMD = regex.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)\.\s?(?P<m>1[0-2]|0?[1-9])\.\s?(?P<d>3[01]|[12]\d|0?[1-9])\.?\s?$"
)
_WD_DATE_GAP = regex.compile(r",?\s?")
_MONTH_DAY = regex.compile(r"(?<![\d/.])(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])\s?$")


def _weekday_number(word: str) -> int | None:
    w = word.rstrip(".")
    if w[:1] in _JA:
        return _JA.index(w[0]) + 1
    if w[:1] in _KO:
        return _KO.index(w[0]) + 1
    low = w.lower()
    for i, name in enumerate(_EN_NAMES):
        full = name.lower()
        if full.startswith(low) or low in (full[:3] + "s", "thur", "thurs", "tues"):
            return i + 1
    return _WD_EN.get(low[:2]) if len(low) == 2 else None


def _loose_weekdays(ctx: Context) -> Iterator[tuple[int, int, int, Fact | None, dt.date]]:
    """(weekday span, stated weekday, its date fact, the date) for weekdays beside a date that
    the date fact does not carry."""
    text = ctx.doc.text
    dates = [
        f
        for f in ctx.by_kind[K.DATE] + ctx.by_kind[K.DATERANGE]
        if not f.attrs.get("weekday") and not f.attrs.get("relative")
    ]
    brackets = "(" in text or "（" in text
    if not ctx.by_kind[K.DATE] and not brackets:
        return
    by_end = {f.end: f for f in dates}
    by_start = {f.start: f for f in dates}
    if brackets:
        for m in _BRACKET_WD.finditer(text):
            wd = _weekday_number(m["wd"])
            if wd is None:
                continue
            s, e = m.span("wd")
            f = by_end.get(m.start()) or by_end.get(m.start() - 1) or by_end.get(m.end())
            if f is not None and (f.end == m.end() or not text[f.end : m.start()].strip(" .")):
                day = _last_day(f, ctx)
                if day is not None:
                    yield s, e, wd, f, day
                continue
            ymd = _DOTTED_YMD.search(text, max(0, m.start() - 16), m.start())
            if ymd:
                try:
                    day = dt.date(int(ymd["y"]), int(ymd["m"]), int(ymd["d"]))
                except ValueError:
                    continue
                yield s, e, wd, _text_date(ctx, ymd.start(), ymd.end(), day), day
                continue
            md = _MONTH_DAY.search(text, max(0, m.start() - 6), m.start())
            if md and ctx.doc.date is not None:
                try:
                    day = dt.date(ctx.doc.date.year, int(md["m"]), int(md["d"]))
                except ValueError:
                    continue
                yield s, e, wd, _text_date(ctx, md.start(), md.end(), day), day
    for w in ctx.by_kind[K.DATE]:
        if not w.value.startswith("XXXX-WXX-") or w.attrs.get("within"):
            continue
        gap = _WD_DATE_GAP.match(text, w.end)
        if gap is None or gap.end() == w.end:
            continue
        f = by_start.get(gap.end()) or _day_month(ctx, gap.end())
        day = _last_day(f, ctx) if f is not None else None
        if day is not None:
            yield w.start, w.end, int(w.value[-1]), f, day
    # Two-letter weekdays are looked for only right before a date, never across the text.
    for f in dates:
        m = _TWO_LETTER_WD.search(text, max(0, f.start - 5), f.start)
        if m is None or m.end() != f.start:
            continue
        day = _last_day(f, ctx)
        if day is not None:
            yield m.start("wd"), m.end("wd"), _WD_EN[m["wd"].lower()], f, day


_DAY_MONTH = regex.compile(r"(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![\d/])")


def _day_month(ctx: Context, pos: int) -> Fact | None:
    """ "Monday, 31/10": a numeric day and month in the publication year, when only one
    order is a date."""
    m = _DAY_MONTH.match(ctx.doc.text, pos)
    if m is None or ctx.doc.date is None:
        return None
    a, b = int(m["a"]), int(m["b"])
    if (a <= 12) == (b <= 12):
        return None
    day, month = (a, b) if a > 12 else (b, a)
    try:
        return _text_date(ctx, m.start(), m.end(), dt.date(ctx.doc.date.year, month, day))
    except ValueError:
        return None


def _range_end(f: Fact) -> dt.date | None:
    """The last day of a resolved date range (resolved = [first, last] ISO dates)."""
    resolved = f.attrs.get("resolved")
    if not isinstance(resolved, (list, tuple)) or len(resolved) != 2:
        return None
    try:
        return dt.date.fromisoformat(str(resolved[1])[:10])
    except ValueError:
        return None


def _text_date(ctx: Context, start: int, end: int, day: dt.date) -> Fact:
    """A date read here, not by the extractor ("6/20", "2024. 3. 15.")."""
    text = ctx.doc.text[start:end].rstrip()
    lang = ctx.doc.lang_at(start)
    return Fact(K.DATE, start, start + len(text), text, day.isoformat(), lang, {"read_here": True})


def _last_day(f: Fact, ctx: Context) -> dt.date | None:
    """The day a weekday after a date or range names (a range's last day), when the year is
    stated or the publication date known."""
    if not _year_known(f, ctx):
        return None
    if f.attrs.get("read_here"):
        return dt.date.fromisoformat(f.value)
    if f.kind == K.DATERANGE:
        return _range_end(f)
    parts = date_parts(f)
    if parts is None or parts[1] is None or parts[2] is None:
        return None
    return calendar_date(f, ctx.date)


_NUMERIC_DM = regex.compile(r"(?<!\d)(\d{1,2})[/.](\d{1,2})(?![\d])")


def _ambiguous(f: Fact) -> bool:
    """'9/10' may be September 10 or 9 October."""
    if f.attrs.get("ambiguous"):
        return True
    m = _NUMERIC_DM.search(f.text)
    return bool(m) and int(m[1]) <= 12 and int(m[2]) <= 12


def _year_known(f: Fact, ctx: Context) -> bool:
    """A weekday can be checked only when the year is stated or the publication date known."""
    if ctx.doc.date is not None:
        return True
    parts = date_parts(f) if f.kind == K.DATE else None
    if parts is not None:
        return parts[0] is not None
    return bool(regex.search(r"\d{4}", f.text))


def _strip_brackets(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in "(（ ":
        s += 1
    while e > s and text[e - 1] in ")） ":
        e -= 1
    return s, e


@kind("calendar-validity")
def calendar_validity(ctx: Context, params: dict[str, Any]) -> Iterator[Hit]:
    """Dates and times that do not exist: February 30, 11월 31일, 4月31日, 25:10."""
    for f in ctx.by_kind[K.DATE] + ctx.by_kind[K.DATERANGE]:
        if f.attrs.get("relative") or "\n" in f.text:
            continue
        reason = _date_problem(f)
        if reason:
            yield Hit(f.start, f.end, values={"text": f.text, "reason": reason})
    for f in ctx.by_kind[K.TIME]:
        if f.attrs.get("invalid") and _clearly_a_time(ctx.doc.text, f, ctx.doc.lang_at(f.start)):
            yield Hit(f.start, f.end, values={"text": f.text, "reason": "no such time of day"})


_TIME_BEFORE = regex.compile(
    r"(?i:\b(?:at|from|until|till|by|before|after|around|since)\s+$"
    r"|(?:오전|오후|새벽|저녁|밤|午前|午後|上午|下午|凌晨|晚上)\s*$)"
)
_TIME_AFTER = regex.compile(
    r"^\s*(?:에|부터|까지|起|开始|開始|から|まで|に|(?i:[ap]\.?m\b|hrs|h\b|KST|GMT|UTC))"
)
_CLOCK = regex.compile(r"(?P<h>\d{1,2})\s*[:시時点點]\s*(?P<m>\d{1,2})?")


def _clearly_a_time(text: str, f: Fact, lang: str) -> bool:
    """'25:10' may be a score or a ratio; only a time-marked one is an impossible time."""
    clock = _CLOCK.search(f.text)
    if clock is None or int(clock["h"]) >= 30:
        return False  # "45 a.m.": a cut number, not a mistyped clock
    bad_minutes = clock["m"] is not None and int(clock["m"]) >= 60
    if not bad_minutes and "ja" in (f.lang, lang):
        return False  # 25:30 is how Japanese writes 1:30 after midnight
    if regex.search(r"(?i:[ap]\.?m\b|시|時|点|點)", f.text):
        return True
    return bool(
        _TIME_BEFORE.search(text[max(0, f.start - 12) : f.start])
        or _TIME_AFTER.match(text[f.end : f.end + 6])
    )


def _date_problem(f: Fact) -> str | None:
    if f.kind == K.DATERANGE:
        a, b = f.attrs.get("from"), f.attrs.get("to")
        for v in (a, b):
            if isinstance(v, str):
                sub = Fact(K.DATE, f.start, f.end, f.text, v, f.lang)
                why = _date_problem(sub)
                if why:
                    return why
        return "the range ends before it starts" if f.attrs.get("invalid") else None
    parts = date_parts(f)
    if parts is None:
        m = regex.match(r"^(\d{4}|XXXX)-(\d{2})$", f.value)
        if m and not 1 <= int(m[2]) <= 12:
            return f"there is no month {int(m[2])}"
        return None
    y, m, d = parts
    if m is not None and not 1 <= m <= 12:
        return f"there is no month {m}"
    if d is None:
        return None
    if d > 39:
        return None  # "Mar 48.0" in a price table, "60th Aug.": a day count, not a calendar day
    if m is None:
        return None  # "60일", "the 44th lap": a day count or an ordinal, not a calendar day
    limit = calendar.monthrange(y if y is not None else 2000, m)[1]
    if not 1 <= d <= limit:
        if m == 2 and d == 29 and y is not None:
            return f"{y} is not a leap year"
        return f"{_MONTHS[m - 1]} has {limit} days"
    return None
