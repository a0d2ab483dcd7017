"""HTML character references in plain text are the characters they stand for; offsets index the raw text."""

from __future__ import annotations

import html

from hypothesis import given
from hypothesis import strategies as st

import quotebank
from quotebank._pipeline.entities import EntityMap, unescape
from tests.validity import assert_valid

COPIED = (
    "Mayor&#39;s plan draws fire\n"
    "CITY &mdash; &ldquo;We will not back down,&rdquo; said Jane&nbsp;Doe, the mayor of AT&amp;T Town.\n"
    "&quot;This is a disgrace,&quot; Tom O&#x2019;Brien told reporters.\n"
    "He called it &lsquo;a sham.&rsquo; Later: &#8220;No way,&#x201D; said Bob Smith.\n"
)


def test_the_four_quotations_of_a_copied_page_are_found_with_their_speakers() -> None:
    quotes = quotebank.extract(COPIED)
    assert [(q.text, q.speaker_name) for q in quotes] == [
        ("We will not back down,", "Jane Doe"),
        ("This is a disgrace,", "Tom O’Brien"),
        ("a sham.", "Tom O’Brien"),
        ("No way,", "Bob Smith"),
    ]
    assert [q.marks for q in quotes] == [("“", "”"), ('"', '"'), ("‘", "’"), ("“", "”")]
    assert_valid(COPIED, quotes)


def test_the_result_is_the_one_of_the_decoded_text_but_for_the_offsets() -> None:
    raw = quotebank.extract(COPIED)
    decoded = quotebank.extract(html.unescape(COPIED))
    assert [(q.text, q.speaker, q.kind, q.marks, q.confidence) for q in raw] == [
        (q.text, q.speaker, q.kind, q.marks, q.confidence) for q in decoded
    ]
    assert [COPIED[q.start : q.end] for q in raw][2] == "a sham."
    first = raw[0]
    assert COPIED[first.start - len("&ldquo;") : first.start] == "&ldquo;"
    assert COPIED[first.end : first.end + len("&rdquo;")] == "&rdquo;"


def test_ampersands_and_no_break_spaces_do_not_break_names_or_roles() -> None:
    (quote,) = quotebank.extract(
        "&ldquo;It works,&rdquo; said Jane&nbsp;Doe, the chief of AT&amp;T Labs, on Monday."
    )
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.role) == ("Jane Doe", "the chief of AT&T Labs")


def test_a_quotation_that_starts_and_ends_with_a_reference_keeps_it_inside_its_offsets() -> None:
    text = "He said: &ldquo;&lsquo;Fine&rsquo; is not a plan&hellip;&rdquo;"
    (quote,) = quotebank.extract(text)
    assert quote.text == "‘Fine’ is not a plan…"
    assert text[quote.start : quote.end] == "&lsquo;Fine&rsquo; is not a plan&hellip;"
    assert_valid(text, [quote])


def test_titles_and_paragraphs_are_decoded_and_paragraph_offsets_index_the_raw_text() -> None:
    article = quotebank.parse_article(COPIED)
    assert article.text == COPIED
    assert article.title == "Mayor's plan draws fire"
    for paragraph in article.paragraphs:
        assert unescape(COPIED[paragraph.start : paragraph.end]) == paragraph.text


def test_incomplete_and_unknown_references_are_text() -> None:
    for text in ("AT&T", "&copy 2026", "&bogus;", "fish &chips;", "a & b"):
        assert unescape(text) == text
        assert EntityMap.of(text) is None
    assert unescape("&amp;amp;") == "&amp;"


def test_a_bank_keeps_the_raw_text_and_offsets_into_it() -> None:
    with quotebank.QuoteBank() as bank:
        bank.add(COPIED, outlet="City News")
        assert [q.text for q in bank.search("disgrace")] == ["This is a disgrace,"]
        (article,) = bank.articles
        assert article.text == COPIED
        for quote in bank:
            assert unescape(article.text[quote.start : quote.end]) == quote.text


_PIECES = st.one_of(
    st.text(alphabet="ab \n&;#", max_size=4),
    st.sampled_from(["&amp;", "&ldquo;", "&#8220;", "&#x201D;", "&nbsp;", "&NotEqualTilde;", "&#10;"]),
)


@given(st.lists(_PIECES, max_size=12))
def test_offsets_between_references_map_both_ways(pieces: list[str]) -> None:
    text = "".join(pieces)
    entities = EntityMap.of(text)
    if entities is None:
        assert unescape(text) == text
        return
    assert entities.decoded == unescape(text)
    # every raw offset outside a reference maps to a decoded one and back
    inside = {i for s, e in zip(entities.raw_starts, entities.raw_ends, strict=True) for i in range(s + 1, e)}
    for offset in range(len(text) + 1):
        if offset in inside:
            continue
        decoded = entities.to_decoded(offset)
        assert entities.to_raw_start(decoded) == offset or entities.to_raw_end(decoded) == offset
        assert unescape(text[:offset]) == entities.decoded[:decoded]
