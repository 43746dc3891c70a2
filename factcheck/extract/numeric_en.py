"""English ordinals and relative ordinals, and the English word tests used around numerals.

_en_ordinals() reads "3rd" and "twenty-first" into ordinal facts that carry the expected suffix
or spelling, _en_relative() reads relative ordinals such as "next to last", and _en_date_or_year(),
_en_months() and _en_plural() are the English checks the quantity reader uses to tell a date,
a year or a plural noun from a count.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from .. import facts as K
from ..document import Document
from ..facts import Fact
from ..numbers import parse_en_words
from ..resources import lexicon
from .base import make_fact
from .numeric_patterns import (
    _en_ordinal_cardinals,
    _en_ordinal_words,
    _patterns,
    correct_en_ordinal_word,
    expected_suffix,
)


def _en_date_or_year(text: str, s: int, num: str, value: float) -> bool:
    """Whether the number at s is a day after a month name ("the September 14 poisonings")
    or a year after a possessive ("the company's 1987 results"), not a count."""
    c = text[s - 2 : s - 1]
    if c.isalpha() or c == ".":
        words = text[max(0, s - 12) : s].split()
        if words and words[-1].rstrip(".") in _en_months() and text[s - 1] in " \t":
            return True
    return (
        len(num) == 4
        and 1800 <= value <= 2100
        and _patterns()["en_possessive_before"].search(text, max(0, s - 8), s) is not None
    )


@cache
def _en_months() -> frozenset[str]:
    return frozenset(lexicon("counters")["en_months"])


def _en_plural(word: str) -> bool:
    """An English plural in -s: not "unless", "class", "bonus", "basis" (but "taxis", "Iraqis")."""
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "sis"))


def _en_ordinals(doc: Document) -> Iterator[Fact]:
    pats = _patterns()
    text = doc.text
    for m in pats["en_ordinal"].finditer(text):
        n = int(m["num"])
        yield make_fact(
            doc,
            K.ORDINAL,
            m.start(),
            m.end(),
            str(n),
            "en",
            suffix=m["suf"],
            expected_suffix=expected_suffix(n),
            form="digits",
        )

    words, _ = _en_ordinal_words()
    en = lexicon("numerals")["en"]
    en_tens, scales = en["tens"], en["scales"]
    cardinal_of = _en_ordinal_cardinals()
    for m in pats["en_ordinal_word"].finditer(text):
        unit = m["unit"].lower()
        tens = m["tens"].lower() if m["tens"] else None
        value = words[unit] + (en_tens[tens] if tens else 0)
        start = m.start()
        correct = correct_en_ordinal_word(tens, unit)
        # A cardinal before it: one hundred twenty-fifth, two hundredth, three trillionth.
        pre = pats["en_ordinal_prefix"].search(text, max(0, start - 80), start)
        if pre:
            last = pre.group().lower().split()[-1] if pre.group().split() else ""
            last = last.strip("-")
            # "one second", "two thirds": the cardinal must end in a scale word (or 'and')
            # unless the ordinal itself is one (two hundredth).
            if cardinal_of.get(unit) in scales or last in scales or last == "and":
                # parse_en_words reads 'two hundred' as 2 x 100, as 'two hundredth' means.
                total = parse_en_words(f"{pre.group()} {cardinal_of.get(unit, '')}")
                if total is not None and tens:
                    total += en_tens[tens]
                if total is not None:
                    value = int(total)
                    correct = text[pre.start() : m.start("tens") if tens else m.start("unit")]
                    correct += correct_en_ordinal_word(tens, unit)
                    start = pre.start()
        if unit in ("second",) and not tens and start == m.start():
            # "second" is mostly the unit of time or "another"; keep only clear ordinals.
            before = text[max(0, m.start() - 4) : m.start()].lower()
            after = text[m.end() : m.end() + 1]
            if "the" not in before and not (after in ("!", ".") and before.endswith(" ")):
                continue
        yield make_fact(
            doc, K.ORDINAL, start, m.end(), str(value), "en", form="words", correct=correct
        )


def _en_relative(doc: Document) -> Iterator[Fact]:
    pats = _patterns()
    rel = lexicon("numerals")["relative_ordinals"]["en"]
    words = rel["words"]
    time_nouns = set(rel["time_nouns"])
    verb_after = set(rel["last_verb_after"])
    not_current = set(rel["current_not_before"])
    ordinals = lexicon("numerals")["en"]["ordinals"]
    units = lexicon("numerals")["en"]["units"]
    text = doc.text
    for m in pats["rel_en"].finditer(text):
        nxt = pats["rel_en_next_word"].match(text, m.end())
        next_word = nxt[1].lower() if nxt else ""
        if m["nth"]:
            k = 1 if m["nth"].lower() == "next" else ordinals[m["nth"].lower()] - 1
            value = f"end-{k}"
        elif m["but"]:
            value = f"end-{units[m['but'].lower()]}"
        elif m["word"]:
            word = m["word"].lower()
            value = words[word]
            if next_word in time_nouns and not m["one"]:
                continue  # last year, next Monday: a time
            if word == "last":
                before = text[max(0, m.start() - 12) : m.start()].lower().split()
                if before and before[-1] in verb_after:
                    continue  # will last, at last
            if word == "next" and next_word == "to" and not m["one"]:
                continue  # next to the hall: a place
            if word == "current" and not m["one"] and (not next_word or next_word in not_current):
                continue  # the current of the river
            if m["the"]:
                # One word: the article stays out of the span.
                yield make_fact(
                    doc, K.ORDINAL, m.start("word"), m.end(), value, "en", relative=True
                )
                continue
        else:
            value = "end-1"  # the one before the last
        yield make_fact(doc, K.ORDINAL, m.start(), m.end(), value, "en", relative=True)
