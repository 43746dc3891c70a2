"""Findings: what a rule reports, pointing at the text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Fix:
    replacement: str
    safe: bool

    def to_json(self) -> dict[str, Any]:
        return {"replacement": self.replacement, "safe": self.safe}


@dataclass(slots=True)
class Finding:
    rule: str
    name: str
    severity: str
    message: str
    start: int
    end: int
    text: str
    related: list[Span] = field(default_factory=list)
    fix: Fix | None = None

    def to_json(self, line: int, column: int) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
            "start": self.start,
            "end": self.end,
            "line": line,
            "column": column,
            "text": self.text,
            "related": [r.to_json() for r in self.related],
            "fix": self.fix.to_json() if self.fix else None,
        }
