"""Finding numerals: the one cheap trigger scan of a text and the checks on what it finds.

_scanner() builds the trigger pattern (a digit, a Han or Hangul numeral character, an English
number word) and the numeral grammar tried only where a trigger matched; _numerals() returns the
numerals of a text, with the fast paths for plain digit runs, the guards that keep Han numeral
pairs and Korean words that merely contain numeral syllables from being read as numbers, and
_Span for numerals the grammar did not match in one piece. The script tests (_LATIN, _HANGUL,
_CJK) used to skip whole scans live here too.
"""

from __future__ import annotations

import re
from functools import cache

import regex

from ..resources import lexicon
from .patterns import alternation, char_class, digit_number, number


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


_LATIN = regex.compile(r"\p{Latin}")


_HANGUL = regex.compile(r"\p{Hangul}")


_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]")


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
