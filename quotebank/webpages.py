"""Web pages: the main text and the metadata of an HTML page, as an :class:`~quotebank.model.Article`.

This needs the optional extra ``pip install 'quotebank[html]'``: trafilatura finds the article's text
without menus, cookie banners, related links, comments, scripts or styles, and its title, site name, author
and canonical address; htmldate (which trafilatura runs) finds the publication date, with its time and time
zone when the page gives them. The pipeline then reads that text: no markup ever becomes a quotation, and
every offset indexes ``article.text``, the extracted text.
"""

from __future__ import annotations

import importlib
from datetime import date
from typing import Any

import attrs
import regex

from quotebank.article import parse_article
from quotebank.dates import coerce_published
from quotebank.errors import InvalidArgumentError, InvalidTextError, MissingDependencyError
from quotebank.model import Article, ParagraphKind

__all__ = ["looks_like_html", "parse_html"]

# a whole document, as saved from a browser or fetched: what follows a doctype or an <html> tag is markup
_DOCUMENT = regex.compile(
    r"[\ufeff\s]*+(?:<!--.*?-->\s*+)*+(?:<!doctype\s+html|<html[\s>])", regex.I | regex.S
)
# htmldate writes midnight for a date without a time of day: such a date is a day, not an instant
_DAY_ONLY = regex.compile(r"\d{4}-\d\d-\d\dT00:00:00")
_DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
_EXTRA = "pip install 'quotebank[html]'"


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
) -> Article:
    """The article of a web page: its main text, and its title, outlet, author, date and address.

    ``html`` is the page's source, as text or as the bytes a server sent (their encoding is read from the
    page). The caller's ``url``, ``outlet`` and ``published`` win over what the page says; otherwise the
    outlet is the page's site name, or the domain of its address, and the url is its canonical address.
    The article's ``text`` is the extracted text, title first, one paragraph a line: quote offsets index it.
    A page without running text gives an article without paragraphs.
    """
    if not isinstance(html, str | bytes):
        raise InvalidTextError(f"a web page must be a str or bytes, not {type(html).__name__}")
    for name, value in (("outlet", outlet), ("url", url)):
        if value is not None and not isinstance(value, str):
            raise InvalidArgumentError(f"{name} must be a str or None, not {type(value).__name__}")
    caller_date = coerce_published(published)
    document = _trafilatura().bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"original_date": True, "outputformat": _DATE_FORMAT},
    )
    if document is None:
        return parse_article("", outlet=outlet, published=caller_date, url=url)
    title = _clean(document.title)
    text = document.text or ""
    lines = text.split("\n", 1)
    if title is not None and lines[0].strip() != title:
        text = f"{title}\n{text}"
    article = parse_article(
        text,
        outlet=outlet or _clean(document.sitename) or _clean(document.hostname),
        published=caller_date if caller_date is not None else _page_date(document.date),
        url=url or _clean(document.url),
    )
    paragraphs = article.paragraphs
    if title is not None and paragraphs and paragraphs[0].text == title:
        paragraphs = (attrs.evolve(paragraphs[0], kind=ParagraphKind.TITLE), *paragraphs[1:])
    return attrs.evolve(
        article,
        paragraphs=paragraphs,
        title=title if title is not None else article.title,
        byline=_clean(document.author) or article.byline,
    )


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
