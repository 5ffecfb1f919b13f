"""``Claim.speech`` in the batch output's claims table (a column to filter on, and in the record)."""

from __future__ import annotations

import pyarrow as pa

from sitreps.model import Article, ArticleResult, Claim, Source, Span
from sitreps.scale.records import arrow_schema, result_from_tables, result_rows

TEXT = "The mayor said the ferry runs again. The council refused to pay for a second ferry."


def _result() -> ArticleResult:
    said, refused = TEXT.index("said"), TEXT.index("refused")
    claims = [
        Claim("c0", Span.of(TEXT, said + 5, TEXT.index(".")), Source("mayor", "government"),
              Span.of(TEXT, said, said + 4)),
        Claim("c1", Span.of(TEXT, refused + 8, len(TEXT) - 1), Source("council", "government"),
              Span.of(TEXT, refused, refused + 7), speech=False),
    ]
    art = Article(id="x1", text=TEXT, paragraphs=[Span.of(TEXT, 0, len(TEXT))])
    return ArticleResult(article=art, claims=claims)


def test_the_claims_table_has_a_speech_column_and_reads_back():
    rows = result_rows(_result())
    assert [r["speech"] for r in rows["claims"]] == [True, False]
    trailer = {"pipeline_version": "0.1.0", "partition": "p0"}
    table = pa.Table.from_pylist([{**r, **trailer} for r in rows["claims"]], schema=arrow_schema("claims"))
    assert table.column("speech").to_pylist() == [True, False]
    art = {**rows["articles"][0], **trailer}
    back = result_from_tables(art, {"claims": table.to_pylist()}, "0.1.0")
    assert [c.speech for c in back.claims] == [True, False]
