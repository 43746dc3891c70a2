"""Weekday dates, relative offsets and months on their own.

"last Tuesday", "다음 주 화요일", "上周二", "先週の金曜日" and a bare "Wednesday" are dates: the
value is the resolved date when the publication date is known ("XXXX-WXX-3" otherwise, and
always for a bare weekday, which carries ``resolved`` beside it). "3 days ago", "2주 후",
"三天前", "3日後" resolve by calendar arithmetic. "in October", "10월", "十月" are month dates
("XXXX-10").
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


@cache
def _patterns() -> dict[str, regex.Pattern | Gated | Triggered | LatinGated]:
    cal = lexicon("calendar")
    wd = cal["weekdays"]
    pre = cal["weekday_prefix"]
    full_en = [w for w in wd["en"] if len(w) > 4]
    abbr_en = [w.capitalize() for w in wd["en"] if len(w) <= 4]
    ou, od = cal["offset_units"], cal["offset_dirs"]
    vague = alternation(cal["duration_vague"]["en"])
    en_amount = rf"(?:{en_number()}|(?i:{vague}|an?))"
    cjk_amount = r"(?:\d+|[一二三四五六七八九十两兩几幾数]+)"
    ko_amount = r"(?:\d+|한|두|세|네|다섯|여섯|일곱|여덟|아홉|열|몇)"
    months_full = [m for m in cal["months_en"] if len(m) > 3]
    day_words = [w for w, (_, unit, *_) in cal["duration_words"]["ko"].items() if unit == "D"]
    p = {
        "wd_en": (
            rf"(?:(?P<pre>(?i:{alternation(pre['en'])}))\s+)?(?<![\p{{L}}])"
            rf"(?P<wd>(?i:{alternation(full_en)})|(?:{alternation(abbr_en)})\.?)(?![\p{{L}}])"
            rf"(?:\s+(?P<post>(?i:(?:of\s+)?(?:last|next|this)\s+week)))?"
        ),
        "wd_ko": rf"(?:(?P<pre>{alternation(pre['ko'])})\s?)?(?P<wd>{alternation(wd['ko'])})",
        "wd_zh": (
            rf"(?:(?P<pre>{alternation(pre['zh'])})(?=[周週星礼禮]))?(?P<wd>{alternation(wd['zh'])})"
        ),
        "wd_ja": rf"(?:(?P<pre>{alternation(pre['ja'])})\s?)?(?P<wd>{alternation(wd['ja'])})",
        "off_en": (
            rf"(?:(?<!\p{{L}})(?P<pre>(?i:{alternation(od['en_before'])}))\s+)?(?<![\p{{L}}\d])(?P<n>{en_amount})\s+"
            rf"(?P<unit>(?i:{alternation(ou['en'])}))\b(?:\s+(?P<dir>(?i:{alternation(od['en'])}))\b)?"
        ),
        "off_ko": (
            # 2주 후, 사흘 전: an amount and a unit, or a word that is both (이틀, 열흘)
            rf"(?<![\d\p{{Hangul}}])(?:(?P<n>{ko_amount})\s?(?P<unit>{alternation(ou['ko'])})"
            rf"|(?P<word>{alternation(day_words)}))\s?"
            rf"(?P<dir>{alternation(od['ko'])})(?!(?![에의부까인만은도])\p{{Hangul}})"
        ),
        "off_cjk": (
            rf"(?<![\d])(?P<n>{cjk_amount})\s?(?P<unit>{alternation([*ou['zh'], *ou['ja']])})\s?"
            rf"(?P<dir>{alternation([*od['zh'], *od['ja']])})"
        ),
        "month_en": (
            rf"(?<=(?i:\b(?:{alternation(cal['month_alone_after_en'])}))\s+)"
            rf"(?P<mon>(?i:{alternation(months_full)}))(?![\p{{L}}\d]|\s+\d|\.\s*\d)"
        ),
        "month_ko": r"(?<![\d년]\s?|\d)(?P<m>\d{1,2})\s?월(?!\s?\d{1,2}\s?일|간|\s?\d)",
        "month_cjk": (
            r"(?<![\d年〇零一二三四五六七八九十个個])(?P<m>\d{1,2}|十[一二]?|[一二三四五六七八九])月(?P<fen>份)?"
            r"(?![\d〇零一二三四五六七八九十]{1,3}\s?[日号號]|[间間])"
        ),
    }
    pats: dict[str, regex.Pattern | Gated | Triggered | LatinGated]
    pats = {k: regex.compile(v) for k, v in p.items()}
    # Characters every match of these holds: texts without them are not scanned.
    needs = {
        "wd_ko": firsts(wd["ko"]),
        "wd_zh": firsts(wd["zh"]),
        "wd_ja": firsts(wd["ja"]),
        "off_ko": firsts(od["ko"]),
        "off_cjk": firsts(od["zh"], od["ja"]),
        "month_ko": "월",
        "month_cjk": "月",
    }
    for name, chars in needs.items():
        pats[name] = Gated(pats[name], chars)
    # Where the English ones can begin, each with what must follow (see Triggered): an
    # amount (digits, a number word, a vague word, "a"), or "in" before one; a weekday, or
    # the word before it.
    num = lexicon("numerals")["en"]
    amount = folded_alt([*num["units"], *num["tens"], *num["scales"], *cal["duration_vague"]["en"]])
    numw = folded_alt([*num["units"], *num["tens"], *num["scales"]])
    fwd = folded_alt(wd["en"])
    pats["off_en"] = Triggered(
        pats["off_en"],
        rf"(?<![a-z0-9])(?:\d[\d,，.．]*[\s\-]+(?:{folded_alt(ou['en'])}|{numw}|and)|{amount}|an?\s)"
        rf"|(?<![a-z])(?:{folded_alt(od['en_before'])})\s+(?:\d|{amount}|an?\s)",
    )
    pats["wd_en"] = Triggered(
        pats["wd_en"], rf"(?<![a-z])(?:{fwd})|(?:{folded_alt(pre['en'])})\s+(?:{fwd})"
    )
    # Every match of these holds a Latin letter: texts without one are not scanned.
    for name in ("wd_en", "off_en", "month_en"):
        pats[name] = LatinGated(pats[name])
    return pats


def weekday_date(ref: dt.date, n: int, how: int | str | None) -> dt.date:
    """The date of ISO weekday n: in the week ``how`` weeks away, the nearest before/after the
    reference, or (None) the nearest one either side (ties go to the past)."""
    if isinstance(how, int):
        monday = ref - dt.timedelta(days=ref.isoweekday() - 1)
        return monday + dt.timedelta(weeks=how, days=n - 1)
    back = (ref.isoweekday() - n) % 7
    fwd = (n - ref.isoweekday()) % 7
    if how == "before":
        return ref - dt.timedelta(days=back or 7)
    if how == "after":
        return ref + dt.timedelta(days=fwd or 7)
    return ref - dt.timedelta(days=back) if back <= fwd else ref + dt.timedelta(days=fwd)


def shift(ref: dt.date, unit: str, amount: int) -> dt.date:
    if unit == "D":
        return ref + dt.timedelta(days=amount)
    if unit == "W":
        return ref + dt.timedelta(weeks=amount)
    months = amount * (12 if unit == "Y" else 1)
    idx = ref.year * 12 + ref.month - 1 + months
    y, m = idx // 12, idx % 12 + 1
    return dt.date(y, m, min(ref.day, calendar.monthrange(y, m)[1]))


def _lookup(table: dict, word: str | None):
    if not word:
        return None
    w = word.strip()
    return table.get(w, table.get(w.lower()))


@cache
def _weekday_names() -> dict[str, int]:
    wd = lexicon("calendar")["weekdays"]
    return {k.lower(): v for lang in ("en", "ko", "zh", "ja") for k, v in wd[lang].items()}


def extract_relative(doc: Document) -> Iterator[Fact]:
    pats = _patterns()
    cal = lexicon("calendar")
    text, ref = doc.text, doc.date
    wd_names = _weekday_names()
    prefixes = cal["weekday_prefix"]
    for name, lang in (("wd_en", "en"), ("wd_ko", "ko"), ("wd_zh", "zh"), ("wd_ja", "ja")):
        for m in pats[name].finditer(text):
            n = wd_names.get(m["wd"].rstrip(".").lower())
            if n is None:
                continue
            how = _lookup(prefixes[lang], m["pre"])
            if name == "wd_en" and m["post"]:
                how = _lookup(prefixes["en"], m["post"].split()[-2])
            flang = lang if name != "wd_zh" else doc.lang_at(m.start("wd"))
            attrs: dict = {"weekday": n, "weekday_span": list(m.span("wd"))}
            if m["pre"] or (name == "wd_en" and m["post"]):
                attrs["relative"] = True
                value = weekday_date(ref, n, how).isoformat() if ref else f"XXXX-WXX-{n}"
                if ref:
                    attrs["resolved"] = value
            else:
                value = f"XXXX-WXX-{n}"
                if ref:
                    attrs["resolved"] = weekday_date(ref, n, None).isoformat()
            yield make_fact(doc, K.DATE, m.start(), m.end(), value, flang, **attrs)

    units = cal["offset_units"]
    dirs = cal["offset_dirs"]
    vague = {k.lower(): v for k, v in cal["duration_vague"]["en"].items()}
    for name in ("off_en", "off_ko", "off_cjk"):
        for m in pats[name].finditer(text):
            if name == "off_en":
                sign = _lookup(dirs["en"], m["dir"])
                if sign is None:
                    sign = _lookup(dirs["en_before"], m["pre"]) if m["pre"] else None
                    if sign is None or (m["pre"] or "").lower() != "in":
                        continue
                unit = units["en"][m["unit"].lower()]
                nword = m["n"].lower()
            elif name == "off_ko" and m["word"]:
                amount_d, _unit, *_ = cal["duration_words"]["ko"][m["word"]]
                sign = _lookup(dirs["ko"], m["dir"])
                unit, nword = "D", str(amount_d)
                if amount_d != int(amount_d):
                    continue  # 반나절 전: hours, not days
                if m["word"] == "며칠":
                    nword = "몇"
            else:
                lang_units = {**units["ko"], **units["zh"], **units["ja"]}
                sign = _lookup({**dirs["ko"], **dirs["zh"], **dirs["ja"]}, m["dir"])
                unit = lang_units.get(m["unit"])
                nword = m["n"]
            if sign is None or unit is None:
                continue
            if nword in ("a", "an"):
                amount: float | None = 1
            elif nword in vague or nword[0] in "몇几幾数":
                amount = vague.get(nword, 3)
            else:
                amount = parse_number(nword)
            if amount is None or amount != int(amount) or amount > 1000:
                continue
            lang = "en" if name == "off_en" else doc.lang_at(m.start())
            value = shift(ref, unit, int(amount) * sign).isoformat() if ref else "XXXX-XX-XX"
            yield make_fact(
                doc,
                K.DATE,
                m.start(),
                m.end(),
                value,
                lang,
                relative=True,
                offset=int(amount) * sign,
                unit=unit,
            )

    months = cal["months_en"]
    for m in pats["month_en"].finditer(text):
        mon = months[m["mon"].lower()]
        yield make_fact(
            doc, K.DATE, m.start(), m.end(), f"XXXX-{mon:02d}", "en", year=None, month=mon
        )
    for name in ("month_ko", "month_cjk"):
        for m in pats[name].finditer(text):
            mv = parse_number(m["m"])
            if mv is None:
                continue
            mon = int(mv)
            lang = "ko" if name == "month_ko" else doc.lang_at(m.start())
            attrs = {"month": mon}
            if not 1 <= mon <= 12:
                attrs["invalid"] = True
            yield make_fact(doc, K.DATE, m.start(), m.end(), f"XXXX-{mon:02d}", lang, **attrs)
