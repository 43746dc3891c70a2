"""Every example of every rule in rules/ runs here: must-fire and must-not-fire."""

from __future__ import annotations

import pytest

from factcheck.document import Document
from factcheck.engine import check_document, default_rules
from factcheck.rulepack import Example, Rule


def _cases(which: str):
    for rule in default_rules():
        examples = rule.fire if which == "fire" else rule.pass_
        for i, ex in enumerate(examples):
            yield pytest.param(rule, ex, id=f"{rule.id}-{which}-{i}")


def _run(rule: Rule, ex: Example):
    return check_document(Document(ex.text, date=ex.date), [rule])


def _nth(text: str, needle: str, n: int) -> int:
    pos = -1
    for _ in range(n + 1):
        pos = text.find(needle, pos + 1)
        assert pos >= 0, f"example span {needle!r} not in example text"
    return pos


@pytest.mark.parametrize(("rule", "ex"), list(_cases("fire")))
def test_fires(rule: Rule, ex: Example) -> None:
    findings = _run(rule, ex)
    assert findings, f"{rule.id} did not fire on: {ex.text}"
    if ex.span is not None:
        start = _nth(ex.text, ex.span, ex.occurrence)
        spans = [(f.start, f.end) for f in findings]
        assert (start, start + len(ex.span)) in spans, (
            f"{rule.id} reported {spans}, not {ex.span!r}"
        )
        finding = next(f for f in findings if f.start == start)
        assert finding.text == ex.span
        for rel in ex.related:
            assert rel in [r.text for r in finding.related], f"related {rel!r} missing"
        if ex.fix is not None:
            assert finding.fix is not None and finding.fix.replacement == ex.fix
        assert "{" not in finding.message, f"unfilled message field: {finding.message}"


@pytest.mark.parametrize(("rule", "ex"), list(_cases("pass")))
def test_does_not_fire(rule: Rule, ex: Example) -> None:
    findings = _run(rule, ex)
    assert not findings, f"{rule.id} fired on a must-not-fire example: {[f.text for f in findings]}"


@pytest.mark.parametrize("rule", default_rules(), ids=lambda r: r.id)
def test_rule_is_documented_and_exemplified(rule: Rule) -> None:
    assert rule.id.startswith("FC") and rule.id[2:].isdigit()
    assert "\n" not in rule.message
    assert len(rule.explanation) > 40
    assert len(rule.fire) >= 5, f"{rule.id} needs at least 5 must-fire examples"
    assert len(rule.pass_) >= 5, f"{rule.id} needs at least 5 must-not-fire examples"
    assert all(ex.span for ex in rule.fire), f"{rule.id}: every must-fire example names its span"
