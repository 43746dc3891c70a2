"""Quantities attached to a numeral: money, measured units, percentages and counts.

Given the numerals found by numeric_scan, _adjust() makes the corrections the grammar cannot make
alone (glued money scales such as "$50.7m", "12 out of 10", year spans), _around_numerals() reads
the counter, unit or currency next to each numeral into count and quantity facts, and _percents()
and _en_percent_words() read percentages in every language. Small helpers shared with
numeric.py (_num, _lone_unit, _is_han) live here as well.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from functools import cache

import regex

from .. import facts as K
from ..document import Document
from ..facts import Fact
from ..numbers import format_number, parse_cjk, parse_number
from ..resources import lexicon
from .base import make_fact
from .numeric_en import _en_date_or_year, _en_plural
from .numeric_patterns import _patterns, _spaced_alternation
from .numeric_scan import _CJK, _HANGUL, _LATIN, _scanner, _Span

_SCALE_WORDS = {"bn": 1e9, "mn": 1e6}


def _num(text: str | None) -> float | None:
    if text is None:
        return None
    return parse_number(text)


def _lone_unit(text: str) -> bool:
    """'万', '百', '만': a unit character alone is a word, not a number (十 is ten)."""
    return len(text) == 1 and text in "万萬亿億兆百千만억조천백십"


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


def _is_han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf" or c == "〇"


def _quantity(doc: Document, start: int, end: int, value: float, unit: str, measure: str) -> Fact:
    """A sum of money or a measured amount: value "5000000000 KRW", "42 km"."""
    amount = format_number(value)
    return make_fact(
        doc, K.QUANTITY, start, end, f"{amount} {unit}", unit=unit, amount=amount, measure=measure
    )
