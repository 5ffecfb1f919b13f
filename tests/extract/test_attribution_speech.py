"""``Claim.speech``: a claim someone says or thinks (True) or an act or intention (False), issue #4 round 16.
Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from sitreps.extract.attribution_speech import cue_is_speech, lemma_of
from sitreps.model import Claim, Source, Span, claim_from_dict


@pytest.mark.parametrize("cue", [
    "said", "told", "according to", "wrote", "tweeted", "reported", "believes", "thinks", "estimated",
    "shows", "indicated", "suggests", "warned", "called for", "called on", "urged", "pledged", "vowed",
    "promised", "has sworn", "threatened", "demanded", "denied", "accused", "condemned", "criticized",
    "statement", "claims", "allegations", "report", "criticism", "filmed a convoy of", "has repeatedly claimed", "continued to claim",
    "expressed concern about", "made a clear reference to", "issued a warning", "held talks", "released",
    "spelled out his thoughts on", "agreed that", "said:", ":", "fears", "hopes", "expects", "concluded",
    "reportedly", "allegedly", "were also reportedly", "likely", "it is far from clear", "appreciating",
    "has repeatedly spoken about", "would argue", "can quite understand", "have been boasting about",
    "does not exclude", "has been little discussion of", "no shortage of speculation",
])
def test_saying_thinking_and_showing_are_speech(cue):
    assert cue_is_speech(cue)


@pytest.mark.parametrize("cue", [
    "supports", "did not support", "supporting", "has backed", "opposes", "refused", "refusing to condemn",
    "declined", "voted to authorize", "voted", "decided", "plans", "wants", "intends", "are intended",
    "seeks to annex", "tried", "signed", "ordered", "agree to", "agreed to", "has committed",
    "have an interest in defending", "became a symbol of their support for", "will enjoy", "took part in",
    "is known for", "made a decision", "provided", "provided weapons to", "is perpetuating",
    "will go on tracking and writing about", "will enjoy", "is seen", "were seen standing near",
    "have stopped coverage of", "can list",
])
def test_acts_and_intentions_are_not_speech(cue):
    assert not cue_is_speech(cue)


def test_agree_and_hope_are_acts_only_before_an_infinitive():
    assert not cue_is_speech("agreed", after=" to withdraw its troops")
    assert cue_is_speech("agreed", after=" that the plan was flawed")
    assert not cue_is_speech("hope", after=" to keep their seats on the council")
    assert cue_is_speech("hopes", after=" that the ferry will run again")


@pytest.mark.parametrize("cue, after, speech", [
    ("delivering", " his remarks on the harbour, the mayor left", True),  # a light verb: its noun decides
    ("delivering", " fuel to the harbour, the trucks", False),
    ("is continuing", " to fortify the river bank", False),  # aspect alone: the verb after it decides
    ("continued", " to claim that the bridge was safe", True),
    ("continued", " repairs on the bridge", False),
    ("are putting forward", " new proposals for a truce", True),
    ("knows", " for sure who fired first", True),  # "known for its drones" is the act
    ("is known", " for its cheap drones", False),
    ("agreed on", " a ceasefire along the river", False),
    ("also celebrated", " that the harbour had reopened", True),  # an unknown verb with a that-clause
    ("were denied", " entry to the occupied port", False),
    ("widely seen", " as a blow to the council", False),
    ("defended", " the bridgehead for a week", False),
])
def test_the_text_after_a_light_or_aspectual_cue_decides(cue, after, speech):
    assert cue_is_speech(cue, after=after) is speech


@pytest.mark.parametrize("form, lemma", [
    ("supporting", "support"), ("decried", "decry"), ("planned", "plan"), ("vowing", "vow"), ("said", "say"),
    ("refuses", "refuse"), ("sworn", "swear"), ("allegations", "allegation"),
])
def test_lemma_of_word_forms(form, lemma):
    assert lemma_of(form) == lemma


def test_speech_round_trips_through_the_claim_dict():
    text = "The mayor supports the new curfew."
    claim = Claim(id="c1", evidence=Span.of(text, 19, 34), source=Source(name="mayor", kind="government"),
                  cue=Span.of(text, 10, 18), speech=False)
    d = claim.to_dict()
    assert d["speech"] is False
    assert claim_from_dict(d).speech is False
    del d["speech"]  # records written before the field: speech
    assert claim_from_dict(d).speech is True


@pytest.mark.slow
@pytest.mark.parametrize("text, cue, speech", [
    ("The regional governor said that the bridge near the river port had been repaired overnight.", "said", True),
    ("The regional governor supports the plan to send more engineers to the damaged river port.", "supports", False),
    ("The governor wants the army to rebuild the bridge before winter.", "wants", False),
    ("Two opposition parties refused to back the emergency budget on Tuesday.", "refused", False),
    ("The defence minister called for an inquiry into the failed supply convoy.", "called for", True),
    ("The senators voted to authorize a second package of winter equipment.", "voted to authorize", False),
    ("“The port is open again,” the harbour master said on Friday.", "said", True),
])
def test_the_pipeline_marks_each_claim(pipeline, make_article, text, cue, speech):
    claims = pipeline.extract(make_article(text)).claims
    hits = [c for c in claims if c.cue is not None and c.cue.text == cue]
    assert hits, [(c.cue.text if c.cue else None, c.evidence.text) for c in claims]
    assert hits[0].speech is speech


@pytest.mark.parametrize("source, cue, speech", [
    ("Rough estimates shared by local officials", "put", True),  # "... put the losses at 300"
    ("A video posted on a regional channel", "links", True),
    ("the ministry's statement", "blames", True),
    ("Reports from the front", "place", True),
    ("the regional governor", "ordered", False),  # no utterance in the source: the verb decides
    ("the Armed Forces", "withdrew", False),
])
def test_a_source_that_is_an_utterance_makes_its_claim_speech(source, cue, speech):
    from sitreps.extract.attribution_speech import is_speech

    text = f"{source} {cue} the figure at 300 on Monday."
    claim = Claim(id="c1", evidence=Span.of(text, len(source) + len(cue) + 2, len(text)),
                  source=Source(name=source), cue=Span.of(text, len(source) + 1, len(source) + 1 + len(cue)))
    assert is_speech(claim, text, []) is speech
