"""One name, kind and side per speaker within an article.

The attribution stage names each claim's source from the words around that claim, so one person comes out
under several names and kinds: "Liz Truss has used her first speech ..." then "Truss said" (name "Truss",
kind unknown) and "Truss, who is a former prime minister, said" (kind government). An analyst filtering the
claims of one speaker, or of government sources, needs them as one: this pass gives

- a surname, or a title and a surname ("Truss", "General Pacek", "Mr Putin"), the full name of the one
  person of that surname the article names in full ("Liz Truss", "Boguslaw Pacek", "Vladimir Putin"); two
  people of one surname ("Joe Biden", "Hunter Biden") leave it as written;
- every claim of a speaker still of unknown kind the kind the article gives that speaker elsewhere, when it
  gives only one (social_media_user, which tells how one claim was made, is not passed on; two different
  kinds stay as they are), and likewise the side.

The source's evidence span keeps the words as written: only the normalised name, kind and side change.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..doctext import doc_text
from .attribution_lexicon import _STATE_RE, SIDE_WORDS, TITLE_WORDS, certainty_of, has_word, kind_of, side_of

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..model import Claim

# words that may stand before a surname without being part of the name
TITLES = frozenset("""
mr mr. mrs mrs. ms ms. dr dr. sir dame prof prof. professor
president vice prime minister deputy foreign defence defense secretary chancellor premier
general gen gen. lieutenant lt lt. colonel col col. major maj maj. captain capt capt. commander admiral
sergeant sgt sgt. marshal brigadier
senator sen sen. governor gov gov. mayor ambassador spokesman spokeswoman spokesperson
""".split())

_NAME_WORD = re.compile(r"^[^\W\d_]['’\-]?[^\W\d_'’\-]*(?:['’\-][^\W\d_]+)*$")


def _is_name_word(word: str) -> bool:
    """A capitalised word in any Latin alphabet ("Rinkēvičs", "Łysak", "O'Neill", "McCain"), not all capitals."""
    if not _NAME_WORD.match(word) or not word[0].isupper() or len(word) < 2:
        return False
    rest = [ch for ch in word[1:] if ch.isalpha()]
    return sum(ch.isupper() for ch in rest) <= 1 and not (rest and all(ch.isupper() for ch in rest))
# kinds that are not passed on: unknown, and social_media_user, which says how one claim was made (a tweet)
# rather than who the speaker is (their other claims are not "unverified" for it)
_NOT_KINDS = frozenset({"unknown", "social_media_user"})


def _clean(name: str) -> str:
    name = name.strip()
    for suffix in ("’s", "'s", "’", "'"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    return " ".join(name.split())


def _is_full_name(words: list[str]) -> bool:
    """Two to four capitalised words, none a title: "Liz Truss", "Jon Alterman" (not "President Joe Biden",
    whose name the NER gives on its own)."""
    return 2 <= len(words) <= 4 and all(_is_name_word(w) and w.lower() not in TITLES for w in words)


def full_names(doc: Doc, claims: list[Claim]) -> dict[str, str]:
    """Surname -> the one full name the article gives for it (PERSON entities and claim sources)."""
    by_surname: dict[str, set[str]] = defaultdict(set)
    names = [_clean(e.text) for e in doc.ents if e.label_ == "PERSON"]
    names += [_clean(c.source.name) for c in claims]
    for name in names:
        words = name.split()
        if _is_full_name(words):
            by_surname[words[-1]].add(name)
    out: dict[str, str] = {}
    for surname, fulls in by_surname.items():
        # "Anna Maria Dyner" and "Maria Dyner" are one person: keep the longest when the others end it
        longest = max(fulls, key=len)
        if all(longest.endswith(" " + f) or longest == f for f in fulls):
            out[surname] = longest
    return out


def _short_form(name: str) -> str | None:
    """The surname of a name that is a surname alone or titles and a surname, else None."""
    words = _clean(name).split()
    if not words or not _is_name_word(words[-1]):
        return None
    if all(w.lower() in TITLES for w in words[:-1]):
        return words[-1]
    return None


# how a title hangs from a person's name ("UK Foreign Secretary Liz Truss", "Ana Ruiz, the Chilean envoy,")
_TITLE_DEPS = frozenset({"compound", "amod", "nmod", "appos", "poss"})
# the kinds a person's title can give (not "video" or "anonymous")
_TITLE_KINDS = frozenset({"government", "military", "think_tank", "media"})


# a head or leader of a place as a person's title ("DNR Head", "Head of the Luhansk Oblast Administration",
# "Chechen leader"): government; not the head of a group or a company ("Wagner Group head")
_HEAD = re.compile(r"(?<!\w)(?:head|leader)(?!\w)")
_OF_A_PLACE = re.compile(r"(?<!\w)(?:oblast|republic|region|regional|province|city|town|village|district|krai|"
                         r"dnr|lnr|dpr|lpr|chechen|administration|administrative)(?!\w)")


def _title_kind(title: str) -> str:
    """The kind a person's title tells: the lexicon's, else government for the head of a place."""
    kind = kind_of(title)
    low = title.lower()
    if kind == "unknown" and _HEAD.search(low) and _OF_A_PLACE.search(low):
        return "government"
    return kind


def _titles(doc: Doc) -> dict[str, str]:
    """Full person name -> the words the article puts around it as a title, over all its mentions: the
    name's own modifiers and apposition ("Australian Foreign Minister Penny Wong", "Karl Nehammer, the
    chancellor of Austria,"), never a clause ("X, who met the minister, ...")."""
    out: dict[str, list[str]] = defaultdict(list)
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        name = _clean(ent.text)
        if not _is_full_name(name.split()):
            continue
        words: list[str] = []
        for child in ent.root.children:
            if child.dep_ not in _TITLE_DEPS or ent.start <= child.i < ent.end:
                continue
            sub = [t for t in child.subtree if not ent.start <= t.i < ent.end]
            if len(sub) > 10 or any(t.pos_ in {"VERB", "AUX", "SPACE"} or "\n" in t.text for t in sub):
                continue
            # a title before the name runs up to it; an apposition follows it
            if (child.dep_ == "appos") != (child.i >= ent.end) or (child.i < ent.start and sub[-1].i != ent.start - 1):
                continue
            words += [t.text for t in sub]
        # the name as an apposition of its title: "The UK foreign secretary, Liz Truss, said"
        head = ent.root.head
        if ent.root.dep_ == "appos" and head.i < ent.start and head.pos_ in {"NOUN", "PROPN"}:
            sub = [t for t in head.subtree if t.i < ent.start and not t.is_punct]
            if len(sub) <= 10 and not any(t.pos_ in {"VERB", "AUX", "SPACE"} or "\n" in t.text for t in sub):
                words += [t.text for t in sub]
        if words:
            out[name].append(" ".join(words))
    return {name: " ; ".join(ws) for name, ws in out.items()}


def _name_like(word: str) -> bool:
    """A capitalised word that may be part of a person's name in any Latin alphabet ("Wołodymyr")."""
    rest = word[1:].replace("-", "").replace("'", "").replace("’", "")
    return len(word) > 1 and word[0].isupper() and rest.isalpha() and rest.islower() \
        and word.lower() not in TITLES and word.lower() not in TITLE_WORDS and kind_of(word) == "unknown" \
        and side_of(word) is None and not _STATE_RE.fullmatch(word.lower())


def _entity_names(doc: Doc) -> tuple[set[str], set[str]]:
    """The article's person names and its other entities' names, cleaned (once per doc)."""
    persons = {_clean(e.text) for e in doc.ents if e.label_ == "PERSON"}
    others = {_clean(e.text) for e in doc.ents if e.label_ != "PERSON"}
    return persons, others


def _strip_title(doc: Doc, name: str, names: tuple[set[str], set[str]] | None = None
                 ) -> tuple[str, str] | None:
    """(person, title) for a source named by a title and then a person's name ("Minister of Foreign Affairs
    of Latvia Ana Ruiz" -> "Ana Ruiz"), else None. The name is two words the article names a person, or whose
    last word it uses again ("Ruiz said"), or three words it names a person; the title is words that tell a
    kind ("Minister of ...", "Adviser to the President of ...") or end in a title ("Deputy Head").
    ``names``: :func:`_entity_names` of ``doc``, when the caller has them."""
    words = _clean(name).split()
    if len(words) < 3 or not all(_name_like(w) for w in words[-2:]):
        return None  # no title before a two-word name: nothing to strip (and no need to read the entities)
    persons, others = names if names is not None else _entity_names(doc)
    for n in (3, 2):
        if len(words) <= n or not all(_name_like(w) for w in words[-n:]):
            continue
        person, title = " ".join(words[-n:]), " ".join(words[:-n])
        if _title_kind(title) not in _TITLE_KINDS and title.split()[-1].lower() not in TITLES:
            continue
        if person in others:  # "sources in the White House"
            continue
        if person in persons or (n == 2 and len(re.findall(r"(?<!\w)" + re.escape(words[-1]) + r"(?!\w)",
                                                            doc_text(doc))) >= 2):
            return person, title
    return None


def _split_apposition(name: str) -> tuple[str, str] | None:
    """(person, title) of a source named by a title and a full name set off by a comma, either way round
    ("Chile's ambassador, Ana Ruiz" / "Ana Ruiz, Chile's ambassador to Peru"), when the title tells a
    kind or ends in a title word, else None."""
    if name.count(",") != 1:
        return None
    a, b = (part.strip() for part in name.split(","))
    for person, title in ((b, a), (a, b)):
        words = person.split()
        if 2 <= len(words) <= 3 and all(_name_like(w) for w in words) and 0 < len(title.split()) <= 10 and (
                _title_kind(title) in _TITLE_KINDS or title.split()[-1].lower() in TITLES):
            return person, title
    return None


def _title_side(title: str) -> str | None:
    """The side of a person's title from its first side word: "British ambassador to the Russian
    Federation" is GB (not RU, which the lexicon's order would give), "Adviser to the President of Ukraine"
    UA."""
    low = title.lower()
    best: tuple[int, str] | None = None
    for side, words in SIDE_WORDS:
        for w in words:
            m = re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", low)
            if m and (best is None or m.start() < best[0]):
                best = (m.start(), side)
    return best[1] if best else None


# role nouns a source is named by instead of the person ("the foreign secretary said", "the ambassador added")
_ROLE_NOUNS = frozenset("""
president minister secretary chancellor ambassador spokesman spokeswoman spokesperson chairman chairwoman
governor mayor premier envoy commander pontiff pope adviser advisor director chief head leader
""".split())
# other words a title may use for the same office ("the pontiff" is the one the article calls Pope)
_ROLE_ALSO: dict[str, tuple[str, ...]] = {"pontiff": ("pope",), "chairman": ("chairwoman", "chair"),
                                          "chairwoman": ("chairman", "chair"), "advisor": ("adviser",),
                                          "adviser": ("advisor",)}
_ROLE_DETS = frozenset("the a an its his her their this that our".split())
# modifiers that tell which office ("the foreign minister" is not "the interior minister"); other lower-case
# modifiers describe the person ("the elderly pontiff", "the newly elected mayor") and need not match
_OFFICE_MODS = frozenset("""
foreign defence defense interior home finance economy economic justice health education energy culture
agriculture trade transport digital environment labour labor social security intelligence military
deputy vice prime first acting former chief senior general national regional state federal
""".split())
_ROLE_COMPLEMENT = frozenset({"of", "to", "for", "at"})
_ROLE_WORD = re.compile(r"[^\W\d_][\w.\-]*")


def _role(name: str) -> tuple[tuple[str, ...], list[str], list[str]] | None:
    """(the office's nouns, its modifiers, the words of its complement) of a source named by a role alone
    ("Ukraine's foreign minister" -> (("minister",), ["ukraine", "foreign"], []), "the ambassador to Chile" ->
    (("ambassador",), [], ["chile"]), "the head of state" -> (("president", "head of state"), [], [])), else
    None: a name ("Pope Francis"), several people ("the president and his minister"), no office noun. A
    modifier that is no nationality must stand in the title it is matched with ("Pence adviser" is no
    adviser titled otherwise)."""
    words = _ROLE_WORD.findall(name.replace("’s", " ").replace("'s", " "))
    low = [w.lower() for w in words]
    if not words or "and" in low or "&" in name:
        return None
    cut = next((i for i, w in enumerate(low) if w in _ROLE_COMPLEMENT), len(low))
    pre, comp = words[:cut], [w for w in low[cut + 1:] if w not in _ROLE_DETS]
    while pre and pre[0].lower() in _ROLE_DETS:
        pre = pre[1:]
    if not pre or pre[-1].lower() not in _ROLE_NOUNS:
        return None
    head = pre[-1].lower()
    if head == "head" and comp == ["state"]:
        return ("president", "head of state"), [w.lower() for w in pre[:-1] if w[:1].isupper()], []
    if head in ("head", "chief", "leader", "director") and not comp and len(pre) == 1:
        return None  # "the head", "the chief": of what, the words do not say
    # the modifiers that must stand in a title: capitalised ones ("Chilean", "UK") and those of an office
    mods = [w.lower() for w in pre[:-1] if w[:1].isupper() or w.lower() in _OFFICE_MODS]
    if head == "minister" and "foreign" in mods:  # a foreign minister is the country's "top diplomat"
        return ("minister", "top diplomat", "chief diplomat"), mods, comp
    return (head, *_ROLE_ALSO.get(head, ())), mods, comp


def _role_person(name: str, titles: dict[str, str], sides: dict[str, set[str]], text: str) -> str | None:
    """The one person whose title in the article (``titles``) holds the office a source is named by ("the
    foreign minister" after "Foreign Minister Ana Ruiz"), its modifiers and complement ("foreign", "to
    Chile"); a nationality in the role ("the Chilean minister") must be the title's or the person's side
    (``sides``: person -> the sides of their claims). None when no person or several fit, or when the
    article's ``text`` puts another name right after the office noun."""
    role = _role(name)
    if role is None:
        return None
    nouns, mods, comp = role
    want_side = side_of(" ".join(mods)) if mods else None
    fits = []
    for person, title in titles.items():
        low = " " + title.lower().replace("’s", " ").replace("'s", " ") + " "
        if not any(has_word(low, n) for n in nouns):
            continue
        if not all(has_word(low, w) for w in comp):
            continue
        plain = [m for m in mods if side_of(m) is None and not (m == "foreign" and "diplomat" in low)]
        if not all(has_word(low, m) for m in plain):
            continue
        if want_side is not None:
            has = {_title_side(title)} - {None} or sides.get(person, set())
            if has != {want_side}:
                continue
        fits.append(person)
    if len(fits) != 1:
        return None
    # the parse and NER miss titled people ("Interior Minister Tomas Vidal" untagged): another name right
    # after the office noun anywhere in the text makes the role ambiguous
    own = set(fits[0].split())
    for n in nouns:
        for m in re.finditer(r"(?<!\w)" + re.escape(n) + r"\s+([A-Z][^\W\d_]+)", text, re.IGNORECASE):
            if m.group(1)[0].isupper() and m.group(1) not in own and _name_like(m.group(1)):
                return None
    return fits[0]


# capitalised words right before a source span, which the span left out ("Luhansk Oblast Administration" before
# "Head Serhiy Haidai")
_CAPS_BEFORE = re.compile(r"(?:[A-Z][^\W\d_]*(?:[-’'][^\W\d_]+)*(?:’s|'s)? ){1,4}$")


def _source_words(text: str, start: int, words: str) -> str:
    """A source span's words with the capitalised words right before it in ``text`` (same sentence)."""
    m = _CAPS_BEFORE.search(text, max(0, start - 60), start)
    return f"{m.group(0)}{words}" if m else words


def _claim_titles(claims: list[Claim], stripped: dict[str, str], text: str) -> dict[str, str]:
    """Person -> the words before their name in a claim's source span ("The Chilean envoy to Peru Ana
    Ruiz said" -> "The Chilean envoy to Peru", with capitalised words right before the span), the office
    noun opening a two-word name ("Pope Francis" -> "Pope"), and the titles stripped from source names."""
    out: dict[str, list[str]] = defaultdict(list)
    for person, title in stripped.items():
        out[person].append(title)
    for c in claims:
        ev, name = c.source.evidence, c.source.name
        if ev is None or not _is_full_name(name.split()):
            continue
        words = _source_words(text, ev.start, ev.text)
        i = words.find(name)
        pre = words[:i].strip(" ,") if i > 0 else ""
        if pre and len(pre.split()) <= 10 and not any(ch in pre for ch in "\"“”\n") and pre not in out[name]:
            out[name].append(pre)
    for c in claims:  # an office noun opening a name is its title: "Pope Francis" (the pontiff)
        parts = c.source.name.split()
        if len(parts) == 2 and parts[0].lower() in _ROLE_NOUNS and _name_like(parts[1]) \
                and parts[0] not in out[c.source.name]:
            out[c.source.name].append(parts[0])
    return {p: " ; ".join(ts) for p, ts in out.items()}


def _resolve_roles(claims: list[Claim], titles: dict[str, str], text: str) -> None:
    """Sources named by a role alone ("the foreign minister said") take the name of the one person the
    article gives that title; their kind and side then come with that person's (see unify_speakers)."""
    sides: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        if c.source.side is not None:
            sides[c.source.name].add(c.source.side)
    done: dict[str, str | None] = {}
    for c in claims:
        name = c.source.name
        if c.source.kind == "anonymous" or name == "unknown" or name in titles:
            continue
        if name not in done:
            done[name] = _role_person(name, titles, sides, text)
        person = done[name]
        if person is not None:
            c.source.name = person


# a body or office named after a place ("Kherson Oblast Military Administration", "Izyum City Council",
# "Mykolaiv Mayor", "Mayor of Kherson", "Head of the Sumy Regional Administration"): the place's words are the
# capitalised words right before the body's words, or after "mayor / governor / head of (the)"
_BODY_AFTER_PLACE = re.compile(
    r"((?:[A-Z][^\W\d_]+(?:[-’'][^\W\d_]+)*\s){1,2}?)(?:Oblast|Regional|City|District|Raion|Municipal|Military|"
    r"Civil|Civilian|State|Mayor|Governor|Council|Administration|(?:regional\s)?(?:governor|mayor))\b")
_BODY_BEFORE_PLACE = re.compile(
    r"(?i:mayor|governor|head|council|administration)\s+of\s+(?:the\s+)?((?:[A-Z][^\W\d_]+(?:[-’'][^\W\d_]+)*)"
    r"(?:\s[A-Z][^\W\d_]+)?)")
# a body of the occupier in the place, whatever country the place is in
_OCCUPIER = re.compile(r"(?i)\b(?:occupation|occupying|occupied|russian-appointed|russian-installed|proxy|"
                       r"collaborat\w*)\b")


def _body_side(words: str, place_side: Callable[[str], str | None]) -> str | None:
    """The side of a body or office the words name after a place ("Izyum City Council" -> the country of
    Izyum; ``place_side``: a place name -> "UA" / "RU" / None); "RU" for the occupier's body ("the occupation
    administration of Melitopol", "Russian-appointed head"), None when no body of a place is named."""
    places = [m.group(1) for m in _BODY_AFTER_PLACE.finditer(words)]
    places += [m.group(1) for m in _BODY_BEFORE_PLACE.finditer(words)]
    sides = set()
    for place in places:
        place = place.strip().removesuffix("’s").removesuffix("'s")
        if place.split()[0].lower() in _ROLE_DETS or place.split()[0].lower() in TITLES:
            place = " ".join(place.split()[1:])
        side = place_side(place) if place else None
        for word in place.split() if side is None and len(place.split()) == 2 else ():
            side = side or place_side(word)  # "Mariupol Petro" (a name after the place): the place alone
        if side is not None:
            sides.add(side)
    if not sides:
        return None
    if _OCCUPIER.search(words):
        return "RU"
    return next(iter(sides)) if len(sides) == 1 else None


# what follows a source's name after a comma and says more about it: a relative clause, an apposition, a
# participle or a place ("OVD-Info, an independent group that ...", "Leaders of the G7, meeting in Germany")
_NAME_TAIL = re.compile(r",\s+(?:who|whom|whose|which|then|now|a|an|the(?!\s+[A-Z])|one|meeting|speaking|writing|"
                        r"followed|about|in|at|on|after|during)\b")


def short_name(name: str) -> str:
    """A source's name without what its words add after a comma ("Ukrainian officials, who put the number at
    500" -> "Ukrainian officials"); the evidence span keeps every word."""
    m = _NAME_TAIL.search(name)
    if m is None or m.start() == 0:
        return name
    head = name[:m.start()].strip(" ,")
    return head if head and len(head.split()) <= 8 else name


def unify_speakers(doc: Doc, claims: list[Claim], place_side: Callable[[str], str | None] | None = None) -> None:
    """Give the claims of one speaker one name, kind and side (in place). ``place_side``: a place name -> the
    side of the country it lies in ("UA" / "RU" / None), for bodies named after a place
    (:func:`_body_side`); without it they keep the side their words give."""
    if not claims:
        return
    names: tuple[set[str], set[str]] | None = None
    stripped_titles: dict[str, str] = {}
    for c in claims:
        if names is None and len(c.source.name.split()) >= 3:
            names = _entity_names(doc)
        stripped = _strip_title(doc, c.source.name, names) if names is not None else None
        stripped = stripped or _split_apposition(c.source.name)
        if stripped is not None:
            c.source.name = stripped[0]
            stripped_titles.setdefault(stripped[0], stripped[1])
            if c.source.kind == "unknown":
                c.source.kind = _title_kind(stripped[1])
                c.certainty = certainty_of(c.hedges, c.reporting, c.source.kind, True)
            c.source.side = c.source.side or _title_side(stripped[1])
        c.source.name = short_name(c.source.name)
    surnames = full_names(doc, claims)
    for c in claims:
        surname = _short_form(c.source.name)
        if surname is not None and surname in surnames and c.source.name != surnames[surname]:
            c.source.name = surnames[surname]
    titles = _titles(doc)
    text = doc_text(doc)
    for person, title in _claim_titles(claims, stripped_titles, text).items():
        titles[person] = f"{titles[person]} ; {title}" if person in titles else title
    _resolve_roles(claims, titles, text)
    if place_side is not None:
        for c in claims:
            if c.source.side is None:
                ev = c.source.evidence
                c.source.side = _body_side(_source_words(text, ev.start, ev.text) if ev else c.source.name,
                                           place_side)
    by_name: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.source.name != "unknown":
            by_name[c.source.name].append(c)
    for name, group in by_name.items():
        kinds = {c.source.kind for c in group} - _NOT_KINDS
        sides = {c.source.side for c in group} - {None}
        # the article's title for the person where no claim's own words tell ("Truss said" after
        # "UK Foreign Secretary Liz Truss arrived ...")
        if name in titles:
            if not kinds and _title_kind(titles[name]) in _TITLE_KINDS:
                kinds = {_title_kind(titles[name])}
            if not sides and _title_side(titles[name]) is not None:
                sides = {_title_side(titles[name])}
            if not sides and place_side is not None:
                sides = {_body_side(titles[name], place_side)} - {None}
        if len(kinds) == 1:
            kind = next(iter(kinds))
            for c in group:
                if c.source.kind == "unknown":
                    c.source.kind = kind
                    c.certainty = certainty_of(c.hedges, c.reporting, kind, True)
        if len(sides) == 1:
            side = next(iter(sides))
            for c in group:
                c.source.side = side


# an organisation that writes its reports in the first person plural ("We assess that ...", ISW)
_OUTLET_VOICE_KINDS = frozenset({"think_tank", "government", "military", "ngo"})
_WE = frozenset({"we", "our", "us"})


def outlet_voice(claims: list[Claim], outlet: str | None, quotes: list[tuple[int, int]]) -> None:
    """Claims whose source is "we" outside any quotation, in a report published by a think tank, a ministry or
    an army ("We assess that Russian forces ..."), are the publisher's: the source is named after it (the span
    stays the word "We"). A newspaper's "we" is left alone: in an opinion piece it is the author or everyone."""
    if not outlet or not claims:
        return
    name = re.sub(r"\s*\([^)]*\)\s*$", "", outlet).strip()
    kind = kind_of(name)
    if not name or kind not in _OUTLET_VOICE_KINDS:
        return
    for c in claims:
        ev = c.source.evidence
        if ev is None or ev.text.lower() not in _WE or any(a <= ev.start < b for a, b in quotes):
            continue
        c.source.name, c.source.kind = name, kind
        c.certainty = certainty_of(c.hedges, c.reporting, kind, True)
