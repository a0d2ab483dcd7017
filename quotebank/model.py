"""The typed, immutable values quotebank hands out: Mention, Speaker, Quote, QuoteList, Paragraph, Article.

Every class is frozen and slotted; offsets always point into the original article text, so that
``article.text[q.start:q.end] == q.text`` holds for every quote and every mention.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterable
from datetime import date
from typing import SupportsIndex, overload

import attrs

__all__ = [
    "Article",
    "Mention",
    "Paragraph",
    "ParagraphKind",
    "Quote",
    "QuoteKind",
    "QuoteList",
    "Speaker",
    "SpeakerKind",
]


class QuoteKind(str, enum.Enum):
    """Where a quotation stands and how much of a sentence it is."""

    SENTENCE = "sentence"
    """A whole sentence or more, set off by the reporter's words (``"We will win," she said.``)."""
    PARTIAL = "partial"
    """A fragment woven into the reporter's own sentence (``called the talks "productive"``)."""
    CONTINUATION = "continuation"
    """A later paragraph of a quotation that runs over several paragraphs."""
    HEADLINE = "headline"
    """A quotation in the article's title."""
    RELATED = "related"
    """A quotation in a related-link or navigation list (other articles' headlines)."""


class SpeakerKind(str, enum.Enum):
    """What sort of source a speaker is."""

    PERSON = "person"
    ORGANISATION = "organisation"
    UNKNOWN = "unknown"


class ParagraphKind(str, enum.Enum):
    """The role a line of the article plays."""

    TITLE = "title"
    BODY = "body"
    METADATA = "metadata"
    """Bylines and publication-date lines."""
    NAVIGATION = "navigation"
    """Section names, outlet names and other short menu items."""
    RELATED = "related"
    """Headlines of other articles listed as links."""


@attrs.frozen
class Mention:
    """A stretch of the article text: a speaker's name as written, or a cue such as ``told reporters``."""

    text: str
    start: int
    end: int


@attrs.frozen
class Speaker:
    """Who said a quote, named canonically within one article.

    ``name`` is the fullest form of the name the article uses, without titles; ``role`` holds the title or
    description (``U.S. special envoy``); ``aliases`` holds every surface form seen, in order of appearance.
    """

    name: str
    role: str | None = None
    aliases: tuple[str, ...] = ()
    kind: SpeakerKind = SpeakerKind.UNKNOWN

    def __str__(self) -> str:
        return self.name


@attrs.frozen
class Quote:
    """One quoted span of an article and who said it.

    ``text`` is the content between the marks and equals ``article_text[start:end]``. ``marks`` holds the
    opening and the closing character; a mark the text lacks is ``""`` (a quote that never closes, or a
    closing mark with no opening one), and then ``unbalanced`` is true: such a span is reported, never
    dropped. ``mention`` is how the speaker is named near this quote (``he``, ``Witkoff``);
    ``cue`` is the reporting verb or phrase (``said``, ``according to``). ``confidence`` is between 0 and 1.
    """

    text: str
    start: int
    end: int
    marks: tuple[str, str] = ('"', '"')
    kind: QuoteKind = QuoteKind.SENTENCE
    speaker: Speaker | None = None
    mention: Mention | None = None
    cue: Mention | None = None
    outlet: str | None = None
    published: date | None = None
    url: str | None = None
    confidence: float = 0.0
    unbalanced: bool = False
    paragraph: int = 0

    @property
    def speaker_name(self) -> str | None:
        """The speaker's canonical name, or ``None`` for an unattributed quote."""
        return self.speaker.name if self.speaker is not None else None


class QuoteList(tuple[Quote, ...]):
    """An immutable sequence of quotes, in text order for one article (a ``tuple`` subclass)."""

    __slots__ = ()

    def __new__(cls, quotes: Iterable[Quote] = ()) -> QuoteList:
        return super().__new__(cls, quotes)

    @overload
    def __getitem__(self, index: SupportsIndex) -> Quote: ...

    @overload
    def __getitem__(self, index: slice) -> QuoteList: ...

    def __getitem__(self, index: SupportsIndex | slice) -> Quote | QuoteList:
        if isinstance(index, slice):
            return QuoteList(super().__getitem__(index))
        return super().__getitem__(index)

    def __repr__(self) -> str:
        return f"QuoteList({list(self)!r})"

    @property
    def speakers(self) -> tuple[Speaker, ...]:
        """The distinct speakers of these quotes, in order of first appearance."""
        seen: dict[Speaker, None] = {}
        for quote in self:
            if quote.speaker is not None:
                seen.setdefault(quote.speaker)
        return tuple(seen)


@attrs.frozen
class Paragraph:
    """One non-empty line of the article, with its offsets and the role it plays."""

    index: int
    start: int
    end: int
    text: str
    kind: ParagraphKind = ParagraphKind.BODY


@attrs.frozen
class Article:
    """The structure of one article: its title, dateline, outlet, date and paragraphs.

    ``quotes`` runs the rest of the pipeline on first access and keeps the result.
    """

    text: str
    paragraphs: tuple[Paragraph, ...] = ()
    title: str | None = None
    dateline: str | None = None
    outlet: str | None = None
    published: date | None = None
    url: str | None = None
    byline: str | None = None

    @functools.cached_property
    def quotes(self) -> QuoteList:
        """Every quote of the article, in text order: the same result as :func:`quotebank.extract`."""
        from quotebank.extract import quotes_of  # noqa: PLC0415 -- the pipeline imports this module

        return quotes_of(self)

    @property
    def body(self) -> tuple[Paragraph, ...]:
        """The paragraphs of running text (neither title nor boilerplate)."""
        return tuple(p for p in self.paragraphs if p.kind is ParagraphKind.BODY)
