"""``sitreps train events``: train the ACLED and PLOVER event classifiers again (see events_classifier)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..cli import train_app


@train_app.command("events")
def train_events_cli(
    data: Annotated[Path | None, typer.Option(
        "--data", help="The events directory holding ngec/gpt_synthetic_events_*.csv; "
        "default: ../shared/eval/events.")] = None,
    out: Annotated[Path | None, typer.Option(
        "--out", help="Where to write model.npz and meta.json (default: the package's data/models/events).")] = None,
    word_vectors: Annotated[Path | None, typer.Option(
        "--word-vectors", help="The static word vectors whose pooled value the ACLED model also reads (round 13; "
        "made by `sitreps train word-vectors`); default: the shipped data/models/word_vectors.npz. A model "
        "trained with other vectors needs them in that place to load.")] = None,
    no_word_vectors: Annotated[bool, typer.Option(
        "--no-word-vectors", help="Sparse TF-IDF features only (the round-12 model).")] = False,
    dense_scale: Annotated[float, typer.Option(
        "--dense-scale", help="Length of the pooled word-vector block against the unit-length TF-IDF blocks "
        "(round 13: 0.3 chosen over 1.0 and 0.5).")] = 0.3,
) -> None:
    """Fit the two event models (CPU, a few minutes; same data and seeds give the same models): the ACLED
    sub-type model on sitreps' own synthetic ACLED-style snippets (extract/events_synth.py) plus ConfliBERT
    news sentences it labels confidently (weak supervision), and the PLOVER event model on NGEC's synthetic
    stories at sentence level (headline + first sentence). The ACLED model's rule bonus and no-event threshold
    are chosen on sitreps' own labelled sentences (data/models/events/acled_validation.tsv, written) and its
    own labels on real news sentences (real_validation.tsv: references only, text read from ../shared).
    CASE-2021 dev is never read here."""
    from ..evaluate.common import find_shared, run_or_skip
    from ..extract.events_classifier import (
        MODEL_DIR,
        read_acled_validation,
        read_real_validation,
        train_acled_model,
        train_plover_model,
        weak_acled_labels,
    )

    def run() -> Path:
        base = find_shared("eval/events", data, what="NGEC training stories")
        target = out or Path(__file__).resolve().parents[1] / MODEL_DIR
        # Round 3: a first model on the synthetic snippets labels ConfliBERT news sentences where it and the
        # rules agree with probability >= 0.8 (weak supervision); the shipped model is trained on both.
        vectors = None
        if not no_word_vectors:
            from ..extract.word_vectors import load_word_vectors

            vectors = load_word_vectors(word_vectors)
        first, _ = train_acled_model(vectors=vectors, dense_scale=dense_scale)
        weak = weak_acled_labels(base, first)
        # Round 8: the rule bonus and no-event threshold are chosen on our written sentences and our labels on
        # real news sentences together (the real ones alone hold too few non-ACLED sentences to place the
        # no-event threshold: 27 of 274); without ../shared the real ones are absent and the written ones decide.
        ours = read_acled_validation()
        real = read_real_validation(base.parents[1])
        validation = (ours[0] + real[0], ours[1] + real[1])
        acled, ametrics = train_acled_model(extra=weak, validation=validation, vectors=vectors,
                                            dense_scale=dense_scale)
        ametrics["weak_sentences"] = float(len(weak[0]))
        ametrics["real_sentences"] = float(len(real[0]))
        acled.save(target)
        typer.echo("acled: " + ", ".join(f"{k}={v:.3f}" for k, v in ametrics.items() if not k.startswith("val_wf1")))
        model, metrics = train_plover_model(base)
        model.save(target)
        typer.echo("plover: " + ", ".join(f"{k}={v:.3f}" for k, v in metrics.items()))
        return target

    target = run_or_skip(run, echo=typer.echo)
    if target is not None:
        typer.echo(f"wrote {target}/model.npz")
