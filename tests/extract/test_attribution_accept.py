"""The CRF claim filter (attribution_accept, round 11): the CRF's marginals on its spans, the filter's features,
the one-item maximum-entropy model, and the stage loading and applying it.

Every text here was written for these tests.
"""

from __future__ import annotations

import pytest


def test_crf_spans_carry_their_marginals_when_asked(nlp):
    from sitreps.extract.attribution_crf import load_tagger

    text = ("The harbour master said on Friday that the ferry would not sail. "
            "Officials warned that the storm could last until Sunday.")
    doc = nlp(text)
    tagger = load_tagger()
    plain = tagger.tag(doc)
    assert plain and all(s.p == 1.0 and not s.recovered for s in plain)
    tagger.with_marginals = True
    try:
        spans = tagger.tag(doc)
    finally:
        tagger.with_marginals = False
    assert [(s.role, s.start, s.end) for s in spans] == [(s.role, s.start, s.end) for s in plain]
    assert all(0.0 < s.p <= 1.0 + 1e-9 for s in spans)
    assert any(s.p < 0.999 for s in spans)  # real marginals, not the default


def test_crf_accept_features_read_marginals_classifier_source_and_shape(nlp):
    from sitreps.extract.attribution_accept import features
    from sitreps.extract.attribution_rules import Found

    text = "The harbour master warned that the ferry would not sail."
    doc = nlp(text)
    s = text.index("warned")
    c0 = text.index("the ferry")
    f = Found((s, s + 6), (c0, len(text) - 1), (0, s - 1), "harbour master", "crf", "warn",
              crf={"pc": 0.42, "rec": 1.0, "pn": 0.8, "ps": 0.9, "sh": 1.0})
    i = next(t.i for t in doc if t.text == "warned")
    x = features(doc, f, {i: 0.95}, {"warn": 0.6}, bytearray(len(text)))
    assert x["pc"] == pytest.approx(0.42) and x["rec"] == 1.0
    assert x["pcls"] == pytest.approx(0.95) and "pcls=1" in x
    assert "sh=tag" in x and "sd=before" in x and "con=after" in x
    assert "l=warn" in x and "prior=0.7" in x
    assert "nocand" not in x and "inq" not in x
    # no classifier candidate in the cue, no source, content from the parse
    f2 = Found((s, s + 6), (c0, len(text) - 1), None, None, "crf", "warn", crf={"pc": 0.3, "pn": -1.0})
    x2 = features(doc, f2, {}, {}, bytearray(len(text)))
    assert "nocand" in x2 and "sk=none" in x2 and "compl" in x2 and "prior=na" in x2


def test_crf_accept_model_learns_and_scores_items_independently(tmp_path):
    from sitreps.extract.attribution_accept import load_accept, train_accept

    good = {"b": 1.0, "pc": 0.9, "pcls=1": 1.0}
    bad = {"b": 1.0, "pc": 0.2, "nocand": 1.0}
    path = train_accept([(good, "Y"), (bad, "N")] * 30, tmp_path / "acc.crfsuite", c2=0.1, min_freq=1)
    acc = load_accept(path)
    assert acc is not None
    alone = acc.probabilities([good])[0]
    both = acc.probabilities([bad, good])
    assert alone > 0.8 and both[0] < 0.2
    assert abs(both[1] - alone) < 1e-9
    assert load_accept(tmp_path / "missing.crfsuite") is None


@pytest.mark.slow
def test_stage_with_a_filter_drops_crf_claims_below_its_threshold(pipeline, nlp, tmp_path):
    from sitreps.doctext import seed_doc_text
    from sitreps.extract.attribution import AttributionStage
    from sitreps.extract.attribution_accept import load_accept, train_accept
    from sitreps.extract.attribution_quotes import find_quotes

    shipped = next(s for s in pipeline.stages if getattr(s, "name", "") == "attribution")
    items = [({"b": 1.0, "pc": 0.9}, "Y"), ({"b": 1.0, "pc": 0.1}, "N")] * 20
    accept = load_accept(train_accept(items, tmp_path / "acc.crfsuite", min_freq=1))
    assert accept is not None
    shipped.tagger.with_marginals = True
    try:
        stage = AttributionStage(shipped.tagger, shipped.classifier, accept)
        text = "The council took a sober view of history and voted against the new statue."
        doc = nlp(text)
        seed_doc_text(doc, text)
        accept.threshold = 0.0
        crf = [f for f in stage.find(doc, find_quotes(text)) if f.pattern == "crf"]
        assert crf and all(f.crf is not None and 0.0 < f.crf["pc"] <= 1.0 + 1e-9 for f in crf)
        accept.threshold = 1.01  # every CRF claim below it
        assert not [f for f in stage.find(doc, find_quotes(text)) if f.pattern == "crf"]
    finally:
        shipped.tagger.with_marginals = False
