"""Documents: raw text, code-point offsets, line/column, and script-based language segments."""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

import regex

_LINE_BREAK = regex.compile(r"\r\n|\r|\n")
# Han reads as Japanese in a sentence that has kana; sentences end at these marks.
_SENTENCE_END = regex.compile(r"[。！？!?\n]|\.(?=\s)")


@dataclass(frozen=True, slots=True)
class Segment:
    start: int
    end: int
    lang: str


@dataclass
class Document:
    """A text as the user wrote it. Every offset is a code-point index into ``text``."""

    text: str
    path: str = "<text>"
    date: dt.date | None = None
    date_source: str = "unknown"
    meta: dict[str, str] = field(default_factory=dict)

    @cached_property
    def line_starts(self) -> list[int]:
        return [0] + [m.end() for m in _LINE_BREAK.finditer(self.text)]

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a code-point offset."""
        i = bisect.bisect_right(self.line_starts, offset) - 1
        return i + 1, offset - self.line_starts[i] + 1

    def line_text(self, line: int) -> str:
        start = self.line_starts[line - 1]
        end = self.line_starts[line] if line < len(self.line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    @cached_property
    def headline_end(self) -> int:
        """End of the first non-empty line: the headline of an article."""
        for i, start in enumerate(self.line_starts):
            end = self.line_starts[i + 1] if i + 1 < len(self.line_starts) else len(self.text)
            if self.text[start:end].strip():
                return end
        return 0

    @cached_property
    def segments(self) -> list[Segment]:
        return segment_languages(self.text)

    @cached_property
    def segment_starts(self) -> list[int]:
        return [s.start for s in self.segments]

    def lang_at(self, offset: int) -> str:
        segs = self.segments
        if not segs:
            return "en"
        i = bisect.bisect_right(self.segment_starts, offset) - 1
        return segs[max(i, 0)].lang

    @cached_property
    def langs(self) -> list[str]:
        seen: dict[str, None] = {}
        for s in self.segments:
            seen.setdefault(s.lang, None)
        return list(seen)


# Digits and punctuation are neutral and take the language of the letters around them.
# Runs of one script family with the neutral characters between them (digits, punctuation,
# spaces, letters of other scripts): one match for a whole English or Korean passage instead
# of one per word. The group named *_last is the last run of letters of the match, whose
# start a Han run after it needs. Han runs stay single: each one's language is decided apart.
_NEUTRAL = (
    r"[^\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}ー\p{Script=Han}"
    r"\p{Script=Latin}]*+"
)
_SCRIPT_PASSAGE = regex.compile(
    rf"(?P<ko>\p{{Script=Hangul}}+(?:{_NEUTRAL}(?P<ko_last>\p{{Script=Hangul}}+))*)"
    rf"|(?P<kana>[\p{{Script=Hiragana}}\p{{Script=Katakana}}ー]+"
    rf"(?:{_NEUTRAL}(?P<kana_last>[\p{{Script=Hiragana}}\p{{Script=Katakana}}ー]+))*)"
    r"|(?P<han>\p{Script=Han}+)"
    rf"|(?P<en>\p{{Script=Latin}}+(?:{_NEUTRAL}(?P<en_last>\p{{Script=Latin}}+))*)"
)


# Group numbers of _SCRIPT_PASSAGE: the passage kinds, and the *_last group inside each.
_KIND_OF_GROUP = {
    _SCRIPT_PASSAGE.groupindex[name]: name.removesuffix("_last")
    for name in _SCRIPT_PASSAGE.groupindex
}
_LAST_GROUP = {
    _SCRIPT_PASSAGE.groupindex[k]: _SCRIPT_PASSAGE.groupindex.get(k + "_last", 0)
    for k in ("ko", "kana", "han", "en")
}


def segment_languages(text: str) -> list[Segment]:
    """Split ``text`` into language runs by Unicode script.

    Hangul -> ko, kana -> ja, Latin -> en. Han is ja in a sentence that has kana, ko when the
    nearest letters around it are Hangul (hanja inside Korean), and zh otherwise.
    """
    # (start, end, kind, start of the last letter run): consecutive runs of one script are
    # one passage; what decides a Han run's language is only the kind and the sentence of
    # the run before it (its last letters) and after it (its first letters).
    runs: list[tuple[int, int, str, int]] = []
    kind_of, last_of, groupindex = _KIND_OF_GROUP, _LAST_GROUP, _SCRIPT_PASSAGE.groupindex
    for m in _SCRIPT_PASSAGE.finditer(text):
        g = m.lastindex or groupindex["en"]
        kind = kind_of[g]
        s = m.start()
        last = m.start(last_of[groupindex[kind]]) if kind != "han" else -1
        runs.append((s, m.end(), kind, last if last >= 0 else s))
    kinds = {r[2] for r in runs}
    # Han needs sentences only beside kana or Hangul: in Chinese alone it is Chinese.
    plain_han = not ({"kana", "ko"} & kinds)
    sentence_of = _sentence_index(text) if "han" in kinds and not plain_han else None
    kana_sentences: set[int] = set()
    if sentence_of is not None:
        # A Han run cannot sit inside a kana passage, so the sentences of a passage's first
        # and last kana runs are all that a Han run can share with it.
        for s, _, kind, last in runs:
            if kind == "kana":
                kana_sentences.add(sentence_of(s))
                kana_sentences.add(sentence_of(last))
    # (start, end, lang) of each segment, made Segments at the end: consecutive runs of one
    # language are merged, most of them into the segment before.
    spans: list[list] = []
    for i, (_, e, kind, _) in enumerate(runs):
        if kind == "kana":
            lang = "ja"
        elif kind == "han":
            lang = "zh" if plain_han else _han_lang(runs, i, sentence_of, kana_sentences)
        else:
            lang = kind
        if spans and spans[-1][2] == lang:
            spans[-1][1] = e
        else:
            # The neutral gap before a run belongs to the run that follows it, except at the
            # very start, where it belongs to the first run.
            spans.append([spans[-1][1] if spans else 0, e, lang])
    if spans:
        spans[-1][1] = len(text)
    return [Segment(s, e, lang) for s, e, lang in spans]


def _sentence_index(text: str):
    starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]

    def sentence_of(offset: int) -> int:
        return bisect.bisect_right(starts, offset) - 1

    return sentence_of


def _han_lang(runs, i, sentence_of, kana_sentences) -> str:
    s = runs[i][0]
    line = sentence_of(s)
    if line in kana_sentences:
        return "ja"
    neighbours = []
    if i > 0 and sentence_of(runs[i - 1][3]) == line:
        neighbours.append(runs[i - 1][2])
    if i + 1 < len(runs) and sentence_of(runs[i + 1][0]) == line:
        neighbours.append(runs[i + 1][2])
    if "ko" in neighbours:
        return "ko"
    return "zh"
