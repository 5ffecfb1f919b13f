"""Places, round 14: rules found on the field's evaluation sets, tested on sentences written for these tests."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _by_text(places, text):
    found = [p for p in places if p.evidence.text == text]
    assert found, f"{text!r} not found among {[p.evidence.text for p in places]}"
    return found[0]


def test_places_a_name_the_index_lacks_takes_the_area_when_the_text_names_no_town(parse):
    # no town in the text, only a province of the Congo: the unknown villages take that province's point
    places = parse("Measles was confirmed in the Cuvette-Ouest region of the Republic of Congo this week. Health "
                   "workers closed the schools of the villages of Qzxwvbi and Brqzmo on Friday.")
    for name in ("Qzxwvbi", "Brqzmo"):
        p = _by_text(places, name)
        assert p.geonameid is None and p.lat is not None
        assert p.candidates[0].name == "Cuvette-Ouest" and p.precision == "region"
    # no town and no area: the country the text is about
    places = parse("Measles spread across Burundi this year. Health workers closed the schools of the village of "
                   "Qzxwvbi on Friday.")
    p = _by_text(places, "Qzxwvbi")
    assert p.candidates[0].name == "Burundi" and p.precision == "country"


def test_places_a_name_the_index_lacks_lies_in_the_area_its_district_is_of(parse):
    # "the X district of Rajasthan": in Rajasthan, not in the town the text names most (Indore, another state)
    places = parse("Doctors in Indore treated 40 patients. Indore has two hospitals. A farmer in the Qzxwvpur "
                   "district of Rajasthan said his fields were flooded.")
    p = _by_text(places, "Qzxwvpur")
    assert p.geonameid is None and p.candidates[0].name == "Rajasthan"


def test_places_two_names_the_index_lacks_before_a_plural_place_noun(parse):
    places = parse("Cholera spread in Kinshasa last month. Officials sealed off the Qzxwvbi and Brqzmo districts "
                   "on Monday.")
    for name in ("Qzxwvbi", "Brqzmo"):
        p = _by_text(places, name)
        assert p.geonameid is None and p.candidates[0].name == "Kinshasa"
    # no plural noun after them: no place
    assert "Brqzmo" not in {p.evidence.text for p in parse("Cholera spread in Kinshasa. The Qzxwvbi and Brqzmo "
                                                            "report came out on Monday.")}


def test_places_a_country_named_like_a_state_is_the_state_in_a_story_set_in_that_states_country(parse):
    # the text's other names: two in the US, one each in Canada and Sweden, none in the country of Georgia
    text = ("Inspectors found a sick cow on a farm in Alabama, the United States said. A lab in Georgia ran the "
            "first test. Canada and Sweden halted beef imports.")
    p = _by_text(parse(text), "Georgia")
    assert p.feature_code == "ADM1" and p.country_code == "US"
    # beside the country's own neighbours it stays the country
    p = _by_text(parse("Troops crossed from Russia into Georgia in 2008, and Armenia closed its border."),
                 "Georgia")
    assert p.country_code == "GE"


def test_places_a_world_city_beats_a_village_of_its_name_in_the_texts_country(parse):
    # Toronto, Ohio (5,000 people) had won on the US focus of the other names alone
    p = _by_text(parse("Two Americans and a Canadian flew from Toronto to Boise, Idaho."), "Toronto")
    assert p.country_code == "CA"
    # with the village's own state after it, the village
    p = _by_text(parse("Two Americans and a Canadian drove from Toronto, Ohio, to Boise, Idaho."), "Toronto")
    assert p.country_code == "US"


def test_places_a_large_city_beats_a_village_of_its_name_in_a_state_the_text_names(parse):
    # Boston, New York (8,000 people) had won on the area focus of "New York" alone
    p = _by_text(parse("Flu cases rose across the United States and in New York. The mayor of Boston declared an "
                       "emergency."), "Boston")
    assert p.country_code == "US" and p.admin1 == "MA"


def test_places_a_natural_feature_the_index_lacks_by_its_type_word(parse):
    places = parse("Fishermen in Mumbai said the oil slick reached the mouth of Qzxwv Bay on Sunday, and divers "
                   "searched Lake Brqztrain near New Orleans.")
    for name in ("Qzxwv Bay", "Lake Brqztrain"):
        p = _by_text(places, name)
        assert p.geonameid is None and p.lat is not None
    got = {p.evidence.text for p in parse("Fans of the Tampa Bay Buccaneers met at Mount Pleasant High School in "
                                          "Ohio.")}
    assert not {"Tampa Bay Buccaneers", "Mount Pleasant High School"} & got


def test_places_an_arabic_article_joins_the_name_after_a_city_name(parse):
    # "Bab" alone is a Syrian city's other name; "Bab el-Wadi", a district the index lacks, is one name
    places = parse("The clinic in Bab el-Oudi reopened, officials in Algiers said.")
    p = _by_text(places, "Bab el-Oudi")
    assert p.geonameid is None and p.candidates[0].name == "Algiers"


def test_places_two_islands_the_index_lacks_sharing_the_noun(parse):
    places = parse("A rare bird was seen in Auckland on Monday, on the causeway between Qzxwtoto and Brqztapu "
                   "island.")
    for name in ("Qzxwtoto", "Brqztapu"):
        assert _by_text(places, name).geonameid is None


def test_places_the_community_of_a_name_with_an_apostrophe(parse):
    places = parse("Avian flu was found in Charlottetown last week and then in the community of O'Qzxwv.")
    p = _by_text(places, "O'Qzxwv")
    assert p.geonameid is None and p.candidates[0].name == "Charlottetown"


def test_places_a_city_after_a_capitalised_settlement_noun_inside_a_name(parse):
    # "Village Wau" tagged a person or an organisation: the children's village lies in Wau (a city of 100k+)
    p = _by_text(parse("Staff at the SOS Children's Village Wau stayed calm this week."), "Wau")
    assert p.country_code == "SS"


def test_places_a_far_namesake_inside_an_unknown_name_gives_way_to_the_texts_area(parse):
    # no town in the text: "the West Midlands" takes England, not Zimbabwe's Midlands province
    p = _by_text(parse("Flooding hit England this week, and the West Midlands was worst hit."), "West Midlands")
    assert p.geonameid is None and p.candidates[0].name == "England"


def test_places_congo_is_either_country_by_the_places_around_it(parse):
    p = _by_text(parse("Ebola cases rose in Ituri and North Kivu, in the east of Congo, officials said."), "Congo")
    assert p.country_code == "CD"
    p = _by_text(parse("Floods hit Brazzaville and Pointe-Noire, the two largest cities of Congo."), "Congo")
    assert p.country_code == "CG"


def test_places_a_name_given_as_an_example_of_places(parse):
    # "regions like Java": the island, though the tagger calls the word a person
    p = _by_text(parse("Farmers in regions like Java rarely report a sick flock."), "Java")
    assert p.feature_code == "ISL"


def test_places_a_part_of_a_town_named_after_its_type_noun(parse):
    places = parse("Twelve people fell ill in their homes in the Nairobi slum Qzxwbera on Monday.")
    p = _by_text(places, "Qzxwbera")
    assert p.geonameid is None and p.candidates[0].name == "Nairobi"
    assert "Board" not in {p.evidence.text for p in parse("The Harrison township Board met in Ohio.")}


def test_places_a_facility_the_tagger_calls_a_person_makes_no_surname(parse):
    # "Randwick Racecourse" tagged a person: "Randwick" on its own later is the suburb, not a surname repeated
    places = parse("Vets at Randwick Racecourse in Sydney tested 40 horses. If flu turned up at Randwick it could "
                   "spread.")
    assert [p.country_code for p in places if p.evidence.text == "Randwick"] == ["AU"]


def test_places_one_word_the_tagger_calls_an_organisation_after_in(parse):
    # a district the index lacks, tagged an organisation, after "in": a place of the text's town
    p = _by_text(parse("Residents in Adhamiya say the water is back, officials in Baghdad said."), "Adhamiya")
    assert p.geonameid is None and p.candidates[0].name == "Baghdad"
    # not a word with capitals inside, nor a stop-listed word
    got = {p.evidence.text for p in parse("He invested in BitCoin and in Congress last year, officials in Ohio "
                                          "said.")}
    assert not {"BitCoin", "Congress"} & got
