"""What an article given to quotebank may be: the one input contract of :func:`~quotebank.extract_many`,
:class:`~quotebank.QuoteBank` (``add``, ``add_many``, ``update``), the data-frame functions
(:func:`~quotebank.scale.tables.quotes_table`, :func:`~quotebank.scale.tables.extract_dask`) and the
command line.

An :data:`ArticleInput` is one of:

* a ``str``: the article's text, one paragraph a line (a whole HTML document is read as a web page);
* ``bytes`` (or a ``bytearray``): UTF-8 text, or a web page's source in the charset it declares;
* an :class:`~quotebank.values.Article`, already parsed;
* a pair ``(text, metadata)``: a ``str``, ``bytes`` or ``Article`` with a mapping of :data:`METADATA_KEYS`;
* a record, a mapping such as a line of JSON Lines or a DataFrame row gives: ``text`` (or ``html``, a page's
  source) with any of :data:`METADATA_KEYS` (``article_id``, the flat quote schema's name, may stand for
  ``id``); other keys are left alone, and NaN, NaT and NA are missing values;
* an :class:`~quotebank.readers.files.Input` from the file readers: its record, or its error.

Metadata given with the article wins over what its text says. ``crawled``, the date a crawler fetched a page,
is its publication date when nothing else gives one. Anything else raises the same
:class:`~quotebank.errors.QuotebankError` everywhere: :class:`~quotebank.errors.InvalidTextError` for an
article of another type, :class:`~quotebank.errors.ArticleDecodeError` for bytes that do not decode,
:class:`~quotebank.errors.InvalidArgumentError` for a malformed pair or record and
:class:`~quotebank.errors.ArticleReadError` for an ``Input`` that carries an error.

>>> article_of(("'Yes,' she said.", {"outlet": "Courier"})).outlet
'Courier'
>>> article_of({"text": '"No," said Ann Lee.', "article_id": 7}).quotes[0].article_id
'7'
>>> article_of(b"\\xff")
Traceback (most recent call last):
...
quotebank.errors.ArticleDecodeError: the article is not UTF-8 text: invalid start byte at byte 0
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import attrs

from quotebank._pipeline.dates import DateOrder
from quotebank._pipeline.language import resolve
from quotebank._pipeline.run import DEFAULT_LANGUAGE, parse_article, read_quotes, with_metadata, with_quotes
from quotebank.errors import (
    ArticleDecodeError,
    ArticleReadError,
    InvalidArgumentError,
    InvalidTextError,
    QuotebankError,
)
from quotebank.readers.files import Input
from quotebank.readers.webpages import looks_like_html, parse_html
from quotebank.values import Article

__all__ = ["METADATA_KEYS", "ArticleInput", "article_of", "given_metadata", "plain_text"]

METADATA_KEYS = ("outlet", "published", "url", "source", "id", "article_id", "crawled")
"""The metadata an article may come with: where and when it was published, ``source`` (a file's path) and
``id`` (the caller's identifier, which every quote carries as ``article_id``)."""

ArticleInput = (
    str
    | bytes
    | bytearray
    | Article
    | Input
    | tuple[str | bytes | bytearray | Article, Mapping[str, Any]]
    | Mapping[str, Any]
)
"""An article in any form quotebank reads (see :mod:`quotebank.readers.items`)."""


@attrs.frozen
class _Unpacked:
    """An input taken apart without reading it: its content and its metadata."""

    content: object
    metadata: dict[str, Any]
    page: bool = False
    """Whether ``content`` is a web page's source from a record's ``html``."""


def article_of(
    item: object,
    *,
    reported: bool = False,
    date_order: DateOrder | str | None = None,
    metadata: Mapping[str, Any] | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> Article:
    """The :class:`~quotebank.values.Article` of an :data:`ArticleInput`, with the item's metadata in place of
    the article's own, and ``metadata`` (the caller's options: the values that are not ``None``) over both.
    ``reported``, ``date_order`` and ``language`` are as for :func:`~quotebank.extract` (an
    :class:`~quotebank.values.Article` keeps the language it was read in). Raises the errors listed in
    :mod:`quotebank.readers.items` for an item that is not an article."""
    unpacked = _unpack(item)
    given = dict(unpacked.metadata)
    if metadata is not None:
        given.update((name, value) for name, value in metadata.items() if value is not None)
    content = unpacked.content
    # a page's address gives it an outlet (its domain) when the page names none
    url = given.get("url")
    if unpacked.page:
        content = parse_html(_page_source(content), url=url, date_order=date_order, language=language)
    elif isinstance(content, bytes | bytearray):
        content = _decoded(bytes(content), url, date_order, language)
    if isinstance(content, str):
        article = parse_article(content, url=url, reported=reported, date_order=date_order, language=language)
    elif isinstance(content, Article):
        article = read_quotes(content)
    else:
        raise InvalidTextError(
            f"an article must be a str, bytes, an Article, a (text, metadata) pair or a record, not "
            f"{type(content).__name__}"
        )
    if reported and not article.reported:
        # read again, for its reported speech
        article = with_quotes(resolve(article.language, article.text), attrs.evolve(article, reported=True))
    published = given.get("published")
    if isinstance(published, datetime) and type(published) is not datetime:
        # a pandas Timestamp from a data frame: quotes carry the standard type
        published = datetime.combine(published.date(), published.timetz())
    if published is None and article.published is None:
        # a crawled page that says nothing of its date was published by the time it was crawled
        published = given.get("crawled")
    # these check the metadata, and raise the error that names what is wrong
    return with_metadata(
        article,
        outlet=given.get("outlet"),
        published=published,
        url=given.get("url"),
        source=given.get("source"),
        article_id=_identifier(given),
        date_order=date_order,
    )


def plain_text(item: object) -> tuple[str, object] | None:
    """The text and the url of an input that is plain text (not a web page, not bytes, not an Article),
    without reading it: what a bank needs to know whether it holds the article before extracting it.
    ``None`` for other inputs and for items that are not inputs at all (reading them raises the error)."""
    try:
        unpacked = _unpack(item)
    except QuotebankError:
        return None
    content = unpacked.content
    if unpacked.page or not isinstance(content, str) or looks_like_html(content):
        return None
    return content, unpacked.metadata.get("url")


def given_metadata(item: object) -> dict[str, Any]:
    """The metadata an input gives with its article (a pair's or a record's), without reading it; nothing
    for other inputs and for items that are not inputs at all."""
    try:
        return _unpack(item).metadata
    except QuotebankError:
        return {}


def _unpack(item: object) -> _Unpacked:
    if isinstance(item, Input):
        if item.item is None:
            raise ArticleReadError(f"{item.label}: {item.error or 'cannot read'}")
        item = item.item
    if isinstance(item, tuple):
        if len(item) != 2 or not isinstance(item[1], Mapping):
            raise InvalidArgumentError(
                f"a pair must be (text, {{'outlet': …, 'published': …, 'url': …}}), not a {len(item)}-tuple "
                f"of {', '.join(type(part).__name__ for part in item)}"
            )
        unknown = set(item[1]) - set(METADATA_KEYS)
        if unknown:
            raise InvalidArgumentError(
                f"unknown article metadata {sorted(map(str, unknown))}; known: {list(METADATA_KEYS)}"
            )
        return _Unpacked(item[0], {k: v for k, v in item[1].items() if v is not None})
    if isinstance(item, Mapping):
        metadata = {name: item[name] for name in METADATA_KEYS if not _missing(item.get(name))}
        if "text" not in item and "html" in item:
            return _Unpacked(item["html"], metadata, page=True)
        if "text" not in item:
            raise InvalidArgumentError(
                f"an article record needs a 'text' or an 'html' key; it has {sorted(map(str, item))}"
            )
        return _Unpacked(item["text"], metadata)
    return _Unpacked(item, {})


def _page_source(content: object) -> str | bytes:
    if isinstance(content, bytearray):
        return bytes(content)
    if not isinstance(content, str | bytes):
        raise InvalidTextError(f"a web page must be a str or bytes, not {type(content).__name__}")
    return content


def _decoded(
    data: bytes, url: str | None, date_order: DateOrder | str | None, language: str
) -> str | Article:
    if looks_like_html(data):
        # a page's bytes: its own charset says how to decode them
        return parse_html(data, url=url, date_order=date_order, language=language)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ArticleDecodeError(
            f"the article is not UTF-8 text: {error.reason} at byte {error.start}"
        ) from None


def _identifier(metadata: Mapping[str, Any]) -> str | None:
    """The article's ``id`` as text (JSON Lines and data frames give numbers as often as strings), from
    ``id`` or from ``article_id``, its name in the flat quote schema."""
    found = [_as_identifier(metadata[name]) for name in ("id", "article_id") if name in metadata]
    if len(found) == 2 and found[0] != found[1]:
        raise InvalidArgumentError(
            f"an article has one id: 'id' is {found[0]!r} and 'article_id' is {found[1]!r}"
        )
    return found[0] if found else None


def _as_identifier(value: object) -> str | None:
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
