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


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"(?<![a-z])(?:mon|t(?:ue|hu))\d|[a-c-]x|\d|(?:a\ b)?z", r"\-\daa-cmtz"),
        (r"a*b|c+d", "abc"),
        (r"(?:x|)y", "xy"),
        (r"a?", None),  # may match empty: every position
        (r"[^\S\r\n]x", None),  # a negated class
        (r"(?i:ab)", None),  # case-insensitive inside
        (r".a", None),
    ],
)
def test_first_chars(pattern: str, expected: str | None) -> None:
    from factcheck.extract.base import first_chars

    assert first_chars(pattern) == expected


def test_every_start_finds_every_place_a_trigger_matches() -> None:
    import re

    from factcheck.extract.base import _every_start

    text = (
        "on mon 3 tue, 12:30 at about 5; thursday the 4th. 2021-05-06 x ab z a b z "
        "3월 5일 오후 三点半 -x monday"
    )
    for starts in (
        r"(?<![a-z])(?:mon|t(?:ue|hu))|\d\d?:\d\d|(?:a\ b)?z",
        r"(?<![\d:])\d[\d,.]*|about\s+\d|[a-c-]x",
        r"\d+월|[三五]点",
    ):
        plain = [m.start() for m in re.finditer(f"(?=(?:{starts}))", text)]
        fast = [m.start() for m in _every_start(starts, r"\s\S").finditer(text)]
        assert fast == plain
        assert plain  # the texts exercise each trigger
