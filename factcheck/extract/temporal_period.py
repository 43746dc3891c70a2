"""Periods longer than a day.

- decades and centuries: "the 1970s", 1970년대, 1970年代, 上世纪80年代, "21st century", 15世紀;
- quarters and halves: "Q3 2016", "the third quarter of 2016", "last quarter", 2016년 3분기,
  2016年第三季度, 第3四半期, "H1 2016", 상반기, 上半年, 下半期;
- weekends: "this weekend", 이번 주말, 今週末, 本周末;
- spans that end at or start after the publication date: "the past 3 years", "next 2 days",
  지난 3년, 향후 5일, 过去三年, 未来三天, 過去20年間, 今後5日間, "within 10 months", 10개월 이내;

Dates built from pieces side by side live in temporal_compose.py.

Values follow Recognizers-Text: a period is "(start,end,duration)" with the end exclusive;
a part of a period keeps the period's value and says which part in ``mod``.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator
from functools import cache

import regex

from .. import facts as K
from ..document import Document
from ..facts import Fact
from ..numbers import parse_number
from ..resources import lexicon
from .base import Gated, LatinGated, Triggered, firsts, folded_alt, make_fact
from .patterns import alternation, en_number

_YEAR4 = r"(?:1[0-9]\d\d|2[0-2]\d\d)"
# Compiled once: regex's own cache lookup costs more than these matches on short values.
_RE_YEAR = regex.compile(r"\d{4}")
_RE_MONTH = regex.compile(r"(?:\d{4}|XXXX)-\d\d")
_RE_WEEK = regex.compile(r"(?:\d{4}|XXXX)-W(?:\d\d|XX)")
_RE_WEEK_NUM = regex.compile(r"(\d{4})-W(\d\d)")
_RE_PARTS = regex.compile(r"(\d{4}|XXXX)(?:-(\d\d|XX))?(?:-(\d\d|XX))?")
_RE_WEEK_GAP = regex.compile(r"(?i:[^\S\r\n]+(?:on[^\S\r\n]+)?|[^\S\r\n]?の?[^\S\r\n]?)")
_RE_SPACES = regex.compile(r"\s+")
_RE_QUARTER_CONTEXT = regex.compile(
    r"(?i:\b(?:in|during|for|by|of|until|till|through|since|before|after|and|or|to)[^\S\r\n]+(?:the[^\S\r\n]+)?)$|^$"
)
_HAN_SMALL = r"[一二三四五六七八九十两兩]"


def _add_months(d: dt.date, months: int) -> dt.date:
    idx = d.year * 12 + d.month - 1 + months
    y, m = idx // 12, idx % 12 + 1
    return dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def _shift(d: dt.date, unit: str, n: int) -> dt.date:
    if unit == "D":
        return d + dt.timedelta(days=n)
    if unit == "W":
        return d + dt.timedelta(weeks=n)
    if unit == "M":
        return _add_months(d, n)
    if unit == "Q":
        return _add_months(d, 3 * n)
    return _add_months(d, 12 * n)


def _period(doc: Document, start: int, end: int, lang: str, a, b, span: str, **attrs) -> Fact:
    """A range fact from a to b (b exclusive); a, b are dates or TIMEX strings."""
    sa = a.isoformat() if isinstance(a, dt.date) else a
    sb = b.isoformat() if isinstance(b, dt.date) else b
    if isinstance(a, dt.date) and isinstance(b, dt.date):
        # resolved is inclusive, like the other ranges' resolved pairs
        attrs["resolved"] = [sa, (b - dt.timedelta(days=1)).isoformat()]
    return make_fact(
        doc, K.DATERANGE, start, end, f"({sa},{sb},{span})", lang, **{"from": sa, "to": sb}, **attrs
    )


@cache
def _vague_en() -> dict[str, int]:
    return {k.lower(): v for k, v in lexicon("calendar")["duration_vague"]["en"].items()}


def _num(s: str | None) -> int | None:
    if not s:
        return None
    low = s.lower().strip()
    vague = _vague_en()
    if low in ("a", "an"):
        return 1
    if low in vague:
        return vague[low]
    if low in ("몇",) or low[0] in "几幾数":
        return 3
    v = parse_number(s)
    return int(v) if v is not None and v == int(v) else None


@cache
def _patterns() -> dict[str, regex.Pattern | Gated | LatinGated]:
    cal = lexicon("calendar")
    en_num = en_number()
    ords = alternation(cal["period_ordinals_en"])
    prel = cal["period_rel"]
    en_rel = alternation(prel["en"])
    ko_ry = alternation([k for k, v in cal["relative"]["ko"].items() if v[0] == "year"])
    zh_ry = alternation([k for k, v in cal["relative"]["zh"].items() if v[0] == "year"])
    ja_ry = alternation([k for k, v in cal["relative"]["ja"].items() if v[0] == "year"])
    srel = cal["span_rel"]
    ou = cal["offset_units"]
    vague = alternation(cal["duration_vague"]["en"])
    en_amount = rf"(?:{en_num}|(?i:{vague}|an?))"
    cjk_amount = rf"(?:\d+|{_HAN_SMALL}+|[几幾数])"
    ko_amount = r"(?:\d+|한|두|세|네|다섯|여섯|일곱|여덟|아홉|열|몇)"
    wk = cal["weekend"]
    wrel = cal["weekend_rel"]
    sea = cal["seasons"]
    glued = alternation(sea["glued"])
    p = {
        # this summer, next spring, the winter of 2016, summer 2016, mid-summer
        "season_en": (
            rf"(?i:\b(?:(?P<rel>{en_rel})[^\S\r\n]+|(?P<the>the)[^\S\r\n]+|(?P<mid>mid)[^\S\r\n-]?)?"
            rf"(?P<s>{alternation(sea['en'])})\b(?:[^\S\r\n]+(?:of[^\S\r\n]+)?(?P<y>{_YEAR4})\b)?)"
        ),
        # 올여름, 이번 여름, 2016년 여름, 그 겨울; a season alone not inside a word (돌봄)
        "season_ko": (
            rf"(?:(?:(?P<y>\d{{4}})년|(?P<ry>{ko_ry})|(?P<rel>이번|지난|다음)|(?P<that>그))[^\S\r\n]?"
            rf"|(?P<glued>{glued})|(?<!\p{{Hangul}}))(?P<s>{alternation(sea['ko'])})"
            r"(?!(?![에은는도의이을과와까부철엔])\p{Hangul})"
        ),
        # 今年夏天, 2016年的冬季, 今年の夏, その夏, 今夏, 来春; 夏 alone before a particle
        "season_cjk": (
            rf"(?:(?:(?P<y>\d{{4}})[^\S\r\n]?年|(?P<ry>{zh_ry}|{ja_ry}))[^\S\r\n]?[的の]?[^\S\r\n]?"
            rf"(?P<s>{alternation(sea['zh'])}|[春夏秋冬])"
            rf"|(?P<that>その)(?P<s2>[春夏秋冬])"
            rf"|(?<!未)(?P<glued>[今去昨明来])(?P<s3>[春夏秋冬])(?![天季\p{{Han}}])"
            rf"|(?P<s4>{alternation(sea['zh'])})"
            r"|(?<![\p{Han}\p{Katakana}])(?P<s5>[春夏秋冬])(?=[にはのまもを、。]|$))"
        ),
        "decade_en": (
            r"(?<![\w'’])(?:(?P<the>(?i:the)[^\S\r\n]+))?(?:(?P<y>1[0-9]\d0|20\d0)[^\S\r\n]?['’]?s"
            r"|(?(the)['’]?|['’])(?P<yy>\d0)['’]?s)(?![\w'’])"
        ),
        # the seventies, the nineteen eighties, the 'sixties
        "decade_words_en": (
            r"(?i:\b(?P<the>the)[^\S\r\n]+['’]?(?:(?P<c>nineteen|eighteen)[^\S\r\n\-]+)?"
            r"(?P<d>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b)"
        ),
        # the rest of the week, rest of this month, the rest of the year
        "rest_en": (
            r"(?i:\brest[^\S\r\n]+(?:of[^\S\r\n]+)?(?:(?:the|this|my|current)[^\S\r\n]+)?"
            r"(?P<unit>week|month|year)\b)"
        ),
        "decade_rel_en": (
            rf"(?i:\b(?:the[^\S\r\n]+)?(?P<rel>{en_rel})[^\S\r\n]+(?:(?P<n>{en_num})[^\S\r\n]+)?decades?\b)"
        ),
        "century_en": r"(?i:\b(?P<n>\d{1,2})(?:st|nd|rd|th)[^\S\r\n]+century\b)",
        "decade_cjk": (
            rf"(?:(?:(?P<c>\d{{1,2}}|{_HAN_SMALL}{{1,3}})世[纪紀]|(?P<last>上个?世[纪紀]|上個世紀|前世紀)"
            r"|(?P<this>本世[纪紀]|今世紀|这个世纪|這個世紀))[的の]?)?"
            r"(?<!\d)(?P<y>\d{4}|\d\d|(?<![一二三四五六七八九十])[一二三四五六七八九]十)"
            r"[^\S\r\n]?(?:年代|년대)"
        ),
        "century_cjk": rf"(?<!\d)(?P<n>\d{{1,2}}|{_HAN_SMALL}{{1,3}})[^\S\r\n]?(?:世[纪紀]|세기)(?!\d)",
        "quarter_en": (
            rf"(?<![\w])(?:(?P<y1>{_YEAR4}|\d\d)[^\S\r\n]?-?[^\S\r\n]?)?(?i:q)(?P<q>[1-4])(?![\w])"
            rf"(?:[^\S\r\n]?-?[^\S\r\n]?(?:(?i:of)[^\S\r\n]+)?(?P<y2>{_YEAR4})(?!\d)|[^\S\r\n]+(?P<ry>(?i:this|last|next))[^\S\r\n]+(?i:year))?"
        ),
        "quarter_ord_en": (
            rf"(?i:(?:(?P<y1>{_YEAR4})[^\S\r\n]+)?(?:the[^\S\r\n]+)?(?P<ord>{ords}|final)[^\S\r\n]+(?P<unit>quarter|half)"
            rf"(?:[^\S\r\n]+(?:of[^\S\r\n]+)?(?:(?:the[^\S\r\n]+)?(?:year[^\S\r\n]+)?(?P<y2>{_YEAR4})(?!\d)|(?P<ry>this|last|next)[^\S\r\n]+year|the[^\S\r\n]+(?P<ty>year)))?)"
        ),
        "quarter_rel_en": (
            rf"(?i:\b(?P<rel>{en_rel}|past)[^\S\r\n]+(?:(?P<n>{en_num})[^\S\r\n]+)?quarters?\b)"
        ),
        "half_en": rf"(?<![\w])(?:(?P<y1>{_YEAR4})[^\S\r\n]?-?[^\S\r\n]?)?H(?P<h>[12])(?![\w])(?:[^\S\r\n]?-?[^\S\r\n]?(?P<y2>{_YEAR4})(?!\d))?",
        "quarter_cjk": (
            rf"(?:(?:(?P<y>\d{{4}})[^\S\r\n]?(?:年|년)|(?P<ry>{ko_ry}|{zh_ry}|{ja_ry}))[^\S\r\n]?(?:の|的)?[^\S\r\n]?)?"
            rf"(?:第[^\S\r\n]?)?(?P<q>[1-4一二三四])[^\S\r\n]?(?:사분기|분기|四半期|季度|季(?![节節]))"
        ),
        "quarter_rel_cjk": (
            r"(?P<rel>이번|지난|다음|本|上个?|上個|下个?|下個|今|前|来|次の)[^\S\r\n]?(?:분기|季度|四半期)"
        ),
        "half_cjk": (
            rf"(?:(?:(?P<y>\d{{4}})[^\S\r\n]?(?:年|년)|(?P<ry>{ko_ry}|{zh_ry}|{ja_ry}))[^\S\r\n]?(?:の|的)?[^\S\r\n]?)?"
            rf"(?P<h>{alternation([*cal['halves']['ko'], *cal['halves']['zh'], *cal['halves']['ja']])})"
        ),
        "weekend_en": (
            rf"(?i:\b(?:(?P<rel>{alternation(wrel['en'])}|that|my)[^\S\r\n]+)?(?P<w>{alternation(wk['en'])})\b(?!s))"
        ),
        "weekend_cjk": (
            rf"(?:(?P<rel>{alternation([*wrel['ko'], *wrel['zh'], *wrel['ja']])})[^\S\r\n]?|(?P<that>その|그))?"
            rf"(?P<w>{alternation([*wk['ko'], *wk['zh'], *wk['ja']])})"
        ),
        "span_en": (
            rf"(?i:\b(?P<rel>{alternation(srel['en'])})[^\S\r\n]+(?P<n>{en_amount})[^\S\r\n]+"
            rf"(?P<unit>{alternation(ou['en'])})\b)"
        ),
        "span_ko": (
            rf"(?P<rel>{alternation(srel['ko'])})[^\S\r\n]?(?P<n>{ko_amount})[^\S\r\n]?(?P<unit>{alternation(ou['ko'])})"
            r"(?![^\S\r\n]?(?:전|후|뒤|째|만에))"
        ),
        "span_ko_within": (
            rf"(?<![\d\p{{Hangul}}])(?P<n>{ko_amount})[^\S\r\n]?(?P<unit>{alternation(ou['ko'])})[^\S\r\n]?"
            # a particle may follow ("3년 이내에"), no other Hangul ("내년", "이내외")
            rf"(?P<within>{alternation(cal['span_within']['ko'])})(?!(?![에는도의])\p{{Hangul}})"
        ),
        "span_cjk": (
            rf"(?P<rel>{alternation([*srel['zh'], *srel['ja']])})[^\S\r\n]?(?P<n>{cjk_amount})[^\S\r\n]?"
            rf"(?:[个個])?(?P<unit>{alternation([*ou['zh'], *ou['ja']])})(?P<gan>間|间)?(?![前后後])"
        ),
        "span_cjk_within": (
            rf"(?<![\d])(?P<n>{cjk_amount})[^\S\r\n]?(?P<unit>{alternation([*ou['zh'], *ou['ja']])})(?:間|间)?"
            rf"(?P<within>{alternation([*cal['span_within']['zh'], *cal['span_within']['ja']])})"
        ),
    }
    pats: dict[str, regex.Pattern | Gated | LatinGated]
    pats = {k: regex.compile(v) for k, v in p.items()}
    # Where a season can begin: its relative word, "the", "mid", or the season itself.
    fsea = folded_alt(sea["en"])
    fpre = folded_alt([*prel["en"], "the", "mid"])
    pats["season_en"] = Triggered(
        pats["season_en"],
        rf"(?<![a-z])(?:{fpre})[^\S\r\n\-]*(?:{fsea})|(?<![a-z])(?:{fsea})",
        first=firsts(sea["en"], prel["en"], ["the", "mid"]),
    )
    within = cal["span_within"]
    # Characters every match of these holds: texts without them are not scanned.
    needs = {
        "decade_cjk": ["年代", "년대"],
        "century_cjk": ["世纪", "世紀", "세기"],
        "quarter_cjk": ["분기", "四半期", "季"],
        "quarter_rel_cjk": ["분기", "四半期", "季度"],
        "half_cjk": [*cal["halves"]["ko"], *cal["halves"]["zh"], *cal["halves"]["ja"]],
        "weekend_cjk": firsts(wk["ko"], wk["zh"], wk["ja"]),
        "span_ko": firsts(srel["ko"]),
        "span_ko_within": firsts(within["ko"]),
        "span_cjk": firsts(srel["zh"], srel["ja"]),
        "span_cjk_within": firsts(within["zh"], within["ja"]),
    }
    needs["season_ko"] = list(sea["ko"])
    needs["season_cjk"] = "春夏秋冬"
    for name, chars in needs.items():
        pats[name] = Gated(pats[name], chars)
    # Every match of these holds a Latin letter: texts without one are not scanned.
    english = ("decade_en", "decade_rel_en", "century_en", "quarter_en", "quarter_ord_en")
    english += ("quarter_rel_en", "half_en", "weekend_en", "span_en", "season_en")
    english += ("decade_words_en", "rest_en")
    for name in english:
        pats[name] = LatinGated(pats[name])
    # Words every match of these holds, in any case.
    words = {
        "decade_rel_en": ["decade"],
        "century_en": ["century"],
        "quarter_ord_en": ["quarter", "half"],
        "quarter_rel_en": ["quarter"],
        "weekend_en": wk["en"],
        "season_en": list(sea["en"]),
        "decade_words_en": ["ties"],
        "rest_en": ["rest"],
    }
    for name, ws in words.items():
        pats[name] = Gated(pats[name], ws, folded=True)
    pats["half_en"] = Gated(pats["half_en"], ["H1", "H2"])
    return pats


def _century_years(n: int) -> tuple[int, int]:
    return (n - 1) * 100, n * 100


def _quarter(doc, start, end, lang, y: int | None, q: int, **attrs) -> Fact:
    if y is None:
        a = f"XXXX-{3 * q - 2:02d}-01"
        b = f"XXXX-{3 * q + 1:02d}-01" if q < 4 else "XXXX-01-01"
        return _period(doc, start, end, lang, a, b, "P3M", quarter=q, **attrs)
    a = dt.date(y, 3 * q - 2, 1)
    return _period(doc, start, end, lang, a, _add_months(a, 3), "P3M", quarter=q, **attrs)


def _half(doc, start, end, lang, y: int | None, h: int, **attrs) -> Fact:
    if y is None:
        a, b = ("XXXX-01-01", "XXXX-07-01") if h == 1 else ("XXXX-07-01", "XXXX-01-01")
        return _period(doc, start, end, lang, a, b, "P6M", half=h, **attrs)
    a = dt.date(y, 1 if h == 1 else 7, 1)
    return _period(doc, start, end, lang, a, _add_months(a, 6), "P6M", half=h, **attrs)


def _rel_year(doc: Document, word: str | None, lang_tables: list[dict]) -> int | None:
    if not word or doc.date is None:
        return None
    for t in lang_tables:
        v = t.get(word) or t.get(word.lower())
        if v:
            return doc.date.year + v[1]
    return None


def _two_digit_decade(yy: int, ref: dt.date | None) -> int:
    this = (ref or dt.date.today()).year
    return 2000 + yy if 2000 + yy <= this else 1900 + yy


def extract_periods(doc: Document) -> Iterator[Fact]:
    pats = _patterns()
    text, ref = doc.text, doc.date
    cal = lexicon("calendar")
    rel_years = [cal["relative"][lang] for lang in ("en", "ko", "zh", "ja")]
    prel_en = cal["period_rel"]["en"]
    ords = cal["period_ordinals_en"]

    def lang_at(m) -> str:
        lang = doc.lang_at(m.start())
        return lang if lang in ("ko", "zh", "ja") else "zh"

    for m in pats["decade_en"].finditer(text):
        if m["y"]:
            y0 = int(m["y"])
            yield _period(
                doc, m.start(), m.end(), "en", dt.date(y0, 1, 1), dt.date(y0 + 10, 1, 1), "P10Y"
            )
        else:
            yy = int(m["yy"])
            nx = (yy + 10) % 100
            yield _period(
                doc, m.start(), m.end(), "en", f"XX{yy:02d}-01-01", f"XX{nx:02d}-01-01", "P10Y"
            )
    for m in pats["decade_rel_en"].finditer(text):
        if ref is None:
            continue
        n = _num(m["n"]) if m["n"] else 1
        sign = prel_en.get(m["rel"].lower())
        if n is None or sign is None:
            continue
        base = ref.year // 10 * 10
        if sign == 0:
            a = base
        elif sign < 0:
            a = base - 10 * n
        else:
            a = base + 10
        count = 1 if sign == 0 else n
        yield _period(
            doc,
            m.start(),
            m.end(),
            "en",
            dt.date(a, 1, 1),
            dt.date(a + 10 * count, 1, 1),
            f"P{10 * count}Y",
        )
    for name in ("century_en", "century_cjk"):
        for m in pats[name].finditer(text):
            n = _num(m["n"])
            if n is None or not 1 <= n <= 22:
                continue
            a, b = _century_years(n)
            lang = "en" if name == "century_en" else ("ko" if "세" in m[0] else lang_at(m))
            yield _period(
                doc, m.start(), m.end(), lang, f"{a:04d}-01-01", f"{b:04d}-01-01", "P100Y"
            )
    for m in pats["decade_cjk"].finditer(text):
        yy = _num(m["y"])
        if yy is None or yy % 10:
            continue
        lang = "ko" if m[0].endswith("년대") else lang_at(m)
        if yy >= 1000:
            y0 = yy
        elif m["last"]:
            y0 = 1900 + yy
        elif m["this"]:
            y0 = ((ref or dt.date.today()).year // 100) * 100 + yy
        elif m["c"]:
            c = _num(m["c"])
            if c is None:
                continue
            y0 = (c - 1) * 100 + yy
        else:
            # "90年代": the century is left open, as Recognizers-Text writes it; resolved
            # takes the latest such decade begun by the publication year.
            y0 = _two_digit_decade(yy, ref)
            yield _period(
                doc,
                m.start(),
                m.end(),
                lang,
                f"XX{yy:02d}-01-01",
                f"XX{(yy + 10) % 100:02d}-01-01",
                "P10Y",
                resolved=[f"{y0:04d}-01-01", f"{y0 + 9:04d}-12-31"],
            )
            continue
        yield _period(
            doc, m.start(), m.end(), lang, dt.date(y0, 1, 1), dt.date(y0 + 10, 1, 1), "P10Y"
        )

    for m in pats["quarter_en"].finditer(text):
        y1 = m["y1"]
        y = int(y1) + (2000 if len(y1) == 2 else 0) if y1 else None
        if m["y2"]:
            y = int(m["y2"])
        elif m["ry"] and ref is not None:
            y = ref.year + prel_en[m["ry"].lower()]
        if y is None and not _RE_QUARTER_CONTEXT.search(text[max(0, m.start() - 16) : m.start()]):
            continue  # "Audi Q3": a bare Q3 is a quarter only where a time may stand
        yield _quarter(doc, m.start(), m.end(), "en", y, int(m["q"]))
    for m in pats["half_en"].finditer(text):
        y = m["y1"] or m["y2"]
        if not y:
            continue
        yield _half(doc, m.start(), m.end(), "en", int(y), int(m["h"]))
    for m in pats["quarter_ord_en"].finditer(text):
        o = ords.get(m["ord"].lower(), -1)
        unit = m["unit"].lower()
        top = 4 if unit == "quarter" else 2
        if o == -1:
            if not (m["y1"] or m["y2"] or m["ry"] or m["ty"]):
                continue  # "last quarter" alone is the previous quarter (quarter_rel_en)
            o = top
        if o > top:
            continue
        y = m["y1"] or m["y2"]
        yv = int(y) if y else None
        if yv is None and m["ry"] and ref is not None:
            yv = ref.year + prel_en[m["ry"].lower()]
        elif yv is None and ref is not None and not m["ty"]:
            yv = ref.year
        if unit == "half" and not (y or m["ry"] or m["ty"]):
            continue  # "the first half" of a match or a film, not of a year
        fn = _quarter if unit == "quarter" else _half
        yield fn(doc, m.start(), m.end(), "en", yv, o)
    for m in pats["quarter_rel_en"].finditer(text):
        if ref is None:
            continue
        sign = prel_en.get(m["rel"].lower(), -1)
        n = _num(m["n"]) if m["n"] else 1
        if n is None:
            continue
        cur = dt.date(ref.year, (ref.month - 1) // 3 * 3 + 1, 1)
        if sign == 0:
            a, count = cur, 1
        elif sign < 0:
            a, count = _add_months(cur, -3 * n), n
        else:
            a, count = _add_months(cur, 3), n
        yield _period(doc, m.start(), m.end(), "en", a, _add_months(a, 3 * count), f"P{3 * count}M")

    for m in pats["quarter_cjk"].finditer(text):
        y = int(m["y"]) if m["y"] else _rel_year(doc, m["ry"], rel_years)
        if y is None and m["ry"]:
            continue
        q = _num(m["q"])
        if q is None:
            continue
        if y is None and ref is not None and not m[0].startswith("第"):
            y = ref.year
        lang = "ko" if "분기" in m[0] else lang_at(m)
        yield _quarter(doc, m.start(), m.end(), lang, y, q)
    for m in pats["quarter_rel_cjk"].finditer(text):
        if ref is None:
            continue
        rel = m["rel"]
        sign = (
            0
            if rel in ("이번", "本", "今")
            else -1
            if rel in ("지난", "前") or rel.startswith("上")
            else 1
        )
        cur = dt.date(ref.year, (ref.month - 1) // 3 * 3 + 1, 1)
        a = _add_months(cur, 3 * sign)
        lang = "ko" if "분기" in m[0] else lang_at(m)
        yield _period(doc, m.start(), m.end(), lang, a, _add_months(a, 3), "P3M")
    halves = {**cal["halves"]["ko"], **cal["halves"]["zh"], **cal["halves"]["ja"]}
    for m in pats["half_cjk"].finditer(text):
        y = int(m["y"]) if m["y"] else _rel_year(doc, m["ry"], rel_years)
        if y is None and ref is not None and not m["ry"]:
            y = ref.year
        lang = "ko" if "반기" in m[0] else lang_at(m)
        yield _half(doc, m.start(), m.end(), lang, y, halves[m["h"]])

    wrel = cal["weekend_rel"]
    for name in ("weekend_en", "weekend_cjk"):
        for m in pats[name].finditer(text):
            rel = m["rel"]
            if name == "weekend_en":
                sign = wrel["en"].get(rel.lower()) if rel else 0
                if rel and rel.lower() == "that":
                    sign = None
                lang = "en"
            else:
                sign = (
                    None
                    if m["that"]
                    else ({**wrel["ko"], **wrel["zh"], **wrel["ja"]}.get(rel) if rel else 0)
                )
                lang = "ko" if m["w"] == "주말" else lang_at(m)
            if sign is None or ref is None:
                yield make_fact(doc, K.DATE, m.start(), m.end(), "XXXX-WXX-WE", lang, weekend=True)
                continue
            sat = ref + dt.timedelta(days=6 - ref.isoweekday() + 7 * sign)
            iso = sat.isocalendar()
            yield make_fact(
                doc,
                K.DATE,
                m.start(),
                m.end(),
                f"{iso[0]:04d}-W{iso[1]:02d}-WE",
                lang,
                weekend=True,
                resolved=[sat.isoformat(), (sat + dt.timedelta(days=1)).isoformat()],
            )

    yield from _seasons(doc, pats, rel_years)
    yield from _decade_words_and_rests(doc, pats)

    srel = cal["span_rel"]
    ou = cal["offset_units"]
    for name in ("span_en", "span_ko", "span_cjk", "span_ko_within", "span_cjk_within"):
        for m in pats[name].finditer(text):
            if ref is None:
                continue
            if "within" in name:
                sign = 1
            else:
                table = (
                    srel["en"] if name == "span_en" else {**srel["ko"], **srel["zh"], **srel["ja"]}
                )
                sign = table.get(m["rel"].lower() if name == "span_en" else m["rel"])
            unit_table = ou["en"] if name == "span_en" else {**ou["ko"], **ou["zh"], **ou["ja"]}
            unit = unit_table.get(m["unit"].lower() if name == "span_en" else m["unit"])
            n = _num(m["n"])
            if sign is None or unit is None or n is None or n <= 0 or n > 1000:
                continue
            if name == "span_en" and n == 1 and m["rel"].lower() in ("last", "next", "this"):
                continue  # "last year", "next week": the relative period, found elsewhere
            if name == "span_ko" and m["unit"] == "일" and m["rel"] in ("지난", "오는"):
                continue  # 지난 22일, 오는 22일: a day of the month
            if sign < 0:
                a, b = _shift(ref, unit, -n), ref
            elif "within" in name:
                a, b = ref, _shift(ref, unit, n)  # "3년 이내", "5日以内": counted from today
            else:
                a = ref + dt.timedelta(days=1)
                b = _shift(a, unit, n)
            lang = "en" if name == "span_en" else ("ko" if "ko" in name else lang_at(m))
            yield _period(doc, m.start(), m.end(), lang, a, b, f"P{n}{unit}")


def _seasons(doc: Document, pats: dict, rel_years: list[dict]) -> Iterator[Fact]:
    """Seasons: "this summer" (2016-SU), 2016년 여름, 今年夏天, 来春; alone, "SU"."""
    text, ref = doc.text, doc.date
    sea = lexicon("calendar")["seasons"]
    prel = lexicon("calendar")["period_rel"]
    codes = {k.lower(): v for lang in ("en", "ko", "zh", "ja") for k, v in sea[lang].items()}
    alone = set(sea["en_alone"])
    for name in ("season_en", "season_ko", "season_cjk"):
        for m in pats[name].finditer(text):
            word = next(m[g] for g in ("s", "s2", "s3", "s4", "s5") if m.groupdict().get(g))
            gd = m.groupdict()
            if name == "season_en" and not (m["rel"] or m["the"] or m["y"] or m["mid"]):
                if word.lower() not in alone or word.isupper():
                    continue
            if name == "season_en" and m["the"] and word.lower() not in alone and not m["y"]:
                continue  # "the fall of prices", "the spring broke"
            year: int | None = int(m["y"]) if m["y"] else None
            if gd.get("ry"):
                year = _rel_year(doc, m["ry"], rel_years)
            elif gd.get("rel") and ref is not None:
                table = prel["en"] if name == "season_en" else prel["ko"]
                off = table.get(m["rel"].lower())
                year = ref.year + off if off is not None else None
            elif gd.get("glued") and ref is not None:
                year = ref.year + sea["glued"][m["glued"]]
            if (gd.get("ry") or gd.get("rel") or gd.get("glued")) and year is None:
                continue  # a relative season without a publication date stays unread
            code = codes[word.lower()]
            value = f"{year:04d}-{code}" if year is not None else code
            lang = "en" if name == "season_en" else ("ko" if name == "season_ko" else "")
            lang = lang or doc.lang_at(m.start())
            yield make_fact(doc, K.DATERANGE, m.start(), m.end(), value, lang, season=code)


_DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60}
_DECADE_WORDS |= {"seventies": 70, "eighties": 80, "nineties": 90}


def _decade_words_and_rests(doc: Document, pats: dict) -> Iterator[Fact]:
    """ "the seventies" (XX70s), "the nineteen eighties" (1980s); "the rest of the week" (from
    the publication day to the period's last day, as Recognizers-Text counts it: the days to
    the week's Sunday, the days of the month or year including the last)."""
    text, ref = doc.text, doc.date
    for m in pats["decade_words_en"].finditer(text):
        yy = _DECADE_WORDS[m["d"].lower()]
        start = m.start()
        if m["c"]:
            y0 = (1800 if m["c"].lower() == "eighteen" else 1900) + yy
            a, b = dt.date(y0, 1, 1), dt.date(y0 + 10, 1, 1)
            yield _period(doc, start, m.end(), "en", a, b, "P10Y")
        else:
            nx = (yy + 10) % 100
            yield _period(doc, start, m.end(), "en", f"XX{yy}-01-01", f"XX{nx:02d}-01-01", "P10Y")
    if ref is None:
        return
    for m in pats["rest_en"].finditer(text):
        unit = m["unit"].lower()
        if unit == "week":
            end = ref + dt.timedelta(days=7 - ref.isoweekday())
            days = (end - ref).days
        else:
            end = (
                dt.date(ref.year, 12, 31)
                if unit == "year"
                else dt.date(ref.year, ref.month, calendar.monthrange(ref.year, ref.month)[1])
            )
            days = (end - ref).days + 1
        yield make_fact(
            doc,
            K.DATERANGE,
            m.start(),
            m.end(),
            f"({ref.isoformat()},{end.isoformat()},P{days}D)",
            "en",
            **{"from": ref.isoformat(), "to": end.isoformat()},
            resolved=[ref.isoformat(), end.isoformat()],
        )
