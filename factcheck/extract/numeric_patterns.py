"""The anchored patterns read around numerals, and the English ordinal words they are built from.

_patterns() is the table of compiled patterns (counters, units, percent signs, money, ordinal
forms) that the numeric extractors match just before or after a numeral, and _relative_patterns()
the scans for relative ordinals ("next to last", "last but one", 끝에서 두 번째, 後ろから2番目).
The English ordinal word lexicon (expected_suffix, correct_en_ordinal_word, the word-to-value
tables) sits here because the patterns are made from it, and the English extractors and the
arithmetic checks use it.
"""

from __future__ import annotations

from functools import cache

import regex

from ..resources import lexicon
from .patterns import CJK_DIGITS, alternation, char_class


def expected_suffix(n: int) -> str:
    if 11 <= n % 100 <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


@cache
def _en_ordinal_words() -> tuple[dict[str, int], str]:
    en = lexicon("numerals")["en"]
    words: dict[str, int] = dict(en["ordinals"])
    # Cardinal + "th" as people misspell them: fiveth, nineth, twelveth, twentyth.
    for w, v in {**en["units"], **en["tens"]}.items():
        words.setdefault(w + "th", v)
    tens = alternation(en["tens"])
    unit = alternation(words)
    # Tens and unit joined by a hyphen, a dash, a space, or nothing ("twentyfifth").
    pattern = (
        # \b scans faster than the look-behind it stands for (every word here starts with a
        # letter); the dash is looked at apart.
        rf"\b(?<!-)(?i:(?:(?P<tens>{tens})[\-\u2010-\u2014\s]?)?(?P<unit>{unit}))"
        rf"(?![\p{{L}}\-])"
    )
    return words, pattern


def correct_en_ordinal_word(tens: str | None, unit: str) -> str:
    """The right spelling of an English ordinal word ('twenty', 'fiveth') -> 'twenty-fifth'."""
    en = lexicon("numerals")["en"]
    ordinals = {v: w for w, v in en["ordinals"].items()}
    cardinals = {**en["units"], **en["tens"]}
    low = unit.lower()
    value = en["ordinals"].get(low)
    if value is None and low.endswith("th"):
        value = cardinals.get(low[:-2])
    if value is None:
        return unit
    right = ordinals.get(value, unit)
    if tens:
        return f"{tens}-{right}"
    return right


@cache
def _en_ordinal_cardinals() -> dict[str, str]:
    """The cardinal word of each ordinal word: 'fifth' -> 'five', 'hundredth' -> 'hundred'."""
    en = lexicon("numerals")["en"]
    by_value = {v: w for w, v in {**en["units"], **en["tens"], **en["scales"]}.items()}
    words, _ = _en_ordinal_words()
    return {w: by_value[v] for w, v in words.items() if v in by_value}


def _last_chars(words) -> frozenset[str]:
    return frozenset(c for w in words for c in (w[-1].lower(), w[-1].upper()))


class _Before:
    """A marker right before a position ('about ', '$', '第', '약 '): a regex ending in \\Z,
    searched in a short window only when the character before (spaces skipped) can end it."""

    def __init__(self, words, pattern: str, width: int = 24) -> None:
        self.last = _last_chars(words)
        self.pattern = regex.compile(pattern)
        self.width = width

    def __call__(self, text: str, start: int) -> regex.Match | None:
        i = start - 1
        while i >= 0 and text[i] in " \t\u00a0":
            i -= 1
        if i < 0 or text[i] not in self.last:
            return None
        return self.pattern.search(text, max(0, start - self.width), start)


@cache
def _patterns() -> dict:
    lex = lexicon("counters")
    num = lexicon("numerals")
    approx = lex["approx"]
    not_adj = alternation(lex["en_not_adjectives"])
    pct = _spaced_alternation(lex["percent"])
    pct_units = char_class(lex["percent_before_units"])
    pct_links = _spaced_alternation(lex["percent_before_links"])
    pct_tenths = alternation(lex["percent_tenths"])
    pct_off = alternation(lex["percent_discount_off"])
    pct_paid = alternation(lex["percent_paid"])
    ko_neg = alternation(num["ko_sino"]["negative"])
    prefixes = sorted({p for ps in lex["ordinal_prefix"].values() for p in ps})
    ko_prefixes = lex["ordinal_prefix"]["ko"]
    cjk_prefixes = [p for p in prefixes if p not in ko_prefixes]
    suffix = lex["ordinal_suffix"]
    zh_ja_before = [*approx["zh_before"], *approx["ja_before"]]
    sino_digits = char_class(num["ko_sino"]["digits"])
    sino_big = char_class(num["ko_sino"]["big"])
    p: dict = {
        "en_ordinal": regex.compile(
            r"(?<![\p{L}\d.,\-/])(?P<num>\d+)(?P<suf>(?i:st|nd|rd|th))(?![\p{L}\d])"
        ),
        "en_ordinal_word": regex.compile(_en_ordinal_words()[1]),
        # The cardinal before an ordinal word: 'one hundred' twenty-fifth, 'two' hundredth.
        "en_ordinal_prefix": regex.compile(
            rf"(?<![\p{{L}}\-])(?i:(?:an?\s+)?(?:{_en_card_word()})"
            rf"(?:(?:[\s\-]+|\s+and\s+)(?:{_en_card_word()}))*)(?:\s+and)?[\s\-]+\Z"
        ),
        # Tails, matched where a numeral ends.
        "en_count": regex.compile(
            rf"(?:\s+(?!(?:{not_adj})\b)(?P<adj>[a-z][a-z\-]*))?\s+(?P<noun>[A-Za-z][a-z\-]*[a-z])\b"
        ),
        # "the company's 1987 results": a year after a possessive.
        "en_possessive_before": regex.compile(
            r"(?:['’]s|(?<![\p{L}])(?i:its|their|his|her|our|your))[ \t]+\Z"
        ),
        "ko_count": regex.compile(
            rf"\s?(?P<approx2>여)?\s?(?P<ctr>{alternation(lex['ko'])})"
            rf"(?P<approx3>{alternation(approx['ko_after'])})?"
        ),
        "cjk_count": regex.compile(
            rf"(?P<approx2>{alternation([*approx['zh_after'], *approx['ja_after']])})?"
            rf"(?P<ctr>{alternation([*lex['zh'], *lex['ja']])})"
        ),
        "money_after": regex.compile(
            rf"\s?(?P<cur>{alternation(lex['currency_after'])})(?![\p{{Latin}}])"
        ),
        "unit": regex.compile(rf"\s?(?P<unit>{alternation(lex['units'])})(?![\p{{Latin}}\d])"),
        # Percent markers are matched where a numeral ends. 成半, 割半: and a half tenth.
        "percent_after": regex.compile(
            rf"[ \t]*(?:(?P<pct>{pct})(?![\p{{Latin}}])"
            rf"|(?P<tenths>{pct_off}|{pct_tenths}|{pct_paid})(?P<half>半)?)"
        ),
        "cjk_prefix_ctr": regex.compile(
            rf"\s?(?:(?P<ctr>{alternation(lex['ordinal_prefix_counters']['cjk'])})"
            rf"|(?=(?P<rank>{alternation(lex['ordinal_rank_counters'])})))"
        ),
        "ko_prefix_ctr": regex.compile(
            rf"\s?(?P<ctr>{alternation(lex['ordinal_prefix_counters']['ko'])})"
        ),
        "cjk_suffix": regex.compile(rf"(?P<ctr>{alternation([*suffix['cjk'], *suffix['ja']])})"),
        # Markers before a numeral.
        "approx_en": _Before(
            approx["en"], rf"(?<![\p{{L}}])(?P<m>(?i:{alternation(approx['en'])}))\s+\Z", 30
        ),
        "approx_ko": _Before(
            approx["ko_before"], rf"(?P<m>{alternation(approx['ko_before'])})\s?\Z", 8
        ),
        "approx_cjk": _Before(zh_ja_before, rf"(?P<m>{alternation(zh_ja_before)})\Z", 8),
        "currency": _Before(
            lex["currency_before"], rf"(?P<m>{alternation(lex['currency_before'])})\s?\Z", 8
        ),
        "cjk_prefix": _Before(cjk_prefixes, rf"(?P<m>{alternation(cjk_prefixes)})\s?\Z", 6),
        "ko_prefix": _Before(
            ko_prefixes, rf"(?<!\p{{Hangul}})(?P<m>{alternation(ko_prefixes)})\s?\Z", 6
        ),
        # Scans of their own.
        "percent_before": regex.compile(
            rf"(?P<den>[{pct_units}](?:[ \t]*[{pct_units}])*)[ \t]*(?:{pct_links})[ \t]*"
        ),
        "percent_of": regex.compile(
            rf"(?<![\p{{L}}])(?i:{_spaced_alternation(lex['percent_of'])})\s+of\s+"
        ),
        # Found by the percent word, rarer than the words before it.
        "percent_unknown": regex.compile(
            rf"(?<=\b(?i:{alternation(lex['percent_unknown_after'])})\s{{1,3}})"
            rf"(?P<pct>(?i:{alternation(lex['percent_unknown'])}))(?![\p{{L}}])"
        ),
        "percent_ko": regex.compile(
            rf"(?<!\p{{Hangul}})(?P<num>(?:(?:{ko_neg})\s?)?{_ko_sino_spaced()})[ \t]?(?:{pct})"
        ),
        # 첫 before a noun is "first" (첫 단어); 첫 번째, 첫째 are read with their 째.
        "ko_ordinal": regex.compile(
            rf"(?:[번회]\s?)?째|(?<=[{sino_digits}십백천{sino_big}])등"
            rf"|(?<!\p{{Hangul}})첫(?=\s(?!번\s?째|째)\p{{Hangul}})"
        ),
        # Not after a digit either: the 일 of 3일째 ("the third day") is no numeral.
        "ko_ordinal_num": regex.compile(rf"(?<![\p{{Hangul}}\d]){_ko_ordinal_numeral()}\s?\Z"),
        "ko_rank_num": regex.compile(rf"(?<!\p{{Hangul}})(?P<sino>{_ko_sino_spaced()})\Z"),
    }
    p.update(_relative_patterns())
    return p


def _spaced_alternation(words) -> str:
    """An alternation in which a word of CJK or kana characters may be spaced out
    ("百 分 之", "パ ー セ ン ト"), as some texts set them."""
    out = []
    for w in sorted(set(words), key=len, reverse=True):
        if len(w) > 1 and not regex.search(r"[\p{Latin}\p{Hangul}\s%％]", w):
            out.append(r"[ \t\u3000]*".join(regex.escape(c) for c in w))
        else:
            out.append(regex.escape(w))
    return "|".join(out)


@cache
def _en_card_word() -> str:
    en = lexicon("numerals")["en"]
    return alternation([*en["units"], *en["tens"], *en["scales"], *en["scales_indian"]])


@cache
def _ko_sino_spaced() -> str:
    """A Sino-Korean numeral of any length, a space allowed after 만/억/조 (이십일조 삼백)."""
    sino = lexicon("numerals")["ko_sino"]
    ks = char_class(sino["digits"])
    big = char_class(sino["big"])
    group = rf"(?:[{ks}]?천)?(?:[{ks}]?백)?(?:[{ks}]?십)?[{ks}]?"
    return rf"(?=[{ks}십백천{big}]){group}(?:[{big}]\s?{group})*(?<=[{ks}십백천{big}])"


@cache
def _ko_ordinal_numeral() -> str:
    """The numeral of a Korean N번째: digits with units (3조), Sino-Korean (이백), native
    (열한, 스무, 두), or Sino-Korean hundreds and more with native tens (백스물다섯)."""
    native = lexicon("numerals")["ko_native"]
    units = alternation(native["units"])
    tens = alternation(native["tens"])
    nat = rf"(?:(?:{tens})\s?(?:{units})?|(?:{units}))"
    digits = rf"{CJK_DIGITS}(?:\s?[천백십]?[만억조])*"
    return (
        rf"(?P<num>(?:(?P<sino>{_ko_sino_spaced()})\s?)?(?P<native>{nat})"
        rf"|(?P<sino2>{_ko_sino_spaced()})|(?P<digits>{digits})|(?P<first>첫))"
    )


@cache
def _relative_patterns() -> dict:
    rel = lexicon("numerals")["relative_ordinals"]
    en, ja, ko = rel["en"], rel["ja"], rel["ko"]
    en_words = lexicon("numerals")["en"]
    nth = alternation([w for w, v in en_words["ordinals"].items() if 2 <= v <= 10])
    units = alternation([w for w, v in en_words["units"].items() if 1 <= v <= 9])
    han = lexicon("numerals")["han"]
    ja_num = rf"[\d{char_class(han['digits'])}{char_class(han['small'])}]+"
    ko_num = _ko_ordinal_numeral()
    ko_one = alternation(ko["one"])
    return {
        "rel_en": regex.compile(
            rf"\b(?<!-)(?i:(?P<the>the\s+)?(?:"
            rf"(?P<nth>next|{nth})\s+to\s+(?:the\s+)?last"
            rf"|last\s+but\s+(?P<but>{units})"
            rf"|one\s+before\s+the\s+last(?:\s+one(?![\p{{L}}]))?"
            rf"|(?P<word>{alternation(en['words'])})(?:\s+(?P<one>one)(?![\p{{L}}]|\s+\p{{L}}))?"
            rf"))(?![\p{{L}}\-])"
        ),
        "rel_en_next_word": regex.compile(r"\s+([A-Za-z']+)"),
        "rel_ja": regex.compile(
            rf"(?:{alternation(ja['from_end'])})(?P<n>{ja_num})(?P<how>番目|{alternation(ja['before'])})"
            rf"(?:の(?:{alternation(ja['one'])}))?"
            rf"|(?<![\p{{Han}}\d\p{{Katakana}}ー])(?P<word>{alternation(ja['words'])})"
            rf"(?![\p{{Han}}])(?:の(?P<one>{alternation(ja['one'])})|(?P<no>の)"
            rf"(?!(?:{alternation(ja['time_nouns'])}))|(?P<quote>(?=[”」』\"'])))?"
        ),
        "rel_ko": regex.compile(
            rf"(?<!\p{{Hangul}})(?:(?:{alternation(ko['from_end'])})\s?"
            rf"(?:(?P<just>{alternation(ko['just_before'])})(?:\s?(?:{ko_one}))?"
            rf"|{ko_num}\s?번째)"
            rf"|(?P<ntl>{alternation(ko['next_to_last'])})"
            rf"|(?P<cur>{alternation(ko['current'])})"
            rf"|(?P<word>{alternation(ko['words'])})"
            rf"(?!{alternation(ko['not_before'])}|\s?(?:{alternation(ko['time_nouns'])})"
            rf"(?:{alternation(ko['time_particles'])})?(?!\p{{Hangul}}))"
            rf"(?:\s(?P<one>것))?)"
        ),
    }
