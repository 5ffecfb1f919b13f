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

from typing import TYPE_CHECKING, Any

from ..gazetteer.build import fold
from ..gazetteer.index import Gazetteer, load_gazetteer
from ..gazetteer.tables import DEMONYMS
from ..model import Candidate, Place, Span
from .places_recognize import ADMIN_WORDS, RIVER_WORDS, TOWN_WORDS, _Run, accept, find_runs, role_of
from .places_resolve import Mention, precision_of, resolve, softmax_score

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from ..model import ArticleResult
    from ..settings import Settings
    from .registry import Resources

TOP_CANDIDATES = 5


def geoparse(doc: Doc, gaz: Gazetteer) -> list[Place]:
    """Every place mention in ``doc`` as a :class:`Place` (resolved or not), in text order."""
    kept: list[_Run] = []
    for run in find_runs(doc, gaz):
        if accept(doc, run, gaz, kept):
            kept.append(run)
    return _places(doc, gaz, kept)


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
    return _places(doc, gaz, runs, [(s, e) for s, e in spans])


def _run_for_span(doc: Doc, i: int, j: int, gaz: Gazetteer) -> _Run:
    """A run over tokens [i, j) whose lookup key and kind come from the words: "the Donets River", "Irish"."""
    while i < j - 1 and doc[i].lower_ == "the":
        i += 1
    words = [t.text for t in doc[i:j]]
    key = fold(" ".join(words))
    if gaz.has_key(key):
        kind = "river" if words[-1].lower() in RIVER_WORDS else None
        return _Run(i, j, key, kind)
    if len(words) == 1 and words[0] in DEMONYMS:
        return _Run(i, j, key, "demonym")
    last = words[-1].lower()
    if len(words) > 1 and (last in ADMIN_WORDS or last in TOWN_WORDS or last in RIVER_WORDS):
        kind = "admin" if last in ADMIN_WORDS else "town" if last in TOWN_WORDS else "river"
        return _Run(i, j, fold(" ".join(words[:-1])), kind)
    if words[-1] in ("'s", "’s") and len(words) > 1:
        return _Run(i, j, fold(" ".join(words[:-1])), None)
    return _Run(i, j, key, None)


def _places(doc: Doc, gaz: Gazetteer, runs: list[_Run], chars: list[tuple[int, int]] | None = None) -> list[Place]:
    text = doc.text
    sent_of: dict[int, int] = {}
    if doc.has_annotation("SENT_START"):
        for si, sent in enumerate(doc.sents):
            for t in range(sent.start, sent.end):
                sent_of[t] = si
    mentions = []
    for n, run in enumerate(runs):
        if chars is not None:
            start, end = chars[n]
        else:
            start, end = doc[run.start].idx, doc[run.end - 1].idx + len(doc[run.end - 1])
        key, kind = run.key, run.kind
        if kind == "demonym":
            cc = DEMONYMS.get(doc[run.start].text) or DEMONYMS.get(doc[run.start].text.rstrip("s"))
            country = gaz.country(cc) if cc else None
            key, kind = (fold(country.name), "country") if country else (key, None)
        m = Mention(start, end, key, text[start:end], kind=kind, sent=sent_of.get(run.start, 0))
        if run.end > run.start and run.end + 1 < len(doc) and doc[run.end].text == "," \
                and doc[run.end + 1].text[:1].isupper():
            m.qualifier = fold(doc[run.end + 1].text)
        mentions.append((run, m))
    resolve([m for _, m in mentions], gaz)
    places = []
    for run, m in mentions:
        best = m.best()
        capital_or_country = best is not None and (best.is_country or best.feature_code in ("PPLC", "ADM1"))
        role = role_of(doc, run, capital_or_country) if run.end > run.start else "other"
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
        places.append(place)
    return places


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


def _make_component(nlp: Language, name: str, gazetteer: str | None) -> PlacesComponent:
    return PlacesComponent(nlp, name, gazetteer)


_register()


# ---------------------------------------------------------------- pipeline stage


class PlacesStage:
    """Pipeline stage: appends the article's places to ``result.places``."""

    name = "places"
    # The selective parser gives NER to sentences with capitalised words; the parse only helps roles.
    needs = {"ner", "parser"}
    parse_cues = frozenset({"says", "said", "announced", "focused", "claims", "claimed", "denied", "warned"})

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz

    def __call__(self, doc: Doc, result: ArticleResult) -> None:
        result.places.extend(geoparse(doc, self.gaz))


def load(settings: Settings, resources: Resources) -> PlacesStage:
    gaz = resources.get(f"gazetteer:{settings.gazetteer or 'default'}", lambda: load_gazetteer(settings.gazetteer))
    return PlacesStage(gaz)
