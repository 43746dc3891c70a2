"""Reading inputs: text, Markdown and HTML files, folders, stdin and JSONL batches.

Each input becomes an Article: the raw text as the file has it, and a Document whose text is
the checkable text at the same offsets (markup blanked out, see factcheck.markup). Offsets in
findings are therefore raw-file offsets, and fixes are applied to the raw text.
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .config import Config, config_for
from .document import Document
from .globs import any_match
from .markup import blank, format_of, visible
from .suppress import Suppressions, parse_suppressions

if TYPE_CHECKING:
    from .charsets import Decoded


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
    raw: str  # the decoded text as it is on disk (without a byte-order mark)
    fmt: str  # txt, md, html
    config: Config
    file: Path | None = None  # the file to write fixes to (None: stdin or a JSONL record)
    bom: bool = False  # the file began with a byte-order mark (of ``encoding``)
    suppressions: Suppressions = field(default_factory=Suppressions)
    title: str | None = None
    origin: Path | None = None  # the file it came from (a JSONL record's batch file too)
    encoding: str = "utf-8"  # the file's encoding (a Python codec name): fixes are written in it
    exact: bool = True  # re-encoding ``raw`` gives the file's bytes back (else never rewritten)


# Day and month both <= 12 with the year last: 03/04/2023 is March 4 or 3 April by house style.
_AMBIGUOUS_DMY = re.compile(r"(?P<a>\d{1,2})[./-](?P<b>\d{1,2})[./-]\d{2,4}(?!\d)")
_DATEPARSER_SETTINGS = {
    "STRICT_PARSING": True,
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PARSERS": ["absolute-time", "custom-formats"],
}


def parse_date(value: str) -> dt.date:
    """A publication date: ISO (or an ISO datetime), else a full date as CMSs and feeds write it
    ("Nov. 25, 2023", "2023년 11월 25일", "2023年11月25日", "Sat, 25 Nov 2023 10:00 +0900").

    dateparser normalises the non-ISO forms, strictly: day, month and year must all be given,
    and nothing relative ("yesterday") is taken, since a publication date must not drift.
    """
    v = value.strip()
    try:
        return dt.date.fromisoformat(v[:10])
    except ValueError:
        pass
    m = _AMBIGUOUS_DMY.match(v)
    if m and int(m["a"]) <= 12 and int(m["b"]) <= 12 and m["a"].lstrip("0") != m["b"].lstrip("0"):
        raise ValueError(f"ambiguous date (day/month order), write YYYY-MM-DD: {value!r}")
    import dateparser  # only when a date is not ISO: the import costs start-up time

    parsed = dateparser.parse(v, languages=["en", "ko", "zh", "ja"], settings=_DATEPARSER_SETTINGS)
    if parsed is None:
        raise ValueError(f"not a date (YYYY-MM-DD): {value!r}")
    return parsed.date()


# Larger files are refused before they are read: a news article is tens of kilobytes, and
# a file this big is a mistake (a dump, a log) that would only hold a batch up. --max-size.
DEFAULT_MAX_MB = 32.0


def decode(data: bytes, label: str, encoding: str | None = None) -> Decoded:
    """The file's text: UTF-8 (BOM or not), UTF-16/32 with a BOM, a named encoding, or a
    legacy CJK encoding that charset-normalizer is sure of (see factcheck.charsets)."""
    from .charsets import decode_bytes

    return decode_bytes(data, label, encoding)


def _mb(n: float) -> str:
    return f"{n / 2**20:.1f} MB"


def read_bytes(path: str, max_mb: float | None = DEFAULT_MAX_MB) -> bytes:
    """A file's bytes (stdin for '-'); InputError for anything unreadable or too large."""
    limit = None if not max_mb else int(max_mb * 2**20)
    if path == "-":
        data = sys.stdin.buffer.read() if limit is None else sys.stdin.buffer.read(limit + 1)
        if limit is not None and len(data) > limit:
            raise InputError(f"<stdin>: larger than the {_mb(limit)} limit (--max-size)")
        return data
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError(f"{path}: is a directory, expected a file")
        with p.open("rb") as fh:
            # fstat, not the size before opening: the file may be a FIFO or change size.
            size = os.fstat(fh.fileno()).st_size
            if limit is not None and size > limit:
                raise InputError(
                    f"{path}: file too large ({_mb(size)}, limit {_mb(limit)}); "
                    "split it or raise --max-size"
                )
            data = fh.read() if limit is None else fh.read(limit + 1)
            if limit is not None and len(data) > limit:  # grew while read, or a pipe
                raise InputError(f"{path}: larger than the {_mb(limit)} limit (--max-size)")
            return data
    except FileNotFoundError:
        if p.is_symlink():
            raise InputError(f"{path}: broken symbolic link") from None
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, expected a file") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError(f"{path}: symbolic link loop") from None
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None


def label(path: str) -> str:
    return "<stdin>" if path == "-" else path


def _relative(path: Path, root: Path) -> Path:
    try:
        return path.resolve().relative_to(root)
    except (ValueError, RuntimeError, OSError):  # RuntimeError: a symlink loop (3.11)
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
        try:
            config = config_for(path)
        except (RuntimeError, OSError):  # Path.resolve() of a symlink loop (RuntimeError in 3.11)
            raise InputError(f"{path}: symbolic link loop") from None
        if not is_excluded(path, config, exclude):
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
    *,
    encoding: str | None = None,
    max_mb: float | None = DEFAULT_MAX_MB,
) -> Iterator[Article | InputError]:
    """Articles of one file: one for a text, Markdown or HTML file, one per JSONL record.

    A bad JSONL record yields an InputError naming the line; the other records go on.
    ``fields`` overrides the config's JSONL field names (text, id, date). ``encoding`` names
    the file's encoding (default: UTF-8, else detected); files over ``max_mb`` are refused.
    """
    name = label(path) if path != "-" or not stdin_name else stdin_name
    data = read_bytes(path, max_mb)  # first: an unreadable path fails here with its reason
    config = config or config_for((stdin_name or ".") if path == "-" else path)
    decoded = decode(data, name, encoding)
    text = decoded.text
    del data  # a large file should not be held twice
    if not text.strip():
        raise InputError(f"{name}: empty file, nothing to check")
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
    yield Article(
        doc, text, fmt, config, file, bool(decoded.bom), sup, seen.title, file,
        decoded.encoding, decoded.exact,
    )  # fmt: skip


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
        if use_record and raw_date is not None and not isinstance(raw_date, str):
            yield InputError(f"{where}: field '{date_field}' must be a string (YYYY-MM-DD)")
            continue
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
