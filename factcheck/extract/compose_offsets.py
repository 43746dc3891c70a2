"""Days counted from an anchor other than today: "two days from tomorrow", 어제로부터 4일 후,
昨日の2日前, "three days after Easter"; compound amounts before an offset (1개월 21일 전,
1か月と21日前); and offsets said to count from now (지금으로부터 2주 후, 今から2週間後).
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
    _RE_ISO_DAY,
    _duration_units,
    _Index,
    _offset_of,
    _relative_day,
    _stretch,
)
from .compose_holiday import _holiday_day
from .patterns import alternation
from .temporal_period import (
    _RE_SPACES,
    _shift,
)


def _anchor_day(f: Fact) -> dt.date | None:
    """The day a relative day word names (tomorrow, 어제, 明天), else None."""
    if f.kind == K.DATE and f.attrs.get("relative") and f.attrs.get("unit") == "day":
        if _RE_ISO_DAY.fullmatch(f.value):
            return dt.date.fromisoformat(f.value)
    return None


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
