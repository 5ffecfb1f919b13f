"""Property: for ANY input text, every evidence span of every record equals ``article.text[start:end]``.

The generated texts mix arbitrary unicode with the material the extractors react to (place names, figures
and units, reporting verbs, quote marks of every kind, dates, paragraph breaks), so that every stage produces
records and the spans are exercised, not just the empty case.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitreps.ingest import make_article
from sitreps.model import iter_records, iter_spans, span_matches

FRAGMENTS = [
    "Kharkiv", "Izium", "the Siverskyi Donets River", "near Hryhorivka", "Luhansk oblast", "Moscow", "Kyiv",
    "Russian troops", "Ukrainian forces", "the 93rd Mechanized Brigade", "said", "reportedly", "likely",
    "according to the General Staff", "he said", "they said", "tweeted", "a video shows", "claimed",
    "50 miles", "some 1,500", "between 20 and 30 km", "six villages", "100 tanks were destroyed", "killed",
    "on Saturday", "last April", "May", "may", "we", "over the past several days", "2022-05-13",
    "“", "”", '"', "'", "«", "»", "(", ")", ",", ".", ":", "—", "\n", "\n\n", " ", "  ", "\t",
    "shelled", "retook", "withdrew from", "struck", "protesters", "<script>alert(1)</script>", "'; DROP TABLE x; --",
]

texts = st.one_of(
    st.text(min_size=1, max_size=300),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), min_size=1, max_size=60).map(" ".join),
    st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=80).map("".join),
)


@pytest.mark.slow
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                    HealthCheck.too_slow])
@given(text=texts, published=st.sampled_from([None, "2022-05-16", "2022-02-24"]))
def test_pipeline_every_span_equals_the_text_it_points_at(pipeline, text, published):
    if not text.strip():
        return
    article = make_article(text, published=published)
    result = pipeline.extract(article)
    for span in iter_spans(result):
        assert span_matches(result.article.text, span), span
    # no stage had to have a record dropped for a bad span
    assert not [e for e in result.errors if "does not match the article text" in e], result.errors
    # and the public JSON carries the same spans
    data = result.to_dict()
    for kind in ("places", "times", "quantities", "claims", "actors", "events"):
        for item in data[kind]:
            ev = item["evidence"]
            assert result.article.text[ev["start"]:ev["end"]] == ev["text"]
    assert sum(1 for _ in iter_records(result)) == sum(len(data[k]) for k in
                                                        ("places", "times", "quantities", "claims", "actors", "events"))


def test_pipeline_drops_a_record_with_a_bad_span_and_keeps_the_rest():
    from sitreps.model import ArticleResult, Span, TimeExpr
    from sitreps.pipeline import _drop_bad_spans

    article = make_article("Shelling hit Kharkiv on Saturday.", published="2022-05-16")
    result = ArticleResult(article=article)
    good = TimeExpr(evidence=Span.of(article.text, 20, 31), value="2022-05-14", precision="day")
    bad = TimeExpr(evidence=Span(0, 5, "Kyiv!"), value=None)
    result.times = [good, bad]
    _drop_bad_spans(result)
    assert result.times == [good]
    assert any("dropped 1 record" in e for e in result.errors)


def test_pipeline_a_source_inside_a_skipped_block_becomes_unknown():
    # a speaker taken from another story's headline (skipped boilerplate) is no source of this article's claim
    from sitreps.model import ArticleResult, Claim, Source, Span
    from sitreps.pipeline import _drop_skipped

    text = ("The ministry said the convoy reached the border.\n\n"
            "AS A FORMER OFFICER WHO SERVED IN THE EAST, I SAY THE FRONT WILL HOLD\n\n"
            "Having weighed the losses, the command now expects a pause.")
    article = make_article(text)
    assert [b.kind for b in article.boilerplate if b.skip] == ["related"]
    head = text.index("A FORMER OFFICER")
    ministry = text.index("The ministry")
    content = text.index("a pause")
    good = Claim(id="c1", evidence=Span.of(text, text.index("the convoy"), text.index(" reached")),
                 source=Source("ministry", "government", Span.of(text, ministry, ministry + 12)),
                 cue=Span.of(text, ministry + 13, ministry + 17))
    bad = Claim(id="c2", evidence=Span.of(text, content, content + 7),
                source=Source("A FORMER OFFICER", "unknown", Span.of(text, head, head + 16)),
                cue=Span.of(text, text.index("expects"), text.index("expects") + 7))
    result = ArticleResult(article=article)
    result.claims = [good, bad]
    _drop_skipped(result)
    assert [c.source.name for c in result.claims] == ["ministry", "unknown"]
    assert result.claims[1].source.evidence is None
