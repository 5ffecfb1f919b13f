"""CPU time of the extraction stages alone, on documents parsed once.

    .venv/bin/python benchmarks/bench_stages.py [--corpus PATH ...] [--limit N] [--repeat N] [--profile N]

Parses ``--limit`` corpus documents once (round-robin over ``../shared/corpus/*.jsonl``, as bench_pipeline.py),
then runs every stage over every document ``--repeat`` times and prints, per stage, the best total of
``time.process_time`` over the repeats. Before each repeat a document's ``user_data`` is put back as it was
after parsing, so caches kept there by a stage are rebuilt each time, as in a real run. ``--profile N`` then
prints the N largest cumulative entries of a cProfile of one more pass over the stages. Prints the 1-minute
load average beside the figures: on a shared machine read them with it.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import os
import pstats
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_pipeline import corpus_files, load_articles  # noqa: E402


def one_pass(pipeline: Any, pairs: list[tuple[Any, Any]], snaps: list[dict[Any, Any]],
             per_stage: dict[str, float]) -> float:
    from sitreps.model import ArticleResult

    total = 0.0
    for (article, doc), snap in zip(pairs, snaps, strict=True):
        doc.user_data.clear()
        doc.user_data.update(snap)
        result = ArticleResult(article=article)
        for stage in pipeline.stages:
            c0 = time.process_time()
            stage(doc, result)
            dt = time.process_time() - c0
            per_stage[stage.name] = per_stage.get(stage.name, 0.0) + dt
            total += dt
    return total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", action="append", help="JSONL/CSV/Parquet path or glob (repeatable)")
    ap.add_argument("--limit", type=int, default=10)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--profile", type=int, default=0, metavar="N", help="print the N top cumulative entries")
    ap.add_argument("--sort", default="cumulative", help="pstats sort key for --profile (cumulative, tottime)")
    args = ap.parse_args()

    from sitreps.pipeline import load_pipeline

    pipeline = load_pipeline()
    articles = load_articles(corpus_files(args.corpus), args.limit)
    words = sum(len(a.text.split()) for a in articles)
    c0 = time.process_time()
    docs = pipeline._make_docs([a.text for a in articles])
    parse = time.process_time() - c0
    pairs = list(zip(articles, docs, strict=True))
    snaps = [dict(d.user_data) for d in docs]
    one_pass(pipeline, pairs, snaps, {})  # warm-up: lazy loads of lexicons, models, the gazetteer
    gc.collect()
    gc.freeze()
    best: dict[str, float] = {}
    totals = []
    for _ in range(args.repeat):
        per: dict[str, float] = {}
        totals.append(one_pass(pipeline, pairs, snaps, per))
        for k, v in per.items():
            best[k] = min(best.get(k, v), v)
    print(f"{len(articles)} docs, {words:,} words; spaCy parse {parse:.2f} CPU-s; load {os.getloadavg()[0]:.2f}")
    print("stages total, each repeat: " + ", ".join(f"{t:.3f}" for t in totals) + f" CPU-s (best {min(totals):.3f})")
    for name, v in best.items():
        print(f"  {name:12s} {v:7.3f} CPU-s  {1000 * v / len(articles):7.2f} ms/doc")
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        one_pass(pipeline, pairs, snaps, {})
        prof.disable()
        pstats.Stats(prof).sort_stats(args.sort).print_stats(args.profile)


if __name__ == "__main__":
    main()
