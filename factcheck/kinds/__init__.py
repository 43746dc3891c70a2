"""Rule kinds: the checks implemented once in Python, instantiated by rule packs."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ..context import Context
from ..findings import Fix

KindFn = Callable[[Context, dict[str, Any]], Iterable["Hit"]]
KINDS: dict[str, KindFn] = {}


@dataclass
class Hit:
    """One place a kind fires: primary span, related spans, values for the message."""

    start: int
    end: int
    related: list[tuple[int, int]] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)
    fix: Fix | None = None


def kind(name: str) -> Callable[[KindFn], KindFn]:
    def register(fn: KindFn) -> KindFn:
        KINDS[name] = fn
        return fn

    return register


def _load_all() -> None:
    # Importing the modules registers their kinds.
    from . import (  # noqa: F401
        arithmetic,
        calendar,
        crosslang,
        eventdates,
        lists,
        ordinals,
        totals,
        years,
    )


_load_all()
