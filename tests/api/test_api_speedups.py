"""Where the API runs its queries: SQLite on the event loop, other databases in the thread pool."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.filterwarnings("ignore:The anyio.abc.BlockingPortal alias is deprecated:DeprecationWarning")


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
