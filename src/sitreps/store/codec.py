"""Records ⇄ rows. ``result_rows`` flattens an :class:`ArticleResult` into rows per table; ``result_from_rows``
builds it back, so that ``result_from_rows(result_rows(r)).to_dict() == r.to_dict()``.

Kept apart from the SQL so that the same conversion serves both dialects (and a Parquet export could reuse it).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from ..model import (
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
    actor_from_dict,
    place_from_dict,
)

Row = dict[str, Any]
Rows = dict[str, list[Row]]


def _ev(span: Span, prefix: str = "") -> Row:
    if prefix:
        return {f"{prefix}_start": span.start, f"{prefix}_end": span.end, f"{prefix}_evidence": span.text}
    return {"start_char": span.start, "end_char": span.end, "evidence": span.text}


def _ev_opt(span: Span | None, prefix: str) -> Row:
    if span is None:
        return {f"{prefix}_start": None, f"{prefix}_end": None, f"{prefix}_evidence": None}
    return _ev(span, prefix)


def _span(row: Mapping[str, Any], prefix: str = "") -> Span:
    if prefix:
        return Span(row[f"{prefix}_start"], row[f"{prefix}_end"], row[f"{prefix}_evidence"])
    return Span(row["start_char"], row["end_char"], row["evidence"])


def _span_opt(row: Mapping[str, Any], prefix: str) -> Span | None:
    return None if row[f"{prefix}_start"] is None else _span(row, prefix)


# -- result -> rows ------------------------------------------------------------------------------------------

def article_row(result: ArticleResult, ingested_at: str) -> Row:
    a = result.article
    return {
        "id": a.id,
        "title": a.title,
        "url": a.url,
        "outlet": a.outlet,
        "published": a.published,
        "published_precision": a.published_precision,
        "language": a.language,
        "text": a.text,
        "source_path": a.source_path,
        "near_duplicate_of": a.near_duplicate_of,
        "paragraphs": [[p.start, p.end] for p in a.paragraphs],
        "meta": a.meta,
        "errors": list(result.errors),
        "pipeline_version": result.pipeline_version,
        "ingested_at": ingested_at,
    }


def _quantity_row(q: Quantity, aid: str, ord_: int, listed: bool) -> Row:
    return {
        "article_id": aid, "ord": ord_, **_ev(q.evidence),
        "value": q.value, "value_max": q.value_max, "unit": q.unit,
        "normalized_value": q.normalized_value, "normalized_unit": q.normalized_unit,
        "counted": q.counted, "kind": q.kind, "approximate": q.approximate, "claim_id": q.claim_id,
        "listed": listed,
    }


def result_rows(result: ArticleResult) -> Rows:
    """Rows for every child table of one article (the ``articles`` row is :func:`article_row`)."""
    aid = result.article.id
    rows: Rows = defaultdict(list)
    for i, b in enumerate(result.article.boilerplate):
        rows["boilerplate"].append({"article_id": aid, "ord": i, **_ev(b.evidence), "kind": b.kind, "skip": b.skip})
    for i, p in enumerate(result.places):
        rows["places"].append({
            "article_id": aid, "ord": i, **_ev(p.evidence),
            "geonameid": p.geonameid, "name": p.name, "feature_class": p.feature_class,
            "feature_code": p.feature_code, "country_code": p.country_code, "admin1": p.admin1,
            "lat": p.lat, "lon": p.lon, "role": p.role, "precision": p.precision, "score": p.score,
            "candidates": [c.to_dict() for c in p.candidates],
        })
    for i, t in enumerate(result.times):
        rows["times"].append({
            "article_id": aid, "ord": i, **_ev(t.evidence),
            "value": t.value, "value_end": t.end, "precision": t.precision, "anchor": t.anchor,
        })
    # Event quantities usually are objects of result.quantities; link to those, and store the others as
    # unlisted rows so that nothing an extractor attached is lost.
    quantity_rows = [_quantity_row(q, aid, i, True) for i, q in enumerate(result.quantities)]
    by_identity = {id(q): i for i, q in enumerate(result.quantities)}
    for i, c in enumerate(result.claims):
        rows["claims"].append({
            "article_id": aid, "ord": i, "claim_id": c.id, **_ev(c.evidence),
            "source_name": c.source.name, "source_kind": c.source.kind, "source_side": c.source.side,
            **_ev_opt(c.source.evidence, "source"), **_ev_opt(c.cue, "cue"),
            "channel": c.channel, "direct": c.direct, "hedges": list(c.hedges), "reporting": list(c.reporting),
            "certainty": c.certainty, "nested_in": c.nested_in, "date": c.date,
            "primary_article_id": c.primary_article_id, **_ev_opt(c.primary_evidence, "primary"),
            "speech": c.speech,
        })
    for i, a in enumerate(result.actors):
        rows["actors"].append({
            "article_id": aid, "ord": i, **_ev(a.evidence),
            "name": a.name, "side": a.side, "kind": a.kind, "inter": a.inter, "unit": a.unit,
        })
    for i, e in enumerate(result.events):
        loc = e.location
        rows["events"].append({
            "article_id": aid, "ord": i, "event_id": e.id, **_ev(e.evidence),
            "event_type": e.event_type, "sub_event_type": e.sub_event_type,
            "plover": e.plover, "plover_mode": e.plover_mode,
            "actor1": e.actor1.to_dict() if e.actor1 else None,
            "actor2": e.actor2.to_dict() if e.actor2 else None,
            "actor1_name": e.actor1.name if e.actor1 else None,
            "actor2_name": e.actor2.name if e.actor2 else None,
            "location": loc.to_dict() if loc else None,
            "geonameid": loc.geonameid if loc else None,
            "lat": loc.lat if loc else None,
            "lon": loc.lon if loc else None,
            "country_code": loc.country_code if loc else None,
            "geo_precision": e.geo_precision, "date": e.date, "date_precision": e.date_precision,
            "time_precision": e.time_precision, "fatalities": e.fatalities, "certainty": e.certainty,
            "negated": e.negated, "hypothetical": e.hypothetical, "future": e.future,
            **_ev_opt(e.trigger, "trigger"),
        })
        for j, claim_id in enumerate(e.claim_ids):
            rows["event_claims"].append({"article_id": aid, "event_ord": i, "ord": j, "claim_id": claim_id})
        for j, q in enumerate(e.quantities):
            q_ord = by_identity.get(id(q))
            if q_ord is None:
                q_ord = len(quantity_rows)
                by_identity[id(q)] = q_ord
                quantity_rows.append(_quantity_row(q, aid, q_ord, False))
            rows["event_quantities"].append({"article_id": aid, "event_ord": i, "ord": j, "quantity_ord": q_ord})
    rows["quantities"] = quantity_rows
    return rows


# -- rows -> result ------------------------------------------------------------------------------------------

def _quantity(r: Mapping[str, Any]) -> Quantity:
    return Quantity(
        evidence=_span(r), value=r["value"], unit=r["unit"], normalized_value=r["normalized_value"],
        normalized_unit=r["normalized_unit"], value_max=r["value_max"], counted=r["counted"], kind=r["kind"],
        approximate=bool(r["approximate"]), claim_id=r["claim_id"],
    )


def result_from_rows(article: Mapping[str, Any], rows: Mapping[str, Sequence[Mapping[str, Any]]]) -> ArticleResult:
    """Rebuild an :class:`ArticleResult` from its ``articles`` row and child rows (each list sorted by ord)."""
    text = article["text"]
    art = Article(
        id=article["id"], text=text, title=article["title"], url=article["url"], outlet=article["outlet"],
        published=article["published"], published_precision=article["published_precision"],
        language=article["language"], source_path=article["source_path"],
        paragraphs=[Span(s, e, text[s:e]) for s, e in article["paragraphs"]],
        boilerplate=[Boilerplate(evidence=_span(r), kind=r["kind"], skip=bool(r["skip"]))
                     for r in rows.get("boilerplate", ())],
        near_duplicate_of=article["near_duplicate_of"],
        meta=dict(article["meta"] or {}),
    )
    all_q = {r["ord"]: _quantity(r) for r in rows.get("quantities", ())}
    listed = [all_q[r["ord"]] for r in rows.get("quantities", ()) if r["listed"]]
    ev_claims: dict[int, list[str]] = defaultdict(list)
    for r in rows.get("event_claims", ()):
        ev_claims[r["event_ord"]].append(r["claim_id"])
    ev_qs: dict[int, list[Quantity]] = defaultdict(list)
    for r in rows.get("event_quantities", ()):
        ev_qs[r["event_ord"]].append(all_q[r["quantity_ord"]])
    return ArticleResult(
        article=art,
        places=[Place(
            evidence=_span(r), geonameid=r["geonameid"], name=r["name"], feature_class=r["feature_class"],
            feature_code=r["feature_code"], country_code=r["country_code"], admin1=r["admin1"],
            lat=r["lat"], lon=r["lon"], role=r["role"], precision=r["precision"], score=r["score"],
            candidates=[Candidate(**c) for c in r["candidates"]],
        ) for r in rows.get("places", ())],
        times=[TimeExpr(evidence=_span(r), value=r["value"], end=r["value_end"], precision=r["precision"],
                        anchor=r["anchor"]) for r in rows.get("times", ())],
        quantities=listed,
        claims=[Claim(
            id=r["claim_id"], evidence=_span(r),
            source=Source(name=r["source_name"], kind=r["source_kind"], evidence=_span_opt(r, "source"),
                          side=r["source_side"]),
            cue=_span_opt(r, "cue"), channel=r["channel"], direct=bool(r["direct"]),
            hedges=list(r["hedges"]), reporting=list(r["reporting"]), certainty=r["certainty"],
            nested_in=r["nested_in"], date=r["date"], primary_article_id=r["primary_article_id"],
            primary_evidence=_span_opt(r, "primary"), speech=r["speech"] is None or bool(r["speech"]),
        ) for r in rows.get("claims", ())],
        actors=[Actor(evidence=_span(r), name=r["name"], side=r["side"], kind=r["kind"], inter=r["inter"],
                      unit=r["unit"]) for r in rows.get("actors", ())],
        events=[Event(
            id=r["event_id"], evidence=_span(r), event_type=r["event_type"], sub_event_type=r["sub_event_type"],
            plover=r["plover"], plover_mode=r["plover_mode"],
            actor1=actor_from_dict(r["actor1"]) if r["actor1"] else None,
            actor2=actor_from_dict(r["actor2"]) if r["actor2"] else None,
            location=place_from_dict(r["location"]) if r["location"] else None,
            geo_precision=r["geo_precision"], date=r["date"], date_precision=r["date_precision"],
            time_precision=r["time_precision"], fatalities=r["fatalities"],
            quantities=ev_qs.get(r["ord"], []), claim_ids=ev_claims.get(r["ord"], []),
            certainty=r["certainty"], negated=bool(r["negated"]), hypothetical=bool(r["hypothetical"]),
            future=bool(r["future"]), trigger=_span_opt(r, "trigger"),
        ) for r in rows.get("events", ())],
        errors=list(article["errors"]),
        pipeline_version=article["pipeline_version"],
    )
