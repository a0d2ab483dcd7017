"""Hostile texts (built by benchmarks/adversarial.py): a valid result, in time linear in the length.

Linearity is checked by the ratio of the time for ten times the text to the time for the text itself, not by
absolute times: linear gives about 10, quadratic about 100. The sizes keep this file to seconds;
``python -m benchmarks.adversarial`` runs the full sizes (a million marks in a row, 10 MB on one line…).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

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
    from quotebank._pipeline.spans import _MARK  # noqa: PLC0415 -- the scanner's own list, to compare with

    assert {found.group() for found in _MARK.finditer("".join(MARK_CHARACTERS))} == set(MARK_CHARACTERS)
    assert {f"{pattern}:{mark}" for mark in MARK_CHARACTERS for pattern in MARK_PATTERNS} <= set(SPECIAL)


@pytest.mark.parametrize("mark", ["'", "’", "‘", "‚"])
def test_a_row_of_apostrophes_is_scanned_once(mark: str) -> None:
    # each mark of the row used to match, and copy, the whole rest of the row: 73 s for 100,000
    assert seconds(lambda: quotebank.extract(mark * 30_000), repeat=1) < 2


def test_apostrophe_words_are_still_read_as_words() -> None:
    quotes = quotebank.extract("'Rock 'n' roll in the '90s, ya know,' said Ann Lee. He liked 'em 'til dawn.")
    assert [quote.text for quote in quotes] == ["Rock 'n' roll in the '90s, ya know,"]


# -- odd text: whatever the words, extract and parse_article return a valid result ---------------------

_ODD_WORDS = [
    *MARK_CHARACTERS,
    *(f"{mark}s" for mark in "'’"),
    *(f"{mark}{clitic}" for mark in "'’" for clitic in ("d", "ll", "re", "ve", "m", "em", "n", "n'")),
    "'90s",
    "s'",
    "Ukraine's",
    "workers'",
    "O'Brien",
    "don't",
    "said",
    "says",
    "told",
    "according to",
    "added",
    "the",
    "a",
    "his",
    "her",
    "he",
    "she",
    "they",
    "who",
    "Jane Doe",
    "Doe",
    "Mr.",
    "Sen.",
    "Jr.",
    "mayor",
    "Ministry",
    "of",
    ",",
    ".",
    ":",
    "—",
    "(",
    ")",
    "\n",
    "\n\n",
    "\ud800",
    "\udfff",
]
_ODD_MARKS = st.sampled_from(MARK_CHARACTERS)
_ODD_PIECES = st.one_of(
    st.sampled_from(_ODD_WORDS),
    st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=4),
)
_CUES = st.sampled_from(["said", "says", "told", "according to", "added", ":", ","])
# what a speaker phrase may be made of: names, titles, determiners, possessives and bare clitics
_SPEAKER_WORDS = st.sampled_from(
    [
        "'s",
        "’s",
        "'d",
        "'ll",
        "s'",
        "the",
        "a",
        "his",
        "who",
        "Jane",
        "Doe",
        "Doe's",
        "workers'",
        "Mr.",
        "mayor",
    ]
)


@st.composite
def _odd_attributions(draw: st.DrawFn) -> str:
    """A quotation and its cue with odd words around and after them: a speaker made of anything."""
    opening, closing = draw(_ODD_MARKS), draw(_ODD_MARKS)
    quotation = opening + " ".join(draw(st.lists(_ODD_PIECES, max_size=4))) + closing
    before = draw(st.lists(_ODD_PIECES, max_size=3))
    speaker = [
        *draw(st.lists(_SPEAKER_WORDS, min_size=1, max_size=3)),
        *draw(st.lists(_ODD_PIECES, max_size=1)),
    ]
    attribution = [draw(_CUES), *speaker]
    if draw(st.booleans()):
        return " ".join([*before, quotation, *attribution])  # '"x" said Doe'
    return " ".join([*before, *attribution, quotation])  # 'said Doe: "x"'


odd_texts = st.lists(
    st.one_of(_odd_attributions(), _ODD_PIECES),
    max_size=12,
).flatmap(lambda parts: st.sampled_from([" ", "", "\n"]).map(lambda space: space.join(parts)))


@given(odd_texts)
def test_extract_never_raises_on_odd_text(text: str) -> None:
    quotes = quotebank.extract(text)
    assert_valid(text, quotes)
    assert quotebank.parse_article(text).quotes == quotes


def test_a_possessive_ending_alone_is_no_speaker() -> None:
    # the speaker phrase was the bare 's, and splitting it into role and name failed on an empty word
    for text in ('"x" said \'s', '"x" said the \'s', '"Fine," said the ’s.'):
        (quote,) = quotebank.extract(text)
        assert quote.speaker is None
    # a possessive ending apart from its word, after a plural possessive
    assert len(quotebank.extract("s' 's")) == 0
