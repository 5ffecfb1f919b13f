"""Exports from a store: ACLED CSV, GeoJSON (events or clusters), Parquet tables, JSON lines.

::

    with open_store("var/sitreps.db") as store:
        n = export(store, "geojson", Path("events.geojson"), clusters=True)

Each format is written for its consumer and tested by opening it there: pandas for the CSV, ``json`` (the
structure QGIS and Leaflet read) for GeoJSON, DuckDB for Parquet, ``json`` line by line for JSONL.
"""

from __future__ import annotations

from .formats import FORMATS, export

__all__ = ["FORMATS", "export"]
