"""Many articles on many cores: :func:`extract_many` streams the quotes of an iterable of articles, in order.

Articles go to worker processes in chunks; only a few chunks are in flight at any time, so memory stays
bounded however long the iterable is (a generator over ten million files works). An article that cannot be
read (not text, bytes that are not UTF-8, metadata that makes no sense) gives an :class:`ExtractResult`
carrying the error, and the run goes on.

>>> results = extract_many(['"We will win," said Jane Doe.', b"\\xff", 42], processes=1)
>>> [(r.index, [q.speaker_name for q in r.quotes], type(r.error).__name__) for r in results]
[(0, ['Jane Doe'], 'NoneType'), (1, [], 'ArticleDecodeError'), (2, [], 'InvalidTextError')]

In a script, call :func:`extract_many` under ``if __name__ == "__main__":``: the worker processes start
fresh interpreters (``forkserver`` or ``spawn``, never ``fork``, which is unsafe in programs that run threads,
such as notebooks and Dask workers), and those import the main module again.
"""

from __future__ import annotations

import collections
import itertools
import multiprocessing
import os
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import datetime
from typing import Any

import attrs

from quotebank.article import parse_article
from quotebank.errors import ArticleDecodeError, InvalidArgumentError, InvalidTextError, QuotebankError
from quotebank.extract import with_metadata
from quotebank.model import Article, QuoteList
from quotebank.webpages import looks_like_html, parse_html

__all__ = [
    "DEFAULT_CHUNKSIZE",
    "ArticleInput",
    "ExtractResult",
    "article_of",
    "extract_many",
    "extract_one",
    "read_article",
]

DEFAULT_CHUNKSIZE = 32
"""Articles sent to a worker at a time: a news article takes milliseconds, so a chunk of 32 makes the cost
of sending work to another process small beside the work itself."""
_CHUNKS_PER_PROCESS = 2
"""Chunks in flight for each worker: one being worked on, one waiting, so no worker idles while the caller
reads the next results."""
_METADATA_KEYS = ("outlet", "published", "url", "source", "id", "crawled")

ArticleInput = str | bytes | Article | tuple[str | bytes | Article, Mapping[str, Any]] | Mapping[str, Any]
"""What :func:`extract_many` reads: an article's text (``bytes`` are read as UTF-8; a whole HTML document,
as text or bytes, is read as a web page by :func:`~quotebank.webpages.parse_html`), an
:class:`~quotebank.model.Article`, a ``(text, {"outlet": …, "published": …, "url": …})`` pair, or a record
``{"text": …, "outlet": …, "published": …, "url": …}`` such as a line of JSON Lines or a DataFrame row gives
(``"html": …`` instead of ``"text"`` for a page's source; other keys are left alone). Pairs and records may
also say where the article came from, ``"source"`` (a file's path), and give its ``"id"``, which every
quote carries as ``article_id``; ``"crawled"``, the date a crawler fetched the page, is its publication
date when neither the record nor the page gives one."""


@attrs.frozen
class ExtractResult:
    """The quotes of the article at position ``index`` of the input, or why there are none.

    ``error`` is ``None`` when the article was read; otherwise it is the
    :class:`~quotebank.errors.QuotebankError` that :func:`~quotebank.extract` raised for it (or would have),
    and ``quotes`` is empty.
    """

    index: int
    quotes: QuoteList = attrs.field(factory=QuoteList)
    error: QuotebankError | None = None

    @property
    def ok(self) -> bool:
        """Whether the article was read (an article without quotes is read too)."""
        return self.error is None


def extract_one(item: ArticleInput, *, index: int = 0) -> ExtractResult:
    """The quotes of one article of any form :data:`ArticleInput` allows, with ``index`` as its position;
    a :class:`~quotebank.errors.QuotebankError` becomes the result's ``error`` rather than being raised.

    This is the function :func:`extract_many` runs in its workers; map it over a Dask bag or a Spark RDD to
    get the same records there.

    >>> extract_one(("'Yes,' she said.", {"published": "someday"}), index=7).error
    InvalidDateError("published='someday' does not read as a date")
    """
    try:
        return ExtractResult(index, read_article(item)[1])
    except QuotebankError as error:
        return ExtractResult(index, error=error)


def extract_many(
    items: Iterable[ArticleInput],
    *,
    processes: int | None = None,
    chunksize: int = DEFAULT_CHUNKSIZE,
) -> Iterator[ExtractResult]:
    """The quotes of every article of ``items``, one :class:`ExtractResult` an article, in input order.

    ``processes`` worker processes extract the articles (by default one for each CPU this process may run
    on; ``processes=1`` works in this process, without workers). ``items`` is read lazily, ``chunksize``
    articles at a time, and at most two chunks for each worker are in flight: an endless generator of
    articles is fine. Stopping early (``break``, closing the iterator) stops the workers.

    Arguments are checked here, before any article is read; an article that cannot be read gives a result
    whose ``error`` says why.
    """
    if processes is None:
        processes = _available_cpus()
    for name, value in (("processes", processes), ("chunksize", chunksize)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise InvalidArgumentError(f"{name} must be a whole number of at least 1, not {value!r}")
    if processes == 1:
        return (extract_one(item, index=index) for index, item in enumerate(items))
    return _extract_in_workers(items, processes, chunksize)


def _available_cpus() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _extract_in_workers(
    items: Iterable[ArticleInput], processes: int, chunksize: int
) -> Iterator[ExtractResult]:
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    window = processes * _CHUNKS_PER_PROCESS
    in_flight: collections.deque[Future[list[ExtractResult]]] = collections.deque()
    pool = ProcessPoolExecutor(max_workers=processes, mp_context=context)
    try:
        for start, chunk in _chunks(items, chunksize):
            in_flight.append(pool.submit(_extract_chunk, start, chunk))
            if len(in_flight) >= window:
                yield from in_flight.popleft().result()
        while in_flight:
            results = in_flight.popleft().result()
            if not in_flight:
                # free the workers before handing out the last results: a caller that stops right after
                # them (zip with a list of the same length) never asks for more, and the pool would linger
                pool.shutdown(wait=True)
            yield from results
    finally:
        # also when the caller stops early: drop the chunks no worker has started
        pool.shutdown(wait=True, cancel_futures=True)


def _chunks(items: Iterable[ArticleInput], size: int) -> Iterator[tuple[int, list[ArticleInput]]]:
    iterator = iter(items)
    start = 0
    while chunk := list(itertools.islice(iterator, size)):
        yield start, chunk
        start += len(chunk)


def _extract_chunk(start: int, chunk: list[ArticleInput]) -> list[ExtractResult]:
    return [extract_one(item, index=start + offset) for offset, item in enumerate(chunk)]


def read_article(item: object) -> tuple[str, QuoteList]:
    """The text and the quotes of an :data:`ArticleInput`; raises a :class:`~quotebank.errors.QuotebankError`
    for an item that is not one."""
    article = article_of(item)
    return article.text, article.quotes


def article_of(item: object) -> Article:
    """The :class:`~quotebank.model.Article` of an :data:`ArticleInput`, with the item's metadata in place
    of the article's own; raises a :class:`~quotebank.errors.QuotebankError` for an item that is not one."""
    text, metadata = _unpack(item)
    if isinstance(text, bytes) and looks_like_html(text):
        # a page's bytes: its own charset says how to decode them
        text = parse_html(text)
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ArticleDecodeError(
                f"the article is not UTF-8 text: {error.reason} at byte {error.start}"
            ) from None
    if not isinstance(text, str | Article):
        raise InvalidTextError(f"an article must be a str, bytes or an Article, not {type(text).__name__}")
    published = metadata.get("published")
    if isinstance(published, datetime) and type(published) is not datetime:
        # a pandas Timestamp from a data frame: quotes carry the standard type
        published = datetime.combine(published.date(), published.timetz())
    # these check the metadata, and raise the error that names what is wrong; on an Article, the caller's
    # metadata wins and the article's own fills the gaps
    article = text if isinstance(text, Article) else parse_article(text)
    if published is None and article.published is None:
        # a crawled page that says nothing of its date was published by the time it was crawled
        published = metadata.get("crawled")
    return with_metadata(
        article,
        outlet=metadata.get("outlet"),
        published=published,
        url=metadata.get("url"),
        source=metadata.get("source"),
        article_id=_identifier(metadata.get("id")),
    )


def _unpack(item: object) -> tuple[object, Mapping[str, Any]]:
    """The text and the metadata of an :data:`ArticleInput` (the text is checked by the pipeline)."""
    if isinstance(item, tuple):
        if len(item) != 2 or not isinstance(item[1], Mapping):
            raise InvalidArgumentError(
                f"a pair must be (text, {{'outlet': …, 'published': …, 'url': …}}), not a {len(item)}-tuple "
                f"of {', '.join(type(part).__name__ for part in item)}"
            )
        unknown = set(item[1]) - set(_METADATA_KEYS)
        if unknown:
            raise InvalidArgumentError(
                f"unknown article metadata {sorted(map(str, unknown))}; known: {list(_METADATA_KEYS)}"
            )
        return item[0], item[1]
    if isinstance(item, Mapping):
        metadata = {name: item[name] for name in _METADATA_KEYS if not _missing(item.get(name))}
        if "text" not in item and "html" in item:
            # the record's address gives the page an outlet (its domain) when the page names none
            return parse_html(item["html"], url=metadata.get("url")), metadata
        if "text" not in item:
            raise InvalidArgumentError(
                f"an article record needs a 'text' or an 'html' key; it has {sorted(map(str, item))}"
            )
        return item["text"], metadata
    return item, {}


def _identifier(value: object) -> str | None:
    """A record's ``id`` as text: JSON Lines and data frames give numbers as often as strings."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise InvalidArgumentError(f"an article's id must be a str or an int, not {type(value).__name__}")


def _missing(value: object) -> bool:
    """``None``, or the NaN, NaT or NA that data frames put where a record has no value."""
    if value is None:
        return True
    try:
        return bool(value != value)  # noqa: PLR0124 -- NaN and NaT are the values that differ from themselves
    except TypeError:  # pandas.NA: comparing it gives NA again, which has no truth value
        return True
