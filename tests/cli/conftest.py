"""CLI tests run the real commands in-process through typer's CliRunner, on small texts written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

GOOD_TEXT = (
    "Russian artillery struck a fuel depot in Lozova on Tuesday, regional officials said, "
    "and two people were wounded."
)
SECOND_TEXT = (
    "Ukrainian forces pushed Russian units back from three villages north of Kharkiv over the weekend, "
    "according to the General Staff in Kyiv."
)


class Cli:
    """``cli(args...)`` runs ``sitreps args...`` in-process. Typer is imported here, at run time, where the
    root conftest's warning filter for click's deprecation applies (not at collection)."""

    def __init__(self) -> None:
        from typer.testing import CliRunner

        from sitreps.cli import app

        self._runner = CliRunner()
        self._app = app

    def __call__(self, *args: str, input: bytes | str | None = None):  # noqa: ANN204 - click's Result
        return self._runner.invoke(self._app, list(args), input=input)


@pytest.fixture
def good_text() -> str:
    return GOOD_TEXT


@pytest.fixture
def cli() -> Cli:
    return Cli()


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    """A folder with one good text file and a JSONL file holding one good record, one bad line and one
    record without text: two readable articles and two per-document errors."""
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "lozova.txt").write_text(GOOD_TEXT + "\n", encoding="utf-8")
    lines = [
        json.dumps({"title": "Villages retaken", "date": "2022-05-16", "text": SECOND_TEXT}),
        '{"title": "cut off mid-record", ',
        json.dumps({"title": "nothing here", "text": "   "}),
    ]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


@pytest.fixture
def good_docs(tmp_path: Path) -> Path:
    folder = tmp_path / "good"
    folder.mkdir()
    (folder / "lozova.txt").write_text(GOOD_TEXT + "\n", encoding="utf-8")
    (folder / "kharkiv.txt").write_text(SECOND_TEXT + "\n", encoding="utf-8")
    return folder
