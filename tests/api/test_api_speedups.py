"""The remembered FastAPI sequence check (api._app.remember_sequence_checks) answers as FastAPI does."""

from __future__ import annotations

from typing import Annotated

import pytest
from fastapi import FastAPI, Query

pytestmark = pytest.mark.filterwarnings("ignore:The anyio.abc.BlockingPortal alias is deprecated:DeprecationWarning")


def test_remembered_sequence_check_gives_fastapi_answers(client):
    from fastapi.testclient import TestClient

    from sitreps.api._app import remember_sequence_checks

    assert remember_sequence_checks()  # applied by create_app already; a second call changes nothing
    from fastapi.dependencies import utils

    patched = utils.is_sequence_field
    assert getattr(patched, "sitreps_remembers", False)

    other = FastAPI()  # list and scalar parameters side by side: both still read right, twice

    @other.get("/x")
    def x(tag: Annotated[list[str] | None, Query()] = None, n: int = 0) -> dict[str, object]:
        return {"tag": tag, "n": n}

    with TestClient(other) as c:
        for _ in range(2):
            assert c.get("/x", params=[("tag", "a"), ("tag", "b"), ("n", "3")]).json() == {"tag": ["a", "b"], "n": 3}
            assert c.get("/x").json() == {"tag": None, "n": 0}
    # and the API's own parameters, twice
    for _ in range(2):
        body = client.get("/api/events", params={"limit": 2, "event_type": "Battles", "include_negated": "true"}).json()
        assert body["total"] == 1 and body["limit"] == 2
        bad = client.get("/api/events", params={"limit": "many"})
        assert bad.status_code == 422


def test_sqlite_queries_run_on_the_event_loop_others_in_the_thread_pool(api_db):
    import asyncio
    import threading

    from sitreps.api._app import ApiState
    from sitreps.api._read import _query

    state = ApiState(api_db, None)

    async def on_loop_thread() -> tuple[bool, int]:
        here = threading.get_ident()
        ran, n = await _query(state, lambda conn: (threading.get_ident(), conn.exec_driver_sql("SELECT 1").scalar()))
        return ran == here, n

    try:
        inline, one = asyncio.run(on_loop_thread())
    finally:
        state.close()
    assert one == 1
    assert inline is (state.store_url.endswith(".db"))
