"""Reading numerals: digits with separators, English words, Han numerals, Korean numerals."""

from __future__ import annotations

import unicodedata
from functools import cache

import regex

from .resources import lexicon

_DIGITS = regex.compile(r"[+\-−]?\d+(?:[,，]\d{3})*(?:[.．]\d+)?")


def format_number(value: float) -> str:
    """Normalised number text: integers without a point, others without trailing zeros."""
    if value == int(value) and abs(value) < 1e18:
        return str(int(value))
    return f"{value:.10f}".rstrip("0").rstrip(".")


def parse_digits(text: str) -> float | None:
    """'1,999' -> 1999, '1.5' -> 1.5, full-width digits too."""
    t = unicodedata.normalize("NFKC", text).replace(",", "").replace("−", "-").strip()
    try:
        return float(t)
    except ValueError:
        return None


@cache
def _en() -> dict[str, dict[str, float]]:
    return lexicon("numerals")["en"]


@cache
def en_cardinal_words() -> dict[str, float]:
    en = _en()
    return {**en["units"], **en["tens"], **en["scales"]}


def parse_en_words(text: str) -> float | None:
    """'twenty-five' -> 25, 'one hundred and twelve' -> 112, '2.5 billion' -> 2.5e9."""
    en = _en()
    words = [w for w in regex.split(r"[\s\-]+", text.lower().strip()) if w and w != "and"]
    if not words:
        return None
    total = 0.0
    current = 0.0
    seen = False
    for w in words:
        num = parse_digits(w) if w[0].isdigit() else None
        if num is not None:
            current += num
        elif w in en["units"]:
            current += en["units"][w]
        elif w in en["tens"]:
            current += en["tens"][w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in en["scales"]:
            total += (current or 1) * en["scales"][w]
            current = 0
        elif w in ("a", "an") and not seen:
            current = 1
        else:
            return None
        seen = True
    return total + current


@cache
def _han_tables() -> tuple[dict[str, int], dict[str, int], dict[str, int], frozenset[str]]:
    han = lexicon("numerals")["han"]
    ko = lexicon("numerals")["ko_sino"]
    digits = {**han["digits"], **ko["digits"]}
    small = {**han["small"], **ko["small"]}
    big = {**han["big"], **ko["big"]}
    return digits, small, big, frozenset(han["point"])


def parse_cjk(text: str) -> float | None:
    """Han or Sino-Korean numerals, alone or mixed with digits.

    '二十五' -> 25, '千五百' -> 1500, '1万5千' -> 15000, '1억2000만' -> 120000000,
    '이십오' -> 25, '二〇二三' -> 2023, '三点五' -> 3.5, '2.5万' -> 25000.
    """
    digits, small, big, points = _han_tables()
    t = unicodedata.normalize("NFKC", text).replace(",", "").replace(" ", "")
    if not t:
        return None
    negative = t[0] in "-−负負"
    if negative:
        t = t[1:]
    for p in points:
        if p in t:
            whole, _, frac = t.partition(p)
            w = parse_cjk(whole) if whole else 0.0
            frac_digits = "".join(str(digits[c]) if c in digits else c for c in frac)
            if w is None or not frac_digits.isdigit():
                return None
            val = w + float("0." + frac_digits)
            return -val if negative else val
    total = 0.0
    section = 0.0
    current: float | None = None
    i = 0
    while i < len(t):
        m = _DIGITS.match(t, i)
        if m and m.group():
            current = parse_digits(m.group())
            i = m.end()
            continue
        c = t[i]
        if c in digits:
            # A run of bare digits ("二〇二三") reads positionally.
            current = digits[c] if current is None else current * 10 + digits[c]
        elif c in small:
            section += (1 if current is None else current) * small[c]
            current = None
        elif c in big:
            section += current or 0
            total += (section or 1) * big[c]
            section = 0
            current = None
        else:
            return None
        i += 1
    val = total + section + (current or 0)
    return -val if negative else val


@cache
def _ko_native() -> tuple[dict[str, int], dict[str, int]]:
    ko = lexicon("numerals")["ko_native"]
    return ko["units"], ko["tens"]


def parse_ko_native(text: str) -> float | None:
    """'스물다섯' -> 25, '세' -> 3, '열한' -> 11."""
    units, tens = _ko_native()
    t = text.replace(" ", "")
    if t in units:
        return units[t]
    for word, value in sorted(tens.items(), key=lambda kv: -len(kv[0])):
        if t.startswith(word):
            rest = t[len(word) :]
            if not rest:
                return value
            if rest in units:
                return value + units[rest]
    return None


def parse_number(text: str) -> float | None:
    """Any numeral this module reads, whatever its language."""
    t = text.strip()
    if not t:
        return None
    value = parse_digits(t)
    if value is not None:
        return value
    for parser in (parse_cjk, parse_en_words, parse_ko_native):
        value = parser(t)
        if value is not None:
            return value
    return None
