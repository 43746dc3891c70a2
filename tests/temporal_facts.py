"""Shared helpers of the temporal extraction tests: the top-level temporal facts of a text."""

from __future__ import annotations

import datetime as dt

from factcheck.document import Document
from factcheck.extract import extract

REF = dt.date(2024, 3, 13)  # a Wednesday
TEMPORAL = {"date", "daterange", "time", "duration", "year"}


def facts(text: str, date: dt.date | None = REF) -> dict[str, tuple[str, str, dict]]:
    """Span text -> (kind, value, attrs) of each temporal fact not nested in another."""
    out = {}
    for f in extract(Document(text, date=date)):
        if f.kind in TEMPORAL and not f.attrs.get("within"):
            assert text[f.start : f.end] == f.text
            out[f.text] = (f.kind, f.value, f.attrs)
    return out


def one(text: str, span: str, date: dt.date | None = REF) -> tuple[str, str, dict]:
    found = facts(text, date)
    assert span in found, f"{span!r} not in {sorted(found)}"
    return found[span]
