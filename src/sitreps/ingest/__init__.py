"""Ingest: readers per format, encoding detection, cleaning, boilerplate, content-hash ids."""

from __future__ import annotations

from .article import article_id, make_article, split_paragraphs
from .clean import clean_text
from .readers import ReadOptions, expand_paths, read_document_bytes, read_documents

__all__ = [
    "ReadOptions",
    "article_id",
    "clean_text",
    "expand_paths",
    "make_article",
    "read_document_bytes",
    "read_documents",
    "split_paragraphs",
]
