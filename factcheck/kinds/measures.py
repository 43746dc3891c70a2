"""Shared reading of counts: what a count measures, and whether two values can be the same."""

from __future__ import annotations

from functools import cache, lru_cache

from ..facts import Fact
from ..resources import lexicon


@cache
def _noun_types() -> dict[str, str]:
    table: dict[str, str] = {}
    for typ, words in lexicon("measures")["noun_types"].items():
        for w in words:
            table[w.lower()] = typ
    return table


_MEASURE_WORDS = frozenset("个個家座所位名只支")


def count_type(f: Fact, text: str | None = None) -> str | None:
    """'person', 'country' ... for a count fact, or None when its noun is not typed.

    With the document text, a Chinese measure word is typed by the noun after it
    ("5个城市", "2家公司").
    """
    noun = str(f.attrs.get("noun", "")).lower().strip()
    if not noun:
        return None
    after = text[f.end : f.end + 4] if noun in _MEASURE_WORDS and text is not None else ""
    return _type_of(noun, after)


@cache
def _longest_first() -> tuple[str, ...]:
    return tuple(w for w in sorted(_noun_types(), key=len, reverse=True) if len(w) > 1)


@lru_cache(maxsize=8192)  # bounded: batches see endless names
def _type_of(noun: str, after: str) -> str | None:
    types = _noun_types()
    for word in _longest_first():
        if after.startswith(word):
            return types[word]
    if noun in types:
        return types[noun]
    # "개국" inside "3개국가": the longest typed counter the noun starts with.
    for word in _longest_first():
        if noun.startswith(word):
            return types[word]
    return None


def number(f: Fact) -> float | None:
    try:
        return float(str(f.value).split()[0].rstrip("%"))
    except (ValueError, IndexError):
        return None


@cache
def _total_words() -> frozenset[str]:
    m = lexicon("measures")["total_markers"]
    return frozenset(w.lower() for w in m["before"] + m["after"])


def is_approx(f: Fact) -> bool:
    """Whether the count is hedged ("about", "약", "余"); "총"/"計" mark totals, not hedges."""
    marker = str(f.attrs.get("approx") or "").lower().strip()
    return bool(marker) and marker not in _total_words()


def compatible(
    a: float, b: float, approx: bool, tolerance: float = 0.1, rounding: float = 0.02
) -> bool:
    """Whether two stated values can be the same quantity (approximations and rounding)."""
    if a == b:
        return True
    big = max(abs(a), abs(b))
    return abs(a - b) <= big * (tolerance if approx else rounding)
