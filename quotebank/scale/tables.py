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
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

from quotebank._pipeline.language import check_language
from quotebank._pipeline.run import DEFAULT_LANGUAGE
from quotebank.collection.filters import date_key
from quotebank.collection.store import article_key
from quotebank.errors import InvalidArgumentError, MissingDependencyError, QuotebankError
from quotebank.io.export import date_to_text
from quotebank.readers.items import ArticleInput, article_of
from quotebank.values import DatePrecision, Quote, QuoteKind

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe
    import pandas  # type: ignore[import-untyped,unused-ignore]

__all__ = ["QUOTE_COLUMNS", "SPARK_SCHEMA", "OnError", "empty_table", "extract_dask", "quotes_table"]

QUOTE_COLUMNS: dict[str, str] = {
    "article": "string",
    "url": "string",
    "outlet": "string",
    "published": "datetime64[ns]",
    "paragraph": "int64",
    "start": "int64",
    "end": "int64",
    "kind": "category",
    "speaker": "string",
    "role": "string",
    "mention": "string",
    "cue": "string",
    "text": "string",
    "confidence": "float64",
    "unbalanced": "bool",
    "source": "string",
    "article_id": "string",
    "published_text": "string",
    "published_precision": "category",
    "published_ambiguous": "bool",
}
"""The columns of a quotes table and their pandas types. ``article`` is the key of the quote's article (the
one :class:`~quotebank.QuoteBank` uses: a hash of its text), so quotes join back to their articles;
``source`` and ``article_id`` are the article's provenance (a file's path, the caller's ``id``);
``published`` holds zoned times in UTC and the others as written, dates at midnight (one datetime column
cannot mix zones); ``published_text`` is the date as written, ISO text with its own offset
(``2026-02-05T03:31:00+02:00``), ``2026-03`` for a month; ``published_precision`` takes the values of
:class:`~quotebank.values.DatePrecision`, and ``published_ambiguous`` says that the date's day and month could
swap; ``kind`` takes the values of :class:`~quotebank.values.QuoteKind`; missing strings are ``<NA>``,
missing dates ``NaT``."""

SPARK_SCHEMA = (
    "article string, url string, outlet string, published timestamp_ntz, paragraph long, start long, "
    "end long, kind string, speaker string, role string, mention string, cue string, text string, "
    "confidence double, unbalanced boolean, source string, article_id string, published_text string, "
    "published_precision string, published_ambiguous boolean"
)
""":data:`QUOTE_COLUMNS` as a Spark schema, for ``mapInPandas`` (``kind`` and
``published_precision`` are plain strings there)."""

OnError = Literal["raise", "skip"]
"""What to do with an article that cannot be read: raise its error, or leave it out of the table."""

_KINDS = [kind.value for kind in QuoteKind]
_PRECISIONS = [precision.value for precision in DatePrecision]


def _pandas() -> Any:
    try:
        return importlib.import_module("pandas")
    except ImportError:
        raise MissingDependencyError("quote tables need pandas: pip install 'quotebank[pandas]'") from None


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
    pd = _pandas()
    if isinstance(items, pd.DataFrame):
        items = items.to_dict("records")
    columns: dict[str, list[Any]] = {name: [] for name in QUOTE_COLUMNS}
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
                _append(columns, key, quote)
    types = {
        **QUOTE_COLUMNS,
        "kind": pd.CategoricalDtype(_KINDS),
        "published_precision": pd.CategoricalDtype(_PRECISIONS),
    }
    return pd.DataFrame({name: pd.Series(values, dtype=types[name]) for name, values in columns.items()})


def _append(columns: dict[str, list[Any]], key: str, quote: Quote) -> None:
    speaker = quote.speaker
    values = {
        "article": key,
        "url": quote.url,
        "outlet": quote.outlet,
        # zoned times in UTC, dates at midnight: one column type for every article
        "published": None if quote.published is None else datetime.fromisoformat(date_key(quote.published)),
        "paragraph": quote.paragraph,
        "start": quote.start,
        "end": quote.end,
        "kind": quote.kind.value,
        "speaker": speaker.name if speaker is not None else None,
        "role": speaker.role if speaker is not None else None,
        "mention": quote.mention.text if quote.mention is not None else None,
        "cue": quote.cue.text if quote.cue is not None else None,
        "text": quote.text,
        "confidence": quote.confidence,
        "unbalanced": quote.unbalanced,
        "source": quote.source,
        "article_id": quote.article_id,
        "published_text": date_to_text(quote.published, quote.published_precision),
        "published_precision": quote.published_precision.value if quote.published_precision else None,
        "published_ambiguous": quote.published_ambiguous,
    }
    for name, value in values.items():
        columns[name].append(value)


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
