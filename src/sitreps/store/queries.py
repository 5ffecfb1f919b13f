"""Read and write queries over one connection. The :class:`~sitreps.store.database.Store` only opens
transactions and calls these; API endpoints and cross-article stages add their own functions here (or in a
sibling module) taking a ``Connection``.

Every statement is built with SQLAlchemy Core, so values are always bound parameters.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, delete, func, select

from ..model import ArticleResult
from . import schema
from .codec import result_from_rows

# Child tables read to rebuild one article.
_CHILDREN = ("boilerplate", "places", "times", "quantities", "claims", "actors", "events")


def stored_versions(conn: Connection, ids: Iterable[str]) -> dict[str, str]:
    """``{article_id: pipeline_version}`` for those of ``ids`` already stored."""
    ids = list(dict.fromkeys(ids))
    out: dict[str, str] = {}
    a = schema.articles
    # Chunks keep the IN list under SQLite's bound-parameter limit.
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        for aid, version in conn.execute(select(a.c.id, a.c.pipeline_version).where(a.c.id.in_(chunk))):
            out[aid] = version
    return out


def delete_article_records(conn: Connection, article_ids: Sequence[str]) -> None:
    """Remove every record of these articles (not the article rows), children first."""
    for i in range(0, len(article_ids), 500):
        chunk = list(article_ids[i : i + 500])
        for table in schema.ARTICLE_CHILD_TABLES:
            conn.execute(delete(table).where(table.c.article_id.in_(chunk)))


def article_ids(conn: Connection, prefix: str | None = None, limit: int | None = None) -> list[str]:
    """Article ids in id order, optionally only those starting with ``prefix``."""
    a = schema.articles
    stmt = select(a.c.id).order_by(a.c.id)
    if prefix:
        # LIKE with an escaped prefix would do too; comparing the prefix itself is simpler and index-friendly.
        stmt = stmt.where(func.substr(a.c.id, 1, len(prefix)) == prefix)
    if limit is not None:
        stmt = stmt.limit(limit)
    return [r[0] for r in conn.execute(stmt)]


def load_result(conn: Connection, article_id: str) -> ArticleResult | None:
    a = schema.articles
    art = conn.execute(select(a).where(a.c.id == article_id)).mappings().first()
    if art is None:
        return None
    rows: dict[str, list[Any]] = {}
    for name in (*_CHILDREN, "event_claims", "event_quantities"):
        table = schema.metadata.tables[name]
        order = [table.c.event_ord, table.c.ord] if "event_ord" in table.c else [table.c.ord]
        stmt = select(table).where(table.c.article_id == article_id).order_by(*order)
        rows[name] = list(conn.execute(stmt).mappings())
    return result_from_rows(dict(art), rows)


def counts(conn: Connection) -> dict[str, int]:
    """Rows per kind: articles, each record kind, boilerplate blocks and ingest errors."""
    out = {"articles": conn.execute(select(func.count()).select_from(schema.articles)).scalar_one()}
    for kind, table in schema.RECORD_TABLES.items():
        stmt = select(func.count()).select_from(table)
        if kind == "quantities":
            stmt = stmt.where(table.c.listed.is_(True))
        out[kind] = conn.execute(stmt).scalar_one()
    out["boilerplate"] = conn.execute(select(func.count()).select_from(schema.boilerplate)).scalar_one()
    out["ingest_errors"] = conn.execute(select(func.count()).select_from(schema.ingest_errors)).scalar_one()
    return out


def article_summaries(conn: Connection, limit: int = 20) -> list[dict[str, Any]]:
    """The most recently ingested articles: id, title, published, events count (for `sitreps db info`)."""
    a, e = schema.articles, schema.events
    n_events = select(func.count()).where(e.c.article_id == a.c.id).scalar_subquery()
    stmt = (select(a.c.id, a.c.title, a.c.published, n_events.label("events"))
            .order_by(a.c.ingested_at.desc(), a.c.id).limit(limit))
    return [dict(r) for r in conn.execute(stmt).mappings()]
