"""Does a setting change what sitreps extracts? Run the pipeline twice over the same documents, once with the
default settings and once with ``--set NAME=VALUE`` overrides, and diff ``ArticleResult.to_dict()``.

    .venv/bin/python benchmarks/check_same_records.py --limit 40 --set fast_attrs=0
    .venv/bin/python benchmarks/check_same_records.py --limit 300 --set fast_attrs=0 --tokens

``--tokens`` compares spaCy's token attributes (text, tag, POS, morphology, lemma, dependency, head, entity)
instead of records: faster, and stricter for changes to the spaCy part. Both pipelines are loaded in this
process before either runs, so both see the same code and the same gazetteer even while other engineers edit
the working tree (a gazetteer rebuilt between two separate runs renumbers its synthetic ids).
Corpus: ../shared/corpus/*.jsonl (round-robin, as bench_pipeline.py), else the demo corpus. Exit status 1 when
anything differs.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_pipeline import corpus_files, load_articles  # noqa: E402


def _value(raw: str) -> Any:
    low = raw.lower()
    if low in {"0", "false", "no", "off"}:
        return False
    if low in {"1", "true", "yes", "on"}:
        return True
    try:
        return int(raw)
    except ValueError:
        return raw


def token_rows(doc: Any) -> list[tuple[Any, ...]]:
    return [(t.idx, t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_,
             t.is_sent_start) for t in doc]


def load(overrides: dict[str, Any], tokens: bool) -> Any:
    from sitreps.settings import load_settings

    settings = load_settings(**overrides)
    if tokens:
        from sitreps.nlp import load_nlp

        return settings, load_nlp(settings)
    from sitreps.pipeline import load_pipeline

    return settings, load_pipeline(settings)


def run(loaded: Any, articles: list[Any], tokens: bool) -> tuple[list[Any], float]:
    settings, runner = loaded
    c0 = time.process_time()
    if tokens:
        out: list[Any] = [token_rows(d) for d in runner.pipe([a.text for a in articles],
                                                             batch_size=settings.batch_size)]
    else:
        out = [r.to_dict() for r in runner.pipe(articles)]  # batches of settings.batch_size
    return out, time.process_time() - c0


def first_difference(a: Any, b: Any, path: str = "") -> str | None:
    if type(a) is not type(b):
        return f"{path}: {a!r} != {b!r}"
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b), key=str):
            if k not in a or k not in b:
                return f"{path}.{k}: only in {'B' if k not in a else 'A'}"
            d = first_difference(a[k], b[k], f"{path}.{k}")
            if d:
                return d
        return None
    if isinstance(a, list | tuple):
        if len(a) != len(b):
            return f"{path}: {len(a)} items != {len(b)} items"
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            d = first_difference(x, y, f"{path}[{i}]")
            if d:
                return d
        return None
    return None if a == b else f"{path}: {a!r} != {b!r}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", action="append", help="JSONL file or glob (repeatable)")
    ap.add_argument("--limit", type=int, default=40, help="documents (round-robin over the files)")
    ap.add_argument("--skip", type=int, default=0, help="leave out the first N of those documents")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE", help="setting for run B")
    ap.add_argument("--base", action="append", default=[], metavar="NAME=VALUE", help="setting for run A")
    ap.add_argument("--tokens", action="store_true", help="compare spaCy token attributes, not records")
    args = ap.parse_args()
    a_set = dict(s.split("=", 1) for s in args.base)
    b_set = dict(s.split("=", 1) for s in args.set)
    articles = load_articles(corpus_files(args.corpus), args.limit + args.skip)[args.skip:]
    # both loaded before either runs: a gazetteer cache rebuilt on disk meanwhile (another process) reaches neither
    a_loaded = load({k: _value(v) for k, v in a_set.items()}, args.tokens)
    b_loaded = load({k: _value(v) for k, v in b_set.items()}, args.tokens)
    a_out, a_cpu = run(a_loaded, articles, args.tokens)
    b_out, b_cpu = run(b_loaded, articles, args.tokens)
    differ = 0
    for art, x, y in zip(articles, a_out, b_out, strict=True):
        d = first_difference(x, y)
        if d:
            differ += 1
            print(f"{art.id}: {d[:300]}")
    unit = "tokens" if args.tokens else "records"
    count = sum(len(x) for x in a_out) if args.tokens else sum(
        sum(len(v) for k, v in x.items() if isinstance(v, list) and k != "errors") for x in a_out)
    print(json.dumps({"docs": len(articles), unit: count, "docs_differing": differ, "A": a_set or "defaults",
                      "B": b_set or "defaults", "cpu_s_A": round(a_cpu, 2), "cpu_s_B": round(b_cpu, 2)}))
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
