"""The same quantity stated differently in two languages, or in the headline and the body."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import regex

from .. import facts as K
from ..context import Context
from ..facts import Fact
from . import Hit, kind
from .measures import compatible, count_type, is_approx, number

# Vague amounts ("数十年", "몇 십년", "a few decades") state no value to compare.
_VAGUE = regex.compile(
    r"(?i:数|几|幾|몇|여러|수십|수백|수천|several|few|dozens|decades|hundreds|thousands)"
)
_DURATION = regex.compile(r"^PT?(?P<n>\d+(?:\.\d+)?)(?P<u>[YMWDHS])$")
_SECONDS = {"S": 1, "M": 60, "H": 3600, "D": 86400, "W": 604800}


def _measure(f: Fact, text: str) -> tuple[str, float] | None:
    """(type, value) of a fact that states a quantity, comparable across languages."""
    if f.kind == K.COUNT:
        typ = count_type(f, text)
        n = number(f)
        return (f"count:{typ}", n) if typ and n is not None else None
    if f.kind == K.QUANTITY:
        parts = str(f.value).split()
        if len(parts) == 2:
            try:
                return f"quantity:{parts[1]}", float(parts[0])
            except ValueError:
                return None
        return None
    if f.kind == K.DURATION:
        m = _DURATION.match(str(f.value))
        if not m:
            return None
        unit = m["u"]
        is_time = str(f.value).startswith("PT")
        if not is_time and unit in "YM":
            return f"duration:{unit}", float(m["n"])  # months and years vary in length
        return "duration:s", float(m["n"]) * _SECONDS[unit if is_time or unit != "M" else "M"]
    if f.kind == K.PERCENT:
        n = number(f)
        return ("percent", n) if n is not None else None
    return None


def _sides(ctx: Context) -> dict[tuple[str, str], list[Fact]]:
    sides: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for f in ctx.facts:
        if (f.attrs.get("within") and f.kind != K.COUNT) or _VAGUE.search(f.text):
            continue
        m = _measure(f, ctx.doc.text)
        if m is None:
            continue
        part = "head" if f.start < ctx.doc.headline_end else "body"
        sides[(f"{part}:{f.lang}", m[0])].append(f)
    return sides


def _disagree(ctx: Context, x: Fact, y: Fact, tol: float, rounding: float) -> bool:
    vx, vy = _measure(x, ctx.doc.text), _measure(y, ctx.doc.text)
    if vx is None or vy is None:
        return False
    return not compatible(vx[1], vy[1], is_approx(x) or is_approx(y), tol, rounding)


def _hit(x: Fact, y: Fact, where: str) -> Hit:
    first, second = sorted((x, y), key=lambda f: f.start)
    return Hit(
        second.start,
        second.end,
        related=[(first.start, first.end)],
        values={"text": second.text, "other": first.text, "where": where},
    )


def _aligned_pairs(ctx: Context) -> Iterator[tuple[Fact, Fact]]:
    """Quantities of one type, one in each of two adjacent lines in different languages.

    A release that alternates a sentence and its translation line by line pairs them
    exactly; elsewhere the whole text is compared (one quantity of a type per language).
    """
    starts = ctx.doc.line_starts
    bounds = zip(starts, [*starts[1:], len(ctx.doc.text)], strict=True)
    lines = [(s, e) for s, e in bounds if ctx.doc.text[s:e].strip()]
    per_line: list[tuple[str | None, dict[str, list[Fact]]]] = []
    facts = sorted(
        (f for f in ctx.facts if not (f.attrs.get("within") and f.kind != K.COUNT)),
        key=lambda f: f.start,
    )
    j = 0
    for s, e in lines:
        found: dict[str, list[Fact]] = defaultdict(list)
        while j < len(facts) and facts[j].start < s:
            j += 1
        k = j
        while k < len(facts) and facts[k].start < e:
            f = facts[k]
            m = _measure(f, ctx.doc.text)
            if m is not None and not _VAGUE.search(f.text):
                found[m[0]].append(f)
            k += 1
        per_line.append((_line_lang(ctx, s, e), found))
    i = 0
    while i + 1 < len(per_line):
        (la, fa), (lb, fb) = per_line[i], per_line[i + 1]
        if la is None or lb is None or la == lb:
            i += 1
            continue
        # A line and its translation form one pair; the translation does not pair again
        # with the next original.
        for typ, xs in fa.items():
            ys = fb.get(typ, [])
            if len(xs) == 1 and len(ys) == 1:
                yield xs[0], ys[0]
        i += 2


def _line_lang(ctx: Context, s: int, e: int) -> str | None:
    """The language most of a line's letters are in."""
    sizes: dict[str, int] = defaultdict(int)
    for seg in ctx.doc.segments:
        lo, hi = max(s, seg.start), min(e, seg.end)
        if lo < hi:
            sizes[seg.lang] += hi - lo
    return max(sizes, key=lambda k: sizes[k]) if sizes else None


@kind("cross-language-quantity")
def cross_language_quantity(ctx: Context, params: dict[str, Any]) -> Iterator[Hit]:
    """One quantity of a type per language (or headline/body) whose values cannot agree."""
    tol = float(params.get("approx_tolerance", 0.1))
    rounding = float(params.get("rounding", 0.02))
    compare_headline = bool(params.get("headline", True))
    sides = _sides(ctx)
    keys = sorted(sides)
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            if a[1] != b[1]:
                continue
            pa, la = a[0].split(":")
            pb, lb = b[0].split(":")
            cross_lang = pa == pb == "body" and la != lb
            head_body = compare_headline and {pa, pb} == {"head", "body"} and la == lb
            if not (cross_lang or head_body):
                continue
            fa, fb = sides[a], sides[b]
            if len(fa) != 1 or len(fb) != 1:
                continue  # several quantities of one type: no certain pairing
            x, y = fa[0], fb[0]
            if _disagree(ctx, x, y, tol, rounding):
                yield _hit(x, y, "the headline" if head_body else "the other language")
    if params.get("aligned_lines", True):
        for x, y in _aligned_pairs(ctx):
            if _disagree(ctx, x, y, tol, rounding):
                yield _hit(x, y, "the translated line")
