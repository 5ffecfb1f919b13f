"""`sitreps ingest`, `show`, `demo` and `db` through the CLI, and the batch runner behind them."""

from __future__ import annotations

import pytest

from sitreps.errors import InputError
from sitreps.model import ArticleResult
from sitreps.runner import ingest_documents, read_inputs
from sitreps.store import open_store


@pytest.mark.slow
def test_cli_ingest_twice_then_show(cli, docs, tmp_path) -> None:
    db = str(tmp_path / "var" / "t.db")
    first = cli("ingest", str(docs), "--db", db, "--published", "2022-05-18", "--batch-size", "1")
    assert first.exit_code == 1, first.output  # two documents could not be read
    assert "Ingest summary" in first.stdout
    assert len([line for line in first.stderr.splitlines() if line.startswith("error:")]) == 2
    with open_store(db, create=False) as store:
        counts = store.counts()
        ids = store.article_ids()
    assert counts["articles"] == 2 and counts["ingest_errors"] == 2 and counts["times"] >= 1

    second = cli("ingest", str(docs), "--db", db, "--published", "2022-05-18")
    assert second.exit_code == 1
    with open_store(db, create=False) as store:
        assert store.counts() == counts
    assert "already stored" in second.stdout

    with open_store(db, create=False) as store:
        lozova = next(i for i in ids if "Lozova" in store.load_result(i).article.text)
    shown = cli("show", lozova[:8], "--db", db, "--width", "200")
    assert shown.exit_code == 0, shown.output
    assert "fuel depot in Lozova" in shown.stdout and "Times" in shown.stdout and "on Tuesday" in shown.stdout


def test_cli_show_unknown_or_missing(cli, tmp_path) -> None:
    db = tmp_path / "empty.db"
    with open_store(db):
        pass
    missing = cli("show", "abc", "--db", str(db))
    assert missing.exit_code != 0 and "no article id starts with 'abc'" in str(missing.exception)
    nodb = cli("show", "abc", "--db", str(tmp_path / "none.db"))
    assert nodb.exit_code != 0 and "does not exist" in str(nodb.exception)
    assert not (tmp_path / "none.db").exists()


def test_cli_db_migrate_and_info(cli, tmp_path) -> None:
    db = str(tmp_path / "m.db")
    out = cli("db", "migrate", "--db", db)
    assert out.exit_code == 0, out.output
    assert "applied 1:" in out.stdout
    again = cli("db", "migrate", "--db", db)
    assert "0 step(s) applied now" in again.stdout
    info = cli("db", "info", "--db", db)
    assert info.exit_code == 0 and "articles" in info.stdout and "sqlite" in info.stdout


@pytest.mark.slow
def test_cli_demo_twice_changes_nothing(cli, tmp_path) -> None:
    db = str(tmp_path / "demo.db")
    first = cli("demo", "--db", db)
    assert first.exit_code == 0, first.output
    assert "sitreps show" in first.stdout and "sitreps serve --db" in first.stdout
    with open_store(db, create=False) as store:
        counts = store.counts()
    assert counts["articles"] >= 5 and counts["ingest_errors"] == 0
    second = cli("demo", "--db", db)
    assert second.exit_code == 0
    with open_store(db, create=False) as store:
        assert store.counts() == counts


class _Crash(RuntimeError):
    """Stands in for a process killed in the middle of a run."""


@pytest.mark.slow
def test_runner_crash_keeps_committed_batches(pipeline, good_docs, tmp_path) -> None:
    db = tmp_path / "crash.db"
    texts = sorted(good_docs.iterdir())
    calls = []

    class CrashOnSecondBatch:
        """The real pipeline, interrupted when the second batch starts."""

        def pipe(self, articles, batch_size=None):  # noqa: ANN001, ANN201 - Pipeline.pipe's signature
            calls.append(len(articles))
            if len(calls) == 2:
                raise _Crash("killed")
            return pipeline.pipe(articles, batch_size=batch_size)

    with open_store(db) as store, pytest.raises(_Crash):
        ingest_documents(read_inputs(texts), store, lambda: CrashOnSecondBatch(), batch_size=1)
    with open_store(db) as store:
        assert store.counts()["articles"] == 1  # the first batch was committed
        summary = ingest_documents(read_inputs(texts), store, lambda: pipeline, batch_size=1)
        assert (summary.already_stored, summary.new) == (1, 1)
        assert store.counts()["articles"] == 2


def test_runner_skips_stored_articles_before_loading_the_model(tmp_path, good_docs) -> None:
    def no_model():  # noqa: ANN202
        raise AssertionError("the pipeline must not load when every article is stored")

    with open_store(tmp_path / "e.db") as store:
        # Store the articles as a run of this pipeline version would (no records needed for the check).
        articles = [a for a in read_inputs([good_docs]) if not isinstance(a, InputError)]
        store.save_results([ArticleResult(article=a) for a in articles])
        copy = tmp_path / "copy.txt"  # the same text under another name: a duplicate in this run
        copy.write_text((good_docs / "lozova.txt").read_text(encoding="utf-8"), encoding="utf-8")
        summary = ingest_documents(read_inputs([good_docs, copy]), store, no_model)
        assert (summary.read, summary.already_stored, summary.duplicates, summary.new) == (3, 2, 1, 0)

        bad = tmp_path / "blank.txt"
        bad.write_text("\n\n", encoding="utf-8")
        summary = ingest_documents(read_inputs([bad]), store, no_model)
        assert summary.failed and isinstance(summary.errors[0], InputError)
        assert store.counts()["ingest_errors"] == 1
