"""Round 15 rules from ACLED's definitions, for errors seen in whole articles, on sentences written for these
tests: soldiers captured in a fight are part of the armed clash, not a territory change; an oil or fuel depot is
no weapons cache (bombing one is an air strike); a town surrendered or ceded is a non-violent transfer of
territory, not an agreement, even with a deal told."""

from __future__ import annotations

import pytest

from sitreps.extract.events_classify import _acled_choice
from sitreps.extract.events_rules import decide, non_weapon_depot, seized_not_territory
from sitreps.extract.events_taxonomy import load_taxonomy


@pytest.mark.parametrize("text", [
    # a count, a name used as an adjective, armed people words the table lacked (marines, servicemen)
    "Two brigades took prisoner, then captured over thirty enemy marines in a night counterattack near the dam.",
    "Government troops captured Northland soldiers during fierce fighting south of the river crossing.",
    "Some forty Eastland servicemen were captured after a gun battle that lasted until dawn.",
])
def test_soldiers_captured_in_a_fight_are_the_armed_clash(text: str) -> None:
    assert seized_not_territory(text) == "clash"
    assert decide(text)[0] == "Armed clash"


@pytest.mark.parametrize("text", [
    # soldiers told as captives, or given back: no new event (and no arrest)
    "The channel aired an interview with a captured Northland mercenary on Tuesday evening.",
    "Officials plan show trials against captured Eastland marines, the ministry said.",
    "Forty Eastland servicemen who had been captured near the port were returned home in a swap.",
])
def test_soldiers_told_as_captives_are_no_new_event(text: str) -> None:
    assert seized_not_territory(text) == "captive"


def test_a_name_before_people_tells_people_a_name_alone_not() -> None:
    assert seized_not_territory("Rebel units captured Northland soldiers near the dam after a firefight.") == "clash"
    # a name alone after the verb is a place as often as not: not told
    assert seized_not_territory("Rebel units captured Northtown Oblast after three weeks of fighting.") is None
    # a clause of saying between the place and the verb: the place is what was captured
    assert seized_not_territory("Footage posted by rebel troops also suggested Eastford was likely captured by then.") \
        is None


def test_an_oil_or_fuel_depot_is_no_weapons_cache() -> None:
    assert decide("Northland forces bombed and destroyed a fuel depot on the edge of Eastford.")[0] == "Air/drone strike"
    # a weapons store is still a cache: disrupted weapons use
    for text in ("Soldiers destroyed an ammunition depot hidden in a forest near the border.",
                 "Police found an arms depot in an abandoned farmhouse outside the village."):
        assert decide(text)[0] == "Disrupted weapons use"


def test_a_non_weapon_depot_overrides_the_models_disrupted_weapons_use() -> None:
    tax = load_taxonomy()
    labels = sorted({st.case for st in tax.sub_types.values()})
    row = [0.0] * len(labels)
    row[labels.index("DISR_WEAP")] = 0.9
    row[labels.index("AIR_STRIKE")] = 0.05
    text = "Northland forces bombed and destroyed a fuel depot on the edge of Eastford."
    assert non_weapon_depot(text)
    assert _acled_choice(row, labels, "Air/drone strike", 0.0, False, 1.0, text)[0] == "Air/drone strike"
    assert not non_weapon_depot("An air strike hit an arms depot next to the fuel depot at the airfield.")


@pytest.mark.parametrize("text", [
    "The town's mayor surrendered the city to the rebel army in exchange for safe passage for its officials.",
    "The garrison commander surrendered Northfield to the insurgents on Sunday.",
    "The government ceded control of the port to the militia in a deal brokered by clan leaders.",
])
def test_a_place_surrendered_is_a_non_violent_transfer(text: str) -> None:
    assert decide(text)[0] == "Non-violent transfer of territory"


def test_people_surrendering_stay_the_agreement() -> None:
    assert decide("The garrison commander surrendered Northfield to the insurgents on Sunday.")[0] \
        == "Non-violent transfer of territory"
    # people surrendering, a surrender only demanded: no place handed over
    assert decide("Two hundred fighters surrendered to the army with their rifles on Saturday.")[0] == "Agreement"
    assert decide("The fighters surrendered Saturday to the army.")[0] == "Agreement"
    assert decide("The army demanded the surrender of the city, which the council refused.")[0] is None
