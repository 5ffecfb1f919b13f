"""Cross-article linking: near-duplicates, event clusters (corroboration, conflicts), primary sources.

::

    from sitreps.link import run_linking
    with open_store("var/sitreps.db") as store:
        report = run_linking(store)      # idempotent; the same result whatever order articles came in

Modules: ``dedup`` (MinHash/LSH near-duplicates), ``cluster`` (which events are one event),
``corroborate`` (independent sources, figures, conflicts), ``primary`` (claim → sentence of the quoted
document), ``run`` (all of it over a store). Tables and columns are documented in ``store/link_queries.py``.
"""

from __future__ import annotations

from .run import LinkReport, run_linking

__all__ = ["LinkReport", "run_linking"]
