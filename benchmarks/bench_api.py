"""API latency: a bounded load test of filtered queries on loopback.

    .venv/bin/python benchmarks/bench_api.py [--db var/bench-api.db] [--requests 2000] [--concurrency 4]
                                            [--workers 1]

The database is the three shared corpora (../shared/corpus/*.jsonl) ingested; when ``--db`` does not exist
yet it is built first with `sitreps ingest` (slow: the whole pipeline runs over 562 documents; it is reused
afterwards). The server runs in its own process (`sitreps serve`, as users run it) on a free 127.0.0.1 port;
``--concurrency`` client threads send ``--requests`` requests in total, a seeded mix of filtered event
queries (date window, type, bounding box, actor, source, text) plus clusters, claims and the timeline.
Prints p50/p95/p99 per kind of request. Nothing is sent anywhere but 127.0.0.1.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SITREPS = str(Path(sys.executable).with_name("sitreps"))
CORPORA = ("isw-assessments-2022-02-to-08.jsonl", "open-licensed-2022-2023.jsonl", "ukraine-news-2022-2024.jsonl")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def build_db(db: Path) -> None:
    from sitreps.evaluate.common import find_shared

    paths = [str(find_shared(f"corpus/{name}", None, what="shared corpora")) for name in CORPORA]
    print(f"building {db} from {len(paths)} corpora (slow, once)...", file=sys.stderr)
    subprocess.run([SITREPS, "ingest", *paths, "--db", str(db), "--outlet-field", "publisher"], check=True)


def sample_values(db: Path) -> dict[str, list[Any]]:
    """Filter values that occur in the data, so that the queries return rows (and some return none)."""
    from sqlalchemy import func, select

    from sitreps.store import open_store, schema

    e = schema.events
    with open_store(db, create=False) as store, store.read() as conn:
        types = [r[0] for r in conn.execute(select(e.c.event_type).distinct())]
        actors = [r[0] for r in conn.execute(select(e.c.actor1_name).where(e.c.actor1_name.is_not(None))
                                             .group_by(e.c.actor1_name).order_by(func.count().desc()).limit(20))]
        sources = [r[0] for r in conn.execute(select(schema.claims.c.source_name).group_by(schema.claims.c.source_name)
                                              .order_by(func.count().desc()).limit(20))]
        dates = [r[0] for r in conn.execute(select(e.c.date).where(func.length(e.c.date) == 10))]
        n = conn.execute(select(func.count()).select_from(e)).scalar_one()
    dates = sorted(dates) or ["2022-02-24"]
    print(f"database: {n} events, {len(dates)} with a day date, {dates[0]} .. {dates[-1]}, "
          f"{len(types)} event types", file=sys.stderr)
    words = [w.split()[-1] for w in actors if w] or ["Russia"]
    return {"types": types or ["Battles"], "actors": words, "sources": [s.split()[-1] for s in sources] or ["ISW"],
            "dates": dates}


def make_requests(values: dict[str, list[Any]], n: int, seed: int = 7) -> list[tuple[str, str, dict[str, Any]]]:
    rng = random.Random(seed)
    out: list[tuple[str, str, dict[str, Any]]] = []
    for _ in range(n):
        # Windows start on dates that occur in the data, as an analyst's would.
        start = date.fromisoformat(rng.choice(values["dates"])) - timedelta(days=rng.randrange(7))
        window = {"date_from": start.isoformat(), "date_to": (start + timedelta(days=rng.choice((7, 30, 90)))).isoformat()}
        roll = rng.random()
        params: dict[str, Any] = {"limit": rng.choice((50, 100)), "offset": rng.choice((0, 0, 0, 50))}
        if roll < 0.75:
            kind = "events"
            params.update(window)
            extra = rng.choice(("type", "bbox", "actor", "source", "q", "type+bbox"))
            if "type" in extra:
                params["event_type"] = rng.choice(values["types"])
            if "bbox" in extra:
                params["bbox"] = rng.choice(("22,44,41,53", "35,47,39,51", "30,45,35,48"))
            if extra == "actor":
                params["actor"] = rng.choice(values["actors"])
            if extra == "source":
                params["source"] = rng.choice(values["sources"])
            if extra == "q":
                params["q"] = rng.choice(("shell", "Kharkiv", "bridge", "drone", "killed"))
            out.append((kind, "/api/events", params))
        elif roll < 0.85:
            out.append(("clusters", "/api/clusters", {**params, **window}))
        elif roll < 0.95:
            out.append(("claims", "/api/claims", {**params, **window, "source": rng.choice(values["sources"])}))
        else:
            out.append(("timeline", "/api/timeline", {"event_type": rng.choice(values["types"])}))
    return out


def run_load(base: str, requests: list[tuple[str, str, dict[str, Any]]], concurrency: int) -> dict[str, list[float]]:
    import httpx

    latencies: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = []
    lock = threading.Lock()
    it = iter(requests)

    def worker() -> None:
        with httpx.Client(base_url=base, timeout=30) as client:
            while True:
                with lock:
                    item = next(it, None)
                if item is None:
                    return
                kind, path, params = item
                t0 = time.perf_counter()
                r = client.get(path, params=params)
                dt = (time.perf_counter() - t0) * 1000
                with lock:
                    latencies[kind].append(dt)
                    if r.status_code != 200:
                        errors.append(f"{r.status_code} {path} {params}: {r.text[:200]}")

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        print(f"{len(errors)} requests failed, e.g. {errors[0]}", file=sys.stderr)
    return latencies


def _cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process and its live children (Linux /proc: the worker processes of
    ``--workers N``), to tell our cost from a busy machine's queueing."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    total = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    for children in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            kids = [int(c) for c in children.read_text().split()]
        except OSError:
            continue
        total += sum(_cpu_seconds(k) or 0.0 for k in kids)
    return total


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default=str(ROOT / "var" / "bench-api.db"))
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--concurrency", type=int, default=4)
    ap.add_argument("--warmup", type=int, default=50)
    ap.add_argument("--workers", type=int, default=1, help="`sitreps serve --workers N`")
    args = ap.parse_args()
    if not 1 <= args.requests <= 20_000 or not 1 <= args.concurrency <= 16 or not 1 <= args.workers <= 8:
        ap.error("keep the load bounded: --requests 1..20000, --concurrency 1..16, --workers 1..8")
    db = Path(args.db)
    if not db.exists():
        build_db(db)
    values = sample_values(db)
    port = _free_port()
    server = subprocess.Popen([SITREPS, "serve", "--db", str(db), "--port", str(port), "--log-level", "warning",
                               "--workers", str(args.workers)])
    base = f"http://127.0.0.1:{port}"
    try:
        import httpx

        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/api/event-types", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                print("the server did not start", file=sys.stderr)
                return 1
            time.sleep(0.2)
        run_load(base, make_requests(values, args.warmup, seed=1), args.concurrency)
        reqs = make_requests(values, args.requests)
        load0 = os.getloadavg()
        cpu0 = _cpu_seconds(server.pid)
        t0 = time.perf_counter()
        lat = run_load(base, reqs, args.concurrency)
        wall = time.perf_counter() - t0
        cpu1 = _cpu_seconds(server.pid)
        load1 = os.getloadavg()
    finally:
        server.terminate()
        server.wait(timeout=10)
    total = sum(len(v) for v in lat.values())
    print(f"{total} requests, {args.concurrency} concurrent, {args.workers} server worker(s), {wall:.1f} s, "
          f"{total / wall:.0f} req/s")
    print(f"machine load (1-minute average, 2 cores shared with other work): {load0[0]:.2f} at the start, "
          f"{load1[0]:.2f} at the end")
    if cpu0 is not None and cpu1 is not None:
        print(f"server CPU: {(cpu1 - cpu0) * 1000 / total:.1f} ms per request (all kinds)")
    print(f"{'kind':<10} {'n':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'mean ms':>8}")
    for kind in sorted(lat):
        v = lat[kind]
        print(f"{kind:<10} {len(v):>6} {_pct(v, 50):>8.1f} {_pct(v, 95):>8.1f} {_pct(v, 99):>8.1f} "
              f"{statistics.fmean(v):>8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
