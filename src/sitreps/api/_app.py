"""The application factory: ``create_app(store_url, token=None) -> FastAPI``.

Nothing is opened when the app is built: the database is opened on the first request that needs it and the
extraction pipeline (spaCy) on the first article submitted, each once per app.
"""

from __future__ import annotations

import hmac
import os
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ._errors import ApiError, install_error_handlers

if TYPE_CHECKING:
    from ..pipeline import Pipeline
    from ..store import Store

STATIC_DIR = Path(__file__).resolve().parent.parent / "web" / "static"
TOKEN_ENV = "SITREPS_API_TOKEN"
DB_ENV = "SITREPS_DB"

# The page loads nothing from elsewhere and runs no inline script; data is never parsed as HTML.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'"
)
_SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class SecurityHeaders:
    """Pure ASGI middleware (cheaper than ``BaseHTTPMiddleware``) adding the headers above to every answer."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in _SECURITY_HEADERS if k not in names]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class ApiState:
    """What the endpoints share: the store and the pipeline, each opened once, on first use."""

    def __init__(self, store_url: str, token: str | None, pipeline: Pipeline | None = None) -> None:
        self.store_url = store_url
        self.token = token or None
        self._store: Store | None = None
        self._pipeline = pipeline
        self._lock = threading.Lock()
        self.extract_lock = threading.Lock()  # one extraction at a time: spaCy is CPU-bound anyway

    def store(self) -> Store:
        if self._store is None:
            with self._lock:
                if self._store is None:
                    from ..store import open_store

                    self._store = open_store(self.store_url, create=False)
        return self._store

    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            with self._lock:
                if self._pipeline is None:
                    from ..pipeline import load_pipeline

                    self._pipeline = load_pipeline()
        return self._pipeline

    def check_token(self, authorization: str | None) -> None:
        if self.token is None:
            raise ApiError(403, "submitting articles is disabled on this server: start it with "
                                f"`sitreps serve --token TOKEN` (or set {TOKEN_ENV}) to enable POST /api/articles")
        scheme, _, given = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not given:
            raise ApiError(401, "missing token: send the header `Authorization: Bearer TOKEN` with the token "
                                "the server was started with", headers={"WWW-Authenticate": "Bearer"})
        if not hmac.compare_digest(given.strip().encode(), self.token.encode()):
            raise ApiError(401, "wrong token: send `Authorization: Bearer TOKEN` with the token the server "
                                "was started with", headers={"WWW-Authenticate": "Bearer"})

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


async def get_state(request: Request) -> ApiState:
    # async: FastAPI runs a sync dependency in the thread pool, a hand-off that costs more than this does.
    state: ApiState = request.app.state.sitreps
    return state


def create_app(store_url: str, *, token: str | None = None, pipeline: Pipeline | None = None) -> FastAPI:
    """The API and the map page over the database at ``store_url`` (a SQLite path or a PostgreSQL URL).

    ``token`` enables ``POST /api/articles`` (bearer token); without it (and without ``SITREPS_API_TOKEN``)
    the write endpoint answers 403. ``pipeline`` may be passed when one is already loaded.
    """
    from ._read import router as read_router
    from ._write import router as write_router

    state = ApiState(store_url, token if token is not None else os.environ.get(TOKEN_ENV), pipeline)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        state.close()

    app = FastAPI(
        lifespan=lifespan,
        title="sitreps",
        summary="Sourced, geolocated, dated records of conflict events and claims.",
        version=_version(),
        openapi_url="/api/openapi.json",
        docs_url=None,  # Swagger UI and ReDoc load their scripts from a CDN; the page must work offline
        redoc_url=None,
    )
    app.state.sitreps = state
    install_error_handlers(app)
    app.include_router(read_router)
    app.include_router(write_router)

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html; charset=utf-8",
                            headers={"Cache-Control": "no-cache"})

    app.mount("/static", StaticFiles(directory=STATIC_DIR, check_dir=False), name="static")
    app.add_middleware(SecurityHeaders)
    return app


def app_from_env() -> FastAPI:
    """``create_app`` over the database named by ``SITREPS_DB`` (token from ``SITREPS_API_TOKEN``): the factory
    each worker process calls when `sitreps serve --workers N` runs more than one."""
    db = os.environ.get(DB_ENV)
    if not db:
        raise RuntimeError(f"{DB_ENV} is not set: it names the database the API serves (set by `sitreps serve`)")
    return create_app(db)


def _version() -> str:
    from ..model import PIPELINE_VERSION

    return PIPELINE_VERSION


def state_of(app: Any) -> ApiState:
    state: ApiState = app.state.sitreps
    return state
