"""The :class:`Store`: open a database (SQLite file or PostgreSQL URL), migrate it, save and load results.

Nothing here touches a database until :func:`open_store` is called. The class only manages connections and
transactions; the SQL lives in ``queries.py``, the record ⇄ row mapping in ``codec.py``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, create_engine, event, inspect, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from ..errors import InputError, StoreError
from ..model import ArticleResult
from . import queries, schema
from .codec import article_row, result_rows
from .migrations import migrate

# SQLite waits this long (ms) for another writer before giving up with "database is locked".
BUSY_TIMEOUT_MS = 30_000
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")


@dataclass
class SaveReport:
    """What one :meth:`Store.save_results` call did, by article id."""

    new: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)  # stored by an older pipeline version; records redone
    skipped: list[str] = field(default_factory=list)  # already stored by this (or a newer) pipeline version
    records: Counter[str] = field(default_factory=Counter)  # records written, by kind

    def merge(self, other: SaveReport) -> None:
        self.new += other.new
        self.replaced += other.replaced
        self.skipped += other.skipped
        self.records.update(other.records)


def database_url(url_or_path: str | Path) -> str:
    """Turn what a user typed into a SQLAlchemy URL: a file path or ``sqlite:///…`` → SQLite,
    ``postgresql://…`` / ``postgres://…`` → PostgreSQL through psycopg 3."""
    s = str(url_or_path).strip()
    if not s:
        raise StoreError("no database given; pass --db FILE (SQLite) or --db postgresql://user@host/dbname")
    if s == ":memory:":
        return "sqlite://"
    for prefix in ("postgresql+psycopg://", "postgresql://", "postgres://"):
        if s.startswith(prefix):
            return "postgresql+psycopg://" + s[len(prefix):]
    if s.startswith("sqlite:"):
        return s
    if _SCHEME.match(s):
        raise StoreError(f"unsupported database URL {s.split('://')[0]}://…; use a SQLite file path, "
                         f"sqlite:///path.db or postgresql://user@host:port/dbname")
    return "sqlite:///" + str(Path(s).expanduser().resolve())


def _sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for an in-memory database."""
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def _configure_sqlite(engine: Engine) -> None:
    """WAL (readers never block the writer), a busy timeout, foreign keys, and real transactions.

    pysqlite by default opens transactions only before DML, so DDL in a migration step would autocommit
    piece by piece; we turn its handling off and emit BEGIN ourselves (SQLAlchemy's documented recipe).
    A connection executed with ``sitreps_begin="IMMEDIATE"`` takes the write lock at BEGIN, so two writers
    queue on the busy timeout instead of failing on a lock upgrade.
    """

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = NORMAL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get("sitreps_begin")
        conn.exec_driver_sql("BEGIN IMMEDIATE" if mode == "IMMEDIATE" else "BEGIN")


def open_store(url_or_path: str | Path, *, create: bool = True, migrate_schema: bool = True) -> Store:
    """Open (and by default create and migrate) the database at ``url_or_path``.

    ``create=False`` refuses a SQLite file that does not exist yet (for read-only commands such as `show`).
    """
    url = database_url(url_or_path)
    try:
        if url.startswith("sqlite"):
            path = _sqlite_path(url)
            if path is not None:
                if not path.exists():
                    if not create:
                        raise StoreError(f"database {path} does not exist; create it with "
                                         f"`sitreps ingest FILES --db {path}` or `sitreps demo`")
                    path.parent.mkdir(parents=True, exist_ok=True)
                engine = create_engine(url, connect_args={"check_same_thread": False})
            else:
                # One shared connection, or every new connection would see a new empty database.
                engine = create_engine(url, connect_args={"check_same_thread": False}, poolclass=StaticPool)
            _configure_sqlite(engine)
        else:
            engine = create_engine(url, pool_pre_ping=True)
    except (ArgumentError, SQLAlchemyError, ImportError) as exc:
        raise StoreError(f"cannot open database {url_or_path}: {exc}") from exc
    store = Store(engine)
    if migrate_schema:
        try:
            migrate(engine)
        except StoreError:
            engine.dispose()
            raise
    return store


class Store:
    """Articles and their records in one database. Use as a context manager, or call :meth:`close`."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    # -- transactions ---------------------------------------------------------------------------------------

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A connection for queries (``queries.*`` functions take it)."""
        try:
            with self.engine.connect() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"reading {self.url} failed: {exc}") from exc

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One transaction: committed when the block ends, rolled back entirely if it raises."""
        try:
            with self.engine.execution_options(sitreps_begin="IMMEDIATE").begin() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"writing to {self.url} failed and was rolled back: {exc}") from exc

    # -- writing --------------------------------------------------------------------------------------------

    def save_results(self, results: Sequence[ArticleResult]) -> SaveReport:
        """Store ``results`` in one transaction.

        Idempotent: an article already stored by the same (or a newer) pipeline version is skipped; one
        stored by an older version keeps its row and has all its records replaced. The same article twice
        in ``results`` is saved once (the first).
        """
        report = SaveReport()
        unique: dict[str, ArticleResult] = {}
        for r in results:
            if r.article.id in unique:
                report.skipped.append(r.article.id)
            else:
                unique[r.article.id] = r
        if not unique:
            return report
        now = datetime.now(UTC).isoformat()
        with self.write() as conn:
            stored = queries.stored_versions(conn, unique)
            to_insert: list[ArticleResult] = []
            to_replace: list[ArticleResult] = []
            for aid, r in unique.items():
                old = stored.get(aid)
                if old is None:
                    to_insert.append(r)
                elif _is_current(old, r.pipeline_version):
                    report.skipped.append(aid)
                else:
                    to_replace.append(r)
            if to_replace:
                queries.delete_article_records(conn, [r.article.id for r in to_replace])
                a = schema.articles
                stmt = update(a).where(a.c.id == bindparam("b_id"))
                rows = [{**{k: v for k, v in article_row(r, now).items() if k != "id"}, "b_id": r.article.id}
                        for r in to_replace]
                conn.execute(stmt, rows)
            if to_insert:
                conn.execute(schema.articles.insert(), [article_row(r, now) for r in to_insert])
            child_rows: dict[str, list[dict[str, Any]]] = {}
            for r in (*to_insert, *to_replace):
                for name, rows_ in result_rows(r).items():
                    child_rows.setdefault(name, []).extend(rows_)
                report.records.update(r.counts())
            # Parents before children (the reverse of the deletion order).
            for table in reversed(schema.ARTICLE_CHILD_TABLES):
                if child_rows.get(table.name):
                    conn.execute(table.insert(), child_rows[table.name])
            report.new = [r.article.id for r in to_insert]
            report.replaced = [r.article.id for r in to_replace]
        return report

    def record_errors(self, errors: Iterable[InputError]) -> int:
        """Keep documents that could not be read; the same (location, code, reason) is kept once, with
        the last time it was seen. Returns how many errors were given."""
        t = schema.ingest_errors
        now = datetime.now(UTC).isoformat()
        n = 0
        with self.write() as conn:
            for err in errors:
                n += 1
                key = {"location": err.location, "code": err.code, "reason": err.reason}
                found = conn.execute(select(t.c.id).where(t.c.location == err.location, t.c.code == err.code,
                                                          t.c.reason == err.reason)).first()
                if found is None:
                    conn.execute(t.insert().values(**key, time=now))
                else:
                    conn.execute(update(t).where(t.c.id == found[0]).values(time=now))
        return n

    # -- reading --------------------------------------------------------------------------------------------

    def has_article(self, article_id: str, pipeline_version: str | None = None) -> bool:
        """True if stored (by ``pipeline_version`` or a newer one, when given)."""
        with self.read() as conn:
            version = queries.stored_versions(conn, [article_id]).get(article_id)
        if version is None:
            return False
        return pipeline_version is None or _is_current(version, pipeline_version)

    @staticmethod
    def is_current(stored_version: str | None, wanted: str) -> bool:
        """True when an article stored by ``stored_version`` (None: not stored) need not be extracted again."""
        return stored_version is not None and _is_current(stored_version, wanted)

    def stored_versions(self, article_ids: Iterable[str]) -> dict[str, str]:
        with self.read() as conn:
            return queries.stored_versions(conn, article_ids)

    def load_result(self, article_id: str) -> ArticleResult:
        """The stored result of one article; raises :class:`StoreError` if there is none."""
        with self.read() as conn:
            result = queries.load_result(conn, article_id)
        if result is None:
            raise StoreError(f"no article {article_id!r} in {self.url}; list ids with `sitreps db info`")
        return result

    def resolve_id(self, prefix: str) -> str:
        """The one article id starting with ``prefix`` (a unique prefix is enough, as with git)."""
        prefix = prefix.strip()
        if not prefix:
            raise StoreError("empty article id; pass an id or a unique prefix of one (see `sitreps db info`)")
        with self.read() as conn:
            ids = queries.article_ids(conn, prefix=prefix, limit=6)
        if not ids:
            raise StoreError(f"no article id starts with {prefix!r} in {self.url}; list ids with `sitreps db info`")
        if len(ids) > 1 and prefix not in ids:
            shown = ", ".join(ids[:5]) + (", …" if len(ids) > 5 else "")
            raise StoreError(f"article id prefix {prefix!r} is ambiguous ({shown}); give more characters")
        return prefix if prefix in ids else ids[0]

    def counts(self) -> dict[str, int]:
        with self.read() as conn:
            return queries.counts(conn)

    def article_ids(self) -> list[str]:
        with self.read() as conn:
            return queries.article_ids(conn)

    def schema_versions(self) -> dict[int, str]:
        """Applied migration steps: ``{version: name}``."""
        t = schema.schema_migrations
        with self.read() as conn:
            if not inspect(conn).has_table(t.name):
                return {}
            return {int(v): str(n) for v, n in conn.execute(select(t.c.version, t.c.name).order_by(t.c.version))}

    # -- lifetime -------------------------------------------------------------------------------------------

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def _is_current(stored: str, wanted: str) -> bool:
    """True when a record stored by pipeline version ``stored`` need not be redone for version ``wanted``.

    Versions compare numerically ("0.10.0" > "0.9.1"); a non-numeric version is current only if equal.
    """
    if stored == wanted:
        return True
    try:
        return tuple(int(p) for p in stored.split(".")) >= tuple(int(p) for p in wanted.split("."))
    except ValueError:
        return False
