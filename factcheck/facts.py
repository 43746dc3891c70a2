"""Facts: what the extractors find, with exact spans and normalised values."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Fact kinds. Values follow the TIMEX3 conventions of Recognizers-Text.
NUMBER = "number"
ORDINAL = "ordinal"
COUNT = "count"
QUANTITY = "quantity"
PERCENT = "percent"
DATE = "date"
DATERANGE = "daterange"
YEAR = "year"
WEEKDAY = "weekday"
TIME = "time"
DURATION = "duration"
EVENT = "event"
ENTITY = "entity"


@dataclass(slots=True)
class Fact:
    kind: str
    start: int
    end: int
    text: str
    value: str
    lang: str
    attrs: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "value": self.value,
            "lang": self.lang,
        }
        for k, v in self.attrs.items():
            if k.startswith("_"):
                continue
            out[k] = v
        return out

    def overlaps(self, other: Fact) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Fact) -> bool:
        return self.start <= other.start and other.end <= self.end
