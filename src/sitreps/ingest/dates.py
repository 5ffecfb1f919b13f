"""Publication dates from metadata: ISO strings, datetimes, or the common formats feeds use."""

from __future__ import annotations

import datetime as dt
import re

_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:T?\d{0,6})?\s*$")


def normalise_published(value: object) -> tuple[str | None, str | None]:
    """Return (ISO date, precision) for a publication date given as text or a date; (None, None) if unknown."""
    if value is None:
        return None, None
    if isinstance(value, dt.datetime):
        return value.date().isoformat(), "day"
    if isinstance(value, dt.date):
        return value.isoformat(), "day"
    s = str(value).strip()
    if not s:
        return None, None
    m = _COMPACT.match(s)
    if m:
        y, mo, d = (int(g) for g in m.groups())
        return _checked(y, mo, d)
    m = _ISO.match(s)
    if m and (m.group(2) or len(s) == 4):
        y = int(m.group(1))
        if m.group(3):
            return _checked(y, int(m.group(2)), int(m.group(3)))
        if m.group(2):
            mo = int(m.group(2))
            return (f"{y:04d}-{mo:02d}", "month") if 1 <= mo <= 12 else (None, None)
        return f"{y:04d}", "year"
    try:
        import dateparser  # type: ignore[import-untyped]  # no stubs published

        parsed = dateparser.parse(s, languages=["en"], settings={"RETURN_AS_TIMEZONE_AWARE": False})
    except Exception:  # noqa: BLE001 - dateparser raises many types on junk; junk means unknown
        parsed = None
    if parsed is None:
        return None, None
    return parsed.date().isoformat(), "day"


def _checked(y: int, mo: int, d: int) -> tuple[str | None, str | None]:
    try:
        return dt.date(y, mo, d).isoformat(), "day"
    except ValueError:
        return None, None
