"""Throughput and memory of sitreps against spaCy's small pipeline alone, and 1 vs 2 Dask workers.

    .venv/bin/python benchmarks/bench_pipeline.py [--corpus 'PATH_OR_GLOB' ...] [--limit N] [--skip-dask]
        [--only CONFIG ...] [--repeat N]

Each configuration runs in its own child process so that its peak RSS is its own. Prints a Markdown table:
docs/s and words/s (wall clock), words per CPU-second (time.process_time; summed over the workers for Dask),
peak RSS (per worker for Dask). Corpus: ../shared/corpus/*.jsonl when present, else the demo corpus. Read the
machine load (printed) beside every figure: on a shared machine wall-clock figures are noisy; ``--repeat N``
interleaves N rounds and compares against the median spaCy run.

``spacy_sm`` is spaCy's pipeline as shipped (no sitreps stand-ins); ``sitreps_before`` is the default pipeline
with this round's exact speed-ups switched off (``fast_attrs``, ``gc_freeze``, ``batch_size`` 32 as before), for
before/after in one run.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
DEMO = ROOT / "src" / "sitreps" / "data" / "demo" / "reports.jsonl"
CONFIGS = ("spacy_sm", "spacy_sm_fastattrs", "tokenizer", "sitreps_selective", "sitreps_full", "sitreps_before",
           "dask_1", "dask_2")


def corpus_files(patterns: list[str] | None) -> list[str]:
    if patterns:
        files = [f for p in patterns for f in sorted(glob.glob(p))]
    else:
        files = sorted(glob.glob(str(SHARED / "*.jsonl"))) or [str(DEMO)]
    if not files:
        sys.exit(f"no corpus: none of {patterns or [SHARED / '*.jsonl', DEMO]} exists; pass --corpus PATH")
    return files


def load_articles(files: list[str], limit: int) -> list:
    """Round-robin over the files so a limit samples every corpus, not only the first file."""
    from sitreps.ingest.readers import read_documents
    from sitreps.model import Article

    streams = [(a for a in read_documents([f]) if isinstance(a, Article)) for f in files]
    out = []
    while streams and len(out) < limit:
        for s in list(streams):
            a = next(s, None)
            if a is None:
                streams.remove(s)
            elif len(out) < limit:
                out.append(a)
    return out


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_one(config: str, files: list[str], limit: int) -> dict:
    """One configuration, in this (child) process."""
    articles = load_articles(files, limit)
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)
    warm = texts[:2]
    if config in ("spacy_sm", "spacy_sm_fastattrs", "tokenizer"):
        from sitreps.nlp import load_nlp
        from sitreps.settings import load_settings

        # spacy_sm is spaCy's own pipeline, untouched: sitreps' stand-ins (fastattrs) only in spacy_sm_fastattrs
        nlp = load_nlp(load_settings(fast_attrs=config == "spacy_sm_fastattrs"))
        list(nlp.pipe(warm))
        w0, c0 = time.perf_counter(), time.process_time()
        if config == "tokenizer":
            for t in texts:
                nlp.make_doc(t)
        else:
            for _ in nlp.pipe(texts, batch_size=32):
                pass
        wall, cpu = time.perf_counter() - w0, time.process_time() - c0
        return _row(config, len(texts), words, wall, cpu, peak_rss_mb())
    if config.startswith("sitreps_"):
        from sitreps.pipeline import load_pipeline
        from sitreps.settings import load_settings

        selective = config == "sitreps_selective"
        if config == "sitreps_before":  # the default pipeline without the 2026-11-25 speed-ups (for A/B runs)
            settings = load_settings(selective_parse=False, fast_attrs=False, gc_freeze=False, batch_size=32)
        else:
            settings = load_settings(selective_parse=selective, gc_freeze=True)  # as the `sitreps` command runs
        pipeline = load_pipeline(settings)
        list(pipeline.pipe(articles[:2]))
        w0, c0 = time.perf_counter(), time.process_time()
        for _ in pipeline.pipe(articles):
            pass
        wall, cpu = time.perf_counter() - w0, time.process_time() - c0
        row = _row(config, len(texts), words, wall, cpu, peak_rss_mb())
        stats = getattr(pipeline._make_docs, "stats", None)
        if stats:
            row["note"] = f"sentences full/ner/none: {stats[2]}/{stats[1]}/{stats[0]}"
        return row
    return run_dask(config, articles, words)


def run_dask(config: str, articles: list, words: int) -> dict:
    """The batch command's engine on a warm cluster (models already loaded in every worker)."""
    from distributed import Client, LocalCluster

    from sitreps.scale.batch import warm_worker
    from sitreps.settings import load_settings

    n = int(config.split("_")[1])
    settings = load_settings()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl"
        src.write_text("".join(json.dumps({"text": a.text, "date": a.published}) + "\n" for a in articles),
                       encoding="utf-8")
        with LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
                Client(cluster) as client:
            client.run(warm_worker, settings)
            cpu0 = client.run(time.process_time)
            from sitreps.scale.batch import run_batch

            w0 = time.perf_counter()
            report = run_batch([str(src)], str(Path(tmp) / "out"), engine="dask",
                               scheduler=cluster.scheduler_address, settings=settings,
                               partition_size=max(1, len(articles) // 8))  # the same partitions for every n
            wall = time.perf_counter() - w0
            cpu1 = client.run(time.process_time)
            rss = client.run(peak_rss_mb)
    cpu = sum(cpu1[w] - cpu0[w] for w in cpu1)
    row = _row(config, report.articles, words, wall, cpu, max(rss.values()))
    row["note"] = f"{n} worker(s), peak RSS is the largest worker's"
    return row


def _row(config: str, docs: int, words: int, wall: float, cpu: float, rss: float) -> dict:
    return {"config": config, "docs": docs, "words": words, "wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
            "docs_per_s": round(docs / wall, 2), "words_per_s": round(words / wall),
            "words_per_cpu_s": round(words / cpu), "peak_rss_mb": round(rss),
            "cores_used": round(cpu / wall, 2)}  # CPU the run got: on a busy machine 2 workers may get < 1 core


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", action="append", help="JSONL file or glob (repeatable)")
    ap.add_argument("--limit", type=int, default=60, help="documents (round-robin over the files)")
    ap.add_argument("--only", choices=CONFIGS, action="append", help="run only these configurations")
    ap.add_argument("--skip-dask", action="store_true")
    ap.add_argument("--repeat", type=int, default=1,
                    help="run the configurations this many times, interleaved (noise on a shared machine)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    files = corpus_files(args.corpus)
    if args.child:
        print(json.dumps(run_one(args.child, files, args.limit)))
        return
    configs = args.only or [c for c in CONFIGS if not (args.skip_dask and c.startswith("dask"))]
    print(f"corpus: {', '.join(files)}; limit {args.limit} documents; "
          f"{time.strftime('%Y-%m-%d %H:%M')}; load before: {os.getloadavg()}", flush=True)
    rows = []
    for config in [c for _ in range(max(1, args.repeat)) for c in configs]:
        cmd = [sys.executable, __file__, "--child", config, "--limit", str(args.limit)]
        for f in files:
            cmd += ["--corpus", f]
        out = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if out.returncode != 0:
            print(f"{config} failed:\n{out.stderr[-2000:]}", file=sys.stderr)
            continue
        row = json.loads(out.stdout.strip().splitlines()[-1])
        row["load"] = round(os.getloadavg()[0], 2)
        rows.append(row)
        print(json.dumps(row), file=sys.stderr, flush=True)
    spacy_rows = [r["words_per_cpu_s"] for r in rows if r["config"] == "spacy_sm"]
    base = sorted(spacy_rows)[len(spacy_rows) // 2] if spacy_rows else None  # the median spaCy run
    d1 = next((r["words_per_s"] for r in rows if r["config"] == "dask_1"), None)
    cols = ["config", "docs", "words", "docs_per_s", "words_per_s", "words_per_cpu_s", "peak_rss_mb", "cores_used",
            "load"]
    print("| " + " | ".join(cols) + " | × spaCy sm (CPU) | × 1 worker (wall) | note |")
    print("|" + "---|" * (len(cols) + 3))
    for r in rows:
        vs = f"{r['words_per_cpu_s'] / base:.2f}" if base else ""
        sc = f"{r['words_per_s'] / d1:.2f}" if d1 and r["config"].startswith("dask") else ""
        print("| " + " | ".join(str(r[c]) for c in cols) + f" | {vs} | {sc} | {r.get('note', '')} |")


if __name__ == "__main__":
    main()
