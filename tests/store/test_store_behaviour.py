"""Idempotence, transactions, migrations, verbatim text and opening rules, on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import Column, Integer, MetaData, Table, Text, text

from sitreps.errors import EmptyDocument, InputError, StoreError
from sitreps.model import ArticleResult, Claim, Event, Place, Quantity, Source, Span
from sitreps.store import MIGRATIONS, Migration, database_url, open_store
from sitreps.store import migrations as migrations_module


def _result(make_article, text: str, version: str = "0.1.0") -> ArticleResult:
    """A small result with one record of several kinds, found by hand in ``text``."""
    art = make_article(text, published="2022-05-16")
    said = text.index("said")
    place = Place(Span.of(text, 0, text.index(" ")), geonameid=706483, name="Kharkiv", lat=49.98, lon=36.25)
    claim = Claim("c1", Span.of(text, 0, said - 1), Source("officials", "government"), Span.of(text, said, said + 4))
    qty = Quantity(Span.of(text, 0, 1), 1.0, None)
    event = Event("e1", Span.of(text, 0, said - 1), "Explosions/Remote violence", "Shelling/artillery/missile attack",
                  location=place, date="2022-05-15", quantities=[qty], claim_ids=["c1"])
    return ArticleResult(article=art, places=[place], quantities=[qty], claims=[claim], events=[event],
                         pipeline_version=version)


def test_store_same_article_twice_is_one_article(store, make_article) -> None:
    a = _result(make_article, "Kharkiv was shelled overnight, officials said.")
    b = _result(make_article, "Kharkiv  was shelled overnight,\nofficials said.")  # same words: same id
    assert a.article.id == b.article.id
    report = store.save_results([a, b])
    assert report.new == [a.article.id] and report.skipped == [a.article.id]
    assert store.counts()["articles"] == 1


def test_store_saving_twice_changes_nothing(store, make_article) -> None:
    results = [_result(make_article, f"Kharkiv {w} was shelled, officials said.") for w in ("north", "east")]
    first = store.save_results(results)
    counts = store.counts()
    second = store.save_results(results)
    assert len(first.new) == 2 and second.new == [] and sorted(second.skipped) == sorted(first.new)
    assert store.counts() == counts
    assert counts["events"] == 2 and counts["claims"] == 2 and counts["places"] == 2


def test_store_older_version_is_replaced_newer_is_kept(store, make_article) -> None:
    old = _result(make_article, "Izium was shelled, officials said.", version="0.1.0")
    store.save_results([old])
    new = _result(make_article, "Izium was shelled, officials said.", version="0.2.0")
    new.places = []
    report = store.save_results([new])
    assert report.replaced == [old.article.id]
    assert store.load_result(old.article.id).to_dict() == new.to_dict()
    assert store.counts()["places"] == 0 and store.counts()["articles"] == 1
    # Going back to an older pipeline never overwrites newer records.
    assert store.save_results([old]).skipped == [old.article.id]
    assert store.load_result(old.article.id).pipeline_version == "0.2.0"
    assert store.has_article(old.article.id, "0.2.0") and not store.has_article(old.article.id, "0.3.0")


def test_store_failed_batch_leaves_earlier_batches(store, make_article) -> None:
    first = _result(make_article, "Kupiansk was shelled, officials said.")
    store.save_results([first])
    before = store.counts()
    good = _result(make_article, "Balakliia was shelled, officials said.")
    bad = _result(make_article, "Lyman was shelled, officials said.")
    bad.article = dataclasses.replace(bad.article, language=None)  # NOT NULL: the insert fails mid-batch
    with pytest.raises(StoreError, match="rolled back"):
        store.save_results([good, bad])
    assert store.counts() == before
    assert not store.has_article(good.article.id)
    assert store.load_result(first.article.id).to_dict() == first.to_dict()


def test_store_sql_text_is_stored_verbatim(store, make_article) -> None:
    nasty = "Robert'); DROP TABLE articles; -- said 5% of \"x\" and \\ back_slash _ % ; done"
    result = _result(make_article, nasty)
    result.article.title = "'; DELETE FROM events WHERE '1'='1"
    result.claims[0].source.name = "x' OR 1=1 --"
    store.save_results([result])
    loaded = store.load_result(result.article.id)
    assert loaded.article.text == result.article.text
    assert "Robert'); DROP TABLE articles; --" in loaded.article.text
    assert loaded.article.title == result.article.title
    assert loaded.claims[0].source.name == "x' OR 1=1 --"
    assert store.counts()["articles"] == 1


def test_store_resolves_unique_id_prefix(store, make_article) -> None:
    results = [_result(make_article, f"Kharkiv report number {i}, officials said.") for i in range(12)]
    store.save_results(results)
    target = results[0].article.id
    assert store.resolve_id(target[:12]) == target
    assert store.resolve_id(target) == target
    with pytest.raises(StoreError, match="ambiguous"):
        store.resolve_id(_common_prefix(store.article_ids()))
    with pytest.raises(StoreError, match="no article id"):
        store.resolve_id("zzzz")


def _common_prefix(ids: list[str]) -> str:
    """A prefix shared by at least two ids (ids are hex, so 12 ids always share a first character)."""
    firsts = [i[0] for i in ids]
    return next(c for c in firsts if firsts.count(c) > 1)


def test_store_records_errors_once(store) -> None:
    errors = [EmptyDocument("feed.jsonl:line 3", "no text after cleaning"),
              InputError("feed.jsonl:line 9", "not valid JSON")]
    store.record_errors(errors)
    store.record_errors(errors)
    assert store.counts()["ingest_errors"] == 2


def test_store_migrations_apply_once(store_url: str) -> None:
    with open_store(store_url) as s1:
        versions = s1.schema_versions()
    assert sorted(versions) == [m.version for m in MIGRATIONS]
    with open_store(store_url) as s2:
        assert s2.schema_versions() == versions
        assert migrations_module.migrate(s2.engine) == []
        with s2.read() as conn:
            n = conn.execute(text("SELECT COUNT(*) FROM schema_migrations")).scalar_one()
        assert n == len(MIGRATIONS)


def test_store_appended_migration_runs_once(store_url: str) -> None:
    # A private MetaData: the real schema must not grow a test table.
    extra = Table("test_extra_notes", MetaData(), Column("id", Integer, primary_key=True), Column("note", Text))
    step_calls: list[int] = []

    def step(conn) -> None:  # noqa: ANN001 - a Connection
        step_calls.append(1)
        extra.create(conn)

    steps = [*MIGRATIONS, Migration(MIGRATIONS[-1].version + 1, "test: extra notes", step)]
    with open_store(store_url) as s:
        assert [m.name for m in migrations_module.migrate(s.engine, steps)] == ["test: extra notes"]
        assert migrations_module.migrate(s.engine, steps) == []
        with s.read() as conn:
            assert conn.execute(text("SELECT COUNT(*) FROM test_extra_notes")).scalar_one() == 0
    assert step_calls == [1]


def test_store_failed_migration_is_not_recorded(store_url: str) -> None:
    def broken(conn) -> None:  # noqa: ANN001 - a Connection
        conn.execute(text("CREATE TABLE test_half_done (x INTEGER)"))
        conn.execute(text("SELECT * FROM no_such_table"))

    steps = [*MIGRATIONS, Migration(MIGRATIONS[-1].version + 1, "test: broken", broken)]
    with open_store(store_url) as s:
        with pytest.raises(StoreError, match="could not migrate"):
            migrations_module.migrate(s.engine, steps)
        assert max(s.schema_versions()) == MIGRATIONS[-1].version
        with s.read() as conn:  # the step's DDL was rolled back with it (transactional DDL on both)
            assert not conn.dialect.has_table(conn, "test_half_done")


def test_store_adds_the_speech_column_to_a_database_made_before_it(store_url: str, make_article) -> None:
    """Migration 6 on a database whose claims table has no ``speech`` column: the column is added, old rows
    read back as speech, new rows keep their flag."""
    old = _result(make_article, "Kharkiv was shelled overnight, officials said.")
    with open_store(store_url) as s:
        with s.engine.begin() as conn:  # the database as migrations 1-5 left it before the column existed
            conn.execute(text("ALTER TABLE claims DROP COLUMN speech"))
            conn.execute(text("DELETE FROM schema_migrations WHERE version = 6"))
    with open_store(store_url) as s:
        assert 6 in s.schema_versions()
        s.save_results([old])
        new = _result(make_article, "Kharkiv was shelled twice, officials said.")
        new.claims[0].speech = False
        s.save_results([new])
        with s.engine.begin() as conn:
            conn.execute(text("UPDATE claims SET speech = NULL WHERE article_id = :a"), {"a": old.article.id})
        assert s.load_result(old.article.id).claims[0].speech is True
        assert s.load_result(new.article.id).claims[0].speech is False


def test_store_migration_order_is_checked() -> None:
    steps = [Migration(2, "b", lambda c: None), Migration(1, "a", lambda c: None)]
    with pytest.raises(StoreError, match="increasing"):
        migrations_module._check_order(steps)


def test_store_database_url_forms(tmp_path) -> None:
    assert database_url("postgresql://u@h:5432/db") == "postgresql+psycopg://u@h:5432/db"
    assert database_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url("sqlite:///x.db") == "sqlite:///x.db"
    assert database_url(tmp_path / "a.db") == f"sqlite:///{tmp_path / 'a.db'}"
    with pytest.raises(StoreError, match="unsupported database URL"):
        database_url("mysql://u@h/db")
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "missing.db", create=False)
    assert not (tmp_path / "missing.db").exists()


def test_store_sqlite_uses_wal(tmp_path) -> None:
    with open_store(tmp_path / "var" / "w.db") as s, s.read() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar_one().lower() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar_one() >= 1000
