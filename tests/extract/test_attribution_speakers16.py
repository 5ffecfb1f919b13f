"""Who speaks, as an analyst reading war news needs it (round 16a): a role noun ("the foreign minister") is
the one person the article gives that title, "I" inside a quotation is the quotation's speaker, a body named
after a Ukrainian town or oblast is Ukrainian, and a content ends where the source's words end. Every text
here was written for these tests."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _claims(pipeline, make_article, text: str):
    return pipeline.extract(make_article(text, published="2022-05-20")).claims


def _by_cue(claims, cue: str):
    return [c for c in claims if c.cue is not None and c.cue.text == cue]


def _show(claims):
    return [(c.cue.text if c.cue else None, c.source.name, c.source.kind, c.source.side, c.evidence.text)
            for c in claims]


@pytest.mark.parametrize("text, cue, who", [
    ("Foreign Minister Ana Ruiz of Chile arrived in Lima on Monday for two days of talks. "
     "On Tuesday the foreign minister said that the border crossings would reopen next week.", "said",
     "Ana Ruiz"),
    ("The Chilean ambassador to Peru, Marta Solis, said on Friday that farmers in Cusco had lost their crops. "
     "Later the ambassador told reporters that the new road would open before the winter.", "told",
     "Marta Solis"),
])
def test_a_role_noun_is_the_one_person_given_that_title(pipeline, make_article, text, cue, who):
    claims = _by_cue(_claims(pipeline, make_article, text), cue)
    assert claims, _show(_claims(pipeline, make_article, text))
    assert claims[0].source.name == who, _show(claims)
    assert claims[0].source.kind == "government"


def test_a_role_noun_two_people_could_hold_stays_as_written(pipeline, make_article):
    text = ("Foreign Minister Ana Ruiz and Interior Minister Tomas Vidal met mayors in Lima on Monday. "
            "On Tuesday the minister said that the border crossings would reopen next week.")
    claims = _by_cue(_claims(pipeline, make_article, text), "said")
    assert claims, _show(_claims(pipeline, make_article, text))
    assert claims[0].source.name not in ("Ana Ruiz", "Tomas Vidal")


def test_i_inside_a_quotation_is_the_quotations_speaker(pipeline, make_article):
    text = ("“The shelling went on all night. I think that the bridge will not survive another week,” "
            "Tomas Vidal, the mayor of Orlivka, said on Sunday.")
    claims = _claims(pipeline, make_article, text)
    inner = [c for c in claims if c.source.evidence is not None and c.source.evidence.text == "I"]
    assert inner and inner[0].nested_in is not None, _show(claims)
    assert inner[0].source.name == "Tomas Vidal", _show(claims)
    assert inner[0].source.evidence.text == "I"


@pytest.mark.parametrize("text, who, side", [
    ("The Kherson Oblast Military Administration said on Monday that artillery hit Bilozerka overnight.",
     "Kherson Oblast", "UA"),
    ("The Izyum City Council said that the water supply was cut again on Thursday.", "Izyum City", "UA"),
    ("The Belgorod Oblast Administration said that two houses were damaged in a border village.",
     "Belgorod Oblast", "RU"),
    ("Melitopol's occupation administration announced that schools would teach a new curriculum.",
     "occupation", "RU"),
    ("The New York City Council said that it would hold a vote on the shelter budget next month.",
     "New York", None),
    ("Advisor to the Mayor of Kherson Petro Ivanenko stated that the ferry had stopped running on Tuesday.",
     "Ivanenko", "UA"),
    ("The GUR reported that two depots near the lake had been hit.", "GUR", "UA"),
])
def test_a_body_named_after_a_place_has_the_places_side(pipeline, make_article, text, who, side):
    claims = [c for c in _claims(pipeline, make_article, text)
              if c.source.evidence is not None and who in c.source.evidence.text]
    assert claims, _show(_claims(pipeline, make_article, text))
    assert claims[0].source.side == side, _show(claims)


def test_an_official_titled_after_a_ukrainian_oblast_is_ukrainian(pipeline, make_article):
    text = ("Sumy Oblast Administration Head Petro Lysenko said that the shelling had damaged a school. "
            "Lysenko added that two bridges on the road north of the town had been hit as well.")
    claims = [c for c in _claims(pipeline, make_article, text) if c.source.name == "Petro Lysenko"]
    assert claims, _show(_claims(pipeline, make_article, text))
    assert {c.source.side for c in claims} == {"UA"}, _show(claims)


@pytest.mark.parametrize("text, cue, end", [
    ("The governor said that the power station near Orlivka had been hit twice and the dam was holding, and "
     "promised that repairs would start soon.", "said", "the dam was holding"),
    ("The mayor said that the trams would run again by Friday.\n\nSource: Wire Desk, Staff", "said",
     "by Friday"),
    ("We will rebuild every school in the district - she said, speaking to farmers near the bridge.",
     "said", "in the district"),
    ("The regional governor said that six villages had no power after the storm, a Danube Radio "
     "correspondent reports.", "said", "after the storm"),
])
def test_a_content_ends_where_the_sources_words_end(pipeline, make_article, text, cue, end):
    claims = _by_cue(_claims(pipeline, make_article, text), cue)
    assert claims, _show(_claims(pipeline, make_article, text))
    assert claims[0].evidence.text.endswith(end), _show(claims)


@pytest.mark.parametrize("text, direct, end", [
    ("that talks on the grain corridor were near.- Nobody expects the port to close, he said", False,
     "were near."),
    ("that the U.S.-Chinese talks would go on", False, "would go on"),
    ("“We will hold the line, and", True, "hold the line"),
    ("that the convoy reached the town.-", False, "the town."),
    ("that the trams would run by Friday.\n\nSource: Wire Desk, Staff", False, "by Friday."),
    ("that the trams would run by Friday, and", False, "by Friday"),
])
def test_a_content_ends_before_a_wires_dash_a_line_break_or_a_loose_and(text, direct, end):
    from sitreps.extract.attribution import _content_end
    a, b = _content_end(text, (0, len(text)), direct, [])
    assert text[a:b].endswith(end)


def test_the_place_right_before_a_source_span_counts():
    from sitreps.extract.speakers import _source_words
    text = "Yesterday Luhansk Oblast Administration Head Ana Ruiz said so."
    start = text.index("Head")
    assert _source_words(text, start, "Head Ana Ruiz") == "Yesterday Luhansk Oblast Administration Head Ana Ruiz"
    text = "It rained. Head Ana Ruiz said so."
    assert _source_words(text, text.index("Head"), "Head Ana Ruiz") == "Head Ana Ruiz"


def test_a_wires_dash_turn_before_the_cue_keeps_the_part_next_to_it():
    from sitreps.extract.attribution import _content_end
    text = "that the ferry stopped on Monday.- Nobody expects the port to close soon - she said"
    a, b = _content_end(text, (0, text.index(" - she")), False, [], text.index("said"))
    assert text[a:b] == "Nobody expects the port to close soon"


def test_we_inside_a_quotation_of_a_pronoun_speaker_is_not_passed_a_guess(pipeline, make_article):
    text = ("Tomas Vidal met the governor in Lima on Monday. Vidal said the talks had gone well. "
            "She added: “We know that the bridge is mined, and we think that the road is closed.”")
    claims = _claims(pipeline, make_article, text)
    we = [c for c in claims if c.source.evidence is not None and c.source.evidence.text == "We"]
    outer = [c for c in claims if c.source.evidence is not None and c.source.evidence.text == "She"]
    assert we and outer and we[0].nested_in == outer[0].id, _show(claims)
    assert we[0].source.name != outer[0].source.name, _show(claims)


def test_the_foreign_minister_is_the_countrys_top_diplomat(pipeline, make_article):
    text = ("Ana Ruiz, Chile's newly appointed top diplomat, said on Monday that the embassy in Lima would reopen. "
            "Later the foreign minister told reporters that the visa rules would be eased in the spring.")
    claims = _by_cue(_claims(pipeline, make_article, text), "told")
    assert claims, _show(_claims(pipeline, make_article, text))
    assert claims[0].source.name == "Ana Ruiz", _show(claims)


def test_i_inside_a_quotation_of_a_he_speaker_is_his(pipeline, make_article):
    text = ("Tomas Vidal met farmers in Lima on Monday. Vidal said the talks had gone well. "
            "He added: “I think that the bridge is mined, and the road north is closed.”")
    claims = _claims(pipeline, make_article, text)
    inner = [c for c in claims if c.source.evidence is not None and c.source.evidence.text == "I"]
    assert inner and inner[0].nested_in is not None, _show(claims)
    assert inner[0].source.name == "Tomas Vidal", _show(claims)


def test_the_pontiff_is_the_pope_the_article_names(pipeline, make_article):
    text = ("Pope Gregory said on Sunday that the talks in Geneva must not fail. "
            "The elderly pontiff added that both armies should return their prisoners before the winter.")
    claims = _by_cue(_claims(pipeline, make_article, text), "added")
    assert claims, _show(_claims(pipeline, make_article, text))
    assert claims[0].source.name == "Pope Gregory", _show(claims)


def test_another_office_of_the_same_noun_is_not_the_titled_person(pipeline, make_article):
    text = ("Foreign Minister Ana Ruiz of Chile arrived in Lima on Monday for two days of talks. "
            "On Tuesday the interior minister said that the border crossings would reopen next week.")
    claims = _by_cue(_claims(pipeline, make_article, text), "said")
    assert claims, _show(_claims(pipeline, make_article, text))
    assert claims[0].source.name != "Ana Ruiz", _show(claims)
