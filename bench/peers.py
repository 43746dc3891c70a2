#!/usr/bin/env python3
"""factcheck on the peer checkers' own test cases, for the families factcheck covers.

    .venv/bin/python bench/peers.py ../shared            # or ../shared/peers
    .venv/bin/python bench/peers.py ../shared --show     # every miss and false finding

Reads <shared>/peers/*.jsonl (see the README there). For each peer rule mapped below, every
case runs through check_document with the publication date in CLOCK (a frozen clock for the
cases that depend on today's date) or none. Recall: an `error: true` case is found when a
finding of the mapped factcheck rule overlaps the case's span (anywhere in the text when it
has none); target >= 0.95. False findings: findings of the mapped rule on an `error: false`
case; target 0. Findings of other rules on those cases are listed apart (e.g. FC101 on "Oct
2rd", which the weekday case does not ask about).

Mapping (peer rule -> factcheck rule), decided from the cases:
  LanguageTool ORDINAL_NUMBER_SUFFIX                    -> FC101 ordinal suffix
  LanguageTool DATE_WEEKDAY                             -> FC105 (dates with a year: no clock)
  LanguageTool DATE_WEEKDAY_WITHOUT_YEAR                -> FC105, clock 2014-10-01: the cases
      assume 2014 (Tuesday 7 October, Friday 31 October, Wednesday 1 October)
  LanguageTool INVALID_DATE sub-rules 1-2               -> FC106 (November 31, Feb 30)
  LanguageTool DATE_FUTURE_VERB_PAST                    -> FC112, clock 2019-06-17 (the
      snapshot's commit date; the cases need a date between 2010-10-07 and 2020-10-07)
  LanguageTool BOTH_ENUM                                -> FC107 ("both" before three items);
      kept in the total though FC107 does not cover it: "both grow, focus, and flourish" is
      grammar ("both" with three verbs), not a stated count of named things against their
      list, which is what FC107 checks (3 misses, the only ones left)
  textlint date-weekday-mismatch                        -> FC105; the cases with option
      currentYear 2025 get clock 2025-06-20 (the rule's v1.1.1 date), the others no date (as
      textlint, which then ignores dates without a year)
Left out, and why:
  LanguageTool de/fr/es cases: languages factcheck does not read (en, ko, zh, ja only).
  INVALID_DATE sub-rules 3-4 (DateRangeChecker: "January 10 – 1, 2016", a range that ends
      before it starts): no factcheck rule checks range order.
  DATE_NEW_YEAR (depends on today's date; no factcheck rule), YEAR_20001 (a 5-digit year
      typo: FC106 checks days, months and clock times, FC103 only years after since/founded),
      TOO_CARDINAL_NUMBER, FORTH_PLACE (word confusions, not suffixes), SINCE_FOR,
      EVERY_SINCE, HAVE_CD_YEARS, the time-redundancy rules (5 PM in the evening, 12 am), and
      the date-format style rules (MISSING_COMMA_*, APOSTROPHE_IN_DATES, MONTH_OF_XXXX ...).
  textlint JTF style rules, proselint dates_times, Vale DateFormat/DateNumbers/DateOrder:
      style rules about how a date or number is written, not whether it is consistent.
  No peer case has an impossible clock time (25:10), so FC106's time half has no peer check.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from factcheck.document import Document  # noqa: E402
from factcheck.engine import check_document  # noqa: E402
from factcheck.findings import Finding  # noqa: E402


@dataclass(frozen=True)
class Mapping:
    file: str
    peer_rule: str
    rule: str
    clock: Callable[[dict[str, Any]], dt.date | None]
    keep: Callable[[dict[str, Any]], bool] = lambda case: True


def no_clock(case: dict[str, Any]) -> dt.date | None:
    return None


def fixed(day: str) -> Callable[[dict[str, Any]], dt.date | None]:
    d = dt.date.fromisoformat(day)
    return lambda case: d


def textlint_clock(case: dict[str, Any]) -> dt.date | None:
    opts = case.get("options") or {}
    if opts.get("useCurrentYearIfMissing"):
        return dt.date(int(opts.get("currentYear", 2025)), 6, 20)
    return None


LT = "languagetool_examples.jsonl"
MAPPINGS = [
    Mapping(LT, "ORDINAL_NUMBER_SUFFIX", "FC101", no_clock, lambda c: c["lang"] == "en"),
    Mapping(LT, "DATE_WEEKDAY", "FC105", no_clock, lambda c: c["lang"] == "en"),
    Mapping(
        LT, "DATE_WEEKDAY_WITHOUT_YEAR", "FC105", fixed("2014-10-01"), lambda c: c["lang"] == "en"
    ),
    Mapping(
        LT,
        "INVALID_DATE",
        "FC106",
        no_clock,
        lambda c: c["lang"] == "en" and c.get("sub_rule") in (1, 2),
    ),
    Mapping(LT, "DATE_FUTURE_VERB_PAST", "FC112", fixed("2019-06-17"), lambda c: c["lang"] == "en"),
    Mapping(LT, "BOTH_ENUM", "FC107", no_clock, lambda c: c["lang"] == "en"),
    Mapping("textlint_examples.jsonl", "date-weekday-mismatch", "FC105", textlint_clock),
]


@dataclass
class Row:
    mapping: Mapping
    found: int = 0
    errors: int = 0
    false: int = 0
    correct: int = 0
    other: int = 0
    misses: list[str] = field(default_factory=list)
    falses: list[str] = field(default_factory=list)
    others: list[str] = field(default_factory=list)


def peers_dir(arg: str) -> Path:
    p = Path(arg)
    for cand in (p, p / "peers"):
        if (cand / LT).is_file():
            return cand
    sys.exit(f"no {LT} under {arg}")


def overlaps(f: Finding, span: list[int]) -> bool:
    pairs = [(f.start, f.end)] + [(r.start, r.end) for r in f.related]
    return any(s < span[1] and span[0] < e for s, e in pairs)


def describe(case: dict[str, Any], fs: list[Finding], date: dt.date | None) -> str:
    sp = case.get("span")
    marked = case["text"]
    if sp:
        marked = marked[: sp[0]] + "[[" + marked[sp[0] : sp[1]] + "]]" + marked[sp[1] :]
    got = "; ".join(f"{f.rule} '{f.text}': {f.message[:80]}" for f in fs) or "nothing"
    return f"{marked!r} (date {date}) -> {got}"


def run(folder: Path) -> list[Row]:
    cache: dict[str, list[dict[str, Any]]] = {}
    rows = []
    for m in MAPPINGS:
        if m.file not in cache:
            cache[m.file] = [
                json.loads(x) for x in (folder / m.file).read_text(encoding="utf-8").splitlines()
            ]
        row = Row(m)
        for case in cache[m.file]:
            if case["rule_id"] != m.peer_rule or not m.keep(case):
                continue
            date = m.clock(case)
            fs = check_document(Document(case["text"], date=date))
            mine = [f for f in fs if f.rule == m.rule]
            if case["error"]:
                row.errors += 1
                span = case.get("span")
                if any(overlaps(f, span) if span else True for f in mine):
                    row.found += 1
                else:
                    row.misses.append(describe(case, fs, date))
            else:
                row.correct += 1
                if mine:
                    row.false += 1
                    row.falses.append(describe(case, fs, date))
                elif fs:
                    row.other += 1
                    row.others.append(describe(case, fs, date))
        rows.append(row)
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("path", help="the shared folder or its peers/ folder")
    ap.add_argument("--show", action="store_true", help="list every miss and false finding")
    args = ap.parse_args(argv)
    rows = run(peers_dir(args.path))

    print("factcheck on peer test cases (recall target >= 0.95, false findings target 0)")
    print(
        f"{'peer rule':34} {'factcheck':9} {'found/errors':>12} {'recall':>6} "
        f"{'false/correct':>13} {'other rules':>11}"
    )
    tot: collections.Counter[str] = collections.Counter()
    for r in rows:
        src = "lt" if r.mapping.file == LT else "textlint"
        rec = r.found / r.errors if r.errors else float("nan")
        print(
            f"{src + ' ' + r.mapping.peer_rule:34} {r.mapping.rule:9} "
            f"{r.found:5d}/{r.errors:<6d} {rec:6.2f} "
            f"{r.false:6d}/{r.correct:<6d} {r.other:11d}"
        )
        tot.update(found=r.found, errors=r.errors, false=r.false, correct=r.correct, other=r.other)
    print(
        f"{'all mapped rules':34} {'':9} {tot['found']:5d}/{tot['errors']:<6d} "
        f"{tot['found'] / max(1, tot['errors']):6.2f} "
        f"{tot['false']:6d}/{tot['correct']:<6d} {tot['other']:11d}"
    )
    if args.show:
        for r in rows:
            name = f"{r.mapping.peer_rule} -> {r.mapping.rule}"
            for label, items in (
                ("miss", r.misses),
                ("false finding", r.falses),
                ("other rule", r.others),
            ):
                for it in items:
                    print(f"  {name} {label}: {it}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
