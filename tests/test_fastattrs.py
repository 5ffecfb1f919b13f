"""The table-driven attribute ruler and lemmatizer give exactly what spaCy's own components give."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitreps.fastattrs import FastAttributeRuler, FastLemmatizer, install_fast_attrs

DEMO = Path(__file__).resolve().parents[1] / "src" / "sitreps" / "data" / "demo" / "reports.jsonl"

# Written for this test: contractions and multi-word forms the ruler's exception patterns cover ("gonna",
# "let's", "y'all", "ain't", "nothin'", "there is"), pronoun objects ("it" as dobj/pobj), auxiliaries,
# subordinators, negation, determiners outside "det", runs of spaces and newlines, odd casing.
SENTENCES = [
    "We're gonna hold the bridge, and they ain't gonna take it, the commander said.",
    "Let's be clear: there is nothin' left of the depot, and there are no trucks either.",
    "Y'all should've seen it.  They gave it to me after the shelling stopped.\n\n  Then what?",
    "If the convoy doesn't arrive by Tuesday, whether or not the road is open, I'd go anyway.",
    "That is what they did; those who stayed have been doing it since 2014, although few admit it.",
    "The drones were shot down near Kherson, officials said, while 3,000 residents fled.",
    "GENERAL STAFF: Russian forces are reportedly regrouping.   Gotta wait and see, c'mon.",
    "I am not sure. You aren't either. She'd have known, wouldn't she? It's 5 p.m. now.",
    "",
    "   \n\t ",
]


@pytest.fixture(scope="module")
def plain_nlp(settings):  # type: ignore[no-untyped-def]
    from sitreps.nlp import load_nlp

    return load_nlp(settings.replace(fast_attrs=False))


def _attrs(doc):  # type: ignore[no-untyped-def]
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_) for t in doc]


def _demo_texts() -> list[str]:
    with DEMO.open(encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh]


def test_default_pipeline_uses_the_fast_components(nlp, plain_nlp) -> None:  # type: ignore[no-untyped-def]
    assert isinstance(nlp.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), FastLemmatizer)
    assert nlp.pipe_names == plain_nlp.pipe_names
    assert not isinstance(plain_nlp.get_pipe("attribute_ruler"), FastAttributeRuler)


def test_same_token_attributes_on_our_sentences(nlp, plain_nlp) -> None:  # type: ignore[no-untyped-def]
    fast = list(nlp.pipe(SENTENCES))
    slow = list(plain_nlp.pipe(SENTENCES))
    for a, b in zip(fast, slow, strict=True):
        assert _attrs(a) == _attrs(b)
    # the exception patterns did fire on these sentences (the test would be vacuous otherwise)
    lemmas = {t.lower_: t.lemma_ for t in slow[0]}
    assert lemmas["gon"] == "go" and lemmas["na"] == "to"


def test_same_token_attributes_on_the_demo_corpus(nlp, plain_nlp) -> None:  # type: ignore[no-untyped-def]
    texts = _demo_texts()
    assert len(texts) >= 20
    for a, b in zip(nlp.pipe(texts), plain_nlp.pipe(texts), strict=True):
        assert _attrs(a) == _attrs(b)


def test_same_without_parser(nlp, plain_nlp) -> None:  # type: ignore[no-untyped-def]
    # dependency patterns see no labels when the parser is off; both must agree on that too
    for a, b in zip(nlp.pipe(SENTENCES, disable=["parser"]), plain_nlp.pipe(SENTENCES, disable=["parser"]),
                    strict=True):
        assert _attrs(a) == _attrs(b)


def test_install_on_a_loaded_model_replaces_in_place(settings) -> None:  # type: ignore[no-untyped-def]
    from sitreps.nlp import load_nlp

    nlp = load_nlp(settings.replace(fast_attrs=False))
    before = nlp("They gave it to me.")
    names = nlp.pipe_names
    assert install_fast_attrs(nlp) == ["attribute_ruler", "lemmatizer"]
    assert nlp.pipe_names == names
    assert _attrs(nlp("They gave it to me.")) == _attrs(before)
    assert install_fast_attrs(nlp) == []  # already replaced: nothing left to swap


def test_same_when_the_tables_overflow(nlp, plain_nlp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import sitreps.fastattrs as fastattrs

    monkeypatch.setattr(fastattrs, "MAX_CACHE", 5)  # emptied and refilled many times per sentence
    nlp.get_pipe("attribute_ruler")._cache.clear()
    nlp.get_pipe("lemmatizer")._cache.clear()
    for a, b in zip(nlp.pipe(SENTENCES), plain_nlp.pipe(SENTENCES), strict=True):
        assert _attrs(a) == _attrs(b)
    assert len(nlp.get_pipe("attribute_ruler")._cache) <= 5
    assert len(nlp.get_pipe("lemmatizer")._cache) <= 5
