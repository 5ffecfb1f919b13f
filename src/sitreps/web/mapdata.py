"""Map data the page ships: labelled admin-1 areas (centroids) taken from the gazetteer index.

``python -m sitreps.web.mapdata`` rewrites ``web/static/data/admin1.json`` from the shipped gazetteer
(GeoNames-derived, CC BY 4.0; see ``data/gazetteer/CREDITS.md``). Country borders come from the npm package
world-atlas (Natural Earth), vendored under ``web/static/vendor/`` (see the README there).
"""

from __future__ import annotations

import gzip
import json
from importlib.resources import files
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent / "static" / "data" / "admin1.json"


def admin1_areas(index_path: Path | None = None) -> list[dict[str, Any]]:
    """First-level admin areas (GeoNames feature code ADM1) of the gazetteer index: name, country, lat, lon."""
    path = index_path or Path(str(files("sitreps").joinpath("data", "gazetteer", "world-ua.tsv.gz")))
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) > 7 and cols[3] == "ADM1":
                out.append({"geonameid": int(cols[0]), "name": cols[1], "country_code": cols[4],
                            "lat": round(float(cols[6]), 4), "lon": round(float(cols[7]), 4)})
    return sorted(out, key=lambda a: (a["country_code"], a["name"]))


def write_admin1(out: Path = OUT, index_path: Path | None = None) -> int:
    areas = admin1_areas(index_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    payload = {"source": "GeoNames (CC BY 4.0) via the sitreps gazetteer index; ADM1 points", "areas": areas}
    out.write_text(json.dumps(payload, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    return len(areas)


if __name__ == "__main__":
    print(f"wrote {write_admin1()} admin-1 areas to {OUT}")
