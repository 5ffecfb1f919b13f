"""Build ArticleResults by hand for linking tests: no spaCy, spans found in texts written for these tests."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from sitreps.model import (
    Actor,
    Article,
    ArticleResult,
    Claim,
    Event,
    Place,
    Quantity,
    Source,
    Span,
    check_spans,
)

# (name, lat, lon, geonameid, admin1) of a few places, for readable tests.
PLACES = {
    "Rubizhne": (50.19, 36.45, 701, "07"),
    "Tsyrkuny": (50.13, 36.37, 702, "07"),  # ~9 km from Rubizhne
    "Vovchansk": (50.29, 36.94, 703, "07"),  # ~36 km from Rubizhne
    "Izium": (49.21, 37.26, 704, "07"),  # ~125 km from Rubizhne
    "Kharkiv Oblast": (49.5, 36.5, 705, "07"),
    "Odesa": (46.48, 30.73, 706, "17"),
}


def span(text: str, phrase: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    return Span.of(text, start, start + len(phrase))


@dataclass
class Ev:
    """An event to put in a test article: everything is found by phrase in the article text."""

    phrase: str
    sub_event_type: str = "Armed clash"
    event_type: str = "Battles"
    place: str | None = "Rubizhne"
    geo_precision: int | None = 1
    place_precision: str = "town"
    date: str | None = "2022-05-13"
    date_precision: str | None = "day"
    actors: tuple[tuple[str, str | None], ...] = ()  # (phrase, side)
    source: tuple[str, str] | None = None  # (phrase naming the source, normalised source name)
    quantities: list[tuple[str, float, str, str]] = field(default_factory=list)  # phrase, value, kind, unit
    fatalities: int | None = None
    negated: bool = False


def article(aid: str, text: str, published: str | None = "2022-05-14", outlet: str | None = "Test Wire",
            events: tuple[Ev, ...] = (), title: str | None = None) -> ArticleResult:
    art = Article(id=aid, text=text, title=title or aid, outlet=outlet, published=published,
                  published_precision="day" if published else None)
    result = ArticleResult(article=art)
    for i, ev in enumerate(events):
        location = None
        if ev.place:
            lat, lon, gid, admin1 = PLACES[ev.place]
            location = Place(evidence=span(text, ev.place.split()[0]), geonameid=gid, name=ev.place,
                             feature_code="ADM1" if ev.place_precision == "region" else "PPL",
                             country_code="UA", admin1=admin1, lat=lat, lon=lon, role="event_location",
                             precision=ev.place_precision)
            result.places.append(location)
        actors = [Actor(evidence=span(text, p), name=p, side=side) for p, side in ev.actors]
        result.actors.extend(actors)
        claim_ids = []
        if ev.source:
            phrase, name = ev.source
            claim = Claim(id=f"k{i}", evidence=span(text, ev.phrase), source=Source(name, evidence=span(text, phrase)),
                          cue=None)
            result.claims.append(claim)
            claim_ids.append(claim.id)
        qs = [Quantity(evidence=span(text, p), value=v, unit=u, normalized_value=v, normalized_unit=u, kind=k,
                       claim_id=claim_ids[0] if claim_ids else None) for p, v, k, u in ev.quantities]
        result.quantities.extend(qs)
        result.events.append(Event(
            id=f"e{i}", evidence=span(text, ev.phrase), event_type=ev.event_type, sub_event_type=ev.sub_event_type,
            actor1=actors[0] if actors else None, actor2=actors[1] if len(actors) > 1 else None,
            location=location, geo_precision=ev.geo_precision if ev.place else None, date=ev.date,
            date_precision=ev.date_precision, fatalities=ev.fatalities, quantities=qs, claim_ids=claim_ids,
            negated=ev.negated,
        ))
    check_spans(result)
    return result


def text_id(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:16]
