"""Reading inputs: text, Markdown and HTML files, folders, stdin and JSONL batches.

Each input becomes an Article: the raw text as the file has it, and a Document whose text is
the checkable text at the same offsets (markup blanked out, see factcheck.markup). Offsets in
findings are therefore raw-file offsets, and fixes are applied to the raw text.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .config import Config, config_for
from .document import Document
from .globs import any_match
from .markup import blank, format_of, visible
from .suppress import Suppressions, parse_suppressions


class InputError(Exception):
    """An input that cannot be read; str() is the one line shown to the user."""


@dataclass
class DateChoice:
    """The publication date to use, and where it came from."""

    date: dt.date | None
    source: str  # "given", "front-matter", "record", "mtime", "today"


@dataclass
class Article:
    """One checkable text: a file, stdin, or one record of a JSONL batch."""

    doc: Document  # doc.text is the checkable text, the same length as ``raw``
    raw: str  # the decoded text as it is on disk (without a UTF-8 BOM)
    fmt: str  # txt, md, html
    config: Config
    file: Path | None = None  # the file to write fixes to (None: stdin or a JSONL record)
    bom: bool = False
    suppressions: Suppressions = field(default_factory=Suppressions)
    title: str | None = None
    origin: Path | None = None  # the file it came from (a JSONL record's batch file too)


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


def _relative(path: Path, root: Path) -> Path:
    try:
        return path.resolve().relative_to(root)
    except ValueError:
        return path


def is_excluded(path: str, config: Config, extra: tuple[str, ...] = ()) -> bool:
    """Whether a config ``exclude`` (or a --exclude) pattern covers the path."""
    if path == "-":
        return False
    rel = _relative(Path(path), config.root)
    return any_match(list(config.exclude), rel) or any_match(list(extra), Path(path))


def expand(
    path: str, include: tuple[str, ...] = (), exclude: tuple[str, ...] = ()
) -> Iterator[str]:
    """The files to check for one command-line PATH: itself, or a folder's files, sorted.

    A folder walk skips hidden entries and takes the files that match ``include`` (the
    config's, unless given); ``exclude`` and the config's exclude apply everywhere.
    """
    p = Path(path)
    if path == "-" or not p.is_dir():
        if not is_excluded(path, config_for(path), exclude):
            yield path
        return
    found = False
    for dirpath, dirnames, filenames in os.walk(p):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        here = Path(dirpath)
        config = config_for(here)
        dirnames[:] = [d for d in dirnames if not is_excluded(str(here / d), config, exclude)]
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            f = here / name
            wanted = include or config.include
            if any_match(list(wanted), Path(name)) and not is_excluded(str(f), config, exclude):
                found = True
                yield str(f)
    if not found:
        raise InputError(f"{path}: directory has no files to check")


def choose_date(
    given: DateChoice | None, config: Config, meta: dict[str, object], file: Path | None
) -> DateChoice | InputError:
    """The publication date of a file: --date, else the config's date sources in order."""
    if given is not None:
        return given
    for source in config.date_from:
        if source == "front-matter" and config.front_matter_key in meta:
            value = meta[config.front_matter_key]
            if isinstance(value, dt.datetime):
                return DateChoice(value.date(), source)
            if isinstance(value, dt.date):
                return DateChoice(value, source)
            try:
                return DateChoice(parse_date(str(value)), source)
            except ValueError as exc:
                return InputError(f"front matter '{config.front_matter_key}': {exc}")
        if source == "mtime" and file is not None:
            stamp = file.stat().st_mtime
            return DateChoice(dt.date.fromtimestamp(stamp), source)
        if source == "today":
            return DateChoice(dt.date.today(), source)
    return DateChoice(None, "unknown")


def read_articles(
    path: str,
    given: DateChoice | None = None,
    stdin_name: str | None = None,
    config: Config | None = None,
    fields: dict[str, str] | None = None,
) -> Iterator[Article | InputError]:
    """Articles of one file: one for a text, Markdown or HTML file, one per JSONL record.

    A bad JSONL record yields an InputError naming the line; the other records go on.
    ``fields`` overrides the config's JSONL field names (text, id, date).
    """
    name = label(path) if path != "-" or not stdin_name else stdin_name
    config = config or config_for((stdin_name or ".") if path == "-" else path)
    data = read_bytes(path)
    text = decode(data, name)
    bom = data.startswith(b"\xef\xbb\xbf")
    file = None if path == "-" else Path(path)
    if name.endswith(".jsonl"):
        for item in _jsonl_articles(text, name, given, config, fields or {}):
            if isinstance(item, Article):
                item.origin = file
            yield item
        return
    fmt = format_of(name)
    seen = visible(text, fmt)
    sup = parse_suppressions(text, fmt, seen.code)
    checked = seen.text
    if fmt == "txt" and sup.directive_spans:
        # A directive line is an instruction, not article text ("FC101" is not a number).
        out = list(checked)
        for s, e in sup.directive_spans:
            out[s:e] = blank(text, s, e)
        checked = "".join(out)
    date = choose_date(given, config, seen.meta, file)
    if isinstance(date, InputError):
        raise InputError(f"{name}: {date}")
    doc = Document(checked, path=name, date=date.date, date_source=date.source)
    yield Article(doc, text, fmt, config, file, bom, sup, seen.title, file)


def _jsonl_articles(
    text: str, name: str, given: DateChoice | None, config: Config, fields: dict[str, str]
) -> Iterator[Article | InputError]:
    text_field = fields.get("text") or config.text_field
    id_field = fields.get("id") or config.id_field
    date_field = fields.get("date") or config.date_field
    fallback = choose_date(given, config, {}, None)
    assert not isinstance(fallback, InputError)  # no front matter to be bad here
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
        rec_date, source = fallback.date, fallback.source
        raw_date = record.get(date_field)
        use_record = given is None and "record" in config.date_from
        if use_record and isinstance(raw_date, str) and raw_date.strip():
            try:
                rec_date, source = parse_date(raw_date), "record"
            except ValueError as exc:
                yield InputError(f"{where}: field '{date_field}': {exc}")
                continue
        rid = record.get(id_field, lineno)
        doc = Document(
            body,
            path=where,
            date=rec_date,
            date_source=source,
            meta={"id": rid if isinstance(rid, str | int) else str(rid), "line": str(lineno)},
        )
        title = record.get("title")
        yield Article(
            doc, body, "txt", config, None, False, parse_suppressions(body, "txt"),
            title if isinstance(title, str) else None,
        )  # fmt: skip
