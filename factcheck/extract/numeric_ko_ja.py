"""Korean and Japanese ordinals, relative ordinals, native-numeral counts and kana numerals.

Korean ordinals (N번째, N째, N등) and relative ordinals, Japanese relative ordinals
(後ろから2番目), Korean counts with native numerals (세 나라, 두 명) and Japanese numerals
written in kana: forms that need a scan of their own rather than the numeral scanner, each
skipped by the caller when the text lacks the script it needs.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from .. import facts as K
from ..document import Document
from ..facts import Fact
from ..numbers import format_number, parse_cjk, parse_ko_native
from ..resources import lexicon
from .base import make_fact
from .numeric_patterns import _patterns
from .patterns import alternation, char_class


def _ko_ordinals(doc: Document) -> Iterator[Fact]:
    """N번째, N째 and N등 with Sino-Korean, native or mixed numerals (백스물다섯번째)."""
    pats = _patterns()
    text = doc.text
    rank = lexicon("counters")["ordinal_suffix"]
    not_after_rank = tuple(rank["ko_rank_not_before"])
    for t in pats["ko_ordinal"].finditer(text):
        s = t.start()
        if t.group() == "첫":
            yield make_fact(doc, K.ORDINAL, s, t.end(), "1", "ko", counter="첫")
            continue
        if t.group() == "등":
            if text.startswith(not_after_rank, t.end()):
                continue
            m = pats["ko_rank_num"].search(text, max(0, s - 20), s)
            if not m:
                continue
            value = parse_cjk(m["sino"])
            if value is None:
                continue
            yield make_fact(
                doc, K.ORDINAL, m.start(), t.end(), format_number(value), "ko", counter="등"
            )
            continue
        m = pats["ko_ordinal_num"].search(text, max(0, s - 30), s)
        if not m:
            continue
        value = _ko_ordinal_value(m)
        if value is None:
            continue
        yield make_fact(
            doc,
            K.ORDINAL,
            m.start(),
            t.end(),
            format_number(value),
            "ko",
            counter=t.group().replace(" ", ""),
        )


def _ko_ordinal_value(m: regex.Match) -> float | None:
    if m["first"]:
        return 1
    if m["digits"]:
        return parse_cjk(m["digits"])
    if m["sino2"]:
        return parse_cjk(m["sino2"])
    native = parse_ko_native(m["native"])
    if native is None:
        return None
    sino = parse_cjk(m["sino"]) if m["sino"] else 0
    return None if sino is None else sino + native


def _ko_relative(doc: Document) -> Iterator[Fact]:
    pats = _patterns()
    words = lexicon("numerals")["relative_ordinals"]["ko"]["words"]
    text = doc.text
    for m in pats["rel_ko"].finditer(text):
        if m["just"] or m["ntl"]:
            value = "end-1"
        elif m["cur"]:
            value = "current+0"
        elif m["word"]:
            value = words[m["word"]]
        else:
            n = _ko_ordinal_value(m)
            if n is None or n < 1:
                continue
            value = f"end-{format_number(n - 1)}"
        yield make_fact(
            doc,
            K.ORDINAL,
            m.start(),
            m.end(),
            value,
            "ko",
            relative=True if not value.isdigit() else None,
        )


def _ja_relative(doc: Document) -> Iterator[Fact]:
    pats = _patterns()
    ja = lexicon("numerals")["relative_ordinals"]["ja"]
    words, need_no = ja["words"], set(ja["need_no"])
    text = doc.text
    for m in pats["rel_ja"].finditer(text):
        if doc.lang_at(m.start()) != "ja":
            continue
        if m["n"]:
            n = parse_cjk(m["n"])
            if n is None:
                continue
            k = n - 1 if m["how"] == "番目" else n
            value = f"end-{format_number(k)}"
            end = m.end()
        else:
            word = m["word"]
            if word in need_no and not (m["one"] or m["no"] or m["quote"] is not None):
                continue  # 次いで, 前に, 現在: not an ordinal
            if word == "前" and m["quote"] is None:
                # 前の only after a pause or その: "3日前の", "少し前の" are times.
                prev = text[m.start() - 2 : m.start()] if m.start() >= 2 else text[: m.start()]
                if prev and not (prev.endswith("その") or not prev[-1:].isalnum()):
                    continue
            value = words[word]
            end = m.end("one") if m["one"] else m.end("word")
        yield make_fact(
            doc,
            K.ORDINAL,
            m.start(),
            end,
            value,
            "ja",
            relative=True if not value.isdigit() else None,
        )


@cache
def _ko_native_count_pattern() -> regex.Pattern:
    """세 나라, 두 명: native numerals in their attributive forms, which are numerals only
    before a counter (alone, 세 is "age", 네 "yes", 한 "did")."""
    native = lexicon("numerals")["ko_native"]
    lex = lexicon("counters")
    units = alternation(native["units"])
    tens = alternation(native["tens"])
    attributive = alternation(native["attributive"])
    # A few counters are often written glued to the numeral (두개, 세가지); others glued
    # make names and words (세명대, 한국).
    glued = alternation(lex["ko_glued"])
    particles = alternation(
        [*lexicon("numerals")["ko_sino"]["particles"], *lex["ko_after_counter"]]
    )
    return regex.compile(
        rf"(?<!\p{{Hangul}})(?P<native>(?:{tens})(?:[ ]?(?:{units}))?|{attributive})(?:\s|(?=(?:{glued})))"
        rf"(?P<ctr>{alternation(lex['ko'])})(?P<approx3>{alternation(lex['approx']['ko_after'])})?"
        # The counter ends its word, or a particle follows: not 한 국회의원, 두 국장.
        rf"(?=(?:{particles})|\P{{Hangul}}|\Z)"
    )


def _ko_native_counts(doc: Document) -> Iterator[Fact]:
    pats = _patterns()
    text = doc.text
    for m in _ko_native_count_pattern().finditer(text):
        value = parse_ko_native(m["native"])
        if value is None:
            continue
        a = pats["approx_ko"](text, m.start())
        yield make_fact(doc, K.NUMBER, m.start(), m.end("native"), format_number(value))
        yield make_fact(
            doc,
            K.COUNT,
            m.start(),
            m.end(),
            format_number(value),
            "ko",
            noun=m["ctr"],
            approx=(a["m"] if a else None) or m["approx3"],
            number=m["native"],
        )


@cache
def _kana_patterns() -> tuple[regex.Pattern, regex.Pattern]:
    """(numeral, word): a Japanese numeral spelled in kana, standing apart from other
    Japanese words (in running text a kana run touches kanji or more kana)."""
    words = alternation(lexicon("numerals")["han"]["kana"])
    jp = r"\p{Hiragana}\p{Katakana}\p{Han}ー"
    first = char_class(sorted({w[0] for w in lexicon("numerals")["han"]["kana"]}))
    return (
        regex.compile(rf"(?<![{jp}])(?=[{first}])(?:{words})++(?![{jp}])"),
        regex.compile(words),
    )


def _kana_numerals(doc: Document) -> Iterator[Fact]:
    han = lexicon("numerals")["han"]
    kana, not_alone = han["kana"], han["kana_not_alone"]
    numeral, word = _kana_patterns()
    for m in numeral.finditer(doc.text):
        if m.group() in not_alone:
            continue
        value = parse_cjk("".join(kana[w] for w in word.findall(m.group())))
        if value is not None:
            yield make_fact(doc, K.NUMBER, m.start(), m.end(), format_number(value))
