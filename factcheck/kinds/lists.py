"""A stated count against the list that spells it out ("the three countries, Korea, China,
Japan and Mongolia"; "세 나라(한국, 중국, 일본, 몽골)"; "中国、日本、韩国、蒙古三国")."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

import regex

from .. import facts as K
from ..context import Context
from ..facts import Fact
from ..resources import lexicon
from . import Hit, kind
from .measures import count_type, is_approx, number

_EN_ITEM = r"(?:[A-Z][\p{L}'’.\-]*(?:\s+[A-Z][\p{L}'’.\-]*){0,3})"
_CJK_ITEM = r"(?:[\p{Hangul}\p{Han}\p{Katakana}ー]{1,8})"
# After the count: ", A, B and C" / "(A, B, C)" / ": A, B, C"
_AFTER = regex.compile(
    rf"\s*(?:(?P<open>[(（])\s*|[,:：]\s+|\s*[—–]\s*)"
    rf"(?P<list>(?:{_EN_ITEM}|{_CJK_ITEM})(?:\s*(?:,\s*(?:and\s+|or\s+)?|、|·|・|/|\s+and\s+|\s+or\s+|와\s|과\s|\s및\s)\s*(?:{_EN_ITEM}|{_CJK_ITEM}))+)"
    rf"(?P<close>\s*[)）])?"
)
# Before the count (CJK word order): "한국, 중국, 일본 3개국", "中国、日本、韩国三国",
# "日本、中国、韓国の3カ国"
_BEFORE = regex.compile(
    rf"(?P<list>{_CJK_ITEM}(?:\s*(?:,|、|·|・|/|와\s|과\s|\s및\s|和|与|及|と)\s*{_CJK_ITEM})+)\s*(?:등\s*|等|の)?\s*$"
)
SEPARATOR = regex.compile(
    r"\s*(?:,\s*(?:and\s+|or\s+)?|、|·|・|/|\s+and\s+|\s+or\s+|와\s|과\s|\s및\s|和|与|與|及|と)\s*"
)


@cache
def _groups() -> dict[str, int]:
    return {k: len(v) for k, v in lexicon("events")["groups"].items()}


def _items(listed: str) -> list[str]:
    return [i for i in SEPARATOR.split(listed.strip()) if i]


@kind("count-vs-list")
def count_vs_list(ctx: Context, params: dict[str, Any]) -> Iterator[Hit]:
    """A count of countries, cities, people ... that differs from the names listed with it."""
    wanted = set(params.get("types", ["country", "city", "company", "team", "person"]))
    text = ctx.doc.text
    for c in ctx.by_kind[K.COUNT]:
        if is_approx(c) or count_type(c) not in wanted:
            continue
        n = number(c)
        if n is None or n != int(n) or not 2 <= n <= 30:
            continue
        s_start, s_end = ctx.sentence_at(c.start)
        found = _listed_after(text, c, s_end) or _listed_before(text, c, s_start)
        if not found:
            continue
        start, end, items = found
        if len(items) == int(n):
            continue
        yield Hit(
            c.start,
            c.end,
            related=[(start, end)],
            values={
                "text": c.text,
                "value": int(n),
                "listed": len(items),
                "items": ", ".join(items),
            },
        )


def _listed_after(text: str, c: Fact, limit: int) -> tuple[int, int, list[str]] | None:
    m = _AFTER.match(text, c.end, limit)
    if not m:
        return None
    if bool(m["open"]) != bool(m["close"]):
        return None  # "(A, B" without its bracket closing is not the whole list
    items = _items(m["list"])
    if c.lang == "en" and not m["open"]:
        # an English appositive list must end the clause: "the three countries, A, B and C."
        tail = text[m.end() : m.end() + 2]
        if tail[:1] not in (".", ";", ")", "\n", "") and not tail.startswith(", "):
            return None
    return m.start("list"), m.end("list"), items


def _listed_before(text: str, c: Fact, limit: int) -> tuple[int, int, list[str]] | None:
    if c.lang == "en":
        return None
    window_start = max(limit, c.start - 80)
    m = _BEFORE.search(text[window_start : c.start])
    if m:
        return window_start + m.start("list"), window_start + m.end("list"), _items(m["list"])
    # An abbreviation that names its members: "한중일 3개국", "中日韩三国".
    before = text[max(limit, c.start - 6) : c.start].rstrip(" 의の")
    for abbrev, size in sorted(_groups().items(), key=lambda kv: -len(kv[0])):
        if before.endswith(abbrev):
            s = c.start - (len(text[max(limit, c.start - 6) : c.start]) - len(before)) - len(abbrev)
            return s, s + len(abbrev), [abbrev] * size
    return None
