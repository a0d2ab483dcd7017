"""Web pages: the main text and the metadata of an HTML page, as an :class:`~quotebank.values.Article`.

This needs the optional extra ``pip install 'quotebank[html]'``: trafilatura finds the article's text
without menus, cookie banners, related links, comments, scripts or styles, and its title, site name, author
and canonical address; htmldate (which trafilatura runs) finds the publication date, with its time and time
zone when the page gives them. The pipeline then reads that text: no markup ever becomes a quotation, and
every offset indexes ``article.text``, the extracted text.
"""

from __future__ import annotations

import importlib
import logging
import math
from datetime import date
from typing import Any

import attrs
import regex

from quotebank._pipeline.dates import DateOrder, coerce_date_order, coerce_published, coerce_reading
from quotebank._pipeline.language import resolve
from quotebank._pipeline.run import DEFAULT_LANGUAGE, with_quotes
from quotebank._pipeline.structure import parse_structure
from quotebank.errors import FetchError, InvalidArgumentError, InvalidTextError, MissingDependencyError
from quotebank.values import Article, ParagraphKind

__all__ = [
    "DEFAULT_TIMEOUT",
    "fetch_html",
    "looks_like_html",
    "looks_like_url",
    "page_structure",
    "parse_html",
]

# a whole document, as saved from a browser or fetched: what follows a doctype or an <html> tag is markup
_DOCUMENT = regex.compile(
    r"[\ufeff\s]*+(?:<!--.*?-->\s*+)*+(?:<!doctype\s+html|<html[\s>])", regex.I | regex.S
)
# htmldate writes midnight for a date without a time of day: such a date is a day, not an instant
_DAY_ONLY = regex.compile(r"\d{4}-\d\d-\d\dT00:00:00")
_DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
_EXTRA = "pip install 'quotebank[html]'"
_URL = regex.compile(r"https?://[^\s/$.?#][^\s]*+", regex.I)
DEFAULT_TIMEOUT = 30.0
"""Seconds to wait for a page: a server slower than that is treated as not answering."""


def looks_like_html(text: str | bytes) -> bool:
    """Whether ``text`` is a whole HTML document (it opens with a doctype or an ``<html>`` tag)."""
    head = text[:4096]
    if isinstance(head, bytes):
        head = head.decode("latin-1")
    return _DOCUMENT.match(head) is not None


def _trafilatura() -> Any:
    try:
        return importlib.import_module("trafilatura")
    except ImportError as error:
        raise MissingDependencyError(f"reading HTML needs trafilatura and htmldate: {_EXTRA}") from error


def parse_html(
    html: str | bytes,
    *,
    url: str | None = None,
    outlet: str | None = None,
    published: date | str | None = None,
    date_order: DateOrder | str | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> Article:
    """The article of a web page: its main text, and its title, outlet, author, date and address, and its
    quotes.

    ``html`` is the page's source, as text or as the bytes a server sent (their encoding is read from the
    page). The caller's ``url``, ``outlet`` and ``published`` win over what the page says; otherwise the
    outlet is the page's site name, or the domain of its address, and the url is its canonical address.
    The article's ``text`` is the extracted text, title first, one paragraph a line: quote offsets index it.
    A page without running text gives an article without paragraphs. ``date_order`` and ``language`` are as
    for :func:`~quotebank._pipeline.run.parse_article` (the page's own date comes as ISO text, never
    ambiguous; ``"auto"`` reads the extracted text).
    """
    page = page_structure(
        html, url=url, outlet=outlet, published=published, date_order=date_order, language=language
    )
    return with_quotes(resolve(page.language), page)


def page_structure(
    html: str | bytes,
    *,
    url: str | None = None,
    outlet: str | None = None,
    published: date | str | None = None,
    date_order: DateOrder | str | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> Article:
    """What :func:`parse_html` gives, without the quotes: the pipeline reads them after."""
    if not isinstance(html, str | bytes):
        raise InvalidTextError(f"a web page must be a str or bytes, not {type(html).__name__}")
    for name, value in (("outlet", outlet), ("url", url)):
        if value is not None and not isinstance(value, str):
            raise InvalidArgumentError(f"{name} must be a str or None, not {type(value).__name__}")
    caller_date = coerce_reading(published, order=coerce_date_order(date_order))
    document = _trafilatura().bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"original_date": True, "outputformat": _DATE_FORMAT},
    )
    if document is None:
        return parse_structure(
            resolve(language), "", outlet=outlet, published=published, url=url, date_order=date_order
        )
    title = _clean(document.title)
    text = document.text or ""
    lines = text.split("\n", 1)
    if title is not None and lines[0].strip() != title:
        text = f"{title}\n{text}"
    article = parse_structure(
        resolve(language, text),
        text,
        outlet=outlet or _clean(document.sitename) or _clean(document.hostname),
        published=_page_date(document.date),
        url=url or _clean(document.url),
        date_order=date_order,
    )
    if caller_date is not None:
        article = attrs.evolve(article, **caller_date.fields())
    paragraphs = article.paragraphs
    if title is not None and paragraphs and paragraphs[0].text == title:
        paragraphs = (attrs.evolve(paragraphs[0], kind=ParagraphKind.TITLE), *paragraphs[1:])
    return attrs.evolve(
        article,
        paragraphs=paragraphs,
        title=title if title is not None else article.title,
        byline=_clean(document.author) or article.byline,
    )


def fetch_html(url: str, *, timeout: float = DEFAULT_TIMEOUT, allow_private: bool = False) -> bytes:
    """The bytes of the page at ``url``, fetched with trafilatura (its browser-like headers, at most a few
    redirects, pages up to 20 MB), waiting at most ``timeout`` seconds.

    Addresses on private networks (``127.0.0.1``, ``192.168.…``) are refused unless ``allow_private``: a
    list of addresses from elsewhere must not reach into the machine's own network. Raises
    :class:`~quotebank.errors.FetchError` saying why a page could not be fetched.
    """
    if not isinstance(url, str) or not looks_like_url(url):
        raise InvalidArgumentError(f"not a web address: {url!r}")
    _trafilatura()
    downloads = importlib.import_module("trafilatura.downloads")
    config = importlib.import_module("trafilatura.settings").use_config()
    # trafilatura reads the timeout as a whole number of seconds
    config.set("DEFAULT", "DOWNLOAD_TIMEOUT", str(max(1, math.ceil(timeout))))
    config.set("DEFAULT", "SSRF_PROTECTION", "off" if allow_private else "on")
    # trafilatura logs why a download failed and returns None: the reason goes into the error instead
    reasons = _Reasons()
    logger = logging.getLogger(downloads.__name__)
    logger.addHandler(reasons)
    propagate, logger.propagate = logger.propagate, False
    try:
        response = downloads.fetch_response(url, config=config)
    finally:
        logger.removeHandler(reasons)
        logger.propagate = propagate
    if response is None:
        why = reasons.messages[-1] if reasons.messages else "the page is empty"
        raise FetchError(f"no page: {why}")
    if not 200 <= response.status < 300:
        raise FetchError(f"the server answered HTTP {response.status}")
    return bytes(response.data)


class _Reasons(logging.Handler):
    """Keeps the messages logged while one page is fetched."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.WARNING:
            self.messages.append(record.getMessage())


def looks_like_url(text: str) -> bool:
    """Whether ``text`` is nothing but a web address (``https://…``)."""
    return _URL.fullmatch(text.strip()) is not None


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _page_date(found: object) -> date | None:
    if not isinstance(found, str) or not found:
        return None
    if _DAY_ONLY.fullmatch(found):
        found = found[:10]
    try:
        return coerce_published(found)
    except ValueError:
        return None  # a page's unreadable date is no date, not a failure to read the page
