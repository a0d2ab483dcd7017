"""QuoteBank: quotes from many articles, with search, speakers across articles, de-duplication and exports.

>>> bank = QuoteBank()
>>> bank.add('"We will rebuild," Mayor Jane Doe said.', outlet="Daily Example")
AddedArticle(new: 1 quote, Daily Example, undated, '"We will rebuild," Mayor Jane Doe said.')
>>> [(q.text, q.speaker_name) for q in bank.search("rebuilding", speaker="doe")]
[('We will rebuild,', 'Jane Doe')]
"""

from __future__ import annotations

import bisect
import collections
import hashlib
import itertools
import json
import operator
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from os import PathLike
from types import TracebackType
from typing import TYPE_CHECKING, Any, SupportsIndex, overload

import attrs

from quotebank._pipeline.dates import DateOrder, DateReading, coerce_date_order, coerce_reading
from quotebank._pipeline.language import check_language, resolve
from quotebank._pipeline.run import DEFAULT_LANGUAGE, quote_metadata, with_quotes
from quotebank.collection.clusters import ClusterList, QuoteCluster, cluster_quotes, make_cluster
from quotebank.collection.filters import KindFilter, PatternFilter, QuoteFilter, words
from quotebank.collection.registry import SpeakerProfile, SpeakerRegistry
from quotebank.collection.stats import SourceStats, SpeakerTable, source_stats
from quotebank.collection.store import (
    ClusterGroup,
    ClusterKey,
    Store,
    StoredArticle,
    article_key,
    storable,
    without_cycle_collection,
)
from quotebank.errors import (
    AmbiguousSpeakerError,
    BankDamagedError,
    ExtractFailedError,
    InvalidArgumentError,
    InvalidQueryError,
    InvalidRecordError,
    QuotebankError,
    SpeakerNotFoundError,
)
from quotebank.io.export import (
    Target,
    check_article_record,
    check_quote_record,
    date_from_text,
    date_to_text,
    numbered_jsonl,
    quote_from_dict,
    quote_to_dict,
    records_dataframe,
    write_csv_records,
    write_excel,
    write_jsonl,
)
from quotebank.io.parquet import write_parquet
from quotebank.io.records import flat_record, typed_record
from quotebank.readers.items import ArticleInput, article_of, given_metadata, plain_text
from quotebank.scale.processes import ExtractResult, check_timeout, extract_many
from quotebank.values import Article, Quote, QuoteList, Speaker

if TYPE_CHECKING:
    import pandas  # type: ignore[import-untyped,unused-ignore]
    from matplotlib.figure import Figure

__all__ = ["AddedArticle", "Articles", "QuoteBank"]

_BATCH_ARTICLES = 2000
"""Articles written in one transaction by add_many: large enough that a commit's writing of the pages it
changed costs little a quote (the indexes of a large bank change all over; with a hundred, commits took a
quarter of the storing), small enough to hold in memory and to lose little when a process is killed."""

SpeakerQuery = str | Speaker | SpeakerProfile


@attrs.define
class _People:
    """The collection's speakers: a registry that absorbs the quotes stored since it last looked."""

    generation: tuple[int, int] | None = None
    seen: int = 0
    """The id of the last quote the registry has counted."""
    registry: SpeakerRegistry = attrs.Factory(SpeakerRegistry)
    speaker_ids: dict[Speaker, int] = attrs.Factory(dict)

    def reset(self) -> None:
        """Forget what was counted: the next read counts every quote again."""
        self.generation, self.seen, self.registry, self.speaker_ids = None, 0, SpeakerRegistry(), {}


@attrs.frozen
class AddedArticle:
    """What :meth:`QuoteBank.add` did with an article: stored it (``new``), or found it stored already (the
    same text or url: a duplicate, and ``article`` is the stored one). Shows as one line."""

    article: Article
    new: bool
    quote_count: int | None = None
    """How many quotes were stored (``None`` for a duplicate: nothing was)."""

    @property
    def quotes(self) -> QuoteList:
        """The article's quotes (:attr:`Article.quotes <quotebank.values.Article.quotes>`)."""
        return self.article.quotes

    def __repr__(self) -> str:
        article = self.article
        what = "new" if self.new else "duplicate, already stored"
        if self.quote_count is not None:
            what += f": {self.quote_count} quote{'s' if self.quote_count != 1 else ''}"
        day = date_to_text(article.published, article.published_precision) or "undated"
        first_line = article.title or next((p.text for p in article.paragraphs), article.text[:80])
        title = first_line if len(first_line) <= _TITLE_CHARS else first_line[: _TITLE_CHARS - 1] + "…"
        return f"AddedArticle({what}, {article.outlet or 'no outlet'}, {day}, {title!r})"

    def _repr_html_(self) -> str:
        import html  # noqa: PLC0415 -- only needed in notebooks

        return f"<p>{html.escape(repr(self))}</p>"


_TITLE_CHARS = 60


class Articles(Sequence[Article]):
    """The articles of a bank, in the order they were added: a sequence read from the store on demand."""

    __slots__ = ("_store",)

    def __init__(self, store: Store) -> None:
        self._store = store

    def __len__(self) -> int:
        return self._store.article_count()

    def __iter__(self) -> Iterator[Article]:
        return self._store.articles()

    @overload
    def __getitem__(self, index: SupportsIndex) -> Article: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Article, ...]: ...

    def __getitem__(self, index: SupportsIndex | slice) -> Article | tuple[Article, ...]:
        if isinstance(index, slice):
            return tuple(self._store.article_at(i) for i in range(*index.indices(len(self))))
        position = operator.index(index)
        count = len(self)
        if position < 0:
            position += count
        if not 0 <= position < count:
            raise IndexError("article index out of range")
        return self._store.article_at(position)

    def __repr__(self) -> str:
        return f"<{len(self)} articles>"


@attrs.frozen(eq=False, repr=False)
class QuoteBank:
    """A collection of quotes from many articles: ``QuoteBank()`` in memory, ``QuoteBank.open(path)`` in a
    SQLite file. Both behave the same.

    ``date_order`` (``"DMY"``, ``"MDY"`` or ``"YMD"``, see :class:`~quotebank._pipeline.dates.DateOrder`)
    reads every article's numeric dates such as ``05/03/2026``, unless a call gives its own. ``language``
    (``"en"``, the default, another folder under ``quotebank/lang/``, or ``"auto"``) is the language every
    article added is read in, unless a call gives its own; it is a setting of this bank object, not of the
    file (an :class:`~quotebank.values.Article` keeps the language it was read in).
    """

    _store: Store = attrs.field(factory=lambda: Store.open(None))
    _people: _People = attrs.field(factory=_People, init=False)
    _date_order: DateOrder | None = attrs.field(default=None, kw_only=True, converter=coerce_date_order)
    _language: str = attrs.field(default=DEFAULT_LANGUAGE, kw_only=True, converter=check_language)

    @classmethod
    def open(
        cls,
        path: str | PathLike[str],
        *,
        readonly: bool = False,
        date_order: DateOrder | str | None = None,
        language: str = DEFAULT_LANGUAGE,
    ) -> QuoteBank:
        """The bank in the SQLite file at ``path``, created when missing; with ``readonly``, an existing bank
        that this bank object will not change (a file the system does not let this process change opens
        read-only too). Nothing is written into a file before it is known to be a quotebank bank.

        Raises :class:`~quotebank.errors.SchemaVersionError` for a file that is not a quotebank database, or
        that a newer quotebank wrote, :class:`~quotebank.errors.BankDamagedError` for a damaged one, and
        :class:`~quotebank.errors.BankFileError` for a file that cannot be opened or created, or a path that
        names no file (``""``, ``":memory:"``: a bank in memory is ``QuoteBank()``).
        """
        if not isinstance(path, str | PathLike):
            raise InvalidArgumentError(f"path must be a str or a path, not {type(path).__name__}")
        order = coerce_date_order(date_order)  # checked before the file is opened
        code = check_language(language)
        return cls(Store.open(path, readonly=readonly), date_order=order, language=code)

    @property
    def readonly(self) -> bool:
        """Whether this bank refuses writes (:class:`~quotebank.errors.BankReadOnlyError`)."""
        return self._store.readonly

    def check(self) -> tuple[str, ...]:
        """What is wrong with the bank's file, read whole (nothing, normally): SQLite's check of every page
        and index, and articles whose quotes are not all there. A bank with problems refuses writes
        (:class:`~quotebank.errors.BankDamagedError`); ``quotebank check DB`` runs this from the shell."""
        return self._store.check()

    def close(self) -> None:
        self._store.close()

    def __enter__(self) -> QuoteBank:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    # -- adding ------------------------------------------------------------------------------------------

    def add(
        self,
        item: ArticleInput,
        *,
        outlet: str | None = None,
        published: date | str | None = None,
        url: str | None = None,
        source: str | None = None,
        article_id: str | None = None,
        reported: bool = False,
        date_order: DateOrder | str | None = None,
        language: str | None = None,
    ) -> AddedArticle:
        """Extract the quotes of one article (any :data:`~quotebank.readers.items.ArticleInput`: a text,
        bytes, an :class:`~quotebank.values.Article`, a record…) and store them. Says what it did, in one
        line: stored the article (``new``), or found it stored before with the same text or the same url (a
        duplicate; ``article`` is the stored one). ``source`` (a file's path) and ``article_id`` (your own
        identifier) are kept with every quote; the metadata given here wins over the item's own.
        ``reported=True`` also finds reported speech (see :func:`~quotebank.extract`); ``date_order``
        replaces the bank's own for this article.

        An article is stored once. The bank remembers whether its reported speech was extracted
        (``Article.reported``): adding an article it holds without reported speech with ``reported=True``
        extracts it again and replaces it and its quotes, in its place: its outlet, date, url, source and id
        are those given now, else those the bank holds, else what its text says. Adding it again otherwise
        changes nothing (:meth:`update` corrects metadata).

        >>> bank = QuoteBank()
        >>> text = 'Mayor Jane Doe said the bridge would reopen. "We are ready," she added.'
        >>> [q.kind.value for q in bank.add(text).quotes]
        ['sentence']
        >>> [q.kind.value for q in bank.add(text, reported=True).quotes]
        ['reported', 'sentence']
        """
        self._store.check_writable()
        metadata = {"outlet": outlet, "published": published, "url": url, "source": source, "id": article_id}
        _key, prepared = self._prepare(
            item, metadata, self._order(date_order), _flag(reported), language=self._code(language)
        )
        if isinstance(prepared, Article):
            return AddedArticle(prepared, new=False)
        if not self._write([prepared]):
            # stored by another process since it was looked for
            stored = self._store.find_article(prepared.key, prepared.article.url)
            return AddedArticle(stored if stored is not None else prepared.article, new=False)
        return AddedArticle(prepared.article, new=True, quote_count=len(prepared.quotes))

    def update(
        self,
        item: ArticleInput,
        *,
        outlet: str | None = None,
        published: date | str | DateReading | None = None,
        url: str | None = None,
        source: str | None = None,
        article_id: str | None = None,
        reported: bool = False,
        date_order: DateOrder | str | None = None,
    ) -> Article:
        """Correct the metadata of an article already stored (the same text, or the same url): the values
        given (not ``None``) replace its own and those of its quotes; an article not stored yet is added,
        and one stored without reported speech is extracted again with ``reported=True``, as :meth:`add`
        does. ``published`` may also be a :class:`~quotebank._pipeline.dates.DateReading`, which keeps its
        precision and whether it is ambiguous.

        >>> bank = QuoteBank()
        >>> _ = bank.add('"We will win," said Jane Doe.')
        >>> _ = bank.update('"We will win," said Jane Doe.', published="2026-03-05", outlet="Courier")
        >>> [(q.outlet, str(q.published)) for q in bank]
        [('Courier', '2026-03-05')]
        """
        # the store holds UTF-8 only: a lone surrogate becomes U+FFFD with a warning, as in add
        url = storable(url, "url") if isinstance(url, str) else url
        given = {"outlet": outlet, "published": published, "url": url, "source": source, "id": article_id}
        metadata = {name: storable(v, name) if isinstance(v, str) else v for name, v in given.items()}
        order = self._order(date_order)
        key, prepared = self._prepare(item, metadata, order, _flag(reported), language=self._language)
        if isinstance(prepared, StoredArticle):
            self._write([prepared])
            return prepared.article
        changes: dict[str, Any] = {name: value for name, value in metadata.items() if value is not None}
        reading = coerce_reading(changes.pop("published", None), order=order)
        if reading is not None:
            changes.update(reading.fields())
        updated = self._store.update_metadata(key, url or prepared.url, changes)
        if updated is not None:
            # the registry counts quotes as they are added; a correction may take an outlet or a date away
            # from a speaker, so it counts them again
            self._people.reset()
        return prepared if updated is None else updated

    def add_many(
        self,
        items: Iterable[ArticleInput],
        *,
        processes: int | None = None,
        reported: bool = False,
        date_order: DateOrder | str | None = None,
        on_error: Callable[[ExtractResult], object] | None = None,
        language: str | None = None,
        timeout: float | None = None,
    ) -> int:
        """Extract and store many articles, read one by one from ``items``: anything
        :data:`~quotebank.readers.items.ArticleInput` allows (texts, bytes, ``(text, {"outlet": …})`` pairs,
        :class:`~quotebank.values.Article` objects, records such as JSON Lines or the file readers give).
        Returns how many were new (or replaced, see :meth:`add`); articles already stored are not extracted
        again. ``reported``, ``date_order`` and ``language`` are as for :meth:`add`.

        ``processes``: extract on that many worker processes with :func:`~quotebank.extract_many` (``0``:
        one for each CPU), storing the articles in input order as their results come; by default, in this
        process. Articles are written in transactions of two thousand. An article that cannot be read raises
        its error after the articles before it are stored, whole; with ``on_error``, it is handed to
        ``on_error`` instead, as the :class:`~quotebank.scale.processes.ExtractResult` that says why
        (``index`` is its position in ``items``), and the run goes on. An error of ``items`` itself is raised
        after the articles read before it are stored.

        ``timeout``: a limit in seconds for each article, as for :func:`~quotebank.extract_many`; an article
        that runs past it fails with :class:`~quotebank.errors.ExtractTimeoutError` (raised, or handed to
        ``on_error``), so one pathological page never stalls a crawl. Stopping an article midway needs a
        worker process: with a ``timeout`` and no ``processes``, the articles are extracted in one.
        """
        if not isinstance(items, Iterable):
            raise InvalidArgumentError(f"add_many takes an iterable of articles, not {type(items).__name__}")
        if isinstance(items, str | bytes | bytearray):
            # a string is an iterable of one-character "articles": surely one article was meant
            raise InvalidArgumentError(
                f"add_many takes an iterable of articles, not one {type(items).__name__}: use add() for one"
            )
        if processes is not None and (
            isinstance(processes, bool) or not isinstance(processes, int) or processes < 0
        ):
            raise InvalidArgumentError(f"processes must be a whole number of at least 0, not {processes!r}")
        if on_error is not None and not callable(on_error):
            raise InvalidArgumentError(f"on_error must be callable, not {type(on_error).__name__}")
        check_timeout(timeout)
        self._store.check_writable()
        order, wanted, code = self._order(date_order), _flag(reported), self._code(language)
        if processes is None and timeout is None:
            return self._write_all(self._prepared(items, order, wanted, on_error, language=code))
        workers = 1 if processes is None else processes or None
        return self._write_all(
            self._extracted(items, workers, order, wanted, on_error, language=code, timeout=timeout)
        )

    def _prepared(
        self,
        items: Iterable[ArticleInput],
        order: DateOrder | None,
        reported: bool,
        on_error: Callable[[ExtractResult], object] | None,
        *,
        language: str,
    ) -> Iterator[StoredArticle]:
        """The articles of ``items`` to store, extracted in this process."""
        for index, item in enumerate(items):
            try:
                _key, prepared = self._prepare(item, {}, order, reported, language=language)
            except QuotebankError as error:
                if on_error is None:
                    raise
                on_error(ExtractResult(index, error=error))
                continue
            if isinstance(prepared, StoredArticle):
                yield prepared

    def _extracted(
        self,
        items: Iterable[ArticleInput],
        processes: int | None,
        order: DateOrder | None,
        reported: bool,
        on_error: Callable[[ExtractResult], object] | None,
        *,
        language: str,
        timeout: float | None,
    ) -> Iterator[StoredArticle]:
        """The articles of ``items`` to store, extracted by :func:`~quotebank.extract_many` in its workers;
        those known to be stored already are not sent."""
        positions: collections.deque[tuple[int, dict[str, Any]]] = collections.deque()

        def unknown() -> Iterator[ArticleInput]:
            for index, item in enumerate(items):
                if self._stored_before(item, {}, reported)[1] is None:
                    positions.append((index, given_metadata(item)))
                    yield item

        for result in extract_many(
            unknown(),
            processes=processes,
            reported=reported,
            date_order=order,
            language=language,
            timeout=timeout,
        ):
            index, given = positions.popleft()
            if result.error is not None or result.article is None:
                failed = attrs.evolve(result, index=index)
                if on_error is None:
                    raise failed.error or ExtractFailedError("the article was lost")
                on_error(failed)
                continue
            _key, prepared = self._to_store(result.article, result.quotes, given)
            if isinstance(prepared, StoredArticle):
                yield prepared

    def _write_all(self, articles: Iterable[StoredArticle]) -> int:
        """Store a stream of articles in batches; on an error, the articles read before it are stored."""
        added = 0
        pending: list[StoredArticle] = []

        def flush() -> None:
            nonlocal added, pending
            batch, pending = pending, []
            added += self._write(batch)

        try:
            for article in articles:
                pending.append(article)
                if len(pending) >= _BATCH_ARTICLES:
                    flush()
        except BaseException:
            if pending:
                flush()
            raise
        if pending:
            flush()
        return added

    def _order(self, date_order: object) -> DateOrder | None:
        """The date order of a call: its own, else the bank's."""
        order = coerce_date_order(date_order)
        return order if order is not None else self._date_order

    def _write(self, batch: Sequence[StoredArticle]) -> int:
        replaced = self._store.replacements
        try:
            return self._store.write(batch)
        finally:
            if self._store.replacements != replaced:
                # the quotes of a replaced article are gone, and the registry had counted them
                self._people.reset()

    def _code(self, language: str | None) -> str:
        """The language of a call: its own, else the bank's."""
        return self._language if language is None else check_language(language)

    def _prepare(
        self,
        item: object,
        metadata: Mapping[str, Any],
        order: DateOrder | None,
        reported: bool,
        *,
        language: str,
    ) -> tuple[str, StoredArticle | Article]:
        """The article's key, and the article to store or the stored one when there is nothing to store."""
        for name, value in metadata.items():
            if name != "published" and value is not None and not isinstance(value, str):
                option = "article_id" if name == "id" else name
                raise InvalidArgumentError(f"{option} must be a str or None, not {type(value).__name__}")
        key, stored = self._stored_before(item, metadata, reported)
        if stored is not None:
            return key, stored
        article = article_of(item, reported=reported, date_order=order, metadata=metadata, language=language)
        given = {**given_metadata(item), **{k: v for k, v in metadata.items() if v is not None}}
        return self._to_store(article, article.quotes, given)

    def _stored_before(
        self, item: object, metadata: Mapping[str, Any], reported: bool
    ) -> tuple[str, Article | None]:
        """The key of a plain text, and the stored article that makes extracting it needless, if any."""
        plain = plain_text(item)
        if plain is None:
            return "", None
        text, url = plain
        url = metadata.get("url") or url
        key = article_key(text)
        stored = self._store.find_article(key, url if isinstance(url, str) else None)
        return key, stored if stored is not None and (stored.reported or not reported) else None

    def _to_store(
        self, article: Article, quotes: QuoteList, given: Mapping[str, Any]
    ) -> tuple[str, StoredArticle | Article]:
        """The article's key, and ``article`` ready to store or the stored article it would only repeat.
        ``given``: the metadata the caller gave with it, which wins over what the bank holds of it."""
        clean = _storable_article(article)
        if clean is not article:
            # quotes taken from the text stored, so that offsets and words agree with it
            article, quotes = clean, clean.quotes
        key = article_key(article.text)
        stored = self._store.find_article(key, article.url)
        if stored is None:
            return key, StoredArticle(key, article, quotes)
        if stored.reported or not article.reported:
            return key, stored
        # extracted again for its reported speech: what the bank holds of it wins over what its text says,
        # and what the caller gives now wins over both
        source, article_id = self._store.provenance(key, article.url)
        held: dict[str, Any] = {
            "outlet": stored.outlet,
            "url": stored.url,
            "source": source,
            "id": article_id,
        }
        if "article_id" in given:
            given = {**given, "id": given["article_id"]}
        kept = attrs.evolve(
            article,
            **{name: value for name, value in held.items() if name not in given and value is not None},
        )
        if "published" not in given and stored.published is not None:
            kept = attrs.evolve(
                kept, published=stored.published, published_precision=stored.published_precision
            )
        if kept != article:
            metadata = quote_metadata(kept)
            quotes = QuoteList(attrs.evolve(quote, **metadata) for quote in quotes)
        return key, StoredArticle(key, kept, quotes)

    # -- the collection ----------------------------------------------------------------------------------

    def __len__(self) -> int:
        """How many quotes the bank holds."""
        return self._store.quote_count()

    def __iter__(self) -> Iterator[Quote]:
        """Every quote, by date (undated last), then article, then position in the article."""
        return (quote for _key, quote in self._store.select(QuoteFilter(), None))

    @property
    def articles(self) -> Articles:
        """Every article, in the order they were added, read from the store when asked for (articles read
        from JSON Lines have their metadata, not their text)."""
        return Articles(self._store)

    @property
    def location(self) -> str:
        """The database file, or ``:memory:``."""
        return self._store.location

    # -- speakers ----------------------------------------------------------------------------------------

    def _registry(self) -> _People:
        people = self._people
        generation = self._store.generation
        if people.generation != generation:
            if people.seen:
                last = self._store.last_quote_id()
                usages = self._store.speaker_usages(people.seen, last)
            else:
                last, usages = self._store.speaker_totals()
            people.registry.add(usages)
            people.speaker_ids.update((usage.speaker, speaker_id) for speaker_id, usage in usages)
            people.seen, people.generation = last, generation
        return people

    def speakers(self, name: str | None = None) -> SpeakerTable:
        """Every speaker, each with its kind, gender, roles, aliases, quote and article counts, outlets, and
        first and last dates, most quoted first: a table in a notebook, ``.to_dataframe()`` for pandas.
        With ``name``, only those who answer to it (``"trump"`` gives every Trump)."""
        if name is not None and not isinstance(name, str):
            raise InvalidArgumentError(f"name must be a str, not {type(name).__name__}")
        with without_cycle_collection():
            registry = self._registry().registry
            return SpeakerTable(registry.profiles() if name is None else registry.find(words(name)))

    def speaker(self, name: str) -> SpeakerProfile:
        """The speaker who answers to ``name`` in any spelling (``"zelensky"`` finds Volodymyr Zelenskyy):
        the one whose full name it is, else the only one it fits. A name that fits several speakers and is
        none of their full names (``"Smith"`` for Jane and John Smith) raises
        :class:`~quotebank.errors.AmbiguousSpeakerError`, which lists them."""
        if not isinstance(name, str):
            raise InvalidArgumentError(f"name must be a str, not {type(name).__name__}")
        found = self.speakers(name)
        if not found:
            raise SpeakerNotFoundError(f"no speaker answers to {name!r}")
        wanted = words(name)
        exact = [p for p in found if words(p.name) == wanted]
        if len(exact) == 1 or len(found) == 1:
            return exact[0] if exact else found[0]
        listed = "; ".join(f"{p.name} ({p.role or p.kind.value}, {p.quote_count} quotes)" for p in found)
        raise AmbiguousSpeakerError(
            f"{len(found)} speakers answer to {name!r}: {listed}; give more of the name", tuple(found)
        )

    def source_stats(
        self,
        by: str | Sequence[str] | None = "outlet",
        *,
        kind: KindFilter | None = None,
        since: date | str | None = None,
        until: date | str | None = None,
    ) -> SourceStats:
        """Who gets quoted: the quotes counted by their speaker's gender (women, men, nonbinary people,
        people of unknown gender) and kind of source (people, organisations, unnamed sources, no speaker),
        with the shares, per ``"outlet"``, per ``"month"``, per ``("outlet", "month")`` or in all (``None``);
        direct and reported speech in rows of their own. A speaker's gender is the one the evidence of all
        their articles shows. ``kind``, ``since`` and ``until`` filter the quotes as :meth:`search` does.

        >>> bank = QuoteBank()
        >>> _ = bank.add('"We will rebuild," said Mayor Jane Doe.', outlet="Courier")
        >>> [(row.outlet, row.quotes, row.female, row.share_female) for row in bank.source_stats()]
        [('Courier', 1, 1, 1.0)]
        """
        registry = self._registry().registry
        registry.profiles()
        person_of = registry.person_of
        quotes = self.iter_search(kind=kind, since=since, until=until)
        return source_stats(quotes, by=by, person=lambda speaker: person_of.get(speaker, speaker))

    def _speaker_filter(self, query: SpeakerQuery) -> frozenset[Speaker]:
        if isinstance(query, SpeakerProfile):
            return frozenset(query.speakers)
        if not isinstance(query, str | Speaker):
            raise InvalidArgumentError(
                f"speaker must be a name, a Speaker or a SpeakerProfile, not {type(query).__name__}"
            )
        return frozenset(s for profile in self.speakers(_name_of(query)) for s in profile.speakers)

    # -- search ------------------------------------------------------------------------------------------

    def search(
        self,
        text: str | None = None,
        *,
        speaker: SpeakerQuery | None = None,
        regex: PatternFilter | None = None,
        outlet: str | None = None,
        since: date | str | None = None,
        until: date | str | None = None,
        kind: KindFilter | None = None,
        limit: int | None = None,
    ) -> QuoteList:
        """The quotes that pass every filter given, by date (undated last), then article, then position.

        ``text``: words, each matching the words it begins after its inflection is dropped (``exchanges``
        finds ``exchange``, ``exchanged``), in any case and with or without accents. ``speaker``: a name in
        any spelling, or a profile from :meth:`speakers`. ``regex``: a pattern of the ``regex`` module, run
        with a time budget. ``outlet``: the outlet's name. ``since``, ``until``: dates, inclusive. ``kind``:
        one or more :class:`~quotebank.values.QuoteKind`. ``limit``: at most this many quotes.
        """
        wanted = QuoteFilter.build(
            text=text, pattern=regex, outlet=outlet, since=since, until=until, kind=kind, limit=limit
        )
        return QuoteList(self._select(wanted, speaker))

    def iter_search(
        self,
        text: str | None = None,
        *,
        speaker: SpeakerQuery | None = None,
        regex: PatternFilter | None = None,
        outlet: str | None = None,
        since: date | str | None = None,
        until: date | str | None = None,
        kind: KindFilter | None = None,
        limit: int | None = None,
    ) -> Iterator[Quote]:
        """The quotes :meth:`search` finds with the same filters, in the same order, read from the store one
        by one as the loop asks for them: a pass over a whole bank holds one quote at a time, and a loop that
        stops early reads no further. The filters are checked at once; adding to the bank while the loop
        runs is allowed (the loop may or may not see the new quotes)."""
        wanted = QuoteFilter.build(
            text=text, pattern=regex, outlet=outlet, since=since, until=until, kind=kind, limit=limit
        )
        return self._select(wanted, speaker)

    def _select_rows(
        self, wanted: QuoteFilter, speaker: SpeakerQuery | None
    ) -> Iterator[tuple[int, str, Quote]]:
        """Every quote that passes ``wanted`` (whatever its limit), with its id and its article's key."""
        speaker_test = None
        speaker_ids = None
        if speaker is not None:
            allowed = self._speaker_filter(speaker)
            ids = self._registry().speaker_ids
            speaker_ids = sorted(ids[s] for s in allowed if s in ids)
            speaker_test = allowed.__contains__
        pattern_test = wanted.pattern_test()
        for quote_id, key, quote in self._store.select_rows(wanted, speaker_ids):
            if wanted.accepts(quote, speaker_test=speaker_test) and (
                pattern_test is None or pattern_test(quote.text)
            ):
                yield quote_id, key, quote

    def _select(self, wanted: QuoteFilter, speaker: SpeakerQuery | None) -> Iterator[Quote]:
        if speaker is None:
            rows = self._store.select(wanted, None)
            return wanted.select((quote for _key, quote in rows), speaker_test=None)
        allowed = self._speaker_filter(speaker)
        ids = self._registry().speaker_ids
        rows = self._store.select(wanted, sorted(ids[s] for s in allowed if s in ids))
        return wanted.select((quote for _key, quote in rows), speaker_test=allowed.__contains__)

    def clusters(
        self,
        text: str | None = None,
        *,
        speaker: SpeakerQuery | None = None,
        regex: PatternFilter | None = None,
        outlet: str | None = None,
        since: date | str | None = None,
        until: date | str | None = None,
        kind: KindFilter | None = None,
        limit: int | None = None,
    ) -> ClusterList:
        """The quotations among the quotes :meth:`search` finds with the same filters: near-duplicates (the
        same words reported by several outlets, whole or in part) become one cluster, with the quotes of
        that quotation the filters let through. The most widely reported come first: by the number of
        articles, then of outlets, then by first report. ``limit`` counts clusters.

        The bank clusters each quote as it is stored, so this groups stored assignments; it compares no
        quotes. Without filters, it reads the totals the bank keeps of each cluster, the widest first, and
        groups nothing. Quotes of two people are two quotations; an unattributed report joins the person
        who has the most reports of its cluster."""
        wanted = QuoteFilter.build(
            text=text, pattern=regex, outlet=outlet, since=since, until=until, kind=kind, limit=limit
        )
        registry = self._registry().registry
        registry.profiles()
        person_of = registry.person_of

        def person(who: Speaker | None) -> Speaker | None:
            return person_of.get(who, who) if who is not None else None

        wanted = attrs.evolve(wanted, limit=None)
        if not self._store.clustered:
            # a bank of an older version, opened read-only: clustered here, the way a QuoteList is
            keys: dict[int, str] = {}
            quotes = []
            for _quote_id, key, quote in self._select_rows(wanted, speaker):
                keys[id(quote)] = key
                quotes.append(quote)
            found = cluster_quotes(quotes, person=person, article=lambda quote: keys[id(quote)])
            return found if limit is None else found[:limit]
        if wanted == QuoteFilter() and speaker is None:
            if self._store.totalled:
                return self._widest_clusters(person, limit)
            return self._stored_clusters(None, person, limit)
        selected = [quote_id for quote_id, _key, _quote in self._select_rows(wanted, speaker)]
        return self._stored_clusters(selected, person, limit)

    def _stored_clusters(
        self,
        quote_ids: Sequence[int] | None,
        person: Callable[[Speaker | None], Speaker | None],
        limit: int | None,
    ) -> ClusterList:
        """The clusters of the quotes ``quote_ids`` (``None``: all), from the store's cluster assignments,
        read from the store when they are looked at."""
        store = self._store
        store.read_speakers()
        persons: dict[int | None, Speaker | None] = {None: None}
        reports: list[_Report] = []
        for groups in store.cluster_groups(quote_ids):
            if len(groups) == 1:
                [(speaker_id, articles, outlets, first, first_id, ids)] = groups
                if speaker_id is not None and speaker_id not in persons:
                    persons[speaker_id] = person(store.speaker(speaker_id))
                reports.append((-articles, -outlets, first, first_id, ids, persons[speaker_id]))
                continue
            reports += self._split_by_person(groups, persons, person)
        reports.sort(key=operator.itemgetter(0, 1, 2, 3))
        if limit is not None:
            del reports[limit:]

        def load(start: int, stop: int) -> list[QuoteCluster]:
            page = reports[start:stop]
            members = [[int(n) for n in report[4].split(",")] for report in page]
            quotes = store.quotes_with_words([n for ids in members for n in ids])
            clusters = []
            for report, ids in zip(page, members, strict=True):
                ids.sort()  # the order of storage: a cluster orders its quotes by date after it
                clusters.append(
                    make_cluster(
                        [quotes[n][0] for n in ids], [quotes[n][1] for n in ids], report[5], -report[0]
                    )
                )
            return clusters

        return ClusterList.reading(len(reports), load)

    def _widest_clusters(
        self, person: Callable[[Speaker | None], Speaker | None], limit: int | None
    ) -> ClusterList:
        """Every cluster, from the totals the store keeps: those of one speaker in the order of their index,
        those of several parted by person here (few: a quotation is mostly reported with one name), and the
        two merged, so that the widest come first without reading every quote."""
        store = self._store
        store.read_speakers()
        persons: dict[int | None, Speaker | None] = {None: None}
        shared: list[_Report] = []
        parted = 0
        # the article and outlet of every quote of those clusters, read at once: a person's quotes in a
        # cluster are counted here, not with a query each
        sources = store.shared_sources()

        def reach(quote_ids: Sequence[int]) -> tuple[int, int]:
            found = [sources[n] for n in quote_ids]
            return len({a for a, _o in found}), len({o for _a, o in found if o is not None})

        for groups in store.cluster_groups(None, shared=True):
            shared += self._split_by_person(groups, persons, person, reach=reach)
            parted += 1
        shared.sort(key=operator.itemgetter(0, 1, 2, 3))
        count = store.cluster_count() - parted + len(shared)
        reader = _WidestReader(store, shared, persons, person)
        return ClusterList.reading(count if limit is None else min(count, limit), reader.load)

    def _split_by_person(
        self,
        groups: list[ClusterGroup],
        persons: dict[int | None, Speaker | None],
        person: Callable[[Speaker | None], Speaker | None],
        *,
        reach: Callable[[Sequence[int]], tuple[int, int]] | None = None,
    ) -> list[_Report]:
        """The quotations of a cluster whose quotes have several speakers: one a person, the unattributed
        reports with the person who has most reports. ``reach`` counts the distinct articles and outlets of
        quotes (by default, the store does)."""
        store = self._store
        by_person: dict[Speaker | None, list[ClusterGroup]] = {}
        for group in groups:
            speaker_id = group[0]
            if speaker_id is not None and speaker_id not in persons:
                persons[speaker_id] = person(store.speaker(speaker_id))
            by_person.setdefault(persons[speaker_id], []).append(group)
        unattributed = by_person.pop(None, [])
        if by_person:
            main = max(by_person, key=lambda who: sum(len(g[5].split(",")) for g in by_person[who]))
            by_person[main] += unattributed
        else:
            by_person[None] = unattributed
        found = []
        for who, members in by_person.items():
            ids = ",".join(group[5] for group in members)
            if len(members) == 1:
                articles, outlets = members[0][1], members[0][2]
            else:
                articles, outlets = (reach or store.reach)([int(n) for n in ids.split(",")])
            first = min(group[3] for group in members)
            found.append((-articles, -outlets, first, min(group[4] for group in members), ids, who))
        return found

    # -- charts (quotebank[charts]) ----------------------------------------------------------------------

    def chart_women_share(
        self,
        by: str | Sequence[str] = "outlet",
        *,
        kind: KindFilter | None = None,
        since: date | str | None = None,
        until: date | str | None = None,
    ) -> Figure:
        """A chart of the share of women among the people quoted: a bar per outlet (``by="outlet"``), a line
        over the months (``"month"``), or a line per outlet over the months (``("outlet", "month")``), from
        :meth:`source_stats` with the same filters. Returns a matplotlib figure (``quotebank[charts]``)."""
        from quotebank.io.charts import women_share_chart  # noqa: PLC0415 -- matplotlib is optional

        return women_share_chart(self.source_stats(by, kind=kind, since=since, until=until))

    def chart_top_speakers(self, *, limit: int = 15) -> Figure:
        """A chart of the ``limit`` most quoted speakers, coloured by gender (``quotebank[charts]``)."""
        from quotebank.io.charts import top_speakers_chart  # noqa: PLC0415 -- matplotlib is optional

        return top_speakers_chart(self.speakers(), limit=limit)

    def chart_cluster_timeline(self, quotation: str | QuoteCluster) -> Figure:
        """A chart of who reported a quotation when, the first report marked: ``quotation`` is a cluster, or
        words of it (the most widely reported cluster that :meth:`clusters` finds with them). Raises
        :class:`~quotebank.errors.InvalidQueryError` when no quotation has those words."""
        from quotebank.io.charts import cluster_timeline_chart  # noqa: PLC0415 -- matplotlib is optional

        if isinstance(quotation, QuoteCluster):
            return cluster_timeline_chart(quotation)
        if not isinstance(quotation, str):
            raise InvalidArgumentError(
                f"quotation must be words or a QuoteCluster, not {type(quotation).__name__}"
            )
        found = self.clusters(quotation)
        if not found:
            raise InvalidQueryError(f"no quotation has the words {quotation!r}")
        return cluster_timeline_chart(max(found, key=lambda cluster: cluster.occurrences))

    # -- exports -----------------------------------------------------------------------------------------

    def to_jsonl(self, target: Target) -> None:
        """Every quote, one JSON object a line with every field, ``article``: the key of its article, and
        ``position``: its place in the article (the quotes of an article come together, in order). An article
        without quotes is a line of its own: ``{"article": …, "quotes": 0, "outlet": …, "published": …,
        "url": …}``. :meth:`read_jsonl` reads it back."""
        write_jsonl(self._jsonl_records(), target)

    def _jsonl_records(self) -> Iterator[dict[str, Any]]:
        # quotes come by article in the order articles were added: walk both together
        rows = self._store.select(QuoteFilter(), None, in_storage_order=True)
        by_article = itertools.groupby(rows, key=operator.itemgetter(0))
        for key, count, outlet, published, url in self._store.article_summaries():
            if count == 0:
                yield {
                    "article": key,
                    "quotes": 0,
                    "outlet": outlet,
                    "published": date_to_text(published),
                    "url": url,
                }
                continue
            group = next(by_article, None)
            if group is None or group[0] != key:
                raise BankDamagedError(
                    f"{self.location}: the file is damaged: the quotes of {key} are missing"
                )
            for position, (_same, quote) in enumerate(group[1]):
                yield {**quote_to_dict(quote), "article": key, "position": position}

    @classmethod
    def read_jsonl(cls, source: Target, *, path: str | PathLike[str] | None = None) -> QuoteBank:
        """A bank of the quotes in a JSON Lines file (as :meth:`to_jsonl` or ``quotebank --format jsonl``
        write), in memory or, with ``path``, in that SQLite file. Articles keep their metadata, not their
        text.

        The lines of an article need not be together (a file sorted or shuffled by another tool reads the
        same): records are gathered by article over the whole file, in a temporary table of SQLite, not in
        memory. Each record is checked first; one that could not be read back (a missing or mistyped field,
        a confidence that is not a number from 0 to 1) raises :class:`~quotebank.errors.InvalidRecordError`
        naming its line and field, and then nothing of the file is stored.
        """
        bank = cls() if path is None else cls.open(path)
        bank._store.check_writable()
        groups = bank._store.regroup(_staged_records(source))
        bank._write_all(_imported_article(group, records) for group, records in groups)
        return bank

    def to_csv(self, target: Target, *, excel: bool = False) -> None:
        """Every quote, one CSV row each, in the order of :meth:`to_jsonl`: the columns of
        :data:`~quotebank.io.export.CSV_FIELDS` (``article`` is the article's key); ``excel`` for
        spreadsheet programs: a UTF-8 byte-order mark and no column empty in every row
        (:func:`~quotebank.io.export.write_csv_records`)."""
        write_csv_records(self._records(flat_record), target, excel=excel)

    def to_excel(self, target: str | PathLike[str]) -> None:
        """Every quote to an Excel workbook, one row each (needs ``quotebank[excel]``: openpyxl)."""
        write_excel(self._records(flat_record), target)

    def to_parquet(self, target: str | PathLike[str]) -> int:
        """Every quote to the Parquet file ``target``, in the order of :meth:`to_jsonl`, with the columns of
        :data:`~quotebank.io.records.TABLE_FIELDS` (``article`` is the article's key); how many quotes were
        written. Streams, a row group at a time; needs ``quotebank[parquet]``."""
        return write_parquet(self._records(typed_record), target)

    def to_dataframe(self) -> pandas.DataFrame:
        """Every quote as a pandas DataFrame, in the order of :meth:`to_jsonl`: the typed columns of
        :data:`~quotebank.io.records.TABLE_FIELDS` (``article`` is the article's key; needs
        ``quotebank[pandas]``)."""
        return records_dataframe(self._records(typed_record))

    def _records(self, record: Callable[..., dict[str, Any]]) -> Iterator[dict[str, Any]]:
        """The flat or typed record of every quote, with its article's key, in storage order."""
        for article, quote in self._store.select(QuoteFilter(), None, in_storage_order=True):
            yield record(quote, article=article)

    # -- display -----------------------------------------------------------------------------------------

    def __repr__(self) -> str:
        return f"QuoteBank({self.location!r}: {len(self)} quotes from {self._store.article_count()} articles)"

    def _repr_html_(self) -> str:
        from quotebank.io.display import bank_html  # noqa: PLC0415 -- display is only needed in notebooks

        return bank_html(self.location, len(self), self._store.article_count(), self.search(limit=10))


_Report = tuple[int, int, str, int, str, Speaker | None]
"""A quotation as :meth:`QuoteBank.clusters` sorts it: minus its articles, minus its outlets, its least date
key, its least quote id (:data:`~quotebank.collection.store.ClusterKey`), its quote ids joined by commas, and
its person."""
_WIDEST_PAGE = 1024
"""Clusters of one speaker read from the store's index at a time."""


class _WidestReader:
    """Reads the clusters of a bank in order, a page at a time, for a :class:`ClusterList`: the clusters of
    one speaker from the store's index (where the last page ended is remembered, so that reading them all
    reads the index once), the quotations parted by person (``shared``, sorted) merged in."""

    def __init__(
        self,
        store: Store,
        shared: list[_Report],
        persons: dict[int | None, Speaker | None],
        person: Callable[[Speaker | None], Speaker | None],
    ) -> None:
        self._store = store
        self._shared = shared
        self._persons = persons
        self._person = person
        self._restart()

    def _restart(self) -> None:
        self._position = 0
        self._next_shared = 0
        self._rows: collections.deque[tuple[ClusterKey, int, int | None]] = collections.deque()
        self._after: ClusterKey | None = None
        self._read_all = False

    def _next(self) -> tuple[ClusterKey, int | None, str | None, int | None] | None:
        """The next quotation in order: its key and either its cluster's name and speaker's id, or its
        quote ids (parted by person); ``None`` after the last."""
        while not self._rows and not self._read_all:
            page = self._store.widest_clusters(self._after, _WIDEST_PAGE)
            self._read_all = len(page) < _WIDEST_PAGE
            if page:
                self._after = page[-1][0]
            self._rows.extend(row for row in page if row[2] != -1)
        shared = self._shared[self._next_shared] if self._next_shared < len(self._shared) else None
        if self._rows and (shared is None or self._rows[0][0] < shared[:4]):
            key, cluster, speaker_id = self._rows.popleft()
            return key, cluster, None, speaker_id
        if shared is None:
            return None
        self._next_shared += 1
        return shared[:4], None, shared[4], None

    def load(self, start: int, stop: int) -> list[QuoteCluster]:
        if start < self._position:
            self._restart()
        page = []
        while self._position < stop:
            found = self._next()
            if found is None:
                break
            if self._position >= start:
                page.append(found)
            self._position += 1
        store = self._store
        members = store.cluster_quote_ids(
            [cluster for _key, cluster, _ids, _s in page if cluster is not None]
        )
        ids = [
            members[cluster] if cluster is not None else sorted(int(n) for n in (joined or "").split(","))
            for _key, cluster, joined, _speaker in page
        ]
        quotes = store.quotes_with_words([n for group in ids for n in group])
        clusters = []
        for (key, cluster, _joined, speaker_id), group in zip(page, ids, strict=True):
            if cluster is None:
                who = self._shared[self._shared_index(key)][5]
            else:
                if speaker_id is not None and speaker_id not in self._persons:
                    self._persons[speaker_id] = self._person(store.speaker(speaker_id))
                who = self._persons[speaker_id]
            clusters.append(
                make_cluster([quotes[n][0] for n in group], [quotes[n][1] for n in group], who, -key[0])
            )
        return clusters

    def _shared_index(self, key: ClusterKey) -> int:
        return bisect.bisect_left(self._shared, key, key=operator.itemgetter(0, 1, 2, 3))


def _storable_article(article: Article) -> Article:
    """``article`` with what UTF-8 cannot hold replaced (one character for one, with a warning), or itself
    when there is nothing to replace (nearly always)."""
    fields = {
        name: getattr(article, name) for name in ("text", "title", "dateline", "outlet", "url", "byline")
    }
    cleaned = {
        name: storable(value, "article text" if name == "text" else name) for name, value in fields.items()
    }
    if cleaned == fields:
        return article
    paragraphs = tuple(attrs.evolve(p, text=storable(p.text, "article text")) for p in article.paragraphs)
    # its quotes read again from the text as stored, so that their words and offsets agree with it
    clean = attrs.evolve(article, **cleaned, paragraphs=paragraphs)
    return with_quotes(resolve(article.language, clean.text), clean)


def _flag(reported: object) -> bool:
    if not isinstance(reported, bool):
        raise InvalidArgumentError(f"reported must be True or False, not {reported!r}")
    return reported


def _name_of(query: str | Speaker) -> str:
    return query.name if isinstance(query, Speaker) else query


def _staged_records(source: Target) -> Iterator[tuple[str, int | None, str]]:
    """Each checked record of a JSON Lines file as ``(article key, position, record)``.

    A record that names no article belongs with the records of the same source, url, outlet and date: its
    key is made of those, so that reading the same file again gives the same keys.
    """
    for line, record in numbered_jsonl(source):
        if "quotes" in record:
            check_article_record(record, line)
        else:
            check_quote_record(record, line)
        key = record.get("article")
        if key is None:
            origin = json.dumps([record.get(name) for name in ("source", "url", "outlet", "published")])
            key = "record:" + hashlib.sha256(origin.encode("utf-8", "surrogatepass")).hexdigest()
        elif not isinstance(key, str):
            raise InvalidRecordError(f"line {line}: field 'article' is {key!r}; the article's key is wanted")
        else:
            # the key waits in SQLite, which holds UTF-8 only: a lone surrogate becomes U+FFFD, as in texts
            key = storable(key, f"line {line}: article")
        position = record.get("position")
        if position is not None and (not isinstance(position, int) or isinstance(position, bool)):
            raise InvalidRecordError(
                f"line {line}: field 'position' is {position!r}; a whole number is wanted"
            )
        yield key, position, json.dumps(record)


def _imported_article(key: str, records: Iterable[str]) -> StoredArticle:
    quotes = []
    metadata: dict[str, Any] | None = None
    for text in records:
        record = json.loads(text)
        if "quotes" in record:
            metadata = record
        else:
            quotes.append(quote_from_dict(record))
    if metadata is not None:
        article = Article(
            text="",
            outlet=metadata.get("outlet"),
            published=date_from_text(metadata.get("published")),
            url=metadata.get("url"),
        )
    else:
        first = quotes[0]
        article = Article(text="", outlet=first.outlet, published=first.published, url=first.url)
    return StoredArticle(key, article, QuoteList(quotes), known_by_url=False)
