"""Quotes as Parquet files, for DuckDB, Polars, Spark and pandas (``pip install 'quotebank[parquet]'``).

Every file has the columns of the typed flat record (:data:`~quotebank.io.records.TABLE_FIELDS`, as
DataFrames have them): :func:`parquet_schema`. ``article`` is the key of the quote's article where it is known
(as :meth:`QuoteBank.to_jsonl <quotebank.collection.bank.QuoteBank.to_jsonl>` writes it); ``published`` is a
timestamp, zoned times in UTC and dates at midnight, so that one column type holds every article's date, and
``published_text`` the date as written.

:meth:`QuoteBank.to_parquet <quotebank.collection.bank.QuoteBank.to_parquet>` writes a bank to one file;
:func:`write_parquet_parts` writes the results of :func:`~quotebank.extract_many` to a folder of files of a
bounded size, as they come, so that a corpus of any size streams to disk in constant memory. Read a folder
with ``duckdb.sql("SELECT … FROM 'quotes/*.parquet'")``, ``pyarrow.dataset.dataset("quotes")``,
``pandas.read_parquet("quotes")`` or ``dask.dataframe.read_parquet("quotes")``.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from os import PathLike
from pathlib import Path
from typing import Any

from quotebank.errors import InvalidArgumentError, MissingDependencyError
from quotebank.io.records import FIELD_TYPES, TABLE_FIELDS, FieldType, typed_record
from quotebank.scale.processes import ExtractResult
from quotebank.values import Quote

__all__ = ["PARQUET_FIELDS", "parquet_schema", "write_parquet", "write_parquet_parts"]

PARQUET_FIELDS = TABLE_FIELDS
"""The columns of a quotes Parquet file, in order: the typed flat record's."""

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
    types = {
        FieldType.TEXT: pa.string(),
        FieldType.INTEGER: pa.int64(),
        FieldType.FLOAT: pa.float64(),
        FieldType.BOOLEAN: pa.bool_(),
        FieldType.CATEGORY: pa.dictionary(pa.int8(), pa.string()),
        FieldType.DATETIME: pa.timestamp("us"),
    }
    kinds = {**FIELD_TYPES, "published_text": FieldType.TEXT}
    return pa.schema([(name, types[kinds[name]]) for name in PARQUET_FIELDS])


def _groups(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    group: list[dict[str, Any]] = []
    for row in rows:
        group.append(row)
        if len(group) >= size:
            yield group
            group = []
    if group:
        yield group


def write_parquet(records: Iterable[dict[str, Any]], target: str | PathLike[str]) -> int:
    """Write typed records (:func:`~quotebank.io.records.typed_record`) to the Parquet file ``target``
    (replaced if it exists), a row group at a time; how many were written."""
    if not isinstance(target, str | PathLike):
        raise InvalidArgumentError(f"expected a path, not {type(target).__name__}")
    pa = _pyarrow()
    parquet = importlib.import_module("pyarrow.parquet")
    schema = parquet_schema()
    written = 0
    with parquet.ParquetWriter(str(target), schema) as writer:
        for group in _groups(records, _ROWS_PER_GROUP):
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
                yield typed_record(quote, source=source)

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
