"""`sitreps extract`: JSON lines in the public shape, tables, errors on stderr, exit codes."""

from __future__ import annotations

import json

import pytest

PUBLIC_KEYS = {"article", "places", "times", "quantities", "claims", "actors", "events"}


def _check_evidence(obj: object, text: str) -> int:
    """Count every evidence object under ``obj`` and check it matches ``text``."""
    n = 0
    if isinstance(obj, dict):
        if set(obj) >= {"start", "end", "text"} and isinstance(obj.get("start"), int):
            assert text[obj["start"] : obj["end"]] == obj["text"]
            n += 1
        for value in obj.values():
            n += _check_evidence(value, text)
    elif isinstance(obj, list):
        n += sum(_check_evidence(v, text) for v in obj)
    return n


@pytest.mark.slow
def test_cli_extract_json_lines_and_errors(cli, docs) -> None:
    result = cli("extract", str(docs), "--published", "2022-05-18")
    assert result.exit_code == 1, result.output
    records = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert len(records) == 2
    for rec in records:
        assert PUBLIC_KEYS <= set(rec)
        assert {"id", "title", "url", "published", "text", "boilerplate"} <= set(rec["article"])
        _check_evidence({k: v for k, v in rec.items() if k != "article"}, rec["article"]["text"])
    lozova = next(r for r in records if r["article"]["text"].startswith("Russian artillery"))
    assert lozova["article"]["published"] == "2022-05-18"  # the --published default applied
    assert any(t["evidence"]["text"] == "on Tuesday" and t["value"] == "2022-05-17" for t in lozova["times"])
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2
    assert all("feed.jsonl:line" in line for line in errors)


@pytest.mark.slow
def test_cli_extract_all_good_exits_zero_and_reads_stdin(cli, good_text) -> None:
    result = cli("extract", "-", "--published", "2022-05-18", "--format", "table",
                 input=good_text.encode("utf-8"))
    assert result.exit_code == 0, result.output
    assert "on Tuesday" in result.stdout and "Times" in result.stdout
    assert not [line for line in result.stderr.splitlines() if line.startswith("error:")]


def test_cli_extract_only_bad_documents_needs_no_model(cli, tmp_path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_text("  \n", encoding="utf-8")
    result = cli("extract", str(bad))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "empty.txt" in result.stderr and "E012" in result.stderr


def test_cli_extract_missing_path_is_an_error(cli, tmp_path) -> None:
    result = cli("extract", str(tmp_path / "nowhere.txt"))
    assert result.exit_code == 1
    assert "nowhere.txt" in result.stderr
