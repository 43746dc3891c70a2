"""``factcheck rules --verify``: run every example of a set of rule packs.

A rule pack's examples are its contract: each must-fire example fires with the exact span
(and its related spans and fix, when given), each must-not-fire example stays quiet. The
built-in packs are held to this by tests/test_rule_examples.py; a newsroom's own packs
(``rule-packs`` in the config) are held to it here, with one line per broken example that
names the pack file and the example's line.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .rulepack import Example, Rule, RuleLines, rule_lines


def _nth(text: str, needle: str, n: int) -> int:
    pos = -1
    for _ in range(n + 1):
        pos = text.find(needle, pos + 1)
        if pos < 0:
            return -1
    return pos


def _fire_problem(rule: Rule, ex: Example) -> str | None:
    from .document import Document
    from .engine import check_document

    findings = check_document(Document(ex.text, date=ex.date), [rule])
    if not findings:
        return f"must-fire example did not fire: {ex.text!r}"
    if ex.span is None:
        return None
    start = _nth(ex.text, ex.span, ex.occurrence)
    if start < 0:
        return f"example span {ex.span!r} is not in its text {ex.text!r}"
    hit = next((f for f in findings if (f.start, f.end) == (start, start + len(ex.span))), None)
    if hit is None:
        got = ", ".join(repr(f.text) for f in findings)
        return f"fired on {got}, not on the example span {ex.span!r}"
    missing = [r for r in ex.related if r not in [x.text for x in hit.related]]
    if missing:
        return f"related span {missing[0]!r} missing on {ex.span!r}"
    if ex.fix is not None and (hit.fix is None or hit.fix.replacement != ex.fix):
        got_fix = hit.fix.replacement if hit.fix else None
        return f"fix of {ex.span!r} is {got_fix!r}, the example says {ex.fix!r}"
    return None


def _pass_problem(rule: Rule, ex: Example) -> str | None:
    from .document import Document
    from .engine import check_document

    findings = check_document(Document(ex.text, date=ex.date), [rule])
    if findings:
        got = ", ".join(repr(f.text) for f in findings)
        return f"must-not-fire example fired on {got}: {ex.text!r}"
    return None


def verify(rules: Iterable[Rule]) -> list[str]:
    """One line per broken example, ``pack.yaml:LINE: ID: what is wrong``; [] when all hold."""
    problems: list[str] = []
    lines_of: dict[str, dict[str, RuleLines]] = {}
    for rule in rules:
        if rule.source not in lines_of:
            lines_of[rule.source] = {r.id: r for r in rule_lines(Path(rule.source))}
        where = lines_of[rule.source].get(rule.id)
        for which, examples, check in (
            ("fire", rule.fire, _fire_problem),
            ("pass", rule.pass_, _pass_problem),
        ):
            for j, ex in enumerate(examples):
                try:
                    problem = check(rule, ex)
                except Exception as exc:  # a kind that crashes on its own example
                    problem = f"example crashed the rule: {type(exc).__name__}: {exc}"
                if problem is None:
                    continue
                ex_lines = (where.fire if which == "fire" else where.pass_) if where else ()
                line = f":{ex_lines[j]}" if j < len(ex_lines) else ""
                problems.append(f"{rule.source}{line}: {rule.id}: {problem}")
    return problems
