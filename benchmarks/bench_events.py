"""What event coding (the actors and events stages) adds to the pipeline's time (target: at most 20%).

    .venv/bin/python benchmarks/bench_events.py [--data PATH.jsonl] [--docs 30] [--repeat 2] [--cpu]

Reads the first N documents of the Ukraine news corpus (../shared/corpus, never copied here) and runs the
default pipeline over them twice: with every available stage, and with the same stages minus actors and
events. Both include parsing, so the figure also counts any extra sentences the selective parser parses for
the events stage's cues. Also times the two stages alone on already-parsed docs (they read what the other
stages found, so those run first, untimed). Best of ``--repeat`` runs, the runs with and without the stages
taken in turn (so that a change in the machine's load hits both); skips (exit 0) when data is absent.
``--cpu`` times CPU seconds of this process (``time.process_time``) instead of wall-clock time: on a shared
machine other processes' work then does not count.
"""

from __future__ import annotations

import argparse
import sys
import time

from _common import best_of, read_corpus

OURS = ("actors", "events")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", default=None)
    ap.add_argument("--docs", type=int, default=30)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--cpu", action="store_true", help="CPU seconds of this process instead of wall clock")
    args = ap.parse_args()
    clock = time.process_time if args.cpu else time.perf_counter
    rows = read_corpus("corpus/ukraine-news-2022-2024.jsonl", args.data, args.docs, "Ukraine news corpus")
    if rows is None:
        return 0

    from sitreps.extract.registry import available_stages
    from sitreps.ingest import make_article
    from sitreps.model import ArticleResult
    from sitreps.pipeline import load_pipeline
    from sitreps.settings import load_settings

    articles = [make_article(r["text"], published=r.get("date")) for r in rows]
    stages = tuple(available_stages())
    full = load_pipeline(load_settings(stages=stages))
    without = load_pipeline(load_settings(stages=tuple(s for s in stages if s not in OURS)))
    results = list(full.pipe(articles))  # warm-up and count
    n_events = sum(len(r.events) for r in results)
    n_actors = sum(len(r.actors) for r in results)

    t_with = t_without = float("inf")
    for _ in range(args.repeat):  # in turn: load changes during the run hit both
        t_with = min(t_with, best_of(lambda: list(full.pipe(articles)), 1, clock))
        t_without = min(t_without, best_of(lambda: list(without.pipe(articles)), 1, clock))

    docs = full._make_docs([a.text for a in articles])  # noqa: SLF001 - the same docs the pipeline makes
    before = [s for s in full.stages if s.name not in OURS]
    ours = [s for s in full.stages if s.name in OURS]
    prepared = []
    for a, d in zip(articles, docs, strict=True):
        r = ArticleResult(article=a)
        for s in before:
            s(d, r)
        prepared.append((d, r))

    def ours_only() -> None:
        for d, r in prepared:
            r.actors, r.events = [], []
            for s in ours:
                s(d, r)

    t_ours = best_of(ours_only, args.repeat, clock)
    n = len(articles)
    chars = sum(len(a.text) for a in articles)
    print(f"{n} docs, {chars:,} chars, {n_actors} actors, {n_events} events; stages: {', '.join(stages)}; "
          f"{'CPU' if args.cpu else 'wall-clock'} time")
    print(f"pipeline without actors+events {t_without:8.2f} s  {1000 * t_without / n:8.1f} ms/doc")
    print(f"pipeline with actors+events    {t_with:8.2f} s  {1000 * t_with / n:8.1f} ms/doc")
    print(f"event coding adds              {100 * (t_with - t_without) / t_without:8.1f} %  (target <= 20%)")
    print(f"actors+events stages alone     {t_ours:8.2f} s  {1000 * t_ours / n:8.1f} ms/doc")
    return 0


if __name__ == "__main__":
    sys.exit(main())
