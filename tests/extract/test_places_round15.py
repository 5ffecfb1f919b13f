"""Places, round 15: war-news readings (a capital that is a first-level area of its own beside the oblast named
like it; a plural area noun followed by a citation mark), tested on sentences written for these tests."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _all(places, text):
    found = [p for p in places if p.evidence.text == text]
    assert found, f"{text!r} not found among {[p.evidence.text for p in places]}"
    return found


def test_places_a_capital_of_its_own_area_is_the_city_among_villages_of_the_oblast_named_like_it(parse):
    # Kyiv is a first-level area of its own, surrounded by Kyiv Oblast: the towns of the oblast around it do
    # not make a bare "Kyiv" the oblast, while "Kyiv Oblast" and "the Kyiv region" stay the oblast
    places = parse("Troops dug trenches near Brovary and Boryspil and are trying to encircle Kyiv from the east. "
                   "Artillery struck Vasylkiv at dawn, and the periphery of Kyiv saw heavy fighting. "
                   "The governor of Kyiv Oblast ordered a curfew, and the Kyiv region lost power.")
    encircle, periphery, region = _all(places, "Kyiv")
    assert encircle.feature_code == "PPLC" and periphery.feature_code == "PPLC"
    assert region.feature_code == "ADM1"
    assert _all(places, "Kyiv Oblast")[0].feature_code == "ADM1"
    places = parse("Sirens sounded across the Kyiv region on Monday after drones hit Bila Tserkva and Fastiv.")
    assert _all(places, "Kyiv")[0].feature_code == "ADM1"


def test_places_minsk_among_towns_of_minsk_region_is_the_city(parse):
    places = parse("Workers went on strike in Barysaw, Maladzyechna and Salihorsk before marching to Minsk.")
    assert _all(places, "Minsk")[0].feature_code == "PPLC"


def test_places_a_plural_area_noun_before_a_citation_mark_makes_the_list_areas(parse):
    # "Oblasts.[4]": the note number after the noun; the list's "Odesa" is the oblast, the city later the city
    places = parse("Missiles hit targets in Kherson, Mykolaiv, and Odesa Oblasts.[4] Air defence intercepted "
                   "two missiles before they reached Odesa itself, the navy said.")
    first, second = _all(places, "Odesa")
    assert first.feature_code == "ADM1"
    assert second.feature_code == "PPLA"
    assert _all(places, "Kherson")[0].feature_code == "ADM1"


def test_places_an_area_the_index_lacks_is_not_a_town_called_so_once(parse):
    # the index holds "Karo" only as another name of a French village: "the district of Karo" is an area of
    # Sumatra the index lacks, placed by the text's area, the village kept among the candidates
    places = parse("Doctors flew to the district of Karo, in North Sumatra province, after four cases of suspected "
                   "bird flu.")
    karo = _all(places, "Karo")[0]
    assert karo.geonameid is None and karo.lat is not None
    assert karo.candidates[0].name == "North Sumatra"
    assert karo.country_code is None and all(c.country_code != "ID" for c in karo.candidates[1:])


def test_places_a_capitalised_region_or_a_regional_body_names_the_oblast(parse):
    places = parse("Families who fled from Kharkiv Region reached Lviv by train. The head of the Sumy Regional State "
                   "Administration said the shelling of Sumy went on overnight.")
    assert _all(places, "Kharkiv")[0].feature_code == "ADM1"
    sumy = _all(places, "Sumy")
    assert sumy[0].feature_code == "ADM1"
    assert sumy[1].feature_code == "PPLA"  # the city itself, after "the shelling of"


def test_places_an_area_named_with_its_type_word_vouches_for_its_bare_name(parse):
    # "Luhansk Region" says the name is a place in this text: the bare "Luhansk" before a governor's name is
    # kept as it is after "in Luhansk"
    places = parse("Shelling went on across Luhansk Region on Monday. Luhansk governor Serhiy Haidai told "
                   "residents to leave while the trains still ran.")
    assert len(_all(places, "Luhansk")) == 2


def test_places_a_city_a_direction_is_taken_from_is_no_peer_of_the_areas_beside_it(parse):
    # "east of Kyiv" beside two oblasts: the capital is the point the direction starts from, so the sentence
    # does not make it (and every other bare "Kyiv" of the text) an area among areas
    places = parse("Ukrainian troops retook ground east of Kyiv, across Sumy Oblast and in Chernihiv Oblast on Sunday. "
                   "The Russian push on Kyiv has stalled, officials said.")
    assert [p.feature_code for p in _all(places, "Kyiv")] == ["PPLC", "PPLC"]
    assert _all(places, "Sumy Oblast")[0].feature_code == "ADM1"
