"""What the attribution stage adds to the pipeline's time (target: at most 20%).

    .venv/bin/python benchmarks/bench_attribution.py [--data PATH.jsonl] [--docs 30] [--repeat 2] [--cpu]

Reads the first N documents of the Ukraine news corpus (../shared/corpus, never copied here) and runs the
default pipeline twice over them: with every available stage, and with the same stages minus attribution.
Both include parsing, so the figure also counts the extra sentences the selective parser must parse for the
stage's cues. Also times the stage alone on already-parsed docs. Best of ``--repeat`` runs; skips (exit 0)
when the data is absent. ``--cpu`` times CPU seconds of this process (``time.process_time``) instead of wall
clock: on a machine shared with other jobs the wall-clock share mostly measures them.
"""

from __future__ import annotations

import argparse
import sys
import time

from _common import best_of, read_corpus


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
    with_attr = load_pipeline(load_settings(stages=stages))
    without = load_pipeline(load_settings(stages=tuple(s for s in stages if s != "attribution")))
    n_claims = sum(len(r.claims) for r in with_attr.pipe(articles))  # warm-up and count

    t_with = best_of(lambda: list(with_attr.pipe(articles)), args.repeat, clock)
    t_without = best_of(lambda: list(without.pipe(articles)), args.repeat, clock)

    stage = next(s for s in with_attr.stages if s.name == "attribution")
    docs = with_attr._make_docs([a.text for a in articles])  # noqa: SLF001 - the same docs the pipeline makes

    def stage_only() -> None:
        for a, d in zip(articles, docs, strict=True):
            stage(d, ArticleResult(article=a))

    t_stage = best_of(stage_only, args.repeat, clock)
    n = len(articles)
    chars = sum(len(a.text) for a in articles)
    print(f"{n} docs, {chars:,} chars, {n_claims} claims; stages: {', '.join(stages)}; "
          f"{'CPU' if args.cpu else 'wall-clock'} time")
    print(f"pipeline without attribution {t_without:8.2f} s  {1000 * t_without / n:8.1f} ms/doc")
    print(f"pipeline with attribution    {t_with:8.2f} s  {1000 * t_with / n:8.1f} ms/doc")
    print(f"attribution adds             {100 * (t_with - t_without) / t_without:8.1f} %  (target <= 20%)")
    print(f"attribution stage alone      {t_stage:8.2f} s  {1000 * t_stage / n:8.1f} ms/doc")
    return 0


if __name__ == "__main__":
    sys.exit(main())
