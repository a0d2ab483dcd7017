"""Hostile texts (built by benchmarks/adversarial.py): a valid result, in time linear in the length.

Linearity is checked by the ratio of the time for ten times the text to the time for the text itself, not by
absolute times: linear gives about 10, quadratic about 100. The sizes keep this file to seconds;
``python -m benchmarks.adversarial`` runs the full sizes (a million marks in a row, 10 MB on one line…).
"""

from __future__ import annotations

import pytest

import quotebank
from benchmarks.adversarial import HOSTILE, build, seconds
from quotebank import QuoteList
from tests.validity import assert_valid

SIZE = 20_000
# ten times the text may take this many times as long: linear is 10, n log n about 12, quadratic 100
MAX_GROWTH = 25


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_text_takes_linear_time_and_gives_a_valid_result(name: str) -> None:
    small, large = build(name, SIZE), build(name, 10 * SIZE)
    assert (len(small), len(large)) == (SIZE, 10 * SIZE)
    found: dict[str, QuoteList] = {}

    def extract(text: str) -> None:
        found[text] = quotebank.extract(text)

    growth = seconds(lambda: extract(large), repeat=2) / seconds(lambda: extract(small))
    assert growth < MAX_GROWTH, f"{name}: ten times the text took {growth:.0f} times as long"
    for text, quotes in found.items():
        assert_valid(text, quotes)


def test_unbalanced_opening_marks_hide_nothing_after_them() -> None:
    text = build("unbalanced-openings", 2_700)  # 100 openings, none closed
    quotes = quotebank.extract(text)
    assert len(quotes) == 100
    assert all(quote.unbalanced and quote.marks == ("“", "") for quote in quotes)


def test_a_long_quotation_is_one_quotation_with_its_speaker() -> None:
    text = build("one-long-quote", 100_000)
    (quote,) = quotebank.extract(text)
    assert len(quote.text) == len(text) - len('"" Maria Lopez said.')
    assert quote.speaker_name == "Maria Lopez" and not quote.unbalanced


def test_many_short_paragraphs_give_one_quotation_each() -> None:
    text = build("short-paragraphs", 16_000)  # 1,000 paragraphs
    quotes = quotebank.extract(text)
    assert [quote.text for quote in quotes] == ["Yes,"] * 1_000
    assert [quote.paragraph for quote in quotes] == list(range(1_000))


def test_nul_and_control_characters_are_text_like_any_other() -> None:
    quotes = quotebank.extract('\x00"We will\x01 win,"\x7f said Maria\x00 Lopez.\x1b')
    assert [quote.text for quote in quotes] == ["We will\x01 win,"]
