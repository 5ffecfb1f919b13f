"""A stored result reads back exactly: ``load_result(id).to_dict() == result.to_dict()``."""

from __future__ import annotations

import dataclasses
import uuid

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitreps.model import (
    Actor,
    Article,
    ArticleResult,
    Boilerplate,
    Candidate,
    Claim,
    Event,
    Place,
    Quantity,
    Source,
    Span,
    TimeExpr,
)

# PostgreSQL text cannot hold NUL; surrogates are not valid UTF-8. Everything else must survive.
CHARS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
WORD = st.text(CHARS, max_size=12)
OPT = st.none() | WORD
FLOAT = st.floats(allow_nan=False, allow_infinity=False)
OPT_FLOAT = st.none() | FLOAT
INT = st.integers(-(2**31), 2**31 - 1)
OPT_INT = st.none() | INT


@st.composite
def results(draw: st.DrawFn) -> ArticleResult:
    text = draw(st.text(CHARS, min_size=1, max_size=120))

    def span() -> Span:
        start = draw(st.integers(0, len(text)))
        return Span.of(text, start, draw(st.integers(start, len(text))))

    def opt_span() -> Span | None:
        return span() if draw(st.booleans()) else None

    def place() -> Place:
        return Place(
            evidence=span(), geonameid=draw(OPT_INT), name=draw(OPT), feature_class=draw(OPT),
            feature_code=draw(OPT), country_code=draw(OPT), admin1=draw(OPT), lat=draw(OPT_FLOAT),
            lon=draw(OPT_FLOAT), role=draw(WORD), precision=draw(OPT), score=draw(OPT_FLOAT),
            candidates=[Candidate(draw(INT), draw(WORD), draw(WORD), draw(WORD), draw(FLOAT), draw(FLOAT),
                                  draw(st.integers(0, 10**12)), draw(FLOAT))
                        for _ in range(draw(st.integers(0, 2)))],
        )

    def quantity() -> Quantity:
        return Quantity(
            evidence=span(), value=draw(OPT_FLOAT), unit=draw(OPT), normalized_value=draw(OPT_FLOAT),
            normalized_unit=draw(OPT), value_max=draw(OPT_FLOAT), counted=draw(OPT), kind=draw(WORD),
            approximate=draw(st.booleans()), claim_id=draw(OPT),
        )

    def actor() -> Actor:
        return Actor(evidence=span(), name=draw(WORD), side=draw(OPT), kind=draw(OPT), inter=draw(OPT_INT),
                     unit=draw(OPT))

    def n(limit: int = 3) -> range:
        return range(draw(st.integers(0, limit)))

    article = Article(
        id=uuid.uuid4().hex[:20],  # fresh per example: a stored id would be skipped, not overwritten
        text=text, title=draw(OPT), url=draw(OPT), outlet=draw(OPT), published=draw(OPT),
        published_precision=draw(OPT), language=draw(WORD), source_path=draw(OPT),
        paragraphs=[span() for _ in n()],
        boilerplate=[Boilerplate(span(), draw(WORD), draw(st.booleans())) for _ in n()],
        near_duplicate_of=draw(OPT),
        meta=draw(st.dictionaries(WORD, st.none() | WORD | INT | st.booleans(), max_size=3)),
    )
    quantities = [quantity() for _ in n()]
    claims = [Claim(
        id=draw(WORD), evidence=span(),
        source=Source(name=draw(WORD), kind=draw(WORD), evidence=opt_span(), side=draw(OPT)),
        cue=opt_span(), channel=draw(OPT), direct=draw(st.booleans()),
        hedges=draw(st.lists(WORD, max_size=3)), reporting=draw(st.lists(WORD, max_size=3)),
        certainty=draw(WORD), nested_in=draw(OPT), date=draw(OPT),
        primary_article_id=(pid := draw(OPT)), primary_evidence=opt_span() if pid is not None else None,
        speech=draw(st.booleans()),
    ) for _ in n()]
    events = []
    for _ in n():
        # An event's quantities are objects of the article's list, or extra ones only the event has.
        shared = draw(st.lists(st.sampled_from(quantities), max_size=2)) if quantities else []
        events.append(Event(
            id=draw(WORD), evidence=span(), event_type=draw(WORD), sub_event_type=draw(WORD),
            plover=draw(OPT), plover_mode=draw(OPT),
            actor1=actor() if draw(st.booleans()) else None, actor2=actor() if draw(st.booleans()) else None,
            location=place() if draw(st.booleans()) else None, geo_precision=draw(OPT_INT), date=draw(OPT),
            date_precision=draw(OPT), time_precision=draw(OPT_INT), fatalities=draw(OPT_INT),
            quantities=shared + [quantity() for _ in n(1)], claim_ids=draw(st.lists(WORD, max_size=3)),
            certainty=draw(WORD), negated=draw(st.booleans()), hypothetical=draw(st.booleans()),
            future=draw(st.booleans()), trigger=opt_span(),
        ))
    return ArticleResult(
        article=article,
        places=[place() for _ in n()],
        times=[TimeExpr(span(), draw(OPT), draw(OPT), draw(OPT), draw(WORD)) for _ in n()],
        quantities=quantities,
        claims=claims,
        actors=[actor() for _ in n()],
        events=events,
        errors=draw(st.lists(WORD, max_size=2)),
        pipeline_version=draw(st.sampled_from(["0.1.0", "1.2.3", "dev"])),
    )


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(result=results())
def test_store_roundtrip_any_result(store, result: ArticleResult) -> None:
    report = store.save_results([result])
    assert report.new == [result.article.id]
    loaded = store.load_result(result.article.id)
    assert loaded.to_dict() == result.to_dict()
    # Fields outside the public shape come back too.
    assert loaded.article.paragraphs == result.article.paragraphs
    assert loaded.article.meta == result.article.meta
    assert loaded.article.source_path == result.article.source_path


def test_store_roundtrip_keeps_event_quantity_identity(store, make_article) -> None:
    art = make_article("Ukrainian officials said 12 tanks were destroyed near Izium on Sunday.")
    tanks = Quantity(Span.of(art.text, 25, 33), 12.0, "vehicles", kind="equipment_destroyed")
    extra = Quantity(Span.of(art.text, 0, 9), 1.0, None)
    event = Event("e1", Span.of(art.text, 0, len(art.text)), "Battles", "Armed clash",
                  quantities=[tanks, extra], claim_ids=["c1", "c9"])
    result = ArticleResult(article=art, quantities=[tanks], events=[event])
    store.save_results([result])
    loaded = store.load_result(art.id)
    assert loaded.to_dict() == result.to_dict()
    assert loaded.events[0].quantities[0] is loaded.quantities[0]
    assert store.counts()["quantities"] == 1  # the event-only quantity is stored but not listed


def test_store_roundtrip_big_and_tiny_floats(store, make_article) -> None:
    art = make_article("A report from Kharkiv.")
    place = Place(Span.of(art.text, 14, 21), geonameid=706483, lat=1e308, lon=-5e-324, score=0.1 + 0.2,
                  candidates=[Candidate(706483, "Kharkiv", "PPLA", "UA", 1e308, 36.25, 1_430_885, -0.0)])
    result = ArticleResult(article=art, places=[place],
                           events=[Event("e", Span.of(art.text, 0, 8), "Battles", "Armed clash",
                                         location=dataclasses.replace(place))])
    store.save_results([result])
    assert store.load_result(art.id).to_dict() == result.to_dict()
