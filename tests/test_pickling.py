"""Everything that crosses a process boundary (to extract_many's workers, Dask workers, Spark executors)
pickles and comes back equal, with its type."""

from __future__ import annotations

import inspect
import pickle
from datetime import date, datetime
from pathlib import Path
from typing import TypeVar

import pytest
from hypothesis import given
from hypothesis import strategies as st

import quotebank
from quotebank import (
    ExtractResult,
    Mention,
    Quote,
    QuoteBank,
    QuotebankError,
    QuoteKind,
    QuoteList,
    Speaker,
    SpeakerKind,
)
from quotebank import errors as errors_module
from quotebank.scale.processes import extract_one
from tests.conftest import SEEDS

T = TypeVar("T")
PROTOCOLS = range(2, pickle.HIGHEST_PROTOCOL + 1)


def round_trip(value: T, protocol: int = pickle.HIGHEST_PROTOCOL) -> T:
    copy: T = pickle.loads(pickle.dumps(value, protocol=protocol))
    assert type(copy) is type(value)
    return copy


texts = st.text(max_size=40)
offsets = st.integers(min_value=0, max_value=10**9)
mentions = st.builds(Mention, texts, offsets, offsets)
speakers = st.builds(
    Speaker,
    texts,
    role=st.none() | texts,
    aliases=st.lists(texts, max_size=3).map(tuple),
    kind=st.sampled_from(SpeakerKind),
)
publication_dates = st.none() | st.dates() | st.datetimes() | st.datetimes(timezones=st.timezones())
quotes = st.builds(
    Quote,
    texts,
    offsets,
    offsets,
    marks=st.tuples(st.sampled_from(['"', "'", "“", "«", ""]), st.sampled_from(['"', "'", "”", "»", ""])),
    kind=st.sampled_from(QuoteKind),
    speaker=st.none() | speakers,
    mention=st.none() | mentions,
    cue=st.none() | mentions,
    outlet=st.none() | texts,
    published=publication_dates,
    url=st.none() | texts,
    confidence=st.floats(0, 1),
    unbalanced=st.booleans(),
    paragraph=st.integers(0, 1000),
)


@given(quotes, st.sampled_from(PROTOCOLS))
def test_quotes_with_every_field_round_trip(quote: Quote, protocol: int) -> None:
    copy = round_trip(quote, protocol)
    assert copy == quote
    assert type(copy.published) is type(quote.published)
    if isinstance(quote.published, datetime):
        assert copy.published.tzinfo == quote.published.tzinfo  # type: ignore[union-attr]


@given(st.from_type(Quote))
def test_generated_quotes_round_trip(quote: Quote) -> None:
    assert round_trip(quote) == quote


@given(st.lists(quotes, max_size=5).map(QuoteList) | st.from_type(QuoteList))
def test_quote_lists_round_trip_as_quote_lists(quote_list: QuoteList) -> None:
    copy = round_trip(quote_list)
    assert copy == quote_list
    assert copy[:1] == quote_list[:1]
    assert type(copy[:1]) is QuoteList


@given(speakers | st.from_type(Speaker), mentions)
def test_speakers_and_mentions_round_trip(speaker: Speaker, mention: Mention) -> None:
    assert round_trip(speaker) == speaker
    assert round_trip(mention) == mention


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda path: path.name)
def test_articles_of_the_seeds_round_trip_before_and_after_their_quotes_are_computed(seed: Path) -> None:
    text = seed.read_text(encoding="utf-8")
    fresh = quotebank.parse_article(text, url="https://example.org/seed")
    assert round_trip(fresh).quotes == quotebank.extract(text, url="https://example.org/seed")
    fresh.quotes  # noqa: B018 -- computes and caches the quotes
    copy = round_trip(fresh)
    assert copy == fresh
    assert copy.quotes == fresh.quotes
    assert copy.paragraphs == fresh.paragraphs


ERROR_CLASSES = [
    cls
    for _name, cls in inspect.getmembers(errors_module, inspect.isclass)
    if issubclass(cls, QuotebankError)
]


def test_every_public_error_is_tested_here() -> None:
    public = {name for name in quotebank.__all__ if name.endswith("Error")}
    assert public <= {cls.__name__ for cls in ERROR_CLASSES}


@pytest.mark.parametrize("error_class", ERROR_CLASSES, ids=lambda cls: cls.__name__)
def test_errors_round_trip_with_their_class_and_message(error_class: type[QuotebankError]) -> None:
    copy = round_trip(error_class("published='someday' does not read as a date"))
    assert str(copy) == "published='someday' does not read as a date"
    assert isinstance(copy, QuotebankError)


def test_error_records_round_trip() -> None:
    failed = extract_one(("text", {"published": "someday"}), index=3)
    copy = round_trip(failed)
    assert (copy.index, copy.quotes, type(copy.error), str(copy.error)) == (
        3,
        (),
        type(failed.error),
        str(failed.error),
    )
    read = extract_one('"Yes," said Ann Example.', index=4)
    assert round_trip(read) == read
    assert round_trip(ExtractResult(0)) == ExtractResult(0)


def test_clusters_and_speaker_profiles_round_trip() -> None:
    bank = QuoteBank()
    for path in sorted(SEEDS.glob("*.txt")):
        bank.add(path.read_text(encoding="utf-8"), published=date(2026, 2, 5))
    clusters = bank.clusters()
    assert round_trip(clusters) == clusters
    profile = bank.speaker("Witkoff")
    assert round_trip(profile) == profile
