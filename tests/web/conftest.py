"""Browser tests: the real page, served by uvicorn on a free loopback port over a database filled through
the real pipeline, driven in Debian's Chromium by Playwright (never Playwright's own browser download).

They skip, saying why, only when no Chromium is installed (``scripts/install-browser.sh`` installs it).
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("SITREPS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory, pipeline) -> str:
    from sitreps.ingest import make_article
    from sitreps.link.run import run_linking
    from sitreps.store import open_store

    from .texts import REPORTS, XSS_REPORT

    path = tmp_path_factory.mktemp("web") / "web.db"
    articles = [make_article(r["text"], title=r["title"], published=r["published"], outlet=r["outlet"])
                for r in [*REPORTS, XSS_REPORT]]
    with open_store(path) as store:
        store.save_results(list(pipeline.pipe(articles)))
        run_linking(store)  # as `sitreps ingest` does: the map shows stored clusters
    return str(path)


@pytest.fixture(scope="session")
def server(web_db: str, pipeline) -> Iterator[str]:
    import uvicorn

    from sitreps.api import create_app

    port = _free_port()
    config = uvicorn.Config(create_app(web_db, pipeline=pipeline), host="127.0.0.1", port=port,
                            log_level="warning", lifespan="on")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, name="sitreps-test-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"the test server did not start on 127.0.0.1:{port}")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"browser tests skipped: no Chromium at {CHROMIUM}; run scripts/install-browser.sh "
                    "(apt-get install chromium) or set SITREPS_CHROMIUM")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server: str) -> Iterator[object]:
    """A fresh page on the served map; records every request so tests can check nothing leaves loopback."""
    context = browser.new_context(viewport={"width": 1500, "height": 900})
    pg = context.new_page()
    pg.requests = []  # type: ignore[attr-defined]
    pg.errors = []  # type: ignore[attr-defined]
    pg.on("request", lambda r: pg.requests.append(r.url))  # type: ignore[attr-defined]
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))  # type: ignore[attr-defined]
    # Console errors include Content-Security-Policy violations and failed loads (a missing vendored file).
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)  # type: ignore[attr-defined]
    pg.goto(server + "/")
    pg.wait_for_selector("body[data-ready='1']", state="attached")
    yield pg
    context.close()
