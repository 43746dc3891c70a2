"""Parts that do not add up: "3 men and 4 women, 8 people in all"; shares summing well over 100%."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from functools import cache
from typing import Any

import regex

from .. import facts as K
from ..context import Context
from ..facts import Fact
from ..resources import lexicon
from . import Hit, kind
from .lists import SEPARATOR
from .measures import count_type, is_approx, number


@cache
def _markers() -> tuple[regex.Pattern, regex.Pattern, regex.Pattern]:
    m = lexicon("measures")
    before = "|".join(
        regex.escape(w) for w in sorted(m["total_markers"]["before"], key=len, reverse=True)
    )
    after = "|".join(
        regex.escape(w) for w in sorted(m["total_markers"]["after"], key=len, reverse=True)
    )
    change = "|".join(regex.escape(w) for w in sorted(m["change_words"], key=len, reverse=True))
    return (
        regex.compile(rf"(?i:(?:{before}))\s*$"),
        regex.compile(rf"^\s*(?i:(?:{after}))(?!\p{{L}})"),
        regex.compile(rf"(?i:(?<![\p{{Latin}}])(?:{change})(?![\p{{Latin}}]))"),
    )


def _total_marks(text: str, f: Fact) -> tuple[bool, bool]:
    """(marked before, marked after): "총 8명", "a total of 8"; "8 people in all"."""
    before, after, _ = _markers()
    return (
        bool(before.search(text[max(0, f.start - 14) : f.start])),
        bool(after.match(text[f.end : f.end + 14])),
    )


@kind("parts-vs-total")
def parts_vs_total(ctx: Context, params: dict[str, Any]) -> Iterator[Hit]:
    """Counts of one type in a sentence, one marked as the total, that do not add up."""
    text = ctx.doc.text
    for _, in_sentence in ctx.per_sentence(K.COUNT):
        if len(in_sentence) < 3:
            continue  # a total and two parts are three counts
        counts = [c for c in in_sentence if count_type(c, ctx.doc.text)]
        marks = [(c, *_total_marks(text, c)) for c in counts]
        # "교사 13명 모두 37명": a marker before a count names the total more surely than
        # one after ("13명 모두" is "all 13").
        totals = [c for c, before, _ in marks if before] or [c for c, _, after in marks if after]
        if len(totals) != 1 or len(counts) < 3:
            continue
        total = totals[0]
        typ = count_type(total, ctx.doc.text)
        parts = [c for c in counts if c is not total and count_type(c, ctx.doc.text) == typ]
        if len(parts) < 2 or any(is_approx(c) for c in [total, *parts]):
            continue
        values = [number(c) for c in parts]
        t = number(total)
        if t is None or any(v is None for v in values):
            continue
        got = sum(v for v in values if v is not None)
        if abs(got - t) < 1e-9:
            continue
        yield Hit(
            total.start,
            total.end,
            related=[(c.start, c.end) for c in parts],
            values={
                "text": total.text,
                "value": _fmt(t),
                "sum": _fmt(got),
                "parts": " + ".join(c.text for c in parts),
            },
        )


@kind("shares-over-whole")
def shares_over_whole(ctx: Context, params: dict[str, Any]) -> Iterator[Hit]:
    """An enumeration of percentages in one sentence that sums well over 100%."""
    limit = float(params.get("max_total", 100))
    text = ctx.doc.text
    _, _, change = _markers()
    for (s, e), pcts in ctx.per_sentence(K.PERCENT):
        if len(pcts) < 3 or change.search(text, s, e):
            continue
        # Only an enumeration: each percentage separated from the next by a list separator
        # and a label of a few words ("A 45%, B 38% and C 30%").
        chain = [pcts[0]]
        for a, b in itertools.pairwise(pcts):
            gap = text[a.end : b.start]
            if len(gap) <= 40 and SEPARATOR.search(gap):
                chain.append(b)
            else:
                break
        if len(chain) < 3:
            continue
        values = [number(p) for p in chain]
        if any(v is None for v in values):
            continue
        total = sum(v for v in values if v is not None)
        # Each share may be rounded by up to half a unit.
        if total <= limit + 0.5 * len(chain) + 1:
            continue
        if total > 2 * limit:
            # Far over the whole: rates of different groups ("72% of A, 69% of B passed"),
            # not shares of one whole with a slip.
            continue
        yield Hit(
            chain[0].start,
            chain[-1].end,
            related=[(p.start, p.end) for p in chain],
            values={
                "text": text[chain[0].start : chain[-1].end],
                "sum": _fmt(total),
                "shares": " + ".join(p.text for p in chain),
            },
        )


def _fmt(v: float) -> str:
    return str(int(v)) if v == int(v) else f"{v:g}"
