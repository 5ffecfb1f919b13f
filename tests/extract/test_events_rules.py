"""ACLED sub-type rules on sentences written for these tests (no spaCy: fast)."""

from __future__ import annotations

import pytest

from sitreps.extract.events_classify import code_texts
from sitreps.extract.events_rules import decide, find_triggers, not_agreed, territory_taker
from sitreps.extract.events_taxonomy import load_taxonomy


@pytest.mark.parametrize(("text", "expected"), [
    # Battles
    ("Army units and insurgents exchanged fire for three hours near the market town.", "Armed clash"),
    ("Government troops recaptured the district centre from the rebels on Tuesday.",
     "Government regains territory"),
    ("Militants overran the garrison and took control of the town after a night of fighting.",
     "Non-state actor overtakes territory"),
    # Explosions/Remote violence
    ("Warplanes struck a fuel depot outside the city, witnesses said.", "Air/drone strike"),
    ("Artillery shells hit the eastern suburbs overnight.", "Shelling/artillery/missile attack"),
    ("A roadside bomb hit a police van on the highway.", "Remote explosive/landmine/IED"),
    ("An attacker threw a grenade into the crowded bus station.", "Grenade"),
    ("A suicide bomber blew himself up at the checkpoint.", "Suicide bomb"),
    ("Doctors treated dozens for symptoms of a chlorine attack on the suburb.", "Chemical weapon"),
    # Protests and riots
    ("Hundreds of nurses marched peacefully to the ministry demanding back pay.", "Peaceful protest"),
    ("Police used tear gas to disperse students protesting outside the university.",
     "Protest with intervention"),
    ("Security forces opened fire on demonstrators, killing four protesters.",
     "Excessive force against protesters"),
    ("Protesters threw stones at police and set tyres alight; the riot lasted hours.", "Violent demonstration"),
    ("An angry crowd lynched a man accused of theft in the village.", "Mob violence"),
    # Strategic developments
    ("The two factions signed a ceasefire agreement in the capital.", "Agreement"),
    ("Police arrested three suspects in a dawn raid.", "Arrests"),
    ("Bomb disposal experts defused an explosive device found near the school.", "Disrupted weapons use"),
    ("The group set up a new base in the hills above the valley.", "Headquarters or base established"),
    ("Gunmen looted shops and torched houses in the market quarter.", "Looting/property destruction"),
    ("Government forces withdrew from the town without a fight and handed over control.",
     "Non-violent transfer of territory"),
    # Violence against civilians
    ("Unidentified gunmen shot dead a farmer in his field.", "Attack"),
    ("Armed men abducted two aid workers on the road north of the town.", "Abduction/forced disappearance"),
    ("Soldiers were accused of raping women during the raid.", "Sexual violence"),
])
def test_rules_decide_each_sub_type_family(text: str, expected: str) -> None:
    sub, confidence, _ = decide(text)
    assert sub == expected
    assert 0 < confidence <= 1


@pytest.mark.parametrize("text", [
    "A magnitude 6 earthquake flattened homes across the province.",
    "Coronavirus cases rose again this week across the region.",
    "The foreign minister held talks with her counterpart at the summit.",
])
def test_rules_non_events_yield_nothing(text: str) -> None:
    sub, _, _ = decide(text)
    assert sub is None


def test_rules_triggers_carry_spans_into_the_text() -> None:
    text = "Rebels shelled the airport, then clashed with the army."
    hits = find_triggers(text)
    assert {h.sub_type for h in hits} >= {"Shelling/artillery/missile attack", "Armed clash"}
    for h in hits:
        assert 0 <= h.start < h.end <= len(text)


def test_taxonomy_has_acled_25_sub_types_and_plover_alongside() -> None:
    tax = load_taxonomy()
    assert len(tax.sub_types) == 25
    assert len({s.event_type for s in tax.sub_types.values()}) == 6
    assert tax.event_type("Grenade") == "Explosions/Remote violence"
    assert tax.acled_for_plover("ASSAULT", "AERIAL") == "Air/drone strike"
    assert tax.acled_for_plover("CONSULT", None) is None


def test_code_texts_gives_type_and_plover_without_a_model() -> None:
    (coding,) = code_texts(["Warplanes struck a fuel depot outside the city."], None)
    assert coding.event_type == "Explosions/Remote violence"
    assert coding.plover == "ASSAULT"
    assert coding.plover_mode == "AERIAL"


def test_events_stage_works_without_parser_or_other_stages(make_article) -> None:
    """No parse, no places/claims yet: events still come out, one per paragraph's event, spans valid."""
    import spacy

    from sitreps.extract.events import EventsStage
    from sitreps.model import ArticleResult, check_spans

    text = "Artillery shelled the town on Monday.\n\nNurses marched peacefully to the ministry."
    article = make_article(text, published="2023-01-02")
    result = ArticleResult(article=article)
    EventsStage(None)(spacy.blank("en")(article.text), result)
    check_spans(result)
    assert [e.sub_event_type for e in result.events] == ["Shelling/artillery/missile attack", "Peaceful protest"]
    assert all(e.date == "2023-01-02" and e.time_precision == 2 for e in result.events)


@pytest.mark.parametrize(("text", "expected"), [
    # ACLED: the taker's actor type decides, whatever the verb
    ("Insurgent fighters recaptured the valley district from Afghan forces overnight.",
     "Non-state actor overtakes territory"),
    ("Iraqi forces captured the old quarter from the jihadists after a week of street fighting.",
     "Government regains territory"),
    ("The border town fell to the rebels after a brief battle.", "Non-state actor overtakes territory"),
    ("The militants were driven out of the river port by the army.", "Government regains territory"),
    ("Government troops lost control of the mining town after an assault by rebels.",
     "Non-state actor overtakes territory"),
])
def test_territory_taker_decides_by_actor_type(text: str, expected: str) -> None:
    assert decide(text)[0] == expected


def test_rules_month_march_and_caught_off_guard_trigger_nothing() -> None:
    assert decide("The siege of the port began in early March.")[0] is None
    assert decide("Thousands marched through the capital demanding new elections.")[0] == "Peaceful protest"
    assert decide("The garrison appeared to have been caught off guard by the night raid.")[0] != "Arrests"


def test_rules_broken_or_promised_ceasefire_is_not_agreed() -> None:
    assert not_agreed("The rebels say the army has broken its promises of a ceasefire.")
    assert not_agreed("Both sides violated the truce within hours.")
    assert not not_agreed("The two sides agreed a ceasefire on Monday.")
    assert decide("The two sides agreed a ceasefire on Monday.")[0] == "Agreement"


def test_rules_bomb_dropped_from_aircraft_is_an_air_strike() -> None:
    assert decide("The hospital was destroyed by a bomb dropped from an aircraft.")[0] == "Air/drone strike"
    assert decide("Police detained more than 200 people at protests against the decree.")[0] \
        == "Protest with intervention"


@pytest.mark.parametrize(("text", "expected"), [
    # a weapon found, seized or intercepted is disrupted weapons use; "intercepted" alone is not a weapon
    ("Two parcels holding what looked like pipe bombs were found at a railway station.", "Disrupted weapons use"),
    ("Officers seized four pistols and 200 rounds of ammunition from the car.", "Disrupted weapons use"),
    ("Air defences intercepted three rockets fired towards the coastal city.", "Disrupted weapons use"),
    ("Jets destroyed an ammunition depot of the rebels in an air strike on the valley.", "Air/drone strike"),
    # ACLED lists surrenders among agreements
    ("Forty fighters of the rebel group surrendered to the army with their weapons.", "Agreement"),
    # troop deployments and new units change a group's activity
    ("The army dispatched hundreds of troops and armoured vehicles to the northern border.",
     "Change to group/activity"),
    ("A new brigade was formed in the eastern command to guard the pipeline.", "Change to group/activity"),
    # protests: violent crowds make a violent demonstration; violent dispersal is excessive force
    ("During the march bottles and stones were thrown at riot police outside parliament.",
     "Violent demonstration"),
    ("Police violently dispersed a peaceful protest by teachers, leaving many injured.",
     "Excessive force against protesters"),
])
def test_rules_acled_definitions_round5(text: str, expected: str) -> None:
    assert decide(text)[0] == expected


@pytest.mark.parametrize("text", [
    "Border guards intercepted a lorry driver suspected of smuggling people.",
    "The coast guard intercepted a boat carrying migrants off the island.",
])
def test_rules_interception_of_people_is_no_disrupted_weapon(text: str) -> None:
    assert decide(text)[0] != "Disrupted weapons use"


@pytest.mark.parametrize(("text", "expected"), [
    # ACLED: violence against civilians needs civilian victims; armed victims make it a battle
    ("Insurgents attacked a police checkpoint overnight, killing nine officers.", "Armed clash"),
    ("Militants launched attacks on the garrison, killing up to thirty soldiers.", "Armed clash"),
    ("Militants attacked a farming village overnight, killing eleven villagers.", "Attack"),
    # control taken with no fighting after the other side left is a non-violent transfer
    ("Rebels took control of the border post after government troops pulled out.",
     "Non-violent transfer of territory"),
    ("The army entered the town unopposed and took control of the market.", "Non-violent transfer of territory"),
])
def test_rules_victims_and_fighting_decide(text: str, expected: str) -> None:
    assert decide(text)[0] == expected


def test_territory_taken_in_a_fight_is_no_non_violent_transfer() -> None:
    sub = decide("Rebels took control of the town after heavy fighting, as government troops withdrew.")[0]
    assert sub != "Non-violent transfer of territory"


def test_vigilantes_are_no_vigil_and_a_protest_turning_violent_is_a_riot() -> None:
    assert decide("A vigilante group beat two suspected thieves in the village square.")[0] == "Mob violence"
    assert decide("The march against fuel prices turned very violent by nightfall.")[0] == "Violent demonstration"


@pytest.mark.parametrize(("text", "expected"), [
    # the object of "a crackdown on ..." did not take the district
    ("Government troops in a fresh crackdown on the rebels recaptured the district on Friday.", "gov"),
    # pro-government militias fight on the government's side
    ("The army and pro-government tribal militias have taken control of the river town.", "gov"),
    # pushed back from an area: the other side holds it
    ("The insurgents were pushed back from the hills around the army positions.", "gov"),
])
def test_territory_taker_reads_objects_allies_and_retreats(text: str, expected: str) -> None:
    assert territory_taker(text) == expected


def test_a_surrender_called_for_is_no_agreement_and_killing_themselves_is_a_suicide_bomb() -> None:
    assert decide("Police urged the two gunmen holed up in the farmhouse to surrender.")[0] != "Agreement"
    assert decide("Two militants set off explosives in the flat, killing themselves as police closed in.")[0] \
        == "Suicide bomb"


def test_remains_of_a_used_weapon_are_no_disrupted_weapon() -> None:
    text = "Remains of the rocket found near the bus depot were identified by investigators as a cluster munition."
    assert decide(text)[0] != "Disrupted weapons use"


def test_troops_marching_are_no_protest_march() -> None:
    assert decide("Government forces took the town and marched deeper into the rebel-held district.")[0] \
        != "Peaceful protest"
    assert decide("Soldiers stood by as students marched to the parliament building.")[0] == "Peaceful protest"


def test_rules_one_person_agreeing_is_no_agreement() -> None:
    assert not_agreed("The minister said he agreed and told the commander to proceed.")
    assert decide("The minister said he agreed and told the commander to proceed.")[0] is None
    assert not not_agreed("She agreed to a ceasefire with the rebels.")
    assert decide("He agreed with the militia leaders on a prisoner exchange.")[0] == "Agreement"


_OWN_SENTENCES = [
    "A suicide bomber blew himself up at the gate; later, police defused a second bomb and arrested two men.",
    "Rebels shelled the town, and the army recaptured the bridge after troops clashed with militants.",
    "Protesters marched peacefully, then police fired tear gas; rioters torched a bus and looted shops.",
    "SUİCİDE bomber İn the ſuicide attack: \u212aIDNAPPED workers were freed in a prisoner exchange.",
    "The gang raped a woman and abducted her sister; the mob lynched a suspected thief nearby.",
    "",
    "No event is told here at all, only the weather.",
]


@pytest.mark.parametrize("text", _OWN_SENTENCES)
def test_rule_spans_are_what_each_rule_scan_finds(text: str) -> None:
    # the prefix index tries a rule only where it can start; the spans must be those of a scan of the whole text
    from sitreps.extract.events_rules import _compiled, _rule_spans

    rules, _, _ = _compiled()
    expected = [[m.span() for m in rx.finditer(text)] for _, _, rx in rules]
    assert _rule_spans(text) == expected
    assert _rule_spans(text + " " + text.upper()) == [[m.span() for m in rx.finditer(text + " " + text.upper())]
                                                      for _, _, rx in rules]


def test_prefix_folding_covers_every_character_ignorecase_matches() -> None:
    # any character re matches (IGNORECASE) with an ASCII letter, digit or "_" must fold to that character
    import re

    from sitreps.extract.events_rules import _fold

    word = re.compile(r"[a-z0-9_]", re.IGNORECASE)
    for cp in range(0x80, 0x110000):
        c = chr(cp)
        if word.match(c):
            assert re.match(re.escape(_fold(c)), c, re.IGNORECASE) and _fold(c).isascii(), hex(cp)


@pytest.mark.parametrize(("text", "expected"), [
    # ACLED: the bomber dies in the attack - worn explosives, a vehicle bomb driven into the target
    ("A man wearing an explosive vest walked into the wedding hall and killed eleven guests.", "Suicide bomb"),
    ("The militants drove a van rigged with explosives and crashed it into the gate of the barracks.",
     "Suicide bomb"),
    ("Before he could be searched, the attacker detonated his bomb among the waiting voters.", "Suicide bomb"),
    # a "by" in a clause about who held the place before is not the taker
    ("Government troops recaptured the village that had been controlled by the rebels for two years.",
     "Government regains territory"),
    ("Army units reoccupied the hilltop that the militia had captured in May.", "Government regains territory"),
    ("Officials said the district was back under state control after a week-long operation against militants.",
     "Government regains territory"),
    # a release negotiated or mediated is an agreement (ACLED lists releases under Agreement)
    ("The two aid workers kidnapped in March were freed after talks between elders and the armed group.",
     "Agreement"),
])
def test_suicide_vehicle_bombs_former_holders_and_negotiated_releases(text: str, expected: str) -> None:
    assert decide(text)[0] == expected


def test_who_pushed_whom_out_decides_the_territory_side() -> None:
    assert territory_taker("Government troops rallied and pushed the rebels out of the market town.") == "gov"
    assert territory_taker("Militants drove the soldiers out of the border post after a night of fighting.") == "nsa"


def test_a_release_without_a_deal_stays_an_abduction() -> None:
    text = "Gunmen abducted a village chief on Monday and released him two days later."
    assert decide(text)[0] == "Abduction/forced disappearance"
    assert territory_taker("Soldiers retook the town, which had been held by rebels since March.") == "gov"


@pytest.mark.parametrize(("text", "protest"), [
    ("The army demonstrated its new drones at a parade in the capital.", False),
    ("Opposition leaders rallied behind the new coalition after the talks.", False),
    ("Government troops rallied and pushed the rebels out of the market town.", False),
    ("Thousands of supporters rallied in the capital against the new law.", True),
    ("Workers demonstrated the next day outside the factory.", True),
])
def test_showing_and_mobilising_are_no_protest(text: str, protest: bool) -> None:
    assert (decide(text)[0] in {"Peaceful protest", "Protest with intervention",
                                "Excessive force against protesters", "Violent demonstration"}) is protest


@pytest.mark.parametrize(("text", "expected"), [
    # the rules alone: "seized"/"captured" with a non-place object is no territory change (ACLED)
    ("Police seized two lorries loaded with smuggled cigarettes at the port.", None),
    ("Rebels captured two supply lorries on the highway near the market town.", "Looting/property destruction"),
    ("Police captured a former mayor wanted for taking bribes from a gang.", "Arrests"),
    ("Militants captured the border post after an hour of fighting.", "Non-state actor overtakes territory"),
])
def test_seized_goods_and_people_are_no_territory(text: str, expected: str | None) -> None:
    assert decide(text)[0] == expected


def test_what_was_seized_decides_what_acled_makes_of_it() -> None:
    from sitreps.extract.events_rules import seized_not_territory

    assert seized_not_territory("Police seized 1,250 kilograms of cocaine on a fishing boat.") == "crime"
    assert seized_not_territory("Soldiers seized a weapons cache in the forest.") == "weapons"
    assert seized_not_territory("The rebels seized the town and its airport.") is None
    assert seized_not_territory("Government troops liberated the village and seized rifles.") is None  # a place too
    assert seized_not_territory("Russian forces captured Northtown on Monday.") is None  # a name: not told
    # "the capture of <name>" with troops named later in the clause: still a place, not people captured
    assert seized_not_territory("Analysts said the army's capture of Northtown would leave enemy troops short of "
                                "fuel.") is None


@pytest.mark.parametrize(("text", "expected"), [
    # ACLED: violence against civilians needs civilian victims; one soldier or policeman "shot dead" or
    # "gunned down", levies, constables and cadres are armed victims, so the violence is a clash
    ("Militants shot dead two policemen guarding a bank in the old city.", "Armed clash"),
    ("A soldier was gunned down by unidentified assailants near the bus stand on Friday.", "Armed clash"),
    ("Gunmen opened fire at a constable on patrol, killing him on the spot.", "Armed clash"),
    ("Security forces killed two cadres of the banned outfit in a forest.", "Armed clash"),
    # "killed by ... cadres" names the killers: a farmer killed is an attack
    ("A farmer was killed by suspected rebel cadres in his field.", "Attack"),
])
def test_armed_victims_one_or_many_make_a_clash(text: str, expected: str) -> None:
    assert decide(text)[0] == expected


def test_arrested_by_someone_is_no_arrested_object() -> None:
    # Round 11: "arrested by the police" tells who arrested, not whom: the object reader skips a phrase that
    # begins with a word ending objects (it had read "by the police" as police arrested, a significant arrest)
    from sitreps.extract.events_rules import arrest_of_criminals, arrest_of_officials

    text = "Three cocaine smugglers were arrested by the police at the fishing port."
    assert arrest_of_criminals(text)
    assert not arrest_of_officials(text)
    assert arrest_of_officials("Two police officers were arrested by investigators for helping a drug gang.")


@pytest.mark.parametrize(("text", "expected"), [
    # Round 12, ACLED's definitions: demonstrators using force make a violent demonstration ...
    ("Students protesting the fee rise threw stones at the police and set a bus on fire.", "VIOL_DEMONSTR"),
    ("Riot police clashed with hundreds of protesters outside the ministry.", "VIOL_DEMONSTR"),
    ("The march turned violent when a group of youths smashed shop windows.", "VIOL_DEMONSTR"),
    # ... the authorities firing on or beating them excessive force ...
    ("Soldiers opened fire on the marchers in the main square, killing three of them.", "FORCE_AGAINST_PROTEST"),
    ("Two demonstrators were shot dead by the police at the rally.", "FORCE_AGAINST_PROTEST"),
    # ... dispersal, tear gas and arrests without those an intervention ...
    ("Police fired tear gas to break up a sit-in by nurses demanding unpaid wages.", "PROTEST_WITH_INTER"),
    ("Officers detained forty protesters outside the parliament building.", "PROTEST_WITH_INTER"),
    # ... and none of these is told: riot police named, a crowd that went home, demonstrators as victims
    ("Nurses held a sit-in outside the hospital and dispersed peacefully in the afternoon.", None),
    ("Hundreds of teachers marched past a line of riot police to the education ministry.", None),
    ("Demonstrators were attacked by men in plain clothes near the square.", None),
])
def test_protest_outcome_reads_who_used_force(text: str, expected: str | None) -> None:
    from sitreps.extract.events_rules import protest_outcome

    assert protest_outcome(text) == expected


@pytest.mark.parametrize("text", [
    "Rebel fighters have taken full control of the airport north of the city.",
    "The militia took complete control of the border crossing on Tuesday.",
])
def test_rules_full_control_taken_is_territory(text: str) -> None:
    sub, _, _ = decide(text, non_event_check=False)
    assert sub in ("Non-state actor overtakes territory", "Government regains territory")
