"""Invariants that hold for any text: offsets point into it, quotes are ordered, nothing raises."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

import quotebank

MARKS = "\"'“”‘’«»„‟‹›‚"
# text rich in the characters that matter: marks, apostrophes, newlines, cue words and names
words = st.sampled_from(
    ["said", "he", "she", "told", "according to", "Smith", "Jane Doe", "Sen.", ",", ".", ":", "—", " ", "\n"]
)
rich_text = st.lists(st.one_of(st.sampled_from(list(MARKS)), words, st.text(max_size=5)), max_size=60).map(
    "".join
)
any_text = st.one_of(st.text(), rich_text)


@given(any_text)
def test_offsets_point_into_the_text(text: str) -> None:
    quotes = quotebank.extract(text)
    for quote in quotes:
        assert text[quote.start : quote.end] == quote.text
        for mention in (quote.mention, quote.cue):
            if mention is not None:
                assert text[mention.start : mention.end] == mention.text
        if quote.mention is not None:
            assert quote.confidence > 0


@given(any_text)
def test_quotes_are_in_order_and_do_not_overlap(text: str) -> None:
    quotes = quotebank.extract(text)
    for before, after in itertools.pairwise(quotes):
        assert before.end <= after.start


@given(any_text)
def test_extraction_is_deterministic(text: str) -> None:
    assert quotebank.extract(text) == quotebank.extract(text)


@given(any_text)
def test_paragraphs_point_into_the_text(text: str) -> None:
    for paragraph in quotebank.parse_article(text).paragraphs:
        assert text[paragraph.start : paragraph.end] == paragraph.text
        assert paragraph.text == paragraph.text.strip()
