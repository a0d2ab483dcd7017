"""The one flat record of a quote: the columns of every table quotebank writes.

CSV files, spreadsheets, DataFrames (:meth:`QuoteList.to_dataframe <quotebank.QuoteList.to_dataframe>`,
:meth:`QuoteBank.to_dataframe <quotebank.QuoteBank.to_dataframe>`, the Dask and Spark tables) and Parquet
files have the columns of :data:`RECORD_FIELDS`, in that order, with the types of :data:`FIELD_TYPES`
(JSON Lines keep the nested record of :func:`~quotebank.io.export.quote_to_dict`, which reads back into
a :class:`~quotebank.Quote`). The one difference is the date: in CSV ``published`` is text, as written
(``2026-02-05T03:31:00+02:00``, ``2026-03`` for a month); typed tables hold it as a datetime (zoned
times in UTC, dates at midnight, so that one column type holds every article's date) and keep the
text in ``published_text``, the one column they add.
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

from quotebank.collection.filters import date_key
from quotebank.values import DatePrecision, Quote

__all__ = [
    "FIELD_TYPES",
    "RECORD_FIELDS",
    "TABLE_FIELDS",
    "FieldType",
    "date_from_text",
    "date_to_text",
    "flat_record",
    "precision_from_text",
    "precision_to_text",
    "published_datetime",
    "typed_record",
]


class FieldType(enum.Enum):
    """The type of a column of the flat record."""

    TEXT = "text"
    INTEGER = "integer"
    FLOAT = "float"
    BOOLEAN = "boolean"
    CATEGORY = "category"
    """Text from a fixed set of values (:class:`~quotebank.QuoteKind`, :class:`~quotebank.DatePrecision`)."""
    DATETIME = "datetime"


FIELD_TYPES: dict[str, FieldType] = {
    "article": FieldType.TEXT,
    "source": FieldType.TEXT,
    "article_id": FieldType.TEXT,
    "paragraph": FieldType.INTEGER,
    "start": FieldType.INTEGER,
    "end": FieldType.INTEGER,
    "kind": FieldType.CATEGORY,
    "speaker": FieldType.TEXT,
    "role": FieldType.TEXT,
    "mention": FieldType.TEXT,
    "cue": FieldType.TEXT,
    "text": FieldType.TEXT,
    "outlet": FieldType.TEXT,
    "published": FieldType.DATETIME,
    "url": FieldType.TEXT,
    "confidence": FieldType.FLOAT,
    "unbalanced": FieldType.BOOLEAN,
    "published_precision": FieldType.CATEGORY,
    "published_ambiguous": FieldType.BOOLEAN,
}
"""Every column of the flat record, in order, and its type. ``article`` is the key of the quote's article (a
hash of its text, as :class:`~quotebank.QuoteBank` keeps it), where it is known; ``source`` and
``article_id`` are the article's provenance (a file's path, the caller's ``id``); ``paragraph`` counts the
article's paragraphs from 0; ``start`` and ``end`` are offsets into the article's text; ``kind`` takes the
values of :class:`~quotebank.QuoteKind`; ``published_precision`` those of :class:`~quotebank.DatePrecision`
and ``published_ambiguous`` says that the date's day and month could swap."""

RECORD_FIELDS = tuple(FIELD_TYPES)
"""The columns of the flat record, in order: the columns of CSV files."""

TABLE_FIELDS = (*RECORD_FIELDS, "published_text")
"""The columns of typed tables (DataFrames, Parquet): the record's, and the date as written."""


_MONTH_TEXT = len("2026-03")


def date_to_text(value: date | None, precision: DatePrecision | None = None) -> str | None:
    """A date or datetime as ISO text, ``2026-03`` for a ``MONTH``; :func:`date_from_text` reads it back with
    its time and zone, :func:`precision_from_text` says how precise it is."""
    if value is None:
        return None
    if precision is DatePrecision.MONTH:
        return value.isoformat()[:_MONTH_TEXT]
    return value.isoformat()


def date_from_text(text: str | None) -> date | None:
    if text is None:
        return None
    if "T" in text:
        return datetime.fromisoformat(text)
    if len(text) == _MONTH_TEXT:
        return date.fromisoformat(text + "-01")
    return date.fromisoformat(text)


def precision_from_text(text: str | None) -> DatePrecision | None:
    """The precision of a date that :func:`date_to_text` wrote."""
    if text is None:
        return None
    if "T" in text:
        return DatePrecision.TIME
    return DatePrecision.MONTH if len(text) == _MONTH_TEXT else DatePrecision.DAY


def precision_to_text(precision: DatePrecision | None) -> str | None:
    """A date's precision as records hold it (its value), or ``None``."""
    return precision.value if precision is not None else None


def published_datetime(quote: Quote) -> datetime | None:
    """The quote's date as typed tables hold it: zoned times in UTC, dates at midnight, without a zone."""
    return None if quote.published is None else datetime.fromisoformat(date_key(quote.published))


def flat_record(quote: Quote, *, article: str | None = None, source: str | None = None) -> dict[str, Any]:
    """The flat record of ``quote``: the columns of :data:`RECORD_FIELDS`, ``published`` as text.

    ``article`` is the key of the quote's article where the caller knows it; ``source`` (a file name, say)
    stands for the quote's own when given."""
    speaker = quote.speaker
    return {
        "article": article,
        "source": source if source is not None else quote.source,
        "article_id": quote.article_id,
        "paragraph": quote.paragraph,
        "start": quote.start,
        "end": quote.end,
        "kind": quote.kind.value,
        "speaker": speaker.name if speaker is not None else None,
        "role": speaker.role if speaker is not None else None,
        "mention": quote.mention.text if quote.mention is not None else None,
        "cue": quote.cue.text if quote.cue is not None else None,
        "text": quote.text,
        "outlet": quote.outlet,
        "published": date_to_text(quote.published, quote.published_precision),
        "url": quote.url,
        "confidence": quote.confidence,
        "unbalanced": quote.unbalanced,
        "published_precision": precision_to_text(quote.published_precision),
        "published_ambiguous": quote.published_ambiguous,
    }


def typed_record(quote: Quote, *, article: str | None = None, source: str | None = None) -> dict[str, Any]:
    """The record of ``quote`` for a typed table: the columns of :data:`TABLE_FIELDS`, ``published`` as a
    datetime (:func:`published_datetime`) and as written in ``published_text``."""
    record = flat_record(quote, article=article, source=source)
    record["published_text"] = record["published"]
    record["published"] = published_datetime(quote)
    return record
