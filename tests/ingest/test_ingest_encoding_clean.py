"""Encoding detection and cleaning."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitreps.errors import EncodingError
from sitreps.ingest import clean_text, read_documents
from sitreps.ingest.encoding import decode_bytes
from sitreps.model import Article

TEXT = "Shelling near Kyïv hit a café; the mayor said “two were hurt” — officials in Bucha confirmed it."


@pytest.mark.parametrize(("data", "encoding"), [
    (TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
    (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
    (codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), "utf-32-le"),
    (TEXT.encode("utf-16-le"), "utf-16-le"),  # no BOM: found from the NUL pattern
    (TEXT.encode("cp1252"), "cp1252"),
])
def test_ingest_encoding_detected(data: bytes, encoding: str) -> None:
    text, used = decode_bytes(data, "x.txt")
    assert text == TEXT and used == encoding


def test_ingest_encoding_latin1_accents(tmp_path: Path) -> None:
    p = tmp_path / "latin1.txt"
    p.write_bytes("The café in Kyïv reopened; Zaporizhzhia's façade was damaged.".encode("latin-1"))
    [art] = list(read_documents([p]))
    assert isinstance(art, Article)
    assert art.text == "The café in Kyïv reopened; Zaporizhzhia's façade was damaged."
    assert art.meta["encoding"] == "cp1252"


def test_ingest_encoding_cyrillic_cp1251_goes_to_detector() -> None:
    ua = "Харків і Київ зазнали обстрілів уночі, повідомили місцеві органи влади. " * 3
    text, used = decode_bytes(ua.encode("cp1251"), "ua.txt")
    assert text == ua and used != "cp1252"


@pytest.mark.parametrize(("text", "encoding"), [
    ("Officials in Kharkiv said the strike on Харків hit a school, and the mayor of Київ agreed.", "cp1251"),
    ("The talks in Łódź and Gdańsk ended late; Wołodymyr spoke to the Sejm on Monday.", "cp1250"),
    ("Straße in München, Köln und Düsseldorf: the café in Kyïv reopened.", "cp1252"),
])
def test_ingest_encoding_legacy_code_pages_of_mostly_english_text(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding), "x.txt") == (text, encoding)


def test_ingest_encoding_explicit_and_unknown() -> None:
    assert decode_bytes("Kyïv".encode("latin-1"), "a.txt", "latin-1") == ("Kyïv", "latin-1")
    with pytest.raises(EncodingError, match="unknown encoding 'klingon'"):
        decode_bytes(b"x", "a.txt", "klingon")


def test_ingest_encoding_bad_bom_payload() -> None:
    with pytest.raises(EncodingError, match="byte-order mark"):
        decode_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8", "a.txt")  # lone surrogate


def test_ingest_clean_rules() -> None:
    raw = "\ufeffTitle  \r\nLine\x00 two\x1b\t\r\rA\u0301 combined\n\n\n\n\n\nEnd\u0085 \u00a0\n  "
    assert clean_text(raw) == "Title\nLine two\n\nÁ combined\n\n\nEnd"


def test_ingest_clean_keeps_quotes_and_tabs() -> None:
    s = "He said “we held” and ‘they left’ — «dash» \tindented"
    assert clean_text(s) == s


@given(st.text())
def test_ingest_clean_is_idempotent(s: str) -> None:
    once = clean_text(s)
    assert clean_text(once) == once
    assert "\r" not in once and "\n\n\n\n" not in once
