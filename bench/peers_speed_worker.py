#!/usr/bin/env python3
"""Time a peer extractor over a JSONL sample; print one JSON object with the seconds.

    bench/.venv-peers/bin/python bench/peers_speed_worker.py --peer recognizers sample.jsonl
    bench/.venv-peers/bin/python bench/peers_speed_worker.py --peer dateparser sample.jsonl

Runs in the peers' own environment (bench/.venv-peers, made by bench/speed.py), never in the
project's: the peers are not factcheck dependencies. Reads records ``{"lang", "date", "text"}``
and reports ``{"peer", "version", "setup_s", "seconds", "cpu_s", "articles", "bytes",
"results", ...}``.
Only parsing is timed; building models and loading language data is ``setup_s``.

--budget S stops after the article that crosses S seconds, so a slow peer cannot stall the
benchmark; ``articles`` says how many of the first records were done, and the caller times
factcheck on exactly those.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections.abc import Callable
from importlib import metadata
from typing import Any

# factcheck's language tags -> the peer's own language names
RT_CULTURES = {"en": "en-us", "zh": "zh-cn", "ja": "ja-jp", "ko": "ko-kr"}


def _records(path: str) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _ref(rec: dict[str, Any]) -> dt.datetime:
    # The publication date is the reference both peers resolve relative dates against,
    # as factcheck does; without one, a fixed day keeps runs comparable.
    return dt.datetime.fromisoformat(rec.get("date") or "2023-11-25")


def recognizers_runner() -> tuple[Callable[[dict[str, Any]], int], list[str], str]:
    """The models that cover factcheck's fact kinds, built once per culture."""
    from recognizers_date_time import DateTimeRecognizer
    from recognizers_number import NumberRecognizer
    from recognizers_number_with_unit import NumberWithUnitRecognizer

    notes: list[str] = []
    by_lang: dict[str, list[Any]] = {}
    for lang, culture in RT_CULTURES.items():
        num = NumberRecognizer(culture)
        unit = NumberWithUnitRecognizer(culture)
        when = DateTimeRecognizer(culture)
        # fallback_to_default_culture=True is the library's default: a culture without a
        # model gets the English one (Korean for all of these; Japanese units and dates).
        by_lang[lang] = [
            num.get_number_model(culture, True),
            num.get_ordinal_model(culture, True),
            num.get_percentage_model(culture, True),
            unit.get_currency_model(culture, True),
            unit.get_dimension_model(culture, True),
            when.get_datetime_model(culture, True),
        ]
    en_ids = {id(m) for m in by_lang["en"]}
    for lang in ("ko", "ja", "zh"):
        fell_back = sum(id(m) in en_ids for m in by_lang[lang])
        if fell_back:
            notes.append(f"{lang}: {fell_back} of 6 models fall back to English")

    def run(rec: dict[str, Any]) -> int:
        # A bilingual text needs each of its languages' models; a model shared through the
        # English fallback runs once, not twice.
        seen: set[int] = set()
        found = 0
        ref = _ref(rec)
        for lang in rec["lang"].split("+"):
            for model in by_lang[lang]:
                if id(model) in seen:
                    continue
                seen.add(id(model))
                if type(model).__name__ == "DateTimeModel":
                    found += len(model.parse(rec["text"], ref))
                else:
                    found += len(model.parse(rec["text"]))
        return found

    notes.append("models: number, ordinal, percentage, currency, dimension, datetime")
    return run, notes, metadata.version("recognizers-text-suite")


def dateparser_runner() -> tuple[Callable[[dict[str, Any]], int], list[str], str]:
    from dateparser.search import search_dates

    def run(rec: dict[str, Any]) -> int:
        # Languages given, as a caller that knows them would: detection would be slower.
        hits = search_dates(
            rec["text"],
            languages=rec["lang"].split("+"),
            settings={"RELATIVE_BASE": _ref(rec)},
        )
        return len(hits or [])

    # Load every language's data before timing (the first call per language pays for it).
    for lang in ("en", "ko", "zh", "ja", "en+ko", "en+zh", "en+ja"):
        run({"lang": lang, "text": "2023-11-22", "date": None})
    notes = ["search_dates(text, languages=<record's languages>, RELATIVE_BASE=<record date>)"]
    return run, notes, metadata.version("dateparser")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--peer", choices=["recognizers", "dateparser"], required=True)
    ap.add_argument("--budget", type=float, default=0.0, help="seconds; 0 = no limit")
    ap.add_argument("sample")
    args = ap.parse_args(argv)

    recs = _records(args.sample)
    t0 = time.perf_counter()
    make = recognizers_runner if args.peer == "recognizers" else dateparser_runner
    run, notes, version = make()
    setup = time.perf_counter() - t0

    seconds = cpu = 0.0
    done = size = found = 0
    per_lang: dict[str, dict[str, float]] = {}
    for rec in recs:
        t, c = time.perf_counter(), time.process_time()
        found += run(rec)
        el = time.perf_counter() - t
        # CPU time too: the machine may be shared, and CPU time is what contention skews least.
        cpu += time.process_time() - c
        seconds += el
        done += 1
        n = len(rec["text"].encode("utf-8"))
        size += n
        acc = per_lang.setdefault(rec["lang"], {"articles": 0, "bytes": 0, "seconds": 0.0})
        acc["articles"] += 1
        acc["bytes"] += n
        acc["seconds"] += el
        if args.budget and seconds >= args.budget:
            notes.append(f"stopped by the {args.budget:.0f} s budget after {done} articles")
            break
    json.dump(
        {
            "peer": args.peer,
            "version": version,
            "python": sys.version.split()[0],
            "setup_s": setup,
            "seconds": seconds,
            "cpu_s": cpu,
            "articles": done,
            "bytes": size,
            "results": found,
            "per_lang": per_lang,
            "notes": notes,
        },
        sys.stdout,
    )
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
