"""`sitreps batch` takes the reader options of `sitreps ingest` (one definition) and reads with them."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitreps.scale import batch as batch_mod

READER_OPTIONS = {"--published", "--input-format", "--text-field", "--title-field", "--date-field", "--url-field",
                  "--id-field", "--outlet-field", "--max-chars", "--csv-delimiter", "--encoding"}


def _options(command: str) -> dict[str, str | None]:
    """{option: help} of one CLI command."""
    import typer

    from sitreps.cli import app

    click_cmd = typer.main.get_command(app).commands[command]  # type: ignore[attr-defined]
    return {opt: p.help for p in click_cmd.params for opt in p.opts if opt.startswith("--")}


def test_batch_has_the_reader_options_of_ingest() -> None:
    ingest, batch = _options("ingest"), _options("batch")
    assert READER_OPTIONS <= set(ingest)
    for opt in READER_OPTIONS:
        assert batch.get(opt) == ingest[opt], opt  # the same option, the same help: one definition


@pytest.mark.slow
def test_batch_reads_a_cp1251_csv_with_semicolons_and_its_own_text_column(tmp_path: Path, pipeline,
                                                                            settings) -> None:
    from typer.testing import CliRunner

    from sitreps.cli import app

    texts = ["Обстріл пошкодив міст у Харкові, повідомили посадовці.",
             "Shelling damaged a bridge near Izium; officials said two people were hurt."]
    rows = ["ref;body;date"] + [f"r{i};\"{t}\";2022-05-1{i}" for i, t in enumerate(texts)]
    src = tmp_path / "reports.csv"
    src.write_bytes(("\n".join(rows) + "\n").encode("cp1251"))
    batch_mod._PIPELINES[repr(settings)] = pipeline  # the session's pipeline serves as this process's worker
    try:
        out = tmp_path / "out"
        result = CliRunner().invoke(app, ["batch", str(src), "--output", str(out), "--engine", "local",
                                          "--text-field", "body", "--id-field", "ref", "--csv-delimiter", ";",
                                          "--encoding", "cp1251"])
        assert result.exit_code == 0, result.output
        assert "articles: 2" in result.output and "unreadable records: 0" in result.output
        got = sorted((r.article.meta.get("source_id"), r.article.text) for r in batch_mod.read_output(str(out)))
        assert got == [("r0", texts[0]), ("r1", texts[1])]
    finally:
        batch_mod._PIPELINES.pop(repr(settings), None)
