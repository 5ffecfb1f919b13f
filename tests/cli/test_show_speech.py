"""`sitreps show` tags a claim that is an act or intention (``Claim.speech`` False) "act"."""

from __future__ import annotations

from rich.console import Console

from sitreps.model import Article, ArticleResult, Claim, Source, Span
from sitreps.render import record_tables

TEXT = "The mayor said the ferry runs again. The council refused to pay for a second ferry."


def _claims_table_text(result: ArticleResult) -> list[str]:
    console = Console(width=240, record=True, color_system=None)
    for t in record_tables(result):
        if t.title == "Claims":
            console.print(t)
    return [line for line in console.export_text().splitlines() if " c0 " in line or " c1 " in line]


def test_show_tags_act_claims():
    said, refused = TEXT.index("said"), TEXT.index("refused")
    claims = [
        Claim("c0", Span.of(TEXT, said + 5, TEXT.index(".")), Source("mayor", "government"),
              Span.of(TEXT, said, said + 4)),
        Claim("c1", Span.of(TEXT, refused + 8, len(TEXT) - 1), Source("council", "government"),
              Span.of(TEXT, refused, refused + 7), speech=False),
    ]
    rows = _claims_table_text(ArticleResult(article=Article(id="x1", text=TEXT), claims=claims))
    assert len(rows) == 2
    said_row, act_row = rows
    assert "act" not in said_row.split("│")[4]
    assert act_row.split("│")[4].strip() == "reported, act"
