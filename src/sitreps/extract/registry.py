"""Stage registry: name -> factory. Modules are imported only when a pipeline is loaded."""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from ..errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from ..model import ArticleResult
    from ..settings import Settings


class Stage(Protocol):
    name: str

    def __call__(self, doc: Doc, result: ArticleResult) -> None: ...


@dataclass
class Resources:
    """Heavy shared objects, loaded once per process (per worker in a distributed run) and passed in.

    ``get(key, loader)`` memoises anything else a stage needs (the gazetteer index, a trained model).
    """

    nlp: Language
    cache: dict[str, Any] = field(default_factory=dict)

    def get(self, key: str, loader: Callable[[], Any]) -> Any:
        if key not in self.cache:
            self.cache[key] = loader()
        return self.cache[key]


StageFactory = Callable[["Settings", Resources], Stage]

# Built-in stages: name -> module exposing ``load(settings, resources) -> Stage``.
STAGE_MODULES: dict[str, str] = {
    "time": "sitreps.extract.time",
    "quantities": "sitreps.extract.quantities",
    "places": "sitreps.extract.places",
    "attribution": "sitreps.extract.attribution",
    "actors": "sitreps.extract.actors",
    "events": "sitreps.extract.events",
}
_CUSTOM: dict[str, StageFactory] = {}


def register_stage(name: str, factory: StageFactory) -> None:
    """Add (or replace) a stage; list its name in ``Settings.stages`` to run it."""
    _CUSTOM[name] = factory


def available_stages() -> list[str]:
    """Names of the stages that can be loaded here, built-in ones first in pipeline order."""
    names = [n for n, mod in STAGE_MODULES.items() if importlib.util.find_spec(mod) is not None]
    return names + [n for n in _CUSTOM if n not in names]


def load_stage(name: str, settings: Settings, resources: Resources) -> Stage:
    if name in _CUSTOM:
        return _CUSTOM[name](settings, resources)
    module_name = STAGE_MODULES.get(name)
    if module_name is None or importlib.util.find_spec(module_name) is None:
        raise ConfigError(
            f"unknown stage {name!r}; available stages: {', '.join(available_stages())}. "
            f"Register your own with sitreps.extract.register_stage()."
        )
    module = importlib.import_module(module_name)
    stage: Stage = module.load(settings, resources)
    return stage
