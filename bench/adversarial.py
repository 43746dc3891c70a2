#!/usr/bin/env python3
"""Pathological inputs: check time must grow linearly with size, and nothing may crash.

    python bench/adversarial.py [--max-kb 1024] [--budget 120]

For each input family it checks sizes 32 KB, 64 KB ... up to --max-kb and prints the time and
the growth factor against the previous size (about 2.0 when linear, 4.0 when quadratic). A
size whose time exceeds --budget seconds stops that family (reported as such).
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from factcheck.document import Document
from factcheck.engine import check_document


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda n: (unit * (n // len(unit) + 1))[:n]


FAMILIES: dict[str, Callable[[int], str]] = {
    "digit run": _repeat("1"),
    "digits with commas": _repeat("1,234,"),
    "ordinal-like tokens": _repeat("25rd 제25회 第25届 "),
    "nested brackets": lambda n: "(" * (n // 2) + "25rd" + ")" * (n // 2),
    "one long line of prose": _repeat("Mayor Kim attended the 23th meeting on the 25rd since 3; "),
    "Hangul numerals": _repeat("일이삼사오육칠팔구십백천만억"),
    "Han numerals": _repeat("一二三四五六七八九十百千万亿"),
    "date-like runs": _repeat("21~25일 11月21日至25日 Nov. 21-25, "),
    "HTML-like nesting": lambda n: "<div>" * (n // 11) + "the 23th" + "</div>" * (n // 11),
    # What a markup-heavy page becomes once tags are blanked out (offsets kept): whitespace.
    "long whitespace run": lambda n: "the 23th" + " " * (n - 16) + "the 25rd",
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--max-kb", type=int, default=1024)
    ap.add_argument("--budget", type=float, default=120.0)
    a = ap.parse_args(argv)
    sizes = []
    kb = 32
    while kb <= a.max_kb:
        sizes.append(kb * 1024)
        kb *= 2
    worst = 0.0
    print(f"{'input':28} " + " ".join(f"{s // 1024:>7}K" for s in sizes) + "   growth")
    for name, make in FAMILIES.items():
        times: list[float] = []
        note = ""
        for n in sizes:
            text = make(n)
            t0 = time.perf_counter()
            try:
                check_document(Document(text))
            except Exception as exc:  # a crash is a finding of this benchmark
                note = f"CRASH {type(exc).__name__}: {exc}"
                break
            dt = time.perf_counter() - t0
            times.append(dt)
            if dt > a.budget:
                note = f"stopped: {dt:.0f}s > budget"
                break
        growth = [b / a_ for a_, b in itertools.pairwise(times) if a_ > 0.01]
        g = max(growth) if growth else 0.0
        worst = max(worst, g)
        cells = " ".join(f"{t:7.2f}s" for t in times)
        print(f"{name:28} {cells}   x{g:.1f} {note}")
    print(f"worst growth per doubling: x{worst:.1f} (linear = 2.0)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
