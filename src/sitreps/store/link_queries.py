"""Queries of cross-article linking (``sitreps.link``) and the tables it fills. Readers such as the API use
these tables directly; this docstring is their reference.

``articles.near_duplicate_of`` (existing column)
    The earliest article (by published date, then id) of the article's near-duplicate group, NULL for an
    article with no near-duplicate *and* for the earliest of a group itself. Independent-source counts treat
    a group as one article.

``article_signatures`` (article_id PK → articles.id, num_perm, signature)
    The MinHash signature of each article's cleaned text (``num_perm`` little-endian uint64), kept so a link
    run hashes only articles it has not seen.

``event_clusters`` — one row per real-world event
    ``cluster_id`` (PK, "c" + 16 hex; stable across runs: a hash of the earliest member event),
    ``event_type``/``sub_event_type`` (the members' most common; ties → the earliest report's),
    ``location_name``, ``geonameid``, ``lat``, ``lon``, ``country_code``, ``admin1``, ``geo_precision``
    (of the most precisely located member), ``date_first``/``date_last`` (ISO: first day and last day the
    members' dates cover), ``time_precision`` (ACLED 1 day / 2 week / 3 month: the most precise member),
    ``first_article_id``/``first_reported`` (earliest article reporting it, its published date),
    ``n_events``, ``n_articles``, ``n_sources`` (independent sources: syndicated copies and outlets quoting
    the same source count once), ``n_conflicts``, ``fatalities_min``/``fatalities_max`` (over the
    sources' figures), and JSON:

    * ``sources``: ``[{"names": [...], "outlets": [...], "articles": [...]}]``, one per independent source;
    * ``figures``: ``[{"kind", "value", "value_max", "unit", "counted", "source", "source_group",
      "article_id", "event_id", "evidence": {"start", "end", "text"}}]`` (evidence into that article);
    * ``conflicts``: ``[{"kind": "figure" | "status", "figure"?, "unit"?, "claims": [two sides, each
      {"article_id", "event_id", "source", "source_group", "value"… or "sub_event_type", "evidence"}]}]``.

``cluster_members`` (cluster_id → event_clusters, article_id → articles, event_ord = events.ord,
    event_id, source_group = index into the cluster's ``sources``); unique per (article_id, event_ord).
    Events flagged negated, hypothetical or future are in no cluster.

``claims.primary_article_id`` / ``primary_start``, ``primary_end``, ``primary_evidence`` (existing
    columns): the article and sentence a claim was taken from, when the store holds it.

Every statement is SQLAlchemy Core: values are bound parameters.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, and_, bindparam, delete, select, update

from . import schema

_CHUNK = 500


def article_meta(conn: Connection) -> list[dict[str, Any]]:
    """id, published, outlet, title and near_duplicate_of of every article."""
    a = schema.articles
    stmt = select(a.c.id, a.c.published, a.c.outlet, a.c.title, a.c.near_duplicate_of).order_by(a.c.id)
    return [dict(r) for r in conn.execute(stmt).mappings()]


def article_texts(conn: Connection, ids: Sequence[str]) -> Iterator[tuple[str, str, list[tuple[int, int]]]]:
    """``(id, text, boilerplate [(start, end)])`` for the given articles, in chunks."""
    a, b = schema.articles, schema.boilerplate
    for i in range(0, len(ids), _CHUNK):
        chunk = list(ids[i : i + _CHUNK])
        spans: dict[str, list[tuple[int, int]]] = {}
        for aid, s, e in conn.execute(select(b.c.article_id, b.c.start_char, b.c.end_char)
                                      .where(b.c.article_id.in_(chunk))):
            spans.setdefault(aid, []).append((s, e))
        for aid, text in conn.execute(select(a.c.id, a.c.text).where(a.c.id.in_(chunk)).order_by(a.c.id)):
            yield aid, text, spans.get(aid, [])


def signatures(conn: Connection) -> dict[str, bytes]:
    t = schema.article_signatures
    return {aid: bytes(sig) for aid, sig in conn.execute(select(t.c.article_id, t.c.signature))}


def insert_signatures(conn: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
    if rows:
        conn.execute(schema.article_signatures.insert(), list(rows))


def set_near_duplicates(conn: Connection, changes: Mapping[str, str | None]) -> None:
    """Set ``articles.near_duplicate_of`` for the given ids."""
    if not changes:
        return
    a = schema.articles
    stmt = update(a).where(a.c.id == bindparam("b_id")).values(near_duplicate_of=bindparam("b_dup"))
    conn.execute(stmt, [{"b_id": k, "b_dup": v} for k, v in changes.items()])


def event_rows(conn: Connection) -> list[dict[str, Any]]:
    """Every event that clustering considers (not negated, hypothetical or future)."""
    e = schema.events
    stmt = (select(e.c.article_id, e.c.ord, e.c.event_id, e.c.event_type, e.c.sub_event_type, e.c.actor1,
                   e.c.actor2, e.c.location, e.c.geonameid, e.c.lat, e.c.lon, e.c.country_code,
                   e.c.geo_precision, e.c.date, e.c.date_precision, e.c.time_precision, e.c.fatalities,
                   e.c.start_char, e.c.end_char, e.c.evidence)
            .where(e.c.negated.is_(False), e.c.hypothetical.is_(False), e.c.future.is_(False))
            .order_by(e.c.article_id, e.c.ord))
    return [dict(r) for r in conn.execute(stmt).mappings()]


def event_claim_sources(conn: Connection) -> dict[tuple[str, int], list[str]]:
    """``{(article_id, event_ord): [source names of the event's claims]}``."""
    ec, c = schema.event_claims, schema.claims
    stmt = (select(ec.c.article_id, ec.c.event_ord, c.c.source_name)
            .join(c, and_(c.c.article_id == ec.c.article_id, c.c.claim_id == ec.c.claim_id))
            .order_by(ec.c.article_id, ec.c.event_ord, ec.c.ord))
    out: dict[tuple[str, int], list[str]] = {}
    for aid, ev, name in conn.execute(stmt):
        out.setdefault((aid, ev), []).append(name)
    return out


def claim_sources(conn: Connection) -> dict[tuple[str, str], str]:
    """``{(article_id, claim_id): source name}`` of every claim."""
    c = schema.claims
    return {(aid, cid): name for aid, cid, name in conn.execute(select(c.c.article_id, c.c.claim_id,
                                                                        c.c.source_name))}


def event_quantity_rows(conn: Connection) -> dict[tuple[str, int], list[dict[str, Any]]]:
    """``{(article_id, event_ord): [quantity rows attached to the event]}``."""
    eq, q = schema.event_quantities, schema.quantities
    stmt = (select(eq.c.article_id, eq.c.event_ord, q.c.value, q.c.value_max, q.c.unit, q.c.normalized_value,
                   q.c.normalized_unit, q.c.counted, q.c.kind, q.c.claim_id, q.c.start_char, q.c.end_char,
                   q.c.evidence)
            .join(q, and_(q.c.article_id == eq.c.article_id, q.c.ord == eq.c.quantity_ord))
            .order_by(eq.c.article_id, eq.c.event_ord, eq.c.ord))
    out: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for r in conn.execute(stmt).mappings():
        out.setdefault((r["article_id"], r["event_ord"]), []).append(dict(r))
    return out


def stored_clusters(conn: Connection) -> dict[str, dict[str, Any]]:
    t = schema.event_clusters
    return {r["cluster_id"]: dict(r) for r in conn.execute(select(t)).mappings()}


def stored_members(conn: Connection) -> dict[tuple[str, int], tuple[str, int]]:
    t = schema.cluster_members
    return {(aid, ev): (cid, g) for cid, aid, ev, g in conn.execute(
        select(t.c.cluster_id, t.c.article_id, t.c.event_ord, t.c.source_group))}


def replace_clusters(conn: Connection, clusters: Sequence[Mapping[str, Any]],
                     members: Sequence[Mapping[str, Any]]) -> None:
    """Replace every cluster and membership (one transaction, given by the caller)."""
    conn.execute(delete(schema.cluster_members))
    conn.execute(delete(schema.event_clusters))
    if clusters:
        conn.execute(schema.event_clusters.insert(), list(clusters))
    if members:
        conn.execute(schema.cluster_members.insert(), list(members))


def claim_rows(conn: Connection) -> list[dict[str, Any]]:
    """Every claim with its content and current primary link."""
    c = schema.claims
    stmt = select(c.c.article_id, c.c.ord, c.c.claim_id, c.c.evidence, c.c.source_name, c.c.primary_article_id,
                  c.c.primary_start, c.c.primary_end).order_by(c.c.article_id, c.c.ord)
    return [dict(r) for r in conn.execute(stmt).mappings()]


def set_primary_links(conn: Connection, links: Sequence[Mapping[str, Any]]) -> None:
    """Rows of ``{"article_id", "ord", "primary_article_id", "primary_start", "primary_end",
    "primary_evidence"}`` (all None to remove a link)."""
    if not links:
        return
    c = schema.claims
    stmt = (update(c).where(c.c.article_id == bindparam("b_article"), c.c.ord == bindparam("b_ord"))
            .values(primary_article_id=bindparam("b_pa"), primary_start=bindparam("b_ps"),
                    primary_end=bindparam("b_pe"), primary_evidence=bindparam("b_pev")))
    conn.execute(stmt, [{"b_article": r["article_id"], "b_ord": r["ord"], "b_pa": r["primary_article_id"],
                         "b_ps": r["primary_start"], "b_pe": r["primary_end"], "b_pev": r["primary_evidence"]}
                        for r in links])


def cluster_of_events(conn: Connection, article_id: str) -> dict[int, str]:
    """``{event_ord: cluster_id}`` for one article's events (for pages and exports)."""
    t = schema.cluster_members
    return {ev: cid for ev, cid in conn.execute(select(t.c.event_ord, t.c.cluster_id)
                                                .where(t.c.article_id == article_id))}
