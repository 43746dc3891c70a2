"""Arithmetic on the calendar: edition numbers against founding years, ages against birth years."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from functools import cache
from typing import Any

import regex

from .. import facts as K
from ..context import Context
from ..extract.events import event_signature, head_classes_in, same_event
from ..extract.numeric_patterns import expected_suffix
from . import Hit, kind

_AGE_EN = regex.compile(
    r"(?:(?<=\p{Lu}\p{Ll}+(?:\s\p{Lu}[\p{Ll}\-]+)*),\s(?P<a>\d{1,3}),)"
    r"|(?P<b>\d{1,3})-year-old|(?i:\baged?\s(?P<c>\d{1,3})\b)"
)
_AGE_CJK = regex.compile(
    r"(?:만\s?)?(?P<a>\d{1,3})\s?(?:세|살)(?!(?![의이가은는로])\p{Hangul})|(?P<b>\d{1,3})(?:岁|歳|才)"
    r"|(?<=[\p{Hangul}\p{Han}]{2,4})[(（](?P<c>\d{1,3})[)）]"
)
_BIRTH = regex.compile(
    r"(?i:\bborn\s+(?:in\s+|on\s+)?(?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+)?(?P<a>\d{4})\b)"
    r"|(?P<b>\d{4})\s?년\s?(?:생|출생|에\s?태어)|(?P<c>\d{4})\s?年\s?(?:生まれ|出生|生)|生于\s?(?P<d>\d{4})"
)

# What every match of _BIRTH holds: one search of the text skips articles without any.
_BIRTH_WORD = regex.compile(r"(?i:born)|년|年|生于")

_CONJUNCTION = regex.compile(r"(?i:\band\b|\bor\b|와\s|과\s|및|和|与|と|、)")


@kind("age-vs-birth-year")
def age_vs_birth_year(ctx: Context, params: dict[str, Any]) -> Iterator[Hit]:
    """'Kim, 45, born in 1970' in a 2023 article: 45 cannot be right."""
    text = ctx.doc.text
    # Only a sentence holding a birth word can state a birth year: the others are skipped
    # without a scan of their own.
    words = [m.start() for m in _BIRTH_WORD.finditer(text)]
    if not words:
        return
    year = ctx.date.year
    for s, e in ctx.sentences:
        i = bisect.bisect_left(words, s)
        if i == len(words) or words[i] >= e:
            continue
        births = [
            (m.start(), m.end(), int(next(g for g in m.groups() if g)))
            for m in _BIRTH.finditer(text, s, e)
        ]
        if len(births) != 1:
            continue
        b0, b1, born = births[0]
        ages = []
        for pat in (_AGE_EN, _AGE_CJK):
            for m in pat.finditer(text, s, e):
                group = next(k for k, v in m.groupdict().items() if v)
                ages.append((m.start(group), m.end(group), int(m[group]), pat is _AGE_CJK))
        if len(ages) != 1:
            continue
        a0, a1, age, korean_style = ages[0]
        gap = text[min(a1, b1) : max(a0, b0)]
        if len(gap) > 25 or _CONJUNCTION.search(gap):
            continue  # the age and the birth year may belong to two people
        allowed = {year - born - 1, year - born}
        if korean_style and regex.search(r"\p{Hangul}", text[s:e]):
            allowed.add(year - born + 1)  # Korean age counting is still common in print
        if age in allowed:
            continue
        yield Hit(
            a0,
            a1,
            related=[(b0, b1)],
            values={
                "text": text[a0:a1],
                "age": age,
                "born": born,
                "year": year,
                "expected": f"{year - born - 1} or {year - born}",
            },
        )


@kind("edition-arithmetic")
def edition_arithmetic(ctx: Context, params: dict[str, Any]) -> Iterator[Hit]:
    """The Nth annual event held since year Y, against the publication year."""
    text = ctx.doc.text
    annual = _any_word(tuple(w for lang in params.get("annual", {}).values() for w in lang))
    skipped = int(params.get("skipped_editions", 2))
    slots = [
        y
        for y in ctx.by_kind[K.YEAR]
        if y.attrs.get("slot") and 1000 <= int(y.attrs.get("year", 0)) <= ctx.date.year
    ]
    if not slots:
        return
    events = [e for e in ctx.by_kind[K.EVENT] if e.attrs.get("edition") != "other"]
    sentences = ctx.sentences
    index = {se: i for i, se in enumerate(sentences)}
    for ev in events:
        es, ee = ctx.sentence_at(ev.start)
        head, _, _ = event_signature(ev.value)
        best = None
        for y in slots:
            ys, ye = ctx.sentence_at(y.start)
            there = [o for o in events if ys <= o.start < ye]
            if there:
                # The year belongs to the event its own sentence names.
                linked = any(o is ev or same_event(o, ev) for o in there)
            else:
                # "The festival has been held since 2009": a head noun alone refers back to
                # the event of the sentence just before.
                linked = head is not None and _chained(
                    ctx, sentences, index[(es, ee)], index[(ys, ye)], head
                )
            if not linked:
                continue
            if not (annual.search(text, es, ee) or annual.search(text, ys, ye)):
                continue
            if best is None or abs(y.start - ev.start) < abs(best.start - ev.start):
                best = y
        if best is None:
            continue
        founded = int(best.attrs["year"])
        expected = ctx.date.year - founded + 1
        n = int(ev.attrs["ordinal"])
        # In the publication year the edition may or may not have happened yet; editions
        # can be skipped (a pandemic) but never outnumber the years.
        if expected - 1 - skipped <= n <= expected:
            continue
        s0, s1 = ev.attrs["ordinal_span"]
        yield Hit(
            s0,
            s1,
            related=[(best.start, best.end)],
            values={
                "text": ev.attrs["ordinal_text"],
                "value": _ordinal(n),
                "founded": founded,
                "year": ctx.date.year,
                "expected": _ordinal(expected),
            },
        )


@cache
def _any_word(words: tuple[str, ...]) -> regex.Pattern:
    # Cached: kinds run once per document, and the word lists are the rule's, fixed.
    return regex.compile("(?i:" + "|".join(regex.escape(w) for w in words) + ")")


def _chained(ctx: Context, sentences: list, a: int, b: int, head: str) -> bool:
    """The event of sentence a is still the subject in sentence b: b names its class, and so
    does every sentence between ("本届电影节 ...", "电影节自1993年 ..."), at most 3 apart."""
    lo, hi = min(a, b), max(a, b)
    text = ctx.doc.text
    between = [(s, e) for s, e in sentences[lo + 1 : hi + 1] if text[s:e].strip()]
    if len(between) > 3:
        return False
    return all(head in head_classes_in(text[s:e]) for s, e in between)


def _ordinal(n: int) -> str:
    return f"{n}{expected_suffix(n)}"
