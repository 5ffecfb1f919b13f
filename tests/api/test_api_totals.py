"""``total`` is exact on every page: a page that is not full tells it without the count query, a full page or
one past the end asks the database (``store.api_queries._page``); and the events count runs on an index."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.filterwarnings("ignore:The anyio.abc.BlockingPortal alias is deprecated:DeprecationWarning")

LISTS = ["/api/events", "/api/claims", "/api/sources", "/api/places", "/api/articles", "/api/clusters"]


@pytest.mark.parametrize("path", LISTS)
@pytest.mark.parametrize("params", [{}, {"include_negated": "true"}, {"date_from": "2022-05-01"},
                                    {"q": "Kherson"}, {"q": "no such words anywhere"}])
def test_api_total_is_the_same_on_every_page(client, path, params):
    whole = client.get(path, params={**params, "limit": 1000}).json()
    n = len(whole["items"])
    assert whole["total"] == n
    for limit in (1, 2, 3, 5):
        for offset in range(0, n + 3):
            body = client.get(path, params={**params, "limit": limit, "offset": offset}).json()
            assert body["total"] == n, (limit, offset)
            assert body["items"] == whole["items"][offset:offset + limit]


def test_events_count_reads_the_covering_index(api_db):
    """Counting a dated, boxed query reads ix_events_filter_cover (migration 5) alone, not the events rows."""
    from sqlalchemy import func, select

    from sitreps.store import api_queries as aq
    from sitreps.store import open_store, schema

    f = aq.Filters(date_from="2022-05-01", date_to="2022-07-30", bbox=aq.BBox(22, 44, 41, 53))
    stmt = select(func.count()).select_from(schema.events).where(*aq.event_conditions(f))
    with open_store(api_db, create=False) as store, store.read() as conn:
        assert conn.execute(stmt).scalar_one() == 2
        if conn.dialect.name != "sqlite":
            names = {r[0] for r in conn.exec_driver_sql("SELECT indexname FROM pg_indexes WHERE tablename = 'events'")}
            assert "ix_events_filter_cover" in names and "ix_events_date_filter" not in names
            return
        compiled = stmt.compile(conn, compile_kwargs={"literal_binds": True})
        plan = " ".join(str(r[3]) for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}"))
    assert "COVERING INDEX ix_events_filter_cover" in plan, plan
