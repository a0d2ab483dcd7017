"""Quote tables with one fixed schema (pandas), and the Dask integration on a local cluster of worker
processes."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import quotebank
from quotebank import (
    ArticleDecodeError,
    InvalidArgumentError,
    InvalidDateError,
    InvalidTextError,
    MissingDependencyError,
    QuoteKind,
)
from quotebank.collection.store import article_key
from quotebank.scale.tables import QUOTE_COLUMNS, SPARK_SCHEMA, empty_table, extract_dask, quotes_table
from tests.conftest import ROOT, SEEDS

ARTICLES = sorted([*SEEDS.glob("*.txt"), *(ROOT / "docs" / "articles").glob("*.txt")])
TEXTS = [path.read_text(encoding="utf-8", errors="replace") for path in ARTICLES]


def assert_schema(table: pd.DataFrame) -> None:
    assert list(table.columns) == list(QUOTE_COLUMNS)
    for name, dtype in QUOTE_COLUMNS.items():
        assert str(table[name].dtype) == dtype, name
    assert list(table["kind"].cat.categories) == [kind.value for kind in QuoteKind]


def test_an_empty_table_has_every_column_and_type() -> None:
    assert_schema(empty_table())
    assert len(empty_table()) == 0
    assert_schema(quotes_table(["No quotation here.", b"\xff", 3], errors="skip"))


def test_a_table_holds_every_quote_of_every_article_in_order() -> None:
    table = quotes_table(TEXTS)
    assert_schema(table)
    expected = [
        (path, quote) for path, text in zip(ARTICLES, TEXTS, strict=True) for quote in quotebank.extract(text)
    ]
    assert len(table) == len(expected)
    for row, (path, quote) in zip(table.itertuples(index=False), expected, strict=True):
        assert row.article == article_key(path.read_text(encoding="utf-8", errors="replace"))
        assert (row.text, row.start, row.end, row.paragraph) == (
            quote.text,
            quote.start,
            quote.end,
            quote.paragraph,
        )
        assert row.kind == quote.kind.value
        assert (row.speaker if row.speaker is not pd.NA else None) == quote.speaker_name
        assert row.confidence == quote.confidence
        assert row.unbalanced == quote.unbalanced
    witkoff = table[table["speaker"] == "Steve Witkoff"]
    assert set(witkoff["outlet"].dropna()) == {"Anadolu Agency"}
    assert witkoff["published"].dropna().iloc[0] == pd.Timestamp("2026-02-05 03:31")


def test_dates_share_one_column_type_zoned_times_in_utc() -> None:
    quote = '"Yes," said Ann Lee.'
    zoned = datetime(2026, 3, 1, 12, 0, tzinfo=timezone(timedelta(hours=2)))
    table = quotes_table(
        [
            (quote, {"published": zoned}),
            (quote, {"published": date(2026, 3, 2)}),
            (quote, {"published": datetime(2026, 3, 3, 8, 30)}),
            quote,
        ]
    )
    assert_schema(table)
    assert list(table["published"]) == [
        pd.Timestamp("2026-03-01 10:00"),
        pd.Timestamp("2026-03-02 00:00"),
        pd.Timestamp("2026-03-03 08:30"),
        pd.NaT,
    ]


def test_a_pandas_frame_of_articles_is_read_by_rows() -> None:
    frame = pd.DataFrame(
        {
            "text": TEXTS[:2],
            "outlet": ["First Outlet", None],
            "url": ["https://example.org/1", "https://example.org/2"],
            "comments": [3, 4],
        }
    )
    table = quotes_table(frame)
    assert_schema(table)
    assert set(table["url"]) == {"https://example.org/1", "https://example.org/2"}
    assert set(table[table["url"] == "https://example.org/1"]["outlet"]) == {"First Outlet"}


@pytest.mark.parametrize(
    ("bad", "error"),
    [
        (b"\xff\xfe\xfa", ArticleDecodeError),
        (None, InvalidTextError),
        (("t", {"published": "nope"}), InvalidDateError),
    ],
)
def test_an_article_that_cannot_be_read_raises_or_is_skipped(bad: object, error: type[Exception]) -> None:
    with pytest.raises(error):
        quotes_table([TEXTS[0], bad])
    assert quotes_table([TEXTS[0], bad], errors="skip").equals(quotes_table([TEXTS[0]]))


def test_bad_options_are_refused() -> None:
    with pytest.raises(InvalidArgumentError):
        quotes_table([], errors="ignore")  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError):
        extract_dask(TEXTS)  # type: ignore[arg-type]


def test_a_missing_optional_package_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "dask.bag", None)  # what an environment without Dask gives
    with pytest.raises(MissingDependencyError, match=r"quotebank\[dask\]"):
        extract_dask(TEXTS)  # type: ignore[arg-type]
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingDependencyError, match=r"quotebank\[pandas\]"):
        quotes_table(TEXTS)


def test_the_spark_schema_names_the_same_columns() -> None:
    names = [field.split()[0] for field in SPARK_SCHEMA.split(", ")]
    assert names == list(QUOTE_COLUMNS)


# -- Dask, on a local cluster of worker processes ---------------------------------------------------------

dask = pytest.importorskip("dask")
dask_bag = pytest.importorskip("dask.bag")
dask_dataframe = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("dask.distributed")


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    )
    with cluster, distributed.Client(cluster) as connected:
        yield connected


def test_the_cluster_runs_workers_in_other_processes(client: Any) -> None:
    worker_pids = set(client.run(os.getpid).values())
    assert len(worker_pids) == 2
    assert os.getpid() not in worker_pids


def test_a_bag_of_articles_becomes_a_typed_dataframe_of_quotes(client: Any) -> None:
    bag = dask_bag.from_sequence(TEXTS, npartitions=3)
    quotes = extract_dask(bag)
    assert quotes.npartitions == 3
    assert_schema(quotes._meta)
    computed = client.compute(quotes).result()
    assert_schema(computed)
    assert computed.reset_index(drop=True).equals(quotes_table(TEXTS))


def test_a_bag_of_json_records_from_files(client: Any, tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {"text": text, "url": f"https://example.org/{n}", "outlet": "Wire", "published": "2026-03-01"}
        )
        for n, text in enumerate(TEXTS)
    ]
    (tmp_path / "a.jsonl").write_text("\n".join(lines[:3]) + "\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text("\n".join(lines[3:]) + "\n", encoding="utf-8")
    bag = dask_bag.read_text(str(tmp_path / "*.jsonl")).map(json.loads)
    computed = client.compute(extract_dask(bag)).result()
    assert_schema(computed)
    assert set(computed["outlet"]) == {"Wire"}
    assert set(computed["published"]) == {pd.Timestamp("2026-03-01")}
    assert computed["url"].nunique() == len(set(computed["article"]))


def test_a_dask_dataframe_of_articles(client: Any) -> None:
    frame = pd.DataFrame({"text": TEXTS, "outlet": [f"Outlet {n % 3}" for n in range(len(TEXTS))]})
    quotes = extract_dask(dask_dataframe.from_pandas(frame, npartitions=2))
    computed = client.compute(quotes).result()
    assert_schema(computed)
    assert computed.reset_index(drop=True).equals(quotes_table(frame))
    by_speaker = client.compute(quotes.groupby("speaker", observed=True)["text"].count()).result()
    expected = quotes_table(frame).groupby("speaker", observed=True)["text"].count()
    assert by_speaker.sort_index().equals(expected.sort_index())
    assert by_speaker["Volodymyr Zelenskyy"] > 0


def test_an_error_in_a_worker_reaches_the_caller_with_its_type(client: Any) -> None:
    bag = dask_bag.from_sequence([*TEXTS[:2], b"\xff not text"], npartitions=2)
    with pytest.raises(ArticleDecodeError, match="not UTF-8"):
        client.compute(extract_dask(bag)).result()
    skipped = client.compute(extract_dask(bag, errors="skip")).result()
    assert skipped.reset_index(drop=True).equals(quotes_table(TEXTS[:2]))
