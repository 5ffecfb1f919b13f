"""The in-process gazetteer: load an index built by :mod:`sitreps.gazetteer.build` and look names up.

No server and no I/O at import: :func:`load_gazetteer` reads the file (the shipped default lives in
``sitreps/data/gazetteer/``). Columns are kept in numpy arrays and plain lists so that ~240k entries with their
alternate names cost well under the 300 MB budget; lookups go through one dict from folded name to row numbers.
"""

from __future__ import annotations

import gzip
import math
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from ..errors import GazetteerError
from .build import FORMAT_HEADER, fold

DEFAULT_INDEX = "world-ua.tsv.gz"


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
                 bboxes: dict[int, tuple[float, float, float, float]], keys: dict[str, int | list[int]]) -> None:
        self.path = path
        self.ids, self.lat, self.lon, self.pop = ids, lat, lon, pop
        self.names, self.fclass, self.fcode, self.cc, self.admin1 = names, fclass, fcode, cc, admin1
        self.bboxes = bboxes
        # folded name -> row (one entry) or rows (several): most keys name one place, an int is cheaper.
        self.keys = keys
        self._by_id = {int(g): i for i, g in enumerate(ids)}
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
        row = self._by_id.get(geonameid)
        return None if row is None else self.entry(row)

    def lookup(self, name: str) -> list[Entry]:
        """Entries named ``name`` (any spelling that folds to the same key), most populous first."""
        return self.lookup_key(fold(name))

    def lookup_key(self, key: str) -> list[Entry]:
        """Like :meth:`lookup` for an already folded key."""
        rows = self.keys.get(key)
        if rows is None:
            return []
        if isinstance(rows, int):
            return [self.entry(rows)]
        return sorted((self.entry(r) for r in rows), key=lambda e: -e.population)

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


def load_gazetteer(path: str | Path | None = None) -> Gazetteer:
    """Load an index file (``None``: the shipped default). Raises :class:`GazetteerError` when it is unusable."""
    p = Path(path) if path else default_index_path()
    if not p.is_file():
        raise GazetteerError(f"gazetteer index {p} does not exist; build one with `sitreps gazetteer build "
                             f"cities500 XX.zip --output {p}` or unset the `gazetteer` setting to use the default")
    ids: list[int] = []
    lat: list[float] = []
    lon: list[float] = []
    pop: list[int] = []
    names: list[str] = []
    fclass: list[str] = []
    fcode: list[str] = []
    cc: list[str] = []
    admin1: list[str] = []
    bboxes: dict[int, tuple[float, float, float, float]] = {}
    keys: dict[str, int | list[int]] = {}
    intern: dict[str, str] = {}
    try:
        with gzip.open(p, "rt", encoding="utf-8") as fh:
            header = fh.readline().rstrip("\n")
            if header != FORMAT_HEADER:
                raise GazetteerError(f"{p} is not a sitreps gazetteer index (first line {header[:40]!r}); "
                                     f"build one with `sitreps gazetteer build`")
            for n, line in enumerate(fh):
                cols = line.rstrip("\n").split("\t")
                ids.append(int(cols[0]))
                names.append(cols[1])
                fclass.append(intern.setdefault(cols[2], cols[2]))
                fcode.append(intern.setdefault(cols[3], cols[3]))
                cc.append(intern.setdefault(cols[4], cols[4]))
                admin1.append(intern.setdefault(cols[5], cols[5]))
                lat.append(float(cols[6]))
                lon.append(float(cols[7]))
                pop.append(int(cols[8]))
                if cols[9]:
                    s, w, no, e = (float(v) for v in cols[9].split(","))
                    bboxes[n] = (s, w, no, e)
                for k in cols[10].split("|"):
                    rows = keys.get(k)
                    if rows is None:
                        keys[k] = n
                    elif isinstance(rows, int):
                        keys[k] = [rows, n]
                    else:
                        rows.append(n)
    except (OSError, EOFError, ValueError, IndexError) as exc:
        raise GazetteerError(f"gazetteer index {p} is corrupt ({exc}); rebuild it with `sitreps gazetteer build`") \
            from exc
    return Gazetteer(p, np.asarray(ids, dtype=np.int64), np.asarray(lat), np.asarray(lon),
                     np.asarray(pop, dtype=np.int64), names, fclass, fcode, cc, admin1, bboxes, keys)
