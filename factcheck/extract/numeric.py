"""Numbers, ordinals, counts, percentages, money and measured quantities in en/ko/zh/ja.

Speed: the numeral grammar (patterns.number()) is large, and scanning a text with it from every
position costs microseconds per character. So one cheap trigger scan finds where a numeral can
begin (a digit, a Han or Hangul numeral character, an English number word) and the grammar is
only tried there. Everything built on a numeral (a count, a sum of money, a unit, a percentage,
第N and N番目) is then read from the few characters around it with anchored matches, instead
of scanning the whole text again with a pattern of its own. Only forms that do not start with
a numeral (English ordinal words, Korean N번째 with native numerals, relative ordinals) have
scans of their own, each starting with literal words the regex engine finds fast, and each
skipped when the text lacks the script it needs.

extract_numeric() is here; the scanner is in numeric_scan, the anchored patterns and English
ordinal words in numeric_patterns, money, units, counts and percentages in quantities, and the
scans of their own in numeric_en and numeric_ko_ja.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from .. import facts as K
from ..document import Document
from ..facts import Fact
from ..numbers import format_number
from ..resources import lexicon
from .base import make_fact
from .numeric_en import _en_ordinals, _en_relative
from .numeric_ko_ja import (
    _ja_relative,
    _kana_numerals,
    _ko_native_counts,
    _ko_ordinals,
    _ko_relative,
)
from .numeric_scan import _CJK, _HANGUL, _LATIN, _numerals
from .patterns import alternation
from .quantities import _adjust, _around_numerals, _is_han, _lone_unit, _num, _percents

# 十分 "very", 十足 "full", 十字 "cross": 十 alone before these is no number.
_NOT_TEN_BEFORE = frozenset("分足字全")


# Web addresses carry digits (and percent-encoding) that are not facts of the article.
_URL = regex.compile(r"(?i:https?://|www\.)[^\s<>\"']+")


def extract_numeric(doc: Document) -> Iterator[Fact]:
    text = doc.text
    if "://" not in text and "www." not in text.lower():
        yield from _extract_numeric(doc)
        return
    urls = [(m.start(), m.end()) for m in _URL.finditer(text)]
    for fact in _extract_numeric(doc):
        if not any(s <= fact.start < e for s, e in urls):
            yield fact


def _extract_numeric(doc: Document) -> Iterator[Fact]:
    text = doc.text
    has_latin = _LATIN.search(text) is not None
    has_hangul = _HANGUL.search(text) is not None
    has_cjk = _CJK.search(text) is not None

    numerals = _adjust([(m, _num(m.group())) for m in _numerals(text) if m.group().strip()], text)
    yield from _around_numerals(doc, numerals)
    yield from _percents(doc, numerals)
    if has_latin:
        yield from _en_ordinals(doc)
        yield from _en_relative(doc)
    if has_hangul:
        yield from _ko_ordinals(doc)
        yield from _ko_relative(doc)
        yield from _ko_native_counts(doc)
    if has_cjk:
        yield from _ja_relative(doc)
        yield from _kana_numerals(doc)

    pronoun_before = _one_pronoun_before()
    sino_syllables = lexicon("numerals")["ko_sino"]["digits"]
    financial = frozenset(lexicon("numerals")["han"]["financial"])
    for m, value in numerals:
        num = m.group()
        if value is None or _lone_unit(num.strip()) or num in sino_syllables:
            continue  # 일, 이, 사 alone are words ("day", "this", "company")
        if num == "十" and text[m.end() : m.end() + 1] in _NOT_TEN_BEFORE:
            continue
        if num in financial and (
            _is_han(text[m.start() - 1 : m.start()] or " ")
            or _is_han(text[m.end() : m.end() + 1] or " ")
        ):
            continue  # 队伍, 收拾, 大陆: a word, not an amount
        if num.lower() == "one" and pronoun_before.search(text, max(0, m.start() - 20), m.start()):
            continue  # "that one", "the one": a pronoun, not a count
        s, e = m.span()
        if num[0].isspace() or num[-1].isspace():
            yield make_fact(doc, K.NUMBER, s, e, format_number(value))
        else:
            # make_fact's trimming and attributes are not needed here; one fact per numeral
            # makes this the most frequent fact.
            yield Fact(K.NUMBER, s, e, num, format_number(value), doc.lang_at(s), {})


@cache
def _one_pronoun_before() -> regex.Pattern:
    words = alternation(lexicon("numerals")["en"]["one_pronoun_after"])
    return regex.compile(rf"(?i:(?<![\p{{L}}])(?:{words}))\s+\Z")
