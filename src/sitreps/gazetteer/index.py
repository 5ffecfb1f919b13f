"""The in-process gazetteer: load an index built by :mod:`sitreps.gazetteer.build` and look names up.

No server and no I/O at import: :func:`load_gazetteer` reads the file (the shipped default lives in
``sitreps/data/gazetteer/``). Columns are kept in numpy arrays and plain lists so that ~240k entries with their
alternate names cost well under the 300 MB budget; lookups go through one dict from folded name to row numbers.
"""

from __future__ import annotations

import gzip
import hashlib
import logging
import math
import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ..errors import GazetteerError
from .build import FORMAT_HEADER, fold

DEFAULT_INDEX = "world-ua.tsv.gz"
CACHE_VERSION = 2  # bump when the columnar layout changes
log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer entry (a row of the index), as candidates are built from."""

    row: int
    geonameid: int
    name: str
    feature_class: str
    feature_code: str
    country_code: str
    admin1: str
    lat: float
    lon: float
    population: int
    bbox: tuple[float, float, float, float] | None

    @property
    def is_country(self) -> bool:
        return self.feature_code.startswith("PCL")

    @property
    def is_admin(self) -> bool:
        return self.feature_class == "A" and not self.is_country


class Gazetteer:
    """Names → entries. ``lookup(name)`` returns every entry whose name or alternate name folds to ``name``."""

    def __init__(self, path: Path, ids: NDArray[np.int64], lat: NDArray[np.float64], lon: NDArray[np.float64],
                 pop: NDArray[np.int64],
                 names: list[str], fclass: list[str], fcode: list[str], cc: list[str], admin1: list[str],
                 bboxes: dict[int, tuple[float, float, float, float]], keys: dict[str, int],
                 groups: NDArray[np.int64] | None = None, group_start: NDArray[np.int64] | None = None) -> None:
        self.path = path
        self.ids, self.lat, self.lon, self.pop = ids, lat, lon, pop
        self.names, self.fclass, self.fcode, self.cc, self.admin1 = names, fclass, fcode, cc, admin1
        self.bboxes = bboxes
        # folded name -> row (>= 0, the key names one place) or -(g + 1) for group g of several rows, whose
        # rows are groups[group_start[g]:group_start[g + 1]]: most keys name one place, an int is cheapest.
        self.keys = keys
        self.groups = groups if groups is not None else np.zeros(0, dtype=np.int64)
        self.group_start = group_start if group_start is not None else np.zeros(1, dtype=np.int64)
        self._by_id_map: dict[int, int] | None = None  # built on first use: only evaluation asks by id
        self._country_row: dict[str, int] = {}
        self._admin_row: dict[tuple[str, str], int] = {}
        for i, code in enumerate(fcode):
            if code in ("PCLI", "PCLD", "PCLS", "PCLF", "PCL") and cc[i] not in self._country_row:
                self._country_row[cc[i]] = i
            elif code == "ADM1":
                self._admin_row.setdefault((cc[i], admin1[i]), i)

    def __len__(self) -> int:
        return len(self.ids)

    def entry(self, row: int) -> Entry:
        return Entry(row, int(self.ids[row]), self.names[row], self.fclass[row], self.fcode[row], self.cc[row],
                     self.admin1[row], float(self.lat[row]), float(self.lon[row]), int(self.pop[row]),
                     self.bboxes.get(row))

    def by_id(self, geonameid: int) -> Entry | None:
        if self._by_id_map is None:
            self._by_id_map = dict(zip(self.ids.tolist(), range(len(self.ids)), strict=True))
        row = self._by_id_map.get(geonameid)
        return None if row is None else self.entry(row)

    def lookup(self, name: str) -> list[Entry]:
        """Entries named ``name`` (any spelling that folds to the same key), most populous first."""
        return self.lookup_key(fold(name))

    def rows_of(self, key: str) -> list[int]:
        """Row numbers of the entries whose folded name is ``key``."""
        v = self.keys.get(key)
        if v is None:
            return []
        if v >= 0:
            return [v]
        g = -v - 1
        rows: list[int] = self.groups[self.group_start[g]:self.group_start[g + 1]].tolist()
        return rows

    def lookup_key(self, key: str) -> list[Entry]:
        """Like :meth:`lookup` for an already folded key."""
        return sorted((self.entry(r) for r in self.rows_of(key)), key=lambda e: -e.population)

    def has_key(self, key: str) -> bool:
        return key in self.keys

    def country(self, cc: str) -> Entry | None:
        row = self._country_row.get(cc)
        return None if row is None else self.entry(row)

    def admin1_of(self, e: Entry) -> Entry | None:
        row = self._admin_row.get((e.country_code, e.admin1))
        return None if row is None else self.entry(row)

    def countries(self) -> list[Entry]:
        return [self.entry(r) for r in self._country_row.values()]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def default_index_path() -> Path:
    """Path of the index shipped in the package (GeoNames cities500 + countries + Ukraine + NE rivers)."""
    return Path(str(resources.files("sitreps.data") / "gazetteer" / DEFAULT_INDEX))


def cache_dir() -> Path:
    """Where columnar copies of indexes are kept: ``$SITREPS_CACHE_DIR``, else ``$XDG_CACHE_HOME/sitreps``,
    else ``~/.cache/sitreps``."""
    env = os.environ.get("SITREPS_CACHE_DIR")
    if env:
        return Path(env)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "sitreps"


def load_gazetteer(path: str | Path | None = None, cache: bool = True) -> Gazetteer:
    """Load an index file (``None``: the shipped default). Raises :class:`GazetteerError` when it is unusable.

    Parsing the gzip'd TSV takes a few seconds; the first load writes a columnar copy (numpy arrays, no pickle)
    to :func:`cache_dir`, keyed by the file's path, size and modification time, and later loads read that copy
    (about a quarter of a second). ``cache=False`` always parses the TSV. An unwritable or damaged cache is
    ignored.
    """
    p = Path(path) if path else default_index_path()
    if not p.is_file():
        raise GazetteerError(f"gazetteer index {p} does not exist; build one with `sitreps gazetteer build "
                             f"cities500 XX.zip --output {p}` or unset the `gazetteer` setting to use the default")
    cached = _cache_path(p) if cache else None
    if cached is not None and cached.is_file():
        try:
            return _from_columns(p, _read_columns(cached))
        except (OSError, ValueError, KeyError, IndexError, EOFError):
            log.warning("gazetteer cache %s is unreadable; parsing %s", cached, p)
    cols = _parse_tsv(p)
    if cached is not None:
        try:
            _write_columns(cols, cached)
        except OSError as exc:
            log.info("gazetteer cache not written (%s)", exc)
    return _from_columns(p, cols)


def _cache_path(p: Path) -> Path:
    st = p.stat()
    sig = hashlib.sha1(f"{CACHE_VERSION}|{p.resolve()}|{st.st_size}|{st.st_mtime_ns}".encode()).hexdigest()[:16]
    return cache_dir() / f"gazetteer-{p.name.split('.')[0]}-{sig}.npz"


def _parse_tsv(p: Path) -> dict[str, NDArray[Any]]:
    """Columns of a gzip'd TSV index (see :func:`sitreps.gazetteer.build.write_index`)."""
    try:
        with gzip.open(p, "rt", encoding="utf-8") as fh:
            header = fh.readline().rstrip("\n")
            if header != FORMAT_HEADER:
                raise GazetteerError(f"{p} is not a sitreps gazetteer index (first line {header[:40]!r}); "
                                     f"build one with `sitreps gazetteer build`")
            cols: list[list[str]] = [[] for _ in range(11)]
            for line in fh:
                row = line.rstrip("\n").split("\t")
                if len(row) != 11:
                    raise ValueError(f"row {len(cols[0]) + 1} has {len(row)} columns, not 11")
                for col, v in zip(cols, row, strict=True):
                    col.append(v)
        multi: dict[str, list[int]] = {}
        single: dict[str, int] = {}
        for n, ks in enumerate(cols[10]):
            for k in ks.split("|"):
                if k in multi:
                    multi[k].append(n)
                elif k in single:
                    multi[k] = [single.pop(k), n]
                else:
                    single[k] = n
        # A key of one row maps to the row; a key of several to -(g + 1), group g of the CSR arrays.
        key_text = list(single) + list(multi)
        key_value = list(single.values()) + [-(g + 1) for g in range(len(multi))]
        group_start = [0]
        for rs in multi.values():
            group_start.append(group_start[-1] + len(rs))
        groups = [r for rs in multi.values() for r in rs]
        bbox_rows = [n for n, b in enumerate(cols[9]) if b]
        bbox_vals = [float(v) for n in bbox_rows for v in cols[9][n].split(",")]
        return {
            "ids": np.asarray([int(v) for v in cols[0]], dtype=np.int64),
            "lat": np.asarray([float(v) for v in cols[6]], dtype=np.float64),
            "lon": np.asarray([float(v) for v in cols[7]], dtype=np.float64),
            "pop": np.asarray([int(v) for v in cols[8]], dtype=np.int64),
            "names": _pack(cols[1]), **_categorical("fclass", cols[2]), **_categorical("fcode", cols[3]),
            **_categorical("cc", cols[4]), **_categorical("admin1", cols[5]),
            "bbox_rows": np.asarray(bbox_rows, dtype=np.int64),
            "bbox": np.asarray(bbox_vals, dtype=np.float64).reshape(-1, 4),
            "key_text": _pack(key_text), "key_value": np.asarray(key_value, dtype=np.int64),
            "groups": np.asarray(groups, dtype=np.int64), "group_start": np.asarray(group_start, dtype=np.int64),
        }
    except (OSError, EOFError, ValueError, IndexError) as exc:
        raise GazetteerError(f"gazetteer index {p} is corrupt ({exc}); rebuild it with `sitreps gazetteer build`") \
            from exc


def _pack(strings: list[str]) -> NDArray[Any]:
    """Strings as one UTF-8 byte array, newline-separated (no pickle needed to store it)."""
    return np.frombuffer("\n".join(strings).encode("utf-8"), dtype=np.uint8)


def _unpack(a: NDArray[Any]) -> list[str]:
    return a.tobytes().decode("utf-8").split("\n")


def _write_columns(cols: dict[str, NDArray[Any]], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.part")
    with tmp.open("wb") as fh:
        np.savez(fh, **cols)  # type: ignore[arg-type]
    os.replace(tmp, path)  # a reader never sees a half-written copy


def _read_columns(path: Path) -> dict[str, NDArray[Any]]:
    with np.load(path, allow_pickle=False) as z:
        return {k: z[k] for k in z.files}


def _categorical(name: str, values: list[str]) -> dict[str, NDArray[Any]]:
    """A column of few distinct short strings (feature codes, countries) as a vocabulary and codes."""
    vocab: dict[str, int] = {}
    codes = [vocab.setdefault(v, len(vocab)) for v in values]
    return {f"{name}_vocab": _pack(list(vocab)), f"{name}_codes": np.asarray(codes, dtype=np.int32)}


def _decoded(cols: dict[str, NDArray[Any]], name: str) -> list[str]:
    """One shared string object per distinct value: the lists cost a pointer per row."""
    vocab = _unpack(cols[f"{name}_vocab"])
    return list(map(vocab.__getitem__, cols[f"{name}_codes"].tolist()))


def _from_columns(p: Path, cols: dict[str, NDArray[Any]]) -> Gazetteer:
    n = len(cols["ids"])
    names = _unpack(cols["names"]) if n else []
    fclass, fcode, cc, admin1 = (_decoded(cols, c) for c in ("fclass", "fcode", "cc", "admin1"))
    if not (len(names) == len(fclass) == len(fcode) == len(cc) == len(admin1) == n):
        raise ValueError("column lengths differ")
    bboxes = {int(r): (float(b[0]), float(b[1]), float(b[2]), float(b[3]))
              for r, b in zip(cols["bbox_rows"].tolist(), cols["bbox"].tolist(), strict=True)}
    key_text = _unpack(cols["key_text"]) if len(cols["key_value"]) else []
    keys = dict(zip(key_text, cols["key_value"].tolist(), strict=True))
    return Gazetteer(p, cols["ids"], cols["lat"], cols["lon"], cols["pop"], names, fclass, fcode, cc, admin1,
                     bboxes, keys, cols["groups"], cols["group_start"])
