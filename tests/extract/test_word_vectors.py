"""Static word vectors (extract/word_vectors.py): look-up, pooling, storage, and an ACLED model that reads them,
on vectors and sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from sitreps.errors import ConfigError
from sitreps.extract.events_classifier import fit_acled_model, load_acled_model
from sitreps.extract.word_vectors import WordVectors, load_word_vectors, words_of

# scikit-learn's logistic regression passes an L-BFGS option scipy deprecates: not ours to fix
_LBFGS = pytest.mark.filterwarnings("ignore:scipy.optimize:DeprecationWarning")


def _toy() -> WordVectors:
    words = ["rockets", "shelled", "protest", "ceasefire", "the"]
    matrix = np.array([[1.0, 0.0, 0.0], [0.8, 0.2, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0], [0.3, 0.3, 0.3]],
                      dtype=np.float32)
    weights = np.array([1.0, 1.0, 1.0, 1.0, 0.1], dtype=np.float32)
    return WordVectors(words, matrix, weights, "toy")


def test_words_are_lower_cased_with_inner_hyphens() -> None:
    assert words_of("The CEASE-FIRE held; 12 rockets, o'clock.") == ["the", "cease-fire", "held", "rockets",
                                                                        "o'clock"]


def test_lookup_and_unknown_words() -> None:
    vec = _toy()
    assert vec.lookup("rockets") == 0
    assert vec.lookup("Rockets") is None  # look-up is on lower-cased words; rows() lower-cases the text
    assert vec.rows("ROCKETS hit the town") == [0, 4]
    assert vec.rows("a quiet morning") == []
    # an unknown hyphenated word gives its known parts
    assert vec.rows("a protest-ceasefire deal") == [2, 3]


def test_pooling_is_a_weighted_unit_mean_and_zero_without_known_words() -> None:
    vec = _toy()
    pooled = vec.pool(["", "nothing known here", "rockets shelled the", "protest"])
    assert pooled.shape == (4, 3)
    assert not pooled[0].any() and not pooled[1].any()
    expected = 1.0 * vec.matrix[0] + 1.0 * vec.matrix[1] + 0.1 * vec.matrix[4]
    np.testing.assert_allclose(pooled[2], expected / np.linalg.norm(expected), rtol=1e-6)
    np.testing.assert_allclose(pooled[3], [0.0, 1.0, 0.0])
    # order and repetition of the same words do not matter beyond their counts
    np.testing.assert_allclose(vec.pool(["shelled rockets"])[0], vec.pool(["rockets shelled"])[0], rtol=1e-6)


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    vec = _toy()
    vec.save(tmp_path / "v.npz")
    back = load_word_vectors(tmp_path / "v.npz")
    assert back.words == vec.words and back.source == "toy"
    np.testing.assert_allclose(back.matrix, vec.matrix, atol=1e-3)  # stored as float16
    assert back.matrix.dtype == np.float32


def test_inconsistent_vectors_are_refused() -> None:
    with pytest.raises(ValueError):
        WordVectors(["a", "b"], np.zeros((3, 2), dtype=np.float32), np.ones(2, dtype=np.float32))


_TOY_TRAIN = [("Rockets shelled the village at dawn, residents said.", "ART_MISS_ATTACK"),
              ("Rockets shelled the market at dawn, officials said.", "ART_MISS_ATTACK"),
              ("Rockets hit the depot late at night, residents said.", "ART_MISS_ATTACK"),
              ("A protest filled the square at dawn, residents said.", "PEACE_PROTEST"),
              ("A protest blocked the road at dawn, officials said.", "PEACE_PROTEST"),
              ("A protest marched to the hall late at night, residents said.", "PEACE_PROTEST"),
              ("A ceasefire held in the village at dawn, residents said.", "AGREEMENT"),
              ("A ceasefire was signed at the hall late at night, officials said.", "AGREEMENT"),
              ("The ceasefire held at the market at dawn, officials said.", "AGREEMENT")]


@_LBFGS
def test_a_model_with_vectors_saves_and_refuses_other_vectors(tmp_path: Path) -> None:
    vec = _toy()
    texts, labels = [t for t, _ in _TOY_TRAIN], [lab for _, lab in _TOY_TRAIN]
    model = fit_acled_model(texts, labels, vectors=vec, dense_scale=0.5)
    assert model.coef.shape[1] == len(model.word_vocab) + len(model.char_vocab) + vec.dim
    model.save(tmp_path)
    back = load_acled_model(tmp_path, vectors=vec)
    assert back.dense_scale == 0.5
    np.testing.assert_allclose(back.predict_proba(texts), model.predict_proba(texts), atol=1e-2)  # float16 coef
    other = WordVectors(vec.words, vec.matrix * 2, vec.weights, "other")
    with pytest.raises(ConfigError):
        load_acled_model(tmp_path, vectors=other)


def test_shipped_vectors_load_and_know_news_words() -> None:
    vec = load_word_vectors()
    assert "all-MiniLM-L6-v2" in vec.source
    assert len(vec.words) > 30000 and vec.dim >= 32
    for word in ("shelled", "protesters", "kidnapped", "airstrike", "ceasefire"):
        assert vec.lookup(word) is not None
    pooled = vec.pool(["Protesters marched to the parliament.", "", "zzqx"])
    assert abs(float(np.linalg.norm(pooled[0])) - 1.0) < 1e-4 and not pooled[1].any() and not pooled[2].any()


_FRAMES = ("{} in the north on Monday, officials said.", "Local reports said {} near the river town.",
           "{} late on Sunday, according to residents.", "Witnesses said {} close to the main road.")
_KEYS = {"AIR_STRIKE": ("warplanes bombed houses", "aircraft bombed a depot", "jets bombed the market"),
         "PEACE_PROTEST": ("protesters marched peacefully", "demonstrators rallied peacefully",
                           "protesters chanted slogans"),
         "ABDUCT_DISSAP": ("gunmen kidnapped a trader", "armed men kidnapped two teachers",
                           "gunmen kidnapped a driver")}


@_LBFGS
def test_vectors_let_the_model_code_a_word_it_never_saw_in_training() -> None:
    vec = load_word_vectors()
    texts = [f.format(k).capitalize() for keys in _KEYS.values() for k in keys for f in _FRAMES]
    labels = [lab for lab, keys in _KEYS.items() for _ in keys for _ in _FRAMES]
    unseen = "Militants snatched a pastor on the highway."
    seen_words = {w for t in texts for w in words_of(t)}
    assert not {"militants", "snatched", "pastor"} & seen_words  # the key words are new to the model ...
    assert all(vec.lookup(w) is not None for w in ("militants", "snatched", "pastor"))  # ... not to the vectors
    with_vectors = fit_acled_model(texts, labels, vectors=vec, dense_scale=1.0)
    without = fit_acled_model(texts, labels)
    assert with_vectors.labels[int(with_vectors.predict_proba([unseen])[0].argmax())] == "ABDUCT_DISSAP"
    assert without.labels[int(without.predict_proba([unseen])[0].argmax())] != "ABDUCT_DISSAP"
