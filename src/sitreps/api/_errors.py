"""One JSON error shape for every failure the API reports (the idea of datasette's)::

    {"ok": false, "error": "what went wrong and what to do", "status": 404, "errors": [...]}

``errors`` lists the individual problems (validation errors name the parameter) and is ``[]`` otherwise.
Handlers are installed for our :class:`ApiError`, Starlette's HTTP errors (404 for unknown paths, 405),
request validation errors and, as a last resort, any other exception (500, without internals).
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import SitrepsError

log = logging.getLogger(__name__)


class ApiError(Exception):
    """An error with an HTTP status, answered in the one error shape."""

    def __init__(self, status: int, message: str, errors: list[Any] | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.errors = errors or []
        self.headers = headers


def error_body(status: int, message: str, errors: list[Any] | None = None) -> dict[str, Any]:
    return {"ok": False, "error": message, "status": status, "errors": errors or []}


def error_response(status: int, message: str, errors: list[Any] | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(status, message, errors), status_code=status, headers=headers)


def _validation_item(err: dict[str, Any]) -> dict[str, Any]:
    loc = [str(p) for p in err.get("loc", ())]
    return {"location": loc[0] if loc else None, "param": ".".join(loc[1:]) or None,
            "message": str(err.get("msg", "")), "type": err.get("type")}


async def _api_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.message, exc.errors, exc.headers)


async def _http_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    message = str(exc.detail)
    if exc.status_code == 404 and message == "Not Found":
        message = "not found: no such page or API endpoint; the API is described at /api/openapi.json"
    elif exc.status_code == 405:
        message = "method not allowed on this path; see /api/openapi.json for the methods each path accepts"
    return error_response(exc.status_code, message, headers=getattr(exc, "headers", None))


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    items = [_validation_item(e) for e in exc.errors()]
    named = ", ".join(sorted({i["param"] or i["location"] or "?" for i in items}))
    return error_response(422, f"invalid request parameter(s): {named}; see `errors` for each problem "
                               "and /api/openapi.json for the accepted values", items)


async def _sitreps_error(_request: Request, exc: Exception) -> JSONResponse:
    log.error("request failed: %s", exc)
    return error_response(500, str(exc))


async def _unexpected(_request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error answering a request", exc_info=exc)
    return error_response(500, f"internal error ({type(exc).__name__}); the server log has the details")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(SitrepsError, _sitreps_error)
    app.add_exception_handler(Exception, _unexpected)
