"""Attribution failures the generated articles found, each in its smallest form with the expected speaker.

They are constructions quotebank claims, so they are expected failures (strict): when one starts passing,
remove its mark here and give the construction back to quotebank.strategies (see its "Left out" section).
"""

from __future__ import annotations

import pytest

import quotebank


@pytest.mark.xfail(strict=True, reason="the title's first word is taken for the speaker of its scare quote")
@pytest.mark.parametrize("title", ['Talks end in "grim"', "Ceasefire is 'likely'", 'Deal looks "fragile"'])
def test_a_scare_quote_nobody_is_named_for_stays_unattributed(title: str) -> None:
    quotes = quotebank.extract(title + '\n"We will keep working," said Maria Lopez.')
    assert quotes[0].speaker is None


@pytest.mark.xfail(strict=True, reason="a capitalised According is read as a cue only where the line starts")
def test_according_to_after_a_dateline() -> None:
    quotes = quotebank.extract(
        'Talks end\nKYIV (Reuters) - According to Maria Lopez, "our people deserve better."'
    )
    assert quotes[0].speaker_name == "Maria Lopez"
