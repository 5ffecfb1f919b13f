"""Quantities: counts of people, equipment and places, distances, percentages — with what is counted and why.

Cheap first: :func:`sitreps.extract.numbers.scan_numbers` finds number phrases with a regex tokenizer; only
those are looked at in the spaCy parse. A number is dropped when it is not a count: an ordinal or unit
designation ("227th battalion", "3rd Army Corps"), a year, part of a date or time already found by the time
stage, a time of day, an age ("a 34-year-old", "aged 34"), a phone number, a model name ("T-72", "Su-25"),
"one" as a pronoun ("one of the operators").

The counted thing is the noun the number modifies (``nummod`` / ``quantmod`` in the parse) with its
coordinated nouns ("armored vehicles and tanks"); when the parse disagrees or is absent (selective parsing),
a fallback walks right over adjectives to the first noun. The kind comes from the number's own clause only
(see ``QuantityExtractor._governors``): the verb whose subject or object the counted noun is, with its open
complements ("were reported to be destroyed", "left 12 dead", "took 45 soldiers prisoner"), predicate
adjectives ("were dead"), modifiers ("wounded civilians"); never a killing verb of another clause ("as
thousands waited …, killing 50") nor a verb whose active subject the thing is ("two missiles struck the
port"), except verbs that happen to their subject ("died", "surrendered", "fled"). Only when no such verb
exists (fragments, tallies) is a window of the same clause read. A bare number that is a tally's value ("a
toll of 50", "put the death toll at around 30", "the number of people killed rose to 52") counts persons.

Vague amounts are approximate lower-ish bounds with ``value_max`` None (``numbers.VAGUE``): dozens 24,
scores 40, hundreds 200, thousands 2,000; "several/a few hundred" 300; "tens of thousands" 20,000.
Subsets ("…, including five children", "among them five children", "dozens of them wounded") are records of
their own with their own value and ``approximate``; their evidence starts at the subset word ("including five
children") so a consumer adding or comparing totals can tell them from a total, and they take the kind of the
total they belong to when their own clause says nothing.

Not counts: durations ("two months", "48-72 hours" — the time stage's business), calibres ("152 mm"), names
("Article Five", "Group of Seven"). Areas are unit ``km2`` / ``sq mile`` (normalised to km2, kind other),
money after a currency sign is ``USD``/``EUR``/``GBP`` (kind other). A footnote glued to the noun
("personnel.[34]") is left out of the counted words.
Distances are normalised to km (miles × 1.609344, rounded to 0.1; metres / 1000).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..model import Quantity, Span
from .numbers import NumberMatch, scan_numbers

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..model import ArticleResult
    from ..settings import Settings
    from .registry import Resources

# counted noun lemma -> unit
PERSON = {"troop", "soldier", "serviceman", "servicemen", "people", "person", "civilian", "fighter", "personnel",
          "man", "men", "woman", "women", "child", "children", "resident", "casualty", "prisoner", "pow",
          "militant", "mercenary", "conscript", "reservist", "officer", "sailor", "pilot", "refugee", "body",
          "victim", "member", "recruit", "volunteer", "crew", "paratrooper", "marine", "guardsman", "death",
          "dead", "wounded", "injured", "inhabitant", "citizen", "evacuee", "defender", "occupier", "invader",
          "commander", "general", "staff", "employee", "worker", "journalist", "medic", "doctor", "student",
          "captive", "detainee", "hostage", "individual", "infantryman", "operator"}
VEHICLE = {"vehicle", "tank", "apc", "ifv", "truck", "carrier", "bmp", "btr", "car", "bus", "convoy", "column"}
EQUIPMENT_UNITS = {
    **{w: "vehicle" for w in VEHICLE},
    **{w: "aircraft" for w in ("aircraft", "plane", "jet", "helicopter", "bomber", "fighter-bomber", "airplane")},
    **{w: "drone" for w in ("drone", "uav")},
    **{w: "missile" for w in ("missile", "rocket")},
    **{w: "round" for w in ("shell", "round", "munition", "bomb", "grenade")},
    **{w: "artillery system" for w in ("howitzer", "gun", "mortar", "launcher", "mlrs", "system", "piece",
                                       "artillery")},
    **{w: "vessel" for w in ("ship", "boat", "vessel", "warship", "submarine", "pontoon", "bridge")},
}
SETTLEMENT = {"town", "village", "settlement", "city", "locality", "hamlet", "community", "municipality"}
DISTANCE = {"mile": ("mile", 1.609344), "miles": ("mile", 1.609344), "km": ("km", 1.0), "kms": ("km", 1.0),
            "kilometer": ("km", 1.0), "kilometre": ("km", 1.0), "kilometers": ("km", 1.0),
            "kilometres": ("km", 1.0), "metre": ("metre", 0.001), "meter": ("metre", 0.001),
            "metres": ("metre", 0.001), "meters": ("metre", 0.001), "m": ("metre", 0.001)}
PERCENT = {"percent", "per cent", "%", "pct"}

KIND_WORDS: dict[str, set[str]] = {
    "killed": {"kill", "killed", "die", "died", "dead", "death", "perish", "slay", "slain", "fatality",
               "eliminate", "eliminated", "lose", "lost", "neutralize", "neutralise", "liquidate", "body"},
    "wounded": {"wound", "wounded", "injure", "injured", "hurt", "injury"},
    "captured": {"capture", "captured", "prisoner", "pow", "surrender", "detain", "detained", "captive",
                 "seize", "seized", "abduct", "trophy"},
    "destroyed": {"destroy", "destroyed", "damage", "damaged", "shoot", "down", "downed", "hit", "knock",
                  "burn", "burned", "burnt", "eliminate", "lose", "lost", "wreck", "sink", "sunk", "strike"},
    "displaced": {"displace", "displaced", "flee", "fled", "evacuate", "evacuated", "refugee", "homeless",
                  "idp"},
}
# verbs whose *active* subject is the one the kind happens to ("200 soldiers died", "three ships sank")
_SUBJECT_KINDS = {"die", "perish", "drown", "surrender", "flee", "sink", "burn", "crash", "defect", "desert"}
DURATION = {"second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month",
            "months", "year", "years", "decade", "decades", "century", "centuries", "night", "nights"}
_FOOTNOTE_GLUE = re.compile(r"[.,;:]?\[\d*\]?$")
_MONEY_BEFORE = re.compile(r"(?:US\$|\$|€|£)\s?$")
_AREA_AFTER = re.compile(r"\s*(?:sq\.?|square)\s+(kilomet(?:er|re)s?|km|miles?)\b|\s*(km)(?:2|²)(?!\w)")
_VAGUE_WORDS = {"dozen", "dozens", "hundreds", "thousands", "millions", "scores", "several"}
_DESIGNATION_WORDS = re.compile(r"\b(?:Article|Group\s+of|Chapter|Section|Paragraph|Phase|Level|Protocol|Stage)\s+$")
_CALIBRE_AFTER = re.compile(r"(?i)^(?:-|\s)?(?:mm|millimet(?:er|re)s?|cal(?:iber|ibre)?)\b")
_SUBSET_BEFORE = re.compile(r"(?i)\b(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them)\s+$")
_OF_THEM = re.compile(r"\s+of\s+(?:them|whom)\b")
_DESIGNATION_BEFORE = re.compile(r"(?:[A-Za-z]-?|No\.\s*|[Nn]umber\s+|#\s*|(?:Article|Resolution|Route|Highway|"
                                 r"Section|Chapter|Paragraph|Level|Grade|Phase|Block|Unit|Corps|Brigade|Battalion|"
                                 r"Regiment|Division|Army|Group|Page|Flight|Room|Building|Gate|Line)\s+)$")
_AFTER_SKIP = re.compile(r"^(?:st|nd|rd|th)(?![a-z])|^-?\s*(?:year|yr|month|week|day|hour|minute)s?[- ]old\b|^\s*years?\s+old\b"
                         r"|^:\d|^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC|CET|EET|local time|hrs\b)|^-[A-Za-z]"
                         r"|^\s*(?:st|nd|rd|th)\b|^[/.]\d|^'s\b")
_PHONE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]\d{2,4}){2,4}")
_PRONOUN_ONE_BEFORE = re.compile(r"(?i)\b(?:no|the|any|every|each|this|that|which|someone|anyone|only|such)\s+$")
_AGED = re.compile(r"(?i)\baged\s+$")
_YEAR = re.compile(r"(?:19|20)\d\d")


def _lemma(tok: Token) -> str:
    return (tok.lemma_ or tok.text).lower()


def _unit_of(word: str) -> tuple[str | None, str | None]:
    """(unit, category) for a counted noun lemma: person / equipment unit / settlement / distance / percent."""
    w = word.lower()
    if w in DISTANCE:
        return DISTANCE[w][0], "distance"
    if w in PERCENT:
        return "percent", "percent"
    if w in PERSON:
        return "person", "person"
    if w in EQUIPMENT_UNITS:
        return EQUIPMENT_UNITS[w], "equipment"
    if w in SETTLEMENT:
        return "settlement", "settlement"
    if w.endswith("s") and len(w) > 3 and w[:-1] in PERSON | EQUIPMENT_UNITS.keys() | SETTLEMENT:
        return _unit_of(w[:-1])  # a plural the lemmatizer left alone ("vehicles.[19]" glued to a footnote)
    return None, None


def _excluded(text: str, n: NumberMatch, phones: list[tuple[int, int]], times: list[tuple[int, int]]) -> bool:
    before, after = text[max(0, n.num_start - 30):n.num_start], text[n.end:n.end + 16]
    token = text[n.num_start:n.end]
    if _AFTER_SKIP.search(after) or _AGED.search(before):
        return True
    # footnote markers "[10]", list items "4)" / "(4)" at a line start
    if re.match(r"\s*[\])]", after) and (re.search(r"[\[(]\s*$", before) or re.search(r"(?:^|\n)\s*$", before)):
        return True
    if not n.words and _DESIGNATION_BEFORE.search(before):
        return True
    if n.words and token[:1].isupper() and _DESIGNATION_WORDS.search(before):
        return True  # "Article Five", "the Group of Seven nations": a name, not a count
    if _CALIBRE_AFTER.match(after):
        return True  # "152 millimeter howitzers", "122mm": a calibre
    if any(n.num_start < e and s < n.end for s, e in times):
        return True
    if any(s <= n.num_start and n.end <= e for s, e in phones):
        return True
    if not n.words and n.value_max is None and _YEAR.fullmatch(token):
        # a bare 19xx/20xx is a year unless a plural noun follows ("2000 troops")
        nxt = re.match(r"\s+([a-z]+)", after)
        if not nxt or not nxt.group(1).endswith("s"):
            return True
    if token.lower() == "one":
        if re.match(r"\s+(?:of|another|day|time|side|way|thing)\b", after) or _PRONOUN_ONE_BEFORE.search(before):
            return True
    return False


def _plural_between(num: Token, noun: Token) -> Token:
    """"45 soldiers prisoner": the parse hangs the number on a singular noun; a plural in between is the
    thing counted."""
    if noun.tag_ != "NN":
        return noun
    plural = [t for t in num.doc[num.i + 1:noun.i] if t.tag_ in ("NNS", "NNPS")]
    return plural[0] if plural else noun


def _clean(word: str) -> str:
    """A token with a footnote glued on ("personnel.[34", "vehicles.[19]") without it."""
    return _FOOTNOTE_GLUE.sub("", word)


def _own_subject(verb: Token) -> bool:
    """True when a clause has a subject of its own that is not a relative pronoun."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ not in ("who", "that", "which", "whom")
               for c in verb.children)


def _clause_of(tok: Token) -> Token:
    """The verb heading the clause a token belongs to (the root when none)."""
    t = tok
    for _ in range(12):
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass") or t.head is t:
            return t
        t = t.head
    return t


class QuantityExtractor:
    """Turns number phrases into :class:`Quantity` records using the parse around them."""

    def __init__(self, doc: Doc | None, text: str) -> None:
        self.doc, self.text = doc, text

    def _num_token(self, n: NumberMatch) -> Token | None:
        if self.doc is None:
            return None
        span = self.doc.char_span(n.num_start, n.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        # the last token of the first number (before a range joiner) carries the nummod arc
        toks = [t for t in span if t.like_num or t.lower_ in ("dozen", "dozens", "hundreds", "thousands")]
        return toks[-1] if toks else span[-1]

    def _head_noun(self, num: Token) -> Token | None:
        """The noun the number counts: parse first, then a right-ward walk over modifiers."""
        tok, noun = num, None
        for _ in range(3):
            if tok.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "npadvmod") and tok.head.i > num.i:
                tok = tok.head
                if tok.lower_ in DISTANCE or tok.lower_ in PERCENT:
                    return tok
                if tok.pos_ in ("NOUN", "PROPN"):
                    noun = noun or tok
                    # a plural or a known counted noun ends the phrase ("45 soldiers prisoner")
                    if tok.tag_ in ("NNS", "NNPS") or _unit_of(_lemma(tok))[0]:
                        return _plural_between(num, tok)
            else:
                break
        if noun is not None:
            return _plural_between(num, noun)
        # fallback: walk right over adjectives, numbers and demonyms to the first noun
        doc = num.doc
        for j in range(num.i + 1, min(len(doc), num.i + 6)):
            t = doc[j]
            if t.is_punct and t.text != "%" or t.pos_ in ("VERB", "AUX", "ADP", "DET", "PRON", "SCONJ", "CCONJ"):
                if t.lower_ == "of" and doc[j - 1].lower_ in ("dozens", "hundreds", "thousands", "millions",
                                                              "scores"):
                    continue
                break
            if t.pos_ == "NOUN" or _unit_of(_lemma(t))[0] or _unit_of(t.lower_)[0]:
                # prefer the last noun of a compound ("armored personnel carriers")
                k = j
                while k + 1 < len(doc) and doc[k + 1].pos_ == "NOUN" and doc[k + 1].dep_ != "conj" \
                        and doc[k].tag_ not in ("NNS", "NNPS"):
                    k += 1
                return doc[k]
        return None

    def _counted_end(self, head: Token) -> Token:
        """Extend over coordinated nouns: "vehicles and tanks", "towns or villages"."""
        last = head
        for c in head.children:
            if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") and c.i > last.i and c.i - last.i <= 4 \
                    and not any(t.like_num or t.lower_ in _VAGUE_WORDS for t in head.doc[last.i + 1:c.i + 1]):
                last = c
                for cc in c.children:
                    if cc.dep_ == "conj" and cc.pos_ in ("NOUN", "PROPN") and cc.i > last.i and not any(
                            t.like_num or t.lower_ in _VAGUE_WORDS for t in head.doc[last.i + 1:cc.i + 1]):
                        last = cc
        return last

    def _governors(self, anchor: Token) -> tuple[set[str], bool]:
        """Words that say what happened to the counted thing, read from the number's own clause only.

        ``anchor`` is the counted noun (or the number itself when nothing is counted). Its own modifiers count
        ("wounded civilians", "51 severely wounded"), except a relative clause with a subject of its own
        ("fighters, dozens of them wounded"). Then the parse is climbed over "of"-phrases, compounds and
        coordination to the verb whose subject or object it is: the verb, its particles and open complements
        ("were reported to be destroyed", "were dead", "left 12 dead", "took 45 soldiers prisoner") say the
        kind; a killing verb in another clause ("waited …, killing 50") or a verb whose *active* subject the
        thing is ("two missiles struck the port") does not, unless it happens to its subject ("died", "sank",
        "surrendered"). Returns (words, governed): governed is False when no such verb was found, and only
        then may the caller look at the surrounding clause.
        """
        words: set[str] = set()

        def add(t: Token) -> None:
            words.update((_lemma(t), t.lower_))

        for t in anchor.children:
            if t.dep_ in ("amod", "compound") or t.dep_ in ("acl", "relcl") and not _own_subject(t):
                add(t)
                for c in t.children:
                    if c.dep_ in ("xcomp", "acomp", "prt", "oprd"):
                        add(c)
        tok, role = anchor, None
        for _ in range(6):
            dep = tok.dep_
            if dep == "pobj" and tok.head.lower_ in ("of", "including", "among") and tok.head.head is not tok.head \
                    and not (tok is anchor and anchor.like_num and tok.head.lower_ == "of"):
                # (a bare number after "of" is the value of its noun: "a population of about 150,000")
                tok = tok.head.head  # "thousands of people", "50 people, including five children"
                if tok.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
                    add(tok)
                    continue
                break
            if dep in ("compound", "conj", "appos") and tok.head is not tok:
                tok = tok.head
                add(tok)
                continue
            if dep in ("nsubj", "nsubjpass", "dobj", "attr", "oprd", "dative"):
                role = dep
            break
        if role is None:
            return words, False
        verb = tok.head
        passive_like = role != "nsubj" or (verb.tag_ == "VBN" and not any(
            c.dep_ == "aux" and _lemma(c) == "have" for c in verb.children))
        if passive_like or _lemma(verb) in _SUBJECT_KINDS:
            add(verb)
        if _lemma(verb) == "lay" and any(c.lower_ in ("arms", "weapons") for c in verb.children):
            words.add("surrender")  # "laid down their arms"
        if role == "nsubj" and _lemma(verb) in ("leave", "flee"):
            words.add("flee")  # "2,000 residents left the city"; "leaving 10 million people without power" is not
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in ("for", "with") and passive_like:
                # "were treated for injuries", "were hospitalised with wounds"
                words.update(_lemma(g) for g in c.children if g.dep_ == "pobj" and _lemma(g) in KIND_WORDS["wounded"])
            if c.dep_ in ("acomp", "xcomp", "oprd", "prt", "attr") or (
                    c.dep_ in ("ccomp", "conj") and c.pos_ in ("VERB", "AUX", "ADJ") and not _own_subject(c)) or (
                    c.dep_ in ("dobj", "npadvmod") and c is not tok and role == "dobj"):
                if c.dep_ == "prt" and not passive_like and _lemma(verb) not in _SUBJECT_KINDS:
                    continue
                add(c)
                for cc in c.children:
                    if cc.dep_ in ("xcomp", "acomp", "prt", "auxpass", "oprd"):
                        add(cc)
                        for ccc in cc.children:
                            if ccc.dep_ in ("xcomp", "acomp"):
                                add(ccc)
        return words, True

    def _tally_words(self, num: Token) -> set[str]:
        """A bare number that is the value of a tally: "a toll of 50", "put the death toll at around 30",
        "the number of people killed has risen to 52"."""
        if num.dep_ != "pobj" or num.head.lower_ not in ("of", "at", "to"):
            return set()
        gov = num.head.head
        if gov.dep_ == "conj" and gov.pos_ == "ADP":
            gov = gov.head  # "… at around 30, and then at 39"
        nouns = [gov] if gov.pos_ in ("NOUN", "PROPN") else \
            [c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
        words: set[str] = set()
        for n in nouns:
            if _lemma(n) in ("toll", "number", "count", "figure", "tally", "total"):
                for t in n.subtree:
                    if t.i < num.i:
                        words.update((_lemma(t), t.lower_))
        if "toll" in words and not words & (KIND_WORDS["wounded"] | KIND_WORDS["captured"]):
            words.add("death")
        return words

    def _window_words(self, num: Token) -> set[str]:
        """Words near the number; with a parse, only those of the number's own clause."""
        sent = num.sent if num.doc.has_annotation("SENT_START") else num.doc[max(0, num.i - 8): num.i + 12]
        lo, hi = max(sent.start, num.i - 8), min(sent.end, num.i + 12)
        toks = list(num.doc[lo:hi])
        if num.doc.has_annotation("DEP"):
            own = _clause_of(num)
            toks = [t for t in toks if _clause_of(t) is own]
        return {w for t in toks for w in (_lemma(t), t.lower_)}

    def _kind(self, category: str | None, governors: set[str], window: set[str], head_lemma: str) -> str:
        if category == "distance":
            return "distance"
        if category == "settlement":
            return "settlements"
        if category == "percent":
            return "other"
        for words in (governors | {head_lemma}, window):
            if category == "equipment":
                if words & KIND_WORDS["captured"] - {"prisoner", "pow", "surrender", "detain", "detained"}:
                    return "equipment_captured"
                if words & KIND_WORDS["destroyed"]:
                    return "equipment_destroyed"
            elif category == "person" or category is None:
                if head_lemma in ("refugee", "evacuee"):
                    return "displaced"
                for kind in ("killed", "wounded", "captured", "displaced"):
                    if words & KIND_WORDS[kind]:
                        if category is None and kind != "killed" and words is window:
                            continue
                        return kind
        return "other"

    def build(self, n: NumberMatch) -> Quantity | None:
        num = self._num_token(n)
        unit = category = counted = None
        end = n.end
        kind = "other"
        money = _MONEY_BEFORE.search(self.text[max(0, n.num_start - 4):n.num_start])
        if money:
            return self._money(n, money.group(0))
        area = _AREA_AFTER.match(self.text[n.end:n.end + 24])
        if area:
            unit = "sq mile" if (area.group(1) or "").lower().startswith("mile") else "km2"
            q = Quantity(Span.of(self.text, n.start, n.end + len(area.group(0))), n.value, unit,
                         value_max=n.value_max, kind="other", approximate=n.approximate)
            q.normalized_value = round(n.value * (2.589988 if unit == "sq mile" else 1.0), 1)
            q.normalized_unit = "km2"
            return q
        if num is not None:
            head = self._head_noun(num)
            governors: set[str] = set()
            governed = False
            head_lemma = ""
            if head is not None and re.search(r"[\[\]()\n\r;:]", self.text[n.end:head.idx]):
                head = None  # the "counted noun" lies past a bracket or line break: the parse jumped
            if head is not None:
                head_lemma = _clean(_lemma(head))
                if head_lemma in DURATION or _clean(head.lower_) in DURATION:
                    return None  # "two months", "48-72 hours": a duration is the time stage's business
                unit, category = _unit_of(head_lemma)
                if unit is None:
                    unit, category = _unit_of(_clean(head.lower_))
                last = self._counted_end(head) if head.doc.has_annotation("DEP") else head
                end = max(end, last.idx + len(_clean(last.text)))
                if category not in ("distance", "percent"):
                    first = num.i + 1
                    while first <= last.i and (num.doc[first].lower_ == "of" or num.doc[first].like_num):
                        first += 1
                    if first <= last.i:
                        counted = self.text[num.doc[first].idx: last.idx + len(_clean(last.text))]
                    if unit is None:
                        unit = head_lemma
            elif re.match(r"\s*(?:%|per\s?cent|percent)", self.text[n.end:n.end + 10]):
                unit, category = "percent", "percent"
                end = n.end + len(re.match(r"\s*(?:%|per\s?cent|percent)", self.text[n.end:]).group(0))  # type: ignore[union-attr]
            if n.words and n.value == 1 and category is None:
                return None  # "one more push": "one" counts only things we know how to count
            if num.doc.has_annotation("DEP"):
                governors, governed = self._governors(head if head is not None else num)
                if head is None:
                    governors |= self._tally_words(num)
            window = set() if governed else self._window_words(num)
            kind = self._kind(category, governors, window, head_lemma)
            if head is None and kind == "other" and category is None:
                return None  # a bare number with nothing counted and no telling context
            if head is None and kind in ("killed", "wounded", "captured", "displaced"):
                unit = "person"
        else:
            m = re.match(r"\s*(%|per\s?cent|percent|miles?|km|kilomet(?:er|re)s?|met(?:er|re)s?)\b|\s*%",
                         self.text[n.end:n.end + 14])
            if not m:
                return None
            word = m.group(0).strip().lower()
            unit, category = _unit_of(word) if word not in ("%",) else ("percent", "percent")
            end = n.end + len(m.group(0))
            kind = "distance" if category == "distance" else "other"
        of_them = _OF_THEM.match(self.text[n.end:n.end + 16]) if counted is None else None
        if of_them:
            end = max(end, n.end + len(of_them.group(0)))  # "dozens of them badly wounded"
        q = Quantity(Span.of(self.text, n.start, end), n.value, unit, value_max=n.value_max, counted=counted,
                     kind=kind, approximate=n.approximate)
        _normalise(q, category)
        return q

    def _money(self, n: NumberMatch, symbol: str) -> Quantity:
        sym = symbol.strip()
        unit = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP"}.get(sym, sym)
        q = Quantity(Span.of(self.text, min(n.start, n.num_start - len(symbol)), n.end), n.value, unit,
                     value_max=n.value_max, kind="other", approximate=n.approximate)
        q.normalized_value, q.normalized_unit = n.value, unit
        return q


def _normalise(q: Quantity, category: str | None) -> None:
    if category == "distance" and q.unit is not None and q.value is not None:
        factor = {"mile": 1.609344, "km": 1.0, "metre": 0.001}[q.unit]
        digits = 3 if q.unit == "metre" else 1
        q.normalized_value, q.normalized_unit = round(q.value * factor, digits), "km"
        if q.value_max is not None:
            q.value_max = q.value_max  # the range's upper end stays in the unit as written
    elif category in ("person", "equipment", "settlement", "percent") and q.value is not None:
        q.normalized_value, q.normalized_unit = q.value, q.unit


def find_quantities(text: str, doc: Doc | None = None,
                    times: list[tuple[int, int]] | None = None) -> list[Quantity]:
    """Every quantity in ``text``; ``times`` are (start, end) of dates already found (never counted)."""
    numbers = scan_numbers(text)
    if not numbers:
        return []
    phones = [(m.start(), m.end()) for m in _PHONE.finditer(text) if sum(ch.isdigit() for ch in m.group()) >= 9]
    ex = QuantityExtractor(doc, text)
    out: list[Quantity] = []
    for n in numbers:
        if _excluded(text, n, phones, times or []):
            continue
        q = ex.build(n)
        if q is None:
            continue
        marker = _SUBSET_BEFORE.search(text[max(0, n.start - 24):n.start])
        if marker and out:
            _mark_subset(text, q, out[-1], n.start - len(marker.group(0)))
        out.append(q)
    return out


def _mark_subset(text: str, q: Quantity, total: Quantity, start: int) -> None:
    """"killing 50 people, including five children": the five are part of the 50, not 5 more dead. The
    subset keeps its own record (value, counted "children", its own ``approximate``), its evidence starts at
    the subset word ("including five children", "among them five children") so that a reader adding up or
    comparing totals can tell it from a total, and it takes the total's kind and unit when its own clause
    says nothing ("…, among them five children")."""
    between = text[total.evidence.end:start]
    if re.search(r"[.!?]\s|\n", between) or len(between) > 200:
        return  # not the same sentence: no total to be part of
    q.evidence = Span.of(text, start, q.evidence.end)
    if q.kind == "other" and total.unit == "person" and q.unit in ("person", None):
        q.kind, q.unit = total.kind, "person"
        if q.normalized_value is None:
            q.normalized_value, q.normalized_unit = q.value, "person"


class QuantitiesStage:
    """Pipeline stage "quantities"; reads ``result.times`` so dates are never counted."""

    name = "quantities"

    def __call__(self, doc: Doc, result: ArticleResult) -> None:
        times = [(t.evidence.start, t.evidence.end) for t in result.times]
        result.quantities.extend(find_quantities(result.article.text, doc, times))


def load(settings: Settings, resources: Resources) -> QuantitiesStage:
    return QuantitiesStage()

