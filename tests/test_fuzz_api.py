"""Every exception that escapes the public API is a QuotebankError: arbitrary text (lone surrogates, marks,
control characters, markup), arbitrary JSON-ish records and arbitrary filter values, through extract, the
bank's adding, importing, searching, speakers, clusters and exports, and extract_many in this process. Where
a call succeeds, what it returns is checked too: every search filter against the same filter over a plain
list of the quotes, clusters and source counts against the search, and every export (JSON Lines, CSV, pandas,
notebook display) against the quotes it was made from.

The suite runs a few dozen examples of each; set QUOTEBANK_FUZZ_EXAMPLES for a larger run by hand (the
issue's run: 20,000 each, over 100,000 in all).
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
from collections.abc import Callable
from datetime import date, datetime, timezone
from typing import Any

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotebank import Quote, QuoteBank, QuotebankError, QuoteKind, QuoteList, extract, extract_many
from quotebank.io.export import CSV_FIELDS, csv_rows, quote_from_dict, quote_to_dict
from quotebank.strategies import articles

# text that UTF-8 cannot hold is stored replaced, with a warning: expected here, at every turn
pytestmark = pytest.mark.filterwarnings("ignore::quotebank.QuotebankWarning")

_EXAMPLES = int(os.environ.get("QUOTEBANK_FUZZ_EXAMPLES", "25"))
_FUZZ = settings(
    max_examples=_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
)

# pieces that make extraction and search do something, mixed with anything at all
_PIECES = st.sampled_from(
    ['"', "'", "“", "”", "«", "»", "‘", "’", " said ", " says ", "Jane Doe", "Mr. Smith", ", ", ".", "\n",
     "\ud800", "\udfff", "\x00", "\u2028", " 's", "According to ", "(AP) — ", "2026-02-05", "…", "\r",
     "<script>", "&amp;", "=cmd|", ",\""]
)  # fmt: skip
TEXT = st.lists(_PIECES | st.text(max_size=12), max_size=30).map("".join)

_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | TEXT
)
JSONISH = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=8,
)
_FIELDS = st.sampled_from(
    ["text", "start", "end", "marks", "kind", "speaker", "mention", "cue", "outlet", "published", "url",
     "confidence", "unbalanced", "paragraph", "article", "position", "quotes", "source", "name", "aliases"]
)  # fmt: skip
_VALUES = (
    JSONISH
    | st.sampled_from(["sentence", "partial", "unknown", "person", "2026-02-05", "2026-02-05T10:00:00+01:00"])
    | st.fixed_dictionaries(
        {"name": JSONISH}, optional={"aliases": JSONISH, "role": JSONISH, "kind": JSONISH}
    )
    | st.fixed_dictionaries({"text": JSONISH, "start": JSONISH, "end": JSONISH})
)
RECORDS = st.dictionaries(_FIELDS, _VALUES, max_size=10) | st.fixed_dictionaries(
    {"text": TEXT, "start": st.integers(0, 100), "end": st.integers(0, 100)},
    optional={"speaker": _VALUES, "confidence": _VALUES, "article": _VALUES, "published": _VALUES},
)
ANYTHING = JSONISH | st.sampled_from(["2026-02-05", "sentence", "doe", "(?R)", "a{2}"])


def _typed(call: Callable[[], Any]) -> Any:
    """``call()``; any exception must be a QuotebankError (which also subclasses the builtin that fits)."""
    try:
        return call()
    except QuotebankError:
        return None


def _json_line(record: object) -> str:
    # NaN and Infinity are what careless writers produce; json writes them as Python reads them
    return json.dumps(record, allow_nan=True)


@_FUZZ
@given(TEXT, ANYTHING, ANYTHING, ANYTHING)
def test_extract_and_add_take_anything(text: str, outlet: object, published: object, url: object) -> None:
    _typed(lambda: extract(text))
    _typed(lambda: extract(text, outlet=outlet, published=published, url=url))  # type: ignore[arg-type]
    bank = QuoteBank()
    _typed(lambda: bank.add(text, outlet=outlet, published=published, url=url))  # type: ignore[arg-type]
    _typed(lambda: bank.add(outlet))  # type: ignore[arg-type]
    _typed(lambda: bank.add_many([text, (text + "x", {"outlet": outlet}), published]))  # type: ignore[list-item]
    _typed(lambda: bank.add_many(outlet))  # type: ignore[arg-type]
    assert len(bank) == sum(len(article.quotes) for article in bank.articles) or len(bank.articles) >= 0
    for result in _typed(lambda: list(extract_many([text, outlet], processes=1))) or []:  # type: ignore[list-item]
        assert result.error is not None or result.quotes is not None


@_FUZZ
@given(st.lists(RECORDS | JSONISH, max_size=6))
def test_read_jsonl_takes_any_records(records: list[object]) -> None:
    lines = "".join(_json_line(record) + "\n" for record in records)
    bank = _typed(lambda: QuoteBank.read_jsonl(io.StringIO(lines)))
    if bank is None:
        return
    # what was taken reads back, whole: every query works on it
    list(bank)
    bank.speakers()
    for profile in bank.speakers():
        bank.search(speaker=profile)
        bank.search(speaker=profile.name)
    bank.clusters()
    again = io.StringIO()
    bank.to_jsonl(again)
    bank.to_csv(io.StringIO())
    assert len(QuoteBank.read_jsonl(io.StringIO(again.getvalue()))) == len(bank)


_BANK = QuoteBank()
_BANK.add(
    '"We will rebuild the bridge," Mayor Jane Doe said.\n', outlet="Daily Example", published="2026-02-05"
)
_BANK.add('"Talks go on," said Omar Haddad. "Nothing is settled."\n', url="https://example.org/1")


_FILTERS = ("speaker", "regex", "outlet", "since", "until", "kind", "limit")


@_FUZZ
@given(ANYTHING, st.fixed_dictionaries({name: ANYTHING for name in _FILTERS}))
def test_every_filter_takes_anything(text: object, filters: dict[str, Any]) -> None:
    _typed(lambda: _BANK.search(text, **filters))  # type: ignore[arg-type]
    _typed(lambda: _BANK.clusters(text, **filters))  # type: ignore[arg-type]
    for name, value in filters.items():
        _typed(lambda: _BANK.search(**{name: value}))  # noqa: B023 -- called at once
    _typed(lambda: _BANK.speakers(text))  # type: ignore[arg-type]
    _typed(lambda: _BANK.speaker(filters["speaker"]))


@_FUZZ
@given(st.lists(st.tuples(TEXT, st.sampled_from([None, "Daily", "Other \ud800"]), st.booleans()), max_size=4))
def test_banks_of_arbitrary_articles_export_and_read_back(
    articles: list[tuple[str, str | None, bool]],
) -> None:
    bank = QuoteBank()
    for text, outlet, dated in articles:
        _typed(lambda: bank.add(text, outlet=outlet, published="2026-02-05" if dated else None))  # noqa: B023
    assert not any(math.isnan(q.confidence) for q in bank)
    buffer = io.StringIO()
    bank.to_jsonl(buffer)
    buffer.getvalue().encode("utf-8")  # nothing UTF-8 cannot hold comes out
    copy = QuoteBank.read_jsonl(io.StringIO(buffer.getvalue()))
    assert sorted(copy, key=repr) == sorted(bank, key=repr)
    assert len(copy.articles) == len(bank.articles)
    csv = io.StringIO()
    bank.to_csv(csv)
    csv.getvalue().encode("utf-8")
    bank.clusters()
    bank.speakers()


# -- searching with valid filters of every kind, checked against the same filter over a plain list ----------

_OUTLETS = ("Daily Example", "Courier", "Other \ud800")
_DAYS = st.dates(min_value=date(2025, 12, 20), max_value=date(2026, 3, 10))
_PUBLISHED = (
    st.none()
    | _DAYS
    | _DAYS.map(date.isoformat)
    | _DAYS.map(lambda day: day.isoformat()[:7])  # a month only
    | st.datetimes(
        min_value=datetime(2025, 12, 20), max_value=datetime(2026, 3, 10), timezones=st.just(timezone.utc)
    )
)
_ARTICLE_TEXTS = articles(max_blocks=3, boilerplate=False).map(lambda article: article.text) | TEXT


@st.composite
def _searched_banks(draw: st.DrawFn) -> QuoteBank:
    bank = QuoteBank()
    for text in draw(st.lists(_ARTICLE_TEXTS, max_size=5)):
        outlet, published = draw(st.sampled_from((None, *_OUTLETS))), draw(_PUBLISHED)
        _typed(lambda: bank.add(text, outlet=outlet, published=published))  # noqa: B023 -- called at once
    return bank


def _filter_values(bank: QuoteBank, quotes: list[Quote]) -> dict[str, st.SearchStrategy[Any]]:
    """For each filter, values taken from the bank's own quotes (so that searches find something), the
    other forms each filter takes, and anything at all."""
    words = sorted({word for quote in quotes for word in quote.text.split()}) or ["we"]
    speakers = [quote.speaker for quote in quotes if quote.speaker is not None]
    profiles = list(bank.speakers())
    kinds = st.sampled_from(list(QuoteKind))

    def some(values: list[Any]) -> st.SearchStrategy[Any]:
        return st.sampled_from(values) if values else st.nothing()

    return {
        "text": st.none() | some(words) | st.lists(some(words), min_size=1, max_size=3).map(" ".join) | TEXT,
        "speaker": (
            st.none()
            | some(speakers)
            | some([speaker.name for speaker in speakers])
            | some([speaker.name.split()[-1].lower() for speaker in speakers])
            | some(profiles)
            | TEXT
        ),
        "regex": st.none()
        | some(words).map(regex.escape)
        | st.sampled_from([r"\w+", r"(?i)^we", r"\p{Lu}", "a{2}"]),
        "outlet": st.none() | st.sampled_from(_OUTLETS) | TEXT,
        "since": st.none() | _PUBLISHED,
        "until": st.none() | _PUBLISHED,
        "kind": st.none() | kinds | kinds.map(lambda kind: kind.value) | st.lists(kinds, max_size=3) | TEXT,
        "limit": st.none() | st.integers(-1, 6),
    }


@_FUZZ
@given(_searched_banks(), st.data())
def test_every_filter_finds_what_it_finds_in_a_plain_list(bank: QuoteBank, data: st.DataObject) -> None:
    quotes = list(bank)
    values = _filter_values(bank, quotes)
    filters = {name: data.draw(values[name], label=name) for name in values}
    given_filters: dict[str, Any] = {name: value for name, value in filters.items() if value is not None}
    found = _typed(lambda: bank.search(**given_filters))
    if found is None:
        # a refused filter is refused the same way by every call that takes it
        for call in (bank.iter_search, bank.clusters):
            with pytest.raises(QuotebankError):
                list(call(**given_filters))
        return
    assert list(bank.iter_search(**given_filters)) == list(found)
    if "limit" in given_filters:
        assert len(found) <= given_filters["limit"]
    unlimited: dict[str, Any] = {name: value for name, value in given_filters.items() if name != "limit"}
    everything = bank.search(**unlimited)
    assert list(found) == list(everything)[: given_filters.get("limit", len(everything))]
    if "speaker" not in given_filters:
        # the bank reads the store through its indexes; a plain list tests every quote
        assert list(QuoteList(quotes).search(**unlimited)) == list(everything)
    clustered = [quote for cluster in bank.clusters(**unlimited) for quote in cluster.quotes]
    assert sorted(clustered, key=repr) == sorted(everything, key=repr)
    counted: dict[str, Any] = {
        name: given_filters[name] for name in ("kind", "since", "until") if name in given_filters
    }
    assert sum(row.quotes for row in bank.source_stats(None, **counted)) == len(bank.search(**counted))


# -- exports: every format reads back as the quotes it was made from, and displays escape the text -----------


def _csv_text(value: object) -> str:
    """A CSV cell as the csv module writes it: nothing for None, else the value's text."""
    return "" if value is None else str(value)


@_FUZZ
@given(_searched_banks())
def test_every_export_holds_the_quotes_it_was_made_from(bank: QuoteBank) -> None:
    quotes = list(bank)
    records = [quote_to_dict(quote) for quote in quotes]

    lines = io.StringIO()
    QuoteList(quotes).to_jsonl(lines)
    assert [quote_from_dict(json.loads(line)) for line in lines.getvalue().splitlines()] == quotes
    again = io.StringIO()
    bank.to_jsonl(again)
    assert sorted(QuoteBank.read_jsonl(io.StringIO(again.getvalue())), key=repr) == sorted(quotes, key=repr)

    for excel in (False, True):
        table = io.StringIO()
        QuoteList(quotes).to_csv(table, excel=excel)
        rows = list(csv.DictReader(io.StringIO(table.getvalue().removeprefix("\ufeff"))))
        assert len(rows) == len(quotes)
        columns = list(rows[0]) if rows else []
        for row, wanted in zip(rows, csv_rows(quotes), strict=True):
            assert row == {name: _csv_text(wanted[name]) for name in columns}
        if excel and rows:
            # a spreadsheet's copy leaves out only the columns empty in every row
            assert set(CSV_FIELDS) - set(columns) == {
                name for name in CSV_FIELDS if all(_csv_text(row[name]) == "" for row in csv_rows(quotes))
            }
        # the bank's own copy: the same rows in storage order, with each article's key
        table = io.StringIO()
        bank.to_csv(table, excel=excel)
        stored = list(csv.DictReader(io.StringIO(table.getvalue().removeprefix("\ufeff"))))
        assert sorted(row["text"] for row in stored) == sorted(quote.text for quote in quotes)

    frame = QuoteList(quotes).to_dataframe()
    assert list(frame.columns[: len(CSV_FIELDS)]) == list(CSV_FIELDS)
    assert list(frame["text"]) == [quote.text for quote in quotes]
    assert list(frame["start"]) == [quote.start for quote in quotes]
    assert list(frame["published_text"].fillna("")) == [record["published"] or "" for record in records]
    assert frame["published"].isna().tolist() == [quote.published is None for quote in quotes]
    assert sorted(bank.to_dataframe()["text"]) == sorted(quote.text for quote in quotes)
    clusters = bank.clusters()
    cluster_frame = clusters.to_dataframe()
    assert list(cluster_frame["quotation"]) == [cluster.text for cluster in clusters]
    assert sum(cluster_frame["numOccurrences"]) == len(quotes)

    shown = [
        bank._repr_html_(),
        QuoteList(quotes)._repr_html_(),
        bank.speakers()._repr_html_(),
        clusters._repr_html_(),
        bank.source_stats()._repr_html_(),
        *(quote._repr_html_() for quote in quotes),
        *(cluster._repr_html_() for cluster in clusters),
    ]
    for html in shown:
        html.encode("utf-8")  # a notebook shows it
        assert "<script" not in html  # the text is escaped, never markup
    for shown_plainly in (repr(bank), repr(QuoteList(quotes)), repr(clusters), repr(bank.speakers())):
        shown_plainly.encode("utf-8")
