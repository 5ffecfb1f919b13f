"""Bylines and datelines before a story (extract/leads.py): events start after them, claims' contents too."""

from __future__ import annotations

import pytest

from sitreps.extract.leads import lead_end

pytestmark = pytest.mark.slow


def test_lead_end_skips_a_byline_and_a_dateline() -> None:
    text = "By Ada Moroz\n\nLVIV, Ukraine, June 3 (Test Wire) — The convoy left at noon."
    assert text[lead_end(text, 0, len(text)):].startswith("The convoy")


def test_lead_end_leaves_a_plain_sentence() -> None:
    text = "The convoy left at noon, the mayor said."
    assert lead_end(text, 0, len(text)) == 0


def test_claim_content_does_not_start_with_the_dateline(pipeline, make_article) -> None:
    text = ("LVIV, Ukraine, June 3 (Test Wire) — Two bridges east of the city were damaged overnight, "
            "regional officials said on Friday.")
    result = pipeline.extract(make_article(text, published="2022-06-03"))
    claim = next(c for c in result.claims if c.cue is not None and c.cue.text == "said")
    assert claim.evidence.text.startswith("Two bridges")
