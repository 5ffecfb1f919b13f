"""Annotator-vs-annotator agreement on multiply annotated PolNeAR-style articles (brat standoff we write)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitreps.cli import app
from sitreps.errors import EvaluationDataMissing
from sitreps.evaluate.attribution import annotator_agreement

TEXT = "The mayor said the bridge was closed. Officials believe repairs will take a week.\n"
#        0         1         2         3         4         5         6         7
#        0123456789012345678901234567890123456789012345678901234567890123456789012345678901


def _ann(*rels: tuple[tuple[int, int], tuple[int, int], tuple[int, int]]) -> str:
    lines, k = [], 0
    for e, (src, cue, con) in enumerate(rels, 1):
        ids = []
        for role, (s, t) in (("Source", src), ("Cue", cue), ("Content", con)):
            k += 1
            lines.append(f"T{k}\t{role} {s} {t}\t{TEXT[s:t]}")
            ids.append(f"T{k}")
        lines.append(f"E{e}\tAttribution:{ids[1]} Content:{ids[2]} Cue:{ids[1]} Source:{ids[0]}")
    return "\n".join(lines) + "\n"


MAYOR = ((0, 9), (10, 14), (15, 37))
OFFICIALS = ((38, 47), (48, 55), (56, 81))


def _corpus(root: Path, annotations: dict[str, str], split: str = "dev") -> Path:
    (root / split / "text").mkdir(parents=True)
    (root / split / "attributions").mkdir(parents=True)
    (root / split / "text" / "story.txt").write_text(TEXT, encoding="utf-8")
    for who, ann in annotations.items():
        (root / split / "attributions" / f"story_{who}.ann").write_text(ann, encoding="utf-8")
    return root


def test_two_annotators_who_differ_on_one_attribution(tmp_path: Path) -> None:
    # annotator a found both attributions; b only the mayor's, with the cue widened to "mayor said"
    b_mayor = ((0, 9), (4, 14), (15, 37))
    root = _corpus(tmp_path, {"a": _ann(MAYOR, OFFICIALS), "b": _ann(b_mayor)})
    report = annotator_agreement(root, splits=("dev",))
    assert (report.n_articles, report.n_pairs) == (1, 2)
    cue = report.overlap["cue"]
    # a vs b: 1 of 2 predicted cues match; b vs a: 1 of 1 — summed over both orders
    assert (cue.tp, cue.fp, cue.fn) == (2, 1, 1)
    assert report.exact["cue"].tp == 0  # "said" vs "mayor said": overlap, not exact
    assert report.exact["source"].tp == 2
    name, n_ann, f1 = report.per_article[0]
    assert (name, n_ann) == ("story", 2)
    assert f1["cue"] == pytest.approx(2 / 3)
    assert report.medians()["content"] == pytest.approx(2 / 3)
    assert "2 ordered pairs" in report.render()


def test_identical_annotations_agree_fully_and_singles_are_skipped(tmp_path: Path) -> None:
    root = _corpus(tmp_path, {"a": _ann(MAYOR, OFFICIALS), "b": _ann(MAYOR, OFFICIALS)})
    (root / "dev" / "text" / "other.txt").write_text(TEXT, encoding="utf-8")
    (root / "dev" / "attributions" / "other.ann").write_text(_ann(MAYOR), encoding="utf-8")
    report = annotator_agreement(root, splits=("dev",))
    assert report.n_articles == 1
    for role in ("source", "cue", "content"):
        assert report.overlap[role].fp == report.overlap[role].fn == 0
        assert report.exact[role].tp == 4


def test_no_multiply_annotated_article_is_missing_data(tmp_path: Path) -> None:
    root = _corpus(tmp_path, {"a": _ann(MAYOR)})
    with pytest.raises(EvaluationDataMissing):
        annotator_agreement(root, splits=("dev",))


def test_cli_agreement_json(tmp_path: Path) -> None:
    root = _corpus(tmp_path, {"a": _ann(MAYOR, OFFICIALS), "b": _ann(MAYOR)})
    _corpus(tmp_path, {"a": _ann(MAYOR), "b": _ann(MAYOR)}, split="train")
    out = CliRunner().invoke(app, ["evaluate", "attribution", "--data", str(root), "--agreement", "--json"])
    assert out.exit_code == 0, out.output
    got = json.loads(out.output)
    assert (got["articles"], got["ordered_pairs"]) == (2, 4)
    cue = next(s for s in got["scores"] if s["role"] == "cue" and s["match"] == "overlap")
    assert (cue["tp"], cue["fp"], cue["fn"]) == (4, 1, 1)


def test_cli_agreement_skips_without_data(tmp_path: Path) -> None:
    out = CliRunner().invoke(app, ["evaluate", "attribution", "--data", str(tmp_path / "absent"), "--agreement"])
    assert out.exit_code == 0
    assert out.output.startswith("skipped")
