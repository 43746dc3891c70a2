#!/usr/bin/env python3
"""Consistency rules (issue 4): false findings on clean real text, and recall on injected errors.

    .venv/bin/python bench/consistency.py ../shared/corpora/news            # or ../shared
    .venv/bin/python bench/consistency.py ../shared --show --show-misses 5 --per-family 150

The argument is the news corpus folder (holding articles.jsonl) or the shared folder above it.
Nothing here is needed by the tests; the data stays outside the repository.

1. Clean text. Every rule runs over every record of articles.jsonl (with the record's date
   when it has one: only Reuters does; else no publication date) and over the project's clean
   fixtures (fixtures/*clean*.txt, at their publication date 2023-11-25). Every finding there
   counts as false, since the text is published, edited news (or a fixture made clean). The
   exception the corpus README asks for: translations in bilingual records really differ in
   numbers, so FC110 findings are reported apart ("FC110 other language" vs "FC110
   headline"), and `--show` prints every finding (id, rule, message, excerpt) to be judged.

2. Injected errors. The same clean articles (and fixtures) carry one injected defect each,
   of a known family and span. Where the carrier has a fact of the right shape it is mutated
   (a correct ordinal suffix made wrong, "since 2003" -> "since 3", a day moved past its
   month's end, a wrong weekday put before a full date, the Korean/Chinese/Japanese number of
   a quantity the English side also states as a number of its own changed: not one that
   shares only its digits with a score, range, name or ordinal, "6-3", "G8", "21st");
   otherwise a sentence from the template
   banks (bench/inject_banks.yaml: en/ko/zh/ja, randomised numbers, names, places, events) is
   inserted at a line boundary (family D and B: two sentences, at two places). The random
   seed is fixed (--seed). A hit is a finding of the family's rule(s) whose span or related
   span overlaps an injected span; recall per family (target >= 0.90). Collateral: findings
   the injection brought in that are not hits and were not on the carrier before (compared
   as (rule, text) multisets against the carrier checked with the same date); FC103 on a
   family-D injection (its "since 5" is also an implausible year) is expected, not collateral.

Families -> rules: A FC101; B FC102; C FC103; D FC104; E FC105; F FC111 FC112; G FC106;
H FC107; I FC113 FC114; J FC108 FC109; K FC110.
Runs in well under a minute on one core.
"""

from __future__ import annotations

import argparse
import calendar
import collections
import datetime as dt
import json
import random
import re
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO))

from factcheck.document import Document  # noqa: E402
from factcheck.engine import check_document  # noqa: E402
from factcheck.findings import Finding  # noqa: E402

FAMILY_RULES: dict[str, tuple[str, ...]] = {
    "A": ("FC101",),
    "B": ("FC102",),
    "C": ("FC103",),
    "D": ("FC104",),
    "E": ("FC105",),
    "F": ("FC111", "FC112"),
    "G": ("FC106",),
    "H": ("FC107",),
    "I": ("FC113", "FC114"),
    "J": ("FC108", "FC109"),
    "K": ("FC110",),
}
# Rules that rightly fire as well on a family's injection: not counted as collateral.
EXPECTED_ALSO: dict[str, tuple[str, ...]] = {"D": ("FC103",), "C": ("FC104",)}
FAMILY_NAMES = {
    "A": "ordinal suffix",
    "B": "event ordinals",
    "C": "implausible year",
    "D": "year in a count",
    "E": "weekday vs date",
    "F": "event dates",
    "G": "impossible date",
    "H": "count vs list",
    "I": "edition/age",
    "J": "parts/shares",
    "K": "quantity twice",
}
FIXTURE_DATE = dt.date(2023, 11, 25)  # fixtures/README.md: the clean fixtures' publication date
LANGS = ("en", "ko", "zh", "ja")
MARK = re.compile(r"⟦(.*?)⟧", re.S)


# --------------------------------------------------------------------------- articles


@dataclass
class Article:
    id: str
    lang: str
    source: str
    text: str
    date: dt.date | None
    mix: str | None = None


def news_path(arg: str) -> Path:
    p = Path(arg)
    for cand in (p, p / "articles.jsonl", p / "corpora/news/articles.jsonl"):
        if cand.is_file():
            return cand
    sys.exit(f"no articles.jsonl under {arg}")


def load_articles(path: Path) -> list[Article]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        date = dt.date.fromisoformat(r["date"]) if r.get("date") else None
        # The id's prefix names the source (ntrex, kpc, reuters21578).
        out.append(
            Article(r["id"], r["lang"], r["id"].split("-")[0], r["text"], date, r.get("mix"))
        )
    return out


def load_fixtures() -> list[Article]:
    return [
        Article(
            f"fixture:{p.name}", "en+ko", "fixture", p.read_text(encoding="utf-8"), FIXTURE_DATE
        )
        for p in sorted((REPO / "fixtures").glob("*clean*.txt"))
    ]


def check(text: str, date: dt.date | None) -> list[Finding]:
    return check_document(Document(text, date=date))


def excerpt(text: str, start: int, end: int, width: int = 60) -> str:
    a, b = max(0, start - width), min(len(text), end + width)
    s = text[a:start] + "[[" + text[start:end] + "]]" + text[end:b]
    return ("…" if a else "") + s.replace("\n", " ⏎ ") + ("…" if b < len(text) else "")


def rule_key(f: Finding) -> str:
    """FC110 is split by where the other side is, as the corpus README asks."""
    if f.rule == "FC110":
        return "FC110-head" if f.message.endswith("in the headline") else "FC110-xlang"
    return f.rule


# --------------------------------------------------------------------------- part 1


def clean_run(arts: list[Article], show: bool) -> dict[str, Any]:
    per_rule: collections.Counter[str] = collections.Counter()
    groups: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    n_group: collections.Counter[str] = collections.Counter()
    with_findings: collections.Counter[str] = collections.Counter()
    shown: list[str] = []
    for a in arts:
        g = f"{a.source}/{a.lang}"
        n_group[g] += 1
        fs = check(a.text, a.date)
        if any(not rule_key(f).startswith("FC110") for f in fs):
            with_findings[g] += 1
        for f in fs:
            k = rule_key(f)
            per_rule[k] += 1
            groups[g][k] += 1
            if show:
                shown.append(
                    f"  {a.id:22} {k:11} {f.message[:110]}\n      {excerpt(a.text, f.start, f.end)}"
                )
    return {
        "per_rule": per_rule,
        "groups": groups,
        "n_group": n_group,
        "with_findings": with_findings,
        "shown": shown,
        "n": len(arts),
    }


def print_clean(res: dict[str, Any]) -> tuple[float, float]:
    n = res["n"]
    per_rule: collections.Counter[str] = res["per_rule"]
    print(f"\n== 1. Findings on clean real text: {n} articles (news corpus + clean fixtures)")
    print("   every finding here is counted false; FC110 apart (translations differ in numbers)")
    print(f"   {'rule':12} {'findings':>8} {'per 100 art.':>12}")
    for k in sorted(per_rule):
        print(f"   {k:12} {per_rule[k]:8d} {100 * per_rule[k] / n:12.2f}")
    core = sum(v for k, v in per_rule.items() if not k.startswith("FC110"))
    fc110 = sum(v for k, v in per_rule.items() if k.startswith("FC110"))
    print(f"   {'all but FC110':12} {core:8d} {100 * core / n:12.2f}")
    print(f"   {'FC110':12} {fc110:8d} {100 * fc110 / n:12.2f}")
    print(
        f"\n   per source/lang: {'articles':>8} {'false/100':>9} {'art.w/ any':>10} "
        f"{'FC110/100':>9}  rules"
    )
    for g in sorted(res["n_group"]):
        ng = res["n_group"][g]
        c = res["groups"].get(g, collections.Counter())
        core_g = sum(v for k, v in c.items() if not k.startswith("FC110"))
        f110 = sum(v for k, v in c.items() if k.startswith("FC110"))
        rules = " ".join(f"{k}:{v}" for k, v in sorted(c.items()))
        print(
            f"   {g:17} {ng:8d} {100 * core_g / ng:9.2f} {res['with_findings'][g]:10d} "
            f"{100 * f110 / ng:9.2f}  {rules}"
        )
    if res["shown"]:
        print("\n   every finding (--show):")
        print("\n".join(res["shown"]))
    return 100 * core / n, 100 * fc110 / n


# --------------------------------------------------------------------------- injection


@dataclass
class Injection:
    family: str
    method: str  # mutate | template
    lang: str
    carrier: str
    text: str
    date: dt.date | None
    spans: list[tuple[int, int]]
    desc: str
    variant: str = ""
    hits: list[Finding] = field(default_factory=list)
    collateral: list[Finding] = field(default_factory=list)
    near: list[Finding] = field(default_factory=list)


EN_MONTHS = [calendar.month_name[i] for i in range(1, 13)]
EN_MON = [
    "Jan.",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
]
EN_WD = [calendar.day_name[i] for i in range(7)]
EN_WD_ABBR = ["Mon.", "Tue.", "Wed.", "Thu.", "Fri.", "Sat.", "Sun."]
KO_WD = "월화수목금토일"
JA_WD = "月火水木金土日"
ZH_WD = "一二三四五六日"
EN_NUM = "zero one two three four five six seven eight nine ten eleven twelve".split()
KO_NATIVE = ["", "한", "두", "세", "네", "다섯", "여섯", "일곱", "여덟", "아홉", "열"]
ZH_NUM = "零一两三四五六七八九十"
WORD_ORD_BAD = {
    "fifth": "fiveth",
    "ninth": "nineth",
    "twelfth": "twelveth",
    "eighth": "eightth",
    "third": "threeth",
    "second": "twoth",
    "twentieth": "twentyth",
}


BAD_WORD_ORDS = [
    "fiveth",
    "nineth",
    "twelveth",
    "eightth",
    "twenty-fiveth",
    "thirty-nineth",
    "forty-eightth",
    "twenty-oneth",
    "twenty-twoth",
    "thirty-threeth",
    "fifty-fiveth",
]


# A number the English side states as a quantity of its own: not part of a score ("6-3"), a
# range ("1950-53"), a name ("G8"), an ordinal ("21st"), a time or a fraction ("1-of-4").
EN_STANDALONE = re.compile(r"(?<![\w.,\-/:])(\d[\d,]*(?:\.\d+)?)(?![\w\-/:]|[.,]\d)")


CJK_SCRIPT = re.compile(r"[\uac00-\ud7a3\u3040-\u30ff\u4e00-\u9fff]")


def josa(word: str, with_final: str, without: str) -> str:
    last = word[-1]
    if "가" <= last <= "힣":
        return with_final if (ord(last) - 0xAC00) % 28 else without
    return without


def suffix(n: int) -> str:
    if n % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def wrong_suffix(rng: random.Random, n: int) -> str:
    return rng.choice([s for s in ("st", "nd", "rd", "th") if s != suffix(n)])


def render(template: str, ctx: dict[str, Any]) -> tuple[str, list[tuple[int, int]]]:
    """Fill a template and return the text without markers plus the marked spans."""
    filled = template.format_map(ctx)
    out, spans, pos = [], [], 0
    for m in MARK.finditer(filled):
        out.append(filled[pos : m.start()])
        start = sum(len(x) for x in out)
        out.append(m.group(1))
        spans.append((start, start + len(m.group(1))))
        pos = m.end()
    out.append(filled[pos:])
    return "".join(out), spans


def insert_lines(
    text: str, sentences: list[str], rng: random.Random, at_top: bool = False
) -> tuple[str, list[int]]:
    """Insert each sentence as a line of its own, in order, at random line boundaries after
    the headline (or the first at the very top). Returns the new text and each sentence's
    offset."""
    lines = text.split("\n")
    slots = sorted(rng.randint(1, len(lines)) for _ in sentences)
    if at_top:
        slots[0] = 0
    new: list[str] = []
    offsets: list[int] = []
    pending = list(zip(slots, sentences, strict=True))
    pos = 0
    for i in range(len(lines) + 1):
        while pending and pending[0][0] == i:
            offsets.append(pos)
            new.append(pending[0][1])
            pos += len(pending[0][1]) + 1
            pending.pop(0)
        if i < len(lines):
            new.append(lines[i])
            pos += len(lines[i]) + 1
    return "\n".join(new), offsets


class Injector:
    def __init__(self, arts: list[Article], banks: dict[str, Any], seed: int) -> None:
        self.arts = arts
        self.rng = random.Random(seed)
        self.pools = banks["pools"]
        self.banks = banks["banks"]

    # ---- shared helpers

    def carrier(self, lang: str | None = None) -> Article:
        if lang and self.rng.random() < 0.8:
            cands = [a for a in self.arts if lang in a.lang.split("+")]
            if cands:
                return self.rng.choice(cands)
        return self.rng.choice(self.arts)

    def pub_date(self, a: Article) -> dt.date:
        if a.date:
            return a.date
        # Days 1-24 only, so that "the {d}th" of a later day stays in the publication month.
        d = dt.date(2012, 1, 1) + dt.timedelta(days=self.rng.randint(0, 13 * 365))
        return d.replace(day=min(d.day, 24))

    def ctx(self) -> dict[str, Any]:
        rng, p = self.rng, self.pools
        c: dict[str, Any] = {}
        city = rng.choice(p["cities"])
        ev = rng.choice(p["events"])
        for i, lg in enumerate(LANGS):
            c[f"city_{lg}"] = city[i]
            c[f"event_{lg}"] = ev[i]
            c[f"head_{lg}"] = ev[4 + i]
            c[f"name_{lg}"] = rng.choice(p["names"][lg])
            c[f"org_{lg}"] = rng.choice(p["orgs"][lg])
        # Korean particles follow the last syllable (받침 or not): 이/가, 은/는, 을/를.
        for key in ("city_ko", "event_ko", "head_ko", "org_ko"):
            w = c[key]
            c[key + "_i"] = w + josa(w, "이", "가")
            c[key + "_eun"] = w + josa(w, "은", "는")
            c[key + "_eul"] = w + josa(w, "을", "를")
        c["k"] = rng.randint(3, 90)
        return c

    def pick(self, bank: dict[str, list[Any]], lang: str | None = None) -> tuple[str, Any]:
        lang = lang or self.rng.choice(sorted(bank))
        return lang, self.rng.choice(bank[lang])

    def template(
        self,
        family: str,
        variant: str,
        bank: dict[str, list[Any]],
        fill: Callable[[str, dict[str, Any], dt.date | None], None],
        needs_date: bool,
        lang: str | None = None,
        at_top: bool = False,
    ) -> Injection:
        lang, tpl = self.pick(bank, lang)
        a = self.carrier(lang)
        date = self.pub_date(a) if needs_date else a.date
        c = self.ctx()
        c["template"] = str(tpl)  # lets a generator see which slots the template has
        fill(lang, c, date)
        parts = tpl if isinstance(tpl, list) else [tpl]
        rendered = [render(t, c) for t in parts]
        text, offs = insert_lines(a.text, [r[0] for r in rendered], self.rng, at_top=at_top)
        spans = [(o + s, o + e) for o, (_, sp) in zip(offs, rendered, strict=True) for s, e in sp]
        desc = " / ".join(r[0] for r in rendered)
        return Injection(family, "template", lang, a.id, text, date, spans, desc, variant)

    def mutate(
        self,
        family: str,
        variant: str,
        sites: list[tuple[Article, int, int, str, str]],
        use_date: Callable[[Article], dt.date | None] | None = None,
    ) -> Injection | None:
        """sites: (article, start, end, replacement, lang); the replaced region is the span."""
        if not sites:
            return None
        a, s, e, rep, lang = self.rng.choice(sites)
        text = a.text[:s] + rep + a.text[e:]
        date = use_date(a) if use_date else a.date
        desc = f"{a.text[s:e]!r} -> {rep!r}"
        return Injection(
            family, "mutate", lang, a.id, text, date, [(s, s + len(rep))], desc, variant
        )

    def sites(
        self, pattern: re.Pattern[str], make: Callable[[re.Match[str], Article], Any]
    ) -> list[Any]:
        out = []
        for a in self.arts:
            for m in pattern.finditer(a.text):
                r = make(m, a)
                if r:
                    out.append(r)
        return out

    # ---- families

    def fam_A(self, n: int) -> Iterable[Injection]:
        rng = self.rng
        ords = re.compile(r"(?<![\w.,-])(\d{1,4})(st|nd|rd|th)\b")

        def mk(m: re.Match[str], a: Article) -> Any:
            num = int(m.group(1))
            if m.group(2) != suffix(num):
                return None
            return (a, m.start(), m.end(), m.group(1) + wrong_suffix(rng, num), "en")

        digit_sites = self.sites(ords, mk)
        words = re.compile(r"\b(" + "|".join(WORD_ORD_BAD) + r")\b", re.I)

        def mkw(m: re.Match[str], a: Article) -> Any:
            bad = WORD_ORD_BAD[m.group(1).lower()]
            if m.group(1)[0].isupper():
                bad = bad.capitalize()
            # "second" is also a unit of time: only take it before a noun-like word.
            if m.group(1).lower() == "second" and re.match(r"\s+(?:of|and|,)", a.text[m.end() :]):
                return None
            return (a, m.start(), m.end(), bad, "en")

        word_sites = self.sites(words, mkw)

        def fill(lang: str, c: dict[str, Any], date: dt.date | None) -> None:
            if rng.random() < 0.75:
                num = rng.choice([rng.randint(1, 30), rng.randint(1, 130), rng.randint(100, 1200)])
                c["ord"] = f"{num}{wrong_suffix(rng, num)}"
            else:
                c["ord"] = rng.choice(BAD_WORD_ORDS)

        for _i in range(n):
            r = rng.random()
            if r < 0.35 and digit_sites:
                inj = self.mutate("A", "digits", digit_sites)
            elif r < 0.5 and word_sites:
                inj = self.mutate("A", "word", word_sites)
            else:
                inj = self.template("A", "template", self.banks["A"], fill, False)
            if inj:
                yield inj

    def ord_text(self, lang: str, n: int) -> str:
        return f"{n}{suffix(n)}" if lang == "en" else str(n)

    def fam_B(self, n: int) -> Iterable[Injection]:
        rng = self.rng
        bank = self.banks["B"]
        combos = [
            ("en", "ko"),
            ("en", "zh"),
            ("en", "ja"),
            ("ko", "en"),
            ("zh", "en"),
            ("ja", "ko"),
            ("en", "en"),
            ("ko", "ko"),
            ("zh", "zh"),
            ("ja", "ja"),
        ]
        for _ in range(n):
            la, lb = rng.choice(combos)
            a = self.carrier(rng.choice([la, lb]))
            c = self.ctx()
            e1 = rng.randint(2, 60)
            e2 = e1 + rng.choice([-3, -2, -1, 1, 1, 2, 5])
            t1, t2 = rng.choice(bank[la]), rng.choice(bank[lb])
            if la == lb:
                while t2 == t1 and len(bank[lb]) > 1:
                    t2 = rng.choice(bank[lb])
            c1 = dict(c, n=e1, ord_en=self.ord_text("en", e1))
            c2 = dict(c, n=e2, ord_en=self.ord_text("en", e2))
            r1, r2 = render(t1, c1), render(t2, c2)
            text, offs = insert_lines(a.text, [r1[0], r2[0]], rng)
            spans = [(offs[0] + s, offs[0] + e) for s, e in r1[1]] + [
                (offs[1] + s, offs[1] + e) for s, e in r2[1]
            ]
            yield Injection(
                "B",
                "template",
                f"{la}+{lb}",
                a.id,
                text,
                a.date,
                spans,
                f"{r1[0]} / {r2[0]}",
                f"{la}+{lb}",
            )

    def fam_C(self, n: int) -> Iterable[Injection]:
        rng = self.rng
        pats = [
            (
                re.compile(
                    r"\b(?:since|founded in|established in|first held in|set up in)\s+"
                    r"((?:1[89]|20)\d\d)\b(?![-–/]|\d)"
                ),
                "en",
            ),
            (
                re.compile(
                    r"((?:1[89]|20)\d\d)년\s?(?:부터|에 (?:설립|창립|창설)|(?:설립|창립|창설))"
                ),
                "ko",
            ),
            (
                re.compile(
                    r"(?:自|从|於|于)((?:1[89]|20)\d\d)年(?:起|开始|以来|创|成立)|成立于((?:1[89]|20)\d\d)年"
                ),
                "zh",
            ),
            (re.compile(r"((?:1[89]|20)\d\d)年(?:に(?:設立|創設|創業|創刊)|から|以来)"), "ja"),
        ]
        sites: list[Any] = []
        for pat, lang in pats:

            def mk(m: re.Match[str], a: Article, lang: str = lang) -> Any:
                g = 1 if m.group(1) else 2
                yr = m.group(g)
                small = str(int(yr[2:]) if rng.random() < 0.7 else int(yr[3:]))
                # A year written with a kana/han context counts as that language only when
                # the carrier has that language.
                if lang != "en" and lang not in a.lang:
                    return None
                rep = (
                    m.group(0)[: m.start(g) - m.start()]
                    + small
                    + m.group(0)[m.end(g) - m.start() :]
                )
                return (a, m.start(), m.end(), rep, lang)

            sites += self.sites(pat, mk)

        def fill(lang: str, c: dict[str, Any], date: dt.date | None) -> None:
            r = rng.random()
            if r < 0.55:
                c["y"] = rng.randint(1, 99)
            elif r < 0.75:
                c["y"] = rng.randint(100, 999)
            else:
                assert date
                c["y"] = date.year + rng.randint(1, 15)

        for _ in range(n):
            if rng.random() < 0.4 and sites:
                inj = self.mutate("C", "since-year", sites)
            else:
                inj = self.template("C", "template", self.banks["C"], fill, True)
            if inj:
                yield inj

    def fam_D(self, n: int) -> Iterable[Injection]:
        rng = self.rng

        def fill(lang: str, c: dict[str, Any], date: dt.date | None) -> None:
            y = rng.randint(1900, min(2022, (date or dt.date(2023, 1, 1)).year - 1))
            c["big"] = y
            c["small"] = y % 100 if y % 100 else y % 10 + 10

        for _ in range(n):
            yield self.template("D", "template", self.banks["D"], fill, False)

    def fam_E(self, n: int) -> Iterable[Injection]:
        rng = self.rng
        full_en = re.compile(
            r"\b("
            + "|".join(EN_MONTHS)
            + r"|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)\s(\d{1,2}),\s((?:19|20)\d\d)\b"
        )
        full_cjk = re.compile(
            r"((?:19|20)\d\d)\s?[년年]\s?(\d{1,2})\s?[월月]\s?(\d{1,2})\s?[일日](?![（(])"
        )
        wd_en = re.compile(r"\b(" + "|".join(EN_WD) + r"),\s")

        def month_of(tok: str) -> int:
            for i in range(12):
                if tok.rstrip(".").lower()[:3] == EN_MONTHS[i][:3].lower():
                    return i + 1
            return 0

        def mk_en(m: re.Match[str], a: Article) -> Any:
            try:
                d = dt.date(int(m.group(3)), month_of(m.group(1)), int(m.group(2)))
            except ValueError:
                return None
            pre = wd_en.search(a.text, max(0, m.start() - 12), m.start())
            wrong = EN_WD[(d.weekday() + rng.randint(1, 6)) % 7]
            if pre and pre.end() == m.start():
                return (a, pre.start(), pre.end() - 2, wrong, "en")
            return (a, m.start(), m.start(), wrong + ", ", "en")

        def mk_cjk(m: re.Match[str], a: Article) -> Any:
            try:
                d = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                return None
            w = (d.weekday() + rng.randint(1, 6)) % 7
            lang = "ko" if "년" in m.group(0) else ("ja" if "ja" in a.lang else "zh")
            tag = {"ko": f"({KO_WD[w]})", "ja": f"（{JA_WD[w]}）", "zh": f"（星期{ZH_WD[w]}）"}[
                lang
            ]
            return (a, m.end(), m.end(), tag, lang)

        sites = self.sites(full_en, mk_en) + self.sites(full_cjk, mk_cjk)

        def fill_for(partial: bool) -> Callable[[str, dict[str, Any], dt.date | None], None]:
            def fill(lang: str, c: dict[str, Any], date: dt.date | None) -> None:
                if partial:
                    # A day of the publication month: "{d}일(금)" alone names no other month.
                    assert date
                    d = date.replace(
                        day=rng.randint(1, calendar.monthrange(date.year, date.month)[1])
                    )
                else:
                    d = dt.date(1990, 1, 1) + dt.timedelta(days=rng.randint(0, 40 * 365))
                w = (d.weekday() + rng.randint(1, 6)) % 7
                c.update(
                    y=d.year,
                    m=d.month,
                    d=d.day,
                    month_en=EN_MONTHS[d.month - 1],
                    mon_en=EN_MON[d.month - 1],
                    wd_en=EN_WD[w],
                    wd_abbr_en=EN_WD_ABBR[w],
                    wd_ko=KO_WD[w],
                    wd_ja=JA_WD[w],
                    wd_zh=ZH_WD[w],
                )

            return fill

        for _ in range(n):
            r = rng.random()
            if r < 0.3 and sites:
                # A wrong weekday needs the mutated site's own date (full dates only).
                inj = self.mutate("E", "add-weekday", sites)
            elif r < 0.7:
                inj = self.template("E", "full", self.banks["E"]["full"], fill_for(False), False)
            else:
                inj = self.template(
                    "E", "partial", self.banks["E"]["partial"], fill_for(True), True
                )
            if inj:
                yield inj

    def fam_F(self, n: int) -> Iterable[Injection]:
        rng = self.rng

        def fill_range(lang: str, c: dict[str, Any], date: dt.date | None) -> None:
            assert date
            # The event lies in the publication month, before publication when possible.
            last = calendar.monthrange(date.year, date.month)[1]
            d1 = rng.randint(1, max(1, min(date.day, last) - 6))
            d2 = d1 + rng.randint(2, 5)
            outside = [x for x in range(1, last + 1) if x < d1 - 1 or x > d2 + 1]
            c.update(
                d1=d1,
                d2=d2,
                d3=rng.choice(outside),
                m=date.month,
                y=date.year,
                month_en=EN_MONTHS[date.month - 1],
                mon_en=EN_MON[date.month - 1],
            )

        def fill_future(lang: str, c: dict[str, Any], date: dt.date | None) -> None:
            assert date
            last = calendar.monthrange(date.year, date.month)[1]
            if date.day + 2 <= last:
                d = dt.date(date.year, date.month, rng.randint(date.day + 2, last))
            else:
                d = date + dt.timedelta(days=rng.randint(3, 20))
            c.update(
                d=d.day,
                m=d.month,
                y=d.year,
                month_en=EN_MONTHS[d.month - 1],
                mon_en=EN_MON[d.month - 1],
            )

        for _ in range(n):
            if rng.random() < 0.5:
                yield self.template("F", "range", self.banks["F"]["range"], fill_range, True)
            else:
                yield self.template("F", "future", self.banks["F"]["future"], fill_future, True)

    def fam_G(self, n: int) -> Iterable[Injection]:
        rng = self.rng
        en_date = re.compile(
            r"\b("
            + "|".join(EN_MONTHS)
            + r"|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)\s(\d{1,2})\b(?![:\d])"
        )
        cjk_date = re.compile(r"(?<!\d)(\d{1,2})\s?([월月])\s?(\d{1,2})\s?([일日])")
        clock = re.compile(r"(?<![\d:.])([01]?\d|2[0-3]):([0-5]\d)(?![\d:])")

        def month_of(tok: str) -> int:
            for i in range(12):
                if tok.rstrip(".").lower()[:3] == EN_MONTHS[i][:3].lower():
                    return i + 1
            return 0

        def bad_day(m: int) -> int:
            ml = {2: 29, 4: 30, 6: 30, 9: 30, 11: 30}.get(m, 31)
            return rng.randint(ml + 1, 31) if ml < 31 else rng.randint(32, 39)

        def mk_en(m: re.Match[str], a: Article) -> Any:
            mo = month_of(m.group(1))
            if not mo:
                return None
            return (a, m.start(2), m.end(2), str(bad_day(mo)), "en")

        def mk_cjk(m: re.Match[str], a: Article) -> Any:
            mo = int(m.group(1))
            if not 1 <= mo <= 12:
                return None
            lang = "ko" if m.group(2) == "월" else ("ja" if "ja" in a.lang else "zh")
            return (a, m.start(3), m.end(3), str(bad_day(mo)), lang)

        def mk_clock(m: re.Match[str], a: Article) -> Any:
            lang = Document(a.text).lang_at(m.start())
            if lang == "ja":  # 25:00 is a normal late-night time in Japanese
                return None
            return (a, m.start(1), m.end(1), str(rng.randint(25, 29)), lang)

        date_sites = self.sites(en_date, mk_en) + self.sites(cjk_date, mk_cjk)
        clock_sites = self.sites(clock, mk_clock)

        def fill_date(lang: str, c: dict[str, Any], date: dt.date | None) -> None:
            y = rng.randint(1990, 2030)
            # February 29 is impossible only with a year that is not a leap year.
            if rng.random() < 0.2 and "{y}" in c["template"]:
                mo, d = 2, 29
                while calendar.isleap(y):
                    y += 1
            else:
                mo = rng.choice([2, 4, 6, 9, 11, 2])
                d = bad_day(mo)
            c.update(y=y, m=mo, d=d, mm=f"{mo:02d}", dd=f"{d:02d}", month_en=EN_MONTHS[mo - 1])

        def fill_time(lang: str, c: dict[str, Any], date: dt.date | None) -> None:
            # Japanese writes late-night times as 25:30 on purpose (深夜): only bad minutes there.
            if rng.random() < 0.75 and lang != "ja":
                c.update(hh=rng.randint(25, 29), mm=f"{rng.randint(0, 59):02d}")
            else:
                c.update(hh=f"{rng.randint(0, 23):02d}", mm=rng.randint(60, 99))

        for _ in range(n):
            r = rng.random()
            if r < 0.3 and date_sites:
                inj = self.mutate("G", "day-past-end", date_sites)
            elif r < 0.4 and clock_sites:
                inj = self.mutate("G", "clock-hour", clock_sites)
            elif r < 0.8:
                inj = self.template("G", "date", self.banks["G"]["date"], fill_date, False)
            else:
                inj = self.template("G", "time", self.banks["G"]["time"], fill_time, False)
            if inj:
                yield inj

    def fam_H(self, n: int) -> Iterable[Injection]:
        rng = self.rng
        pools = {"country": "countries", "city": "cities", "company": "companies"}

        for _ in range(n):
            typ = rng.choice(["country", "country", "city", "company"])
            names = rng.sample(self.pools[pools[typ]], rng.randint(3, 5))
            k = len(names)
            cnt = k + rng.choice([-2, -1, 1, 1, 2])
            cnt = max(2, min(10, cnt))
            if cnt == k:
                cnt = k + 1

            def fill(
                lang: str,
                c: dict[str, Any],
                date: dt.date | None,
                names: list[Any] = names,
                cnt: int = cnt,
            ) -> None:
                en = [x[0] for x in names]
                c.update(
                    list_en=", ".join(en[:-1]) + " and " + en[-1],
                    list_ko=", ".join(x[1] for x in names),
                    list_dot_ko="·".join(x[1] for x in names),
                    list_zh="、".join(x[2] for x in names),
                    list_ja="、".join(x[3] for x in names),
                    count_en=EN_NUM[cnt],
                    count_ko=cnt,
                    count_native_ko=KO_NATIVE[cnt],
                    count_han=ZH_NUM[cnt] if cnt <= 10 else cnt,
                    count_zh=cnt,
                    count_ja=cnt,
                )

            yield self.template("H", typ, self.banks["H"][typ], fill, False)

    def fam_I(self, n: int) -> Iterable[Injection]:
        rng = self.rng

        def fill_ed(lang: str, c: dict[str, Any], date: dt.date | None) -> None:
            assert date
            y = rng.randint(date.year - 45, date.year - 3)
            exp = date.year - y + 1
            lo = [x for x in range(1, exp - 4)]
            ed = exp + rng.randint(1, 15) if (rng.random() < 0.6 or not lo) else rng.choice(lo)
            c.update(y=y, n=ed, ord_en=f"{ed}{suffix(ed)}")

        def fill_age(lang: str, c: dict[str, Any], date: dt.date | None) -> None:
            assert date
            b = rng.randint(date.year - 80, date.year - 20)
            age = date.year - b + rng.choice([-1, 0]) + rng.choice([-1, 1]) * rng.randint(3, 15)
            c.update(b=b, age=age)

        for _ in range(n):
            if rng.random() < 0.5:
                yield self.template("I", "edition", self.banks["I"]["edition"], fill_ed, True)
            else:
                yield self.template("I", "age", self.banks["I"]["age"], fill_age, True)

    def fam_J(self, n: int) -> Iterable[Injection]:
        rng = self.rng

        def fill_total(lang: str, c: dict[str, Any], date: dt.date | None) -> None:
            a, b = rng.randint(2, 60), rng.randint(2, 60)
            delta = rng.choice([-3, -2, -1, 1, 2, 3, 5, 10])
            c.update(a=a, b=b, t=max(1, a + b + delta))

        def fill_shares(lang: str, c: dict[str, Any], date: dt.date | None) -> None:
            total = rng.randint(112, 175)
            p1 = rng.randint(30, 65)
            p2 = rng.randint(15, min(60, total - p1 - 5))
            c.update(p1=p1, p2=p2, p3=total - p1 - p2)

        for _ in range(n):
            if rng.random() < 0.5:
                yield self.template("J", "total", self.banks["J"]["total"], fill_total, False)
            else:
                yield self.template("J", "shares", self.banks["J"]["shares"], fill_shares, False)

    def fam_K(self, n: int) -> Iterable[Injection]:
        rng = self.rng
        # The same number in the English part and, with a counter, in the other language.
        cjk_qty = re.compile(
            r"(?<![\d.,~～\-])(\d[\d,]*(?:\.\d+)?)\s?(명|명의|人|名|개국|カ国|か国|国|%|퍼센트|달러|ドル|美元|원|円|元|분|分|시간|時間|小时|년|年|세|歳|岁|km|킬로미터|キロ|公里|톤|トン|吨)"
        )

        def new_value(v: float) -> float:
            return v * rng.choice([0.5, 0.6, 0.7, 1.5, 2, 3]) if v > 3 else v + rng.randint(3, 9)

        def fmt(v: float, orig: str) -> str:
            if "." in orig:
                return f"{v:.1f}"
            iv = round(v)
            return f"{iv:,}" if "," in orig else str(iv)

        sites: list[Any] = []
        for a in self.arts:
            if "+" not in a.lang:
                continue
            other = a.lang.split("+")[1]
            # Numbers the English lines state (Latin-script lines).
            en_nums: set[str] = set()
            for line in a.text.split("\n"):
                if re.search(r"[A-Za-z]", line) and not re.search(
                    r"[\uac00-\ud7a3\u3040-\u30ff\u4e00-\u9fff]", line
                ):
                    en_nums.update(x.replace(",", "") for x in EN_STANDALONE.findall(line))
            for m in cjk_qty.finditer(a.text):
                if m.group(1).replace(",", "") not in en_nums or (
                    m.group(2) in ("年", "년") and len(m.group(1)) == 4
                ):
                    continue
                # "fair (5%)" in an English line is no Korean/Chinese/Japanese statement.
                ls = a.text.rfind("\n", 0, m.start()) + 1
                le = a.text.find("\n", m.end())
                if not CJK_SCRIPT.search(a.text, ls, le if le >= 0 else len(a.text)):
                    continue
                v = float(m.group(1).replace(",", ""))
                sites.append((a, m.start(1), m.end(1), fmt(new_value(v), m.group(1)), other))
        kbank = self.banks["K"]

        for _ in range(n):
            r = rng.random()
            if r < 0.4 and sites:
                inj = self.mutate("K", "pair", sites)
                if inj:
                    yield inj
                continue
            nval = rng.choice([rng.randint(20, 900), rng.randint(10, 60) * 100])
            mval = max(1, round(nval * rng.choice([0.4, 0.5, 0.6, 0.7, 1.4, 1.5, 2, 3])))
            if r < 0.8:
                kind = rng.choice(["people", "people", "won", "minutes"])
                other = rng.choice(["ko", "zh", "ja"])
                a = self.carrier(other)
                c = self.ctx()
                if kind == "won":
                    nval, mval = rng.randint(2, 90), 0
                    mval = nval + rng.choice([-1, 1]) * rng.randint(2, max(3, nval // 2))
                    mval = max(1, mval)
                if kind == "minutes":
                    nval = rng.randint(10, 90)
                    mval = max(1, round(nval * rng.choice([0.5, 0.6, 1.5, 2])))
                c.update(n=nval, m=mval, m10=mval * 10)
                # The two sentences translate each other (the banks are aligned by index):
                # "residents took part in the drill" is not "약 200명이 포럼에 참석했다".
                k_i = rng.randrange(len(kbank[kind]["en"]))
                t_en = kbank[kind]["en"][k_i]
                t_ot = kbank[kind][other][k_i % len(kbank[kind][other])]
                r1, r2 = render(t_en, c), render(t_ot, c)
                order = [r1, r2] if rng.random() < 0.6 else [r2, r1]
                text, offs = insert_lines(a.text, [order[0][0], order[1][0]], rng)
                spans = [
                    (o + s, o + e) for o, rr in zip(offs, order, strict=True) for s, e in rr[1]
                ]
                yield Injection(
                    "K",
                    "template",
                    f"en+{other}",
                    a.id,
                    text,
                    a.date,
                    spans,
                    f"{r1[0]} / {r2[0]}",
                    kind,
                )
            else:
                c = self.ctx()
                c.update(n=nval, m=mval)
                lang = rng.choice(["en", "ko"])
                head, body = kbank["headline"][lang]
                a = self.carrier(lang)
                rh, rb = render(head, c), render(body, c)
                text, offs = insert_lines(a.text, [rh[0], rb[0]], rng, at_top=True)
                spans = [(offs[1] + s, offs[1] + e) for s, e in rb[1]] + [(0, len(rh[0]))]
                yield Injection(
                    "K",
                    "template",
                    lang,
                    a.id,
                    text,
                    a.date,
                    spans,
                    f"{rh[0]} / {rb[0]}",
                    "headline",
                )


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    # An empty span (nothing replaced) still counts when a finding covers its position.
    return (a[0] < b[1] and b[0] < a[1]) or (a[0] == a[1] and b[0] <= a[0] <= b[1])


def score(inj: Injection, baseline: list[Finding]) -> None:
    fams = FAMILY_RULES[inj.family]
    fs = check(inj.text, inj.date)
    for f in fs:
        spans = [(f.start, f.end)] + [(r.start, r.end) for r in f.related]
        touched = any(overlaps(s, t) for s in spans for t in inj.spans)
        if f.rule in fams and touched:
            inj.hits.append(f)
        elif touched:
            inj.near.append(f)
    base = collections.Counter((f.rule, f.text) for f in baseline)
    for f in fs:
        if f in inj.hits or f.rule in EXPECTED_ALSO.get(inj.family, ()):
            continue
        key = (f.rule, f.text)
        if base[key]:
            base[key] -= 1
        else:
            inj.collateral.append(f)


def run_injections(
    arts: list[Article], banks: dict[str, Any], seed: int, per_family: int
) -> list[Injection]:
    inj = Injector(arts, banks, seed)
    out: list[Injection] = []
    cache: dict[tuple[str, dt.date | None], list[Finding]] = {}
    by_id = {a.id: a for a in arts}
    for fam in FAMILY_RULES:
        for i in getattr(inj, f"fam_{fam}")(per_family):
            key = (i.carrier, i.date)
            if key not in cache:
                cache[key] = check(by_id[i.carrier].text, i.date)
            score(i, cache[key])
            out.append(i)
    return out


def print_injections(injs: list[Injection], show_misses: int) -> dict[str, tuple[int, int]]:
    print(f"\n== 2. Recall on injected errors: {len(injs)} injections (target >= 0.90 per family)")
    res: dict[str, tuple[int, int]] = {}
    print(
        f"   {'family':22} {'rules':12} {'hits':>5}/{'n':<5} {'recall':>6}  "
        f"{'collateral':>10}  by method/variant"
    )
    for fam, rules in FAMILY_RULES.items():
        xs = [i for i in injs if i.family == fam]
        h = sum(1 for i in xs if i.hits)
        res[fam] = (h, len(xs))
        coll = sum(len(i.collateral) for i in xs)
        parts = collections.defaultdict(lambda: [0, 0])
        for i in xs:
            k = f"{i.method[:3]}:{i.variant}"
            parts[k][0] += bool(i.hits)
            parts[k][1] += 1
        by = " ".join(f"{k} {a}/{b}" for k, (a, b) in sorted(parts.items()))
        rec = h / len(xs) if xs else 0.0
        print(
            f"   {fam} {FAMILY_NAMES[fam]:20} {','.join(rules):12} {h:5d}/{len(xs):<5d} "
            f"{rec:6.2f}  {coll:10d}  {by}"
        )
    langs = collections.defaultdict(lambda: [0, 0])
    for i in injs:
        langs[(i.family, i.lang)][0] += bool(i.hits)
        langs[(i.family, i.lang)][1] += 1
    print("\n   recall by family and language:")
    for fam in FAMILY_RULES:
        row = "  ".join(f"{lg} {a}/{b}" for (f, lg), (a, b) in sorted(langs.items()) if f == fam)
        print(f"   {fam}: {row}")
    coll = collections.Counter(f.rule for i in injs for f in i.collateral)
    print(
        "\n   collateral findings (other rules, new with the injection): "
        + (" ".join(f"{k}:{v}" for k, v in sorted(coll.items())) or "none")
    )
    if show_misses:
        print(f"\n   misses (up to {show_misses} per family; [[...]] = injected span):")
        for fam in FAMILY_RULES:
            miss = [i for i in injs if i.family == fam and not i.hits]
            for i in miss[:show_misses]:
                s, e = i.spans[0]
                print(
                    f"   {fam} {i.method}:{i.variant} [{i.lang}] {i.carrier} date={i.date} "
                    f"{i.desc[:160]}"
                )
                print(f"      {excerpt(i.text, s, e, 70)}")
                for f in i.near:
                    print(f"      (fired instead: {f.rule} {f.message[:100]})")
        print("\n   collateral examples (up to 3 per rule):")
        seen: collections.Counter[str] = collections.Counter()
        for i in injs:
            for f in i.collateral:
                if seen[f.rule] < 3:
                    seen[f.rule] += 1
                    print(f"   {f.rule} on {i.family} injection ({i.desc[:80]}): {f.message[:100]}")
                    print(f"      {excerpt(i.text, f.start, f.end, 50)}")
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("path", help="corpora/news folder, its articles.jsonl, or the shared folder")
    ap.add_argument("--show", action="store_true", help="print every finding on the clean text")
    ap.add_argument(
        "--show-misses", type=int, default=0, metavar="N", help="print N misses per family"
    )
    ap.add_argument("--per-family", type=int, default=150, help="injections per family")
    ap.add_argument("--seed", type=int, default=20231125)
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    arts = load_articles(news_path(args.path)) + load_fixtures()
    clean = clean_run(arts, args.show)
    fp_core, fp_110 = print_clean(clean)
    banks = yaml.safe_load((BENCH / "inject_banks.yaml").read_text(encoding="utf-8"))
    injs = run_injections(arts, banks, args.seed, args.per_family)
    rec = print_injections(injs, args.show_misses)

    print("\n== Summary")
    print(
        f"   clean articles: {clean['n']}; false findings per 100 clean articles: {fp_core:.2f} "
        f"(all rules but FC110), FC110 {fp_110:.2f} (partly real translation differences)"
    )
    print("   " + "  ".join(f"{fam}:{h / n if n else 0:.2f}" for fam, (h, n) in rec.items()))
    below = [f for f, (h, n) in rec.items() if n and h / n < 0.9]
    total_h = sum(h for h, _ in rec.values())
    total_n = sum(n for _, n in rec.values())
    print(
        f"   overall recall {total_h}/{total_n} = {total_h / total_n:.2f}; families below 0.90: "
        f"{', '.join(below) or 'none'}; seed {args.seed}; {time.perf_counter() - t0:.0f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
