"""Holidays and named days (Christmas, 광복절, 国庆节, 建国記念の日) as date facts.

The names and their rules are data (rules/lexicon/holidays.yaml); this module implements
each rule type once: a fixed day, the nth weekday of a month, a day counted from Easter, Japan's
equinox days, and a day of the Korean or the Chinese lunisolar calendar.

Values follow temporal.py's dates: "XXXX-12-25" for a name without a year, with the occurrence
nearest the publication date in ``resolved``; "2016-12-25" when a year is attached ("Christmas
2016", "2016 크리스마스", "2018年圣诞节", "내년 추석", "next Easter"). A holiday whose day moves
from year to year (Thanksgiving, Easter, 추석) has no day without a year: its value takes the
month and day of the resolved occurrence, and gives no fact at all when the publication date
is unknown. Lent and the like are date ranges.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import regex
from korean_lunar_calendar import KoreanLunarCalendar
from lunar_python import Lunar

from .. import facts as K
from ..document import Document
from ..facts import Fact
from ..resources import lexicon
from .base import make_fact

_LANGS = ("en", "ko", "zh", "ja")
_YEAR = r"(?:1[0-9]\d\d|20\d\d|21\d\d)"
_HAN = regex.compile(r"\p{Han}")
# What may not follow a year after an English name: "Christmas 2,000 gifts", "Easter 1500 people"
_NOT_YEAR_AFTER = r"(?![\d,./\-]\d|\d|\s?(?:%|percent|people|won|dollars|yuan|yen|[ap]\.?m\b|:\d))"


@dataclass(frozen=True, slots=True, eq=False)
class _Holiday:
    key: str
    rules: tuple[dict[str, Any], ...]  # tried in order; the first whose years hold gives the day
    not_after: regex.Pattern | None = None


@dataclass(frozen=True, slots=True)
class _Table:
    patterns: tuple[re.Pattern, re.Pattern]
    names: dict[str, dict[str, _Holiday | None]]  # normalised name -> language -> holiday
    occurrence: dict[str, str]
    year_before: regex.Pattern
    year_after_en: regex.Pattern
    relative_year: dict[str, int]
    han_guard: regex.Pattern | None  # a qualifier before a Chinese or Japanese name
    jie_words_after: str  # 儿童节目: the 节 of a name starts another word


def _norm(name: str) -> str:
    """The lookup key of a name as written: case, spaces and apostrophe forms folded."""
    return regex.sub(r"\s+", "", name).replace("’", "'").lower()


def _trie_regex(names: set[str], space: str) -> str:
    """One regex for many names, as a trie: "Christmas(?:\\s+Eve)?" rather than an alternation
    of every name, which the engine would try one by one at every position of the text (the
    trie scans ~20x faster). The optional tails are greedy, so the longest name wins."""
    trie: dict = {}
    for name in names:
        node = trie
        for ch in name:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = []
        for ch in sorted(k for k in node if k):
            piece = space if ch == " " else "['’]" if ch in "'’" else re.escape(ch)
            branches.append(piece + emit(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


def _spellings(name: str, field: str) -> set[str]:
    """The forms a name is matched in: English case variants, and 节 / 節 both in Chinese."""
    name = name.replace("’", "'")
    if field == "en":
        return {
            name,
            name.lower(),
            name.upper(),
            regex.sub(r"(?<![\w'])\w", lambda m: m[0].upper(), name),
        }
    if field == "zh" and name[-1] in "节節":
        return {name[:-1] + "节", name[:-1] + "節"}
    return {name}


@cache
def _table() -> _Table:
    lex = lexicon("holidays")
    not_after = {k: regex.compile(v) for k, v in lex.get("not_after", {}).items()}
    names: dict[str, dict[str, _Holiday | None]] = {}
    latin: set[str] = set()
    cjk: set[str] = set()
    for key, entry in lex["holidays"].items():
        rule = entry["rule"]
        holiday = None
        if rule is not None:
            rules = tuple(rule) if isinstance(rule, list) else (rule,)
            guard = not_after.get(entry["not_after"]) if entry.get("not_after") else None
            holiday = _Holiday(key, rules, guard)
        for field in (*_LANGS, "en_cased"):
            lang = field[:2]
            for name in entry.get(field, []):
                for form in _spellings(name, field):
                    names.setdefault(_norm(form), {})[lang] = holiday
                    (latin if lang == "en" else cjk).add(form)
    # An English name stands alone as a word; a CJK one may touch particles and verbs (추석에,
    # 过春节), and is checked against its left neighbour in code.
    en_names, cjk_names = _trie_regex(latin, r"\s+"), _trie_regex(cjk, r"\s?")
    # Two scans: one alternation of both would defeat the engine's first-character skip.
    patterns = (
        re.compile(rf"(?<![A-Za-z0-9'’])(?:{en_names})(?![A-Za-z0-9])"),
        re.compile(cjk_names),
    )
    rel = lex["relative_year"]
    rel_cjk = {w: off for lang in ("ko", "zh", "ja") for w, off in rel[lang].items()}
    rel_words = "|".join(regex.escape(w) for w in sorted(rel_cjk, key=len, reverse=True))
    rel_en = "|".join(regex.escape(w).replace("'", "['’]") for w in rel["en"])
    occ = "|".join(lex["occurrence"]["en"])
    occ_ko = "|".join(lex["occurrence"]["ko"])
    year_before = regex.compile(
        # the year of "Dec. 1, 2016 Christmas lights" belongs to the date before it
        rf"(?:(?<![\d\p{{L}},]|,\s)(?P<y>{_YEAR})\s?(?:년|年)?\s?|(?<![\p{{L}}])(?P<rel>{rel_words})\s?"
        rf"|(?i:(?<![\p{{L}}])(?P<relen>{rel_en})\s+)|(?i:(?<![\p{{L}}])(?P<occ>{occ})\s+)"
        rf"|(?<![\p{{L}}])(?P<occ>{occ_ko})\s?)"
        r"(?:의\s?|の|的)?$"
    )
    rel_after = "|".join(regex.escape(w).replace("\\ ", r"\s+") for w in rel["en_after"])
    year_after_en = regex.compile(
        rf"(?:,?\s+(?:of\s+|in\s+)?(?P<y>{_YEAR}){_NOT_YEAR_AFTER}|\s+(?:of\s+)?(?i:(?P<rel>{rel_after}))\b)"
    )
    relative_year = {
        **rel_cjk,
        **{_norm(w): off for w, off in rel["en"].items()},
        **{_norm(w): off for w, off in rel["en_after"].items()},
    }
    return _Table(
        patterns,
        names,
        {k.lower(): v for words in lex["occurrence"].values() for k, v in words.items()},
        year_before,
        year_after_en,
        relative_year,
        not_after.get("han"),
        lex.get("jie_words_after", ""),
    )


# --- the rule types -------------------------------------------------------------------------


def _easter(year: int, church: str) -> dt.date:
    """Easter Sunday: the Gregorian computus, or the Julian one moved onto the Gregorian calendar."""
    if church == "orthodox":
        a, b, c = year % 4, year % 7, year % 19
        d = (19 * c + 15) % 30
        e = (2 * a + 4 * b - d + 34) % 7
        month, day = divmod(d + e + 114, 31)
        julian = dt.date(year, month, day + 1)
        return julian + dt.timedelta(days=year // 100 - year // 400 - 2)
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date | None:
    if n > 0:
        first = dt.date(year, month, 1)
        day = first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    else:
        nxt = dt.date(year + month // 12, month % 12 + 1, 1)
        last = nxt - dt.timedelta(days=1)
        day = last - dt.timedelta(days=(last.isoweekday() - weekday) % 7 + 7 * (-n - 1))
    return day if day.month == month else None


def _equinox(year: int, season: str) -> dt.date:
    """The day of the spring or autumn equinox in Japan (JST), by the approximation the
    Japanese calendar tables use for 1980-2099: a mean day that drifts 0.242194 a year, reset
    by leap days."""
    base = 20.8431 if season == "spring" else 23.2488
    n = year - 1980
    return dt.date(year, 3 if season == "spring" else 9, int(base + 0.242194 * n - n // 4))


@cache
def _lunar(year: int, month: int, day: int, calendar: str) -> dt.date | None:
    """The solar day of a lunisolar month and day that falls in the solar year ``year``: 腊八
    (12th month) of 2024 is Jan. 18, 2024, a day of the lunar year that began in 2023."""
    found = _lunar_in(year, month, day, calendar)
    if found is not None and found.year > year:
        found = _lunar_in(year - 1, month, day, calendar)
    return found


def _lunar_in(lunar_year: int, month: int, day: int, calendar: str) -> dt.date | None:
    if calendar == "chinese":
        # lunar-python computes the Chinese calendar (China's time zone) from the astronomy;
        # the Korean tables differ from it by a day in some years (설날 2027 is Feb. 7, 春节 Feb. 6).
        if not 1000 <= lunar_year <= 2999:
            return None
        solar = Lunar.fromYmd(lunar_year, month, day).getSolar()
        return dt.date(solar.getYear(), solar.getMonth(), solar.getDay())
    cal = KoreanLunarCalendar()
    if not cal.setLunarDate(lunar_year, month, day, False):
        return None  # outside the tables (1000-2050)
    return dt.date.fromisoformat(cal.SolarIsoFormat())


def _rule_day(rule: dict[str, Any], year: int) -> dt.date | None:
    if "fixed" in rule:
        m, d = rule["fixed"]
        try:
            return dt.date(year, m, d)
        except ValueError:
            return None
    if "nth_weekday" in rule:
        return _nth_weekday(year, *rule["nth_weekday"])
    if "easter" in rule:
        return _easter(year, rule["easter"])
    if "equinox" in rule:
        return _equinox(year, rule["equinox"])
    if "lunar" in rule:
        return _lunar(year, *rule["lunar"], rule.get("calendar", "korean"))
    raise ValueError(f"holidays.yaml: unknown rule {rule}")


def _holds(rule: dict[str, Any], year: int) -> bool:
    first, last = rule.get("years") or (None, None)
    return (first is None or year >= first) and (last is None or year <= last)


def _days_in(h: _Holiday, year: int) -> tuple[dt.date, dt.date] | None:
    """The first and last day of a holiday in a year (the same day but for Lent and the like)."""
    for rule in h.rules:
        if not _holds(rule, year):
            continue
        base = _rule_day(rule, year)
        if base is None:
            return None
        start = base + dt.timedelta(days=rule.get("offset", 0))
        end = base + dt.timedelta(days=rule["until"]) if "until" in rule else start
        return start, end
    return None


def _fixed(h: _Holiday) -> tuple[int, int] | None:
    """Month and day of a holiday that falls on the same day every year."""
    rule = h.rules[0]
    if len(h.rules) == 1 and "fixed" in rule and not rule.get("years") and "until" not in rule:
        return rule["fixed"][0], rule["fixed"][1]
    return None


def _occurrence(h: _Holiday, ref: dt.date, which: str) -> tuple[dt.date, dt.date] | None:
    """The occurrence a bare name (nearest), "next", "last" or "this" name means."""
    found = [s for y in (ref.year - 1, ref.year, ref.year + 1) if (s := _days_in(h, y))]
    if which == "next":
        found = [s for s in found if s[0] > ref]
        return min(found, default=None)
    if which == "last":
        found = [s for s in found if s[0] < ref]
        return max(found, default=None)
    if which == "this":
        return _days_in(h, ref.year)
    # As temporal.resolve: the nearest, the earlier one on a tie.
    return min(found, key=lambda s: (abs((s[0] - ref).days), s[0] > ref), default=None)


@cache
def _by_key() -> dict[str, _Holiday]:
    return {h.key: h for by_lang in _table().names.values() for h in by_lang.values() if h}


def occurrence_in(key: str, year: int) -> dt.date | None:
    """The day of holiday ``key`` in a year (None for a span like Lent, or no such day)."""
    h = _by_key().get(key)
    span = _days_in(h, year) if h is not None else None
    return span[0] if span is not None and span[0] == span[1] else None


# --- finding the names ----------------------------------------------------------------------


def _holiday_at(table: _Table, doc: Document, start: int, name: str) -> _Holiday | None:
    by_lang = table.names.get(_norm(name))
    if not by_lang:
        return None
    lang = doc.lang_at(start)
    if lang in by_lang:
        return by_lang[lang]
    # A name of one language quoted in another (圣诞节 in a Japanese line): fine when every
    # language that has the name gives it the same day; 七夕 differs between zh and ja.
    found = {h.key if h else None: h for h in by_lang.values()}
    return next(iter(found.values())) if len(found) == 1 else None


def _left_ok(text: str, start: int, name: str, lang: str) -> bool:
    """A Korean name does not start inside a word (판단오류 is no 단오); a Japanese name in kanji
    not inside a compound (富士山の日 is no 山の日), unless a year word ends there (今年元日)."""
    if start == 0:
        return True
    prev = text[start - 1]
    if regex.match(r"\p{Hangul}", name):
        return not regex.match(r"\p{Hangul}", prev)
    if lang == "ja" and regex.match(r"\p{Han}", name) and regex.match(r"\p{Han}", prev):
        return prev == "年"
    return True


def extract_holidays(doc: Document) -> Iterator[Fact]:
    text = doc.text
    table = _table()
    for m in [m for p in table.patterns for m in p.finditer(text)]:
        lang = doc.lang_at(m.start())
        h = _holiday_at(table, doc, m.start(), m[0])
        if h is None or _blocked(table, h, text, m, lang):
            continue
        fact = _fact(doc, table, h, m.start(), m.end(), lang)
        if fact is not None:
            yield fact


def _blocked(table: _Table, h: _Holiday, text: str, m: re.Match, lang: str) -> bool:
    """Whether the name found is part of another word or names another country's day."""
    name, start = m[0], m.start()
    if not _left_ok(text, start, name, lang):
        return True
    after = text[m.end() : m.end() + 1]
    if after and name[-1] in "节節" and after in table.jie_words_after:
        return True
    guards = [h.not_after]
    if lang in ("zh", "ja") and _HAN.match(name):
        guards.append(table.han_guard)
    return any(g is not None and g.search(text, max(0, start - 40), start) for g in guards)


def _attached(
    doc: Document, table: _Table, start: int, end: int, lang: str
) -> tuple[int, int, int | None, str]:
    """The span with the year or occurrence word beside a name, the year it states, and which
    occurrence a name without a year means ("nearest", "next", "last" or "this")."""
    text, ref = doc.text, doc.date
    before = table.year_before.search(text, max(0, start - 16), start)
    if before and before["y"]:
        return before.start(), end, int(before["y"]), "nearest"
    if before and ref is not None:
        if before["occ"]:
            return before.start(), end, None, table.occurrence[before["occ"].lower()]
        off = table.relative_year[_norm(before["rel"] or before["relen"])]
        return before.start(), end, ref.year + off, "nearest"
    if lang == "en" and (after := table.year_after_en.match(text, end)):
        if after["y"]:
            return start, after.end(), int(after["y"]), "nearest"
        if ref is not None:
            return (
                start,
                after.end(),
                ref.year + table.relative_year[_norm(after["rel"])],
                "nearest",
            )
    return start, end, None, "nearest"


def _fact(
    doc: Document, table: _Table, h: _Holiday, start: int, end: int, lang: str
) -> Fact | None:
    start, end, year, which = _attached(doc, table, start, end, lang)
    span: tuple[dt.date, dt.date] | None = None
    if year is not None:
        span = _days_in(h, year)
        if span is None:
            return None  # no such day that year (天皇誕生日 2019)
    elif doc.date is not None:
        span = _occurrence(h, doc.date, which)
    attrs: dict[str, Any] = {"holiday": h.key}
    if span is not None and span[0] != span[1]:
        return _range_fact(doc, start, end, lang, span, year is not None, attrs)
    if span is None:
        fixed = _fixed(h)
        if fixed is None:
            return None  # a moving day and no year to find it in
        value = f"XXXX-{fixed[0]:02d}-{fixed[1]:02d}"
        attrs.update(month=fixed[0], day=fixed[1])
    else:
        day = span[0]
        dated = year is not None or which != "nearest"
        value = day.isoformat() if dated else day.strftime("XXXX-%m-%d")
        attrs.update(year=day.year if dated else None, month=day.month, day=day.day)
        attrs["resolved"] = day.isoformat()
    return make_fact(doc, K.DATE, start, end, value, lang, **attrs)


def _range_fact(
    doc: Document,
    start: int,
    end: int,
    lang: str,
    span: tuple[dt.date, dt.date],
    with_year: bool,
    attrs: dict[str, Any],
) -> Fact:
    a, b = span
    fmt = "%Y-%m-%d" if with_year else "XXXX-%m-%d"
    days = (b - a).days
    value = f"({a.strftime(fmt)},{b.strftime(fmt)},P{days}D)"
    attrs.update({"from": a.strftime(fmt), "to": b.strftime(fmt)})
    attrs["resolved"] = [a.isoformat(), b.isoformat()]
    return make_fact(doc, K.DATERANGE, start, end, value, lang, **attrs)
