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


def test_compiled_patterns_come_back_from_the_cache_file(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import regex

    from factcheck import rxcache

    monkeypatch.setattr(rxcache, "_store", {})
    monkeypatch.setattr(rxcache, "_used", {})
    monkeypatch.setattr(rxcache, "_new", False)
    pattern = r"(?i:(?<![\p{Latin}])(?:forum|expo))\s?(?P<n>\d+)|(?P<k>\d+)회"
    compiled = rxcache.cached_compile(regex.compile)(pattern)
    path = tmp_path / "cache.marshal"
    rxcache._save(path)

    def refuse(*args, **kwargs):
        raise AssertionError("compiled again")

    monkeypatch.setattr(rxcache, "_store", rxcache._load(path))
    again = rxcache.cached_compile(refuse)(pattern)
    for text in ("the Expo 3", "제5회 포럼", "FORUM12", "Gforum 7", ""):
        expected = [(m.span(), m.groupdict()) for m in compiled.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in again.finditer(text)] == expected
    assert again.pattern == pattern and again.groupindex == compiled.groupindex


def test_a_damaged_cache_file_is_ignored(tmp_path) -> None:
    from factcheck import rxcache

    path = tmp_path / "cache.marshal"
    path.write_bytes(b"\x00not marshal")
    assert rxcache._load(path) == {}
    assert rxcache._load(tmp_path / "missing") == {}
