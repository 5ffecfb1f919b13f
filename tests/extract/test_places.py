"""The places stage: recognition patterns, roles, resolution signals, the unresolved case, the spaCy component.

Texts are written for these tests. They use the shipped gazetteer (world from cities500 + Ukraine in full).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _by_text(places, text):
    found = [p for p in places if p.evidence.text == text]
    assert found, f"{text!r} not found among {[p.evidence.text for p in places]}"
    return found[0]


# ------------------------------------------------------------------ recognition


def test_places_village_pattern_and_qualifier(parse):
    places = parse("Shelling hit the village of Ruska Lozova, Kharkiv, on Tuesday morning.")
    village = _by_text(places, "Ruska Lozova")
    assert village.country_code == "UA" and village.feature_class == "P"
    assert village.role == "event_location"


def test_places_a_country_after_in_qualifies_the_town(parse):
    # "Tripoli in Lebanon" is Lebanon's Tripoli, not the larger capital of Libya; "in May" qualifies nothing
    text = ("Inspectors in Istanbul checked the freighter, whose maize is bound for Tripoli in {}, Turkey said.")
    assert _by_text(parse(text.format("Lebanon")), "Tripoli").country_code == "LB"
    assert _by_text(parse(text.format("May")), "Tripoli").country_code == "LY"


@pytest.mark.parametrize("text, span, fclass", [
    ("Fighting continued across the Kharkiv oblast overnight.", "Kharkiv", "A"),
    ("Officials in the Kharkiv region reported calm.", "Kharkiv", "A"),
    ("Troops held positions along the Siverskyi Donets River.", "Siverskyi Donets River", "H"),
    ("Shells landed near Donetsk City late on Friday.", "Donetsk City", "P"),
])
def test_places_type_words_restrict_the_type(parse, text, span, fclass):
    p = _by_text(parse(text), span)
    assert p.feature_class == fclass and p.country_code == "UA"


def test_places_spacy_person_or_org_labels_do_not_hide_places(parse):
    places = parse("Kharkiv was quiet. Scouts worked around Hryhorivka and Bilohorivka.")
    assert {"Kharkiv", "Hryhorivka", "Bilohorivka"} <= {p.evidence.text for p in places}


@pytest.mark.parametrize("text", [
    "May brought heavy rain to the coast.",
    "Police said the road will reopen soon.",
    "President Biden spoke on Street safety.",
    "Will Smith and Jordan Peterson attended the gala.",
])
def test_places_common_words_and_person_names_are_not_places(parse, text):
    assert parse(text) == []


def test_places_capitalised_short_forms_of_countries_are_places(parse):
    places = parse("Let us be clear: the US and the EU will send inspectors to the port next week.")
    texts = [p.evidence.text for p in places]
    assert "us" not in texts  # the pronoun
    assert _by_text(places, "US").country_code == "US"
    assert "EU" in texts


@pytest.mark.parametrize("text, word", [
    ("Analysts at Fox News said the talks had stalled.", "Fox"),
    ("The Ministry of Commerce said on Monday that the tariffs were unfair.", "Commerce"),
])
def test_places_a_word_of_an_organisation_name_is_not_a_place(parse, text, word):
    assert word not in {p.evidence.text for p in parse(text)}


def test_places_acronyms_are_not_towns_and_plural_demonyms_are_origins(parse):
    places = parse("NATO said the Nigerians and the Venezuelans had joined the talks in Geneva.")
    texts = {p.evidence.text for p in places}
    assert "NATO" not in texts  # not the town of Nato in the Philippines
    assert _by_text(places, "Nigerians").role == "origin" and _by_text(places, "Nigerians").country_code == "NG"
    assert _by_text(places, "Venezuelans").country_code == "VE"


def test_places_a_name_after_a_town_and_a_comma_is_the_area(parse):
    p = _by_text(parse("A school bus crashed outside Buffalo, New York, on Monday morning."), "New York")
    assert p.feature_code == "ADM1" and p.country_code == "US"


def test_places_a_small_county_short_form_inside_a_longer_name_is_no_place(parse):
    # "Glacier" is Glacier County (Montana) by its short form; inside "Lake Glacier" it names the lake's word
    assert "Glacier" not in {p.evidence.text for p in parse("The boys swam in Lake Glacier after the parade.")}
    # a large county keeps its short form inside an organisation's name, as news uses it
    gwinnett = _by_text(parse("The boy was taken to Gwinnett Medical Center after the crash."), "Gwinnett")
    assert gwinnett.feature_code == "ADM2" and gwinnett.admin1 == "GA"


def test_places_a_name_ending_in_county_is_a_place_even_opening_an_organisation(parse):
    # at the start of a sentence, inside an ORG, with no locative word before it
    county = _by_text(parse("The Henry County Commission met on Monday."), "Henry County")
    assert county.feature_code == "ADM2" and county.country_code == "US"


def test_places_a_dateline_in_capitals_is_a_place(parse):
    columbus = _by_text(parse("COLUMBUS -- The city council approved the budget on Monday."), "COLUMBUS")
    assert columbus.country_code == "US"


@pytest.mark.parametrize("text, town", [
    ("The money will go to parks, Greer Councilman Tom Weaver said.", "Greer"),
    ("Woodbury Mayor Tina Hartley signed the order on Tuesday.", "Woodbury"),
    ("Officers arrived quickly, said Lombard Police Chief Ray Byrne.", "Lombard"),
])
def test_places_a_town_before_its_own_office_is_a_place(parse, text, town):
    assert _by_text(parse(text), town).feature_class == "P"


def test_places_a_band_or_a_school_named_for_a_person_is_no_town(parse):
    found = {p.evidence.text for p in parse("Arcade Fire played, and Kennedy Elementary School closed.")}
    assert not found & {"Arcade", "Kennedy"}


@pytest.mark.parametrize("text, found", [
    ("Coach Tom Greer thanked the fans. The team plays in Greer on Friday.", ["Greer"]),
    ("The festival was praised by Anna Greer. Greer, South Carolina, hosts it every May.",
     ["Greer", "South Carolina"]),
    ("Coach Tom Greer thanked the fans, and Greer said the team was ready.", []),  # the person, named again
])
def test_places_a_surname_of_the_text_is_a_place_after_in_or_before_its_state(parse, text, found):
    assert [p.evidence.text for p in parse(text)] == found


def test_places_a_definition_names_a_place(parse):
    places = parse("Ellinwood is a small city in Barton County. Ellinwood was founded in 1878.")
    assert [p.evidence.text for p in places] == ["Ellinwood", "Barton County", "Ellinwood"]
    assert not parse("The CIS was the only region that exported less.")  # no article: no definition


def test_places_a_name_after_an_honorific_is_a_person(parse):
    assert not parse("The letters were read aloud by Mrs. Lincoln, played by a local actress.")
    assert _by_text(parse("She won the Miss Ohio title in June."), "Ohio").feature_code == "ADM1"  # a pageant


def test_places_a_name_taken_once_is_a_place_where_it_repeats_without_a_cue(parse):
    places = parse("Crews repaired a water main in Greer on Tuesday. Greer expects the road to reopen soon.")
    assert [p.evidence.text for p in places] == ["Greer", "Greer"]
    # but not as a word of a longer name
    text = "The fair was held in Bicester this year. Bicester will host it again in May, the Bicester Advertiser said."
    assert [p.evidence.start for p in parse(text)] == [21, 41]
    # nor from a name taken on weak evidence only ("the opposite of El Niño")
    text = "La Niña is the opposite of El Niño. Forecasters said El Niño would fade by June."
    assert [p.evidence.start for p in parse(text)] == [27]
    listed = parse("Floods reached Oakport and Moorhead on Friday. Moorhead opened two shelters.")
    assert [p.evidence.text for p in listed] == ["Oakport", "Moorhead", "Moorhead"]


def test_places_country_names_never_resolve_to_towns(parse):
    places = parse("Ukraine asked Russia to withdraw, and Georgia and Jordan watched.")
    for name in ("Ukraine", "Russia", "Jordan"):
        assert _by_text(places, name).feature_code == "PCLI", name


# ------------------------------------------------------------------ roles


@pytest.mark.parametrize("text, span, role", [
    ("Moscow is focused on holding the line, analysts wrote.", "Moscow", "metonym"),
    ("Kyiv says the strike missed its target.", "Kyiv", "metonym"),
    ("Washington announced new aid on Monday.", "Washington", "metonym"),
    ("The former Ambassador to Austria spoke at length.", "Austria", "title"),
    ("The Mayor of Kharkiv asked for generators.", "Kharkiv", "title"),
    ("Russian troops withdrew overnight.", "Russian", "origin"),
    ("Artillery struck positions near Izyum.", "Izyum", "event_location"),
])
def test_places_roles(parse, text, span, role):
    assert _by_text(parse(text), span).role == role


# ------------------------------------------------------------------ resolution signals


def test_places_population_and_feature_prefer_the_capital(parse):
    kyiv = _by_text(parse("Air raid sirens sounded in Kyiv."), "Kyiv")
    assert kyiv.feature_code == "PPLC" and kyiv.lat == pytest.approx(50.45, abs=0.1)
    assert [c.geonameid for c in kyiv.candidates][0] == kyiv.geonameid and len(kyiv.candidates) > 1


def test_places_proximity_picks_the_village_near_the_others(parse):
    text = ("Ukrainian scouts crossed the Siverskyi Donets River near Bilohorivka and reached Hryhorivka, "
            "a few kilometres from Lysychansk.")
    h = _by_text(parse(text), "Hryhorivka")
    assert h.geonameid == 708092
    assert len(h.candidates) == 5  # the others it weighed, with scores
    assert h.candidates[0].score >= h.candidates[1].score


def test_places_admin_named_nearby_picks_the_right_namesake(parse):
    # Several Ukrainian villages are called Hryhorivka; the one in Dnipropetrovsk oblast is asked for.
    h = _by_text(parse("Residents of Hryhorivka, Dnipropetrovsk, reported drones overhead."), "Hryhorivka")
    assert h.country_code == "UA" and h.admin1 == "04"


def test_places_focus_country_decides_an_ambiguous_name(parse):
    us = _by_text(parse("Voters in Atlanta, Savannah and across Georgia lined up early."), "Georgia")
    assert us.country_code == "US" and us.feature_code == "ADM1"
    ge = _by_text(parse("Tbilisi and Batumi saw protests as Georgia debated the law."), "Georgia")
    assert ge.country_code == "GE"


def test_places_a_place_near_a_foreign_country_the_text_names(parse):
    # "Gaza" is the town by Israel and Egypt, not the province of Mozambique (which outranks it on priors)
    gaza = _by_text(parse("The activists travelled to Gaza on Sunday. Israel and Egypt kept the crossings closed."),
                    "Gaza")
    assert gaza.country_code == "PS" and gaza.feature_class == "P"


@pytest.mark.parametrize("text, span, code", [
    ("Three storms formed over the Atlantic in August. Florida and Texas took the worst of them, and Houston "
     "flooded.", "Atlantic", "OCN"),
    ("Fog covered the West Coast on Monday, from Seattle to San Diego, and Oregon closed two highways.",
     "West Coast", "RGN"),
])
def test_places_an_ocean_or_region_of_several_countries_shares_the_focus(parse, text, span, code):
    # not Atlantic, Iowa, nor New Zealand's West Coast region: the story's focus country does not exclude them
    assert _by_text(parse(text), span).feature_code == code


def test_places_a_county_with_one_town_is_in_the_index_and_places_its_seat(parse):
    # Muscogee County (Georgia) has one town in the admin-names source, Columbus: built since round 6
    places = parse("Deputies from Muscogee County searched the river near Columbus.")
    county, town = _by_text(places, "Muscogee County"), _by_text(places, "Columbus")
    assert county.feature_code == "ADM2" and county.admin1 == "GA"
    assert town.admin1 == "GA"  # not Columbus, Ohio, the largest


def test_places_oblast_when_the_other_places_lie_far_from_its_capital(parse):
    text = ("Russian forces pressed on Lysychansk and Bilohorivka and shelled Hryhorivka. "
            "They were reportedly shifting efforts to Luhansk.")
    assert _by_text(parse(text), "Luhansk").feature_code == "ADM1"
    city = _by_text(parse("Trains from Luhansk stopped at Alchevsk."), "Luhansk")
    assert city.feature_class == "P"


# ------------------------------------------------------------------ unresolved case


def test_places_unresolved_span_is_kept_and_others_still_resolve(nlp, gaz):
    from sitreps.extract.places import resolve_spans

    text = "Crews cleared Qzxwvville Lane in Odesa after the strike."
    doc = nlp(text)
    lane, odesa = resolve_spans(doc, [(14, 29), (33, 38)], gaz)
    assert lane.evidence.text == "Qzxwvville Lane" and lane.geonameid is None and not lane.resolved
    assert lane.lat == pytest.approx(odesa.lat)  # a street lies in the town the text names
    assert odesa.resolved and odesa.country_code == "UA"
    unknown = resolve_spans(doc, [(14, 24)], gaz)[0]  # a name the index lacks: the town the text is about
    assert unknown.geonameid is None and not unknown.resolved and unknown.precision == "town"
    assert unknown.lat == pytest.approx(odesa.lat) and [c.name for c in unknown.candidates] == [odesa.name]
    alone = nlp("Crews cleared Qzxwvville after the strike.")
    nowhere = resolve_spans(alone, [(14, 24)], gaz)[0]  # and no town in the text: no point at all
    assert nowhere.geonameid is None and nowhere.candidates == [] and nowhere.lat is None


def test_places_stage_in_the_pipeline_keeps_spans_valid(pipeline, make_article):
    from sitreps.model import check_spans

    art = make_article("Russian troops shelled Izyum, Kharkiv oblast, on Saturday, Kyiv says.", published="2022-05-16")
    result = pipeline.extract(art)
    check_spans(result)
    assert {"Izyum", "Kharkiv", "Kyiv"} <= {p.evidence.text for p in result.places}


# ------------------------------------------------------------------ spaCy component


def test_places_component_in_a_users_own_pipeline():
    import spacy

    import sitreps.extract.places  # noqa: F401 - registers the factory

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("sitreps_places", config={"gazetteer": None})
    nlp.initialize()
    doc = nlp("Drones struck a depot near Kramatorsk in eastern Ukraine.")
    got = {p.evidence.text: p for p in doc._.places}
    assert got["Kramatorsk"].country_code == "UA" and got["Ukraine"].feature_code == "PCLI"
    assert all(doc.text[p.evidence.start:p.evidence.end] == p.evidence.text for p in doc._.places)


def test_places_streets_and_buildings_are_located_in_their_town(parse):
    places = parse("Crews repaired the bridge on Sumska Street in Kharkiv after the strike.")
    street = _by_text(places, "Sumska Street")
    town = _by_text(places, "Kharkiv")
    assert street.geonameid is None and not street.resolved  # not in the gazetteer: kept unresolved
    assert (street.lat, street.lon) == (town.lat, town.lon) and street.precision == "town"


def test_places_an_enumeration_names_places_of_one_level(parse):
    # Wyoming and Oregon are also towns; beside other states in one list they are the states.
    places = parse("Outbreaks were confirmed in Arizona, Colorado, Illinois, Oregon and Wyoming last week.")
    for name in ("Oregon", "Wyoming"):
        p = _by_text(places, name)
        assert p.country_code == "US" and p.feature_code == "ADM1", (name, p.feature_code, p.name)


def test_places_a_bare_ocean_name_is_the_ocean(parse):
    p = _by_text(parse("The storm formed over the Atlantic and moved toward Bermuda."), "Atlantic")
    assert p.feature_code == "OCN"


# ------------------------------------------------------------------ issue 3, round 4: names, demonyms, namesakes


@pytest.mark.parametrize("text, span, code", [
    ("Aid convoys reached Darfur after a week on the road.", "Darfur", "RGN"),
    ("Drones flew over the Korean Peninsula at dawn.", "Korean Peninsula", "PEN"),
    ("Floods hit Sumatra and left thousands homeless.", "Sumatra", "ISL"),
    ("Tankers waited in the Gulf of Mexico for the storm to pass.", "Gulf of Mexico", "SEA"),
])
def test_places_regions_seas_and_islands_of_the_projects_table(parse, text, span, code):
    assert _by_text(parse(text), span).feature_code == code


@pytest.mark.parametrize("text, span, cc", [
    ("Farmers in Anhui planted late this spring.", "Anhui", "CN"),  # "Anhui Sheng" in the admin names
    ("Racing stopped in NSW while vets checked the stables.", "NSW", "AU"),
])
def test_places_short_forms_of_first_level_areas(parse, text, span, cc):
    p = _by_text(parse(text), span)
    assert p.feature_code == "ADM1" and p.country_code == cc


@pytest.mark.parametrize("text, span, cc", [
    ("The Holy See sent an envoy to the talks.", "Holy See", "VA"),
    ("Diplomats said the DPRK had fired a missile.", "DPRK", "KP"),
    ("Refugees crossed from the Democratic Republic of Congo into Uganda.", "Democratic Republic of Congo", "CD"),
])
def test_places_country_aliases(parse, text, span, cc):
    p = _by_text(parse(text), span)
    assert p.country_code == cc and p.feature_code.startswith("PCL")


def test_places_people_of_a_state_and_of_a_region_are_origins(parse):
    places = parse("Texans and Central American migrants waited at the border crossing.")
    texans = _by_text(places, "Texans")
    assert texans.role == "origin" and texans.feature_code == "ADM1" and texans.country_code == "US"
    assert _by_text(places, "Central American").role == "origin"


def test_places_a_country_naming_a_currency_and_an_acronym_in_a_mistagged_name(parse):
    places = parse("The fund lent 15 billion US dollars. Reporter Jane Smith US said the US measures were new.")
    us = [p for p in places if p.evidence.text == "US"]
    assert len(us) == 3 and all(p.country_code == "US" for p in us)


def test_places_a_town_known_by_an_old_name_ranks_below_towns_so_named(gaz):
    from sitreps.extract.places_resolve import Mention, prior
    from sitreps.gazetteer.build import fold

    m = Mention(0, 5, "paris", "Paris")
    found = gaz.lookup_key("paris")
    named = [e for e in found if e.feature_class == "P" and fold(e.name) == "paris"]
    by_old_name = [e for e in found if e.feature_class == "P" and fold(e.name) != "paris" and e.population < 100_000]
    assert named and by_old_name
    # "Paris" for Saint Paris or a town once called Paris: below every town called Paris, however small
    assert max(prior(e, m, named=True) for e in by_old_name) < min(prior(e, m, named=True) for e in named)
    assert max(prior(e, m, named=False) for e in by_old_name) > max(prior(e, m, named=True) for e in by_old_name)


def test_places_a_bare_name_is_not_the_county_named_after_it(parse):
    p = _by_text(parse("Rain is expected across Washington and Oregon this weekend."), "Washington")
    assert p.feature_code == "ADM1"


def test_places_a_state_abbreviation_split_from_its_dot_and_x_state(parse):
    places = parse("The plant near Parkersburg, W.Va. closed. Floods hit Oaxaca State last week.")
    wv = _by_text(places, "W.Va.")
    assert wv.feature_code == "ADM1" and wv.admin1 == "WV"
    assert _by_text(places, "Oaxaca State").feature_code == "ADM1"


def test_places_a_country_the_tagger_once_ran_into_a_persons_name_stays_a_place(parse):
    places = parse("Rethinking Egypt was the title of her talk. Later she flew to Egypt, where talks began.")
    assert any(p.evidence.text == "Egypt" and p.country_code == "EG" for p in places)


def test_places_an_unknown_name_holding_a_far_namesake_takes_the_town_of_the_text(nlp, gaz):
    from sitreps.extract.places import resolve_spans
    from sitreps.gazetteer.index import haversine_km

    text = "Jazz clubs in New Orleans stay open late. Tourists crowd Faubourg Marigny at night."
    start = text.index("Faubourg Marigny")
    (p,) = resolve_spans(nlp(text), [(start, start + len("Faubourg Marigny"))], gaz)
    assert p.geonameid is None and p.precision == "town"  # unresolved, located by its town
    assert haversine_km(p.lat, p.lon, 29.95, -90.07) < 50  # New Orleans, not Marigny in France


def test_places_x_city_before_a_local_body_is_the_name_alone(parse):
    texts = {p.evidence.text for p in parse("Members of the Dublin City Council voted on the budget in Dublin.")}
    assert "Dublin City" not in texts and "Dublin" in texts


def test_places_two_names_agree_on_runner_up_readings(parse):
    # alone, "Athens" is the Georgia town and "Henderson County" the North Carolina county; together they are
    # the Texas pair 10 km apart: proximity also counts the other name's runner-up readings
    places = parse("Crews repaired a water main in Athens on Tuesday. The Henderson County sheriff closed the road.")
    athens, county = _by_text(places, "Athens"), _by_text(places, "Henderson County")
    assert athens.country_code == county.country_code == "US"
    assert athens.lat is not None and county.lat is not None and athens.lon is not None and county.lon is not None
    assert 31.5 < athens.lat < 33.0 and -96.5 < athens.lon < -95.0
    assert 31.5 < county.lat < 33.0 and -96.5 < county.lon < -95.0


@pytest.mark.parametrize("text, span, cc", [
    ("Aid flights reached Kinshasa in the Democratic Republic of the Congo on Monday.",
     "Democratic Republic of the Congo", "CD"),
    ("The summit opened in Dar es Salaam after a week of talks.", "Dar es Salaam", "TZ"),
    ("Storms flooded farms across Rio Grande do Sul this winter.", "Rio Grande do Sul", "BR"),
    ("Relief trucks left Port-au-Prince at dawn.", "Port-au-Prince", "HT"),
    ("Cocoa prices rose after the harvest in Côte d'Ivoire was cut by rain.", "Côte d'Ivoire", "CI"),
    ("The clinic in St. Marc treated dozens of patients, Haitian officials said.", "St. Marc", "HT"),
])
def test_places_names_with_lower_case_words_and_abbreviated_saints(parse, text, span, cc):
    p = _by_text(parse(text), span)
    assert p.country_code == cc


def test_places_a_saints_day_is_no_abbreviated_place(parse):
    places = parse("Crowds marched in Boston on St. Patrick's Day.")
    assert "St. Patrick" not in {p.evidence.text for p in places}


def test_places_a_place_noun_naming_it_and_a_deputys_office(parse):
    places = parse("The flock was culled near a village called Lasby after the outbreak. "
                   "\"We closed the schools,\" said Mabini Vice-Mayor Ana Cruz on Friday.")
    assert {"Lasby", "Mabini"} <= {p.evidence.text for p in places}


def test_places_listed_states_are_peers_not_the_articles_area(parse):
    places = parse("Recalled jars were sold in Missouri, Louisiana, Kansas, California and Oregon, the agency said.")
    for name in ("Louisiana", "California", "Oregon"):
        assert _by_text(places, name).feature_code == "ADM1", name


def test_places_a_plural_area_noun_after_an_enumeration(parse):
    places = parse("Schools closed in Butler, Clark, Madison or Warren counties after the storm.")
    for name in ("Butler", "Clark", "Madison", "Warren"):
        assert _by_text(places, name).feature_code == "ADM2", name


def test_places_a_street_lies_in_the_town_the_text_is_about(parse):
    places = parse("Flooding hit Memphis on Monday. Memphis officials closed schools. A visitor from Nashville "
                   "said the water was rising. By noon it covered Beale Street.")
    street = _by_text(places, "Beale Street")
    assert street.geonameid is None and street.precision == "town"
    memphis = _by_text(places, "Memphis")
    assert abs(street.lat - memphis.lat) < 0.01 and abs(street.lon - memphis.lon) < 0.01


def test_places_a_building_lies_in_the_town_named_right_after_it(parse):
    places = parse("Flooding hit Chicago on Monday. Later a researcher at Loyola Hospital in Denver spoke to us.")
    site = _by_text(places, "Loyola Hospital")
    denver = _by_text(places, "Denver")
    assert site.precision == "town" and (site.lat, site.lon) == (denver.lat, denver.lon)


def test_places_a_legislators_home_town_and_a_towns_people(parse):
    places = parse("The bill's sponsor, Sen. Ann Hale, D-Pleasanton, spoke first. "
                   "A Camarillo man was arrested later, and the 20-year-old Moorpark resident was released.")
    got = {p.evidence.text for p in places}
    assert {"Pleasanton", "Camarillo", "Moorpark"} <= got
    assert "CA" not in {p.evidence.text for p in parse("Rep. Ann Hale (D-CA) spoke first.")}


def test_places_a_family_named_like_a_town_is_no_place(parse):
    assert "Jones" not in {p.evidence.text for p in parse("The Jones family moved away in June.")}


def test_places_a_town_before_its_police_in_lower_case(parse):
    assert "Roswell" in {p.evidence.text for p in parse("A man Roswell police arrested on Monday was released.")}
    assert "As" not in {p.evidence.text for p in parse("As police arrived, the crowd left.")}


def test_places_a_name_the_index_lacks_named_by_a_place_noun(parse):
    places = parse("Cholera spread in Kinshasa last month. Doctors reached the village of Qzxwvka on Monday "
                   "and later the Brqzt district, officials said.")
    for name in ("Qzxwvka", "Brqzt"):
        p = _by_text(places, name)
        assert p.geonameid is None and p.precision == "town" and p.country_code is None
        assert p.candidates and p.candidates[0].name == "Kinshasa"
    assert "Monday" not in {p.evidence.text for p in places}


def test_places_a_name_the_index_lacks_is_a_place_again_where_it_repeats(parse):
    places = parse("Cholera spread in Kinshasa last month. Doctors reached the village of Qzxwvka on Monday. "
                   "Since arriving in Qzxwvka, the team has treated 25 patients. Qzxwvka Jones spoke later.")
    found = [p for p in places if p.evidence.text == "Qzxwvka"]
    assert len(found) == 2 and all(p.geonameid is None and p.precision == "town" for p in found)


def test_places_a_name_the_tagger_calls_a_place_after_in_is_kept_unresolved(parse):
    places = parse("Flooding hit Nairobi on Monday. Families in Qzxwvtown lost their homes, officials said.")
    p = _by_text(places, "Qzxwvtown")  # the shipped model tags it GPE
    assert p.geonameid is None and p.precision == "town" and p.candidates[0].name == "Nairobi"
    assert "America" in {p.evidence.text for p in parse("He worked in Dallas at United Way of America.")}


def test_places_unknown_names_listed_after_a_plural_place_noun(parse):
    places = parse("Cholera spread in Kinshasa. It reached the villages of Qzxwvka and Brqztown, and later "
                   "three villages: Vlqzmo, Trqzna and Pqzweli.")
    got = {p.evidence.text for p in places}
    assert {"Qzxwvka", "Brqztown", "Vlqzmo", "Trqzna", "Pqzweli"} <= got


def _resolve_one(nlp, gaz, text, span):
    from sitreps.extract.places import resolve_spans

    start = text.index(span)
    (p,) = resolve_spans(nlp(text), [(start, start + len(span))], gaz)
    return p


def test_places_an_institution_lies_in_the_area_or_country_in_its_name(nlp, gaz):
    from sitreps.gazetteer.index import haversine_km

    # a university named for a province far from the text's town lies in the province (its point: the index has
    # no provincial capitals), not in the text's town
    p = _resolve_one(nlp, gaz, "Storms flooded Miami on Monday. A geologist at the University of Alberta "
                                "said the rain would stop.", "University of Alberta")
    # (precision: the area's, since the point is the area's)
    assert p.geonameid is None and p.precision == "region" and p.candidates[0].name == "Alberta"
    assert haversine_km(p.lat, p.lon, 53.55, -113.49) < 161  # Edmonton
    # a central bank named for its country: the capital
    p = _resolve_one(nlp, gaz, "Shoppers in Leeds spent less in May. The Bank of England kept its rate.",
                     "Bank of England")
    assert haversine_km(p.lat, p.lon, 51.51, -0.13) < 50  # London
    # the town named right after it comes first
    p = _resolve_one(nlp, gaz, "Prices rose in Ohio. He studied at Qzxw State University in Boise.",
                     "Qzxw State University")
    assert haversine_km(p.lat, p.lon, 43.61, -116.20) < 30  # Boise


def test_places_an_embassy_is_not_in_the_country_it_is_named_for(nlp, gaz):
    from sitreps.gazetteer.index import haversine_km

    p = _resolve_one(nlp, gaz, "Crowds marched in Paris on Friday. They stopped outside the Embassy of Japan.",
                     "Embassy of Japan")
    assert haversine_km(p.lat, p.lon, 48.86, 2.35) < 30  # Paris, the text's town, not Tokyo


def test_places_an_institution_does_not_take_a_far_namesake_town(nlp, gaz):
    from sitreps.gazetteer.index import haversine_km

    p = _resolve_one(nlp, gaz, "Lawyers gathered in Nairobi on Monday. The case reached the Supreme Court "
                               "of Appeal later.", "Supreme Court of Appeal")
    assert haversine_km(p.lat, p.lon, -1.29, 36.82) < 30  # Nairobi


def test_places_an_institution_named_with_a_demonym_lies_in_that_countrys_capital(nlp, gaz):
    from sitreps.gazetteer.index import haversine_km

    p = _resolve_one(nlp, gaz, "Talks resumed in Geneva on Monday. The Russian Foreign Ministry said nothing.",
                     "Russian Foreign Ministry")
    assert haversine_km(p.lat, p.lon, 55.75, 37.62) < 50  # Moscow
    p = _resolve_one(nlp, gaz, "Talks resumed in Nairobi on Monday. Staff of the Russian Embassy left.",
                     "Russian Embassy")
    assert haversine_km(p.lat, p.lon, -1.29, 36.82) < 30  # Nairobi: an embassy is not in its own country


# ------------------------------------------------------------------ issue 3, round 9


def test_places_a_list_of_state_names_is_a_list_of_states(parse):
    # Oklahoma and California are also towns in Pennsylvania: listed with Pennsylvania and other states they
    # are the states, and "Washington, Pennsylvania and California" goes on past the would-be qualifier
    places = parse("Infections were traced to Georgia, Oklahoma, Pennsylvania, Wisconsin and California.")
    for name in ("Oklahoma", "California"):
        p = _by_text(places, name)
        assert p.feature_code == "ADM1" and p.country_code == "US", (name, p.feature_code, p.name)
    places = parse("Inspectors are checking farms in Washington, Pennsylvania and California this week.")
    for name in ("Washington", "California"):
        p = _by_text(places, name)
        assert p.feature_code == "ADM1" and p.country_code == "US", (name, p.feature_code, p.name)


def test_places_a_list_of_towns_keeps_its_towns(parse):
    # no name of this list reads as a first-level area: the towns stay towns
    places = parse("Drones struck Kharkiv, Izium and Kupiansk overnight.")
    assert all(p.feature_class == "P" for p in places if p.evidence.text in ("Kharkiv", "Izium", "Kupiansk"))


def test_places_former_provinces_and_bare_province_names(parse):
    p = _by_text(parse("Cholera has spread to Nyanza province in western Kenya, officials said."), "Nyanza")
    assert p.country_code == "KE" and p.feature_code == "RGN"
    p = _by_text(parse("Hundreds of pigs died at a farm in Pangasinan last month."), "Pangasinan")
    assert p.country_code == "PH" and p.feature_code == "ADM2"


def test_places_a_name_inside_a_list_of_places(parse):
    places = parse("Rain closed roads in Wollongong, Dubbo, Berry and Kiama on Monday.")
    p = _by_text(places, "Berry")
    assert p.country_code == "AU" and p.feature_class == "P"
    # one place before a name is not enough when the tagger calls it a person
    assert "Jones" not in [p.evidence.text for p in parse("In Leeds, Kate Smith and Jones spoke to reporters.")]


def test_places_a_definition_makes_an_unknown_name_a_place(parse):
    places = parse("Residents of Kwamalusi, a suburb located east of Bulawayo, said the taps ran dry.")
    p = _by_text(places, "Kwamalusi")
    assert p.geonameid is None and p.lat is not None  # unresolved, at the text's town
    p = _by_text(parse("Tenhoven is a small village in the hills above Bolzano."), "Tenhoven")
    assert p.geonameid is None
    # a title, not a settlement; an adverb opening the sentence
    texts = [p.evidence.text for p in parse("Tim Walker, a city official in Dallas, said spraying began.")]
    assert "Walker" not in texts and "Tim Walker" not in texts
    texts = [p.evidence.text for p in parse("Meanwhile, a town nearby reported no cases.")]
    assert "Meanwhile" not in texts


def test_places_a_far_village_namesake_is_set_aside_for_the_texts_town(parse):
    # the index lacks the London street; its only namesake is a village in Australia, 17,000 km from the
    # story's other places, all in England
    places = parse("Crowds gathered in Piccadilly as London marked the jubilee, and police closed roads across "
                   "England.")
    from sitreps.gazetteer.index import haversine_km

    p = _by_text(places, "Piccadilly")
    assert p.geonameid is None and p.precision == "town"
    assert haversine_km(p.lat, p.lon, 51.5, -0.13) < 50  # London's point
    assert any(c.country_code == "AU" for c in p.candidates)  # the namesake it set aside stays visible
    # a town of some size far away is kept: Ramstein is in Germany though the text names only Ukraine's cities
    p = _by_text(parse("Defence ministers met at Ramstein to discuss more air defence for Kyiv and Kharkiv."),
                 "Ramstein")
    assert p.country_code == "DE"


def test_places_a_weapon_named_with_a_model_code_is_no_place(parse):
    places = parse("Ukrainian gunners destroyed an Msta-S howitzer near Bakhmut, and shelling hit Ivano-Frankivsk.")
    texts = [p.evidence.text for p in places]
    assert "Msta" not in texts  # the Russian howitzer, not the river Msta
    assert "Bakhmut" in texts and "Ivano-Frankivsk" in texts


def test_places_a_city_in_capitals_is_the_city_not_an_acronym(parse):
    # a dateline in capitals: the city, not its oblast (the acronym rule had pushed the towns down)
    p = _by_text(parse("KYIV, Ukraine (AP) - Russian forces shelled the capital overnight."), "KYIV")
    assert p.feature_code == "PPLC" and p.country_code == "UA"
    p = _by_text(parse("LVIV - Missiles struck the city on Sunday, officials said."), "LVIV")
    assert p.feature_class == "P"
    p = _by_text(parse("The EU and the US agreed on new sanctions."), "EU")
    assert p.feature_code == "RGN"  # still an acronym, not the French town of Eu


def test_places_russian_regions_by_their_english_names(parse):
    # the admin-names source spells them "Brjansk", "Voronezj", "Respublika Buryatiya"; "Belgorod Oblast"
    # capitalised is the oblast, not the city
    places = parse("Shelling hit villages in Belgorod Oblast and Bryansk Oblast, and drones struck the Voronezh "
                   "region; recruits from Buryatia were sent to Krasnodar Krai.")
    for text in ("Belgorod", "Bryansk Oblast", "Voronezh", "Buryatia", "Krasnodar Krai"):
        p = _by_text(places, text)
        assert p.country_code == "RU" and p.feature_code == "ADM1", (text, p.name, p.feature_code)


# ------------------------------------------------------------------ round 10: war news precision


def test_places_a_seat_of_government_is_its_capital(parse):
    # "White House" is a town in Tennessee and another name of Casablanca in the index; the seat is Washington's
    places = parse("Officials at the White House and in Downing Street welcomed the vote in Kyiv.")
    p = _by_text(places, "White House")
    assert (p.name, p.country_code, p.feature_code) == ("Washington", "US", "PPLC")
    p = _by_text(places, "Downing Street")
    assert (p.name, p.country_code) == ("London", "GB")
    assert _by_text(places, "Kyiv").country_code == "UA"


def test_places_a_name_before_a_things_head_is_no_place(parse):
    places = parse("Gas prices rose after leaks on the Nord Stream pipelines, and Brent crude climbed; fighters "
                   "of the Wagner Group were seen near Bakhmut.")
    texts = [p.evidence.text for p in places]
    assert "Nord" not in texts and "Brent" not in texts and "Wagner" not in texts, texts
    assert "Bakhmut" in texts


def test_places_a_numbered_part_is_no_place(parse):
    # "Annex" is a district of Toronto in the index; read so it also pulled Brussels to Brussels, Ontario
    places = parse("Sanctions are in Annex 2 of the decision, which the ministers adopted in Brussels after the "
                   "attack on Kharkiv.")
    assert "Annex" not in [p.evidence.text for p in places]
    assert _by_text(places, "Brussels").country_code == "BE"


def test_places_people_named_in_war_news_are_no_places(parse):
    # a surname the index holds only as another name of a village ("Putin", Putyatintsy); a given name after a
    # title ("Lloyd Austin", not Austin, Texas); a name the index lacks that the text gives a person
    places = parse("Analysts in Berlin said the Putin regime had misjudged Ukraine, and that sanctions were a red "
                   "line for Putin.")
    assert "Putin" not in [p.evidence.text for p in places]
    # a region the tagger calls a person stays the region: the rule is for villages' other names
    places = parse("Russia’s focus remains the Battle for Donbas but gains there are limited, officials in Kyiv "
                   "said.")
    assert _by_text(places, "Donbas").name == "Donets Basin"
    places = parse("US Secretary of Defense Lloyd Austin said in Warsaw on Friday that more help for Kyiv was "
                   "coming.")
    texts = [p.evidence.text for p in places]
    assert "Austin" not in texts and "Warsaw" in texts
    places = parse("Shelling hit Kherson as President Volodymyr Zelensky met Chancellor Olaf Scholz, whose aides "
                   "in Scholz’s circles doubted the plan.")
    texts = [p.evidence.text for p in places]
    assert "Scholz" not in texts and "Kherson" in texts


def test_places_an_institution_named_after_a_town_is_no_place(parse):
    places = parse("The State Duma in Moscow voted on the bill on Wednesday.")
    texts = [p.evidence.text for p in places]
    assert "Duma" not in texts and "Moscow" in texts  # not Duma, a town in Syria


def test_places_a_far_small_town_the_tagger_calls_no_place_is_dropped(parse):
    # "Nato" is only a pair of Philippine villages in the index; in a story about Ukraine it is the alliance
    places = parse("Moscow called the deliveries an aggression unleashed by Nato against Russia, and drones "
                   "struck Kharkiv.")
    texts = [p.evidence.text for p in places]
    assert "Nato" not in texts and "Kharkiv" in texts and "Moscow" in texts


def test_places_a_far_small_town_in_a_story_about_its_country_stays(parse):
    # the same name, tagged an organisation again, in a story whose other places are in the Philippines
    places = parse("Floods cut the road to Nato in Camarines Sur, and rescuers came from Naga City and Manila.")
    p = _by_text(places, "Nato")
    assert p.country_code == "PH"


def test_places_a_given_name_before_a_surname_the_text_names_alone_is_no_place(parse):
    # "Volodymyr" is also Volodymyr-Volynskyi, "Mark" a village in Belgium; "Zelensky" and "Hannah" are people
    # named alone in the same text
    places = parse("The format was launched by President of Ukraine Volodymyr Zelensky in Kyiv. Zelensky said it "
                   "would meet in Lviv.")
    texts = [p.evidence.text for p in places]
    assert "Volodymyr" not in texts and "Kyiv" in texts and "Lviv" in texts
    places = parse("Courtesy of Mark Hannah. Hannah wrote that the war in Ukraine could end in Istanbul.")
    texts = [p.evidence.text for p in places]
    assert "Mark" not in texts and "Istanbul" in texts


def test_places_words_of_a_headline_in_capitals_are_words(parse):
    # "HARRIS" (a Minnesota town, Harris County) and "EASTERN" (a region of Ghana) in a headline line of capitals;
    # the country and a town the text also writes in lower case stay
    places = parse("Officials in Kyiv spoke on Monday.\n\nHARRIS SLAMS DESANTIS OVER UKRAINE REMARKS\n\nThe vice "
                   "president spoke in Munich.")
    texts = [p.evidence.text for p in places]
    assert "HARRIS" not in texts and "UKRAINE" in texts
    places = parse("US SENDING MORE TROOPS TO NATO'S EASTERN FLANK\n\nTroops from Fort Bragg will go to Poland.")
    texts = [p.evidence.text for p in places]
    assert "EASTERN" not in texts and "US" in texts and "Poland" in texts
    places = parse("RUSSIAN TROOPS LEAVE BALAKLIIA AFTER MONTHS\n\nUkrainian forces entered Balakliia and Kharkiv on "
                   "Monday, officials said.")
    assert [p.evidence.text for p in places].count("BALAKLIIA") == 1


def test_places_a_feature_name_opening_an_institution_is_no_place(parse):
    # the river Main: a word of an institution's name; the river itself and a town's administration stay places
    places = parse("The Ukrainian Main Intelligence Directorate said drones struck a depot near Bryansk.")
    texts = [p.evidence.text for p in places]
    assert "Main" not in texts and "Bryansk" in texts
    places = parse("Barges sailed down the Main near Frankfurt, and the Kharkiv Regional Military Administration "
                   "reported shelling.")
    texts = [p.evidence.text for p in places]
    assert "Main" in texts and "Kharkiv" in texts


# ------------------------------------------------------------------ round 11: war news


def test_places_the_planet_is_recognised_with_no_point(parse):
    # "on Earth": the planet, not Earth, Texas; written with its state it is the town
    places = parse("The senator said America is the strongest nation on Earth and visited troops in Poland.")
    earth = _by_text(places, "Earth")
    assert earth.geonameid is None and earth.lat is None and earth.role == "other"
    places = parse("The farmer lives in Earth, Texas, a small town near Lubbock.")
    earth = _by_text(places, "Earth")
    assert earth.country_code == "US" and earth.lat is not None


def test_places_a_compound_after_a_combining_form_is_no_place(parse):
    # "Euro-Atlantic integration" and "the Indo-Pacific" are concepts, not the ocean nor Pacific County
    places = parse("Moldova wants faster Euro-Atlantic integration, its envoy told reporters in Vilnius, while "
                   "Canberra spends more on the Indo-Pacific region.")
    texts = [p.evidence.text for p in places]
    assert "Atlantic" not in texts and "Pacific" not in texts and "Vilnius" in texts


def test_places_an_oceans_name_in_an_institutions_name_is_no_place(parse):
    places = parse("The North Atlantic Treaty Organization met in Brussels on Tuesday.")
    texts = [p.evidence.text for p in places]
    assert not any("Atlantic" in t for t in texts) and "Brussels" in texts


def test_places_a_compass_word_before_a_sea_names_part_of_the_sea(parse):
    # "the North Atlantic" is the ocean, with the compass word in the span, not a US village of that name
    places = parse("Russian warships were seen in the Mediterranean and the North Atlantic, officials in London said.")
    atl = _by_text(places, "North Atlantic")
    assert atl.feature_code == "OCN"


def test_places_a_surname_the_tagger_tags_alone_after_a_title_and_given_name_is_no_place(parse):
    # Stewart: a US town and county; here the surname of an official named with her title
    places = parse("US Assistant Secretary for Arms Control Jennifer Stewart said Moscow broke the treaty.")
    texts = [p.evidence.text for p in places]
    assert "Stewart" not in texts


def test_places_a_surname_tagged_a_place_after_the_full_name_is_no_place(parse):
    # the tagger calls "Olaf Scholz" an organisation and the later "Scholz" a place the index lacks
    places = parse("Chancellor Olaf Scholz met officials in Berlin. The plan had been discussed in Scholz's "
                   "circles for weeks.")
    texts = [p.evidence.text for p in places]
    assert "Scholz" not in texts and "Berlin" in texts


def test_places_a_royal_is_no_county(parse):
    places = parse("Prince William visited troops near the Polish border, and the wife of Prince Edward went to "
                   "Kyiv.")
    texts = [p.evidence.text for p in places]
    assert "Prince William" not in texts and "Prince Edward" not in texts and "Kyiv" in texts


def test_places_a_word_between_slashes_is_a_credit(parse):
    places = parse("Volunteers cleared rubble in Bucha on Monday. Oleh Petrenko/Pool/Getty Images")
    texts = [p.evidence.text for p in places]
    assert "Pool" not in texts and "Bucha" in texts


def test_places_a_saints_building_is_one_name_located_by_its_town(parse):
    # not Saint Andrew parish in Jamaica: the church, at the town named after it
    places = parse("Mourners lit candles in Saint Andrew's Church in Bucha on Sunday.")
    church = _by_text(places, "Saint Andrew's Church")
    bucha = _by_text(places, "Bucha")
    assert church.geonameid is None and church.lat == bucha.lat


def test_places_a_country_an_event_is_named_for_is_a_place(parse):
    places = parse("The herbicide was sprayed during the Vietnam war over the forests.")
    assert _by_text(places, "Vietnam").country_code == "VN"


def test_places_a_state_the_tagger_calls_a_number_is_a_place(parse):
    places = parse("Racing resumed at Flemington. NSW Minister for Primary Industries said the ban would end.")
    assert _by_text(places, "NSW").feature_code == "ADM1"


def test_places_news_agencies_are_no_places(parse):
    places = parse("Russian agencies Interfax and Tass said Kharkiv was shelled. Source: Tass, Reuters")
    texts = [p.evidence.text for p in places]
    assert "Tass" not in texts and "Kharkiv" in texts


def test_places_areas_and_countries_by_the_names_news_gives_them(parse):
    # names the source writes otherwise: "Stinga Nistrului", "Muhafazat al Minufiyah", "Ninawa", "South Korea"
    places = parse("Troops in Transnistria were put on alert, and refugees reached Nineveh and Menoufia, while "
                   "Korea and Japan sent aid.")
    assert _by_text(places, "Transnistria").country_code == "MD"
    assert _by_text(places, "Nineveh").country_code == "IQ"
    assert _by_text(places, "Menoufia").feature_code == "ADM1"
    assert _by_text(places, "Korea").country_code == "KR"


def test_places_region_after_a_sea_is_the_sea_and_after_an_oblast_name_the_oblast(parse):
    # "region" follows seas and regions as well as admin areas: not Pacific County, Washington
    places = parse("Warm water in the tropical Pacific region brings floods to Peru and drought to Australia.")
    assert _by_text(places, "Pacific").feature_code == "OCN"
    places = parse("Russian forces shelled villages in the Kharkiv region near Izium on Monday.")
    assert _by_text(places, "Kharkiv").feature_code == "ADM1"


def test_places_a_palace_is_a_building_and_the_monarchs_is_a_seat(parse):
    # not the town of Buckingham nor Grand in France
    places = parse("The duchess visited Kyiv on Monday, Buckingham Palace said.")
    assert _by_text(places, "Buckingham Palace").name == "London"
    places = parse("Inside the Grand Kremlin Palace, Putin took the oath, officials in Moscow said.")
    texts = [p.evidence.text for p in places]
    assert "Grand" not in texts and "Grand Kremlin Palace" in texts


def test_places_a_sea_after_the_outranks_a_small_town(parse):
    # "in the Baltic": the sea, not Baltic, South Dakota, though the story is about the United States
    places = parse("The senator from Kansas said Washington must keep ships in the Baltic to deter Moscow.")
    assert _by_text(places, "Baltic").feature_code == "SEA"


def test_places_a_given_name_after_of_and_a_common_noun_is_no_place(parse):
    places = parse("The novelist, a critic of Vladimir Putin's government, spoke to students in Warsaw.")
    texts = [p.evidence.text for p in places]
    assert "Vladimir" not in texts and "Warsaw" in texts
    # a town's possessive the tagger runs into a person stays the town
    places = parse("Troops moved closer to Kryvyi Rih overnight. The chief of Kryvyi Rih’s military "
                   "administration reported damage.")
    assert [p.evidence.text for p in places].count("Kryvyi Rih") == 2


def test_places_a_common_word_inside_a_name_is_no_place(parse):
    # Summit: a county's and a town's name, but here a word of the meeting's name the text also writes in lower case
    places = parse("Diplomats prepared the Ukraine Peace Summit. The summit opens in Lucerne on Saturday.")
    texts = [p.evidence.text for p in places]
    assert "Summit" not in texts and "Lucerne" in texts
    places = parse("As planning for a Ukraine Peace Summit goes on, doubts grow. The summit in Lucerne may matter "
                   "more than expected.")
    assert "Summit" not in [p.evidence.text for p in places]


def test_places_a_word_of_a_countrys_institution_is_no_place(parse):
    # not the Maritime region of Togo
    places = parse("A retired admiral of the Japan Maritime Self-Defence Force said Tokyo would respond.")
    texts = [p.evidence.text for p in places]
    assert "Maritime" not in texts and "Tokyo" in texts


def test_places_a_name_before_a_persons_office_is_a_person_and_a_dukedom_is_a_title(parse):
    places = parse("Hungary will not join the embargo. The view of Basta, the Minister of Economy, counted for little "
                   "in Belgrade.")
    texts = [p.evidence.text for p in places]
    assert "Basta" not in texts and "Belgrade" in texts
    places = parse("In Kharkiv, the mayor said shelling continued.")
    assert "Kharkiv" in [p.evidence.text for p in places]
    places = parse("The Duchess of Edinburgh visited Bucha on Monday.")
    assert _by_text(places, "Edinburgh").role == "title"


def test_places_a_weapon_systems_name_is_no_place(parse):
    places = parse("Russian forces struck Nikopol with 30 Grad MLRS rockets on Monday.")
    texts = [p.evidence.text for p in places]
    assert "Grad" not in texts and "Nikopol" in texts


def test_places_a_ship_named_after_a_city_is_no_place(parse):
    places = parse("The cruiser Moskva, pride of the fleet, went down. Two missiles hit Moskva about 60 miles off "
                   "Odesa, officials in Kyiv said.")
    texts = [p.evidence.text for p in places]
    assert "Moskva" not in texts and "Odesa" in texts and "Kyiv" in texts
    places = parse("The frigate left Sevastopol. Sailors in Sevastopol said the frigate Sevastopol was late.")
    assert "Sevastopol" in [p.evidence.text for p in places]


def test_places_a_town_in_an_area_of_another_country_than_its_namesakes_is_placed_at_the_area(parse):
    # the index has Ukrainian Yelizavetovkas only; the text puts this one in Russia's Kursk Oblast
    places = parse("A border post was shelled in Yelizavetovka, Kursk Oblast, officials in Kharkiv said.")
    village = _by_text(places, "Yelizavetovka")
    assert village.geonameid is None and village.precision == "region"
    assert village.candidates[0].country_code == "RU" and any(c.country_code == "UA" for c in village.candidates)
    # a namesake in the named area keeps its reading
    places = parse("Shelling hit Vovchansk, Kharkiv Oblast, on Monday.")
    assert _by_text(places, "Vovchansk").country_code == "UA"


def test_places_the_last_name_of_an_enumeration_is_no_area_of_the_one_before(parse):
    # "Donetsk, Odessa" ends a list of cities: Odessa is the city, not Odesa Oblast as Donetsk's area
    places = parse("Blasts were reported in Kyiv, Kharkiv, Donetsk, Odessa and across the Donbas region.")
    assert _by_text(places, "Odessa").feature_code == "PPLA"
    places = parse("Shelling hit the village of Ruska Lozova, Kharkiv, on Tuesday.")
    assert _by_text(places, "Ruska Lozova").country_code == "UA"


def test_places_a_list_of_capitals_lists_world_cities(pipeline, make_article) -> None:
    # "Geneva" alone is also a town in Illinois that an article's US focus can favour; in a list that reads as
    # capitals of several countries it is the Swiss city
    text = ("Negotiators named possible venues - Rome, Madrid, Ankara, Geneva, Vienna, New York, Tokyo - and left the "
            "choice open, the White House and US officials in Washington said.")
    got = {p.evidence.text: p.country_code for p in pipeline.extract(make_article(text)).places}
    assert (got["Geneva"], got["Vienna"]) == ("CH", "AT")
    assert got["Rome"] == "IT" and got["New York"] == "US"


def test_places_state_before_a_one_word_name_is_an_institution(pipeline, make_article) -> None:
    # "Duma" is also a town in Syria; after "State" it is Russia's parliament, however the tagger labels it
    dumas = [p for p in pipeline.extract(make_article(
        "Several Russian State Duma deputies want a law against prisoner swaps.")).places if p.evidence.text == "Duma"]
    assert dumas == []
    town = pipeline.extract(make_article("Shelling hit Duma, a town near Damascus, on Friday.")).places
    assert [p.country_code for p in town if p.evidence.text == "Duma"] == ["SY"]


def test_places_a_small_towns_name_opening_a_two_word_person_is_a_given_name(pipeline, make_article) -> None:
    # "to Donald Trump": Donald is also a small town (Oregon, Victoria); a title's place before a full name
    # ("Ambassador to Austria Olexander Scherba") stays a place
    got = pipeline.extract(make_article("The letter was addressed to Donald Trump last week.")).places
    assert [p.evidence.text for p in got] == []
    got = pipeline.extract(make_article("Kuleba spoke as Ambassador to Austria Olexander Scherba listened.")).places
    assert [(p.evidence.text, p.role) for p in got] == [("Austria", "title")]


def test_places_a_delta_or_basin_after_a_river_is_part_of_its_name(pipeline, make_article) -> None:
    # "Delta" alone is Delta State in Nigeria; after a river's name it is the river's delta
    got = [(p.evidence.text, p.country_code) for p in pipeline.extract(make_article(
        "Grain barges waited in the Danube Delta near Izmail for three days.")).places]
    assert ("Delta", "NG") not in got and ("Izmail", "UA") in got
    got = [(p.evidence.text, p.country_code) for p in pipeline.extract(make_article(
        "Oil spilled in Delta State, Nigeria, officials said.")).places]
    assert ("Delta State", "NG") in got


def test_places_a_name_the_index_lacks_takes_the_area_named_after_it(parse):
    # "Qzxwv Base, Maryland": a town of the text inside that state (Frederick), not the town the text names most
    places = parse("Reporters waited in New York. In New York the trial opened. Dr. Lee lived in Frederick for "
                   "years and worked at Qzxwv Base, Maryland, until 2008.")
    p = _by_text(places, "Qzxwv Base")
    assert p.geonameid is None and p.candidates[0].name == "Frederick"
    # no town of the text in the area: the area's own point, at its precision
    places = parse("Swans died in Dover. In Dover vets tested them. A third swan was found in the village of "
                   "Qzxwvdyke in Fife, Scotland.")
    p = _by_text(places, "Qzxwvdyke")
    assert p.candidates[0].name == "Fife" and p.precision == "district"


def test_places_a_name_the_index_lacks_is_not_put_in_a_small_town_abroad(parse):
    # the text names Nepal, and only a foreign village otherwise: the unknown village takes Nepal, not that town
    places = parse("Nepal culled birds. Farmers in the village of Qzxwvpur lost 20,000 buffalo, officials in Nepal "
                   "said. Traders from Ioannina bought the rest.")
    p = _by_text(places, "Qzxwvpur")
    assert p.candidates[0].name == "Nepal" and p.precision == "country"


def test_places_the_state_of_a_name_and_a_large_citys_region(parse):
    got = _by_text(parse("The first case was found in the state of Washington in 2003."), "Washington")
    assert got.feature_code == "ADM1" and got.country_code == "US"
    got = _by_text(parse("Mosquitoes spread the virus in the Houston region last summer."), "Houston")
    assert got.feature_code == "PPL" and got.name == "Houston"
    got = _by_text(parse("Drones struck the Kharkiv region overnight."), "Kharkiv")
    assert got.feature_code == "ADM1"


def test_places_a_name_the_index_lacks_amid_a_list_of_known_places(parse):
    places = parse("Cases were reported in Nakuru, Kisumu, Qzxwvo, Siaya, Kisii and Wajir this week.")
    p = _by_text(places, "Qzxwvo")
    assert p.geonameid is None and p.candidates and p.candidates[0].country_code == "KE"
    # surnames between names the index happens to hold are no place
    got = {p.evidence.text for p in parse("The board includes Day, Edwards, Qzxwvson and Miller, Brian Fogle "
                                          "of the Kitchen said.")}
    assert "Qzxwvson" not in got


def test_places_a_foreign_name_after_a_compass_word_is_a_part_of_the_texts_country(parse):
    # "Midlands" alone is a Zimbabwean province; after "West" in a story about England it is no such place
    places = parse("Floods closed roads in Coventry and Leicester, England. Across the West Midlands, schools "
                   "shut on Monday.")
    p = _by_text(places, "West Midlands")
    assert p.geonameid is None and p.candidates[0].country_code == "GB"
    assert all(c.country_code != "ZW" for p in places for c in p.candidates[:1])
    # a compass word before a name of the text's country changes nothing
    places = parse("Wildfires spread in Los Angeles and across Southern California this week.")
    assert _by_text(places, "California").feature_code == "ADM1"


def test_places_a_name_before_a_disease_word_is_the_diseases(parse):
    got = {p.evidence.text for p in parse("A man in Dallas, Texas, caught West Nile virus and the Hong Kong Flu.")}
    assert {"Dallas", "Texas"} <= got and not got & {"Nile", "West Nile", "Hong Kong"}
    got = {p.evidence.text for p in parse("The United States flu season started early in Ohio.")}
    assert "United States" in got


def test_places_two_areas_of_a_list_make_its_namesake_city_the_area(parse):
    # a city opens the list, but New York among two states is the state
    places = parse("People fell ill in New York City, Long Island, New York, Pennsylvania, and New Jersey.")
    got = [p for p in places if p.evidence.text == "New York"]
    assert got and got[0].feature_code == "ADM1"


def test_places_a_given_name_before_a_surname_is_no_town(parse):
    # the tagger calls these places; the word after each is a surname: capitalised, in no key, never lower case
    got = {p.evidence.text for p in parse("Bombing affects my nerves, says patient Wiktoria Sokolowska. The line "
                                          "is often attributed to Winston Churchill.")}
    assert not got & {"Wiktoria", "Winston"}


def test_places_an_enumeration_runs_through_a_last_name_after_a_comma(parse):
    # "Rome, Vienna, Minsk." ends the list with Minsk (not "Vienna, in Minsk"); the list of world cities after it
    # reads Geneva as the Swiss city
    places = parse("Any venue suits him: Rome, Vienna, Minsk. Beijing, Geneva, Istanbul, New York, Brussels - he "
                   "does not mind which.")
    assert _by_text(places, "Geneva").country_code == "CH"


def test_places_large_islands_and_frances_regions(parse):
    places = parse("Pigs died on farms in northern Luzon and in Mindanao, officials in Manila said.")
    assert _by_text(places, "Luzon").feature_code == "ISL" and _by_text(places, "Mindanao").feature_code == "ISL"
    got = _by_text(parse("Veterans gathered on the beaches of Normandy in France."), "Normandy")
    assert got.country_code == "FR"


def test_places_war_news_names_that_are_no_small_towns(parse):
    # "the Alliance" standing alone is NATO (Alliance, Ohio is a town); "Grad rockets" a weapon (Grad, Slovenia);
    # "the North Atlantic Treaty" a treaty, not the ocean
    got = {p.evidence.text for p in parse("Kyiv is still outside the Alliance and so stands alone. Grad rockets "
                                          "struck Mariupol. Its allies cite the North Atlantic Treaty and its fifth "
                                          "article.")}
    assert "Mariupol" in got and not got & {"Alliance", "Grad", "North Atlantic", "Atlantic"}
    # a small town after "the" before its noun stays a place ("the Pirbright laboratory")
    assert "Pirbright" in {p.evidence.text for p in parse("Vehicles left the Pirbright laboratory in Surrey.")}


def test_places_the_region_of_a_name_is_the_area(parse):
    got = _by_text(parse("Rockets hit railway stations in the central region of Vinnytsia on Monday."), "Vinnytsia")
    assert got.feature_code == "ADM1" and got.country_code == "UA"


def test_places_a_name_the_index_lacks_amid_countries_is_no_town(parse):
    # a name the index lacks amid countries is not put at another country's point
    places = parse("The same was seen in Korea, Vietnam, Angola, Qzxwvia, Iraq and Libya.")
    assert all(p.evidence.text != "Qzxwvia" for p in places)


def test_places_demonyms_do_not_choose_the_town_of_the_text(parse):
    # a story set in London about Russians: Piccadilly is no Australian village and the unknown hotel lies in
    # London, not Moscow, however often "Russian" is written
    places = parse("The Russian former spy met a Russian contact at a sushi bar in Piccadilly. Russian agents "
                   "and Russian diplomats denied it in Moscow. Police searched his home in Muswell Hill, London, "
                   "and the Qzxwv Hotel, where the meeting was held. Britain expelled two Russian diplomats.")
    pic = _by_text(places, "Piccadilly")
    assert pic.country_code != "AU" and pic.candidates[0].country_code == "GB"
    assert _by_text(places, "Qzxwv Hotel").candidates[0].name == "London"


def test_places_a_seat_of_government_inside_an_unknown_name_gives_its_capital(parse):
    places = parse("Ukraine said Kyiv and Kharkiv were shelled. In Ukraine, Lviv was calm. Under the chandeliers "
                   "of the Grand Kremlin Palace, the president swore his oath for a new term.")
    assert _by_text(places, "Grand Kremlin Palace").candidates[0].name == "Moscow"


def test_places_a_small_town_listed_with_big_places_takes_their_size(parse):
    # beside New York City, Florida is the state, not the village of 3,000 people 80 km off
    places = parse("Reporters waited for the verdict in New York City and Florida.")
    got = _by_text(places, "Florida")
    assert got.feature_code == "ADM1" and got.country_code == "US"


def test_places_a_province_among_provinces_of_a_sentence_is_the_province(parse):
    # not an enumeration ("another in", "a third in"), but every other name of the sentence is a province
    places = parse("Inspectors logged a sick cow in Manitoba, another in Ontario and a third in Quebec.")
    got = _by_text(places, "Quebec")
    assert got.feature_code == "ADM1" and got.country_code == "CA"


def test_places_a_tagged_name_runs_on_past_a_small_towns_name(parse):
    # the tagger's place runs past a village's name (Abu in India, a Fraser in the US): the whole name is the
    # place, not the village
    got = {p.evidence.text for p in parse("Medical teams arrived in Abu Shok on Sunday with tents and water.")}
    assert "Abu Shok" in got and "Abu" not in got
    places = parse("Farmers in Fraser Valley sold their hens at a loss, officials in Vancouver said.")
    assert "Fraser Valley" in {p.evidence.text for p in places} and "Fraser" not in {p.evidence.text for p in places}


def test_places_a_village_named_like_a_sibling_area_beside_an_area_is_the_area(parse):
    places = parse("Floods closed roads both in Wales and in England last winter.")
    got = _by_text(places, "Wales")
    assert got.feature_code == "ADM1" and got.country_code == "GB"
    # one area beside a city named like its own area is not enough: Kharkiv stays the city
    places = parse("Storms knocked out power in Kharkiv and in Poltava Oblast on Monday.")
    assert _by_text(places, "Kharkiv").feature_code.startswith("PPL")
