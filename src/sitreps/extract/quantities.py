"""Quantities: counts of people, equipment and places, distances, percentages — with what is counted and why.

Cheap first: :func:`sitreps.extract.numbers.scan_numbers` finds number phrases with a regex tokenizer; only
those are looked at in the spaCy parse. A number is dropped when it is not a count: an ordinal or unit
designation ("227th battalion", "3rd Army Corps"), a year, part of a date or time already found by the time
stage, a time of day, an age ("a 34-year-old", "aged 34"), a phone number, a model name ("T-72", "Su-25"),
"one" as a pronoun ("one of the operators").

The counted thing is the noun the number modifies (``nummod`` / ``quantmod`` in the parse) with its
coordinated nouns ("armored vehicles and tanks"); when the parse disagrees or is absent (selective parsing),
a fallback walks right over adjectives to the first noun. The kind comes from the words that govern that
noun — its verb and the verb's open complements ("were reported to be destroyed"), predicate adjectives
("were dead"), modifiers ("wounded civilians") — then from a small window of the sentence.
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
                 "seize", "seized", "take", "abduct", "trophy"},
    "destroyed": {"destroy", "destroyed", "damage", "damaged", "shoot", "down", "downed", "hit", "knock",
                  "burn", "burned", "burnt", "eliminate", "lose", "lost", "wreck", "sink", "sunk", "strike"},
    "displaced": {"displace", "displaced", "flee", "fled", "evacuate", "evacuated", "refugee", "homeless",
                  "idp", "leave"},
}
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
            if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") and c.i > last.i and c.i - last.i <= 4:
                last = c
                for cc in c.children:
                    if cc.dep_ == "conj" and cc.pos_ in ("NOUN", "PROPN") and cc.i > last.i:
                        last = cc
        return last

    def _governors(self, head: Token) -> set[str]:
        """Lemmas and forms of the words that say what happened to the counted thing."""
        words: set[str] = set()
        for t in head.children:
            if t.dep_ in ("amod", "acl", "relcl", "compound"):
                words |= {_lemma(t), t.lower_}
        verb = head.head if head.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "conj", "appos") else None
        if verb is not None and head.dep_ == "pobj":
            verb = verb.head
        hops = 0
        while verb is not None and hops < 3:
            words |= {_lemma(verb), verb.lower_}
            for c in verb.children:
                if c.dep_ in ("acomp", "xcomp", "oprd", "ccomp", "prt", "attr", "conj", "advcl") and c.i > head.i - 12:
                    words |= {_lemma(c), c.lower_}
                    for cc in c.children:
                        if cc.dep_ in ("xcomp", "acomp", "ccomp", "prt", "auxpass"):
                            words |= {_lemma(cc), cc.lower_}
                            for ccc in cc.children:
                                if ccc.dep_ in ("xcomp", "acomp"):
                                    words |= {_lemma(ccc), ccc.lower_}
            if verb.pos_ in ("VERB", "AUX") and verb.dep_ not in ("xcomp", "conj", "advcl"):
                break
            verb, hops = verb.head if verb.head is not verb else None, hops + 1
        return words

    def _window_words(self, num: Token) -> set[str]:
        sent = num.sent if num.doc.has_annotation("SENT_START") else num.doc[max(0, num.i - 8): num.i + 12]
        lo, hi = max(sent.start, num.i - 8), min(sent.end, num.i + 12)
        return {w for t in num.doc[lo:hi] for w in (_lemma(t), t.lower_)}

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
        if num is not None:
            head = self._head_noun(num)
            governors: set[str] = set()
            head_lemma = ""
            if head is not None and re.search(r"[\[\]()\n\r;:]", self.text[n.end:head.idx]):
                head = None  # the "counted noun" lies past a bracket or line break: the parse jumped
            if head is not None:
                head_lemma = _lemma(head)
                unit, category = _unit_of(head_lemma)
                if unit is None:
                    unit, category = _unit_of(head.lower_)
                last = self._counted_end(head) if head.doc.has_annotation("DEP") else head
                end = max(end, last.idx + len(last.text))
                if category not in ("distance", "percent"):
                    first = num.i + 1
                    while first <= last.i and (num.doc[first].lower_ == "of" or num.doc[first].like_num):
                        first += 1
                    if first <= last.i:
                        counted = self.text[num.doc[first].idx: last.idx + len(last.text)]
                    if unit is None:
                        unit = head_lemma
                if head.doc.has_annotation("DEP"):
                    governors = self._governors(head)
            elif re.match(r"\s*(?:%|per\s?cent|percent)", self.text[n.end:n.end + 10]):
                unit, category = "percent", "percent"
                end = n.end + len(re.match(r"\s*(?:%|per\s?cent|percent)", self.text[n.end:]).group(0))  # type: ignore[union-attr]
            if n.words and n.value == 1 and category is None:
                return None  # "one more push": "one" counts only things we know how to count
            window = self._window_words(num)
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
        q = Quantity(Span.of(self.text, n.start, end), n.value, unit, value_max=n.value_max, counted=counted,
                     kind=kind, approximate=n.approximate)
        _normalise(q, category)
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
        if q is not None:
            out.append(q)
    return out


class QuantitiesStage:
    """Pipeline stage "quantities"; reads ``result.times`` so dates are never counted."""

    name = "quantities"

    def __call__(self, doc: Doc, result: ArticleResult) -> None:
        times = [(t.evidence.start, t.evidence.end) for t in result.times]
        result.quantities.extend(find_quantities(result.article.text, doc, times))


def load(settings: Settings, resources: Resources) -> QuantitiesStage:
    return QuantitiesStage()

