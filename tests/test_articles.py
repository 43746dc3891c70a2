"""Whole articles: the seed press release, invented look-alikes, and clean texts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from factcheck.document import Document
from factcheck.engine import check_document


def _check(path: Path, date: str):
    text = path.read_text(encoding="utf-8")
    return text, check_document(Document(text, path=str(path), date=dt.date.fromisoformat(date)))


def _summary(findings):
    return sorted(
        (f.rule, f.text, tuple(r.text for r in f.related), f.fix.replacement if f.fix else None)
        for f in findings
    )


def test_anyang_press_release_has_exactly_its_four_defects(fixtures: Path) -> None:
    text, findings = _check(fixtures / "anyang-press-release.txt", "2023-11-25")
    assert {f.text for f in findings} == {"25rd", "23th", "since 3", "1999 people"}
    assert _summary(findings) == sorted(
        [
            ("FC101", "25rd", (), "25th"),
            ("FC101", "23th", (), "23rd"),
            ("FC102", "23th", ("제25회",), None),
            ("FC103", "since 3", (), None),
            ("FC104", "1999 people", ("since 3",), None),
        ]
    )
    for f in findings:
        assert text[f.start : f.end] == f.text
        for r in f.related:
            assert text[r.start : r.end] == r.text
    swap = next(f for f in findings if f.rule == "FC104")
    assert swap.severity == "warning"
    fixes = {f.text: f.fix for f in findings if f.fix}
    assert fixes["25rd"].safe and fixes["23th"].safe
    assert not any(f.fix for f in findings if f.rule == "FC102")


@pytest.mark.parametrize(
    ("name", "date", "expected"),
    [
        (
            "busan-film-festival.txt",
            "2022-09-28",
            [
                ("FC101", "2th", (), "2nd"),
                ("FC102", "27th", ("제28회",), None),
                ("FC103", "first held in 6", (), None),
                ("FC104", "1996 films", ("first held in 6",), None),
            ],
        ),
        (
            "tourism-ministers.txt",
            "2023-11-25",
            [
                ("FC101", "21nd", (), "21st"),
                ("FC102", "12th", ("第13届",), None),
                ("FC103", "since 6", (), None),
                ("FC104", "2006 delegates", ("since 6",), None),
            ],
        ),
    ],
)
def test_invented_articles_with_the_same_defects(fixtures: Path, name, date, expected) -> None:
    _, findings = _check(fixtures / name, date)
    assert _summary(findings) == sorted(expected)


@pytest.mark.parametrize("name", ["anyang-press-release-clean.txt", "clean-summit.txt"])
def test_clean_articles_have_no_findings(fixtures: Path, name: str) -> None:
    _, findings = _check(fixtures / name, "2023-11-25")
    assert findings == []


def test_every_rule_family_fires_on_the_forum_article(fixtures: Path) -> None:
    _, findings = _check(fixtures / "gwangju-forum-defects.txt", "2023-11-25")
    by_rule = {}
    for f in findings:
        by_rule.setdefault(f.rule, []).append(f.text)
    assert by_rule == {
        "FC101": ["21th"],
        "FC102": ["12th"],
        "FC103": ["since 8"],
        "FC104": ["2008 people"],
        "FC105": ["Thursday"],
        "FC106": ["February 30, 2024"],
        "FC107": ["four countries"],
        "FC108": ["30 people"],
        "FC109": ["60%), good (35%) or fair (25%"],
        "FC110": ["500억원"],
        "FC111": ["the 27th"],
        "FC112": ["the 27th"],
        "FC113": ["30th"],
        "FC114": ["45"],
    }


def test_corrected_forum_article_is_clean(fixtures: Path) -> None:
    _, findings = _check(fixtures / "gwangju-forum-clean.txt", "2023-11-25")
    assert [(f.rule, f.text) for f in findings] == []
