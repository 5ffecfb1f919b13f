"""The gazetteer builder and loader on small dumps written here (fast: no spaCy, no shipped index)."""

from __future__ import annotations

import gzip
import json
import zipfile
from pathlib import Path

import pytest

from sitreps.errors import GazetteerError
from sitreps.gazetteer.build import build_gazetteer, fold, transliterate
from sitreps.gazetteer.index import load_gazetteer


def _row(gid: int, name: str, alts: str, lat: float, lon: float, fclass: str, fcode: str, cc: str, admin1: str,
         pop: int) -> str:
    cols = [str(gid), name, name, alts, str(lat), str(lon), fclass, fcode, cc, "", admin1, "", "", "", str(pop),
            "", "100", "Europe/Kyiv", "2024-01-01"]
    return "\t".join(cols) + "\n"


@pytest.fixture
def dump(tmp_path: Path) -> Path:
    rows = [
        _row(1, "Ukraine", "Ukraina,Oekraine", 49.0, 32.0, "A", "PCLI", "UA", "00", 41_000_000),
        _row(2, "Luhanska Oblast", "Luhansk Oblast,Lugansk", 48.98, 39.02, "A", "ADM1", "UA", "14", 2_100_000),
        _row(3, "Luhansk", "Lugansk,Luhans'k", 48.57, 39.31, "P", "PPLA", "UA", "14", 400_000),
        # a made-up village whose junk alternate is a country name, and an airport code
        _row(4, "Tykhe Pole", "Ukraine,TKP,Tikhoe Pole", 48.9, 38.2, "P", "PPL", "UA", "14", 0),
        _row(5, "Old Ruin", "", 48.0, 38.0, "S", "RUIN", "UA", "14", 0),  # feature we do not keep
    ]
    path = tmp_path / "XX.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("XX.txt", "".join(rows))
    return path


@pytest.fixture
def rivers(tmp_path: Path) -> Path:
    topo = {
        "type": "Topology",
        "transform": {"scale": [0.01, 0.01], "translate": [36.0, 48.0]},
        "arcs": [[[0, 0], [100, 50], [100, 50]]],
        "objects": {"rivers": {"type": "GeometryCollection", "geometries": [
            {"type": "LineString", "arcs": [0], "properties": {
                "featurecla": "River", "name": "Donets", "name_en": "Donets", "name_alt": "",
                "name_uk": "Сіверський Донець", "name_ru": "Северский Донец", "wikidataid": "Q1"}}]}},
    }
    path = tmp_path / "rivers.topojson"
    path.write_text(json.dumps(topo), encoding="utf-8")
    return path


def test_gazetteer_fold_ignores_accents_apostrophes_and_case() -> None:
    assert fold("Luhans'k") == fold("LUHANSK") == "luhansk"
    assert fold("Ivano-Frankivsk") == "ivano frankivsk"
    assert fold("Dnipró") == "dnipro"


def test_gazetteer_transliterates_ukrainian_and_russian_river_names() -> None:
    assert "Siverskyi Donets" in transliterate("Сіверський Донець")
    assert "Seversky Donets" in transliterate("Северский Донец", russian=True)


def test_gazetteer_build_and_lookup(dump: Path, rivers: Path, tmp_path: Path) -> None:
    out, n = build_gazetteer([dump, rivers], tmp_path / "idx.tsv.gz")
    assert n == 5  # four GeoNames rows (the ruin is dropped) and one river
    gaz = load_gazetteer(out)
    # transliterations and the admin area's bare name
    assert [e.geonameid for e in gaz.lookup("Lugansk")] == [2, 3]
    assert {e.feature_code for e in gaz.lookup("Luhansk")} == {"ADM1", "PPLA"}
    # a town's alternate name equal to a country's name is junk: "Ukraine" is only the country
    assert [e.feature_code for e in gaz.lookup("Ukraine")] == ["PCLI"]
    assert gaz.lookup("TKP") == []
    assert [e.geonameid for e in gaz.lookup("Tikhoe Pole")] == [4]
    river = gaz.lookup("the Siverskyi Donets River".removeprefix("the "))
    assert len(river) == 1 and river[0].bbox == pytest.approx((48.0, 36.0, 49.0, 38.0))
    assert gaz.lookup("Seversky Donets")[0].feature_class == "H"
    assert gaz.country("UA") is not None and gaz.country("UA").geonameid == 1
    assert gaz.admin1_of(gaz.lookup("Tikhoe Pole")[0]).geonameid == 2


def test_gazetteer_missing_source_names_the_fix(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="does not exist"):
        build_gazetteer([tmp_path / "nope.zip"], tmp_path / "out.tsv.gz")


def test_gazetteer_load_refuses_missing_and_foreign_files(tmp_path: Path) -> None:
    with pytest.raises(GazetteerError, match="sitreps gazetteer build"):
        load_gazetteer(tmp_path / "absent.tsv.gz")
    bad = tmp_path / "bad.tsv.gz"
    with gzip.open(bad, "wt") as fh:
        fh.write("id\tname\n1\tx\n")
    with pytest.raises(GazetteerError, match="not a sitreps gazetteer"):
        load_gazetteer(bad)


def test_gazetteer_truncated_row_is_reported_as_corrupt(dump: Path, tmp_path: Path) -> None:
    out, _ = build_gazetteer([dump], tmp_path / "idx.tsv.gz")
    lines = gzip.open(out, "rt", encoding="utf-8").read().splitlines()
    with gzip.open(out, "wt", encoding="utf-8") as fh:
        fh.write("\n".join([lines[0], lines[1][:5]]) + "\n")
    with pytest.raises(GazetteerError, match="corrupt"):
        load_gazetteer(out)


def test_gazetteer_columnar_copy_answers_like_the_tsv_and_survives_damage(dump: Path, rivers: Path,
                                                                         tmp_path: Path) -> None:
    out, _ = build_gazetteer([dump, rivers], tmp_path / "idx.tsv.gz")
    first = load_gazetteer(out)  # parses the TSV and writes the copy
    copies = list((tmp_path / "cache").glob("gazetteer-idx-*.npz"))
    assert len(copies) == 1
    second = load_gazetteer(out)  # reads the copy
    fresh = load_gazetteer(out, cache=False)
    for gaz in (second, fresh):
        assert gaz.keys == first.keys
        assert [e.geonameid for e in gaz.lookup("Lugansk")] == [2, 3]
        assert gaz.lookup("Donets")[0].bbox == first.lookup("Donets")[0].bbox
        assert gaz.by_id(4) is not None and gaz.by_id(4).name == "Tykhe Pole"
        assert gaz.by_id(999) is None
    copies[0].write_bytes(b"not a numpy archive")
    assert [e.geonameid for e in load_gazetteer(out).lookup("Lugansk")] == [2, 3]


def test_gazetteer_large_area_point_moves_to_the_middle_of_its_towns_full_box() -> None:
    from sitreps.gazetteer.build import Row, _spread_area_points

    # a large area whose towns crowd its south (40-41 N) with a few far north (up to 52 N), and a small one
    south = [Row(10 + i, f"S{i}", "P", "PPL", "XX", "01", 40.0 + 0.1 * i, -80.0 + 0.5 * i, 1000) for i in range(12)]
    north = [Row(30 + i, f"N{i}", "P", "PPL", "XX", "01", 50.0 + i, -85.0, 100) for i in range(3)]
    small = [Row(50 + i, f"T{i}", "P", "PPL", "XX", "02", 30.0 + 0.05 * i, 10.0 + 0.05 * i, 100) for i in range(8)]
    big_area = Row(1, "Big", "A", "ADM1", "XX", "01", 40.6, -77.0, 0)
    small_area = Row(2, "Small", "A", "ADM1", "XX", "02", 30.2, 10.2, 0)
    dumped_area = Row(3, "Dumped", "A", "ADM1", "YY", "01", 40.6, -77.0, 0)
    dumped_towns = [Row(60 + r.geonameid, r.name, "P", "PPL", "YY", "01", r.lat, r.lon, 1) for r in south + north]
    rows = [big_area, small_area, dumped_area, *south, *north, *small, *dumped_towns]
    _spread_area_points(rows, dumped={"YY"})
    assert (big_area.lat, big_area.lon) == (46.0, -79.75)  # middle of 40-52 N, 85-74.5 W
    assert (small_area.lat, small_area.lon) == (30.2, 10.2)  # small: unchanged
    assert (dumped_area.lat, dumped_area.lon) == (40.6, -77.0)  # GeoNames' own point: unchanged


def test_gazetteer_admin_names_build_a_one_town_county_but_not_a_one_town_commune(tmp_path: Path) -> None:
    from sitreps.gazetteer.build import Row, read_admin_names

    towns = [Row(1, "Alderton", "P", "PPLA2", "XX", "07", 36.30, -88.33, 10_000),
             Row(2, "Brookvale", "P", "PPL", "XX", "07", 35.00, -87.00, 2_000),
             Row(3, "Cedar Mills", "P", "PPL", "XX", "07", 35.20, -87.20, 3_000),
             Row(4, "Dunmore", "P", "PPL", "XX", "07", 34.00, -86.00, 4_000)]
    csv_path = tmp_path / "admin_names.csv"
    csv_path.write_text("lat,lon,name,admin1,admin2,cc\n"
                        "36.30,-88.33,Alderton,Westland,Harlow County,XX\n"  # a county with one town: kept
                        "35.00,-87.00,Brookvale,Westland,Mercer County,XX\n"
                        "35.20,-87.20,Cedar Mills,Westland,Mercer County,XX\n"
                        "34.00,-86.00,Dunmore,Westland,Dunmore,XX\n",  # a commune named like its one town: not
                        encoding="utf-8")
    rows = {r.name: r for r in read_admin_names(csv_path, towns, have_admin1=set())}
    assert rows["Harlow County"].fcode == "ADM2"
    assert (rows["Harlow County"].lat, rows["Harlow County"].lon) == (36.30, -88.33)  # its town's point
    assert rows["Harlow County"].admin1 == "07"
    assert rows["Mercer County"].population == 5_000
    assert "Dunmore" not in rows
    assert rows["Westland"].fcode == "ADM1"


def test_gazetteer_centre_of_points_across_the_180th_meridian_stays_among_them() -> None:
    from sitreps.gazetteer.build import _centre

    # made-up atolls on both sides of the date line: the centre is near 180, not near 0 (the arithmetic mean)
    atolls = [(1.0, 172.0), (1.5, 173.0), (2.0, 174.0), (-1.0, -175.0), (-2.0, -172.0), (0.0, 179.0)]
    lat, lon = _centre(atolls)
    assert abs(lon) > 170 and -2.0 <= lat <= 2.0
    assert _centre([(10.0 + i, -5.0 + i) for i in range(10)]) == (14.5, -0.5)  # an ordinary span: the 10-90 % box


def test_gazetteer_admin_name_prefixes_give_the_bare_name() -> None:
    from sitreps.gazetteer.build import _admin_short_forms

    assert _admin_short_forms("Province of Pangasinan") == ["Pangasinan"]
    assert _admin_short_forms("Departement de la Lozere") == ["Lozere"]  # the longest prefix, not "Departement de"
    assert _admin_short_forms("Provincia di Grosseto") == ["Grosseto"]
    assert _admin_short_forms("Luhansk Oblast") == ["Luhansk"]
    assert _admin_short_forms("Province of") == []  # nothing left after the prefix
    assert _admin_short_forms("Provence") == []


def test_gazetteer_admin_names_carry_a_former_province_and_the_bare_name_of_a_prefixed_area(tmp_path: Path) -> None:
    # Kenya's former provinces are built from the counties that replaced them (tables.FORMER_ADMIN1); the
    # towns and points below are made up
    csv_path = tmp_path / "admin_names.csv"
    csv_path.write_text("lat,lon,name,admin1,admin2,cc\n"
                        "0.0,34.2,Alpha,Siaya,,KE\n"
                        "-0.1,34.8,Beta,Kisumu,,KE\n"
                        "-1.0,34.5,Gamma,Migori,,KE\n"
                        "-1.2,37.0,Delta,Machakos,,KE\n"
                        "15.9,120.3,Epsilon,Ilocos,Province of Pangasinan,PH\n"
                        "16.0,120.4,Zeta,Ilocos,Province of Pangasinan,PH\n",
                        encoding="utf-8")
    out, _ = build_gazetteer([csv_path], tmp_path / "idx.tsv.gz")
    gaz = load_gazetteer(out, cache=False)
    nyanza = [e for e in gaz.lookup("Nyanza Province") if e.country_code == "KE"]
    assert len(nyanza) == 1 and nyanza[0].feature_code == "RGN"
    assert -1.0 <= nyanza[0].lat <= 0.0 and 34.2 <= nyanza[0].lon <= 34.8  # among its counties' towns, not Machakos
    assert [e.geonameid for e in gaz.lookup("Nyanza")] == [nyanza[0].geonameid]
    assert [e.name for e in gaz.lookup("Pangasinan")] == ["Province of Pangasinan"]
    assert gaz.lookup("Pangasinan")[0].feature_code == "ADM2"
