"""``POST /api/articles``: submit an article, run extraction, store the result (bearer token required).

Two ways to send it:

* JSON ``{"text": ..., "title": ..., "published": "2022-05-14", "url": ..., "outlet": ...}``;
* a file's bytes as the body with any other content type and its name in ``?filename=report.html``
  (txt, html, json, jsonl, csv, ... — read by ``ingest.read_document_bytes``, like `sitreps ingest`).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Query, Request
from pydantic import BaseModel, Field, ValidationError
from starlette.concurrency import run_in_threadpool

from ..errors import InputError
from ..model import Article
from ._app import ApiState, get_state
from ._errors import ApiError

router = APIRouter(prefix="/api")

MAX_BODY_BYTES = 20 * 1024 * 1024


class ArticleIn(BaseModel):
    text: str = Field(min_length=1, description="The article text.")
    title: str | None = None
    published: str | None = Field(None, description="Publication date, ISO (2022-05-14).")
    url: str | None = None
    outlet: str | None = None


_OPENAPI_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": ArticleIn.model_json_schema()},
            "application/octet-stream": {"schema": {"type": "string", "format": "binary"}},
        },
    }
}


async def _read_body(request: Request) -> bytes:
    size = 0
    chunks: list[bytes] = []
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise ApiError(413, f"the body is larger than {MAX_BODY_BYTES // (1024 * 1024)} MB; split the "
                                "document or ingest it with `sitreps ingest`")
        chunks.append(chunk)
    return b"".join(chunks)


def _articles_from(body: bytes, content_type: str, filename: str | None) -> list[Article]:
    from ..ingest import make_article, read_document_bytes

    if content_type.split(";")[0].strip().lower() == "application/json" and filename is None:
        try:
            data = ArticleIn.model_validate_json(body)
        except ValidationError as exc:
            items = [{"location": "body", "param": ".".join(str(p) for p in e["loc"]) or None,
                      "message": e["msg"], "type": e["type"]} for e in exc.errors()]
            raise ApiError(422, "invalid article JSON: send {\"text\": ..., \"title\": ..., \"published\": "
                                "\"YYYY-MM-DD\", \"url\": ...}; see `errors`", items) from exc
        if not data.text.strip():
            raise ApiError(422, "the article text is empty; send the text of the article in `text`")
        return [make_article(data.text, title=data.title, url=data.url, outlet=data.outlet,
                             published=data.published, source_path="api")]
    if not body:
        raise ApiError(422, "empty body: send JSON with a `text` field, or a file's bytes with ?filename=NAME")
    found = read_document_bytes(body, filename or "upload.txt")
    errors = [x for x in found if isinstance(x, InputError)]
    articles = [x for x in found if isinstance(x, Article)]
    if not articles:
        raise ApiError(422, f"no article could be read from {filename or 'the body'}",
                       [{"location": e.location, "message": e.reason, "type": e.code} for e in errors])
    return articles


def _extract_and_store(state: ApiState, articles: list[Article]) -> dict[str, Any]:
    pipeline = state.pipeline()
    with state.extract_lock:
        results = list(pipeline.pipe(articles))
    report = state.store().save_results(results)
    return {
        "ok": True,
        "new": report.new,
        "replaced": report.replaced,
        "skipped": report.skipped,
        "items": [r.to_dict() for r in results],
    }


@router.post("/articles", status_code=201, summary="Submit an article for extraction (bearer token)",
             openapi_extra=_OPENAPI_BODY)
async def submit_article(
    request: Request,
    state: Annotated[ApiState, Depends(get_state)],
    authorization: Annotated[str | None, Header()] = None,
    filename: Annotated[str | None, Query(max_length=255, description="Name of the uploaded file "
                                                                      "(its extension picks the reader).")] = None,
) -> dict[str, Any]:
    state.check_token(authorization)
    body = await _read_body(request)
    content_type = request.headers.get("content-type", "application/octet-stream")
    articles = await run_in_threadpool(_articles_from, body, content_type, filename)
    return await run_in_threadpool(_extract_and_store, state, articles)
