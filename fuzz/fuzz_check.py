"""atheris fuzz target: any bytes, decoded as the CLI decodes them, then extract and check.

    pip install atheris
    python fuzz/fuzz_check.py -max_total_time=600 -max_len=4096 fuzz/corpus

A crash, a hang (libFuzzer's -timeout) or a span that does not point at its text fails.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from factcheck.document import Document
from factcheck.engine import check_document
from factcheck.extract import extract


def test_one_input(data: bytes) -> None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return  # the CLI rejects invalid UTF-8 with a one-line error before any check
    date = dt.date(2000 + data[0] % 50, 1 + data[-1] % 12, 1) if data else None
    doc = Document(text, date=date)
    for f in extract(doc):
        if text[f.start : f.end] != f.text:
            raise AssertionError(f"fact span {f.start}:{f.end} is not {f.text!r}")
    for f in check_document(doc):
        if text[f.start : f.end] != f.text:
            raise AssertionError(f"finding span {f.start}:{f.end} is not {f.text!r}")


def main() -> None:
    import atheris  # only the fuzzing run needs it

    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
