"""Gazetteer tests keep the loader's columnar copies in their own temporary directory."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITREPS_CACHE_DIR", str(tmp_path / "cache"))
