"""The tables, as SQLAlchemy Core objects: one schema for SQLite and PostgreSQL.

Why Core and not the ORM: records are already typed dataclasses (``sitreps.model``); a second set of mapped
classes would be a copy to keep in step. Rows are built and read by ``store.codec``.

Conventions, so that API queries and other engineers' tables look alike:

* every record table has an integer ``id`` (surrogate key), ``article_id`` (FK to ``articles.id``, indexed)
  and ``ord`` (the record's position in its list in the :class:`~sitreps.model.ArticleResult`);
  ``(article_id, ord)`` is unique, and link tables join on it so that a batch can be inserted with one
  ``executemany`` per table without reading generated ids back;
* evidence is kept as ``start_char``, ``end_char``, ``evidence`` (``article.text[start_char:end_char]``);
  ``end`` and ``text`` would be reserved or ambiguous words in SQL;
* nested objects (candidates, hedge lists, an event's actors and location) are JSON columns; values an API
  filters on are also plain indexed columns;
* JSON is ``JSON`` on both dialects, never PostgreSQL ``JSONB``: JSONB rewrites numbers (``1e308`` comes
  back as a 309-digit integer) and a stored record must read back exactly as it was written.

Adding a table: define it here on :data:`metadata`, then append a step to ``migrations.MIGRATIONS`` that
creates it (``create_tables("name")``). Never edit a table that a released migration step created; add a
step that alters it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()


def _article_fk() -> Column[str]:
    return Column("article_id", Text, ForeignKey("articles.id"), nullable=False, index=True)


def _evidence(prefix: str = "", nullable: bool = False) -> list[Column[Any]]:
    """``start_char``/``end_char``/``evidence`` columns (with ``prefix`` for a second span on the row)."""
    name = f"{prefix}_evidence" if prefix else "evidence"
    start = f"{prefix}_start" if prefix else "start_char"
    end = f"{prefix}_end" if prefix else "end_char"
    return [
        Column(start, Integer, nullable=nullable),
        Column(end, Integer, nullable=nullable),
        Column(name, Text, nullable=nullable),
    ]


def _record_table(name: str, *columns: Column[Any] | Index) -> Table:
    return Table(
        name,
        metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        _article_fk(),
        Column("ord", Integer, nullable=False),
        *columns,
        UniqueConstraint("article_id", "ord", name=f"uq_{name}_article_ord"),
    )


schema_migrations = Table(
    "schema_migrations",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("name", Text, nullable=False),
    Column("applied_at", Text, nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", Text, primary_key=True),  # content hash (ingest.article_id)
    Column("title", Text),
    Column("url", Text),
    Column("outlet", Text),
    Column("published", Text, index=True),  # ISO date, possibly reduced (2022-05)
    Column("published_precision", Text),
    Column("language", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("source_path", Text),
    Column("near_duplicate_of", Text, index=True),
    Column("paragraphs", JSON, nullable=False),  # [[start, end], ...]
    Column("meta", JSON, nullable=False),
    Column("errors", JSON, nullable=False),  # per-stage failures that did not stop the rest
    Column("pipeline_version", Text, nullable=False),
    Column("ingested_at", Text, nullable=False),  # ISO timestamp, UTC
)

boilerplate = _record_table(
    "boilerplate",
    *_evidence(),
    Column("kind", Text, nullable=False),
    Column("skip", Boolean, nullable=False),
)

places = _record_table(
    "places",
    *_evidence(),
    Column("geonameid", Integer, index=True),
    Column("name", Text),
    Column("feature_class", Text),
    Column("feature_code", Text),
    Column("country_code", Text, index=True),
    Column("admin1", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("role", Text, nullable=False),
    Column("precision", Text),
    Column("score", Float),
    Column("candidates", JSON, nullable=False),
)

times = _record_table(
    "times",
    *_evidence(),
    Column("value", Text, index=True),
    Column("value_end", Text),
    Column("precision", Text),
    Column("anchor", Text, nullable=False),
)

quantities = _record_table(
    "quantities",
    *_evidence(),
    Column("value", Float),
    Column("value_max", Float),
    Column("unit", Text),
    Column("normalized_value", Float),
    Column("normalized_unit", Text),
    Column("counted", Text),
    Column("kind", Text, nullable=False, index=True),
    Column("approximate", Boolean, nullable=False),
    Column("claim_id", Text),
    # False for a quantity that is only attached to an event (not in the article's own quantity list).
    Column("listed", Boolean, nullable=False),
)

claims = _record_table(
    "claims",
    Column("claim_id", Text, nullable=False),  # Claim.id, unique within its article
    *_evidence(),
    Column("source_name", Text, nullable=False, index=True),
    Column("source_kind", Text, nullable=False),
    Column("source_side", Text),
    *_evidence("source", nullable=True),
    *_evidence("cue", nullable=True),
    Column("channel", Text),
    Column("direct", Boolean, nullable=False),
    Column("hedges", JSON, nullable=False),
    Column("reporting", JSON, nullable=False),
    Column("certainty", Text, nullable=False, index=True),
    Column("nested_in", Text),
    Column("date", Text),
    Column("primary_article_id", Text, index=True),
    *_evidence("primary", nullable=True),
    Index("ix_claims_article_claim", "article_id", "claim_id"),
    # Claim.speech; added by migration 6 to databases made before it (NULL there: read back as True)
    Column("speech", Boolean),
)

actors = _record_table(
    "actors",
    *_evidence(),
    Column("name", Text, nullable=False, index=True),
    Column("side", Text),
    Column("kind", Text),
    Column("inter", Integer),
    Column("unit", Text),
)

events = _record_table(
    "events",
    Column("event_id", Text, nullable=False),  # Event.id, unique within its article
    *_evidence(),
    Column("event_type", Text, nullable=False, index=True),
    Column("sub_event_type", Text, nullable=False, index=True),
    Column("plover", Text),
    Column("plover_mode", Text),
    Column("actor1", JSON),  # Actor.to_dict() or null
    Column("actor2", JSON),
    Column("actor1_name", Text, index=True),
    Column("actor2_name", Text, index=True),
    Column("location", JSON),  # Place.to_dict() or null
    Column("geonameid", Integer, index=True),
    Column("lat", Float),
    Column("lon", Float),
    Column("country_code", Text, index=True),
    Column("geo_precision", Integer),
    Column("date", Text, index=True),
    Column("date_precision", Text),
    Column("time_precision", Integer),
    Column("fatalities", Integer),
    Column("certainty", Text, nullable=False),
    Column("negated", Boolean, nullable=False),
    Column("hypothetical", Boolean, nullable=False),
    Column("future", Boolean, nullable=False),
    *_evidence("trigger", nullable=True),
    Index("ix_events_lat_lon", "lat", "lon"),
    Index("ix_events_article_event", "article_id", "event_id"),
)

# Newest-first pages of events, all or of one type, read in index order with no sort (API lists; migration 3).
Index("ix_events_date_order", events.c.date, events.c.article_id, events.c.ord)
Index("ix_events_type_date_order", events.c.event_type, events.c.date, events.c.article_id, events.c.ord)

# An event's claims, by Claim.id within the same article (kept even if no such claim row exists).
event_claims = Table(
    "event_claims",
    metadata,
    _article_fk(),
    Column("event_ord", Integer, nullable=False),
    Column("ord", Integer, nullable=False),
    Column("claim_id", Text, nullable=False),
    UniqueConstraint("article_id", "event_ord", "ord", name="uq_event_claims"),
    Index("ix_event_claims_claim", "article_id", "claim_id"),
)

# An event's quantities: rows of ``quantities`` (same article) by their ``ord``.
event_quantities = Table(
    "event_quantities",
    metadata,
    _article_fk(),
    Column("event_ord", Integer, nullable=False),
    Column("ord", Integer, nullable=False),
    Column("quantity_ord", Integer, nullable=False),
    UniqueConstraint("article_id", "event_ord", "ord", name="uq_event_quantities"),
)

ingest_errors = Table(
    "ingest_errors",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("location", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("code", Text, nullable=False),
    Column("time", Text, nullable=False),  # ISO timestamp of the last time it was seen, UTC
    UniqueConstraint("location", "code", "reason", name="uq_ingest_errors"),
)

# -- cross-article linking (sitreps.link); what each column means is in store/link_queries.py ---------------

# One MinHash signature per article (near-duplicate detection), so a link run hashes only new articles.
article_signatures = Table(
    "article_signatures",
    metadata,
    Column("article_id", Text, ForeignKey("articles.id"), primary_key=True),
    Column("num_perm", Integer, nullable=False),
    Column("signature", LargeBinary, nullable=False),  # num_perm unsigned 64-bit ints, little-endian
)

# One row per real-world event: the events of many articles that describe it (cluster_members).
event_clusters = Table(
    "event_clusters",
    metadata,
    Column("cluster_id", Text, primary_key=True),  # "c" + hash of the earliest member event: stable
    Column("event_type", Text, nullable=False, index=True),
    Column("sub_event_type", Text, nullable=False, index=True),
    Column("location_name", Text),
    Column("geonameid", Integer),
    Column("lat", Float),
    Column("lon", Float),
    Column("country_code", Text, index=True),
    Column("admin1", Text),
    Column("geo_precision", Integer),
    Column("date_first", Text, index=True),
    Column("date_last", Text, index=True),
    Column("time_precision", Integer),
    Column("first_article_id", Text),
    Column("first_reported", Text, index=True),
    Column("n_events", Integer, nullable=False),
    Column("n_articles", Integer, nullable=False),
    Column("n_sources", Integer, nullable=False, index=True),  # independent sources
    Column("n_conflicts", Integer, nullable=False),
    Column("fatalities_min", Integer),
    Column("fatalities_max", Integer),
    Column("sources", JSON, nullable=False),
    Column("figures", JSON, nullable=False),
    Column("conflicts", JSON, nullable=False),
    Index("ix_event_clusters_lat_lon", "lat", "lon"),
)

cluster_members = Table(
    "cluster_members",
    metadata,
    Column("cluster_id", Text, ForeignKey("event_clusters.cluster_id"), nullable=False, index=True),
    _article_fk(),
    Column("event_ord", Integer, nullable=False),  # events.ord within the article
    Column("event_id", Text, nullable=False),
    Column("source_group", Integer, nullable=False),  # index into event_clusters.sources
    UniqueConstraint("article_id", "event_ord", name="uq_cluster_members_event"),
)

# Tables holding one article's records, children first: deleting in this order never breaks a foreign key.
ARTICLE_CHILD_TABLES: tuple[Table, ...] = (
    event_claims,
    event_quantities,
    events,
    actors,
    claims,
    quantities,
    times,
    places,
    boilerplate,
)

# Record kinds reported by Store.counts() and ingest summaries.
RECORD_TABLES: dict[str, Table] = {
    "places": places,
    "times": times,
    "quantities": quantities,
    "claims": claims,
    "actors": actors,
    "events": events,
}
