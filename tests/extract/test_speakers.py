"""One name, kind and side per speaker within an article (extract/speakers.py).

Every text here was written for these tests.
"""

from __future__ import annotations

import pytest

from sitreps.extract.speakers import full_names, unify_speakers
from sitreps.model import Claim, Source, Span

pytestmark = pytest.mark.slow


def _claim(text: str, who: str, kind: str = "unknown", side: str | None = None) -> Claim:
    start = text.index(who)
    ev = Span.of(text, start, start + len(who))
    return Claim(id=who, evidence=ev, source=Source(who, kind, ev, side), cue=None, certainty="asserted")


def test_surname_takes_the_full_name_and_kind_of_the_article(pipeline, make_article):
    text = ("Marta Kovalenko, an analyst at the Danube Security Institute, said the convoy had turned back. "
            "Kovalenko said the roads north of the town were mined. "
            "Dr Kovalenko added that more troops would arrive by rail.")
    result = pipeline.extract(make_article(text))
    named = [c for c in result.claims if "Kovalenko" in (c.source.evidence.text if c.source.evidence else "")]
    assert len(named) >= 2, [(c.source.name, c.evidence.text) for c in result.claims]
    assert {c.source.name for c in named} == {"Marta Kovalenko"}
    assert {c.source.kind for c in named} == {"think_tank"}


def test_two_people_of_one_surname_stay_as_written(nlp):
    text = "Anna Petrenko met Oleh Petrenko in Lviv. Petrenko said the bridge was closed."
    doc = nlp(text)
    c = _claim(text, "Petrenko said")
    c.source.name = "Petrenko"
    unify_speakers(doc, [c])
    assert c.source.name == "Petrenko"
    assert "Petrenko" not in full_names(doc, [c])


def test_titles_are_not_names_and_two_kinds_stay_apart(nlp):
    text = "President Ivan Horbach spoke. Horbach said talks would resume. Horbach posted that he was well."
    doc = nlp(text)
    a, b = _claim(text, "Horbach said", "government", "UA"), _claim(text, "Horbach posted", "social_media_user")
    a.source.name = b.source.name = "Horbach"
    unify_speakers(doc, [a, b])
    assert a.source.name == b.source.name == "Ivan Horbach"
    assert (a.source.kind, b.source.kind) == ("government", "social_media_user")  # a known kind is kept
    assert b.source.side == "UA"  # one side: shared


def test_a_tweet_does_not_make_every_claim_of_its_author_unverified(nlp):
    text = "Lena Moroz posted a video. Moroz said the shelling had stopped."
    doc = nlp(text)
    tweet, said = _claim(text, "Lena Moroz posted", "social_media_user"), _claim(text, "Moroz said")
    tweet.source.name = "Lena Moroz"
    said.source.name = "Moroz"
    unify_speakers(doc, [tweet, said])
    assert said.source.name == "Lena Moroz"
    assert said.source.kind == "unknown" and said.certainty == "asserted"


def test_we_in_a_think_tanks_report_is_the_think_tank(pipeline, make_article):
    # "We assess that ..." in a think tank's assessment is the institute's claim; inside a quotation, or in a
    # newspaper (an opinion piece's "we"), it stays "we"
    text = ("We assess that rebel units will try to cross the river near Bilohorivka within days. "
            "“We will not retreat,” a company commander said.")
    report = pipeline.extract(make_article(text, outlet="Institute for the Study of War (Daily Assessment)"))
    by_cue = {c.cue.text if c.cue else "": c.source for c in report.claims}
    assert by_cue["assess"].name == "Institute for the Study of War" and by_cue["assess"].kind == "think_tank"
    assert by_cue["assess"].evidence is not None and by_cue["assess"].evidence.text == "We"
    assert all(s.name != "Institute for the Study of War" for cue, s in by_cue.items() if cue != "assess")
    paper = pipeline.extract(make_article(text, outlet="The Daily Example"))
    assert all(c.source.name != "The Daily Example" for c in paper.claims)


def test_a_title_elsewhere_in_the_article_gives_the_kind_and_side(pipeline, make_article):
    text = ("UK Foreign Secretary Nadia Ferris arrived in Odesa on Monday. "
            "Ferris said the grain corridor would stay open through the winter.")
    result = pipeline.extract(make_article(text))
    named = [c for c in result.claims if c.cue is not None and c.cue.text == "said"]
    assert named, [(c.source.name, c.evidence.text) for c in result.claims]
    assert (named[0].source.name, named[0].source.kind, named[0].source.side) == \
        ("Nadia Ferris", "government", "GB")


def test_a_title_before_a_full_name_is_dropped_from_the_name(pipeline, make_article):
    text = ("Minister of Foreign Affairs of Lithuania Ona Petraite stressed that the sanctions must stay "
            "in place until the last soldier leaves. Petraite spoke in Vilnius.")
    result = pipeline.extract(make_article(text))
    assert result.claims, text
    c = result.claims[0]
    assert (c.source.name, c.source.kind) == ("Ona Petraite", "government")


def test_chancellor_and_head_of_state_are_government():
    from sitreps.extract.attribution_lexicon import kind_of, side_of
    assert kind_of("Federal Chancellor of Austria") == "government"
    assert kind_of("the head of state") == "government"
    assert side_of("UK Foreign Secretary") == "GB"


def test_a_name_in_apposition_to_its_title_takes_the_title(pipeline, make_article):
    text = ("The Danish defence minister, Karen Holm, visited the depot on Friday. "
            "Holm said the first tanks would leave in March.")
    result = pipeline.extract(make_article(text))
    named = [c for c in result.claims if c.cue is not None and c.cue.text == "said"]
    assert named, [(c.source.name, c.evidence.text) for c in result.claims]
    assert (named[0].source.name, named[0].source.kind) == ("Karen Holm", "government")


def test_an_ambassador_takes_the_side_of_the_country_that_sent_him(pipeline, make_article):
    text = ("The ministry summoned the British ambassador to Russia, Tom Aldous, on Monday. "
            "Aldous said the meeting had lasted ten minutes.")
    result = pipeline.extract(make_article(text))
    named = [c for c in result.claims if c.cue is not None and c.cue.text == "said"]
    assert named, [(c.source.name, c.evidence.text) for c in result.claims]
    assert (named[0].source.name, named[0].source.kind, named[0].source.side) == \
        ("Tom Aldous", "government", "GB")


def test_a_surname_with_letters_beyond_latin_1_takes_the_full_name(nlp):
    text = "Edgars Rinkēvičs met the envoy in Riga. Rinkēvičs said the talks had been useful."
    doc = nlp(text)
    c = _claim(text, "Rinkēvičs said")
    c.source.name = "Rinkēvičs"
    unify_speakers(doc, [c])
    assert c.source.name == "Edgars Rinkēvičs"


def test_an_editor_is_media():
    from sitreps.extract.attribution_lexicon import kind_of
    assert kind_of("a contributing editor of a weekly") == "media"
    assert kind_of("the columnist") == "media"


def test_the_head_of_a_region_is_government(pipeline, make_article):
    text = ("Rivne Oblast Head Oleksandr Koval visited the shelters. "
            "Koval said the power lines had been repaired overnight.")
    result = pipeline.extract(make_article(text))
    named = [c for c in result.claims if c.cue is not None and c.cue.text == "said"]
    assert named, [(c.source.name, c.evidence.text) for c in result.claims]
    assert (named[0].source.name, named[0].source.kind) == ("Oleksandr Koval", "government")


def test_the_head_of_a_group_is_not_government():
    from sitreps.extract.speakers import _title_kind
    assert _title_kind("Wagner Group head") == "unknown"
    assert _title_kind("DNR Head") == "government"
