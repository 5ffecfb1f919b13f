"""The places stage and the ``sitreps_places`` spaCy component: toponyms → resolved, role-tagged places.

Use it in your own spaCy pipeline::

    import spacy
    import sitreps.extract.places  # registers the "sitreps_places" factory (no I/O)

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("sitreps_places", config={"gazetteer": None})  # None: the shipped index
    doc = nlp("Russian troops shelled Izyum, Kyiv says.")
    for place in doc._.places:  # sitreps.model.Place records, spans into doc.text
        print(place.evidence.text, place.geonameid, place.role)

The gazetteer loads on the first document (or in ``nlp.initialize()``), never at import. The sitreps pipeline
stage runs the same :func:`geoparse` over the stage's Doc. Recognition lives in ``places_recognize``,
ranking in ``places_resolve``.
"""

from __future__ import annotations

import math
import re
import weakref
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from ..gazetteer.build import fold
from ..gazetteer.index import Entry, Gazetteer, haversine_km, load_gazetteer
from ..gazetteer.tables import DEMONYMS, REGION_DEMONYMS
from ..model import Candidate, Place, Span
from .places_recognize import (
    ADMIN_WORDS,
    COMPASS_WORDS,
    FACILITY_WORDS,
    FIRM_LOCATIVE,
    RIVER_WORDS,
    STOPLIST,
    TOWN_WORDS,
    _doc_attrs,
    _ent_label,
    _Run,
    accept,
    find_runs,
    firm,
    is_demonym,
    repeat_ok,
    role_of,
    sentence_index,
)
from .places_resolve import Mention, precision_of, resolve, softmax_score

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from ..model import ArticleResult
    from ..settings import Settings
    from .registry import Resources

TOP_CANDIDATES = 5


def geoparse(doc: Doc, gaz: Gazetteer, text: str | None = None) -> list[Place]:
    """Every place mention in ``doc`` as a :class:`Place` (resolved or not), in text order. ``text``: ``doc.text``
    when the caller has it (the pipeline's article text): spaCy rebuilds ``doc.text`` from every token."""
    text = doc.text if text is None else text
    return _places(doc, gaz, accept_runs(doc, gaz, find_runs(doc, gaz, text)), text=text, drop_far=True)


def accept_runs(doc: Doc, gaz: Gazetteer, runs: list[_Run]) -> list[_Run]:
    """The runs :func:`accept` takes, then the other occurrences of a name it took once on firm evidence (one
    sense per discourse: "Greer" is a place in a story that said "in Greer", also where no cue says so; see
    :func:`firm`), unless that occurrence is a person's name or a word of a longer name (:func:`repeat_ok`)."""
    kept: list[_Run] = []
    rejected: list[_Run] = []
    for run in runs:
        (kept if accept(doc, run, gaz, kept) else rejected).append(run)
    if rejected:
        # only the names some rejected run carries can bring a run back: firm() is asked about those alone
        # "Luhansk Region" vouches for "Luhansk" as it did before the capitalised type word made it an area
        wanted = {r.key for r in rejected if r.kind is None}
        names = {r.key for r in kept if r.key in wanted
                 and (r.kind == "region" and r.end < len(doc) and doc[r.end].text == "Region"
                      or r.kind is None and firm(doc, r, kept))}
        again = [r for r in rejected if r.key in names and r.kind is None and repeat_ok(doc, r, gaz)]
        if again:
            kept = sorted(kept + again, key=lambda r: r.start)
    return kept


def resolve_spans(doc: Doc, spans: list[tuple[int, int]], gaz: Gazetteer) -> list[Place]:
    """Resolve given character spans (e.g. gold toponyms) with the same signals; one Place per span, in order.

    A span whose name is not in the gazetteer comes back unresolved (``geonameid`` None, no candidates).
    """
    runs = []
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            span = doc.char_span(start, min(len(doc.text), end), alignment_mode="contract")
        if span is None or len(span) == 0:
            runs.append(_Run(0, 0, fold(doc.text[start:end]), None))
            continue
        runs.append(_run_for_span(doc, span.start, span.end, gaz))
    chars = [(s, e) for s, e in spans]
    # The text's other places are context (the county named two sentences on), not output.
    context: list[_Run] = []
    for run in find_runs(doc, gaz):
        s, e = doc[run.start].idx, doc[run.end - 1].idx + len(doc[run.end - 1])
        if accept(doc, run, gaz, context) and not any(s < ge and gs < e for gs, ge in chars):
            context.append(run)
    cstart = [(doc[r.start].idx, doc[r.end - 1].idx + len(doc[r.end - 1])) for r in context]
    return _places(doc, gaz, runs + context, chars + cstart)[: len(runs)]


def _run_for_span(doc: Doc, i: int, j: int, gaz: Gazetteer) -> _Run:
    """A run over tokens [i, j) whose lookup key and kind come from the words: "the Donets River", "Irish"."""
    while i < j - 1 and doc[i].lower_ == "the":
        i += 1
    exact = doc[i:j].text  # as written: "W.Va." may be two tokens
    words = [t.text for t in doc[i:j]]
    key = fold(exact)
    if is_demonym(exact) or exact in REGION_DEMONYMS:
        return _Run(i, j, key, "demonym")
    if gaz.has_key(key):
        kind = "river" if words[-1].lower() in RIVER_WORDS else None
        return _Run(i, j, key, kind)
    last = words[-1].lower()
    if len(words) > 1 and (last in ADMIN_WORDS or last in TOWN_WORDS or last in RIVER_WORDS):
        kind = ("region" if last == "region" else "admin") if last in ADMIN_WORDS \
            else "town" if last in TOWN_WORDS else "river"
        return _Run(i, j, fold(" ".join(words[:-1])), kind)
    if words[-1] in ("'s", "’s") and len(words) > 1:
        return _Run(i, j, fold(" ".join(words[:-1])), None)
    return _Run(i, j, key, None)


def _places(doc: Doc, gaz: Gazetteer, runs: list[_Run], chars: list[tuple[int, int]] | None = None,
            text: str | None = None, drop_far: bool = False) -> list[Place]:
    """Resolve the runs into places. ``drop_far``: leave out names that are far small towns by their only
    reading and no place by the tagger's (:func:`_far_things`); given spans (gold toponyms) keep every one."""
    text = doc.text if text is None else text
    sent_of = sentence_index(doc)
    at = _doc_attrs(doc)  # the tokens' text, lower_ and idx, read once per Doc instead of a Token per doc[i]
    words, lower, idx = at.text, at.lower, at.idx
    n_tok = len(words)
    mentions = []
    for n, run in enumerate(runs):
        if chars is not None:
            start, end = chars[n]
        else:
            start, end = idx[run.start], idx[run.end - 1] + len(words[run.end - 1])
        key, kind = run.key, run.kind
        # doc[run.start:run.end].text, from the text (== doc.text) and the token offsets
        written = text[idx[run.start]:idx[run.end - 1] + len(words[run.end - 1])] if run.end > run.start else ""
        if kind == "demonym" and written in REGION_DEMONYMS:
            key, kind = fold(REGION_DEMONYMS[written]), None
        elif kind == "demonym":
            cc = DEMONYMS.get(written) or DEMONYMS.get(written.rstrip("s"))
            country = gaz.country(cc) if cc else None
            key, kind = (fold(country.name), "country") if country else (key, None)
        elif kind in ("facility", "unknown", "tagged"):
            kind = None
        m = Mention(start, end, key, text[start:end], kind=kind, sent=sent_of[run.start] if sent_of else 0,
                    after_the=run.start > 0 and run.end > run.start and lower[run.start - 1] == "the")
        if run.end > run.start and run.end + 1 < n_tok and words[run.end] in (",", "in") \
                and words[run.end + 1][:1].isupper():
            # "Ruska Lozova, Kharkiv", "Tripoli in Lebanon": only a country or admin area counts (resolve)
            m.qualifier = fold(words[run.end + 1])
        if run.end < n_tok and words[run.end] in AREA_CUE_WORDS:
            m.area_cue = True
        if run.start >= 2 and lower[run.start - 1] == "of" and lower[run.start - 2] in POINT_OF_WORDS \
                or run.start >= 1 and lower[run.start - 1] in ("around", "near"):
            m.point_cue = True
        mentions.append((run, m))
    for k, ((_, prev), (_, m), (_, nxt)) in enumerate(zip(mentions, mentions[1:], [*mentions[2:], (None, None)],
                                                          strict=False)):
        listed = nxt is not None and nxt.start > m.end and LIST_GAP.fullmatch(text[m.end:nxt.start])
        before = mentions[k - 1][1] if k > 0 else None
        enumerated = before is not None and before.sent == prev.sent and before.end <= prev.start \
            and LIST_GAP.fullmatch(text[before.end:prev.start]) is not None and before.key != prev.key
        if text[prev.end:m.start].strip() == "," and prev.qualifier and m.key.startswith(prev.qualifier) \
                and not listed and not enumerated:
            # "Buffalo, New York" but not "Sharon, Cornwall and Salisbury", nor the last of "Kyiv, Kharkiv,
            # Donetsk, Odessa and in the Donbas" (an enumeration before it: the list's next name, not its area)
            m.area_cue = True
    _mark_lists([m for _, m in mentions], text)
    _borders_between([m for _, m in mentions], text)
    _distance_cues([m for _, m in mentions], text)
    resolve([m for _, m in mentions], gaz)
    # a seat of government is its capital ("the White House" is Washington's, not the town in Tennessee), set
    # after the others are resolved: their readings are those the text gave before (measured, round 10)
    for run, m in mentions:
        if m.key in SEATS and m.surface[:1].isupper():
            country = gaz.country(SEATS[m.key])
            cap = None if country is None else _capital(gaz, country)
            m.candidates, m.scores = ([cap], [1.0]) if cap is not None else ([], [])
        elif run.end < n_tok and lower[run.end] in GROUP_NOUNS and m.candidates:
            # "the Baltic states", "Nordic countries": a region or sea the states lie by, never a town's states
            b = m.best()
            others = [i for i, e in enumerate(m.candidates) if e.feature_class != "P"]
            if b is not None and b.feature_class == "P" and others:
                i = max(others, key=lambda k: m.scores[k])
                m.candidates = [m.candidates[i]] + [e for k, e in enumerate(m.candidates) if k != i]
                m.scores = [max(m.scores) + 0.001] + [sc for k, sc in enumerate(m.scores) if k != i]
    planets = {id(m) for _, m in mentions if m.key in PLANETS and m.qualifier is None and m.surface[:1].isupper()}
    for _, m in mentions:
        if id(m) in planets:
            # "on Earth", "Earth's orbit": the planet, a place with no point on the map, not Earth, Texas (written
            # "Earth, Texas" when meant); recognised as the field's sets annotate it, resolved to nothing
            m.candidates, m.scores = [], []
    # "Yelizavetovka, Kursk Oblast": the area named after the comma with its type word
    area_named = {id(m) for run, m in mentions
                  if run.end > run.start and run.end + 2 < n_tok and words[run.end] == ","
                  and lower[run.end + 2] in ADMIN_WORDS and words[run.end + 2][:1].isupper()}
    outside = _outside_qualifier([m for _, m in mentions if id(m) in area_named], gaz)
    refused = _refuse_far_namesakes([m for _, m in mentions])
    refused.update(_area_by_other_name(mentions, lower, words))
    if drop_far:
        refused.update(_foreign_after_compass(mentions, words, idx, text, sent_of))
    dropped = _far_things(doc, mentions) if drop_far else set()
    located = _locate_unknown(doc, [m for _, m in mentions], gaz, text)
    places = []
    for run, m in mentions:
        if id(m) in dropped:
            continue
        best = m.best()
        capital_or_country = best is not None and (best.is_country or best.feature_code in ("PPLC", "ADM1"))
        role = role_of(doc, run, capital_or_country) if run.end > run.start and id(m) not in planets else "other"
        place = Place(evidence=Span.of(text, m.start, m.end), role=role)
        place.candidates = [Candidate(e.geonameid, e.name, e.feature_code, e.country_code, e.lat, e.lon,
                                      e.population, round(s, 3))
                            for e, s in zip(m.candidates[:TOP_CANDIDATES], m.scores[:TOP_CANDIDATES], strict=False)]
        if best is not None:
            place.geonameid, place.name = best.geonameid, best.name
            place.feature_class, place.feature_code = best.feature_class, best.feature_code
            place.country_code, place.admin1 = best.country_code, best.admin1
            place.lat, place.lon = best.lat, best.lon
            place.precision = precision_of(best)
            place.score = softmax_score(m.scores)
        elif id(m) in outside:
            # "Yelizavetovka, Kursk Oblast" where the index holds only Ukrainian Yelizavetovkas: the area the text
            # puts it in, at that area's precision; the namesakes it set aside stay among the candidates
            area, cands, scores = outside[id(m)]
            place.lat, place.lon, place.precision = area.lat, area.lon, precision_of(area)
            place.candidates = [Candidate(area.geonameid, area.name, area.feature_code, area.country_code, area.lat,
                                          area.lon, area.population, 0.0)]
            place.candidates += [Candidate(c.geonameid, c.name, c.feature_code, c.country_code, c.lat, c.lon,
                                           c.population, round(sc, 3))
                                 for c, sc in zip(cands[:TOP_CANDIDATES - 1], scores, strict=False)]
        elif id(m) in located and id(m) not in planets:
            # Not in the gazetteer ("Royal Street", "Old Town Manassas"): stays unresolved (no geonameid) but
            # carries the point of the town it lies in, from a name inside it or the text around it.
            e, why = located[id(m)]
            place.lat, place.lon, place.precision = e.lat, e.lon, precision_of(e)
            place.candidates = [Candidate(e.geonameid, e.name, e.feature_code, e.country_code, e.lat, e.lon,
                                          e.population, 0.0)]
            if id(m) in refused:  # the far namesakes it weighed and set aside, for the analyst
                cands, scores = refused[id(m)]
                place.candidates += [Candidate(c.geonameid, c.name, c.feature_code, c.country_code, c.lat, c.lon,
                                               c.population, round(sc, 3))
                                     for c, sc in zip(cands[:TOP_CANDIDATES - 1], scores, strict=False)]
        places.append(place)
    return places


# Seats of government named for their government ("the White House said"): the capital's point. Only names
# recognised as places already (the index's namesakes or a facility run); not a reason to recognise one.
SEATS = {"white house": "US", "kremlin": "RU", "downing street": "GB", "pentagon": "US", "capitol hill": "US",
         "elysee palace": "FR", "zhongnanhai": "CN", "bankova": "UA", "buckingham palace": "GB"}
GROUP_NOUNS = frozenset({"states", "nations", "countries", "republics"})
PLANETS = frozenset({"earth"})
SMALL_TOWN = 10_000  # a far namesake below this that the tagger does not call a place is dropped (_far_things)


def _outside_qualifier(mentions: list[Mention], gaz: Gazetteer) -> dict[int, tuple[Entry, list[Entry], list[float]]]:
    """Towns qualified by a first-level area written with its type word ("Yelizavetovka, Kursk Oblast") none of
    whose readings lies in that area's country: the index lacks the place (cities500 holds no village under 500
    people outside Ukraine), and a namesake across the border is wrong. Such a name is set aside (no reading) and
    placed at the area, when the qualifier's first-level areas are all of one country. (A country after the
    comma is left alone: "Greece, Bulgaria, Italy" is a list.)"""
    out: dict[int, tuple[Entry, list[Entry], list[float]]] = {}
    for m in mentions:
        if not m.qualifier or not m.candidates:
            continue
        best = m.best()
        if best is None or best.feature_class != "P":
            continue
        areas = [e for e in gaz.lookup_key(m.qualifier) if e.feature_code == "ADM1"]
        countries = {e.country_code for e in areas}
        if len(countries) != 1 or any(c.country_code in countries for c in m.candidates):
            continue
        area = areas[0]
        out[id(m)] = (area, m.candidates, m.scores)
        m.candidates, m.scores = [], []
    return out


def _foreign_after_compass(mentions: list[tuple[_Run, Mention]], words: list[str], idx: list[int], text: str,
                           sent_of: list[int]) -> dict[int, tuple[list[Entry], list[float]]]:
    """A name after a capitalised compass word whose readings all lie in countries none of the text's other
    names is in: "the West Midlands" in a story about England is not Zimbabwe's Midlands, "the
    Central Plateau" in Haiti not Nigeria's Plateau State. The compass word joins the span, the readings are set
    aside (returned, by mention) and the name is located like one the index lacks (the text's town)."""
    bests = [(m, m.best()) for _, m in mentions]
    out: dict[int, tuple[list[Entry], list[float]]] = {}
    for run, m in mentions:
        b = m.best()
        if b is None or b.is_country or not b.country_code or run.start == 0 or run.end <= run.start \
                or words[run.start - 1] not in COMPASS_WORDS or run.kind is not None \
                or sent_of and sent_of[run.start - 1] != sent_of[run.start]:
            continue
        others = [(o, ob) for o, ob in bests if ob is not None and o.key != m.key]
        if not others or any(e.country_code == ob.country_code for e in m.candidates for _, ob in others):
            continue
        out[id(m)] = (list(m.candidates), list(m.scores))
        m.candidates, m.scores = [], []
        m.start = idx[run.start - 1]
        m.surface = text[m.start:m.end]
    return out


def _far_things(doc: Doc, mentions: list[tuple[_Run, Mention]]) -> set[int]:
    """Names read as a small town (< ``SMALL_TOWN``) in a country no other name of the text is in, more than
    ``FAR_NAMESAKE_KM`` from all of them (two names or more), that the tagger does not call a GPE and no
    locative word calls a place (unless the tagger calls the name an organisation): "Nato" (villages in the
    Philippines) in a story about Ukraine, "on Earth" (Texas) in a story about Europe. Such a name is an
    organisation's, a thing's or a word's here; "met at Ramstein" and "in Piccadilly" stay places."""
    placed = [(run, m, m.best()) for run, m in mentions]
    out: set[int] = set()
    for run, m, b in placed:
        if b is None or run.kind is not None or b.feature_class != "P" or b.population >= SMALL_TOWN \
                or run.end <= run.start:
            continue
        label = _ent_label(doc, run.start, run.end)
        if label == "GPE" or label != "ORG" and run.start > 0 and doc[run.start - 1].lower_ in FIRM_LOCATIVE:
            continue  # "met at Ramstein", "a sushi bar in Piccadilly": a place, if perhaps another one
        others = [ob for _, o, ob in placed if ob is not None and o.key != m.key and o.key not in SEATS]
        keys = {o.key for _, o, ob in placed if ob is not None and o.key != m.key and o.key not in SEATS}
        if len(keys) < 2 or any(ob.country_code == b.country_code for ob in others):
            continue
        if all(haversine_km(b.lat, b.lon, ob.lat, ob.lon) > FAR_NAMESAKE_KM for ob in others):
            out.add(id(m))
    return out


FAR_NAMESAKE_KM = 1000.0  # a village this far from every other place of the text, in a country none names
FAR_NAMESAKE_POPULATION = 5_000  # below it a village; famous small towns (Davos, Ramstein) are larger
ANCHOR_POPULATION = 100_000  # a city that shows which country a story is about


def _refuse_far_namesakes(mentions: list[Mention]) -> dict[int, tuple[list[Entry], list[float]]]:
    """A village that is the best reading of a name only because no nearer namesake is in the index: the
    text's other places (two or more names) lie in other countries, all more than ``FAR_NAMESAKE_KM`` from it
    ("Piccadilly", a London street the index lacks, read as a village in Australia in a story about London).
    Its candidates are set aside; it is then located like a name the index lacks (the text's town). Returns
    the set-aside candidates and scores by mention."""
    bests = [(m, m.best()) for m in mentions]
    placed = [(m, b) for m, b in bests if b is not None]
    out: dict[int, tuple[list[Entry], list[float]]] = {}
    for m, b in placed:
        if b.feature_class != "P" or b.population >= FAR_NAMESAKE_POPULATION:
            continue
        others = [(o, ob) for o, ob in placed if o.key != m.key]
        if len({o.key for o, _ in others}) < 2 or any(ob.country_code == b.country_code for _, ob in others):
            continue
        # the others agree on a country (two thirds of their names, demonyms aside: "Russian" ×5 in a story
        # set in London) and one of them is a country, an area or a city there: a story about London, not a
        # story whose other names are read abroad too ("Trent", "Olds")
        by_cc: dict[str, set[str]] = {}
        for o, ob in others:
            if o.kind != "country":
                by_cc.setdefault(ob.country_code, set()).add(o.key)
        if not by_cc:
            continue
        main = max(by_cc, key=lambda c: len(by_cc[c]))
        if 3 * len(by_cc[main]) < 2 * len({k for ks in by_cc.values() for k in ks}) or not any(
                ob.country_code == main and (ob.is_country or ob.is_admin or ob.population >= ANCHOR_POPULATION)
                for _, ob in others):
            continue
        if all(haversine_km(b.lat, b.lon, ob.lat, ob.lon) > FAR_NAMESAKE_KM for _, ob in others):
            order = sorted(range(len(m.scores)), key=lambda i: -m.scores[i])
            out[id(m)] = ([m.candidates[i] for i in order], [m.scores[i] for i in order])
    for m in mentions:
        if id(m) in out:
            m.candidates, m.scores = [], []
    return out


def _area_by_other_name(mentions: list[tuple[_Run, Mention]], lower: list[str],
                        words: list[str]) -> dict[int, tuple[list[Entry], list[float]]]:
    """A name the text calls an area ("the district of X") whose best reading is a town that bears the name only
    as another name of its own, and no area among its readings: the area is one the index lacks, not that town
    (a district of Sumatra is not a French village once called so). Its candidates are set aside, as for
    :func:`_refuse_far_namesakes`; it is then located like a name the index lacks."""
    out: dict[int, tuple[list[Entry], list[float]]] = {}
    for run, m in mentions:
        i = run.start
        if i < 2 or lower[i - 1] != "of" or lower[i - 2] not in AREA_OF_WORDS or words[i - 2][:1].isupper():
            continue
        b = m.best()
        if b is None or b.feature_class != "P" or fold(b.name) == m.key or any(e.is_admin for e in m.candidates):
            continue
        order = sorted(range(len(m.scores)), key=lambda k: -m.scores[k])
        out[id(m)] = ([m.candidates[k] for k in order], [m.scores[k] for k in order])
        m.candidates, m.scores = [], []
    return out


AREA_OF_WORDS = frozenset({"district", "regency", "county", "municipality", "province", "prefecture"})


LIST_GAP = re.compile(r"\s*(?:,|;|&|/|,?\s+(?:and|or))\s*")


def _mark_lists(mentions: list[Mention], text: str) -> None:
    """Give the mentions of one enumeration ("Arizona, Georgia, Illinois and Ohio") a shared ``list_id``:
    consecutive mentions of a sentence separated only by a comma, "and", "or" or "&"."""
    order = sorted(mentions, key=lambda m: m.start)
    for prev, m, nxt in zip(order, order[1:], [*order[2:], None], strict=False):
        listed = nxt is not None and nxt.sent == m.sent and m.end <= nxt.start \
            and LIST_GAP.fullmatch(text[m.end:nxt.start]) is not None
        if prev.qualifier is not None and prev.qualifier == m.key and not listed \
                and (prev.list_id is None or "." in m.surface):
            # "Ruska Lozova, Kharkiv": a place and the area it lies in, not an enumeration; but "Missouri,
            # Louisiana, Kansas and Oregon" goes on after the second name, and "Paris, Berlin, Minsk." ends with
            # the third (a list already runs through the name before it), though not "... and Washington, D.C."
            continue
        if prev.sent == m.sent and prev.end <= m.start and LIST_GAP.fullmatch(text[prev.end:m.start]):
            if prev.list_id is None:
                prev.list_id = prev.start
            m.list_id = prev.list_id
    # "Clark, Hamilton, Madison or Warren counties", "the Kharkiv and Luhansk oblasts": a plural area noun after
    # the last name says what every name of the enumeration is
    last: dict[int, Mention] = {}
    for m in order:
        if m.list_id is not None:
            last[m.list_id] = m
    for lid, m in last.items():
        # the word's letters: "Oblasts.[16]" (a citation mark after it) as "Oblasts."
        after = re.match(r"\s*([A-Za-z]+)", text[m.end:m.end + 16])
        if after and after.group(1).lower() in PLURAL_AREA_WORDS:
            for o in order:
                if o.list_id == lid and o.kind is None:
                    o.kind = "admin"
    for k, m in enumerate(order):
        # "Kherson and Zaporizhia Oblasts", "Kharkiv, Sumy, Zaporizhia Oblasts" where the index lacks the last
        # name's spelling: the noun after it types the name and the names listed before it
        if m.kind is None and (k + 1 == len(order) or order[k + 1].start >= m.end + 2):
            after = UNKNOWN_LAST.match(text, m.end, m.end + 60)
            if after and after.group(1).lower() in PLURAL_AREA_WORDS \
                    and (k + 1 == len(order) or order[k + 1].start >= after.end(1)):
                m.kind = "admin"
                j = k
                while j > 0 and order[j - 1].sent == m.sent and order[j - 1].end <= order[j].start \
                        and LIST_GAP.fullmatch(text[order[j - 1].end:order[j].start]) and order[j - 1].kind is None:
                    order[j - 1].kind = "admin"
                    j -= 1


# ", Luhansk Oblasts", " and Zaporizhia Oblasts": one more name, not a place of the index, then the noun
UNKNOWN_LAST = re.compile(r"\s*(?:,\s*)?(?:(?:and|or)\s+)?[A-Z][\w'’-]+\s+([A-Za-z]+)")
PLURAL_AREA_WORDS = frozenset({"counties", "parishes", "provinces", "states", "oblasts", "regions", "districts",
                               "prefectures", "governorates", "departments", "cantons", "raions"})


def _borders_between(mentions: list[Mention], text: str) -> None:
    """"the Kharkiv-Donetsk Oblast border", "the Kherson-Mykolaiv administrative border": the two names joined by
    a hyphen before a border are areas, the first as much as the second that carries the type word."""
    order = sorted(mentions, key=lambda m: m.start)
    for prev, m in zip(order, order[1:], strict=False):
        if prev.end < m.start and text[prev.end:m.start] in ("-", "–") and BORDER_AFTER.match(text, m.end):
            for o in (prev, m):
                if o.kind is None:
                    o.kind = "admin"


# after the second name of "X-Y ... border": the type word or "administrative", then "border(s)"
BORDER_AFTER = re.compile(r"\s+(?:(?:oblasts?|regions?|administrative|regional)\s+)*borders?\b", re.IGNORECASE)


def _distance_cues(mentions: list[Mention], text: str) -> None:
    """"Y, 20 km east of X", "Y (about 15 kilometers south of X)", "near Y, northeast of X": Y is placed from X
    (``Mention.anchors``; the resolver prefers Y's namesakes that lie there). With "both"/"all" ("Y1 and Y2, both
    within 10 km of X") every name of Y's enumeration is."""
    order = sorted(mentions, key=lambda m: m.start)
    for y, x in zip(order, order[1:], strict=False):
        if y.sent != x.sent or y.end > x.start or y.key == x.key:
            continue
        cue = DISTANCE_GAP.fullmatch(text, y.end, x.start)
        if cue is None:
            edge = OUTSKIRTS_GAP.fullmatch(text, y.end, x.start)
            if edge is not None:  # "Y, on the southwestern outskirts of X": within 15 km
                side = edge.group("dir")
                y.anchors.append((x, -OUTSKIRTS_KM, BEARINGS[side.lower().replace("-", "")] if side else None))
            continue
        km = None
        if cue.group("n"):
            km = float(cue.group("n").replace(",", "."))
            if cue.group("u").lower().startswith("mi"):
                km *= 1.609
        brg = BEARINGS[cue.group("dir").lower().replace("-", "")] if cue.group("dir") else None
        if km is None and brg is None:
            continue
        named = [o for o in order if o.list_id is not None and o.list_id == y.list_id and o.end <= y.end] \
            if cue.group("all") and y.list_id is not None else [y]
        if km is not None and cue.group("within"):
            km = -km  # "within 10 km of X": at most that far (see places_resolve._anchor_fit)
        for o in named:
            o.anchors.append((x, km, brg))


BEARINGS = {"north": 0.0, "northeast": 45.0, "east": 90.0, "southeast": 135.0, "south": 180.0,
            "southwest": 225.0, "west": 270.0, "northwest": 315.0}
# between a name and the place it is put from: ", about 20 km east of ", " (just south of ", ", a village 10
# kilometers northwest of ", ", both within 5 km of ", ", 30 miles from "
DISTANCE_GAP = re.compile(
    r"\s*[,(]?\s*(?:(?:which\s+is|located|situated|lying|(?:an?\s+)?(?:small\s+|large\s+)?"
    r"(?:town|village|settlement|city|suburb)|(?P<all>both|all))\s+)?"
    r"(?:(?:just|directly|about|approximately|approx\.|roughly|some|around|nearly|almost|less\s+than|over"
    r"|only|barely|more\s+than|(?P<within>within|under|up\s+to))\s+)*"
    r"(?:(?P<n>\d+(?:[.,]\d+)?)\s*-?\s*(?P<u>km|kms|kilometers|kilometres|kilometer|kilometre|miles|mile|mi)\.?"
    r"\s*(?=[a-z]))?(?:due\s+)?(?:(?P<dir>north|south|east|west|northeast|northwest|southeast|southwest|north-east"
    r"|north-west|south-east|south-west)(?:ern)?\s+|(?<=\s))(?:of|from)\s+(?:the\s+(?:(?:city|town|village)\s+of\s+)?)?",
    re.IGNORECASE)
# ", on the eastern outskirts of ", " (northern suburbs of ", ", which is in the suburbs of "
OUTSKIRTS_GAP = re.compile(
    r"\s*[,(]?\s*(?:(?:which|that)\s+)?(?:(?:lies|is|are|lie|located|situated)\s+)?(?:(?:on|in|at)\s+)?(?:the\s+)?"
    r"(?:(?P<dir>north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east"
    r"|south-west)(?:ern)?\s+)?(?:outskirts|suburbs?)\s+of\s+(?:the\s+)?",
    re.IGNORECASE)
OUTSKIRTS_KM = 15.0


# "east of X", "the outskirts of X": X is a point to take a direction or distance from (_areas_among_areas)
POINT_OF_WORDS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                            "north-east", "north-west", "south-east", "south-west", "outskirts", "suburbs",
                            "periphery", "centre", "center"})


# A word after a name that says it is the area, not its namesake town: "New York state", "the Georgia Governor".
AREA_CUE_WORDS = frozenset({"state", "governor", "Governor", "legislature", "Legislature", "Gov."})
NEAR_AREA_KM = 300.0  # a town of the text this near an area named after an unknown name stands in for the area
FAR_INNER_KM = 300.0  # a name inside an unknown mention farther than this from every place of the text
STREET_WORDS = frozenset("street avenue boulevard road lane drive square plaza st st. rd rd. ave ave. blvd".split())
LOCATED_WORDS = FACILITY_WORDS | frozenset("""
st st. rd rd. ave ave. blvd blvd. center centre club hall building tower court courthouse neighborhood
neighbourhood campus house plant factory mine harbor harbour highway freeway interstate parkway elementary
middle high zoo cemetery memorial theater theatre base barracks terminal pier golf
""".split())


# Institutions usually lie where the place inside their name is ("University of Chicago", "Denver Police
# Department", "Bank of England"), unlike streets, which are named after other places ("Moscow Avenue"). An
# embassy, consulate or mission of X is not in X: it takes the town of the text.
INSTITUTION_WORDS = frozenset("""
university college bank hospital airport court police sheriff sheriff's ministry institute
""".split())
ABROAD_WORDS = frozenset("embassy embassies consulate consulates mission".split())
_INSTITUTION_GENERIC = LOCATED_WORDS | INSTITUTION_WORDS  # single words inside a name that name no place
# between an unknown name and the town or area it lies in: "X, Y", "X in Y", "the X district of Y", "X camp in Y"
IN_TOWN_GAP = re.compile(r"\s*(?:(?:district|area|region|province|county|municipality|camp)s?\s+(?:of|in)|,|in|at|near"
                         r"|,\s*in)\s*(?:the\s+)?(?:city\s+of\s+)?", re.IGNORECASE)


def _locate_unknown(doc: Doc, mentions: list[Mention], gaz: Gazetteer,
                    text: str | None = None) -> dict[int, tuple[Entry, str]]:
    """Approximate points for mentions with no gazetteer entry: a known name inside the mention ("Old Town
    Manassas" lies in Manassas), and for streets and buildings the town the text names around them. Streets
    take the town first: they are often named after other places ("Sumska Street" in Kharkiv, "Moscow Avenue").
    Any other unknown name takes the town the text is about (:func:`town_of_text` below); with no town in the
    text it stays without a point.
    """
    text = doc.text if text is None else text
    towns: list[tuple[int, Entry]] = []
    areas: list[tuple[int, Entry]] = []  # every admin area and country the text names, by position
    islands: list[tuple[int, Entry]] = []  # the large islands it names ("Java")
    times: dict[int, int] = {}  # how often the text names each town
    countries: dict[str, int] = {}  # how often it names a place of each country
    named: dict[str, int] = {}  # the same, demonyms ("Nigerian priests") left out
    for m in mentions:
        b = m.best()
        if b is not None and b.country_code:
            countries[b.country_code] = countries.get(b.country_code, 0) + 1
            if m.kind != "country":
                named[b.country_code] = named.get(b.country_code, 0) + 1
        if b is not None and b.feature_class in "PA" and not b.is_country:
            towns.append((m.start, b))
            times[b.geonameid] = times.get(b.geonameid, 0) + 1
        elif b is not None and b.feature_code == "ISL":
            islands.append((m.start, b))
        if b is not None and (b.is_country or b.is_admin) and not any(
                e.feature_class == "P" and e.population >= ANCHOR_POPULATION for e in m.candidates):
            areas.append((m.start, b))  # not "Washington": the city as likely as the state
    main = max(countries, key=countries.__getitem__) if countries else ""
    home = max(named, key=named.__getitem__) if named else ""

    def town_of_text(m: Mention) -> Entry | None:
        """The town a street or building lies in: the one named right after it ("Loyola University in Los
        Angeles", "the Convention Centre, Dublin"), else the one the text names most often, the nearest before
        it on a tie (after it when none is before)."""
        ps = [(s, e) for s, e in towns if e.feature_class == "P"]
        if not ps:
            return None
        after = town_after(m)
        if after is not None:
            return after
        area = area_after(m)
        if area is not None:
            # "Fort Detrick, Maryland", "the village of Cellardyke in Fife": a town of the text in that area,
            # else the area itself unless the text's town lies near it ("Thackerville, Okla." in a story about
            # a town across the state line)
            inside = [(s, e) for s, e in ps if _in_area(area, e)]
            if inside:
                ps = inside
            else:
                other = usual(m, ps)
                return other if other is not None and haversine_km(
                    area.lat, area.lon, other.lat, other.lon) < NEAR_AREA_KM else area
        return usual(m, ps)

    def area_of_text(m: Mention) -> Entry | None:
        """With no town in the text, the area it is about: the one named right after the mention ("Greenlane,
        Auckland"), else the area or large island of the country the text names most (demonyms aside) that it
        names most often, the smaller level first ("the Cuvette-Ouest region ... the Etoumbi district"), else
        that country ("four villages of ... in Burundi")."""
        after = area_after(m)
        if after is not None:
            return after
        cc = home or main
        inner = [(s, e) for s, e in towns if e.feature_class == "A" and e.country_code == cc]
        inner += [(s, e) for s, e in islands if e.country_code in (cc, "")]
        if inner:
            def rank(e: Entry) -> tuple[int, int]:
                return sum(1 for _, x in inner if x.geonameid == e.geonameid), e.feature_code == "ADM2"
            return max((e for _, e in inner), key=rank)
        return next((e for _, e in areas if e.is_country and e.country_code == cc), None)

    def usual(m: Mention, ps: list[tuple[int, Entry]]) -> Entry | None:
        """The town the text names most often, in the country it names most (see ``town_of_text``)."""
        if any(e.country_code == home for _, e in ps):
            # the country the text names most, demonyms aside ("Nigerian priests ... in Rome"; "Russian" ×5 in
            # a story set in London)
            ps = [(s, e) for s, e in ps if e.country_code == home]
        elif any(e.country_code == main for _, e in ps):
            ps = [(s, e) for s, e in ps if e.country_code == main]
        elif home and all(e.population < ANCHOR_POPULATION for _, e in ps):
            # no town of the country the text names most, only small towns abroad ("Mute" read as a Swiss town in
            # a story about Suffolk and Fife; not "the OAS in Washington" in a story about Dominica): the area of
            # that country the text names most, else the country
            inner = [e for _, e in areas if e.country_code == home and not e.is_country]
            if inner:
                return max(inner, key=lambda e: sum(1 for x in inner if x.geonameid == e.geonameid))
            country = next((e for _, e in areas if e.country_code == home and e.is_country), None)
            if country is not None:
                return country
        top = max(times[e.geonameid] for _, e in ps)
        best = [(s, e) for s, e in ps if times[e.geonameid] == top]
        before = [e for s, e in best if s < m.start]
        return before[-1] if before else best[0][1]

    def area_after(m: Mention) -> Entry | None:
        """The admin area or country named right after the mention ("Fort Detrick, Maryland"), if any."""
        nxt = next(((s, e) for s, e in areas if s >= m.end), None)
        return nxt[1] if nxt is not None and IN_TOWN_GAP.fullmatch(text[m.end:nxt[0]]) else None

    def town_after(m: Mention) -> Entry | None:
        """The town named right after the mention ("Loyola University in Los Angeles"), if any."""
        nxt = next(((s, e) for s, e in towns if s >= m.end and e.feature_class == "P"), None)
        return nxt[1] if nxt is not None and IN_TOWN_GAP.fullmatch(text[m.end:nxt[0]]) else None

    out: dict[int, tuple[Entry, str]] = {}
    for m in mentions:
        if m.candidates:
            continue
        words = m.surface.replace("/", " ").replace("-", " ").split()
        lower = {w.lower() for w in words}
        seat = next((SEATS[k] for k in (fold(" ".join(sub)) for sub in _sub_names(words, frozenset()))
                     if k in SEATS), None)
        cap = _capital(gaz, country) if seat and (country := gaz.country(seat)) is not None else None
        if cap is not None:
            out[id(m)] = (cap, "inside")  # "the Grand Kremlin Palace": the seat's capital, whatever the story
            continue
        if lower & INSTITUTION_WORDS and not lower & ABROAD_WORDS:
            # an institution: the town named after it, else the place inside its name (an area's or a
            # country's capital: "University of Alberta" in Edmonton, "Bank of Mexico" in Mexico City)
            inst = town_after(m) or _institution_place(words, gaz, [e for _, e in towns])
            if inst is not None:
                out[id(m)] = (inst, "inside")
                continue
        context: Entry | None = None
        if words and words[-1].lower() in LOCATED_WORDS:
            context = town_of_text(m)
        if context is not None and words[-1].lower() in STREET_WORDS:
            out[id(m)] = (context, "context")
            continue
        inner = _inner_place(words, gaz, [e for _, e in towns])
        if inner is not None and towns and min(haversine_km(inner.lat, inner.lon, e.lat, e.lon)
                                               for _, e in towns) > FAR_INNER_KM:
            # "Faubourg Marigny" in an article about New Orleans is not near Marigny in France: the name inside
            # is a namesake far from every place the text names, so the town the text is about is nearer
            context = context or town_of_text(m)
            if context is None and inner.country_code and inner.country_code not in countries \
                    and not (inner.feature_class == "P" and inner.population >= ANCHOR_POPULATION):
                # no town in the text and the inner name's country unnamed: the area the text is about ("the West
                # Midlands" beside England is not Zimbabwe's Midlands); a big city inside stays ("Vancouver
                # International Airport")
                context = area_of_text(m)
            inner = None if context is not None else inner
        if inner is None and context is None:
            # any other name the index lacks ("Bywater", "Khayelitsha", a span a caller of resolve_spans found
            # with another recogniser) is most likely in the town the text is about: its point, still unresolved;
            # with no town in the text, the area it is about
            context = town_of_text(m) or area_of_text(m)
        if inner is not None:
            out[id(m)] = (inner, "inside")
        elif context is not None:
            out[id(m)] = (context, "context")
    return out


def _in_area(area: Entry, e: Entry) -> bool:
    """``e`` lies in ``area``: same country, same first-level area, or within 60 km of a smaller area's point."""
    if area.is_country:
        return e.country_code == area.country_code
    if area.feature_code == "ADM1":
        return e.country_code == area.country_code and e.admin1 == area.admin1
    return e.country_code == area.country_code and haversine_km(area.lat, area.lon, e.lat, e.lon) < 60.0


def _sub_names(words: list[str], generic: frozenset[str]) -> Iterator[list[str]]:
    """The word runs inside a name shorter than the whole, longest first, left to right; a single word only
    when capitalised and neither ``generic`` nor on the stoplist."""
    for size in range(len(words) - 1, 0, -1):
        for k in range(len(words) - size + 1):
            sub = words[k:k + size]
            if size == 1 and (sub[0].lower() in generic or fold(sub[0]) in STOPLIST or not sub[0][:1].isupper()):
                continue
            yield sub


def _inner_place(words: list[str], gaz: Gazetteer, anchors: list[Entry]) -> Entry | None:
    for sub in _sub_names(words, LOCATED_WORDS):
        entries = gaz.lookup(" ".join(sub))
        if entries:
            return _nearest(entries, anchors)
    return None


_CAPITALS: weakref.WeakKeyDictionary[Gazetteer, dict[tuple[str, str], int]] = weakref.WeakKeyDictionary()


def _capital(gaz: Gazetteer, area: Entry) -> Entry | None:
    """A country's capital (its most populous PPLC) or a first-level area's (its most populous PPLA, else the
    country's capital when that lies in the area: London for England)."""
    caps = _CAPITALS.get(gaz)
    if caps is None:
        ppla: dict[tuple[str, str], int] = {}
        pplc: dict[tuple[str, str], int] = {}
        for i, code in enumerate(gaz.fcode):
            if code == "PPLA" or code == "PPLC":
                keys = [(gaz.cc[i], gaz.admin1[i])] + ([(gaz.cc[i], "")] if code == "PPLC" else [])
                best = ppla if code == "PPLA" else pplc
                for key in keys:
                    if key not in best or gaz.pop[i] > gaz.pop[best[key]]:
                        best[key] = i
        caps = {**pplc, **ppla}
        _CAPITALS[gaz] = caps
    row = caps.get((area.country_code, "" if area.is_country else area.admin1))
    return None if row is None else gaz.entry(row)


def _institution_place(words: list[str], gaz: Gazetteer, anchors: list[Entry]) -> Entry | None:
    """The place inside an institution's name, longest name first; a country or first-level area among its
    namesakes is taken (the one nearest the text's places) and stands for its capital; a town only when near
    the text's places."""
    for sub in _sub_names(words, _INSTITUTION_GENERIC):
        cc = DEMONYMS.get(sub[0]) if len(sub) == 1 else None
        country = gaz.country(cc) if cc else None
        if country is not None:  # "the Russian Foreign Ministry": the country's capital
            return _capital(gaz, country) or country
        entries = gaz.lookup(" ".join(sub))
        if not entries:
            continue
        areas = [e for e in entries if e.is_country or e.feature_code == "ADM1"]
        if areas:
            area = _nearest(areas, anchors)
            return _capital(gaz, area) or area
        near = _nearest(entries, anchors)
        if anchors and min(haversine_km(near.lat, near.lon, a.lat, a.lon) for a in anchors) > FAR_INNER_KM:
            return None  # a namesake town far from the text ("Supreme" in the Supreme People's Court)
        return near
    return None


def _nearest(entries: list[Entry], anchors: list[Entry]) -> Entry:
    if not anchors:
        return entries[0]
    return min(entries, key=lambda e: min(haversine_km(e.lat, e.lon, a.lat, a.lon) for a in anchors)
               - 10 * math.log10(1 + e.population))


# ---------------------------------------------------------------- spaCy component


class PlacesComponent:
    """``sitreps_places``: sets ``doc._.places`` (a list of :class:`sitreps.model.Place`)."""

    def __init__(self, nlp: Language, name: str, gazetteer: str | None) -> None:
        self.name = name
        self.gazetteer_path = gazetteer
        self._gaz: Gazetteer | None = None

    def initialize(self, get_examples: Any = None, nlp: Language | None = None) -> None:
        self._load()

    def _load(self) -> Gazetteer:
        if self._gaz is None:
            self._gaz = load_gazetteer(self.gazetteer_path)
        return self._gaz

    def __call__(self, doc: Doc) -> Doc:
        doc._.places = geoparse(doc, self._load())
        return doc


def _register() -> None:
    """Register the factory and the ``Doc._.places`` extension once (guarded: re-imports are harmless)."""
    from spacy.language import Language
    from spacy.tokens import Doc

    if not Doc.has_extension("places"):
        Doc.set_extension("places", default=None)
    if "sitreps_places" not in Language.factories:
        Language.factory("sitreps_places", default_config={"gazetteer": None})(_make_component)


def _make_component(nlp, name, gazetteer):  # type: ignore[no-untyped-def]  # noqa: ANN001, ANN202
    # No annotations on purpose: spaCy validates factory arguments with pydantic, which cannot resolve the
    # postponed (string) annotations of this module's TYPE_CHECKING-only imports.
    return PlacesComponent(nlp, name, gazetteer)


_register()


# ---------------------------------------------------------------- pipeline stage


class PlacesStage:
    """Pipeline stage: appends the article's places to ``result.places``."""

    name = "places"
    # The selective parser gives NER to sentences with capitalised words, which is all recognition needs;
    # roles read the words around a mention and use a parse only where another stage asked for one.
    needs = {"ner"}

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz

    def __call__(self, doc: Doc, result: ArticleResult) -> None:
        result.places.extend(geoparse(doc, self.gaz, result.article.text))  # == doc.text, already a str


def load(settings: Settings, resources: Resources) -> PlacesStage:
    gaz = resources.get(f"gazetteer:{settings.gazetteer or 'default'}", lambda: load_gazetteer(settings.gazetteer))
    return PlacesStage(gaz)
