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
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache

import regex

from .. import facts as K
from ..document import Document
from ..facts import Fact
from ..numbers import format_number, parse_cjk, parse_en_words, parse_ko_native, parse_number
from ..resources import lexicon
from .base import make_fact
from .patterns import CJK_DIGITS, alternation, char_class, digit_number, number


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


@cache
def _scanner() -> tuple[tuple, regex.Pattern, regex.Pattern]:
    """(triggers, English words, numeral): where a numeral may start, and the numeral
    grammar itself.

    The triggers find a superset of the first characters of every branch of number(), so
    trying the grammar only at trigger positions finds what a scan from every position finds.
    Each is a scan of its own: simple patterns scan several times faster than their union.
    """
    num = lexicon("numerals")
    en, han, sino, native = num["en"], num["han"], num["ko_sino"], num["ko_native"]
    first = {*han["digits"], *han["tens"], *han["small"], *han["big"], "半"}
    first |= {w[0] for w in han["negative"]}
    # Every Hangul numeral starts a word (or follows a minus word, which the trigger finds):
    # two Sino-Korean syllables (이십), one with a point (삼점사) or a fraction (팔분의 오), a
    # native word or a minus word. Trying the grammar anywhere else in Hangul would only fail.
    ks = char_class(sino["digits"])
    sino_all = char_class([*sino["digits"], *sino["small"], *sino["big"]])
    ko_words = alternation([*native["units"], *native["tens"], *sino["negative"]])
    ko_frac = alternation([*sino["fraction"], *sino["mixed"]])
    words = alternation(
        [
            *en["units"],
            *en["tens"],
            *en["scales"],
            *en["scales_indian"],
            *en["negative"],
            "half",
            "quarter",
        ]
    )
    # "a" and "an" start a numeral only before a scale, a dozen or a fraction ("a hundred").
    a_next = alternation(
        [*en["scales"], *en["scales_indian"], *en["multipliers"], *en["denominators"]]
        + [w for w, v in en["ordinals"].items() if v >= 100]
    )
    # The simple scans run faster on the standard re engine; the English words, matched on the
    # lower-cased text (see _numerals), faster without a case-insensitive alternation.
    triggers = (
        re.compile(rf"[\d{char_class(sorted(first))}\u00bc-\u00be\u2150-\u215e]+"),
        regex.compile(
            rf"(?<!\p{{Hangul}})(?:[{sino_all}]{{2}}|[{ks}](?:{alternation(sino['point'])})"
            rf"|[{sino_all}]\s?(?:{ko_frac})|{ko_words})"
        ),
        re.compile(r"[-−－+.．](?=\s?[\d.．])"),
    )
    en_words = regex.compile(rf"\b(?:{words})\b|\ban?\s+(?={a_next})")
    return triggers, en_words, regex.compile(number())


@cache
def _digits_only() -> regex.Pattern:
    return regex.compile(digit_number())


@cache
def _digit_run_then_word() -> regex.Pattern:
    """Digits whose numeral may go on in words or CJK units ('2.5 billion', '3 over 4', '3万',
    '4천', '1と1/2', '5分の2'): after the digits and separators, a character that goes on a Han
    or Korean numeral (unit, point, fraction or mixed-number marker), or after a space an
    English word that goes on a numeral (scale, dozen, 'over'). Anything else (25日, 2023년,
    45%, '5 p.m.', glued '10k' that the digits branch reads) ends a numeral in digits."""
    num = lexicon("numerals")
    en, han, sino = num["en"], num["han"], num["ko_sino"]
    singles = [
        *han["small"],
        *han["big"],
        *han["point"],
        *sino["small"],
        *sino["big"],
        *(w[0] for w in han["multipliers"]),
        *(w for w in han["vague"] if len(w) == 1),
        "半",
    ]
    # Fraction words ("5分の2", "3분의 1"), and mixed-number links only where a fraction
    # follows ("1と1/2", "백삼과 삼분의 이"): "30분", "3人と" end a numeral in digits.
    fractions = [*(w for ws in han["fraction"].values() for w in ws), *sino["fraction"]]
    fraction = "|".join(r"\s*".join(regex.escape(c) for c in w) for w in fractions)
    mixed = alternation([*(w for ws in han["mixed"].values() for w in ws), *sino["mixed"]])
    cjk_words = (
        rf"{fraction}|(?:{mixed})(?=[^\n]{{0,16}}?(?:{fraction}|[/／]))"
        rf"|{alternation(w for w in han['vague'] if len(w) > 1)}"
    )
    words = alternation(
        [
            *en["scales"],
            *en["scales_indian"],
            *en["multipliers"],
            *(w.split()[0] for w in en["fraction_links"]),
            *en["point"],
        ]
    )
    return regex.compile(
        # Bounded: an unbounded run would rescan "1,234,1,234,..." from every digit (quadratic);
        # no numeral is written with more than 64 digits and separators.
        rf"[\d.,，．]{{0,64}}+(?:[ \t\u00a0]*+(?:[{char_class(sorted(set(singles)))}]|{cjk_words})"
        rf"|\s++(?i:{words})(?![\p{{L}}]))"
    )


@cache
def _plain_digit_ends() -> tuple[frozenset[str], frozenset[str]]:
    """(before, after): characters around a run of ASCII digits that make it a numeral of its
    own, with nothing for the digit grammar to add: no sign, separator, decimal, fraction,
    exponent, scale letter or unit may touch it. Only characters of CJK and Hangul text (and
    closing punctuation) are listed; anything else goes through the grammar."""
    han = lexicon("numerals")["han"]
    sino = lexicon("numerals")["ko_sino"]
    cont = {*han["digits"], *han["tens"], *han["small"], *han["big"], *han["point"]}
    # Sino-Korean digits do not go on digits ("9일" is the 9th); their units do (3만).
    cont |= {*sino["small"], *sino["big"]}
    cont |= {w[0] for w in [*han["vague"], *han["multipliers"], *han["half"], *han["negative"]]}
    cont |= {w[0] for ws in han["mixed"].values() for w in ws}
    cont |= {w[0] for w in sino["mixed"]}
    cont |= set("の、．，／×乗\u3000")
    # Fraction words go on digits (3分の1, 3분의 1), their first characters alone do not
    # (30分, 30분): these are looked at with the character after them.
    fractions = [*(w for ws in han["fraction"].values() for w in ws), *sino["fraction"]]
    return frozenset(w[0] for w in fractions), frozenset(cont)


@cache
def _han_nonzero_digits() -> tuple[frozenset[str], frozenset[str]]:
    """(Han digits one to nine, the percent words that may follow a pair of them)."""
    lex = lexicon("counters")
    digits = frozenset(c for c, v in lexicon("numerals")["han"]["digits"].items() if v)
    return digits, frozenset(w[0] for w in [*lex["percent_paid"], *lex["percent_tenths"]])


def _han_pair(text: str, end: int) -> bool:
    """Whether text[end-2:end] is two Han digits from one to nine side by side, no number:
    Chinese writes 56 as 五十六 and reads digit by digit only longer runs (二〇一八,
    一二三四); a pair is a range (五六个 "five or six") or part of a word (唯一一位, 一一列举).
    Before 折 or 成 a pair is a percentage (七五折 = 75%)."""
    digits, percent = _han_nonzero_digits()
    return (
        text[end - 2] in digits and text[end - 1] in digits and text[end : end + 1] not in percent
    )


def _plain_digits(text: str, p: int, q: int) -> bool:
    """Whether the ASCII digits text[p:q] are a whole numeral by themselves (see above)."""
    prev = text[p - 1] if p else " "
    nxt = text[q] if q < len(text) else " "
    fraction_first, cont = _plain_digit_ends()
    # Before: a space or CJK/Hangul text (not full-width forms, which hold digits, signs and
    # Latin letters); after: CJK/Hangul text that goes on no numeral, or punctuation.
    if not (prev in " \n\t" or ("\u3000" < prev < "\uff00" and prev not in cont)):
        return False
    if nxt in fraction_first:
        return text[q + 1 : q + 3].lstrip()[:1] not in ("之", "の", "의", "")
    return nxt in ")]!?;\"'%" or ("\u3000" < nxt < "\uff00" and nxt not in cont)


_ASCII_DIGITS = re.compile(r"[0-9]+")


def _numerals(text: str) -> list[regex.Match]:
    triggers, en_words, grammar = _scanner()
    full = grammar.match
    digits = _digits_only().match
    then_word = _digit_run_then_word().match
    run = _ASCII_DIGITS.match
    spans = [t.span() for trigger in triggers for t in trigger.finditer(text)]
    low = text.lower()
    if len(low) != len(text):  # a letter whose lower case is longer: a slower, exact scan
        en_words = regex.compile(en_words.pattern, regex.IGNORECASE)
        low = text
    spans += [t.span() for t in en_words.finditer(low)]
    spans.sort()
    out: list = []
    pos = 0
    for p, e in spans:
        if e <= pos:
            continue
        p = max(p, pos)
        while p < e:
            # The whole grammar costs ~10x the digits branch alone, and at a digit the Han,
            # Korean and English branches can only match when a word follows the digits: the
            # plain-digit fast path gives the same result as the grammar.
            c = text[p]
            if "0" <= c <= "9":
                q = run(text, p).end()
                if _plain_digits(text, p, q):
                    out.append(_Span(text, p, q))
                    p = pos = q
                    continue
                m = digits(text, p) if then_word(text, p) is None else full(text, p)
            else:
                m = full(text, p)
                if m is not None and "\uac00" <= c <= "\ud7a3" and not _hangul_word_ok(text, m):
                    p = m.end()  # a word with numeral syllables in it: nothing inside it either
                    continue
                if m is not None and m.end() - p == 2 and _han_pair(text, m.end()):
                    p = m.end()  # 五六个 "five or six", 唯一一位, 九九: no two-digit number
                    continue
            if m is not None and m.end() > p:
                out.append(m)
                p = pos = m.end()
            else:
                p += 1
    return out


@cache
def _hangul_word_lexicon() -> tuple[regex.Pattern, ...]:
    """(a counter or particle ending the word, a counter ending it, a counter after one space,
    an attributive native form at the end, the Sino-Korean numeral syllables)."""
    num = lexicon("numerals")
    lex = lexicon("counters")
    sino, native = num["ko_sino"], num["ko_native"]
    hangul = [
        w
        for w in [*lex["ko"], *lex["currency_after"], *lex["units"], *lex["percent"]]
        if regex.match(r"\p{Hangul}", w)
    ]
    counters = alternation([*hangul, *lex["ko_hangul_numeral_after"]])
    particles = alternation(sino["particles"])
    # Particles and copulas go on in Hangul (이었다, 였다); a counter ends its word or a
    # particle follows it (일조원의, 오만 명이; not 구조원인, 백만장자).
    ends = regex.compile(rf"(?:{counters})(?:{particles})?(?!\p{{Hangul}})|(?:{particles})")
    counter = regex.compile(rf"[ \t]?(?:{counters})(?:{particles})?(?!\p{{Hangul}})")
    attributive = regex.compile(rf"\p{{Hangul}}(?:{alternation(native['attributive'])})\Z")
    syllables = char_class([*sino["digits"], *sino["small"], *sino["big"], *sino["point"], " "])
    money = alternation(w for w in lex["currency_after"] if regex.match(r"\p{Hangul}", w))
    money = regex.compile(rf"(?:{money})(?:{particles}|(?!\p{{Hangul}}))")
    return ends, counter, attributive, regex.compile(rf"[{syllables}]+"), money


def _hangul_word_ok(text: str, m: regex.Match) -> bool:
    """Whether a numeral written in Hangul alone is a numeral word, not numeral syllables
    inside an ordinary word (조사 "survey", 구조대 "rescue team", 공천, 열세 "inferiority").

    Numbers with big units are written with digits in Korean news (9조, 5만); spelled in
    Hangul, one digit and a big unit are mostly a word (구조, 오만, 일조), so they count only
    standing alone or before a counter (일조원의, 오만 명). A big unit with one syllable after
    it (만이, 만일, 조사, 억만) is no numeral at all, nor a zero before a unit (공천, 영천). An
    attributive native form (열세, 스무) is a numeral only before a counter."""
    ends, counter, attributive, syllables, money = _hangul_word_lexicon()
    word = m.group()
    e = m.end()
    nxt = text[e : e + 1]
    glued = "\uac00" <= nxt <= "\ud7a3" if nxt else False
    if not syllables.fullmatch(word):
        # Native words, fractions (삼분의 일), digits (3만): only tens with an attributive
        # unit (열세, 스물두) glued to more Hangul need it to be a counter (not 열세를).
        return attributive.search(word) is None or not glued or counter.match(text, e) is not None
    word = word.replace(" ", "")
    if glued and ends.match(text, e) is None:
        return False  # 구조원인, 백만장자: more of a word follows
    sino = lexicon("numerals")["ko_sino"]
    big = "".join(sino["big"])
    zero = word[0] in sino["digits"] and sino["digits"][word[0]] == 0
    if zero and len(word) > 1 and word[1] in "".join(sino["small"]) + big:
        return False
    if word[0] in big and len(word) == 2:
        return False
    if len(word) == 2 and word[1] in big:
        # Alone (일조.), before a counter (오만 명) or glued to a currency (일조원의); not
        # before other words or glued to other counters (구조대, 구조 작업).
        if glued:
            return money.match(text, e) is not None
        return not nxt.isspace() or counter.match(text, e) is not None
    return True


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


_SCALE_WORDS = {"bn": 1e9, "mn": 1e6}
_LATIN = regex.compile(r"\p{Latin}")
_HANGUL = regex.compile(r"\p{Hangul}")
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")


def _num(text: str | None) -> float | None:
    if text is None:
        return None
    return parse_number(text)


def _lone_unit(text: str) -> bool:
    """'万', '百', '만': a unit character alone is a word, not a number (十 is ten)."""
    return len(text) == 1 and text in "万萬亿億兆百千만억조천백십"


# 十分 "very", 十足 "full", 十字 "cross": 十 alone before these is no number.
_NOT_TEN_BEFORE = frozenset("分足字全")


def _percents(doc: Document, numerals: list[tuple[regex.Match, float | None]]) -> Iterator[Fact]:
    pats = _patterns()
    lex = lexicon("counters")
    text = doc.text
    after_pct = pats["percent_after"].match
    pct_starts = _tail_starts()["percent"]
    n = len(text)
    for m, value in numerals:
        if value is None:
            continue
        k = m.end()
        while k < n and text[k] in " \t":
            k += 1
        if k >= n or text[k] not in pct_starts:
            continue
        after = after_pct(text, m.end())
        if not after:
            continue
        marker = after["tenths"]
        if marker in lex["percent_paid"]:
            # 九折 and 八點五折 are tenths; 七五折 and 75折 are already percent.
            compact = unicodedata.normalize("NFKC", m.group()).replace(" ", "")
            two_places = len(compact) >= 2 and value >= 10 and not regex.search(r"[.点點]", compact)
            value = value if two_places else value * 10
        elif marker in lex["percent_discount_off"]:
            value = 100 - value * 10
        elif marker:
            value = value * 10 + (5 if after["half"] else 0)
        yield make_fact(doc, K.PERCENT, m.start(), after.end(), format_number(value) + "%")
    if _CJK.search(text):
        grammar = _scanner()[2]
        for m in pats["percent_before"].finditer(text):
            den = parse_cjk(m["den"])
            n = grammar.match(text, m.end())
            value = _num(n.group()) if n else None
            if value is None or not den or den < 100 or format_number(den).strip("0") != "1":
                continue
            value *= 100 / den
            yield make_fact(doc, K.PERCENT, m.start(), n.end(), format_number(value) + "%")
    if _LATIN.search(text):
        yield from _en_percent_words(doc)
    if _HANGUL.search(text) and _ko_percent_possible(text):
        for m in pats["percent_ko"].finditer(text):
            value = _num(m["num"])
            if value is not None:
                yield make_fact(doc, K.PERCENT, m.start(), m.end(), format_number(value) + "%")


@cache
def _ko_percent_gate() -> tuple[regex.Pattern, frozenset[str]]:
    lex = lexicon("counters")
    sino = lexicon("numerals")["ko_sino"]
    return (
        regex.compile(_spaced_alternation(lex["percent"])),
        frozenset([*sino["digits"], *sino["small"], *sino["big"]]),
    )


def _ko_percent_possible(text: str) -> bool:
    """Whether a percent word follows a Hangul numeral syllable somewhere: the scan for
    Sino-Korean percentages (삼십 퍼센트) is costly, the percent words are few."""
    marker, syllables = _ko_percent_gate()
    for m in marker.finditer(text):
        before = text[max(0, m.start() - 2) : m.start()].rstrip(" \t")
        if before and before[-1] in syllables:
            return True
    return False


def _en_percent_words(doc: Document) -> Iterator[Fact]:
    """ "percent of 10" (10%), and a percent word with no number ("a small percent", "the % of
    increase"): a percentage of unknown value, as Recognizers-Text reports it."""
    pats = _patterns()
    text = doc.text
    grammar = _scanner()[2]
    for m in pats["percent_of"].finditer(text):
        n = grammar.match(text, m.end())
        value = _num(n.group()) if n else None
        if value is not None:
            yield make_fact(doc, K.PERCENT, m.start(), n.end(), format_number(value) + "%")
    for m in pats["percent_unknown"].finditer(text):
        # Recognizers-Text writes the value of such a percentage as "null".
        yield make_fact(doc, K.PERCENT, m.start("pct"), m.end(), "null")


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


class _Span:
    """A numeral the grammar did not match in one piece, with the Match methods used here."""

    __slots__ = ("_end", "_start", "_text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self._start, self._end, self._text = start, end, text[start:end]

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def span(self) -> tuple[int, int]:
        return self._start, self._end

    def group(self) -> str:
        return self._text


# After a currency symbol a glued "m" is millions ("$50.7m"), as are glued scale words
# ("£11million"), which the numeral grammar reads only after a space.
_MONEY_SYMBOLS = frozenset("$£€¥₩￥")
_MONEY_SCALES = {"m": 1e6, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_MONEY_SCALE = regex.compile(r"(m|million|billion|trillion)(?![\p{L}\d])")
_YEAR_SPAN = regex.compile(r"((?:1[89]|20)\d\d)/(\d\d)")
_OUT_OF = regex.compile(r"(?i)\s+(?:out\s+of|over)\s+")
_IN_PARENS = regex.compile(r"[ \t]?[(（]([^()（）]{1,40})[)）]")


def _adjust(numerals: list, text: str) -> list:
    """Corrections the grammar cannot make alone: "12 out of 10" is two numbers, as no share
    is more than the whole; "forty-five (45)" is one number written twice; "1987/88" is a
    season; "$50.7m" is millions."""
    out: list = []
    grammar = _scanner()[2]
    for m, value in numerals:
        if value is None:
            out.append((m, value))
            continue
        g = m.group()
        s = m.start()
        before = text[s - 1] if s else ""
        if value > 1 and " " in g and g[:1].isalnum():
            link = _OUT_OF.search(g)
            if link:
                e = m.end()
                a = grammar.match(text, s, s + link.start())
                b = grammar.match(text, s + link.end(), e)
                if a and b and a.end() == s + link.start() and b.end() == e:
                    out += [(a, _num(a.group())), (b, _num(b.group()))]
                    continue
        if out and before in ("(", "（"):
            prev, prev_value = out[-1]
            paren = _IN_PARENS.match(text, prev.end())
            if (
                paren
                and paren.end(1) == m.end()
                and paren.start(1) == s
                and prev_value == value
                and prev.group()[:1].isdigit() != g[:1].isdigit()
            ):
                out[-1] = (_Span(text, prev.start(), paren.end()), value)
                continue
        if "/" in g:
            span = _YEAR_SPAN.fullmatch(g)
            if span and int(span[2]) == (int(span[1]) + 1) % 100:
                # 1987/88: a season or fiscal year, not 22.58; the first year is the number.
                out.append((_Span(text, s, s + 4), float(span[1])))
                continue
        if before in _MONEY_SYMBOLS:
            scale = _MONEY_SCALE.match(text, m.end())
            if scale and g[-1:].isdigit():
                out.append((_Span(text, s, scale.end()), value * _MONEY_SCALES[scale[1]]))
                continue
        out.append((m, value))
    return out


def _first_chars(words) -> frozenset[str]:
    return frozenset(w[0] for w in words if w)


@cache
def _tail_starts() -> dict[str, frozenset[str]]:
    """The characters each tail read after a numeral can start with (spaces skipped): a tail
    whose first character is not there cannot match, and its regex is not tried."""
    lex = lexicon("counters")
    approx = lex["approx"]
    return {
        "ko_count": _first_chars(["여", *lex["ko"]]),
        "cjk_count": _first_chars(
            [*approx["zh_after"], *approx["ja_after"], *lex["zh"], *lex["ja"]]
        ),
        "cjk_suffix": _first_chars([*lex["ordinal_suffix"]["cjk"], *lex["ordinal_suffix"]["ja"]]),
        "money_after": _first_chars(lex["currency_after"]),
        "unit": _first_chars(lex["units"]),
        "percent": _first_chars(
            [
                *lex["percent"],
                *lex["percent_tenths"],
                *lex["percent_discount_off"],
                *lex["percent_paid"],
            ]
        ),
    }


def _around_numerals(
    doc: Document, numerals: list[tuple[regex.Match, float | None]]
) -> Iterator[Fact]:
    """Counts, money, units and CJK ordinals: a numeral with what stands before or after it."""
    pats = _patterns()
    lex = lexicon("counters")
    text = doc.text
    irregular = set(lex["en_nouns_irregular"])
    not_counted = set(lex["en_not_counted"])
    ordinal_suffix = lex["ordinal_suffix"]
    ja_only = set(ordinal_suffix["ja"])
    en_count, ko_count, cjk_count = pats["en_count"], pats["ko_count"], pats["cjk_count"]
    starts = _tail_starts()
    ko_starts, cjk_starts, suffix_starts = (
        starts["ko_count"],
        starts["cjk_count"],
        starts["cjk_suffix"],
    )
    money_starts, unit_starts = starts["money_after"], starts["unit"]
    any_tail = frozenset().union(*starts.values())
    ko_particles = frozenset(lexicon("numerals")["ko_sino"]["particles"])
    cjk_prefix, ko_prefix, symbol = pats["cjk_prefix"], pats["ko_prefix"], pats["currency"]
    prefix_last = cjk_prefix.last | ko_prefix.last | symbol.last
    n = len(text)
    for m, value in numerals:
        if value is None:
            continue
        s, e = m.span()
        num = m.group()
        lone = _lone_unit(num)
        nxt = text[e] if e < n else ""
        # The first character of a tail: tails may start after one space (300 명, 42 km).
        after = text[e + 1] if nxt.isspace() and e + 1 < n else nxt
        prev = text[s - 1] if s else ""
        # The last character before the numeral, spaces skipped: markers before it end there.
        i = s - 1
        while i >= 0 and text[i] in " \t\u00a0":
            i -= 1
        before = text[i] if i >= 0 else ""
        if not (nxt.isspace() or after in any_tail or nxt in any_tail or before in prefix_last):
            continue  # no tail can follow and no marker stands before

        # Ordinals with a prefix (第25届, だい12, 제25회) or a counter (二十五番目, 一等, 二位).
        pre = cjk_prefix(text, s) if before in cjk_prefix.last else None
        if pre and not lone:
            c = pats["cjk_prefix_ctr"].match(text, e)
            end = c.end("ctr") if c and c["ctr"] else e
            lang = doc.lang_at(pre.start())
            yield make_fact(
                doc,
                K.ORDINAL,
                pre.start(),
                end,
                format_number(value),
                lang if lang in ("zh", "ja") else "zh",
                counter=(c["ctr"] or c["rank"]) if c else None,
            )
        elif not lone and nxt in suffix_starts and not (prev and _is_han(prev)):
            c = pats["cjk_suffix"].match(text, e)
            if c and (c["ctr"] not in ja_only or doc.lang_at(s) == "ja"):
                lang = doc.lang_at(s)
                yield make_fact(
                    doc,
                    K.ORDINAL,
                    s,
                    c.end(),
                    format_number(value),
                    lang if lang in ("zh", "ja") else "zh",
                    counter=c["ctr"],
                )
        pre = ko_prefix(text, s) if before in ko_prefix.last else None
        if pre:
            c = pats["ko_prefix_ctr"].match(text, e)
            yield make_fact(
                doc,
                K.ORDINAL,
                pre.start(),
                c.end() if c else e,
                format_number(value),
                "ko",
                counter=c["ctr"] if c else None,
            )

        # Counts: 250 students, 300명, 八百人.
        if nxt.isspace():
            c = en_count.match(text, e)
            if c:
                noun, adj = c["noun"], c["adj"]
                if adj and (adj in irregular or adj in not_counted or adj.endswith("s")):
                    # "300 people from ...": the first word after the number is the noun.
                    noun = adj
                    end = c.end("adj")
                else:
                    end = c.end()
                low = noun.lower()
                if (
                    value != 1  # "no one appears", "one needs": a verb after one
                    and low not in not_counted
                    and (low in irregular or _en_plural(low))
                    and not _en_date_or_year(text, s, num, value)
                ):
                    a = pats["approx_en"](text, s)
                    yield make_fact(
                        doc,
                        K.COUNT,
                        s,
                        end,
                        format_number(value),
                        "en",
                        noun=low,
                        approx=a["m"].lower() if a else None,
                        number=num,
                    )
        if not lone and (after in ko_starts or nxt in ko_starts):
            c = ko_count.match(text, e)
            if c:
                a = pats["approx_ko"](text, s)
                yield make_fact(
                    doc,
                    K.COUNT,
                    s,
                    c.end(),
                    format_number(value),
                    "ko",
                    noun=c["ctr"],
                    approx=(a["m"] if a else None) or c["approx2"] or c["approx3"],
                    number=num,
                )
        if not lone and (nxt in cjk_starts or (nxt == " " and after in cjk_starts)):
            # "2400 名": a counter may stand a space apart from digits.
            c = cjk_count.match(text, e + (nxt == " "))
            if c and not (c["ctr"] in ja_only and doc.lang_at(s) == "ja"):
                a = pats["approx_cjk"](text, s)
                lang = doc.lang_at(s)
                yield make_fact(
                    doc,
                    K.COUNT,
                    s,
                    c.end(),
                    format_number(value),
                    lang if lang in ("zh", "ja") else "zh",
                    noun=c["ctr"],
                    approx=(a["m"] if a else None) or c["approx2"],
                    number=num,
                )

        # Money and units: $3.2 million, 50억원, 42 km.
        cur = symbol(text, s) if before in symbol.last else None
        if cur:
            currency = lex["currency_before"][cur["m"]]
            yield _quantity(doc, cur.start(), e, value, currency, "money")
        c = pats["money_after"].match(text, e) if after in money_starts else None
        if c:
            yield _quantity(doc, s, c.end(), value, lex["currency_after"][c["cur"]], "money")
        c = pats["unit"].match(text, e) if after in unit_starts else None
        if c and not (c["unit"] in ko_particles and "\uac00" <= num[-1] <= "\ud7a3"):
            # 도 is a degree after digits (30도), the particle "even" after a word (하나도).
            yield _quantity(doc, s, c.end(), value, lex["units"][c["unit"]], "unit")


def _en_date_or_year(text: str, s: int, num: str, value: float) -> bool:
    """Whether the number at s is a day after a month name ("the September 14 poisonings")
    or a year after a possessive ("the company's 1987 results"), not a count."""
    c = text[s - 2 : s - 1]
    if c.isalpha() or c == ".":
        words = text[max(0, s - 12) : s].split()
        if words and words[-1].rstrip(".") in _en_months() and text[s - 1] in " \t":
            return True
    return (
        len(num) == 4
        and 1800 <= value <= 2100
        and _patterns()["en_possessive_before"].search(text, max(0, s - 8), s) is not None
    )


@cache
def _en_months() -> frozenset[str]:
    return frozenset(lexicon("counters")["en_months"])


def _en_plural(word: str) -> bool:
    """An English plural in -s: not "unless", "class", "bonus", "basis" (but "taxis", "Iraqis")."""
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "sis"))


def _is_han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf" or c == "〇"


def _en_ordinals(doc: Document) -> Iterator[Fact]:
    pats = _patterns()
    text = doc.text
    for m in pats["en_ordinal"].finditer(text):
        n = int(m["num"])
        yield make_fact(
            doc,
            K.ORDINAL,
            m.start(),
            m.end(),
            str(n),
            "en",
            suffix=m["suf"],
            expected_suffix=expected_suffix(n),
            form="digits",
        )

    words, _ = _en_ordinal_words()
    en = lexicon("numerals")["en"]
    en_tens, scales = en["tens"], en["scales"]
    cardinal_of = _en_ordinal_cardinals()
    for m in pats["en_ordinal_word"].finditer(text):
        unit = m["unit"].lower()
        tens = m["tens"].lower() if m["tens"] else None
        value = words[unit] + (en_tens[tens] if tens else 0)
        start = m.start()
        correct = correct_en_ordinal_word(tens, unit)
        # A cardinal before it: one hundred twenty-fifth, two hundredth, three trillionth.
        pre = pats["en_ordinal_prefix"].search(text, max(0, start - 80), start)
        if pre:
            last = pre.group().lower().split()[-1] if pre.group().split() else ""
            last = last.strip("-")
            # "one second", "two thirds": the cardinal must end in a scale word (or 'and')
            # unless the ordinal itself is one (two hundredth).
            if cardinal_of.get(unit) in scales or last in scales or last == "and":
                # parse_en_words reads 'two hundred' as 2 x 100, as 'two hundredth' means.
                total = parse_en_words(f"{pre.group()} {cardinal_of.get(unit, '')}")
                if total is not None and tens:
                    total += en_tens[tens]
                if total is not None:
                    value = int(total)
                    correct = text[pre.start() : m.start("tens") if tens else m.start("unit")]
                    correct += correct_en_ordinal_word(tens, unit)
                    start = pre.start()
        if unit in ("second",) and not tens and start == m.start():
            # "second" is mostly the unit of time or "another"; keep only clear ordinals.
            before = text[max(0, m.start() - 4) : m.start()].lower()
            after = text[m.end() : m.end() + 1]
            if "the" not in before and not (after in ("!", ".") and before.endswith(" ")):
                continue
        yield make_fact(
            doc, K.ORDINAL, start, m.end(), str(value), "en", form="words", correct=correct
        )


def _en_relative(doc: Document) -> Iterator[Fact]:
    pats = _patterns()
    rel = lexicon("numerals")["relative_ordinals"]["en"]
    words = rel["words"]
    time_nouns = set(rel["time_nouns"])
    verb_after = set(rel["last_verb_after"])
    not_current = set(rel["current_not_before"])
    ordinals = lexicon("numerals")["en"]["ordinals"]
    units = lexicon("numerals")["en"]["units"]
    text = doc.text
    for m in pats["rel_en"].finditer(text):
        nxt = pats["rel_en_next_word"].match(text, m.end())
        next_word = nxt[1].lower() if nxt else ""
        if m["nth"]:
            k = 1 if m["nth"].lower() == "next" else ordinals[m["nth"].lower()] - 1
            value = f"end-{k}"
        elif m["but"]:
            value = f"end-{units[m['but'].lower()]}"
        elif m["word"]:
            word = m["word"].lower()
            value = words[word]
            if next_word in time_nouns and not m["one"]:
                continue  # last year, next Monday: a time
            if word == "last":
                before = text[max(0, m.start() - 12) : m.start()].lower().split()
                if before and before[-1] in verb_after:
                    continue  # will last, at last
            if word == "next" and next_word == "to" and not m["one"]:
                continue  # next to the hall: a place
            if word == "current" and not m["one"] and (not next_word or next_word in not_current):
                continue  # the current of the river
            if m["the"]:
                # One word: the article stays out of the span.
                yield make_fact(
                    doc, K.ORDINAL, m.start("word"), m.end(), value, "en", relative=True
                )
                continue
        else:
            value = "end-1"  # the one before the last
        yield make_fact(doc, K.ORDINAL, m.start(), m.end(), value, "en", relative=True)


def _ko_ordinals(doc: Document) -> Iterator[Fact]:
    """N번째, N째 and N등 with Sino-Korean, native or mixed numerals (백스물다섯번째)."""
    pats = _patterns()
    text = doc.text
    rank = lexicon("counters")["ordinal_suffix"]
    not_after_rank = tuple(rank["ko_rank_not_before"])
    for t in pats["ko_ordinal"].finditer(text):
        s = t.start()
        if t.group() == "첫":
            yield make_fact(doc, K.ORDINAL, s, t.end(), "1", "ko", counter="첫")
            continue
        if t.group() == "등":
            if text.startswith(not_after_rank, t.end()):
                continue
            m = pats["ko_rank_num"].search(text, max(0, s - 20), s)
            if not m:
                continue
            value = parse_cjk(m["sino"])
            if value is None:
                continue
            yield make_fact(
                doc, K.ORDINAL, m.start(), t.end(), format_number(value), "ko", counter="등"
            )
            continue
        m = pats["ko_ordinal_num"].search(text, max(0, s - 30), s)
        if not m:
            continue
        value = _ko_ordinal_value(m)
        if value is None:
            continue
        yield make_fact(
            doc,
            K.ORDINAL,
            m.start(),
            t.end(),
            format_number(value),
            "ko",
            counter=t.group().replace(" ", ""),
        )


def _ko_ordinal_value(m: regex.Match) -> float | None:
    if m["first"]:
        return 1
    if m["digits"]:
        return parse_cjk(m["digits"])
    if m["sino2"]:
        return parse_cjk(m["sino2"])
    native = parse_ko_native(m["native"])
    if native is None:
        return None
    sino = parse_cjk(m["sino"]) if m["sino"] else 0
    return None if sino is None else sino + native


def _ko_relative(doc: Document) -> Iterator[Fact]:
    pats = _patterns()
    words = lexicon("numerals")["relative_ordinals"]["ko"]["words"]
    text = doc.text
    for m in pats["rel_ko"].finditer(text):
        if m["just"] or m["ntl"]:
            value = "end-1"
        elif m["cur"]:
            value = "current+0"
        elif m["word"]:
            value = words[m["word"]]
        else:
            n = _ko_ordinal_value(m)
            if n is None or n < 1:
                continue
            value = f"end-{format_number(n - 1)}"
        yield make_fact(
            doc,
            K.ORDINAL,
            m.start(),
            m.end(),
            value,
            "ko",
            relative=True if not value.isdigit() else None,
        )


def _ja_relative(doc: Document) -> Iterator[Fact]:
    pats = _patterns()
    ja = lexicon("numerals")["relative_ordinals"]["ja"]
    words, need_no = ja["words"], set(ja["need_no"])
    text = doc.text
    for m in pats["rel_ja"].finditer(text):
        if doc.lang_at(m.start()) != "ja":
            continue
        if m["n"]:
            n = parse_cjk(m["n"])
            if n is None:
                continue
            k = n - 1 if m["how"] == "番目" else n
            value = f"end-{format_number(k)}"
            end = m.end()
        else:
            word = m["word"]
            if word in need_no and not (m["one"] or m["no"] or m["quote"] is not None):
                continue  # 次いで, 前に, 現在: not an ordinal
            if word == "前" and m["quote"] is None:
                # 前の only after a pause or その: "3日前の", "少し前の" are times.
                prev = text[m.start() - 2 : m.start()] if m.start() >= 2 else text[: m.start()]
                if prev and not (prev.endswith("その") or not prev[-1:].isalnum()):
                    continue
            value = words[word]
            end = m.end("one") if m["one"] else m.end("word")
        yield make_fact(
            doc,
            K.ORDINAL,
            m.start(),
            end,
            value,
            "ja",
            relative=True if not value.isdigit() else None,
        )


@cache
def _ko_native_count_pattern() -> regex.Pattern:
    """세 나라, 두 명: native numerals in their attributive forms, which are numerals only
    before a counter (alone, 세 is "age", 네 "yes", 한 "did")."""
    native = lexicon("numerals")["ko_native"]
    lex = lexicon("counters")
    units = alternation(native["units"])
    tens = alternation(native["tens"])
    attributive = alternation(native["attributive"])
    # A few counters are often written glued to the numeral (두개, 세가지); others glued
    # make names and words (세명대, 한국).
    glued = alternation(lex["ko_glued"])
    particles = alternation(
        [*lexicon("numerals")["ko_sino"]["particles"], *lex["ko_after_counter"]]
    )
    return regex.compile(
        rf"(?<!\p{{Hangul}})(?P<native>(?:{tens})(?:[ ]?(?:{units}))?|{attributive})(?:\s|(?=(?:{glued})))"
        rf"(?P<ctr>{alternation(lex['ko'])})(?P<approx3>{alternation(lex['approx']['ko_after'])})?"
        # The counter ends its word, or a particle follows: not 한 국회의원, 두 국장.
        rf"(?=(?:{particles})|\P{{Hangul}}|\Z)"
    )


def _ko_native_counts(doc: Document) -> Iterator[Fact]:
    pats = _patterns()
    text = doc.text
    for m in _ko_native_count_pattern().finditer(text):
        value = parse_ko_native(m["native"])
        if value is None:
            continue
        a = pats["approx_ko"](text, m.start())
        yield make_fact(doc, K.NUMBER, m.start(), m.end("native"), format_number(value))
        yield make_fact(
            doc,
            K.COUNT,
            m.start(),
            m.end(),
            format_number(value),
            "ko",
            noun=m["ctr"],
            approx=(a["m"] if a else None) or m["approx3"],
            number=m["native"],
        )


@cache
def _kana_patterns() -> tuple[regex.Pattern, regex.Pattern]:
    """(numeral, word): a Japanese numeral spelled in kana, standing apart from other
    Japanese words (in running text a kana run touches kanji or more kana)."""
    words = alternation(lexicon("numerals")["han"]["kana"])
    jp = r"\p{Hiragana}\p{Katakana}\p{Han}ー"
    first = char_class(sorted({w[0] for w in lexicon("numerals")["han"]["kana"]}))
    return (
        regex.compile(rf"(?<![{jp}])(?=[{first}])(?:{words})++(?![{jp}])"),
        regex.compile(words),
    )


def _kana_numerals(doc: Document) -> Iterator[Fact]:
    han = lexicon("numerals")["han"]
    kana, not_alone = han["kana"], han["kana_not_alone"]
    numeral, word = _kana_patterns()
    for m in numeral.finditer(doc.text):
        if m.group() in not_alone:
            continue
        value = parse_cjk("".join(kana[w] for w in word.findall(m.group())))
        if value is not None:
            yield make_fact(doc, K.NUMBER, m.start(), m.end(), format_number(value))


@cache
def _one_pronoun_before() -> regex.Pattern:
    words = alternation(lexicon("numerals")["en"]["one_pronoun_after"])
    return regex.compile(rf"(?i:(?<![\p{{L}}])(?:{words}))\s+\Z")


def _quantity(doc: Document, start: int, end: int, value: float, unit: str, measure: str) -> Fact:
    """A sum of money or a measured amount: value "5000000000 KRW", "42 km"."""
    amount = format_number(value)
    return make_fact(
        doc, K.QUANTITY, start, end, f"{amount} {unit}", unit=unit, amount=amount, measure=measure
    )
