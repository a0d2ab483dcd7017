"""Publication dates: exact formats first (fast, and exactly what news pages print), dateparser as fallback.

A date with a time of day comes back as a ``datetime``, a date alone as a ``date``. A result is timezone-aware
only when the text names a zone or an offset: quotebank never invents one.

:func:`read_date` also says how precise the date is (:class:`~quotebank.values.DatePrecision`: a month alone,
``March 2026``, reads as its first day with precision ``MONTH``) and whether it is ambiguous: a numeric date
whose day and month could swap (``05/03/2026``) reads in the caller's :class:`DateOrder` when one is given,
and otherwise month first (as dateparser does), flagged ``ambiguous``.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterable
from datetime import date, datetime, timedelta, timezone
from typing import Any

import attrs
import regex

from quotebank._pipeline.language import Language, available_languages, language
from quotebank.errors import InvalidArgumentError, InvalidDateError
from quotebank.values import DatePrecision

__all__ = [
    "DateOrder",
    "DateReading",
    "coerce_date_order",
    "coerce_published",
    "coerce_reading",
    "parse_date",
    "read_date",
]


class DateOrder(str, enum.Enum):
    """The order of day, month and year in a numeric date such as ``05/03/2026``.

    When the year is last in four digits, only the order of day and month counts (``YMD`` and ``MDY`` both
    read ``05/03/2026`` as 3 May). A year first in four digits (``2026/03/05``) is always year, month, day.
    A two-digit year is read as ``strptime``'s ``%y`` reads it (``68`` is 2068, ``69`` is 1969).
    """

    DMY = "DMY"
    MDY = "MDY"
    YMD = "YMD"


@attrs.frozen
class DateReading:
    """A date read from text: its value, how precise the text was, and whether another order reads it
    differently (only when no :class:`DateOrder` was given)."""

    value: date
    precision: DatePrecision
    ambiguous: bool = False

    def fields(self) -> dict[str, Any]:
        """The reading as the ``published`` fields of an Article or a Quote (for ``attrs.evolve``)."""
        return {
            "published": self.value,
            "published_precision": self.precision,
            "published_ambiguous": self.ambiguous,
        }


def coerce_date_order(value: object) -> DateOrder | None:
    """A ``date_order`` option (a :class:`DateOrder` or its name, in any case) checked; ``None`` stays."""
    if value is None or isinstance(value, DateOrder):
        return value
    if isinstance(value, str) and value.upper() in DateOrder.__members__:
        return DateOrder[value.upper()]
    choices = ", ".join(repr(order.value) for order in DateOrder)
    raise InvalidArgumentError(f"date_order must be one of {choices} or None, not {value!r}")


_ISO = regex.compile(
    # no digit on either side: "12026-02-05" is not 2026-02-05 with a stray 1
    r"(?<!\d)(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?!\d)"
    r"(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?"
    r"\s*(?P<zone>Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?",
    regex.IGNORECASE,
)


def _alternation(words: Iterable[str]) -> str:
    """A regular expression that matches any of ``words``, longest first, spaces as any whitespace."""
    return "|".join(r"\s+".join(map(regex.escape, w.split())) for w in sorted(words, key=len, reverse=True))


def _clock_marks(marks: Iterable[str]) -> str:
    """A regular expression for the words after a twelve-hour time (``a.m.``): their full stops optional;
    one that never matches for a language without them."""
    forms = [regex.escape(mark).replace(r"\.", r"\.?") for mark in sorted(marks, key=len, reverse=True)]
    return "|".join(forms) if forms else "(?!)"


@attrs.frozen
class _Patterns:
    """The date patterns that embed one language's words: month names, ordinal endings, labels."""

    months: dict[str, int]
    day_month_year: regex.Pattern[str]
    month_day_year: regex.Pattern[str]
    numeric: regex.Pattern[str]
    month_year: regex.Pattern[str]
    label: regex.Pattern[str]
    has_time: regex.Pattern[str]
    dateparser: tuple[str, ...]


@functools.cache
def _patterns(lang: Language) -> _Patterns:
    month = r"(?P<month>" + "|".join(sorted(lang.months, key=len, reverse=True)) + r")\.?"
    at = _alternation(lang.labels["time_prepositions"])
    ordinal = _alternation(lang.labels["ordinal_suffixes"])
    before_noon = _clock_marks(lang.labels["before_noon"])
    after_noon = _clock_marks(lang.labels["after_noon"])
    clock = r"(?:\s*(?:(?P<am>" + before_noon + r")|(?P<pm>" + after_noon + r")))?"
    time = r"(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?" + clock
    return _Patterns(
        months=lang.months,
        # "03:31 | 05 February 2026", "5 February 2026", "05 Feb 2026 14:10", "3. März 2026", "1er mars 2026"
        day_month_year=regex.compile(
            r"(?:"
            + time
            + r"\s*[|,-]?\s*)?(?P<day>\d{1,2})(?:"
            + ordinal
            + r")?\s+"
            + month
            + r",?\s+(?P<year>\d{4})"
            r"(?:,?\s*(?:(?:" + at + r")\s+)?(?P<hour2>\d{1,2}):(?P<minute2>\d{2}))?",
            regex.IGNORECASE,
        ),
        # "February 5, 2026", "Feb. 5, 2026 3:31 p.m."
        month_day_year=regex.compile(
            month + r"\s+(?P<day>\d{1,2})(?:" + ordinal + r")?,?\s+(?P<year>\d{4})"
            r"(?:,?\s*(?:(?:" + at + r")\s+)?" + time + r")?",
            regex.IGNORECASE,
        ),
        # "05/03/2026", "5.3.2026 14:10", "05-03-26", "2026/03/05": the DateOrder says which number is the day
        numeric=regex.compile(
            r"(?<!\d|\d[/.-])(?P<first>\d{4}|\d{1,2})(?P<sep>[/.-])(?P<second>\d{1,2})(?P=sep)"
            r"(?P<third>\d{4}|\d{2})(?!\d|[/-]\d|\.\d)(?:,?\s*(?:(?:"
            + at
            + r")\s+)?"
            + time
            + r"(?:\s*(?P<zone>Z|UTC|GMT|[+-]\d{2}:?\d{2}))?)?",
            regex.IGNORECASE,
        ),
        # "March 2026", "Mar. 2026": a month without its day
        month_year=regex.compile(r"(?<![\p{L}\d])" + month + r",?\s+(?P<year>\d{4})(?!\d)", regex.IGNORECASE),
        label=regex.compile(
            r"^[\W_]*+(?:(?:" + _alternation(lang.labels["date_filler"]) + r")\b[\W_]*+)*+", regex.IGNORECASE
        ),
        has_time=regex.compile(
            r"\d{1,2}:\d{2}|\b\d{1,2}\s*(?:" + f"{before_noon}|{after_noon}" + r")(?!\p{L})",
            regex.IGNORECASE,
        ),
        dateparser=(lang.settings.dateparser,),
    )


_ISO_MONTH = regex.compile(r"(?P<year>\d{4})-(?P<month>\d{2})")
_CENTURY_PIVOT = 69  # two-digit years below it are in the 2000s, as strptime's %y reads them
_ZONE_WORD = regex.compile(r"\b(?:UTC|GMT|[ECMP][SD]?T|[A-Z]{2,4}T|Z)\b|[+-]\d{2}:?\d{2}\b")
_MAX_DATE_TEXT = 120


def _offset(zone: str) -> timezone:
    zone = zone.upper()
    if zone in ("Z", "UTC", "GMT"):
        return timezone.utc
    sign = -1 if zone[0] == "-" else 1
    digits = zone[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def _hour(hour: str, groups: dict[str, str | None]) -> int:
    """The hour of the 24-hour clock, from a match's hour and its twelve-hour marks (``am``, ``pm``)."""
    value = int(hour)
    if groups.get("am") is not None:
        return value % 12
    if groups.get("pm") is not None:
        return value % 12 + 12
    return value


def _exact(text: str, order: DateOrder | None, patterns: _Patterns) -> DateReading | None:
    """The first date in ``text`` in one of the exact formats; raises ValueError for an impossible date."""
    match = _ISO.search(text)
    if match is not None:
        return _iso(match)
    match = patterns.numeric.search(text)
    if match is not None:
        return _numeric_reading(text, match, order)
    for pattern in (patterns.day_month_year, patterns.month_day_year):
        match = pattern.search(text)
        if match is not None:
            return _written(text, match, patterns)
    return None


def _iso(match: regex.Match[str]) -> DateReading:
    """``2026-02-05``, ``2026-02-05T14:10:00+01:00``."""
    day = date(int(match["year"]), int(match["month"]), int(match["day"]))
    if match["hour"] is None:
        return DateReading(day, DatePrecision.DAY)
    zone = _offset(match["zone"]) if match["zone"] else None
    moment = datetime(
        day.year,
        day.month,
        day.day,
        int(match["hour"]),
        int(match["minute"]),
        int(match["second"] or 0),
        tzinfo=zone,
    )
    return DateReading(moment, DatePrecision.TIME)


def _numeric_reading(text: str, match: regex.Match[str], order: DateOrder | None) -> DateReading | None:
    """``05/03/2026``, ``5.3.2026 14:10``: ``None`` when a named zone follows (dateparser reads it)."""
    day, ambiguous = _numeric(match, order)
    if match["hour"] is None:
        return DateReading(day, DatePrecision.DAY, ambiguous)
    if match["zone"] is None and _ZONE_WORD.search(text, match.end()):
        return None  # a named zone: let dateparser read it rather than guess
    zone = _offset(match["zone"]) if match["zone"] else None
    hours = _hour(match["hour"], match.groupdict())
    moment = datetime(day.year, day.month, day.day, hours, int(match["minute"]), tzinfo=zone)
    return DateReading(moment, DatePrecision.TIME, ambiguous)


def _written(text: str, match: regex.Match[str], patterns: _Patterns) -> DateReading | None:
    """A date with its month's name (``5 February 2026``, ``Feb. 5, 2026 3:31 p.m.``): ``None`` when a
    named zone follows (dateparser reads it)."""
    day = date(int(match["year"]), patterns.months[match["month"].lower()], int(match["day"]))
    groups = match.groupdict()
    hour, minute = groups.get("hour"), groups.get("minute")
    if hour is None and groups.get("hour2") is not None:
        hour, minute = groups["hour2"], groups["minute2"]
    if hour is None or minute is None:
        return DateReading(day, DatePrecision.DAY)
    if _ZONE_WORD.search(text, match.end()):
        return None  # a named zone: let dateparser read it rather than guess
    moment = datetime(day.year, day.month, day.day, _hour(hour, groups), int(minute))
    return DateReading(moment, DatePrecision.TIME)


def _month_only(text: str, patterns: _Patterns) -> DateReading | None:
    """A month without its day (``March 2026``): tried after dateparser, which finds a day that the
    words around a month give (``the 5th of February 2026``)."""
    match = patterns.month_year.search(text)
    if match is None:
        return None
    return DateReading(
        date(int(match["year"]), patterns.months[match["month"].lower()], 1), DatePrecision.MONTH
    )


def _in_order(parts: tuple[str, str, str], order: DateOrder) -> date | None:
    """The date that ``order`` reads in three numbers, ``None`` when it is no real date."""
    if len(parts[0]) == 4:
        fields = "ymd"
    elif len(parts[2]) == 4:
        # the year is last whatever the order says: it only says whether the day or the month comes first
        fields = "dmy" if order is DateOrder.DMY else "mdy"
    else:
        fields = order.value.lower()
    values = dict(zip(fields, (int(part) for part in parts), strict=True))
    year = values["y"]
    if len(parts[fields.index("y")]) == 2:
        year += 2000 if year < _CENTURY_PIVOT else 1900
    try:
        return date(year, values["m"], values["d"])
    except ValueError:
        return None


def _numeric(match: regex.Match[str], order: DateOrder | None) -> tuple[date, bool]:
    """A numeric date and whether it is ambiguous; raises ValueError when no order reads a real date."""
    parts = (match["first"], match["second"], match["third"])
    if order is not None:
        found = _in_order(parts, order)
        if found is None:
            raise ValueError(f"{match[0]!r} is no real date in the order {order.value}")
        return found, False
    readings = [_in_order(parts, each) for each in DateOrder]
    real = {reading for reading in readings if reading is not None}
    if not real:
        raise ValueError(f"{match[0]!r} is no real date in any order")
    month_first = readings[list(DateOrder).index(DateOrder.MDY)]
    return (month_first if month_first is not None else min(real)), len(real) > 1


def _ambiguous(text: str, order: DateOrder | None, patterns: _Patterns) -> bool:
    """Whether the numeric date that dateparser read in ``text`` could be read in another order."""
    match = patterns.numeric.search(text)
    if order is not None or match is None:
        return False
    try:
        return _numeric(match, None)[1]
    except ValueError:
        return False


@functools.lru_cache(maxsize=4096)
def read_date(text: str, lang: Language, *, order: DateOrder | None = None) -> DateReading | None:
    """Read a date (and time, if given) from a short piece of text, with its precision and whether it is
    ambiguous; ``None`` when it holds no real date.

    >>> from quotebank._pipeline.language import language
    >>> read_date("05/03/2026", language("en"))
    DateReading(value=datetime.date(2026, 5, 3), precision=<DatePrecision.DAY: 'day'>, ambiguous=True)
    >>> read_date("05/03/2026", language("en"), order=DateOrder.DMY).value
    datetime.date(2026, 3, 5)
    >>> read_date("Updated: March 2026", language("en")).precision
    <DatePrecision.MONTH: 'month'>
    """
    text = text[:_MAX_DATE_TEXT]
    patterns = _patterns(lang)
    try:
        found = _exact(text, order, patterns)
    except ValueError:
        return None
    if found is not None:
        return found
    # dateparser reads "5th of February 2026" but not "Posted on the 5th of February 2026"
    found = _dateparser(patterns.label.sub("", text), order, patterns, patterns.dateparser)
    return found if found is not None else _month_only(text, patterns)


def parse_date(text: str, lang: Language) -> date | None:
    """Read a date (and time, if given) from a short piece of text; ``None`` when it holds no real date.

    >>> from quotebank._pipeline.language import language
    >>> parse_date("- Published Date: 03:31 | 05 February 2026", language("en"))
    datetime.datetime(2026, 2, 5, 3, 31)
    >>> parse_date("October 2, 2025", language("en"))
    datetime.date(2025, 10, 2)
    """
    found = read_date(text, lang)
    return found.value if found is not None else None


def _dateparser(
    text: str, order: DateOrder | None, patterns: _Patterns, languages: tuple[str, ...] | None = None
) -> DateReading | None:
    """dateparser's reading of ``text``. Lines of an article are read in the article's language, which is
    fast; a date the caller passes may be in any language dateparser knows (detecting it costs about a
    second, once)."""
    import dateparser  # noqa: PLC0415 -- slow to import, and most dates never get here

    settings: Any = {
        # Absolute dates only: a relative one ("yesterday") would depend on the day quotebank runs.
        "PARSERS": ["custom-formats", "absolute-time"],
        "REQUIRE_PARTS": ["day", "month", "year"],
    }
    if order is not None:
        settings["DATE_ORDER"] = order.value
    try:
        parsed = dateparser.parse(text, languages=list(languages) if languages else None, settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None
    if parsed is None:
        return None
    ambiguous = _ambiguous(text, order, patterns)
    if not patterns.has_time.search(text):
        return DateReading(parsed.date(), DatePrecision.DAY, ambiguous)
    return DateReading(parsed, DatePrecision.TIME, ambiguous)


def coerce_published(value: object, *, order: DateOrder | None = None) -> date | None:
    """The caller's ``published`` argument as a date or datetime; a clear error for anything else."""
    found = coerce_reading(value, order=order)
    return found.value if found is not None else None


def coerce_reading(value: object, *, order: DateOrder | None = None) -> DateReading | None:
    """The caller's ``published`` argument read with its precision; a clear error for anything else.

    A ``datetime`` has precision ``TIME`` and a ``date`` ``DAY``, a :class:`DateReading` stays as it is; a
    string is read as :func:`read_date` reads it, in any language dateparser knows, and ISO ``2026-03`` is
    a month.
    """
    if value is None or isinstance(value, DateReading):
        return value
    if isinstance(value, datetime):
        return DateReading(value, DatePrecision.TIME)
    if isinstance(value, date):
        return DateReading(value, DatePrecision.DAY)
    if isinstance(value, str):
        month = _ISO_MONTH.fullmatch(value.strip())
        if month is not None:
            try:
                return DateReading(date(int(month["year"]), int(month["month"]), 1), DatePrecision.MONTH)
            except ValueError as error:
                raise InvalidDateError(f"published={value!r} is not a real date: {error}") from None
        # the caller's date may be in any language: each one quotebank has is tried in turn
        every = [_patterns(language(code)) for code in available_languages()]
        short = value[:_MAX_DATE_TEXT]
        try:
            found = next(filter(None, (_exact(short, order, patterns) for patterns in every)), None)
        except ValueError as error:
            raise InvalidDateError(f"published={value!r} is not a real date: {error}") from None
        if found is None:
            found = _dateparser(short, order, every[0]) or next(
                filter(None, (_month_only(short, patterns) for patterns in every)), None
            )
        if found is None:
            raise InvalidDateError(f"published={value!r} does not read as a date")
        return found
    raise InvalidArgumentError(
        f"published must be a date, a datetime or a string, not {type(value).__name__}"
    )
