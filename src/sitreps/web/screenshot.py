"""Take docs/screenshot.png: the page over a database, with the best-corroborated cluster's event selected.

    python -m sitreps.web.screenshot --db var/sitreps-demo.db --out docs/screenshot.png

Serves the app on a free loopback port (in a thread) and drives Debian's Chromium through Playwright.
"""

from __future__ import annotations

import argparse
import socket
import threading
import time
from pathlib import Path

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def showcase_events(db: str, n: int = 200) -> list[str]:
    """``article_id:event_id`` of located events with claims, in clusters with most conflicts and sources."""
    from sqlalchemy import func, select

    from ..store import open_store, schema

    ck, cm, ec = schema.event_clusters, schema.cluster_members, schema.event_claims
    key = cm.c.article_id + ":" + cm.c.event_id
    stmt = (select(key).select_from(ck.join(cm, cm.c.cluster_id == ck.c.cluster_id)
                                    .join(ec, (ec.c.article_id == cm.c.article_id) & (ec.c.event_ord == cm.c.event_ord)))
            .where(ck.c.lat.is_not(None)).group_by(key)
            .order_by(func.max(ck.c.n_conflicts).desc(), func.max(ck.c.n_sources).desc(), func.count().desc(), key)
            .limit(n))
    with open_store(db, create=False) as store, store.read() as conn:
        return [str(r[0]) for r in conn.execute(stmt)]


def take(db: str, out: Path, chromium: str = "/usr/bin/chromium", width: int = 1600, height: int = 900) -> None:
    import uvicorn
    from playwright.sync_api import sync_playwright

    from ..api import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    candidates = showcase_events(db)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(f"http://127.0.0.1:{port}/")
            page.wait_for_selector("body[data-ready='1']", state="attached")
            page.wait_for_timeout(1500)  # borders and labels
            listed = set(page.locator(".event-item").evaluate_all("els => els.map(e => e.dataset.key)"))
            key = next((k for k in candidates if k in listed), None)
            if key:
                page.locator(f".event-item[data-key='{key}']").click()
                page.wait_for_selector("#article-text mark")
                page.wait_for_timeout(500)
            out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(out))
            browser.close()
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default="var/sitreps-demo.db")
    ap.add_argument("--out", default="docs/screenshot.png", type=Path)
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    args = ap.parse_args()
    take(args.db, args.out, args.chromium)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
