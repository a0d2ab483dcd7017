"""Publication dates: exact formats first (fast, and exactly what news pages print), dateparser as fallback.

A date with a time of day comes back as a ``datetime``, a date alone as a ``date``. A result is timezone-aware
only when the text names a zone or an offset: quotebank never invents one.
"""

from __future__ import annotations

import functools
from datetime import date, datetime, timedelta, timezone
from typing import Any

import regex

from quotebank.errors import InvalidArgumentError, InvalidDateError

__all__ = ["coerce_published", "parse_date"]

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_TIME = r"(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?(?:\s*(?P<ampm>[ap]\.?m\.?))?"

_ISO = regex.compile(
    # no digit on either side: "12026-02-05" is not 2026-02-05 with a stray 1
    r"(?<!\d)(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?!\d)"
    r"(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?"
    r"\s*(?P<zone>Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?",
    regex.IGNORECASE,
)
# "03:31 | 05 February 2026", "5 February 2026", "05 Feb 2026 14:10"
_DAY_MONTH_YEAR = regex.compile(
    r"(?:" + _TIME + r"\s*[|,-]?\s*)?(?P<day>\d{1,2})\s+" + _MONTH + r",?\s+(?P<year>\d{4})"
    r"(?:,?\s*(?:at\s+)?(?P<hour2>\d{1,2}):(?P<minute2>\d{2}))?",
    regex.IGNORECASE,
)
# "February 5, 2026", "Feb. 5, 2026 3:31 p.m."
_MONTH_DAY_YEAR = regex.compile(
    _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})"
    r"(?:,?\s*(?:at\s+)?" + _TIME + r")?",
    regex.IGNORECASE,
)
_ZONE_WORD = regex.compile(r"\b(?:UTC|GMT|[ECMP][SD]?T|[A-Z]{2,4}T|Z)\b|[+-]\d{2}:?\d{2}\b")
_HAS_TIME = regex.compile(r"\d{1,2}:\d{2}|\b\d{1,2}\s*[ap]\.?m\b", regex.IGNORECASE)
_MAX_DATE_TEXT = 120
_LABEL = regex.compile(
    r"^[\W_]*+(?:(?:published|updated|posted|last|modified|date|on|at|the)\b[\W_]*+)*+", regex.IGNORECASE
)


def _offset(zone: str) -> timezone:
    zone = zone.upper()
    if zone in ("Z", "UTC", "GMT"):
        return timezone.utc
    sign = -1 if zone[0] == "-" else 1
    digits = zone[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def _hour(hour: str, ampm: str | None) -> int:
    value = int(hour)
    if ampm:
        is_pm = ampm.lower().startswith("p")
        value = value % 12 + (12 if is_pm else 0)
    return value


def _exact(text: str) -> date | None:
    """The first date in ``text`` in one of the exact formats; raises ValueError for an impossible date."""
    match = _ISO.search(text)
    if match is not None:
        day = date(int(match["year"]), int(match["month"]), int(match["day"]))
        if match["hour"] is None:
            return day
        zone = _offset(match["zone"]) if match["zone"] else None
        return datetime(
            day.year,
            day.month,
            day.day,
            int(match["hour"]),
            int(match["minute"]),
            int(match["second"] or 0),
            tzinfo=zone,
        )
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        match = pattern.search(text)
        if match is None:
            continue
        day = date(int(match["year"]), _MONTHS[match["month"].lower()], int(match["day"]))
        groups = match.groupdict()
        hour, minute = groups.get("hour"), groups.get("minute")
        if hour is None and groups.get("hour2") is not None:
            hour, minute = groups["hour2"], groups["minute2"]
        if hour is None or minute is None:
            return day
        if _ZONE_WORD.search(text, match.end()):
            return None  # a named zone: let dateparser read it rather than guess
        return datetime(day.year, day.month, day.day, _hour(hour, groups.get("ampm")), int(minute))
    return None


@functools.lru_cache(maxsize=4096)
def parse_date(text: str) -> date | None:
    """Read a date (and time, if given) from a short piece of text; ``None`` when it holds no real date.

    >>> parse_date("- Published Date: 03:31 | 05 February 2026")
    datetime.datetime(2026, 2, 5, 3, 31)
    >>> parse_date("October 2, 2025")
    datetime.date(2025, 10, 2)
    """
    text = text[:_MAX_DATE_TEXT]
    try:
        found = _exact(text)
    except ValueError:
        return None
    if found is not None:
        return found
    # dateparser reads "5th of February 2026" but not "Posted on the 5th of February 2026"
    return _dateparser(_LABEL.sub("", text), languages=("en",))


def _dateparser(text: str, languages: tuple[str, ...] | None = None) -> date | None:
    """dateparser's reading of ``text``. Lines of an article are read as English, which is fast; a date
    the caller passes may be in any language dateparser knows (detecting it costs about a second, once)."""
    import dateparser  # noqa: PLC0415 -- slow to import, and most dates never get here

    settings: Any = {
        # Absolute dates only: a relative one ("yesterday") would depend on the day quotebank runs.
        "PARSERS": ["custom-formats", "absolute-time"],
        "REQUIRE_PARTS": ["day", "month", "year"],
    }
    try:
        parsed = dateparser.parse(text, languages=list(languages) if languages else None, settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None
    if parsed is None:
        return None
    if not _HAS_TIME.search(text):
        return parsed.date()
    return parsed


def coerce_published(value: object) -> date | None:
    """The caller's ``published`` argument as a date or datetime; a clear error for anything else."""
    if value is None or isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            found = _exact(value[:_MAX_DATE_TEXT])
        except ValueError as error:
            raise InvalidDateError(f"published={value!r} is not a real date: {error}") from None
        if found is None:
            found = _dateparser(value[:_MAX_DATE_TEXT])
        if found is None:
            raise InvalidDateError(f"published={value!r} does not read as a date")
        return found
    raise InvalidArgumentError(
        f"published must be a date, a datetime or a string, not {type(value).__name__}"
    )
