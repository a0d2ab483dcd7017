"""HTML for notebooks: ``_repr_html_`` of quotes, quote lists, clusters and banks.

A compact table (speaker, how the article names them, the cue, the quote, its kind and confidence, outlet,
date), every value escaped; the quote without the comma its sentence lent it (``"We will win," she said``
shows ``We will win``: the :class:`~quotebank.values.Quote` keeps its exact span). Long quotes are
shortened (the whole text is in the cell's tooltip) and long lists show their first and last rows only, so
that a list of a hundred thousand quotes displays as fast as a list of ten.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date, datetime
from typing import TypeVar

from quotebank.collection.clusters import QuoteCluster
from quotebank.values import DatePrecision, Quote

__all__ = ["bank_html", "cluster_html", "clusters_html", "quote_html", "quotes_html", "shown_text"]

_Row = TypeVar("_Row", Quote, QuoteCluster)

_QUOTE_CHARS = 160
_HEAD_ROWS = 15
_TAIL_ROWS = 5
_STYLE = "text-align:left;vertical-align:top"


def _shorten(text: str, width: int = _QUOTE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _date(value: date | None, precision: DatePrecision | None = None) -> str:
    if value is None:
        return ""
    if precision is DatePrecision.MONTH:
        return value.strftime("%Y-%m")
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M") + (value.strftime(" %z") if value.tzinfo else "")
    return value.isoformat()


def _cell(value: str, *, full: str | None = None) -> str:
    tooltip = f' title="{html.escape(full)}"' if full is not None and full != value else ""
    return f'<td style="{_STYLE}"{tooltip}>{html.escape(value)}</td>'


def _table(header: Sequence[str], rows: Sequence[str], total: int) -> str:
    """A table with the rows given; when ``total`` is larger, a row saying how many were left out."""
    head = "".join(f'<th style="{_STYLE}">{html.escape(name)}</th>' for name in header)
    body = list(rows)
    if total > len(rows):
        left_out = total - len(rows)
        marker = f'<tr><td colspan="{len(header)}" style="{_STYLE}">… {left_out:,} more …</td></tr>'
        body.insert(min(_HEAD_ROWS, len(body)), marker)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


_QUOTE_HEADER = ("speaker", "mention", "cue", "quote", "kind", "confidence", "outlet", "date")


def shown_text(text: str) -> str:
    """A quote's text as a table shows it: without the comma that ends it when the sentence goes on after
    the closing mark (``"We will win," she said``)."""
    trimmed = text.rstrip()
    return trimmed[:-1].rstrip() if trimmed.endswith(",") else trimmed


def _quote_row(quote: Quote) -> str:
    cells = [
        _cell(quote.speaker_name or "?"),
        _cell(quote.mention.text if quote.mention is not None else ""),
        _cell(quote.cue.text if quote.cue is not None else ""),
        _cell(_shorten(shown_text(quote.text)), full=quote.text),
        _cell(quote.kind.value),
        _cell(f"{quote.confidence:.2f}"),
        _cell(quote.outlet or ""),
        _cell(_date(quote.published, quote.published_precision)),
    ]
    return "<tr>" + "".join(cells) + "</tr>"


def _head_and_tail(items: Sequence[_Row]) -> list[_Row]:
    if len(items) <= _HEAD_ROWS + _TAIL_ROWS:
        return list(items)
    return list(items[:_HEAD_ROWS]) + list(items[len(items) - _TAIL_ROWS :])


def quotes_html(quotes: Sequence[Quote], *, total: int | None = None) -> str:
    """A table of ``quotes`` (the first and the last rows of a long list); ``total`` when it is longer."""
    shown = _head_and_tail(quotes)
    count = len(quotes) if total is None else total
    caption = f"<p>{count:,} quote{'s' if count != 1 else ''}</p>"
    return caption + _table(_QUOTE_HEADER, [_quote_row(q) for q in shown], count)


def quote_html(quote: Quote) -> str:
    return _table(_QUOTE_HEADER, [_quote_row(quote)], 1)


def cluster_html(cluster: QuoteCluster) -> str:
    speaker = cluster.speaker_name or "?"
    summary = (
        f"<p><b>{html.escape(speaker)}</b>: “{html.escape(_shorten(shown_text(cluster.text)))}”<br>"
        f"first seen {html.escape(_date(cluster.first_seen) or 'undated')}, "
        f"{cluster.occurrences} report{'s' if cluster.occurrences != 1 else ''} in "
        f"{cluster.article_count} article{'s' if cluster.article_count != 1 else ''}"
        f"{' of ' + html.escape(', '.join(cluster.outlets)) if cluster.outlets else ''}</p>"
    )
    return summary + quotes_html(cluster.quotes)


def clusters_html(clusters: Sequence[QuoteCluster]) -> str:
    rows = [
        "<tr>"
        + _cell(c.speaker_name or "?")
        + _cell(_shorten(shown_text(c.text)), full=c.text)
        + _cell(_date(c.first_seen))
        + _cell(str(c.article_count))
        + _cell(", ".join(c.outlets))
        + "</tr>"
        for c in _head_and_tail(clusters)
    ]
    caption = f"<p>{len(clusters):,} quotation{'s' if len(clusters) != 1 else ''}</p>"
    header = ("speaker", "quotation", "first seen", "articles", "outlets")
    return caption + _table(header, rows, len(clusters))


def bank_html(location: str, quote_count: int, article_count: int, first: Sequence[Quote]) -> str:
    """The bank's size and its first quotes."""
    where = "in memory" if location == ":memory:" else html.escape(location)
    caption = f"<p>QuoteBank ({where}): {quote_count:,} quotes from {article_count:,} articles</p>"
    return caption + _table(_QUOTE_HEADER, [_quote_row(q) for q in first], quote_count)
