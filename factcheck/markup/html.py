"""HTML: only the text a reader sees, found with the stdlib html.parser.

Tags, attributes, comments, <head>, <script>, <style> and <template> become spaces. Character
references (&amp; &#8211; &nbsp;) become the character they stand for, padded with spaces to
the reference's length, so offsets stay raw-file offsets.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from . import Visible, blank

_HIDDEN = {"script", "style", "template", "head", "noscript", "svg", "math"}
_VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
}  # fmt: skip
_CHARREF = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")
_DATE_META = ("article:published_time", "date", "dc.date", "pubdate", "publish-date")


class _Visibility(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.raw = text
        self.line_starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
        self.hidden: list[str] = []  # open hidden elements
        self.keep: list[tuple[int, int]] = []  # visible raw ranges
        self.title_parts: list[str] | None = None
        self.title: str | None = None
        self.meta: dict[str, object] = {}

    def raw_offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.title_parts = []
        if tag == "meta":
            a = dict(attrs)
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key in _DATE_META and a.get("content"):
                self.meta.setdefault("date", a["content"])
        if tag == "time" and "date" not in self.meta:
            dt_attr = dict(attrs).get("datetime")
            if dt_attr and dict(attrs).get("pubdate") is not None:
                self.meta["date"] = dt_attr
        if tag in _HIDDEN and tag not in _VOID:
            self.hidden.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self.title_parts is not None:
            self.title = " ".join("".join(self.title_parts).split()) or None
            self.title_parts = None
        if tag in self.hidden:
            # Close up to the matching element: tolerant of unclosed children.
            while self.hidden and self.hidden.pop() != tag:
                pass

    def _text(self, length: int, decoded: str) -> None:
        if self.title_parts is not None:
            self.title_parts.append(decoded)
        if not self.hidden:
            start = self.raw_offset()
            self.keep.append((start, start + length))

    def handle_data(self, data: str) -> None:
        self._text(len(data), data)

    def _ref(self) -> None:
        start = self.raw_offset()
        m = _CHARREF.match(self.raw, start)
        if m:
            self._text(m.end() - m.start(), html.unescape(m.group()))

    def handle_entityref(self, name: str) -> None:
        self._ref()

    def handle_charref(self, name: str) -> None:
        self._ref()


def _decode_refs(text: str) -> str:
    """Character references as their character, padded to keep the length."""

    def one(m: re.Match[str]) -> str:
        char = html.unescape(m.group())
        if char == m.group() or len(char) > len(m.group()):
            return m.group()
        char = char.replace("\xa0", " ")
        return char + " " * (len(m.group()) - len(char))

    return _CHARREF.sub(one, text)


_HIDDEN_BLOCK = re.compile(
    r"<(script|style|template|head)\b[^>]*>.*?(?:</\1\s*>|\Z)|<!--.*?(?:-->|\Z)|<[^<>]*>?",
    re.S | re.I,
)


def _rough_keep(text: str) -> list[tuple[int, int]]:
    """Visible ranges by regular expressions, for markup html.parser gives up on."""
    keep, pos = [], 0
    for m in _HIDDEN_BLOCK.finditer(text):
        keep.append((pos, m.start()))
        pos = m.end()
    keep.append((pos, len(text)))
    return keep


def html_visible(text: str) -> Visible:
    parser = _Visibility(text)
    try:
        parser.feed(text)
        parser.close()
        keep = sorted(parser.keep)
    except AssertionError:
        # html.parser asserts on some malformed declarations ("<![x"); a draft with broken
        # markup still gets checked, with tags found the rough way.
        keep = _rough_keep(text)
    out: list[str] = []
    pos = 0
    for s, e in keep:
        s = max(s, pos)
        if e <= s:
            continue
        out.append(blank(text, pos, s))
        out.append(_decode_refs(text[s:e]))
        pos = e
    out.append(blank(text, pos, len(text)))
    visible_text = "".join(out)
    if len(visible_text) != len(text):  # never expected; offsets would be wrong, so refuse
        raise ValueError("HTML text extraction changed the length of the text")
    return Visible(visible_text, title=parser.title, meta=parser.meta)
