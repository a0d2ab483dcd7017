"""Metamorphic properties: rewriting an article in a way that should not matter changes nothing else.

These compare quotebank with itself, so they hold whether or not an attribution is right.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import quotebank
from quotebank import Quote, QuoteKind
from quotebank.strategies import (
    DOUBLE_MARK_STYLES,
    GeneratedArticle,
    articles,
    speaker_names,
    unrelated_paragraphs,
)

SINGLE_MARK_STYLES = ("single", "curly-single")


def _shape(quote: Quote) -> tuple[object, ...]:
    """Everything about a quote but its marks and its text (whose nested marks change with the style)."""
    return (
        quote.start,
        quote.end,
        quote.kind,
        quote.speaker,
        quote.mention,
        quote.cue,
        quote.confidence,
        quote.unbalanced,
        quote.paragraph,
    )


def _attribution(quote: Quote) -> tuple[object, ...]:
    """What a quote says and who said it, without offsets."""
    return quote.text, quote.kind, quote.speaker_name, quote.confidence, quote.paragraph


@given(articles(marks=DOUBLE_MARK_STYLES), st.sampled_from(DOUBLE_MARK_STYLES))
def test_other_double_marks_give_the_same_quotes(article: GeneratedArticle, style: str) -> None:
    # straight, curly, « » and „ “ (with the matching single marks for nested quotations)
    original = quotebank.extract(article.text)
    restyled = article.with_marks(style)
    assert [_shape(q) for q in quotebank.extract(restyled.text)] == [_shape(q) for q in original]


@given(articles(marks=SINGLE_MARK_STYLES), st.sampled_from(SINGLE_MARK_STYLES))
def test_other_single_marks_give_the_same_quotes(article: GeneratedArticle, style: str) -> None:
    original = quotebank.extract(article.text)
    restyled = article.with_marks(style)
    assert [_shape(q) for q in quotebank.extract(restyled.text)] == [_shape(q) for q in original]


@given(articles(), st.data())
def test_renaming_a_speaker_renames_the_attribution_and_nothing_else(
    article: GeneratedArticle, data: st.DataObject
) -> None:
    old = data.draw(st.sampled_from(article.speakers), label="renamed")
    keys = {speaker.key for speaker in article.speakers if speaker != old}
    new = data.draw(
        speaker_names().filter(
            lambda s: (s.kind, s.pronoun) == (old.kind, old.pronoun) and s.key not in keys and s != old
        ),
        label="new name",
    )
    before = quotebank.extract(article.text)
    after = quotebank.extract(article.renamed(old.name, new).text)
    assert [(q.text, q.kind, q.paragraph) for q in after] == [(q.text, q.kind, q.paragraph) for q in before]
    assert [q.speaker_name for q in after] == [
        new.name if q.speaker_name == old.name else q.speaker_name for q in before
    ]


@given(articles(), unrelated_paragraphs(), st.data())
def test_inserting_an_unrelated_paragraph_shifts_offsets_and_changes_no_attribution(
    article: GeneratedArticle, paragraph: str, data: st.DataObject
) -> None:
    position = data.draw(st.sampled_from(article.insertion_points), label="position")
    longer = article.with_paragraph(position, paragraph)
    line = len(article.head) + sum(len(block) for block in article.blocks[:position])
    offset = sum(len(text) + 1 for text in article.text.split("\n")[:line])
    shift = len(paragraph) + 1

    before = quotebank.extract(article.text)
    after = quotebank.extract(longer.text)
    assert len(after) == len(before)
    for old, new in zip(before, after, strict=True):
        moved = shift if old.start >= offset else 0
        assert (new.start, new.end) == (old.start + moved, old.end + moved)
        assert new.paragraph == old.paragraph + (1 if moved else 0)
        assert (new.text, new.kind, new.speaker_name, new.confidence) == (
            old.text,
            old.kind,
            old.speaker_name,
            old.confidence,
        )


@given(articles().filter(lambda article: bool(article.head)))
def test_an_article_appended_to_itself_has_its_quotes_twice(article: GeneratedArticle) -> None:
    once = quotebank.extract(article.text)
    doubled = article.text + "\n" + article.text
    twice = quotebank.extract(doubled)
    assert len(twice) == 2 * len(once)
    shift = len(article.text) + 1
    first, second = twice[: len(once)], twice[len(once) :]
    assert [_attribution(q) for q in first] == [_attribution(q) for q in once]
    assert [(q.text, q.start - shift, q.end - shift) for q in second] == [
        (q.text, q.start, q.end) for q in once
    ]
    # the second copy's title is no title any more: only the body keeps its speakers
    for original, copy in zip(once, second, strict=True):
        if original.kind is not QuoteKind.HEADLINE:
            assert copy.speaker_name == original.speaker_name, original.text
