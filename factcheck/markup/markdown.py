"""Markdown: front matter, fenced, indented and inline code, HTML comments/tags and link targets
skipped."""

from __future__ import annotations

import re

import yaml

from . import Visible, blank

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)
_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})[^\n]*$", re.M)
_INLINE_CODE = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
# Raw HTML blocks whose content is not text either.
_RAW_BLOCK = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.S | re.I)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
# The target of a link or image: [text](target "title") -- URLs are full of digits.
_LINK_TARGET = re.compile(r"(?<=\])\([^()\s]*(?:\s+\"[^\"]*\")?\)")
_REF_DEF = re.compile(r"^[ ]{0,3}\[[^\]]+\]:[ \t]*\S.*$", re.M)
_AUTOLINK = re.compile(r"<(?:https?|mailto):[^<>\s]*>")
_LINE = re.compile(r"[^\n]*(?:\n|\Z)")
_INDENTED = re.compile(r"(?: {4}|\t)")
# A list item's first line: its indented continuation lines are list text, not code.
_LIST_ITEM = re.compile(r"[ ]{0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)")


def _spans_of_fences(text: str) -> list[tuple[int, int]]:
    """Fenced code blocks, from the opening fence to the closing one (or the end)."""
    spans = []
    pos = 0
    while (m := _FENCE.search(text, pos)) is not None:
        marker = m.group(1)
        closer = re.compile(rf"^[ ]{{0,3}}{re.escape(marker[0])}{{{len(marker)},}}[ \t]*$", re.M)
        c = closer.search(text, m.end())
        end = c.end() if c else len(text)
        spans.append((m.start(), end))
        pos = end
    return spans


def _spans_of_indented_code(text: str, fences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Indented code blocks (CommonMark): lines indented by four spaces or a tab that follow a
    blank line, outside fences and outside list items."""
    spans: list[tuple[int, int]] = []
    prev_blank, in_list, block_start, block_end = True, False, -1, -1
    fence_i = 0
    for m in _LINE.finditer(text):
        if m.start() == m.end():
            break
        while fence_i < len(fences) and fences[fence_i][1] <= m.start():
            fence_i += 1
        in_fence = fence_i < len(fences) and fences[fence_i][0] <= m.start()
        line = m.group().rstrip("\r\n")
        blank_line = not line.strip()
        if block_start >= 0 and not blank_line and not _INDENTED.match(line):
            spans.append((block_start, block_end))
            block_start = -1
        if in_fence:
            prev_blank = in_list = False
            continue
        if blank_line:
            prev_blank = True
            continue
        if block_start >= 0 or (prev_blank and not in_list and _INDENTED.match(line)):
            block_start = m.start() if block_start < 0 else block_start
            block_end = m.start() + len(line)
        elif _LIST_ITEM.match(line):
            in_list = True
        elif not _INDENTED.match(line) and prev_blank:
            in_list = False  # a paragraph at the margin ends the list
        prev_blank = False
    if block_start >= 0:
        spans.append((block_start, block_end))
    return spans


def markdown_visible(text: str) -> Visible:
    spans: list[tuple[int, int]] = []
    meta: dict[str, object] = {}
    title = None
    fm = _FRONT_MATTER.match(text)
    if fm:
        spans.append((0, fm.end()))
        try:
            data = yaml.safe_load(fm.group(1))
        except yaml.YAMLError:
            data = None  # a broken front matter is still not article text
        if isinstance(data, dict):
            meta = {str(k): v for k, v in data.items()}
            if isinstance(meta.get("title"), str):
                title = str(meta["title"])
    body_start = fm.end() if fm else 0
    fences = [(s + body_start, e + body_start) for s, e in _spans_of_fences(text[body_start:])]
    indented = [
        (s + body_start, e + body_start)
        for s, e in _spans_of_indented_code(
            text[body_start:], [(s - body_start, e - body_start) for s, e in fences]
        )
    ]
    spans += fences + indented
    code = sorted(fences + indented)
    out = list(text)
    for s, e in spans:
        out[s:e] = blank(text, s, e)
    partial = "".join(out)
    # Inline constructs only outside the block-level regions blanked above.
    for pattern in (_INLINE_CODE, _RAW_BLOCK, _COMMENT, _AUTOLINK, _TAG, _LINK_TARGET, _REF_DEF):
        for m in pattern.finditer(partial):
            out[m.start() : m.end()] = blank(text, m.start(), m.end())
            if pattern is _INLINE_CODE:
                code.append((m.start(), m.end()))
        partial = "".join(out)
    if title is None:
        h = re.search(r"^#[ \t]+(.+?)[ \t#]*$", partial, re.M)
        title = h.group(1) if h else None
    return Visible(partial, title=title, meta=meta, code=sorted(code))
