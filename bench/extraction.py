#!/usr/bin/env python3
"""Score factcheck's extractor on the gold extraction corpora (Recognizers-Text specs, Duckling).

    python bench/extraction.py ../shared/corpora/extraction [--lang en,ko] [--model NumberModel]
        [--kinds number,ordinal,...] [--pred-out preds.jsonl] [--misses 20]

For every gold case it builds a Document with the case's reference date, runs the extractor,
keeps the facts of the kinds the case's model reports (a NumberModel spec is scored on numbers,
a DateTime spec on dates, times and durations ...), and writes predictions in the shape
score.py reads. The numeric models (numbers, ordinals, percentages) also get the facts that
sit inside another fact (`within`: the "321" of "321元", the "1991" of "1991年1月"), as those
models report every numeral; the temporal models get only the outermost facts.
Then it runs score.py (from the corpus folder) on the scored kinds and prints
its table (span precision/recall, value accuracy, strict recall per language and kind).

Values: our facts carry Recognizers-Text TIMEX values ("XXXX-XX-22", "(2023-11-21,2023-11-25,P4D)",
"T15:40"), which is what the msrt gold holds. Duckling's gold holds instants and intervals resolved
against its reference time ("2013-02-22T00:00:00", "2013-02-21T00:00:00/2013-02-26T00:00:00",
end exclusive). For Duckling cases only, predict() rewrites our value into that shape without
adding knowledge: a date with X slots takes the fact's own ``resolved`` date; a month, week or
year value starts at its first day; a range becomes start/(end + 1 day) from its ``resolved``
pair; a clock time joined to a day ("tomorrow at 5pm") takes the fact's ``resolved`` day, and
a bare clock time is put on the reference day (Duckling itself would move a time that has
already passed to the next day; we do not, so those stay misses).
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from factcheck.document import Document
from factcheck.extract import extract

SCORED = ("number", "ordinal", "percent", "date", "daterange", "time", "duration")
TEMPORAL = {"date", "daterange", "time", "duration", "timerange", "datetime", "datetimerange"}

# Which of our fact kinds each gold model reports.
MODEL_KINDS = {
    "NumberModel": {"number"},
    "OrdinalModel": {"ordinal"},
    "PercentModel": {"percent"},
    "Numeral": {"number"},
    "Ordinal": {"ordinal"},
}


def model_of(case: dict) -> str:
    if case.get("model"):
        return case["model"]
    return case["file"].split("/")[1]  # Duckling/<Numeral|Ordinal|Time>/...


def fact_kind(kind: str) -> str:
    return "date" if kind == "year" else kind


def predict(case: dict) -> list[dict]:
    ref = case.get("reference_date")
    date = dt.date.fromisoformat(ref[:10]) if ref else None
    facts = extract(Document(case["text"], date=date))
    wanted = MODEL_KINDS.get(model_of(case), TEMPORAL)
    out = []
    for f in facts:
        kind = fact_kind(f.kind)
        if kind not in wanted or (f.attrs.get("within") and wanted is TEMPORAL):
            continue
        value = f.attrs.get("resolved_value") or f.value
        if case.get("source") == "duckling" and date is not None:
            value = duckling_value(f.kind, str(value), f.attrs, date)
        out.append({"start": f.start, "end": f.end, "kind": kind, "value": str(value)})
    return out


def duckling_value(kind: str, value: str, attrs: dict, ref: dt.date) -> str:
    """Our TIMEX value in Duckling's shape (see the module docstring)."""
    resolved = attrs.get("resolved")
    if kind == "daterange" and isinstance(resolved, list) and len(resolved) == 2:
        end = dt.date.fromisoformat(resolved[1]) + dt.timedelta(days=1)
        return f"{resolved[0]}T00:00:00/{end.isoformat()}T00:00:00"
    if kind in ("date", "year", "daterange"):
        if isinstance(resolved, str):
            return f"{resolved}T00:00:00"
        if m := re.fullmatch(r"(\d{4})-W(\d\d)", value):
            return dt.date.fromisocalendar(int(m[1]), int(m[2]), 1).isoformat() + "T00:00:00"
        if m := re.fullmatch(r"(\d{4})(?:-(\d\d))?(?:-(\d\d))?", value):
            return f"{m[1]}-{m[2] or '01'}-{m[3] or '01'}T00:00:00"
    # a day joined with a clock time ("tomorrow at 5pm": "2013-02-13T17"): the fact's own day
    if kind == "time" and isinstance(resolved, str):
        if m := re.fullmatch(r".+T(\d\d)(?::(\d\d))?(?::\d\d)?", value):
            return f"{resolved[:10]}T{m[1]}:{m[2] or '00'}:00"
    if kind == "time" and (m := re.fullmatch(r"T(\d\d)(?::(\d\d))?", value)):
        return f"{ref.isoformat()}T{m[1]}:{m[2] or '00'}:00"
    return value


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("corpus", type=Path, help="folder with the gold JSONL files and score.py")
    ap.add_argument("--lang", default="en,zh,ja,ko")
    ap.add_argument("--source", default="msrt,duckling")
    ap.add_argument("--model", default=None, help="only cases of this model (e.g. NumberModel)")
    ap.add_argument("--kinds", default=",".join(SCORED))
    ap.add_argument("--pred-out", type=Path, default=None)
    ap.add_argument("--misses", type=int, default=0, help="print this many missed gold items")
    a = ap.parse_args(argv)
    kinds = set(a.kinds.split(","))
    golds = [
        a.corpus / f"{src}_{lang}.jsonl"
        for src in a.source.split(",")
        for lang in a.lang.split(",")
    ]
    golds = [g for g in golds if g.exists()]
    if not golds:
        print(f"no gold files under {a.corpus}", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    preds = []
    filtered_gold = []
    misses = []
    chars = 0
    for g in golds:
        for line in g.open(encoding="utf-8"):
            case = json.loads(line)
            if a.model and model_of(case) != a.model:
                continue
            had_gold = bool(case["expected"])
            case["expected"] = [e for e in case["expected"] if e["kind"] in kinds]
            if had_gold and not case["expected"]:
                continue  # gold only of unscored kinds (quantity, set ...): says nothing here
            found = [p for p in predict(case) if p["kind"] in kinds]
            chars += len(case["text"])
            preds.append({"id": case["id"], "found": found})
            filtered_gold.append(case)
            if a.misses:
                got = {(p["start"], p["end"]) for p in found}
                for e in case["expected"]:
                    if (e["start"], e["end"]) not in got and len(misses) < a.misses * 50:
                        misses.append(
                            (
                                case["lang"],
                                e["kind"],
                                case["text"][:90],
                                e["text"],
                                e["value"],
                                [(case["text"][p["start"] : p["end"]], p["value"]) for p in found],
                            )
                        )
    elapsed = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        pred_path = Path(a.pred_out or Path(tmp) / "pred.jsonl")
        gold_path = Path(tmp) / "gold.jsonl"
        pred_path.write_text(
            "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in preds), encoding="utf-8"
        )
        gold_path.write_text(
            "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in filtered_gold),
            encoding="utf-8",
        )
        table = Path(tmp) / "table.json"
        r = subprocess.run(
            [
                sys.executable,
                str(a.corpus / "score.py"),
                str(gold_path),
                "--pred",
                str(pred_path),
                "--json",
                str(table),
            ],
            capture_output=True,
            text=True,
        )
        if r.returncode != 0:
            print(r.stderr, file=sys.stderr)
            return 2
        print(r.stdout)
    print(f"{len(filtered_gold)} cases, {chars / 1e3:.0f} k chars in {elapsed:.1f} s")
    if a.misses:
        by = collections.Counter()
        for lang, kind, text, gtext, gval, got in misses:
            if by[(lang, kind)] >= a.misses:
                continue
            by[(lang, kind)] += 1
            print(f"MISS {lang} {kind}: {gtext!r}={gval} in {text!r}; got {got}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
