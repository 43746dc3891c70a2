"""Ordinal kinds: the form of an English ordinal, and one event with two different numbers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .. import facts as K
from ..context import Context
from ..extract.events import same_event
from ..findings import Fix
from . import Hit, kind


def _match_case(template: str, fix: str) -> str:
    if template.isupper():
        return fix.upper()
    if template[:1].isupper():
        return fix[:1].upper() + fix[1:]
    return fix


@kind("ordinal-suffix")
def ordinal_suffix(ctx: Context, params: dict[str, Any]) -> Iterator[Hit]:
    """An English ordinal whose suffix does not fit its number: 25rd, 11st, twenty-fiveth."""
    for f in ctx.by_kind[K.ORDINAL]:
        if f.lang != "en":
            continue
        if f.attrs.get("form") == "digits":
            suffix, right = f.attrs["suffix"], f.attrs["expected_suffix"]
            if suffix.lower() == right:
                continue
            fix = f.value + _match_case(suffix, right)
        else:
            right = f.attrs.get("correct", f.text)
            if f.text.lower() == right.lower():
                continue
            fix = _match_case(f.text, right)
        yield Hit(
            f.start,
            f.end,
            values={"text": f.text, "fix": fix, "value": f.value},
            fix=Fix(fix, safe=True),
        )


def _signature(e: Any) -> tuple:
    a = e.attrs
    return (e.lang, a.get("head"), tuple(a.get("concepts", ())), tuple(a.get("words", ())))


@kind("event-ordinal-consistency")
def event_ordinal_consistency(ctx: Context, params: dict[str, Any]) -> Iterator[Hit]:
    """The same event given different ordinals (the 23rd ... 제25회 ...)."""
    scope = params.get("scope", "any")
    events = [e for e in ctx.by_kind[K.EVENT] if e.attrs.get("edition") != "other"]
    groups: list[list] = []
    # Mentions with one signature share a group; only distinct signatures are compared, so
    # a text repeating one event name a thousand times costs no more than naming it twice.
    by_signature: dict[tuple, list] = {}
    signatures: list[tuple[tuple, Any]] = []  # (signature, a mention with it)
    for e in events:
        sig = _signature(e)
        g = by_signature.get(sig)
        if g is not None and not same_event(e, e):
            groups.append([e])  # a bare head ("最初の会議") is no event in particular
            continue
        if g is None:
            for other_sig, rep in signatures:
                if same_event(e, rep):
                    g = by_signature[other_sig]
                    break
            else:
                g = []
                groups.append(g)
            by_signature[sig] = g
            signatures.append((sig, e))
        g.append(e)
    for g in groups:
        values: dict[int, list] = {}
        for e in g:
            values.setdefault(e.attrs["ordinal"], []).append(e)
        if len(values) < 2:
            continue
        counts = sorted(values.items(), key=lambda kv: (-len(kv[1]), kv[1][0].start))
        top = len(counts[0][1])
        majority = counts[0][0] if top > len(counts[1][1]) else None
        if majority is not None:
            suspects = [e for v, es in values.items() if v != majority for e in es]
        else:
            # No majority: point at the first mention, against all the others.
            suspects = [min(g, key=lambda e: e.start)]
        for s in suspects:
            others = [e for e in g if e.attrs["ordinal"] != s.attrs["ordinal"]]
            if scope == "cross-language":
                others = [o for o in others if o.lang != s.lang]
            elif scope == "same-language":
                others = [o for o in others if o.lang == s.lang]
            if not others:
                continue
            o = others[0]
            s0, s1 = s.attrs["ordinal_span"]
            yield Hit(
                s0,
                s1,
                related=[tuple(x.attrs["ordinal_span"]) for x in others],
                values={
                    "text": s.attrs["ordinal_text"],
                    "value": s.attrs["ordinal"],
                    "other": o.attrs["ordinal_text"],
                    "other_value": o.attrs["ordinal"],
                    "event": o.value,
                },
            )
