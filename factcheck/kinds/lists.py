"""A stated count against the list that spells it out ("the three countries, Korea, China,
Japan and Mongolia"; "세 나라(한국, 중국, 일본, 몽골)"; "中国、日本、韩国、蒙古三国")."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

import regex

from .. import facts as K
from ..context import Context
from ..extract.events import event_signature
from ..facts import Fact
from ..resources import lexicon
from . import Hit, kind
from .measures import count_type, is_approx, number

_EN_ITEM = r"(?:(?:the\s+)?[A-Z][\p{L}'’.\-]*(?:\s+[A-Z][\p{L}'’.\-]*){0,3})"
# Korean names are separated by "·"; in Chinese and Japanese the dot joins the parts of one
# transliterated name (帕特里克·里德, パトリック・リード), so there it is part of the item.
_KO_ITEM = r"(?:[\p{Hangul}\p{Latin}]{1,8})"
_CJK_ITEM = (
    r"(?:(?![^、，,()（）\s]*?[的了是在这這那个個们們])"
    r"[\p{Han}\p{Katakana}ー\p{Latin}]{1,6}(?:[·・][\p{Han}\p{Katakana}ー]{1,6})*)"
)
_EN_SEP = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*/\s*)"
_KO_SEP = r"(?:\s*[,·/]\s*|와\s|과\s|\s및\s)"
_CJK_SEP = r"(?:\s*[,、/，]\s*|和|与|與|及|と|や)"
_ITEM_SEP = {"en": (_EN_ITEM, _EN_SEP), "ko": (_KO_ITEM, _KO_SEP), "cjk": (_CJK_ITEM, _CJK_SEP)}
_OPEN = r"\s*(?:(?P<open>[(（]|[—–])\s*|[,:：]\s+)"
# After the count: ", A, B and C" / "(A, B, C)" / ": A, B, C"
_AFTER = {
    fam: regex.compile(rf"{_OPEN}(?P<list>{item}(?:{sep}{item})+)(?P<close>\s*[)）—–])?")
    for fam, (item, sep) in _ITEM_SEP.items()
}
# Before the count (Korean, Chinese, Japanese word order): "한국, 중국, 일본 3개국",
# "中国、日本、韩国三国", "日本、中国、韓国の3カ国"; 등/等/など say the list may be partial.
_BEFORE = {
    fam: regex.compile(
        rf"(?P<list>{item}(?:{sep}{item})+)\s*(?P<partial>등|等|など)?\s*(?:の)?\s*$"
    )
    for fam, (item, sep) in _ITEM_SEP.items()
    if fam != "en"
}
_SPLIT = {fam: regex.compile(sep) for fam, (_, sep) in _ITEM_SEP.items()}
_PARTIAL_AFTER = regex.compile(
    r"(?i:^\s*,?\s*(?:including|such as|among them|like|notably|e\.g\.))"
)
# Kept for the share rule: any list separator of any language.
SEPARATOR = regex.compile(rf"{_EN_SEP}|{_KO_SEP}|{_CJK_SEP}|·|・")


_CLAUSE_COMMA = regex.compile(r"[，,]")


def _all_places(listed: str) -> bool:
    places = _place_concepts()
    return all(event_signature(i)[1] & places for i in _items(listed, "cjk"))


@cache
def _place_concepts() -> frozenset[str]:
    return frozenset(lexicon("events").get("places", ()))


def _family(lang: str) -> str:
    return "en" if lang == "en" else "ko" if lang == "ko" else "cjk"


@cache
def _groups() -> dict[str, int]:
    return {k: len(v) for k, v in lexicon("events")["groups"].items()}


def _items(listed: str, family: str) -> list[str]:
    return [i for i in _SPLIT[family].split(listed.strip()) if i]


@kind("count-vs-list")
def count_vs_list(ctx: Context, params: dict[str, Any]) -> Iterator[Hit]:
    """A count of countries, cities, people ... that differs from the names listed with it."""
    wanted = set(params.get("types", ["country", "city", "company", "team"]))
    text = ctx.doc.text
    for c in ctx.by_kind[K.COUNT]:
        if is_approx(c) or count_type(c, ctx.doc.text) not in wanted:
            continue
        n = number(c)
        if n is None or n != int(n) or not 2 <= n <= 30:
            continue
        s_start, s_end = ctx.sentence_at(c.start)
        found = _listed_after(text, c, s_end) or _listed_before(text, c, s_start)
        if not found:
            continue
        start, end, items, partial = found
        if len(items) == int(n) or (partial and len(items) < int(n)):
            continue  # a list said to be partial may be shorter, never longer
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


def _listed_after(text: str, c: Fact, limit: int) -> tuple[int, int, list[str], bool] | None:
    fam = _family(c.lang)
    start = c.end
    # "5个国家（A、B）": the noun after a measure word comes before the bracket.
    noun = regex.match(r"[\p{Han}]{1,3}(?=\s*[(（])", text[start : start + 5])
    if noun and fam == "cjk":
        start += noun.end()
    m = _AFTER[fam].match(text, start, limit)
    if not m:
        return None
    if bool(m["open"]) != bool(m["close"]):
        return None  # "(A, B" without its bracket closing is not the whole list
    if fam == "en" and not m["open"]:
        # an English appositive list must end the clause: "the three countries, A, B and C."
        tail = text[m.end() : m.end() + 2]
        if tail[:1] not in (".", ";", ")", "\n", "") and not tail.startswith(", "):
            return None
    partial = bool(_PARTIAL_AFTER.match(text, c.end, limit))
    end = m.end("list")
    if text[end - 1] == "." and (end == len(text) or text[end].isspace()):
        end -= 1  # the full stop ends the sentence, not the last name
    return m.start("list"), end, _items(text[m.start("list") : end], fam), partial


def _listed_before(text: str, c: Fact, limit: int) -> tuple[int, int, list[str], bool] | None:
    fam = _family(c.lang)
    if fam == "en":
        return None
    window_start = max(limit, c.start - 80)
    m = _BEFORE[fam].search(text[window_start : c.start])
    if m and fam == "cjk" and _CLAUSE_COMMA.search(m["list"]) and not _all_places(m["list"]):
        # "在釜山开幕，来自三国": in Chinese a comma joins clauses; 、 joins names. A comma
        # list counts only when every item is a known place.
        m = None
    if m:
        return (
            window_start + m.start("list"),
            window_start + m.end("list"),
            _items(m["list"], fam),
            bool(m["partial"]),
        )
    # An abbreviation that names its members: "한중일 3개국", "中日韩三国".
    before = text[max(limit, c.start - 6) : c.start].rstrip(" 의の")
    for abbrev, size in sorted(_groups().items(), key=lambda kv: -len(kv[0])):
        if before.endswith(abbrev):
            s = c.start - (len(text[max(limit, c.start - 6) : c.start]) - len(before)) - len(abbrev)
            return s, s + len(abbrev), [abbrev] * size, False
    return None
