"""What a rule kind sees: the document, its facts by kind, and the publication date."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from .document import Document
from .facts import Fact


@dataclass
class Context:
    doc: Document
    facts: list[Fact]
    today: dt.date = field(default_factory=dt.date.today)

    @cached_property
    def by_kind(self) -> dict[str, list[Fact]]:
        out: dict[str, list[Fact]] = defaultdict(list)
        for f in self.facts:
            out[f.kind].append(f)
        return out

    @property
    def date(self) -> dt.date:
        """The publication date, or today when none is known."""
        return self.doc.date or self.today
