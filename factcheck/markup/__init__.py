"""What a reader sees: the checkable text of Markdown and HTML files, at raw-file offsets.

Every function here returns text of exactly the raw text's length, with the skipped regions
(front matter, code, tags, scripts, comments) replaced by spaces and their newlines kept. So
an offset into the checked text is an offset into the file, and line numbers match the file:
findings and fixes land on the raw characters without any offset mapping.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath

FORMATS = ("txt", "md", "html")
_SUFFIXES = {
    ".md": "md",
    ".markdown": "md",
    ".mdx": "md",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}


@dataclass
class Visible:
    """The checkable text of a file and what its markup says about it."""

    text: str
    title: str | None = None
    meta: dict[str, object] = field(default_factory=dict)  # front matter / <meta> values
    # Code regions: a suppression comment shown inside code is an example, not a directive.
    code: list[tuple[int, int]] = field(default_factory=list)


def format_of(path: str) -> str:
    """txt, md or html, from the file name; anything else reads as plain text."""
    return _SUFFIXES.get(PurePath(path).suffix.lower(), "txt")


def blank(text: str, start: int, end: int) -> str:
    """``text[start:end]`` as spaces, newlines kept (so line numbers stay right)."""
    return "".join(c if c in "\r\n" else " " for c in text[start:end])


def visible(text: str, fmt: str) -> Visible:
    if fmt == "md":
        from .markdown import markdown_visible

        return markdown_visible(text)
    if fmt == "html":
        from .html import html_visible

        return html_visible(text)
    return Visible(text)
