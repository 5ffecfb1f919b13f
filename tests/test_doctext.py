"""The shared per-doc text cache (sitreps.doctext) and the pipeline seeding it for every stage."""

from sitreps.doctext import doc_text, seed_doc_text
from sitreps.ingest import make_article


def test_doc_text_equals_doc_text_and_is_kept(nlp):
    doc = nlp("Sappers cleared the bridge at dawn. The convoy crossed an hour later.")
    assert doc_text(doc) == doc.text
    assert doc_text(doc) is doc_text(doc)  # built once, then the same string object


def test_seed_takes_the_parsed_text_and_ignores_a_different_one(nlp):
    text = "Two shells hit the depot.  Nobody was hurt."
    doc = nlp(text)
    seed_doc_text(doc, text + " and more")  # does not end where the doc's last token ends: ignored
    assert doc_text(doc) == text
    other = nlp(text)
    seed_doc_text(other, text)
    assert doc_text(other) is text


def test_pipeline_seeds_the_article_text_before_the_stages():
    # a pipeline without the attribution stage (which seeds it too): events and places still find it seeded
    from sitreps.pipeline import load_pipeline
    from sitreps.settings import load_settings

    pipe = load_pipeline(load_settings(stages=("quantities",)))
    article = make_article("Engineers rebuilt the pontoon crossing near the river mouth on Tuesday.")
    doc = pipe.nlp(article.text)
    pipe.run_stages(article, doc)
    assert doc_text(doc) is article.text
