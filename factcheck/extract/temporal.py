"""Dates, date ranges, years, weekdays, relative dates, times and durations in en/ko/zh/ja."""

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
from .compose_common import _en_day_words, _en_ordinal_days
from .patterns import alternation
from .temporal_clock import extract_durations, extract_times
from .temporal_compose import compose
from .temporal_holiday import extract_holidays
from .temporal_period import extract_periods
from .temporal_range import combine_ranges, frame_range, open_ranges, range_value
from .temporal_rel import extract_relative

# Patterns space their parts with [^\S\r\n], white space within a line: a date never spans a
# line break ("Sept." ending one line and "16" opening the next are no date).
_DAY = r"(?:3[01]|[12]\d|0?[1-9])"
_MONTH = r"(?:1[0-2]|0?[1-9])"
_YEAR4 = r"(?:1[0-9]\d\d|2[0-2]\d\d)"
# Words after which a four-digit number is a year ("in 1999", "early 2020").
_YEAR_WORDS = (
    "in|since|from|by|until|till|before|after|during|of|year|early|late|mid|between|and|to|through"
)
# What may follow "Monday 21" for the number to be a day: punctuation, the end of a line or
# text, a connector.
_RE_SPACES = regex.compile(r"[\s\-]+")
_DAY_END = regex.compile(
    r"[^\S\r\n]*(?:[,.!?;:)\r\n]|$|(?i:at|and|or|to|through|until|till|from)\b)"
)


def valid_date(y: int | None, m: int | None, d: int | None) -> bool:
    if m is not None and not 1 <= m <= 12:
        return False
    if d is None:
        return True
    if m is None:
        return 1 <= d <= 31
    limit = calendar.monthrange(y if y is not None else 2000, m)[1]  # 2000: leap, Feb 29 exists
    return 1 <= d <= limit


def timex_date(y: int | None, m: int | None, d: int | None) -> str:
    ys = f"{y:04d}" if y is not None else "XXXX"
    ms = f"{m:02d}" if m is not None else "XX"
    if d is None:
        return ys if m is None else f"{ys}-{ms}"
    return f"{ys}-{ms}-{d:02d}"


def resolve(ref: dt.date | None, y: int | None, m: int | None, d: int | None) -> dt.date | None:
    """The calendar date a partial date most likely means, seen from the publication date.

    A missing month or year is taken from the candidate nearest to the reference date
    ("the 27th" in a Nov. 25 article is Nov. 27; "the 30th" in a Nov. 2 article is Oct. 30).
    """
    if d is None or (m is not None and not 1 <= m <= 12):
        return None
    if y is not None and m is not None:
        return _safe_date(y, m, d)
    if ref is None:
        return None
    candidates: list[dt.date] = []
    if m is not None:
        for yy in (ref.year - 1, ref.year, ref.year + 1):
            c = _safe_date(yy, m, d)
            if c:
                candidates.append(c)
    else:
        for delta in (-1, 0, 1):
            mm = ref.month + delta
            yy = y if y is not None else ref.year
            if mm == 0:
                mm, yy = 12, yy - 1
            elif mm == 13:
                mm, yy = 1, yy + 1
            c = _safe_date(yy, mm, d)
            if c:
                candidates.append(c)
    if not candidates:
        return None
    return min(candidates, key=lambda c: (abs((c - ref).days), c > ref))


def weekday_fit(
    ref: dt.date | None, y: int | None, m: int | None, d: int, wd: int | None
) -> dt.date | None:
    """The day d nearest the reference date whose weekday is wd, among the months (without
    a month) or years (without a year) around it: "Thursday the 21st" is the 21st that is a
    Thursday, not the nearest 21st. None when the date is complete or none fits."""
    if ref is None or wd is None or (y is not None and m is not None):
        return None
    fits = []
    for k in (-1, 0, 1):
        if m is None:
            yy, mm = _shift_month(ref, k)
            yy = y if y is not None else yy
        else:
            yy, mm = ref.year + k, m
        c = _safe_date(yy, mm, d)
        if c is not None and c.isoweekday() == wd:
            fits.append(c)
    return min(fits, key=lambda c: abs((c - ref).days), default=None)


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _shift_month(ref: dt.date, months: int) -> tuple[int, int]:
    idx = ref.year * 12 + ref.month - 1 + months
    return idx // 12, idx % 12 + 1


@cache
def _patterns() -> dict[str, regex.Pattern | Gated | Triggered | LatinGated]:
    cal = lexicon("calendar")
    years = lexicon("years")
    months = alternation(cal["months_en"])
    wd = cal["weekdays"]
    en_wd = alternation(wd["en"])
    ko_wd = alternation(wd["ko"])
    ko_short = "".join(wd["ko_short"])
    ja_wd = alternation(wd["ja"])
    ja_short = "".join(wd["ja_short"])
    zh_wd = alternation(wd["zh"])
    rel = cal["relative"]
    # 令和5年, 平成元年, 民国三年: a year counted in an era
    era = rf"|(?P<era>{alternation(cal['eras'])})(?P<ey>\d{{1,2}}|元|[一二三四五六七八九十]{{1,3}})"
    day_words = alternation(_en_ordinal_days())
    day_words_all = alternation(_en_day_words())
    ko_rel_month = alternation([k for k, v in rel["ko"].items() if v[0] == "month"])
    zh_rel_month = alternation([k for k, v in rel["zh"].items() if v[0] == "month"])
    ja_rel_month = alternation([k for k, v in rel["ja"].items() if v[0] == "month"])
    sep = r"[^\S\r\n]*(?:[~〜～\-–—]|to|through|thru|until|till|and)[^\S\r\n]*"
    cjk_sep = r"[^\S\r\n]*(?:[~〜～\-–—]|至|到|から)[^\S\r\n]*"
    p = {
        # 2023-11-22, 2023.11.22, 2023/11/22
        "iso": rf"(?<![\d.\-/])(?P<y>{_YEAR4})(?P<s>[\-./])(?P<m>\d{{1,2}})(?P=s)(?P<d>\d{{1,2}})(?![\d])",
        # 2024. 3. 15.(금), 2024.3.15.(금): the Korean dotted date, which ends with a point; the
        # unspaced form only where the point cannot end a sentence (before a weekday, a range
        # sign or Hangul), as "2024.3.15" the iso pattern reads.
        "ko_dot": rf"(?<![\d.])(?P<y>{_YEAR4})\.(?:[ ](?P<m>{_MONTH})\.[ ](?P<d>{_DAY})\."
        rf"|(?P<m2>{_MONTH})\.(?P<d2>{_DAY})\.(?=[ ]?[(（~〜～]|\p{{Hangul}}))(?!\d)"
        # A range to a later day "~ 3. 20.(수)" (its weekday is its last day's, so it goes on
        # only where the first day has none, which stays a date of its own to be checked).
        rf"(?:[ ]?[(（](?P<wd>[{ko_short}{ja_short}](?:요일|曜日?)?)[)）]"
        rf"|[ ]?[~〜～\-–][ ]?(?:(?P<y3>{_YEAR4})\.[ ]?)?(?P<m3>{_MONTH})\.[ ]?(?P<d3>{_DAY})\.?(?!\d)"
        rf"(?:[ ]?[(（](?P<wd3>[{ko_short}{ja_short}](?:요일|曜日?)?)[)）])?)?",
        # 11/2016, 3-2015: a month of a year, month first. The match opens at the separator
        # (the month is read behind it, the span starts at the month): a pattern opening
        # with a look-behind and digits is tried at every character.
        "my_num": rf"(?<=(?<![\d./\-\p{{Latin}}])(?P<m>1[0-2]|0?[1-9]))[/\-](?P<y>{_YEAR4})(?![\d/\-]|[.,]\d)",
        # 2014-2018, 1995 - 1997年, 2016~2018년: a range of years
        "year_range": rf"(?<![\d.\-/,:])(?P<y>{_YEAR4})[^\S\r\n]?(?:[\-–~〜～]|到|至)[^\S\r\n]?(?P<y2>{_YEAR4})"
        r"(?:[^\S\r\n]?[년年](?:[간間间]|(?![^\S\r\n]?\d{1,2}[^\S\r\n]?[월月]|度)))?(?![\d\-/:]|[.,]\d)",
        # 11/22/2023, 22/11/2023 (ambiguous when both parts are <= 12)
        # 21-04-2016, 13.5.2015, 08/12,2015 (dashes and dots only with a four-digit year)
        "slash": rf"(?<![\d./\-\p{{Latin}}])(?P<a>\d{{1,2}})(?:/(?P<b>\d{{1,2}})[/,](?P<y>{_YEAR4}|\d\d)"
        rf"|(?P<s>[\-.])(?P<b2>\d{{1,2}})(?P=s)(?P<y2>{_YEAR4}))(?![\d/])",
        # 4/22 after a word that takes a date ("on 4/22"), or before a CJK particle (10/2に)
        # Look-behinds are bounded: "\s+" in one rescans a long run of spaces from every position.
        "md": r"(?:(?<=(?i:\b(?:on|by|from|until|till|since|before|after|back|through)[^\S\r\n]{1,3}))"
        r"(?P<a>1[0-2]|0?[1-9]|[12]\d|3[01])(?:(?P<s>/)|(?<=(?i:\b(?:on|back)[^\S\r\n]{1,3})\d{1,2})[\-.])(?P<b>3[01]|[12]\d|0?[1-9])"
        r"|(?<![\d./\-\p{Latin}])(?P<a2>1[0-2]|0?[1-9]|[12]\d|3[01])/(?P<b2>3[01]|[12]\d|0?[1-9])(?=に|から|まで|の|에|부터|까지|[^\S\r\n]?[~〜～]))"
        r"(?![\d/]|[.\-,]\d|[^\S\r\n]?(?:%|[:：]\d))",
        # 2015-3, 2015/03, 2016 - 11: a month of a year (not "the 2010-11 season")
        "ym_num": rf"(?<![\d./\-\p{{Latin}}])(?P<y>{_YEAR4})[^\S\r\n]?(?P<s>[/\-.])[^\S\r\n]?(?P<m>1[0-2]|0?[1-9])"
        rf"(?![\d]|[^\S\r\n]?(?P=s)[^\S\r\n]?\d|[.,]\d|[^\S\r\n]?[년年]|[^\S\r\n]*(?i:season|school|fiscal|academic|시즌|赛季|賽季|シーズン))",
        # 2019/sep/01, 2019-sep-1, Sep-23-2020, Oct-2, Oct/2, Oct2
        "mon_num": rf"(?<![\p{{L}}\d])(?:(?P<y>{_YEAR4})[/\-](?P<mon>(?i:{months}))[/\-](?P<d>\d{{1,2}})"
        rf"|(?P<mon2>(?i:{months}))(?:[/\-]|(?=\d))(?P<d2>\d{{1,2}})(?:[/\-](?P<y2>{_YEAR4}))?)(?![\d:/\p{{L}}])",
        # Friday the 15th, Mon 13th, Monday 21, Friday 7/6: a day of the month with its weekday
        "wd_day": rf"(?<![\p{{L}}])(?P<wd>(?i:{en_wd}))\.?,?[^\S\r\n]+(?:(?P<the>(?i:the))[^\S\r\n]+)?"
        rf"(?:(?P<m>1[0-2]|0?[1-9])/(?P<md>3[01]|[12]\d|0?[1-9])|(?P<d>3[01]|[12]\d|0?[1-9])(?P<suf>st|nd|rd|th)?)"
        rf"(?![\d/:.,]\d|\d|[^\S\r\n]*(?i:[ap]\.?m\b|o'?clock|%|percent|people|hours?|minutes?|days?|weeks?|years?|months?|times?))",
        # Thursday, Nov. 22, 2023 / November 21-25, 2023 / Nov. 22
        "en_mdy": rf"(?:(?P<wd>(?i:{en_wd}))\.?,?[^\S\r\n]+)?(?<![\p{{L}}])(?P<mon>(?i:{months}))\.?[^\S\r\n]+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
        rf"(?:{sep}(?:(?P<mon2>(?i:{months}))\.?[^\S\r\n]+)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)?(?![\d:]|\.\d)(?:(?:[^\S\r\n]?,[^\S\r\n]*|[^\S\r\n]+|[^\S\r\n]+of[^\S\r\n]+)(?P<y>{_YEAR4})(?!\d))?"
        rf"(?:[^\S\r\n]*\((?P<wd2>(?i:{en_wd}))\.?\))?",
        # 22 November 2023 / the 22nd of November
        "en_dmy": rf"(?:(?P<wd>(?i:{en_wd})),?[^\S\r\n]+)?(?:the[^\S\r\n]+)?(?<![\d]|\d[.,])(?P<d>\d{{1,2}})(?:st|nd|rd|th|(?P<dot>\.))?(?:{sep}(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)?[^\S\r\n]+(?:of[^\S\r\n]+)?(?P<mon>(?i:{months}))\b\.?(?:(?:[^\S\r\n]?,[^\S\r\n]*|[^\S\r\n]+|[^\S\r\n]+of[^\S\r\n]+)(?P<y>{_YEAR4})(?!\d))?",
        # November 2023
        "en_my": rf"(?<![\p{{L}}])(?P<mon>(?i:{months}))\.?(?:[^\S\r\n]?,[^\S\r\n]*|[^\S\r\n]+|[^\S\r\n]+of[^\S\r\n]+)(?P<y>{_YEAR4})(?!\d)",
        # May twenty-first, Jan first, May twenty one, 2018
        "en_md_words": rf"(?<![\p{{L}}])(?P<mon>(?i:{months}))\.?[^\S\r\n]+(?:(?P<the>(?i:the))[^\S\r\n]+)?"
        rf"(?P<w>(?i:{day_words_all}))(?![\p{{L}}\-])(?:,?[^\S\r\n]+(?P<y>{_YEAR4})(?!\d))?",
        # on the 14th, since the 3rd
        # A day without its suffix or in words ("for the 27", "by the second") only at the end
        # of a clause (checked where it is read): "on the 27 buses" counts buses.
        "en_partial": rf"(?i:\b(?P<prep>on|by|until|till|since|from|before|after|of|through|for)[^\S\r\n]+)(?P<the>the[^\S\r\n]+)"
        rf"(?:(?P<d>\d{{1,2}})(?P<suf>st|nd|rd|th)?(?!\d)|(?P<w>(?i:{day_words}))(?![\p{{L}}\-]))(?:{sep}(?:the[^\S\r\n]+)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th))?"
        r"(?![^\S\r\n]+(?:[A-Z]\w*|anniversary|annual|floor|edition|century|round|session|meeting|conference|time|place|year|day|week|month|grade|term|generation))",
        # 2023년 11월 22일(수), 11월 21~25일, 이달 21일부터 25일까지
        "ko": rf"(?:(?P<rel>{ko_rel_month})[^\S\r\n]?)?(?:(?P<y>\d{{4}}|\d\d)년[^\S\r\n]?)?(?:(?P<m>\d{{1,2}})월[^\S\r\n]?)?(?P<d>\d{{1,2}})(?:일)?"
        rf"(?:[^\S\r\n]?(?:[~〜～\-–]|일?[^\S\r\n]?부터|일?에서)[^\S\r\n]?(?:(?P<y2>\d{{4}})년[^\S\r\n]?)?(?:(?P<m2>\d{{1,2}})월[^\S\r\n]?)?(?P<d2>\d{{1,2}})일(?:까지)?|일)"
        rf"(?![^\S\r\n]?(?:간|동안|째))(?:[^\S\r\n]?\((?P<wd>[{ko_short}](?:요일)?)\)|[^\S\r\n]?(?P<wd2>{ko_wd}))?",
        "ko_ym": rf"(?:(?P<y>\d{{4}})년[^\S\r\n]?(?P<m>\d{{1,2}})월|(?P<rel>{ko_rel_month})[^\S\r\n]?(?P<m2>\d{{1,2}})월)(?![^\S\r\n]?\d{{1,2}}[^\S\r\n]?일)(?!간)",
        # 2023年11月22日（水）, 11月21日至25日, 21～25日
        "cjk": rf"(?:(?P<rel>{zh_rel_month}|{ja_rel_month}))?(?:(?:(?P<y>\d{{4}}|[〇零一二三四五六七八九]{{4}}|(?<!\d)\d\d(?=年\d{{1,2}}月)){era})[^\S\r\n]?年[^\S\r\n]?)?(?:(?P<m>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})[^\S\r\n]?月[^\S\r\n]?)?(?P<d>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})"
        rf"(?:{cjk_sep}(?:(?P<m2>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})月)?(?P<d2>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})[日号號](?:まで)?|[^\S\r\n]?[日号號])"
        rf"(?!間|间|目)(?:[^\S\r\n]?[（(](?P<wd>[{ja_short}](?:曜日|曜)?|{zh_wd}|星期.|周.|[一二三四五六日天])[）)]|[^\S\r\n]?(?P<wd2>{ja_wd}|{zh_wd}))?",
        "cjk_ym": rf"(?:(?P<y>\d{{4}}){era})年(?P<m>\d{{1,2}})月(?!\d{{1,2}}[日号號])",
        # Years: 1999년, 1999年, in 1999, '99
        "year_cjk": rf"(?:(?<![\d〇零一二三四五六七八九十])(?P<y>\d{{4}}|[〇零一二三四五六七八九]{{4}}){era}"
        # Three digits are a year only in its slot: 在789年, 247年に (not 300年前, 300年間).
        r"|(?<=(?:在|于|於|公元|西元)[^\S\r\n]?)(?P<y3>\d{3})(?=[^\S\r\n]?年(?![前后後间間来來以多余餘]))"
        r"|(?<!\d)(?P<y4>\d{3})(?=年に(?!わた)))"
        r"[^\S\r\n]?(?P<mark>년|年)(?![^\S\r\n]?\d{1,2}[^\S\r\n]?[월月])(?!간|間|间|度)",
        "year_en": rf"(?i:\bmid-|\b(?:{_YEAR_WORDS})[^\S\r\n]+)(?P<y>{_YEAR4})(?![\d,.]\d|[^\S\r\n]?(?:%|percent|people|won|dollars))"
        rf"|(?<![\w'’])['’](?P<y2>\d\d)(?![\d\w])",
        # The year slot after "since" / "founded in": whatever number fills it.
        "year_slot_en": rf"(?i:(?P<trigger>{years['slots']['en']['since']})|(?P<trigger2>{years['slots']['en']['founded']}))[^\S\r\n]+(?P<y>\d{{1,5}})(?![\d,.]\d|{years['en_not_year_after']})",
        "year_slot_prefix": rf"(?P<trigger>{years['slots_prefix']['zh']})[^\S\r\n]?(?P<y>\d{{1,5}})[^\S\r\n]?年(?![^\S\r\n]?\d{{1,2}}[^\S\r\n]?月)",
        "year_slot_cjk": rf"(?<!\d)(?P<y>\d{{1,5}})[^\S\r\n]?(?:(?P<since>{years['slots']['ko']['since']}|{years['slots']['zh']['since']}|{years['slots']['ja']['since']})|(?P<founded>{years['slots']['ko']['founded']}|{years['slots']['zh']['founded']}|{years['slots']['ja']['founded']}))",
        # Weekday names on their own (the ones beside a date are taken with the date).
        "relative_en": rf"(?i:\b(?P<rel>{alternation(rel['en'])})\b)",
        "relative_cjk": rf"(?P<rel>{alternation([*rel['ko'], *rel['zh'], *rel['ja']])})",
    }
    pats: dict[str, regex.Pattern | Gated | Triggered | LatinGated]
    pats = {k: regex.compile(v) for k, v in p.items()}
    # Characters every match of these holds: texts without them are not scanned.
    needs = {
        "ko": "일",
        "ko_ym": "월",
        "cjk": "日号號",
        "cjk_ym": "年",
        "year_cjk": "년年",
        "year_slot_prefix": "年",
        "year_slot_cjk": "년年",
        "relative_cjk": firsts(rel["ko"], rel["zh"], rel["ja"]),
    }
    for name, chars in needs.items():
        pats[name] = Gated(pats[name], chars)
    # Where the English patterns can begin, each with what must follow (see Triggered).
    fmon, fwd = folded_alt(cal["months_en"]), folded_alt(wd["en"])
    year4 = r"(?:1\d|2[0-2])\d\d"
    starts = {
        "md": r"(?<![0-9./\-])\d\d?[/\-.]",
        "mon_num": rf"(?<![a-z0-9])(?:{year4}[/\-](?:{fmon})|(?:{fmon})[/\-]?\d)",
        "en_my": rf"(?<![a-z])(?:{fmon})\.?(?:[^\S\r\n]?,[^\S\r\n]*|[^\S\r\n]+|[^\S\r\n]+of[^\S\r\n]+){year4}",
        "en_md_words": rf"(?<![a-z])(?:{fmon})\.?[^\S\r\n]+(?:the[^\S\r\n]+)?"
        rf"{folded_alt(w for k in _en_day_words() for w in (k, k.replace(' ', '-')))}",
        "en_partial": r"(?:on|by|until|till|since|from|before|after|of|through|for)[^\S\r\n]+the[^\S\r\n]+[\da-z]",
        "en_mdy": rf"(?:{fwd})\.?,?[^\S\r\n]+(?:{fmon})|(?<![a-z])(?:{fmon})\.?[^\S\r\n]+\d",
        "en_dmy": rf"(?:{fwd}),?[^\S\r\n]+(?:the[^\S\r\n]+)?\d|the[^\S\r\n]+\d"
        rf"|(?<!\d)\d\d?(?:st|nd|rd|th|\.)?(?:[^\S\r\n]+(?:of[^\S\r\n]+)?(?:{fmon})"
        r"|[^\S\r\n]*(?:[~〜～\-–—]|to|through|thru|until|till|and))",
    }
    # The year slot words are regex fragments of the lexicon: read by the stdlib engine
    # without word boundaries and with any non-space for a word character, they find a
    # superset of where the slot pattern can begin.
    slot_words = "|".join(
        years["slots"]["en"][k].replace(r"\b", "").replace(r"\w", r"\S")
        for k in ("since", "founded")
    )
    starts["year_slot_en"] = rf"(?:{slot_words})[^\S\r\n]+\d"
    for name, where in starts.items():
        first = r"\d" if name == "md" else r"\da-z"
        if name == "en_md_words":
            first = firsts(cal["months_en"])  # it opens with a month: skip other letters
        pats[name] = Triggered(pats[name], where, first=first)
    # CJK dates begin with a month word (이달, 上个月) or a numeral that a date mark or a
    # range sign follows.
    ko_rel = [k for k, v in rel["ko"].items() if v[0] == "month"]
    pats["ko"] = Triggered(
        pats["ko"].pattern,
        rf"{folded_alt(ko_rel)}|\d+[^\S\r\n]{{0,2}}[년월일~〜～\-–부에]",
        first=rf"\d{firsts(ko_rel)}",
    )
    cjk_rel = [k for lang in ("zh", "ja") for k, v in rel[lang].items() if v[0] == "month"]
    han = "〇零一二三四五六七八九十"
    pats["cjk"] = Triggered(
        pats["cjk"].pattern,
        rf"{folded_alt(cjk_rel)}|{folded_alt(cal['eras'])}|(?:\d+|[{han}]+)[^\S\r\n]*[年月日号號~〜～\-–—至到か]",
        first=rf"\d{han}{firsts(cjk_rel, cal['eras'])}",
    )
    pats["ko"] = Gated(pats["ko"], "일")
    pats["cjk"] = Gated(pats["cjk"], "日号號")
    # Every match of these holds a Latin letter: texts without one are not scanned.
    for name in (
        "mon_num",
        "wd_day",
        "en_mdy",
        "en_dmy",
        "en_my",
        "en_md_words",
        "en_partial",
        "year_slot_en",
        "relative_en",
    ):
        pats[name] = LatinGated(pats[name])
    return pats


def _int(s: str | None) -> int | None:
    if s is None:
        return None
    v = parse_number(s)
    return int(v) if v is not None else None


def _year(s: str | None) -> int | None:
    v = _int(s)
    if v is not None and s is not None and len(s) == 2:
        return 2000 + v if v < 50 else 1900 + v
    return v


@cache
def _weekday_table() -> dict[str, int]:
    wd = lexicon("calendar")["weekdays"]
    table: dict[str, int] = {}
    for lang in ("en", "ko", "ja", "zh"):
        table.update({k.lower(): v for k, v in wd[lang].items()})
    return table


def weekday_number(name: str | None, lang: str) -> int | None:
    if not name:
        return None
    wd = lexicon("calendar")["weekdays"]
    name = name.strip("()（） ").lower()
    if lang == "ko" and name in wd["ko_short"]:
        return wd["ko_short"][name]
    if lang in ("ja", "zh") and name in wd["ja_short"] and lang == "ja":
        return wd["ja_short"][name]
    if lang == "zh" and len(name) == 1:
        short = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7}
        # A Japanese date line without kana reads as Chinese; (月)...(土) are still weekdays.
        return short.get(name) or wd["ja_short"].get(name)
    table = _weekday_table()
    if name in table:
        return table[name]
    if name in wd["ja_short"]:
        return wd["ja_short"][name]
    return None


class _Builder:
    def __init__(self, doc: Document):
        self.doc = doc
        self.ref = doc.date

    def date(
        self,
        start: int,
        end: int,
        lang: str,
        y,
        m,
        d,
        wd=None,
        wd_span=None,
        ambiguous: bool = False,
        month_rel: int | None = None,
        fit: dt.date | None = None,
    ) -> Fact:
        """``fit``: the day a stated weekday picks among the candidates (weekday_fit); a day
        without its month then names that day ("Thursday the 21st" -> 2017-09-21, as
        Recognizers-Text writes it)."""
        if m is None and month_rel is not None and self.ref is not None:
            y, m = _shift_month(self.ref, month_rel)
        if fit is not None and m is None:
            y, m = fit.year, fit.month
        attrs: dict = {"year": y, "month": m, "day": d}
        value = timex_date(y, m, d)
        if not valid_date(y, m, d):
            attrs["invalid"] = True
        elif fit is not None:
            attrs["resolved"] = fit.isoformat()
        else:
            r = resolve(self.ref, y, m, d)
            if r is not None:
                attrs["resolved"] = r.isoformat()
        if wd is not None:
            attrs["weekday"] = wd
            if wd_span:
                attrs["weekday_span"] = list(wd_span)
        if ambiguous:
            attrs["ambiguous"] = True
        return make_fact(self.doc, K.DATE, start, end, value, lang, **attrs)

    def date_range(
        self,
        start: int,
        end: int,
        lang: str,
        y,
        m,
        d,
        y2,
        m2,
        d2,
        month_rel: int | None = None,
        wd=None,
        wd_span=None,
    ) -> Fact:
        if m is None and month_rel is not None and self.ref is not None:
            y, m = _shift_month(self.ref, month_rel)
        y2 = y2 if y2 is not None else y
        m2 = m2 if m2 is not None else m
        a, b = timex_date(y, m, d), timex_date(y2, m2, d2)
        attrs: dict = {"from": a, "to": b}
        ra, rb = resolve(self.ref, y, m, d), resolve(self.ref, y2, m2, d2)
        if ra is not None and y2 is None and d2 is not None:
            # The end takes the start's year (and month): both ends of "between 3 and 12 of
            # Sept" fall in one September; "Dec. 28 - Jan. 3" runs into the next year.
            mm2 = m2 if m2 is not None else ra.month
            rb = _safe_date(ra.year + (m2 is not None and m2 < ra.month), mm2, d2)
        if ra and rb and rb < ra and m2 == m and y2 == y:
            attrs["invalid"] = True
        days = (
            (rb - ra).days
            if ra and rb
            else (d2 - d if m2 == m and d is not None and d2 is not None else None)
        )
        value = f"({a},{b},P{days}D)" if days is not None else f"({a},{b})"
        if ra and rb:
            attrs["resolved"] = [ra.isoformat(), rb.isoformat()]
        if not valid_date(y, m, d) or not valid_date(y2, m2, d2):
            attrs["invalid"] = True
        if wd is not None:
            attrs["weekday"] = wd
            attrs["weekday_span"] = list(wd_span) if wd_span else None
        return make_fact(self.doc, K.DATERANGE, start, end, value, lang, **attrs)


def _era_year(m: regex.Match) -> int | None:
    """The year of "令和5年", "平成元年", "民国三年" (its era's first year is year 1)."""
    if not m["era"]:
        return None
    n = 1 if m["ey"] == "元" else _int(m["ey"])
    return lexicon("calendar")["eras"][m["era"]] + n - 1 if n else None


def _full_month(word: str) -> bool:
    """Whether a month is written in full ("May", "June"), so that a point after it is no
    abbreviation's."""
    return word.lower() in ("may", "june", "july") or len(word) > 4


def _month_rel(word: str | None, lang_table: dict) -> int | None:
    if not word:
        return None
    entry = lang_table.get(word.strip())
    return entry[1] if entry else None


def extract_temporal(doc: Document) -> Iterator[Fact]:
    atoms = [*_extract_atoms(doc), *extract_periods(doc), *extract_holidays(doc)]
    b = _Builder(doc)
    atoms += compose(doc, atoms, b.date)
    found = [frame_range(doc, f) if f.kind == K.DATERANGE else f for f in atoms]
    yield from found
    yield from combine_ranges(doc, found)
    yield from open_ranges(doc, found)


def _extract_atoms(doc: Document) -> Iterator[Fact]:
    pats = _patterns()
    b = _Builder(doc)
    text = doc.text
    cal = lexicon("calendar")
    rel_all = {**cal["relative"]["ko"], **cal["relative"]["zh"], **cal["relative"]["ja"]}
    months = cal["months_en"]

    for m in pats["iso"].finditer(text):
        yield b.date(
            m.start(), m.end(), doc.lang_at(m.start()), int(m["y"]), int(m["m"]), int(m["d"])
        )

    for m in pats["ko_dot"].finditer(text):
        lang = doc.lang_at(m.start())
        wd = weekday_number(m["wd"], lang) if m["wd"] else None
        wd_span = m.span("wd") if m["wd"] else None
        y, mm, d = int(m["y"]), int(m["m"] or m["m2"]), int(m["d"] or m["d2"])
        if m["d3"]:
            wd = weekday_number(m["wd3"], lang) if m["wd3"] else None
            wd_span = m.span("wd3") if m["wd3"] else None
            y3 = int(m["y3"]) if m["y3"] else y
            yield b.date_range(
                m.start(),
                m.end(),
                lang,
                y,
                mm,
                d,
                y3,
                int(m["m3"]),
                int(m["d3"]),
                wd=wd,
                wd_span=wd_span,
            )
            continue
        yield b.date(m.start(), m.end(), lang, y, mm, d, wd, wd_span)

    for m in pats["year_range"].finditer(text):
        y, y2 = int(m["y"]), int(m["y2"])
        if not y < y2 <= y + 100:
            continue  # "2018-2014" or a code, not a span of years
        value, attrs = range_value((y, None, None), (y2, None, None), doc.date)
        lang = doc.lang_at(m.start())
        yield make_fact(
            doc,
            K.DATERANGE,
            m.start(),
            m.end(),
            value,
            lang,
            **{"from": m["y"], "to": m["y2"]},
            **attrs,
        )

    for m in pats["slash"].finditer(text):
        a, c, y = int(m["a"]), int(m["b"] or m["b2"]), _year(m["y"] or m["y2"])
        if a > 12 and c <= 12:
            mm, dd, amb = c, a, False
        else:
            mm, dd, amb = a, c, a <= 12 and c <= 12 and a != c
        yield b.date(m.start(), m.end(), doc.lang_at(m.start()), y, mm, dd, ambiguous=amb)

    for m in pats["md"].finditer(text):
        a, c = int(m["a"] or m["a2"]), int(m["b"] or m["b2"])
        if a > 12 and c <= 12:
            mm, dd, amb = c, a, False
        elif a <= 12:
            mm, dd, amb = a, c, c <= 12 and a != c
        else:
            continue
        yield b.date(m.start(), m.end(), doc.lang_at(m.start()), None, mm, dd, ambiguous=amb)

    for m in pats["my_num"].finditer(text):
        y, mm = int(m["y"]), int(m["m"])
        yield make_fact(
            doc,
            K.DATE,
            m.start("m"),
            m.end(),
            timex_date(y, mm, None),
            doc.lang_at(m.start()),
            year=y,
            month=mm,
        )

    for m in pats["ym_num"].finditer(text):
        yield b.date(m.start(), m.end(), doc.lang_at(m.start()), int(m["y"]), int(m["m"]), None)

    for m in pats["mon_num"].finditer(text):
        mon = months[(m["mon"] or m["mon2"]).lower()]
        y = m["y"] or m["y2"]
        d = int(m["d"] or m["d2"])
        yield b.date(m.start(), m.end(), "en", int(y) if y else None, mon, d)

    for m in pats["wd_day"].finditer(text):
        if not (m["suf"] or m["the"] or m["m"]) and not _DAY_END.match(text, m.end()):
            continue  # "Monday 15 people": a count after the weekday, not a day
        wd = weekday_number(m["wd"], "en")
        mm = int(m["m"]) if m["m"] else None
        d = int(m["md"] or m["d"])
        fit = weekday_fit(doc.date, None, mm, d, wd)
        yield b.date(m.start(), m.end(), "en", None, mm, d, wd, m.span("wd"), fit=fit)

    for name in ("en_mdy", "en_dmy"):
        for m in pats[name].finditer(text):
            y = int(m["y"]) if m["y"] else None
            if m.groupdict().get("dot") and y is None:
                continue  # "16. Nov. 2016" is a date; "page 16. Nov. sales" is not
            end = m.end()
            if name == "en_dmy" and y is None and m[0].endswith(".") and _full_month(m["mon"]):
                end -= 1  # "9 of May." ends a sentence; "9 Nov." is abbreviated
            mon = months[m["mon"].lower()]
            mon2 = months[m["mon2"].lower()] if m.groupdict().get("mon2") else None
            wd_group = "wd" if m["wd"] else ("wd2" if m.groupdict().get("wd2") else None)
            wd = weekday_number(m[wd_group], "en") if wd_group else None
            wd_span = m.span(wd_group) if wd_group else None
            if m["d2"]:
                yield b.date_range(
                    m.start(),
                    end,
                    "en",
                    y,
                    mon,
                    int(m["d"]),
                    None,
                    mon2,
                    int(m["d2"]),
                    wd=wd,
                    wd_span=wd_span,
                )
            else:
                yield b.date(m.start(), end, "en", y, mon, int(m["d"]), wd, wd_span)

    for m in pats["en_my"].finditer(text):
        mon = months[m["mon"].lower()]
        yield make_fact(
            doc,
            K.DATE,
            m.start(),
            m.end(),
            timex_date(int(m["y"]), mon, None),
            "en",
            year=int(m["y"]),
            month=mon,
        )

    day_words_of = _en_day_words()
    for m in pats["en_md_words"].finditer(text):
        w = _RE_SPACES.sub(" ", m["w"].lower())
        if w not in _en_ordinal_days() and not _DAY_END.match(text, m.end("w")):
            continue  # "March one year": a cardinal is a day only where the clause ends
        if m["mon"].lower() in ("may", "march") and not m["mon"][0].isupper():
            continue  # "we may first ask", "they march twenty miles"
        mon = months[m["mon"].lower()]
        y = int(m["y"]) if m["y"] else None
        yield b.date(m.start(), m.end(), "en", y, mon, day_words_of[w])

    for m in pats["en_partial"].finditer(text):
        start = m.start("the")
        if not m["suf"] and (m["prep"].lower() == "of" or not _DAY_END.match(text, m.end())):
            continue  # "of the 27.", "on the 27 buses": a count, not a day
        if m["w"]:
            d = day_words_of[_RE_SPACES.sub(" ", m["w"].lower())]
            yield b.date(start, m.end(), "en", None, None, d)
            continue
        if m["d2"]:
            yield b.date_range(
                start, m.end(), "en", None, None, int(m["d"]), None, None, int(m["d2"])
            )
        else:
            yield b.date(start, m.end(), "en", None, None, int(m["d"]))

    ko_rel = cal["relative"]["ko"]
    for m in pats["ko"].finditer(text):
        rel = _month_rel(m["rel"], ko_rel)
        y, mm, d = _year(m["y"]), _int(m["m"]), int(m["d"])
        wd_group = "wd" if m["wd"] else ("wd2" if m["wd2"] else None)
        wd = weekday_number(m[wd_group], "ko") if wd_group else None
        wd_span = m.span(wd_group) if wd_group else None
        if m["d2"]:
            yield b.date_range(
                m.start(),
                m.end(),
                "ko",
                y,
                mm,
                d,
                _year(m["y2"]),
                _int(m["m2"]),
                int(m["d2"]),
                month_rel=rel,
                wd=wd,
                wd_span=wd_span,
            )
        else:
            yield b.date(m.start(), m.end(), "ko", y, mm, d, wd, wd_span, month_rel=rel)

    for m in pats["ko_ym"].finditer(text):
        if m["y"]:
            y, mm = int(m["y"]), int(m["m"])
        else:
            continue
        yield make_fact(
            doc,
            K.DATE,
            m.start(),
            m.end(),
            timex_date(y, mm, None),
            "ko",
            year=y,
            month=mm,
            **({"invalid": True} if not 1 <= mm <= 12 else {}),
        )

    for m in pats["cjk"].finditer(text):
        if (
            not (m["m"] or m["y"] or m["rel"] or m["d2"])
            and text[m.end("d") : m.end("d") + 1] not in "日"
        ):
            continue  # "25号" alone is a number, not a date
        lang = doc.lang_at(m.start())
        lang = lang if lang in ("zh", "ja") else "zh"
        rel = _month_rel(m["rel"], rel_all)
        y, mm, d = _year(m["y"]) or _era_year(m), _int(m["m"]), _int(m["d"])
        if d is None:
            continue
        wd_group = "wd" if m["wd"] else ("wd2" if m["wd2"] else None)
        wd = weekday_number(m[wd_group], lang) if wd_group else None
        wd_span = m.span(wd_group) if wd_group else None
        if m["d2"]:
            yield b.date_range(
                m.start(),
                m.end(),
                lang,
                y,
                mm,
                d,
                None,
                _int(m["m2"]),
                _int(m["d2"]),
                month_rel=rel,
                wd=wd,
                wd_span=wd_span,
            )
        else:
            yield b.date(m.start(), m.end(), lang, y, mm, d, wd, wd_span, month_rel=rel)

    for m in pats["cjk_ym"].finditer(text):
        y, mm = _year(m["y"]) or _era_year(m), int(m["m"])
        if y is None:
            continue
        yield make_fact(
            doc,
            K.DATE,
            m.start(),
            m.end(),
            timex_date(y, mm, None),
            doc.lang_at(m.start()),
            year=y,
            month=mm,
            **({"invalid": True} if not 1 <= mm <= 12 else {}),
        )

    for m in pats["year_cjk"].finditer(text):
        y = _year(m["y"] or m["y3"] or m["y4"]) or _era_year(m)
        if y is None:
            continue
        lang = "ko" if m["mark"] == "년" else doc.lang_at(m.start())
        yield make_fact(doc, K.YEAR, m.start(), m.end(), f"{y:04d}", lang, year=y)

    for m in pats["year_en"].finditer(text):
        y = int(m["y"]) if m["y"] else _year(m["y2"])
        start = m.start("y") if m["y"] else m.start()
        yield make_fact(doc, K.YEAR, start, m.end(), str(y), "en", year=y)

    for m in pats["year_slot_en"].finditer(text):
        if m["trigger"]:
            # "has been held since 3": the slot is "since 3".
            start = text.lower().rfind("since", m.start("trigger"), m.start("y"))
            trigger = "since"
        else:
            start, trigger = m.start("trigger2"), "founded"
        yield make_fact(doc, K.YEAR, start, m.end(), m["y"], "en", year=int(m["y"]), slot=trigger)

    for m in pats["year_slot_prefix"].finditer(text):
        yield make_fact(
            doc, K.YEAR, m.start(), m.end(), m["y"], "zh", year=int(m["y"]), slot="founded"
        )

    for m in pats["year_slot_cjk"].finditer(text):
        marker_lang = doc.lang_at(m.end("y"))
        yield make_fact(
            doc,
            K.YEAR,
            m.start(),
            m.end(),
            m["y"],
            marker_lang,
            year=int(m["y"]),
            slot="since" if m["since"] else "founded",
        )

    yield from extract_relative(doc)

    for name in ("relative_en", "relative_cjk"):
        for m in pats[name].finditer(text):
            word = m["rel"]
            lang = doc.lang_at(m.start())
            table = cal["relative"]["en"] if name == "relative_en" else rel_all
            unit, offset = table.get(word.lower() if name == "relative_en" else word, (None, None))
            if unit is None:
                continue
            value = _relative_value(doc.date, unit, offset)
            yield make_fact(
                doc,
                K.DATE,
                m.start(),
                m.end(),
                value,
                lang,
                relative=True,
                unit=unit,
                offset=offset,
            )

    yield from extract_times(doc)
    yield from extract_durations(doc)


def _relative_value(ref: dt.date | None, unit: str, offset: int) -> str:
    if ref is None:
        return {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"}[unit]
    if unit == "day":
        return (ref + dt.timedelta(days=offset)).isoformat()
    if unit == "week":
        iso = (ref + dt.timedelta(weeks=offset)).isocalendar()
        return f"{iso[0]:04d}-W{iso[1]:02d}"
    if unit == "month":
        y, m = _shift_month(ref, offset)
        return f"{y:04d}-{m:02d}"
    return f"{ref.year + offset:04d}"
