"""Quantities: values, ranges, units, what is counted, and what is never a count. Sentences written here."""

from __future__ import annotations

import pytest

from sitreps.extract.numbers import scan_numbers
from sitreps.extract.quantities import find_quantities


@pytest.mark.parametrize(
    ("text", "value", "value_max", "approximate"),
    [
        ("some 1,500", 1500, None, True),
        ("between 50 and 70", 50, 70, False),
        ("50-70", 50, 70, False),
        ("six", 6, None, False),
        ("a dozen", 12, None, False),
        ("two hundred", 200, None, False),
        ("two hundred and fifty", 250, None, False),
        ("twenty-five", 25, None, False),
        ("1.5 million", 1_500_000, None, False),
        ("tens of thousands", 20_000, None, True),
        ("dozens", 24, None, True),
        ("an estimated 100", 100, None, True),
        ("more than 20", 20, None, True),
    ],
)
def test_numbers_scan(text, value, value_max, approximate):
    (n,) = scan_numbers(text)
    assert (n.value, n.value_max, n.approximate) == (value, value_max, approximate)
    assert (n.start, n.end) == (0, len(text))


def q_by_value(qs, value):
    return next(q for q in qs if q.value == value)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "value", "unit", "counted", "kind", "approximate"),
    [
        ("Local officials said some 300 Russian soldiers were dead after the crossing.", 300, "person",
         "Russian soldiers", "killed", True),
        ("The brigade has retaken four towns or villages since Friday.", 4, "settlement", "towns or villages",
         "settlements", False),
        ("Around 40 armored vehicles and tanks were reported to be destroyed near the bridge.", 40, "vehicle",
         "armored vehicles and tanks", "equipment_destroyed", True),
        ("Twelve civilians were wounded when the market was shelled.", 12, "person", "civilians", "wounded",
         False),
        ("Ukrainian units captured 35 tanks left behind in the forest.", 35, "vehicle", "tanks",
         "equipment_captured", False),
        ("Nearly two hundred people were evacuated from the shelled district.", 200, "person", "people",
         "displaced", True),
        ("The defenders took 45 Russian soldiers prisoner near the station.", 45, "person", "Russian soldiers",
         "captured", False),
    ],
)
def test_quantities_counted_and_kind(nlp, sentence, value, unit, counted, kind, approximate):
    q = q_by_value(find_quantities(sentence, nlp(sentence)), value)
    assert (q.unit, q.counted, q.kind, q.approximate) == (unit, counted, kind, approximate)
    assert sentence[q.evidence.start:q.evidence.end] == q.evidence.text


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "value", "unit", "km"),
    [
        ("The front line now lies 30 miles from the city.", 30, "mile", 48.3),
        ("The depot is 12 km east of the river.", 12, "km", 12.0),
        ("Troops dug in 800 metres from the bridge.", 800, "metre", 0.8),
    ],
)
def test_quantities_distances_normalised_to_km(nlp, sentence, value, unit, km):
    q = q_by_value(find_quantities(sentence, nlp(sentence)), value)
    assert (q.unit, q.kind, q.normalized_unit) == (unit, "distance", "km")
    assert q.normalized_value == pytest.approx(km, abs=1e-9)


@pytest.mark.slow
def test_quantities_ranges_kept(nlp):
    text = "Between 50 and 70 soldiers were killed, and 20-30 tanks were destroyed."
    qs = find_quantities(text, nlp(text))
    assert [(q.value, q.value_max, q.unit) for q in qs] == [(50, 70, "person"), (20, 30, "vehicle")]


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "Soldiers of the 227th battalion reached the border.",
        "The 93rd Mechanized Brigade and the 3rd Army Corps held the line.",
        "The 127th Territorial Defense Brigade posted a video.",
        "In 2022 the offensive stalled.",
        "A 34-year-old driver was hurt on the road.",
        "The strike came at 10:30 local time.",
        "Call the hotline on +380 44 123 4567 for help.",
        "He was one of the operators who coordinated the attack.",
        "A T-72 and an Su-25 were filmed over the town.",
        "We may see one more push, he said.",
    ],
)
def test_quantities_never_counts_designations_years_ages_times_phones(nlp, sentence):
    assert find_quantities(sentence, nlp(sentence)) == []


@pytest.mark.slow
def test_quantities_dates_found_by_time_stage_are_not_counted(pipeline, make_article):
    art = make_article("On 3 March 2022, 14 soldiers were killed in the village.", published="2022-05-16")
    result = pipeline.extract(art)
    assert [(q.value, q.kind) for q in result.quantities] == [(14, "killed")]


@pytest.mark.slow
def test_quantities_percent_and_words(nlp):
    text = "About 40 percent of the town was destroyed and a dozen drones were shot down."
    qs = find_quantities(text, nlp(text))
    pct = q_by_value(qs, 40)
    assert (pct.unit, pct.kind, pct.approximate) == ("percent", "other", True)
    drones = q_by_value(qs, 12)
    assert (drones.unit, drones.kind) == ("drone", "equipment_destroyed")


def test_quantities_without_parse_still_reads_units():
    text = "The column stopped 25 miles from the border."
    (q,) = find_quantities(text, None)
    assert (q.value, q.unit, q.normalized_value) == (25, "mile", 40.2)


def q_by_text(qs, text):
    return next(q for q in qs if q.evidence.text == text)


@pytest.mark.slow
def test_quantities_kind_comes_from_the_numbers_own_clause(nlp):
    text = ("A shell hit the market as hundreds of shoppers queued for bread, killing at least 12 people, "
            "including three children.")
    qs = find_quantities(text, nlp(text))
    crowd = q_by_value(qs, 200)
    assert (crowd.counted, crowd.kind, crowd.approximate, crowd.value_max) == ("shoppers", "other", True, None)
    assert q_by_value(qs, 12).kind == "killed"
    # a subset: its own record, the total's kind, evidence starting at the subset word
    kids = q_by_value(qs, 3)
    assert (kids.counted, kids.kind, kids.approximate) == ("children", "killed", False)
    assert kids.evidence.text == "including three children"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "value", "kind"),
    [
        ("Three cruise missiles struck the depot and two more were shot down.", 3, "other"),
        ("The strikes left some 2 million people without power for days.", 2_000_000, "other"),
        ("Thousands of residents fled the city after the dam burst.", 2000, "displaced"),
        ("A group of 75 marines laid down their arms at the port.", 75, "captured"),
        ("More than 40 people were treated for injuries at the local hospital.", 40, "wounded"),
        ("Some 200 soldiers died in the assault on the airfield.", 200, "killed"),
        ("Dozens of civilians had been hiding in the cellar when the shelling began.", 24, "other"),
    ],
)
def test_quantities_kind_from_role_of_counted_noun(nlp, sentence, value, kind):
    assert q_by_value(find_quantities(sentence, nlp(sentence)), value).kind == kind


@pytest.mark.slow
def test_quantities_appositive_subset_of_them(nlp):
    text = "About 90 defenders, dozens of them seriously wounded, were carried out of the tunnels."
    qs = find_quantities(text, nlp(text))
    assert q_by_value(qs, 90).kind == "other"
    part = q_by_value(qs, 24)
    assert (part.kind, part.unit, part.approximate, part.evidence.text) == ("wounded", "person", True,
                                                                            "dozens of them")


@pytest.mark.slow
def test_quantities_tallies_without_a_counted_noun(nlp):
    text = ("The number of people killed in the blast rose to 23, the mayor said, among them two children. "
            "Earlier the governor had put the death toll at 17.")
    qs = find_quantities(text, nlp(text))
    assert [(q.value, q.kind, q.unit) for q in qs if q.value in (23, 17)] == [(23, "killed", "person"),
                                                                            (17, "killed", "person")]
    kids = q_by_value(qs, 2)
    assert (kids.kind, kids.evidence.text) == ("killed", "among them two children")


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "The garrison held out for nearly three months before the order came.",
        "Gunners fired 152 mm shells at the ridge.",
        "Leaders of the Group of Seven nations met in the capital.",
        "Allies cited their Article Five commitments again.",
    ],
)
def test_quantities_durations_calibres_and_names_are_not_counts(nlp, sentence):
    assert find_quantities(sentence, nlp(sentence)) == []


@pytest.mark.slow
def test_quantities_areas_money_footnotes_and_coordinated_counts(nlp):
    text = ("Troops recaptured about 500 square kilometres and some 100 square miles of farmland. "
            "Recruits were offered $2,000 a month. Defenders killed about 40 personnel.[12] "
            "Russia launched 30 missiles and a dozen drones overnight.")
    qs = find_quantities(text, nlp(text))
    km2 = q_by_value(qs, 500)
    assert (km2.unit, km2.kind, km2.normalized_value, km2.normalized_unit) == ("km2", "other", 500, "km2")
    sq = q_by_value(qs, 100)
    assert (sq.unit, sq.normalized_value) == ("sq mile", 259.0)
    pay = q_by_value(qs, 2000)
    assert (pay.unit, pay.counted, pay.evidence.text) == ("USD", None, "$2,000")
    dead = q_by_value(qs, 40)
    assert (dead.unit, dead.counted, dead.kind) == ("person", "personnel", "killed")
    assert q_by_value(qs, 30).counted == "missiles"
    assert q_by_value(qs, 12).counted == "drones"
    for q in qs:
        assert text[q.evidence.start:q.evidence.end] == q.evidence.text


def test_numbers_range_with_repeated_currency_sign():
    (n,) = scan_numbers("$300-$600")
    assert (n.value, n.value_max, n.start, n.end) == (300, 600, 1, 9)
