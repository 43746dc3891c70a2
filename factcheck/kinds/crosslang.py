"""The same quantity stated differently in two languages, or in the headline and the body.

A bilingual text states its quantities once per language, in about the same order. Each
language's quantities form a sequence; the two sequences are aligned on the values they
share (a longest common subsequence of equal values: the anchors). Between two anchors, a
quantity of one kind on each side is the same quantity translated, wherever the lines are:
line by line, paragraph after paragraph, or a sentence moved. When a gap holds several of a
kind, a quantity pairs with the only one of its kind on an adjacent line of the other
language. Nothing is guessed beyond that: no pairing, no finding.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import regex

from .. import facts as K
from ..context import Context
from ..extract.events import head_classes_in
from ..extract.patterns import alternation
from ..facts import Fact
from ..resources import lexicon
from . import Hit, kind
from .measures import compatible, count_type, is_approx, number

# Vague amounts ("数十年", "몇 십년", "a few decades") state no value to compare.
_VAGUE = regex.compile(
    r"(?i:数|几|幾|몇|여러|수십|수백|수천|several|few|couple|dozens|decades|hundreds|thousands)"
)
_POINTS = regex.compile(r"\s?(?i:points?\b|포인트|ポイント|个百分点|個百分點)")
# "a day", "an hour", "a second": the article is no stated number.
_ARTICLE = regex.compile(r"(?i:an?|half\s+an?)\b")
_DURATION = regex.compile(r"^PT?(?P<n>\d+(?:\.\d+)?)(?P<u>[YMWDHS])$")
# An age: "a 17-year-old", "30 years old", "17세", "30歳", "45岁".
_AGE_AFTER_YEARS = regex.compile(r"(?i:-old\b|\s+years?[\s-]+old\b|[-\s]?olds?\b)")
_AGE_AFTER_NUMBER = regex.compile(r"\s?(?:세(?![대기])|살\b|歳|才|岁|歲)")
# "Kit Harington, 31, ...", "Kim Min-ji, 45,": an age in apposition to a name.
_AGE_APPOSITION = regex.compile(r"\p{Lu}[\p{Ll}'-]+,\s$")
_AGED = regex.compile(r"(?i:\b(?:aged?|as\s(?:young|old)\sas)\s)$")
# Nouns that refer back to the count before them: "70 people and 300 others".
_ANAPHORA = frozenset({"others", "more"})
# English nouns of people by their ending: Republicans, Democrats, suppliers, tourists.
_PERSON_NOUN = regex.compile(r"[a-z]{3,}(?:ers|ians|ists|ators|itors)|[a-z]+(?:ocrats|icans|ees)")
# An amount in brackets right after another amount converts it: "$70 million (약 712억원)".
_CONVERSION = regex.compile(
    r"\d[\p{L}$€£¥₩]*\s?[(（]\s?(?:약|約|约|about|approx\.?|around)?\s?[$€£¥₩]?$"
)
_PEOPLE = frozenset(
    "troops sailors crew pilots defectors refugees migrants immigrants survivors suspects "
    "inmates prisoners hostages civilians pilgrims candidates lawmakers legislators senators "
    "militants rebels fighters gunmen policemen firefighters personnel applicants "
    "participants parents patients residents students agents opponents attendants deaths "
    "injuries casualties fatalities dead injured wounded".split()
)
# A headline states, it does not end a sentence.
_SENTENCE_FINAL = frozenset(".。!?！？…:：;；")
_CLOSERS = "\"'”’」』)）]】 \t\r\n"
_HEADLINE_MAX = 160
# A bare number that may be a year or a code: never paired.
_YEARISH = regex.compile(r"(?:1[5-9]|20)\d\d|\d{4,}|0\d+")
_DIGITS = regex.compile(r"\d[\d,]*(?:\.\d+)?")
# How far apart (as a share of each text) a value may move in translation and still be the
# same quantity.
_NEAR = 0.25
_DIGIT = regex.compile(r"\d")
# Up to this many quantities of a kind on each side of a gap pair up in order.
_MAX_IN_ORDER = 1
# Alignment work per language pair is bounded; a longer text is compared piecewise no further.
_MAX_ITEMS = 400


@dataclass(slots=True)
class _Item:
    fact: Fact
    cls: str  # "count:person", "count:?" (untyped noun), "quantity:KRW", "age", "num" ...
    value: float
    line: int
    lang: str = ""
    sent: int = 0  # start of the item's sentence


def _measure(f: Fact, text: str) -> tuple[str, float] | None:
    """(class, value) of a fact that states a quantity, comparable across languages."""
    if f.kind == K.COUNT:
        n = number(f)
        if n is None:
            return None
        typ = count_type(f, text)
        return (f"count:{typ}" if typ else "count:?"), n
    if f.kind == K.QUANTITY:
        parts = str(f.value).split()
        if len(parts) == 2:
            try:
                return f"quantity:{parts[1]}", float(parts[0])
            except ValueError:
                return None
        return None
    if f.kind == K.DURATION:
        m = _DURATION.match(str(f.value))
        if not m:
            return None
        unit = m["u"]
        is_time = str(f.value).startswith("PT")
        if not is_time and unit == "Y" and _AGE_AFTER_YEARS.match(text, f.end):
            return "age", float(m["n"])
        # A translation keeps the unit ("40 minutes", "40분"): the unit is part of the kind,
        # so minutes never pair with days.
        return f"duration:{'T' if is_time else ''}{unit}", float(m["n"])
    if f.kind == K.PERCENT:
        n = number(f)
        if n is None:
            return None
        # Percentage points (a margin, a lead) are not shares: "13%포인트" vs "13%".
        return ("points" if _POINTS.match(text, f.end) else "percent"), n
    if f.kind == K.DATE and f.attrs.get("relative"):
        return _offset(f)
    if f.kind == K.NUMBER:
        n = number(f)
        if n is None:
            return None
        if _is_age(text, f.start, f.end):
            return "age", n
        return "num", n  # anchors the alignment, never compared itself
    return None


def _offset(f: Fact) -> tuple[str, float] | None:
    """ "45 years later" / "27년 후", "32 years ago" / "16年前": an amount of time stated with
    digits, counted from another moment ("last year" states no number)."""
    off, unit = f.attrs.get("offset"), f.attrs.get("unit")
    if not isinstance(off, int) or not off or not unit or not _DIGIT.search(f.text):
        return None
    return f"offset:{unit}{'+' if off > 0 else '-'}", float(abs(off))


def _is_age(text: str, start: int, end: int) -> bool:
    if _AGE_AFTER_NUMBER.match(text, end) or _AGED.search(text, max(0, start - 16), start):
        return True
    return text.startswith(",", end) and bool(
        _AGE_APPOSITION.search(text, max(0, start - 30), start)
    )


def _states_value(f: Fact) -> bool:
    return not (_VAGUE.search(f.text) or _ARTICLE.match(f.text))


def _group(cls: str) -> str:
    return "count" if cls.startswith("count:") else cls


def _same_kind(a: str, b: str) -> bool:
    return a == b and a not in ("num", "count:?")


def _bare_pair(x: _Item, y: _Item) -> bool:
    if (x.cls == "num") == (y.cls == "num"):
        return False
    bare, stated = (x, y) if x.cls == "num" else (y, x)
    # Digits only, and not a small number ("two", "1"): those are everywhere.
    # "tomorrow it will be 200" after "150 million euros" is 200 million: the same digits
    # at another scale are the same amount, said short.
    return (
        stated.cls != "count:?"
        and not _same_digits(bare.value, stated.value)
        and bare.value >= 10
        and _DIGITS.fullmatch(bare.fact.text) is not None
        and not _YEARISH.fullmatch(bare.fact.text)
    )


def _same_digits(a: float, b: float) -> bool:
    def digits(v: float) -> str:
        return f"{v:.6g}".replace(".", "").split("e")[0].strip("0")

    return digits(a) == digits(b)


def _anchor_key(it: _Item) -> str:
    return f"{it.value:.4g}"


class _Lines:
    """Line of an offset, and the language most of a line's letters are in."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.starts = ctx.doc.line_starts
        self.seg_starts = ctx.doc.segment_starts
        self._lang: dict[int, str | None] = {}

    def index(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1

    def bounds(self, i: int) -> tuple[int, int]:
        end = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.ctx.doc.text)
        return self.starts[i], end

    def lang(self, i: int) -> str | None:
        if i not in self._lang:
            s, e = self.bounds(i)
            segs = self.ctx.doc.segments
            sizes: dict[str, int] = defaultdict(int)
            k = max(0, bisect.bisect_right(self.seg_starts, s) - 1)
            while k < len(segs) and segs[k].start < e:
                lo, hi = max(s, segs[k].start), min(e, segs[k].end)
                if lo < hi:
                    sizes[segs[k].lang] += hi - lo
                k += 1
            self._lang[i] = max(sizes, key=lambda x: sizes[x]) if sizes else None
        return self._lang[i]

    def headlines(self) -> set[int]:
        """Leading lines that read as headlines (one per language: "Headline\\n제목")."""
        text = self.ctx.doc.text
        out: set[int] = set()
        langs: set[str | None] = set()
        for i in range(len(self.starts)):
            s, e = self.bounds(i)
            line = text[s:e].strip()
            if not line:
                continue
            tail = line.rstrip(_CLOSERS)
            lang = self.lang(i)
            if len(line) > _HEADLINE_MAX or not tail or tail[-1] in _SENTENCE_FINAL:
                break
            if lang in langs:
                break
            langs.add(lang)
            out.add(i)
        # A text that is all "headlines" is a list or a table, not an article.
        last = self.index(len(text.rstrip()))
        return out if out and max(out) < last else set()


# The kinds _measure reads a value from (any other returns None there).
_MEASURED = frozenset((K.COUNT, K.QUANTITY, K.DURATION, K.PERCENT, K.DATE, K.NUMBER))


def _items(ctx: Context, lines: _Lines) -> list[_Item]:
    text = ctx.doc.text
    out: list[_Item] = []
    last_typed: dict[int, str] = {}  # sentence start -> class of the last typed count
    for f in sorted(ctx.facts, key=lambda f: f.start):
        if f.kind not in _MEASURED or (f.kind != K.COUNT and f.attrs.get("within")):
            continue
        m = _measure(f, text)
        if m is None or not _states_value(f):
            continue
        cls, value = m
        sent = ctx.sentence_at(f.start)[0]
        if cls.startswith("count:"):
            noun = str(f.attrs.get("noun", "")).lower()
            if cls == "count:?" and noun in _ANAPHORA and sent in last_typed:
                cls = last_typed[sent]
            elif cls == "count:?" and (noun in _PEOPLE or _PERSON_NOUN.fullmatch(noun)):
                cls = "count:person"
            elif cls != "count:?":
                last_typed[sent] = cls
        if f.attrs.get("measure") == "money" and _CONVERSION.search(
            text, max(0, f.start - 40), f.start
        ):
            continue  # "7000만달러(약 712억원)": the translator's conversion, not a statement
        if cls.startswith("count:") and value == 1:
            cls = "num"  # "a man", "一名", "한 명": an article more than a count
        if out and f.start < out[-1].fact.end:
            # "약 4달러" read both as four months and as four dollars: keep the longer.
            if f.end - f.start <= out[-1].fact.end - out[-1].fact.start:
                continue
            out.pop()
        line = lines.index(f.start)
        out.append(_Item(f, cls, value, line, lines.lang(line) or f.lang, sent))
    return out


def _anchors(a: list[_Item], b: list[_Item]) -> list[tuple[int, int]]:
    """A longest chain of equal values in order on both sides (Hunt-Szymanski)."""
    where: dict[str, list[int]] = defaultdict(list)
    for j, it in enumerate(b):
        where[_anchor_key(it)].append(j)
    n_a, n_b = max(1, len(a)), max(1, len(b))
    tails: list[int] = []  # tails[k]: smallest j ending a chain of length k+1
    tail_at: list[int] = []  # index into nodes
    nodes: list[tuple[int, int, int]] = []  # (i, j, previous node or -1)
    for i, it in enumerate(a):
        for j in reversed(where.get(_anchor_key(it), ())):
            other = b[j]
            if not (it.cls == "num" or other.cls == "num" or _group(it.cls) == _group(other.cls)):
                continue
            k = bisect.bisect_left(tails, j)
            if k < len(tails) and tails[k] == j:
                # Two partners for j ("100 percent" twice): keep the one at the nearer
                # relative place in its text.
                old_i = nodes[tail_at[k]][0]
                if abs(old_i / n_a - j / n_b) <= abs(i / n_a - j / n_b):
                    continue
            prev = tail_at[k - 1] if k else -1
            nodes.append((i, j, prev))
            if k == len(tails):
                tails.append(j)
                tail_at.append(len(nodes) - 1)
            else:
                tails[k] = j
                tail_at[k] = len(nodes) - 1
    chain: list[tuple[int, int]] = []
    n = tail_at[-1] if tail_at else -1
    while n >= 0:
        i, j, n = nodes[n]
        chain.append((i, j))
    return chain[::-1]


def _pairs_in_gap(
    xs: list[_Item],
    ys: list[_Item],
    topics: Callable[[_Item], frozenset[str]] | None = None,
) -> Iterator[tuple[_Item, _Item]]:
    """Pairs of one quantity on each side of a gap between anchors: the only one of its kind
    on each side; else the only one of its kind on an adjacent line of the other language.
    Untyped counts ("14 poisonings", "eight charges") anchor but never pair."""
    by_cls: dict[str, tuple[list[_Item], list[_Item]]] = defaultdict(lambda: ([], []))
    for it in xs:
        by_cls[it.cls][0].append(it)
    for it in ys:
        by_cls[it.cls][1].append(it)
    by_cls.pop("count:?", None)  # "14 poisonings": an untyped count pairs with nothing
    by_cls.pop("num", None)
    left_x: list[_Item] = []
    left_y: list[_Item] = []
    for gx, gy in by_cls.values():
        if len(gx) == len(gy) <= _MAX_IN_ORDER:
            # As many of a kind on each side between the same anchors: in the same order.
            yield from zip(gx, gy, strict=True)
        else:
            left_x += gx
            left_y += gy
    if left_x and left_y and topics is not None:
        for x, y in list(_same_topic_pairs(left_x, left_y, topics)):
            left_x.remove(x)
            left_y.remove(y)
            yield x, y
    if left_x and left_y:
        yield from _adjacent_pairs(left_x, left_y)
    yield from _single_line_pairs(xs, ys)


def _single_line_pairs(xs: list[_Item], ys: list[_Item]) -> Iterator[tuple[_Item, _Item]]:
    """A line and the next line in the other language with one number each: "Palu had
    379,800 people" and "팔루의 인구는 약 227,880명이다" (a bare number takes the other's kind)."""
    per_x: dict[int, list[_Item]] = defaultdict(list)
    per_y: dict[int, list[_Item]] = defaultdict(list)
    for it in xs:
        per_x[it.line].append(it)
    for it in ys:
        per_y[it.line].append(it)
    for line, items in per_x.items():
        if len(items) != 1:
            continue
        near = [per_y[n] for n in (line - 1, line + 1) if n in per_y]
        if len(near) != 1 or len(near[0]) != 1:
            continue
        y = near[0][0]
        if len([n for n in (y.line - 1, y.line + 1) if n in per_x]) != 1:
            continue
        if _bare_pair(items[0], y):
            yield items[0], y


def _adjacent_pairs(gx: list[_Item], gy: list[_Item]) -> Iterator[tuple[_Item, _Item]]:
    """A quantity and the only one of its kind on the next or previous line, both ways."""
    near_x = _neighbours(gx, gy)
    near_y = _neighbours(gy, gx)
    for x in gx:
        ys = near_x.get(id(x), [])
        if len(ys) == 1 and [id(v) for v in near_y.get(id(ys[0]), [])] == [id(x)]:
            yield x, ys[0]


def _neighbours(src: list[_Item], dst: list[_Item]) -> dict[int, list[_Item]]:
    by_line: dict[int, list[_Item]] = defaultdict(list)
    for it in dst:
        by_line[it.line].append(it)
    lines = sorted(by_line)
    out: dict[int, list[_Item]] = {}
    for it in src:
        k = bisect.bisect_left(lines, it.line)
        cands: list[_Item] = []
        # The closest line of the other language before and after, if it is adjacent.
        for pos in (k - 1, k):
            if 0 <= pos < len(lines) and abs(lines[pos] - it.line) == 1:
                cands += [v for v in by_line[lines[pos]] if _same_kind(it.cls, v.cls)]
        out[id(it)] = cands
    return out


def _cross_pairs(
    a: list[_Item],
    b: list[_Item],
    topics: Callable[[_Item], frozenset[str]] | None = None,
) -> Iterator[tuple[_Item, _Item]]:
    if len(a) > _MAX_ITEMS or len(b) > _MAX_ITEMS:
        return
    chain = _anchors(a, b)
    done = {id(a[i]) for i, _ in chain} | {id(b[j]) for _, j in chain}
    # A value left over on both sides is one quantity whose order the translation changed
    # (Korean and Japanese put the object first): matched, not paired with another.
    _match_crossed(a, b, done)
    yield from _sentence_pairs(a, b, chain, done)
    prev_i = prev_j = -1
    for i, j in [*chain, (len(a), len(b))]:
        xs = [it for it in a[prev_i + 1 : i] if id(it) not in done]
        ys = [it for it in b[prev_j + 1 : j] if id(it) not in done]
        inner = prev_i >= 0 and i < len(a)
        if inner and len(xs) == len(ys) == 1 and _bare_pair(xs[0], ys[0]):
            # The only number between the same two anchors on each side: "injured 14" and
            # "42명이 부상". A bare number takes the kind of the stated quantity.
            done |= {id(xs[0]), id(ys[0])}
            yield xs[0], ys[0]
            prev_i, prev_j = i, j
            continue
        for x, y in _pairs_in_gap(xs, ys, topics):
            done |= {id(x), id(y)}
            yield x, y
        prev_i, prev_j = i, j
    # A sentence moved across anchors: the only quantity of its kind left on each side,
    # unless quantities of its kind lie matched in between (then it is another one).
    rest: dict[str, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for side, seq in ((0, a), (1, b)):
        for k, it in enumerate(seq):
            if id(it) not in done and it.cls not in ("num", "count:?"):
                rest[it.cls][side].append(k)
    for cls, (gx, gy) in rest.items():
        if len(gx) == 1 and len(gy) == 1 and not _crossed(chain, a, b, gx[0], gy[0], cls):
            done |= {id(a[gx[0]]), id(b[gy[0]])}
            yield a[gx[0]], b[gy[0]]
    if topics is not None:
        left = [[a[k] for k in gx if id(a[k]) not in done] for gx, _ in rest.values()]
        right = [[b[k] for k in gy if id(b[k]) not in done] for _, gy in rest.values()]
        for xs, ys in zip(left, right, strict=True):
            yield from _same_topic_pairs(xs, ys, topics)


def _same_topic_pairs(
    xs: list[_Item], ys: list[_Item], topics: Callable[[_Item], frozenset[str]]
) -> Iterator[tuple[_Item, _Item]]:
    """ "About 300 people attended the forum" and "포럼에는 약 200명이 참석했다": the only
    quantity of its kind in a sentence naming an event of the same class, on each side."""
    if not xs or not ys:
        return
    by_topic: dict[tuple[str, str], tuple[list[_Item], list[_Item]]] = defaultdict(lambda: ([], []))
    for side, items in ((0, xs), (1, ys)):
        for it in items:
            if it.cls in ("num", "count:?"):
                continue
            for t in topics(it):
                by_topic[(t, it.cls)][side].append(it)
    for gx, gy in by_topic.values():
        if len(gx) == 1 and len(gy) == 1:
            yield gx[0], gy[0]


def _match_crossed(a: list[_Item], b: list[_Item], done: set[int]) -> None:
    """A value left over on both sides, at about the same place in each text, is one
    quantity whose order the translation changed (Korean and Japanese put the object
    first): matched, not paired with another."""
    n_a, n_b = max(1, len(a)), max(1, len(b))
    free_b: dict[str, list[int]] = defaultdict(list)
    for j, it in enumerate(b):
        if id(it) not in done:
            free_b[_anchor_key(it)].append(j)
    for i, it in enumerate(a):
        if id(it) in done:
            continue
        for j in free_b.get(_anchor_key(it), ()):
            if id(b[j]) not in done and abs(i / n_a - j / n_b) <= _NEAR:
                done |= {id(it), id(b[j])}
                break


def _crossed(
    chain: list[tuple[int, int]], a: list[_Item], b: list[_Item], ix: int, jy: int, cls: str
) -> bool:
    """Whether a matched quantity of the kind lies between the two, outside their own
    sentences (inside them, it is only the word order of the translation)."""
    return any(
        (i < ix) != (j < jy)
        and a[i].cls == cls
        and not (a[i].sent == a[ix].sent and b[j].sent == b[jy].sent)
        for i, j in chain
    )


def _sentence_pairs(
    a: list[_Item], b: list[_Item], chain: list[tuple[int, int]], done: set[int]
) -> Iterator[tuple[_Item, _Item]]:
    """Two sentences that share a value are a sentence and its translation: the only
    quantity left in each is the same one ("compared with 2,706 in 2011" and "2011년
    5,412명에 비해"), whatever the word order."""
    linked: dict[int, set[int]] = defaultdict(set)
    back: dict[int, set[int]] = defaultdict(set)
    for i, j in chain:
        linked[a[i].sent].add(b[j].sent)
        back[b[j].sent].add(a[i].sent)
    left_a: dict[int, list[_Item]] = defaultdict(list)
    left_b: dict[int, list[_Item]] = defaultdict(list)
    for it in a:
        if id(it) not in done and it.cls != "count:?":
            left_a[it.sent].append(it)
    for it in b:
        if id(it) not in done and it.cls != "count:?":
            left_b[it.sent].append(it)
    for sa, targets in linked.items():
        if len(targets) != 1:
            continue
        (sb,) = targets
        if back[sb] != {sa}:
            continue
        xs = [it for it in left_a.get(sa, []) if id(it) not in done]
        ys = [it for it in left_b.get(sb, []) if id(it) not in done]
        for x, y in _unique_pairs(xs, ys):
            done |= {id(x), id(y)}
            yield x, y


def _unique_pairs(xs: list[_Item], ys: list[_Item]) -> Iterator[tuple[_Item, _Item]]:
    """The only one of a kind on each side; then the only number left on each side."""
    left_x, left_y = list(xs), list(ys)
    for cls in {it.cls for it in xs} - {"num"}:
        gx = [it for it in xs if it.cls == cls]
        gy = [it for it in ys if it.cls == cls]
        if len(gx) == 1 and len(gy) == 1:
            left_x.remove(gx[0])
            left_y.remove(gy[0])
            yield gx[0], gy[0]
    if len(left_x) == 1 and len(left_y) == 1 and _bare_pair(left_x[0], left_y[0]):
        yield left_x[0], left_y[0]


def _head_pairs(
    head: list[_Item], body: list[_Item], tol: float, rounding: float
) -> Iterator[tuple[_Item, _Item]]:
    """A headline quantity the body never states, against the body's first quantity of its
    kind in the same language (the lead restates the headline)."""
    kinds = defaultdict(int)
    for h in head:
        kinds[(h.lang, h.cls)] += 1
    for h in head:
        if h.cls in ("num", "count:?") or kinds[(h.lang, h.cls)] > 1:
            continue  # "four-day week, five days' pay": which one the body restates is unclear
        same = [it for it in body if it.cls == h.cls]
        if any(not _disagree(h, it, tol, rounding) for it in same):
            continue
        own = [it for it in same if it.lang == h.lang]
        parts = [it for it in body if it.cls in (h.cls, "num") and it.lang == h.lang]
        if own and not _sums_to(h, own[0], parts):
            yield h, own[0]


def _sums_to(h: _Item, first: _Item, body: list[_Item]) -> bool:
    """ "Four arrested" over "three teenagers and a 20-year-old man": the parts of a sentence."""
    line = [it.value for it in body if it.line == first.line]
    for i in range(len(line)):
        total = 0.0
        for v in line[i:]:
            total += v
            if total == h.value:
                return True
    return False


def _topics(ctx: Context) -> Callable[[_Item], frozenset[str]]:
    """What an item's sentence is about, read once each: the event classes it names (forum,
    festival ...) and what its counts count (residents, 주민, 居民 ...)."""
    seen: dict[int, frozenset[str]] = {}
    pattern, concept = _count_nouns()

    def of(it: _Item) -> frozenset[str]:
        s, e = ctx.sentence_at(it.fact.start)
        if s not in seen:
            text = ctx.doc.text[s:e]
            nouns = {concept[m.group().lower()] for m in pattern.finditer(text)}
            seen[s] = frozenset(head_classes_in(text) | nouns)
        return seen[s]

    return of


@cache
def _count_nouns() -> tuple[regex.Pattern, dict[str, str]]:
    concept: dict[str, str] = {}
    for name, words in lexicon("events").get("count_nouns", {}).items():
        for w in words:
            concept[w.lower()] = "noun:" + name
    return (
        regex.compile(rf"(?i:(?<![\p{{Latin}}])(?:{alternation(concept)})(?![\p{{Latin}}]))"),
        concept,
    )


def _hit(x: Fact, y: Fact, where: str) -> Hit:
    first, second = sorted((x, y), key=lambda f: f.start)
    return Hit(
        second.start,
        second.end,
        related=[(first.start, first.end)],
        values={"text": second.text, "other": first.text, "where": where},
    )


def _disagree(x: _Item, y: _Item, tol: float, rounding: float) -> bool:
    approx = is_approx(x.fact) or is_approx(y.fact) or _round(x.fact) or _round(y.fact)
    return not compatible(x.value, y.value, approx, tol, rounding)


def _round(f: Fact) -> bool:
    """A number written round ("30,000 runners", "1,200") is a careful writer's
    approximation of "28,750": at most two significant digits before at least two zeros.
    "52 billion won" and "560억원" are written exactly."""
    digits = "".join(_DIGIT.findall(f.text))
    core = digits.rstrip("0")
    return 0 < len(core) <= 2 and len(digits) - len(core) >= 2


@kind("cross-language-quantity")
def cross_language_quantity(ctx: Context, params: dict[str, Any]) -> Iterator[Hit]:
    """Quantities paired across languages (or headline/body) whose values cannot agree."""
    tol = float(params.get("approx_tolerance", 0.1))
    rounding = float(params.get("rounding", 0.02))
    lines = _Lines(ctx)
    items = _items(ctx, lines)
    if not any(it.cls != "num" for it in items):
        return
    per_lang: dict[str, list[_Item]] = defaultdict(list)
    for it in items:
        per_lang[it.lang].append(it)
    langs = sorted(per_lang)
    topics = _topics(ctx)
    for n, la in enumerate(langs):
        for lb in langs[n + 1 :]:
            for x, y in _cross_pairs(per_lang[la], per_lang[lb], topics):
                if _disagree(x, y, tol, rounding):
                    yield _hit(x.fact, y.fact, "the other language")
    if not params.get("headline", True):
        return
    heads = lines.headlines()
    head = [it for it in items if it.line in heads]
    body = [it for it in items if it.line not in heads]
    for x, y in _head_pairs(head, body, tol, rounding):
        if _disagree(x, y, tol, rounding):
            yield _hit(x.fact, y.fact, "the headline")
