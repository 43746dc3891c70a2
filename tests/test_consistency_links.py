"""Facts linked to what they describe: quantities to their translation, weekdays to their
dates, edition numbers to events named away from the ordinal. Invented sentences only."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.document import Document
from factcheck.engine import check_document, extract_text
from factcheck.facts import EVENT


def _texts(text: str, rule: str, date: dt.date | None = None) -> list[str]:
    return [f.text for f in check_document(Document(text, date=date)) if f.rule == rule]


# --------------------------------------------------------------------- FC110 alignment

CONCAT_EN = (
    "The storm cut power to 2,400 homes. Crews worked for 9 hours, and 35 people were "
    "treated in hospital. The city spent 3 billion won on repairs, and 210 volunteers helped."
)


@pytest.mark.parametrize(
    ("ko", "expected"),
    [
        # Paragraph after paragraph, several counts of people: the third pairs in order.
        (
            "폭풍으로 2,400가구가 정전됐다. 복구반은 9시간 동안 작업했고 35명이 병원 치료를 "
            "받았다. 시는 복구에 30억원을 썼고 자원봉사자 120명이 도왔다.",
            ["120명"],
        ),
        (
            "폭풍으로 2,400가구가 정전됐다. 복구반은 9시간 동안 작업했고 53명이 병원 치료를 "
            "받았다. 시는 복구에 30억원을 썼고 자원봉사자 210명이 도왔다.",
            ["53명"],
        ),
        (
            "폭풍으로 2,400가구가 정전됐다. 복구반은 9시간 동안 작업했고 35명이 병원 치료를 "
            "받았다. 시는 복구에 300억원을 썼고 자원봉사자 210명이 도왔다.",
            ["300억원"],
        ),
        (
            "폭풍으로 2,400가구가 정전됐다. 복구반은 9시간 동안 작업했고 35명이 병원 치료를 "
            "받았다. 시는 복구에 30억원을 썼고 자원봉사자 210명이 도왔다.",
            [],
        ),
    ],
)
def test_paragraph_layout_pairs_quantities_between_shared_values(
    ko: str, expected: list[str]
) -> None:
    assert _texts(f"{CONCAT_EN}\n\n{ko}", "FC110") == expected


def test_word_order_of_the_translation_is_no_finding() -> None:
    text = (
        "Gunmen killed 14 people and wounded 62 others in the market.\n"
        "시장에서 무장 괴한들의 공격으로 62명이 다치고 14명이 숨졌다."
    )
    assert _texts(text, "FC110") == []


def test_a_sentence_naming_the_same_event_pairs_across_the_text() -> None:
    text = (
        "About 900 people attended the film festival on Saturday.\n"
        "Police said 3 people were hurt in a crash nearby.\n"
        "근처 교통사고로 3명이 다쳤다.\n"
        "경찰은 주변 도로를 통제했고 4명을 조사했다.\n"
        "토요일 영화제에는 약 1,500명이 참석했다."
    )
    assert _texts(text, "FC110") == ["약 1,500명"] or _texts(text, "FC110") == ["1,500명"]


def test_a_count_links_to_its_translation_through_its_noun() -> None:
    text = (
        "Some 640 residents joined the evacuation exercise.\n"
        "Officials said 12 people were treated for smoke.\n"
        "연기를 마신 12명이 치료를 받았다.\n"
        "당국은 대피로 4곳을 열었고 버스 9대와 직원 30명을 배치했다.\n"
        "대피 훈련에는 주민 460명이 참여했다."
    )
    assert _texts(text, "FC110") == ["460명"]
    assert _texts(text.replace("460명", "640명"), "FC110") == []


def test_untyped_counts_are_not_compared() -> None:
    text = "The court heard 14 charges.\n법원은 8건의 혐의를 심리했다."
    assert _texts(text, "FC110") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kim Min-ji, 45, leads the team.\n팀을 이끄는 김민지 씨는 54세다.", ["54"]),
        ("Kim Min-ji, 45, leads the team.\n팀을 이끄는 김민지 씨는 45세다.", []),
        ("He is 30 years old.\n他今年33岁。", ["33"]),
    ],
)
def test_ages_compare_across_languages(text: str, expected: list[str]) -> None:
    assert _texts(text, "FC110") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She left the band 12 years ago.\n그녀는 21년 전 밴드를 떠났다.", ["21년 전"]),
        ("She left the band 12 years ago.\n그녀는 12년 전 밴드를 떠났다.", []),
        ("They met again 30 years later.\n他们在20年后再次相见。", ["20年后"]),
        ("They met again last year.\n他们在前年再次相见。", []),
    ],
)
def test_time_counted_from_another_moment(text: str, expected: list[str]) -> None:
    assert _texts(text, "FC110") == expected


def test_headline_against_the_first_body_count_when_it_is_never_restated() -> None:
    text = (
        "Jeonju forum draws 4,000 visitors\n"
        "Some 120 volunteers helped at the Jeonju forum.\n"
        "Organisers said about 2,500 visitors came."
    )
    assert _texts(text, "FC110") == ["120 volunteers"]
    restated = text.replace("2,500", "4,000")
    assert _texts(restated, "FC110") == []


def test_a_first_line_with_a_full_stop_is_not_a_headline() -> None:
    text = "Some 4,000 visitors came on Friday.\nAbout 120 volunteers helped on Saturday."
    assert _texts(text, "FC110") == []


# --------------------------------------------------------------------- FC105 loose weekdays


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        ("Applications close 2024-05-17 (Thursday).", None, ["Thursday"]),
        ("Applications close 2024-05-17 (Friday).", None, []),
        ("신청은 2024-05-17(목)까지다.", None, ["목"]),
        ("The panel sits Monday, 2024-05-15.", None, ["Monday"]),
        ("申込は5/17(木)まで。", dt.date(2024, 5, 1), ["木"]),
        ("申込は5/17(金)まで。", dt.date(2024, 5, 1), []),
        ("신청은 2024. 5. 17.(목)까지다.", None, ["목"]),
        ("The fair opens Th, 16 May 2025.", None, ["Th"]),
        ("The fair opens Fr, 16 May 2025.", None, []),
        ("Doors open Thursday, 5/6/2024.", None, []),  # 5 June or 6 May: not certain
    ],
)
def test_weekday_beside_a_numeric_date(
    text: str, date: dt.date | None, expected: list[str]
) -> None:
    assert _texts(text, "FC105", date) == expected


# --------------------------------------------------------------------- events


@pytest.mark.parametrize(
    ("text", "name", "ordinal"),
    [
        ("Now in its 12th edition, the Ulsan Whale Festival opened.", "Ulsan Whale Festival", 12),
        ("The 7th edition of the Suwon Book Fair closed.", "Suwon Book Fair", 7),
        ("The Daejeon Science Expo, now in its 21st year, opened.", "Daejeon Science Expo", 21),
        ("大邱马拉松今年已是第18届。", "大邱马拉松", 18),
        ("札幌雪祭りは今年で70回目を迎えた。", "札幌雪祭り", 70),
    ],
)
def test_edition_number_of_an_event_named_away_from_the_ordinal(
    text: str, name: str, ordinal: int
) -> None:
    events = [f for f in extract_text(text, "2023-11-25") if f.kind == EVENT]
    assert [(e.value, e.attrs["ordinal"]) for e in events] == [(name, ordinal)]


def test_an_ordinal_year_of_something_else_is_no_event() -> None:
    events = [f for f in extract_text("In its 2nd year, the war dragged on.") if f.kind == EVENT]
    assert events == []
