"""The web API (FastAPI) and the map page: ``create_app(store_url, token=None)``; served by `sitreps serve`.

Endpoints (all JSON, described at ``/api/openapi.json``): lists of events, clusters, claims, places, sources
and articles with filters and pagination, one article in the public JSON shape, an event with its claims and
article, the timeline histogram, and ``POST /api/articles`` (bearer token) to submit an article for extraction.
"""

from __future__ import annotations

from ._app import CONTENT_SECURITY_POLICY, DB_ENV, TOKEN_ENV, app_from_env, create_app
from ._errors import ApiError

__all__ = ["CONTENT_SECURITY_POLICY", "DB_ENV", "TOKEN_ENV", "ApiError", "app_from_env", "create_app"]
