"""What every extractor shares: the Extractor signature and span helpers."""

from __future__ import annotations

import bisect
import re
import re._constants as sre
import re._parser as sre_parse
from collections.abc import Callable, Iterable, Iterator

import regex

from ..document import Document
from ..facts import Fact

Extractor = Callable[[Document], Iterable[Fact]]


def make_fact(
    doc: Document, kind: str, start: int, end: int, value: str, lang: str | None = None, **attrs
) -> Fact:
    """A fact over doc.text[start:end], trimmed of surrounding white space."""
    text = doc.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Fact(
        kind,
        start,
        end,
        text[start:end],
        value,
        lang or doc.lang_at(start),
        {k: v for k, v in attrs.items() if v is not None},
    )


def first_fit(facts: Iterable[Fact]) -> list[Fact]:
    """The facts, in the order given, that overlap none taken before them.

    Taken spans never overlap each other, so one look at each neighbour in a start-sorted
    index decides: n log n, where a scan of all taken facts would be n squared.
    """
    starts: list[int] = []
    ends: list[int] = []
    taken: list[Fact] = []
    for f in facts:
        i = bisect.bisect_right(starts, f.start)
        if i > 0 and ends[i - 1] > f.start:
            continue
        if i < len(starts) and starts[i] < f.end:
            continue
        starts.insert(i, f.start)
        ends.insert(i, f.end)
        taken.append(f)
    return taken


class Triggered:
    """A pattern tried only where a match can begin, not at every character.

    Patterns that open with optional words or long case-insensitive alternations cost the
    regex engine microseconds at every character of a text. Where a match can begin is much
    cheaper to find: ``starts`` is a stdlib-re pattern over the case-folded text that matches
    (as a look-ahead, so at every such place) wherever the pattern may begin, for instance a
    digit or a word it may open with, each with what must follow it. The stdlib engine scans
    lower-case literals several times faster than regex does with (?i). The pattern is then
    tried, anchored, at those places only, in order, each after the last match: exactly what
    ``finditer`` finds as long as every possible start is among them (tests compare the two
    on real texts). Case folding keeps every letter a letter and ASCII words ASCII ("K", the
    Kelvin sign, folds to "k"); where it changes the length of the text ("ß" -> "ss"), the
    plain scan is used.
    """

    def __init__(
        self,
        pattern: regex.Pattern,
        starts: str,
        script: Callable[[str], bool] | None = None,
        bare: str = "",
        first: str = r"\da-z",
    ):
        """``bare``: where a match can begin in a text without letters of the pattern's
        script (``script(text)`` false), e.g. only at "12:30" for clock times. An empty
        ``starts`` then means a full scan of texts that do have them. ``first``: a character
        class holding the first character of every ``starts`` match."""
        self.pattern = pattern
        self.starts = _every_start(starts, first) if starts else None
        self.script = script
        self.bare = _every_start(bare, r"\d") if bare else None

    def finditer(self, text: str) -> Iterator[regex.Match]:
        starts = self.starts
        if self.script is not None and self.bare is not None and not self.script(text):
            starts = self.bare
        if starts is None:
            return self.pattern.finditer(text)
        folded = _casefold(text)
        if len(folded) != len(text):
            return self.pattern.finditer(text)
        return scan_at(self.pattern, text, (m.start() for m in starts.finditer(folded)))


def _every_start(starts: str, first: str) -> re.Pattern:
    """A stdlib-re pattern matching one character wherever ``starts`` matches. It opens with
    a character class, which lets the engine skip other characters (CJK text, spaces) in a
    tight loop; the look-behind then tries ``starts`` as a look-ahead from that character.
    The class is the first characters ``starts`` can match where they can be told from the
    pattern itself ("sept|mon|\\d" -> [\\dms]): an English text then costs a look-ahead
    at a few of its letters, not at every one of them as ``first`` (a-z) would."""
    return re.compile(f"[{first_chars(starts) or first}](?<=(?=(?:{starts}))(?s:.))")


_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_WORD: r"\w",
}


def first_chars(pattern: str) -> str | None:
    """The body of a character class holding every character a match of the stdlib-re
    ``pattern`` can begin with, or None when that cannot be told (a match may be empty or
    begin with any character, a negated class, a flag such as (?i))."""
    try:
        tree = sre_parse.parse(pattern)
        if tree.state.flags & (re.IGNORECASE | re.VERBOSE):
            return None
        out: set[str] = set()
        if _firsts_of(list(tree), out):
            return None
    except Exception:  # re's parser is internal: any surprise means "cannot tell"
        return None
    return "".join(sorted(out))


def _class_char(code: int) -> str:
    ch = chr(code)
    return "\\" + ch if ch in "\\]^-[" else ch


def _firsts_of(items: list, out: set[str]) -> bool:
    """Add the first characters of a parsed sequence to ``out``; whether it can match
    empty (then what follows it starts the match too). ValueError: cannot be told."""
    for op, av in items:
        if op is sre.LITERAL:
            out.add(_class_char(av))
            return False
        if op is sre.IN:
            for o, a in av:
                if o is sre.LITERAL:
                    out.add(_class_char(a))
                elif o is sre.RANGE:
                    out.add(f"{_class_char(a[0])}-{_class_char(a[1])}")
                elif o is sre.CATEGORY and a in _CATEGORIES:
                    out.add(_CATEGORIES[a])
                else:  # a negated class, \S, \W ...
                    raise ValueError(o)
            return False
        if op is sre.BRANCH:
            empty = False
            for alt in av[1]:
                empty |= _firsts_of(alt, out)
            if not empty:
                return False
        elif op is sre.SUBPATTERN:
            if av[1] or av[2]:  # flags turned on or off inside
                raise ValueError(op)
            if not _firsts_of(av[3], out):
                return False
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            if not _firsts_of(av[2], out) and av[0] > 0:
                return False
        elif op not in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):  # zero width: the next item
            raise ValueError(op)  # any character, a back reference ...
    return True


class Gated:
    """A pattern every match of which holds one of ``chars`` (characters or words): a text
    holding none of them is not scanned at all (a Korean pattern in an English article).
    ``str.__contains__`` looks for a string far faster than a regex scan tries a pattern.
    With ``folded``, the words are looked for in the case-folded text (for (?i) patterns)."""

    def __init__(self, pattern: regex.Pattern | Triggered, chars: Iterable[str], folded=False):
        self.pattern = pattern
        self.chars = tuple(sorted({c.casefold() if folded else c for c in chars}))
        self.folded = folded

    def finditer(self, text: str) -> Iterator[regex.Match]:
        within = text
        if self.folded:
            within = _casefold(text)
            if len(within) != len(text):
                return self.pattern.finditer(text)
        if any(c in within for c in self.chars):
            return self.pattern.finditer(text)
        return iter(())


_LATIN = regex.compile(r"\p{Latin}")
_CJK = regex.compile(r"[\p{Hangul}\p{Han}\p{Hiragana}\p{Katakana}ー]")


def _remembering_search(pattern: regex.Pattern) -> Callable[[str], bool]:
    """Whether a text holds a match of pattern, kept for the last text: every pattern of one
    script asks it about the same document in turn."""
    last: list = ["", False]

    def holds(text: str) -> bool:
        if last[0] is text:
            return last[1]
        found = pattern.search(text) is not None
        last[0], last[1] = text, found
        return found

    return holds


has_latin = _remembering_search(_LATIN)  # a Latin letter
has_cjk = _remembering_search(_CJK)  # a Hangul, Han or kana character


class LatinGated:
    """An English pattern (plain or Triggered) every match of which holds a Latin letter (a
    month, a unit word, "s" of "1990s"): a text in Korean, Chinese or Japanese alone is not
    scanned. Case-insensitive English words match only Latin letters (the Kelvin sign and
    the long s are Latin too)."""

    def __init__(self, pattern: regex.Pattern | Triggered):
        self.pattern = pattern

    def finditer(self, text: str) -> Iterator[regex.Match]:
        if has_latin(text):
            return self.pattern.finditer(text)
        return iter(())


def firsts(*word_lists: Iterable[str]) -> str:
    """The first characters of words: one of them is in any text holding one of the words."""
    # Sorted: a pattern's text is the same in every run (the compiled-pattern cache's key).
    return "".join(sorted({w[0] for words in word_lists for w in words if w}))


_last_folded: tuple[str, str] = ("", "")  # the last text folded and its folding


def _casefold(text: str) -> str:
    """text.casefold(), kept for the last text: every triggered pattern of a document asks.
    One tuple is swapped in whole, so threads never pair a text with another's folding."""
    global _last_folded
    last = _last_folded
    if last[0] is text:
        return last[1]
    folded = text.casefold()
    _last_folded = (text, folded)
    return folded


def folded_alt(words: Iterable[str]) -> str:
    """A stdlib-re alternation of case-folded words for Triggered, as a trie ("jan|june|july"
    -> "j(?:an|u(?:ne|ly))"): at each position the engine then tries a branch per distinct
    first character, not one per word. Triggers only ask whether some word matches, so the
    order of the branches does not matter."""
    trie: dict = {}
    for w in {w.casefold() for w in words}:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    branches = [re.escape(ch) + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?"
    return body


def scan_at(pattern: regex.Pattern, text: str, starts: Iterable[int]) -> Iterator[regex.Match]:
    """The matches of ``pattern.finditer(text)``, given every position where one can begin
    (ascending): the pattern is tried anchored there, each try after the last match."""
    pos = 0
    match = pattern.match
    for p in starts:
        if p < pos:
            continue
        m = match(text, p)
        if m is not None:
            yield m
            pos = max(m.end(), p + 1)
