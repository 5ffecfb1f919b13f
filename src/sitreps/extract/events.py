"""Stage "events": ACLED-coded events with actors, place, date, figures, claims and flags.

Last in the pipeline: it reads what the other stages found (places with roles, times, quantities, claims,
actors) and works with any of those lists empty. Per sentence:

1. candidates: a sentence is an event candidate when an event trigger of weight >= 2 fires
   (:func:`.events_rules.find_triggers`);
2. coding: :func:`.events_classify.code_texts` gives the ACLED type/sub-type and PLOVER event + mode;
3. slots: actor1/actor2 from the trigger's subject and object (passive voice: the ``by`` agent is actor1),
   the event location (a place with role ``event_location`` in the sentence, else the previous sentence's),
   date and precision from a time in the sentence (else the publication date, precision lowered to week),
   quantities in the sentence (fatalities = killed), claims whose content holds the trigger;
4. flags: negated ("did not", "denied"), future (will, plans, threatens), hypothetical (would, could, may,
   prevent ... from). Flagged events are kept; exports skip them (a threat or a denial did not happen);
5. merging: one event per real-world event: events of one family (battles and remote violence are one
   family: reports describe one fight with both words), with the same actor1 and location, or with
   near-duplicate evidence (a caption repeating the body), are merged into the first.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from datetime import date as _Date
from functools import lru_cache
from typing import TYPE_CHECKING, Generic, NamedTuple, TypeVar

from ..model import Actor, ArticleResult, Event, Place, Quantity, Span, TimeExpr
from .events_classify import code_texts
from .events_rules import find_triggers, not_agreed
from .events_sense import intended, reports_event
from .leads import lead_end

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from ..settings import Settings
    from .events_classifier import AcledModel, PloverModel
    from .registry import Resources

__all__ = ["EventsStage", "load"]

MIN_TRIGGER_WEIGHT = 2.0
# Sentences of one fight told in a row lie within this many characters of each other.
_NEAR_CHARS = 700
# Sub-types one fight is told with ("the column was destroyed", "artillery engaged them"); territory
# changes and the other types are events of their own.
_FAMILY = {"Armed clash": "fight", "Explosions/Remote violence": "fight"}
_NEG = re.compile(r"\b(?:not|never|no longer|denied|deny|denies|refuted|dismissed|didn't|did not|"
                  r"failed to|without|no (?:signs?|evidence|indications?|proof)(?: yet)? (?:that|of))\b",
                  re.IGNORECASE)
# "media falsely claimed that Russian forces had captured Siversk": the deed told is denied by the writer
_FALSELY = re.compile(r"\b(?:falsely|wrongly|erroneously|mistakenly) (?:claim|report|state|said|say|allege|announc|"
                      r"assert|insist)\w*", re.IGNORECASE)
# Verb stems (no lemmatiser needed, so the selective parser can skip it for us).
_FUTURE_STEMS = ("threaten", "plan", "vow", "intend", "prepar", "pledg", "promis", "warn", "aim")
_HYPO_STEMS = ("prevent", "attempt", "seek", "sought")
_FUTURE_AUX = {"will", "shall", "'ll", "going"}
_HYPO_AUX = {"would", "could", "might", "may", "should", "can", "could've", "would've"}
_GEO_PRECISION = {"point": 1, "town": 1, "district": 2, "region": 3, "country": 3}
_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3, "interval": 2}
_KILLED = {"killed", "dead", "fatalities", "deaths"}
# Roles of a place that say it is not where anything happened ("Moscow said", "the Kharkiv governor", "Russian").
_NOT_LOCATION = ("origin", "metonym", "title")
_PRECISION_RANK = {"point": 0, "town": 0, "district": 1, "region": 2, "country": 3}
# A place right before these is a speaker or an institution, not a scene: "Moscow said", "Russia's Defence
# Ministry", "a Washington-based think tank", "Moscow-annexed Crimea", a byline ("Jane Doe in Kyiv and John Roe
# report").
_SPEAKER_AFTER = re.compile(r"(?:-(?:based|annexed|backed|controlled|occupied|held|installed|appointed|allied|"
                            r"friendly|leaning|led|run|supported|sponsored|funded|linked|aligned|loyal)\b|"
                            r"(?:,?\s+and(?:\s+[A-Z][\w’'-]+){1,3})?,?\s+reports?\b(?!\s+(?:of|on|that|from|about|by))|"
                            r"['’]s\s+(?:\w+\s+){0,2}(?:ministry|defen[cs]e|foreign|military|army|"
                            r"armed|air force|navy|general staff|government|president|prime|parliament|"
                            r"human rights|investigative|security|intelligence|ambassador|envoy|leader|"
                            r"officials?|spokes\w*|embassy|state|authorities)\b|\s+(?:has |had |have |also |later |again )?(?:said|says|say|"
                            r"claimed|claims|denied|denies|believes|believed|announced|accused|warned|insisted|"
                            r"maintains|maintained|confirmed|acknowledged|admitted|reported|stated)\b)")
# Weapon words alone ("the remains of the missile", "an advantage in artillery") are no attack: a remote-violence
# event needs an attack said in its sentence.
_REMOTE_SUBS = ("Shelling/artillery/missile attack", "Air/drone strike", "Remote explosive/landmine/IED")
# ACLED's "Chemical weapon" needs a chemical agent in the text; the model reads "attack" sentences as one now
# and then ("Russia's attack on Ukraine is a flashpoint" came out a chemical attack).
_CHEMICAL_WORDS = re.compile(r"\b(?:chemical\w*|toxic\w*|poison\w*|gas|gases|gassed|chlorine|sarin|mustard|"
                             r"nerve agents?|chloropicrin|phosphorus|tear ?gas|CS|irritants?|riot control agents?|"
                             r"asphyxia\w*|choking)\b", re.IGNORECASE)
_ATTACK_WORDS = re.compile(
    r"\b(?:shell(?:ed|ing)?|bombard\w*|barrages?|strikes?|struck|striking|hit|hits|fired|fire|firing|launch\w*|"
    r"pound\w*|attack\w*|land(?:ed|ing)|kill\w*|wound\w*|injur\w*|destroy\w*|damag\w*|target\w*|"
    r"explo(?:ded|sions?|sives?)|blasts?|air ?raids?|airstrikes?|bomb(?:ed|ing|s)?|rained|detonat\w*|went off|"
    r"shot|lost\b[^.]{0,60}\bto|trading|exchang\w*)\b", re.IGNORECASE)
# A demand, a plan or a plot, or what a plan would involve, governs everything after it in its sentence, whatever
# commas and "and"s follow.
_CALL_FOR = re.compile(r"\b(?:call(?:s|ed|ing)? (?:on|upon|for)\b[^.;]{0,60}\bto|urg(?:e|es|ed|ing)\b[^.;]{0,60}\bto|"
                       r"demand(?:s|ed|ing)? (?:that|an?|the)|plans? (?:involving|under discussion|for|to)|"
                       r"proposals? (?:for|to|involving)|plot(?:s|ted|ting)? to|"
                       r"(?:would|could|might) (?:involve|include|entail|require|see|lead to|result in|cause|trigger|spark|"
                       r"provoke))\b", re.IGNORECASE)
_LEFT_DEAL = re.compile(r"\b(?:withdr[ae]w\w*|pull\w* out|exit\w*|quit\w*)\s+(?:from|of)\s+(?:[\w’'-]+\s+){0,4}"
                        r"(?:deal|agreement|treaty|talks|accord|pact|initiative|negotiations|convention)\b",
                        re.IGNORECASE)
# A direct quote of at least four words: a witness's or an officer's words, not the report itself.
_QUOTE = re.compile(r"[\"“]([^\"“”\n]{12,})[\"”]")


def names_chemical_agent(text: str) -> bool:
    """Whether a sentence names a chemical agent or weapon (ACLED's "Chemical weapon" needs one)."""
    return _CHEMICAL_WORDS.search(text) is not None


def _event_id(article_id: str, start: int, sub: str) -> str:
    return "ev-" + hashlib.sha1(f"{article_id}:{start}:{sub}".encode()).hexdigest()[:12]


def _within(span: Span, a: int, b: int) -> bool:
    return a <= span.start and span.end <= b


_R = TypeVar("_R", Place, Quantity, TimeExpr)


class _ByStart(Generic[_R]):
    """An article's records of one kind ordered by evidence start, once: ``within(a, b)`` is
    ``[r for r in records if _within(r.evidence, a, b)]`` (same records, same order) by bisection instead of
    a scan of every record for every event."""

    def __init__(self, records: list[_R]) -> None:
        self.records: list[_R] = records
        self.order = sorted(range(len(records)), key=lambda k: records[k].evidence.start)
        self.starts = [records[k].evidence.start for k in self.order]

    def within(self, a: int, b: int) -> list[_R]:
        # start <= end <= b, so only records starting in [a, b] can lie inside
        ks = [k for k in self.order[bisect_left(self.starts, a):bisect_right(self.starts, b)]
              if self.records[k].evidence.end <= b]
        ks.sort()
        return [self.records[k] for k in ks]


def _verb_of(token: Token) -> Token:
    t = token
    for _ in range(4):
        if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
            return t
        t = t.head
    return token


def _role(actor_root: Token, verb: Token) -> str | None:
    """'agent' or 'patient' of ``verb`` for an actor whose head token is ``actor_root``."""
    t = actor_root
    for _ in range(6):
        head = t.head
        if head.i == verb.i or t.i == verb.i:
            dep = t.dep_
            if dep in ("nsubj", "csubj"):
                return "agent"
            if dep in ("nsubjpass", "dobj", "obj", "attr"):
                return "patient"
            if dep == "agent":
                return "agent"
            if dep == "prep":
                return "agent" if t.lower_ == "by" else "patient"
            return None
        if head.i == t.i:
            return None
        if t.dep_ == "pobj" and head.lower_ == "by" and head.head.i == verb.i:
            return "agent"
        t = head
    return None


_CHAIN_DEPS = {"xcomp", "ccomp", "conj", "advcl", "acomp", "relcl", "acl"}


def _chain(verb: Token) -> set[int]:
    """The trigger verb and the verbs governing it through control, raising and coordination
    ("the Russians were observed to be pulling out": the subject of "observed" pulls out)."""
    ids = {verb.i}
    t = verb
    for _ in range(3):
        if t.dep_ not in _CHAIN_DEPS or t.head.i == t.i:
            break
        t = t.head
        ids.add(t.i)
    return ids


def _actors_for(sent: SpacySpan, trigger: Span, actors: list[Actor],
                sources: list[Span]) -> tuple[Actor | None, Actor | None]:
    # Who says so is not who did it: actors naming a claim's source ("according to the Ukrainian Armed
    # Forces") are not participants.
    in_sent = [a for a in actors if _within(a.evidence, sent.start_char, sent.end_char)
               and not any(s.overlaps(a.evidence) for s in sources)]
    if not in_sent:
        return None, None
    doc = sent.doc
    agent = patient = None
    if doc.has_annotation("DEP"):
        tok_span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
        if tok_span is not None and len(tok_span):
            verb = _verb_of(tok_span.root)
            chain = _chain(verb)
            for a in in_sent:
                a_span = doc.char_span(a.evidence.start, a.evidence.end, alignment_mode="expand")
                if a_span is None or not len(a_span):
                    continue
                root = a_span.root
                role = _role(root, verb)
                if role is None and root.head.i in chain and root.head.i != verb.i:
                    role = "agent" if root.dep_ in ("nsubj", "nsubjpass") else None
                if role is None and root.dep_ == "pobj" and root.head.lower_ == "according":
                    continue
                if role == "agent" and agent is None:
                    agent = a
                elif role == "patient" and patient is None:
                    patient = a
    rest = [a for a in in_sent if a is not agent and a is not patient]
    if agent is None and rest:
        agent = rest.pop(0)
    if patient is None:
        patient = next((a for a in rest if agent is None or a.name != agent.name), None)
    if agent is not None and patient is not None and agent.name == patient.name:
        patient = None
    return agent, patient


_PRONOUNS = {"they", "it", "he", "she"}

# The event types of political violence, in which ACLED never codes civilians as actor1.
_VIOLENCE_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})

# Sub-types whose actor1 is the side that moves, takes or gives up ground or forces: news often names that side
# by its country alone ("Ukraine has withdrawn its troops", "the Russian withdrawal", "Russia's pull-out").
_STATE_MOVES = frozenset({"Non-violent transfer of territory", "Government regains territory",
                          "Change to group/activity", "Headquarters or base established"})


_CONTROL = re.compile(r"\b(?:to|under|into)\s+(?:the\s+)?(?:full\s+)?([A-Z][\w'’]*?)(?:['’]s)?\s+"
                      r"(?:government\s+|military\s+|army\s+)?control\b")


def _control_side(sentence: str, offset: int, text: str) -> Actor | None:
    """The country named in "returned to <Ukrainian> control" / "back under <Ukraine's> control", as its forces."""
    from .actors import load_actor_tables

    tables = load_actor_tables()
    for m in _CONTROL.finditer(sentence):
        code = tables.adjectives.get(m.group(1).lower())
        name = tables.country_names.get(code) if code else None
        if code and name:
            a, b = offset + m.start(1), offset + m.end(1)
            return Actor(Span.of(text, a, b), f"Military Forces of {name}", code, "state_forces", 1)
    return None


class _Indexes(NamedTuple):
    places: _ByStart[Place]
    times: _ByStart[TimeExpr]
    quantities: _ByStart[Quantity]


def _country_actor(sent: SpacySpan, trigger: Span, text: str | None = None) -> Actor | None:
    """ACLED codes a state's moves as its military forces: a bare country name as the trigger verb's active
    subject, or a country adjective / possessive on a trigger noun, gives "Military Forces of <country>".
    ``text``: ``doc.text`` when the caller has it (spaCy rebuilds ``doc.text`` from every token)."""
    from .actors import load_actor_tables

    doc = sent.doc
    if not doc.has_annotation("DEP"):
        return None
    tok_span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    if tok_span is None or not len(tok_span):
        return None
    root = tok_span.root
    if root.pos_ in ("NOUN", "PROPN"):
        cands = [c for c in root.children if c.dep_ in ("amod", "poss", "compound")]
    else:
        verb = _verb_of(root)
        cands = [c for c in verb.children if c.dep_ == "nsubj"]
    tables = load_actor_tables()
    for c in cands:
        code = tables.adjectives.get(c.text.lower())
        if code is None or not c.text[:1].isupper():
            continue
        name = tables.country_names.get(code)
        if name is None:
            continue
        return Actor(Span.of(doc.text if text is None else text, c.idx, c.idx + len(c.text)), f"Military Forces of {name}", code,
                     "state_forces", 1)
    return None



_WEAPON = (r"(?:\w+[- ])?(?:air ?strikes?|airstrikes?|air raids?|missiles?|shell(?:s|ing)|artillery|drones?|"
           r"rockets?|bombs?|aircraft|jets?|warplanes?|bombers?|strikes?|mortars?)\b")


def _weapon_owner(text: str, a: int, b: int) -> Actor | None:
    """For "a Russian air strike", "Ukrainian artillery struck", "Russia fired ...": the state forces whose
    weapon it was."""
    from .actors import load_actor_tables

    tables = load_actor_tables()
    rx = _weapon_rx(tuple(sorted(tables.adjectives, key=len, reverse=True)))
    # The target's weapons are not the attacker's: "its strikes hit Ukrainian artillery positions".
    m = next((m for m in rx.finditer(text, a, b)
              if not _TARGET_BEFORE.search(text, max(a, m.start() - 25), m.start())), None)
    if m is None:
        return None
    cc = tables.adjectives.get(m.group(1).lower().replace("’", "'"))
    name = tables.country_names.get(cc or "")
    if not cc or not name:
        return None
    return Actor(Span.of(text, m.start(1), m.end(1)), f"Military Forces of {name}", cc, "state_forces", 1)


_TARGET_BEFORE = re.compile(r"\b(?:hit|hits|struck|targeted|targeting|at|on|against|destroyed|of|with)\s+"
                            r"(?:the |a |an |\w+ )?$", re.IGNORECASE)


@lru_cache(maxsize=2)
def _weapon_rx(adjectives: tuple[str, ...]) -> re.Pattern[str]:
    words = "|".join(re.escape(w).replace("'", "['’]") for w in adjectives)
    # "a Russian air strike", "Russian missiles"; or a country named as the attacker: "Russia fired ..."
    return re.compile(r"\b(" + words + r")\s+(?:" + _WEAPON + r"|(?:has |had |have |also |again )?"
                      r"(?:fired|launched|struck|shelled|attacked|bombed|hit|pounded|targeted)\b)", re.IGNORECASE)


def _pronoun_antecedent(sent: SpacySpan, prev: tuple[int, int], actors: list[Actor],
                        sources: list[Span]) -> Actor | None:
    """For "They were also shifting efforts": the armed actor that was the subject of the sentence before.

    A deliberately small step of coreference: only a pronoun subject, only the previous sentence, only an
    actor that is itself a grammatical subject there (not the think tank that reported it).
    """
    doc = sent.doc
    if not doc.has_annotation("DEP"):
        return None
    if not any(t.lower_ in _PRONOUNS and t.dep_ in ("nsubj", "nsubjpass") for t in sent):
        return None
    subject: Actor | None = None
    for a in actors:
        if not _within(a.evidence, *prev) or a.inter not in (1, 2, 3, 8):
            continue
        if any(s.overlaps(a.evidence) for s in sources):
            continue
        span = doc.char_span(a.evidence.start, a.evidence.end, alignment_mode="expand")
        if span is not None and len(span) and span.root.dep_ in ("nsubj", "nsubjpass"):
            subject = a
    return subject


def _usable_place(p: Place, text: str) -> bool:
    return p.role not in _NOT_LOCATION and not _SPEAKER_AFTER.match(text, p.evidence.end)


def _rank(p: Place) -> int:
    return _PRECISION_RANK.get(p.precision or "", 2)


def _location(sent: tuple[int, int], prev: tuple[int, int] | None, para: tuple[int, int] | None,
              dateline: Place | None, places: list[Place], text: str,
              by_start: _ByStart[Place] | None = None) -> tuple[Place | None, int]:
    """The event's place: the finest place in the sentence whose role is the event location, else one in the
    sentence before, the paragraph, another place named in the sentence, the dateline's town; a country only
    when nothing finer is there. Speakers ("Moscow said"), titles and origins are never the place.
    ``by_start``: ``_ByStart(places)``, when the caller keeps one for the article."""
    index = by_start if by_start is not None else _ByStart(places)

    def inside(a: int, b: int) -> list[Place]:
        return [p for p in index.within(a, b) if _usable_place(p, text)]

    def finest(cands: list[Place]) -> Place | None:
        fine = [p for p in cands if _rank(p) < 3]
        return min(fine, key=_rank) if fine else None

    here = inside(*sent)
    located = [p for p in here if p.role == "event_location"]
    place = finest(located)
    if place is not None:
        return place, _GEO_PRECISION.get(place.precision or "", 2)
    for span in (prev, para):
        if span is not None:
            place = finest([p for p in inside(*span) if p.role == "event_location"])
            if place is not None:  # carried over: "near" at best
                return place, max(2, _GEO_PRECISION.get(place.precision or "", 2))
    # Another place named in the sentence, unless it is a capital not placed as the scene: "accused
    # Moscow of ...", "talks with Beijing" speak of a government.
    place = finest([p for p in here if p.feature_code != "PPLC"])
    if place is not None:
        return place, _GEO_PRECISION.get(place.precision or "", 2)
    if dateline is not None:
        return dateline, 2
    country = (located or here)[:1]
    if country:
        return country[0], 3
    return None, 0


def _dateline_place(text: str, places: list[Place]) -> Place | None:
    """The town of a dateline ("KHARKIV, Ukraine, May 14 (Wire) — ..."), if the article opens with one and it
    lies in the country most of the article's events are placed in (a story from "LONDON" or "RIGA" about
    Ukraine happened in Ukraine, not there)."""
    end = lead_end(text, 0, min(len(text), 400))
    if end == 0:
        return None
    cands = [p for p in places if p.evidence.end <= end and _rank(p) < 3 and p.evidence.text.isupper()
             and p.role not in _NOT_LOCATION]
    if not cands:
        return None
    place = min(cands, key=_rank)
    countries = Counter(p.country_code for p in places if p.role == "event_location" and p.country_code
                        and p.evidence.start >= end)
    if countries and place.country_code != countries.most_common(1)[0][0]:
        return None
    return place


def _quoted(text: str, para: tuple[int, int], trigger: Span) -> tuple[int, int] | None:
    """The direct quote of at least four words around ``trigger`` in its paragraph, if any."""
    for m in _QUOTE.finditer(text, para[0], para[1]):
        if m.start() <= trigger.start and trigger.end <= m.end() and len(m.group(1).split()) >= 4:
            return m.start(), m.end()
    return None


def _date(sent: SpacySpan, times: list[TimeExpr], published: str | None,
          by_start: _ByStart[TimeExpr] | None = None, trigger: Span | None = None
          ) -> tuple[str | None, str | None, int | None]:
    inside = _times_within(times, by_start, sent.start_char, sent.end_char)
    valued = [t for t in inside if t.value]
    if valued and trigger is not None:
        # "has begun mobilizing ahead of drills scheduled for Feb. 10 to 20": the schedule's date is not the event's
        valued = [t for t in valued if not _scheduled_time(sent, trigger, t)]
    if len({t.value for t in valued}) > 1 and trigger is not None:
        # "began working with the alliance in 1997, and in 2008 the allies agreed ...": of several dates the
        # one that hangs from the trigger's own verb dates it, not the sentence's first
        own = _own_verb_time(sent, trigger, valued)
        if own is not None:
            valued.remove(own)
            valued.insert(0, own)
        # a duration's start ("in power since 1994") dates the event only when the sentence has no other date
        valued.sort(key=lambda t: t is not own and _since_start(t))
    if valued:
        return _dated(valued[0])
    if published:
        return published, "week", 2  # reported without a date: "in recent days" before publication
    return None, None, None


def _times_within(times: list[TimeExpr], by_start: _ByStart[TimeExpr] | None, a: int, b: int) -> list[TimeExpr]:
    """The time expressions inside ``[a, b)``, through the article's index when the caller keeps one."""
    return by_start.within(a, b) if by_start is not None else [t for t in times if _within(t.evidence, a, b)]


def _dated(t: TimeExpr) -> tuple[str, str, int]:
    """(date, precision, ACLED time precision) of a time expression that has a value."""
    assert t.value is not None
    prec = t.precision or ("day" if len(t.value) == 10 else "month" if len(t.value) == 7 else "year")
    return t.value, prec, _TIME_PRECISION.get(prec, 3)


def _since_start(t: TimeExpr) -> bool:
    """"since 1994": the start of a duration, not the day something happened."""
    return t.evidence.text[:6].lower() == "since "


def _named_date(t: TimeExpr) -> bool:
    """The expression names a month or a year and counts from nothing ("in 2008", "on 5 March"; not "in recent
    weeks", "by the end of August", which count from the report's day)."""
    return bool(_NAMED_DATE.search(t.evidence.text)) and not _RELATIVE_DATE.search(t.evidence.text)


def _scene_date(prev: tuple[int, int], times: list[TimeExpr], text: str
                ) -> tuple[str, str, int] | None:
    """The date a sentence opens with ("In 1939, ...", "On 5 March 2022, ..."), naming a month or a year: it
    sets the scene for the next sentence of its paragraph when that one has no date of its own."""
    for t in times:
        if t.value and not text[prev[0]:t.evidence.start].strip(" \"“‘'(") and _named_date(t) \
                and not _since_start(t):
            return _dated(t)
    return None


_NAMED_DATE = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\b\.?|\b\d{4}\b")
_RELATIVE_DATE = re.compile(r"\b(?:recent|coming|next|past|last|ago|this|rest|end|until|till|throughout|early|"
                            r"late|mid)\b", re.IGNORECASE)


_SCHEDULE_WORDS = frozenset("schedule reschedule plan due set slate expect".split())


def _scheduled_time(sent: SpacySpan, trigger: Span, t: TimeExpr) -> bool:
    """``t`` dates something scheduled, planned or expected in a clause of its own, not the trigger's verb:
    "drills scheduled to take place Feb. 10", "talks planned for next week"."""
    doc = sent.doc
    if not doc.has_annotation("DEP"):
        return False
    trig = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    span = doc.char_span(t.evidence.start, t.evidence.end, alignment_mode="expand")
    if trig is None or span is None or not len(trig) or not len(span):
        return False
    verb = _verb_of(trig.root)
    node = _verb_of(span.root)
    for _ in range(3):
        if node.i == verb.i or node.i == trig.root.i:
            return False
        if node.lemma_.lower() in _SCHEDULE_WORDS and node.i != verb.i:
            return not any(c.i == trig.root.i for c in node.subtree)
        if node.head.i == node.i:
            break
        node = node.head
    return False


def _own_verb_time(sent: SpacySpan, trigger: Span, times: list[TimeExpr]) -> TimeExpr | None:
    """The first of ``times`` naming a month or a year whose words hang from the same verb as the trigger
    (None when the parse is missing or no time does)."""
    doc = sent.doc
    if not doc.has_annotation("DEP"):
        return None
    trig = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    if trig is None or not len(trig):
        return None
    verb = _verb_of(trig.root)
    for t in times:
        if not _named_date(t):
            continue  # "in recent weeks", "by the end of August" inside a report count from the report's day
        span = doc.char_span(t.evidence.start, t.evidence.end, alignment_mode="expand")
        if span is not None and len(span) and _verb_of(span.root).i == verb.i:
            return t
    return None


_PAST_AUX = frozenset({"did", "had", "has", "have", "was", "were"})
_MAY_DATE = re.compile(r"\bMay\s+\d{1,2}\b|\b\d{1,2}\s+May\b")
_TAKEN = frozenset({"Non-state actor overtakes territory", "Government regains territory"})
_LOST = re.compile(r"\b(?:lost|lose|loses|losing)\b", re.IGNORECASE)


def _asked(sent: SpacySpan, trigger: Span, text: str) -> bool:
    """The trigger's clause is a question: the sentence ends with "?", or the first end mark after the trigger
    is one ("'How can you ski while the army shells the town?' asked the reporter")."""
    if sent.text.rstrip().rstrip("\"”’'").endswith("?"):
        return True
    mark = re.search(r"[.!?]", text[trigger.end:sent.end_char])
    return mark is not None and mark.group() == "?"


def _flags(sent: SpacySpan, trigger: Span, text: str) -> tuple[bool, bool, bool]:
    """(negated, hypothetical, future) for the trigger in its sentence."""
    doc = sent.doc
    before = text[sent.start_char:trigger.start]
    clause = before[max(before.rfind(","), before.rfind(";"), before.rfind(" and "), before.rfind(" but ")) + 1:]
    negated = bool(_NEG.search(clause[-60:]) or _FALSELY.search(before))
    hypothetical = future = False
    # the month of a date ("KYIV, May 16 (Wire) — ...", "on 9 May") is no modal "may"
    words = re.findall(r"[\w']+", _MAY_DATE.sub(" ", clause).lower())[-8:]
    if any(w in _FUTURE_AUX for w in words) or re.search(r"\b(?:plan|plans|planned|planning|threaten\w*|vow\w*|"
                                                         r"intend\w*|prepar\w*|pledg\w*|warn\w*) to\b",
                                                         clause[-80:], re.IGNORECASE):
        future = True
    if re.search(r"\b(?:likely|expected|set|poised|bound) to\b", clause[-80:], re.IGNORECASE):
        future = True  # "likely to continue the strikes": an expectation, not a report
    if re.search(r"\bdue to\b", clause[-80:], re.IGNORECASE) and (not doc.has_annotation("DEP") or any(
            t.lower_ == "due" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to" and doc[t.i + 1].pos_ == "PART"
            and trigger.start - len(clause[-80:]) <= t.idx < trigger.start for t in sent)):
        future = True  # "due to resume talks": scheduled; not "killed due to an airstrike", a cause
    if any(w in _HYPO_AUX for w in words) or re.search(r"\bprevent\w*\b[^.]{0,60}\bfrom\b|\bmust\b|"
                                                       r"\b(?:call(?:s|ed|ing)? (?:on|for)|urg(?:e|es|ed|ing))\b",
                                                       clause, re.IGNORECASE):
        hypothetical = True
    if _CALL_FOR.search(before):
        hypothetical = True  # "we call on Russia to ensure a withdrawal", "a peace plan involving a withdrawal"
    if doc.has_annotation("DEP"):
        tok_span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
        if tok_span is not None and len(tok_span):
            verb = _verb_of(tok_span.root)
            chain = [verb, *list(verb.ancestors)[:2]]
            # "did not conduct ground attacks ... and shelled the villages": a conjunct has its own negation
            cut = next((k for k, v in enumerate(chain) if v.dep_ == "conj"), None)
            if cut is not None:
                chain = chain[:cut + 1]
            # the tense of the trigger's own verb; a verb of saying after the question mark ("...?" asked the
            # reporter) is not it, the trigger itself is (even when the tagger read "bombards" as a noun)
            mark = text.find("?", trigger.end, sent.end_char)
            asked = tok_span.root if tok_span.root.pos_ == "VERB" or mark != -1 and verb.idx > mark else verb
            if _asked(sent, trigger, text) and asked.tag_ not in {"VBD", "VBN"} and \
                    not (asked.pos_ != "VERB" and asked.lower_.endswith("ed")) and \
                    not any(c.dep_ == "aux" and c.lower_ in _PAST_AUX for c in asked.children):
                hypothetical = True  # "Could they use it to fire longer-range missiles?": asked, not told
            for v in chain:
                for child in v.children:
                    if child.dep_ == "neg":
                        negated = True
                    if child.dep_ == "aux" and child.lower_ in _FUTURE_AUX:
                        future = True
                    if child.dep_ == "aux" and child.lower_ in _HYPO_AUX:
                        hypothetical = True
                if v.lower_.startswith(_FUTURE_STEMS):
                    future = True
                if v.lower_.startswith(_HYPO_STEMS):
                    hypothetical = True
    return negated, hypothetical, future


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]{3,}", text.lower()))


def _near_duplicate(a: str, b: str) -> bool:
    wa, wb = _words(a), _words(b)
    return bool(wa and wb) and len(wa & wb) / min(len(wa), len(wb)) >= 0.7


def _days_after(a: str | None, b: str | None) -> int:
    """Days from date ``a`` to date ``b`` (both YYYY-MM-DD), else -1."""
    if not a or not b or len(a) != 10 or len(b) != 10:
        return -1
    try:
        return (_Date.fromisoformat(b) - _Date.fromisoformat(a)).days
    except ValueError:
        return -1


def _fallback_date(ev: Event, published: str | None) -> bool:
    return ev.date is None or (ev.date == published and ev.date_precision == "week")


def _dated_apart(a: Event, b: Event, published: str | None, days: int = 2) -> bool:
    """Both events carry a date of their own sentence and the dates differ by more than ``days`` days, or
    name different months: the withdrawal of 2 March and the withdrawal of 11 November are two."""
    if _fallback_date(a, published) or _fallback_date(b, published) or not a.date or not b.date:
        return False
    if len(a.date) == 10 and len(b.date) == 10:
        return abs(_days_after(a.date, b.date)) > days
    return a.date[:7] != b.date[:7] and len(a.date) >= 7 and len(b.date) >= 7


def _same_event(a: Event, b: Event, a_last_end: int, published: str | None = None) -> bool:
    """Same real-world event: a repeated description (near-duplicate evidence), the same sub-type by the same
    actor at the same place, one fight (battle/remote-violence family) told over neighbouring sentences, or a
    later sentence of the same family that names no other place, date or actor ("the missile", "the strike",
    "rescuers at the station": one report tells one strike in several sentences)."""
    if _near_duplicate(a.evidence.text, b.evidence.text) and not _dated_apart(a, b, published):
        return True  # a caption repeating the body (not the same words told of another day)
    fam_a = _FAMILY.get(a.sub_event_type, _FAMILY.get(a.event_type, a.sub_event_type))
    fam_b = _FAMILY.get(b.sub_event_type, _FAMILY.get(b.event_type, b.sub_event_type))
    # ACLED: a clash in which a place changed hands is the territory change: told over two sentences by the same
    # side at the same place ("... counterattacked near X." "They recaptured X"), it is one event
    taken = a.sub_event_type == "Armed clash" and b.sub_event_type in _TAKEN  # a fight, then the town taken
    # (not a taking, then a fight: "stormed the town" then "Ukrainian forces repelled the offensive")
    if fam_a != fam_b and {fam_a, fam_b} != {"fight", "Attack"} and not taken:
        return False
    names_a = {x.name for x in (a.actor1, a.actor2) if x}
    names_b = {x.name for x in (b.actor1, b.actor2) if x}
    loc_a = (a.location.geonameid or a.location.evidence.text) if a.location else None
    loc_b = (b.location.geonameid or b.location.evidence.text) if b.location else None
    if a.sub_event_type == b.sub_event_type and (a.actor1 and a.actor1.name) == (b.actor1 and b.actor1.name) \
            and loc_a is not None and loc_a == loc_b and not _dated_apart(a, b, published):
        return True
    coarse_a = a.location is None or (a.geo_precision or 3) >= 2
    coarse_b = b.location is None or (b.geo_precision or 3) >= 2
    close = 0 <= b.evidence.start - a_last_end < _NEAR_CHARS and b.evidence.start - a.evidence.start < 3 * _NEAR_CHARS
    loc_ok = loc_a is None or loc_b is None or loc_a == loc_b or (a.geo_precision or 3) >= 3 \
        or (b.geo_precision or 3) >= 3
    if fam_a == fam_b and close and (names_a & names_b) and loc_ok and not _dated_apart(a, b, published, 7):
        return True  # (a report's "on March 24" and "on March 25" may tell one fight; March and November do not)
    if taken and close and (names_a & names_b) and loc_a is not None and loc_a == loc_b:
        return True  # the fight for a town and its taking: the same town, not a clash elsewhere
    if taken:
        return False
    # A later mention of the same kind of event with nothing of its own to tell it apart.
    same_kind = a.sub_event_type == b.sub_event_type or fam_a == fam_b == "fight"
    if not same_kind and coarse_b and {fam_a, fam_b} == {"fight", "Attack"}:
        same_kind = True  # "people were killed" / "an attack on civilians" after the strike that killed them
    if not same_kind:
        return False
    place_ok = loc_a == loc_b or coarse_b or coarse_a and ((a.geo_precision or 3) >= 3 or loc_a is None)
    # an event told with no date of its own takes the date of a later mention only from a neighbouring sentence
    # ("the strike on Monday killed three"), not of one pages on (talks of 2022 and "the 1994 memorandum")
    # and an event of another era (dated a year or more before the story) is not what an undated sentence pages
    # on tells ("the terror attacks of 2001" and, later, "a strike killed aid workers")
    old_era = bool(a.date and published and a.date[:4].isdigit() and published[:4].isdigit() and
                   int(a.date[:4]) < int(published[:4]) - 1)
    date_ok = a.date == b.date or _fallback_date(b, published) and (close or not old_era) or \
        _fallback_date(a, published) and close \
        or bool(a.date and b.date and (a.date.startswith(b.date) or b.date.startswith(a.date))) \
        or (coarse_b and _days_after(a.date, b.date) in range(0, 4))  # said the day after, nothing new
    # Civilians named first are victims, not a different perpetrator.
    actor_ok = a.actor1 is None or b.actor1 is None or a.actor1.name == b.actor1.name \
        or 7 in (a.actor1.inter, b.actor1.inter)
    return same_kind and place_ok and date_ok and actor_ok


def _merge(into: Event, other: Event, published: str | None) -> None:
    """Fold ``other`` into ``into``: keep the first evidence and place (a finer one replaces a country or
    none), take the explicit date and the
    highest toll (a toll that rises in later sentences), add figures and claims."""
    if into.actor1 and other.actor1 and other.actor1.unit and not into.actor1.unit \
            and other.actor1.name == into.actor1.name:
        into.actor1 = other.actor1  # the named unit says more than "Ukrainian troops"
    if into.sub_event_type == "Armed clash" and other.sub_event_type in _TAKEN:
        # the fight in which the place changed hands is coded as the change (ACLED)
        into.event_type, into.sub_event_type = other.event_type, other.sub_event_type
        into.plover, into.plover_mode = other.plover, other.plover_mode
    if into.sub_event_type == "Attack" and other.event_type == "Explosions/Remote violence":
        # ACLED codes by method: civilians killed by a strike are remote violence, not an "Attack".
        into.event_type, into.sub_event_type = other.event_type, other.sub_event_type
        into.plover, into.plover_mode = other.plover, other.plover_mode
    # Actors cross only between nearby tellings: a mention pages later with no actor of its own ("the battle
    # for the town continues") takes none from a like event far away (a 1944 landing told near the end).
    near = abs(other.evidence.start - into.evidence.start) < 3 * _NEAR_CHARS
    if near:
        into.actor1 = into.actor1 or other.actor1
        if into.actor2 is None and other.actor2 is not None \
                and (into.actor1 is None or other.actor2.name != into.actor1.name):
            into.actor2 = other.actor2  # never the same actor on both sides
    # The first description's place stands unless it was none or a whole country ("Russia fired missiles at
    # Ukraine" then "... hit the station in Kramatorsk").
    if other.location is not None and (into.location is None or (into.location.precision == "country"
                                                                 and (other.geo_precision or 3) < 3)):
        into.location, into.geo_precision = other.location, other.geo_precision
    into_fallback = into.date == published and into.date_precision == "week"
    other_explicit = not (other.date == published and other.date_precision == "week")
    # An explicit date beats the publication-date fallback; a finer date beats a coarser one it falls in
    # ("in April" then "on April 30"); a fallback never replaces an explicit date.
    finer = bool(into.date and other.date and other.date.startswith(into.date)) \
        and (other.time_precision or 9) < (into.time_precision or 9)
    if other_explicit and other.date and (into_fallback or finer):
        into.date, into.date_precision, into.time_precision = other.date, other.date_precision, other.time_precision
    seen = {(q.evidence.start, q.evidence.end) for q in into.quantities}
    into.quantities += [q for q in other.quantities if (q.evidence.start, q.evidence.end) not in seen]
    if other.fatalities is not None and (into.fatalities is None or other.fatalities > into.fatalities):
        into.fatalities = other.fatalities
    into.claim_ids += [c for c in other.claim_ids if c not in into.claim_ids]
    if into.certainty != "asserted" and other.certainty == "asserted":
        into.certainty = "asserted"


def _sentences(doc: Doc, paragraphs: list[Span]) -> list[SpacySpan]:
    """The doc's sentences; paragraphs when a custom pipeline set no sentence boundaries (no parser/senter)."""
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return list(doc.sents)
    spans = [doc.char_span(p.start, p.end, alignment_mode="expand") for p in paragraphs] or [doc[:]]
    return [s for s in spans if s is not None]


class EventsStage:
    """Finds, codes, fills and merges events; appends them to ``result.events``."""

    name = "events"
    # For the selective parser (scale/selective.py): we read the dependency parse (roles, negation) only.
    needs = frozenset({"parser"})
    # Trigger words its default cue list lacks; their sentences get a full parse.
    parse_cues = ("liberation", "withdrawal", "pulling", "retaking", "regained", "overran", "airstrike",
                  "grenade", "ied", "landmine", "abducted", "kidnapped", "looted", "ceasefire", "shifting")

    def __init__(self, model: PloverModel | None, acled: AcledModel | None = None) -> None:
        self.model = model
        self.acled = acled

    def __call__(self, doc: Doc, result: ArticleResult) -> None:
        art = result.article
        text = art.text  # == doc.text, without rebuilding the string from the tokens
        # One regex pass over the whole text; sentences without a trigger are never looked at again.
        hits = [m for m in find_triggers(text) if m.weight >= MIN_TRIGGER_WEIGHT]
        if not hits:
            return
        candidates: list[tuple[SpacySpan, int, Span, tuple[int, int] | None]] = []
        prev: tuple[int, int] | None = None
        i = 0
        for sent in _sentences(doc, art.paragraphs):
            a, b = sent.start_char, sent.end_char
            while i < len(hits) and hits[i].start < a:
                i += 1
            lead = lead_end(text, a, b)
            # A trigger in a byline, a credit or a dateline ("..., March 17 (Wire) —") starts no event.
            inside = [m for m in hits[i:i + 50] if m.start >= lead and m.end <= b]
            if inside and lead < b and not art.skipped(Span.of(text, a, b)):
                t = inside[0]
                candidates.append((sent, lead, Span.of(text, t.start, t.end), prev))
            prev = (a, b)
        if not candidates:
            return
        codings = code_texts([text[lead:s.end_char] for s, lead, _, _ in candidates], self.model,
                             non_event_check=False, acled=self.acled)
        dateline = _dateline_place(text, result.places)
        events: list[Event] = []
        quoted: dict[str, bool] = {}
        index: _Indexes | None = None  # built at the first event: the records no later stage changes
        for (sent, lead, trigger, prev_sent), coding in zip(candidates, codings, strict=True):
            if coding.sub_event_type is None or coding.event_type is None:
                continue
            body = text[lead:sent.end_char]
            if coding.sub_event_type == "Agreement" and not_agreed(body):
                continue  # a ceasefire broken or promised, a deal left: no agreement
            if coding.sub_event_type == "Non-violent transfer of territory" and _LEFT_DEAL.search(body):
                continue  # pulling out of a deal or talks hands over no territory
            if coding.sub_event_type in _REMOTE_SUBS and not _ATTACK_WORDS.search(body):
                continue  # "the remains of the missile", "an advantage in artillery": no attack told
            if coding.sub_event_type == "Chemical weapon" and not names_chemical_agent(body):
                continue  # a chemical attack names its agent
            # A trigger of the chosen sub-type for the slots and flags, one whose word tells of an event here
            # (events_sense: not "to demonstrate its ability", not grenades in a delivery); none: no event.
            own = [Span.of(text, m.start, m.end) for m in hits
                   if m.sub_type == coding.sub_event_type and lead <= m.start and m.end <= sent.end_char]
            telling = [t for t in (own or [trigger]) if reports_event(sent, t, coding.sub_event_type)]
            if not telling:
                continue
            trigger = telling[0]
            para = next(((p.start, p.end) for p in art.paragraphs if p.start <= lead < p.end), None)
            if index is None:
                index = _Indexes(_ByStart(result.places), _ByStart(result.times), _ByStart(result.quantities))
            ev = self._event(result, sent, lead, trigger, prev_sent, para, dateline, coding.event_type,
                             coding.sub_event_type, coding.plover, coding.plover_mode, index)
            quote = _quoted(text, para or (sent.start_char, sent.end_char), trigger)
            if quote is not None:
                # A witness's or an officer's words ("We heard two explosions"): they add to the event the
                # report tells, or stand alone only when the quote itself names a town or a point.
                ev_place = ev.location
                if ev_place is None or not _within(ev_place.evidence, *quote) or _rank(ev_place) > 1:
                    quoted[ev.id] = True
            events.append(ev)
        published = result.article.published
        merged: list[Event] = []
        last_end: dict[str, int] = {}
        for ev in events:
            # The latest matching event first: a sentence continues the story told just before it.
            target = next((m for m in reversed(merged) if not (m.negated or m.future or m.hypothetical)
                           and not (ev.negated or ev.future or ev.hypothetical)
                           and _same_event(m, ev, last_end.get(m.id, m.evidence.end), published)), None)
            if target is None and quoted.get(ev.id):
                target = next((m for m in reversed(merged) if _FAMILY.get(m.sub_event_type, m.event_type)
                               == _FAMILY.get(ev.sub_event_type, ev.event_type)), None)
                if target is None:
                    continue  # a quote alone, with no place of its own, is no event
            if target is None:
                merged.append(ev)
            else:
                _merge(target, ev, published)
                last_end[target.id] = ev.evidence.end
        result.events.extend(merged)

    def _event(self, result: ArticleResult, sent: SpacySpan, lead: int, trigger: Span,
               prev: tuple[int, int] | None, para: tuple[int, int] | None, dateline: Place | None,
               event_type: str, sub: str, plover: str | None, mode: str | None,
               index: _Indexes | None = None) -> Event:
        text = result.article.text
        evidence = Span.of(text, lead, len(text[:sent.end_char].rstrip()))
        sources = [c.source.evidence for c in result.claims if c.source.evidence is not None]
        actor1, actor2 = _actors_for(sent, trigger, result.actors, sources)
        if actor1 is None and prev is not None:
            actor1 = _pronoun_antecedent(sent, prev, result.actors, sources)
        if actor1 is not None and actor1.inter == 7 and event_type in _VIOLENCE_TYPES:
            # ACLED codes civilians only as the victims of political violence (actor2), never as its actor1:
            # "a missile struck the station as thousands of people waited" names no attacker
            actor1, actor2 = (actor2 if actor2 is not None and actor2.inter != 7 else None), actor1
        if actor1 is not None and actor1.inter == 7 and event_type in ("Protests", "Riots"):
            # "several thousand Ukrainians rallied": the people who protest are ACLED's protesters (rioters)
            prefix, kind, inter = ("Protesters", "protesters", 6) if event_type == "Protests" \
                else ("Rioters", "rioters", 5)
            named = actor1.name.replace("Civilians", prefix, 1) if actor1.name.startswith("Civilians") else prefix
            actor1 = dataclasses.replace(actor1, name=named, kind=kind, inter=inter)
        if actor1 is None and event_type == "Explosions/Remote violence":
            actor1 = _weapon_owner(text, evidence.start, sent.end_char)
        control: Actor | None = None
        if sub == "Government regains territory":
            # "returned to Ukrainian control", "back under Kyiv's control": the side named with "control" is
            # the one that regains it, whoever else the sentence names.
            control = _control_side(text[lead:sent.end_char], lead, text)
            if control is not None:
                actor2 = actor1 if actor1 is not None and actor1.name != control.name else actor2
                actor1 = control
        if actor1 is None and sub in _STATE_MOVES:
            actor1 = _country_actor(sent, trigger, text)
            if actor1 is not None and actor2 is not None and actor2.name == actor1.name:
                actor2 = None
        if sub == "Attack" and actor2 is not None and actor2.inter in (1, 2, 3, 8):
            # ACLED: violence against civilians needs civilian victims; an attack on armed forces is a battle.
            event_type, sub = "Battles", "Armed clash"
        # a town taken or handed over is named where it is told: the dateline's town is where the reporter is
        # ("KYIV — ... 6,000 square kilometres retaken in the east" did not happen in Kyiv)
        town = None if sub in _TAKEN or sub == "Non-violent transfer of territory" else dateline
        location, geo = _location((lead, sent.end_char), prev, para, town, result.places, text,
                                  index.places if index is not None else None)
        if sub in _TAKEN and _LOST.search(trigger.text) and actor1 is not None:
            # "Ukrainian forces lost control of the village": the side that lost it is the taken-from side
            # (actor2); the taker is the other side, the government of the place when the loser is foreign
            # ("Russia confirmed it had lost control of Lyman": Ukraine's forces regained it).
            loser = actor1
            actor1, actor2 = None, loser
            if location is not None and location.country_code and location.precision != "country":
                sub = "Non-state actor overtakes territory" if loser.side == location.country_code \
                    else "Government regains territory"
        if sub == "Non-state actor overtakes territory" and location is not None and location.country_code \
                and actor1 is not None and actor1.inter == 1 and actor1.side == location.country_code \
                and location.precision != "country":
            # ACLED: a government's forces taking a place of their own country regain it ("Ukrainians took
            # control of the village" in Donetsk Oblast), whatever word told the taking.
            sub = "Government regains territory"
        if sub == "Government regains territory" and control is None and location is not None \
                and location.country_code and actor1 is not None and actor1.inter == 1 and actor1.side \
                and actor1.side != location.country_code:
            # ACLED: "Non-state actor overtakes territory" is a non-state actor *or a foreign state actor*
            # capturing territory; "Government regains" is the government of the place (or its affiliates).
            # "Russian forces captured Lyman" is Russia's forces overtaking it, not Ukraine's regaining it.
            sub = "Non-state actor overtakes territory"
        if sub == "Government regains territory" and location is not None and location.country_code \
                and (actor1 is None or actor1.side != location.country_code) and control is None \
                and location.precision != "country":
            # Territory regained by a government is regained by the forces of the country it lies in (a place
            # in it, not a country named in the sentence: "reached the border with Russia" is not Russia's).
            home = next((a for a in (actor2,) if a and a.side == location.country_code and a.inter == 1), None)
            if home is None:
                from .actors import load_actor_tables

                name = load_actor_tables().country_names.get(location.country_code)
                if name:
                    home = Actor(location.evidence, f"Military Forces of {name}", location.country_code,
                                 "state_forces", 1)
            if home is not None:
                actor1, actor2 = home, (actor1 if actor1 is not None and actor1 is not home else actor2)
                if actor2 is not None and actor2.name == home.name:
                    actor2 = None  # never the same actor on both sides
        date, date_prec, time_prec = _date(sent, result.times, result.article.published,
                                           index.times if index is not None else None, trigger)
        if prev is not None and date == result.article.published and date_prec == "week" and \
                "\n" not in text[prev[1]:sent.start_char]:
            scene = _scene_date(prev, _times_within(result.times, index.times if index is not None else None,
                                                    *prev), text)
            if scene is not None:
                date, date_prec, time_prec = scene
        quantities: list[Quantity] = index.quantities.within(sent.start_char, sent.end_char) if index is not None \
            else [q for q in result.quantities if _within(q.evidence, sent.start_char, sent.end_char)]
        killed = [q for q in quantities if q.kind in _KILLED and q.value is not None]
        fatalities = int(killed[0].value) if killed and killed[0].value is not None else None
        claims = [c for c in result.claims if c.evidence.contains(trigger) or c.evidence.overlaps(trigger)]
        certainty = claims[0].certainty if claims else "asserted"
        negated, hypothetical, future = _flags(sent, trigger, text)
        if not (negated or hypothetical or future) and intended(sent, trigger):
            future = True  # "tasked with capturing", "efforts to capture", "a possible attack"
        if location is not None and not location.resolved and location.lat is not None:
            # A name the gazetteer lacks carries, in the places list, the point of the story's town
            # (places._locate_unknown), a guess: the event names its place but puts no point on a map
            # ("the breakaway region of Transnistria" sat at Moscow in a story about Moldova).
            location = dataclasses.replace(location, lat=None, lon=None)
        return Event(
            id=_event_id(result.article.id, evidence.start, sub), evidence=evidence, event_type=event_type,
            sub_event_type=sub, plover=plover, plover_mode=mode, actor1=actor1, actor2=actor2,
            location=location, geo_precision=geo or None, date=date, date_precision=date_prec,
            time_precision=time_prec, fatalities=fatalities, quantities=quantities,
            claim_ids=[c.id for c in claims], certainty=certainty, negated=negated,
            hypothetical=hypothetical, future=future, trigger=trigger,
        )


def load(settings: Settings, resources: Resources) -> EventsStage:
    """Stage factory: the PLOVER and ACLED models are loaded once per process through ``resources``."""
    from .events_classifier import load_acled_model, load_plover_model

    return EventsStage(resources.get("events.plover_model", load_plover_model),
                       resources.get("events.acled_model", load_acled_model))
