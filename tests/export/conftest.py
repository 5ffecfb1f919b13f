"""Export tests run on SQLite and PostgreSQL (the root conftest's store fixtures) over records built by
tests/link's builders."""

from __future__ import annotations

import sys
from pathlib import Path

_link = Path(__file__).resolve().parents[1] / "link"
if str(_link) not in sys.path:
    sys.path.insert(0, str(_link))  # link_builders: hand-built ArticleResults
