"""Dates against the events they belong to: outside the event's stated range, or told in the
past tense but dated after publication."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import cache
from typing import Any

import regex

from .. import facts as K
from ..context import Context
from ..extract.events import head_classes_in, same_event
from ..extract.patterns import alternation
from ..facts import Fact
from . import Hit, kind
from .calendar import calendar_date


def _words(params: dict[str, Any], key: str) -> tuple[str, ...]:
    return tuple(w for words in (params.get(key) or {}).values() for w in words)


@cache
def _verbs(words: tuple[str, ...]) -> regex.Pattern:
    # Cached: kinds run once per document, and the word lists are the rule's, fixed.
    return regex.compile(rf"(?i:(?<![\p{{Latin}}])(?:{alternation(words)}))")


def _nearest(
    pattern: regex.Pattern, text: str, f: Fact, lo: int, hi: int
) -> tuple[int, str] | None:
    """Distance to, and text of, the match of ``pattern`` nearest the fact within [lo, hi)."""
    best: tuple[int, str] | None = None
    for m in pattern.finditer(text, lo, hi):
        d = f.start - m.end() if m.end() <= f.start else m.start() - f.end
        if d < 0:
            continue
        if best is None or d < best[0]:
            best = (d, m.group())
    return best


def _day_dates(ctx: Context) -> list[tuple[Fact, dt.date]]:
    out = []
    for f in ctx.by_kind[K.DATE]:
        if f.attrs.get("relative") or f.attrs.get("within") or "W" in f.value:
            # A bare weekday ("on Thursday") names no calendar day by itself: which week is
            # meant is exactly what the tense would have to tell.
            continue
        d = calendar_date(f, ctx.date)
        if d is not None:
            out.append((f, d))
    return out


def _attached_to_event(ctx: Context, f: Fact, params: dict[str, Any]) -> str | None:
    """The event verb a date is attached to, when the verb nearest it is one (not 'said')."""
    text = ctx.doc.text
    s, e = ctx.sentence_at(f.start)
    event = _nearest(_verbs(_words(params, "event_verbs")), text, f, s, e)
    if event is None:
        return None
    report = _nearest(_verbs(_words(params, "report_verbs")), text, f, s, e)
    if report is not None and report[0] <= event[0]:
        return None
    return event[1]


@kind("date-outside-event-range")
def date_outside_event_range(ctx: Context, params: dict[str, Any]) -> Iterator[Hit]:
    """An event held 21~25일, then "attended on the 27th": a date outside the stated range."""
    text = ctx.doc.text
    ranges = []
    for r in ctx.by_kind[K.DATERANGE]:
        resolved = r.attrs.get("resolved")
        s, e = ctx.sentence_at(r.start)
        if not resolved or not head_classes_in(text[s:e]):
            continue
        ranges.append(
            (r, dt.date.fromisoformat(resolved[0][:10]), dt.date.fromisoformat(resolved[1][:10]))
        )
    if len(ranges) != 1:
        return  # with several ranges, which one a date belongs to is guesswork
    r, lo, hi = ranges[0]
    rs, re_ = ctx.sentence_at(r.start)
    range_events = [ev for ev in ctx.by_kind[K.EVENT] if rs <= ev.start < re_]
    range_classes = head_classes_in(text[rs:re_])
    for f, d in _day_dates(ctx):
        if lo <= d <= hi or r.start <= f.start < r.end:
            continue
        s, e = ctx.sentence_at(f.start)
        there = [ev for ev in ctx.by_kind[K.EVENT] if s <= ev.start < e]
        if there:
            # A sentence that names its own event: only the range's event counts.
            if not any(same_event(a, b) or a is b for a in there for b in range_events):
                continue
        elif not head_classes_in(text[s:e]) & range_classes:
            continue
        if not _attached_to_event(ctx, f, params):
            continue
        if abs((d - hi).days) > 60 and abs((d - lo).days) > 60:
            continue  # a date far from the range is another occasion, not a slip
        yield Hit(
            f.start,
            f.end,
            related=[(r.start, r.end)],
            values={
                "text": f.text,
                "date": d.isoformat(),
                "range": r.text,
                "from": lo.isoformat(),
                "to": hi.isoformat(),
            },
        )


_DATELINE = regex.compile(r"\s+[-–—]\s")


def _patterns_param(params: dict[str, Any], key: str) -> regex.Pattern:
    return _any_of(_words(params, key))


@cache
def _any_of(patterns: tuple[str, ...]) -> regex.Pattern:
    return regex.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!)")


@cache
def _before_words(words: tuple[str, ...]) -> regex.Pattern:
    """One of the words right before a place (searched in the text before it)."""
    return _any_of((rf"(?i:(?:{alternation(words)})\s*$)",) if words else ())


@kind("past-tense-future-date")
def past_tense_future_date(ctx: Context, params: dict[str, Any]) -> Iterator[Hit]:
    """'attended the forum on the 27th' in an article published on the 25th."""
    if ctx.doc.date is None and not params.get("assume_today", False):
        return  # without a publication date, "after publication" means nothing
    text = ctx.doc.text
    past = _patterns_param(params, "past")
    present = _patterns_param(params, "present_or_future")
    future = _verbs(_words(params, "future_markers"))
    max_gap = int(params.get("max_gap", 30))
    # "year ending March 31", "bought until March 31": a period's end or a deadline.
    not_event = _before_words(_words(params, "period_words"))
    for f, d in _day_dates(ctx):
        if d <= ctx.date:
            continue
        s, e = ctx.sentence_at(f.start)
        if future.search(text, s, e) or not_event.search(text[max(s, f.start - 14) : f.start]):
            continue
        if _DATELINE.match(text, f.end):
            continue  # "WELLINGTON, Feb 27 -": the wire's dateline, often a time zone ahead
        verb = _nearest(past, text, f, s, e)
        if verb is None or verb[0] > max_gap:
            continue  # a past verb far from the date belongs to another clause ("said ...")
        other = _nearest(present, text, f, s, e)
        if other is not None and other[0] < verb[0]:
            continue  # the verb nearest the date is not in the past tense
        yield Hit(
            f.start,
            f.end,
            values={
                "text": f.text,
                "date": d.isoformat(),
                "verb": verb[1].strip(),
                "published": ctx.date.isoformat(),
            },
        )
