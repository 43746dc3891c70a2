"""Regex fragments shared by the extractors, built once from the numeral lexicon."""

from __future__ import annotations

from functools import cache

import regex

from ..resources import lexicon


def alternation(words) -> str:
    """A regex alternation that prefers the longest word."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


# Digits with thousands separators and decimals; not glued to letters or other digits, so
# "G20", "COVID-19" and "A4" stay out while "25일" and "25th" stay in.
DIGITS = r"(?<![\p{Latin}\d.,\-/:])\d{1,3}(?:[,，]\d{3})+(?:[.．]\d+)?(?![\d])|(?<![\p{Latin}\d.,\-/:])\d+(?:[.．]\d+)?(?![\d])"
# Digits used inside CJK text, where letters of other scripts may touch them.
CJK_DIGITS = r"\d+(?:[,，]\d{3})*(?:[.．]\d+)?"


@cache
def en_number_words() -> str:
    en = lexicon("numerals")["en"]
    word = alternation([*en["units"], *en["tens"], *en["scales"]])
    # twenty-five, one hundred and twelve, 2.5 billion
    return rf"(?:(?:\d+(?:\.\d+)?|{word})(?:(?:[\s\-]+|\s+and\s+)(?:{word}))*)"


@cache
def en_number() -> str:
    """An English numeral: digits, words, or digits with a scale word ('2.5 billion')."""
    en = lexicon("numerals")["en"]
    scale = alternation(en["scales"])
    words = en_number_words()
    return rf"(?:(?:{DIGITS})(?:\s+(?:{scale})\b)?|(?<![\p{{L}}\-])(?i:{words})(?![\p{{L}}\-]))"


@cache
def han_number() -> str:
    """Han numerals, possibly mixed with digits: 二十五, 千五百, 1万5千, 3億, 两."""
    han = lexicon("numerals")["han"]
    chars = "".join([*han["digits"], *han["small"], *han["big"]])
    big = "".join(han["big"])
    return (
        rf"(?:{CJK_DIGITS}(?:[{big}千百十](?:{CJK_DIGITS}|[{chars}])*)?"
        rf"|[{chars}]+(?:[点點][{chars}]+)?)"
    )


@cache
def ko_number() -> str:
    """Korean numerals: digits with 만/억/조 units (3만, 1억2000만), Sino-Korean words."""
    sino = lexicon("numerals")["ko_sino"]
    digits = "".join(sino["digits"])
    units = "".join([*sino["small"], *sino["big"]])
    return (
        rf"(?:{CJK_DIGITS}(?:\s?[천백십]?[만억조](?:\s?{CJK_DIGITS}[천백십]?[만억조]?)*|[천백])?"
        # Sino-Korean in Hangul only with a unit, so that 이 ("this") and 일 ("day") stay out.
        rf"|(?<!\p{{Hangul}})[{digits}]?[{units}](?:[{digits}{units}])*(?=[\s\p{{P}}]|[명개년월일회차번시분초원]|$))"
    )


@cache
def ko_native_number() -> str:
    ko = lexicon("numerals")["ko_native"]
    units = alternation(ko["units"])
    tens = alternation(ko["tens"])
    return rf"(?:(?:{tens})(?:{units})?|(?:{units}))"
