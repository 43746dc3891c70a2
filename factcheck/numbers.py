"""Reading numerals: digits with separators, English words, Han numerals, Korean numerals."""

from __future__ import annotations

import unicodedata
from functools import cache

import regex

from .resources import lexicon

_DIGITS = regex.compile(r"[+\-−]?\d+(?:[,，]\d{3})*(?:[.．]\d+)?")
# Thousands separators: commas, and the spaces some styles use ("40 000", "1 234 567.89").
_SEPARATORS = regex.compile(r"(?<=\d)[,，、\u00a0\u202f\u2009 ](?=\d)")
_SIGNS = "-−－"


def format_number(value: float) -> str:
    """Normalised number text: integers without a point, others without trailing zeros."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e18:
        return str(int(value))  # the common case, in one step
    if abs(value) >= 1e18 or (value and abs(value) < 1e-9):
        # Beyond what fixed notation shows faithfully: '6.02e+23', '1e-12'.
        return f"{value:.15g}"
    if value == int(value):
        return str(int(value))
    return f"{value:.10f}".rstrip("0").rstrip(".")


def parse_digits(text: str) -> float | None:
    """'1,999' -> 1999, '1.5' -> 1.5, '.08', '-4', '1 234 567.89', full-width digits too."""
    t = unicodedata.normalize("NFKC", text).strip()
    t = _SEPARATORS.sub("", t).replace("−", "-").replace(" ", "")
    if not t or not (t[0].isdigit() or t[0] in "+-."):
        return None
    try:
        return float(t)
    except ValueError:
        return None


@cache
def _en() -> dict:
    return lexicon("numerals")["en"]


@cache
def en_cardinal_words() -> dict[str, float]:
    en = _en()
    return {**en["units"], **en["tens"], **en["scales"]}


@cache
def en_scales() -> dict[str, float]:
    en = _en()
    return {**en["scales"], **en["scales_indian"], **en["scales_plural"]}


@cache
def en_denominators() -> dict[str, float]:
    """Fraction denominators: 'thirds' -> 3, 'eighth' -> 8, 'half' -> 2 (not first, second)."""
    en = _en()
    out: dict[str, float] = {}
    for word, value in en["ordinals"].items():
        if value > 2:
            out[word] = value
            out[word + "s"] = value
    out.update(en["denominators"])
    return out


def _en_tokens(text: str) -> list[str]:
    return [w for w in regex.split(r"[\s\-]+", text.lower().strip()) if w]


def parse_en_words(text: str) -> float | None:
    """'twenty-five' -> 25, 'one hundred and twelve' -> 112, '2.5 billion' -> 2.5e9.

    Also 'a hundred', 'hundred thousand', 'three crore twelve lakh', and the numerals of
    parse_en_numeral (fractions, 'point', dozens).
    """
    words = [w for w in _en_tokens(text) if w != "and"]
    if not words:
        return None
    en = _en()
    scales = en_scales()
    total = 0.0
    current = 0.0
    for i, w in enumerate(words):
        num = parse_digits(w) if w[0].isdigit() or w[0] == "." else None
        if num is not None:
            current += num
        elif w in en["units"]:
            current += en["units"][w]
        elif w in en["tens"]:
            current += en["tens"][w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in scales:
            if not current and 0 < total < scales[w]:
                total *= scales[w]  # "three thousand million(s)": a scale of a scale
            else:
                total += (current or 1) * scales[w]
            current = 0
        elif w in ("a", "an") and i == 0 and len(words) > 1:
            current = 0
        else:
            return None
    return total + current


def parse_en_numeral(text: str) -> float | None:
    """English numerals with more than one part.

    'two hundred point zero three' -> 200.03, 'two thirds', 'one and a half' -> 1.5,
    'twenty and three fifths' -> 20.6, 'one over twenty' -> 0.05, 'three dozens' -> 36,
    'half a dozen' -> 6, 'minus five' -> -5.
    """
    en = _en()
    t = " ".join(text.lower().split())
    for neg in en["negative"]:
        if t.startswith(neg + " "):
            rest = parse_number(t[len(neg) + 1 :])
            return None if rest is None else -rest
    scaled = _en_scaled_fraction(t)
    if scaled is not None:
        return scaled
    for link in en["fraction_links"]:
        num, sep, den = t.partition(f" {link} ")
        if sep:
            a, b = parse_number(num), parse_number(den)
            return None if a is None or not b else a / b
    for point in en["point"]:
        whole, sep, frac = t.partition(f" {point} ")
        if sep:
            w = parse_number(whole) if whole else 0.0
            words = _en_tokens(frac)
            units = en["units"]
            if all(units.get(x, 10) < 10 for x in words):
                digits = "".join(str(units[x]) for x in words)
            else:
                f = parse_en_words(frac)
                digits = format_number(f) if f is not None and f == int(f) else ""
            if w is None or not digits.isdigit():
                return None
            return w + float("0." + digits)
    words = _en_tokens(t)
    if len(words) < 2:
        return None
    last = words[-1]
    mult = en["multipliers"].get(last)
    den = None if mult else en_denominators().get(last)
    if mult is None and den is None:
        return None
    # The part after the last "and" is the numerator ("twenty and three fifths" = 20 + 3/5,
    # "three hundred and two dozens" = 300 + 24); without "and" all of it is.
    head = words[:-1]
    whole = 0.0
    # "3 million and a half" is 3.5 million: a fraction after a scale above a hundred is a
    # share of that scale.
    unit = 1.0
    if "and" in head:
        k = len(head) - 1 - head[::-1].index("and")
        if k > 0:
            w = parse_en_words(" ".join(head[:k]))
            if w is None:
                return None
            whole = w
            unit = max(en_scales().get(head[k - 1], 1.0), 1.0)
            unit = unit if unit > 100 and not mult else 1.0
        head = head[k + 1 :]
    if head in (["a"], ["an"]):
        numerator = 1.0
    elif head[:1] == ["half"] and head[1:] in (["a"], ["an"]) and mult:
        numerator = 0.5
    else:
        n = parse_en_words(" ".join(head)) if head else None
        if n is None:
            return None
        numerator = n
    return whole + (numerator * mult if mult else numerator / den * unit)


def _en_scaled_fraction(t: str) -> float | None:
    """A fraction or decimal before a scale word: 'half million', 'two point two million',
    'five and a half million' (5.5 million), 'one billion and a quarter million' (the scale
    then takes only the fraction, as the whole already has a bigger one)."""
    words = _en_tokens(t)
    scales = en_scales()
    if len(words) < 2 or words[-1] not in scales:
        return None
    head = words[:-1]
    if not any(w in en_denominators() or w in _en()["point"] for w in head):
        return None
    scale = scales[words[-1]]
    if head[1:] in (["a"], ["an"]) and head[0] in en_denominators():
        head = head[:1]  # "half a million" is half million
    if len(head) == 1:
        den = en_denominators().get(head[0])
        return scale / den if den else None
    if "and" in head:
        k = len(head) - 1 - head[::-1].index("and")
        whole, part = parse_en_words(" ".join(head[:k])), parse_number(" ".join(head[k + 1 :]))
        if whole is None or part is None:
            return None
        if any(scales.get(w, 0) > scale for w in head[:k]):
            return whole + part * scale
        return (whole + part) * scale
    value = parse_number(" ".join(head))
    return None if value is None else value * scale


@cache
def _han_tables() -> tuple[dict[str, int], dict[str, int], dict[str, int], frozenset[str]]:
    han = lexicon("numerals")["han"]
    ko = lexicon("numerals")["ko_sino"]
    digits = {**han["digits"], **ko["digits"]}
    small = {**han["small"], **ko["small"]}
    big = {**han["big"], **ko["big"]}
    return digits, small, big, frozenset([*han["point"], *ko["point"]])


@cache
def _han_only_digits() -> frozenset[str]:
    return frozenset(lexicon("numerals")["han"]["digits"])


@cache
def _vague() -> regex.Pattern:
    return regex.compile(
        "|".join(sorted(lexicon("numerals")["han"]["vague"], key=len, reverse=True))
    )


@cache
def _han_tens() -> dict[int, str]:
    """廿 -> 二十: old tens characters spelled out, as str.translate takes them."""
    return {ord(c): spelled for c, spelled in lexicon("numerals")["han"]["tens"].items()}


@cache
def _han_multiplier() -> regex.Pattern:
    words = "|".join(sorted(lexicon("numerals")["han"]["multipliers"], key=len, reverse=True))
    return regex.compile(rf"^(?P<n>.*?)\s?(?P<m>{words})$")


def parse_cjk(text: str) -> float | None:
    """Han or Sino-Korean numerals, alone or mixed with digits.

    '二十五' -> 25, '千五百' -> 1500, '1万5千' -> 15000, '1억2000만' -> 120000000,
    '이십오' -> 25, '二〇二三' -> 2023, '三点五' -> 3.5, '2.5万' -> 25000, '千三' -> 1300,
    '三百五十万亿' -> 3.5e14, '十多万' -> 100000.
    """
    digits, small, big, points = _han_tables()
    t = unicodedata.normalize("NFKC", text)
    t = _SEPARATORS.sub("", t).replace(" ", "").replace(",", "")
    t = _vague().sub("", t.translate(_han_tens()))
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
    han_digits = _han_only_digits()
    total = 0.0
    section = 0.0
    current: float | None = None
    last_unit = 0
    tail_han_digit = False  # the numeral ends in one Han digit right after a unit: 千三
    zero = False
    i = 0
    while i < len(t):
        m = _DIGITS.match(t, i)
        if m and m.group():
            current = parse_digits(m.group())
            tail_han_digit = False
            i = m.end()
            continue
        c = t[i]
        if c in digits:
            if digits[c] == 0 and last_unit:
                zero = True  # 一百零五: the zero marks a skipped place
            # A run of bare digits ("二〇二三") reads positionally.
            tail_han_digit = current is None and c in han_digits and bool(last_unit) and not zero
            current = digits[c] if current is None else current * 10 + digits[c]
        elif c in small:
            section += (1 if current is None else current) * small[c]
            current = None
            last_unit = small[c]
            zero = tail_han_digit = False
        elif c in big:
            seg = section + (current or 0)
            if not seg and not total:
                seg = 1
            # 四千五百六十九万八千三百一十一亿: what came before a bigger unit is its multiplier;
            # so is all before a unit with nothing between (万万 = 亿, 百万万).
            if total and (total < big[c] or not seg):
                total = (total + seg) * big[c]
            else:
                total += seg * big[c]
            section = 0
            current = None
            last_unit = big[c]
            zero = tail_han_digit = False
        else:
            return None
        i += 1
    if tail_han_digit and current is not None and last_unit >= 100:
        # Spoken shorthand: 千三 = 1300, 二百五 = 250, 萬九 = 19000.
        current *= last_unit // 10
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


@cache
def _fraction_markers() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(denominator-first markers, numerator-first markers) with their mixed-number links."""
    num = lexicon("numerals")
    han, ko = num["han"], num["ko_sino"]
    # 又 and と join a whole to a fraction in either language (350又三分の一).
    han_mixed = "|".join([*han["mixed"]["zh"], *han["mixed"]["ja"]])
    den_first = [(m, han_mixed) for m in [*han["fraction"]["zh"], *han["fraction"]["ja"]]]
    den_first += [(m, "|".join(ko["mixed"])) for m in ko["fraction"]]
    return den_first, []


@cache
def _negative_words() -> tuple[str, ...]:
    num = lexicon("numerals")
    words = [*num["han"]["negative"], *num["ko_sino"]["negative"]]
    return tuple(sorted(words, key=len, reverse=True))


# Prices and rates: '8-1/4' is eight and a quarter.
_HYPHEN_MIXED = regex.compile(r"^(?P<whole>\d{1,3})-(?P<num>\d{1,2})/(?P<den>\d{1,2})$")
_SLASH = regex.compile(r"^(?:(?P<whole>\S+)\s+)?(?P<num>[^\s/／]+)\s?[/／]\s?(?P<den>[^\s/／]+)$")
# Powers: '1.3x10^6', '-12.32×10の14乗' and '1e10' scale by ten; '1.1^23', '2500の-1乗' raise.
_TIMES_TEN = regex.compile(
    r"^(?P<base>.+?)(?:\s?[x×*]\s?(?:10|十)\s?(?:\^|の)\s?(?P<exp>.+?)乗?|[eE](?P<e>[-+−]?\d+))$"
)
_POWER = regex.compile(r"^(?P<base>.+?)\s?(?:\^|の)\s?(?P<exp>.+?)乗?$")
_EXPONENT_SIGN = regex.compile(r"^\s*(?:[-−+]|マイナス|마이너스|负|負|minus)")


def _exponent(text: str) -> float | None:
    """An exponent, in digits or words, its minus signs counted ("--23" is 23)."""
    negative = False
    m = _EXPONENT_SIGN.match(text)
    while m:
        negative ^= m.group().strip() != "+"
        text = text[m.end() :]
        m = _EXPONENT_SIGN.match(text)
    value = parse_number(text.strip()) if text.strip() else None
    if value is None or value != int(value):
        return None
    return -value if negative else value


@cache
def _suffixes() -> dict[str, float]:
    return {**_en()["digit_suffixes"], **_en()["decimal_suffixes"]}


def parse_number(text: str) -> float | None:
    """Any numeral this module reads, whatever its language.

    Beyond the plain forms: signs and minus words ('-4', 'マイナス32', '마이너스 일', '负五'),
    fractions ('3/4', '2 1/4', '三分之一', '5分の2', '팔분의 오', 'two thirds'), mixed numbers
    ('一又二分之一', '130と5分の2', '백삼과 삼분의 이'), exponents ('1e10', '1.3x10^6',
    '10の14乗'), and scale letters ('10k', '2.5bn').
    """
    if text.isascii() and text.isdigit():
        return float(text)  # the common case, in one step
    if text and "\u00bc" <= text[-1] <= "\u215e" and unicodedata.numeric(text[-1], None):
        whole = parse_digits(text[:-1]) if text[:-1].strip() else 0.0
        return None if whole is None else whole + unicodedata.numeric(text[-1])
    t = unicodedata.normalize("NFKC", text).strip()
    if not t:
        return None
    value = parse_digits(t)
    if value is not None:
        return value
    if t[0] in _SIGNS + "+" and len(t) > 1:
        rest = parse_number(t[1:])
        if rest is not None:
            return -rest if t[0] != "+" else rest
    for neg in _negative_words():
        if t.startswith(neg) and len(t) > len(neg):
            rest = parse_number(t[len(neg) :])
            return None if rest is None else -rest
    m = _han_multiplier().match(t)
    if m and m["n"]:
        n = 0.5 if m["n"] == "半" else parse_number(m["n"])
        return None if n is None else n * lexicon("numerals")["han"]["multipliers"][m["m"]]
    if t in lexicon("numerals")["han"]["half"]:
        return 0.5
    den_first, _ = _fraction_markers()
    for marker, links in den_first:
        den, sep, numer = t.partition(marker)
        if sep and den and numer:
            whole = 0.0
            m = regex.match(rf"^(?P<w>.+?)\s?(?:{links})\s?(?P<d>[^\s]+)$", den)
            if m:
                w = parse_number(m["w"])
                if w is not None:
                    whole, den = w, m["d"]
            d, n = parse_number(den), parse_number(numer)
            if d and n is not None:
                return whole + n / d if whole >= 0 else whole - n / d
    m = _HYPHEN_MIXED.match(t)
    if m:
        n, d = int(m["num"]), int(m["den"])
        return int(m["whole"]) + n / d if n < d else None
    m = _SLASH.match(t)
    if m:
        n, d = parse_digits(m["num"]), parse_digits(m["den"])
        w = parse_digits(m["whole"]) if m["whole"] else 0.0
        if n is not None and d and w is not None and "." not in m["den"]:
            return w + n / d if w >= 0 else w - n / d
    m = _TIMES_TEN.match(t)
    power = False
    if not m:
        m = _POWER.match(t)
        power = bool(m) and ("^" in t or t.endswith("乗"))
    if m and (power or m.re is _TIMES_TEN):
        base = parse_number(m["base"])
        exp = parse_digits(m["e"]) if m.re is _TIMES_TEN and m["e"] else _exponent(m["exp"])
        if base is not None and exp is not None and abs(exp) < 300:
            try:
                return base**exp if power else base * 10**exp
            except (OverflowError, ZeroDivisionError):
                return None
    for suffix, scale in sorted(_suffixes().items(), key=lambda kv: -len(kv[0])):
        if t.endswith(suffix) and len(t) > len(suffix):
            base = parse_digits(t[: -len(suffix)])
            if base is not None:
                return base * scale
    for parser in (parse_cjk, parse_en_words, parse_ko_native, parse_en_numeral):
        value = parser(t)
        if value is not None:
            return value
    return None
