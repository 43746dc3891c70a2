"""Speed invariants: work a normal check must never do (start-up and per-document costs)."""

from __future__ import annotations

import pytest

from factcheck import rulepack


def test_loading_packs_does_not_parse_them_twice(monkeypatch: pytest.MonkeyPatch) -> None:
    # Rule lines (a second, slow parse of each pack) are for error messages only: loading
    # valid packs must not ask for them.
    def refuse(path):
        raise AssertionError(f"rule_lines({path}) on a normal load")

    monkeypatch.setattr(rulepack, "rule_lines", refuse)
    rules = rulepack.load_rules()
    assert len(rules) > 10
