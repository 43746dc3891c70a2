"""The Python API beyond check_text: files (with their format, config and inline
suppressions, as the command line reads them) and fixes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from .findings import Finding
from .fixes import apply_fixes
from .inputs import DateChoice, InputError, read_articles
from .pipeline import RuleChoice, check_article


def _given(date: dt.date | str | None) -> DateChoice | None:
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    return DateChoice(date, "given") if date else None


def check_file(
    path: str | Path,
    date: dt.date | str | None = None,
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
) -> list[Finding]:
    """Check a .txt, .md or .html file as `factcheck check` does; offsets are into the file.

    The file's configuration (pyproject.toml [tool.factcheck], factcheck.toml) applies, and
    findings suppressed inline are left out. ``date`` overrides the configured date sources.
    A .jsonl batch gives the findings of all its records; their offsets are per record.
    Raises InputError for a file that cannot be read.
    """
    choice = RuleChoice(select=select, ignore=tuple(ignore))
    out: list[Finding] = []
    for item in read_articles(str(path), _given(date)):
        if isinstance(item, InputError):
            raise item
        out += check_article(item, choice).findings
    return out


def fix_text(text: str, date: dt.date | str | None = None, *, unsafe: bool = False) -> str:
    """The text with the fixes of its findings applied (only safe ones unless ``unsafe``)."""
    from .engine import check_text

    fixed, _ = apply_fixes(text, check_text(text, date), unsafe)
    return fixed
