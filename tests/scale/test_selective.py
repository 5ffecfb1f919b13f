"""Selective parsing: one Doc over the exact text, the tokenizer's boundaries, and the same records."""

from __future__ import annotations

import pytest

from sitreps.scale.selective import (
    DEFAULT_CUES,
    FULL,
    NER,
    NONE,
    SelectiveDocMaker,
    scan_sentence,
    sentence_starts,
)

TEXTS = [
    "Ukrainian forces pushed Russian troops back from Rubizhne on May 14, the General Staff said. "
    "It was a quiet morning.\n\nOfficials in Kharkiv reported that 12 civilians were wounded by shelling.",
    "Gen. Valerii Zaluzhnyi met U.S. officials in Kyiv.  Nothing else happened.\n"
    "\u201cWe will hold the line,\u201d a spokesperson told reporters on Tuesday.",
    "the weather was mild and the roads were dry",
    "",
    "   \n  ",
    "Russian forces shelled Izium; 3 people died. Some 40 tanks were destroyed near Balakliia, "
    "according to the Ukrainian military.",
]


def test_sentence_starts_splits_on_punctuation_and_newlines() -> None:
    text = "Forces advanced. Gen. Smith said so!\nNext line here. and lower case goes on."
    starts = sentence_starts(text)
    pieces = [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)], strict=False)]
    assert pieces == ["Forces advanced. ", "Gen. Smith said so!\n", "Next line here. and lower case goes on."]


@pytest.mark.parametrize(("sentence", "tier"), [
    ("The General Staff said the attack failed.", FULL),
    ("\u201cHold the line.\u201d", FULL),
    ("Troops stayed in Kupiansk for the winter.", NER),
    ("There were 14 of them.", NER),
    ("the weather was mild.", NONE),
])
def test_scan_sentence_tiers(sentence: str, tier: int) -> None:
    assert scan_sentence(sentence, DEFAULT_CUES, ()) == tier


@pytest.mark.slow
@pytest.mark.parametrize("policy", ["tiers", "cues"])
def test_selective_doc_matches_text_and_tokens(nlp, policy: str) -> None:
    maker = SelectiveDocMaker(nlp, policy=policy)
    docs = maker(TEXTS)
    full = list(nlp.pipe(TEXTS))
    for text, doc, ref in zip(TEXTS, docs, full, strict=True):
        assert doc.text == text
        assert [(t.idx, t.text, t.whitespace_) for t in doc] == [(t.idx, t.text, t.whitespace_) for t in ref]
        if len(doc):
            sents = list(doc.sents)
            assert sents[0].start == 0 and sents[-1].end == len(doc)
    # the reporting sentence is parsed: its cue verb heads a clause
    said = next(t for t in docs[0] if t.text == "said")
    assert said.dep_ and said.pos_ == "VERB"
    # a sentence with no cue, no capital past the first word and no number is left unparsed
    assert all(not t.dep_ for t in docs[2])
    assert "Kharkiv" in {e.text for e in docs[0].ents}


@pytest.mark.slow
def test_selective_records_equal_full_parse(pipeline, make_article) -> None:
    from sitreps.pipeline import Pipeline

    full = Pipeline(pipeline.settings, pipeline.resources, pipeline.stages)  # nlp.pipe on the whole text
    selective = Pipeline(pipeline.settings, pipeline.resources, pipeline.stages,
                         SelectiveDocMaker(pipeline.nlp))
    articles = [make_article(t, published="2022-05-16") for t in TEXTS if t.strip()]
    a = [r.to_dict() for r in full.pipe(articles)]
    b = [r.to_dict() for r in selective.pipe(articles)]
    assert a == b
