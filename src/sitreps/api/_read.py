"""Read endpoints. Lists answer ``{"ok": true, "total", "limit", "offset", "items": [...]}``; every filter is
a query parameter bound as a value in SQL (see ``store.api_queries``)."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, Path, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from sqlalchemy import Connection

from ..store import api_queries as aq
from ._app import ApiState, get_state
from ._errors import ApiError

router = APIRouter(prefix="/api")

_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
_Text = Annotated[str | None, Query(max_length=200)]
State = Annotated[ApiState, Depends(get_state)]


def parse_bbox(raw: str | None) -> aq.BBox | None:
    if raw is None or not raw.strip():
        return None
    parts = raw.split(",")
    problem = None
    values: list[float] = []
    if len(parts) != 4:
        problem = f"expected 4 comma-separated numbers, got {len(parts)}"
    else:
        try:
            values = [float(p) for p in parts]
        except ValueError:
            problem = "expected numbers"
    if problem is None:
        w, s, e, n = values
        if not all(math.isfinite(v) for v in values):
            problem = "numbers must be finite"
        elif not (-180 <= w <= 180 and -180 <= e <= 180 and -90 <= s <= n <= 90):
            problem = "longitudes must lie in [-180, 180], latitudes in [-90, 90] with south <= north"
    if problem is not None:
        raise ApiError(422, f"invalid bbox {raw[:80]!r}: {problem}; pass bbox=west,south,east,north, "
                            "e.g. bbox=22,44,41,53",
                       [{"location": "query", "param": "bbox", "message": problem, "type": "value_error"}])
    return aq.BBox(*values)


async def filters(  # async for the same reason as get_state: no I/O here, no thread hand-off
    date_from: Annotated[str | None, Query(pattern=_DATE, description="From this date (ISO, inclusive).")] = None,
    date_to: Annotated[str | None, Query(pattern=_DATE, description="Up to this date (ISO, inclusive).")] = None,
    bbox: Annotated[str | None, Query(max_length=200, description="west,south,east,north in degrees.")] = None,
    event_type: _Text = None,
    sub_event_type: _Text = None,
    actor: Annotated[str | None, Query(max_length=200, description="Part of actor 1 or 2's name.")] = None,
    source: Annotated[str | None, Query(max_length=200, description="Part of a claim source's or outlet's name.")] = None,
    certainty: Annotated[str | None, Query(max_length=200, description="asserted, reported, hedged, unverified.")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Text search in evidence and titles.")] = None,
    article_id: Annotated[str | None, Query(max_length=128)] = None,
    country: Annotated[str | None, Query(min_length=2, max_length=2, description="ISO country code.")] = None,
    include_negated: Annotated[bool, Query(description="Also denied, hypothetical and future events.")] = False,
    include_copies: Annotated[bool, Query(description="Also events of near-duplicate copies of an article "
                                                      "(syndicated or lightly edited), which are counted once "
                                                      "by default.")] = False,
    speech: Annotated[bool | None, Query(description="Claims and sources: true for what someone says, writes, "
                                                     "thinks or shows; false for acts and intentions "
                                                     "(\"supports\", \"refused\", \"plans to\").")] = None,
) -> aq.Filters:
    if date_from and date_to and date_from > date_to:
        raise ApiError(422, f"date_from {date_from} is after date_to {date_to}; swap them",
                       [{"location": "query", "param": "date_from", "message": "after date_to", "type": "value_error"}])
    return aq.Filters(date_from=date_from, date_to=date_to, bbox=parse_bbox(bbox), event_type=event_type,
                      sub_event_type=sub_event_type, actor=actor, source=source, certainty=certainty, q=q,
                      article_id=article_id, country=country, include_negated=include_negated,
                      include_copies=include_copies, speech=speech)


Filt = Annotated[aq.Filters, Depends(filters)]
T = TypeVar("T")


async def _query(state: ApiState, fn: Callable[[Connection], T]) -> T:
    """``fn`` on a read connection: on the event loop itself for SQLite (a local query of a few ms; handing it
    to a worker thread cost more than it overlapped: the hand-off, and GIL switches between the loop and the
    worker threads under concurrent requests), in the thread pool for PostgreSQL (network round trips)."""
    store = state.store()
    if store.dialect == "sqlite":
        with store.read() as conn:
            return fn(conn)
    return await run_in_threadpool(_on_read, store, fn)


def _on_read(store: Any, fn: Callable[[Connection], T]) -> T:
    with store.read() as conn:
        return fn(conn)
Limit = Annotated[int, Query(ge=1, le=1000, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip.")]


def _page(page: aq.Page, limit: int, offset: int, raw: bool = False) -> Response:
    # The body is written directly: the items are plain JSON values already (FastAPI's jsonable_encoder walk
    # over every field of every item would cost more than the query), and RawJSON values are spliced in as
    # the database stores them instead of being parsed and serialised again.
    head = {"ok": True, "total": page.total, "limit": limit, "offset": offset}
    if not raw:  # one encoder pass over the page
        return Response(_dumps({**head, "items": page.items}).encode("utf-8"), media_type="application/json")
    body = _dumps(head)[:-1] + ',"items":[' + ",".join(_item_json(item) for item in page.items) + "]}"
    return Response(body.encode("utf-8"), media_type="application/json")


_dumps = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode


def _item_json(item: dict[str, Any]) -> str:
    raw = [(k, v) for k, v in item.items() if isinstance(v, aq.RawJSON)]
    if not raw:
        return _dumps(item)
    base = _dumps({k: v for k, v in item.items() if not isinstance(v, aq.RawJSON)})
    spliced = ",".join(f"{_dumps(k)}:{v.text}" for k, v in raw)
    return f"{base[:-1]},{spliced}}}" if len(base) > 2 else f"{{{spliced}}}"


@router.get("/events", summary="Events, newest first, with filters")
async def events(state: State, f: Filt, limit: Limit = 100, offset: Offset = 0) -> Response:
    return _page(await _query(state, lambda conn: aq.list_events(conn, f, limit, offset)), limit, offset)


@router.get("/events/{article_id}/{event_id}", summary="One event with its claims and its article")
def event_detail(state: State, article_id: Annotated[str, Path(max_length=128)],
                 event_id: Annotated[str, Path(max_length=128)]) -> JSONResponse:
    result = _load(state, article_id)
    event = next((e for e in result.events if e.id == event_id), None)
    if event is None:
        raise ApiError(404, f"article {article_id} has no event {event_id!r}; list its events with "
                            f"/api/events?article_id={article_id}")
    wanted = set(event.claim_ids)
    claims = [c.to_dict() for c in result.claims if c.id in wanted]
    art = result.article.to_dict()
    return JSONResponse({"ok": True, "event": event.to_dict(), "claims": claims, "article": art,
                         "article_claims": [c.to_dict() for c in result.claims]})


@router.get("/timeline", summary="Events per day (the date filter is ignored, the others apply)")
async def timeline(state: State, f: Filt) -> JSONResponse:
    days, info = await _query(state, lambda conn: (aq.event_histogram(conn, f), aq.overview(conn)))
    return JSONResponse({"ok": True, "days": days, **info})


@router.get("/event-types", summary="Event types and sub-types present, with counts")
def event_types(state: State) -> JSONResponse:
    with state.store().read() as conn:
        return JSONResponse({"ok": True, "items": aq.event_types(conn)})


@router.get("/clusters", summary="Groups of events describing one real-world event")
async def clusters(state: State, f: Filt, limit: Limit = 100, offset: Offset = 0,
             compact: Annotated[bool, Query(description="Leave out sources, figures and conflicts.")] = False,
             ) -> Response:
    page = await _query(state, lambda conn: aq.list_clusters(conn, f, limit, offset, compact))
    return _page(page, limit, offset, raw=True)  # stored sources, figures, conflicts as RawJSON


@router.get("/clusters/{cluster_id}", summary="One cluster (stored by `sitreps link`) with sources and conflicts")
def cluster(state: State, cluster_id: Annotated[str, Path(max_length=128)]) -> JSONResponse:
    with state.store().read() as conn:
        item = aq.get_cluster(conn, cluster_id)
    if item is None:
        raise ApiError(404, f"no cluster {cluster_id!r}; clusters are made by `sitreps link` (list them with "
                            "/api/clusters)")
    return JSONResponse({"ok": True, **item})


@router.get("/claims", summary="Claims: who says what, how sure")
async def claims(state: State, f: Filt, limit: Limit = 100, offset: Offset = 0) -> Response:
    return _page(await _query(state, lambda conn: aq.list_claims(conn, f, limit, offset)), limit, offset)


@router.get("/sources", summary="Sources of claims, by number of claims")
async def sources(state: State, f: Filt, limit: Limit = 100, offset: Offset = 0) -> Response:
    return _page(await _query(state, lambda conn: aq.list_sources(conn, f, limit, offset)), limit, offset)


@router.get("/places", summary="Resolved places, by number of mentions")
async def places(state: State, f: Filt, limit: Limit = 100, offset: Offset = 0) -> Response:
    return _page(await _query(state, lambda conn: aq.list_places(conn, f, limit, offset)), limit, offset)


@router.get("/articles", summary="Articles, newest first")
async def articles(state: State, f: Filt, limit: Limit = 100, offset: Offset = 0) -> Response:
    return _page(await _query(state, lambda conn: aq.list_articles(conn, f, limit, offset)), limit, offset)


@router.get("/articles/{article_id}", summary="One article and its records (the public JSON shape)")
def article(state: State, article_id: Annotated[str, Path(max_length=128)]) -> JSONResponse:
    return JSONResponse(_load(state, article_id).to_dict())


def _load(state: ApiState, article_id: str) -> Any:
    from ..store import queries

    with state.store().read() as conn:
        result = queries.load_result(conn, article_id)
    if result is None:
        raise ApiError(404, f"no article {article_id!r} in this database; list articles with /api/articles")
    return result

