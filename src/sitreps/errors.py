"""One error hierarchy. Every message names the bad input and says what to do.

::

    SitrepsError                 base of everything sitreps raises on purpose
    ├── ConfigError              a setting, option or model name is wrong
    ├── ModelNotFound            a spaCy model or trained sitreps model is missing
    ├── InputError               one document cannot be read (carries path and line/row)
    │   ├── EncodingError        its bytes are not text in any encoding we detect
    │   ├── EmptyDocument        nothing left after cleaning
    │   └── DocumentTooLarge     above the size limit
    ├── SpanError                an extractor produced a span that does not match the text (a bug)
    ├── ExtractionError          one stage failed on one document
    ├── GazetteerError           the gazetteer index is missing or corrupt
    ├── StoreError               the database cannot be opened, migrated or written
    └── EvaluationDataMissing    gold data for an evaluation is absent (evaluations skip)
"""

from __future__ import annotations


class SitrepsError(Exception):
    """Base class. ``code`` is stable and appears in messages (E001 ...)."""

    code = "E000"

    def __str__(self) -> str:
        return f"[{self.code}] {super().__str__()}"


class ConfigError(SitrepsError):
    code = "E001"


class ModelNotFound(SitrepsError):
    code = "E002"


class InputError(SitrepsError):
    """A document that cannot be read. ``location`` is "file" or "file:line" or "file:row N"."""

    code = "E010"

    def __init__(self, location: str, reason: str) -> None:
        self.location = location
        self.reason = reason
        super().__init__(f"{location}: {reason}")


class EncodingError(InputError):
    code = "E011"


class EmptyDocument(InputError):
    code = "E012"


class DocumentTooLarge(InputError):
    code = "E013"


class SpanError(SitrepsError):
    code = "E020"


class ExtractionError(SitrepsError):
    code = "E030"


class GazetteerError(SitrepsError):
    code = "E040"


class StoreError(SitrepsError):
    code = "E050"


class EvaluationDataMissing(SitrepsError):
    code = "E060"
