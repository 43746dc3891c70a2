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


_RANK = {k: i for i, k in enumerate(_PRECEDENCE)}
_DATES = frozenset((K.DATE, K.DATERANGE))


def resolve_overlaps(raw: list[Fact]) -> list[Fact]:
    """Drop duplicates and bare numbers that clash with larger facts; mark nested ones.

    Facts are taken longest first; each is compared with the kept facts it overlaps, in the
    order they were kept. Kept facts are indexed by start, so a document with many facts
    costs n log n, not n squared.
    """
    rank = _RANK
    ordered = sorted(raw, key=lambda f: (f.start - f.end, rank.get(f.kind, 99), f.start))
    kept: list[Fact] = []
    spans: list[tuple[int, int, str]] = []  # (start, end, kind) of each kept fact
    # Kept facts by start: the starts sorted, and beside each its position in ``kept``
    # (facts of equal start in the order they were kept).
    starts: list[int] = []
    order: list[int] = []
    longest = 0
    bisect_left, bisect_right = bisect.bisect_left, bisect.bisect_right
    for f in ordered:
        fs, fe, fk = f.start, f.end, f.kind
        if fs >= fe:
            continue
        lo = bisect_right(starts, fs - longest)
        hi = bisect_left(starts, fe, lo)
        drop = False
        if lo < hi:
            for i in sorted(order[lo:hi]):
                ks, ke, kk = spans[i]
                if not (ks < fe and fs < ke):
                    continue
                inside = ks <= fs and fe <= ke
                # A bare number inside a larger fact stays, marked ``within``: the numeral of
                # a count, a sum of money or a date is still a number someone may want to read.
                if (
                    kk == fk
                    or (kk in _DATES and fk in _DATES)
                    or (fk == K.NUMBER and not inside)
                    or (inside and ks == fs and ke == fe)
                ):
                    drop = True
                    break
                if inside:
                    f.attrs.setdefault("within", kk)
                elif kk == K.YEAR or (fk == K.YEAR and kk in _DATES):
                    drop = fk == K.YEAR and kk in _DATES
        if not drop:
            j = bisect_right(starts, fs)
            starts.insert(j, fs)
            order.insert(j, len(kept))
            kept.append(f)
            spans.append((fs, fe, fk))
            longest = max(longest, fe - fs)
    return kept
