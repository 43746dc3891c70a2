"""What a rule kind sees: the document, its facts by kind, and the publication date."""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

import regex

from .document import Document
from .facts import Fact

# A sentence ends at a line break, at 。！？ and at . ! ? before white space
# (not inside "3.5" or "U.S.A").
_SENTENCE_END = regex.compile(r"\n|[。！？]+|[.!?]+(?=\s)")


@dataclass
class Context:
    doc: Document
    facts: list[Fact]
    today: dt.date = field(default_factory=dt.date.today)

    @cached_property
    def by_kind(self) -> dict[str, list[Fact]]:
        out: dict[str, list[Fact]] = defaultdict(list)
        for f in self.facts:
            out[f.kind].append(f)
        return out

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """(start, end) of each sentence; a line break or . ! ? 。 ends one."""
        out: list[tuple[int, int]] = []
        text = self.doc.text
        start = 0
        for m in _SENTENCE_END.finditer(text):
            out.append((start, m.end()))
            start = m.end()
        if start < len(text):
            out.append((start, len(text)))
        return [piece for s, e in out for piece in _bounded(text, s, e)]

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    def sentence_at(self, offset: int) -> tuple[int, int]:
        i = max(0, bisect.bisect_right(self._sentence_starts, offset) - 1)
        return self.sentences[i] if self.sentences else (0, len(self.doc.text))

    def in_sentence(self, kind: str, start: int, end: int) -> list[Fact]:
        """The facts of a kind within [start, end), in the order of ``facts``."""
        facts = self.by_kind[kind]
        starts = self._starts_of(kind)
        if starts is None:
            return [f for f in facts if start <= f.start and f.end <= end]
        # Sorted by start: only the facts starting in the span can lie inside it.
        lo = bisect.bisect_left(starts, start)
        hi = bisect.bisect_right(starts, end, lo)
        return [f for f in facts[lo:hi] if f.end <= end]

    def per_sentence(self, kind: str) -> list[tuple[tuple[int, int], list[Fact]]]:
        """Each sentence that holds facts of a kind, in order, with those facts: what
        ``in_sentence`` gives for every sentence, without a look at the sentences that
        hold none."""
        sentences, starts = self.sentences, self._sentence_starts
        found: dict[int, list[Fact]] = {}
        for f in self.by_kind[kind]:
            i = bisect.bisect_right(starts, f.start) - 1
            if i >= 0 and f.end <= sentences[i][1]:
                found.setdefault(i, []).append(f)
        return [(sentences[i], found[i]) for i in sorted(found)]

    def _starts_of(self, kind: str) -> list[int] | None:
        """The starts of the facts of a kind when they are in order of start, else None
        (facts handed in by a caller need not be sorted)."""
        cache = self._kind_starts
        if kind not in cache:
            starts = [f.start for f in self.by_kind[kind]]
            ordered = all(a <= b for a, b in itertools.pairwise(starts))
            cache[kind] = starts if ordered else None
        return cache[kind]

    @cached_property
    def _kind_starts(self) -> dict[str, list[int] | None]:
        return {}

    @property
    def date(self) -> dt.date:
        """The publication date, or today when none is known."""
        return self.doc.date or self.today


# Rules look around a fact within its sentence; a "sentence" of thousands of characters (a
# table, a list, text without full stops) would make that quadratic, so it is cut.
_MAX_SENTENCE = 600
_SOFT_BREAK = regex.compile(r"[;；,，、]\s*|\s+")


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    while end - start > _MAX_SENTENCE:
        cut = start + _MAX_SENTENCE
        last = None
        for m in _SOFT_BREAK.finditer(text, start + _MAX_SENTENCE // 2, cut):
            last = m.end()
        cut = last or cut
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces
