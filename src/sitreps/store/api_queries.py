"""Read queries behind the web API (``sitreps.api``): filtered, paginated lists of events, clusters, claims,
places, sources and articles, and a per-day histogram for the timeline.

Every value a user sends arrives here as a Python value and is bound as a parameter (SQLAlchemy Core): a
filter such as ``actor="'; DROP TABLE events; --"`` is compared as text, never spliced into SQL. ``LIKE``
patterns escape ``%``, ``_`` and the escape character itself so that user text matches literally.

Clusters: once the linking stage has filled ``event_clusters`` / ``cluster_members`` they are read; until
then :func:`list_clusters` groups events by type, place and date, a provisional stand-in marked as such.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    Text,
    and_,
    bindparam,
    cast,
    distinct,
    exists,
    false,
    func,
    literal,
    or_,
    select,
)

from . import schema

_ESCAPE = "\\"


def like_pattern(text: str) -> str:
    """``%text%`` with LIKE's wildcards in ``text`` escaped (matched literally, case-insensitively)."""
    escaped = text.replace(_ESCAPE, _ESCAPE * 2).replace("%", _ESCAPE + "%").replace("_", _ESCAPE + "_")
    return f"%{escaped}%"


def _contains(column: Any, text: str, name: str | None = None) -> ColumnElement[bool]:
    """``column`` contains ``text`` (case-insensitively); ``name`` names the bound parameter (see
    :func:`_event_values`)."""
    pattern = like_pattern(text.lower())
    return func.lower(column).like(pattern if name is None else bindparam(name, pattern), escape=_ESCAPE)


@dataclass(frozen=True)
class BBox:
    west: float
    south: float
    east: float
    north: float


@dataclass(frozen=True)
class Filters:
    """What a list endpoint may filter on; ``None`` means no filter. Dates are ISO strings (inclusive)."""

    date_from: str | None = None
    date_to: str | None = None
    bbox: BBox | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    source: str | None = None
    certainty: str | None = None
    q: str | None = None
    article_id: str | None = None
    country: str | None = None
    include_negated: bool = False
    include_copies: bool = False
    speech: bool | None = None  # claims only: True for speech and thought, False for acts and intentions


@dataclass(frozen=True)
class Page:
    total: int
    items: list[dict[str, Any]]


def _span(start: int | None, end: int | None, text: str | None) -> dict[str, Any] | None:
    if start is None or end is None or text is None:
        return None
    return {"start": start, "end": end, "text": text}


# -- events -------------------------------------------------------------------------------------------------

_E, _A = schema.events, schema.articles
# Shown as an event's date: its own, else its article's publication date (extractors date nearly every event).
_EVENT_DATE = func.coalesce(_E.c.date, _A.c.published)


def _date_range(column: Any, f: Filters) -> list[ColumnElement[bool]]:
    out: list[ColumnElement[bool]] = []
    if f.date_from:
        out.append(column >= f.date_from)
    if f.date_to:
        # "2022-05-31" must keep "2022-05-31" itself; a reduced date such as "2022-05" sorts before it.
        out.append(column <= f.date_to)
    return out


def _bbox(lat: Any, lon: Any, box: BBox | None, prefix: str | None = None) -> list[ColumnElement[bool]]:
    if box is None:
        return []

    def v(side: str) -> Any:
        value = getattr(box, side)
        return value if prefix is None else bindparam(f"{prefix}_{side}", value)

    conds: list[ColumnElement[bool]] = [lat >= v("south"), lat <= v("north")]
    if box.west <= box.east:
        conds += [lon >= v("west"), lon <= v("east")]
    else:  # crosses the antimeridian
        conds.append(or_(lon >= v("west"), lon <= v("east")))
    return conds


def _event_source_match(source: str) -> ColumnElement[bool]:
    """An event whose claims name the source, or whose article's outlet does."""
    ec, c = schema.event_claims, schema.claims
    by_claim = exists(
        select(literal(1)).select_from(ec.join(c, and_(c.c.article_id == ec.c.article_id,
                                                       c.c.claim_id == ec.c.claim_id)))
        .where(ec.c.article_id == _E.c.article_id, ec.c.event_ord == _E.c.ord,
               _contains(c.c.source_name, source, "ev_source"))
    )
    return or_(by_claim, _E.c.article_id.in_(_article_ids_where(_contains(_A.c.outlet, source, "ev_source"))))


def _article_ids_where(cond: ColumnElement[bool]) -> Any:
    """``SELECT id FROM articles WHERE cond``: an uncorrelated list evaluated once per statement, so that an
    event condition on an article's field needs no join (counting stays on the events table and its indexes)."""
    return select(_A.c.id).where(cond).scalar_subquery()


def _event_values(f: Filters, *, with_dates: bool = True) -> dict[str, Any]:
    """The values :func:`event_conditions` binds for ``f``, by parameter name (those of the filters given).

    Two filters with the same parameter names give statements of the same shape, so a statement built once
    for a shape serves every later request of that shape with these values (see :func:`list_events`)."""
    v: dict[str, Any] = {}
    if with_dates and f.date_from:
        v["ev_date_from"] = f.date_from
    if with_dates and f.date_to:
        v["ev_date_to"] = f.date_to
    if f.bbox is not None:
        v.update(ev_box_south=f.bbox.south, ev_box_north=f.bbox.north, ev_box_west=f.bbox.west,
                 ev_box_east=f.bbox.east)
    for name, value in (("ev_type", f.event_type), ("ev_sub_type", f.sub_event_type), ("ev_certainty", f.certainty),
                        ("ev_country", f.country.upper() if f.country else None), ("ev_article", f.article_id)):
        if value:
            v[name] = value
    for name, text in (("ev_actor", f.actor), ("ev_source", f.source), ("ev_q", f.q)):
        if text:
            v[name] = like_pattern(text.lower())
    return v


def _event_shape(f: Filters, values: dict[str, Any]) -> tuple[Any, ...]:
    return (*values, f.include_negated, f.include_copies, f.bbox is not None and f.bbox.west > f.bbox.east)


def event_conditions(f: Filters, *, with_dates: bool = True) -> list[ColumnElement[bool]]:
    """WHERE conditions on ``events`` for ``f``; every value is a named bound parameter (:func:`_event_values`)."""
    v = _event_values(f, with_dates=with_dates)
    conds: list[ColumnElement[bool]] = []
    if not f.include_negated:
        conds += [_E.c.negated == false(), _E.c.hypothetical == false(), _E.c.future == false()]
    if not f.include_copies:
        # a syndicated or lightly edited copy (marked by linking) repeats its original's events: count them once
        # (as NOT IN over the few copies, so counting stays on the events indexes instead of joining articles;
        # "> ''" rather than IS NOT NULL so that SQLite reads the few copies from ix_articles_near_duplicate_of
        # instead of scanning every article row: ids are never empty)
        conds.append(_E.c.article_id.not_in(_article_ids_where(_A.c.near_duplicate_of > "")))
    # Dates on the indexed column itself, not on _EVENT_DATE: an expression would scan and sort every event.
    # "2022-05-31" must keep "2022-05-31" itself; a reduced date such as "2022-05" sorts before it.
    if "ev_date_from" in v:
        conds.append(_E.c.date >= bindparam("ev_date_from", v["ev_date_from"]))
    if "ev_date_to" in v:
        conds.append(_E.c.date <= bindparam("ev_date_to", v["ev_date_to"]))
    conds += _bbox(_E.c.lat, _E.c.lon, f.bbox, "ev_box")
    for name, column in (("ev_type", _E.c.event_type), ("ev_sub_type", _E.c.sub_event_type),
                         ("ev_certainty", _E.c.certainty), ("ev_country", _E.c.country_code),
                         ("ev_article", _E.c.article_id)):
        if name in v:
            conds.append(column == bindparam(name, v[name]))
    if f.actor:
        conds.append(or_(_contains(_E.c.actor1_name, f.actor, "ev_actor"),
                         _contains(_E.c.actor2_name, f.actor, "ev_actor")))
    if f.source:
        conds.append(_event_source_match(f.source))
    if f.q:
        conds.append(or_(_contains(_E.c.evidence, f.q, "ev_q"),
                         _E.c.article_id.in_(_article_ids_where(_contains(_A.c.title, f.q, "ev_q")))))
    # Only the events table is referenced (articles through uncorrelated id lists): callers may join articles
    # for its columns, and counts need not.
    return conds


def _events_from() -> Any:
    return _E.join(_A, _A.c.id == _E.c.article_id)


def _newest_first(conn: Connection) -> list[Any]:
    """ORDER BY of event lists: all descending so that SQLite reads ix_events_(type_)date_order backwards and
    stops after one page instead of sorting every match. Undated events come last: SQLite sorts NULL lowest
    already; PostgreSQL puts NULLs first in DESC unless told."""
    keys = [_E.c.date.desc(), _E.c.article_id.desc(), _E.c.ord.desc()]
    if conn.dialect.name != "sqlite":
        keys[0] = _E.c.date.desc().nulls_last()
    return keys


def _event_item(r: Any) -> dict[str, Any]:
    (article_id, event_id, event_type, sub_event_type, actor1, actor2, place, admin1, country_code, lat, lon,
     geo_precision, date, event_date, date_precision, fatalities, certainty, start, end, evidence, title, outlet,
     published, url) = r
    return {
        "key": f"{article_id}:{event_id}",
        "id": event_id,
        "article_id": article_id,
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": actor1,
        "actor2": actor2,
        "place": place,
        "admin1": admin1,
        "country_code": country_code,
        "lat": lat,
        "lon": lon,
        "geo_precision": geo_precision,
        "date": event_date,
        "date_precision": date_precision if date else "published",
        "fatalities": fatalities,
        "certainty": certainty,
        "evidence": _span(start, end, evidence),
        "article": {"title": title, "outlet": outlet, "published": published, "url": url},
    }


def _page(conn: Connection, stmt: Select[Any], count_stmt: Select[Any], limit: int, offset: int,
          params: dict[str, Any] | None = None) -> tuple[int, list[Any]]:
    """One page of ``stmt`` and the exact number of matches. The page is read first: a page that is not full
    and not past the end tells the total already (``offset + rows``), so ``count_stmt`` — which has to visit
    every match — runs only when the page is full or comes back empty after an offset. Selective filters
    (text search, a source, a rare actor) are the slow ones, and their pages are rarely full.

    With ``params`` (a prepared statement, see :func:`list_events`) ``stmt`` binds ``page_limit`` and
    ``page_offset`` itself and rows come back as tuples; without, as mappings."""
    if params is None:
        rows: list[Any] = list(conn.execute(stmt.limit(limit).offset(offset)).mappings())
    else:
        rows = list(conn.execute(stmt, {**params, "page_limit": limit, "page_offset": offset}))
    if 0 < len(rows) < limit or (not rows and offset == 0):
        return offset + len(rows), rows
    return int(conn.execute(count_stmt, params).scalar_one()), rows


_EVENT_COLUMNS = [
    _E.c.article_id, _E.c.event_id, _E.c.event_type, _E.c.sub_event_type, _E.c.actor1_name, _E.c.actor2_name,
    _E.c.location["name"].as_string().label("place"), _E.c.location["admin1"].as_string().label("admin1"),
    _E.c.country_code, _E.c.lat, _E.c.lon, _E.c.geo_precision, _E.c.date, _EVENT_DATE.label("event_date"),
    _E.c.date_precision, _E.c.fatalities, _E.c.certainty, _E.c.start_char, _E.c.end_char, _E.c.evidence,
    _A.c.title, _A.c.outlet, _A.c.published, _A.c.url,
]
# (page statement, count statement) by dialect and filter shape: building a statement and its cache key costs
# about as much as running an indexed query, and there are few shapes (which filters are given, not values).
_EVENT_STATEMENTS: dict[tuple[Any, ...], tuple[Select[Any], Select[Any]]] = {}


def list_events(conn: Connection, f: Filters, limit: int = 50, offset: int = 0) -> Page:
    """Events matching ``f``, newest first."""
    values = _event_values(f)
    shape = (conn.dialect.name, *_event_shape(f, values))
    statements = _EVENT_STATEMENTS.get(shape)
    if statements is None:
        conds = event_conditions(f)
        stmt = (select(*_EVENT_COLUMNS).select_from(_events_from()).where(*conds).order_by(*_newest_first(conn))
                .limit(bindparam("page_limit")).offset(bindparam("page_offset")))
        # The count reads the events table alone (ix_events_filter_cover covers the common filters).
        count = select(func.count()).select_from(_E).where(*conds)
        statements = _EVENT_STATEMENTS[shape] = (stmt, count)
    total, rows = _page(conn, statements[0], statements[1], limit, offset, values)
    return Page(total, [_event_item(r) for r in rows])


def event_histogram(conn: Connection, f: Filters) -> list[dict[str, Any]]:
    """Events per day of their own date (reduced dates such as ``2022-05`` count on their own key),
    ignoring the date filter so that the timeline always shows the whole range."""
    day = func.substr(_E.c.date, 1, 10)
    stmt = (select(day.label("day"), _E.c.event_type, func.count().label("n")).select_from(_E)
            .where(*event_conditions(f, with_dates=False), _E.c.date.is_not(None))
            .group_by(day, _E.c.event_type).order_by(day))
    out: dict[str, dict[str, Any]] = {}
    for r in conn.execute(stmt).mappings():
        entry = out.setdefault(r["day"], {"date": r["day"], "count": 0, "by_type": {}})
        entry["count"] += r["n"]
        entry["by_type"][r["event_type"]] = r["n"]
    return list(out.values())


def event_types(conn: Connection) -> list[dict[str, Any]]:
    stmt = (select(_E.c.event_type, _E.c.sub_event_type, func.count().label("n"))
            .group_by(_E.c.event_type, _E.c.sub_event_type).order_by(_E.c.event_type, _E.c.sub_event_type))
    return [dict(r) for r in conn.execute(stmt).mappings()]


# -- clusters -----------------------------------------------------------------------------------------------

def has_linked_clusters(conn: Connection) -> bool:
    """True once the linking stage has stored clusters (``event_clusters``, created by migration 2, has rows)."""
    t = schema.event_clusters
    return conn.execute(select(literal(1)).select_from(t).limit(1)).first() is not None


def list_clusters(conn: Connection, f: Filters, limit: int = 50, offset: int = 0, compact: bool = False) -> Page:
    """Groups of events describing one real-world event, filtered through their member events.

    Until the linking stage has run, events are grouped by type, resolved place and date (events without a
    place stay alone); each item says ``"provisional": true`` then. ``compact`` leaves out the per-source
    figures, sources and conflicts (what a map needs is a fraction of it; :func:`get_cluster` has the rest).
    """
    if has_linked_clusters(conn):
        return _linked_clusters(conn, f, limit, offset, compact)
    conds = event_conditions(f)
    place = func.coalesce(cast(_E.c.geonameid, Text), _E.c.article_id + ":" + _E.c.event_id)
    key = (_E.c.event_type, place, _EVENT_DATE)
    n_articles = func.count(distinct(_E.c.article_id))
    stmt = (select(_E.c.event_type, func.min(_E.c.sub_event_type).label("sub_event_type"),
                   func.min(_E.c.location["name"].as_string()).label("place"), func.avg(_E.c.lat).label("lat"),
                   func.avg(_E.c.lon).label("lon"), _EVENT_DATE.label("date"), func.count().label("events"),
                   n_articles.label("articles"), func.min(_A.c.published).label("first_reported"),
                   func.max(_E.c.fatalities).label("fatalities_max"), func.min(_E.c.fatalities).label("fatalities_min"),
                   func.min(_E.c.article_id + ":" + _E.c.event_id).label("first_key"))
            .select_from(_events_from()).where(*conds).group_by(*key)
            .order_by(_EVENT_DATE.desc(), func.count().desc(), func.min(_E.c.article_id)))
    count = select(func.count()).select_from(select(*key).select_from(_events_from()).where(*conds)
                                             .group_by(*key).subquery())
    total, rows = _page(conn, stmt, count, limit, offset)
    items = []
    for r in rows:
        lo, hi = r["fatalities_min"], r["fatalities_max"]
        items.append({
            "id": None, "provisional": True, "event_type": r["event_type"], "sub_event_type": r["sub_event_type"],
            "place": r["place"], "lat": r["lat"], "lon": r["lon"], "date": r["date"],
            "date_last": r["date"], "events": r["events"], "articles": r["articles"],
            "independent_sources": r["articles"], "first_reported": r["first_reported"],
            "first_event": r["first_key"], "fatalities_min": lo, "fatalities_max": hi,
            "conflicts": [{"field": "fatalities", "values": [lo, hi]}] if lo is not None and lo != hi else [],
        })
    return Page(total, items)


class RawJSON:
    """JSON text as the database stores it (a cluster's sources, figures, conflicts), to be written into a
    response as it is: parsing it into Python only to serialise it again was most of a cluster page's cost.
    ``sitreps.api`` splices it in; ``value()`` parses it for callers that want Python values."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def value(self) -> Any:
        return json.loads(self.text)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RawJSON) and self.text == other.text

    def __hash__(self) -> int:
        return hash(self.text)

    def __repr__(self) -> str:
        return f"RawJSON({self.text[:40]!r})"


_CLUSTER_JSON = ("sources", "figures", "conflicts")
# (page statement, count statement) by dialect, compactness and filter shape, as _EVENT_STATEMENTS.
_CLUSTER_STATEMENTS: dict[tuple[Any, ...], tuple[Select[Any], Select[Any]]] = {}


def _linked_clusters(conn: Connection, f: Filters, limit: int, offset: int, compact: bool) -> Page:
    """Clusters stored by the linking stage (``event_clusters``), selected through their member events.
    Their sources, figures and conflicts come back as :class:`RawJSON`."""
    values = _event_values(f)
    shape = (conn.dialect.name, compact, *_event_shape(f, values))
    statements = _CLUSTER_STATEMENTS.get(shape)
    if statements is None:
        ck, cm = schema.event_clusters, schema.cluster_members
        member_event = and_(_E.c.article_id == cm.c.article_id, _E.c.ord == cm.c.event_ord)
        matching = select(cm.c.cluster_id).select_from(cm.join(_E, member_event)).where(*event_conditions(f))
        cols = [cast(c, Text).label(c.name) if c.name in _CLUSTER_JSON else c
                for c in ck.c if not (compact and c.name in _CLUSTER_JSON)]
        stmt = (select(*cols).where(ck.c.cluster_id.in_(matching))
                .order_by(ck.c.date_first.desc(), ck.c.n_sources.desc(), ck.c.cluster_id)
                .limit(bindparam("page_limit")).offset(bindparam("page_offset")))
        count = select(func.count()).select_from(ck).where(ck.c.cluster_id.in_(matching))
        statements = _CLUSTER_STATEMENTS[shape] = (stmt, count)
    total, rows = _page(conn, statements[0], statements[1], limit, offset, values)
    items = _cluster_items(conn, [r._mapping for r in rows], compact)
    if not compact:
        for item in items:
            for name in _CLUSTER_JSON:
                if item[name] is not None:
                    item[name] = RawJSON(item[name])
    return Page(total, items)


def get_cluster(conn: Connection, cluster_id: str) -> dict[str, Any] | None:
    """One stored cluster with its sources, figures and conflicts, or None."""
    ck = schema.event_clusters
    rows = list(conn.execute(select(ck).where(ck.c.cluster_id == cluster_id)).mappings())
    items = _cluster_items(conn, rows, compact=False)
    return items[0] if items else None


def _cluster_items(conn: Connection, rows: list[Any], compact: bool) -> list[dict[str, Any]]:
    cm = schema.cluster_members
    ids = [r["cluster_id"] for r in rows]
    members: dict[str, list[str]] = {}
    for i in range(0, len(ids), 500):  # under SQLite's bound-parameter limit
        ms = (select(cm.c.cluster_id, cm.c.article_id, cm.c.event_id).where(cm.c.cluster_id.in_(ids[i:i + 500]))
              .order_by(cm.c.cluster_id, cm.c.article_id, cm.c.event_ord))
        for cid, aid, eid in conn.execute(ms):
            members.setdefault(cid, []).append(f"{aid}:{eid}")
    items = []
    for r in rows:
        keys = members.get(r["cluster_id"], [])
        first = next((k for k in keys if k.startswith(f"{r['first_article_id']}:")), keys[0] if keys else None)
        item = {
            "id": r["cluster_id"], "provisional": False, "event_type": r["event_type"],
            "sub_event_type": r["sub_event_type"], "place": r["location_name"], "admin1": r["admin1"],
            "country_code": r["country_code"], "lat": r["lat"], "lon": r["lon"], "date": r["date_first"],
            "date_last": r["date_last"], "events": r["n_events"], "articles": r["n_articles"],
            "independent_sources": r["n_sources"], "first_reported": r["first_reported"], "first_event": first,
            "fatalities_min": r["fatalities_min"], "fatalities_max": r["fatalities_max"],
            "n_conflicts": r["n_conflicts"], "members": keys,
        }
        if not compact:
            item.update(sources=r["sources"], figures=r["figures"], conflicts=r["conflicts"])
        items.append(item)
    return items


# -- claims, sources, places, articles ------------------------------------------------------------------------

_C = schema.claims


def claim_conditions(f: Filters) -> list[ColumnElement[bool]]:
    # Claims are dated by their article's publication (indexed): when the claim was made, not what it is about.
    conds: list[ColumnElement[bool]] = _date_range(_A.c.published, f)
    if f.source:
        conds.append(_contains(_C.c.source_name, f.source))
    if f.certainty:
        conds.append(_C.c.certainty == f.certainty)
    if f.speech is True:  # NULL: a row stored before the flag existed, read as speech
        conds.append(or_(_C.c.speech.is_(None), _C.c.speech.is_(True)))
    elif f.speech is False:
        conds.append(_C.c.speech.is_(False))
    if f.q:
        conds.append(_contains(_C.c.evidence, f.q))
    if f.article_id:
        conds.append(_C.c.article_id == f.article_id)
    return conds


def list_claims(conn: Connection, f: Filters, limit: int = 50, offset: int = 0) -> Page:
    conds = claim_conditions(f)
    frm = _C.join(_A, _A.c.id == _C.c.article_id)
    stmt = (select(_C, _A.c.title, _A.c.published).select_from(frm).where(*conds)
            .order_by(_A.c.published.desc(), _C.c.article_id, _C.c.ord))
    count = select(func.count()).select_from(frm).where(*conds)
    total, rows = _page(conn, stmt, count, limit, offset)
    items = [{
        "article_id": r["article_id"], "id": r["claim_id"],
        "evidence": _span(r["start_char"], r["end_char"], r["evidence"]),
        "source": {"name": r["source_name"], "kind": r["source_kind"], "side": r["source_side"],
                   "evidence": _span(r["source_start"], r["source_end"], r["source_evidence"])},
        "cue": _span(r["cue_start"], r["cue_end"], r["cue_evidence"]),
        "channel": r["channel"], "direct": r["direct"], "hedges": r["hedges"], "reporting": r["reporting"],
        "certainty": r["certainty"], "speech": r["speech"] is None or bool(r["speech"]), "date": r["date"],
        "article": {"title": r["title"], "published": r["published"]},
    } for r in rows]
    return Page(total, items)


def list_sources(conn: Connection, f: Filters, limit: int = 50, offset: int = 0) -> Page:
    """Who asserts things: one row per source name, with its claim and article counts."""
    conds = claim_conditions(Filters(date_from=f.date_from, date_to=f.date_to, certainty=f.certainty,
                                     article_id=f.article_id, speech=f.speech))
    if f.q or f.source:
        conds.append(_contains(_C.c.source_name, f.q or f.source or ""))
    frm = _C.join(_A, _A.c.id == _C.c.article_id)
    n = func.count()
    stmt = (select(_C.c.source_name, func.min(_C.c.source_kind).label("kind"),
                   func.min(_C.c.source_side).label("side"), n.label("claims"),
                   func.count(distinct(_C.c.article_id)).label("articles"))
            .select_from(frm).where(*conds).group_by(_C.c.source_name).order_by(n.desc(), _C.c.source_name))
    count = select(func.count()).select_from(
        select(_C.c.source_name).select_from(frm).where(*conds).group_by(_C.c.source_name).subquery())
    total, rows = _page(conn, stmt, count, limit, offset)
    return Page(total, [{"name": r["source_name"], "kind": r["kind"], "side": r["side"], "claims": r["claims"],
                         "articles": r["articles"]} for r in rows])


def list_places(conn: Connection, f: Filters, limit: int = 50, offset: int = 0) -> Page:
    """Resolved places, one row per gazetteer entry, with mention and article counts."""
    p = schema.places
    conds: list[ColumnElement[bool]] = [p.c.geonameid.is_not(None), *_date_range(_A.c.published, f),
                                        *_bbox(p.c.lat, p.c.lon, f.bbox)]
    if f.q:
        conds.append(_contains(p.c.name, f.q))
    if f.country:
        conds.append(p.c.country_code == f.country.upper())
    if f.article_id:
        conds.append(p.c.article_id == f.article_id)
    frm = p.join(_A, _A.c.id == p.c.article_id)
    n = func.count()
    stmt = (select(p.c.geonameid, func.min(p.c.name).label("name"), func.min(p.c.feature_code).label("feature_code"),
                   func.min(p.c.country_code).label("country_code"), func.min(p.c.admin1).label("admin1"),
                   func.min(p.c.lat).label("lat"), func.min(p.c.lon).label("lon"), n.label("mentions"),
                   func.count(distinct(p.c.article_id)).label("articles"))
            .select_from(frm).where(*conds).group_by(p.c.geonameid).order_by(n.desc(), p.c.geonameid))
    count = select(func.count()).select_from(
        select(p.c.geonameid).select_from(frm).where(*conds).group_by(p.c.geonameid).subquery())
    total, rows = _page(conn, stmt, count, limit, offset)
    return Page(total, [dict(r) for r in rows])


def list_articles(conn: Connection, f: Filters, limit: int = 50, offset: int = 0) -> Page:
    e = schema.events
    conds = _date_range(_A.c.published, f)
    if f.q:
        conds.append(or_(_contains(_A.c.title, f.q), _contains(_A.c.text, f.q)))
    if f.source:
        conds.append(_contains(_A.c.outlet, f.source))
    n_events = select(func.count()).where(e.c.article_id == _A.c.id).scalar_subquery()
    n_claims = select(func.count()).where(_C.c.article_id == _A.c.id).scalar_subquery()
    stmt = (select(_A.c.id, _A.c.title, _A.c.url, _A.c.outlet, _A.c.published, _A.c.published_precision,
                   _A.c.language, func.length(_A.c.text).label("chars"), n_events.label("events"),
                   n_claims.label("claims"))
            .where(*conds).order_by(_A.c.published.desc(), _A.c.id))
    count = select(func.count()).select_from(_A).where(*conds)
    total, rows = _page(conn, stmt, count, limit, offset)
    return Page(total, [dict(r) for r in rows])


def overview(conn: Connection) -> dict[str, Any]:
    """Counts and the date range of events, for the page's header."""
    first, last = conn.execute(select(func.min(_E.c.date), func.max(_E.c.date))).one()
    return {"first_date": first, "last_date": last, "clusters_linked": has_linked_clusters(conn)}
