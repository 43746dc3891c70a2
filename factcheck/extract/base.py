"""What every extractor shares: the Extractor signature and span helpers."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable

from ..document import Document
from ..facts import Fact

Extractor = Callable[[Document], Iterable[Fact]]


def make_fact(
    doc: Document, kind: str, start: int, end: int, value: str, lang: str | None = None, **attrs
) -> Fact:
    """A fact over doc.text[start:end], trimmed of surrounding white space."""
    text = doc.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Fact(
        kind,
        start,
        end,
        text[start:end],
        value,
        lang or doc.lang_at(start),
        {k: v for k, v in attrs.items() if v is not None},
    )


def first_fit(facts: Iterable[Fact]) -> list[Fact]:
    """The facts, in the order given, that overlap none taken before them.

    Taken spans never overlap each other, so one look at each neighbour in a start-sorted
    index decides: n log n, where a scan of all taken facts would be n squared.
    """
    starts: list[int] = []
    ends: list[int] = []
    taken: list[Fact] = []
    for f in facts:
        i = bisect.bisect_right(starts, f.start)
        if i > 0 and ends[i - 1] > f.start:
            continue
        if i < len(starts) and starts[i] < f.end:
            continue
        starts.insert(i, f.start)
        ends.insert(i, f.end)
        taken.append(f)
    return taken
