"""Train the attribution CRF on PolNeAR train: one command, CPU only, a few minutes, same input → same model.

``sitreps train attribution --data ../shared/eval/attribution/polnear``. The training text is read at run
time and never stored; only the learned weights (``data/models/attribution/attribution.crfsuite``) are.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from .attribution_crf import default_model_path, doc_features, token_labels, train_crf


def build_sequences(nlp: Any, docs: list[Any], progress: Callable[[str], None] | None = None
                    ) -> list[tuple[list[list[str]], list[str]]]:
    """(features, BIO labels) per sentence of every gold document (``GoldDoc`` from evaluate.attribution)."""
    seqs: list[tuple[list[list[str]], list[str]]] = []
    texts = [d.text for d in docs]
    for k, (gold, doc) in enumerate(zip(docs, nlp.pipe(texts, batch_size=16), strict=True)):
        spans = []
        for sid, (role, items) in enumerate(
                (r, s) for r, lst in gold.spans.items() for s in lst):
            tag = {"source": "SRC", "cue": "CUE", "content": "CON"}[role]
            for start, end in items:
                spans.append((tag, start, end, sid))
        # cues first: a token inside both a cue and a content span (rare, annotator overlap) is a cue
        spans.sort(key=lambda t: {"CUE": 0, "SRC": 1, "CON": 2}[t[0]])
        for sent, feats in doc_features(doc):
            if feats:
                seqs.append((feats, token_labels(sent, spans)))
        if progress and k % 50 == 0:
            progress(f"featurised {k}/{len(docs)} documents")
    return seqs


def train_attribution(data: str | Path | None = None, out: str | Path | None = None, *,
                      limit: int | None = None, max_iterations: int = 60, c1: float = 0.05,
                      c2: float = 0.01, progress: Callable[[str], None] | None = None) -> Path:
    """Parse PolNeAR train with the configured spaCy model, featurise, train the CRF, write it to ``out``."""
    from ..evaluate.attribution import load_polnear
    from ..nlp import load_nlp
    from ..settings import load_settings

    docs = load_polnear(data, "train", limit)
    nlp = load_nlp(load_settings())
    seqs = build_sequences(nlp, docs, progress)
    if progress:
        progress(f"training on {len(seqs)} sentences from {len(docs)} documents")
    path = Path(out) if out else default_model_path()
    return train_crf(seqs, path, c1=c1, c2=c2, max_iterations=max_iterations)
