"""Round 16: what a reader of unlabelled war news found reported as having happened that did not, or not there.
Sentences written for these tests; each rule has a sentence it must keep beside the one it must drop or flag."""

from __future__ import annotations

import pytest

from sitreps.extract.events_sense import intended, reports_event
from sitreps.model import Span, check_spans

pytestmark = pytest.mark.slow

KEEP, DROP = True, False


def _events(pipeline, make_article, text: str, published: str = "2024-03-10"):
    result = pipeline.extract(make_article(text, published=published))
    check_spans(result)
    return result.events


def _reported(events):
    return [e for e in events if not (e.negated or e.hypothetical or e.future)]


CASES = [
    # one person enlisting, a state joining an alliance: membership, no armed group's activity changed
    ("The reporter joined the army ranks in the first week of the war.", "joined", "Change to group/activity",
     DROP),
    ("Our photographer, who joined the army in March, still sends us pictures.", "joined",
     "Change to group/activity", DROP),
    ("Finland joined NATO in April after decades of neutrality.", "joined", "Change to group/activity", DROP),
    ("Two rebel brigades joined the government coalition on Friday.", "joined", "Change to group/activity", KEEP),
    # a company or a ministry suspending a service or its business
    ("Visa and Mastercard suspended operations in Belarus in March.", "suspended", "Change to group/activity", DROP),
    ("Our foreign office is now suspending all consular services to men of draft age abroad.", "suspending",
     "Change to group/activity", DROP),
    ("The army suspended combat operations in the north for the holidays.", "suspended",
     "Change to group/activity", KEEP),
    # an order to arrest is no arrest
    ("The prosecutor's office has issued arrests of several Polish and Lithuanian lawmakers.", "arrests",
     "Arrests", DROP),
    ("A judge in the capital issued an arrest warrant for the former governor.", "arrest", "Arrests", DROP),
    ("Police made two arrests outside the ministry on Monday.", "arrests", "Arrests", KEEP),
    # an adjective of judgement in -ive is no fight ("repulse")
    ("The cardinal called the war cruel, repulsive and senseless.", "repulsive", "Armed clash", DROP),
    # a territory held since a date: who holds it, not a capture told
    ("In regions captured by rebel forces since 2022, schools now teach a new curriculum.", "captured",
     "Non-state actor overtakes territory", DROP),
    ("Villages captured by rebel forces on Sunday were shelled overnight.", "captured",
     "Non-state actor overtakes territory", KEEP),
]


@pytest.mark.parametrize(("text", "trigger", "sub", "expected"), CASES, ids=[c[1] + "-" + str(c[3]) for c in CASES])
def test_reports_event(nlp, text, trigger, sub, expected):
    doc = nlp(text)
    i = text.index(trigger)
    sent = next(s for s in doc.sents if s.start_char <= i < s.end_char)
    assert reports_event(sent, Span.of(text, i, i + len(trigger)), sub) is expected


@pytest.mark.parametrize(("text", "trigger", "expected"), [
    ("Shops stay open, and nobody is taping windows in anticipation of bombing.", "bombing", True),
    ("Families left the town in expectation of a new offensive.", "offensive", True),
    ("Families left the town after a new offensive began.", "offensive", False),
])
def test_intended(nlp, text, trigger, expected):
    doc = nlp(text)
    i = text.index(trigger)
    sent = next(s for s in doc.sents if s.start_char <= i < s.end_char)
    assert intended(sent, Span.of(text, i, i + len(trigger))) is expected


def test_a_question_before_its_speaker_is_asked_not_told(pipeline, make_article) -> None:
    # the tokenizer glues the question mark and the dash to the place, and the verb of the sentence is "asked"
    text = ("The singer was met at a ski resort.\"How do you ski in the Alps while Russia bombards Ukraine?\"- asked "
            "the reporter Jan Kowalski.The singer did not answer.")
    events = _events(pipeline, make_article, text)
    assert events and not _reported(events), [(e.sub_event_type, e.evidence.text) for e in events]
    # a question about a past deed asks who, not whether: still told
    told = _events(pipeline, make_article, "\"Who shelled the market in Kharkiv on Monday?\" the mayor asked.")
    assert all(not e.hypothetical for e in told)


def test_a_place_in_a_compound_adjective_is_not_the_scene(pipeline, make_article) -> None:
    text = "Explosions hit an ammunition depot in Moscow-annexed Crimea on Tuesday, officials said."
    events = _reported(_events(pipeline, make_article, text))
    assert events
    assert all(e.location is None or e.location.name != "Moscow" for e in events)
    assert any(e.location is not None and "Crimea" in e.location.name for e in events)


def test_a_byline_town_is_not_the_scene(pipeline, make_article) -> None:
    text = ("Rebel forces have made gains in the east, as a rebel offensive to take ground appears to be gathering "
            "pace, Jane Doe in Kyiv and John Roe report.")
    events = _events(pipeline, make_article, text)
    assert all(e.location is None or e.location.name != "Kyiv" for e in events)
    # a town told as the scene stays
    kept = _events(pipeline, make_article, "Rebel forces shelled the centre of Kharkiv on Monday, Jane Doe reports.")
    assert any(e.location is not None and e.location.name == "Kharkiv" for e in kept)


def test_membership_by_name_and_a_counteroffensive_word_stay_apart(nlp) -> None:
    # a capital standing for its state, joining an alliance named by its name: membership
    text = "Oslo finally joined NATO later that month."
    doc = nlp(text)
    i = text.index("joined")
    assert reports_event(next(iter(doc.sents)), Span.of(text, i, i + 6), "Change to group/activity") is False
    # "counteroffensive" is no adjective of judgement, whatever the tagger calls it
    text = "Officials fear the worst if the army's counteroffensive succeeds in the south."
    doc = nlp(text)
    i = text.index("counteroffensive")
    assert reports_event(next(iter(doc.sents)), Span.of(text, i, i + 16), "Armed clash") is True
