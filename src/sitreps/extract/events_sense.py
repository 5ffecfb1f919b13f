"""Does the trigger word report an event here? Word senses and mentions that tell of none.

The trigger scan (``events_rules.find_triggers``) finds words, and a sentence-level classifier codes the
sentence; neither reads what the trigger word is doing in it. A lead's review of 188 events output on 60
war-news articles and 4 ISW assessments (docs/EVALUATION-events.md, "Article-level precision") found 68 with
nothing happening, most of them one of a few shapes this module reads from the dependency parse:

- **another sense of the verb**: "to demonstrate Russia's ability" (show: a protest is demonstrating, with no
  object), "exercise its leverage", "agreed that the target was outdated" (agreeing with a statement, not
  reaching an agreement), "pushed back against that notion", "signed the aid package" (a law, not an
  agreement between parties), "signed up for passports";
- **a thing, not an event**: a trigger inside a name ("the Chemical Weapons Convention", "the Joint Strike
  Missile"); weapons delivered, bought, shown or listed ("a planeload ... including shoulder-fired grenades",
  "spent on missiles"); equipment "captured from Ukrainian forces" shown at an exhibition (a participle
  describing a thing: no place changed hands); an agreement described ("the Vienna document, an international
  agreement intended to ...") or "in agreement" (of one mind).

:func:`reports_event` says False for these; the events stage then looks for another trigger of the sentence's
sub-type, and drops the sentence when none is left. :func:`intended` reads a purpose or a tasking around the
trigger ("tasked their troops with capturing", "efforts to capture", "a possible attack"): the event is set
as future or hypothetical, not as having happened.

Only the parse of the trigger's own sentence is read: no model, a few attribute lookups per candidate.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..doctext import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from ..model import Span

# things bought, moved, held, shown or listed: a weapon as their object or in their list is no attack
_HAVE_VERBS = frozenset("""
deliver send supply provide give ship transfer arrive spend buy purchase sell include equip stockpile acquire
produce manufacture receive pledge donate display exhibit show store hold own possess develop build order
approve fund finance invest allocate replace
""".split())
# nouns of stock and trade: "its stockpile of precision missiles", "a shipment of drones"
_HAVE_NOUNS = frozenset("""
stockpile stockpiles stock stocks supply supplies delivery deliveries shipment shipments package packages
arsenal production purchase purchases sale sales transfer transfers order orders display displays exhibition
exhibitions exhibit exhibits collection trophy trophies museum
""".split())
# a drill or a course is a change to a group's activity only when it is held: "held drills", "began exercises"
_DRILL_NOUNS = frozenset("exercise exercises drill drills training manoeuvre manoeuvres maneuver maneuvers".split())
_HOLD_VERBS = frozenset("hold conduct begin start launch stage carry take complete continue join end finish "
                        "resume kick order rehearse".split())
# what a group announces that changes its activity
_CHANGE_NOUNS = frozenset("""
deployment deployments stationing mobilisation mobilization withdrawal recruitment formation merger split
dissolution disbandment alliance creation establishment conscription draft
""".split())
# after "demonstrate(d)" without an object: the protest sense
_PROTEST_NEXT = frozenset("in against outside on at for near across through peacefully . , ; and before "
                          "along around inside over".split())
_WEAPON_SUBS = frozenset({"Shelling/artillery/missile attack", "Air/drone strike", "Grenade", "Chemical weapon",
                          "Remote explosive/landmine/IED"})
_PROTEST_SUBS = frozenset({"Peaceful protest", "Protest with intervention", "Excessive force against protesters",
                           "Violent demonstration"})
_TERRITORY_SUBS = frozenset({"Government regains territory", "Non-state actor overtakes territory",
                             "Non-violent transfer of territory"})
# a law or an order signed is no agreement between parties
_SIGNED_NOT_AGREEMENT = frozenset("""
bill law package decree legislation order budget petition letter statement declaration appeal book
document
""".split())
_PLACE_HEADS = frozenset("""
city town village settlement area region oblast district territory position positions line bridgehead
height heights hill airport port base plant station island peninsula bank
""".split())
# purposes and taskings: "tasked with capturing", "efforts to capture", "an attempt to seize"
_PURPOSE_NOUNS = frozenset("effort efforts attempt attempts aim goal objective task mission plan plans bid "
                           "opportunity opportunities "
                           "ability capability capacity difficulty duty".split())
_PURPOSE_VERBS = frozenset("task seek aim try attempt plan intend prepare want hope expect anticipate "
                           "fear predict need".split())
_RIOT_THINGS = frozenset("police policemen officers troops squad squads unit units gear shield shields control "
                         "helmets vans".split())
# verbs whose clausal complement is wished or planned, not told as done
_WANT_VERBS = frozenset("want wish hope expect need plan intend".split())
# whose body a body is when it tells of a death
_PEOPLE = frozenset("""
man woman child boy girl person civilian soldier fighter officer victim journalist resident farmer teenager
activist worker volunteer prisoner student driver mayor official priest doctor nurse
""".split())
_NOT_CAPTIVES = frozenset("world country economy market region process continent planet europe talks".split())
_MAYBE_WORDS = frozenset("any possible potential future eventual hypothetical draft proposed planned prospective "
                         "would-be".split())
# nouns of what may happen or is being drafted: "the likelihood of an offensive", "draft versions of a treaty"
_POSSIBLE_NOUNS = frozenset("""
likelihood possibility prospect prospects risk risks threat threats danger scenario scenarios chance chances
proposal proposals fear fears draft drafts version versions text terms copy copies choice choices option options
alternative alternatives anticipation expectation expectations
""".split())
# "The main agenda item was to agree on a cease-fire": a purpose stated with "be" and an infinitive
_AGENDA_NOUNS = frozenset("item agenda priority purpose idea point intention demand".split())
# what one engages in or with when it is fighting ("engaged in heavy fighting", "engaged with Russian forces");
# anything else is diplomacy or involvement ("engaged with world leaders", "engaged in regular conversations")
_ENGAGE_FIGHT = frozenset("""
fighting combat battle battles clash clashes firefight firefights hostilities skirmish skirmishes gunfight
gunfights exchange exchanges shootout force forces troops troop unit units enemy soldiers fighters militants
rebels army positions infantry
""".split())
# verbs of a diplomatic protest: "summoned the ambassador in strong protest", "lodged a protest"
_DIPLO_VERBS = frozenset("summon recall expel lodge send hand deliver file issue voice express register "
                         "convey".split())
# what troops reinforce: units, lines, a place (not "a view which the successes reinforced")
_REINFORCE_OBJECTS = frozenset("""
troop troops force forces unit units position positions garrison garrisons defence defences defense defenses
front line lines group grouping brigade brigades battalion battalions contingent contingents border flank
presence
""".split())
_NAME_ENTS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "PERSON", "FAC", "LAW"})
# the war itself named as a whole ("Russia's attack on Ukraine", "the invasion of Ukraine"): background, not a
# discrete event; it is one only where the sentence tells it starting ("launched an attack on Ukraine")
_WAR_NOUNS = frozenset("attack invasion aggression war assault".split())
_START_VERBS = frozenset("launch begin start mount carry conduct order unleash repel repulse".split())
# words that name the whole war ("its brutal, unprovoked attack on Ukraine"); a describing word ("Iran's massive
# attack on Israel", "the April 13 attack", "a drone attack") makes it one strike
_WAR_WORDS = frozenset("""
full-scale full scale brutal unprovoked illegal illegitimate ongoing continued continuing russian military war
barbaric criminal genocidal imperial imperialist bloody all-out unjustified senseless horrific terrible
aggressive wider wide large-scale
""".split())
_UNDER_WAY_VERBS = frozenset("begin start continue intensify escalate resume kill hit destroy damage".split())
# An agreement noun tells of an agreement made only where a verb makes, starts or keeps it ("signed a deal",
# "a UN-brokered deal", "the truce took effect", "the ceasefire held"); "the Minsk agreements", "complaints
# about the grain deal", "such agreements lay the foundations" name one in the background.
_AGREEMENT_NOUNS = frozenset("agreement agreements deal deals accord accords treaty treaties pact pacts memorandum "
                             "truce truces ceasefire ceasefires cease-fire cease-fires armistice".split())
_MAKING_VERBS = frozenset("""
sign reach conclude strike broker seal clinch agree finalize finalise approve ratify announce declare negotiate
secure forge hammer arrange mediate implement extend renew enter take hold begin start come accept endorse
initial agree establish observe violate break collapse expire end make cut do enact impose
""".split())
# a trigger naming a policy, not an act: "a targeted assassination programme", "the abduction law"
_POLICY_HEADS = frozenset("program programs programme programmes policy policies law laws doctrine list lists "
                          "unit units department".split())
# what is thwarted when weapons use is disrupted: "thwarted a drone attack", "foiled a bomb plot"
_DISRUPT_VERBS = frozenset("thwart foil disrupt prevent stop counter curb".split())
_DISRUPTED_THINGS = frozenset("""
attack attacks plot plots bomb bombs bombing bombings device devices drone drones missile missiles rocket rockets
strike strikes launch launches explosive explosives mine mines attempt attempts assault assaults sabotage ied
ieds raid raids shelling
""".split())
# what two parties agree to do together ("agreed to exchange prisoners"); one party agreeing to do anything else
# has decided, not reached an agreement ("the cabinet agreed to retaliate")
_BILATERAL_VERBS = frozenset("exchange swap trade meet negotiate talk resume open cease halt stop end hold "
                             "establish create extend restore sign implement form observe respect".split())
# "agreed on the need to ...": one mind about a view, not an agreement
_VIEW_NOUNS = frozenset("need necessity importance position assessment view principle goal priority "
                        "approach".split())
# a place is handed over; a text, a letter or an award is not
_HANDED_THINGS = frozenset("""
text letter resolution petition document documents award prize medal note report list keys key passport
passports certificate flag baton gift aid documents declaration copy copies
""".split())
# what is withdrawn from that is no territory: "withdraw from the initiative", "withdrawal from the treaty"
_LEFT_BODIES = frozenset("""
initiative agreement treaty deal talks format organisation organization group council alliance pact convention
framework project programme program negotiations accord arrangement coalition union body forum membership
tournament competition race election elections contest market markets league
""".split())
# closing a speech, a meeting or a session is no change of anyone's activity
_CLOSED_THINGS = frozenset("remark remarks speech address meeting session conference statement letter interview "
                           "article debate summit discussion".split())
# what is banned in sanctions (trade, travel, money): no change of a group's activity
_BANNED_TRADE = frozenset("""
transaction transactions import imports export exports trade flight flights entry sale sales purchase purchases
investment investments visa visas oil gas coal shipment shipments payment payments transfer transfers use
""".split())
# a habit told in the present ("rectors are appointed personally", "the government is routinely dissolved",
# "its forces regularly hold exercises"): no event
_HABIT_ADVERBS = frozenset("routinely usually typically normally traditionally generally often always regularly "
                           "customarily habitually".split())
# "the explosion of open war", "an explosion of anger": a figure of speech
_FIGURATIVE_OF = frozenset("""
war wars conflict violence anger rage protest protests growth interest popularity demand cases debate emotion
emotions creativity activity grief joy hatred
""".split())
# what one joins that is no group: "joined the staff meeting from the front"
_JOINED_EVENTS = frozenset("meeting call session talks conference summit discussion event ceremony conversation "
                           "briefing video broadcast panel debate celebration "
                           "range chorus list number countries nations states governments calls "
                           "rally rallies protest protests demonstration demonstrations march marches".split())
_INDEFINITE = frozenset("a an every any each".split())
# one person joining the armed forces (enlisting), a state joining an alliance or a body: membership, no armed
# group's activity changed ("the reporter joined the army", "Finland joined NATO")
_ENLISTED_IN = frozenset("army armies rank ranks military navy forces force legion brigade battalion regiment unit units "
                         "militia volunteers".split())
_MEMBER_BODIES = frozenset("alliance bloc union organization organisation coalition club convention court council "
                           "community".split())
_MEMBER_NAMES = frozenset("nato eu un wto oecd osce commonwealth eurozone schengen g7 g20 brics".split())
_PERSON_SUBJECTS = frozenset("he she i we you who".split())
# what a company or a ministry suspends or halts: a service, trade or business, no armed group's activity
_CIVIL_SUSPENDED = frozenset("""
service services operation operations flight flights sale sales export exports import imports trade production
business businesses work shipment shipments delivery deliveries payment payments issuance visa visas
""".split())
# deals that are no agreement between parties to a conflict
_CIVIL_DEALS = frozenset("bipartisan trade business commercial budget sponsorship licensing record book film "
                         "transfer".split())
_ARMED_WORDS = frozenset("military army armed combat security defence defense naval militia".split())
# people an embassy or a firm withdraws: no ground changes hands ("to withdraw some of their staff")
_WITHDRAWN_PEOPLE = frozenset("personnel staff staffers diplomats employees workers families family dependants "
                              "dependents ambassador ambassadors envoy envoys nationals citizens observers monitors "
                              "inspectors".split())
# what one fights that is no armed party: "an oppositionist fighting with the regime"
_FOUGHT_ABSTRACT = frozenset("""
regime corruption system disease cancer poverty injustice dictatorship censorship propaganda disinformation
inflation crisis odds bureaucracy tyranny oppression authoritarianism fascism racism
""".split())
# an agent noun names people, not what they did: "the liberators of Belarus who live abroad"
_AGENT_NOUNS = frozenset("liberator liberators occupier occupiers invader invaders conqueror conquerors".split())
# appointing a civilian official or a body is no change of an armed group's activity
_APPOINTED_CIVIL = frozenset("""
envoy minister ambassador secretary adviser advisor representative group task commission committee judge
prosecutor governor mayor spokesman spokeswoman spokesperson ombudsman director president chairman chairwoman
""".split())
# what is regained or lost that is no ground: "regained the ability to", "lost the initiative"
_ABSTRACT_GAINS = frozenset("ability initiative momentum confidence trust strength footing composure capacity "
                            "capability edge advantage upper hand".split())
# "a record of killing civilians": a habit or a history told, no event
_HABIT_NOUNS = frozenset("record history habit pattern practice tradition reputation".split())
# "daily reports of deadly shelling", "years of constant shelling": what went on, no one event told
_HABIT_ADJS = frozenset("daily nightly weekly constant regular routine frequent endless countless".split())
# "have fought for so long / for years": a struggle told over its whole length
_LONG_SPANS = frozenset("long years decades centuries generations ages".split())
# a retreat into these is a policy ("retreated to the international sidelines"), no ground given up
_FIGURATIVE_RETREAT = frozenset("sidelines sideline isolation isolationism background shell".split())
# "a clash of worlds / civilisations / values": a figure of speech
_CLASHING_IDEAS = frozenset("""
world worlds civilizations civilisations cultures values ideas interests visions narratives ideologies wills
personalities egos titans systems principles democracy democracies autocracy autocracies
""".split())
# a split of opinion ("a deeper split", "a growing split") is no armed group splitting
_SPLIT_DEGREES = frozenset("deep deeper deepest growing widening deepening bitter sharp public political "
                           "ideological generational".split())
# a weapon naming a thing: "its chemical weapons programme", "a missile factory", "missile components"
_WEAPON_THING_HEADS = frozenset("""
program programs programme programmes factory factories plant plants production component components
industry industries supplier suppliers manufacturer manufacturers convention ban treaty technology
technologies capability capabilities arsenal arsenals test tests defence defense system systems unit units
""".split())
# what "offensive" (the adjective) describes when it tells of fighting
_OFFENSIVE_HEADS = frozenset("operation operations action actions push drive attack attacks strike strikes assault "
                             "assaults effort efforts".split())
# what one party "agreed to" when it lets goods or money move: a decision, not an agreement between parties
_TRADE_NOUNS = frozenset("import imports export exports sale sales purchase purchases supply supplies delivery "
                         "deliveries shipment shipments transfer loan loans funding investment".split())
# works of art and craft: what they show is drawn, not reported ("a drawing of soldiers firing rockets")
_DEPICTION_NOUNS = frozenset("drawing drawings painting paintings cartoon cartoons mural murals sketch sketches "
                             "caricature caricatures poster posters illustration illustrations".split())
_DEPICT_VERBS = frozenset("draw paint sketch".split())
# a single party "agreed to" give, send or pay: a decision, not an agreement between parties
_DECIDE_VERBS = frozenset("send supply provide give deliver pay buy fund finance update extend increase lend sell "
                          "host train accept allocate release".split())


def _tokens(sent: SpacySpan, trigger: Span) -> list[Token]:
    doc = sent.doc
    span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    return list(span) if span is not None else []


def _headline(sent: SpacySpan) -> bool:
    """A title-case headline without a full stop: every word capitalised, so capitals name nothing."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return bool(words) and sum(t.text[:1].isupper() for t in words) >= 0.7 * len(words) and \
        not sent.text.rstrip().endswith((".", "!", "?", "”", '"'))


def _in_name(toks: list[Token], sent: SpacySpan) -> bool:
    """A title-case trigger inside a multi-word name ("Chemical Weapons Convention"), not a headline."""
    if not toks or not all(t.text[:1].isupper() and not t.is_upper for t in toks if t.is_alpha):
        return False
    if _headline(sent):
        return False  # a headline in title case ("Russian Missile Strike Kills 12 In Dnipro"), no full stop
    doc = sent.doc
    first, last = toks[0], toks[-1]

    def named(t: Token | None) -> bool:
        return t is not None and t.is_alpha and t.text[:1].isupper() and not t.is_upper and \
            t.i != sent.start and not t.is_sent_start

    before = doc[first.i - 1] if first.i > sent.start else None
    after = doc[last.i + 1] if last.i + 1 < sent.end else None
    if first.i == sent.start and not named(after):
        return False  # a sentence's first word is capitalised anyway
    if named(before) or named(after):
        return True
    # "Secretary General of the Pact": a name joined by "of"
    if before is not None and before.lower_ in {"of", "for"} and before.i - 1 >= sent.start:
        return named(doc[before.i - 1])
    return False


# bodies named after protest: "protest groups", "the protest movement" (its protests are told by other words)
_PROTEST_BODIES = frozenset("group movement leader organiser organizer committee party camp".split())
# who marches without protesting
_ARMED_MARCHERS = frozenset("""
soldier troop paratrooper infantryman rifleman marine army column regiment battalion brigade division company
platoon unit force legion convoy recruit conscript veteran cadet guard
""".split())
# verbs whose object is a topic of talk or thought, not a deed told: "emphasised the liberation of Crimea",
# "discussed a counteroffensive" (not "confirmed", "condemned", "reported": they take the deed as done)
_TOPIC_VERBS = frozenset("emphasize emphasise stress discuss debate propose advocate envisage envision "
                         "contemplate consider imagine demand request favor favour prioritize prioritise".split())


def _verb_sense_ok(t: Token, sub: str) -> bool:
    deps = {c.dep_ for c in t.children}
    lemma = t.lemma_.lower()
    if lemma == "exercise":
        return not deps & {"dobj", "nsubjpass"}  # "exercise its leverage", "the right was exercised"
    if lemma == "announce" and sub == "Change to group/activity":
        # announcing is not itself a change; the change announced is ("announced the stationing of a brigade")
        objs = [c for c in t.children if c.dep_ == "dobj"]
        return any(o.lemma_.lower() in _CHANGE_NOUNS for o in objs)
    if lemma == "agree" and sub == "Agreement":
        if t.dep_ in {"amod"}:
            return False  # "no agreed limits"
        if "ccomp" in deps:
            return False  # "agreed (that) the target was outdated"
        if any(c.dep_ == "prep" and c.lower_ == "with" for c in t.children) and \
                not any(c.dep_ in {"dobj", "xcomp"} or (c.dep_ == "prep" and c.lower_ in {"on", "to"})
                        for c in t.children):
            return False  # "agreed with Zelensky's assessment" (not "agreed on a corridor with Russia")
        plural = any(c.dep_ in {"nsubj", "nsubjpass"} and (any(g.dep_ == "conj" for g in c.children) or
                                                           c.lower_ in {"they", "both", "sides", "parties"})
                     for c in t.children)
        with_other = any(c.dep_ == "prep" and c.lower_ == "with" for c in t.children)
        xcomps = [c for c in t.children if c.dep_ == "xcomp"]
        if xcomps and not plural and not with_other and \
                (any(c.lemma_.lower() in _DECIDE_VERBS for c in xcomps) or
                 not any(c.lemma_.lower() in _BILATERAL_VERBS for c in xcomps)):
            return False  # "the US agreed to send 31 tanks", "the cabinet agreed to retaliate": a decision
        if any(c.dep_ == "prep" and c.lower_ == "on" and
               any(g.dep_ == "pobj" and g.lemma_.lower() in _VIEW_NOUNS for g in c.children) for c in t.children):
            return False  # "agreed on the necessity to keep supporting Kyiv": of one mind
        if not plural and not with_other and any(
                c.dep_ == "prep" and c.lower_ == "to" and
                any(g.dep_ == "pobj" and g.lemma_.lower() in _TRADE_NOUNS for g in c.children) for c in t.children):
            return False  # "the ministry agreed to the sale of its grain": one side's decision to trade
        return True
    if lemma == "protest" and sub in _PROTEST_SUBS:
        return "ccomp" not in deps  # "Poland protested (that) it was under attack": a diplomatic protest
    if lemma == "march" and sub in _PROTEST_SUBS:
        marchers = [c for c in t.children if c.dep_ in {"nsubj", "compound"}] + \
            ([t.head] if t.dep_ == "acl" else [])
        if any(m.lemma_.lower() in _ARMED_MARCHERS for m in marchers):
            return False  # "a paratrooper marching in the snow", "columns of troops marched west": no protest
    if lemma == "engage":
        # "engaged with world leaders", "more deeply engaged in the war": diplomacy or involvement, no fighting
        objs = [g for c in t.children if c.dep_ == "prep" and c.lower_ in {"with", "in"}
                for g in c.children if g.dep_ == "pobj"]
        if objs and not any(o.lemma_.lower() in _ENGAGE_FIGHT or o.lower_ in _ENGAGE_FIGHT or
                            o.ent_type_ in {"NORP", "GPE"} for o in objs):
            return False
    if _habit_adverb(t) and t.tag_ in {"VBZ", "VBP", "VBN"} and \
            not any(c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBD" for c in t.children):
        return False  # "is routinely dissolved", "regularly hold exercises": a habit in the present
    if lemma == "appoint" and sub == "Change to group/activity" and \
            any(x.lemma_.lower() in _APPOINTED_CIVIL for c in t.children if c.dep_ in {"dobj", "nsubjpass", "oprd", "xcomp",
                                                                                        "prep", "attr"}
                for x in c.subtree):
        return False  # "appointed Kerry to be the special envoy", "appointed the task group"
    if lemma in {"regain", "gain", "lose", "seize", "retake"} and sub in _TERRITORY_SUBS and \
            any(c.dep_ == "dobj" and (c.lemma_.lower() in _ABSTRACT_GAINS or c.lower_ in _ABSTRACT_GAINS)
                for c in t.children):
        return False  # "regained the ability to conduct campaigns", "seized the initiative"
    if sub == "Change to group/activity" and t.dep_ in {"acl", "amod"} and t.tag_ == "VBN" and \
            t.head.pos_ == "NOUN" and t.head.lemma_.lower() not in _REINFORCE_OBJECTS and \
            t.head.ent_type_ not in {"GPE", "LOC", "FAC", "ORG", "NORP"}:
        return False  # "hallways fortified with sandbags": a thing described, no group's activity changed
    if lemma == "join" and any(c.dep_ == "dobj" and c.lemma_.lower() in _JOINED_EVENTS for c in t.children):
        return False  # "joined the staff meeting from the front"
    if lemma in {"stab", "knife"} and any(c.dep_ == "prep" and c.lower_ == "in" and
                                         any(g.dep_ == "pobj" and g.lower_ == "back" for g in c.children)
                                         for c in t.children):
        return False  # "stabbing the young republic in the back": a betrayal, no knife attack
    if lemma == "fight" and t.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ == "who" for c in t.children) \
            and not any(x.ent_type_ in {"DATE", "TIME"} for x in t.subtree):
        return False  # "children of soldiers who fought in the war", "those who have fought bravely": people described
    if lemma == "fight" and t.tag_ == "VBN" and \
            any(c.dep_ == "aux" and c.lower_ in {"have", "has", "'ve"} for c in t.children) and \
            any(c.dep_ == "prep" and c.lower_ == "for" and
                any(g.lower_ in _LONG_SPANS for g in c.subtree) for c in t.children) and \
            not any(x.ent_type_ in {"DATE", "TIME"} for x in t.subtree):
        return False  # "the freedom for which they have fought for so long": a long struggle, no battle told
    if lemma == "retreat" and any(c.dep_ == "prep" and c.lower_ in {"to", "into"} and
                                  any(g.dep_ == "pobj" and g.lower_ in _FIGURATIVE_RETREAT for g in c.children)
                                  for c in t.children):
        return False  # "we retreated to the international sidelines": a policy, no ground given up
    if lemma == "join" and sub == "Change to group/activity" and _membership(t):
        return False  # "the reporter joined the army ranks", "Finland joined NATO in April"
    if lemma in {"suspend", "halt"} and sub == "Change to group/activity" and any(
            c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in _CIVIL_SUSPENDED and
            not any(g.dep_ in {"amod", "compound"} and g.lower_ in _ARMED_WORDS | {"offensive", "combat"}
                    for g in c.children) for c in t.children):
        return False  # "card companies suspended operations in the country", "suspending consular services"
    if lemma == "fight" and any(c.dep_ == "prep" and c.lower_ in {"with", "against"} and
                                any(g.dep_ == "pobj" and g.lemma_.lower() in _FOUGHT_ABSTRACT for g in c.children)
                                for c in t.children):
        return False  # "an oppositionist fighting with the regime"
    if sub in _TERRITORY_SUBS and lemma in {"withdraw", "pull"} and \
            not any(c.dep_ in {"dobj", "prt"} or c.dep_ == "prep" and c.lower_ in {"from", "to", "toward", "towards",
                                                                                    "into", "across", "behind"}
                    for c in t.children) and \
            any(c.dep_ == "nsubj" and (c.ent_type_ == "PERSON" or c.lower_ in {"he", "she"}) for c in t.children):
        return False  # "he withdrew due to the requirements": a candidate, not troops
    if lemma in _DISRUPT_VERBS and sub == "Disrupted weapons use":
        objs = [c for c in t.children if c.dep_ in {"dobj", "nsubjpass"}]
        if objs and not any(o.lemma_.lower() in _DISRUPTED_THINGS or o.lower_ in _DISRUPTED_THINGS or
                            any(g.lower_ in _DISRUPTED_THINGS for g in o.children if g.dep_ == "compound")
                            for o in objs):
            return False  # "to thwart Russian interference": no weapon stopped
    if sub in _TERRITORY_SUBS and lemma == "hand":
        objs = [c for c in t.children if c.dep_ in {"dobj", "nsubjpass"}]
        if any(o.lemma_.lower() in _HANDED_THINGS or o.lower_ in _HANDED_THINGS for o in objs):
            return False  # "handed over the text of the resolution to the envoy"
    if sub in _TERRITORY_SUBS and lemma in {"withdraw", "pull", "evacuate", "recall"} and \
            any(c.dep_ in {"dobj", "nsubjpass"} and any(_civil_people(g) for g in c.subtree) for c in t.children):
        return False  # "embassies began to withdraw some of their staff": people leave, no ground changes hands
    if sub in _TERRITORY_SUBS and lemma in {"withdraw", "pull", "exit", "leave", "quit"}:
        left = [g for c in t.children if c.dep_ == "prep" and c.lower_ in {"from", "of", "out"}
                for g in c.subtree if g.dep_ == "pobj"][:1]
        if lemma in {"exit", "leave", "quit"}:
            left = left or [c for c in t.children if c.dep_ == "dobj"]
        if left and _left_body(left[0]):
            return False  # "the first state to withdraw from the cooperation initiative"
    if lemma == "close" and sub == "Change to group/activity" and \
            any(c.dep_ == "prt" and c.lower_ in {"in", "on"} for c in t.children):
        return False  # "had closed in on the city": an advance, not a closure
    if lemma == "close" and any(c.dep_ == "dobj" and c.lemma_.lower() in _CLOSED_THINGS for c in t.children):
        return False  # "closed his remarks with a claim"
    if lemma == "ban" and sub == "Change to group/activity" and \
            any(c.dep_ in {"dobj", "nsubjpass"} and (c.lemma_.lower() in _BANNED_TRADE or c.lower_ in _BANNED_TRADE)
                for c in t.children):
        return False  # "banned transactions with sanctioned entities": sanctions, no group's activity
    if lemma == "rally" and sub in _PROTEST_SUBS and \
            any(c.dep_ == "dobj" or c.dep_ in {"ccomp", "xcomp"} and any(g.dep_ == "aux" and g.lower_ == "to"
                                                                            for g in c.children)
                for c in t.children):
        return False  # "to rally international support", "rallied his troops": gathering, not a protest
    if lemma == "reinforce":
        obj = next((c for c in t.children if c.dep_ in {"dobj", "nsubjpass"}), None)
        if (obj is None or obj.pos_ == "PRON") and t.dep_ in {"relcl", "acl"} and t.head.pos_ == "NOUN" and \
                (obj is not None or any(c.dep_ == "nsubj" and c.lower_ not in {"which", "that", "who"}
                                        for c in t.children)):
            obj = t.head  # "a view which the successes only reinforced", "a belief that every victory reinforced"
        if obj is not None and obj.lemma_.lower() not in _REINFORCE_OBJECTS and \
                obj.lower_ not in _REINFORCE_OBJECTS and obj.ent_type_ not in {"GPE", "LOC", "FAC", "ORG", "NORP"}:
            return False
    if lemma == "fall" and sub in _TERRITORY_SUBS and \
            any(c.dep_ in {"nsubj", "expl"} and c.lower_ == "it" for c in t.children):
        # "it fell to the new president to harness the outrage": an idiom (a second "to" before a verb), not
        # "it fell to Russian forces (to the north)"
        doc = t.doc
        tos = [x for x in doc[t.i + 1:min(t.sent.end, t.i + 12)] if x.lower_ == "to"]
        if len(tos) >= 2 and tos[1].i + 1 < t.sent.end and \
                doc[tos[1].i + 1].pos_ not in {"DET", "PROPN", "NUM", "PRON"} and doc[tos[1].i + 1].is_lower:
            return False
    if lemma == "demonstrate" and sub in _PROTEST_SUBS:
        # "must demonstrate, through deeds, that it has changed": showing, not protesting (the small model may
        # hang the that-clause on the verb "demonstrate" is a conjunct of)
        later = [c for c in t.head.children if c.i > t.i] if t.dep_ == "conj" else []
        if any(c.dep_ in {"ccomp", "dobj"} for c in t.children) or \
                any(c.dep_ in {"ccomp", "conj"} and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                    for c in later):
            return False
    if lemma == "push" and sub in _TERRITORY_SUBS:
        return not any(c.dep_ == "prep" and c.lower_ == "against" for c in t.children)
    if lemma == "sign" and sub == "Agreement":
        if any(c.dep_ == "prt" and c.lower_ == "up" for c in t.children):
            return False  # "signed up for passports"
        objs = [c for c in t.children if c.dep_ in {"dobj", "nsubjpass"}]
        if not objs and t.dep_ in {"acl", "relcl", "amod"}:
            # "the aid package Biden signed": the thing signed stands before its signer (and the small model
            # may hang the clause on the signer), so read the nouns just before the verb
            doc = t.doc
            objs = [x for x in doc[max(t.sent.start, t.i - 6):t.i] if x.pos_ == "NOUN"]
        return not any(o.lemma_.lower() in _SIGNED_NOT_AGREEMENT for o in objs)
    return True


def _membership(t: Token) -> bool:
    """``t`` ("join") tells one person enlisting or a state becoming a member of an alliance or a body."""
    subjects = [c for c in t.children if c.dep_ == "nsubj"]
    if not subjects and t.dep_ == "relcl":
        subjects = [t.head]  # "a reporter who joined the army": the noun the clause hangs on
    if not subjects:
        return False
    subj = subjects[0]
    if subj.lower_ == "who" and t.dep_ == "relcl":
        subj = t.head
    # what was joined: the words of the object phrase right after the verb (the small model may read
    # "the army ranks" as a clause with the verb "ranks")
    joined: list[Token] = []
    for x in t.doc[t.i + 1:min(t.sent.end, t.i + 6)]:
        if x.pos_ in {"ADP", "PUNCT", "CCONJ", "SCONJ", "AUX"} or x.like_num:
            break
        joined.append(x)
    words = {x.lower_ for x in joined}
    person = subj.ent_type_ == "PERSON" or subj.lower_ in _PERSON_SUBJECTS or subj.lemma_.lower() in _PEOPLE or \
        subj.lemma_.lower() in {"reporter", "correspondent", "photographer", "son", "daughter", "brother", "father",
                                "husband", "teacher", "engineer", "lawyer", "writer", "singer", "actor", "athlete"}
    state = subj.ent_type_ == "GPE" or subj.lemma_.lower() in {"country", "state", "nation", "republic"}
    return bool(person and words & _ENLISTED_IN or state and words & _MEMBER_BODIES or
                not person and words & _MEMBER_NAMES)


def _made(t: Token) -> bool:
    """An agreement noun made, started or kept by a verb: its governor (through conjuncts and "of"), a
    participle modifying it ("a UN-brokered deal"), or the verb it is the subject of ("the truce held")."""
    if any(c.dep_ in {"amod", "acl", "relcl"} and c.lemma_.lower() in _MAKING_VERBS for c in t.children):
        return True
    if any(c.dep_ == "prep" and any(g.ent_type_ == "DATE" for g in c.children) for c in t.children) or \
            any(c.ent_type_ == "DATE" and c.dep_ in {"npadvmod", "compound", "nmod"} for c in t.children):
        return True  # "a ceasefire agreement in 2015": made then
    node = t
    for _ in range(4):
        head = node.head
        if head is node:
            return False
        if head.pos_ in {"VERB", "AUX"}:
            return head.lemma_.lower() in _MAKING_VERBS or \
                any(c.dep_ == "prt" and c.lower_ in {"up", "out"} for c in head.children)
        if node.dep_ in {"conj", "pobj", "prep", "compound", "appos"} or head.lower_ in {"of", "on", "to"}:
            node = head
            continue
        return False
    return False


def _left_body(t: Token) -> bool:
    """What is withdrawn from is a body or an accord, not ground: "the initiative", "the treaty", an organisation
    the tagger names (never a place it names)."""
    return t.ent_type_ not in {"GPE", "LOC", "FAC"} and \
        (t.lemma_.lower() in _LEFT_BODIES or t.ent_type_ in {"ORG", "EVENT", "LAW"})


def _whole_country_object(t: Token) -> bool:
    """The noun's "on/of/against X" names a whole country ("attack on Ukraine", "invasion of Ukraine")."""
    from .actors import load_actor_tables

    names = load_actor_tables().adjectives
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ in {"on", "of", "against", "in"}:
            for g in c.children:
                if g.dep_ == "pobj" and g.ent_type_ == "GPE" and g.text[:1].isupper() and \
                        g.lower_ in names and not any(x.dep_ in {"compound", "amod"} for x in g.children):
                    return True
    return False


def _noun_sense_ok(t: Token, sub: str) -> bool:
    head = t.head
    lemma = t.lemma_.lower()
    if any(c.dep_ == "det" and c.lower_ == "no" for c in t.children) or \
            t.dep_ == "conj" and any(c.dep_ == "det" and c.lower_ == "no" for c in t.head.children):
        return False  # "no attacks were reported", "no clever deal", "there was no fighting or shelling"
    if t.dep_ == "compound" and head.lemma_.lower() in _POLICY_HEADS:
        return False  # "a targeted assassination programme": a policy, not an act
    if lemma in _WAR_NOUNS and _whole_country_object(t) and \
            all(c.lower_ in _WAR_WORDS for c in t.children if c.dep_ in {"amod", "compound", "nummod"}) and \
            not (t.dep_ in {"dobj", "nsubjpass"} and head.lemma_.lower() in _START_VERBS) and \
            not (t.dep_ == "nsubj" and head.lemma_.lower() in _UNDER_WAY_VERBS):
        return False  # "Russia's attack on Ukraine is a flashpoint": the war named, no event told
    if lemma == "deal" and any(c.lower_ in {"great", "good"} for c in t.children):
        return False  # "a great deal rests on it"
    if lemma == "deal" and sub == "Agreement" and \
            any(c.dep_ in {"amod", "compound"} and c.lower_ in _CIVIL_DEALS for c in t.children):
        return False  # "a bipartisan deal to pass the bill", "a trade deal": no deal between warring parties
    if lemma == "body":
        # "the body of a soldier": a death; "the organising body of the celebrations", "the body of the
        # ministry responsible for ...": an organisation
        of = [c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"]
        owners = [g for c in of for g in c.children if g.dep_ == "pobj"]
        if not of:
            return True
        return any(o.ent_type_ == "PERSON" or o.pos_ == "PRON" or o.lemma_.lower() in _PEOPLE for o in owners)
    if lemma == "hostage" and t.head.lemma_.lower() == "hold" and t.head.i < t.i:
        held = t.doc[t.head.i + 1:t.i]
        if any(x.lemma_.lower() in _NOT_CAPTIVES for x in held):
            return False  # "holds the world hostage to hunger": a figure of speech
    if lemma == "arrest" and (t.dep_ == "dobj" and head.lemma_.lower() in {"issue", "order", "seek", "request"} or
                              t.dep_ == "compound" and head.lemma_.lower() in {"warrant", "order"} or
                              any(c.dep_ == "compound" and c.lemma_.lower() == "warrant" for c in t.children)):
        return False  # "has issued arrests of many politicians", "an arrest warrant": an order, no one held
    if lemma == "clash" and any(c.dep_ == "prep" and c.lower_ in {"of", "between"} and
                                any(g.dep_ == "pobj" and g.lower_ in _CLASHING_IDEAS for g in c.children)
                                for c in t.children):
        return False  # "a clash of worlds", "a clash between the free world and ...": a figure, no fight
    if lemma == "split" and sub == "Change to group/activity" and \
            any(c.dep_ == "amod" and c.lower_ in _SPLIT_DEGREES for c in t.children):
        return False  # "the invasion caused a deeper split": opinion divided, no group split
    if lemma == "ultimatum":
        return False  # a demand with a threat: nothing has happened yet
    if sub in _TERRITORY_SUBS and (lemma in _AGENT_NOUNS or t.lower_ in _AGENT_NOUNS):
        return False  # "the liberators of Belarus who live abroad": people named, no place taken
    if lemma in {"explosion", "outbreak", "eruption"} and any(
            c.dep_ == "prep" and c.lower_ == "of" and
            any(g.dep_ == "pobj" and g.lemma_.lower() in _FIGURATIVE_OF for g in c.children) for c in t.children):
        return False  # "the explosion of open war in Europe galvanized the alliance"
    if lemma == "demonstration" and sub in _PROTEST_SUBS and \
            any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children):
        return False  # "a demonstration of how the war echoes in Asia", "a demonstration of force"
    if sub == "Non-violent transfer of territory" and lemma == "withdrawal":
        left = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.children
                if g.dep_ == "pobj"]
        if left and _left_body(left[0]):
            return False  # "its withdrawal from the treaty"
    if lemma == "protest" and sub in _PROTEST_SUBS:
        node = t
        for _ in range(3):  # "summoned the ambassador in strong protest", "lodged a formal protest"
            if node.dep_ in {"pobj", "prep", "dobj", "conj"} and node.head is not node:
                node = node.head
                if node.pos_ == "VERB" and node.lemma_.lower() in _DIPLO_VERBS:
                    return False
                continue
            break
    if t.lemma_.lower() == "riot" and (t.dep_ == "compound" or t.i + 1 < len(t.doc) and
                                       t.doc[t.i + 1].lower_ in _RIOT_THINGS):
        return False  # "riot control agents", "riot police": a kind of thing (whatever the parse made of it)
    if sub == "Change to group/activity" and t.lower_ in _DRILL_NOUNS:
        node = t
        while node.dep_ in {"pobj", "prep", "conj", "compound"} and node.head is not node:
            node = node.head
            if node.lemma_.lower() == "part":
                return True  # "as part of military drills": drills under way
        verb = node.head if node.dep_ in {"dobj", "nsubjpass", "nsubj"} else node
        if verb.tag_ in {"VBZ", "VBP"} and _habit_adverb(verb):
            return False  # "its forces regularly hold exercises": a habit, not this week's drills
        return verb.pos_ == "VERB" and verb.lemma_.lower() in _HOLD_VERBS
    if sub == "Agreement" and (lemma in _AGREEMENT_NOUNS or t.lower_ in _AGREEMENT_NOUNS) and not _made(t):
        return False  # "the so-called Minsk agreements", "complaints about the grain deal"
    if sub == "Agreement":
        if t.dep_ == "appos":
            return False  # "the Vienna document, an international agreement intended to ..."
        if t.dep_ == "pobj" and head.lower_ == "in" and not any(c.dep_ == "det" for c in t.children):
            return False  # "in agreement"
    if sub in _WEAPON_SUBS:
        # walk up through compounds, conjuncts and prepositions to the verb the weapon depends on
        if any(c.dep_ == "relcl" and c.lemma_.lower() in _HAVE_VERBS for c in t.children):
            return False  # "the artillery we have sent enhanced their defence"
        node = t
        for _ in range(8):  # long lists: "missiles, helicopters, drones, grenade launchers"
            if node.pos_ in {"VERB", "AUX"} or node.head is node:
                break  # the first verb above the weapon is the one it depends on
            if node.dep_ in {"compound", "conj", "appos", "pobj", "prep", "amod", "nmod"}:
                node = node.head
                if node.lower_ in {"including", "with"} and node.dep_ == "prep" and node.head.pos_ == "NOUN":
                    return False  # "hardware ..., including shoulder-fired grenades"
                if node.lower_ == "as" and node.i > 0 and node.doc[node.i - 1].lower_ == "such":
                    return False  # "existing missiles, such as the Type 9 surface-to-air missile": a kind
                if node.pos_ == "NOUN" and node.lemma_.lower() in _HAVE_NOUNS:
                    return False  # "its stockpile of precision missiles"
                continue
            break
        verb = node.head if node.dep_ in {"dobj", "nsubjpass", "nsubj", "attr"} else node
        for _ in range(3):
            if verb.pos_ in {"VERB", "AUX"} and verb.lemma_.lower() in _HAVE_VERBS:
                return False
            if verb.dep_ != "conj" or verb.head is verb:
                break
            verb = verb.head  # "include air bombs, warheads for missiles ...": a list the parser split
        head = t
        while head.dep_ in {"compound", "amod"} and head.head is not head and head.head.i > head.i:
            head = head.head
        if head is not t and head.lemma_.lower() in _WEAPON_THING_HEADS:
            return False  # "its chemical weapons programmes", "a missile factory"
    return True


def reports_event(sent: SpacySpan, trigger: Span, sub: str) -> bool:
    """False when the trigger word, read in its parsed sentence, tells of no event of sub-type ``sub``."""
    toks = _tokens(sent, trigger)
    if not toks:
        return True
    if _in_name(toks, sent):
        return False
    if all(t.text[:1].isupper() and not t.is_upper and not t.is_sent_start and t.ent_type_ in _NAME_ENTS
           for t in toks if t.is_alpha) and any(t.is_alpha for t in toks) and not _headline(sent):
        return False  # "BP, Shell and Chevron": a company (or a work, a product) named like a trigger word
    doc = sent.doc
    first = toks[0]
    if first.i > sent.start and doc[first.i - 1].text == "-" and not doc[first.i - 1].whitespace_:
        return False  # "the Russian-appointed head": part of a compound adjective
    text = doc_text(doc)  # doc.text rebuilds the string from every token on each access
    line_start = text.rfind("\n", 0, trigger.start) + 1
    line_end = text.find("\n", trigger.end)
    line = text[line_start:line_end if line_end != -1 else len(text)]
    if len(re.findall(r"[^\W\d_]+", line)) == 1:
        return False  # a one-word section heading ("Mobilization"): a topic, not a report
    objective = re.search(r"\((?:[A-Z][\w-]* )?objective:", line)
    if objective is not None and trigger.end <= line_start + objective.start():
        return False  # "Recruitment Drives (Rebel objective: ...)": the title of a report's section
    if first.lower_ == "protest" and first.dep_ == "compound" and first.head.lemma_.lower() in _PROTEST_BODIES:
        return False  # "protest groups have formed": who protests, not a protest
    if first.lower_ == "closed" and first.dep_ == "amod" or \
            sub == "Change to group/activity" and first.dep_ == "amod" and len(toks) == 1 and \
            (first.tag_ == "VBN" or first.lower_.endswith("ed")):
        return False  # "this closed meeting of the council", "hundreds of mobilized recruits": a kind
    last = toks[-1]
    if last.idx + len(last.text) > trigger.end and text[trigger.end:last.idx + len(last.text)].isalpha() and \
            len(toks) == 1:
        return False  # "firefighters" is no "firefight": the trigger is only the start of a longer word
    if first.lower_.startswith("demonstrat") and first.pos_ != "NOUN":
        # protesters demonstrate (in, against, outside ...); a state demonstrates its ability
        nxt = doc[first.i + 1] if first.i + 1 < sent.end else None
        if nxt is not None and nxt.lower_ not in _PROTEST_NEXT and not nxt.is_space:
            return False
    if not sent.doc.has_annotation("DEP"):
        return True
    root = min(toks, key=lambda t: (t.head in toks, t.i)) if len(toks) > 1 else toks[0]
    for t in toks:  # the content word the trigger is about ("attack on": attack)
        if t.pos_ in {"VERB", "NOUN", "PROPN"}:
            root = t
            break
    if sub == "Change to group/activity" and root.lemma_.lower() in {"announce", "announced"} and \
            root.pos_ != "VERB":
        return False  # "the announced results": a thing announced, no change of a group's activity
    if root.lower_ == "offensive" and root.pos_ == "ADJ" and root.head.lemma_.lower() not in _OFFENSIVE_HEADS:
        return False  # "an offensive campaign assessment", "offensive weapons"; not "offensive operations"
    if root.pos_ == "ADJ" and root.lower_.endswith("ive") and not root.lower_.endswith("offensive") and \
            sub not in _WEAPON_SUBS:
        return False  # "cruel, repulsive and senseless": an adjective of judgement, no fight repulsed
    if sub in _TERRITORY_SUBS and root.pos_ == "VERB" and root.tag_ == "VBN" and root.dep_ in {"acl", "amod"} and \
            any(c.dep_ == "prep" and c.lower_ == "since" for c in root.children):
        return False  # "regions captured by Russian forces since 2022": who holds them, no capture told
    if sub == "Agreement" and root.lemma_.lower() == "break":
        return False  # "to break up the West": no agreement
    if sub in _TERRITORY_SUBS and root.pos_ == "VERB" and root.dep_ in {"acl", "amod"} and \
            root.head.pos_ == "NOUN" and root.head.ent_type_ not in {"GPE", "LOC", "FAC"} and \
            root.head.lemma_.lower() not in _PLACE_HEADS:
        return False  # "equipment captured from Ukrainian forces": a thing described, no place taken
    node = root
    for _ in range(4):  # "a record of killing civilians", "a history of shelling villages": a habit told
        if node.dep_ not in {"pcomp", "pobj", "amod", "compound", "conj"} or node.head is node:
            break
        node = node.head
        if node.lower_ == "of" and node.head.lemma_.lower() in _HABIT_NOUNS:
            return False
        if node.lower_ == "of" and node.head.pos_ == "NOUN" and node.head.tag_ == "NNS" and \
                any(c.dep_ == "amod" and c.lower_ in _HABIT_ADJS for c in node.head.children):
            return False  # "daily reports of deadly shelling": what went on day after day
        if node.lower_ == "of" and _depiction(node.head):
            return False  # "her son painted a picture of tanks shelling a school": a picture, no report
    if _generic_present(root):
        return False  # "a shell that hits the schoolyard": what happens in general, not a report
    if root.pos_ == "VERB":
        return _verb_sense_ok(root, sub)
    if root.pos_ in {"NOUN", "PROPN"} or \
            root.pos_ == "ADJ" and root.dep_ == "amod" and sub in _WEAPON_SUBS and root.head.pos_ == "NOUN":
        # the tagger reads some weapon nouns before a noun as adjectives ("airstrike capabilities")
        return _noun_sense_ok(root, sub)
    return True


def _habit_adverb(v: Token) -> bool:
    """``v`` carries an adverb of habit ("routinely", "regularly"): with a present tense, a habit is told."""
    return any(c.dep_ == "advmod" and c.lower_ in _HABIT_ADVERBS for c in v.children)


def _generic_present(t: Token) -> bool:
    """An indefinite thing with a present-tense relative clause: "a shell that hits it", "every missile that
    strikes a city" — the trigger is the thing or the relative clause's verb."""
    def simple_present(v: Token) -> bool:
        return v.tag_ in {"VBZ", "VBP"} and not any(c.dep_ in {"aux", "auxpass"} for c in v.children)

    if t.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in t.children):
        return any(c.dep_ == "relcl" and simple_present(c) for c in t.children)
    if t.pos_ == "VERB" and t.dep_ == "relcl" and simple_present(t):
        return any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in t.head.children)
    return False


def _civil_people(t: Token) -> bool:
    """``t`` names staff, diplomats or families, not an armed group's men ("all Wagner personnel")."""
    if t.lower_ not in _WITHDRAWN_PEOPLE and t.lemma_.lower() not in _WITHDRAWN_PEOPLE:
        return False
    return not any(c.dep_ in {"compound", "amod"} and (c.lower_ in _ARMED_WORDS or c.ent_type_ in {"ORG", "NORP"})
                   for c in t.children)


def _depiction(t: Token) -> bool:
    """``t`` is a work of art or craft (a drawing, a poster), or a picture someone drew or painted."""
    lemma = t.lemma_.lower()
    if lemma in _DEPICTION_NOUNS:
        return True
    return lemma in {"picture", "image"} and t.dep_ == "dobj" and t.head.lemma_.lower() in _DEPICT_VERBS


_OBJECTIVE = re.compile(r"\b(?:objectives?|goals?|aims?|intent|mission|tasks?)\s*:[^.;)\]]*$", re.IGNORECASE)


def _wh_infinitive(t: Token) -> bool:
    """``t`` is the infinitive of a wh-phrase: "which bit of the line to reinforce", "where to attack",
    "whether to withdraw" (no verb between the wh-word and "to"; not "forces, which continued to shell")."""
    to = next((c for c in t.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is None:
        return False
    doc = t.doc
    for j in range(to.i - 1, max(t.sent.start, to.i - 9) - 1, -1):
        x = doc[j]
        if x.tag_ in {"WDT", "WP", "WRB"} or x.lower_ == "whether":
            return True
        if x.pos_ in {"VERB", "AUX"} or x.is_punct and x.text != "-":
            return False
    return False


# verbs whose infinitive of purpose tells what was done with them ("used drones to strike"), verbs whose
# object was made to act ("forced them to retreat"), and adjectives of ability: the infinitive happened
_DONE_WITH = frozenset("use employ exploit leverage take force compel oblige make let see watch observe hear "
                       "manage continue begin start resume fail prompt cause lead".split())
# an infinitive of these opens what its object names ("to launch an offensive"; not "to support offensive
# operations", which are under way); "fired into the air to disperse them": the dispersal is the deed
_OPEN_VERBS = frozenset("launch conduct begin start mount stage carry resume unleash undertake initiate "
                        "execute commit".split())
_MEANS_ARE_DEEDS = frozenset({"disperse"})
_READY_ADJS = frozenset("ready prepared willing eager determined keen poised set".split())


def _purpose_infinitive(v: Token) -> bool:
    """``v`` is an infinitive that tells a purpose, a readiness or what another was made ready for, not a
    deed: "closed in to arrest him", "training the army to launch a counteroffensive", "arming them to
    retake the region", "is ready to conduct an offensive". Not "continued to shell", "were forced to
    withdraw", "used drones to strike", "the first to enter", "only to be pushed back"."""
    if v.pos_ != "VERB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
        return False
    if any(c.lower_ == "only" for c in v.children) or v.i > 1 and v.doc[v.i - 2].lower_ == "only":
        return False  # "..., only to be pushed back": a result
    head = v.head
    lemma = head.lemma_.lower()
    if v.dep_ == "advcl" and head.pos_ in {"VERB", "AUX"}:
        return lemma not in _DONE_WITH
    if v.dep_ == "xcomp" and head.pos_ == "VERB":
        return lemma not in _DONE_WITH and any(c.dep_ == "dobj" for c in head.children)
    if v.dep_ == "xcomp" and head.pos_ == "ADJ":
        return lemma in _READY_ADJS
    return False


def intended(sent: SpacySpan, trigger: Span) -> bool:
    """True when the trigger is a purpose, a tasking or a mere possibility: "tasked their troops with
    capturing", "efforts to capture", "an attempt to seize", "a possible attack", "any attack on", and a
    stated objective ("(Russian objective: Capture the entirety of Donetsk Oblast)", in every ISW assessment)."""
    before = sent.text[:trigger.start - sent.start_char] if sent.start_char <= trigger.start else ""
    if _OBJECTIVE.search(before[-300:]):
        return True
    toks = _tokens(sent, trigger)
    if not toks or not sent.doc.has_annotation("DEP"):
        return False
    heads = [x for x in toks if x.head not in toks or x.head is x]  # "peace treaty": treaty; "cease-fire": fire
    t = next((x for x in heads if x.pos_ in {"VERB", "NOUN"}),
             next((x for x in toks if x.pos_ in {"VERB", "NOUN"}), toks[0]))
    if t.pos_ == "ADJ" and t.dep_ == "amod":
        t = t.head  # "a possible future offensive operation": the noun "offensive" describes
    if any(c.dep_ in {"det", "amod", "compound"} and c.lower_ in _MAYBE_WORDS for c in t.children):
        return True
    if t.pos_ == "VERB" and _wh_infinitive(t):
        return True  # "which bit of the front line to reinforce": a question, not a deed
    if t.pos_ == "NOUN" and t.dep_ == "dobj" and t.head.lemma_.lower() in _TOPIC_VERBS:
        return True  # "continues to emphasise the liberation of Crimea": a goal talked about
    if t.pos_ == "VERB" and any(c.dep_ == "nsubj" and c.lower_ == "you" for c in t.children):
        return True  # "you liberate Crimea and then you change the whole context": anyone, any time
    if t.lemma_.lower() not in _MEANS_ARE_DEEDS and \
            (_purpose_infinitive(t) or t.dep_ == "dobj" and t.head.lemma_.lower() in _OPEN_VERBS
             and _purpose_infinitive(t.head) or t.dep_ == "conj" and t.pos_ == "VERB" and _purpose_infinitive(t.head)):
        return True  # "closed in to arrest him", "training the army to launch a counteroffensive"
    if t.pos_ in {"NOUN", "PROPN"} and t.dep_ == "nsubj" and t.head.pos_ == "VERB" and \
            t.head.lemma_.lower() in _WANT_VERBS | _PURPOSE_VERBS and \
            any(c.dep_ == "xcomp" for c in t.head.children):
        return True  # "agitators wanted to provoke clashes": what they wanted, not what they did
    if t.pos_ == "VERB" and t.head.lemma_.lower() == "way" and t.head.pos_ == "NOUN" and \
            any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
        return True  # "officers were on their way to detain them": on their way, not there yet (not "the way they shelled")
    if t.pos_ == "VERB" and t.head.lemma_.lower() in {"help", "allow", "enable"} and \
            any(c.dep_ == "aux" and c.lower_ == "to" for c in t.head.children):
        return True  # "equipment to help push back the invasion": a purpose
    node = t
    for _ in range(4):
        head = node.head
        if head is node:
            break
        if node.dep_ == "ccomp" and head.pos_ == "VERB" and head.lemma_.lower() in _WANT_VERBS:
            return True  # "it wants the invaders driven out of every village": a wish, not a report
        if node.dep_ in {"xcomp", "acl", "relcl", "pcomp", "pobj", "prep", "advcl", "dobj", "conj", "csubj",
                         "attr"} or \
                head.dep_ == "prep":
            lemma = head.lemma_.lower()
            if head.pos_ == "NOUN" and (lemma in _PURPOSE_NOUNS or lemma in _POSSIBLE_NOUNS or
                                        head.lower_ in _POSSIBLE_NOUNS):
                return True
            if lemma in _PURPOSE_VERBS and head.pos_ == "VERB":
                return True
            if node.dep_ == "attr" and lemma == "be" and \
                    any(c.dep_ == "nsubj" and c.lemma_.lower() in _PURPOSE_NOUNS | _AGENDA_NOUNS for c in head.children):
                return True  # "its main goal was the liberation of Donbas"
            if node.dep_ == "csubj" and lemma == "be" and \
                    any(c.dep_ == "attr" and c.lemma_.lower() in _PURPOSE_NOUNS | _AGENDA_NOUNS for c in head.children):
                return True  # "capturing or killing him is a priority"
            if node.dep_ == "xcomp" and lemma == "be" and \
                    any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children) and \
                    any(c.dep_ == "nsubj" and c.lemma_.lower() in _PURPOSE_NOUNS | _AGENDA_NOUNS
                        for c in head.children):
                return True  # "the main agenda item was to agree on a cease-fire"
            node = head
            continue
        break
    return False
