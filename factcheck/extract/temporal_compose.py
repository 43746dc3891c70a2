"""Dates built from pieces found side by side.

- a year beside a month or day ("june of 1992", "2016 june", 今年の9月, 내년 6월);
- a relative month and its day (今月の4日, 이 달 4일), "last September", 지난 9월;
- a relative week and a weekday ("next week Sunday");
- parts of periods ("the end of 2000", "early 2020", 10월 초, 今月下旬);
- a compound duration and a direction ("1 month 21 days ago").
"""

from __future__ import annotations

import calendar
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
from .patterns import alternation
from .temporal_holiday import occurrence_in
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

_HAN_DIGIT = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_RE_DUR_UNITS = regex.compile(r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?")
_RE_ISO_DAY = regex.compile(r"\d{4}-\d\d-\d\d")
_RE_BARE_WD = regex.compile(r"XXXX-WXX-[1-7]")
_RE_CLOCK = regex.compile(r"T\d\d(?::\d\d){0,2}")
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


def _anchor_day(f: Fact) -> dt.date | None:
    """The day a relative day word names (tomorrow, 어제, 明天), else None."""
    if f.kind == K.DATE and f.attrs.get("relative") and f.attrs.get("unit") == "day":
        if _RE_ISO_DAY.fullmatch(f.value):
            return dt.date.fromisoformat(f.value)
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


def _han_month(s: str) -> int:
    if s.startswith("十"):
        return 10 + (_HAN_DIGIT.get(s[1:], 0) if len(s) > 1 else 0)
    return _HAN_DIGIT[s]


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


def _anchored_offsets(doc: Document, facts: list[Fact], idx: _Index, pats) -> Iterator[Fact]:
    """Days counted from a day other than today ("two days from tomorrow", "the day after
    tmrw", 어제로부터 4일 후, 내일부터 3주, 昨日の2日前) and compound amounts (1개월 21일 전,
    1か月と21日前)."""
    text, ref = doc.text, doc.date
    if ref is None:
        return
    steps = lexicon("compose")["day_next_en"]
    dirs = lexicon("compose")["anchor_dirs_en"]
    forward_links = {"로부터", "으로부터", "부터", "から", "起"}
    for a in facts:
        day = _anchor_day(a)
        if day is None and a.lang == "en" and id(a) in idx.top:
            day = _holiday_day(a)  # "three days after Easter", "the day after Christmas"
        if day is None:
            if a.lang != "en" and (off := _offset_of(a)):
                yield from _compound_offset(doc, a, off, idx, pats)
            continue
        if a.lang != "en":
            if not (m := pats["anchor_link"].match(text, a.end)):
                continue
            if o := idx.starting(m.end(), _offset_of):
                unit, off = _offset_of(o)  # type: ignore[misc]
                yield _relative_day(doc, a.start, o.end, a.lang, _shift(day, unit, off))
            elif (
                m["link"] in forward_links
                and (d := idx.starting(m.end(), _duration_units))
                and not _stretch(text, d)
            ):
                for unit, n in _duration_units(d) or ():
                    day = _shift(day, unit, n)
                yield _relative_day(doc, a.start, d.end, a.lang, day)
            continue
        if m := pats["day_next_en"].search(text, max(0, a.start - 16), a.start):
            step = steps.get(_RE_SPACES.sub(" ", m["w"].lower()), 0)
            yield _relative_day(doc, m.start(), a.end, "en", day + dt.timedelta(days=step))
            continue
        d = idx.before(text, a.start, pats["anchor_dir_en"], _duration_units, 9)
        # "for 10 days from Dec 18" is a stretch of ten days
        if d is not None and not _RE_FOR_BEFORE.search(text, max(0, d.start - 5), d.start):
            m = pats["anchor_dir_en"].fullmatch(text, d.end, a.start)
            sign = dirs[m["dir"].lower()]  # type: ignore[index]
            for unit, n in _duration_units(d) or ():
                day = _shift(day, unit, sign * n)
            yield _relative_day(doc, d.start, a.end, "en", day)
        else:
            # "two days before yesterday": an offset, then the anchor
            o = idx.ending(a.start - 1, _offset_of) if text[a.start - 1 : a.start] == " " else None
            if o is not None and o.text.lower().endswith(("before", "after")):
                unit, off = _offset_of(o)  # type: ignore[misc]
                yield _relative_day(doc, o.start, a.end, "en", _shift(day, unit, off))


_RE_FOR_BEFORE = regex.compile(r"(?i:\bfor\s+)$")


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


@cache
def _from_now_before() -> regex.Pattern:
    words = lexicon("compose")["from_now_cjk"]
    return regex.compile(rf"(?:{alternation(words)})\s?$")


def _from_now_offsets(doc: Document, facts: list[Fact], idx: _Index) -> Iterator[Fact]:
    """지금으로부터 2주 후, 今から2週間後, 从现在起三天后: an offset said to count from now is
    the offset itself, with the words that say so in its span."""
    text = doc.text
    pat = _from_now_before()
    for o in facts:
        if o.lang == "en" or id(o) not in idx.top or _offset_of(o) is None:
            continue
        if m := pat.search(text, max(0, o.start - 8), o.start):
            attrs = {k: v for k, v in o.attrs.items() if k != "within"}
            yield make_fact(doc, o.kind, m.start(), o.end, o.value, o.lang, **attrs)


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


def _compound_offset(doc: Document, o: Fact, off: tuple[str, int], idx: _Index, pats):
    """1개월 21일 전, 2年1か月21日前, 1か月と21日前: the amounts before an offset date add up."""
    text, ref = doc.text, doc.date
    unit, amount = off
    sign = 1 if amount > 0 else -1
    # a duration that runs into the offset ("1개월 21일" + "21일 전") already holds its amount
    for pos in range(o.start + 1, o.end):
        d = idx.ending(pos, _duration_units)
        units = _duration_units(d) if d else None
        if d is None or not units or d.start >= o.start or len(units) < 2:
            continue
        if units[-1] != (unit, abs(amount)):
            continue
        day = ref
        for u, n in units:
            day = _shift(day, u, sign * n)
        yield _relative_day(doc, d.start, o.end, o.lang, day)
        return
    d = idx.before(text, o.start, pats["amount_link"], _duration_units, 4)
    if d is not None:
        day = ref
        for u, n in _duration_units(d) or ():
            day = _shift(day, u, sign * n)
        yield _relative_day(doc, d.start, o.end, o.lang, _shift(day, unit, amount))
        return


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
_RE_WD_GAP = regex.compile(r"\s?[,，、の]?\s?")
_RE_WD_GAP_AFTER = regex.compile(r"[,，、]?\s?")


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
