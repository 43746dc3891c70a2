"""Numbers, ordinals, counts, percentages, money and measured quantities in en/ko/zh/ja."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from functools import cache

import regex

from .. import facts as K
from ..document import Document
from ..facts import Fact
from ..numbers import format_number, parse_number
from ..resources import lexicon
from .base import make_fact
from .patterns import (
    DIGITS,
    alternation,
    digit_number,
    en_number,
    en_numeral,
    han_number,
    ko_native_number,
    ko_number,
    ko_sino_word,
    number,
)


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
    pattern = rf"(?<![\p{{L}}\-])(?i:(?:(?P<tens>{tens})[\-\s])?(?P<unit>{unit}))(?![\p{{L}}\-])"
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
def _patterns() -> dict[str, regex.Pattern]:
    lex = lexicon("counters")
    en_num = en_number()
    han = han_number()
    ko = ko_number()
    ko_native = ko_native_number()
    approx_en = alternation(lex["approx"]["en"])
    ko_before = alternation(lex["approx"]["ko_before"])
    ko_after = alternation(lex["approx"]["ko_after"])
    zh_before = alternation(lex["approx"]["zh_before"])
    zh_after = alternation(lex["approx"]["zh_after"])
    ja_before = alternation(lex["approx"]["ja_before"])
    ja_after = alternation(lex["approx"]["ja_after"])
    ko_ctr = alternation(lex["ko"])
    cjk_ctr = alternation([*lex["zh"], *lex["ja"]])
    pct = alternation(lex["percent"])
    pct_before = alternation(lex["percent_before"])
    pct_tenths = alternation(lex["percent_tenths"])
    pct_off = alternation(lex["percent_discount_off"])
    pct_paid = alternation(lex["percent_paid"])
    ko_neg = alternation(lexicon("numerals")["ko_sino"]["negative"])
    not_adj = alternation(lex["en_not_adjectives"])
    # 스물 다섯번째, 백스물다섯번째: a hundreds part in Sino-Korean, tens and units native.
    native = lexicon("numerals")["ko_native"]
    ko_ord_native = (
        rf"(?<!\p{{Hangul}})(?:{ko_sino_word()}\s?)?(?:{alternation(native['tens'])})\s?"
        rf"(?:{alternation(native['units'])})?|(?<!\p{{Hangul}}){ko_native}"
    )
    cur_before = alternation(lex["currency_before"])
    cur_after = alternation(lex["currency_after"])
    units = alternation(lex["units"])
    _, en_ord_words = _en_ordinal_words()
    scale = alternation([*lexicon("numerals")["en"]["scales"], "bn", "mn"])
    p = {
        "en_ordinal": r"(?<![\p{L}\d.,\-/])(?P<num>\d+)(?P<suf>(?i:st|nd|rd|th))(?![\p{L}\d])",
        "en_ordinal_word": en_ord_words,
        "ko_ordinal": rf"(?<!\p{{Hangul}})제\s?(?P<num>\d+|{ko})\s?(?P<ctr>번째|회째|회|차|기|대|호|장|조|항|편|권|부|위)?"
        rf"|(?P<num2>(?<!\d)\d+|{ko_ord_native}|첫)\s?(?P<ctr2>번째|째)",
        "cjk_ordinal": rf"第\s?(?P<num>{han})\s?(?P<ctr>届|屆|回目|回|次|期|号|號|位|名|代|章|条|條|个|個|轮|輪|场|場|番|区|部|课|課|世代)?"
        rf"|(?<![\p{{Han}}\d])(?P<num2>{han})(?P<ctr2>回目|番目|度目|人目)",
        "en_count": rf"(?:(?P<approx>(?i:{approx_en}))\s+)?(?P<num>{en_numeral()}|{digit_number()})"
        rf"(?:\s+(?!(?:{not_adj})\b)(?P<adj>[a-z][a-z\-]*))?\s+(?P<noun>[A-Za-z][a-z\-]*[a-z])\b",
        "ko_count": rf"(?:(?P<approx>{ko_before})\s?)?(?:(?P<num>{ko})\s?(?P<approx2>여)?\s?|(?<!\p{{Hangul}})(?P<native>{ko_native})\s)(?P<ctr>{ko_ctr})(?P<approx3>{ko_after})?",
        "cjk_count": rf"(?:(?P<approx>{zh_before}|{ja_before}))?(?P<num>{han})(?P<approx2>{zh_after}|{ja_after})?(?P<ctr>{cjk_ctr})",
        # Percent markers are matched where a numeral ends (see _percents): scanning for
        # "numeral then marker" from every position would read every numeral twice.
        "percent_after": rf"[ \t]*(?:(?P<pct>{pct})(?![\p{{Latin}}])"
        rf"|(?P<tenths>{pct_off}|{pct_tenths}|{pct_paid}))",
        "percent_before": rf"(?P<pre>{pct_before})\s?",
        "percent_ko": rf"(?P<num>(?:(?:{ko_neg})\s?)?{ko_sino_word()})[ \t]?(?:{pct})",
        "money": rf"(?P<cur>{cur_before})\s?(?P<num>{DIGITS})(?:\s?(?P<scale>(?i:{scale})))?\b"
        rf"|(?P<num2>{en_num}|{ko}|{han})\s?(?P<cur2>{cur_after})(?![\p{{Latin}}])",
        "unit": rf"(?P<num>{DIGITS}|{ko}|{han})\s?(?P<unit>{units})(?![\p{{Latin}}\d])",
        "number": rf"(?P<num>{number()})",
    }
    return {k: regex.compile(v) for k, v in p.items()}


_SCALE_WORDS = {"bn": 1e9, "mn": 1e6}


def _num(text: str | None) -> float | None:
    if text is None:
        return None
    return parse_number(text)


def _lone_unit(text: str) -> bool:
    """'万', '百', '만': a unit character alone is a word, not a number."""
    return len(text) == 1 and text in "万萬亿億兆百千十만억조천백십"


def _percents(doc: Document, numbers: list[regex.Match]) -> Iterator[Fact]:
    pats = _patterns()
    lex = lexicon("counters")
    text = doc.text
    for m in numbers:
        after = pats["percent_after"].match(text, m.end())
        if not after:
            continue
        value = _num(m["num"])
        if value is None:
            continue
        marker = after["tenths"]
        if marker in lex["percent_paid"]:
            # 九折 and 八點五折 are tenths; 七五折 and 75折 are already percent.
            compact = unicodedata.normalize("NFKC", m["num"]).replace(" ", "")
            two_places = len(compact) >= 2 and value >= 10 and not regex.search(r"[.点點]", compact)
            value = value if two_places else value * 10
        elif marker in lex["percent_discount_off"]:
            value = 100 - value * 10
        elif marker:
            value *= 10
        yield make_fact(doc, K.PERCENT, m.start(), after.end(), format_number(value) + "%")
    for m in pats["percent_before"].finditer(text):
        n = pats["number"].match(text, m.end())
        value = _num(n["num"]) if n else None
        if value is None:
            continue
        value *= lex["percent_before"][m["pre"]]
        yield make_fact(doc, K.PERCENT, m.start(), n.end(), format_number(value) + "%")
    for m in pats["percent_ko"].finditer(text):
        value = _num(m["num"])
        if value is not None:
            yield make_fact(doc, K.PERCENT, m.start(), m.end(), format_number(value) + "%")


# Web addresses carry digits (and percent-encoding) that are not facts of the article.
_URL = regex.compile(r"(?i:https?://|www\.)[^\s<>\"']+")


def extract_numeric(doc: Document) -> Iterator[Fact]:
    urls = [(m.start(), m.end()) for m in _URL.finditer(doc.text)]
    for fact in _extract_numeric(doc):
        if not any(s <= fact.start < e for s, e in urls):
            yield fact


def _extract_numeric(doc: Document) -> Iterator[Fact]:
    pats = _patterns()
    lex = lexicon("counters")
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
    en_tens = lexicon("numerals")["en"]["tens"]
    for m in pats["en_ordinal_word"].finditer(text):
        unit = m["unit"].lower()
        value = words[unit] + (en_tens[m["tens"].lower()] if m["tens"] else 0)
        correct = correct_en_ordinal_word(m["tens"].lower() if m["tens"] else None, unit)
        if unit in ("second",) and not m["tens"]:
            # "second" is mostly the unit of time or "another"; keep only clear ordinals.
            before = text[max(0, m.start() - 4) : m.start()].lower()
            if "the" not in before:
                continue
        yield make_fact(
            doc, K.ORDINAL, m.start(), m.end(), str(value), "en", form="words", correct=correct
        )

    for m in pats["ko_ordinal"].finditer(text):
        num = m["num"] or m["num2"]
        value = 1 if num == "첫" else _num(num)
        if value is None:
            continue
        yield make_fact(
            doc,
            K.ORDINAL,
            m.start(),
            m.end(),
            format_number(value),
            "ko",
            counter=m["ctr"] or m["ctr2"],
        )

    for m in pats["cjk_ordinal"].finditer(text):
        num = m["num"] or m["num2"]
        value = _num(num)
        if value is None or _lone_unit(num):
            continue
        lang = doc.lang_at(m.start())
        yield make_fact(
            doc,
            K.ORDINAL,
            m.start(),
            m.end(),
            format_number(value),
            lang if lang in ("zh", "ja") else "zh",
            counter=m["ctr"] or m["ctr2"],
        )

    irregular = set(lex["en_nouns_irregular"])
    not_counted = set(lex["en_not_counted"])
    for m in pats["en_count"].finditer(text):
        noun, adj = m["noun"], m["adj"]
        if adj and (adj in irregular or adj in not_counted or adj.endswith("s")):
            # "300 people from ...": the first word after the number is the noun.
            noun = adj
            end = m.end("adj")
        else:
            end = m.end()
        low = noun.lower()
        if low in not_counted or not (low in irregular or (low.endswith("s") and len(low) > 3)):
            continue
        value = _num(m["num"])
        if value is None:
            continue
        yield make_fact(
            doc,
            K.COUNT,
            m.start("num"),
            end,
            format_number(value),
            "en",
            noun=low,
            approx=m["approx"].lower() if m["approx"] else None,
            number=m["num"],
        )

    for m in pats["ko_count"].finditer(text):
        num = m["num"] or m["native"]
        value = _num(num)
        if value is None or _lone_unit(num):
            continue
        approx = m["approx"] or m["approx2"] or m["approx3"]
        yield make_fact(
            doc,
            K.COUNT,
            m.start("num") if m["num"] else m.start("native"),
            m.end(),
            format_number(value),
            "ko",
            noun=m["ctr"],
            approx=approx,
            number=num,
        )

    for m in pats["cjk_count"].finditer(text):
        value = _num(m["num"])
        if value is None or _lone_unit(m["num"]):
            continue
        lang = doc.lang_at(m.start())
        yield make_fact(
            doc,
            K.COUNT,
            m.start("num"),
            m.end(),
            format_number(value),
            lang if lang in ("zh", "ja") else "zh",
            noun=m["ctr"],
            approx=m["approx"] or m["approx2"],
            number=m["num"],
        )

    numbers = [m for m in pats["number"].finditer(text) if m["num"].strip()]
    yield from _percents(doc, numbers)

    for m in pats["money"].finditer(text):
        if m["cur"]:
            value = _num(m["num"])
            scale = (m["scale"] or "").lower()
            if value is not None and scale:
                value *= _SCALE_WORDS.get(scale) or lexicon("numerals")["en"]["scales"][scale]
            currency = lex["currency_before"][m["cur"]]
        else:
            value = _num(m["num2"])
            currency = lex["currency_after"][m["cur2"]]
        if value is None:
            continue
        yield make_fact(
            doc,
            K.QUANTITY,
            m.start(),
            m.end(),
            f"{format_number(value)} {currency}",
            unit=currency,
            amount=format_number(value),
            measure="money",
        )

    for m in pats["unit"].finditer(text):
        value = _num(m["num"])
        if value is None:
            continue
        unit = lex["units"][m["unit"]]
        yield make_fact(
            doc,
            K.QUANTITY,
            m.start(),
            m.end(),
            f"{format_number(value)} {unit}",
            unit=unit,
            amount=format_number(value),
            measure="unit",
        )

    pronoun_before = _one_pronoun_before()
    sino_syllables = lexicon("numerals")["ko_sino"]["digits"]
    for m in numbers:
        num = m["num"]
        if not num.strip() or _lone_unit(num.strip()) or num in sino_syllables:
            continue  # 일, 이, 사 alone are words ("day", "this", "company")
        if num.lower() == "one" and pronoun_before.search(text, 0, m.start()):
            continue  # "that one", "the one": a pronoun, not a count
        value = _num(num)
        if value is None:
            continue
        yield make_fact(doc, K.NUMBER, m.start(), m.end(), format_number(value))


@cache
def _one_pronoun_before() -> regex.Pattern:
    words = alternation(lexicon("numerals")["en"]["one_pronoun_after"])
    return regex.compile(rf"(?i:(?<![\p{{L}}])(?:{words}))\s+\Z")
