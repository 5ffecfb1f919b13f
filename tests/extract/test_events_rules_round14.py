"""Round 14 rules from ACLED's definitions, on sentences written for these tests: a battle in which a place
changed hands is the territory change (an armed clash is one with no change of control reported); observation
posts, military posts and barracks are bases; territory handed over or left under a deal is a non-violent
transfer, not the agreement."""

from __future__ import annotations

import pytest

from sitreps.extract.events_rules import decide, territory_changed


@pytest.mark.parametrize(("text", "expected"), [
    # a place taken in or after a fight: the territory sub-type, by who took it
    ("After two days of heavy fighting, government troops recaptured the hilltop town from the insurgents.",
     "Government regains territory"),
    ("Rebels took control of the district headquarters after a gun battle that lasted all night.",
     "Non-state actor overtakes territory"),
    ("Soldiers freed three villages from the militants after clashes that lasted until dawn.",
     "Government regains territory"),
    # the place only aimed at, a group's name, a raid: no change of control told
    ("The army launched an offensive to recapture the town, and fighting went on into the night.", "Armed clash"),
    ("Soldiers clashed with rebels who had tried to seize the bridge.", "Armed clash"),
    ("Fighters of the National Liberation Front clashed with soldiers near the border crossing.", "Armed clash"),
    ("Gunmen stormed a farming village and shot dead eleven residents.", "Attack"),
])
def test_a_place_taken_in_a_fight_is_the_territory_change(text: str, expected: str) -> None:
    assert decide(text)[0] == expected


@pytest.mark.parametrize(("text", "changed"), [
    ("Insurgents overran the police station and seized the town centre.", True),
    ("The militia vowed to liberate the occupied districts before winter.", False),
    ("Troops failed to retake the airport despite heavy shelling.", False),
    ("Members of the People's Liberation Army attended the parade.", False),
])
def test_territory_changed_reads_done_not_aimed(text: str, changed: bool) -> None:
    assert territory_changed(text) is changed


@pytest.mark.parametrize("text", [
    "The army has set up two new observation posts on the ridge above the valley.",
    "Soldiers established a number of barracks near the northern border town last month.",
])
def test_posts_and_barracks_set_up_are_bases(text: str) -> None:
    assert decide(text)[0] == "Headquarters or base established"


@pytest.mark.parametrize(("text", "expected"), [
    ("Militia fighters handed over the district to the army as part of the peace deal signed last week.",
     "Non-violent transfer of territory"),
    ("Under the truce, the rebels withdrew from the market town on Monday.", "Non-violent transfer of territory"),
    # a deal about a withdrawal, none done under it: the agreement
    ("The two sides signed a deal on the withdrawal of heavy weapons from the front.", "Agreement"),
])
def test_territory_left_under_a_deal_is_a_non_violent_transfer(text: str, expected: str) -> None:
    assert decide(text)[0] == expected
