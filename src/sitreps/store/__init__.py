"""Storage: one schema for SQLite (default, a file) and PostgreSQL (by URL), with versioned migrations.

::

    with open_store("var/sitreps.db") as store:        # or "postgresql://user@host/db"
        report = store.save_results(results)          # one transaction, idempotent
        again = store.load_result(results[0].article.id)

Layout: ``schema.py`` (tables), ``migrations.py`` (append-only steps), ``codec.py`` (records ⇄ rows),
``queries.py`` (SQL over a connection), ``database.py`` (the :class:`Store`: connections and transactions).
"""

from __future__ import annotations

from .database import SaveReport, Store, database_url, open_store
from .migrations import MIGRATIONS, Migration

__all__ = ["MIGRATIONS", "Migration", "SaveReport", "Store", "database_url", "open_store"]
