"""Readers: every format, every option, folders and globs, uploads. Fast: no spaCy."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from sitreps.errors import ConfigError, EmptyDocument, InputError
from sitreps.ingest import ReadOptions, expand_paths, make_article, read_document_bytes, read_documents
from sitreps.model import Article

FIX = Path(__file__).parent.parent / "fixtures" / "ingest"


def _articles(items: list[Article | InputError]) -> list[Article]:
    return [x for x in items if isinstance(x, Article)]


def _errors(items: list[Article | InputError]) -> list[InputError]:
    return [x for x in items if isinstance(x, InputError)]


def test_ingest_txt_one_article_per_file(tmp_path: Path) -> None:
    p = tmp_path / "note.txt"
    p.write_text("Shelling hit Kharkiv overnight.\r\n\r\nTwo people were wounded.\r\n", encoding="utf-8")
    [art] = list(read_documents([p], ReadOptions(published="2022-05-14")))
    assert isinstance(art, Article)
    assert art.text == "Shelling hit Kharkiv overnight.\n\nTwo people were wounded."
    assert art.published == "2022-05-14" and art.published_precision == "day"
    assert art.source_path == str(p)
    assert [s.text for s in art.paragraphs] == ["Shelling hit Kharkiv overnight.", "Two people were wounded."]


def test_ingest_html_main_text_and_metadata() -> None:
    [art] = list(read_documents([FIX / "report.html"]))
    assert isinstance(art, Article)
    assert "retook several villages north and east of Kharkiv" in art.text
    assert "long-range rockets" in art.text
    for noise in ("do not read me", "Subscribe", ".nav", "All rights reserved"):
        assert noise not in art.text
    assert art.title == "Ukrainian units push north of Kharkiv"
    assert art.outlet == "Frontline Desk"
    assert art.published == "2022-05-14"
    assert art.url == "https://frontline-desk.example/2022/05/14/kharkiv-push"
    assert art.text.count("Officials in Kharkiv said") == 1


def test_ingest_html_fallback_when_trafilatura_finds_nothing(tmp_path: Path) -> None:
    p = tmp_path / "tiny.htm"
    p.write_text("<html><head><title>Short note</title></head><body><p>Izium shelled.</p>"
                 "<script>alert(1)</script></body></html>", encoding="utf-8")
    [art] = list(read_documents([p]))
    assert isinstance(art, Article)
    assert "Izium shelled." in art.text and "alert" not in art.text
    assert art.title == "Short note"


def test_ingest_jsonl_fields_and_fallbacks() -> None:
    items = list(read_documents([FIX / "reports.jsonl"]))
    a, b, c = _articles(items)
    assert not _errors(items)
    assert (a.title, a.published, a.url, a.outlet) == ("Shelling eases in Kharkiv", "2022-05-14",
                                                       "https://example.org/r-001", "Example Wire")
    assert a.meta["source_id"] == "r-001"
    assert a.source_path == f"{FIX / 'reports.jsonl'}:line 1"
    assert (b.published, b.outlet) == ("2022-05-12", "Example Daily")  # "published", "publisher" fallbacks
    assert (c.published, c.outlet) == (None, "Example Site")
    assert a.id != a.meta["source_id"] and len(a.id) == 20


def test_ingest_jsonl_default_published_only_when_missing() -> None:
    items = _articles(list(read_documents([FIX / "reports.jsonl"], ReadOptions(published="2022-06-01"))))
    assert [x.published for x in items] == ["2022-05-14", "2022-05-12", "2022-06-01"]


def test_ingest_jsonl_custom_field_names(tmp_path: Path) -> None:
    p = tmp_path / "custom.ndjson"
    p.write_text(json.dumps({"body": "Kupiansk was quiet on Sunday.", "headline": "Quiet day",
                             "when": "2022-09-11", "link": "https://x.example/1", "key": 7,
                             "paper": "Example Post"}) + "\n", encoding="utf-8")
    opts = ReadOptions(text_field="body", title_field="headline", date_field="when", url_field="link",
                       id_field="key", outlet_field="paper")
    [art] = list(read_documents([p], opts))
    assert isinstance(art, Article)
    assert (art.text, art.title, art.published, art.url, art.outlet) == (
        "Kupiansk was quiet on Sunday.", "Quiet day", "2022-09-11", "https://x.example/1", "Example Post")
    assert art.meta["source_id"] == "7"


def test_ingest_csv_and_tsv_sniffed() -> None:
    items = list(read_documents([FIX / "reports.csv", FIX / "reports.tsv"]))
    assert not _errors(items)
    c1, c2, t1 = _articles(items)
    assert c1.text == "Ukrainian forces retook two villages near Kharkiv, the army said."
    assert c1.source_path == f"{FIX / 'reports.csv'}:row 1" and c2.source_path.endswith(":row 2")
    assert (c2.published, c2.outlet, c2.meta["source_id"]) == ("2022-05-15", "Example Daily", "c-2")
    assert t1.title == "Strike on depot"


def test_ingest_csv_semicolon_sniffed_and_explicit_delimiter(tmp_path: Path) -> None:
    p = tmp_path / "semi.csv"
    p.write_text("id;text\n1;Troops moved west of Lyman, officials said.\n", encoding="utf-8")
    [art] = list(read_documents([p]))
    assert isinstance(art, Article) and art.text.startswith("Troops moved west of Lyman")
    [again] = list(read_documents([p], ReadOptions(csv_delimiter=";")))
    assert isinstance(again, Article) and again.id == art.id


def test_ingest_parquet_streams_rows(tmp_path: Path) -> None:
    p = tmp_path / "reports.parquet"
    table = pa.table({
        "id": ["p1", "p2", "p3"],
        "text": ["Drones struck Odesa port on Monday.", None, "Kherson came under fire again."],
        "date": ["2022-07-11", "2022-07-12", None],
        "publisher": ["Example Wire", "Example Wire", "Example Daily"],
    })
    pq.write_table(table, p, row_group_size=1)
    items = list(read_documents([p], ReadOptions(published="2022-07-20")))
    assert isinstance(items[0], Article) and items[0].outlet == "Example Wire"
    assert isinstance(items[1], EmptyDocument) and items[1].location == f"{p}:row 2"
    assert isinstance(items[2], Article) and items[2].published == "2022-07-20"
    assert items[2].source_path == f"{p}:row 3"


def test_ingest_parquet_missing_text_column_is_one_error(tmp_path: Path) -> None:
    p = tmp_path / "wrong.parquet"
    pq.write_table(pa.table({"body": ["a", "b"]}), p)
    [err] = list(read_documents([p]))
    assert isinstance(err, InputError)
    assert "no column 'text'" in err.reason and "'body'" in err.reason and "--text-field" in err.reason


def test_ingest_same_text_same_id_across_formats(tmp_path: Path) -> None:
    text = "Russian forces withdrew from the area around Kharkiv.\n\nUkrainian units reached the border."
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": text}) + "\n", encoding="utf-8")
    html = "<html><body>" + "".join(f"<p>{p}</p>" for p in text.split("\n\n")) + "</body></html>"
    (tmp_path / "c.html").write_text(html, encoding="utf-8")
    ids = {a.id for a in _articles(list(read_documents([tmp_path])))}
    assert len(ids) == 1


def test_ingest_expand_paths_folders_globs_dedup(tmp_path: Path) -> None:
    sub = tmp_path / "deep" / "er"
    sub.mkdir(parents=True)
    for name in ("b.txt", "a.jsonl", "deep/c.html", "deep/er/d.csv", "deep/er/skip.png", ".hidden.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = expand_paths([tmp_path, tmp_path / "b.txt", str(tmp_path / "*.txt")])
    assert found == sorted(found)
    assert [p.name for p in found] == ["a.jsonl", "b.txt", "c.html", "d.csv"]
    assert expand_paths([str(tmp_path / "**" / "*.csv")]) == [sub / "d.csv"]
    assert expand_paths([tmp_path / "nothing-here.txt"]) == []


def test_ingest_missing_path_and_empty_glob_are_errors(tmp_path: Path) -> None:
    items = list(read_documents([tmp_path / "gone.txt", str(tmp_path / "*.jsonl")]))
    assert [type(x) for x in items] == [InputError, InputError]
    assert items[0].location == str(tmp_path / "gone.txt") and "no such file" in items[0].reason
    assert "no file matches" in items[1].reason


def test_ingest_format_option_and_sniffing(tmp_path: Path) -> None:
    shutil.copy(FIX / "reports.jsonl", tmp_path / "feed.data")
    shutil.copy(FIX / "report.html", tmp_path / "page")
    (tmp_path / "plain").write_text("Mykolaiv was shelled again.", encoding="utf-8")
    by_sniff = list(read_documents([tmp_path / "feed.data", tmp_path / "page", tmp_path / "plain"]))
    assert len(_articles(by_sniff)) == 5 and not _errors(by_sniff)
    assert _articles(by_sniff)[3].title == "Ukrainian units push north of Kharkiv"
    forced = list(read_documents([FIX / "reports.jsonl"], ReadOptions(format="txt")))
    assert len(forced) == 1 and isinstance(forced[0], Article) and forced[0].text.startswith("{")


def test_ingest_bad_options_raise_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown format 'docx'"):
        read_documents([FIX / "reports.csv"], ReadOptions(format="docx"))
    with pytest.raises(ConfigError, match="one character"):
        read_document_bytes(b"a", "x.csv", ReadOptions(csv_delimiter=";;"))


def test_ingest_read_document_bytes_upload() -> None:
    data = (FIX / "reports.jsonl").read_bytes()
    items = read_document_bytes(data, "upload.jsonl")
    assert len(_articles(items)) == 3
    assert items[0].source_path == "upload.jsonl:line 1"  # type: ignore[union-attr]
    [art] = read_document_bytes("Kramatorsk station was hit.".encode("utf-16"), "note.txt")
    assert isinstance(art, Article) and art.text == "Kramatorsk station was hit."
    buf = pa.BufferOutputStream()
    pq.write_table(pa.table({"text": ["Sumy was quiet."]}), buf)
    [pqa] = read_document_bytes(buf.getvalue().to_pybytes(), "up.parquet")
    assert isinstance(pqa, Article) and pqa.text == "Sumy was quiet."


def test_ingest_make_article_cleans_and_keeps_public_signature() -> None:
    art = make_article("Line one.  \r\nLine two.\x07\n\n\n\n\n\nEnd.", title="t", published="2022-05-16")
    assert art.text == "Line one.\nLine two.\n\n\nEnd."
    assert art.title == "t" and art.published == "2022-05-16"


def test_ingest_json_object_and_array(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"text": "Drones hit Kyiv before dawn.", "date": "2022-10-17"}), encoding="utf-8")
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"text": "Kherson was freed."}, 5, {"title": "no text"}]), encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text('{"text": ', encoding="utf-8")
    items = list(read_documents([one, many, bad]))  # in the order given
    assert [type(x).__name__ for x in items] == ["Article", "Article", "InputError", "InputError", "InputError"]
    assert [getattr(x, "location", None) for x in items[1:]] == [
        None, f"{many}:item 2", f"{many}:item 3", str(bad)]
    assert items[0].published == "2022-10-17" and items[0].source_path == str(one)  # type: ignore[union-attr]
    assert "not valid JSON" in items[4].reason  # type: ignore[union-attr]


def test_ingest_record_to_article_is_the_row_builder() -> None:
    from sitreps.ingest.readers import record_to_article

    art = record_to_article({"text": "Izium was retaken.", "publisher": "Example Wire"}, "rows.csv:row 4",
                            ReadOptions(), "column", "csv")
    assert isinstance(art, Article) and art.outlet == "Example Wire" and art.source_path == "rows.csv:row 4"
    err = record_to_article({"body": "x"}, "rows.csv:row 5", ReadOptions(), "column", "csv")
    assert isinstance(err, InputError) and "no column 'text'" in err.reason and "--csv-delimiter" in err.reason


def test_ingest_html_declared_charset_is_honoured(tmp_path: Path) -> None:
    body = "<p>Обстріл Харкова тривав усю ніч, повідомила обласна адміністрація.</p>"
    page = f'<html><head><meta charset="windows-1251"><title>Kharkiv</title></head><body>{body}</body></html>'
    p = tmp_path / "ua.html"
    p.write_bytes(page.encode("cp1251"))
    [art] = list(read_documents([p]))
    assert isinstance(art, Article) and "Обстріл Харкова" in art.text
    lying = tmp_path / "lying.html"  # declares UTF-8, is Latin-1: detection takes over
    lying.write_bytes('<html><head><meta charset="utf-8"></head><body><p>Kyïv café</p></body></html>'
                      .encode("latin-1"))
    [art2] = list(read_documents([lying]))
    assert isinstance(art2, Article) and art2.text == "Kyïv café"
