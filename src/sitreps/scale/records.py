"""Results ⇄ Parquet rows for the batch output.

Every row carries ``article_id``, ``evidence_start/end/text`` and ``pipeline_version``, a few typed columns for
querying (names, dates, coordinates, types) and ``record``: the record's public JSON (``to_dict()``) as a string,
from which :func:`result_from_tables` rebuilds the record exactly. The column sets are fixed here (an explicit
Arrow schema per table) so that every partition file has the same schema whatever its rows hold.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from ..model import (
    Article,
    ArticleResult,
    Boilerplate,
    Span,
    actor_from_dict,
    claim_from_dict,
    event_from_dict,
    place_from_dict,
    quantity_from_dict,
    time_from_dict,
)

TABLES = ("articles", "places", "times", "quantities", "claims", "actors", "events", "errors")
RECORD_TABLES = ("places", "times", "quantities", "claims", "actors", "events")

_S, _I, _F, _B = "string", "int64", "float64", "bool"
_COMMON = {"article_id": _S, "idx": _I, "evidence_start": _I, "evidence_end": _I, "evidence_text": _S}
COLUMNS: dict[str, dict[str, str]] = {
    "articles": {"article_id": _S, "title": _S, "url": _S, "outlet": _S, "published": _S,
                 "published_precision": _S, "language": _S, "text": _S, "source_path": _S,
                 "near_duplicate_of": _S, "boilerplate": _S, "paragraphs": _S, "meta": _S, "errors": _S,
                 "n_places": _I, "n_events": _I},
    "places": {**_COMMON, "name": _S, "geonameid": _I, "country_code": _S, "admin1": _S, "lat": _F, "lon": _F,
               "role": _S, "precision": _S, "record": _S},
    "times": {**_COMMON, "value": _S, "end": _S, "precision": _S, "record": _S},
    "quantities": {**_COMMON, "value": _F, "unit": _S, "kind": _S, "counted": _S, "record": _S},
    "claims": {**_COMMON, "id": _S, "source_name": _S, "source_kind": _S, "certainty": _S, "speech": _B,
               "record": _S},
    "actors": {**_COMMON, "name": _S, "side": _S, "kind": _S, "record": _S},
    "events": {**_COMMON, "id": _S, "event_type": _S, "sub_event_type": _S, "date": _S, "fatalities": _I,
               "location_name": _S, "lat": _F, "lon": _F, "record": _S},
    "errors": {"article_id": _S, "location": _S, "stage": _S, "code": _S, "message": _S},
}
# Added to every table by the batch runner.
TRAILER = {"pipeline_version": _S, "partition": _S}


def arrow_schema(table: str) -> Any:
    import pyarrow as pa

    types = {_S: pa.string(), _I: pa.int64(), _F: pa.float64(), _B: pa.bool_()}
    return pa.schema([(name, types[t]) for name, t in {**COLUMNS[table], **TRAILER}.items()])


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _ev(idx: int, aid: str, span: Span) -> dict[str, Any]:
    return {"article_id": aid, "idx": idx, "evidence_start": span.start, "evidence_end": span.end,
            "evidence_text": span.text}


def result_rows(result: ArticleResult) -> dict[str, list[dict[str, Any]]]:
    """One row per record, per table (``errors`` holds this article's stage errors)."""
    a = result.article
    aid = a.id
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    rows["articles"].append({
        "article_id": aid, "title": a.title, "url": a.url, "outlet": a.outlet, "published": a.published,
        "published_precision": a.published_precision, "language": a.language, "text": a.text,
        "source_path": a.source_path, "near_duplicate_of": a.near_duplicate_of,
        "boilerplate": _dumps([b.to_dict() for b in a.boilerplate]),
        "paragraphs": _dumps([[p.start, p.end] for p in a.paragraphs]),
        "meta": _dumps(a.meta), "errors": _dumps(result.errors),
        "n_places": len(result.places), "n_events": len(result.events),
    })
    for i, p in enumerate(result.places):
        rows["places"].append({**_ev(i, aid, p.evidence), "name": p.name, "geonameid": p.geonameid,
                               "country_code": p.country_code, "admin1": p.admin1, "lat": p.lat, "lon": p.lon,
                               "role": p.role, "precision": p.precision, "record": _dumps(p.to_dict())})
    for i, t in enumerate(result.times):
        rows["times"].append({**_ev(i, aid, t.evidence), "value": t.value, "end": t.end,
                              "precision": t.precision, "record": _dumps(t.to_dict())})
    for i, q in enumerate(result.quantities):
        rows["quantities"].append({**_ev(i, aid, q.evidence), "value": q.value, "unit": q.unit, "kind": q.kind,
                                   "counted": q.counted, "record": _dumps(q.to_dict())})
    for i, c in enumerate(result.claims):
        rows["claims"].append({**_ev(i, aid, c.evidence), "id": c.id, "source_name": c.source.name,
                               "source_kind": c.source.kind, "certainty": c.certainty, "speech": c.speech,
                               "record": _dumps(c.to_dict())})
    for i, ac in enumerate(result.actors):
        rows["actors"].append({**_ev(i, aid, ac.evidence), "name": ac.name, "side": ac.side, "kind": ac.kind,
                               "record": _dumps(ac.to_dict())})
    for i, e in enumerate(result.events):
        loc = e.location
        rows["events"].append({**_ev(i, aid, e.evidence), "id": e.id, "event_type": e.event_type,
                               "sub_event_type": e.sub_event_type, "date": e.date, "fatalities": e.fatalities,
                               "location_name": loc.name if loc else None, "lat": loc.lat if loc else None,
                               "lon": loc.lon if loc else None, "record": _dumps(e.to_dict())})
    for msg in result.errors:
        stage, _, rest = msg.partition(": ")
        rows["errors"].append({"article_id": aid, "location": a.source_path, "stage": stage, "code": None,
                               "message": rest or msg})
    return rows


# --------------------------------------------------------------------------- inverse of to_dict()

_FROM_DICT = {"places": place_from_dict, "times": time_from_dict, "quantities": quantity_from_dict,
              "claims": claim_from_dict, "actors": actor_from_dict, "events": event_from_dict}


def _none(v: Any) -> Any:
    """Parquet → pandas turns missing strings into None but missing numbers into NaN; both mean None here."""
    return None if v is None or (isinstance(v, float) and v != v) else v


def result_from_tables(article: Mapping[str, Any], records: Mapping[str, Sequence[Mapping[str, Any]]],
                       pipeline_version: str) -> ArticleResult:
    """Rebuild one :class:`ArticleResult` from its ``articles`` row and its record rows (any order)."""
    text = str(article["text"])
    art = Article(
        id=str(article["article_id"]), text=text, title=_none(article["title"]), url=_none(article["url"]),
        outlet=_none(article["outlet"]), published=_none(article["published"]),
        published_precision=_none(article["published_precision"]), language=str(article["language"]),
        source_path=_none(article["source_path"]), near_duplicate_of=_none(article["near_duplicate_of"]),
        paragraphs=[Span.of(text, a, b) for a, b in json.loads(article["paragraphs"])],
        boilerplate=[Boilerplate(Span(b["start"], b["end"], b["text"]), b["kind"], bool(b.get("skip", False)))
                     for b in json.loads(article["boilerplate"])],
        meta=json.loads(article["meta"]),
    )
    result = ArticleResult(article=art, errors=list(json.loads(article["errors"])),
                           pipeline_version=pipeline_version)
    for table in RECORD_TABLES:
        rows = sorted(records.get(table, ()), key=lambda r: int(r["idx"]))
        getattr(result, table).extend(_FROM_DICT[table](json.loads(r["record"])) for r in rows)
    return result
