"""Dates built from pieces found side by side.

- a year beside a month or day ("june of 1992", "2016 june", 今年の9月, 내년 6월);
- a relative month and its day (今月の4日, 이 달 4일), "last September", 지난 9월;
- a relative week and a weekday ("next week Sunday");
- parts of periods ("the end of 2000", "early 2020", 10월 초, 今月下旬);
- a compound duration and a direction ("1 month 21 days ago").
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
        "month_rel_before": regex.compile(
            rf"(?:(?i:\b(?P<en>{alternation(prel['en'])})\s+)|(?P<ko>{alternation(prel['ko'])})\s?)$"
        ),
    }


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
    anchors.sort(key=lambda f: f.start)
    built: list[Fact] = []
    for fa, fb in itertools.pairwise(anchors):
        pa, pb = _date_parts(fa), _date_parts(fb)
        gap = text[fa.end : fb.start]
        if pa is None or pb is None:
            pa = pb = (-1, -1, -1)  # only the week-and-weekday join below applies
        # a year, then a month (and day) without one
        if pa[0] not in (None, -1) and pa[1] is None and pb[0] is None and pb[1] is not None:
            if pats["year_gap"].fullmatch(gap) and (fa.lang != "en" or gap.strip() == ""):
                if fa.lang == "en" and not gap:
                    continue
                built.append(date_fn(fa.start, fb.end, fb.lang, pa[0], pb[1], pb[2]))
        # a relative month, then a day: 今月の4日, 이 달 4일, 本月十日
        elif (
            fa.attrs.get("relative")
            and fa.attrs.get("unit") == "month"
            and pa[1] is not None
            and pb == (None, None, pb[2])
            and pb[2] is not None
            and pats["year_gap"].fullmatch(gap)
        ):
            built.append(date_fn(fa.start, fb.end, fb.lang, pa[0], pa[1], pb[2]))
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
    for f in anchors:
        p = _date_parts(f)
        # "last September", 지난 9월: the month in the year before, this or next
        if p is not None and p[0] is None and p[1] is not None and p[2] is None:
            if m := pats["month_rel_before"].search(text[max(0, f.start - 12) : f.start]):
                word = m["en"] or m["ko"]
                off = prel["en"].get(word.lower()) if m["en"] else prel["ko"].get(word)
                if off is not None and doc.date is not None:
                    start = f.start - (len(text[max(0, f.start - 12) : f.start]) - m.start())
                    built.append(date_fn(start, f.end, f.lang, doc.date.year + off, p[1], None))
    yield from _offset_dates(doc, facts)
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
