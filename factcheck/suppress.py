"""Inline suppression comments, as a writer puts them in a draft.

Markdown and HTML:  ``<!-- factcheck: ignore FC101 -->``   (the next line with text)
Plain text:         a line ``factcheck: ignore FC101``       (the next line with text)
Blocks:             ``factcheck: off`` ... ``factcheck: on`` (codes optional, as for ignore)

A comment after text on the same line suppresses that line. Without codes, every rule is
suppressed. Codes are rule ids or prefixes (``FC1``), separated by spaces or commas.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .findings import Finding

_COMMENT = re.compile(r"<!--\s*factcheck:\s*(ignore|off|on)\b(.*?)-->", re.S | re.I)
# Plain text has no comment syntax: the directive is a whole line (a leading # or // is
# allowed, so the same line works in text formats that do have comments).
_LINE = re.compile(
    r"^[ \t]*(?:#|//|%)?[ \t]*factcheck:[ \t]*(ignore|off|on)\b([^\r\n]*)$", re.M | re.I
)
_CODE = re.compile(r"[A-Za-z]+[0-9]*")


@dataclass
class Suppressions:
    """Which lines of one text are suppressed, and for which rules (None: all rules)."""

    lines: dict[int, list[str] | None] = field(default_factory=dict)
    blocks: list[tuple[int, int, list[str] | None]] = field(default_factory=list)
    directive_spans: list[tuple[int, int]] = field(default_factory=list)

    def covers(self, rule: str, line: int) -> bool:
        if line in self.lines and _applies(self.lines[line], rule):
            return True
        return any(s <= line <= e and _applies(codes, rule) for s, e, codes in self.blocks)

    def __bool__(self) -> bool:
        return bool(self.lines or self.blocks)


def _applies(codes: list[str] | None, rule: str) -> bool:
    return codes is None or any(rule.startswith(c) for c in codes)


def _codes(rest: str) -> list[str] | None:
    codes = [c.upper() for c in _CODE.findall(rest)]
    return codes or None


def parse_suppressions(text: str, fmt: str, code: Sequence[tuple[int, int]] = ()) -> Suppressions:
    """The directives of a text; ``code`` spans (Markdown code) hold none, only examples."""
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]

    def line_of(offset: int) -> int:
        return bisect.bisect_right(starts, offset) - 1  # 0-based

    lines = text.splitlines()
    pattern = _COMMENT if fmt in ("md", "html") else _LINE
    sup = Suppressions()
    open_block: tuple[int, list[str] | None] | None = None
    for m in pattern.finditer(text):
        if any(s <= m.start() < e for s, e in code):
            continue
        sup.directive_spans.append((m.start(), m.end()))
        verb, codes = m.group(1).lower(), _codes(m.group(2))
        line = line_of(m.start())
        if verb == "off":
            if open_block is None:
                open_block = (line + 1, codes)
        elif verb == "on":
            if open_block is not None:
                sup.blocks.append((open_block[0], line + 1, open_block[1]))
                open_block = None
        else:
            own = lines[line] if line < len(lines) else ""
            before = own[: m.start() - starts[line]]
            target = line
            if not before.strip():  # alone on its line: the next line that has text
                target = line + 1
                while target < len(lines) and not lines[target].strip():
                    target += 1
            prev = sup.lines.get(target + 1, [])
            sup.lines[target + 1] = None if codes is None or prev is None else prev + codes
    if open_block is not None:
        sup.blocks.append((open_block[0], len(lines) + 1, open_block[1]))
    return sup


def split_suppressed(
    findings: Iterable[Finding], sup: Suppressions, line_of
) -> tuple[list[Finding], list[Finding]]:
    """(kept, suppressed): a finding is suppressed by the line its span starts on."""
    kept: list[Finding] = []
    suppressed: list[Finding] = []
    for f in findings:
        (suppressed if sup and sup.covers(f.rule, line_of(f.start)) else kept).append(f)
    return kept, suppressed
