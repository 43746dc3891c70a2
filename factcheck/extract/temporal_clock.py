"""Clock times and durations in en/ko/zh/ja: 3:40 p.m., 오후 3시40분, 午後3時40分, 약 40분간, 两个半小时."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from functools import cache

import regex

from .. import facts as K
from ..document import Document
from ..facts import Fact
from ..numbers import format_number, parse_number
from ..resources import lexicon
from .base import (
    Gated,
    LatinGated,
    Triggered,
    firsts,
    folded_alt,
    has_cjk,
    has_latin,
    make_fact,
)
from .patterns import alternation, en_number

# Hour and minute numerals inside CJK clock times: digits, Han, Sino-Korean, native Korean.
_HAN = r"[零〇一二三四五六七八九十两兩]{1,3}"
_KO_SINO = r"(?:[이삼사오육칠팔구]?십[일이삼사오육칠팔구]?|[일이삼사오육칠팔구])"
_KO_NATIVE = r"(?:열한|열두|한|두|세|네|다섯|여섯|일곱|여덟|아홉|열)"
_CJK_NUM = rf"(?:\d{{1,2}}(?:\.\d+)?|{_HAN}|{_KO_SINO}|{_KO_NATIVE})"
# Impossible hours and minutes (25:10, 10:77) are read too, to be reported as invalid.
_CLOCK = r"(?P<ch>[012]?\d):(?P<cm>\d\d)(?::(?P<cs>[0-5]\d))?(?!\d)"


# What may follow a Korean duration unit in the same word: particles and the suffixes of a
# span (간, 동안, 째, 여, 가량, 이상 ...). Other Hangul makes the unit part of another word:
# 4달러 (dollars), 3분기 (a quarter), 10주년 (an anniversary), 80년대 (a decade), 3분의 1.
_KO_UNIT_END = (
    r"(?!(?<=분)의\s?[\d일이삼사오육칠팔구십]|(?<=년)도)"
    r"(?:(?!\p{Hangul})|(?=[간째씩여쯤께만안내이가은는을를의에도과와로나인였뿐새치반]"
    r"|동안|남짓|정도|짜리|마다|밖에|미만|넘|부터|까지|으로|보다|초과|종일|전|후|뒤|사이))"
)


def _num(s: str | None) -> float | None:
    if not s:
        return None
    v = parse_number(s)
    return float(v) if v is not None else None


@cache
def _patterns() -> dict[str, regex.Pattern | Triggered | Gated | LatinGated]:
    cal = lexicon("calendar")
    parts = cal["time_dayparts"]
    named = cal["time_named"]
    approx = cal["time_approx"]
    en_num = en_number()
    en_after = alternation(parts["en_after"])
    en_before = alternation(parts["en_before"])
    # after a bare number only the unmistakable ones: "fell to 4 at night" is a temperature
    en_after_bare = alternation(
        [p for p in parts["en_after"] if p.startswith(("in the ", "this ", "tonight", "lunchtime"))]
    )
    cjk_parts = alternation([*parts["ko"], *parts["zh"], *parts["ja"]])
    cjk_named = alternation([*named["ko"], *named["zh"], *named["ja"]])
    cjk_before = alternation(approx["zh_before"])
    cjk_after = alternation([*approx["ko_after"], *approx["zh_after"], *approx["ja_after"]])
    en_words = lexicon("numerals")["en"]
    hour_word = alternation([w for w, v in en_words["units"].items() if 1 <= v <= 12])
    minute_word = rf"(?:{alternation([*en_words['tens'], *[w for w, v in en_words['units'].items() if v >= 10]])})(?:[\s\-](?:{alternation([w for w, v in en_words['units'].items() if 1 <= v <= 9])}))?"
    # A bare "a"/"p" marks the half of the day only glued to digits ("7p"): "5 a day" and
    # "one a story" hold no time.
    # a.m./p.m. end at a letter of their own script: "pm的", "pmに" end there too
    ap_word = r"(?i:[ap]\.\s?m\.?|[ap]\s\.\s?m\s?\.|(?:[ap]\s?)m(?![a-zA-Z\d]))"
    ap = rf"(?P<ap>{ap_word}|(?<=\d)(?i:[ap])(?![\p{{L}}\d]))"
    # Hour words begin and end a word: "someone", "nineteen" hold no hour.
    hour = rf"(?:(?P<h>\d{{1,2}})|(?<![\p{{L}}\-])(?P<hw>(?i:{hour_word}))(?!\p{{L}}))"
    # a bare hour (no minutes, no a.m./p.m.) is read only as an hour of a 12-hour clock
    hour12 = rf"(?:(?P<h>1[0-2]|0?[1-9])(?!\d)|(?<![\p{{L}}\-])(?P<hw>(?i:{hour_word}))(?!\p{{L}}))"
    du = cal["duration_units"]
    bounds = cal["duration_bounds"]
    vague = cal["duration_vague"]
    dwords = cal["duration_words"]
    en_unit = alternation(du["en"])
    en_singular = alternation(
        [u for u in du["en"] if not u.endswith("s") and u not in ("h", "min", "hr", "sec", "night")]
    )
    # Words begin a word: "Canada day" holds no "a day".
    en_amount = rf"(?:{en_num}|(?<!\p{{L}})(?i:{alternation(vague['en'])}|an?))"
    # "all day", "a whole week", "another month": one of a unit named in the singular. A
    # "full year" is left out: in business news it is the financial year, not a span.
    en_one = r"(?i:another|(?:an?\s+|the\s+)?whole|(?:an?\s+)?full|all)"
    en_atom = (
        rf"(?:(?<!\p{{L}})(?i:half(?:\s+an?)?)\s+(?P<unit>(?i:{en_unit}))(?P<half>)"
        rf"|(?<!\p{{L}})(?:(?i:an?|one)\s+)?(?P<word>(?i:{alternation(dwords['en'])}))\b"
        rf"|(?<!\p{{L}})(?P<num>{en_one})[\s\-](?P<unit>(?i:{en_singular}))\b(?<!(?i:full.year))"
        rf"|(?P<num>{en_amount})(?:\s+(?P<half>(?i:and\s+a\s+half|and\s+half)))?[\s\-]?(?P<unit>(?i:{en_unit}))\b"
        # a year-on-year rise, a day-to-day job, a 23-year-old, 36 years old: no spans
        rf"(?!-(?i:on|to|by|for)-|[\s\-](?i:old)\b)"
        rf"(?:\s+(?P<half>(?i:and\s+a\s+half|and\s+half))\b)?)"
    )
    ko_unit = alternation(du["ko"])
    ko_num = r"(?:\d+(?:\.\d+)?|몇|(?:[일이삼사오육칠팔구]|[이삼사오육칠팔구]?십[일이삼사오육칠팔구]?)(?=\s?(?:주일|년|개월)))"
    # Native numerals count only native-friendly units (한 시간, 두 달, 세 해): "한 일" is
    # "one thing", and "이러한 시간" holds no "한" of its own.
    ko_native_unit = "시간|개월|주일|달|주|해"
    ko_atom = (
        rf"(?:(?<!\p{{Hangul}})(?P<word>{alternation(dwords['ko'])})"
        rf"|(?:(?P<num>{ko_num})\s?(?P<unit>{ko_unit})|(?<!\p{{Hangul}})(?P<num>{_KO_NATIVE})\s?(?P<unit>{ko_native_unit})){_KO_UNIT_END}"
        rf"(?:\s?(?P<half>반){_KO_UNIT_END})?)"
    )
    alternation(du["zh"])
    alternation(du["ja"])
    cjk_amount = r"(?:\d+(?:\.\d+)?|[零〇一二三四五六七八九十百两兩几幾数]+)"
    zh_atom = (
        rf"(?:(?P<word>{alternation([*dwords['zh'], *dwords['ja']])})"
        rf"|(?P<num>{cjk_amount})\s?(?:[个個](?=[月星小钟鐘]))?(?P<unit>{alternation([*du['zh'], *du['ja']])})(?P<half>半)?)"
    )
    p = {
        "en": (
            rf"(?:(?<!\p{{L}})(?P<pre>(?i:{alternation(approx['en_before'])}))\s+)?"
            # a part of the day before the time: "this afternoon at 3:20", "tonight @ 8"
            rf"(?:(?<!\p{{L}})(?P<bpart>(?i:{en_before}))\s+(?:(?P<bat>(?i:at\b|@))\s*)?)?"
            rf"(?<![\d:.,/])(?<!\d[:.]\s)(?:"
            # half past seven, quarter to eight, 20 minutes past 3pm
            # (not "the fourth quarter to 88.6 mln")
            rf"(?<![\p{{L}}\-])(?<!(?i:first|second|third|fourth|final|last|\d(?:st|nd|rd|th))\s)"
            rf"(?P<rel>(?i:(?:a\s+)?quarter|three[\s\-]quarters?|half|(?:{en_num})(?:\s+(?:minutes?|mins?))?))\s+(?P<dir>(?i:past|after|to|before|till))\s+"
            rf"(?:(?P<rh>[01]?\d|2[0-4])(?![\d]|[.,]\d)|(?P<rhw>(?i:{hour_word}|noon|midnight))(?!\p{{L}}))(?:\s?(?P<rap>{ap_word})|\s?(?i:o'?\s?clock))?"
            rf"|(?P<h>\d{{1,2}}):(?P<mi>\d\d)(?::(?P<s>[0-5]\d))?(?!\d)(?:\s?{ap})?"
            # 8.10 pm, 6.45 in the evening: a dotted time only with a.m./p.m. or a part of day
            rf"|(?P<h>\d{{1,2}})\.(?P<mi>[0-5]\d)(?!\d)(?:\s?{ap}|(?=\s+(?i:{en_after})))"
            # 1140 a.m., 340pm
            rf"|(?P<hm>(?:1[0-2]|0?[1-9])[0-5]\d)\s?{ap}"
            # 15h00, 7h01
            rf"|(?<!\p{{L}})(?P<h>[01]?\d|2[0-3])h(?P<mi>[0-5]\d)(?!\d)"
            rf"|{hour}(?:\s|\.(?=[ap]\.?m\b))?(?:(?P<mw>(?i:{minute_word}|o'?\s?clock))\s?)?{ap}"
            # 11ish, 3-ish pm
            rf"|{hour}(?P<ish>-?ish)\b(?:\s?{ap})?"
            # a bare hour needs "at" after a part of the day, or a part of the day after it
            rf"|(?(bat){hour12}(?![\d:]|\.\d|\s?%)(?:\s?(?i:o'?\s?clock))?|(?!))"
            # at 16h: a 24-hour clock hour (16h alone is sixteen hours)
            rf"|(?<=(?<!\p{{L}})(?i:at)\s)(?P<h>[01]?\d|2[0-3])h(?![\p{{L}}\d])"
            rf"|{hour12}(?=\s+(?i:{en_after_bare}))"
            rf"|(?<![\p{{L}}\-])(?P<hw2>(?i:{hour_word}))[\s\-](?P<mw2>(?i:{minute_word}))(?!\s*(?i:{en_unit}|percent|per|%))\b"
            rf"|{hour.replace('P<h>', 'P<h3>').replace('P<hw>', 'P<hw3>')}\s?(?i:o'?\s?clock)"
            # noon, 12 noon, twelve midnight, noonish
            rf"|(?:(?<![\d.,])(?i:12|twelve)(?:\s?(?i:o'?\s?clock))?\s+)?(?<![\p{{L}}\-])(?P<named>(?i:{alternation(named['en'])}))(?P<ish>-?ish)?\b"
            rf")(?:\s+(?P<part>(?i:{en_after}))\b)?"
        ),
        "cjk": (
            rf"(?:(?P<pre>{cjk_before}))?(?:(?P<part>{cjk_parts})\s?の?\s?)?(?:"
            # A Korean numeral begins a word (인도네시아, 또한 시위 hold no hour) unless a part
            # of the day is glued before it (오후세시); 시 ends one (세시 반, 세시에, not 시위).
            rf"(?P<h>\d{{1,2}}(?:\.\d+)?|{_HAN}|(?:(?<!\p{{Hangul}})|(?<=(?:{cjk_parts})\s?))(?:{_KO_SINO}|{_KO_NATIVE}))"
            rf"\s?(?P<mark>[시時时点點])(?!간|間|间|代|候|期|대|分[钟鐘])"
            rf"(?!(?<=시)(?![에반경께쯤부까정이입전후도은는의와과로엔를을])\p{{Hangul}})(?P<zhong>(?<=[点點])[钟鐘])?"
            rf"(?:\s?(?P<mi>{_CJK_NUM})\s?[분分](?!钟|鐘|間|间)|\s?(?P<half>반|半)(?![年月天日])|(?P<q>[一三]刻)"
            rf"|(?P<mi2>(?:[零〇][一二三四五六七八九]|[一二三四五]?十[一二三四五六七八九]?|\d\d))(?![\d万萬亿億%分个個小天年月日秒号號]))?"
            rf"(?:\s?(?P<s>{_CJK_NUM})\s?[초秒](?!钟|鐘|間|间))?"
            # 8시 3분 전, 8時3分前: minutes before the hour (전후, 前後 are "around")
            rf"(?:(?<=[분分])\s?(?P<before>전|前)(?!후|後|(?![에입이])\p{{Hangul}}))?"
            # 12시 정오: the hour named again
            rf"(?:(?<=(?:12|열두|십이|十二)\s?[시時时点點])\s?(?P<nsuf>{cjk_named}))?"
            rf"|(?<![\d:]){_CLOCK}(?:\s?(?P<ap>(?i:[ap]\.m\.|[ap]m(?![a-zA-Z]))))?"
            rf"|(?P<named>{cjk_named})"
            # 7시 정각, 3시 쯤: a marker after a space too, unless it begins another word
            rf")(?:\s?(?P<post>{cjk_after})(?!(?![에의이은는입도])\p{{Hangul}}))?"
        ),
        "dur_en": (
            rf"(?:(?<!\p{{L}})(?P<bound>(?i:{alternation(bounds['en_before'])}))\s+)?(?<![\d:./])"
            # parts join with "and", a comma, or a space; "3 days a week" is a rate
            rf"{en_atom}(?:(?:\s*,\s*(?:(?i:and)\s+)?|\s+(?i:and)\s+|\s*(?!(?i:an?)[\s\-]))"
            rf"{en_atom})*"
        ),
        "dur_ko": (
            rf"(?:(?P<bound>{alternation(bounds['ko_before'])})\s?)?(?<![\d.])"
            rf"{ko_atom}(?:\s?(?:(?P<and>그리고)\s?)?{ko_atom})*(?:(?P<gan>간)|\s?(?P<after>{alternation(bounds['ko_after'])})|\s?(?P<whole>종일(?:\s?내내)?|내내))?"
            # 한 시간 더: one hour more
            rf"(?:\s(?P<more>더)(?!\p{{Hangul}}))?"
        ),
        "dur_cjk": (
            rf"(?:(?P<bound>{alternation([*bounds['zh_before'], *bounds['ja_before']])})|(?P<whole>まる)|(?P<more>もう))?(?<![\d.])"
            # 1年1か月と21日間: と joins the parts of a span that 間 closes
            rf"{zh_atom}(?:(?:[又多余餘零]|(?P<and>と)(?=[^、。\s]{{1,8}}?間))?{zh_atom})*(?:(?P<gan>間|间)|(?P<after>{alternation([*bounds['zh_after'], *bounds['ja_after']])}))?"
        ),
    }
    pats = {k: regex.compile(v) for k, v in p.items()}
    num = lexicon("numerals")["en"]
    units, big = folded_alt(num["units"]), folded_alt([*num["tens"], *num["scales"]])
    numw = folded_alt([*num["units"], *num["tens"], *num["scales"]])
    # Where an English time or duration can begin (see Triggered): digits, or a number word,
    # followed by what can follow a number there (a colon, a.m./p.m., o'clock, a minute or
    # unit word, past/to, more number words); a number word at the start of a word; or a
    # word at the start of a word (approximation and bound words before an amount,
    # "a quarter", "half", the named times, "a"/"an" before a unit).
    after_hour = (
        rf"[\s\-]*(?:[apo]|min|mid|to|till|before|ish|in|this|tonight|early|noon|lunch"
        rf"|quarter|three|{numw})"
    )
    pats["en"] = Triggered(
        pats["en"],
        rf"(?<![\d:.,/])\d[\d,，.．]*(?::|h|\.[ap]|{after_hour})|(?<![a-z\-])(?:{big})"
        rf"|(?<![a-z])(?:{folded_alt([*approx['en_before'], *parts['en_before']])})\s+[\d@a-z]"
        rf"|(?<![a-z])(?:{folded_alt(['quarter', 'half', *named['en']])}|a\s+quarter)"
        rf"|(?<![a-z\-])(?:{units}){after_hour}",
        has_latin,
        # without Latin letters, only "12:30" (no a.m., no words)
        r"(?<![\d:.,/])\d\d?:\d\d",
    )
    dunits = folded_alt(du["en"])
    pats["dur_en"] = Triggered(
        pats["dur_en"],
        rf"(?<![\d:.])\d[\d,，.．]*[\s\-]*(?:{dunits}|and|{numw})|(?<![a-z\-])(?:{units}|{big})"
        rf"|(?<![a-z])(?:(?:{folded_alt(bounds['en_before'])})\s+[\da-z]"
        rf"|{folded_alt(['half', 'another', 'whole', 'full', 'all', *vague['en'], *dwords['en']])}"
        rf"|(?:an?|the)\s+(?:whole|full|{folded_alt(dwords['en'])})"
        rf"|an?(?:\s+and\s|[\s\-]?(?:{dunits})))",
    )
    # Every match of these holds a Latin letter: texts without one are not scanned.
    pats["dur_en"] = LatinGated(pats["dur_en"])
    # Every CJK time holds a CJK character except the bare clock form "12:30".
    # Otherwise one begins with a word before the hour (大约, 오후, 午後), a named time, or an
    # hour: a numeral that an hour mark follows, or digits that a colon follows.
    cjk_words = [*approx["zh_before"], *parts["ko"], *parts["zh"], *parts["ja"]]
    cjk_words += [*named["ko"], *named["zh"], *named["ja"]]
    hour_first = "零〇一二三四五六七八九十两兩이삼사오육칠팔구십일"
    pats["cjk"] = Triggered(
        pats["cjk"],
        rf"{folded_alt(cjk_words)}|{_CJK_NUM}\s?[시時时点點]|(?<![\d:])[012]?\d:\d\d",
        has_cjk,
        r"(?<![\d:])[012]?\d:\d\d",
        first=rf"\d{hour_first}{firsts(cjk_words)}{firsts(_KO_NATIVE[3:-1].split('|'))}",
    )
    # A CJK duration begins with a bound word, a duration word (하루, 半天) or an amount
    # that a unit follows.
    native = _KO_NATIVE[3:-1].split("|")
    ko_first = [*bounds["ko_before"], *dwords["ko"], *native, "몇"]
    pats["dur_ko"] = Triggered(
        pats["dur_ko"],
        rf"{folded_alt([*bounds['ko_before'], *dwords['ko']])}"
        rf"|(?:\d[\d.]*|몇|[일이삼사오육칠팔구십]+|{folded_alt(native)})\s?"
        rf"(?:{folded_alt([*du['ko'], *ko_native_unit.split('|')])})",
        first=rf"\d일이삼사오육칠팔구십{firsts(ko_first)}",
    )
    pats["dur_ko"] = Gated(
        pats["dur_ko"], firsts(du["ko"], dwords["ko"], ko_native_unit.split("|"))
    )
    zh_words = [
        *bounds["zh_before"],
        *bounds["ja_before"],
        "まる",
        "もう",
        *dwords["zh"],
        *dwords["ja"],
    ]
    zh_num = "零〇一二三四五六七八九十百两兩几幾数"
    pats["dur_cjk"] = Triggered(
        pats["dur_cjk"],
        rf"{folded_alt(zh_words)}|(?:\d[\d.]*|[{zh_num}]+)\s?[个個]?"
        rf"(?:{folded_alt([*du['zh'], *du['ja']])})",
        first=rf"\d{zh_num}{firsts(zh_words)}",
    )
    pats["dur_cjk"] = Gated(pats["dur_cjk"], firsts(du["zh"], du["ja"], dwords["zh"], dwords["ja"]))
    return pats


def timex_time(h: int, mi: int | None, s: int | None = None) -> str:
    """TIMEX clock value as Recognizers-Text writes it: T15, T15:40, T15:40:30."""
    if mi is None:
        return f"T{h:02d}"
    if s is None:
        return f"T{h:02d}:{mi:02d}"
    return f"T{h:02d}:{mi:02d}:{s:02d}"


def _apply_part(h: int, part: str | None) -> int:
    if part == "pm" and h < 12:
        return h + 12
    if part == "am" and h == 12:
        return 0
    if part == "noon" and h < 6:
        return h + 12
    return h


def _part_of(word: str | None, table: dict[str, str]) -> str | None:
    if not word:
        return None
    w = word.lower().replace(".", "").replace(" ", "")
    if w in ("am", "a"):
        return "am"
    if w in ("pm", "p"):
        return "pm"
    return table.get(word) or table.get(word.lower())


def _time_fact(doc, start, end, lang, h, mi, s, part, approx=None) -> Fact:
    valid = 0 <= h <= 24 and (mi is None or 0 <= mi <= 59) and not (h == 24 and mi)
    if part in ("am", "pm") and not 0 <= h <= 12:
        valid = False
    h = _apply_part(h, part)
    attrs: dict = {"approx": approx}
    if not valid:
        attrs["invalid"] = True
    return make_fact(doc, K.TIME, start, end, timex_time(h, mi, s), lang, **attrs)


@cache
def _time_tables() -> tuple[dict, dict, dict]:
    cal = lexicon("calendar")
    parts = cal["time_dayparts"]
    en_parts = {k.lower(): v for k, v in [*parts["en_after"].items(), *parts["en_before"].items()]}
    cjk_parts = {**parts["ko"], **parts["zh"], **parts["ja"]}
    named = {
        k.lower(): v
        for lang in ("en", "ko", "zh", "ja")
        for k, v in cal["time_named"][lang].items()
    }
    return en_parts, cjk_parts, named


def extract_times(doc: Document) -> Iterator[Fact]:
    pats = _patterns()
    text = doc.text
    en_parts, cjk_parts, named = _time_tables()
    for m in pats["en"].finditer(text):
        part = _part_of(m["part"], en_parts) or _part_of(m["bpart"], en_parts)
        s = None
        if m["named"]:
            h, mi = named[m["named"].lower()]
            mi = None
        elif m["rel"]:
            rel = m["rel"].lower()
            delta = (
                (45 if rel.startswith("three") else 15)
                if "quarter" in rel
                else 30
                if rel == "half"
                else _num(rel.split()[0])
            )
            hour = (
                _num(m["rh"] or m["rhw"])
                if (m["rh"] or (m["rhw"] or "").lower() not in ("noon", "midnight"))
                else (12 if m["rhw"].lower() == "noon" else 0)
            )
            if delta is None or hour is None or delta >= 60 or _number_range(m, rel):
                continue
            h = int(hour)
            if m["dir"].lower() in ("to", "before", "till"):
                h, mi = (h - 1) % 24, 60 - int(delta)
            else:
                mi = int(delta)
            part = _part_of(m["rap"], en_parts) or part
        elif m["hm"]:
            h, mi = int(m["hm"][:-2]), int(m["hm"][-2:])
            part = _part_of(m["ap"], en_parts) or part
        elif m["mi"]:
            h, mi = int(m["h"]), int(m["mi"])
            s = int(m["s"]) if m["s"] else None
            part = _part_of(m["ap"], en_parts) or part
        elif m["h"] or m["hw"]:
            h = int(_num(m["h"] or m["hw"]) or 0)
            mw = m["mw"]
            mi = None if not mw or "clock" in mw.lower() else int(_num(mw) or 0)
            part = _part_of(m["ap"], en_parts) or part
        elif m["hw2"]:
            h, mi = int(_num(m["hw2"]) or 0), int(_num(m["mw2"]) or 0)
            if mi >= 60:
                continue
        else:
            h, mi = int(_num(m["h3"] or m["hw3"]) or 0), None
        approx = m["pre"] or ("ish" if m["ish"] else None)
        yield _time_fact(doc, m.start(), m.end(), "en", h, mi, s, part, approx)

    for m in pats["cjk"].finditer(text):
        lang = doc.lang_at(m.start())
        part = cjk_parts.get(m["part"]) if m["part"] else None
        s = None
        if m["named"]:
            h, mi = named[m["named"]]
            mi = None
            if part:
                continue  # 夜の真夜中 is not a reading we know
        elif m["ch"]:
            h, mi = int(m["ch"]), int(m["cm"])
            s = int(m["cs"]) if m["cs"] else None
            part = _part_of(m["ap"], {}) or part
        else:
            hv = _num(m["h"])
            if hv is None or hv != int(hv) or not _cjk_hour_supported(m, lang):
                continue
            h = int(hv)
            if m["half"]:
                mi = 30
            elif m["q"]:
                mi = 15 if m["q"][0] == "一" else 45
            elif m["mi"] or m["mi2"]:
                mv = _num(m["mi"] or m["mi2"])
                if mv is None:
                    continue
                mi = int(mv)
            else:
                mi = None
            sv = _num(m["s"])
            s = int(sv) if sv is not None else None
            if s is not None and mi is None:
                mi = 0
            if m["before"] and mi:
                h, mi = (h - 1) % 24, 60 - mi
                s = None
            if m["nsuf"]:
                h = named[m["nsuf"]][0]
        yield _time_fact(
            doc,
            m.start(),
            m.end(),
            lang if lang in ("ko", "zh", "ja") else "zh",
            h,
            mi,
            s,
            part,
            m["pre"] or m["post"],
        )


def _cjk_hour_supported(m, lang: str) -> bool:
    """一点 ("a little"), 两点 ("two points"), 一時 ("for a while"), 5 点目 (a goal): an hour
    in Chinese numerals before 点, 一 before 時, or digits before 点 in Japanese are a time
    only with something that makes them one: a part of the day, minutes, a half, an
    approximation word, or 钟 (三点钟). 零点, 八時に, 13点 are times on their own."""
    h, mark = m["h"], m["mark"]
    if mark in "点點":
        bare = (lang == "ja") if h[0].isdigit() else h not in ("零", "〇")
    else:
        bare = h == "一"
    if not bare:
        return True
    return any(
        m[g] for g in ("part", "pre", "post", "mi", "mi2", "half", "q", "s", "zhong", "nsuf")
    )


def iso_duration(parts: dict[str, float]) -> str:
    """ISO 8601 duration from designator amounts: {"Y": 1, "TH": 2} -> P1YT2H."""
    date = "".join(f"{format_number(parts[c])}{c}" for c in ("Y", "M", "W", "D") if c in parts)
    time = "".join(f"{format_number(parts[c])}{c[1]}" for c in ("TH", "TM", "TS") if c in parts)
    return "P" + date + ("T" + time if time else "")


def _collect(m, units: dict[str, str], words: dict[str, list], vague: dict[str, int]):
    """Designator amounts of a (possibly compound) duration match, or None if unreadable."""
    parts: dict[str, float] = {}
    nums = (
        dict(zip(m.starts("num"), m.captures("num"), strict=True))
        if "num" in m.re.groupindex
        else {}
    )
    halves = m.starts("half") if "half" in m.re.groupindex else []
    unit_spans = list(zip(m.starts("unit"), m.captures("unit"), strict=True))
    items: list[tuple[int, float, str]] = []
    for pos, unit in unit_spans:
        before = [(p, n) for p, n in nums.items() if p < pos]
        code = units.get(unit) or units.get(unit.lower())
        if code is None:
            return None
        if before:
            p, n = max(before)
            nums.pop(p)
            low = n.lower().strip()
            if low in ("a", "an") or low.split()[-1] in ("another", "whole", "full", "all"):
                amount: float | None = 1.0
            elif low in vague or n in vague:
                amount = float(vague.get(low, vague.get(n, 3)))
            elif n[0] in "数几幾" or n == "몇":
                if len(n) > 1:
                    return None  # 数十年, 几百年: some tens or hundreds, no number to give
                amount = 3.0
            else:
                amount = _num(n)
            if amount is None:
                return None
        else:
            amount = 0.0  # "half an hour": the half is added below
        items.append((pos, amount, code))
    for pos in halves:
        # a half belongs to the nearest unit before it (三年半), or after it (half an hour)
        prior = [i for i, it in enumerate(items) if it[0] < pos]
        i = prior[-1] if prior else 0
        if not items:
            return None
        p, a, c = items[i]
        items[i] = (p, a + 0.5, c)
    if "word" in m.re.groupindex:
        for w in m.captures("word"):
            amount, code, *mult = words.get(w) or words[w.lower()]
            items.append((0, float(amount) * (mult[0] if mult else 1), code))
    for _, amount, code in items:
        if code == "DECADE":
            code, amount = "Y", amount * 10
        parts[code] = parts.get(code, 0.0) + amount
    return parts or None


@cache
def _duration_tables() -> dict[str, tuple[dict, dict, dict]]:
    cal = lexicon("calendar")
    du, words, vague = cal["duration_units"], cal["duration_words"], cal["duration_vague"]
    return {
        "dur_en": ({k.lower(): v for k, v in du["en"].items()}, words["en"], vague["en"]),
        "dur_ko": (du["ko"], words["ko"], vague["ko"]),
        "dur_cjk": (
            {**du["zh"], **du["ja"]},
            {**words["zh"], **words["ja"]},
            {**vague["zh"], **vague["ja"]},
        ),
    }


def extract_durations(doc: Document) -> Iterator[Fact]:
    pats = _patterns()
    text = doc.text
    table = _duration_tables()
    for name, (units, wtable, vtable) in table.items():
        for m in pats[name].finditer(text):
            if name == "dur_cjk" and not (_cjk_duration_ok(m) and _minutes_ok(m, doc)):
                continue
            if name == "dur_ko" and not _ko_duration_ok(m):
                continue
            if name != "dur_en" and not _units_descend(m, units):
                continue
            if name == "dur_en" and (_ordinal_second(m) or _letter_unit_alone(m) or _rate(m)):
                continue
            parts = _collect(m, units, wtable, vtable)
            if not parts:
                continue
            lang = "en" if name == "dur_en" else doc.lang_at(m.start())
            bound = m["bound"] if "bound" in m.re.groupindex else None
            yield make_fact(
                doc,
                K.DURATION,
                m.start(),
                m.end(),
                iso_duration(parts),
                lang,
                approx=(bound or "").lower() or None,
            )


_RATE_BEFORE = regex.compile(
    r"(?:\d[\d.,]*(?:\s+(?i:million|billion|thousand|trillion|mln|bln|bn))?(?:\s+\p{Ll}+s)?"
    r"|(?i:\b(?:times|twice|once|thrice)))\s+\Z"
)
_SPAN_AFTER = regex.compile(r"\s+(?i:later|after|before|earlier|ago|early|late|or)\b")


def _rate(m) -> bool:
    """'9.1 million barrels a day', 'twice a week', '$5 a day': a rate, not a span. A lone
    "a"/"an" + unit right after an amount (a number, its scale, one plural noun) or "times"
    counts per unit, unless "later", "after" ... make it a span ("on 3 June a day later")."""
    nums = m.captures("num")
    if len(nums) != 1 or nums[0].strip().lower() not in ("a", "an") or m["bound"]:
        return False
    text = m.string
    before = text[max(0, m.start() - 40) : m.start()]
    return bool(_RATE_BEFORE.search(before)) and not _SPAN_AFTER.match(text, m.end())


def _letter_unit_alone(m) -> bool:
    """'3h' and '3 h' are hours; 'a h' or 'vitamin h' are not: a one-letter unit needs
    digits before it."""
    nums = dict(zip(m.starts("num"), m.captures("num"), strict=True))
    for pos, unit in zip(m.starts("unit"), m.captures("unit"), strict=True):
        if len(unit) == 1:
            before = [p for p in nums if p < pos]
            if not before or not nums[max(before)][:1].isdigit():
                return True
    return False


def _number_range(m, rel: str) -> bool:
    """'two to four people', 'from 1 to 2': a range of numbers, not ten to five o'clock. A
    bare number before the hour is a time only with nothing counted after it (and, before
    "to", only in words), or with a.m./p.m. or a part of the day."""
    if "quarter" in rel or rel == "half" or "min" in rel or m["rap"] or m["part"]:
        return False
    digits = rel[:1].isdigit() or (m["rh"] or "")[:1].isdigit()
    if digits and m["dir"].lower() in ("to", "till"):
        return True  # "1 to 2": "10 past 9" stays a time
    following = regex.match(r"\s*(\S?)", m.string[m.end() :])
    nxt = following[1] if following else ""
    return bool(nxt) and (nxt.isalnum() or nxt in "%$€£¥")


# Words after "a second" that leave it a span of time; before other words it is an ordinal
# ("a second round", "a second term").
_SECOND_SPAN_NEXT = frozenset(
    "later ago earlier before after longer or and to too of in at for the".split()
)


def _ordinal_second(m) -> bool:
    """'twenty second of June', 'a second wave': an ordinal, not seconds of time."""
    units = m.captures("unit")
    nums = m.captures("num")
    if len(units) != 1 or units[0].lower() != "second" or not nums:
        return False
    n = nums[-1].strip().lower()
    if n in ("a", "an"):
        nxt = regex.match(r"\s*(\p{L}*)", m.string[m.end() :])[1].lower()
        return bool(nxt) and nxt not in _SECOND_SPAN_NEXT
    return n != "one" and not n[:1].isdigit()


_ORDER = {"Y": 0, "DECADE": 0, "M": 1, "W": 2, "D": 3, "TH": 4, "TM": 5, "TS": 6}


def _units_descend(m, units: dict[str, str]) -> bool:
    """The parts of a compound name each unit once, and ever smaller ones when a word joins
    them (그리고, と): "한 달 그리고 이틀", "1年3か月", "两天又一个月" are one span each,
    "3일 그리고 5일" two days of the month and "3분 35분" a slip."""
    if len(m.captures("unit")) + len(m.captures("word")) < 2:
        return True
    spans = [(p, units.get(u)) for p, u in zip(m.starts("unit"), m.captures("unit"), strict=True)]
    if "word" in m.re.groupindex:
        table = _duration_tables()["dur_ko" if "간" in m.re.pattern else "dur_cjk"][1]
        spans += [
            (p, table[w][1]) for p, w in zip(m.starts("word"), m.captures("word"), strict=True)
        ]
    order = [_ORDER.get(c or "", -1) for _, c in sorted(spans)]
    if len(set(order)) < len(order):
        return False
    return not m["and"] or all(a < b for a, b in itertools.pairwise(order))


def _ko_duration_ok(m) -> bool:
    # 22일, 2023년 alone are dates; 일/년 count as a duration only with 간/동안-like support
    units = m.captures("unit")
    if m.captures("word") or m["gan"] or m["after"] or m["whole"] or len(units) > 1:
        return True
    if not units:
        return False
    unit, num = units[0], m.captures("num")[0]
    before = m.string[max(0, m.start() - 2) : m.start()].rstrip()
    if unit in ("분", "초") and before.endswith(("시", "분")):
        return False  # 3시 40분: the minutes of a clock time
    if unit == "일":
        following = m.string[m.end() : m.end() + 4].lstrip()
        return not num.isdigit() or following.startswith(("동안", "만에", "째"))
    if unit in ("년", "해"):
        return not (num.isdigit() and len(num) >= 3)
    return True


def _minutes_ok(m, doc: Document) -> bool:
    """分 alone counts minutes in Japanese only: in Chinese it is a point or a cent (领先两分)
    and minutes are 分钟. A Japanese 二分 without 間 is a split in two (意見が二分). Japanese
    周 is a lap (残りの 8 周), its weeks are 週."""
    units = m.captures("unit")
    if "周" in units and doc.lang_at(m.start()) == "ja":
        return False
    if units != ["分"] or m.captures("word"):
        return True
    if doc.lang_at(m.start()) != "ja":
        return False
    num = m.captures("num")[0]
    return bool(m["gan"]) or num[0].isdigit() or len(num) > 1


def _cjk_duration_ok(m) -> bool:
    units = m.captures("unit")
    text, start, end = m.string, m.start(), m.end()
    if (start and text[start - 1] == "第") or text[end : end + 1] in ("目", "生"):
        return False  # 第二天 (the next day), 1 周目 (the first lap), 四年生 (a fourth-grader)
    if (
        m.captures("word")
        or m["gan"]
        or m["whole"]
        or len(units) > 1
        or (m["after"] and units and units[0] not in ("日", "年"))
        # 4日以上 is a span; 10日左右 may be a day of the month
        or (m["after"] and units and m["after"] != "左右" and m.captures("num")[0].isdigit())
    ):
        return True
    if not units:
        return False
    unit, num = units[0], m.captures("num")[0]
    if num in ("万", "萬", "亿", "億", "兆", "十", "百"):
        return False
    if unit in ("周", "星期"):
        # 三周 is three weeks; in 周一周二 the 一周 is no span, nor is 一周年 or 第3周
        after = m.string[m.end() : m.end() + 1]
        before = m.string[max(0, m.start() - 1) : m.start()]
        return before != "第" and not (
            after and (after in "一二三四五六七日天末年" or after.isdigit())
        )
    if unit in ("日", "分"):
        # 22日 is a date, 周三 a weekday, 3时40分 a clock time
        return unit == "分" and not (m.start() > 0 and m.string[m.start() - 1] in "時时点點")
    if unit == "年":
        # 1999年 is a year; 三年 and 3年半 are spans
        return bool(m.captures("half")) or (
            not (num.isdigit() and len(num) >= 3)
            and not regex.fullmatch(r"[〇零一二三四五六七八九]{3,}", num)
        )
    return True
