"""The four export formats. Each writer streams from the store and returns how many rows/features it wrote.

* ``acled-csv`` — one row per event in ACLED's columns (``export.acled``); with ``clusters`` the cluster id
  and its independent-source count are filled in the ``sitreps_cluster_*`` columns (they are there anyway);
* ``geojson`` — a FeatureCollection of Point features, coordinates ``[lon, lat]`` (RFC 7946); events, or
  with ``clusters`` one feature per event cluster; things without coordinates are left out (a feature with a
  null geometry breaks some map libraries); an event's ``speech`` is as ACLED CSV's ``sitreps_speech``;
* ``parquet`` — a directory of tables (articles, events, claims, places, event_clusters, cluster_members);
  JSON columns are written as JSON text, so DuckDB's ``json_extract`` reads them; ``claims.speech`` (false
  for an act or intention) is true where a database made before the flag holds NULL;
* ``jsonl`` — one ``ArticleResult.to_dict()`` per line (the public JSON shape), or with ``clusters`` one
  cluster row per line.

Writes go to a temporary name first and are renamed at the end: an interrupted export never leaves a
half-written file where a consumer expects a whole one.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, select

from ..errors import ConfigError, StoreError
from ..store import schema
from .acled import ACLED_COLUMNS, EXTRA_COLUMNS, acled_rows, event_speech

if TYPE_CHECKING:
    from ..store import Store

PARQUET_TABLES = ("articles", "events", "claims", "places", "event_clusters", "cluster_members")
_EVENT_PROPERTIES = ("article_id", "event_id", "event_type", "sub_event_type", "date", "date_precision",
                     "time_precision", "geo_precision", "fatalities", "certainty", "actor1_name", "actor2_name",
                     "country_code", "evidence")
_CLUSTER_SKIP = ("lat", "lon")


def _tmp(path: Path) -> Path:
    return path.with_name(f".{path.name}.partial-{os.getpid()}")


def _commit(tmp: Path, path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    os.replace(tmp, path)


def write_acled_csv(store: Store, path: Path, clusters: bool = False) -> int:
    tmp = _tmp(path)
    n = 0
    with store.read() as conn, tmp.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=[*ACLED_COLUMNS, *EXTRA_COLUMNS])
        writer.writeheader()
        for row in acled_rows(conn):
            if not clusters:
                row["sitreps_cluster_id"] = row["sitreps_cluster_sources"] = None
            writer.writerow(row)
            n += 1
    _commit(tmp, path)
    return n


def _feature(lon: float, lat: float, properties: dict[str, Any]) -> dict[str, Any]:
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": properties}


def write_geojson(store: Store, path: Path, clusters: bool = False) -> int:
    features = []
    with store.read() as conn:
        if clusters:
            t = schema.event_clusters
            for r in conn.execute(select(t).where(t.c.lat.is_not(None)).order_by(t.c.cluster_id)).mappings():
                props = {k: v for k, v in r.items() if k not in _CLUSTER_SKIP}
                features.append(_feature(r["lon"], r["lat"], props))
        else:
            e, m = schema.events, schema.cluster_members
            speech = event_speech(conn)
            stmt = (select(e, m.c.cluster_id).outerjoin(m, (m.c.article_id == e.c.article_id)
                                                         & (m.c.event_ord == e.c.ord))
                    .where(e.c.lat.is_not(None), e.c.negated.is_(False), e.c.hypothetical.is_(False),
                           e.c.future.is_(False))
                    .order_by(e.c.article_id, e.c.ord))
            for r in conn.execute(stmt).mappings():
                props = {k: r[k] for k in _EVENT_PROPERTIES}
                props["location"] = (r["location"] or {}).get("name")
                props["cluster_id"] = r["cluster_id"]
                props["speech"] = speech.get((r["article_id"], r["ord"]))
                features.append(_feature(r["lon"], r["lat"], props))
    tmp = _tmp(path)
    tmp.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False),
                   encoding="utf-8")
    _commit(tmp, path)
    return len(features)


def write_parquet(store: Store, path: Path, clusters: bool = False) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    tmp = _tmp(path)
    tmp.mkdir(parents=True)
    n = 0
    with store.read() as conn:
        for name in PARQUET_TABLES:
            table = schema.metadata.tables[name]
            json_cols = {c.name for c in table.columns if isinstance(c.type, JSON)}
            columns: dict[str, list[Any]] = {c.name: [] for c in table.columns}
            for r in conn.execute(select(table)).mappings():
                for k in columns:
                    v = r[k]
                    if name == "claims" and k == "speech" and v is None:
                        v = True  # a row stored before the flag existed
                    columns[k].append(json.dumps(v, ensure_ascii=False) if k in json_cols and v is not None
                                      else bytes(v) if isinstance(v, memoryview) else v)
            fields = [pa.field(c.name, _arrow_type(c, c.name in json_cols)) for c in table.columns]
            pq.write_table(pa.table(columns, schema=pa.schema(fields)), tmp / f"{name}.parquet")
            n += len(next(iter(columns.values()), []))
    _commit(tmp, path)
    return n


def _arrow_type(column: Any, is_json: bool) -> Any:
    import pyarrow as pa

    if is_json:
        return pa.string()
    py = column.type.python_type
    return {int: pa.int64(), float: pa.float64(), bool: pa.bool_(), str: pa.string(), bytes: pa.binary()}.get(
        py, pa.string())


def write_jsonl(store: Store, path: Path, clusters: bool = False) -> int:
    tmp = _tmp(path)
    n = 0
    with tmp.open("w", encoding="utf-8") as f:
        if clusters:
            t = schema.event_clusters
            with store.read() as conn:
                for r in conn.execute(select(t).order_by(t.c.cluster_id)).mappings():
                    f.write(json.dumps(dict(r), ensure_ascii=False) + "\n")
                    n += 1
        else:
            for aid in store.article_ids():
                f.write(json.dumps(store.load_result(aid).to_dict(), ensure_ascii=False) + "\n")
                n += 1
    _commit(tmp, path)
    return n


FORMATS: dict[str, Callable[[Store, Path, bool], int]] = {
    "acled-csv": write_acled_csv,
    "geojson": write_geojson,
    "parquet": write_parquet,
    "jsonl": write_jsonl,
}


def export(store: Store, fmt: str, output: Path | str, clusters: bool = False) -> int:
    """Write ``fmt`` to ``output`` (a file, or a directory for parquet); returns rows or features written."""
    writer = FORMATS.get(fmt)
    if writer is None:
        raise ConfigError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    out = Path(output)
    if not out.parent.exists():
        raise ConfigError(f"cannot write {out}: the folder {out.parent} does not exist; create it first")
    tmp = _tmp(out)
    try:
        return writer(store, out, clusters)
    except OSError as exc:
        raise StoreError(f"exporting {fmt} to {out} failed: {exc}; check the path and free space") from exc
    finally:
        if tmp.is_dir():
            shutil.rmtree(tmp, ignore_errors=True)
        elif tmp.exists():
            tmp.unlink()
