"""The hostile-input suite: each document yields an Article or exactly one InputError naming it and why.

Large and deep inputs are generated in ``tmp_path`` at test time (never committed).
"""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest

from sitreps.errors import DocumentTooLarge, EmptyDocument, EncodingError, InputError
from sitreps.ingest import ReadOptions, read_documents
from sitreps.model import Article

PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00"


def _one(path: Path, options: ReadOptions | None = None) -> Article | InputError:
    items = list(read_documents([path], options or ReadOptions()))
    assert len(items) == 1, items
    item = items[0]
    if isinstance(item, InputError):
        assert item.location.startswith(str(path))
        assert str(path) in str(item) and item.reason
    return item


def _where(item: Article | InputError) -> str:
    return item.location if isinstance(item, InputError) else str(item.source_path)


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  \n", "\u00a0\u3000\n".encode()])
def test_ingest_hostile_empty_and_whitespace(tmp_path: Path, content: bytes) -> None:
    p = tmp_path / "blank.txt"
    p.write_bytes(content)
    err = _one(p)
    assert isinstance(err, EmptyDocument) and "empty" in err.reason


@pytest.mark.parametrize("content", [PNG_HEADER + bytes(range(256)) * 4,
                                     random.Random(7).randbytes(4096),
                                     b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(200)])
def test_ingest_hostile_binary(tmp_path: Path, content: bytes) -> None:
    p = tmp_path / "image.txt"
    p.write_bytes(content)
    err = _one(p)
    assert isinstance(err, EncodingError) and "binary" in err.reason


def test_ingest_hostile_invalid_utf8_is_read_not_crashed(tmp_path: Path) -> None:
    p = tmp_path / "mixed.txt"
    p.write_bytes("Shelling near Kyïv, ".encode() + b"\xff\xfe\xfa bad bytes " + b"and more text." * 3)
    item = _one(p)
    # Not UTF-8, so a single-byte decoding is chosen: the document is read, no byte raises.
    assert isinstance(item, Article) and "bad bytes" in item.text


def test_ingest_hostile_explicit_wrong_encoding_names_the_fix(tmp_path: Path) -> None:
    p = tmp_path / "latin.txt"
    p.write_bytes("café in Kyïv".encode("latin-1"))
    err = _one(p, ReadOptions(encoding="utf-8"))
    assert isinstance(err, EncodingError) and "--encoding" in err.reason


def test_ingest_hostile_broken_html(tmp_path: Path) -> None:
    p = tmp_path / "broken.html"
    p.write_text("<html><body><div><p>Shelling resumed in Chernihiv <b>on Tuesday<p>Power was cut"
                 "<table><tr><td>unclosed</div></span></i>&bogus; &#xZZ; <p", encoding="utf-8")
    art = _one(p)
    assert isinstance(art, Article) and "Shelling resumed in Chernihiv" in art.text


def test_ingest_hostile_deeply_nested_html(tmp_path: Path) -> None:
    depth = 100_000
    p = tmp_path / "deep.html"
    p.write_text("<html><body>" + "<div>" * depth + "<p>Kyiv reported air raid alerts all night.</p>"
                 + "</div>" * depth + "</body></html>", encoding="utf-8")
    art = _one(p)
    assert isinstance(art, Article) and art.text == "Kyiv reported air raid alerts all night."


def test_ingest_hostile_50mb_refused_from_its_size(tmp_path: Path) -> None:
    p = tmp_path / "huge.txt"
    with p.open("wb") as f:  # sparse-ish: 50 MB written in big blocks, never read back by the reader
        block = b"Troops advanced near Izium. " * 40_000
        while f.tell() < 50_000_000:
            f.write(block)
    err = _one(p)
    assert isinstance(err, DocumentTooLarge)
    assert "--max-chars" in err.reason and "max_chars" in err.reason and "bytes" in err.reason
    os.remove(p)


def test_ingest_hostile_too_many_characters_after_decoding(tmp_path: Path) -> None:
    p = tmp_path / "long.txt"
    p.write_text("x" * 1_500, encoding="utf-8")
    err = _one(p, ReadOptions(max_chars=1_000))
    assert isinstance(err, DocumentTooLarge) and "1,500 characters" in err.reason
    assert isinstance(_one(p, ReadOptions(max_chars=2_000)), Article)


def test_ingest_hostile_jsonl_bad_lines_one_error_each(tmp_path: Path) -> None:
    p = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "1", "text": "Heavy fighting near Sievierodonetsk, officials said."}),
        '{"id": "2", "text": "unterminated',
        "",
        json.dumps({"id": "3", "title": "no text here"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "5", "text": 12345}),
        json.dumps({"id": "6", "text": "   "}),
        json.dumps({"id": "7", "text": None}),
        json.dumps({"id": "8", "text": "Lysychansk refinery burned overnight."}),
    ]
    p.write_bytes("\n".join(lines).encode() + b"\n\xff\xfe{not json\n")
    items = list(read_documents([p]))
    by_line = {int(_where(x).rsplit(" ", 1)[1]): x for x in items}
    assert sorted(by_line) == [1, 2, 4, 5, 6, 7, 8, 9, 10]  # the blank line 3 is not a document
    assert isinstance(by_line[1], Article) and isinstance(by_line[9], Article)
    assert "not valid JSON" in by_line[2].reason  # type: ignore[union-attr]
    assert "no field 'text'" in by_line[4].reason and "['id', 'title']" in by_line[4].reason  # type: ignore
    assert "not an object" in by_line[5].reason  # type: ignore[union-attr]
    assert "holds a int" in by_line[6].reason  # type: ignore[union-attr]
    assert isinstance(by_line[7], EmptyDocument) and isinstance(by_line[8], EmptyDocument)
    assert isinstance(by_line[10], InputError)


def test_ingest_hostile_jsonl_error_locations(tmp_path: Path) -> None:
    p = tmp_path / "two.jsonl"
    p.write_text('{"text": "Kherson ferry crossing shelled."}\nnope\n', encoding="utf-8")
    items = list(read_documents([p]))
    assert isinstance(items[1], InputError) and items[1].location == f"{p}:line 2"


def test_ingest_hostile_csv_wrong_delimiter(tmp_path: Path) -> None:
    p = tmp_path / "reports.csv"
    p.write_text("id|title|text\n1|A|Bakhmut came under fire.\n2|B|Soledar was quiet.\n", encoding="utf-8")
    items = list(read_documents([p], ReadOptions(csv_delimiter=",")))
    assert len(items) == 2 and all(isinstance(x, InputError) for x in items)
    assert items[0].location == f"{p}:row 1" and items[1].location == f"{p}:row 2"  # type: ignore[union-attr]
    reason = items[0].reason  # type: ignore[union-attr]
    assert "no column 'text'" in reason and "['id|title|text']" in reason
    assert "--text-field" in reason and "--csv-delimiter" in reason
    # Sniffed, the same file reads fine.
    assert all(isinstance(x, Article) for x in read_documents([p]))


def test_ingest_hostile_csv_empty_cells_and_file(tmp_path: Path) -> None:
    p = tmp_path / "holes.csv"
    p.write_text('id,text\n1,"Mariupol port was hit."\n2,\n\n3,"Vuhledar held."\n', encoding="utf-8")
    items = list(read_documents([p]))
    assert [type(x) for x in items] == [Article, EmptyDocument, Article]
    assert items[2].source_path == f"{p}:row 3"  # type: ignore[union-attr]
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert isinstance(_one(empty), EmptyDocument)


def test_ingest_hostile_corrupt_parquet(tmp_path: Path) -> None:
    p = tmp_path / "bad.parquet"
    p.write_bytes(b"PAR1" + bytes(100) + b"garbage")
    err = _one(p)
    assert isinstance(err, InputError) and "Parquet" in err.reason


def test_ingest_hostile_script_and_sql_read_verbatim_from_text(tmp_path: Path) -> None:
    body = ("<script>alert('x')</script> Robert'); DROP TABLE articles;-- \n\n"
            "SELECT * FROM users WHERE '1'='1'; <img src=x onerror=alert(1)>")
    p = tmp_path / "nasty.txt"
    p.write_text(body, encoding="utf-8")
    art = _one(p)
    assert isinstance(art, Article)
    assert art.text == body.replace("-- \n", "--\n")  # only the trailing space is cleaned
    assert "<script>alert('x')</script>" in art.text and "DROP TABLE articles" in art.text


def test_ingest_hostile_directory_of_everything_yields_one_item_per_document(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text("Kharkiv was quiet.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.md").write_bytes(PNG_HEADER * 10)
    (tmp_path / "feed.jsonl").write_text('{"text": "Sumy shelled."}\n[1]\n', encoding="utf-8")
    items = list(read_documents([tmp_path]))
    kinds = [(type(x).__name__, _where(x)) for x in items]
    assert kinds == [
        ("EncodingError", str(tmp_path / "bin.md")),
        ("EmptyDocument", str(tmp_path / "empty.txt")),
        ("Article", f"{tmp_path / 'feed.jsonl'}:line 1"),
        ("InputError", f"{tmp_path / 'feed.jsonl'}:line 2"),
        ("Article", str(tmp_path / "ok.txt")),
    ]



def test_ingest_hostile_many_look_alike_paragraphs(tmp_path: Path) -> None:
    lines = [f"Russian forces shelled settlement {n} in the region overnight, local officials said."
             for n in range(20_000)]
    lines += ["Local officials said the shelling of the region had continued overnight without pause.",
              "Local officials said the shelling of the region had continued overnight, without pause."] * 300
    p = tmp_path / "formulaic.txt"
    p.write_text("\n".join(lines), encoding="utf-8")
    art = _one(p)
    assert isinstance(art, Article) and len(art.paragraphs) == 20_600
    assert len(art.boilerplate) == 600
    assert all(b.kind == "repeated" for b in art.boilerplate)
    assert [b.skip for b in art.boilerplate].count(False) == 1
