"""Properties of extract: ground truth on generated articles, invariants on any text, lossless JSON."""

from __future__ import annotations

import json
from datetime import date, timedelta, timezone

from attrs import evolve
from hypothesis import given
from hypothesis import strategies as st

import quotebank
from quotebank import Quote, QuoteKind, QuoteList
from quotebank.io.export import quote_from_dict, quote_to_dict, quotes_to_jsonl
from quotebank.strategies import GeneratedArticle, articles, speaker_names, unrelated_paragraphs
from tests.validity import assert_finds_expected, assert_valid

# -- ground truth --------------------------------------------------------------------------------------


@given(articles())
def test_extract_finds_the_generated_quotes_and_their_speakers(article: GeneratedArticle) -> None:
    found = quotebank.extract(article.text)
    assert_finds_expected(found, article)


# -- invariants on arbitrary text ----------------------------------------------------------------------

_MARKS = [*"\"'“”‘’«»„‟‹›‚", "''", "``", '""']
_PIECES = [
    *_MARKS,
    "\n",
    "\r\n",
    "\u2028",
    " ",
    ", ",
    ": ",
    ". ",
    "\x00",
    "\x1f",
    "said",
    "says",
    "told reporters",
    "according to",
    "adding that",
    "he",
    "she",
    "his thanks",
    "Maria Lopez",
    "Lopez",
    "President",
    "U.S.",
    "Sen.",
    "- ",
    "KYIV - ",
    "Published: 05 February 2026 10:30",
    "By Anna Berg",
    "e\u0301",
    "مرحبا",
    "שלום",
    "你好",
    "👍🏽",
    "\u200f",
    "'90s",
    "rock 'n' roll",
    "Ukraine's",
    "Russians'",
    "5'11\"",
]

# mostly the pieces quotebank reacts to, with runs of marks and arbitrary (surrogate-free) unicode between
hostile_texts = st.lists(
    st.one_of(
        st.sampled_from(_PIECES),
        st.sampled_from(_MARKS).flatmap(lambda mark: st.integers(2, 40).map(lambda n: mark * n)),
        st.text(max_size=12),
    ),
    max_size=80,
).map("".join)


@st.composite
def damaged_articles(draw: st.DrawFn) -> str:
    """A generated article with marks and line breaks inserted or removed at random places."""
    text: str = draw(articles()).text
    for _ in range(draw(st.integers(1, 6))):
        position = draw(st.integers(0, len(text)))
        if draw(st.booleans()) and position < len(text):
            text = text[:position] + text[position + 1 :]
        else:
            text = text[:position] + draw(st.sampled_from([*_MARKS, "\n", " "])) + text[position:]
    return text


any_text = st.one_of(st.text(), hostile_texts, damaged_articles())


@given(any_text)
def test_extract_returns_valid_quotes_for_any_text(text: str) -> None:
    quotes = quotebank.extract(text)
    assert isinstance(quotes, QuoteList)
    assert_valid(text, quotes)


@given(any_text)
def test_extract_is_deterministic(text: str) -> None:
    first = quotebank.extract(text)
    assert quotebank.extract(text) == first
    assert quotebank.parse_article(text).quotes == first


@given(any_text, st.text(min_size=1, max_size=20), st.text(max_size=20))
def test_caller_metadata_reaches_every_quote(text: str, outlet: str, url: str) -> None:
    published = date(2026, 2, 5)
    for quote in quotebank.extract(text, outlet=outlet, published=published, url=url):
        assert (quote.outlet, quote.published, quote.url) == (outlet, published, url)


# -- JSON round trip -----------------------------------------------------------------------------------

# whole minutes, as real zones are: Python 3.11's fromisoformat drops the microseconds of an offset
zones = st.none() | st.integers(-(24 * 60 - 1), 24 * 60 - 1).map(
    lambda minutes: timezone(timedelta(minutes=minutes))
)
publication_dates = st.none() | st.dates() | st.datetimes(timezones=zones)


def _round_trip(quote: Quote) -> Quote:
    return quote_from_dict(json.loads(json.dumps(quote_to_dict(quote), ensure_ascii=False)))


@given(st.one_of(articles().map(lambda a: a.text), any_text), publication_dates, st.none() | st.text())
def test_json_export_and_import_is_lossless(text: str, published: date | None, url: str | None) -> None:
    quotes = quotebank.extract(text, published=published, url=url)
    for quote in quotes:
        assert _round_trip(quote) == quote
    lines = quotes_to_jsonl(quotes).split("\n")[:-1]  # JSON Lines end each record with "\n" only
    assert [quote_from_dict(json.loads(line)) for line in lines] == list(quotes)


@given(st.from_type(Quote), publication_dates, st.none() | st.text())
def test_json_round_trip_of_any_quote(quote: Quote, published: date | None, outlet: str | None) -> None:
    quote = evolve(quote, published=published, outlet=outlet)
    assert _round_trip(quote) == quote
    assert isinstance(_round_trip(quote).published, type(published))


@given(st.lists(speaker_names(), min_size=1, max_size=3), unrelated_paragraphs())
def test_articles_without_marks_have_no_quotes(speakers: list[object], paragraph: str) -> None:
    text = "\n".join([paragraph, *(f"{speaker} visited the region." for speaker in speakers)])
    assert quotebank.extract(text) == QuoteList()


def test_headline_quotes_are_kind_headline_on_a_known_example() -> None:
    # an anchor for the generated headline constructions: one fixed example that must always hold
    quotes = quotebank.extract('Lopez says talks were "likely" to resume\n"We will win," Maria Lopez said.')
    assert [(q.kind, q.speaker_name) for q in quotes] == [
        (QuoteKind.HEADLINE, "Maria Lopez"),
        (QuoteKind.SENTENCE, "Maria Lopez"),
    ]
