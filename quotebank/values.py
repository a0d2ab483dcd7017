"""The typed, immutable values quotebank hands out: Mention, Speaker, Quote, QuoteList, Paragraph, Article.

Every class is frozen and slotted; offsets always point into the original article text, so that
``article.text[q.start:q.end] == q.text`` holds for every quote and every mention (when the text holds HTML
character references such as ``&ldquo;``, ``q.text`` is that slice with them decoded:
:func:`quotebank._pipeline.entities.unescape`).
"""

from __future__ import annotations

import enum
import itertools
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, SupportsIndex, overload

import attrs

from quotebank.errors import InvalidArgumentError

if TYPE_CHECKING:
    from os import PathLike

    import pandas  # type: ignore[import-untyped,unused-ignore]

    from quotebank.collection.filters import KindFilter, PatternFilter
    from quotebank.collection.stats import SourceStats, SpeakerTable
    from quotebank.io.export import Target

__all__ = [
    "Article",
    "DatePrecision",
    "Gender",
    "GenderEvidence",
    "GenderEvidenceKind",
    "Mention",
    "Paragraph",
    "ParagraphKind",
    "Quote",
    "QuoteKind",
    "QuoteList",
    "Speaker",
    "SpeakerKind",
    "combined_evidence",
    "conflicting_evidence",
    "decided_gender",
]


_REPR_QUOTES = 10
_REPR_TEXT = 60


def _shortened(text: str) -> str:
    return text if len(text) <= _REPR_TEXT else text[: _REPR_TEXT - 1] + "…"


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
    REPORTED = "reported"
    """Reported speech, without quotation marks (``The senator said the bill would pass.``): the clause
    said, found only on request (``extract(text, reported=True)``)."""
    INTERVIEW = "interview"
    """An answer paragraph of an interview transcript (``A: …``, ``FELD: …``), found only on request."""


class SpeakerKind(str, enum.Enum):
    """What sort of source a speaker is."""

    PERSON = "person"
    ORGANISATION = "organisation"
    UNNAMED = "unnamed"
    """A source described but not named: ``a senior official``, ``a person familiar with the talks``."""
    UNKNOWN = "unknown"


class Gender(str, enum.Enum):
    """A person's gender as the articles show it. Organisations and unnamed sources are always ``UNKNOWN``."""

    FEMALE = "female"
    MALE = "male"
    NONBINARY = "nonbinary"
    """A person the article refers to with singular *they* (or the honorific *Mx*)."""
    UNKNOWN = "unknown"


class GenderEvidenceKind(str, enum.Enum):
    """What a gender was read from, strongest first: the article's own words come before the name table."""

    PRONOUN = "pronoun"
    """A pronoun the article uses for the speaker (``"…," she said``)."""
    HONORIFIC = "honorific"
    """A title of address: ``Mr``, ``Mrs``, ``Ms``, ``Sir``, ``Dame``, ``Mx``."""
    ROLE_WORD = "role word"
    """A gendered word of the speaker's role: ``spokeswoman``, ``chairman``, ``mother``."""
    GIVEN_NAME = "given name"
    """The given name, in a table of names most people who carry them share a gender (the weakest: it never
    overrides what the article says)."""

    @property
    def strength(self) -> int:
        """The rank of this kind: 0 is the strongest."""
        return _EVIDENCE_ORDER.index(self)


_EVIDENCE_ORDER = tuple(GenderEvidenceKind)


@attrs.frozen
class GenderEvidence:
    """One kind of evidence for one gender: the words seen (``she``, ``her``; ``Ms``) and how often they
    were seen (mentions in an article; summed over the articles of a collection)."""

    kind: GenderEvidenceKind
    gender: Gender
    words: tuple[str, ...]
    count: int = 1

    def __str__(self) -> str:
        return f"{self.kind.value} {', '.join(self.words)} ({self.gender.value}, {self.count}x)"


def decided_gender(evidence: Iterable[GenderEvidence]) -> Gender:
    """The gender the strongest kind of evidence points to (``evidence`` strongest first); within one kind,
    the gender seen most often; ``UNKNOWN`` without evidence or on a tie."""
    by_kind: dict[GenderEvidenceKind, dict[Gender, int]] = {}
    for item in evidence:
        counts = by_kind.setdefault(item.kind, {})
        counts[item.gender] = counts.get(item.gender, 0) + item.count
    if not by_kind:
        return Gender.UNKNOWN
    counts = by_kind[min(by_kind, key=lambda kind: kind.strength)]
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return Gender.UNKNOWN
    return ranked[0][0]


def combined_evidence(evidence: Iterable[GenderEvidence]) -> tuple[GenderEvidence, ...]:
    """The evidence of several articles as one: the same kind and gender joined (their words and counts
    added up), strongest first, then most often seen."""
    joined: dict[tuple[GenderEvidenceKind, Gender], tuple[dict[str, None], int]] = {}
    for item in evidence:
        words, count = joined.get((item.kind, item.gender), ({}, 0))
        words.update(dict.fromkeys(item.words))
        joined[item.kind, item.gender] = words, count + item.count
    result = [
        GenderEvidence(kind, gender, tuple(words), count) for (kind, gender), (words, count) in joined.items()
    ]
    result.sort(key=lambda item: (item.kind.strength, -item.count))
    return tuple(result)


def conflicting_evidence(evidence: Iterable[GenderEvidence]) -> bool:
    """Whether the article's own words (pronouns, honorifics, role words) point to more than one gender; the
    name table disagreeing with them is no conflict (it says what most people of that name are)."""
    return len({item.gender for item in evidence if item.kind is not GenderEvidenceKind.GIVEN_NAME}) > 1


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


class DatePrecision(str, enum.Enum):
    """How much of a publication date the source gave. A ``MONTH`` date (``March 2026``) is held as the
    month's first day; a ``TIME`` is a ``datetime``, the others are ``date`` values."""

    TIME = "time"
    DAY = "day"
    MONTH = "month"


def precision_of(value: date | None) -> DatePrecision | None:
    """The precision a date or datetime shows by its type alone: ``TIME`` or ``DAY`` (``None`` for none)."""
    if value is None:
        return None
    return DatePrecision.TIME if isinstance(value, datetime) else DatePrecision.DAY


def _own_precision(self: Quote | Article) -> DatePrecision | None:
    return precision_of(self.published)


@attrs.frozen
class Mention:
    """A stretch of the article text: a speaker's name as written, or a cue such as ``told reporters``."""

    text: str
    start: int
    end: int


@attrs.frozen(repr=False)
class Speaker:
    """Who said a quote, named canonically within one article.

    ``name`` is the fullest form of the name the article uses, without titles; ``role`` holds the title or
    description (``U.S. special envoy``); ``aliases`` holds every surface form seen, in order of appearance.
    ``gender`` is read from ``gender_evidence`` (strongest first, see :class:`GenderEvidenceKind`); only a
    person has any.
    """

    name: str
    role: str | None = None
    aliases: tuple[str, ...] = ()
    kind: SpeakerKind = SpeakerKind.UNKNOWN
    gender_evidence: tuple[GenderEvidence, ...] = ()

    @property
    def gender(self) -> Gender:
        return decided_gender(self.gender_evidence)

    @property
    def gender_conflicting(self) -> bool:
        """Whether the article's words disagree on the gender (see
        :func:`~quotebank.values.conflicting_evidence`)."""
        return conflicting_evidence(self.gender_evidence)

    def __str__(self) -> str:
        return self.name

    def __repr__(self) -> str:
        # the gender, not its evidence: the evidence is listed by gender_evidence
        return (
            f"Speaker(name={self.name!r}, role={self.role!r}, aliases={self.aliases!r}, kind={self.kind!r}, "
            f"gender={self.gender!r})"
        )


@attrs.frozen
class Quote:
    """One quoted span of an article and who said it.

    ``text`` is the content between the marks and equals ``article_text[start:end]``. ``marks`` holds the
    opening and the closing character; a mark the text lacks is ``""`` (a quote that never closes, or a
    closing mark with no opening one), and then ``unbalanced`` is true: such a span is reported, never
    dropped. ``mention`` is how the speaker is named near this quote (``he``, ``Witkoff``);
    ``cue`` is the reporting verb or phrase (``said``, ``according to``). ``confidence`` is between 0 and 1.
    ``outlet``, ``published``, ``url``, ``source`` and ``article_id`` are the article's.
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
    source: str | None = None
    """Where the article came from when it has no url: a file's path, a crawl archive's name."""
    article_id: str | None = None
    """The article's own identifier, given by the caller (a JSON Lines record's ``id``)."""
    published_precision: DatePrecision | None = attrs.field(
        default=attrs.Factory(_own_precision, takes_self=True)
    )
    """How precise ``published`` is: by default what its type shows (``TIME`` or ``DAY``)."""
    published_ambiguous: bool = False
    """True when ``published`` was read from a numeric date whose day and month could swap
    (``05/03/2026``) and no ``date_order`` said which comes first."""

    @property
    def speaker_name(self) -> str | None:
        """The speaker's canonical name, or ``None`` for an unattributed quote."""
        return self.speaker.name if self.speaker is not None else None

    def __repr__(self) -> str:
        published = self.published.isoformat() if self.published is not None else None
        return (
            f"Quote({_shortened(self.text)!r}, speaker={self.speaker_name!r}, kind={self.kind.value!r}, "
            f"outlet={self.outlet!r}, published={published!r}, span={self.start}:{self.end})"
        )

    def _repr_html_(self) -> str:
        from quotebank.io.display import quote_html  # noqa: PLC0415 -- display imports this module

        return quote_html(self)


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

    def __add__(self, other: tuple[Quote, ...]) -> QuoteList:  # type: ignore[override]
        """The quotes of both lists, this one's first: a :class:`QuoteList` again."""
        if not isinstance(other, tuple):
            return NotImplemented
        return QuoteList(itertools.chain(self, other))

    def __repr__(self) -> str:
        shown = ", ".join(repr(quote) for quote in self[:_REPR_QUOTES])
        more = f", … {len(self) - _REPR_QUOTES} more" if len(self) > _REPR_QUOTES else ""
        return f"QuoteList([{shown}{more}])"

    def _repr_html_(self) -> str:
        from quotebank.io.display import quotes_html  # noqa: PLC0415 -- display imports this module

        return quotes_html(self)

    def search(
        self,
        text: str | None = None,
        *,
        speaker: str | Speaker | None = None,
        regex: PatternFilter | None = None,
        outlet: str | None = None,
        since: date | str | None = None,
        until: date | str | None = None,
        kind: KindFilter | None = None,
        limit: int | None = None,
    ) -> QuoteList:
        """The quotes that pass every filter given, in this list's order: the filters of
        :meth:`QuoteBank.search <quotebank.collection.bank.QuoteBank.search>`, with ``speaker`` matched on
        each quote's own speaker (a bank also knows the other spellings other articles used)."""
        from quotebank.collection.filters import QuoteFilter  # noqa: PLC0415 -- filters imports this module
        from quotebank.collection.registry import speaker_matcher  # noqa: PLC0415 -- people imports this module

        wanted = QuoteFilter.build(
            text=text, pattern=regex, outlet=outlet, since=since, until=until, kind=kind, limit=limit
        )
        if speaker is not None and not isinstance(speaker, str | Speaker):
            raise InvalidArgumentError(f"speaker must be a name or a Speaker, not {type(speaker).__name__}")
        test = speaker_matcher(speaker) if speaker is not None else None
        return QuoteList(wanted.select(self, speaker_test=test))

    def by_speaker(self, speaker: str | Speaker) -> QuoteList:
        """The quotes of one speaker, named in any spelling (``Zelensky`` finds ``Volodymyr Zelenskyy``)."""
        return self.search(speaker=speaker)

    def containing(self, text: str) -> QuoteList:
        """The quotes with these words, in any case, accents and inflection (see :meth:`search`)."""
        return self.search(text)

    def matching(self, pattern: PatternFilter) -> QuoteList:
        """The quotes in which the regular expression ``pattern`` (``regex`` module) finds a match."""
        return self.search(regex=pattern)

    def from_outlet(self, outlet: str) -> QuoteList:
        return self.search(outlet=outlet)

    def between(self, since: date | str | None = None, until: date | str | None = None) -> QuoteList:
        """The quotes published from ``since`` to ``until``, both inclusive; either may be left open."""
        return self.search(since=since, until=until)

    def to_jsonl(self, target: Target) -> None:
        """One JSON object a quote, every field (:func:`~quotebank.io.export.quote_to_dict`)."""
        from quotebank.io.export import quote_to_dict, write_jsonl  # noqa: PLC0415 -- export imports this module

        write_jsonl((quote_to_dict(quote) for quote in self), target)

    def to_csv(self, target: Target, *, excel: bool = False) -> None:
        """One row a quote (:data:`~quotebank.io.export.CSV_FIELDS`); ``excel`` for spreadsheet programs: a
        UTF-8 byte-order mark, and no column that is empty in every row (see
        :func:`~quotebank.io.export.write_csv`)."""
        from quotebank.io.export import write_csv  # noqa: PLC0415 -- export imports this module

        write_csv(self, target, excel=excel)

    def to_excel(self, target: str | PathLike[str]) -> None:
        """An Excel workbook of these quotes, one row a quote (needs ``quotebank[excel]``: openpyxl)."""
        from quotebank.io.export import csv_rows, write_excel  # noqa: PLC0415 -- export imports this module

        write_excel(csv_rows(self), target)

    def to_dataframe(self) -> pandas.DataFrame:
        """A pandas DataFrame with typed columns (needs ``pip install 'quotebank[pandas]'``)."""
        from quotebank.io.export import quotes_dataframe  # noqa: PLC0415 -- export imports this module

        return quotes_dataframe(self)

    def speakers(self) -> SpeakerTable:
        """The speakers of these quotes, merged across articles as a bank merges them, most quoted first:
        the table :meth:`QuoteBank.speakers <quotebank.collection.bank.QuoteBank.speakers>` gives for a
        bank."""
        from quotebank.collection.stats import speaker_table  # noqa: PLC0415 -- stats imports this module

        return speaker_table(self)

    def source_stats(self, by: str | Sequence[str] | None = "outlet") -> SourceStats:
        """These quotes counted by who said them (gender, kind of source), per outlet and/or month: see
        :meth:`QuoteBank.source_stats <quotebank.collection.bank.QuoteBank.source_stats>`."""
        from quotebank.collection.stats import source_stats, speaker_table  # noqa: PLC0415 -- stats imports this module

        people = {s: profile.speaker for profile in speaker_table(self) for s in profile.speakers}
        return source_stats(self, by=by, person=lambda speaker: people.get(speaker, speaker))


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
    """The structure of one article: its title, dateline, outlet, date and paragraphs, the language it was
    read in, and its quotes.

    :func:`quotebank.parse_article` (and every reader) fills ``quotes`` when it builds the article; an
    ``Article`` made by hand has none until :func:`quotebank.extract` reads it.
    """

    text: str
    paragraphs: tuple[Paragraph, ...] = ()
    title: str | None = None
    dateline: str | None = None
    outlet: str | None = None
    published: date | None = None
    url: str | None = None
    byline: str | None = None
    source: str | None = None
    """Where the article came from when it has no url: a file's path, a crawl archive's name."""
    id: str | None = None
    """The caller's own identifier of the article; every quote carries it as ``article_id``."""
    reported: bool = False
    """Whether :attr:`quotes` also holds reported speech and interview answers (``reported=True``)."""
    published_precision: DatePrecision | None = attrs.field(
        default=attrs.Factory(_own_precision, takes_self=True)
    )
    """How precise ``published`` is (:class:`DatePrecision`); every quote carries it."""
    published_ambiguous: bool = False
    """True when the date's day and month could swap and no ``date_order`` said which comes first."""
    language: str = "en"
    """The code of the language the article was read in (``"en"``): the one asked for, or the one
    ``language="auto"`` chose."""
    quotes: QuoteList = attrs.field(factory=QuoteList, repr=False, eq=False)
    """Every quote of the article, in text order: the same result as :func:`quotebank.extract`."""

    @property
    def body(self) -> tuple[Paragraph, ...]:
        """The paragraphs of running text (neither title nor boilerplate)."""
        return tuple(p for p in self.paragraphs if p.kind is ParagraphKind.BODY)
