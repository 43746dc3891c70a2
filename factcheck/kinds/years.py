"""Year kinds: a year slot filled with a non-year, and a year that moved into a count."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .. import facts as K
from ..context import Context
from ..facts import Fact
from . import Hit, kind


def implausible_year(f: Fact, ctx: Context, min_year: int) -> str | None:
    """Why the number in a year slot cannot be the year meant, or None when it can."""
    y = f.attrs.get("year")
    if y is None:
        return None
    if y < min_year:
        return f"{y} is not a plausible year"
    if y > ctx.date.year:
        return f"{y} lies after the publication date ({ctx.date.isoformat()})"
    return None


@kind("year-plausibility")
def year_plausibility(ctx: Context, params: dict[str, Any]) -> Iterator[Hit]:
    """'held since 3', 'founded in 2031' (published 2023): the slot wants a real past year."""
    min_year = int(params.get("min_year", 1000))
    for f in ctx.by_kind[K.YEAR]:
        if not f.attrs.get("slot"):
            continue
        reason = implausible_year(f, ctx, min_year)
        if reason:
            yield Hit(f.start, f.end, values={"text": f.text, "value": f.value, "reason": reason})


@kind("year-swap")
def year_swap(ctx: Context, params: dict[str, Any]) -> Iterator[Hit]:
    """A year slot without a year, and a count that looks like a year: swapped numbers?"""
    min_year = int(params.get("min_year", 1000))
    lowest = int(params.get("lowest_year", 1800))
    missing = [
        f for f in ctx.by_kind[K.YEAR] if f.attrs.get("slot") and f.attrs.get("year", 0) < min_year
    ]
    if not missing:
        return
    for c in ctx.by_kind[K.COUNT]:
        number = c.attrs.get("number", "")
        if not number.isdigit() or len(number) != 4:
            continue  # "1,999 people" is written as a count on purpose
        if not lowest <= int(number) <= ctx.date.year:
            continue
        y = min(missing, key=lambda f: abs(f.start - c.start))
        yield Hit(
            c.start,
            c.end,
            related=[(y.start, y.end)],
            values={
                "text": c.text,
                "value": number,
                "other": y.text,
                "other_value": y.attrs["year"],
            },
        )
