"""Fast tests of the attribution helpers: quote scanner, lexicons, certainty, PolNeAR scoring (no spaCy)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitreps.evaluate.attribution import match_exact, match_overlap, parse_ann
from sitreps.extract.attribution_lexicon import (
    certainty_of,
    channel_of,
    find_hedges,
    find_reporting,
    kind_of,
    load_cue_forms,
    side_of,
)
from sitreps.extract.attribution_quotes import find_quotes


def test_quotes_curly_pair():
    text = "He said “we hold the town” today."
    (q,) = find_quotes(text)
    assert text[q.start:q.end] == "we hold the town" and q.closed


def test_quotes_straight_pair_and_unclosed_paragraph():
    text = 'She said "no retreat" and then "more to come\nNext line.'
    qs = find_quotes(text)
    assert [text[q.start:q.end] for q in qs] == ["no retreat", "more to come"]
    assert not qs[1].closed


def test_quotes_lost_opener_runs_from_paragraph_start():
    text = "the column was hit,” the officer said."
    (q,) = find_quotes(text)
    assert text[q.start:q.end] == "the column was hit," and not q.closed


@given(st.text(alphabet=st.sampled_from(list("ab “”\"«»\n.,")), max_size=80))
def test_quotes_never_raise_and_stay_inside(text):
    for q in find_quotes(text):
        assert 0 <= q.start < q.end <= len(text)


def test_hedges_and_reporting_are_disjoint_lists():
    text = "Troops were reportedly and likely moving; an estimated 40 tanks, it is said to be, were reported to move"
    hedges, reporting = find_hedges(text), find_reporting(text)
    assert "likely" in hedges and "estimated" in hedges
    assert "reportedly" in reporting and "were reported to" in reporting
    assert not set(hedges) & set(reporting)


@pytest.mark.parametrize(("hedges", "reporting", "kind", "identified", "want"), [
    ([], [], "military", True, "asserted"),
    (["likely"], [], "think_tank", True, "hedged"),
    ([], ["reportedly"], "media", True, "reported"),
    ([], [], "social_media_user", True, "unverified"),
    ([], [], "unknown", False, "unverified"),
    (["may"], ["unconfirmed"], "government", True, "unverified"),
])
def test_certainty_scheme(hedges, reporting, kind, identified, want):
    assert certainty_of(hedges, reporting, kind, identified) == want


def test_kind_side_channel_words():
    assert kind_of("a spokesperson for the Ukrainian General Staff") == "military"
    assert kind_of("The Institute for the Study of War") == "think_tank"
    assert kind_of("unnamed officials") == "anonymous"
    assert side_of("the Russian defence ministry") == "RU"
    assert channel_of("posted on Telegram late on Friday") == "telegram"
    assert channel_of("nothing here") is None
    assert {"said", "tweeted", "claimed"} <= load_cue_forms()


@pytest.mark.parametrize(("name", "kind"), [
    ("Kyiv", "government"), ("Moscow", "government"), ("the Kremlin", "government"), ("Russia's", "government"),
    ("the US", "government"), ("Putin", "government"), ("city council", "government"),
    ("Kyiv Independent", "media"),  # a state's name inside a longer name is no state
    ("Videos", "video"), ("A second image", "video"), ("a photograph", "video"),
    ("Norwegian Refugee Council", "unknown"), ("The", "unknown"), ("a dock worker", "unknown"),
    # the commands and intelligence services war reports cite daily
    ("Ukraine's Southern Operational Command", "military"), ("the GUR", "military"),
    ("the Main Intelligence Directorate", "military"), ("Rebel forces", "military"), ("the SBU", "government"),
])
def test_kind_of_states_leaders_and_councils(name, kind):
    # a state named as the speaker is its government ("Kyiv says"), so its claims are not left of unknown kind
    assert kind_of(name) == kind


def test_side_of_leaders_named_alone():
    assert side_of("Shoigu") == "RU" and side_of("Kuleba") == "UA" and side_of("Blinken") == "US"


ANN = (
    "T1\tSource 0 8\tThe mayor\n"
    "T2\tCue 9 13\tsaid\n"
    "T3\tContent 14 30;40 50\tx\n"
    "T4\tAttribution 9 13\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
)


def test_parse_ann_reads_discontinuous_content():
    spans, rels = parse_ann(ANN)
    assert spans["content"] == [((14, 30), (40, 50))]
    assert spans["source"] == [((0, 8),)]
    assert rels and set(rels[0]) == {"source", "cue", "content"}


def test_overlap_matching_is_one_to_one():
    gold = [((0, 10),)]
    assert match_overlap([((2, 4),), ((5, 9),)], gold) == 1
    assert match_overlap([((10, 12),)], gold) == 0


def test_exact_matching_trims_quotes_and_punctuation():
    text = "“We hold,” he said."
    assert match_exact(text, [((1, 8),)], [((0, 10),)]) == 1
    assert match_exact(text, [((1, 5),)], [((0, 10),)]) == 0


def test_offset_map_follows_cleaned_text_back_to_the_gold_text():
    from sitreps.evaluate.attribution import offset_map

    original = "Headline here; \nThe mayor said it rained.\n"
    clean = "Headline here;\nThe mayor said it rained."
    to_orig = offset_map(clean, original)
    i = clean.index("mayor")
    assert original[to_orig(i):to_orig(i + 4) + 1] == "mayor"
    assert offset_map("same", "same")(3) == 3


def test_univocal_scoring_leaves_out_nested_claims():
    from sitreps.evaluate.attribution import predicted_spans
    from sitreps.ingest import make_article
    from sitreps.model import ArticleResult, Claim, Source, Span

    text = "The mayor said the chief told him the bridge fell."
    art = make_article(text)
    outer = Claim(id="c0", evidence=Span.of(text, 15, len(text) - 1), source=Source(
        "mayor", "government", Span.of(text, 4, 9)), cue=Span.of(text, 10, 14))
    inner = Claim(id="c1", evidence=Span.of(text, 33, len(text) - 1), source=Source(
        "chief", "unknown", Span.of(text, 19, 24)), cue=Span.of(text, 25, 29), nested_in="c0")
    result = ArticleResult(article=art, claims=[outer, inner])
    assert predicted_spans(result)["cue"] == [((10, 14),)]
    assert len(predicted_spans(result, univocal=False)["cue"]) == 2


def test_quote_passages_of_one_cue_score_as_one_discontinuous_content():
    from sitreps.evaluate.attribution import match_exact, match_overlap, predicted_spans
    from sitreps.ingest import make_article
    from sitreps.model import ArticleResult, Claim, Source, Span

    text = "“We will win,” the coach said. “Next week, too.” The fans cheered."
    art = make_article(text)
    src = Span.of(text, 15, 24)
    cue = Span.of(text, 25, 29)
    first = Claim(id="c0", evidence=Span.of(text, 1, 12), source=Source("coach", "unknown", src), cue=cue)
    second = Claim(id="c1", evidence=Span.of(text, 32, 47), source=Source("coach", "unknown", src), cue=cue)
    other = Claim(id="c2", evidence=Span.of(text, 49, 57), source=Source("unknown", "unknown", None), cue=None)
    pred = predicted_spans(ArticleResult(article=art, claims=[first, second, other]))
    assert pred["content"][0] == ((1, 12), (32, 47))
    assert len(pred["content"]) == 2  # a claim with no cue stays alone
    gold = [((0, 14), (31, 48))]
    assert match_exact(text, pred["content"], gold) == 1
    assert match_overlap(pred["content"], gold) == 1


def test_crf_content_runs_join_neighbouring_sentences_only():
    from sitreps.extract.attribution import _contiguous
    from sitreps.extract.attribution_crf import TaggedSpan

    after = [TaggedSpan("CON", 10, 20, 1), TaggedSpan("CON", 22, 30, 2), TaggedSpan("CON", 90, 99, 5)]
    assert [t.start for t in _contiguous(after, first=True)] == [10, 22]
    assert [t.start for t in _contiguous(after, first=False)] == [90]
    assert _contiguous([], first=True) == []


def test_cue_words_are_learned_from_gold_cue_spans():
    import spacy

    from sitreps.evaluate.attribution import GoldDoc
    from sitreps.extract.attribution_train import learn_cue_words

    nlp = spacy.blank("en")
    texts = [f"Officials {w} a new road. The road {w} nothing." for w in ("vowed", "vowed", "vowed")]
    golds = []
    for t in texts:
        s = t.index("vowed")
        golds.append(GoldDoc("x", t, {"source": [], "cue": [((s, s + 5),)], "content": []}))
    words = learn_cue_words(golds, [nlp(t) for t in texts], min_count=3, min_share=0.4)
    assert "vowed" in words
    assert "road" not in words and "officials" not in words


def test_dash_credit_and_colon_speaker_lines():
    from sitreps.extract.attribution_rules import _colon_speakers, _dash_credits

    text = ("Readers wrote in.\n“The bridge must reopen. Soon.” ― Ana M. Ruiz\u00a0\n"
            "MAYOR: We open the bridge on Friday.\nNote: times are local.\nfollowed by this: nothing\n")
    quotes = [(x.start, x.end) for x in find_quotes(text)]
    dash = _dash_credits(text, quotes)
    assert [(text[f.source[0]:f.source[1]], text[f.cue[0]:f.cue[1]]) for f in dash] == [("Ana M. Ruiz", "―")]
    assert text[dash[0].content[0]:dash[0].content[1]] == "“The bridge must reopen. Soon.”"
    colon = _colon_speakers(text)
    assert [text[f.source[0]:f.source[1]] for f in colon] == ["MAYOR"]
    assert text[colon[0].content[0]:colon[0].content[1]] == "We open the bridge on Friday."


def test_dash_credit_needs_a_name_at_the_end_of_the_line():
    from sitreps.extract.attribution_rules import _dash_credits

    text = "“We hold the line” — and then the shelling began.\n"
    quotes = [(x.start, x.end) for x in find_quotes(text)]
    assert _dash_credits(text, quotes) == []


def _blank_doc(text: str):
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp(text)


def test_crf_blocks_run_twelve_sentences_and_decode_keeps_colon_cues():
    from sitreps.extract.attribution_crf import _blocks, decode, doc_features

    assert [len(b) for b in _blocks(_blank_doc(" ".join(["It rained."] * 14)))] == [12, 2]
    doc = _blank_doc("Ana said the road is shut.\nBen: the bridge is fine.")
    feats = doc_features(doc, learned=frozenset({"said", ":"}))
    assert len(feats) == 1
    block, f = feats[0]
    assert len(f) == len(block.tokens) and all(isinstance(x, str) for x in f[0])
    block.tokens, block.sent_index = block.tokens[-7:], block.sent_index[-7:]  # "Ben: the bridge is fine."
    tags = ["B-SRC", "B-CUE", "B-CON", "I-CON", "I-CON", "I-CON", "I-CON"]
    spans = decode(block, tags)
    assert [(s.role, doc.text[s.start:s.end]) for s in spans] == [
        ("SRC", "Ben"), ("CUE", ":"), ("CON", "the bridge is fine.")]


def test_crf_learns_and_tags_a_cue(tmp_path):
    from sitreps.extract.attribution_crf import doc_features, load_tagger, token_labels, train_crf

    seqs = []
    for name, what in [("Ana", "rain"), ("Ben", "snow"), ("Cho", "wind"), ("Dan", "hail")] * 3:
        text = f"{name} said {what} fell."
        doc = _blank_doc(text)
        spans = [("SRC", 0, 3, 0), ("CUE", 4, 8, 0), ("CON", 9, len(text), 0)]
        for block, feats in doc_features(doc, learned=frozenset({"said"})):
            seqs.append((feats, token_labels(block.tokens, spans)))
    path = train_crf(seqs, tmp_path / "m.crfsuite", max_iterations=30, min_freq=1)
    (tmp_path / "cue_words.txt").write_text("said\n", encoding="utf-8")
    tagger = load_tagger(path)
    doc = _blank_doc("Eve said fog fell.")
    tagged = {(t.role, doc.text[t.start:t.end]) for t in tagger.tag(doc)}
    assert ("CUE", "said") in tagged and ("SRC", "Eve") in tagged


def test_recover_cues_turns_likely_cue_words_into_cues_and_leaves_punctuation_out():
    from sitreps.extract.attribution_crf import recover_cues

    doc = _blank_doc("The mayor plans to reopen the market , aides hinted .")
    toks = list(doc)
    tags = ["B-SRC", "I-SRC", "O", "B-CON", "I-CON", "I-CON", "I-CON", "O", "O", "O", "O"]
    probs = {2: 0.45, 7: 0.9, 9: 0.2}  # "plans", the comma, "hinted"

    def marginal(label: str, i: int) -> float:
        return probs.get(i, 0.0) / 2  # split evenly over B-CUE and I-CUE

    out = recover_cues(tags, toks, 0.3, marginal)
    assert out[2] == "B-CUE"  # 0.45 reaches the threshold
    assert out[7] == "O"  # punctuation is never a cue, however likely
    assert out[9] == "O"  # 0.2 does not
    assert out[:2] == tags[:2] and out[3:7] == tags[3:7]  # tagged tokens keep their tags
    assert recover_cues(tags, toks, 0.5, marginal)[2] == "O"


def test_recover_cues_continues_a_cue_on_the_token_before():
    from sitreps.extract.attribution_crf import decode, doc_features, recover_cues

    doc = _blank_doc("Rebels called for a truce.")
    block, _ = doc_features(doc, learned=frozenset({"called"}))[0]
    tags = ["B-SRC", "B-CUE", "O", "B-CON", "I-CON", "O"]
    out = recover_cues(tags, block.tokens, 0.3, lambda label, i: 0.4 if i == 2 else 0.0)
    assert out[2] == "I-CUE"
    assert [(s.role, doc.text[s.start:s.end]) for s in decode(block, out)] == [
        ("SRC", "Rebels"), ("CUE", "called for"), ("CON", "a truce")]


def test_recover_cues_leaves_out_words_annotators_rarely_mark_as_cues():
    from sitreps.extract.attribution_crf import load_cue_prior, recover_cues

    doc = _blank_doc("The mayor plans to visit , aides hinted .")
    toks = list(doc)
    toks[2].lemma_, toks[4].lemma_, toks[7].lemma_ = "plan", "visit", "hint"
    tags = ["B-SRC", "I-SRC", "O", "O", "O", "O", "O", "O", "O"]

    def marginal(label: str, i: int) -> float:
        return 0.2 if i in (2, 4, 7) else 0.0  # 0.4 over B-CUE and I-CUE

    prior = {"plan": 0.6, "visit": 0.01}  # "hint" not in the table: judged by the marginal alone
    out = recover_cues(tags, toks, 0.3, marginal, prior, 0.2)
    assert (out[2], out[4], out[7]) == ("B-CUE", "O", "B-CUE")
    assert recover_cues(tags, toks, 0.3, marginal, prior, 0.0)[4] == "B-CUE"  # no floor: the marginal decides
    table = load_cue_prior()  # the shipped table: counts on PolNeAR train, lemmas used often
    assert table and all(0.0 <= r <= 1.0 for r in table.values())
    assert table["say"] > 0.5 > table["the"]


def test_count_cue_prior_counts_uses_and_cue_uses_per_lemma(tmp_path):
    import spacy

    from sitreps.evaluate.attribution import GoldDoc
    from sitreps.extract.attribution_crf import load_cue_prior
    from sitreps.extract.attribution_train import count_cue_prior, write_cue_prior

    nlp = spacy.blank("en")
    texts = ["Officials vowed a new road.", "The road vows nothing.", "Rebels vowed revenge."]
    golds, docs = [], []
    for k, t in enumerate(texts):
        doc = nlp(t)
        for tok in doc:
            tok.lemma_ = "vow" if tok.lower_.startswith("vow") else tok.lower_
        s = t.index("vow")
        cues = [] if k == 1 else [((s, s + 5),)]  # the second "vows" is not a cue
        golds.append(GoldDoc("x", t, {"source": [], "cue": cues, "content": []}))
        docs.append(doc)
    rows = count_cue_prior(golds, docs, min_uses=2)
    assert ("vow", 3, 2) in rows and ("road", 2, 0) in rows
    assert all(w != "." for w, _, _ in rows) and not any(w == "rebels" for w, _, _ in rows)  # punct, rare
    path = tmp_path / "cue_prior.tsv"
    write_cue_prior(rows, path)
    table = load_cue_prior(str(path))
    assert table["vow"] == 2 / 3 and table["road"] == 0.0


def test_quotes_two_apostrophes_are_one_straight_mark():
    text = "''We hold the bridge,'' the mayor said. ''He told me, 'Not one step.''' she recalled. It's the Roes' car."
    qs = find_quotes(text)
    assert [text[q.start:q.end] for q in qs] == ["We hold the bridge,", "He told me, 'Not one step.'"]
    assert all(q.closed for q in qs)
    assert find_quotes("The ferry's and the barges' crews") == []  # apostrophes alone quote nothing


def test_colon_speakers_skip_tallies_and_section_labels():
    from sitreps.extract.attribution_rules import _colon_speakers

    text = ("Ana Ruiz: The bridge is safe.\nRuiz: 1,769.\nDelegate Update: The count moved again.\n"
            "The Latest: Ferry resumes service.")
    assert [text[f.source[0]:f.source[1]] for f in _colon_speakers(text) if f.source] == ["Ana Ruiz"]
