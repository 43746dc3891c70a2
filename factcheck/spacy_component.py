"""factcheck as a spaCy pipeline component: ``nlp.add_pipe("factcheck")``.

Sets ``doc._.facts`` (factcheck Facts, character offsets into ``doc.text``),
``doc.spans["facts"]`` (one span per fact, labelled with its kind) and adds entities: events
(label EVENT, from the extractor) and places (GPE, from the lexicon with a PhraseMatcher).
The publication date comes from ``doc._.pub_date`` when set, else from the component's
``date`` setting ("YYYY-MM-DD").
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from . import facts as K
from .document import Document
from .extract import extract
from .resources import lexicon

for _name in ("facts", "pub_date"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@cache
def _place_terms() -> list[str]:
    ev = lexicon("events")
    places = set(ev.get("places", ()))
    return sorted({w for concept, words in ev["terms"].items() if concept in places for w in words})


class FactcheckComponent:
    def __init__(self, nlp: Language, date: str | None = None, entities: bool = True):
        self.date = dt.date.fromisoformat(date) if date else None
        self.entities = entities
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.matcher.add("GPE", [nlp.make_doc(t) for t in _place_terms()])

    def __call__(self, doc: Doc) -> Doc:
        date = doc._.pub_date or self.date
        if isinstance(date, str):
            date = dt.date.fromisoformat(date)
        facts = extract(Document(doc.text, date=date))
        doc._.facts = facts
        spans = []
        for f in facts:
            span = doc.char_span(f.start, f.end, label=f.kind, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans["facts"] = spans
        if self.entities:
            ents = list(doc.ents)
            for f in facts:
                if f.kind == K.EVENT:
                    span = doc.char_span(f.start, f.end, label="EVENT", alignment_mode="expand")
                    if span is not None:
                        ents.append(span)
            ents.extend(Span(doc, s, e, label="GPE") for _, s, e in self.matcher(doc))
            doc.ents = filter_spans(ents)
        return doc


@Language.factory("factcheck", default_config={"date": None, "entities": True})
def make_factcheck(nlp: Language, name: str, date: str | None, entities: bool) -> Any:
    return FactcheckComponent(nlp, date=date, entities=entities)
