"""Reading inputs: text files, stdin and JSONL batches, each turned into Documents."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .document import Document


class InputError(Exception):
    """An input that cannot be read; str() is the one line shown to the user."""


@dataclass
class DateChoice:
    """The publication date to use, and where it came from."""

    date: dt.date | None
    source: str  # "given", "today", "record"


def parse_date(value: str) -> dt.date:
    """An ISO date, or the date part of an ISO datetime."""
    v = value.strip()
    try:
        return dt.date.fromisoformat(v[:10])
    except ValueError:
        raise ValueError(f"not a date (YYYY-MM-DD): {value!r}") from None


def decode(data: bytes, label: str) -> str:
    if b"\x00" in data[:8192]:
        raise InputError(f"{label}: binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{label}: not valid UTF-8 (byte {exc.start})") from None


def read_bytes(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError(f"{path}: is a directory, expected a file")
        return p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None


def label(path: str) -> str:
    return "<stdin>" if path == "-" else path


def read_documents(
    path: str,
    date: DateChoice,
    text_field: str = "text",
    id_field: str = "id",
    date_field: str = "date",
) -> Iterator[Document | InputError]:
    """Documents of one input: a text file gives one, a .jsonl file one per record.

    A bad JSONL record yields an InputError naming the line; the other records go on.
    """
    name = label(path)
    text = decode(read_bytes(path), name)
    if path.endswith(".jsonl"):
        yield from _jsonl_documents(text, name, date, text_field, id_field, date_field)
        return
    yield Document(text, path=name, date=date.date, date_source=date.source)


def _jsonl_documents(
    text: str, name: str, date: DateChoice, text_field: str, id_field: str, date_field: str
) -> Iterator[Document | InputError]:
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{name}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(f"{where}: invalid JSON: {exc.msg}")
            continue
        if not isinstance(record, dict):
            yield InputError(f"{where}: a record must be a JSON object")
            continue
        body = record.get(text_field)
        if not isinstance(body, str):
            yield InputError(f"{where}: field '{text_field}' missing or not a string")
            continue
        rec_date, source = date.date, date.source
        raw_date = record.get(date_field)
        if date.source != "given" and isinstance(raw_date, str) and raw_date.strip():
            try:
                rec_date, source = parse_date(raw_date), "record"
            except ValueError as exc:
                yield InputError(f"{where}: field '{date_field}': {exc}")
                continue
        rid = record.get(id_field, lineno)
        yield Document(
            body,
            path=where,
            date=rec_date,
            date_source=source,
            meta={"id": rid if isinstance(rid, str | int) else str(rid)},
        )
