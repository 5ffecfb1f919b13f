"""The per-article function: ``Pipeline.extract(article) -> ArticleResult``.

The same function runs in the CLI, the web API and a distributed engine's map step. One stage failing on one
article is recorded in ``result.errors`` and never empties what the other stages found.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from .doctext import seed_doc_text
from .errors import SitrepsError
from .extract.registry import Resources, Stage, available_stages, load_stage
from .model import ArticleResult, Source, check_spans, span_matches, spans_of
from .nlp import load_nlp
from .settings import Settings, load_settings

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .model import Article

log = logging.getLogger(__name__)

# (texts) -> docs whose .text equals each input text. Replaced by the selective parser in scale/ for speed.
DocMaker = Callable[[list[str]], list["Doc"]]


class Pipeline:
    def __init__(self, settings: Settings, resources: Resources, stages: list[Stage],
                 make_docs: DocMaker | None = None) -> None:
        self.settings = settings
        self.resources = resources
        self.stages = stages
        self._make_docs = make_docs or self._full_docs
        self._freeze_pending = settings.gc_freeze

    @property
    def nlp(self):  # type: ignore[no-untyped-def]
        return self.resources.nlp

    def _full_docs(self, texts: list[str]) -> list[Doc]:
        return list(self.resources.nlp.pipe(texts, batch_size=self.settings.batch_size))

    def extract(self, article: Article) -> ArticleResult:
        """Extract every record from one article."""
        return next(iter(self.pipe([article])))

    def pipe(self, articles: Iterable[Article], batch_size: int | None = None) -> Iterator[ArticleResult]:
        """Extract from many articles, parsing them in batches."""
        size = batch_size or self.settings.batch_size
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[Article]) -> Iterator[ArticleResult]:
        docs = self._make_docs([a.text for a in batch])
        for article, doc in zip(batch, docs, strict=True):
            yield self.run_stages(article, doc)
        if self._freeze_pending:
            self._freeze_pending = False
            _freeze_loaded()

    def run_stages(self, article: Article, doc: Doc) -> ArticleResult:
        result = ArticleResult(article=article)
        seed_doc_text(doc, article.text)  # every stage reads slices of it: no stage rebuilds it from the tokens
        for stage in self.stages:
            try:
                stage(doc, result)
            except SitrepsError as exc:
                result.errors.append(f"{stage.name}: {exc}")
            except Exception as exc:  # noqa: BLE001 - a stage bug on one article must not lose the batch
                log.exception("stage %s failed on article %s", stage.name, article.id)
                result.errors.append(f"{stage.name}: {type(exc).__name__}: {exc}")
        _drop_skipped(result)
        _drop_bad_spans(result)
        check_spans(result)
        return result


_FROZEN = False


def _freeze_loaded() -> None:
    """Once per process: collect, then move every object alive now (spaCy's model, the gazetteer, the stages'
    lexicons and models, loaded by the first batch) to the collector's permanent generation, so that later full
    collections do not walk them again. Records are unaffected; only garbage-collection time changes."""
    global _FROZEN
    if not _FROZEN:
        _FROZEN = True
        gc.collect()
        gc.freeze()


def _drop_skipped(result: ArticleResult) -> None:
    """Remove records found inside boilerplate blocks marked ``skip`` (second copies of a caption, ...)."""
    art = result.article
    if not any(b.skip for b in art.boilerplate):
        return
    result.places = [p for p in result.places if not art.skipped(p.evidence)]
    result.times = [t for t in result.times if not art.skipped(t.evidence)]
    result.quantities = [q for q in result.quantities if not art.skipped(q.evidence)]
    # a sentence may run from a skipped block into the next paragraph (a headline without a full stop): a claim
    # whose cue, or an event whose trigger, lies in the block is the block's
    result.claims = [c for c in result.claims if not art.skipped(c.evidence) and not (c.cue and art.skipped(c.cue))]
    result.actors = [a for a in result.actors if not art.skipped(a.evidence)]
    result.events = [e for e in result.events if not art.skipped(e.evidence) and not (e.trigger and
                                                                                      art.skipped(e.trigger))]
    kept = {c.id for c in result.claims}
    for c in result.claims:
        if c.nested_in is not None and c.nested_in not in kept:
            c.nested_in = None
        if c.source.evidence is not None and art.skipped(c.source.evidence):
            # a speaker found in another story's headline ("I" resolved to a related link's words): unknown
            c.source = Source(name="unknown")
    for e in result.events:
        e.claim_ids = [i for i in e.claim_ids if i in kept]


def _drop_bad_spans(result: ArticleResult) -> None:
    """Drop (and report) any record whose evidence does not match the text: a stage bug on one record must
    neither reach the store nor cost the article its other records."""
    text = result.article.text
    for kind in ("places", "times", "quantities", "claims", "actors", "events"):
        records = getattr(result, kind)
        good = [r for r in records if all(span_matches(text, s) for s in spans_of(r))]
        if len(good) != len(records):
            result.errors.append(f"{kind}: dropped {len(records) - len(good)} record(s) whose evidence does not "
                                 f"match the article text (a bug in that stage; please report it)")
            setattr(result, kind, good)


def load_pipeline(settings: Settings | None = None, **overrides: Any) -> Pipeline:
    """Load the spaCy model and every stage named in ``settings.stages`` (those available here)."""
    settings = settings or load_settings(**overrides)
    nlp = load_nlp(settings)
    resources = Resources(nlp=nlp)
    wanted = settings.stages
    have = set(available_stages())
    stages = [load_stage(name, settings, resources) for name in wanted if name in have]
    missing = [name for name in wanted if name not in have]
    if missing:
        log.warning("stages not available in this build: %s", ", ".join(missing))
    make_docs: DocMaker | None = None
    if settings.selective_parse:
        try:
            from .scale.selective import make_selective_doc_maker
        except ImportError:
            make_docs = None
        else:
            make_docs = make_selective_doc_maker(settings, resources, stages)
    return Pipeline(settings, resources, stages, make_docs)
