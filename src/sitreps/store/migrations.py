"""Versioned schema steps, applied in order when a store is opened (the idea of sqlite-utils' ``Migrations``).

:data:`MIGRATIONS` is one append-only list. Each step has a version (strictly increasing), a name and a
function that receives a SQLAlchemy ``Connection`` inside a transaction. Applied steps are recorded in
``schema_migrations``; a step runs once per database, and the same steps run on SQLite and PostgreSQL.

To change the schema: define new tables in ``schema.py`` and append ``Migration(N, "name",
create_tables("t1", "t2"))``, or write a function using ``add_column`` / plain DDL. Never edit or reorder a
step that has been committed: databases in the wild have already applied it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Column, Connection, Engine, inspect, select, text
from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError
from . import schema

log = logging.getLogger(__name__)

Step = Callable[[Connection], None]


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Step


def create_tables(*names: str) -> Step:
    """A step creating the named tables of ``schema.metadata`` (and their indexes) as defined now."""

    def step(conn: Connection) -> None:
        tables = [schema.metadata.tables[n] for n in names]
        schema.metadata.create_all(conn, tables=tables, checkfirst=True)

    return step


def add_column(table: str, column: Column[Any]) -> Step:
    """A step adding one nullable column to an existing table (portable ``ALTER TABLE ... ADD COLUMN``)."""

    def step(conn: Connection) -> None:
        ddl_type = column.type.compile(dialect=conn.dialect)
        prep = conn.dialect.identifier_preparer
        conn.execute(text(f"ALTER TABLE {prep.quote(table)} ADD COLUMN {prep.quote(column.name)} {ddl_type}"))

    return step


def add_missing_column(table: str, name: str) -> Step:
    """A step adding column ``name`` of ``schema.py``'s ``table`` (nullable) where it is missing: a database
    created after the column was added to ``schema.py`` got it with its table."""
    add = add_column(table, schema.metadata.tables[table].c[name])

    def step(conn: Connection) -> None:
        if name not in {c["name"] for c in inspect(conn).get_columns(table)}:
            add(conn)

    return step


def create_indexes(*names: str) -> Step:
    """A step creating the named indexes of ``schema.metadata`` (skipped where they exist already: a database
    created after they were added to ``schema.py`` got them with their table)."""

    def step(conn: Connection) -> None:
        wanted = set(names)
        for table in schema.metadata.tables.values():
            for index in table.indexes:
                if index.name in wanted:
                    index.create(conn, checkfirst=True)
                    wanted.discard(str(index.name))
        if wanted:
            raise StoreError(f"no index named {sorted(wanted)} in schema.py; fix the migration step")

    return step


def create_index_ddl(name: str, table: str, columns: tuple[str, ...]) -> Step:
    """A step creating an index defined here rather than in ``schema.py`` (plain ``CREATE INDEX IF NOT
    EXISTS``, the same on SQLite and PostgreSQL): one that only a query's plan needs, such as a covering index."""

    def step(conn: Connection) -> None:
        prep = conn.dialect.identifier_preparer
        cols = ", ".join(prep.quote(c) for c in columns)
        conn.execute(text(f"CREATE INDEX IF NOT EXISTS {prep.quote(name)} ON {prep.quote(table)} ({cols})"))

    return step


def replace_index_ddl(old: str, name: str, table: str, columns: tuple[str, ...]) -> Step:
    """A step dropping index ``old`` (if there) and creating ``name`` in its place, as :func:`create_index_ddl`."""
    create = create_index_ddl(name, table, columns)

    def step(conn: Connection) -> None:
        conn.execute(text(f"DROP INDEX IF EXISTS {conn.dialect.identifier_preparer.quote(old)}"))
        create(conn)

    return step


MIGRATIONS: list[Migration] = [
    Migration(
        1,
        "articles and per-article records",
        create_tables(
            "articles", "boilerplate", "places", "times", "quantities", "claims", "actors", "events",
            "event_claims", "event_quantities", "ingest_errors",
        ),
    ),
    Migration(2, "cross-article linking: signatures, event clusters", create_tables(
        "article_signatures", "event_clusters", "cluster_members")),
    Migration(3, "indexes for newest-first event lists (API)", create_indexes(
        "ix_events_date_order", "ix_events_type_date_order")),
    Migration(4, "covering index for counting filtered events (API)", create_index_ddl(
        "ix_events_date_filter", "events",
        ("date", "negated", "hypothetical", "future", "article_id", "event_type", "lat", "lon"))),
    Migration(5, "the covering index for filtered events also holds ord (cluster and source filters join on it)",
              replace_index_ddl("ix_events_date_filter", "ix_events_filter_cover", "events",
                                ("date", "negated", "hypothetical", "future", "article_id", "ord", "event_type",
                                 "lat", "lon"))),
    Migration(6, "claims.speech: false for a claim that is an act or intention", add_missing_column(
        "claims", "speech")),
]


def _check_order(steps: list[Migration]) -> None:
    versions = [m.version for m in steps]
    if versions != sorted(set(versions)):
        raise StoreError(f"migration versions must be unique and increasing, got {versions}; fix MIGRATIONS")


def applied_versions(conn: Connection) -> dict[int, str]:
    """Versions recorded in ``schema_migrations`` (empty for a new database)."""
    if not inspect(conn).has_table("schema_migrations"):
        return {}
    rows = conn.execute(select(schema.schema_migrations.c.version, schema.schema_migrations.c.applied_at))
    return {int(v): str(at) for v, at in rows}


def pending(conn: Connection, steps: list[Migration] | None = None) -> list[Migration]:
    steps = MIGRATIONS if steps is None else steps
    done = applied_versions(conn)
    return [m for m in steps if m.version not in done]


def migrate(engine: Engine, steps: list[Migration] | None = None) -> list[Migration]:
    """Apply every pending step, each in its own transaction; return the steps applied now.

    On PostgreSQL a transaction-scoped advisory lock serialises two processes opening a new database at once;
    on SQLite the write transaction (``BEGIN IMMEDIATE``) does the same.
    """
    steps = MIGRATIONS if steps is None else steps
    _check_order(steps)
    done: list[Migration] = []
    writer = engine.execution_options(sitreps_begin="IMMEDIATE")
    try:
        with writer.begin() as conn:
            _lock(conn)
            schema.metadata.create_all(conn, tables=[schema.schema_migrations], checkfirst=True)
        for step in steps:
            with writer.begin() as conn:
                _lock(conn)
                if step.version in applied_versions(conn):
                    continue
                log.info("applying schema step %d: %s", step.version, step.name)
                step.apply(conn)
                conn.execute(
                    schema.schema_migrations.insert().values(
                        version=step.version, name=step.name, applied_at=datetime.now(UTC).isoformat()
                    )
                )
                done.append(step)
    except SQLAlchemyError as exc:
        raise StoreError(
            f"could not migrate the database {engine.url.render_as_string(hide_password=True)}: {exc}. "
            f"Check that it is a sitreps database and that you may write to it."
        ) from exc
    return done


def _lock(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        # Any fixed key works; this one spells "sitreps" loosely.
        conn.execute(text("SELECT pg_advisory_xact_lock(5174737265)"))
