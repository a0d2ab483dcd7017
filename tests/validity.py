"""What a valid result of extract is, for any text: checked by the property and the adversarial tests."""

from __future__ import annotations

from collections.abc import Sequence

import quotebank
from quotebank import Quote, QuoteKind
from quotebank._pipeline.entities import EntityMap, unescape
from quotebank.strategies import GeneratedArticle

_SPACED = frozenset("«»‹›")  # marks French typography separates from the quotation by a space


def assert_valid(text: str, quotes: Sequence[Quote]) -> None:
    """Offsets point into ``text``, quotations are in order and apart, and every field is consistent.

    A text with HTML character references is checked through their decoded form: the offsets index ``text``
    and a quote's text and marks are decoded.
    """
    paragraphs = quotebank.parse_article(text).paragraphs
    entities = EntityMap.of(text)
    decoded = entities.decoded if entities is not None else text

    def position(offset: int) -> int:
        return entities.to_decoded(offset) if entities is not None else offset

    previous_end = 0
    for quote in quotes:
        opening, closing = quote.marks
        assert 0 <= quote.start <= quote.end <= len(text)
        assert unescape(text[quote.start : quote.end]) == quote.text
        assert quote.text.strip(), "a quotation has content"
        start, end = position(quote.start), position(quote.end)
        # the marks, with only the spaces French sets inside guillemets between them and the quotation
        gap_before = len(decoded[:start]) - len(decoded[:start].rstrip()) if opening in _SPACED else 0
        gap_after = len(decoded[end:]) - len(decoded[end:].lstrip()) if closing in _SPACED else 0
        opens = start - gap_before
        closes = end + gap_after
        assert decoded[opens - len(opening) : opens] == opening
        assert decoded[closes : closes + len(closing)] == closing
        assert opens - len(opening) >= previous_end, "in text order, without overlap"
        previous_end = closes + len(closing)
        assert not quote.unbalanced or "" in quote.marks, "an unbalanced quotation lacks a mark"
        paragraph = paragraphs[quote.paragraph]
        assert paragraph.start <= quote.start <= quote.end <= paragraph.end
        assert isinstance(quote.kind, QuoteKind)
        assert 0.0 <= quote.confidence <= 1.0
        for mention in (quote.mention, quote.cue):
            if mention is not None:
                assert 0 <= mention.start < mention.end <= len(text)
                assert unescape(text[mention.start : mention.end]) == mention.text
        if quote.speaker is not None:
            assert quote.speaker.name.strip()


def assert_finds_expected(found: Sequence[Quote], article: GeneratedArticle) -> None:
    """``found`` holds exactly the quotes ``article`` was generated with: offsets, speakers, kinds,
    paragraphs, marks and cues; a mention may be longer than the generated one (a role or an office before
    the name, an apposition after it), never shorter."""
    assert [(q.start, q.end, q.text) for q in found] == [(e.start, e.end, e.text) for e in article.expected]
    for quote, expected in zip(found, article.expected, strict=True):
        context = f"{expected.construction}: {expected.text!r}"
        assert quote.speaker_name == expected.speaker, context
        assert quote.kind is expected.kind, context
        assert quote.paragraph == expected.paragraph, context
        assert quote.marks == expected.marks, context
        assert not quote.unbalanced, context
        if expected.cue is not None:
            assert quote.cue == expected.cue, context
        if expected.mention is not None:
            assert quote.mention is not None, context
            assert quote.mention.start <= expected.mention.start, context
            assert expected.mention.end <= quote.mention.end, context
