"""The rules engine: run every selected rule's kind over a document's facts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from .context import Context
from .document import Document
from .extract import extract
from .facts import Fact
from .findings import Finding, Span
from .kinds import KINDS, Hit
from .rulepack import Rule, RuleError, load_rules, matches


@cache
def default_rules() -> tuple[Rule, ...]:
    return tuple(load_rules(known_kinds=set(KINDS)))


def rules_for(extra: Sequence[Path] = ()) -> tuple[Rule, ...]:
    if not extra:
        return default_rules()
    return tuple(load_rules(list(extra), known_kinds=set(KINDS)))


def select_rules(
    rules: Sequence[Rule], select: Sequence[str] | None = None, ignore: Sequence[str] | None = None
) -> list[Rule]:
    chosen = [r for r in rules if not select or matches(r.id, list(select))]
    return [r for r in chosen if not ignore or not matches(r.id, list(ignore))]


class _Values(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _finding(rule: Rule, hit: Hit, doc: Document) -> Finding:
    text = doc.text
    return Finding(
        rule=rule.id,
        name=rule.name,
        severity=rule.severity,
        message=rule.message.format_map(_Values(hit.values)),
        start=hit.start,
        end=hit.end,
        text=text[hit.start : hit.end],
        related=[Span(s, e, text[s:e]) for s, e in hit.related],
        fix=hit.fix,
    )


def check_document(
    doc: Document, rules: Sequence[Rule] | None = None, facts: list[Fact] | None = None
) -> list[Finding]:
    rules = default_rules() if rules is None else rules
    ctx = Context(doc, extract(doc) if facts is None else facts)
    findings: list[Finding] = []
    seen: set[tuple[str, int, int]] = set()
    for rule in rules:
        fn = KINDS.get(rule.kind)
        if fn is None:
            raise RuleError(f"{rule.source}: {rule.id}: unknown rule kind '{rule.kind}'")
        for hit in fn(ctx, rule.params):
            key = (rule.id, hit.start, hit.end)
            if key not in seen:
                seen.add(key)
                findings.append(_finding(rule, hit, doc))
    return sorted(findings, key=lambda f: (f.start, f.end, f.rule))


def check_text(
    text: str,
    date: dt.date | str | None = None,
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
) -> list[Finding]:
    """Check a text; ``date`` is the publication date partial dates resolve against."""
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    doc = Document(text, date=date, date_source="given" if date else "unknown")
    return check_document(doc, select_rules(default_rules(), select, ignore))


def extract_text(text: str, date: dt.date | str | None = None) -> list[Fact]:
    """The facts of a text, sorted by position."""
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    return extract(Document(text, date=date))
