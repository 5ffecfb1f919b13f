"""Actor normalisation (table-driven, no spaCy)."""

from __future__ import annotations

import pytest

from sitreps.extract.actors import find_actors


@pytest.mark.parametrize(("text", "mention", "name", "side", "inter"), [
    ("Russian troops shelled the village.", "Russian troops", "Military Forces of Russia", "RU", 1),
    ("The Ukrainian army held the bridge.", "The Ukrainian army", "Military Forces of Ukraine", "UA", 1),
    ("Ukraine's forces crossed the river.", "Ukraine's forces", "Military Forces of Ukraine", "UA", 1),
    ("Fighters of the Donetsk People's Republic advanced.", "Donetsk People's Republic",
     "Military Forces of the Donetsk People's Republic", "DNR", 1),
    ("Wagner Group mercenaries were seen near the town.", "Wagner Group", "Wagner Group", "RU", 8),
    ("Protesters gathered at the square.", "Protesters", "Protesters", None, 6),
    ("Civilians fled the shelling.", "Civilians", "Civilians", None, 7),
])
def test_actors_normalise_country_force_words_and_groups(text: str, mention: str, name: str,
                                                         side: str | None, inter: int) -> None:
    actors = find_actors(text)
    hit = next(a for a in actors if a.evidence.text == mention)
    assert (hit.name, hit.side, hit.inter) == (name, side, inter)
    assert text[hit.evidence.start:hit.evidence.end] == mention


def test_actors_unit_is_a_unit_of_its_force_not_a_count() -> None:
    text = "A Ukrainian video shows the 14th battalion of the 105th Territorial Defense Brigade at the border."
    unit = next(a for a in find_actors(text) if a.unit)
    assert unit.unit == "14th battalion of the 105th Territorial Defense Brigade"
    assert unit.name == "Military Forces of Ukraine"


def test_actors_enemy_and_collective_demonyms_in_a_ukraine_war_report() -> None:
    text = ("Ukrainian officials said the occupants shelled the port. The Russians pulled back; "
            "the national guard followed.")
    by_text = {a.evidence.text: a for a in find_actors(text)}
    assert by_text["the occupants"].name == "Military Forces of Russia"
    assert by_text["The Russians"].side == "RU"
    assert by_text["the national guard"].name == "Military Forces of Ukraine"


def test_actors_enemy_without_a_known_war_is_left_out() -> None:
    assert not any(a.evidence.text.endswith("enemy") for a in find_actors("The enemy was near."))


@pytest.mark.parametrize(("text", "name"), [
    ("Poland's defence ministry said its troops had finished the exercise near the border.",
     "Military Forces of Poland"),
    ("Belarus moved two brigades west on Sunday, and its forces now hold the crossing at the river.",
     "Military Forces of Belarus"),
])
def test_actors_possessive_forces_take_the_country_named_before(text: str, name: str) -> None:
    # "its troops" after a country in the same sentence are that country's forces
    actors = [a for a in find_actors(text) if a.evidence.text.startswith("its ")]
    assert [a.name for a in actors] == [name]


def test_actors_possessive_forces_without_a_country_are_left_out() -> None:
    assert not [a for a in find_actors("The club said its troops of volunteers would clean the park.")
                if a.evidence.text.startswith("its ")]


@pytest.mark.parametrize(("text", "mention", "name"), [
    # a possessive only the table lists ("Kyiv's"), a possessive of a name ("Mexico's") and a name of
    # several words ("U.S.", "North Korea"): one reading of "the last country before" for all three uses
    ("Kyiv's general staff said its troops had pushed back an assault overnight.", "its troops",
     "Military Forces of Ukraine"),
    ("Mexico's defence secretary said its soldiers had found the airstrip.", "its soldiers",
     "Military Forces of Mexico"),
    ("Officials in North Korea said on Sunday that the army had closed the road.", "the army",
     "Military Forces of North Korea"),
    ("A Russian blogger claimed the U.S.-trained 14th battalion had left the port.",
     "14th battalion", "Military Forces of United States"),
])
def test_actors_last_country_before_reads_possessives_and_names_of_several_words(
        text: str, mention: str, name: str) -> None:
    hit = next(a for a in find_actors(text) if a.evidence.text == mention)
    assert hit.name == name


def test_actors_a_country_adjective_names_the_invaders_whoever_speaks(pipeline, make_article) -> None:
    # "the enemy/invaders" without a country is the speaker's opponent; "Russian invaders" is Russia's forces
    # even when the article names another country (the United States) more often than Russia
    text = ("The United States and American allies sent more aid, US officials said, and the US Congress approved "
            "it.\n\n“Russian invaders fired on our villages again last night,” Ukrainian Foreign Minister Dmytro Kuleba "
            "said.")
    actors = pipeline.extract(make_article(text)).actors
    assert [(a.evidence.text, a.name) for a in actors] == [("Russian invaders", "Military Forces of Russia")]


def test_actors_counted_demonyms_are_people_and_protest_as_protesters(pipeline, make_article) -> None:
    # "the Russians shelled" is an army; "two thousand Ukrainians rallied" are people, who protest as
    # ACLED's protesters; "the positions of the Russians" stays the army
    rally = pipeline.extract(make_article("About two thousand Ukrainians rallied in Lviv on Sunday for the prisoners "
                                          "of war."))
    assert [(a.evidence.text, a.name) for a in rally.actors] == [("Ukrainians", "Civilians (Ukraine)")]
    assert [(e.sub_event_type, e.actor1.name if e.actor1 else None) for e in rally.events] == [
        ("Peaceful protest", "Protesters (Ukraine)")]
    army = pipeline.extract(make_article("Drones hit the positions of the Russians near Kupiansk overnight."))
    assert [a.name for a in army.actors] == ["Military Forces of Russia"]


def test_actors_sentence_bounds_skip_abbreviations() -> None:
    from sitreps.extract.actors import _sentence_of

    text = "Rain fell. In the old campaign, U.S. troops of Gen. Adams held the 14th Rifle Division line. It rained."
    a, b = _sentence_of(text, text.index("14th"))
    assert text[a:b].strip() == "In the old campaign, U.S. troops of Gen. Adams held the 14th Rifle Division line"


def test_actors_a_unit_takes_the_country_named_before_it_across_an_abbreviation() -> None:
    # in a Ukrainian story, a U.S. division named after "U.S. soldiers" is American, not Ukraine's
    text = ("Ukraine's army held Ukraine's east. Ukraine and Ukraine's allies talked.\n\n"
            "In the 1944 landing, U.S. soldiers with the 29th Infantry Division were stuck on the sand.")
    units = [(a.unit, a.name) for a in find_actors(text) if a.unit]
    assert units == [("29th Infantry Division", "Military Forces of United States")]


def test_actors_a_unit_with_no_country_before_it_takes_its_sentences_only_force() -> None:
    # no country before the regiment; the one force its sentence names is American, not the story's Ukraine
    text = ("Ukraine's army held Ukraine's east. Ukraine and Ukraine's allies talked.\n\n"
            "The poster shows a private of the 325th Glider Infantry Regiment trudging through snow to join the "
            "American forces in the forest.")
    units = [(a.unit, a.name) for a in find_actors(text) if a.unit]
    assert units == [("325th Glider Infantry Regiment", "Military Forces of United States")]
