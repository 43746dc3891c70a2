"""Date ranges built from two dates found apart: "from May 3 to June 5", "2015년부터 2018년까지",
"从2009年到2010年", "2015年11月18日から12月19日まで", "between 2015 and 2018".

The endpoints are whatever the date extractors found (full, partial, month, year or relative
dates); this module only reads the connector between them, fills an endpoint's missing coarser
fields from the other one ("9월 3일과 12일" -> September 12) and writes the TIMEX range.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Iterator
from functools import cache

import regex

from .. import facts as K
from ..document import Document
from ..facts import Fact
from ..resources import lexicon
from .base import first_fit, make_fact

Fields = tuple[int | None, int | None, int | None]


@cache
def _connectors() -> dict[str, regex.Pattern]:
    c = lexicon("calendar")["range_connectors"]
    o = lexicon("calendar")["open_range"]

    def alt(key: str) -> str:
        return "|".join(sorted(c[key], key=len, reverse=True))

    return {
        # what stands between the two dates; "and"-like words need a "between" frame
        "to": regex.compile(rf"(?i)[^\S\r\n]*(?:{alt('to')})[^\S\r\n]*"),
        "and": regex.compile(rf"(?i)[^\S\r\n]*(?:{alt('and')})[^\S\r\n]*"),
        "before": regex.compile(rf"(?i)(?<!\p{{Latin}})(?:{alt('before')})[^\S\r\n]*$"),
        "between_before": regex.compile(
            rf"(?i)(?<!\p{{Latin}})(?:{alt('between_before')})[^\S\r\n]*$"
        ),
        "after": regex.compile(rf"[^\S\r\n]*(?:{alt('after')})"),
        "between_after": regex.compile(rf"[^\S\r\n]*(?:{alt('between_after')})"),
        "open": regex.compile(
            rf"(?i)[^\S\r\n]?(?:(?P<before>{_alt(o['before'])})|(?P<after>{_alt(o['after'])}))(?!\p{{Latin}})"
        ),
    }


def _alt(words: list[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


def open_ranges(doc: Document, facts: list[Fact]) -> Iterator[Fact]:
    """A date followed by "以前", "이후", "or later": a range open on one side."""
    pat = _connectors()["open"]
    slots = [f for f in facts if f.attrs.get("slot")]
    for f, _ in _anchors(facts):
        m = pat.match(doc.text, f.end)
        if not m:
            continue
        if any(s.overlaps(f) or s.start < m.end() <= s.end for s in slots):
            continue  # "2010年以来" is a year slot that rule FC103 reads; leave it whole
        side = "before" if m["before"] else "after"
        yield make_fact(doc, K.DATERANGE, f.start, m.end(), f.value, f.lang, open=side, **f.attrs)


_RE_PARTS = regex.compile(r"(\d{4})(?:-(\d\d))?(?:-(\d\d))?")


def fields_of(f: Fact) -> Fields | None:
    """Year, month and day a date-like fact states (None where it leaves them open)."""
    if f.kind == K.YEAR:
        if f.attrs.get("slot"):
            return None
        return (f.attrs.get("year"), None, None)
    if f.kind != K.DATE:
        return None
    a = f.attrs
    if "year" in a or "month" in a or "day" in a:
        out = (a.get("year"), a.get("month"), a.get("day"))
        return out if any(v is not None for v in out) else None
    if a.get("relative"):
        m = _RE_PARTS.fullmatch(f.value)
        if m:
            return (int(m[1]), int(m[2]) if m[2] else None, int(m[3]) if m[3] else None)
    return None


def _grain(f: Fields) -> int:
    return 2 if f[2] is not None else 1 if f[1] is not None else 0


def _fill(a: Fields, b: Fields) -> tuple[Fields, Fields]:
    """Each endpoint takes from the other the fields coarser than its own finest one."""
    ga, gb = _grain(a), _grain(b)

    def take(x: Fields, gx: int, y: Fields) -> Fields:
        vals = list(x)
        for i in range(gx):
            if vals[i] is None:
                vals[i] = y[i]
        return (vals[0], vals[1], vals[2])

    return take(a, ga, b), take(b, gb, a)


def _first_day(f: Fields, year: int) -> dt.date | None:
    try:
        return dt.date(f[0] if f[0] is not None else year, f[1] or 1, f[2] or 1)
    except ValueError:
        return None


def _timex(f: Fields) -> str:
    y = f"{f[0]:04d}" if f[0] is not None else "XXXX"
    if f[1] is None and f[2] is not None:
        return f"{y}-XX-{f[2]:02d}"  # "8日から12日まで": the month stays open, as written
    return f"{y}-{f[1] or 1:02d}-{f[2] or 1:02d}"


def range_value(a: Fields, b: Fields, ref: dt.date | None) -> tuple[str, dict]:
    """TIMEX range "(start,end,duration)" of two endpoints, and its attributes."""
    a, b = _fill(a, b)
    ta, tb = a, b
    if ref is not None and a[1] is None and b[1] is None and a[2] is not None:
        # days of an unnamed month: count them in the publication month
        a, b = (a[0], ref.month, a[2]), (b[0], ref.month, b[2])
    base = a[0] if a[0] is not None else b[0]
    if base is None:
        base = ref.year if ref is not None else 2000
    da, db = _first_day(a, base), _first_day(b, base)
    attrs: dict = {}
    if da is None or db is None:
        return f"({_timex(a)},{_timex(b)})", {"invalid": True}
    if db < da and b[0] is None:
        # "10月25日から1月25日まで": the end without a year is in the next year
        db = _first_day((da.year + 1, b[1], b[2]), base)
        if db is None:
            return f"({_timex(a)},{_timex(b)})", {"invalid": True}
    if db < da:
        attrs["invalid"] = True
    if _grain(a) == _grain(b) == 0:
        span = f"P{db.year - da.year}Y"
    elif _grain(a) == _grain(b) == 1:
        span = f"P{(db.year - da.year) * 12 + db.month - da.month}M"
    else:
        span = f"P{(db - da).days}D"
    if a[0] is not None or b[0] is not None or ref is not None:
        attrs["resolved"] = [da.isoformat(), db.isoformat()]
    # partial dates stay open in the value as the writer left them; resolved goes beside it
    return f"({_timex(ta)},{_timex(tb)},{span})", attrs


def _anchors(facts: Iterable[Fact]) -> list[tuple[Fact, Fields]]:
    """Non-overlapping date-like facts, longest first, in text order."""
    cands = [(f, fl) for f in facts if (fl := fields_of(f)) is not None]
    cands.sort(key=lambda c: (c[0].start - c[0].end, c[0].start))
    fields = {id(f): fl for f, fl in cands}
    kept = [(f, fields[id(f)]) for f in first_fit(f for f, _ in cands)]
    kept.sort(key=lambda c: c[0].start)
    return kept


def frame_range(doc: Document, f: Fact) -> Fact:
    """A range found in one piece ("May 2 to June 7") takes in its frame ("from", "까지")."""
    pats = _connectors()
    text = doc.text
    start, end = f.start, f.end
    head = text[max(0, start - 12) : start]
    if m := pats["before"].search(head) or pats["between_before"].search(head):
        start -= len(head) - m.start()
    if m := pats["after"].match(text[end : end + 8]):
        end += m.end()
    if (start, end) == (f.start, f.end):
        return f
    return make_fact(doc, f.kind, start, end, f.value, f.lang, **f.attrs)


def combine_ranges(doc: Document, facts: list[Fact]) -> Iterator[Fact]:
    pats = _connectors()
    text = doc.text
    anchors = _anchors(facts)
    for (fa, a), (fb, b) in itertools.pairwise(anchors):
        between = text[fa.end : fb.start]
        if len(between) > 12:
            continue
        head = text[max(0, fa.start - 12) : fa.start]
        tail = text[fb.end : fb.end + 8]
        start, end = fa.start, fb.end
        if pats["to"].fullmatch(between):
            if m := pats["before"].search(head):
                start = fa.start - (len(head) - m.start())
            if m := pats["after"].match(tail):
                end = fb.end + m.end()
        elif pats["and"].fullmatch(between):
            mb = pats["between_before"].search(head)
            ma = pats["between_after"].match(tail)
            if not (mb or ma):
                continue
            if mb:
                start = fa.start - (len(head) - mb.start())
            if ma:
                end = fb.end + ma.end()
        else:
            continue
        value, attrs = range_value(a, b, doc.date)
        yield make_fact(
            doc,
            K.DATERANGE,
            start,
            end,
            value,
            fa.lang,
            **{"from": fa.value, "to": fb.value},
            **attrs,
        )
