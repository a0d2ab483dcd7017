"""Parquet files of quotes: a bank to one file, extract_many's results to a folder of parts, with the flat
record schema of the CSV export, read back by pyarrow (and DuckDB in docs/scaling.md)."""

from __future__ import annotations

import csv
import io
import json
import sys
from datetime import datetime
from pathlib import Path

import pytest

import quotebank
from quotebank import InvalidArgumentError, MissingDependencyError, QuoteBank
from quotebank.io.export import CSV_FIELDS
from quotebank.io.parquet import PARQUET_FIELDS, parquet_schema, write_parquet_parts
from tests.conftest import SEEDS

pq = pytest.importorskip("pyarrow.parquet")

TEXTS = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]


def _bank() -> QuoteBank:
    bank = QuoteBank()
    bank.add(TEXTS[0], outlet="Kyiv Post", published="2026-02-05", source="kyiv.txt", article_id="kp-1")
    bank.add(TEXTS[1], published="2026-02-05T03:31:00+03:00")
    return bank


def test_a_bank_to_parquet_has_every_quote_with_the_csv_fields(tmp_path: Path) -> None:
    bank = _bank()
    assert bank.to_parquet(tmp_path / "bank.parquet") == len(bank) == 19
    table = pq.read_table(tmp_path / "bank.parquet")
    assert table.schema.equals(parquet_schema())
    assert tuple(table.column_names) == PARQUET_FIELDS == (*CSV_FIELDS, "published_text")
    rows = table.to_pylist()
    exported = io.StringIO()
    bank.to_jsonl(exported)
    records = [json.loads(line) for line in exported.getvalue().splitlines()]
    assert [row["article"] for row in rows] == [record["article"] for record in records]
    in_csv = io.StringIO()
    bank.to_csv(in_csv)
    # one flat record: every column of the CSV file holds the same in the Parquet file (the date as text)
    for row, csv_row in zip(rows, csv.DictReader(io.StringIO(in_csv.getvalue())), strict=True):
        for name in CSV_FIELDS:
            value = row["published_text" if name == "published" else name]
            assert ("" if value is None else str(value)) == csv_row[name], name
    assert {row["article_id"] for row in rows} == {"kp-1", None}
    # dates at midnight, zoned times in UTC: one timestamp column
    assert {row["published"] for row in rows} == {datetime(2026, 2, 5), datetime(2026, 2, 5, 0, 31)}


def test_an_empty_bank_writes_the_schema(tmp_path: Path) -> None:
    assert QuoteBank().to_parquet(tmp_path / "empty.parquet") == 0
    table = pq.read_table(tmp_path / "empty.parquet")
    assert (table.num_rows, table.schema.equals(parquet_schema())) == (0, True)


def test_extract_many_results_stream_to_parts_of_a_bounded_size(tmp_path: Path) -> None:
    results = quotebank.extract_many([*TEXTS, b"\xff not text"], processes=1)
    parts = write_parquet_parts(results, tmp_path / "quotes", rows_per_file=5)
    assert [path.name for path in parts] == [f"part-{n:05d}.parquet" for n in range(4)]
    sizes = [pq.read_metadata(path).num_rows for path in parts]
    assert sizes == [5, 5, 5, 4]
    texts = [quote.text for text in TEXTS for quote in quotebank.extract(text)]
    assert pq.read_table(tmp_path / "quotes").column("text").to_pylist() == texts
    with pytest.raises(InvalidArgumentError, match="already holds"):
        write_parquet_parts([], tmp_path / "quotes")


def test_source_pairs_fill_the_source_column(tmp_path: Path) -> None:
    pairs = [(f"seed-{n}.txt", quotebank.extract(text)) for n, text in enumerate(TEXTS)]
    write_parquet_parts(pairs, tmp_path / "quotes")
    sources = pq.read_table(tmp_path / "quotes").column("source").to_pylist()
    assert sorted(set(sources)) == ["seed-0.txt", "seed-1.txt"]


@pytest.mark.parametrize("rows", [0, -1, 2.5, True])
def test_rows_per_file_must_be_a_positive_whole_number(tmp_path: Path, rows: object) -> None:
    with pytest.raises(InvalidArgumentError):
        write_parquet_parts([], tmp_path, rows_per_file=rows)  # type: ignore[arg-type]


def test_without_pyarrow_the_error_names_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # what an environment without pyarrow gives
    with pytest.raises(MissingDependencyError, match=r"quotebank\[parquet\]"):
        _bank().to_parquet(tmp_path / "bank.parquet")
