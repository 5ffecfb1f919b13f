"""Linking tests run on SQLite and PostgreSQL: the store fixtures of tests/store are reused as they are."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_path = Path(__file__).resolve().parents[1] / "store" / "conftest.py"
_spec = importlib.util.spec_from_file_location("_sitreps_store_fixtures_link", _path)
assert _spec is not None and _spec.loader is not None
_store = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_store)

pg_url = _store.pg_url
pg_schema_url = _store.pg_schema_url
store_url = _store.store_url
store = _store.store
