"""The cue classifier (attribution_cues): candidates, features, the one-item maximum-entropy model, and the claims
it adds where rules and CRF find nothing.

Every text here was written for these tests.
"""

from __future__ import annotations

import pytest


def _attrs(nlp, text):
    from sitreps.extract.attribution_crf import DocAttrs

    doc = nlp(text)
    return doc, DocAttrs.of(doc)


def test_cue_candidates_are_parsed_verbs_and_cue_nouns_outside_covered_text(nlp):
    from sitreps.extract.attribution_cues import candidates

    text = "The senator congratulated the crews, and the convoy crossed the river after the statement."
    doc, a = _attrs(nlp, text)
    words = [doc[i].text for i in candidates(a, None, {"statement": 0.4}, frozenset())]
    assert "congratulated" in words and "crossed" in words
    assert "statement" in words  # a noun annotators often mark as a cue
    assert "river" not in words and "the" not in words  # other nouns and function words are not
    # characters already inside a claim are not classified again
    cov = bytearray(len(text))
    s = text.index("congratulated")
    cov[s:s + len("congratulated")] = b"\x01" * len("congratulated")
    words = [doc[i].text for i in candidates(a, cov, {"statement": 0.4}, frozenset())]
    assert "congratulated" not in words and "crossed" in words
    # a noun the annotators rarely mark is no candidate
    words = [doc[i].text for i in candidates(a, None, {"statement": 0.01}, frozenset())]
    assert "statement" not in words


def test_cue_features_read_clause_subject_and_prior(nlp):
    from sitreps.extract.attribution_cues import children_of, features

    text = "He warned that the bridge would close before dawn."
    doc, a = _attrs(nlp, text)
    i = next(t.i for t in doc if t.text == "warned")
    f = features(a, children_of(a, [i]), i, {"warn": 0.8}, frozenset({"warned"}), bytearray(len(text)))
    assert "l=warn" in f and "c=ccomp" in f and "mk=that" in f and "lc=warn|1" in f
    assert "s=pron:he" in f and "p=7" in f and "cw" in f
    assert "inq" not in f
    # inside a quotation
    f = features(a, children_of(a, [i]), i, {}, frozenset(), bytearray(b"\x01" * len(text)))
    assert "inq" in f and "p=na" in f and "cw" not in f


def test_cue_classifier_items_are_independent_and_learned(tmp_path):
    from sitreps.extract.attribution_cues import load_classifier, train_classifier

    items = [(["b", "l=praise", "c=dobj"], "C"), (["b", "l=cross", "c=dobj"], "O"),
             (["b", "l=praise", "c=ccomp"], "C"), (["b", "l=cross", "c=prep"], "O")] * 20
    path = train_classifier(items, tmp_path / "cls.crfsuite", min_freq=1)
    cls = load_classifier(path)
    assert cls is not None
    praise, cross = ["b", "l=praise", "c=dobj"], ["b", "l=cross", "c=dobj"]
    alone = cls.probabilities([praise])[0]
    both = cls.probabilities([cross, praise, cross])
    assert alone > 0.8 and both[0] < 0.2
    # no transitions: an item's probability does not depend on its neighbours in the call
    assert abs(both[1] - alone) < 1e-9
    assert load_classifier(tmp_path / "missing.crfsuite") is None


@pytest.mark.slow
def test_cue_classifier_adds_a_claim_rules_and_crf_miss(pipeline, make_article, monkeypatch):
    """Fails without the shipped classifier: neither the rules nor the CRF take "congratulated"."""
    stage = next(s for s in pipeline.stages if getattr(s, "name", "") == "attribution")
    assert stage.classifier is not None, "the shipped cue classifier was not loaded"
    text = "The senator congratulated the rescue crews on their quick response."
    claims = pipeline.extract(make_article(text)).claims
    hits = [c for c in claims if c.cue is not None and c.cue.text == "congratulated"]
    assert len(hits) == 1
    c = hits[0]
    assert c.source.evidence is not None and c.source.evidence.text == "The senator"
    assert c.evidence.text.startswith("the rescue crews")
    monkeypatch.setattr(stage, "classifier", None)
    claims = pipeline.extract(make_article(text)).claims
    assert not [c for c in claims if c.cue is not None and c.cue.text == "congratulated"]


@pytest.mark.slow
def test_cue_classifier_leaves_plain_events_alone(pipeline, make_article):
    claims = pipeline.extract(make_article("The convoy crossed the river at dawn and reached the town.")).claims
    assert claims == []


def test_cue_training_items_label_gold_cues_outside_rule_claims(nlp, tmp_path):
    from sitreps.evaluate.attribution import GoldDoc
    from sitreps.extract.attribution_cues import load_classifier, training_items
    from sitreps.extract.attribution_train import train_cue_classifier

    text = ("The mayor said that the bridge would reopen. The senator congratulated the crews on their work. "
            "The convoy crossed the river.")
    s = text.index("congratulated")
    gold = GoldDoc("written", text, {"cue": [((s, s + len("congratulated")),)], "source": [], "content": []})
    doc = nlp(text)
    items = training_items([gold], [doc], {}, frozenset())
    labels = {next(f for f in feats if f.startswith("l=")): label for feats, label in items}
    assert labels["l=congratulate"] == "C" and labels["l=cross"] == "O"
    # "said" and its clause are a rule claim: not a candidate, as at run time
    assert "l=say" not in labels and "l=reopen" not in labels
    # the training command's step: prior and cue words read from the directory, the model written next to them
    (tmp_path / "cue_prior.tsv").write_text("# header\ncongratulate\t40\t30\n", encoding="utf-8")
    (tmp_path / "cue_words.txt").write_text("congratulated\n", encoding="utf-8")
    path = train_cue_classifier([gold] * 5, [doc] * 5, tmp_path)
    assert path.name == "cue_classifier.crfsuite" and load_classifier(path) is not None


@pytest.mark.parametrize("text, word, cue, content", [
    ("The minister expressed deep concern about the shelling of the port.", "expressed",
     "expressed deep concern about", "the shelling of the port"),
    ("The mayor voiced support for the new ferry line.", "support", "voiced support for", "the new ferry line"),
    ("The council is trying to show that the plan works.", "trying", "is trying to show",
     "that the plan works"),
    ("The rebels referred to the convoy as a provocation.", "referred", "referred to", "the convoy"),
])
def test_cue_phrase_runs_over_light_verb_noun_infinitive_and_preposition(nlp, text, word, cue, content):
    from sitreps.extract.attribution import _complement, _cue_phrase
    from sitreps.extract.attribution_rules import cue_extent

    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    span, start, end = _cue_phrase(doc, tok, cue_extent(tok), {"concern": 0.3, "support": 0.3})
    assert text[span[0]:span[1]] == cue
    comp = _complement(doc, start, end, [], prep_object=True)
    assert comp is not None and text[comp[0]:comp[1]] == content


def test_cue_phrase_leaves_an_event_object_out(nlp):
    from sitreps.extract.attribution import _cue_phrase
    from sitreps.extract.attribution_rules import cue_extent

    text = "The colonel celebrated his birthday with the troops."
    doc = nlp(text)
    tok = next(t for t in doc if t.text == "celebrated")
    span, _, _ = _cue_phrase(doc, tok, cue_extent(tok), {"birthday": 0.0, "concern": 0.3})
    assert text[span[0]:span[1]] == "celebrated"


def test_crf_claim_the_classifier_disbelieves_is_dropped(nlp):
    from sitreps.extract import attribution as A
    from sitreps.extract.attribution_rules import Found

    text = "The convoy crossed the river at dawn, and the colonel said so."
    doc = nlp(text)
    i = next(t.i for t in doc if t.text == "crossed")
    s = text.index("crossed")
    crf = Found((s, s + len("crossed")), (s + 8, s + 27), (0, 10), "The convoy", "crf", "cross")
    rule = Found((s, s + len("crossed")), (s + 8, s + 27), (0, 10), "The convoy", "verb+ccomp", "cross")
    assert A.DROP_CRF_BELOW > 0
    assert A._crf_disbelieved(doc, crf, {i: A.DROP_CRF_BELOW / 2})
    assert not A._crf_disbelieved(doc, crf, {i: 0.9})
    assert not A._crf_disbelieved(doc, rule, {i: 0.0})  # rule claims are never dropped
    assert not A._crf_disbelieved(doc, crf, {})  # no candidate inside the cue: kept


@pytest.mark.slow
@pytest.mark.parametrize("text, cue, source, content", [
    ("The regional governor did not comment on the evacuation of the two villages.", "did not comment on",
     "The regional governor", "the evacuation of the two villages"),
    ("The minister expressed deep concern about the shelling of the port.", "expressed deep concern about",
     "The minister", "the shelling of the port"),
])
def test_cue_phrase_claims_keep_the_verbs_subject_as_source(pipeline, make_article, text, cue, source, content):
    claims = pipeline.extract(make_article(text)).claims
    hits = [c for c in claims if c.cue is not None and c.cue.text == cue]
    assert len(hits) == 1, [(c.cue and c.cue.text, c.evidence.text) for c in claims]
    assert hits[0].source.evidence is not None and hits[0].source.evidence.text == source
    assert hits[0].evidence.text == content


@pytest.mark.parametrize("text, content", [
    ("As the ministry revealed, the ferry company agreed to resume service on Monday.",
     "the ferry company agreed to resume service on Monday"),
    ("The ferry company agreed to resume service on Monday, as the regional newspaper noted.",
     "The ferry company agreed to resume service on Monday"),
])
def test_as_clause_cue_takes_the_clause_it_modifies(nlp, text, content):
    from sitreps.extract.attribution import _as_clause

    doc = nlp(text)
    tok = next(t for t in doc if t.text in ("revealed", "noted"))
    comp = _as_clause(doc, tok, [])
    assert comp is not None and text[comp[0]:comp[1]] == content
    assert _as_clause(doc, tok, [comp]) is None  # inside a claim already: none
    # no "as" clause: nothing
    other = nlp("The ministry revealed the ferry timetable on Monday.")
    assert _as_clause(other, next(t for t in other if t.text == "revealed"), []) is None


def test_enclosing_complement_takes_a_complement_holding_whole_claims(nlp):
    from sitreps.extract.attribution import _complement, _enclosing_complement
    from sitreps.extract.attribution_rules import Found

    text = "Her deputy added: “The governor believes that the bridge will reopen in May.”"
    doc = nlp(text)
    tok = next(t for t in doc if t.text == "added")
    s, e = tok.idx, tok.idx + len(tok.text)
    b = text.index("believes")
    inner = Found((b, b + 8), (b + 9, text.index(" in May") + 7), (text.index("The governor"), b - 1),
                  "governor", "verb+ccomp", "believe")
    assert _complement(doc, s, e, [inner.cue, inner.content, inner.source]) is None
    comp = _enclosing_complement(doc, s, e, [inner], False)
    assert comp is not None and comp[0] <= inner.source[0] and inner.content[1] <= comp[1]
    # a claim reaching outside the complement (its source before the cue) blocks it
    outside = Found(inner.cue, inner.content, (0, 10), "Her deputy", "crf", "believe")
    assert _enclosing_complement(doc, s, e, [outside], False) is None
    # no claim inside: the plain complement's business, not this one's
    assert _enclosing_complement(doc, s, e, [], False) is None


def test_classifier_cue_phrase_that_took_the_object_falls_back_to_the_verb(pipeline, nlp, tmp_path, monkeypatch):
    """A classifier trained here to accept "defend": its phrase "defended his decision" has nothing left to
    govern, so the claim is the verb's, with the object as content."""
    from sitreps.doctext import doc_text, seed_doc_text
    from sitreps.extract import attribution as A
    from sitreps.extract.attribution import AttributionStage
    from sitreps.extract.attribution_cues import load_classifier, train_classifier
    from sitreps.extract.attribution_quotes import find_quotes

    stage = next(s for s in pipeline.stages if getattr(s, "name", "") == "attribution")
    assert stage.tagger is not None and stage.tagger.cue_prior.get("decision", 0) >= A.CUE_PHRASE_NOUN_MIN
    items = [(["b", "l=defend", "c=dobj"], "C")] * 20 + [(["b", "l=cross", "c=dobj"], "O")] * 20
    cls = load_classifier(train_classifier(items, tmp_path / "cls.crfsuite"))
    text = "The harbour master defended his decision yesterday."
    doc = nlp(text)
    seed_doc_text(doc, text)
    own = AttributionStage(stage.tagger, cls)
    quotes = find_quotes(doc_text(doc))
    got = own._classifier_claims(doc, [], quotes, 0)
    assert [(text[f.cue[0]:f.cue[1]], text[f.content[0]:f.content[1]]) for f in got] == [
        ("defended", "his decision")]
    assert text[got[0].source[0]:got[0].source[1]] == "The harbour master"
    monkeypatch.setattr(A, "PHRASE_FALLBACK", False)
    assert own._classifier_claims(doc, [], quotes, 0) == []


def _span_of(text, part):
    k = text.index(part)
    return k, k + len(part)


@pytest.mark.parametrize("text, part, span, name, pron", [
    # a relative pronoun is named after the noun it stands for
    ("The delegation met the harbour master, Ana Ruiz, who stressed the need for more ferries.", "who",
     "who", "Ana Ruiz", False),
    # a long source holding a person: the person
    ("Serbia's deputy trade minister Marko Petrovic on Tuesday criticised the new tariffs.",
     "Serbia's deputy trade minister Marko Petrovic on Tuesday", None, "Marko Petrovic", False),
    # quote marks at the edge are no part of it: a pronoun, resolved later
    ("The crews left the port.“They crossed the river at night,” a sailor recalled.", "“They", "They", None,
     True),
])
def test_model_sources_are_named_like_rule_sources(nlp, text, part, span, name, pron):
    from sitreps.doctext import seed_doc_text
    from sitreps.extract import attribution as A

    doc = nlp(text)
    seed_doc_text(doc, text)
    src, got, is_pron = A._model_source(doc, _span_of(text, part))
    assert src is not None and text[src[0]:src[1]] == (span or part)
    assert (got, is_pron) == (name, pron)


def test_model_source_of_two_persons_names_both_and_each_keeps_its_own_short_form(nlp):
    from sitreps.doctext import seed_doc_text
    from sitreps.extract import attribution as A
    from sitreps.extract.attribution_rules import Found

    text = "Guests of the programme, retired general John Miller and analyst Peter Grant, called for talks."
    doc = nlp(text)
    seed_doc_text(doc, text)
    _, name, _ = A._model_source(doc, _span_of(text, text[:text.index(", called")]))
    assert name == "John Miller; Peter Grant"
    seen = [A._Speaker(name, "unknown", None, None, 0, True, None)]
    f = Found((60, 66), (67, 70), (50, 55), "Grant", "verb+ccomp", "say")
    longer = A._longer_name("Grant", seen, f)
    assert longer is not None and longer.name == "Peter Grant"


def test_crf_source_gives_way_to_the_cue_verbs_own_subject(nlp):
    from sitreps.doctext import seed_doc_text
    from sitreps.extract import attribution as A

    text = "Critics include the novelist Ana Ruiz. On Monday, former Gov. Tom Baker called the mayor “reckless.”"
    doc = nlp(text)
    seed_doc_text(doc, text)
    cue = _span_of(text, "called")
    tagged = _span_of(text, "the novelist Ana Ruiz")  # a name the CRF tagged in the sentence before
    got = A._prefer_subject(doc, cue, tagged, [], set())
    assert text[got[0]:got[1]] == "former Gov. Tom Baker"
    # a tag overlapping the subject stays; so does one beside a pronoun subject
    assert A._prefer_subject(doc, cue, _span_of(text, "Tom Baker"), [], set()) == _span_of(text, "Tom Baker")
    text2 = "Critics include the novelist Ana Ruiz. On Monday, he called the mayor “reckless.”"
    doc2 = nlp(text2)
    seed_doc_text(doc2, text2)
    tagged2 = _span_of(text2, "the novelist Ana Ruiz")
    assert A._prefer_subject(doc2, _span_of(text2, "called"), tagged2, [], set()) == tagged2


def test_model_claims_subject_is_the_nearest_in_the_paragraph(nlp, monkeypatch):
    from sitreps.doctext import seed_doc_text
    from sitreps.extract import attribution as A

    text = "Talks ended late.\n\n___.\n\n12:15 p.m.:\n\nPresident Ana Ruiz says that the ferry will run again."
    doc = nlp(text)
    seed_doc_text(doc, text)
    says = _span_of(text, "says")
    got = A._subject(doc, says[0], says[1], [])
    assert got is not None and text[got[0]:got[1]] == "President Ana Ruiz"
    monkeypatch.setattr(A, "NEAREST_SUBJECT_MODEL", False)
    got = A._subject(doc, says[0], says[1], [])
    assert got is None or text[got[0]:got[1]] != "President Ana Ruiz"
