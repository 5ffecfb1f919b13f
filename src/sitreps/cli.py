"""The command line: a thin layer over the library. Each command lives in ``sitreps/commands/<name>.py``,
registers itself on :data:`app` (or on a sub-app below) and does its heavy imports inside the function."""

from __future__ import annotations

import importlib
import pkgutil
import sys

import typer

app = typer.Typer(
    name="sitreps",
    help="Turn conflict reporting into sourced, geolocated, dated records of events and claims.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
evaluate_app = typer.Typer(help="Score the extractors on gold data (../shared/eval) and the founding article.",
                           no_args_is_help=True)
gazetteer_app = typer.Typer(help="Build and inspect the offline gazetteer index.", no_args_is_help=True)
app.add_typer(evaluate_app, name="evaluate")
train_app = typer.Typer(help="Train the shipped models again from ../shared/eval (reproducible, CPU only).",
                        no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")
app.add_typer(train_app, name="train")


def _register_commands() -> None:
    from . import commands

    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        if not info.name.startswith("_"):
            importlib.import_module(f"{commands.__name__}.{info.name}")


def main() -> None:
    import os

    from .errors import SitrepsError

    # The command owns its process (and the batch workers it starts, which inherit the environment): freeze the
    # loaded models out of the garbage collector's walks there. A library caller's process is left alone.
    os.environ.setdefault("SITREPS_GC_FREEZE", "1")
    try:
        app()
    except SitrepsError as exc:
        typer.secho(f"error: {exc}", fg=typer.colors.RED, err=True)
        sys.exit(2)


_register_commands()
