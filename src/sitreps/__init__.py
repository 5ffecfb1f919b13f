"""sitreps: sourced, geolocated, dated records of events and claims from conflict reporting."""

from __future__ import annotations

from .errors import SitrepsError
from .model import (
    PIPELINE_VERSION,
    Actor,
    Article,
    ArticleResult,
    Boilerplate,
    Claim,
    Event,
    Place,
    Quantity,
    Source,
    Span,
    TimeExpr,
)
from .pipeline import Pipeline, load_pipeline
from .settings import Settings, load_settings

__version__ = "0.1.0"

__all__ = [
    "PIPELINE_VERSION",
    "Actor",
    "Article",
    "ArticleResult",
    "Boilerplate",
    "Claim",
    "Event",
    "Pipeline",
    "Place",
    "Quantity",
    "Settings",
    "SitrepsError",
    "Source",
    "Span",
    "TimeExpr",
    "__version__",
    "load_pipeline",
    "load_settings",
]
