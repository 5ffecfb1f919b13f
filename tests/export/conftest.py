"""Export tests run on SQLite and PostgreSQL (tests/store fixtures) over records built by tests/link's builders."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_tests = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("_sitreps_store_fixtures_export", _tests / "store" / "conftest.py")
assert _spec is not None and _spec.loader is not None
_store = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_store)

pg_url = _store.pg_url
pg_schema_url = _store.pg_schema_url
store_url = _store.store_url
store = _store.store

if str(_tests / "link") not in sys.path:
    sys.path.insert(0, str(_tests / "link"))  # link_builders: hand-built ArticleResults
