"""Extractors: one module per stage. Each module exposes ``load(settings, resources) -> Stage``.

A stage is a callable ``stage(doc, result) -> None`` that appends its records to ``result`` (an
:class:`~sitreps.model.ArticleResult`) and may read what earlier stages put there. Stages run in the order of
``Settings.stages``; the registry below maps a stage name to the module that provides it.
"""

from __future__ import annotations

from .registry import STAGE_MODULES, Resources, Stage, available_stages, load_stage, register_stage

__all__ = ["STAGE_MODULES", "Resources", "Stage", "available_stages", "load_stage", "register_stage"]
