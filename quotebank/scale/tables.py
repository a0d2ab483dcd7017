"""Quotes of many articles as data frames with one fixed, typed schema: for Dask, Spark and pandas.

Engines that scale past one machine split the articles into partitions and run a function on each; here
that function is :func:`quotes_table`, which turns the articles of one partition into a pandas DataFrame
with the columns of :data:`QUOTE_COLUMNS`, the same types every time (even for a partition without quotes).
:func:`extract_dask` applies it to a Dask bag or DataFrame of articles (``pip install 'quotebank[dask]'``);
with Spark, call it inside ``mapInPandas`` with :data:`SPARK_SCHEMA` (see ``docs/scaling.md``).

>>> table = quotes_table(['"We will win," said Jane Doe.', ('"No," Ann Lee said.', {"outlet": "Daily"})])
>>> table[["speaker", "text", "outlet"]]
    speaker          text outlet
0  Jane Doe  We will win,   <NA>
1   Ann Lee           No,  Daily
>>> str(table["published"].dtype), str(table["kind"].dtype), str(table["start"].dtype)
('datetime64[ns]', 'category', 'int64')
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal

from quotebank._pipeline.language import check_language
from quotebank._pipeline.run import DEFAULT_LANGUAGE
from quotebank.collection.store import article_key
from quotebank.errors import InvalidArgumentError, MissingDependencyError, QuotebankError
from quotebank.io.export import pandas_module, records_dataframe, table_types
from quotebank.io.records import FIELD_TYPES, TABLE_FIELDS, FieldType, typed_record
from quotebank.readers.items import ArticleInput, article_of

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import pandas  # type: ignore[import-untyped,unused-ignore]

__all__ = ["QUOTE_COLUMNS", "SPARK_SCHEMA", "OnError", "empty_table", "extract_dask", "quotes_table"]

QUOTE_COLUMNS: dict[str, str] = table_types()
"""The columns of a quotes table and their pandas types: the typed flat record
(:data:`~quotebank.io.records.TABLE_FIELDS`, as :meth:`QuoteList.to_dataframe
<quotebank.QuoteList.to_dataframe>` has them). ``article`` is the key of the quote's article (the one
:class:`~quotebank.QuoteBank` uses: a hash of its text), so quotes join back to their articles; ``published``
holds zoned times in UTC and the others as written, dates at midnight (one datetime column cannot mix zones),
``published_text`` the date as written; missing strings are ``<NA>``, missing dates ``NaT``."""

_SPARK_TYPES = {
    FieldType.TEXT: "string",
    FieldType.INTEGER: "long",
    FieldType.FLOAT: "double",
    FieldType.BOOLEAN: "boolean",
    FieldType.CATEGORY: "string",
    FieldType.DATETIME: "timestamp_ntz",
}

SPARK_SCHEMA = ", ".join(
    f"{name} {_SPARK_TYPES[FIELD_TYPES.get(name, FieldType.TEXT)]}" for name in TABLE_FIELDS
)
""":data:`QUOTE_COLUMNS` as a Spark schema, for ``mapInPandas`` (``kind`` and
``published_precision`` are plain strings there)."""

OnError = Literal["raise", "skip"]
"""What to do with an article that cannot be read: raise its error, or leave it out of the table."""


def empty_table() -> pandas.DataFrame:
    """A quotes table without rows: the columns and types of :data:`QUOTE_COLUMNS` (Dask's ``meta``)."""
    return quotes_table([])


def quotes_table(
    items: Iterable[ArticleInput] | pandas.DataFrame,
    *,
    reported: bool = False,
    errors: OnError = "raise",
    language: str = DEFAULT_LANGUAGE,
) -> pandas.DataFrame:
    """The quotes of ``items`` as a pandas DataFrame, one row a quote, in the order of the articles and of
    the quotes in each, with the columns of :data:`QUOTE_COLUMNS`.

    ``items`` holds articles in any form :data:`~quotebank.readers.items.ArticleInput` allows, or is a pandas
    DataFrame whose rows are such records: a ``text`` (or ``html``) column and optional ``outlet``,
    ``published``, ``url``, ``source`` and ``id`` columns (what Spark's ``mapInPandas`` hands over). An
    article that cannot be read raises its :class:`~quotebank.errors.QuotebankError` with
    ``errors="raise"``, and is left out with ``errors="skip"``. ``reported=True`` finds reported speech
    too, as :func:`~quotebank.extract` does; ``language`` is as for :func:`~quotebank.extract_many`.
    """
    _check_options(reported, errors)
    code = check_language(language)
    pd = pandas_module("quotes_table")
    if isinstance(items, pd.DataFrame):
        items = items.to_dict("records")

    def records() -> Iterator[dict[str, Any]]:
        for item in items:
            try:
                article = article_of(item, reported=reported, language=code)
                quotes = article.quotes
            except QuotebankError:
                if errors == "raise":
                    raise
                continue
            if quotes:
                key = article_key(article.text)
                for quote in quotes:
                    yield typed_record(quote, article=key)

    return records_dataframe(records())


def _check_options(reported: object, errors: object) -> None:
    if not isinstance(reported, bool):
        raise InvalidArgumentError(f"reported must be True or False, not {reported!r}")
    if errors not in ("raise", "skip"):
        raise InvalidArgumentError(f"errors must be 'raise' or 'skip', not {errors!r}")


def extract_dask(
    articles: dask.bag.Bag | dask.dataframe.DataFrame,
    *,
    reported: bool = False,
    errors: OnError = "raise",
    language: str = DEFAULT_LANGUAGE,
) -> dask.dataframe.DataFrame:
    """The quotes of a Dask bag or DataFrame of articles, as a lazy Dask DataFrame with the columns of
    :data:`QUOTE_COLUMNS`, one partition for each partition of ``articles``.

    A bag holds articles in any form :func:`~quotebank.extract_many` reads (texts, pairs, records such as
    ``bag.map(json.loads)`` gives for JSON Lines); a DataFrame has a ``text`` column and optional ``outlet``,
    ``published`` and ``url`` columns. Nothing runs until ``.compute()`` or a write (``.to_parquet(…)``);
    ``reported``, ``errors`` and ``language`` are as for :func:`quotes_table`. Needs ``pip install
    'quotebank[dask]'``.
    """
    _check_options(reported, errors)
    code = check_language(language)
    try:
        bag_module = importlib.import_module("dask.bag")
        frame_module = importlib.import_module("dask.dataframe")
        delayed = importlib.import_module("dask").delayed
    except ImportError:
        raise MissingDependencyError("extract_dask needs Dask: pip install 'quotebank[dask]'") from None
    meta = empty_table()
    quotes: dask.dataframe.DataFrame
    if isinstance(articles, frame_module.DataFrame):
        quotes = articles.map_partitions(
            quotes_table, reported=reported, errors=errors, language=code, meta=meta
        )
        return quotes
    if isinstance(articles, bag_module.Bag):
        parts = [
            delayed(quotes_table)(part, reported=reported, errors=errors, language=code)
            for part in articles.to_delayed()
        ]
        quotes = frame_module.from_delayed(parts, meta=meta, verify_meta=False)
        return quotes
    raise InvalidArgumentError(f"articles must be a Dask bag or DataFrame, not {type(articles).__name__}")
