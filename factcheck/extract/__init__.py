"""Fact extraction: every extractor over one document, then overlaps resolved."""

from __future__ import annotations

import bisect

from .. import facts as K
from ..document import Document
from ..facts import Fact
from .events import extract_events
from .numeric import extract_numeric
from .temporal import extract_temporal

# When two facts of different kinds cover exactly the same text, the first kind here wins.
_PRECEDENCE = [
    K.DATERANGE,
    K.DATE,
    K.TIME,
    K.DURATION,
    K.YEAR,
    K.QUANTITY,
    K.PERCENT,
    K.COUNT,
    K.ORDINAL,
    K.WEEKDAY,
    K.NUMBER,
]


def extract(doc: Document) -> list[Fact]:
    """All facts of a document, sorted by position; nested facts carry ``within``."""
    raw = [*extract_numeric(doc), *extract_temporal(doc)]
    facts = resolve_overlaps(raw)
    events = list(extract_events(doc, facts))
    return sorted(facts + events, key=lambda f: (f.start, -f.end, f.kind))


def resolve_overlaps(raw: list[Fact]) -> list[Fact]:
    """Drop duplicates and bare numbers that clash with larger facts; mark nested ones.

    Facts are taken longest first; each is compared with the kept facts it overlaps, in the
    order they were kept. Kept facts are indexed by start, so a document with many facts
    costs n log n, not n squared.
    """
    rank = {k: i for i, k in enumerate(_PRECEDENCE)}
    ordered = sorted(raw, key=lambda f: (f.start - f.end, rank.get(f.kind, 99), f.start))
    kept: list[Fact] = []
    index: list[tuple[int, int]] = []  # (start, position in kept), sorted
    longest = 0
    for f in ordered:
        if f.start >= f.end:
            continue
        lo = bisect.bisect_right(index, (f.start - longest, len(kept)))
        hi = bisect.bisect_left(index, (f.end, -1))
        near = sorted(i for _, i in index[lo:hi])
        drop = False
        for i in near:
            k = kept[i]
            if not k.overlaps(f):
                continue
            same_family = k.kind == f.kind or {k.kind, f.kind} <= {K.DATE, K.DATERANGE}
            # A bare number inside a larger fact stays, marked ``within``: the numeral of a
            # count, a sum of money or a date is still a number someone may want to read.
            if (
                same_family
                or (f.kind == K.NUMBER and not k.contains(f))
                or (k.contains(f) and k.start == f.start and k.end == f.end)
            ):
                drop = True
                break
            if k.contains(f):
                f.attrs.setdefault("within", k.kind)
            elif k.kind == K.YEAR or (f.kind == K.YEAR and k.kind in (K.DATE, K.DATERANGE)):
                drop = f.kind == K.YEAR and k.kind in (K.DATE, K.DATERANGE)
        if not drop:
            bisect.insort(index, (f.start, len(kept)))
            kept.append(f)
            longest = max(longest, f.end - f.start)
    return kept
