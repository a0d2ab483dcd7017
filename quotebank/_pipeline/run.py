"""The pipeline, in order: text -> Article -> quoted spans -> attributions -> speakers -> Quotes.

This module is the one place that knows the order of the stages.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import attrs
import regex

from quotebank._pipeline.attribution import Attribution, Frames, attribute
from quotebank._pipeline.confidence import SEPARATOR, calibration
from quotebank._pipeline.coreference import resolve_speakers
from quotebank._pipeline.dates import DateOrder, DateReading, coerce_date_order, coerce_reading
from quotebank._pipeline.entities import EntityMap
from quotebank._pipeline.language import Language, resolve
from quotebank._pipeline.names import Phrase
from quotebank._pipeline.reported import Statement, find_statements
from quotebank._pipeline.spans import QuoteSpan, find_spans
from quotebank._pipeline.structure import parse_structure
from quotebank.errors import InvalidArgumentError, InvalidTextError, UnknownLanguageError
from quotebank.values import (
    Article,
    Mention,
    ParagraphKind,
    Quote,
    QuoteKind,
    QuoteList,
    Speaker,
    SpeakerKind,
)

__all__ = [
    "DEFAULT_LANGUAGE",
    "extract",
    "parse_article",
    "quote_metadata",
    "quotes_of",
    "quotes_with_evidence",
    "read_quotes",
    "with_metadata",
    "with_quotes",
]

DEFAULT_LANGUAGE = "en"
"""The language an article is read in when the caller names none."""

_FOLD = regex.compile(r"[^\w]+")
_OPENING_CONTEXT = frozenset(",:;—–-([")
_SENTENCE_FINAL = frozenset(".!?…")
_HEADLINE_MATCH_CANDIDATES = 20
_CONFIDENCE_UNRESOLVED = 0.3
_NO_CUE = "none"
# the evidence of a headline quotation that takes the speaker of the body quotation it comes from
_FROM_BODY = "body"


def extract(
    text: str | Article,
    *,
    outlet: str | None = None,
    published: date | str | None = None,
    url: str | None = None,
    source: str | None = None,
    article_id: str | None = None,
    reported: bool = False,
    date_order: DateOrder | str | None = None,
    language: str | None = None,
) -> QuoteList:
    """Every quotation in a news article, with its speaker, in text order; with ``reported=True`` also
    reported speech without quotation marks (:attr:`QuoteKind.REPORTED <quotebank.values.QuoteKind>`) and
    interview answers (:mod:`quotebank._pipeline.reported`).

    ``text`` is the article's text (a whole HTML document is read as a web page, see
    :func:`quotebank.readers.webpages.parse_html`) or an :class:`~quotebank.values.Article` already parsed;
    the caller's ``outlet``, ``published`` and ``url`` win over what the article says. ``source`` (where the
    text came from: a file's path) and ``article_id`` (the caller's identifier of the article) are copied
    to every quote. ``date_order`` (``"DMY"``, ``"MDY"``, ``"YMD"``) reads a date such as ``05/03/2026``,
    see :func:`parse_article`. ``language`` is the code of the article's language (a folder under
    ``quotebank/lang/``), or ``"auto"`` to pick it from the text; by default English for a text, and the
    language an :class:`~quotebank.values.Article` was read in.

    >>> quotes = extract('"We will keep working," Jane Doe, the mayor, said on Monday.')
    >>> quotes[0].text, quotes[0].speaker.name, quotes[0].speaker.role
    ('We will keep working,', 'Jane Doe', 'the mayor')
    """
    provenance = {"source": source, "article_id": article_id}
    if isinstance(text, Article):
        lang = resolve(text.language if language is None else language, text.text)
        given = text
        if (reported and not text.reported) or lang.code != text.language or not text.quotes:
            # what the article holds was read otherwise (or not at all): read it again
            given = with_quotes(lang, attrs.evolve(text, reported=text.reported or reported))
        return with_metadata(
            given, outlet=outlet, published=published, url=url, date_order=date_order, **provenance
        ).quotes
    article = parse_article(
        text,
        outlet=outlet,
        published=published,
        url=url,
        reported=reported,
        date_order=date_order,
        language=DEFAULT_LANGUAGE if language is None else language,
    )
    return with_metadata(article, **provenance).quotes


def parse_article(
    text: str,
    *,
    outlet: str | None = None,
    published: date | str | None = None,
    url: str | None = None,
    reported: bool = False,
    date_order: DateOrder | str | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> Article:
    """Read ``text`` into an :class:`~quotebank.values.Article`: its paragraphs, title, dateline, outlet,
    byline, publication date, and its quotes.

    The caller's ``outlet`` and ``published`` win over what the text says. ``published`` may be a ``date``,
    a ``datetime`` or a string such as ``"2026-02-05 03:31"``. With ``reported=True`` the article's
    :attr:`~quotebank.values.Article.quotes` also hold reported speech (see
    :mod:`quotebank._pipeline.reported`). ``date_order`` (``"DMY"``, ``"MDY"`` or ``"YMD"``, see
    :class:`~quotebank._pipeline.dates.DateOrder`) says how to read a numeric date whose day and month could
    swap (``05/03/2026``), in ``published`` and in the text; without it such a date reads month first and the
    article's ``published_ambiguous`` is true.

    ``language`` is the code of the text's language (``"en"``; the folders under ``quotebank/lang/``), or
    ``"auto"`` to pick it from the text's function words and quotation marks; the article's ``language``
    says which was read. An unknown code raises :class:`~quotebank.errors.UnknownLanguageError`.

    A whole HTML document (from a doctype or an ``<html>`` tag on) is read as a web page, by
    :func:`quotebank.readers.webpages.parse_html`, which needs ``pip install 'quotebank[html]'``.

    HTML character references (``&ldquo;``, ``&amp;``, ``&#8220;``) are read as the characters they stand
    for; the paragraphs' offsets still index ``text``, and their ``text`` is decoded (see
    :mod:`quotebank._pipeline.entities`).
    """
    if not isinstance(text, str):
        raise InvalidTextError(f"article text must be a str, not {type(text).__name__}")
    for name, value in (("outlet", outlet), ("url", url)):
        if value is not None and not isinstance(value, str):
            raise InvalidArgumentError(f"{name} must be a str or None, not {type(value).__name__}")
    if not isinstance(language, str):
        raise UnknownLanguageError(f"language must be a language code (a str), not {type(language).__name__}")
    if text[:4].lower() == "http":
        from quotebank.readers.webpages import looks_like_url  # noqa: PLC0415 -- it reads its text with this module

        if looks_like_url(text):
            raise InvalidTextError(
                f"{text.strip()[:80]!r} is a web address, not an article: fetch the page with "
                "quotebank.readers.webpages.fetch_html, or give the address to the quotebank command"
            )
    if text.lstrip()[:1] == "<":
        from quotebank.readers import webpages  # noqa: PLC0415 -- it reads its text with this module

        if webpages.looks_like_html(text):
            page = webpages.page_structure(
                text, url=url, outlet=outlet, published=published, date_order=date_order, language=language
            )
            return with_quotes(resolve(page.language), attrs.evolve(page, reported=reported))
    lang = resolve(language, text)
    article = parse_structure(
        lang, text, outlet=outlet, published=published, url=url, reported=reported, date_order=date_order
    )
    return with_quotes(lang, article)


def read_quotes(article: Article) -> Article:
    """``article`` with its quotes: as it is when it has some, else read in its own language (an
    :class:`~quotebank.values.Article` made by hand has none)."""
    return article if article.quotes else with_quotes(resolve(article.language, article.text), article)


def with_quotes(lang: Language, article: Article) -> Article:
    """``article`` read in ``lang``, with the quotes the rest of the pipeline finds in it."""
    return attrs.evolve(article, language=lang.code, quotes=quotes_of(lang, article))


def with_metadata(
    article: Article,
    *,
    outlet: str | None = None,
    published: date | str | DateReading | None = None,
    url: str | None = None,
    source: str | None = None,
    article_id: str | None = None,
    date_order: DateOrder | str | None = None,
) -> Article:
    """``article`` with the metadata given (not ``None``) in place of its own, in the article and in each of
    its quotes."""
    for name, value in (("outlet", outlet), ("url", url), ("source", source), ("article_id", article_id)):
        if value is not None and not isinstance(value, str):
            raise InvalidArgumentError(f"{name} must be a str or None, not {type(value).__name__}")
    day = coerce_reading(published, order=coerce_date_order(date_order))
    if outlet is None and day is None and url is None and source is None and article_id is None:
        return article
    changed = attrs.evolve(
        article,
        **(day.fields() if day is not None else {}),
        outlet=outlet if outlet is not None else article.outlet,
        url=url if url is not None else article.url,
        source=source if source is not None else article.source,
        id=article_id if article_id is not None else article.id,
    )
    metadata = quote_metadata(changed)
    return attrs.evolve(
        changed, quotes=QuoteList(attrs.evolve(quote, **metadata) for quote in article.quotes)
    )


def quotes_of(lang: Language, article: Article) -> QuoteList:
    """Run the stages after :func:`~quotebank._pipeline.structure.parse_article` on ``article``.

    A text with HTML character references is read decoded; the offsets found are mapped back to it.
    """
    return QuoteList(quote for quote, _evidence in quotes_with_evidence(lang, article))


def quotes_with_evidence(lang: Language, article: Article) -> list[tuple[Quote, str | None]]:
    """What :func:`quotes_of` gives, each quote with the evidence its confidence was read from (see
    :mod:`quotebank._pipeline.confidence`), or None for a quote with no speaker: the calibration script and
    the evaluation need both."""
    entities = EntityMap.of(article.text)
    if entities is None:
        return _quotes(lang, article)
    paragraphs = []
    for paragraph in article.paragraphs:
        start, end = entities.to_decoded(paragraph.start), entities.to_decoded(paragraph.end)
        # the paragraph's text too: an article read back from a bank has its raw slice there
        text = entities.decoded[start:end]
        paragraphs.append(attrs.evolve(paragraph, start=start, end=end, text=text))
    decoded = attrs.evolve(article, text=entities.decoded, paragraphs=tuple(paragraphs))
    return [(_restored(quote, entities), evidence) for quote, evidence in _quotes(lang, decoded)]


def _restored(quote: Quote, entities: EntityMap) -> Quote:
    """``quote`` with its offsets (and its mention's and cue's) mapped back into the raw text."""

    def mention(found: Mention | None) -> Mention | None:
        if found is None:
            return None
        return attrs.evolve(
            found, start=entities.to_raw_start(found.start), end=entities.to_raw_end(found.end)
        )

    return attrs.evolve(
        quote,
        start=entities.to_raw_start(quote.start),
        end=entities.to_raw_end(quote.end),
        mention=mention(quote.mention),
        cue=mention(quote.cue),
    )


def _quotes(lang: Language, article: Article) -> list[tuple[Quote, str | None]]:
    spans = find_spans(lang, article)
    # reported speech reads the sentences attribution has tokenised again: it takes them over
    frames = Frames.of(article) if article.reported else None
    attributions, phrases = attribute(lang, article, spans, frames=frames)
    statements: list[Statement] = []
    if frames is not None:
        statements, more = find_statements(lang, article, spans, frames=frames)
        phrases = [*phrases, *more]
    speakers = resolve_speakers(
        lang, article.text, [*phrases, *(a.phrase for a in attributions if a and a.phrase)]
    )
    quotes = [
        _quote(lang, article, span, attribution, speakers)
        for span, attribution in zip(spans, attributions, strict=True)
    ]
    quotes = _headline_speakers(lang, quotes)
    if statements:
        # a clause around a partial quotation starts before it; the sort is stable, so it comes first
        reported = [(_statement_quote(article, statement, speakers), None) for statement in statements]
        quotes = sorted([*quotes, *reported], key=lambda found: found[0].start)
    return quotes


def _statement_quote(article: Article, statement: Statement, speakers: dict[Phrase, Speaker]) -> Quote:
    """A reported statement as a quote without marks; its confidence is its rule's (not calibrated)."""
    text = article.text
    phrase = statement.phrase
    speaker = None if phrase is None else speakers.get(phrase)
    mention = None if phrase is None else Mention(text[phrase.start : phrase.end], phrase.start, phrase.end)
    cue = None if statement.cue is None else Mention(text[slice(*statement.cue)], *statement.cue)
    confidence = statement.confidence if speaker is not None else _CONFIDENCE_UNRESOLVED if phrase else 0.0
    return Quote(
        text=text[statement.start : statement.end],
        start=statement.start,
        end=statement.end,
        marks=("", ""),
        kind=statement.kind,
        speaker=speaker,
        mention=mention,
        cue=cue,
        confidence=confidence,
        **quote_metadata(article),
        paragraph=statement.paragraph,
    )


def quote_metadata(article: Article) -> dict[str, Any]:
    """What every quote of an article carries of the article's metadata."""
    return {
        "outlet": article.outlet,
        "published": article.published,
        "url": article.url,
        "published_precision": article.published_precision,
        "published_ambiguous": article.published_ambiguous,
        "source": article.source,
        "article_id": article.id,
    }


def _quote(
    lang: Language,
    article: Article,
    span: QuoteSpan,
    attribution: Attribution | None,
    speakers: dict[Phrase, Speaker],
) -> tuple[Quote, str | None]:
    text = article.text
    speaker = mention = cue = None
    confidence = 0.0
    evidence = None
    kind = _kind(article, span)
    if attribution is not None and attribution.cue is not None:
        cue_start, cue_end = attribution.cue
        cue = Mention(text[cue_start:cue_end], cue_start, cue_end)
    if attribution is not None and attribution.phrase is not None:
        phrase = attribution.phrase
        mention = Mention(text[phrase.start : phrase.end], phrase.start, phrase.end)
        speaker = speakers.get(phrase)
        confidence = _CONFIDENCE_UNRESOLVED
        if speaker is not None:
            evidence = SEPARATOR.join(
                (
                    attribution.rule.value,
                    phrase.kind.value,
                    speaker.kind.value,
                    kind.value,
                    _cue_lemma(lang, cue),
                )
            )
            confidence = calibration(lang).confidence(evidence)
    quote = Quote(
        text=text[span.start : span.end],
        start=span.start,
        end=span.end,
        marks=(span.open_mark, span.close_mark),
        kind=kind,
        speaker=speaker,
        mention=mention,
        cue=cue,
        confidence=confidence,
        **quote_metadata(article),
        unbalanced=span.unbalanced,
        paragraph=span.paragraph,
    )
    return quote, evidence


def _cue_lemma(lang: Language, cue: Mention | None) -> str:
    """The base form of the cue's first word (``said`` -> ``say``), or ``none``."""
    if cue is None:
        return _NO_CUE
    first = cue.text.split(maxsplit=1)[0].lower()
    return lang.cue_forms.get(first, first)


def _kind(article: Article, span: QuoteSpan) -> QuoteKind:
    paragraph = article.paragraphs[span.paragraph]
    if paragraph.kind is ParagraphKind.TITLE:
        return QuoteKind.HEADLINE
    if paragraph.kind is ParagraphKind.RELATED:
        return QuoteKind.RELATED
    if span.segment > 0:
        return QuoteKind.CONTINUATION
    text = article.text
    content = text[span.start : span.end].strip()
    first_letter = next((ch for ch in content if ch.isalpha()), "")
    if not first_letter.isupper():
        return QuoteKind.PARTIAL
    # the last character before the opening mark, found by walking back over spaces only: slicing the
    # paragraph up to every quotation would make a paragraph of many quotations quadratic
    position = span.outer_start
    while position > paragraph.start and text[position - 1].isspace():
        position -= 1
    before = text[position - 1] if position > paragraph.start else ""
    starts_sentence = not before or before in _OPENING_CONTEXT or before in _SENTENCE_FINAL
    ends_sentence = content[-1:] in _SENTENCE_FINAL or content[-1:] == ","
    return QuoteKind.SENTENCE if starts_sentence or ends_sentence else QuoteKind.PARTIAL


def _headline_speakers(
    lang: Language, found: Sequence[tuple[Quote, str | None]]
) -> list[tuple[Quote, str | None]]:
    """A headline quotation whose words recur inside an attributed quotation of the body takes that speaker,
    unless the headline itself names a person (``U.S. touts "tangible results"`` -> Steve Witkoff)."""
    body_by_word: dict[str, list[tuple[str, Quote]]] = {}
    quotes = [quote for quote, _evidence in found]
    for quote in quotes:
        if quote.kind in (QuoteKind.HEADLINE, QuoteKind.RELATED) or quote.speaker is None:
            continue
        if quote.speaker.kind is not SpeakerKind.PERSON:
            continue
        folded = _folded(quote.text)
        for word in set(folded.split()):
            body_by_word.setdefault(word, []).append((folded, quote))
    if not body_by_word:
        return list(found)
    result: list[tuple[Quote, str | None]] = []
    for quote, evidence in found:
        needs_speaker = quote.speaker is None or quote.speaker.kind is not SpeakerKind.PERSON
        source = None
        if quote.kind in (QuoteKind.HEADLINE, QuoteKind.RELATED) and needs_speaker:
            source = _body_source(_folded(quote.text), body_by_word)
        if source is not None and source.speaker is not None:
            confidence = calibration(lang).confidence(_FROM_BODY)
            result.append((attrs.evolve(quote, speaker=source.speaker, confidence=confidence), _FROM_BODY))
        else:
            result.append((quote, evidence))
    return result


def _folded(text: str) -> str:
    return " " + _FOLD.sub(" ", text.casefold()).strip() + " "


def _body_source(folded: str, body_by_word: dict[str, list[tuple[str, Quote]]]) -> Quote | None:
    words = folded.split()
    if not words:
        return None
    rarest = min(words, key=lambda w: len(body_by_word.get(w, ())))
    for body_text, body_quote in body_by_word.get(rarest, [])[:_HEADLINE_MATCH_CANDIDATES]:
        if folded in body_text:
            return body_quote
    return None
