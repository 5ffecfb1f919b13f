"""Recognition: find toponym mentions in a spaCy ``Doc`` and give each its role.

Why not spaCy's labels alone: the small English model calls Kharkiv a PERSON and Hryhorivka an ORG and misses
villages it never saw. Why not the gazetteer alone: "May", "Police" and "President" are places somewhere.
So a mention is a longest gazetteer match over capitalised token runs (word-bounded by the tokenizer, looked
up by folded key: a dict lookup per run, the same result an Aho-Corasick scan gives for these runs without
building an automaton over 470k names at load), accepted when some evidence backs it: spaCy calls it a
GPE/LOC/FAC, it names a country, admin area, big town or river, a locative word precedes it ("in", "near",
"the village of"), a place is named right after it ("Ruska Lozova, Kharkiv"), or it is coordinated with an
accepted place ("Hryhorivka and Bilohorivka"). Patterns add the type words ("Kharkiv oblast", "Donetsk City",
"the Siverskyi Donets River") to the span.

Roles are read from the words around the mention so they work without a dependency parse (the selective
parser skips the parse on most sentences); the parse is used when present.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from ..gazetteer.build import fold
from ..gazetteer.index import Entry, Gazetteer
from ..gazetteer.tables import DEMONYMS, REGION_DEMONYMS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MAX_TOKENS = 6
# Capitalised words that name places somewhere but are almost always something else in news text.
STOPLIST = frozenset("""
a an the i we he she it they you me us him her them my our his its their this that these those there here
may will march june july august april january february september october november december monday tuesday
wednesday thursday friday saturday sunday police street president minister government army navy court
university school college hospital church center centre city town village county state national federal
north south east west northern southern eastern western central new old great little upper lower mount saint
st. st ft. mr mrs ms dr sir lord lady king queen prince general colonel captain major sergeant officer
chief governor mayor senator congress parliament council committee office department ministry agency
union party republic kingdom empire federation station airport port bridge road avenue park lake river
island islands sea ocean bay beach hill hills valley mountain mountains forest desert border front
victory liberty independence freedom justice peace hope faith grace joy love unity progress success
media news press times post herald tribune journal daily today world international global company group
bank market trade energy power oil gas water fire air land home house hall tower castle fort camp base
god christ jesus allah easter christmas ramadan war battle operation forces troops force guard reserve
black white red green blue brown gold silver orange pink gray grey
one two three four five six seven eight nine ten hundred thousand million first second third last next
said says told added according also but and or if when after before while during since until however
ambassador envoy spokesman spokeswoman spokesperson secretary commander director head deputy
twitter facebook telegram youtube google apple amazon microsoft
ebola zika lyme marburg nipah covid sars mers hendra
arab gulf trail research patrol republican democrat warden titan suv re
hamas hezbollah taliban metro
axis tass interfax xinhua reuters ukrinform unian belta yonhap kyodo bernama
""".split())
# Words that end a place name and say what kind of place it is ("Kharkiv oblast", "the Donets River").
ADMIN_WORDS = {"oblast", "region", "province", "governorate", "krai", "raion", "district", "prefecture"}
# Capitalised, "Oblast" and "Krai" always name the area ("Belgorod Oblast"); "District", "Province" or "Prefecture"
# also name courts, church bodies and prefectural offices ("Moore County District", "Akita Prefecture Police"),
# and the field's gold sets span those names differently: they keep the older behaviour.
CAP_ADMIN_WORDS = {"Oblast", "Krai"}
# what follows "X Regional" when it names an area's government: "Kharkiv Regional State Administration"
REGIONAL_BODY_WORDS = frozenset({"Administration", "State", "Military", "Civil-Military", "Civil", "Prosecutor",
                                 "Council", "Governor", "Government", "Police"})
TOWN_WORDS = {"city"}
RIVER_WORDS = {"river"}
TYPE_WORDS_AFTER = frozenset({*ADMIN_WORDS, "state", *(w.lower() for w in CAP_ADMIN_WORDS)})
# Lower-case words inside a place's name: "Stratford-upon-Avon", "Democratic Republic of the Congo", "Dar es
# Salaam", "Rio Grande do Sul", "Port-au-Prince", "Trinidad y Tobago" (a run is a place only if the whole is a name).
CONNECTORS = {"of", "de", "del", "la", "le", "du", "and", "on", "upon", "am", "an", "el", "al", "-", "the", "es",
              "do", "da", "dos", "das", "des", "au", "aux", "di", "y", "en", "sur"}
# Abbreviated first words of names, as GeoNames writes them in full: "St. Marc" is Saint-Marc, "Mt. Kenya".
ABBREVIATED_FIRST = {"st.": ("saint ", "saint-"), "st": ("saint ", "saint-"), "ste.": ("sainte ", "sainte-"),
                     "mt.": ("mount ",), "ft.": ("fort ",)}
LOCATIVE = {"in", "near", "at", "around", "outside", "from", "to", "into", "toward", "towards", "across",
            "through", "within", "inside", "throughout", "between", "beyond", "via", "off", "along", "over",
            "outskirts", "of", "on", "entered", "reached", "captured", "liberated", "shelled", "struck", "seized",
            "retook", "recaptured", "took", "attacked", "encircle", "encircled", "encircling", "surround",
            "surrounded", "seize", "seizing", "cross", "crossed", "crossing", "until", "defend", "defending",
            "shelling", "bombed", "bombing", "evacuated", "visited", "visit", "enter", "reach", "leave", "left",
            "west", "east", "north", "south", "northwest", "northeast", "southwest", "southeast", "by", "for"}
TYPE_NOUNS = {"village", "town", "city", "settlement", "region", "oblast", "province", "district", "area",
              "areas", "outskirts", "suburb", "suburbs", "vicinity", "direction", "port", "capital", "river"}
TITLE_NOUNS = {"ambassador", "envoy", "mayor", "governor", "president", "minister", "embassy", "consul",
               "king", "queen", "prime", "premier", "representative", "senator", "congressman", "congresswoman",
               "delegate", "emir", "sultan", "chancellor", "secretary", "attorney", "sheriff", "archbishop",
               "bishop", "commissioner", "consulate", "ministry", "duke", "duchess", "prince", "princess", "earl",
               "countess", "archduke"}
# Verbs whose subject, when it is a capital or a country, stands for its government ("Moscow is focused on").
METONYM_VERBS = frozenset("""
say says said announce announces announced claim claims claimed deny denies denied accuse accuses accused
insist insists insisted warn warns warned threaten threatens threatened want wants wanted plan plans planned
decide decides decided focus focuses focused believe believes believed demand demands demanded reject rejects
rejected agree agrees agreed refuse refuses refused recognize recognizes recognized condemn condemns condemned
urge urges urged seek seeks sought hope hopes hoped expect expects expected intend intends intended respond
responds responded admit admits admitted blame blames blamed confirm confirms confirmed vow vows vowed pledge
pledges pledged signal signals signaled signalled prioritize prioritizes prioritized push pushes pushed
send sends sent sanction sanctions sanctioned impose imposes imposed offer offers offered propose proposes
proposed retaliate retaliates retaliated calls called considers considered continues continued tries tried
appears appeared seems seemed has have had is was are were will would could may might must should did does
""".split())
AUX = {"is", "was", "are", "were", "has", "have", "had", "will", "would", "could", "may", "might", "must",
       "should", "did", "does", "appears", "seems", "continues", "not", "also", "now", "still", "likely", "reportedly", "again", "already", "itself", "then"}
_STRONG_LABELS = {"GPE", "LOC", "FAC", "NORP"}
CURRENCY_WORDS = frozenset({"dollar", "dollars", "pound", "pounds", "yuan", "rupee", "rupees", "peso", "pesos"})
# Words that follow a place's name in the name of its local body: "Lombard Police", "Ozark School District".
LOCAL_BODY_WORDS = frozenset("""
county city town township village borough parish police sheriff sheriff's fire rescue school schools district
public high middle elementary community regional municipal council board department court courts library
hospital medical chamber water housing area state city's county's town's village's
""".split())
# The town's own body or office after its name keeps the name a place where the tagger ran it into a person's
# or an organisation's name: "Sochi Mayor Anatoly Pakhomov", "Alexandria Police Spokeswoman", "Torrington
# firefighter". Narrower than LOCAL_BODY_WORDS: "Kennedy Elementary", "Arcade Fire" are no towns.
LOCAL_OFFICE_WORDS = frozenset("""
mayor firefighter firefighters councilman councilwoman councilmember councillor councillors councilor councilors
alderman aldermen selectman selectmen police council
""".split())
# A name that says it is an area keeps it inside an organisation's name: "the Walker County Fair".
AREA_TYPE_WORDS = frozenset({"county", "parish", "province", "oblast", "state", "region", "district"})
COUNTY_WORDS = frozenset({"county", "parish", "province", "oblast"})  # not "state": "Ohio State" is a university
# Labels of names that hold place names without being places ("Fox News", "the Dubai World Cup").
_NAME_LABELS = {"ORG", "WORK_OF_ART", "EVENT", "PRODUCT"}
# Capitalised words that end the name of a street, building or site ("Royal Street", "Manila Cathedral"):
# news names these as places; most are not in GeoNames, so they are located through the town around them.
FACILITY_WORDS = frozenset("""
street avenue boulevard road lane drive square plaza church cathedral basilica mosque temple synagogue school
university college academy library hospital stadium arena racecourse airport airbase station bridge park
mall market hotel inn museum prison jail canal railroad railway metro quarter county parish palace
""".split())


@dataclass
class _Run:
    start: int  # token index
    end: int  # token index, exclusive
    key: str
    kind: str | None


def _is_cap(t: Token) -> bool:
    return t.text[:1].isupper() or (t.text[:1] == "'" and t.text[1:2].isupper())


_ATTRS_KEY = "sitreps_places_token_attrs"
_IOB = ("", "I", "O", "B")  # spaCy's ent_iob_ strings by ENT_IOB value


@dataclass
class _DocAttrs:
    """``lower_``, ``ent_type_`` and ``ent_iob_`` of every token, read once per Doc from one array: the helpers
    below look at the neighbours of every candidate several times, and ``doc[i]`` builds a Token each time."""

    n: int
    lower: list[str]
    ent_type: list[str]
    ent_iob: list[str]
    text: list[str]
    idx: list[int]


def _doc_attrs(doc: Doc) -> _DocAttrs:
    got = doc.user_data.get(_ATTRS_KEY)
    if isinstance(got, _DocAttrs) and got.n == len(doc):
        return got
    from spacy.attrs import ENT_IOB, ENT_TYPE, IDX, LOWER, ORTH

    strings = doc.vocab.strings
    arr = cast("list[list[int]]", doc.to_array([LOWER, ENT_TYPE, ENT_IOB, ORTH, IDX]).tolist()) if len(doc) else []
    names: dict[int, str] = {}

    def name(h: int) -> str:
        got = names.get(h)
        if got is None:
            got = names[h] = strings[h]
        return got

    attrs = _DocAttrs(len(doc), [name(r[0]) for r in arr], [name(r[1]) for r in arr], [_IOB[r[2]] for r in arr],
                      [name(r[3]) for r in arr], [r[4] for r in arr])
    doc.user_data[_ATTRS_KEY] = attrs
    return attrs


def _ent_label(doc: Doc, start: int, end: int) -> str | None:
    """The NER label of an entity covering tokens [start, end), or None."""
    ent_type = _doc_attrs(doc).ent_type
    for i in range(start, end):
        if ent_type[i]:
            return ent_type[i]
    return None


def _ent_extent(doc: Doc, i: int) -> tuple[int, int]:
    at = _doc_attrs(doc)
    if not at.ent_type[i]:
        return i, i + 1
    iob = at.ent_iob
    s = i
    while s > 0 and iob[s] == "I":
        s -= 1
    e = i + 1
    while e < at.n and iob[e] == "I":
        e += 1
    return s, e


@dataclass
class _Tokens:
    """The token attributes recognition reads, copied once per Doc into lists: indexing a Doc builds a Token
    object each time, and the scan below looks at every capitalised token's neighbours several times."""

    text: list[str]
    lower: list[str]
    cap: list[bool]
    punct: list[bool]
    sent_start: list[bool]
    idx: list[int]
    doc_text: str

    def span_text(self, i: int, j: int) -> str:
        """``doc[i:j].text``."""
        return self.doc_text[self.idx[i]:self.idx[j - 1] + len(self.text[j - 1])]


def _tokens(doc: Doc, whole: str | None = None) -> _Tokens:
    """``whole``: ``doc.text`` when the caller has it (spaCy joins every token's text to make it)."""
    from spacy.attrs import IDX, IS_PUNCT, LENGTH, SENT_START

    whole = doc.text if whole is None else whole
    if len(doc) == 0:
        return _Tokens([], [], [], [], [], [], whole)
    arr = cast("list[list[int]]", doc.to_array([IDX, LENGTH, IS_PUNCT, SENT_START]).tolist())
    text = [whole[a:a + n] for a, n, _, _ in arr]
    return _Tokens(text, [w.lower() for w in text],
                   [w[:1].isupper() or (w[:1] == "'" and w[1:2].isupper()) for w in text],  # as _is_cap
                   [bool(p) for _, _, p, _ in arr], [s == 1 for _, _, _, s in arr], [a for a, _, _, _ in arr], whole)


def sentence_index(doc: Doc) -> list[int]:
    """The sentence number of every token, as ``enumerate(doc.sents)`` would give (all 0 without sentence
    starts), from one array instead of a Span per sentence."""
    from spacy.attrs import SENT_START

    if len(doc) == 0 or not doc.has_annotation("SENT_START"):
        return [0] * len(doc)
    out, si = [], 0
    starts = cast("list[int]", doc.to_array([SENT_START]).tolist())
    for k, v in enumerate(starts):
        if k > 0 and v == 1:
            si += 1
        out.append(si)
    return out


def find_runs(doc: Doc, gaz: Gazetteer, doc_text: str | None = None) -> list[_Run]:
    """Longest gazetteer matches over capitalised token runs, plus demonyms and type-word extensions.
    ``doc_text``: ``doc.text``, when the caller already has it."""
    runs: list[_Run] = []
    listing = -1  # where an enumeration of unknown names after a plural place noun last ended
    tk = _tokens(doc, doc_text)
    text, lower, cap = tk.text, tk.lower, tk.cap
    n = len(text)
    i = 0
    while i < n:
        if not cap[i] or tk.punct[i] or lower[i] in ("the", "a", "an"):
            i += 1
            continue
        w = text[i]
        if i + 1 < n and (is_demonym(f"{w} {text[i + 1]}") or f"{w} {text[i + 1]}" in REGION_DEMONYMS):
            # "Sri Lankan", "South Africans", "Central American"
            runs.append(_Run(i, i + 2, fold(f"{w} {text[i + 1]}"), "demonym"))
            i += 2
            continue
        if (is_demonym(w) or w in REGION_DEMONYMS) and not (i + 1 < n and cap[i + 1] and text[i + 1] not in DEMONYMS
                                                          and gaz.has_key(fold(f"{w} {text[i + 1]}"))):
            runs.append(_Run(i, i + 1, fold(w), "demonym"))
            i += 1
            continue
        best: _Run | None = None
        # the longest window: up to MAX_TOKENS, not across a sentence start
        stop = min(n, i + MAX_TOKENS)
        for k in range(i + 1, stop):
            if tk.sent_start[k]:
                stop = k
                break
        for j in range(stop, i, -1):
            if not cap[j - 1] and not (j - i > 1 and _elided_cap(text[j - 1])):  # "Côte d'Ivoire"
                continue
            if any(not cap[k] and (lower[k] not in CONNECTORS or lower[k] == "the" and lower[k - 1] != "of")
                   for k in range(i + 1, j - 1)):
                continue  # "the" only after "of": "Democratic Republic of the Congo"
            if j - i > 1 and lower[j - 1] == "city" and j < n and cap[j] and lower[j] in LOCAL_BODY_WORDS:
                continue  # "Dublin City Council": the council of Dublin, though "Dublin City" is a name too
            key = fold(tk.span_text(i, j))
            if j - i > 1 and lower[i] in ABBREVIATED_FIRST and not gaz.has_key(key) \
                    and not (j < n and lower[j] in ("'s", "’s")):  # a saint's day or church: "St. Patrick's"
                rest = fold(tk.span_text(i + 1, j))
                key = next((k for k in (f + rest for f in ABBREVIATED_FIRST[lower[i]]) if gaz.has_key(k)), key)
            if j - i == 1 and key in STOPLIST and not _acronym_of_area(w, key, gaz):
                break
            if gaz.has_key(key):
                best = _Run(i, j, key, None)
                break
            if j < n and text[j] == "." and tk.idx[j] == tk.idx[j - 1] + len(text[j - 1]) \
                    and gaz.has_key(key + "."):
                best = _Run(i, j + 1, key + ".", None)  # "W.Va." that the tokenizer split as "W.Va" "."
                break
        if best is not None and best.kind is None and (not _prominent(gaz.lookup_key(best.key), rivers=False)
                                                       or _article_joined(tk, best.end)) \
                and not (best.end < n and (lower[best.end] in TYPE_WORDS_AFTER or lower[best.end] in RIVER_WORDS
                                           and any(e.feature_code == "STM" for e in gaz.lookup_key(best.key)))):
            # "in Abu Shok", "in Fraser Valley": the tagger's place runs on past a small town's name (Abu, Fraser);
            # the whole name, which the index lacks, is the place ("in Harbor City" too). Not an area's type word
            # the branches below read ("in Izium Raion"), nor "River" after a river's name
            longer = _tagged_after_locative(doc, gaz, tk, i)  # not FAC: "Ludlow Town Hall" (LGL)
            if longer is not None and longer.end > best.end:
                runs.append(longer)
                i = longer.end
                continue
        fac = _facility(tk, i) or (_natural_feature(tk, gaz, i) if i + 1 < n and cap[i + 1] else None)
        if fac is not None and (best is None or fac.end > best.end):
            runs.append(fac)
            i = fac.end
            continue
        listed = listing == i - 1 and lower[i - 1] in (",", "and", "or") \
            or listing == i - 2 and lower[i - 2] == "," and lower[i - 1] in ("and", "or")
        if best is None:
            unknown = _named_by_type_noun(tk, i) or _tagged_after_locative(doc, gaz, tk, i) \
                or _defined_unknown(tk, i)
            if unknown is None and (listed or _amid_known_list(tk, runs, i, gaz)):
                unknown = _listed_unknown(tk, i)
            if unknown is not None:
                runs.append(unknown)
                if unknown.kind == "unknown" and (listed or lower[i - 2] in PLURAL_TYPE_NOUNS
                                                  or _plural_noun_after(tk, unknown.end)):
                    listing = unknown.end  # the enumeration goes on: "Kampungu, Makonono, Kaluamba and Mombo"
                i = unknown.end
                continue
            i += 1
            continue
        if listed:
            listing = best.end
        if i > 0 and text[i - 1] in COMPASS_WORDS and not tk.sent_start[i] \
                and any(e.feature_code in SEA_CODES for e in gaz.lookup_key(best.key)):
            # "the North Atlantic", "the Eastern Mediterranean": a part of the sea, not a town of its name
            best = _Run(i - 1, best.end, best.key, "sea")
        j = best.end
        nxt = lower[j] if j < n else ""
        if nxt == "state" and cap[j] and not (j + 1 < n and cap[j + 1]) \
                and any(e.feature_code == "ADM1" for e in gaz.lookup_key(best.key)):
            best = _Run(best.start, j + 1, best.key, "admin")  # "Oaxaca State", not "Ohio State University"
        elif j < n and text[j] in CAP_ADMIN_WORDS and cap[j] \
                and not (j + 1 < n and cap[j + 1] and text[j + 1] not in REGIONAL_BODY_WORDS) \
                and any(e.is_admin for e in gaz.lookup_key(best.key)):
            # "Belgorod Oblast", "Krasnodar Krai" where the index has the area under its bare name only: the area,
            # with the name alone as the span (as for "Idlib province"); also before the area's body ("Kursk
            # Oblast Administration", "Belgorod Oblast Governor"); not "Ramsey District Court"
            best = _Run(best.start, j, best.key, "admin")
        elif j < n and text[j] == "Region" and not (j + 1 < n and cap[j + 1]) \
                and any(e.is_admin for e in gaz.lookup_key(best.key)):
            best = _Run(best.start, j, best.key, "region")  # "from Kyiv Region.", as "the Kyiv region"
        elif j + 1 < n and text[j] == "Regional" and text[j + 1] in REGIONAL_BODY_WORDS \
                and any(e.feature_code == "ADM1" for e in gaz.lookup_key(best.key)):
            # "the Kharkiv Regional State Administration", "Kherson Regional Prosecutor's Office": the oblast's
            # bodies; not "Tampa Regional Airport" nor "Regional Medical Center"
            best = _Run(best.start, j, best.key, "admin")
        elif nxt in ADMIN_WORDS and not cap[j]:
            # "Kharkiv oblast": the type word restricts the candidates but stays out of the span, as the
            # field's gold sets mark the name alone ("Idlib" in "Idlib province"); "region" also follows seas and
            # regions ("the Pacific region", "the Sahel region"), not only admin areas
            best = _Run(best.start, j, best.key, "region" if nxt == "region" else "admin")
        elif nxt in TOWN_WORDS and cap[j] and not (j + 1 < n and cap[j + 1] and lower[j + 1] in LOCAL_BODY_WORDS):
            # "Donetsk City"; but "Dublin City Council" is Dublin's council: the name alone is the place
            best = _Run(best.start, j + 1, best.key, "town")
        elif nxt in RIVER_WORDS:
            # "the Donets River" is a name; "the Vistula river" a name and a common noun
            best = _Run(best.start, j + 1 if cap[j] else j, best.key, "river")
        if best.kind is None and i >= 2 and lower[i - 1] == "of" and lower[i - 2] in ("state", "province", "region", "oblast") \
                and not cap[i - 2] and (found := gaz.lookup_key(best.key)) \
                and any(e.feature_code == "ADM1" for e in found) and not any(e.is_country for e in found):
            best = _Run(best.start, best.end, best.key, "admin")  # "the state of Washington", "the region of Vinnytsia"
        runs.append(best)
        i = best.end
    return _unknown_again(tk, runs)


def _unknown_again(tk: _Tokens, runs: list[_Run]) -> list[_Run]:
    """One sense per discourse for names the index lacks: once "the village of Kampungu" names a place, the
    other mentions of "Kampungu" in the text are that place too (as written, capitalised, not inside another
    run, not followed by another capitalised word)."""
    names = {tuple(tk.text[r.start:r.end]): r.key for r in runs if r.kind == "unknown"}
    if not names:
        return runs
    covered = [False] * len(tk.text)
    for r in runs:
        for k in range(r.start, r.end):
            covered[k] = True
    more = []
    for words, key in names.items():
        n = len(words)
        for i in range(len(tk.text) - n + 1):
            if tuple(tk.text[i:i + n]) == words and not any(covered[i:i + n]) \
                    and not (i + n < len(tk.text) and tk.cap[i + n] and not tk.punct[i + n]) \
                    and not (i > 0 and tk.cap[i - 1] and not tk.punct[i - 1] and not tk.sent_start[i]):
                more.append(_Run(i, i + n, key, "unknown"))
                for k in range(i, i + n):
                    covered[k] = True
    return sorted(runs + more, key=lambda r: r.start) if more else runs


def _elided_cap(w: str) -> bool:
    """A word with an elided French or Italian article before a capital: "d'Ivoire", "l'Aquila"."""
    return w[:2].lower() in ("d'", "l'", "d’", "l’") and w[2:3].isupper()


def is_demonym(text: str) -> bool:
    """A country's adjective or its people, singular or plural: "Nigerian", "Nigerians", "South Africans"."""
    return text in DEMONYMS or text.endswith("s") and text[:-1] in DEMONYMS and text[-2:-1] != "s"


def _acronym_of_area(text: str, key: str, gaz: Gazetteer) -> bool:
    """"US" is the country though "us" is a pronoun: a stop-listed word written in capitals is kept when it
    is the short form of a country or region in the gazetteer."""
    return len(text) >= 2 and text.isupper() and any(e.is_country or e.feature_code in ("RGN", "CONT")
                                                     for e in gaz.lookup_key(key))


SAINT_WORDS = frozenset({"saint", "st.", "st", "sainte", "ste."})  # may open a facility's name: "St. Mary's Hospital"


def _facility(tk: _Tokens, i: int) -> _Run | None:
    """A run of 1-4 capitalised words closed by a capitalised facility word: "Royal Street", "Dulles
    International Airport", "Florida Atlantic University", "Saint Andrew's Church"."""
    saint = tk.lower[i] in SAINT_WORDS
    if fold(tk.text[i]) in STOPLIST and not saint or tk.text[i] in ("The", "A", "An"):
        return None
    possessive = False
    for j in range(i + 1, min(len(tk.text), i + 6)):
        if saint and tk.lower[j] in ("'s", "’s") and j + 1 < len(tk.text) and tk.cap[j + 1]:
            possessive = True  # a saint's name with "'s" is part of the name: "St. Peter's Square"
            continue
        if tk.sent_start[j] or not (tk.cap[j] or tk.lower[j] in ("of", "de", "and")):
            return None
        if tk.lower[j] in FACILITY_WORDS and tk.cap[j]:
            # a saint's name opens it only with "'s": "St. Cloud Hospital" is the town's hospital
            return _Run(i, j + 1, fold(tk.span_text(i, j + 1)), "facility") if possessive or not saint else None
    return None


# Nouns that say the name after "of" is a settlement or an area: "the village of Kampungu", "the town of Kalam".
UNKNOWN_TYPE_NOUNS = frozenset({"village", "town", "city", "hamlet", "settlement", "township", "suburb",
                                "neighbourhood", "neighborhood", "district", "municipality", "commune", "island",
                                "province", "region", "community"})
# Nouns between a town and the name of a part of it: "the Nairobi slum Kibera", "the Kyiv suburb Irpin".
APPOSED_TYPE_NOUNS = frozenset({"slum", "suburb", "township", "neighbourhood", "neighborhood", "camp"})
# The plural nouns open an enumeration: "the villages of Bumbacari and Dudescu", "four villages: Kampungu, Makonono".
PLURAL_TYPE_NOUNS = frozenset({"villages", "towns", "cities", "districts", "provinces", "regions", "islands",
                               "communities", "settlements", "townships", "municipalities"})


def _named_by_type_noun(tk: _Tokens, i: int) -> _Run | None:
    """A name the index lacks, that a place noun names: "the village of Kampungu", "the small town of Kasba
    Bonli" (1-3 capitalised words). It stays unresolved and takes the point of the town the text is about."""
    if i < 2 or tk.sent_start[i]:
        return None
    before = tk.lower[i - 1] in ("of", ":") and tk.lower[i - 2] in PLURAL_TYPE_NOUNS \
        or tk.lower[i - 1] == "of" and tk.lower[i - 2] in UNKNOWN_TYPE_NOUNS \
        or tk.text[i - 1] in APPOSED_TYPE_NOUNS and tk.cap[i - 2] and not tk.punct[i - 2] \
        and tk.lower[i] not in LOCAL_BODY_WORDS  # not "the Harrison township Board"
    if not before and tk.lower[i - 1] not in ("the", "in", "from", "of", "at", "near", "between"):
        return None
    j = i + 1
    while j < len(tk.text) and j - i < 3 and tk.cap[j] and not tk.punct[j] and not tk.sent_start[j]:
        j += 1
    # "in the Wedza district", "from Torkula village": the noun after the name, in lower case; "the Etoumbi and
    # Mbomo districts": a plural noun after the names it lists
    if not before and not (j < len(tk.text) and tk.text[j] in ("village", "district", "island")) \
            and not _plural_noun_after(tk, j):
        return None
    if tk.text[i] in ("The", "A", "An") or any(fold(w) in STOPLIST for w in tk.text[i:j]) \
            or not all(w.replace("'", "").replace("’", "").isalpha() for w in tk.text[i:j]):
        return None  # "O'Leary" is a word; "Area 51" is not a name here
    return _Run(i, j, fold(tk.span_text(i, j)), "unknown")


def _plural_noun_after(tk: _Tokens, j: int) -> bool:
    """A second name (1-3 capitalised words) after "and"/"or" at ``j``, then a plural place noun in lower case:
    "the Etoumbi and Mbomo districts", "the Qzxwv or Brqz villages", "between Rangitoto and Motutapu island"."""
    n = len(tk.text)
    if j >= n or tk.lower[j] not in ("and", "or"):
        return False
    k = j + 1
    while k < n and k - j <= 3 and tk.cap[k] and not tk.punct[k] and not tk.sent_start[k]:
        k += 1
    return j + 1 < k < n and tk.text[k] in _LISTED_PLURALS


_LISTED_PLURALS = frozenset({"villages", "districts", "provinces", "regions", "municipalities", "communes",
                             "townships", "counties", "camps", "islands", "island"})  # "X and Y island": a pair


# Words that may follow the noun of a definition ("Kwamalusi, a suburb located east of Bulawayo", "a mining town
# in northern Chile"); another noun there makes it a title ("a town councillor").
_AFTER_DEFINING = frozenset({"in", "of", "on", "near", "located", "situated", "about", "that", "which", "where",
                             "with", "north", "south", "east", "west", "outside", "some", "just", "close"})


def _defined_unknown(tk: _Tokens, i: int) -> _Run | None:
    """A name the index lacks that a definition calls a settlement: "Kwamalusi, a suburb east of Bulawayo",
    "Tenhoven is a small village in ..." (1-3 capitalised words; at most two words between the article and the
    noun; the noun closes the phrase: not "Tim Walker, a city official")."""
    if fold(tk.text[i]) in STOPLIST or tk.text[i] in ("The", "A", "An") or i > 0 and tk.cap[i - 1] \
            and not tk.punct[i - 1] and not tk.sent_start[i]:
        return None
    j = i + 1
    n = len(tk.text)
    while j < n and j - i < 3 and tk.cap[j] and not tk.punct[j] and not tk.sent_start[j]:
        j += 1
    if any(fold(w) in STOPLIST for w in tk.text[i:j]) or not all(w.isalpha() for w in tk.text[i:j]):
        return None
    if j + 2 >= n or tk.lower[j] not in (",", "is", "was") or tk.lower[j + 1] not in ("a", "an") \
            or tk.lower[j] == "," and (i == 0 or tk.sent_start[i]):
        return None  # "Meanwhile, a town nearby ...": an adverb opening the sentence
    for k in range(j + 2, min(n - 1, j + 5)):
        w = tk.lower[k]
        if w in DEFINING_NOUNS or w == "suburb":
            nxt = tk.lower[k + 1]
            return _Run(i, j, fold(tk.span_text(i, j)), "unknown") \
                if nxt in _AFTER_DEFINING or tk.punct[k + 1] else None
        if not w.isalpha() or tk.cap[k]:
            return None
    return None


def _listed_unknown(tk: _Tokens, i: int) -> _Run | None:
    """The next name of an enumeration that a plural place noun opened (1-3 capitalised words)."""
    if fold(tk.text[i]) in STOPLIST or tk.sent_start[i]:
        return None
    j = i + 1
    while j < len(tk.text) and j - i < 3 and tk.cap[j] and not tk.punct[j] and not tk.sent_start[j]:
        j += 1
    if any(fold(w) in STOPLIST for w in tk.text[i:j]) or not all(w.isalpha() for w in tk.text[i:j]):
        return None
    return _Run(i, j, fold(tk.span_text(i, j)), "unknown")


def _amid_known_list(tk: _Tokens, runs: list[_Run], i: int, gaz: Gazetteer) -> bool:
    """A one-word name the index lacks inside an enumeration of known places, two right before it and two right
    after it: "Migori, Homa Bay, Rongo, Siaya, Kisumu" (a district the index lacks among the towns around it);
    not "Day, Edwards, Gipson and Miller, Brian Fogle" (surnames, whatever the index holds)."""
    n = len(tk.text)
    if len(runs) < 2 or tk.lower[i - 1] != "," or i + 1 >= n or tk.sent_start[i] or tk.lower[i + 1] != ",":
        return False
    last, before = runs[-1], runs[-2]
    if last.end != i - 1 or before.end + 1 != last.start or tk.lower[before.end] != "," \
            or last.kind not in (None, "admin") or before.kind not in (None, "admin") \
            or any(e.is_country for r in (last, before) for e in gaz.lookup_key(r.key)):
        return False  # a list of countries ("Panama, Yugoslavia, Iraq"): a name the index lacks there has no town
    j = i + 2
    for _ in range(2):  # the next two names of the list are in the index too
        k = j
        while k < min(n, j + 3) and tk.cap[k] and not tk.punct[k] and not tk.sent_start[k]:
            k += 1
        if k == j or not gaz.has_key(fold(tk.span_text(j, k))):
            return False
        if k < n and tk.lower[k] == ",":
            k += 1
        if k < n and tk.lower[k] in ("and", "or"):
            k += 1
        j = k
    return True


# Capitalised words that close the name of a natural feature ("Mahim Bay", "Waiheke Island", "the Swat Valley")
# or open it ("Lake Pontchartrain", "Mount Elgon").
FEATURE_WORDS_AFTER = frozenset({"bay", "lake", "island", "valley", "delta", "peninsula", "harbour", "harbor",
                                 "lagoon", "strait", "gulf", "creek", "beach", "mountains", "hills", "plateau"})
FEATURE_WORDS_BEFORE = frozenset({"lake", "mount", "mt.", "isle", "cape"})


# Capitalised settlement nouns that no person's name opens: "SOS Children's Village Malakal" is a place in Malakal.
SETTLEMENT_NOUNS_CAP = frozenset({"Village", "Camp", "Town", "City", "Port", "Township"})


# Plural nouns of places before "like" / "such as": the names after them are examples of such places.
EXAMPLE_NOUNS = PLURAL_TYPE_NOUNS | {"countries", "nations", "states", "places", "areas", "islands"}


def _named_as_example(prev: list[str]) -> bool:
    """The words before a name (nearest first) say it is an example of places: "regions like", "countries such
    as"."""
    return len(prev) > 1 and (prev[0] == "like" and prev[1] in EXAMPLE_NOUNS
                              or prev[0] == "as" and prev[1] == "such" and len(prev) > 2 and prev[2] in EXAMPLE_NOUNS)


# last words of a facility's or a feature's name that are no one's surname
NOT_PERSON_LAST = frozenset("""
racecourse airport airbase stadium arena university college academy hospital cathedral basilica mosque temple
synagogue museum library station avenue boulevard plaza bay island valley delta peninsula lagoon strait harbour
harbor mountains
""".split())


def _article_joined(tk: _Tokens, j: int) -> bool:
    """An Arabic article joined by a hyphen to a capitalised word at ``j``: the name goes on ("Bab el-Oued", not
    the Syrian city of Al-Bab; "Ras al-Ain")."""
    return j + 2 < len(tk.text) and tk.lower[j] in ("el", "al", "ad", "ar", "as", "ash", "az", "en", "er", "es") \
        and tk.text[j + 1] == "-" and tk.cap[j + 2]


def _natural_feature(tk: _Tokens, gaz: Gazetteer, i: int) -> _Run | None:
    """A natural feature the index lacks, by its type word: "Mahim Bay", "Islington Bay" (not the London borough),
    "Lake Pontchartrain", "Waiheke Island": 2-4 capitalised words ending in the type word, or two opening with
    it, no capitalised word after them ("Tampa Bay Buccaneers" is a team), none before them. It is located like any name the index lacks
    (a town or area named inside it near the text's places, else the text's town)."""
    n = len(tk.text)
    if tk.sent_start[i] and tk.lower[i] not in FEATURE_WORDS_BEFORE or i > 0 and tk.cap[i - 1] \
            and not tk.punct[i - 1] and not tk.sent_start[i]:
        return None
    j = i + 1
    while j < n and j - i < 4 and tk.cap[j] and not tk.punct[j] and not tk.sent_start[j]:
        j += 1
    if j - i < 2 or j < n and tk.lower[j] in ("'s", "’s"):
        return None
    if tk.lower[j - 1] not in FEATURE_WORDS_AFTER and (tk.lower[i] not in FEATURE_WORDS_BEFORE or j - i != 2):
        return None  # "Lake Pontchartrain", not "Mount Pleasant High School"
    words = tk.text[i:j]
    if not all(w.replace("-", "").replace("'", "").isalpha() for w in words) or any(w.isupper() for w in words):
        return None
    key = fold(tk.span_text(i, j))
    if gaz.has_key(key) or fold(words[0]) in STOPLIST and tk.lower[i] not in FEATURE_WORDS_BEFORE:
        return None
    return _Run(i, j, key, "unknown")


def _tagged_after_locative(doc: Doc, gaz: Gazetteer, tk: _Tokens, i: int) -> _Run | None:
    """A name the index lacks that the tagger calls a place (GPE, LOC) after "in", "near", "at" or "from":
    "in Pangandaran", "near Lake Titicaca" (1-4 capitalised words, the tagger's whole entity); also one word it
    calls an organisation right after "in" ("someone in Adhamiya"), written as a name (no inner capitals, not
    stop-listed)."""
    if i == 0 or tk.lower[i - 1] not in ("in", "near", "at", "from", "outside", "the"):
        return None
    at = _doc_attrs(doc)
    one_org = at.ent_type[i] == "ORG" and tk.lower[i - 1] == "in" and (i + 1 >= at.n or at.ent_iob[i + 1] != "I") \
        and tk.text[i].isalpha() and tk.text[i][1:].islower() and fold(tk.text[i]) not in STOPLIST
    if at.ent_type[i] not in ("GPE", "LOC") and not one_org or at.ent_iob[i] != "B":
        return None
    j = i + 1
    while j < at.n and at.ent_iob[j] == "I":
        j += 1
    k = i - 1
    if tk.lower[k] == "the" and k > 0:
        k -= 1
    if tk.lower[k] not in ("in", "near", "at", "from", "outside") or j - i > 4 or tk.sent_start[i]:
        return None
    words = tk.text[i:j]
    if not all(w[:1].isupper() or w.lower() in CONNECTORS for w in words) or not words[-1][:1].isupper() \
            or any(w not in CONNECTORS and not w.replace("-", "").replace("'", "").isalpha() for w in words) \
            or fold(words[0]) in STOPLIST and len(words) == 1:
        return None
    if any(w.isupper() for w in words):
        return None  # "ICON", "OT": acronyms of things
    if any(gaz.has_key(fold(w)) and fold(w) not in STOPLIST for w in words[1:]):
        return None  # a known name inside ("United Way of America"): the scan takes that name on its own
    return _Run(i, j, fold(tk.span_text(i, j)), "tagged")  # not spread to its repeats (see _unknown_again)


def _prev_words(doc: Doc, i: int, k: int = 3) -> list[str]:
    out: list[str] = []
    lower = _doc_attrs(doc).lower
    j = i - 1
    while j >= 0 and len(out) < k:
        w = lower[j]
        if w not in ("the", "a", "an", "'s", ",") or not out and w == ",":
            out.append(w)
        j -= 1
    return out


def accept(doc: Doc, run: _Run, gaz: Gazetteer, accepted_before: list[_Run]) -> bool:
    """Is there enough evidence that this gazetteer match is a place here? (See the module docstring.)"""
    if run.kind == "tagged" and run.end - run.start == 1 \
            and (doc[run.start].text in _person_words(doc) or doc[run.start].text in _name_ends(doc)) \
            and not any(r.key == run.key for r in accepted_before):
        # "in Scholz’s circles" after "Olaf Scholz" (a person, or an organisation by the tagger): the person,
        # named again, not a place the index lacks
        return False
    if run.kind in (None, "unknown", "tagged") and _caps_headline(doc, run) and not _dateline(doc, run):
        entries = gaz.lookup_key(run.key)
        if fold(doc[run.start:run.end].text) in STOPLIST and not any(e.is_country for e in entries) \
                or not any(e.is_country or e.feature_code in ("ADM1", "PPLC", "RGN", "CONT")
                           or e.feature_class == "P" and e.population >= 100_000 for e in entries) \
                and not _written_lower(doc, run):
            # "HARRIS SLAMS DESANTIS", "NATO'S EASTERN FLANK": a headline in capitals, its words read as words;
            # countries, first-level areas, capitals and cities stay ("US SENDS TROOPS TO POLAND"), and so does a
            # town the text also writes in lower case ("SHELLING HITS IZIUM" in a story about Izium)
            return False
    if run.kind != "demonym" and _after_combining_form(doc, run):
        return False  # "Euro-Atlantic integration", "the Indo-Pacific region": a compound's second part
    if _between_slashes(doc, run):
        return False  # "Anatolii Stepanov/Pool/Getty Images": a photo credit, not the Congo's Pool region
    if _disease_name(doc, run, gaz):
        return False  # "West Nile virus", "the Reston virus", "Hong Kong Flu": a disease named for a place
    if run.kind in ("demonym", "admin", "region", "river", "town", "facility", "unknown", "tagged"):
        return True
    if run.kind == "sea":
        return not _institution_after(doc, run, gaz)  # "the North Atlantic", not "North Atlantic Treaty Organization"
    if _dateline(doc, run) or _defined(doc, run) or _called(doc, run) or _party_home(doc, run) \
            or _resident(doc, run, gaz):
        return True
    if run.start > 0 and (doc[run.start - 1].text in HONORIFICS or doc[run.start - 1].text in PERSON_TITLES):
        return False  # "Mrs. Lincoln", "Sgt. Lansing", "Judge Madison", "President Vladimir": a person
    if _named_thing(doc, run, gaz):
        return False  # "Nord Stream", "Brent crude", "the Wagner militia": a pipeline, a price, a company
    if _institution_after(doc, run, gaz):
        return False  # "the Main Intelligence Directorate", "the Japan Maritime Self-Defence Force"
    if _before_surname(doc, run, gaz):
        return False  # "Volodymyr Zelensky" where "Zelensky" is a person alone elsewhere
    if run.key in _vessels(doc):
        return False  # "the Russian cruiser Moskva", then "missiles launched at Moskva": the ship, not Moscow
    if run.end - run.start == 1 and run.start > 0 and doc[run.start - 1].lower_ == "the" and run.kind is None \
            and doc[run.start].ent_type_ in ("ORG", "") and not doc[run.start].is_sent_start \
            and all(e.feature_class == "P" and e.population < 100_000 and not e.feature_code == "PPLC"
                    for e in gaz.lookup_key(run.key)) \
            and (run.end == len(doc) or doc[run.end].is_punct and doc[run.end].text not in DASHES | {"/"}
                 or doc[run.end].pos_ in ("VERB", "AUX")
                 or doc[run.end].lower_ in ("and", "or") and run.end + 1 < len(doc)
                 and doc[run.end + 1].is_alpha and doc[run.end + 1].is_lower):
        # "members of the Alliance want", "outside the Alliance and so": a body or an event, not a town
        # ("the Pirbright laboratory", "the Temryuk and Anapa" stay places)
        return False
    if _given_name_before_surname(doc, run, gaz):
        return False  # "patient Wiktoria Sokolowska", "Video Marta Klimkiewicz": a given name, whatever the tag
    if _person_appositive(doc, run, gaz):
        return False  # "the advice of Basta, the Minister of Economy": a person, not the Romanian village
    if run.start > 0 and not doc[run.start].is_sent_start and doc[run.start - 1].is_alpha \
            and doc[run.start - 1].text[:1].isupper() and not doc[run.start].ent_type_ and _common_word(doc, run, gaz):
        return False  # "a Ukraine Peace Summit" untagged, and "the summit" later: the last word of a name
    if run.end - run.start == 1 and doc[run.start].pos_ == "ADJ" and not doc[run.start].ent_type_ \
            and run.end < len(doc) and doc[run.end].pos_ == "NOUN" and doc[run.end].text.islower():
        return False  # an adjective before its noun, capitalised as a heading: ISW's "Main effort" (not the Main)
    if _model_designation(doc, run):
        return False  # "an Msta-B howitzer", "Tornado-S rockets": a weapon's name, not the river or the town
    label = _ent_label(doc, run.start, run.end)
    es, ee = _ent_extent(doc, run.start)
    if label in ("CARDINAL", "ORDINAL", "QUANTITY", "PERCENT") \
            and not any(c.isdigit() for c in doc[run.start:run.end].text) \
            and any(e.is_country or e.feature_code == "ADM1" for e in gaz.lookup_key(run.key)):
        label = None  # "NSW Minister for Primary Industries" tagged a number: a state's name has no digit
    if label in ("DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY", "LAW", "LANGUAGE"):
        # a country naming a currency is still the country: "15 billion US dollars", "Hong Kong dollars"
        return label == "MONEY" and run.end < len(doc) and doc[run.end].lower_ in CURRENCY_WORDS \
            and any(e.is_country for e in gaz.lookup_key(run.key))
    prev = _prev_words(doc, run.start)
    local = _office_after(doc, run)
    if label == "PERSON" and run.end - run.start > 1 and any(e.is_country for e in gaz.lookup_key(run.key)):
        return True  # "Sri Lanka - approximately 28,500" run into a person by the tagger: no one is named so
    if label == "PERSON" and es == run.start and ee == run.end and doc[run.start].text in ROYAL_TITLES \
            and run.end - run.start > 1 and not (prev and prev[0] in FIRM_LOCATIVE) \
            and not (run.end < len(doc) and doc[run.end].text[:1].isupper()):
        return False  # "the wife of Prince Edward", "Prince William visited": a royal, not the county or town
    if label in ("PERSON", "ORG") and es < run.start and ee == run.end and run.start - es == 1 \
            and doc[es].text in SETTLEMENT_NOUNS_CAP and _prominent(gaz.lookup_key(run.key), rivers=False):
        # "Children's Village Malakal" run into a person or an organisation: a village in Malakal (a city of
        # 100k+), no one called Village
        return True
    if label == "PERSON" and (es < run.start or ee > run.end):
        # part of a person's name ("Jordan Peterson"), unless a preposition shows the tagger ran a title into
        # the name ("Ambassador to Austria Olexander Scherba") or the town's local body or office follows
        # ("Alexandria Police Spokeswoman ...", "Hounslow Councillors"); not when the text names the person by
        # the surname alone too ("to Vladimir Putin" where "Putin" is a person elsewhere)
        # ("an opponent of Vladimir Putin": "of" after a common noun is no title's "of")
        return es == run.start and (bool(prev) and prev[0] in ("to", "of", "in") and not _surname_alone(doc, ee)
                                    and not _given_name_of(doc, run, ee, gaz) and not _named_person(doc, run, gaz)
                                    and not (prev[0] == "of" and len(prev) > 1 and prev[1].isalpha()
                                             and prev[1] not in TITLE_NOUNS and prev[1] not in TYPE_NOUNS
                                             and ee > run.end and doc[run.end].is_alpha
                                             and doc[run.end].text[:1].isupper())
                                    or local)
    if label == "PERSON" and not any(fold(e.name) == run.key or e.population >= 100_000 or e.feature_class != "P"
                                     for e in gaz.lookup_key(run.key)) \
            and not (prev and (prev[0] in FIRM_LOCATIVE or prev[0] == "of" and len(prev) > 1 and prev[1] in FIRM_OF)) \
            and not (run.end < len(doc) and doc[run.end].lower_ in PLURAL_TYPE_NOUNS | {"rivers", "counties"}):
        # the tagger's person, the name alone, found only as another name of villages ("Putin" for Putyatintsy):
        # "the Putin regime", "a red line for Putin"; a village after "in", "near" or "the village of" stays one,
        # and so does a name before a plural type noun ("the Williams and Cranberry rivers")
        return False
    if run.end - run.start == 1 and run.start > 0 and doc[run.start].text in RIVER_PART_WORDS \
            and doc[run.start - 1].text[:1].isupper() \
            and any(e.feature_code == "STM" and e.bbox is not None for e in gaz.lookup_key(fold(doc[run.start - 1].text))):
        return False  # "the Danube Delta", "the Don Basin": part of the river's name, not Delta State in Nigeria
    if run.end - run.start == 1 and run.start > 0 and doc[run.start - 1].text in INSTITUTION_FIRST \
            and not any(e.is_country or e.feature_code == "ADM1" for e in gaz.lookup_key(run.key)):
        return False  # "Russian State Duma members": the institution, whatever the tagger calls it
    if label in ("PERSON", "ORG") and _after_given_name(doc, run, es, ee) \
            and not any(e.is_country or e.feature_code == "ADM1" for e in gaz.lookup_key(run.key)):
        return False  # "Defense Secretary Lloyd Austin": a name ends with it, a given name before it
    if label == "EVENT" and _inside_name(doc, run, es, ee) and any(e.is_country for e in gaz.lookup_key(run.key)):
        return True  # "the Vietnam war": the country an event is named for
    if label in _NAME_LABELS and _inside_name(doc, run, es, ee) and doc[run.end - 1].lower_ not in AREA_TYPE_WORDS \
            and (not _prominent(gaz.lookup_key(run.key), rivers=False) or _common_word(doc, run, gaz)) \
            and not (run.end < ee and doc[run.end].lower_ in LOCAL_BODY_WORDS) and not local:
        # a word of a longer name that is no place ("Fox News", "the Ministry of Commerce", "Johnson & Johnson");
        # a local body keeps its place ("Laurel County Sheriff's Office", "Lombard Police Department")
        return False
    if run.end - run.start == 1 and doc[run.start].text in _person_words(doc) and not doc[run.start].text.isupper() \
            and not (label in ("GPE", "LOC") and (prev and prev[0] in LOCATIVE or _prominent(gaz.lookup_key(run.key)))) \
            and not (label not in ("PERSON", "ORG") and (prev and prev[0] in FIRM_LOCATIVE or _area_after(doc, run, gaz))):
        # "Smith said" after "John Smith": the person, named again; but a country or a place after "in" that
        # the tagger calls a place stays one though it ran into a person's name once ("Rethinking Egypt"), and
        # so does a name the tagger does not call a person after "in" or before its state ("in Greer",
        # "Greer, South Carolina", though "Downtown Greer" was tagged a person)
        return False
    entries = gaz.lookup_key(run.key)
    if (label == "PERSON" or _inside_name(doc, run, es, ee)) and _county_short_form(entries, run.key) \
            and not _prominent(entries, rivers=False) and not (run.end < ee and doc[run.end].lower_ in LOCAL_BODY_WORDS):
        # a small county's name without "County", as a person ("the birth of Jack") or a word of a longer name
        # ("Lake Lanier", "St. Patrick's Day"): news writes such a county with its word, or its local body's
        # ("Wilkin County Sheriff"); a large one keeps its short form ("Gwinnett Medical Center")
        return False
    if run.end - run.start > 1 and doc[run.end - 1].lower_ in COUNTY_WORDS and doc[run.end - 1].text[:1].isupper():
        return True  # the name says what it is: "The Henry County Commission met", "Pointe Coupee Parish"
    top = entries[0]
    text = doc[run.start:run.end].text
    if run.end - run.start == 1 and text.isupper() and 2 <= len(text) <= 5 and label not in ("GPE", "LOC") \
            and not any(e.is_country or e.is_admin or e.feature_code in ("RGN", "CONT") or e.name.isupper()
                        for e in entries):
        return False  # "NATO", "BA", "APC": an acronym, not the town of Nato or Ba
    if local and any(e.feature_class in "PA" for e in entries):
        return True  # "Lombard Police Chief Ray Byrne", "Woodbury Mayor Tina Hartley"
    prominent = _prominent(entries)
    first = doc[run.start].is_sent_start or run.start == 0
    if label in _STRONG_LABELS and not (first and run.end - run.start == 1 and not prominent
                                        and doc[run.start].lower_ in STOPLIST):
        return True
    if prev and (prev[0] in LOCATIVE or prev[0] in TYPE_NOUNS):
        return not first
    if _named_as_example(prev):
        return True  # "in regions like Java", "countries such as Chad"
    if run.end < len(doc) - 1 and doc[run.end].text == "," and _is_cap(doc[run.end + 1]) \
            and gaz.has_key(fold(doc[run.end + 1].text)):
        return True
    if prev and prev[0] in ("and", "or") and accepted_before and accepted_before[-1].end >= run.start - 3:
        return True
    if _between_listed(doc, run, accepted_before, label == "PERSON"):
        return True
    if prominent and not (first and run.end - run.start == 1 and label is None and top.population < 1_000_000
                          and not top.is_country):
        return label is None or label in ("PERSON", "ORG", "NORP") and ee - es == run.end - run.start \
            or label == "ORG"
    return False


DISEASE_WORDS = frozenset({"virus", "viruses", "fever", "disease", "flu", "influenza", "encephalitis"})


def _disease_name(doc: Doc, run: _Run, gaz: Gazetteer) -> bool:
    """The name is a disease's: a disease word follows it, capitalised as part of the name ("Hong Kong Flu"), or in
    lower case after a name no country or first-level area bears ("West Nile virus"; "the United States flu
    season" keeps the country)."""
    if run.end >= len(doc) or run.kind == "demonym":
        return False
    nxt = _doc_attrs(doc).lower[run.end]
    if nxt not in DISEASE_WORDS:
        return False
    if doc[run.end].text[:1].isupper():
        return True
    return not any(e.is_country or e.feature_code == "ADM1" for e in gaz.lookup_key(run.key))


def _caps_headline(doc: Doc, run: _Run) -> bool:
    """The name, in capitals, stands in a line of capitals: four words or more on its line (up to 12 each
    side), all alphabetic ones in capitals. A dateline is found before this (:func:`_dateline`)."""
    if not all(t.text.isupper() for t in doc[run.start:run.end] if t.is_alpha):
        return False
    words = 0
    for rng in (range(run.start - 1, max(-1, run.start - 13), -1), range(run.end, min(len(doc), run.end + 12))):
        for k in rng:
            t = doc[k]
            if "\n" in t.text or t.is_space and "\n" in t.text_with_ws:
                break
            if t.is_alpha:
                if not t.text.isupper():
                    return False
                words += 1
    return words + (run.end - run.start) >= 4


def _institution_after(doc: Doc, run: _Run, gaz: Gazetteer) -> bool:
    """Capitalised words after the name end in an institution's head ("Main Intelligence Directorate", "Maritime
    Self-Defence Force", "North Atlantic Treaty Organization") and the name is no town, area or country anywhere
    in the index (a river, a sea): the institution's word, not the feature. A town or an area keeps its reading
    ("Kharkiv Regional Military Administration", "the Ohio Housing Finance Agency", "Osun Police Command")."""
    j = run.end
    last = None
    while j < len(doc) and j < run.end + 6 and (doc[j].text[:1].isupper() and doc[j].is_alpha or doc[j].text == "-"):
        if doc[j].is_alpha:
            last = doc[j]
        j += 1
    if last is None or last.lower_ not in INSTITUTION_HEADS:
        return False
    entries = gaz.lookup_key(run.key)
    if any(e.feature_code in SEA_CODES for e in entries) \
            and not _prominent([e for e in _without_short_counties(entries, run.key)
                                if e.feature_class in ("P", "A") or e.is_country], rivers=False):
        return True  # "the North Atlantic Treaty Organization": an ocean's name, though small towns have it too
    if run.start > 0 and doc[run.start - 1].is_alpha and doc[run.start - 1].text[:1].isupper():
        # a country's institution: "the Japan Maritime Self-Defense Force" (not Maritime region, Togo), unless
        # the name is a place of that country ("Ukraine Kharkiv Regional Administration")
        owners = [e.country_code for e in gaz.lookup_key(fold(doc[run.start - 1].text)) if e.is_country]
        if owners and not any(e.country_code in owners for e in entries):
            return True
    return not any(e.feature_class in ("P", "A") or e.is_country for e in entries)


INSTITUTION_HEADS = frozenset("""
directorate force forces organization organisation agency service command corps alliance bureau fund
treaty charter council
""".split())  # "the North Atlantic Treaty": a treaty named for the ocean


def _common_word(doc: Doc, run: _Run, gaz: Gazetteer) -> bool:
    """A one-word name that the text also writes as a common word, in lower case ("the Ukraine Peace Summit" and
    "the summit"), and that no country, first-level area or capital bears: inside a longer name it is that
    name's word, however large the county or town of the name elsewhere."""
    if run.end - run.start != 1:
        return False
    low = doc[run.start].lower_
    if low not in _word_sets(doc)[0]:  # some token is written so
        return False
    return not any(e.is_country or e.feature_code in ("ADM1", "PPLC") for e in gaz.lookup_key(run.key))


def _word_sets(doc: Doc) -> tuple[frozenset[str], frozenset[str]]:
    """The doc's token texts, and the lower-case forms of its tokens not written with a capital (memoised on the
    doc's user_data): :func:`_common_word` and :func:`_given_name_before_surname` asked the whole doc a token at a
    time, ~100 and ~2,500 times per 24 documents."""
    got = doc.user_data.get(_WORD_SETS_KEY)
    if got is None or got[0] != len(doc):  # as _doc_attrs: a doc retokenised since is read anew
        at = _doc_attrs(doc)
        got = doc.user_data[_WORD_SETS_KEY] = (len(doc), frozenset(at.text), frozenset(
            lw for w, lw in zip(at.text, at.lower, strict=True) if not w[:1].isupper()))
    return cast("tuple[int, frozenset[str], frozenset[str]]", got)[1:]


_WORD_SETS_KEY = "sitreps_places_word_sets"


VESSEL_NOUNS = frozenset("""
cruiser warship frigate ship vessel submarine destroyer flagship corvette tanker freighter icebreaker
""".split())


def _vessels(doc: Doc) -> frozenset[str]:
    """Names the text gives a ship (a vessel noun right before a capitalised name, "the cruiser Moskva", "the
    flagship Moskva"): every mention of them is the ship, unless the text also writes the name after "in",
    "near", "from", "outside" or "into", as a place one can be in (memoised on the doc)."""
    names = doc.user_data.get(_VESSELS_KEY)
    if names is None:
        at = _doc_attrs(doc)
        found = {fold(at.text[i]) for i in range(1, at.n)
                 if at.lower[i - 1] in VESSEL_NOUNS and at.text[i][:1].isupper() and at.text[i].isalpha()}
        if found:
            found -= {fold(at.text[i]) for i in range(1, at.n)
                      if at.lower[i - 1] in ("in", "near", "from", "outside", "into") and fold(at.text[i]) in found}
        names = doc.user_data[_VESSELS_KEY] = frozenset(found)
    return cast("frozenset[str]", names)


_VESSELS_KEY = "sitreps_places_vessels"


def _person_appositive(doc: Doc, run: _Run, gaz: Gazetteer) -> bool:
    """A one-word name the tagger does not call a place, followed by an appositive that is a person's office:
    "Basta, the Minister of Economy", "Smith, a senator from Ohio". A place so followed is rare and the
    tagger calls it one ("In Kharkiv, the mayor said" keeps Kharkiv, a GPE; so do prominent names)."""
    j = run.end
    if run.end - run.start != 1 or j + 2 >= len(doc) or doc[j].text != "," or doc[j + 1].lower_ not in ("the", "a"):
        return False
    if doc[j + 2].lower_ not in PERSON_OFFICES or _ent_label(doc, run.start, run.end) in ("GPE", "LOC"):
        return False
    return not _prominent(gaz.lookup_key(run.key))


PERSON_OFFICES = frozenset("""
minister president ambassador senator governor secretary chancellor spokesman spokeswoman spokesperson
commander general adviser advisor deputy chairman chairwoman director lawmaker congressman congresswoman
""".split())


def _written_lower(doc: Doc, run: _Run) -> bool:
    """The one-word name appears elsewhere in the text not in capitals ("Izium" beside "IZIUM")."""
    if run.end - run.start != 1:
        return False
    lower = doc[run.start].lower_
    return any(t.lower_ == lower and not t.text.isupper() for t in doc)


def _named_person(doc: Doc, run: _Run, gaz: Gazetteer) -> bool:
    """A one-word name that ends a person's name elsewhere in the text ("Vladimir Putin") and that the index holds
    only as another name of villages ("Putin" for Putyatintsy): "talk to Putin - ed." is the person, though the
    tagger ran the editor's note into the name after "to"."""
    if run.end - run.start != 1 or doc[run.start].text not in _person_words(doc) or any(
            fold(e.name) == run.key or e.population >= 100_000 or e.feature_class != "P" for e in gaz.lookup_key(run.key)):
        return False
    word = doc[run.start].text
    return any(ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].text == word
               and not ent.start <= run.start < ent.end for ent in doc.ents)


def _surname_alone(doc: Doc, ee: int) -> bool:
    """The last word of the entity ending at ``ee`` is a one-word PERSON elsewhere in the text ("Putin")."""
    alone = doc.user_data.get(_PERSONS_ALONE_KEY)
    if alone is None:
        alone = _persons(doc)[1]
    return doc[ee - 1].text in alone


def _before_surname(doc: Doc, run: _Run, gaz: Gazetteer) -> bool:
    """A one-word name right before a word the text gives a person alone ("Zelensky", "Stoltenberg"): a given
    name ("President of Ukraine Volodymyr Zelensky", "Chelsea Clinton" where "Clinton" spoke). A country,
    area or big town keeps its reading ("Ambassador to Austria Olexander Scherba", "Richmond Winterfest")."""
    j = run.end
    if run.end - run.start != 1 or j >= len(doc) or not doc[j].is_alpha or not doc[j].text[:1].isupper():
        return False
    if not _surname_alone(doc, j + 1) or fold(doc[j].text) in STOPLIST \
            or j + 1 < len(doc) and doc[j + 1].lower_ in ("'s", "’s"):
        return False  # not "the Augusta Herald", "the DeKalb Lowe's store"
    return not _prominent(gaz.lookup_key(run.key))


def _named_thing(doc: Doc, run: _Run, gaz: Gazetteer) -> bool:
    """A word after the name makes the whole a thing's name: a pipeline ("Nord Stream"), a price ("Brent
    crude"), an armed company ("the Wagner Group", "Wagner mercenaries"), a magazine, a numbered part ("Annex
    2")."""
    j = run.end
    if j >= len(doc):
        return False
    w = doc[j]
    if w.lower_ in THING_HEADS:
        return True
    if w.lower_ in MUNITION_WORDS and not any(e.is_country or e.population >= 100_000 or e.feature_code == "PPLC"
                                              for e in gaz.lookup_key(run.key)) \
            and not (run.start > 0 and doc[run.start - 1].lower_ in FIRM_LOCATIVE):
        return True  # "Grad rockets hit Mariupol", "Iskander missiles": a weapon's name, not a small town's
    if w.is_digit and len(w.text) <= 2 and doc[run.start].ent_type_ not in ("GPE", "LOC") \
            and not _prominent(gaz.lookup_key(run.key)):
        # a numbered part or item: "in Annex 2", "Article 5"; not a place the tagger calls one, a state's or
        # country's road ("S.C. 5", "US 1") or a big town's team with its score ("against Louisville 0 for 10")
        return True
    return w.text in ("Group", "GROUP") and not (j + 1 < len(doc) and doc[j + 1].lower_ == "of")


THING_HEADS = frozenset("""
stream crude militia mercenary mercenaries magazine mlrs howitzer howitzers launcher launchers atgm atgms manpads
""".split())  # "Grad MLRS rockets", "Hyacinth howitzers": a weapon system
MUNITION_WORDS = frozenset({"rockets", "missiles", "shells", "drones"})
PERSON_TITLES = frozenset("""
President Vice-President Secretary Minister Chancellor Premier Senator General Gen. Admiral Adm. Col. Colonel
Ambassador Pope Patriarch Commissioner Spokesman Spokeswoman Lt.-Gen. Maj.-Gen. Secretary-General
""".split())


def _after_given_name(doc: Doc, run: _Run, es: int, ee: int) -> bool:
    """The tagger's person or organisation ends with this one-word name, a capitalised word right before it
    inside the entity: a given name after a title ("Secretary of Defense Lloyd Austin", "Defence Minister
    Oleksii Reznikov"); or the tagger's person is the name alone after such a given name ("Assistant Secretary
    Mallory Stewart"). An institution's first word ("the State Duma") is refused earlier in :func:`accept`,
    whatever the tagger's label."""
    if run.end - run.start != 1 or ee != run.end or es > run.start or run.start == 0 \
            or es == run.start and doc[es].ent_type_ != "PERSON":
        return False  # the entity runs over a given name, or the tagger's person is the surname alone
    before = doc[run.start - 1]
    if not before.is_alpha or not before.text[:1].isupper() or before.lower_ in CONNECTORS:
        return False
    return any(doc[k].text in PERSON_TITLES for k in range(max(0, run.start - 5), run.start - 1))


INSTITUTION_FIRST = frozenset({"State", "Federal"})
RIVER_PART_WORDS = frozenset({"Delta", "Basin", "Estuary", "Valley", "Mouth"})
COMPASS_WORDS = frozenset({"North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western",
                           "Central"})
ROYAL_TITLES = frozenset({"Prince", "Princess", "King", "Queen", "Duke", "Duchess"})
SEA_CODES = frozenset({"OCN", "SEA"})
# Combining forms that open a compound of two names ("Euro-Atlantic", "Indo-Pacific", "Sino-Soviet"): the
# second name is a part of the compound's concept, not a place of its own.
COMBINING_FORMS = frozenset("""
euro indo afro sino anglo franco russo austro greco italo judeo turco nippo hispano luso slavo
""".split())


def _after_combining_form(doc: Doc, run: _Run) -> bool:
    """The name is the second part of a compound opened by a combining form: "Euro-Atlantic integration",
    "the Indo-Pacific region" (a hyphen with no space, a capitalised form)."""
    i = run.start
    if i < 2 or doc[i - 1].text not in ("-", "‑", "–"):
        return False
    form, dash = doc[i - 2], doc[i - 1]
    return form.lower_ in COMBINING_FORMS and form.text[:1].isupper() and not form.whitespace_ \
        and not dash.whitespace_


def _between_slashes(doc: Doc, run: _Run) -> bool:
    """A word between slashes with no space ("Stepanov/Pool/Getty Images"): a photo or agency credit."""
    i, j = run.start, run.end
    return 0 < i and j < len(doc) and doc[i - 1].text == "/" and doc[j].text == "/" \
        and not doc[i - 1].whitespace_ and not doc[j - 1].whitespace_


def _name_ends(doc: Doc) -> frozenset[str]:
    """Last words of two- or three-word PERSON or ORG entities written as names ("Olaf Scholz", tagged an
    organisation), memoised on the doc."""
    words = doc.user_data.get(_NAME_ENDS_KEY)
    if words is None:
        words = doc.user_data[_NAME_ENDS_KEY] = frozenset(
            ent[-1].text for ent in doc.ents
            if ent.label_ in ("PERSON", "ORG") and 2 <= len(ent) <= 3
            and all(t.is_alpha and t.text[:1].isupper() and not t.text.isupper() for t in ent))
    return cast("frozenset[str]", words)


_NAME_ENDS_KEY = "sitreps_places_name_ends"


def _model_designation(doc: Doc, run: _Run) -> bool:
    """The name is joined by a hyphen to a model code: a capital and perhaps a digit, or a number ("Msta-B",
    "Tornado-S", "Buk-M1"), as weapons and vehicles are named; place names are not ("Ivano-Frankivsk" goes on
    in lower case; "Watertown-ML", a school's team, keeps its town)."""
    j = run.end
    if j + 1 >= len(doc) or doc[j].text != "-" or doc[j].idx != doc[j - 1].idx + len(doc[j - 1].text):
        return False
    return _MODEL_CODE.fullmatch(doc[j + 1].text) is not None and doc[j + 1].idx == doc[j].idx + 1


_MODEL_CODE = re.compile(r"[A-Z][0-9]?|[0-9]{1,2}")  # "-B", "-S", "-M1", "-2"; not a school's "-ML"


def _between_listed(doc: Doc, run: _Run, accepted_before: list[_Run], person: bool) -> bool:
    """A name inside an enumeration of places: a place taken right before it, a comma between, and the list
    going on after it ("Lake, Porter and Love counties"). A name the tagger calls a person needs two places
    before it ("Wollongong, Dubbo, Berry and Kiama", but not "In Leeds, Smith and Jones said")."""
    if not accepted_before or accepted_before[-1].end != run.start - 1 or doc[run.start - 1].text != ",":
        return False
    if person and not (len(accepted_before) > 1 and accepted_before[-2].end == accepted_before[-1].start - 1
                       and doc[accepted_before[-1].start - 1].text == ","):
        return False
    j = run.end
    return j + 1 < len(doc) and doc[j].lower_ in (",", "and", "or") and doc[j + 1].text[:1].isupper() \
        and doc[j + 1].is_alpha


DASHES = frozenset({"-", "--", "—", "–", "---"})
HONORIFICS = frozenset("""
Mr. Mrs. Ms. Mr Mrs Ms Dr. Rev. Sgt. Lt. Capt. Cpl. Pvt. Sen. Rep. Gov. Prof. Det. Judge
""".split())


def firm(doc: Doc, run: _Run, taken: list[_Run]) -> bool:
    """Is this taken run a place by more than weak evidence? The tagger's GPE/LOC for the name alone, a locative
    word before it ("in", "near", "from"; not "of"), a dateline or a comma-qualified area after it. Only such
    mentions make a name a place for the whole text (:func:`sitreps.extract.places.accept_runs`)."""
    label = _ent_label(doc, run.start, run.end)
    es, ee = _ent_extent(doc, run.start)
    if label in ("GPE", "LOC") and not _inside_name(doc, run, es, ee):
        return True
    prev = _prev_words(doc, run.start)
    if prev and (prev[0] in FIRM_LOCATIVE or prev[0] == "of" and len(prev) > 1 and prev[1] in FIRM_OF):
        return True  # "in Greer", "the city of Greer", "north of Moorhead"
    if prev and prev[0] in ("and", "or", ",") and any(k.end in (run.start - 1, run.start - 2) for k in taken):
        return True  # "Oakport and Moorhead": listed with a place
    nxt = doc[run.end] if run.end < len(doc) else None
    if nxt is not None and nxt.text[:1].isupper() and (nxt.lower_ in LOCAL_BODY_WORDS or nxt.lower_ in LOCAL_OFFICE_WORDS):
        return True  # "Greer City Council", "Greer Police"
    return _dateline(doc, run) or _defined(doc, run) or _called(doc, run) or _party_home(doc, run) \
        or run.end + 1 < len(doc) \
        and doc[run.end].text == "," \
        and doc[run.end + 1].text[:1].isupper()


FIRM_LOCATIVE = frozenset({"in", "near", "at", "around", "outside", "from", "into", "across", "through",
                           "within", "throughout", "inside", "toward", "towards"})
FIRM_OF = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                     "outskirts", "suburb", "suburbs"}) | TYPE_NOUNS


def repeat_ok(doc: Doc, run: _Run, gaz: Gazetteer) -> bool:
    """May this occurrence of a name the text takes as a place elsewhere be a place too? Not as a person's name,
    a word of a longer name ("the Supreme Court", "the Honolulu Star"), or a surname that names a county."""
    es, ee = _ent_extent(doc, run.start)
    label = _ent_label(doc, run.start, run.end)
    if label == "PERSON" or label is not None and _inside_name(doc, run, es, ee):
        return False
    nxt = doc[run.end] if run.end < len(doc) else None
    prev = doc[run.start - 1] if run.start > 0 else None
    if nxt is not None and nxt.is_alpha and nxt.text[:1].isupper() and nxt.lower_ not in LOCAL_BODY_WORDS \
            and nxt.lower_ not in LOCAL_OFFICE_WORDS \
            or prev is not None and prev.is_alpha and prev.text[:1].isupper() and not doc[run.start].is_sent_start:
        return False  # a word of a run of capitalised words: "Vice Chancellor", "the Honolulu Star"
    entries = gaz.lookup_key(run.key)
    if _county_short_form(entries, run.key) or not any(fold(e.name) == run.key for e in entries):
        return False  # "Scott", "Wilkinson": a surname more often than the county
    return True


DEFINING_NOUNS = TYPE_NOUNS | {"county", "community", "hamlet", "municipality", "township", "island", "commune"}


def _called(doc: Doc, run: _Run) -> bool:
    """A place noun names it: "a town called Lasby", "the village named Oakport"."""
    prev = _prev_words(doc, run.start)
    return len(prev) > 1 and prev[0] in ("called", "named") and prev[1] in TYPE_NOUNS


PARTY_LETTERS = frozenset({"D", "R", "I", "DFL", "GOP"})
RESIDENT_NOUNS = frozenset("""
man woman men women resident residents native natives teen teenager teenagers boy girl homeowner
homeowners
""".split())


def _party_home(doc: Doc, run: _Run) -> bool:
    """A US legislator's party and home town: "Rep. Brent Boggs, D-Braxton", "(R-Elbow Lake)"."""
    i = run.start
    if i < 2:
        return False
    at = _doc_attrs(doc)  # token text and offsets as lists: doc[i] builds a Token each time
    w = at.text
    if w[i - 1] not in ("-", "–") or w[i - 2] not in PARTY_LETTERS or at.idx[i - 1] != at.idx[i - 2] + len(w[i - 2]):
        return False
    if all(x.isupper() for x in w[i:run.end]):
        return False  # "(D-CA)": a state's postal code, which the index does not hold as the state
    return i < 3 or w[i - 3] in (",", "(", "[")


def _resident(doc: Doc, run: _Run, gaz: Gazetteer) -> bool:
    """A town's people: "a Crafton man", "the 20-year-old Camarillo resident", "an Independence teenager"."""
    i, j = run.start, run.end
    at = _doc_attrs(doc)
    if j >= at.n or at.lower[j] not in RESIDENT_NOUNS or i == 0:
        return False
    prev = at.lower[i - 1]
    if prev not in ("a", "an", "the") and not prev.endswith("old"):
        return False
    return any(e.feature_class == "P" for e in gaz.lookup_key(run.key)) and not is_demonym(" ".join(at.text[i:j]))


def _office_after(doc: Doc, run: _Run) -> bool:
    """The town's own office after its name: "Sochi Mayor", "Greer Police", "Mabini Vice-Mayor"."""
    at = _doc_attrs(doc)
    j = run.end
    if j < at.n and at.lower[j] in ("vice", "deputy", "vice-"):
        j += 1
        while j < at.n and at.text[j] in ("-", "‐"):
            j += 1
    if j >= at.n:
        return False
    if at.text[j] in ("police", "firefighters", "detectives"):
        # "Roselle police ticketed ...", but not a capitalised first word: "As police arrived"
        return run.start > 0 and not doc[run.start].is_sent_start
    return at.text[j][:1].isupper() and at.lower[j] in LOCAL_OFFICE_WORDS


def _defined(doc: Doc, run: _Run) -> bool:
    """A definition names a place: "Greer is a city in South Carolina", "Luna is a third class municipality",
    "Brandon was a small town" (a few adjectives, adverbs or numbers between the article and the noun)."""
    if run.end + 1 >= len(doc) or doc[run.end].lower_ not in ("is", "was", ",") or doc[run.end + 1].lower_ not in ("a", "an"):
        return False  # not "the CIS was the only region that ..."
    appositive = doc[run.end].text == ","  # "Sochi, a city on the Black Sea"; not "Tim Walker, a city official"
    if appositive and (run.start == 0 or doc[run.start].is_sent_start or doc[run.start - 1].text[:1].isupper()):
        return False
    for k in range(run.end + 2, min(len(doc), run.end + 6)):
        t = doc[k]
        if t.lower_ in DEFINING_NOUNS:
            return not appositive or k + 1 < len(doc) and (doc[k + 1].lower_ in _AFTER_DEFINING or doc[k + 1].is_punct)
        if t.pos_ not in ("DET", "ADJ", "ADV", "NUM") and not t.is_punct and t.lower_ not in ("class", "census"):
            return False
    return False


def _dateline(doc: Doc, run: _Run) -> bool:
    """A news dateline: the name in capitals opening a line or sentence, a dash after it, perhaps with a state
    or country between ("COLUMBUS -- The council met", "WINONA, Minn. — Police said")."""
    words = doc[run.start:run.end]
    if not all(t.text.isupper() for t in words if t.is_alpha) or len(words.text) < 3:
        return False
    before = doc[run.start - 1] if run.start > 0 else None
    if not (before is None or doc[run.start].is_sent_start or before.text in (".", "!", "?", "”", '"')
            or before.is_space):
        return False
    j = run.end
    if j < len(doc) and doc[j].text == ",":
        j += 1
        while j < len(doc) and j < run.end + 5 and doc[j].text not in DASHES and not doc[j].is_space:
            j += 1
    return j < len(doc) and doc[j].text in DASHES


def _inside_name(doc: Doc, run: _Run, es: int, ee: int) -> bool:
    """The entity [es, ee) runs on past the mention through a word, not a comma: "Fox News" but not the
    "Izyum, Kharkiv" the small model sometimes tags as one name."""
    return (es < run.start and not doc[run.start - 1].is_punct) or (ee > run.end and not doc[run.end].is_punct)


def _area_after(doc: Doc, run: _Run, gaz: Gazetteer) -> bool:
    """A country or first-level area follows after a comma: "Greer, South Carolina", "Moorhead, Minn."."""
    if run.end + 1 >= len(doc) or doc[run.end].text != "," or not doc[run.end + 1].text[:1].isupper():
        return False
    for size in (3, 2, 1):
        if run.end + 1 + size <= len(doc):
            key = fold(doc[run.end + 1:run.end + 1 + size].text)
            if any(e.is_country or e.feature_code == "ADM1" for e in gaz.lookup_key(key)):
                return True
    return False


def _without_short_counties(entries: list[Entry], key: str) -> list[Entry]:
    """``entries`` without second-level areas found through their short form: "Summit" is not prominent for
    Summit County's population, nor "Atlantic" for Atlantic County's."""
    return [e for e in entries if not (e.feature_code == "ADM2" and fold(e.name) != key)]


def _county_short_form(entries: list[Entry], key: str) -> bool:
    """Every entry is a second-level area found through its short form ("Lanier" for Lanier County)."""
    return all(e.feature_code == "ADM2" and fold(e.name) != key for e in entries)


def _given_name_of(doc: Doc, run: _Run, ee: int, gaz: Gazetteer) -> bool:
    """A small place's one-word name opening a two-word person the tagger found, the second word a surname (no
    title, type or body word): "It fell to Donald Trump", not "to Austria Olexander Scherba" nor "according to
    Anderson County Sheriff ..."."""
    if run.end - run.start != 1 or ee - run.end != 1:
        return False
    nxt = doc[run.end]
    if not (nxt.is_alpha and nxt.text[:1].isupper() and not nxt.is_upper) or \
            nxt.lower_ in TITLE_NOUNS | TYPE_NOUNS | LOCAL_BODY_WORDS | AREA_TYPE_WORDS:
        return False
    return not _prominent([e for e in gaz.lookup_key(run.key) if fold(e.name) == run.key or e.is_country
                           or e.is_admin or e.population >= 1_000_000], rivers=False)  # not "Winston"-Salem


def _given_name_before_surname(doc: Doc, run: _Run, gaz: Gazetteer) -> bool:
    """A one-word name right before a word that looks like a surname: capitalised, in no gazetteer key, never
    written in lower case in the text (not a headline's "Behind"), no date, title, type, body or facility word;
    the name not after "in", "near", "from" ..., and a small place's, or a larger one's other name ("Wiktoria"
    for Victoria, Seychelles; "Winston" for Winston-Salem): "patient Wiktoria Sokolowska", "Video Marta Klimkiewicz",
    "Minister Beni Ganc", whatever the tagger calls them."""
    if run.end - run.start != 1 or run.kind is not None or run.end >= len(doc) or run.start == 0:
        return False
    nxt = doc[run.end]
    w = nxt.text
    if not (w.isalpha() and w[:1].isupper() and not w.isupper() and len(w) > 2) \
            or nxt.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "QUANTITY", "PERCENT") \
            or nxt.lower_ in TITLE_NOUNS | TYPE_NOUNS | LOCAL_BODY_WORDS | AREA_TYPE_WORDS | FACILITY_WORDS \
            or nxt.lower_ in ADMIN_WORDS or gaz.has_key(fold(w)) or fold(w) in STOPLIST:
        return False
    prev = doc[run.start - 1].lower_
    if prev in FIRM_LOCATIVE or prev in TYPE_NOUNS or prev in ("of", "the"):
        return False
    after = doc[run.end + 1] if run.end + 1 < len(doc) else None
    if after is not None and (after.text[:1].isupper() and after.is_alpha or after.lower_ in ("'s", "’s")):
        return False  # a longer name: "Shelbyville Recreation Center", "the DeKalb Lowe's store"
    entries = gaz.lookup_key(run.key)
    if any(e.is_country or e.feature_code in ("ADM1", "RGN", "CONT") or e.population >= 1_000_000
           or fold(e.name) == run.key and (e.population >= 100_000 or e.feature_code == "PPLC") for e in entries):
        return False  # a large place by its own name, or a city by an old name ("Kiev"); not "Winston"-Salem
    return nxt.lower_ not in _word_sets(doc)[1]  # never written in lower case


def _prominent(entries: list[Entry], rivers: bool = True) -> bool:
    """A country, region, first-level area, capital, big town (or river with an extent) among ``entries``."""
    return any(e.is_country or e.feature_code in ("ADM1", "PPLC", "RGN", "CONT") or e.population >= 100_000
               or rivers and e.bbox is not None for e in entries)


def _person_words(doc: Doc) -> frozenset[str]:
    """Words of multi-word PERSON entities in the doc (memoised on the doc's user_data)."""
    words = doc.user_data.get(_PERSON_WORDS_KEY)
    if words is None:
        words = _persons(doc)[0]
    return cast("frozenset[str]", words)


_PERSON_WORDS_KEY = "sitreps_places_person_words"
_PERSONS_ALONE_KEY = "sitreps_places_persons_alone"


def _persons(doc: Doc) -> tuple[frozenset[str], frozenset[str]]:
    """Memoise both PERSON sets on the doc's user_data from one walk of ``doc.ents`` (spaCy builds the entity
    spans anew on each access): the words of multi-word persons, and the one-word persons' texts."""
    # not a facility or a feature the tagger took for a person ("Randwick Racecourse", "Mahim Bay")
    persons = [ent for ent in doc.ents if ent.label_ == "PERSON"
               and not (len(ent) > 1 and ent[-1].lower_ in NOT_PERSON_LAST)]
    words = doc.user_data[_PERSON_WORDS_KEY] = frozenset(t.text for ent in persons if len(ent) > 1 for t in ent)
    alone = doc.user_data[_PERSONS_ALONE_KEY] = frozenset(ent.text for ent in persons if len(ent) == 1)
    return words, alone


def role_of(doc: Doc, run: _Run, is_capital_or_country: bool) -> str:
    """event_location, origin, metonym, title or other, from the words around the mention."""
    if run.kind == "demonym":
        return "origin"
    prev = _prev_words(doc, run.start, 3)
    if prev and prev[0] in ("to", "of", "in", "for") and len(prev) > 1 and prev[1] in TITLE_NOUNS:
        return "title"  # "Ambassador to Austria", "Mayor of Kharkiv"
    nxt = [doc[k] for k in range(run.end, min(len(doc), run.end + 3))]
    if nxt and nxt[0].lower_ in TITLE_NOUNS and _is_cap(nxt[0]):
        return "title"  # "Kharkiv Mayor Ihor Terekhov"
    if nxt and nxt[0].lower_ in ("'s", "’s") and len(nxt) > 1 and nxt[1].lower_ in TITLE_NOUNS:
        return "title"
    if is_capital_or_country and _is_subject_of_cognition(doc, run):
        return "metonym"
    es, ee = _ent_extent(doc, run.start)
    if doc[run.start].ent_type_ == "ORG" and (es < run.start or ee > run.end):
        return "other"  # part of an organisation's name: "the Donetsk People's Republic"
    if prev and (prev[0] in LOCATIVE or prev[0] in TYPE_NOUNS or prev[0] in ("and", "or", ",")):
        return "event_location"
    head = doc[run.end - 1]
    if head.dep_ == "pobj" and head.head.lower_ in LOCATIVE:
        return "event_location"
    return "other"


def _is_subject_of_cognition(doc: Doc, run: _Run) -> bool:
    """"Moscow is focused on", "Kyiv says", "Washington announced": the mention is the clause's subject and a
    speech, cognition or decision verb follows."""
    head = doc[run.end - 1]
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.lower_ in METONYM_VERBS and head.head.lower_ not in AUX:
        return True
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.pos_ in ("VERB", "ADJ"):
        v = head.head.lower_
        if v in METONYM_VERBS:
            return True
    prev = _prev_words(doc, run.start, 1)
    starts_clause = not prev or prev[0] in (",", "that", "and", "but", "while", "as", "“", '"', "because")
    if not starts_clause and not doc[run.start].is_sent_start:
        return False
    k = run.end
    while k < len(doc) and doc[k].lower_ in AUX:
        k += 1
    if k < len(doc) and doc[k].lower_ in METONYM_VERBS and doc[k].lower_ not in AUX:
        return True
    # "Moscow is focused on": the auxiliary itself was consumed; look at the last aux-skipped word's successor
    return k > run.end and k < len(doc) and doc[k].lower_.rstrip("s") in METONYM_VERBS
