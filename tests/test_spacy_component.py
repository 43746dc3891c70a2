from __future__ import annotations

import spacy

import factcheck.spacy_component  # noqa: F401  (registers the factory)


def test_component_in_a_blank_multilingual_pipeline() -> None:
    nlp = spacy.blank("xx")
    nlp.add_pipe("factcheck", config={"date": "2023-11-25"})
    text = (
        "He attended the 23rd Korea-China-Japan Conference. "
        "이달 21~25일 '제25회 한중일 회의' in Seoul."
    )
    doc = nlp(text)
    kinds = {(f.kind, f.text) for f in doc._.facts}
    assert ("ordinal", "제25회") in kinds
    assert ("daterange", "이달 21~25일") in kinds
    for f in doc._.facts:
        assert doc.text[f.start : f.end] == f.text
    assert {s.label_ for s in doc.spans["facts"]} >= {"ordinal", "daterange", "event"}
    labels = {(e.label_, e.text) for e in doc.ents}
    assert ("GPE", "Seoul") in labels
    assert any(label == "EVENT" and "Conference" in t for label, t in labels)


def test_publication_date_per_document() -> None:
    nlp = spacy.blank("xx")
    nlp.add_pipe("factcheck")
    doc = nlp.make_doc("회의는 22일 열렸다.")
    doc._.pub_date = "2023-11-25"
    doc = nlp(doc)
    (date,) = [f for f in doc._.facts if f.kind == "date"]
    assert date.attrs["resolved"] == "2023-11-22"


def test_factory_is_found_through_the_entry_point() -> None:
    # Installed packages register "factcheck" under spacy_factories (pyproject.toml).
    from importlib.metadata import entry_points

    names = {ep.name for ep in entry_points(group="spacy_factories")}
    assert "factcheck" in names
