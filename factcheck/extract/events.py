"""Events: an ordinal with the event name it counts ("the 25th ... Conference", "제25회 ... 회의").

Each event gets a language-independent signature (head class + concepts from
rules/lexicon/events.yaml) so that the same event written in different languages matches.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache, lru_cache

import regex

from .. import facts as K
from ..document import Document
from ..facts import Fact
from ..resources import lexicon
from .base import make_fact
from .patterns import alternation

# Words that end a noun phrase: an event name never runs through them.
_EN_STOP = (
    "that|which|who|whom|where|when|while|he|she|they|it|we|i|you|was|were|is|are|be|been|has|"
    "have|had|will|would|said|says|announced|attended|held|to|at|in|by|with|from|as|than|the|a|an"
)


@cache
def _tables() -> tuple[
    dict[str, str], dict[str, list[str]], regex.Pattern, dict[str, regex.Pattern]
]:
    lex = lexicon("events")
    head_class: dict[str, str] = {}
    heads_by_lang: dict[str, list[str]] = {"en": [], "ko": [], "zh": [], "ja": []}
    for cls, per_lang in lex["heads"].items():
        for lang, words in per_lang.items():
            for w in words or []:
                head_class[w.lower()] = cls
                heads_by_lang[lang].append(w)
    concept_of: dict[str, list[str]] = {}
    for concept, words in lex["terms"].items():
        for w in words:
            concept_of.setdefault(w.lower(), []).append(concept)
    for abbrev, concepts in lex["groups"].items():
        concept_of[abbrev.lower()] = list(concepts)
    term_re = regex.compile(
        rf"(?i:(?<![\p{{Latin}}])(?:{alternation(concept_of)})(?![\p{{Latin}}]))"
    )
    heads = {
        "en": regex.compile(
            rf"(?P<body>(?:(?!(?i:{_EN_STOP})\b)[\p{{L}}'’&.\-]+\s+){{0,9}}?)(?P<head>(?i:{alternation(heads_by_lang['en'])}))(?![\p{{L}}])"
        ),
        "cjk": regex.compile(
            rf"\s?['‘’\"“”「『《〈<]?(?P<body>[\p{{Hangul}}\p{{Han}}\p{{Katakana}}\p{{Hiragana}}ー\d·・\s\-]{{0,30}}?)"
            rf"(?P<head>{alternation(heads_by_lang['ko'] + heads_by_lang['zh'] + heads_by_lang['ja'])})"
        ),
    }
    return head_class, concept_of, term_re, heads


@cache
def _heads_longest_first() -> tuple[tuple[str, str], ...]:
    head_class = _tables()[0]
    return tuple(sorted(head_class.items(), key=lambda kv: -len(kv[0])))


@lru_cache(maxsize=8192)  # bounded: batches see endless names
def event_signature(name: str) -> tuple[str | None, frozenset[str], frozenset[str]]:
    """(head class, concepts, leftover words) of an event name in any language."""
    _, concept_of, term_re, _ = _tables()
    low = name.lower()
    concepts: set[str] = set()
    spans = []
    for m in term_re.finditer(low):
        concepts.update(concept_of[m.group().lower()])
        spans.append(m.span())
    if _HAN.search(name):
        # Han words read in Korean (観光 -> 관광, 安养 -> 안양) meet the Korean lexicon, so a
        # Chinese or Japanese name needs no entry of its own for every term.
        for m in term_re.finditer(hanja_reading(name)):
            concepts.update(concept_of[m.group().lower()])
    rest = low
    for s, e in reversed(spans):
        rest = rest[:s] + " " + rest[e:]
    head = None
    for h, cls in _heads_longest_first():
        if low.rstrip().endswith(h):
            head = cls
            rest = rest.rstrip()[: -len(h)] if rest.rstrip().endswith(h) else rest
            break
    words = frozenset(
        w
        for w in regex.split(r"[\s\-·・'’\"“”‘]+", rest)
        if len(w) > 1 and w not in ("the", "of", "and", "for", "in", "on", "annual", "a")
    )
    return head, frozenset(concepts), words


_HAN = regex.compile(r"\p{Han}")


@cache
def hanja_reading(text: str) -> str:
    """The Sino-Korean reading of the Han characters in a text (hanja package, loaded lazily)."""
    import hanja  # costs ~0.3 s: only texts with Han event names pay for it

    return str(hanja.translate(text, "substitution"))


_STOP_BEFORE_HEAD = regex.compile(r"[.!?。！？]\s|\n")


def extract_events(doc: Document, facts: Iterable[Fact]) -> Iterator[Fact]:
    """Attach each ordinal to the event name that follows it, when there is one."""
    _, _, _, heads = _tables()
    lex = lexicon("events")
    text = doc.text
    other = {lang: tuple(w.lower() for w in words) for lang, words in lex["other_edition"].items()}
    for f in facts:
        if f.kind != K.ORDINAL or f.attrs.get("within") in (K.DATE, K.DATERANGE):
            continue
        if f.attrs.get("relative") or not f.value.isdigit():
            continue  # "the last", "next", "end-1": no edition number to compare
        pattern = heads["en"] if f.lang == "en" else heads["cjk"]
        window_end = min(len(text), f.end + (120 if f.lang == "en" else 40))
        stop = _STOP_BEFORE_HEAD.search(text, f.end, window_end)
        if stop:
            window_end = stop.start()
        m = (
            pattern.match(text, f.end, window_end)
            if f.lang != "en"
            else pattern.match(text, _skip_space(text, f.end), window_end)
        )
        if not m:
            m = _edition_of_named(doc, f, pattern, window_end)
        if not m:
            continue
        name = text[m.start("body") : m.end("head")].strip()
        head, concepts, words = event_signature(name)
        if head is None:
            continue
        before = text[max(0, f.start - 20) : f.start].lower()
        edition = (
            "other"
            if any(
                before.rstrip().endswith(w) or before.rstrip().endswith(w + " the")
                for w in other.get(f.lang, ())
            )
            else None
        )
        yield make_fact(
            doc,
            K.EVENT,
            min(f.start, m.start("body")),
            max(f.end, m.end("head")),
            name,
            f.lang,
            ordinal=int(float(f.value)),
            ordinal_span=[f.start, f.end],
            ordinal_text=f.text,
            head=head,
            concepts=sorted(concepts),
            words=sorted(words),
            edition=edition,
            headline=f.start < doc.headline_end,
        )


@cache
def _edition_tables() -> tuple[regex.Pattern, regex.Pattern, frozenset[str]]:
    words = lexicon("events").get("edition_words", {})
    en = sorted((w.lower() for w in words.get("en", ())), key=len, reverse=True)
    # "34th edition, the X" / "34th edition of the X": the name after the edition word.
    after = regex.compile(
        rf"\s+(?i:{'|'.join(regex.escape(w) for w in en)})\b(?:\s*,\s*|\s+of\s+)(?i:the\s+)?"
    )
    # "The X, now in its 34th year": an edition word and no name after it.
    named = regex.compile(rf"\s+(?i:{'|'.join(regex.escape(w) for w in en)})\b")
    return after, named, frozenset(words.get("counters", ()))


_SENTENCE_START = regex.compile(r"[.!?。！？]\s|\n")


def _edition_of_named(
    doc: Document, f: Fact, pattern: regex.Pattern, window_end: int
) -> regex.Match[str] | None:
    """The event an edition number belongs to when the name is not right after the ordinal:
    after an edition word ("in its 34th edition, the Jeonju Expo"), or before the ordinal in
    the same sentence ("The Jeonju Expo, now in its 34th year", "東京映画祭は今年で34回目")."""
    after, named, counters = _edition_tables()
    text = doc.text
    if f.lang == "en":
        skip = after.match(text, f.end, window_end)
        forward = pattern.match(text, skip.end(), window_end) if skip else None
        if forward:
            return forward
        if not named.match(text, f.end, min(len(text), f.end + 30)):
            return None
    elif f.attrs.get("counter") not in counters:
        return None
    start = max(0, f.start - (160 if f.lang == "en" else 50))
    for stop in _SENTENCE_START.finditer(text, start, f.start):
        start = stop.end()
    if _any_head().search(text, start, f.start) is None:
        return None  # every name ends in a head noun: without one, no scan for names
    if f.lang == "en":
        pattern = _word_start(pattern)
    last = None
    for m in pattern.finditer(text, start, f.start, overlapped=False):
        last = m
    return last


@cache
def _any_head() -> regex.Pattern:
    """Any head noun of any language, in any case: found wherever a name's head is."""
    heads = [
        w
        for per_lang in lexicon("events")["heads"].values()
        for words in per_lang.values()
        for w in words or ()
    ]
    return regex.compile(rf"(?i:{alternation(heads)})")


@cache
def _word_start(pattern: regex.Pattern) -> regex.Pattern:
    """The English name pattern, searched (not matched): it must start at a word."""
    return regex.compile(rf"(?<![\p{{L}}'’&.\-])(?:{pattern.pattern})")


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \t":
        i += 1
    return i


@cache
def _head_finder() -> tuple[regex.Pattern, dict[str, set[str]]]:
    classes: dict[str, set[str]] = {}
    for cls, per_lang in lexicon("events")["heads"].items():
        for words in per_lang.values():
            for w in words or []:
                classes.setdefault(w.lower(), set()).add(cls)
    pattern = regex.compile(rf"(?i:(?<![\p{{Latin}}])(?:{alternation(classes)})(?![\p{{Latin}}]))")
    return pattern, classes


def head_classes_in(text: str) -> set[str]:
    """Every event class a text names by a head noun ('the festival', '이 대회', '该电影节')."""
    pattern, classes = _head_finder()
    out: set[str] = set()
    for m in pattern.finditer(text):
        out |= classes[m.group().lower()]
    return out


@cache
def _places() -> frozenset[str]:
    return frozenset(lexicon("events").get("places", ()))


def same_event(a: Fact, b: Fact) -> bool:
    """Whether two event facts name the same event.

    Same head class; the same places when both name places; topics (and, within one
    language, untranslated words) overlapping by at least half.
    """
    if a.attrs.get("head") != b.attrs.get("head"):
        return False
    places = _places()
    ca, cb = set(a.attrs.get("concepts", ())), set(b.attrs.get("concepts", ()))
    pa, pb = ca & places, cb & places
    if pa and pb and pa != pb:
        return False
    ta, tb = ca - places, cb - places
    if a.lang == b.lang:
        ta |= {"w:" + w for w in a.attrs.get("words", ())}
        tb |= {"w:" + w for w in b.attrs.get("words", ())}
    if not ta and not tb:
        # A bare head ("最初の会議", "the 2nd meeting") names no event in particular.
        return bool(pa and pb)
    if not ta or not tb:
        return False
    return len(ta & tb) / len(ta | tb) >= 0.5
