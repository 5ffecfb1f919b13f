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

import hashlib
import re
from typing import TYPE_CHECKING

from ..model import Actor, ArticleResult, Event, Place, Quantity, Span, TimeExpr
from .events_classify import code_texts
from .events_rules import find_triggers

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
                  r"failed to|without)\b", re.IGNORECASE)
# Verb stems (no lemmatiser needed, so the selective parser can skip it for us).
_FUTURE_STEMS = ("threaten", "plan", "vow", "intend", "prepar", "pledg", "promis", "warn", "aim")
_HYPO_STEMS = ("prevent", "attempt", "seek", "sought")
_FUTURE_AUX = {"will", "shall", "'ll", "going"}
_HYPO_AUX = {"would", "could", "might", "may", "should", "can", "could've", "would've"}
_GEO_PRECISION = {"point": 1, "town": 1, "district": 2, "region": 3, "country": 3}
_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3, "interval": 2}
_KILLED = {"killed", "dead", "fatalities", "deaths"}


def _event_id(article_id: str, start: int, sub: str) -> str:
    return "ev-" + hashlib.sha1(f"{article_id}:{start}:{sub}".encode()).hexdigest()[:12]


def _within(span: Span, a: int, b: int) -> bool:
    return a <= span.start and span.end <= b


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


def _location(sent: SpacySpan, prev: tuple[int, int] | None, places: list[Place]) -> tuple[Place | None, int]:
    def pick(a: int, b: int) -> Place | None:
        cands = [p for p in places if _within(p.evidence, a, b) and p.role not in ("origin", "metonym", "title")]
        located = [p for p in cands if p.role == "event_location"]
        chosen = located or cands
        return chosen[0] if chosen else None

    place = pick(sent.start_char, sent.end_char)
    if place is not None:
        return place, _GEO_PRECISION.get(place.precision or "", 2)
    if prev is not None:
        place = pick(*prev)
        if place is not None:
            # Carried over from the sentence before: "near" at best.
            return place, max(2, _GEO_PRECISION.get(place.precision or "", 2))
    return None, 0


def _date(sent: SpacySpan, times: list[TimeExpr], published: str | None) -> tuple[str | None, str | None, int | None]:
    for t in times:
        if _within(t.evidence, sent.start_char, sent.end_char) and t.value:
            prec = t.precision or ("day" if len(t.value) == 10 else "month" if len(t.value) == 7 else "year")
            return t.value, prec, _TIME_PRECISION.get(prec, 3)
    if published:
        return published, "week", 2  # reported without a date: "in recent days" before publication
    return None, None, None


def _flags(sent: SpacySpan, trigger: Span, text: str) -> tuple[bool, bool, bool]:
    """(negated, hypothetical, future) for the trigger in its sentence."""
    doc = sent.doc
    before = text[sent.start_char:trigger.start]
    clause = before[max(before.rfind(","), before.rfind(";"), before.rfind(" and ")) + 1:]
    negated = bool(_NEG.search(clause[-60:]))
    hypothetical = future = False
    words = re.findall(r"[\w']+", clause.lower())[-8:]
    if any(w in _FUTURE_AUX for w in words) or re.search(r"\b(?:plan|plans|planned|planning|threaten\w*|vow\w*|"
                                                         r"intend\w*|prepar\w*|pledg\w*|warn\w*) to\b",
                                                         clause[-80:], re.IGNORECASE):
        future = True
    if any(w in _HYPO_AUX for w in words) or re.search(r"\bprevent\w*\b[^.]{0,60}\bfrom\b", clause, re.IGNORECASE):
        hypothetical = True
    if doc.has_annotation("DEP"):
        tok_span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
        if tok_span is not None and len(tok_span):
            verb = _verb_of(tok_span.root)
            chain = [verb, *list(verb.ancestors)[:2]]
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


def _same_event(a: Event, b: Event, a_last_end: int) -> bool:
    """Same real-world event: a repeated description (near-duplicate evidence), the same sub-type by the same
    actor at the same place, or one fight (battle/remote-violence family) told over neighbouring sentences."""
    if _near_duplicate(a.evidence.text, b.evidence.text):
        return True
    fam_a = _FAMILY.get(a.sub_event_type, _FAMILY.get(a.event_type, a.sub_event_type))
    fam_b = _FAMILY.get(b.sub_event_type, _FAMILY.get(b.event_type, b.sub_event_type))
    if fam_a != fam_b:
        return False
    names_a = {x.name for x in (a.actor1, a.actor2) if x}
    names_b = {x.name for x in (b.actor1, b.actor2) if x}
    loc_a = (a.location.geonameid or a.location.evidence.text) if a.location else None
    loc_b = (b.location.geonameid or b.location.evidence.text) if b.location else None
    if a.sub_event_type == b.sub_event_type and (a.actor1 and a.actor1.name) == (b.actor1 and b.actor1.name) \
            and loc_a is not None and loc_a == loc_b:
        return True
    close = 0 <= b.evidence.start - a_last_end < _NEAR_CHARS and b.evidence.start - a.evidence.start < 3 * _NEAR_CHARS
    loc_ok = loc_a is None or loc_b is None or loc_a == loc_b or (a.geo_precision or 3) >= 3 \
        or (b.geo_precision or 3) >= 3
    return bool(close and (names_a & names_b) and loc_ok)


def _merge(into: Event, other: Event, published: str | None) -> None:
    """Fold ``other`` into ``into``: keep the first evidence, fill gaps, add figures and claims."""
    if into.actor1 and other.actor1 and other.actor1.unit and not into.actor1.unit \
            and other.actor1.name == into.actor1.name:
        into.actor1 = other.actor1  # the named unit says more than "Ukrainian troops"
    into.actor1 = into.actor1 or other.actor1
    into.actor2 = into.actor2 or other.actor2
    if into.location is None:  # the first description's place stands; later sentences only fill a gap
        if other.location is not None:
            into.location, into.geo_precision = other.location, other.geo_precision
    into_fallback = into.date == published and into.date_precision == "week"
    other_explicit = not (other.date == published and other.date_precision == "week")
    if (into_fallback and other_explicit and other.date) or (other.time_precision or 9) < (into.time_precision or 9):
        into.date, into.date_precision, into.time_precision = other.date, other.date_precision, other.time_precision
    seen = {(q.evidence.start, q.evidence.end) for q in into.quantities}
    into.quantities += [q for q in other.quantities if (q.evidence.start, q.evidence.end) not in seen]
    into.fatalities = into.fatalities if into.fatalities is not None else other.fatalities
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
        candidates: list[tuple[SpacySpan, Span, tuple[int, int] | None]] = []
        prev: tuple[int, int] | None = None
        i = 0
        for sent in _sentences(doc, art.paragraphs):
            a, b = sent.start_char, sent.end_char
            while i < len(hits) and hits[i].start < a:
                i += 1
            inside = [m for m in hits[i:i + 50] if m.start >= a and m.end <= b]
            if inside and not art.skipped(Span.of(text, a, b)):
                t = inside[0]
                candidates.append((sent, Span.of(text, t.start, t.end), prev))
            prev = (a, b)
        if not candidates:
            return
        codings = code_texts([text[s.start_char:s.end_char] for s, _, _ in candidates], self.model,
                             non_event_check=False, acled=self.acled)
        events: list[Event] = []
        for (sent, trigger, prev_sent), coding in zip(candidates, codings, strict=True):
            if coding.sub_event_type is None or coding.event_type is None:
                continue
            # Prefer a trigger of the chosen sub-type for the slots and flags.
            for m in hits:
                if m.sub_type == coding.sub_event_type and sent.start_char <= m.start and m.end <= sent.end_char:
                    trigger = Span.of(text, m.start, m.end)
                    break
            events.append(self._event(result, sent, trigger, prev_sent, coding.event_type,
                                      coding.sub_event_type, coding.plover, coding.plover_mode))
        merged: list[Event] = []
        last_end: dict[str, int] = {}
        for ev in events:
            target = next((m for m in merged if not (m.negated or m.future or m.hypothetical)
                           and not (ev.negated or ev.future or ev.hypothetical)
                           and _same_event(m, ev, last_end.get(m.id, m.evidence.end))), None)
            if target is None:
                merged.append(ev)
            else:
                _merge(target, ev, result.article.published)
                last_end[target.id] = ev.evidence.end
        result.events.extend(merged)

    def _event(self, result: ArticleResult, sent: SpacySpan, trigger: Span, prev: tuple[int, int] | None,
               event_type: str, sub: str, plover: str | None, mode: str | None) -> Event:
        text = result.article.text
        evidence = Span.of(text, sent.start_char, len(text[:sent.end_char].rstrip()))
        sources = [c.source.evidence for c in result.claims if c.source.evidence is not None]
        actor1, actor2 = _actors_for(sent, trigger, result.actors, sources)
        if actor1 is None and prev is not None:
            actor1 = _pronoun_antecedent(sent, prev, result.actors, sources)
        if sub == "Attack" and actor2 is not None and actor2.inter in (1, 2, 3, 8):
            # ACLED: violence against civilians needs civilian victims; an attack on armed forces is a battle.
            event_type, sub = "Battles", "Armed clash"
        location, geo = _location(sent, prev, result.places)
        if sub == "Government regains territory" and location is not None and location.country_code \
                and (actor1 is None or actor1.side != location.country_code):
            # Territory regained by a government is regained by the forces of the country it lies in.
            home = next((a for a in (actor2,) if a and a.side == location.country_code and a.inter == 1), None)
            if home is None:
                from .actors import load_actor_tables

                name = load_actor_tables().country_names.get(location.country_code)
                if name:
                    home = Actor(location.evidence, f"Military Forces of {name}", location.country_code,
                                 "state_forces", 1)
            if home is not None:
                actor1, actor2 = home, (actor1 if actor1 is not home else None)
        date, date_prec, time_prec = _date(sent, result.times, result.article.published)
        quantities: list[Quantity] = [q for q in result.quantities
                                      if _within(q.evidence, sent.start_char, sent.end_char)]
        killed = [q for q in quantities if q.kind in _KILLED and q.value is not None]
        fatalities = int(killed[0].value) if killed and killed[0].value is not None else None
        claims = [c for c in result.claims if c.evidence.contains(trigger) or c.evidence.overlaps(trigger)]
        certainty = claims[0].certainty if claims else "asserted"
        negated, hypothetical, future = _flags(sent, trigger, text)
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
