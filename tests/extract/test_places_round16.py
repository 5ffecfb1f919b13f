"""Places, round 16: war-news readings (the capital by an older spelling; a name outside an enumeration typed as
oblasts; village namesakes settled by a distance and direction from a named place), tested on sentences written
for these tests."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _all(places, text):
    found = [p for p in places if p.evidence.text == text]
    assert found, f"{text!r} not found among {[p.evidence.text for p in places]}"
    return found


def test_places_the_capital_by_an_older_spelling_is_the_city_among_towns_of_its_oblast(parse):
    # "Kiev" is another name of both Kyiv and Kyiv Oblast: the oblast is the city's twin, as for "Kyiv"
    places = parse("Tanks rolled through Bucha and Irpin last spring, and the generals hoped the road to Kiev "
                   "would stay open.")
    assert _all(places, "Kiev")[0].feature_code == "PPLC"
    places = parse("Refugees from Borodianka and Hostomel said the highway into Kiev was jammed for days.")
    assert _all(places, "Kiev")[0].feature_code == "PPLC"
    places = parse("Columns were seen in the Kiev region, where villages near Bucha lost power.")
    assert _all(places, "Kiev")[0].feature_code == "ADM1"


def test_places_a_name_outside_an_enumeration_typed_as_oblasts_is_not_made_an_area_by_it(parse):
    places = parse("The defeat at Kyiv in the spring forced the generals to narrow their aims to seizing Donetsk "
                   "and Luhansk oblasts.")
    assert _all(places, "Kyiv")[0].feature_code == "PPLC"
    assert {p.feature_code for p in _all(places, "Donetsk") + _all(places, "Luhansk")} == {"ADM1"}
    # two areas named one by one, and the name among them: still the area
    places = parse("Damage was counted across Sumy Oblast, Chernihiv Oblast and Kyiv by noon.")
    assert _all(places, "Kyiv")[0].feature_code == "ADM1"


def _km(p, lat, lon):
    from sitreps.gazetteer.index import haversine_km

    return haversine_km(p.lat, p.lon, lat, lon)


def test_places_a_distance_and_direction_from_a_named_city_settle_a_village_namesake(parse):
    # Ukraine has many villages called Oleksandrivka; the one meant lies north-west of Kherson, not south-east
    places = parse("Fighting continued near Oleksandrivka, northwest of Kherson.")
    village = _all(places, "Oleksandrivka")[0]
    kherson = _all(places, "Kherson")[0]
    assert _km(village, kherson.lat, kherson.lon) < 60
    assert village.lon < kherson.lon
    # a distance in kilometres, with "due" before the direction: the Vysoke about 50 km north-east of Kherson
    places = parse("Artillery hit a depot in Vysoke (roughly 50 km due northeast of Kherson City) on Sunday.")
    village = _all(places, "Vysoke")[0]
    assert 30 < _km(village, 46.64, 32.61) < 70 and village.lat > 46.64 and village.lon > 32.61


def test_places_a_distance_cue_of_one_mention_places_the_other_mentions_of_the_name(parse):
    places = parse("Shelling of Oleksandrivka went on all week. Fighting continued near Oleksandrivka, some 40 km "
                   "west of Kherson City.")
    first, second = _all(places, "Oleksandrivka")
    assert _km(second, 46.64, 32.61) < 80 and second.lon < 32.61
    assert (first.lat, first.lon) == (second.lat, second.lon)


def test_places_a_plural_area_noun_after_a_last_name_the_index_lacks_makes_the_list_areas(parse):
    # "Zaporizhia" (one z) is no spelling of the index: the list's noun still types the names before it
    places = parse("Missiles struck Kherson and Zaporizhia Oblasts overnight, the navy said.")
    assert _all(places, "Kherson")[0].feature_code == "ADM1"
    places = parse("Shelling went on across Kharkiv, Sumy, Zaporizhia Oblasts on Monday.")
    assert {p.feature_code for p in _all(places, "Kharkiv") + _all(places, "Sumy")} == {"ADM1"}
    # a capitalised word that is no area noun after the name changes nothing
    places = parse("Volunteers drove from Kherson to Odesa Monday morning with medicine.")
    assert _all(places, "Kherson")[0].feature_code == "PPLA"


def test_places_the_outskirts_or_suburbs_of_a_city_settle_a_namesake_of_a_larger_town(parse):
    # a village called Pavlohrad by Severodonetsk, not the city of Pavlohrad near Dnipro the first sentence suggests
    for cue in (" (eastern suburbs of Severodonetsk)", ", on the eastern outskirts of Severodonetsk,"):
        places = parse("Drones struck Dnipro and Kryvyi Rih on Monday. Gunfire was heard in Pavlohrad" + cue
                       + " at night.")
        village = _all(places, "Pavlohrad")[0]
        assert _km(village, 48.95, 38.49) < 20, cue
    places = parse("Drones struck Dnipro and Kryvyi Rih on Monday. Gunfire was heard in Pavlohrad at night.")
    assert _all(places, "Pavlohrad")[0].feature_code == "PPLA2"


def test_places_a_surname_the_text_gives_a_person_is_no_village_after_to(parse):
    # the tagger runs an editor's note into the name after "to"; "Putin" is only another name of a village
    places = parse("Russian President Vladimir Putin gave a speech on Monday. The minister will not phone again (she "
                   "rarely writes to Putin - ed.), her aides said.")
    assert [p.evidence.text for p in places] == ["Russian"]
    places = parse("The envoy wrote to Austria Olexander Scherba on Monday.")
    assert _all(places, "Austria")[0].feature_code == "PCLI"


def test_places_two_names_joined_by_a_hyphen_before_a_border_are_areas(parse):
    places = parse("Two hamlets by the Kharkiv-Donetsk Oblast border were hit, and so were farms beside the "
                   "Kherson-Mykolaiv administrative border.")
    for name in ("Kharkiv", "Kherson", "Mykolaiv"):
        assert _all(places, name)[0].feature_code == "ADM1", name
    places = parse("Troops crossed the Donetsk-Luhansk border at dawn.")
    assert {p.feature_code for p in _all(places, "Donetsk") + _all(places, "Luhansk")} == {"ADM1"}
    # a road between two cities is no border
    places = parse("Trucks drove along the Kharkiv-Kupiansk highway at night.")
    assert _all(places, "Kharkiv")[0].feature_code == "PPLA"


def test_places_an_oblast_before_its_body_is_the_oblast(parse):
    places = parse("The Kursk Oblast Administration said two people died.")
    assert _all(places, "Kursk")[0].feature_code == "ADM1"
    places = parse("On Monday the Belgorod Oblast Governor said drones hit a depot.")
    assert _all(places, "Belgorod")[0].feature_code == "ADM1"
    # the name after a note mark and a no-break space
    places = parse("Troops moved toward the border on May 15.[28]\u00a0Kharkiv Oblast Administration Head Oleh "
                   "Syniehubov said two people died.")
    assert _all(places, "Kharkiv")[0].feature_code == "ADM1"


def test_places_a_name_the_text_takes_a_direction_from_stays_the_city_among_far_towns_of_its_oblast(parse):
    # towns of Kharkiv Oblast far from the city would make a bare "Kharkiv" the oblast (_prefer_area); the text
    # takes a direction from it, so its Kharkiv is the city
    places = parse("Russian forces shelled Balakliia and Kupiansk. Guns fired on Izium, southeast of Kharkiv, all "
                   "night. Rockets also hit Kharkiv on Tuesday.")
    assert {p.feature_code for p in _all(places, "Kharkiv")} == {"PPLA"}


def test_places_the_word_sets_equal_a_scan_of_the_tokens(nlp):
    from sitreps.extract.places_recognize import _word_sets

    doc = nlp("The Summit opened in Geneva. The summit ended late, said Maria Kowalska of the Peace Institute.")
    texts, lower_written = _word_sets(doc)
    assert texts == {t.text for t in doc}
    assert lower_written == {t.lower_ for t in doc if not t.text[:1].isupper()}
    assert "summit" in lower_written and "geneva" not in lower_written and "kowalska" not in lower_written
