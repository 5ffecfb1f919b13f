"""The events stage inside the real pipeline, on short reports written for these tests."""

from __future__ import annotations

import pytest

from sitreps.model import check_spans

pytestmark = pytest.mark.slow


def _events(pipeline, make_article, text: str, published: str = "2023-03-06"):
    result = pipeline.extract(make_article(text, published=published))
    check_spans(result)
    return result, result.events


def test_events_passive_voice_puts_the_agent_first(pipeline, make_article) -> None:
    text = ("Local officials said on Friday that a Russian supply column was destroyed by Ukrainian forces "
            "near the town of Balakliia.")
    _, events = _events(pipeline, make_article, text)
    ev = next(e for e in events if e.event_type in ("Battles", "Explosions/Remote violence"))
    assert ev.actor1 is not None and ev.actor1.name == "Military Forces of Ukraine"
    assert ev.actor2 is not None and ev.actor2.name == "Military Forces of Russia"
    assert ev.trigger is not None and ev.evidence.contains(ev.trigger)


def test_events_date_from_the_sentence_else_publication(pipeline, make_article) -> None:
    text = ("Russian artillery shelled Kupiansk on Saturday. "
            "Separately, Ukrainian troops recaptured two villages south of Izium.")
    _, events = _events(pipeline, make_article, text)
    shelling = next(e for e in events if e.sub_event_type == "Shelling/artillery/missile attack")
    assert shelling.date == "2023-03-04" and shelling.time_precision == 1
    regain = next(e for e in events if e.sub_event_type == "Government regains territory")
    assert regain.actor1 is not None and regain.actor1.side == "UA"
    assert regain.date == "2023-03-06" and regain.time_precision == 2


def test_events_fatalities_come_from_killed_counts(pipeline, make_article) -> None:
    text = "An air strike on the village of Hrakove killed 12 civilians on Monday, regional officials said."
    _, events = _events(pipeline, make_article, text)
    strike = next(e for e in events if e.sub_event_type == "Air/drone strike")
    assert strike.fatalities == 12


@pytest.mark.parametrize(("text", "flag"), [
    ("The ministry denied that its troops had shelled the border villages.", "negated"),
    ("Russian forces did not shell the city of Sumy this week.", "negated"),
    ("The commander threatened to launch missile strikes on the capital.", "future"),
    ("Separatist leaders said they will capture the airport next week.", "future"),
])
def test_events_denials_and_threats_are_flagged_not_dropped(pipeline, make_article, text: str, flag: str) -> None:
    _, events = _events(pipeline, make_article, text)
    assert events, "a flagged event is kept (exports skip it)"
    assert any(getattr(e, flag) for e in events)


def test_events_caption_repeating_the_body_counts_once(pipeline, make_article) -> None:
    body = ("Ukrainian soldiers reached the state border north of Kharkiv on Sunday, a regional official said. "
            "Residents returned to the villages nearby.")
    caption = "Ukrainian soldiers reached the state border north of Kharkiv (photo: press service)"
    text = body + "\n\n" + caption + "\n\n" + "Officials expect more returns in the coming weeks."
    _, events = _events(pipeline, make_article, text)
    border = [e for e in events if e.sub_event_type == "Government regains territory"]
    assert len(border) == 1


def test_events_empty_when_nothing_happened(pipeline, make_article) -> None:
    _, events = _events(pipeline, make_article, "The weather in the capital was mild and sunny today.")
    assert events == []


# Whole articles (round 4): sentences written for these tests.

def test_events_month_march_is_no_protest(pipeline, make_article) -> None:
    text = ("About 40 people were killed when a Russian air strike hit a school in Lysychansk, officials said. "
            "The town has been under siege since early March.")
    _, events = _events(pipeline, make_article, text, published="2022-04-20")
    assert not any(e.event_type == "Protests" for e in events)
    strike = next(e for e in events if e.sub_event_type == "Air/drone strike")
    assert strike.actor1 is not None and strike.actor1.name == "Military Forces of Russia"
    assert strike.fatalities == 40
    assert strike.location is not None and strike.location.name == "Lysychansk"


def test_events_evidence_starts_after_byline_and_dateline(pipeline, make_article) -> None:
    text = ("By Petra Exampleton\n\nKHARKIV, Ukraine, May 3 (Test Wire) — Russian artillery shelled the "
            "village of Tsyrkuny on Tuesday, the regional governor said.")
    result, events = _events(pipeline, make_article, text, published="2022-05-03")
    ev = next(e for e in events if e.sub_event_type == "Shelling/artillery/missile attack")
    assert ev.evidence.text.startswith("Russian artillery")
    assert ev.location is not None and ev.location.precision != "country"


def test_events_a_speaker_is_not_the_place(pipeline, make_article) -> None:
    text = ("A missile struck a railway depot in Kramatorsk on Friday, killing three workers. "
            "Moscow said on Saturday that the missile had been fired by Ukrainian forces.")
    _, events = _events(pipeline, make_article, text, published="2022-04-10")
    remote = [e for e in events if e.event_type == "Explosions/Remote violence"]
    assert len(remote) == 1, [e.evidence.text for e in remote]
    assert remote[0].location is not None and remote[0].location.name == "Kramatorsk"
    assert all(e.location is None or e.location.name != "Moscow" for e in events)


def test_events_one_strike_told_in_several_sentences_is_one_event(pipeline, make_article) -> None:
    text = ("A Russian missile hit a market in Kostiantynivka on Wednesday, killing at least 11 people, the "
            "regional governor said.\n\n"
            "Fragments of the missile were collected by investigators near the stalls.\n\n"
            "\"We heard a loud explosion and then the roof fell in,\" one trader said.\n\n"
            "By Thursday the number of people killed in the strike had risen to 16, officials said.")
    _, events = _events(pipeline, make_article, text, published="2022-09-08")
    remote = [e for e in events if e.event_type == "Explosions/Remote violence"]
    assert len(remote) == 1, [e.evidence.text for e in remote]
    assert remote[0].fatalities == 16
    assert remote[0].location is not None and remote[0].location.evidence.text == "Kostiantynivka"


def test_events_a_broken_ceasefire_is_no_agreement(pipeline, make_article) -> None:
    text = "Officials in Zaporizhzhia say the Russian side has broken its promises of a ceasefire around the plant."
    _, events = _events(pipeline, make_article, text, published="2022-05-05")
    assert not any(e.sub_event_type == "Agreement" for e in events)


def test_events_leaving_a_deal_is_no_territory_transfer(pipeline, make_article) -> None:
    text = "Officials in Ankara regretted that Russia had decided to withdraw from the Black Sea shipping deal."
    _, events = _events(pipeline, make_article, text, published="2023-07-20")
    assert not any(e.event_type == "Strategic developments" and "territory" in e.sub_event_type for e in events)


def test_events_a_call_or_a_plan_is_not_an_event(pipeline, make_article) -> None:
    text = ("The ministers called on Moscow to ensure a prompt and complete withdrawal of its troops from the "
            "occupied districts.")
    _, events = _events(pipeline, make_article, text, published="2022-08-20")
    assert all(e.hypothetical or e.future or e.negated for e in events)


def test_events_the_country_that_fired_is_actor1(pipeline, make_article) -> None:
    text = "Russia fired about 40 cruise missiles at power stations in Vinnytsia on Monday, officials said."
    _, events = _events(pipeline, make_article, text, published="2022-10-31")
    ev = next(e for e in events if e.event_type == "Explosions/Remote violence")
    assert ev.actor1 is not None and ev.actor1.name == "Military Forces of Russia"


def test_events_a_country_that_withdraws_is_its_forces(pipeline, make_article) -> None:
    text = ("Turkey has withdrawn its troops from the border town of Tal Abyad, the defence ministry said on "
            "Tuesday. Officials described the Iranian withdrawal from Deir ez-Zor as orderly.")
    _, events = _events(pipeline, make_article, text)
    moves = [e for e in events if e.sub_event_type in ("Non-violent transfer of territory",
                                                       "Change to group/activity")]
    assert len(moves) == 2, [(e.sub_event_type, e.evidence.text) for e in events]
    for ev in moves:
        assert ev.actor1 is not None and ev.actor1.kind == "state_forces", ev
        assert ev.actor1.name in ("Military Forces of Turkey", "Military Forces of Iran")


def test_events_the_side_named_with_control_regains_it() -> None:
    from sitreps.extract.events import _control_side

    text = "Officials said the village of Kozacha Lopan was back under Ukrainian control on Sunday."
    side = _control_side(text, 0, text)
    assert side is not None and side.name == "Military Forces of Ukraine" and side.evidence.text == "Ukrainian"
    text = "The town returned to Syria's government control after the deal."
    side = _control_side(text, 0, text)
    assert side is not None and side.name == "Military Forces of Syria"
    assert _control_side("Police took control of the square.", 0, "Police took control of the square.") is None


def test_events_a_foreign_army_taking_a_town_overtakes_it(pipeline, make_article) -> None:
    # ACLED: "Non-state actor overtakes territory" covers foreign state actors; "Government regains" is the
    # government of the place. The home army retaking its own town stays "Government regains".
    text = "Russian forces captured the town of Lyman in the Donetsk region on Saturday, the Ukrainian military said."
    _, events = _events(pipeline, make_article, text)
    ev = next(e for e in events if "territory" in e.sub_event_type)
    assert ev.sub_event_type == "Non-state actor overtakes territory", ev
    assert ev.actor1 is not None and ev.actor1.name == "Military Forces of Russia"
    text = "Ukrainian forces recaptured the village of Ruska Lozova north of Kharkiv on Friday, the General Staff said."
    _, events = _events(pipeline, make_article, text)
    ev = next(e for e in events if "territory" in e.sub_event_type)
    assert ev.sub_event_type == "Government regains territory", ev
    assert ev.actor1 is not None and ev.actor1.name == "Military Forces of Ukraine"


def test_events_civilians_are_never_actor1_of_violence(pipeline, make_article) -> None:
    # ACLED codes civilians only as victims (actor2) of political violence; no attacker named -> no actor1
    text = "A rocket hit the bus station in Sumy on Monday morning, killing nine civilians who were queuing for buses."
    _, events = _events(pipeline, make_article, text)
    violent = [e for e in events if e.event_type in {"Battles", "Explosions/Remote violence",
                                                     "Violence against civilians"}]
    assert violent, [(e.sub_event_type, e.evidence.text) for e in events]
    for e in violent:
        assert e.actor1 is None or e.actor1.inter != 7, (e.sub_event_type, e.actor1)
    assert any(e.actor2 is not None and e.actor2.inter == 7 for e in violent)



def test_events_a_chemical_attack_names_its_agent() -> None:
    # ACLED's "Chemical weapon" is kept only where the sentence names an agent: in one article the models
    # coded "X's attack on Y is a flashpoint" as a chemical attack
    from sitreps.extract.events import names_chemical_agent

    for text in ("Soldiers were treated after a chlorine attack on the trenches.",
                 "Police fired tear gas at the crowd.", "Inspectors found traces of a nerve agent.",
                 "The shells released a choking yellow cloud.", "Troops used CS grenades on the bunker."):
        assert names_chemical_agent(text), text
    for text in ("The invasion is a flashpoint for confrontation between the powers.",
                 "Gunmen attacked the border post on Monday.", "The gasoline depot burned for hours.",
                 "Customs seized a CSV file."):
        assert not names_chemical_agent(text), text


def test_events_a_far_like_event_lends_no_actor(pipeline, make_article) -> None:
    # a battle told with no actor at the top takes no actor from a like fight told pages later (another war)
    filler = "\n\n".join(f"Part {i} of the essay turns to the weather, the harvest and the price of bread."
                         for i in range(30))
    text = ("The long and bloody battle for Bakhmut goes on.\n\n" + filler +
            "\n\nIn the winter of 1944, American troops fought in the snow near Bakhmut.")
    events = pipeline.extract(make_article(text, published="2023-04-01")).events
    last = text.rindex("In the winter")
    assert events
    for e in events:
        if e.evidence.start < last:
            assert e.actor1 is None or "United States" not in e.actor1.name


def test_events_a_question_is_asked_not_told(pipeline, make_article) -> None:
    # a reporter's question about what could happen is no report; a question about a past deed keeps it
    asked = pipeline.extract(make_article("Are the rebels now shelling the port of Berdiansk from the islands?"))
    assert asked.events and all(e.hypothetical for e in asked.events)
    told = pipeline.extract(make_article("Why did the rebels shell the port of Berdiansk on Monday?"))
    assert told.events and not any(e.hypothetical or e.future or e.negated for e in told.events)


def test_events_a_government_taking_a_place_of_its_own_country_regains_it(pipeline, make_article) -> None:
    # whatever verb tells the taking, Ukraine's forces taking a Ukrainian village regain it (ACLED)
    text = "Drone footage confirmed that the Ukrainians took control of Dvorichna in Kharkiv Oblast and pushed east."
    events = pipeline.extract(make_article(text)).events
    assert [(e.sub_event_type, e.actor1.name if e.actor1 else None) for e in events] == [
        ("Government regains territory", "Military Forces of Ukraine")]
    other = pipeline.extract(make_article("Drone footage confirmed that the Russians took control of Dvorichna in "
                                          "Kharkiv Oblast and pushed west.")).events
    assert [e.sub_event_type for e in other] == ["Non-state actor overtakes territory"]


def test_events_the_side_that_lost_a_town_is_the_one_it_was_taken_from(pipeline, make_article) -> None:
    # the loser is actor2; a foreign force losing a town means the town's government regained it
    lost_abroad = pipeline.extract(make_article("Rosgvardia units lost control of Balakliia after the assault.")).events
    assert [(e.sub_event_type, e.actor1.name if e.actor1 else None, e.actor2.name if e.actor2 else None)
            for e in lost_abroad] == [("Government regains territory", "Military Forces of Ukraine",
                                       "Police Forces of Russia")]
    lost_home = pipeline.extract(make_article("Ukrainian forces lost control of Soledar on Friday.")).events
    assert [(e.sub_event_type, e.actor1, e.actor2.name if e.actor2 else None) for e in lost_home] == [
        ("Non-state actor overtakes territory", None, "Military Forces of Ukraine")]


def test_events_due_to_a_cause_is_no_schedule(pipeline, make_article) -> None:
    # "due to an air strike" gives a cause, the deaths happened; "due to resume" is a schedule
    text = "Nine villagers in Okhtyrka died overnight due to an air strike on the depot."
    events = pipeline.extract(make_article(text)).events
    assert events and not any(e.future for e in events)
    planned = pipeline.extract(make_article("The rebels are due to resume shelling Okhtyrka on Monday.")).events
    assert planned and all(e.future for e in planned)


def test_events_a_claim_the_writer_calls_false_is_negated(pipeline, make_article) -> None:
    text = "Separatist outlets falsely claimed on Monday that their units had captured Siversk."
    events = pipeline.extract(make_article(text)).events
    assert events and all(e.negated for e in events)


def test_events_no_sign_that_it_happened_is_a_negation(pipeline, make_article) -> None:
    text = "A spokesman said the army saw no sign yet that the rebels were withdrawing from Kherson."
    events = pipeline.extract(make_article(text)).events
    assert events and all(e.negated for e in events)


def test_events_a_clash_and_the_town_it_won_are_one_territory_event(pipeline, make_article) -> None:
    # ACLED codes a fight in which a place changed hands as the change of control, once
    text = ("Ukrainian forces counterattacked near Lukianivka in Kyiv Oblast on Saturday. Ukrainian troops recaptured "
            "Lukianivka by the evening, the General Staff said.")
    events = pipeline.extract(make_article(text)).events
    assert [(e.sub_event_type, e.actor1.name if e.actor1 else None) for e in events] == [
        ("Government regains territory", "Military Forces of Ukraine")]
    apart = pipeline.extract(make_article("Ukrainian forces counterattacked near Lukianivka in Kyiv Oblast on "
                                          "Saturday. Ukrainian troops recaptured Zavody in Kharkiv Oblast on "
                                          "Sunday.")).events
    assert sorted(e.sub_event_type for e in apart) == ["Armed clash", "Government regains territory"]


def test_events_two_dates_of_their_own_are_two_events(pipeline, make_article) -> None:
    # the same side leaving the same town twice, months apart, in a retrospective account: two events
    text = ("Russian forces withdrew from Kherson on 2 March 2022 after a short fight. Schools reopened. Prices "
            "rose. Buses ran again. The mayor thanked volunteers. Markets filled on weekends.\n\nRussian forces "
            "withdrew from Kherson on 11 November 2022, and Ukrainian troops entered the city.")
    events = [e for e in pipeline.extract(make_article(text, published="2023-06-16")).events
              if e.sub_event_type == "Non-violent transfer of territory"]
    assert sorted(e.date or "" for e in events) == ["2022-03-02", "2022-11-11"]


def test_events_date_from_the_time_of_the_triggers_own_verb(pipeline, make_article) -> None:
    # two dates in one sentence: each event takes the one its own verb governs, not the sentence's first
    text = ("On 3 May the brigade crossed the river near Izium, and on 9 May Russian artillery shelled "
            "the bridge there.")
    _, events = _events(pipeline, make_article, text, published="2023-05-20")
    shelling = next(e for e in events if e.sub_event_type == "Shelling/artillery/missile attack")
    assert shelling.date == "2023-05-09"


def test_events_date_of_an_agreement_told_after_another_year(pipeline, make_article) -> None:
    text = ("The two rebel factions began talks in Geneva in 2006, and in 2008 they agreed to a ceasefire "
            "along the river.")
    _, events = _events(pipeline, make_article, text, published="2022-02-04")
    deal = [e for e in events if e.sub_event_type == "Agreement"]
    assert deal and all(e.date == "2008" for e in deal)


def test_events_date_a_duration_start_only_without_another_date(pipeline, make_article) -> None:
    text = ("The governor, in office since 2010, lost the vote in 2019, and thousands of people protested "
            "in the capital.")
    _, events = _events(pipeline, make_article, text, published="2022-02-04")
    protest = [e for e in events if e.event_type == "Protests"]
    assert protest and all(e.date == "2019" for e in protest)


def test_events_date_set_by_the_sentence_before(pipeline, make_article) -> None:
    # a paragraph opening "On 12 June 2019, ..." dates its next sentence when that one names no date
    text = ("On 12 June 2019, the rebels entered the valley from the north. "
            "Government artillery shelled their columns near the river crossing for hours.\n\n"
            "Several thousand students protested against the war outside the parliament.")
    _, events = _events(pipeline, make_article, text, published="2022-02-04")
    shelling = [e for e in events if e.sub_event_type == "Shelling/artillery/missile attack"]
    protest = [e for e in events if e.event_type == "Protests"]
    assert shelling and shelling[0].date == "2019-06-12"
    assert protest and protest[0].date == "2022-02-04"  # another paragraph: the publication date, as before


def test_events_a_may_dateline_is_no_modal(pipeline, make_article) -> None:
    text = ("ODESA, Ukraine, May 16 (Test Wire) — Ukrainian troops have recaptured the village of Lymany, "
            "the army said on Monday.")
    _, events = _events(pipeline, make_article, text, published="2022-05-16")
    taken = [e for e in events if e.sub_event_type == "Government regains territory"]
    assert taken and not taken[0].hypothetical


def test_events_territory_is_not_placed_at_the_datelines_town(pipeline, make_article) -> None:
    text = ("KYIV, Ukraine, Sept 12 (Test Wire) — Ukrainian forces have retaken more than 6,000 square "
            "kilometres in the east and the south this month, the president said on Monday.")
    _, events = _events(pipeline, make_article, text, published="2022-09-12")
    taken = [e for e in events if e.sub_event_type == "Government regains territory"]
    assert taken and all(e.location is None or e.location.name != "Kyiv" for e in taken)


def test_events_called_for_others_to_act_is_hypothetical(pipeline, make_article) -> None:
    text = ("The minister called for the allies to close their ports to the fleet and to start shelling "
            "the enemy's depots near the border.")
    _, events = _events(pipeline, make_article, text)
    assert events and all(e.hypothetical or e.future for e in events)


def test_events_a_country_named_is_not_the_regaining_side(pipeline, make_article) -> None:
    text = "Army officials said on Sunday that forces had reached the border with Russia in some places."
    _, events = _events(pipeline, make_article, text, published="2022-09-12")
    regain = [e for e in events if e.sub_event_type == "Government regains territory"]
    assert regain and all(e.actor1 is None or "Russia" not in e.actor1.name for e in regain)
