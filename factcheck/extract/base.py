"""What every extractor shares: the Extractor signature and span helpers."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..document import Document
from ..facts import Fact

Extractor = Callable[[Document], Iterable[Fact]]


def make_fact(
    doc: Document, kind: str, start: int, end: int, value: str, lang: str | None = None, **attrs
) -> Fact:
    """A fact over doc.text[start:end], trimmed of surrounding white space."""
    text = doc.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Fact(
        kind,
        start,
        end,
        text[start:end],
        value,
        lang or doc.lang_at(start),
        {k: v for k, v in attrs.items() if v is not None},
    )
