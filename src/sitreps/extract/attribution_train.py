"""Train the attribution CRF on PolNeAR train: one command, CPU only, a few minutes, same input → same model.

``sitreps train attribution --data ../shared/eval/attribution/polnear``. The training text is read at run
time and never stored; only the learned weights (``data/models/attribution/attribution.crfsuite``) and the
list of words annotators often marked as cues (``cue_words.txt``, single words, next to it) are, the
per-lemma cue prior (``cue_prior.tsv``: lemma, uses, uses inside a gold cue, for lemmas used often), and the
cue classifier's weights (``cue_classifier.crfsuite``, :mod:`attribution_cues`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from .attribution_crf import (
    CUE_PRIOR_FILE,
    CUE_WORDS_FILE,
    default_model_path,
    doc_features,
    token_labels,
    train_crf,
)


def _gold_spans(gold: Any) -> list[tuple[str, int, int, int]]:
    spans = []
    for sid, (role, items) in enumerate((r, s) for r, lst in gold.spans.items() for s in lst):
        tag = {"source": "SRC", "cue": "CUE", "content": "CON"}[role]
        for start, end in items:
            spans.append((tag, start, end, sid))
    # cues first: a token inside both a cue and a content span (rare, annotator overlap) is a cue
    spans.sort(key=lambda t: {"CUE": 0, "SRC": 1, "CON": 2}[t[0]])
    return spans


def _cue_mask(gold: Any, doc: Any) -> bytearray:
    """One byte per character of ``doc``'s text, 1 inside a gold cue segment."""
    mask = bytearray(len(doc.text) + 1)
    for s, e in (seg for segs in gold.spans["cue"] for seg in segs):
        mask[s:e] = b"\x01" * (e - s)
    return mask


def learn_cue_words(golds: list[Any], docs: list[Any], min_count: int = 3, min_share: float = 0.05
                    ) -> list[str]:
    """Words (lower case) and lemmas inside gold cue spans at least ``min_count`` times and in at least
    ``min_share`` of their occurrences: the cue vocabulary of the annotation scheme, beyond the GGT verbs."""
    as_cue: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for gold, doc in zip(golds, docs, strict=True):
        cue_chars = _cue_mask(gold, doc)
        for t in doc:
            if t.is_space or (t.is_punct and t.text not in {":", "―"}) or t.is_stop and t.lower_ not in {
                    "according", "call", "called"}:
                continue
            keys = {t.lower_, t.lemma_.lower()}
            for key in keys:
                seen[key] += 1
                if cue_chars[t.idx]:
                    as_cue[key] += 1
    return sorted(w for w, n in as_cue.items() if n >= min_count and n >= min_share * seen[w])


def build_sequences(nlp: Any, golds: list[Any], progress: Callable[[str], None] | None = None, *,
                    docs: Iterable[Any] | None = None, learned: frozenset[str] = frozenset()
                    ) -> list[tuple[list[list[str]], list[str]]]:
    """(features, BIO labels) per block of sentences of every gold document (``GoldDoc`` from
    evaluate.attribution); ``docs`` are the parsed texts when already at hand."""
    seqs: list[tuple[list[list[str]], list[str]]] = []
    parsed = docs if docs is not None else nlp.pipe([d.text for d in golds], batch_size=16)
    for k, (gold, doc) in enumerate(zip(golds, parsed, strict=True)):
        spans = _gold_spans(gold)
        for block, feats in doc_features(doc, learned=learned):
            if feats:
                seqs.append((feats, token_labels(block.tokens, spans)))
        if progress and k % 50 == 0:
            progress(f"featurised {k}/{len(golds)} documents")
    return seqs


def train_attribution(data: str | Path | None = None, out: str | Path | None = None, *,
                      limit: int | None = None, max_iterations: int = 80, c1: float = 0.05,
                      c2: float = 0.01, progress: Callable[[str], None] | None = None, accept: bool = False,
                      only_accept: bool = False) -> Path:
    """Parse PolNeAR train with the configured spaCy model, learn the cue words, featurise, train the CRF, the
    cue classifier and (``accept``) the CRF claim filter, write them to ``out``'s directory; ``only_accept``:
    only the filter (its training does not read the directory's other models)."""
    from ..evaluate.attribution import load_polnear
    from ..nlp import load_nlp
    from ..settings import load_settings

    golds = load_polnear(data, "train", limit)
    nlp = load_nlp(load_settings())
    docs = list(nlp.pipe([d.text for d in golds], batch_size=16))
    path = Path(out) if out else default_model_path()
    if only_accept:
        path.parent.mkdir(parents=True, exist_ok=True)
        return train_crf_accept(golds, docs, path.parent, max_iterations=max_iterations, c1=c1, c2=c2,
                                progress=progress)
    return train_from_parsed(golds, docs, path, max_iterations=max_iterations, c1=c1, c2=c2, progress=progress,
                             accept=accept)


def count_cue_prior(golds: list[Any], docs: list[Any], min_uses: int = 30) -> list[tuple[str, int, int]]:
    """(lemma, uses, uses inside a gold cue) for word lemmas used at least ``min_uses`` times: how often
    annotators mark a word as (part of) a cue when it occurs. Recovered CRF cues of rarely marked lemmas are
    dropped (``attribution_crf.CUE_PRIOR_MIN``)."""
    uses: Counter[str] = Counter()
    in_cue: Counter[str] = Counter()
    for gold, doc in zip(golds, docs, strict=True):
        cue_chars = _cue_mask(gold, doc)
        for t in doc:
            if t.is_space or t.is_punct:
                continue
            key = t.lemma_.lower()
            uses[key] += 1
            if cue_chars[t.idx]:
                in_cue[key] += 1
    return sorted((w, n, in_cue[w]) for w, n in uses.items()
                  if n >= min_uses and w.strip() and "\t" not in w)


def write_cue_prior(rows: list[tuple[str, int, int]], path: Path) -> None:
    lines = ["# lemma, uses on PolNeAR train (spaCy lemmas, word tokens), uses inside a gold cue; lemmas used >= 30 times"]
    path.write_text("\n".join(lines + [f"{w}\t{n}\t{c}" for w, n, c in rows]) + "\n", encoding="utf-8")


def train_from_parsed(golds: list[Any], docs: list[Any], path: Path, *, max_iterations: int = 80,
                      c1: float = 0.05, c2: float = 0.01, progress: Callable[[str], None] | None = None,
                      accept: bool = False) -> Path:
    """Cue words + CRF + cue classifier from already parsed gold documents; ``accept``: the CRF claim filter
    too (cross-fitted, :func:`train_crf_accept`)."""
    words = learn_cue_words(golds, docs)
    path.parent.mkdir(parents=True, exist_ok=True)
    (path.parent / CUE_WORDS_FILE).write_text("\n".join(words) + "\n", encoding="utf-8")
    write_cue_prior(count_cue_prior(golds, docs), path.parent / CUE_PRIOR_FILE)
    seqs = build_sequences(None, golds, progress, docs=docs, learned=frozenset(words))
    if progress:
        progress(f"training on {len(seqs)} sentence blocks from {len(golds)} documents, {len(words)} cue words")
    train_crf(seqs, path, c1=c1, c2=c2, max_iterations=max_iterations)
    train_cue_classifier(golds, docs, path.parent, progress=progress)
    if accept:
        train_crf_accept(golds, docs, path.parent, max_iterations=max_iterations, c1=c1, c2=c2,
                         progress=progress)
    return path


def train_crf_accept(golds: list[Any], docs: list[Any], directory: Path, *, max_iterations: int = 80,
                     c1: float = 0.05, c2: float = 0.01, progress: Callable[[str], None] | None = None) -> Path:
    """The CRF claim filter (:mod:`attribution_accept`) by cross-fitting: a CRF and cue classifier trained on
    each half of the documents (index parity) make claims on the other half; the filter learns from those
    claims, none of which its CRF saw in training. The halves' models are written to a temporary directory
    and removed."""
    import tempfile

    from .attribution import AttributionStage
    from .attribution_accept import ACCEPT_FILE, train_accept, training_items
    from .attribution_crf import load_tagger
    from .attribution_cues import CLASSIFIER_FILE, load_classifier

    items: list[tuple[dict[str, float], str]] = []
    with tempfile.TemporaryDirectory(prefix="sitreps-crossfit-") as tmp:
        for fold in (0, 1):
            fit_g = [g for k, g in enumerate(golds) if k % 2 != fold]
            fit_d = [d for k, d in enumerate(docs) if k % 2 != fold]
            sub = Path(tmp) / f"fold{fold}"
            train_from_parsed(fit_g, fit_d, sub / "attribution.crfsuite", max_iterations=max_iterations, c1=c1,
                              c2=c2, progress=progress, accept=False)
            tagger = load_tagger(sub / "attribution.crfsuite")
            tagger.with_marginals = True
            stage = AttributionStage(tagger, load_classifier(sub / CLASSIFIER_FILE))
            items += training_items([g for k, g in enumerate(golds) if k % 2 == fold],
                                    [d for k, d in enumerate(docs) if k % 2 == fold], stage)
            if progress:
                progress(f"cross-fitting fold {fold}: {len(items)} CRF claims so far")
    if progress:
        progress(f"training the CRF claim filter on {len(items)} CRF claims, "
                 f"{sum(1 for _, label in items if label == 'Y')} with a right cue")
    return train_accept(items, directory / ACCEPT_FILE)


def train_cue_classifier(golds: list[Any], docs: list[Any], directory: Path,
                         progress: Callable[[str], None] | None = None) -> Path:
    """The cue classifier (:mod:`attribution_cues`) on the candidates the rules leave, with the cue prior and
    cue words already written to ``directory``."""
    from .attribution_crf import load_cue_prior, load_cue_words
    from .attribution_cues import CLASSIFIER_FILE, train_classifier, training_items

    prior = load_cue_prior.__wrapped__(str(directory / CUE_PRIOR_FILE))
    words = load_cue_words.__wrapped__(str(directory / CUE_WORDS_FILE))
    items = training_items(golds, docs, prior, words)
    if progress:
        progress(f"training the cue classifier on {len(items)} candidates, "
                 f"{sum(1 for _, label in items if label == 'C')} inside a gold cue")
    return train_classifier(items, directory / CLASSIFIER_FILE)
