"""A document-level safety net: one pathological file must not hang a batch.

The extractors are meant to be linear, but a regression (or an input nobody thought of) can
make one of them quadratic, and then a 1 MB file of date-like runs takes many minutes. Two
bounds here, outside the extractors, hold whatever they do:

- Long texts are extracted in bounded pieces. A text of up to WHOLE_CHARS code points (any
  real article) is extracted in one piece, as before. A longer one is cut into pieces of at
  most CHUNK_CHARS, at a paragraph break where there is one in the second half of the piece,
  else a line break, else a sentence end or a space, else a hard cut. A super-linear
  extractor then costs at most (text / CHUNK_CHARS) times its cost on one piece: linear in
  the text. The facts are shifted back to document offsets; the rules still run over the
  whole document, so contradictions across pieces are found. A fact that would straddle a
  cut is lost: cuts are where facts almost never are, and only texts far longer than an
  article are cut.
- A time budget per document (``--timeout``, default DEFAULT_BUDGET seconds). It is checked
  between pieces, so it needs no signals or threads (it works in worker processes too) and
  overshoots by at most one piece's time. A document over budget is an input error: one
  line naming the file, the batch goes on.
"""

from __future__ import annotations

import time

import regex

from .document import Document
from .facts import Fact
from .inputs import InputError

WHOLE_CHARS = 65_536
CHUNK_CHARS = 32_768
DEFAULT_BUDGET = 120.0  # seconds per document; 0 or None: no limit

# Where to cut, best first. Each pattern's match end is the cut (the break stays with the
# text before it, so "\r\n" is never split).
_CUTS = (
    regex.compile(r"(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)"),  # a blank line: a paragraph break
    regex.compile(r"\r\n|\r|\n"),
    regex.compile(r"[.!?。！？](?=\s)|\s"),  # a sentence end or any space
)


class CheckTimeout(InputError):
    """A document whose check ran over the time budget."""


def pieces(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Bounded spans covering ``text`` exactly, in order, each at most ``size`` long."""
    out: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while n - start > size:
        window_end = start + size
        cut = window_end  # a hard cut if the window has no break in its second half
        floor = start + size // 2
        for pattern in _CUTS:
            last = None
            for m in pattern.finditer(text, floor, window_end):
                last = m
            if last is not None and last.end() > start:
                cut = last.end()
                break
        if text[cut - 1 : cut + 1] == "\r\n":  # a hard cut must not split a CRLF pair
            cut -= 1
        out.append((start, cut))
        start = cut
    out.append((start, n))
    return out


def _shift(fact: Fact, by: int) -> Fact:
    fact.start += by
    fact.end += by
    # Extra offsets ride in attrs under keys ending in "_span" (ordinal_span, weekday_span).
    for key, value in fact.attrs.items():
        if key.endswith("_span") and isinstance(value, list | tuple) and len(value) == 2:
            fact.attrs[key] = type(value)(v + by for v in value)
    return fact


def guarded_extract(doc: Document, budget: float | None = DEFAULT_BUDGET) -> list[Fact]:
    """The facts of ``doc``, extracted in bounded pieces if it is long, within ``budget``."""
    from .extract import extract

    text = doc.text
    if len(text) <= WHOLE_CHARS:
        return extract(doc)
    deadline = time.monotonic() + budget if budget else None
    facts: list[Fact] = []
    for start, end in pieces(text):
        if deadline is not None and time.monotonic() > deadline:
            raise CheckTimeout(
                f"{doc.path}: gave up after {budget:g}s at character {start} of {len(text)} "
                "(--timeout); split the file or raise the limit"
            )
        part = Document(
            text[start:end],
            path=doc.path,
            date=doc.date,
            date_source=doc.date_source,
            meta=doc.meta,
        )
        facts.extend(_shift(f, start) for f in extract(part))
    return sorted(facts, key=lambda f: (f.start, -f.end, f.kind))
