"""The ACLED taxonomy and its PLOVER mapping, read from ``sitreps/data/taxonomy/acled.yaml``.

Kept as a data file (not Python literals) so analysts can read and correct the mapping without reading code.
Loaded on first use by :func:`load_taxonomy` (no I/O at import time) and memoised.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from ..errors import ConfigError

__all__ = ["SubType", "Taxonomy", "load_taxonomy"]


@dataclass(frozen=True, slots=True)
class SubType:
    """One ACLED sub-event type with its parent type, CASE-2021 code and default PLOVER event + mode."""

    name: str
    event_type: str
    case: str
    plover: str | None
    mode: str | None


@dataclass(frozen=True)
class Taxonomy:
    sub_types: dict[str, SubType]  # ACLED sub-event type name -> record
    by_case: dict[str, SubType]  # CASE-2021 code -> record
    non_acled: frozenset[str]  # CASE-2021 codes that are not ACLED events
    plover_to_acled: dict[str, dict[str, str]]  # PLOVER event -> mode ("*" any) -> ACLED sub-type

    def event_type(self, sub_type: str) -> str:
        """ACLED event type of ``sub_type`` (raises ConfigError naming the known sub-types if unknown)."""
        try:
            return self.sub_types[sub_type].event_type
        except KeyError:
            raise ConfigError(
                f"unknown ACLED sub-event type {sub_type!r}; known: {', '.join(sorted(self.sub_types))}"
            ) from None

    def acled_for_plover(self, event: str | None, mode: str | None) -> str | None:
        """The ACLED sub-type a PLOVER event + mode maps to, or None when it is no ACLED event."""
        if not event:
            return None
        modes = self.plover_to_acled.get(event)
        if not modes:
            return None
        if mode and mode in modes:
            return modes[mode]
        return modes.get("*")


@lru_cache(maxsize=1)
def load_taxonomy() -> Taxonomy:
    """Read the shipped taxonomy table once per process."""
    raw = yaml.safe_load(resources.files("sitreps").joinpath("data/taxonomy/acled.yaml").read_text("utf-8"))
    sub_types: dict[str, SubType] = {}
    for event_type, subs in raw["types"].items():
        for name, info in subs.items():
            sub_types[name] = SubType(name, event_type, info["case"], info.get("plover"), info.get("mode"))
    p2a = {ev: dict(modes or {}) for ev, modes in raw.get("plover_to_acled", {}).items()}
    for modes in p2a.values():
        for target in modes.values():
            if target not in sub_types:
                raise ConfigError(f"acled.yaml maps PLOVER to unknown ACLED sub-type {target!r}; fix the table")
    return Taxonomy(
        sub_types=sub_types,
        by_case={s.case: s for s in sub_types.values()},
        non_acled=frozenset(raw.get("non_acled", [])),
        plover_to_acled=p2a,
    )
