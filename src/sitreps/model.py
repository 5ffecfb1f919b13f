"""Typed records. Every value that came from text carries an evidence :class:`Span` into its article.

The invariant ``span.text == article.text[span.start:span.end]`` is checked by :func:`check_spans` and by the
Hypothesis tests in ``tests/test_model_spans.py``. ``to_dict()`` on every record gives the public JSON shape of
DESIGN.md ("The public JSON shape"): field names there are a contract.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from .errors import SpanError

PIPELINE_VERSION = "0.1.0"


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` into an article's text, with the text it covers."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """Make a span of ``text[start:end]``; the only way extractors should build spans."""
        if not 0 <= start <= end <= len(text):
            raise SpanError(f"span [{start}, {end}) lies outside a text of {len(text)} characters")
        return cls(start, end, text[start:end])

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(slots=True)
class Boilerplate:
    """A block of the article that is not news: a caption, a byline, a repeated paragraph.

    ``skip`` is true for blocks no extractor should read (second and later copies of a repeated block);
    the first copy of a caption is read once.
    """

    evidence: Span
    kind: str  # caption, byline, repeated, credit, ...
    skip: bool = False

    def to_dict(self) -> dict[str, Any]:
        d = self.evidence.to_dict()
        d["kind"] = self.kind
        d["skip"] = self.skip
        return d


@dataclass(slots=True)
class Article:
    """One document, cleaned. ``id`` is a content hash of the cleaned text (see ``ingest.ids``)."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) or shorter (YYYY-MM) when less precise
    published_precision: str | None = None  # day, month, year
    language: str = "en"
    source_path: str | None = None  # file (and line/row) it was read from, for error messages
    paragraphs: list[Span] = field(default_factory=list)
    boilerplate: list[Boilerplate] = field(default_factory=list)
    near_duplicate_of: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "outlet": self.outlet,
            "published": self.published,
            "published_precision": self.published_precision,
            "language": self.language,
            "text": self.text,
            "boilerplate": [b.to_dict() for b in self.boilerplate],
            "near_duplicate_of": self.near_duplicate_of,
        }

    def skipped(self, span: Span) -> bool:
        """True when ``span`` lies inside a block that extractors must not read."""
        return any(b.skip and b.evidence.contains(span) for b in self.boilerplate)


@dataclass(slots=True)
class TimeExpr:
    evidence: Span
    value: str | None  # ISO date, possibly reduced (2022-04) ; None when unresolved
    end: str | None = None  # ISO end of an interval
    precision: str | None = None  # day, week, month, year, interval
    anchor: str = "published"  # published, or the ISO date of an explicit anchor in the text

    def to_dict(self) -> dict[str, Any]:
        return {
            "evidence": self.evidence.to_dict(),
            "value": self.value,
            "end": self.end,
            "precision": self.precision,
            "anchor": self.anchor,
        }


@dataclass(slots=True)
class Quantity:
    evidence: Span
    value: float | None
    unit: str | None
    normalized_value: float | None = None
    normalized_unit: str | None = None
    value_max: float | None = None  # upper end of a range ("between 50 and 70")
    counted: str | None = None  # "Russian troops", "armored vehicles and tanks"
    kind: str = "other"  # killed, wounded, captured, equipment_destroyed, distance, settlements, displaced, other
    approximate: bool = False
    claim_id: str | None = None  # set by attribution when the quantity lies inside a claim's content

    def to_dict(self) -> dict[str, Any]:
        return {
            "evidence": self.evidence.to_dict(),
            "value": self.value,
            "value_max": self.value_max,
            "unit": self.unit,
            "normalized": {"value": self.normalized_value, "unit": self.normalized_unit},
            "counted": self.counted,
            "kind": self.kind,
            "approximate": self.approximate,
            "claim": self.claim_id,
        }


@dataclass(slots=True)
class Candidate:
    geonameid: int
    name: str
    feature_code: str
    country_code: str
    lat: float
    lon: float
    population: int
    score: float

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(slots=True)
class Place:
    evidence: Span
    geonameid: int | None = None  # None when unresolved
    name: str | None = None
    feature_class: str | None = None
    feature_code: str | None = None
    country_code: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    role: str = "other"  # event_location, origin, metonym, title, other
    precision: str | None = None  # point, town, district, region, country
    score: float | None = None
    candidates: list[Candidate] = field(default_factory=list)

    @property
    def resolved(self) -> bool:
        return self.geonameid is not None

    def to_dict(self) -> dict[str, Any]:
        return {
            "evidence": self.evidence.to_dict(),
            "geonameid": self.geonameid,
            "name": self.name,
            "feature_class": self.feature_class,
            "feature_code": self.feature_code,
            "country_code": self.country_code,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "role": self.role,
            "precision": self.precision,
            "score": self.score,
            "resolved": self.resolved,
            "candidates": [c.to_dict() for c in self.candidates],
        }


@dataclass(slots=True)
class Source:
    name: str  # normalised where possible, else as written
    kind: str = "unknown"  # government, military, think_tank, media, social_media_user, ngo, anonymous, unknown
    evidence: Span | None = None
    side: str | None = None  # e.g. UA, RU

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "side": self.side,
            "evidence": self.evidence.to_dict() if self.evidence else None,
        }


@dataclass(slots=True)
class Claim:
    id: str
    evidence: Span  # the content
    source: Source
    cue: Span | None
    channel: str | None = None  # statement, report, tweet, telegram, video, interview, ...
    direct: bool = False
    hedges: list[str] = field(default_factory=list)
    reporting: list[str] = field(default_factory=list)
    certainty: str = "reported"  # asserted, reported, hedged, unverified
    nested_in: str | None = None
    date: str | None = None
    primary_article_id: str | None = None
    primary_evidence: Span | None = None
    speech: bool = True  # False: an act or intention ("supports", "refused", "plans to"), see attribution_speech

    def to_dict(self) -> dict[str, Any]:
        primary = None
        if self.primary_article_id is not None:
            primary = {
                "article_id": self.primary_article_id,
                "evidence": self.primary_evidence.to_dict() if self.primary_evidence else None,
            }
        return {
            "id": self.id,
            "evidence": self.evidence.to_dict(),
            "source": self.source.to_dict(),
            "cue": {"text": self.cue.text, "evidence": self.cue.to_dict()} if self.cue else None,
            "channel": self.channel,
            "direct": self.direct,
            "hedges": list(self.hedges),
            "reporting": list(self.reporting),
            "certainty": self.certainty,
            "speech": self.speech,
            "nested_in": self.nested_in,
            "date": self.date,
            "primary": primary,
        }


@dataclass(slots=True)
class Actor:
    evidence: Span
    name: str  # normalised: "Military Forces of Russia"
    side: str | None = None
    kind: str | None = None  # ACLED inter: state_forces, rebel_group, political_militia, identity_militia, rioters, protesters, civilians, external_force
    inter: int | None = None  # ACLED inter code (1..8)
    unit: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "evidence": self.evidence.to_dict(),
            "name": self.name,
            "side": self.side,
            "kind": self.kind,
            "inter": self.inter,
            "unit": self.unit,
        }


@dataclass(slots=True)
class Event:
    id: str
    evidence: Span
    event_type: str
    sub_event_type: str
    plover: str | None = None
    plover_mode: str | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    location: Place | None = None
    geo_precision: int | None = None  # ACLED: 1 town itself, 2 near a town / district, 3 region
    date: str | None = None
    date_precision: str | None = None
    time_precision: int | None = None  # ACLED: 1 day, 2 week, 3 month
    fatalities: int | None = None
    quantities: list[Quantity] = field(default_factory=list)
    claim_ids: list[str] = field(default_factory=list)
    certainty: str = "reported"
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    trigger: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "evidence": self.evidence.to_dict(),
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "plover": self.plover,
            "plover_mode": self.plover_mode,
            "actor1": self.actor1.to_dict() if self.actor1 else None,
            "actor2": self.actor2.to_dict() if self.actor2 else None,
            "location": self.location.to_dict() if self.location else None,
            "geo_precision": self.geo_precision,
            "date": self.date,
            "date_precision": self.date_precision,
            "time_precision": self.time_precision,
            "fatalities": self.fatalities,
            "quantities": [q.to_dict() for q in self.quantities],
            "claims": list(self.claim_ids),
            "certainty": self.certainty,
            "negated": self.negated,
            "hypothetical": self.hypothetical,
            "future": self.future,
            "trigger": self.trigger.to_dict() if self.trigger else None,
        }


@dataclass(slots=True)
class ArticleResult:
    """Everything extracted from one article. ``errors`` holds per-stage failures that did not stop the rest."""

    article: Article
    places: list[Place] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    pipeline_version: str = PIPELINE_VERSION

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article.to_dict(),
            "places": [p.to_dict() for p in self.places],
            "times": [t.to_dict() for t in self.times],
            "quantities": [q.to_dict() for q in self.quantities],
            "claims": [c.to_dict() for c in self.claims],
            "actors": [a.to_dict() for a in self.actors],
            "events": [e.to_dict() for e in self.events],
            "errors": list(self.errors),
            "pipeline_version": self.pipeline_version,
        }

    def counts(self) -> dict[str, int]:
        return {
            "places": len(self.places),
            "times": len(self.times),
            "quantities": len(self.quantities),
            "claims": len(self.claims),
            "actors": len(self.actors),
            "events": len(self.events),
        }


Record = Place | TimeExpr | Quantity | Claim | Actor | Event


def spans_of(record: Record) -> Iterator[Span]:
    """Every evidence span one record carries, nested ones included."""
    yield record.evidence
    if isinstance(record, Claim):
        if record.cue:
            yield record.cue
        if record.source.evidence:
            yield record.source.evidence
    elif isinstance(record, Event):
        if record.trigger:
            yield record.trigger
        for actor in (record.actor1, record.actor2):
            if actor:
                yield actor.evidence
        if record.location:
            yield record.location.evidence
        for q in record.quantities:
            yield q.evidence


def iter_records(result: ArticleResult) -> Iterator[Record]:
    yield from result.places
    yield from result.times
    yield from result.quantities
    yield from result.claims
    yield from result.actors
    yield from result.events


def iter_spans(result: ArticleResult) -> Iterator[Span]:
    """Every evidence span of every record in ``result`` (including nested ones)."""
    for b in result.article.boilerplate:
        yield b.evidence
    yield from result.article.paragraphs
    for record in iter_records(result):
        yield from spans_of(record)


def span_matches(text: str, span: Span) -> bool:
    return 0 <= span.start <= span.end <= len(text) and text[span.start : span.end] == span.text


def check_spans(result: ArticleResult) -> None:
    """Raise :class:`SpanError` if any span does not equal the article text it points at."""
    text = result.article.text
    for span in iter_spans(result):
        if not span_matches(text, span):
            raise SpanError(
                f"span [{span.start}, {span.end}) {span.text!r} does not match the article text there "
                f"({text[span.start:span.end]!r}); the extractor that made it has a bug"
            )


# -- the inverse of to_dict(): the public JSON shape back into records (store, batch output, API clients) ----

def _span(d: Mapping[str, Any] | None) -> Span | None:
    return None if d is None else Span(int(d["start"]), int(d["end"]), str(d["text"]))


def _req_span(d: Mapping[str, Any]) -> Span:
    return Span(int(d["start"]), int(d["end"]), str(d["text"]))


def time_from_dict(d: Mapping[str, Any]) -> TimeExpr:
    return TimeExpr(evidence=_req_span(d["evidence"]), value=d["value"], end=d.get("end"),
                    precision=d.get("precision"), anchor=d.get("anchor", "published"))


def quantity_from_dict(d: Mapping[str, Any]) -> Quantity:
    norm = d.get("normalized") or {}
    return Quantity(evidence=_req_span(d["evidence"]), value=d["value"], unit=d["unit"],
                    normalized_value=norm.get("value"), normalized_unit=norm.get("unit"),
                    value_max=d.get("value_max"), counted=d.get("counted"), kind=d.get("kind", "other"),
                    approximate=bool(d.get("approximate", False)), claim_id=d.get("claim"))


def place_from_dict(d: Mapping[str, Any]) -> Place:
    return Place(evidence=_req_span(d["evidence"]), geonameid=d.get("geonameid"), name=d.get("name"),
                 feature_class=d.get("feature_class"), feature_code=d.get("feature_code"),
                 country_code=d.get("country_code"), admin1=d.get("admin1"), lat=d.get("lat"), lon=d.get("lon"),
                 role=d.get("role", "other"), precision=d.get("precision"), score=d.get("score"),
                 candidates=[Candidate(**c) for c in d.get("candidates", [])])


def claim_from_dict(d: Mapping[str, Any]) -> Claim:
    s = d["source"]
    primary = d.get("primary")
    return Claim(id=d["id"], evidence=_req_span(d["evidence"]),
                 source=Source(name=s["name"], kind=s.get("kind", "unknown"), evidence=_span(s.get("evidence")),
                               side=s.get("side")),
                 cue=_span(d["cue"]["evidence"]) if d.get("cue") else None, channel=d.get("channel"),
                 direct=bool(d.get("direct", False)), hedges=list(d.get("hedges", [])),
                 reporting=list(d.get("reporting", [])), certainty=d.get("certainty", "reported"),
                 nested_in=d.get("nested_in"), date=d.get("date"),
                 primary_article_id=primary["article_id"] if primary else None,
                 primary_evidence=_span(primary.get("evidence")) if primary else None,
                 speech=bool(d.get("speech", True)))


def actor_from_dict(d: Mapping[str, Any]) -> Actor:
    return Actor(evidence=_req_span(d["evidence"]), name=d["name"], side=d.get("side"), kind=d.get("kind"),
                 inter=d.get("inter"), unit=d.get("unit"))


def event_from_dict(d: Mapping[str, Any]) -> Event:
    return Event(id=d["id"], evidence=_req_span(d["evidence"]), event_type=d["event_type"],
                 sub_event_type=d["sub_event_type"], plover=d.get("plover"), plover_mode=d.get("plover_mode"),
                 actor1=actor_from_dict(d["actor1"]) if d.get("actor1") else None,
                 actor2=actor_from_dict(d["actor2"]) if d.get("actor2") else None,
                 location=place_from_dict(d["location"]) if d.get("location") else None,
                 geo_precision=d.get("geo_precision"), date=d.get("date"), date_precision=d.get("date_precision"),
                 time_precision=d.get("time_precision"), fatalities=d.get("fatalities"),
                 quantities=[quantity_from_dict(q) for q in d.get("quantities", [])],
                 claim_ids=list(d.get("claims", [])), certainty=d.get("certainty", "reported"),
                 negated=bool(d.get("negated", False)), hypothetical=bool(d.get("hypothetical", False)),
                 future=bool(d.get("future", False)), trigger=_span(d.get("trigger")))
