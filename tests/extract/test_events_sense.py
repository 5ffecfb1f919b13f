"""events_sense: trigger words that tell of no event (other senses, things, purposes). Sentences written for
these tests; each rule has a sentence it must keep as an event beside the one it must drop."""

from __future__ import annotations

import pytest

from sitreps.extract.events_sense import intended, reports_event
from sitreps.model import Span

pytestmark = pytest.mark.slow

KEEP, DROP = True, False

CASES = [
    # verb senses
    ("The governor staged the parade to demonstrate the army's strength to voters.", "demonstrate",
     "Peaceful protest", DROP),
    ("Several thousand nurses demonstrated outside the ministry on Friday.", "demonstrated", "Peaceful protest", KEEP),
    ("Brussels declined to exercise its veto over the loan.", "exercise", "Change to group/activity", DROP),
    ("The finance ministers agreed the old spending rule was no longer useful.", "agreed", "Agreement", DROP),
    ("The warring sides agreed on a prisoner exchange near the river crossing.", "agreed", "Agreement", KEEP),
    ("Her deputies openly agreed with the general's gloomy forecast.", "agreed", "Agreement", DROP),
    ("The education bill the prime minister signed on Tuesday takes effect in June.", "signed", "Agreement", DROP),
    ("Thousands of residents have signed up for new identity cards.", "signed", "Agreement", DROP),
    ("Georgia and Armenia signed a memorandum on border crossings.", "signed", "Agreement", KEEP),
    ("Several governments have pushed back against the proposal.", "pushed back", "Government regains territory", DROP),
    ("Army units pushed back the rebels from the edge of the airport.", "pushed back",
     "Government regains territory", KEEP),
    ("The mayor announced that the libraries would reopen soon.", "announced", "Change to group/activity", DROP),
    ("The defence minister announced the deployment of two battalions to the border.", "announced",
     "Change to group/activity", KEEP),
    # things, not events
    ("The senators cited the Biological Weapons Convention in their letter.", "Biological Weapons",
     "Chemical weapon", DROP),
    ("Russian Missile Strike Hits Shopping Centre In Kremenchuk", "Missile", "Shelling/artillery/missile attack",
     KEEP),
    ("A cargo plane landed in Rzeszow carrying radios, including hand grenades.", "grenades", "Grenade", DROP),
    ("The navy has spent most of its budget on missiles this year.", "missiles",
     "Shelling/artillery/missile attack", DROP),
    ("The army has used up half of its stockpile of artillery shells.", "artillery",
     "Shelling/artillery/missile attack", DROP),
    ("Militia fighters fired missiles at the fuel depot overnight.", "missiles",
     "Shelling/artillery/missile attack", KEEP),
    ("A museum displayed tanks captured from the retreating army.", "captured",
     "Non-state actor overtakes territory", DROP),
    ("The rebels captured the town of Ras Kamboni on Sunday.", "captured", "Non-state actor overtakes territory", KEEP),
    ("The talks followed the Lisbon protocol, an informal agreement meant to limit patrols.", "agreement",
     "Agreement", DROP),
    ("Are the coalition partners in agreement on the budget?", "agreement", "Agreement", DROP),
    ("No attacks were reported in the district overnight.", "attacks", "Attack", DROP),
    ("Police fired tear gas and riot control grenades at the crowd.", "riot", "Violent demonstration", DROP),
    ("The marines held amphibious exercises off the coast on Monday.", "exercises", "Change to group/activity", KEEP),
    ("The general ordered two divisions to move north as part of snap drills.", "drills", "Change to group/activity",
     KEEP),
    ("The ministry said the drills were ordered after the border incident.", "drills", "Change to group/activity",
     KEEP),
    ("Officers complained about the poor quality of training in the reserve.", "training",
     "Change to group/activity", DROP),
    ("The pro-government-appointed mayor of the town resigned.", "appointed", "Change to group/activity", DROP),
    ("The announced figures were lower than last year's.", "announced", "Change to group/activity", DROP),
    ("The institute published its weekly offensive campaign assessment.", "offensive", "Armed clash", DROP),
    ("Government troops resumed offensive operations north of the lake.", "offensive", "Armed clash", KEEP),
    ("The parliament agreed to send two more field hospitals to the front.", "agreed", "Agreement", DROP),
    ("Armenia and Azerbaijan agreed to exchange prisoners next week.", "agreed", "Agreement", KEEP),
    ("The officials agreed on a corridor with the rebels.", "agreed", "Agreement", KEEP),
    ("Lithuania protested that its airspace had been violated.", "protested", "Peaceful protest", DROP),
    ("Farmers protested the new tax in front of the town hall.", "protested", "Peaceful protest", KEEP),
    ("The navy is retiring old frigates and replacing them with patrol drones.", "drones", "Air/drone strike",
     DROP),
    ("A great deal depends on the harvest.", "deal", "Agreement", DROP),
    ("The organising body of the festival did not invite the ambassador.", "body of", "Attack", DROP),
    ("The body of a young soldier was found near the bridge.", "body of", "Attack", KEEP),
    ("The regime holds the world hostage to its grain exports.", "hostage", "Abduction/forced disappearance", DROP),
    ("Gunmen took three aid workers hostage on Tuesday.", "hostage", "Abduction/forced disappearance", KEEP),
    # session 6: engage, rally, reinforce, "it fell to", demonstrate that, diplomatic protests, habits, things
    ("The foreign ministry stays engaged with its partners in the region.", "engaged", "Armed clash", DROP),
    ("The capital is now far more engaged in the conflict than a year ago.", "engaged", "Armed clash", DROP),
    ("The border guards engaged in a brief firefight with smugglers.", "engaged", "Armed clash", KEEP),
    ("The rebels engaged with government troops near the dam.", "engaged", "Armed clash", KEEP),
    ("The senator toured three capitals to rally backing for the loan.", "rally", "Peaceful protest", DROP),
    ("Hundreds of students rallied outside the court on Monday.", "rallied", "Peaceful protest", KEEP),
    ("It was a belief that every victory on the river only reinforced.", "reinforced",
     "Change to group/activity", DROP),
    ("The command reinforced its positions east of the canal.", "reinforced", "Change to group/activity", KEEP),
    ("It fell to the new mayor to rebuild trust in the council.", "fell to", "Non-state actor overtakes territory",
     DROP),
    ("The siege lasted nine weeks; it fell to the rebels in May.", "fell to", "Non-state actor overtakes territory",
     KEEP),
    ("The cabinet must demonstrate, with deeds, that it listens.", "demonstrate", "Peaceful protest", DROP),
    ("The ministry summoned the envoy in strong protest over the overflight.", "protest", "Peaceful protest", DROP),
    ("Dockworkers staged a protest at the harbour gates.", "protest", "Peaceful protest", KEEP),
    ("The militia has a long record of shelling villages.", "shelling", "Shelling/artillery/missile attack", DROP),
    ("The sanctions hit the country's chemical weapons programmes.", "chemical weapons", "Chemical weapon", DROP),
    ("Chemical weapons were used against the trenches, inspectors said.", "Chemical weapons", "Chemical weapon",
     KEEP),
    ("The council should concede its mistakes plainly and demonstrate, by acts and by speeches, that it has "
     "drawn hard conclusions.", "demonstrate", "Peaceful protest", DROP),
    ("The agency moved to thwart foreign interference in the vote.", "thwart", "Disrupted weapons use", DROP),
    ("Air defences thwarted a drone attack on the port overnight.", "thwarted", "Disrupted weapons use", KEEP),
    ("Depots hold air bombs, warheads for cruise missiles and tank munitions and are guarded for use in a war.",
     "missiles", "Shelling/artillery/missile attack", DROP),
    ("The state runs a targeted assassination programme abroad.", "assassination", "Attack", DROP),
    ("The assassination of the mayor shocked the town.", "assassination", "Attack", KEEP),
    ("Profits at BP, Shell, Exxon Mobil and Chevron rose again last year.", "Shell",
     "Shelling/artillery/missile attack", DROP),
    ("Russian Missile Strike Kills 12 In Dnipro", "Strike", "Shelling/artillery/missile attack", KEEP),
    ("The summit gave a clear demonstration of how far the conflict reaches.", "demonstration",
     "Peaceful protest", DROP),
    ("The security council agreed to respond to the raid.", "agreed", "Agreement", DROP),
    ("Both envoys agreed on the need to keep funding the reconstruction.", "agreed", "Agreement", DROP),
    ("The chairwoman handed over a copy of the declaration to the ambassador.", "handed over",
     "Non-violent transfer of territory", DROP),
    ("Estonia then decided to withdraw from the trade initiative run by the bloc.", "withdraw",
     "Non-violent transfer of territory", DROP),
    ("Government troops began to pull back from the west bank of the river.", "pull back",
     "Non-violent transfer of territory", KEEP),
    ("The governor closed her speech with a warning.", "closed", "Change to group/activity", DROP),
    ("The authorities closed the border crossing at Shehyni.", "closed", "Change to group/activity", KEEP),
    ("Norway banned transactions with three listed lenders.", "banned", "Change to group/activity", DROP),
    ("The court banned the opposition party for life.", "banned", "Change to group/activity", KEEP),
    ("Analysts call Russia's attack on Ukraine a warning for the whole region.", "attack on", "Attack", DROP),
    ("Export controls adopted after its brutal attack on Ukraine did not stop the chip trade.", "attack on",
     "Attack", DROP),
    ("Russia launched a full-scale invasion of Ukraine on Thursday morning.", "invasion", "Armed clash", KEEP),
    ("Russia's attack on Ukraine began before dawn with missile strikes.", "attack on", "Armed clash", KEEP),
    ("The drone attack on Kyiv killed two people overnight.", "attack on", "Air/drone strike", KEEP),
    ("Air defences stopped most of the drones during the neighbour's massive attack on Israel.",
     "attack on", "Air/drone strike", KEEP),
    # an agreement noun in the background (no verb makes, starts or keeps it) is no agreement made
    ("Nobody in the capital now expects the Minsk agreements to be revived.", "agreements", "Agreement", DROP),
    ("The minister grumbled again about the grain deal on Tuesday.", "deal", "Agreement", DROP),
    ("The two governments signed a prisoner-exchange deal in Ankara.", "deal", "Agreement", KEEP),
    ("Officials say they made a deal allowing the garrison to leave.", "deal", "Agreement", KEEP),
    ("A ceasefire agreement in 2015 froze the front for years.", "agreement", "Agreement", KEEP),
    ("A truce brokered by the mediators took effect at midnight.", "truce", "Agreement", KEEP),
    # habits, figures of speech, meetings joined, abstract foes, a candidate withdrawing, a display of trophies
    ("In that system the cabinet is routinely dissolved after each election.", "dissolved",
     "Change to group/activity", DROP),
    ("The fleet regularly holds exercises in the bay.", "holds", "Change to group/activity", DROP),
    ("The president dissolved the government on Monday.", "dissolved", "Change to group/activity", KEEP),
    ("The explosion of violence in the region shocked the neighbours.", "explosion",
     "Remote explosive/landmine/IED", DROP),
    ("The explosion at the depot killed two guards.", "explosion", "Remote explosive/landmine/IED", KEEP),
    ("The general joined the cabinet meeting by video link.", "joined", "Change to group/activity", DROP),
    ("Two more battalions joined the rebel coalition last week.", "joined", "Change to group/activity", KEEP),
    ("She spent years fighting with the regime from exile.", "fighting", "Armed clash", DROP),
    ("Militias were fighting with government troops near the dam.", "fighting", "Armed clash", KEEP),
    ("He entered the race, but he withdrew due to the paperwork.", "withdrew",
     "Non-violent transfer of territory", DROP),
    ("He withdrew from the town with his men.", "withdrew", "Non-violent transfer of territory", KEEP),
    ("A museum show of captured gear, which includes a burnt tank and a howitzer, opened in Riga.", "howitzer",
     "Shelling/artillery/missile attack", DROP),
]


@pytest.mark.parametrize(("text", "trigger", "sub", "expected"), CASES, ids=[c[1] + "-" + str(c[3]) for c in CASES])
def test_reports_event(nlp, text, trigger, sub, expected):
    doc = nlp(text)
    sent = next(s for s in doc.sents if s.start_char <= text.index(trigger) < s.end_char)
    i = text.index(trigger)
    assert reports_event(sent, Span.of(text, i, i + len(trigger)), sub) is expected


@pytest.mark.parametrize(("text", "trigger", "expected"), [
    ("Commanders have tasked the brigade with capturing the bridge by Friday.", "capturing", True),
    ("The militia is massing troops in an effort to seize the airport.", "seize", True),
    ("Officials warned of a possible attack on the dam.", "attack", True),
    ("Any strike on the convoy would be answered at once.", "strike", True),
    ("Rebel units have great difficulty capturing even small hills.", "capturing", True),
    ("Commanders fear a possible future offensive operation toward the coast.", "offensive", True),
    ("Officers rate the likelihood of a new ground offensive as slim.", "offensive", True),
    ("Lawyers compared draft versions of a border treaty.", "treaty", True),
    ("Their first goal at the table was to agree on a truce along the canal.", "truce", True),
    ("The two sides signed a truce around the plant on Sunday.", "truce", False),
    ("The delegations swapped draft texts of a peace treaty.", "peace treaty", True),
    ("The first item was to agree on a cease-fire near the dam.", "cease-fire", True),
    ("For the command, seizing the airfield is a priority.", "seizing", True),
    ("For the junta, the primary goal was the liberation of two northern districts.", "liberation", True),
    ("The brigade needs more shells to push back the attackers.", "push back", True),
    ("Northern axis (Rebel objective: Capture the airport and encircle the garrison) Rebels shelled the town.",
     "Capture", True),
    ("Northern axis (Rebel objective: Capture the airport and encircle the garrison) Rebels shelled the town.",
     "shelled", False),
    ("The brigade captured the bridge on Friday.", "captured", False),
    ("Rebels attacked the convoy in an attempt to free their leader.", "attacked", False),
])
def test_intended(nlp, text, trigger, expected):
    doc = nlp(text)
    i = text.index(trigger)
    sent = next(s for s in doc.sents if s.start_char <= i < s.end_char)
    assert intended(sent, Span.of(text, i, i + len(trigger))) is expected
