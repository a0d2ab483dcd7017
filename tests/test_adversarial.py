"""Hostile texts (built by benchmarks/adversarial.py): a valid result, in time linear in the length.

Linearity is checked by the ratio of the time for ten times the text to the time for the text itself, not by
absolute times: linear gives about 10, quadratic about 100. The sizes keep this file to seconds;
``python -m benchmarks.adversarial`` runs the full sizes (a million marks in a row, 10 MB on one line…).
"""

from __future__ import annotations

import pytest

import quotebank
from benchmarks.adversarial import HOSTILE, MARK_CHARACTERS, MARK_PATTERNS, SPECIAL, build, seconds
from quotebank import QuoteList
from tests.validity import assert_valid

SIZE = 20_000
# ten times the text may take this many times as long: linear is 10, n log n about 12, quadratic 100
MAX_GROWTH = 25


# the texts of the specially treated characters are many: they run smaller, which still tells 10 from 100
SPECIAL_SIZE = 1_000


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_text_takes_linear_time_and_gives_a_valid_result(name: str) -> None:
    size = SPECIAL_SIZE if name in SPECIAL else SIZE
    small, large = build(name, size), build(name, 10 * size)
    assert (len(small), len(large)) == (size, 10 * size)
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


def test_every_mark_the_scanner_reads_has_its_hostile_texts() -> None:
    from quotebank.spans import _MARK  # noqa: PLC0415 -- the scanner's own list, to compare with

    assert {found.group() for found in _MARK.finditer("".join(MARK_CHARACTERS))} == set(MARK_CHARACTERS)
    assert {f"{pattern}:{mark}" for mark in MARK_CHARACTERS for pattern in MARK_PATTERNS} <= set(SPECIAL)


@pytest.mark.parametrize("mark", ["'", "’", "‘", "‚"])
def test_a_row_of_apostrophes_is_scanned_once(mark: str) -> None:
    # each mark of the row used to match, and copy, the whole rest of the row: 73 s for 100,000
    assert seconds(lambda: quotebank.extract(mark * 30_000), repeat=1) < 2


def test_apostrophe_words_are_still_read_as_words() -> None:
    quotes = quotebank.extract("'Rock 'n' roll in the '90s, ya know,' said Ann Lee. He liked 'em 'til dawn.")
    assert [quote.text for quote in quotes] == ["Rock 'n' roll in the '90s, ya know,"]
