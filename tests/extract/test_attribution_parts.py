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
