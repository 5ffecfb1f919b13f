"""The learned part of event coding: a PLOVER event + mode classifier (TF-IDF n-grams + logistic regression).

Why PLOVER and not ACLED directly: the training data we may use (NGEC's 4,500 synthetic stories) is labelled
with PLOVER events and modes; ACLED-labelled data (CASE-2021) is only for measuring. PLOVER event + mode maps
onto ACLED sub-types through the table in ``data/taxonomy/acled.yaml``; :mod:`.events_rules` supplies the
distinctions PLOVER does not make. The model is stored as plain arrays (``model.npz``) and a JSON vocabulary,
not a pickle: loading it runs no code, and it stays small (a few MB) and reviewable.

Train it again with ``sitreps train events --data ../shared/eval/events`` (seconds on one CPU core).
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError, EvaluationDataMissing, ModelNotFound

if TYPE_CHECKING:
    import numpy as np

__all__ = ["PloverModel", "load_plover_model", "read_ngec", "train_plover_model"]

MODEL_DIR = "data/models/events"
_NO_MODE = "-"
_PLACEHOLDER = re.compile(r"\{[a-z_]+\d*\}")


@dataclass
class PloverModel:
    """Multinomial logistic regression over TF-IDF word 1-2 grams; labels are ``EVENT|MODE``."""

    vocabulary: dict[str, int]
    idf: np.ndarray[Any, Any]
    coef: np.ndarray[Any, Any]  # (n_labels, n_features)
    intercept: np.ndarray[Any, Any]
    labels: list[str]

    def _features(self, texts: list[str]):  # type: ignore[no-untyped-def]
        vec = getattr(self, "_vec", None)
        if vec is None:  # built once: the vectorizer's set-up costs more than transforming a few sentences
            vec = _vectorizer(vocabulary=self.vocabulary)
            vec.fit(["x"])  # builds the analyzer with the fixed vocabulary; idf_ is replaced below
            vec.idf_ = self.idf
            self._vec = vec
        return vec.transform(texts)

    def predict_proba(self, texts: list[str]) -> np.ndarray[Any, Any]:
        import numpy as np

        x = self._features(texts)
        logits = x @ self.coef.T + self.intercept
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        out: np.ndarray[Any, Any] = p / p.sum(axis=1, keepdims=True)
        return out

    def predict(self, texts: list[str]) -> list[tuple[str, str | None, float]]:
        """``(event, mode or None, probability)`` for each text."""
        probs = self.predict_proba(texts)
        out = []
        for row in probs:
            i = int(row.argmax())
            event, mode = self.labels[i].split("|", 1)
            out.append((event, None if mode == _NO_MODE else mode, float(row[i])))
        return out

    def event_proba(self, texts: list[str]) -> list[dict[str, float]]:
        """Probability of each PLOVER event (modes summed) for each text."""
        probs = self.predict_proba(texts)
        out = []
        for row in probs:
            d: dict[str, float] = {}
            for label, p in zip(self.labels, row, strict=True):
                ev = label.split("|", 1)[0]
                d[ev] = d.get(ev, 0.0) + float(p)
            out.append(d)
        return out

    def save(self, directory: Path) -> None:
        import numpy as np

        directory.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(directory / "model.npz", idf=self.idf.astype(np.float32),
                            coef=self.coef.astype(np.float32), intercept=self.intercept.astype(np.float32))
        terms = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        (directory / "meta.json").write_text(json.dumps({"labels": self.labels, "terms": terms}), "utf-8")


def _vectorizer(vocabulary: dict[str, int] | None = None):  # type: ignore[no-untyped-def]
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(ngram_range=(1, 2), min_df=1 if vocabulary else 2, max_features=None if vocabulary
                           else 8000, sublinear_tf=True, lowercase=True, vocabulary=vocabulary,
                           token_pattern=r"(?u)\b[a-zA-Z][a-zA-Z-]+\b", stop_words="english")


def load_plover_model(directory: Path | None = None) -> PloverModel:
    """Load the shipped model (or one saved under ``directory`` by :func:`train_plover_model`)."""
    import numpy as np

    if directory is None:
        base = resources.files("sitreps").joinpath(MODEL_DIR)
        npz, meta = base.joinpath("model.npz"), base.joinpath("meta.json")
    else:
        npz, meta = directory / "model.npz", directory / "meta.json"
    if not npz.is_file() or not meta.is_file():
        raise ModelNotFound(f"event model not found at {npz}; train it with "
                            f"`sitreps train events --data ../shared/eval/events`")
    with npz.open("rb") as fh:
        arrays = np.load(fh)
        idf, coef, intercept = arrays["idf"], arrays["coef"], arrays["intercept"]
    info = json.loads(meta.read_text("utf-8"))
    vocab = {t: i for i, t in enumerate(info["terms"])}
    if coef.shape != (len(info["labels"]), len(vocab)):
        raise ConfigError(f"event model at {npz} is inconsistent (coef {coef.shape}, {len(vocab)} terms); "
                          f"train it again with `sitreps train events`")
    return PloverModel(vocab, idf, coef, intercept, info["labels"])


def _lead(text: str, max_chars: int = 700) -> str:
    """The story's lead: the event a story is labelled with is told in its first sentences."""
    text = _PLACEHOLDER.sub(" ", text)
    return text[:max_chars]


def read_ngec(data: Path) -> tuple[list[str], list[str]]:
    """Texts and ``EVENT|MODE`` labels of NGEC's synthetic stories under ``data`` (the events/ folder)."""
    files = sorted((data / "ngec").glob("gpt_synthetic_events_*.csv"))
    if not files:
        raise EvaluationDataMissing(f"no ngec/gpt_synthetic_events_*.csv under {data}; pass --data "
                                    f"pointing at ../shared/eval/events")
    texts, labels = [], []
    csv.field_size_limit(10_000_000)
    for f in files:
        with f.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                if not row.get("text") or not row.get("label"):
                    continue
                texts.append(_lead(row["text"]))
                labels.append(f"{row['label']}|{row.get('mode') or _NO_MODE}")
    return texts, labels


def train_plover_model(data: Path, c: float = 4.0, seed: int = 13) -> tuple[PloverModel, dict[str, float]]:
    """Fit the model on NGEC; returns it with 3-fold cross-validated accuracy (event and event|mode)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    texts, labels = read_ngec(data)
    vec = _vectorizer()
    x = vec.fit_transform(texts)
    clf = LogisticRegression(C=c, max_iter=2000, random_state=seed)
    y = np.array(labels)
    folds = StratifiedKFold(n_splits=3, shuffle=True, random_state=seed)
    pred = cross_val_predict(clf, x, y, cv=folds)
    ev = np.array([label.split("|")[0] for label in labels])
    pev = np.array([p.split("|")[0] for p in pred])
    metrics = {"n": float(len(labels)), "cv_event_mode_acc": float((pred == y).mean()),
               "cv_event_acc": float((pev == ev).mean())}
    clf.fit(x, y)
    model = PloverModel(dict(vec.vocabulary_), vec.idf_.astype(np.float32), clf.coef_.astype(np.float32),
                        clf.intercept_.astype(np.float32), [str(c) for c in clf.classes_])
    return model, metrics
