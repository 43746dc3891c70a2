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
# Digits used inside CJK text, where letters of other scripts may touch them. A number never
# starts inside a run of digits: without the look-behind a long digit run is rescanned from
# every position (quadratic time).
CJK_DIGITS = r"(?<!\d)\d+(?:[,，]\d{3})*(?:[.．]\d+)?"


@cache
def en_number_words() -> str:
    en = lexicon("numerals")["en"]
    word = alternation([*en["units"], *en["tens"], *en["scales"]])
    # twenty-five, one hundred and twelve, 2.5 billion
    return rf"(?:(?:(?<!\d)\d+(?:\.\d+)?|{word})(?:(?:[\s\-]+|\s+and\s+)(?:{word}))*)"


@cache
def en_number() -> str:
    """An English numeral: digits, words, or digits with a scale word ('2.5 billion')."""
    en = lexicon("numerals")["en"]
    scale = alternation(en["scales"])
    words = en_number_words()
    return rf"(?:(?:{DIGITS})(?:\s+(?:{scale})\b)?|(?<![\p{{L}}\-])(?i:{words})(?![\p{{L}}\-]))"


def char_class(words) -> str:
    return "".join(regex.escape(w) for w in words)


# Left edge of a numeral written in digits: not glued to Latin letters, other digits or the
# punctuation of codes and dates ("G20", "COVID-19", "3.1.2", "5/17").
# After a comma a number may start ("22,24,26", "2成,2.5成"), but three digits there are the
# thousands of a number read from its start ("1,234", "37만5,000"). A dash or a point counts only
# after a digit: "COVID-19" and ".08" are read whole or not at
# all, while the 20 of a range "5-20%" and the groups of "192.168.1.2" are numbers.
_DIGIT_EDGE = r"(?<![\p{Latin}\d:^_])(?<![^\d][\-−.．/])(?<!^[\-−.．/])(?!(?<=\d[,，])\d{3}(?!\d))"
# The same after a minus sign that a numeral may start with ("−1万", "−5分の4").
_SIGNED_EDGE = r"(?<![\p{Latin}\d.．/:^_])(?<!\d[,，])(?<![\p{Latin}_.．/:][\-−－])"
# Digits with thousands separators (1,234 / 12,34,567 / 40 000) or none; decimals; ".08".
_DIGIT_BODY = (
    r"(?:\d{1,3}(?:[,，]\d{3})+(?![,，]?\d)|\d{1,2}(?:,\d{2})+,\d{3}(?![,，]?\d)"
    r"|\d{1,3}(?:[\u00a0\u202f\u2009\u3000 ]\d{3})+(?![\d,，]|[.．]\d{3})"
    # Japanese may separate thousands with 、 ("1、234、567").
    r"|\d{1,3}(?:、\d{3})+(?![、]?\d)|\d+)"
    # A dotted run of digit groups ("192.168.1.2", "2222.2222.22") is no decimal but a code
    # whose groups are numbers of their own.
    r"(?:(?<![.．]\d+)[.．]\d+(?![.．]\d))?|[.．]\d+"
)


@cache
def digit_number() -> str:
    """A numeral in digits: '1,234.5', '-4', '.08', '1e10', '1.3x10^6', '10k', '2.5bn', '3/4'."""
    en = lexicon("numerals")["en"]
    suffix = alternation(en["digit_suffixes"])
    return (
        # The edge is tested once for all three forms.
        rf"(?=[-−－+.．\d\u00bc-\u00be\u2150-\u215e]){_DIGIT_EDGE}(?:"
        # Mixed numbers of prices and rates joined by a hyphen ("8-1/4 pct", "101-1/8"), with
        # the halves to sixty-fourths they are quoted in; other digit-dash-fraction runs are
        # codes and dates.
        rf"\d{{1,3}}-\d{{1,2}}/(?:2|4|8|16|32|64)(?![\d/／.．\-−])|"
        # A fraction is not the tail of a code or date ("+1-222-2222/2222", "5/17/2018").
        rf"(?<!\d[/／\-−])(?:[-−－]\s?)?(?:\d{{1,3}}\s{{1,2}})?\d+\s?[/／]\s?\d+(?![\d/／.．])"
        # Vulgar fractions, after a whole number or alone: ½, 2¾.
        rf"|(?:\d+\s?)?[\u00bc-\u00be\u2150-\u215e](?!\d)"
        # "- 1,200,000": a spaced minus only where no word or number stands before it, and
        # not before a hyphenated mixed number ("- 8-1/4 pct bonds" is a list).
        rf"|(?:[-−－+](?=[\d.．])|(?<![\p{{L}}\d][ \t]?)[-−－][ \t](?=\d)(?!\d{{1,3}}-\d))?"
        rf"(?:{_DIGIT_BODY})"
        # Exponents, their signs doubled at times ("1.1^--23", "−1.1の−−23乗").
        r"(?:[eE][-+]?\d+(?![\p{L}\d])|\^(?:[-−－+]|マイナス)*\d+"
        r"|\s?[x×*]\s?(?:10|１０)\s?(?:\^|の)[-−－]*\d+乗?|の[-−－]*\d+乗)?"
        # A scale letter may touch CJK text ("3.2kパーセント"), not more Latin ("10km").
        rf"(?:\s?(?:{suffix})(?![\p{{Latin}}\d])"
        # G and b read as billions only after decimals or grouped digits ("1.2b", "1,674.5 G"),
        # as "5G" is a network and "4b" a paragraph.
        rf"|(?<=[.．,]\d+)\s?(?:{alternation(en['decimal_suffixes'])})(?![\p{{Latin}}\d]))?(?!\d))"
    )


@cache
def en_numeral() -> str:
    """English numerals in words, with fractions, 'point' decimals, dozens and minus words."""
    en = lexicon("numerals")["en"]
    scale_words = [*en["scales"], *en["scales_indian"]]
    word = alternation([*en["units"], *en["tens"], *scale_words])
    w = rf"(?<![\p{{L}}\-])(?:{word})(?![\p{{L}}])"
    big = alternation([*scale_words, *en["multipliers"]])
    after_big = alternation(scale_words)
    scale = rf"(?:{alternation(en['scales'])})(?![\p{{L}}])"
    w_next = rf"(?:{word})(?![\p{{L}}])"
    # Plural scales go on a numeral, never start one ("three billions", not "millions of").
    plural_scale = alternation(en["scales_plural"])
    lead_digits = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:[.．]\d+)?"
    # Digits go on a numeral in words before a scale ("4 thousand 3 hundred") and after
    # "hundred and" ("3 hundred and 21"); elsewhere ("2 million 500 people") they do not.
    next_part = (
        rf"(?:{w_next}|(?:{plural_scale})(?![\p{{L}}])|(?<!\band\s+)\d+(?:[.．]\d+)?\s+{scale}"
        rf"|(?<=hundred\s+and\s+)[1-9]\d?(?![\d.,]\d|\d|[\s\-]+(?:{word})(?![\p{{L}}])))"
    )
    card = (
        rf"(?:(?<![\p{{L}}\d.,])(?:an?|{lead_digits})\s+(?=(?:{big})(?![\p{{L}}])))?{w}"
        rf"(?:(?:[\s\-]+|(?<=(?:{after_big}))\s+and\s+){next_part})*"
    )
    denominators = {}
    for word_, value in en["ordinals"].items():
        if value > 2:
            denominators[word_] = value
            denominators[word_ + "s"] = value
    denominators.update(en["denominators"])
    den = alternation([*denominators, *en["multipliers"]])
    # "a third" is an ordinal far more often than a fraction; "a half", "a hundredth" are not.
    # After "and" it is a fraction ("three and a fifth").
    a_den = alternation(
        [*en["denominators"], *en["multipliers"], *(k for k, v in denominators.items() if v >= 100)]
    )
    links = "|".join(r"\s+".join(x.split()) for x in en["fraction_links"])
    point = alternation(en["point"])
    neg = alternation(en["negative"])
    units = alternation(en["units"])
    unit_word = alternation([*en["units"], *en["tens"]])
    mult = alternation(en["multipliers"])
    # Halves and quarters may take a scale: "five and a half million", "a quarter million".
    part_scale = rf"(?:(?<=(?:{alternation(en['denominators'])}))\s+{scale})?"
    numerator = (
        rf"(?:(?:{card})\s+and\s+(?:an?\s+|(?:{card})\s+)"
        rf"|(?<![\p{{L}}])an?\s+(?={a_den})"
        # "one-eighth", "five - eighths": a dash only after a unit ("twenty-fifth" is no fraction).
        rf"|(?:{card})(?:\s+|(?<=(?:{units}))\s*[\-\u2010-\u2013]\s*)"
        rf"|{lead_digits}\s+(?=(?:{mult})(?![\p{{L}}])))"
    )
    return (
        # Cheap guards first: a numeral in words starts a word; one in digits, a number (never
        # inside a digit run, which would be rescanned from every position: quadratic time).
        rf"(?=[A-Za-z\d])(?<![\p{{L}}\d])(?i:(?:{neg})\s+(?:{_DIGIT_BODY})(?![\d])"
        rf"|(?:(?:{neg})\s+)?"
        rf"(?:(?:{card}|\d+)\s+(?:{point})\s+(?:(?<![\p{{L}}\-])(?:{unit_word})"
        rf"(?:[\s\-]+(?:{unit_word}))*(?![\p{{L}}])|\d+(?![\d.,]\d))"
        rf"(?:\s+{scale})?"
        rf"|{numerator}(?:{den})(?![\p{{L}}]){part_scale}"
        rf"|(?<![\p{{L}}])half\s+an?\s+(?:{mult}|{scale})(?![\p{{L}}])"
        rf"|(?<![\p{{L}}])(?:half|quarter)\s+{scale}"
        rf"|(?:{card}|\d+)\s+(?:{links})\s+(?:{card}|\d+(?![\d.]))"
        rf"|{card}))"
    )


@cache
def han_numeral() -> str:
    """Han numerals for the number extractor: integers with units and vague digits (十多万),
    decimals (三点五, 21点2), fractions (三分之一, 5分の2), mixed numbers, dozens (三ダース)
    and minus signs."""
    han = lexicon("numerals")["han"]
    d = char_class([*han["digits"], *han["tens"]])
    small, big = char_class(han["small"]), char_class(han["big"])
    # 两 is no digit after a point: 两百点两 is 200 and 2, 一点两小时 one and two.
    frac_digits = char_class([c for c in han["digits"] if c not in "两兩"])
    vague = alternation(han["vague"])
    units = rf"[{small}{big}]"
    cjkd = r"\d++(?:[,，]\d{3})*+(?:[.．]\d++)?"
    # Groups may be spaced ("三千 八百 九十六 万", "7万 5千 4百"): a space goes on a numeral only
    # before a unit or before digits that a unit follows, so "一 二 三" stays three numerals;
    # and a last digit after a unit ("一百 五 十 二").
    spaced = rf"[ ](?:[{d}]|{cjkd})(?=[ ]?{units})"
    tail = (
        rf"(?:[{d}{small}{big}]|{cjkd}|[ ]?{units}|{spaced}"
        rf"|[ ]?(?:{vague})(?=[ ]?{units})|(?<={units})[ ][{d}](?![ ]?[{d}\d{small}{big}]))"
    )
    han_int = rf"(?:[{d}{small}]|{_SIGNED_EDGE}{cjkd}(?=[ ]?(?:{vague})?{units})){tail}*+"
    dec = (
        rf"(?:(?:{han_int}|{_SIGNED_EDGE}\d+)[ ]?[点點][ ]?|{han_int}・)[{frac_digits}\d]+[{big}]?"
    )
    num = rf"(?:{dec}|{han_int}|{_SIGNED_EDGE}{cjkd})"
    # A minus sign, not a dash after a word or number ("5-20万" is a range).
    neg = rf"(?<![\p{{Latin}}\d])(?:{alternation([*han['negative'], '-', '−', '－'])})\s?"
    # 负3.9, マイナス32: a minus word before plain digits.
    neg_words = alternation(han["negative"])
    frac = alternation(han["fraction"]["zh"])
    ja_frac = alternation(han["fraction"]["ja"])
    mixed = alternation([*han["mixed"]["zh"], *han["mixed"]["ja"]])
    mult = alternation(han["multipliers"])
    first = rf"[{d}{small}\d{char_class(han['negative'])}\-−－半]"
    return (
        rf"(?={first})(?:{neg})?(?:"
        # Powers: 一・一の二十三乗, 十二・三二×十の十四乗, 二・五のマイナス一乗, 2点5^マイナス1.
        rf"{num}(?:\s?[×x*]\s?(?:十|10|１０))?(?:\s?の\s?(?:{neg})*{num}乗|\^(?:{neg})*{num})|"
        # 百分之 alone is a percentage, not one hundredth.
        rf"(?:{num}\s?(?:{mixed})\s?)?(?!百\s?分\s?之)(?:{num})\s?(?:{frac}|分\s+之)\s?(?:{neg})?{num}"
        rf"|(?:{num}\s?(?:{mixed})\s?)?{num}\s?(?:{ja_frac})\s?(?:{neg})?{num}"
        rf"|(?:{num}|半)\s?(?:{mult})|{alternation(han['half'])}"
        rf"|{dec}|{han_int}"
        rf"|(?<=(?:{neg_words})\s?){_SIGNED_EDGE}{cjkd})"
    )


@cache
def ko_numeral() -> str:
    """Korean numerals for the number extractor: Sino-Korean words (이십육, 일백이십팔), digits
    with units (3백, 4천3백21, 1억2000만), native words (스물다섯, 열하나, 하나), fractions
    (팔분의 오, 백삼과 삼분의 이) and minus words. Alone, a Hangul numeral must be a word of
    its own (not glued to other Hangul except a particle or counter) and, when Sino-Korean,
    two syllables at least, so that 이 ("this"), 일 ("day"), 사 ("company") stay words."""
    num = lexicon("numerals")
    sino, native = num["ko_sino"], num["ko_native"]
    counters = lexicon("counters")["ko"]
    ks = char_class(sino["digits"])
    ksd = rf"(?:[{ks}]|\d{{1,3}}(?:,\d{{3}})++|\d++)"
    # Digits may stand a space apart from their unit and from the unit before them ("22 억
    # 5 천만", "1억 4천 2백만"); Hangul digits not: "이 천" is "this stream" more often than
    # two thousand.
    ksu = rf"(?:[{ks}]|[ ]?(?:\d{{1,3}}(?:,\d{{3}})++|\d++)[ ]?)"
    group = rf"(?:{ksu}?천)?(?:{ksu}?백)?(?:{ksu}?십)?(?:{ksd}(?:[.．]\d+)?)?"
    big = char_class(sino["big"])
    raw = rf"(?=[\d{ks}십백천{big}]){group}(?:\s?[{big}]\s?{group})*"
    lex = lexicon("counters")
    # What may follow a numeral written in Hangul: particles, counters, currencies, units.
    hangul_after = [
        w
        for w in [*lex["currency_after"], *lex["units"], *lex["percent"]]
        if regex.match(r"\p{Hangul}", w)
    ]
    after = alternation(
        [*sino["particles"], *counters, *hangul_after, "명", "살", "세", "개", "년", "달"]
    )
    end = rf"(?=(?:{after})|[^\p{{Hangul}}]|$)"
    # Sino-Korean: two Hangul syllables at least, or digits with a Hangul unit. The closing
    # lookbehind keeps the numeral from being empty (every part of {raw} is optional): an
    # empty match here would shadow the plain digits of the later branches ("50억원").
    filled = rf"(?<=[\d{ks}십백천{big}])"
    neg = alternation(sino["negative"])
    # A word starts after a non-Hangul character or right after a minus word (마이너스일만).
    start = rf"(?:(?<!\p{{Hangul}})|(?<=(?:{neg})))"
    # 삼점사 = 3.4, 이백점 칠일 = 200.71.
    point = rf"(?:(?:{alternation(sino['point'])})\s?[{ks}]+)"
    sino_word = (
        rf"{start}(?=[{ks}십백천{big}]{{2}}|[{ks}]{point}){raw}{filled}{point}?"
        rf"|{_DIGIT_EDGE}(?=(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:[.．]\d+)?\s?[십백천{big}])(?:{raw}){filled}"
    )
    units = [u for u in native["units"] if u not in native["attributive"]]
    all_units = alternation(native["units"])
    tens = alternation(native["tens"])
    # Tens alone (스물, 일흔); not 열, which is mostly the verb "open", nor attributive 스무.
    tens_alone = alternation(
        [t for t in native["tens"] if t not in native["attributive"] and t != "열"]
    )
    # Tens and units may be spaced (열 다섯, 스물 두).
    native_word = rf"(?<!\p{{Hangul}})(?:(?:{tens})[ ]?(?:{all_units})|{tens_alone}|스무|{alternation(units)})"
    frac = alternation(sino["fraction"])
    mixed = alternation(sino["mixed"])
    part = rf"(?:{raw})"
    first = char_class({w[0] for w in [*native["units"], *native["tens"], *sino["negative"]]})
    return (
        rf"(?=[\d{ks}십백천{big}{first}])(?:(?<!\p{{Hangul}})(?:{neg})\s?)?(?:"
        rf"(?:(?<!\p{{Hangul}}){part}\s?(?:{mixed})\s?)?(?<!\p{{Hangul}}){part}\s?(?:{frac})\s?"
        rf"(?:(?:{neg})\s?)?{part}{end}"
        rf"|(?:{native_word}){end}"
        rf"|(?:{sino_word}){end}"
        # After a minus word, digits and one syllable are numbers too (마이너스 5, 마이너스 일).
        rf"|(?<=(?:{neg})\s?)(?:{_SIGNED_EDGE}\d+(?:[.．]\d+)?(?!\d)|[{ks}]{point}?{end}))"
    )


@cache
def number() -> str:
    """Any numeral the number extractor reports; the longer readings come first."""
    return rf"(?:{han_numeral()}|{ko_numeral()}|{en_numeral()}|{digit_number()})"


@cache
def ko_sino_word() -> str:
    """A Sino-Korean numeral of any length (삼, 백, 이십오), for places where what follows makes
    it a number (퍼센트, 분의); bare, one syllable is too often another word."""
    sino = lexicon("numerals")["ko_sino"]
    ks = char_class(sino["digits"])
    big = char_class(sino["big"])
    group = rf"(?:[{ks}]?천)?(?:[{ks}]?백)?(?:[{ks}]?십)?[{ks}]?"
    return rf"(?<!\p{{Hangul}})(?=[{ks}십백천{big}]){group}(?:[{big}]{group})*"
