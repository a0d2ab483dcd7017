"""Quotes as Parquet files, for DuckDB, Polars, Spark and pandas (``pip install 'quotebank[parquet]'``).

Every file has the flat record schema of the CSV export (:data:`~quotebank.io.export.CSV_FIELDS`) and
``article``, the key of the quote's article where it is known (as :meth:`QuoteBank.to_jsonl
<quotebank.collection.bank.QuoteBank.to_jsonl>` writes it): :func:`parquet_schema`. ``published`` is a
timestamp, zoned times in UTC and dates at midnight, so that one column type holds every article's date.

:meth:`QuoteBank.to_parquet <quotebank.collection.bank.QuoteBank.to_parquet>` writes a bank to one file;
:func:`write_parquet_parts` writes the results of :func:`~quotebank.extract_many` to a folder of files of a
bounded size, as they come, so that a corpus of any size streams to disk in constant memory. Read a folder
with ``duckdb.sql("SELECT … FROM 'quotes/*.parquet'")``, ``pyarrow.dataset.dataset("quotes")``,
``pandas.read_parquet("quotes")`` or ``dask.dataframe.read_parquet("quotes")``.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from datetime import datetime
from os import PathLike
from pathlib import Path
from typing import Any

from quotebank.collection.filters import date_key
from quotebank.errors import InvalidArgumentError, MissingDependencyError
from quotebank.io.export import CSV_FIELDS
from quotebank.scale.processes import ExtractResult
from quotebank.values import Quote

__all__ = ["PARQUET_FIELDS", "parquet_schema", "write_parquet", "write_parquet_parts"]

PARQUET_FIELDS = ("article", *CSV_FIELDS)
"""The columns of a quotes Parquet file, in order."""

_ROWS_PER_GROUP = 65_536
"""Rows buffered before they are written: a Parquet row group, and the memory a write holds."""


def _pyarrow() -> Any:
    try:
        return importlib.import_module("pyarrow")
    except ImportError:
        raise MissingDependencyError("Parquet files need pyarrow: pip install 'quotebank[parquet]'") from None


def parquet_schema() -> Any:
    """The ``pyarrow.Schema`` of a quotes Parquet file (the columns of :data:`PARQUET_FIELDS`)."""
    pa = _pyarrow()
    string, integer = pa.string(), pa.int64()
    types = {
        "start": integer,
        "end": integer,
        "kind": pa.dictionary(pa.int8(), string),
        "published": pa.timestamp("us"),
        "confidence": pa.float64(),
        "unbalanced": pa.bool_(),
    }
    return pa.schema([(name, types.get(name, string)) for name in PARQUET_FIELDS])


def _row(article: str | None, source: str | None, quote: Quote) -> dict[str, Any]:
    speaker = quote.speaker
    return {
        "article": article,
        "source": source,
        "start": quote.start,
        "end": quote.end,
        "kind": quote.kind.value,
        "speaker": speaker.name if speaker is not None else None,
        "role": speaker.role if speaker is not None else None,
        "mention": quote.mention.text if quote.mention is not None else None,
        "cue": quote.cue.text if quote.cue is not None else None,
        "text": quote.text,
        "outlet": quote.outlet,
        # zoned times in UTC, dates at midnight: one column type for every article
        "published": None if quote.published is None else datetime.fromisoformat(date_key(quote.published)),
        "url": quote.url,
        "confidence": quote.confidence,
        "unbalanced": quote.unbalanced,
    }


def _groups(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    group: list[dict[str, Any]] = []
    for row in rows:
        group.append(row)
        if len(group) >= size:
            yield group
            group = []
    if group:
        yield group


def write_parquet(quotes: Iterable[tuple[str | None, Quote]], target: str | PathLike[str]) -> int:
    """Write ``(article key, quote)`` pairs to the Parquet file ``target`` (replaced if it exists), a row
    group at a time; how many quotes were written."""
    pa = _pyarrow()
    parquet = importlib.import_module("pyarrow.parquet")
    schema = parquet_schema()
    written = 0
    with parquet.ParquetWriter(str(target), schema) as writer:
        rows = (_row(article, None, quote) for article, quote in quotes)
        for group in _groups(rows, _ROWS_PER_GROUP):
            writer.write_table(pa.Table.from_pylist(group, schema=schema))
            written += len(group)
        if not written:
            writer.write_table(schema.empty_table())
    return written


def write_parquet_parts(
    results: Iterable[ExtractResult | tuple[str | None, Iterable[Quote]]],
    folder: str | PathLike[str],
    *,
    rows_per_file: int = 1_000_000,
) -> list[Path]:
    """Write the quotes of ``results`` to ``folder`` (created if missing) as ``part-00000.parquet``,
    ``part-00001.parquet``, … of at most ``rows_per_file`` quotes each, as the results come; the files
    written.

    ``results`` are what :func:`~quotebank.extract_many` yields (articles that could not be read have no
    quotes and are skipped), or ``(source, quotes)`` pairs, whose ``source`` (a file name, say) fills the
    ``source`` column. The folder must not hold part files already: a second run would mix with the first.
    """
    if isinstance(rows_per_file, bool) or not isinstance(rows_per_file, int) or rows_per_file < 1:
        raise InvalidArgumentError(
            f"rows_per_file must be a whole number of at least 1, not {rows_per_file!r}"
        )
    pa = _pyarrow()
    parquet = importlib.import_module("pyarrow.parquet")
    place = Path(folder)
    place.mkdir(parents=True, exist_ok=True)
    if any(place.glob("part-*.parquet")):
        raise InvalidArgumentError(f"{place} already holds part-*.parquet files")
    schema = parquet_schema()

    def rows() -> Iterator[dict[str, Any]]:
        for result in results:
            source, quotes = (None, result.quotes) if isinstance(result, ExtractResult) else result
            for quote in quotes:
                yield _row(None, source, quote)

    written: list[Path] = []
    writer: Any = None
    in_file = 0
    try:
        for group in _groups(rows(), min(_ROWS_PER_GROUP, rows_per_file)):
            if writer is None or in_file + len(group) > rows_per_file:
                if writer is not None:
                    writer.close()
                written.append(place / f"part-{len(written):05d}.parquet")
                writer, in_file = parquet.ParquetWriter(str(written[-1]), schema), 0
            writer.write_table(pa.Table.from_pylist(group, schema=schema))
            in_file += len(group)
    finally:
        if writer is not None:
            writer.close()
    return written
