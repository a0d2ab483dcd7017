"""Where a :class:`~quotebank.collection.bank.QuoteBank` keeps its articles and quotes: SQLite, in memory or
in a file.

One schema serves both, so that a bank in memory and a bank on disk behave the same. Quotes are stored as
their JSON record (:func:`~quotebank.io.export.quote_to_dict`) without the speaker, who has a row of their
own, with the columns search filters on beside it, and their folded words in an FTS5 index. Each distinct
word sequence is a unit of near-duplicate clustering (:mod:`quotebank.collection.clusters`): units are
clustered as they are written, with an index of their fingerprints, so that reading the clusters only groups
stored rows. Every query is parameterised; the only full-text queries are built here from folded words (see
:mod:`quotebank.collection.filters`), never from what a user typed.

Writes are transactions: a batch of articles commits together, each article inside a savepoint, so that an
error or a killed process leaves whole articles only. File stores use write-ahead logging, so readers in
other processes go on reading while one process writes.
"""

from __future__ import annotations

import collections
import contextlib
import gc
import hashlib
import itertools
import json
import operator
import os
import pathlib
import sqlite3
import warnings
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from os import PathLike
from typing import Any, overload

import attrs
import regex

from quotebank._pipeline.gender import stored_speaker_evidence
from quotebank._pipeline.language import language
from quotebank.collection.clusters import fingerprints, similar
from quotebank.collection.filters import UNDATED, QuoteFilter, date_key, fold_outlet, fts_safe, words
from quotebank.collection.registry import SpeakerUsage
from quotebank.errors import (
    BankDamagedError,
    BankFileError,
    BankFullError,
    BankReadOnlyError,
    QueryTimeoutError,
    QuotebankWarning,
    SchemaVersionError,
)
from quotebank.io.export import (
    date_from_text,
    date_to_text,
    precision_from_text,
    quote_from_dict,
    quote_to_dict,
    speaker_from_dict,
    speaker_to_dict,
)
from quotebank.values import Article, Paragraph, ParagraphKind, Quote, QuoteList, Speaker

__all__ = [
    "SCHEMA_VERSION",
    "ClusterGroup",
    "ClusterKey",
    "Store",
    "StoredArticle",
    "article_key",
    "storable",
    "without_cycle_collection",
]

SCHEMA_VERSION = 6
"""2 added ``articles.reported``; 3: speaker records hold the evidence of the speaker's gender; 4: the
clustering tables and each speaker's totals; 5: each cluster's totals; 6: the clusters' totals are counted for
each batch of quotes written, not by a trigger for each quote, and the quotes of an outlet are indexed in
order of date. A bank of an older version is upgraded when it
is opened for writing, and read as it is (with a warning when it lacks something) when opened read-only (see
:data:`_UPGRADES`)."""
_REPORTED_SINCE = 2
"""The first version whose articles say whether their reported speech was extracted."""
_CLUSTERED_SINCE = 4
"""The first version that clusters quotes and counts each speaker's quotes as they are written."""
_TOTALLED_SINCE = 5
"""The first version that keeps each cluster's totals as quotes are written."""
# "QBNK": marks a SQLite file as a quotebank store (SQLite keeps it in the file header)
_APPLICATION_ID = 0x51424E4B
_BUSY_TIMEOUT_SECONDS = 30.0
_HEADER_BYTES = 100
_SQLITE_MAGIC = b"SQLite format 3\x00"
_QUICK_CHECK_BYTES = 32 * 1024 * 1024
"""Files up to this size get SQLite's quick check of every page when opened (about 0.1 s at this size)."""
_FULL_CHECK_BYTES = 4 * 1024 * 1024
"""Files up to this size get SQLite's full integrity check when opened instead (about 40 ms at this size)."""
_TABLES = frozenset({"articles", "speakers", "quotes", "quote_words"})
_CLUSTER_TABLES = frozenset({"quote_units", "quote_prints"})
_TOTAL_TABLES = frozenset({"clusters", "cluster_outlets"})
_RECORDS_KEPT = 50_000
"""The speaker records a store keeps at most (see ``Store._records``)."""
_MAX_PRINT_UNITS = 200
"""A fingerprint shared by more units than this says nothing about duplicates: it adds no candidates."""
_WINDOW_QUOTES = 1000
"""The quotes a search for words with a limit walks in order before it asks the word index (see
:meth:`Store.select_rows`): enough for a word in one quote of ten to find a hundred, few enough that a rare
word loses little before the word index finds it."""
_MAX_CANDIDATE_UNITS = 20
"""The units sharing most fingerprints with a new one that are compared with it."""
_MIN_SHARED_PRINTS = 0.3
"""The share of the fewer fingerprints two units must have in common to be compared at all."""
_CACHE_BYTES = 256 * 1024 * 1024
"""The most memory SQLite keeps pages of a bank in (taken as pages are read, not at once): a bank of a
million quotes changes pages all over its indexes with every batch, and with SQLite's default of 2 MB each
was read again from the file."""
_LOOKUP_CHUNK = 500
"""Values bound to one query's ``IN (?, ?, …)`` at most (SQLite limits the parameters of a statement)."""
_CANDIDATES_READ = 50_000
"""Units read by one query when a batch's candidates are read."""
_RECORD_ENCODER = json.JSONEncoder(ensure_ascii=False)
"""Encodes quote records (``json.dumps`` with an option makes an encoder for each call)."""
# errors of SQL functions that a search defines, handled where the search runs
_PASSED_ON = frozenset({"user-defined function raised exception", "interrupted"})
# what SQLite says of a file whose pages or schema are broken
_DAMAGE = ("malformed", "not a database", "corrupt", "could not decode")
_SURROGATE = regex.compile("[\ud800-\udfff]")

_SCHEMA = """
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    url TEXT,
    text TEXT NOT NULL,
    title TEXT,
    dateline TEXT,
    outlet TEXT,
    published TEXT,
    byline TEXT,
    paragraphs TEXT NOT NULL,
    quote_count INTEGER NOT NULL,
    reported INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE speakers (
    id INTEGER PRIMARY KEY,
    record TEXT NOT NULL UNIQUE
);
CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles (id),
    position INTEGER NOT NULL,
    speaker_id INTEGER REFERENCES speakers (id),
    date_key TEXT NOT NULL,
    outlet_key TEXT,
    kind TEXT NOT NULL,
    record TEXT NOT NULL,
    UNIQUE (article_id, position)
);
CREATE INDEX articles_by_url ON articles (url);
CREATE INDEX quotes_in_order ON quotes (date_key, article_id, position);
CREATE INDEX quotes_by_speaker ON quotes (speaker_id);
CREATE INDEX quotes_by_outlet ON quotes (outlet_key);
CREATE VIRTUAL TABLE quote_words USING fts5 (words, content = '', tokenize = 'unicode61 remove_diacritics 0');
"""
# version 4: the totals of each speaker's quotes, and the clustering tables; a new file is made with the
# tables of version 2 and these, so that both have the same tables
_VERSION_4 = """
ALTER TABLE speakers ADD COLUMN quotes INTEGER NOT NULL DEFAULT 0;
ALTER TABLE speakers ADD COLUMN articles INTEGER NOT NULL DEFAULT 0;
ALTER TABLE speakers ADD COLUMN outlets TEXT NOT NULL DEFAULT '[]';
ALTER TABLE speakers ADD COLUMN first TEXT;
ALTER TABLE speakers ADD COLUMN last TEXT;
ALTER TABLE quotes ADD COLUMN unit INTEGER REFERENCES quote_units (id);
CREATE TABLE quote_units (
    id INTEGER PRIMARY KEY,
    digest BLOB NOT NULL UNIQUE,
    words TEXT NOT NULL,
    prints INTEGER NOT NULL,
    cluster INTEGER NOT NULL,
    size INTEGER NOT NULL
);
CREATE INDEX quote_units_by_cluster ON quote_units (cluster);
CREATE TABLE quote_prints (
    print INTEGER NOT NULL,
    unit INTEGER NOT NULL,
    PRIMARY KEY (print, unit)
) WITHOUT ROWID;
"""
# version 5: each cluster's totals, kept by triggers as quotes are inserted (and by the clusterer when it
# joins two clusters), so that listing the clusters most widely reported first reads an index. ``speaker`` is
# the one speaker of the cluster's quotes (0: none), or -1 when they have several: those are parted by
# person when read. Counts are negative, so that the widest come first in an index in ascending order (a
# position in it is then one comparison of row values).
_VERSION_5 = (
    """CREATE TABLE clusters (
        id INTEGER PRIMARY KEY,
        speaker INTEGER NOT NULL,
        quotes INTEGER NOT NULL,
        minus_articles INTEGER NOT NULL,
        minus_outlets INTEGER NOT NULL,
        first TEXT NOT NULL,
        first_id INTEGER NOT NULL
    )""",
    "CREATE INDEX clusters_widest ON clusters (minus_articles, minus_outlets, first, first_id, speaker)",
    "CREATE INDEX clusters_shared ON clusters (id) WHERE speaker = -1",
    "CREATE TABLE cluster_outlets (cluster INTEGER NOT NULL, outlet TEXT NOT NULL,"
    " PRIMARY KEY (cluster, outlet)) WITHOUT ROWID",
    "CREATE INDEX quotes_by_unit ON quotes (unit)",
    # a quote counts once more in its cluster; its article once more unless another of its quotes is there
    """CREATE TRIGGER quote_counted AFTER INSERT ON quotes WHEN NEW.unit IS NOT NULL BEGIN
        INSERT INTO clusters (id, speaker, quotes, minus_articles, minus_outlets, first, first_id)
        SELECT cluster, ifnull(NEW.speaker_id, 0), 1, -1, 0, NEW.date_key, NEW.id FROM quote_units
        WHERE id = NEW.unit
        ON CONFLICT (id) DO UPDATE SET
            speaker = CASE WHEN speaker = excluded.speaker THEN speaker ELSE -1 END,
            quotes = quotes + 1,
            minus_articles = minus_articles - NOT EXISTS (
                SELECT 1 FROM quotes q JOIN quote_units u ON u.id = q.unit
                WHERE q.article_id = NEW.article_id AND q.id != NEW.id AND u.cluster = excluded.id),
            first = min(first, excluded.first),
            first_id = min(first_id, excluded.first_id);
        INSERT OR IGNORE INTO cluster_outlets (cluster, outlet)
        SELECT cluster, NEW.outlet_key FROM quote_units WHERE id = NEW.unit AND NEW.outlet_key IS NOT NULL;
    END""",
    # an outlet new to a cluster counts once more (an outlet already there is ignored: no row, no count)
    """CREATE TRIGGER cluster_outlet_counted AFTER INSERT ON cluster_outlets BEGIN
        UPDATE clusters SET minus_outlets = minus_outlets - 1 WHERE id = NEW.cluster;
    END""",
)
# the totals of the clusters {where} (a condition on u.cluster), counted from their quotes
_CLUSTER_TOTALS = """
INSERT INTO clusters (id, speaker, quotes, minus_articles, minus_outlets, first, first_id)
SELECT u.cluster,
       CASE WHEN min(ifnull(q.speaker_id, 0)) = max(ifnull(q.speaker_id, 0)) THEN min(ifnull(q.speaker_id, 0))
            ELSE -1 END,
       count(*), -count(DISTINCT q.article_id), 0, min(q.date_key), min(q.id)
FROM quote_units u JOIN quotes q ON q.unit = u.id WHERE {where} GROUP BY u.cluster
"""
# version 6: the totals of the clusters of a batch's quotes (those with ids above ?1) are added to those
# stored by one statement after the batch is written, instead of by the trigger of version 5 for each quote
# (a third of the cost of inserting a quote). The batch's articles are new to every cluster (an article's
# quotes are written together, and a stored article's quotes are deleted before it is written again), so
# its distinct articles add up; its new outlets are counted by the trigger on cluster_outlets. And an
# outlet's quotes are indexed in the order searches give them: a search of an outlet and dates with a limit
# reads its first quotes, where it sorted every quote of the outlet (in a bank of a million, 38 ms).
_VERSION_6 = (
    "DROP TRIGGER IF EXISTS quote_counted",
    "CREATE INDEX IF NOT EXISTS quotes_by_outlet_in_order"
    " ON quotes (outlet_key, date_key, article_id, position)",
    "DROP INDEX IF EXISTS quotes_by_outlet",
)
# the totals of a batch's clusters (its quotes have ids above ?1), added to those stored
_BATCH_TOTALS = (
    _CLUSTER_TOTALS.format(where="q.id > ?1")
    + """ON CONFLICT (id) DO UPDATE SET
    speaker = CASE WHEN speaker = excluded.speaker THEN speaker ELSE -1 END,
    quotes = quotes + excluded.quotes,
    minus_articles = minus_articles + excluded.minus_articles,
    first = min(first, excluded.first),
    first_id = min(first_id, excluded.first_id)
"""
)
_BATCH_OUTLETS = """
INSERT OR IGNORE INTO cluster_outlets (cluster, outlet)
SELECT DISTINCT u.cluster, q.outlet_key FROM quotes q JOIN quote_units u ON u.id = q.unit
WHERE q.id > ?1 AND q.outlet_key IS NOT NULL
"""
_CLUSTER_OUTLETS = """
INSERT OR IGNORE INTO cluster_outlets (cluster, outlet)
SELECT u.cluster, q.outlet_key FROM quote_units u JOIN quotes q ON q.unit = u.id
WHERE q.outlet_key IS NOT NULL AND {where}
"""
_ORDER = " ORDER BY q.date_key, q.article_id, q.position"
# an article is stored once: by the key of its text, or by its url
_SAME_ARTICLE = "key = ? OR (url IS NOT NULL AND url = ?)"


ClusterGroup = tuple[int | None, int, int, str, int, str]
"""The quotes of one speaker in one cluster: the speaker's id, the number of distinct articles and outlets,
the least date key, the least quote id, and the quote ids joined by commas."""
ClusterKey = tuple[int, int, str, int]
"""Where a quotation comes in the order of :meth:`~quotebank.collection.bank.QuoteBank.clusters`: minus its
number of distinct articles, minus its number of distinct outlets, its least date key and its least quote id
(the widest first)."""


# each speaker's quote count, article count, outlets (a JSON array), and least and greatest
# "<date key> <published>" among the quotes of {quotes} (a table or a subquery of the quotes table), dated
# ones only
_SPEAKER_TOTALS = """
SELECT speaker_id, count(*), count(DISTINCT article_id),
       json_group_array(DISTINCT json_extract(record, '$.outlet')) FILTER (
           WHERE json_extract(record, '$.outlet') IS NOT NULL),
       min(CASE WHEN date_key < ? THEN date_key || ' ' || json_extract(record, '$.published') END),
       max(CASE WHEN date_key < ? THEN date_key || ' ' || json_extract(record, '$.published') END)
FROM {quotes} WHERE speaker_id IS NOT NULL GROUP BY speaker_id
"""
# one more quote of a speaker: ?1 its outlet, ?2 its "<date key> <published>" (NULL undated), ?3 the speaker
_COUNT_QUOTE = """
UPDATE speakers SET
    quotes = quotes + 1,
    outlets = CASE WHEN ?1 IS NULL OR EXISTS (SELECT 1 FROM json_each(outlets) WHERE value = ?1) THEN outlets
                   ELSE json_insert(outlets, '$[#]', ?1) END,
    first = CASE WHEN ?2 IS NULL THEN first WHEN first IS NULL OR ?2 < first THEN ?2 ELSE first END,
    last = CASE WHEN ?2 IS NULL THEN last WHEN last IS NULL OR ?2 > last THEN ?2 ELSE last END
WHERE id = ?3
"""


def article_key(text: str) -> str:
    """The identity of an article's text: the same text always gives the same key."""
    return "sha256:" + hashlib.sha256(text.strip().encode("utf-8", "surrogatepass")).hexdigest()


@attrs.frozen
class StoredArticle:
    """An article and its quotes, ready to store; ``key`` says which article it is (:func:`article_key`)."""

    key: str
    article: Article
    quotes: QuoteList
    known_by_url: bool = True
    """Whether a stored article with the same url is this one (articles read from JSON Lines are known by
    their key only: two quotations of one page may come from two versions of it)."""


def _as_stored(url: str | None) -> str | None:
    """A url to look up as :func:`storable` stored it, without a second warning: a lone surrogate given to
    SQLite raises, and the url stored holds U+FFFD in its place."""
    return url if url is None or url.isascii() else _SURROGATE.sub("\ufffd", url)


@overload
def storable(text: str, where: str) -> str: ...


@overload
def storable(text: None, where: str) -> None: ...


def storable(text: str | None, where: str) -> str | None:
    """``text`` as UTF-8 can hold it: each lone surrogate (half of a character, as scraped text cut in the
    middle of an emoji has) becomes U+FFFD, with a :class:`~quotebank.errors.QuotebankWarning` naming
    ``where``. One character for one keeps every offset into the text right."""
    if text is None or text.isascii():
        return text
    cleaned, replaced = _SURROGATE.subn("\ufffd", text)
    if replaced:
        warnings.warn(
            f"{where!r}: {replaced} lone surrogate(s), which UTF-8 cannot hold, stored as U+FFFD",
            QuotebankWarning,
            stacklevel=2,
        )
    return cleaned


def _speaker_record(speaker: Speaker) -> str:
    return storable(json.dumps(speaker_to_dict(speaker), ensure_ascii=False, sort_keys=True), speaker.name)


@contextlib.contextmanager
def without_cycle_collection() -> Iterator[None]:
    """Python's collector of reference cycles held off while a batch is written or speakers are merged: both
    allocate many short-lived rows, lists and tuples, which set off collections that walk every object of
    the process (the batch's articles and quotes among them): an eighth of the storing in a bank of a
    million quotes, a third of merging its speakers again. Neither makes cycles: reference counting frees
    what they leave, and any cycle would only wait for the next collection."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@attrs.define
class _PendingQuotes:
    """The quotes of a batch prepared for writing, in order: their rows (without the quote id and the unit,
    given when they are written), their folded words, and what they add to their speakers' totals."""

    rows: list[tuple[int, int, int | None, str, str | None, str, str]] = attrs.Factory(list)
    sequences: list[list[str]] = attrs.Factory(list)
    counted: list[tuple[str | None, str | None, int]] = attrs.Factory(list)
    """A row of :data:`_COUNT_QUOTE` for each quote with a speaker."""
    articles: list[tuple[int]] = attrs.Factory(list)
    """Each speaker of each article, once: one more article for them."""

    def clear(self) -> None:
        self.rows, self.sequences, self.counted, self.articles = [], [], [], []


# POSIX advisory locks belong to a process, not to a descriptor: closing any descriptor of a file drops every
# lock the process holds on it, those of SQLite's open connections included, and another process may then
# delete a write-ahead log still in use here (SQLite's "How To Corrupt An SQLite Database File", 2.2). So the
# header is read in Python only while no bank of this process has the file open; one that has, is a bank.
_OPEN_FILES: collections.Counter[str] = collections.Counter()


@attrs.define
class _Conditions:
    """The SQL conditions of a search filter and their parameters; those on dates apart too, as the walk of
    the first quotes in order needs them alone."""

    clauses: list[str]
    parameters: list[Any]
    dates: list[str]
    date_parameters: list[Any]
    indexed: list[str]
    """The filter's words that the full-text index can find."""

    @classmethod
    def of(cls, wanted: QuoteFilter, speaker_ids: Sequence[int] | None) -> _Conditions:
        clauses: list[str] = []
        parameters: list[Any] = []
        dates: list[str] = []
        date_parameters: list[Any] = []
        if speaker_ids is not None:
            clauses.append("q.speaker_id IN (SELECT value FROM json_each(?))")
            parameters.append(json.dumps(list(speaker_ids)))
        if wanted.outlet is not None:
            clauses.append("q.outlet_key = ?")
            parameters.append(wanted.outlet)
        if wanted.since is not None:
            dates.append("q.date_key >= ? AND q.date_key < ?")
            date_parameters += [wanted.since, UNDATED]
        if wanted.until is not None:
            dates.append("q.date_key <= ?")
            date_parameters.append(wanted.until)
        clauses += dates
        parameters += date_parameters
        if wanted.kinds:
            clauses.append("q.kind IN (SELECT value FROM json_each(?))")
            parameters.append(json.dumps(sorted(kind.value for kind in wanted.kinds)))
        indexed = [term for term in wanted.stems if fts_safe(term)]
        return cls(clauses, parameters, dates, date_parameters, indexed)


class Store:
    """One SQLite connection holding a bank's articles and quotes."""

    def __init__(self, connection: _Connection, location: str) -> None:
        self._connection = connection
        self.location = location
        self._open_file: str | None = None
        """The file's real path while this store keeps it open (see _OPEN_FILES)."""
        self._writes = 0
        self._speaker_ids: dict[str, int] = {}
        """Speaker rows committed by this connection: ids never change once committed."""
        self._new_speaker_ids: dict[str, int] = {}
        """Speaker rows of the transaction in progress: kept only if it commits whole."""
        self._records: dict[Speaker, str] = {}
        """The stored record of speakers written lately: the same people are quoted again and again."""
        self._speakers: dict[int, Speaker] = {}
        """Speakers read so far, by id (committed rows never change)."""
        self._speakers_read = 0
        """Every speaker up to this id has been read."""
        self._functions = itertools.count()
        """Numbers for the SQL functions of searches in progress: each search has its own."""
        self.readonly = False
        """Whether writes are refused (opened read-only, or a file this process may not change)."""
        self._article_columns = _ARTICLE_COLUMNS
        self.replacements = 0
        """Articles whose quotes this store replaced (their old quotes are gone: counts made of them are
        wrong)."""
        self.clustered = True
        """Whether the store keeps clusters and speaker totals (false in an older file opened read-only)."""
        self.totalled = True
        """Whether the store keeps each cluster's totals (false in an older file opened read-only)."""
        self._clusterer = _Clusterer(connection)

    @classmethod
    def open(cls, path: str | PathLike[str] | None, *, readonly: bool = False, verify: bool = True) -> Store:
        """The store in the file at ``path`` (created when missing, unless ``readonly``), or a new one in
        memory for ``None``. A file that the system does not let this process change opens read-only.

        A damaged file is refused, unless ``verify`` is false (to :meth:`check` it): SQLite's full check runs
        on files of up to 4 MiB, its quick check of every page on files of up to 32 MiB, the check that the
        tables are there on every file.
        """
        if path is None:
            memory = _connect(":memory:", uri=False)
            _prepare(memory, ":memory:", readonly=False, verify=False)
            return cls(memory, ":memory:")
        location = _file_location(path)
        readonly = readonly or _not_writable(location)
        if readonly and not os.path.isfile(location):
            raise BankFileError(f"{location}: no such bank")
        if not _OPEN_FILES[os.path.realpath(location)]:
            _check_header(location)
        connection = _connect(_read_only_uri(location) if readonly else location, uri=readonly)
        connection.location = location
        try:
            if readonly:
                connection.execute("PRAGMA query_only = ON")
            version = _prepare(connection, location, readonly=readonly, verify=verify)
        except BaseException:
            connection.close()
            raise
        store = cls(connection, location)
        store.readonly = readonly
        if version < _REPORTED_SINCE:
            store._article_columns = _ARTICLE_COLUMNS.replace("reported", "0")
        store.clustered = version >= _CLUSTERED_SINCE
        store.totalled = version >= _TOTALLED_SINCE
        store._open_file = os.path.realpath(location)
        _OPEN_FILES[store._open_file] += 1
        return store

    def close(self) -> None:
        self._connection.close()
        if self._open_file is not None:
            _OPEN_FILES[self._open_file] -= 1
            if not _OPEN_FILES[self._open_file]:
                del _OPEN_FILES[self._open_file]
            self._open_file = None

    @property
    def generation(self) -> tuple[int, int]:
        """Changes whenever this connection or another one commits a write: a key for derived caches."""
        (data_version,) = self._connection.execute("PRAGMA data_version").fetchone()
        return self._writes, data_version

    def quote_count(self) -> int:
        return int(self._connection.execute("SELECT count(*) FROM quotes").fetchone()[0])

    def article_count(self) -> int:
        return int(self._connection.execute("SELECT count(*) FROM articles").fetchone()[0])

    def find_article(self, key: str, url: str | None) -> Article | None:
        """The stored article with this key or this url, if there is one."""
        row = self._connection.execute(
            f"SELECT id, {self._article_columns} FROM articles WHERE {_SAME_ARTICLE} LIMIT 1",
            (key, _as_stored(url)),
        ).fetchone()
        if row is None:
            return None
        return self._read_article(row)

    def provenance(self, key: str, url: str | None) -> tuple[str | None, str | None]:
        """The ``source`` and ``article_id`` of the stored article with this key or url, which only its
        quotes keep (``None`` for an article without quotes)."""
        row = self._connection.execute(
            "SELECT q.record FROM quotes q JOIN articles a ON a.id = q.article_id WHERE"
            " a.key = ? OR (a.url IS NOT NULL AND a.url = ?) ORDER BY a.key = ? DESC, q.position LIMIT 1",
            (key, _as_stored(url), key),
        ).fetchone()
        if row is None:
            return None, None
        with self._decoding():
            record = json.loads(row[0])
        return record.get("source"), record.get("article_id")

    def articles(self) -> Iterator[Article]:
        """Every article, in the order they were added."""
        for row in self._connection.execute(f"SELECT id, {self._article_columns} FROM articles ORDER BY id"):
            yield self._read_article(row)

    def article_at(self, position: int) -> Article:
        """The article added ``position``-th (from 0)."""
        row = self._connection.execute(
            f"SELECT id, {self._article_columns} FROM articles ORDER BY id LIMIT 1 OFFSET ?", (position,)
        ).fetchone()
        if row is None:
            raise IndexError("article index out of range")
        return self._read_article(row)

    def _read_article(self, row: tuple[Any, ...]) -> Article:
        """The article of an ``id, {_ARTICLE_COLUMNS}`` row, with the quotes the bank holds for it."""
        rows = self._connection.execute(
            "SELECT speaker_id, record FROM quotes WHERE article_id = ? ORDER BY position", (row[0],)
        ).fetchall()
        with self._decoding():
            article = _article(row[1:])
            quotes = []
            for speaker_id, record in rows:
                data = json.loads(record)
                data["speaker"] = None if speaker_id is None else self.speaker(speaker_id)
                quotes.append(quote_from_dict(data))
        return attrs.evolve(article, quotes=QuoteList(quotes))

    def article_summaries(self) -> Iterator[tuple[str, int, str | None, date | None, str | None]]:
        """Each article's key, quote count, outlet, publication date and url, in the order they were added."""
        for key, count, outlet, published, url in self._connection.execute(
            "SELECT key, quote_count, outlet, published, url FROM articles ORDER BY id"
        ):
            with self._decoding():
                day = date_from_text(published)
            yield key, int(count), outlet, day, url

    def regroup(self, rows: Iterable[tuple[str, int | None, str]]) -> Iterator[tuple[str, list[str]]]:
        """The ``(group, position, text)`` rows gathered by group, groups in the order of their first row,
        rows by position, then in the order given. The rows wait in a temporary table of SQLite (on disk),
        not in memory: only one group at a time is held."""
        table = f"temp.staged_{next(self._functions)}"
        connection = self._connection
        connection.execute(
            f"CREATE TABLE {table} (line INTEGER PRIMARY KEY, grp TEXT NOT NULL, position INTEGER, "
            "record TEXT NOT NULL)"
        )
        found = None
        try:
            connection.execute("BEGIN")
            try:
                connection.executemany(f"INSERT INTO {table} (grp, position, record) VALUES (?, ?, ?)", rows)
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")
            connection.execute(f"CREATE INDEX {table}_groups ON {table.split('.')[1]} (grp)")
            found = connection.execute(
                f"SELECT s.grp, s.record FROM {table} s"
                f" JOIN (SELECT grp, min(line) AS first FROM {table} GROUP BY grp) g ON g.grp = s.grp"
                " ORDER BY g.first, s.position NULLS LAST, s.line"
            )
            for group, members in itertools.groupby(found, key=operator.itemgetter(0)):
                yield group, [record for _group, record in members]
        finally:
            if found is not None:
                found.close()
            connection.execute(f"DROP TABLE {table}")

    def write(self, batch: Sequence[StoredArticle]) -> int:
        """Store the articles of ``batch`` that are not stored yet (same key or url); how many were new. An
        article stored without its reported speech is stored again, in its place, when it comes back with
        it (``Article.reported``): that counts as new too.

        One transaction for the batch: each article's row is written and its quotes prepared, then the
        quotes of the whole batch are clustered and written together (a statement for each table, not for
        each article). When something fails, the transaction is undone and the whole articles before the one
        that failed are written again, so that they are kept: those prepared before it, or, when writing the
        quotes together failed, each article on its own until the one that fails. (A savepoint per article
        did the same at a tenth of the cost of every write; failures are rare.)
        """
        with without_cycle_collection():
            return self._write(batch)

    def _write(self, batch: Sequence[StoredArticle]) -> int:
        self.check_writable()
        added = done = 0
        connection = self._connection
        connection.execute("BEGIN IMMEDIATE")
        self._new_speaker_ids = {}
        pending = _PendingQuotes()
        together = False
        """Whether the failure came while the quotes of several articles were written together."""
        try:
            for item in batch:
                added += self._insert(item, pending)
                done += 1
            together = True
            self._write_quotes(pending)
        except BaseException:
            # a full disk makes SQLite undo the whole transaction itself: then there is nothing to keep
            undone_here = connection.in_transaction
            if undone_here:
                connection.execute("ROLLBACK")
            self._new_speaker_ids = {}
            if undone_here and together and done > 1:
                for position in range(done):
                    self._write(batch[position : position + 1])
            elif undone_here and done and not together:
                self._write(batch[:done])
            raise
        connection.execute("COMMIT")
        self._writes += 1
        self._speaker_ids.update(self._new_speaker_ids)
        return added

    def _insert(self, item: StoredArticle, pending: _PendingQuotes) -> int:
        """Store one article's row and prepare its quotes in ``pending``: 1 when it was new, or replaced a
        stored one that lacked its reported speech (see :meth:`write`), else 0."""
        article, connection = item.article, self._connection
        url = article.url if item.known_by_url else None
        # the article with the same text first: another with the same url may be an older version of it
        stored = connection.execute(
            f"SELECT id, reported FROM articles WHERE {_SAME_ARTICLE} ORDER BY key = ? DESC LIMIT 1",
            (item.key, url, item.key),
        ).fetchone()
        if stored is not None and (stored[1] or not article.reported):
            return 0
        values = (
            item.key,
            storable(article.url, item.key),
            storable(article.text, item.key),
            storable(article.title, item.key),
            storable(article.dateline, item.key),
            storable(article.outlet, item.key),
            date_to_text(article.published, article.published_precision),
            storable(article.byline, item.key),
            json.dumps([[p.start, p.end, p.kind.value] for p in article.paragraphs]),
            len(item.quotes),
            int(article.reported),
        )
        if stored is None:
            article_id = int(
                connection.execute(
                    f"INSERT INTO articles ({_STORED_COLUMNS}) VALUES ({', '.join('?' * len(values))})",
                    values,
                ).lastrowid
                or 0
            )
        else:
            article_id = int(stored[0])
            # the quotes prepared so far are written first: the counts made again below read them
            self._write_quotes(pending)
            self._drop_quotes(article_id)
            assignments = ", ".join(f"{column} = ?" for column in _STORED_COLUMNS.split(", "))
            connection.execute(f"UPDATE articles SET {assignments} WHERE id = ?", (*values, article_id))
            self.replacements += 1
        speakers = set()
        for position, quote in enumerate(item.quotes):
            sequence = words(quote.text)
            record = {**quote_to_dict(quote), "speaker": None}
            speaker_id = self._speaker_id(quote)
            day = date_key(quote.published)
            pending.rows.append(
                (
                    article_id,
                    position,
                    speaker_id,
                    day,
                    fold_outlet(quote.outlet) if quote.outlet is not None else None,
                    quote.kind.value,
                    storable(_RECORD_ENCODER.encode(record), item.key),
                )
            )
            pending.sequences.append(sequence)
            if speaker_id is not None:
                dated = f"{day} {record['published']}" if day < UNDATED else None
                pending.counted.append((record["outlet"], dated, speaker_id))
                speakers.add(speaker_id)
        pending.articles += [(speaker_id,) for speaker_id in sorted(speakers)]
        return 1

    def _write_quotes(self, pending: _PendingQuotes) -> None:
        """Cluster and write the quotes prepared in ``pending``, with one call for each table, and empty it.
        Quote ids are given here, after the last one stored (the transaction keeps other writers out), so
        that the word index can name them."""
        if not pending.rows:
            return
        connection = self._connection
        (last,) = connection.execute("SELECT ifnull(max(id), 0) FROM quotes").fetchone()
        units = self._clusterer.units(pending.sequences)
        connection.executemany(
            "INSERT INTO quotes (id, article_id, position, speaker_id, date_key, outlet_key, kind, record,"
            " unit) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                (quote_id, *row, unit)
                for quote_id, row, unit in zip(itertools.count(last + 1), pending.rows, units, strict=False)
            ),
        )
        connection.execute(_BATCH_TOTALS, (last,))
        connection.execute(_BATCH_OUTLETS, (last,))
        connection.executemany(
            "INSERT INTO quote_words (rowid, words) VALUES (?, ?)",
            zip(
                itertools.count(last + 1),
                (" ".join(sequence) for sequence in pending.sequences),
                strict=False,
            ),
        )
        connection.executemany(_COUNT_QUOTE, pending.counted)
        connection.executemany("UPDATE speakers SET articles = articles + 1 WHERE id = ?", pending.articles)
        pending.clear()

    def _drop_quotes(self, article_id: int) -> None:
        """Delete an article's quotes and their words (the word index keeps no text: it is told the words
        each quote was indexed with, which its stored text gives again)."""
        connection = self._connection
        rows = connection.execute(
            "SELECT id, record, speaker_id FROM quotes WHERE article_id = ?", (article_id,)
        ).fetchall()
        connection.executemany(
            "INSERT INTO quote_words (quote_words, rowid, words) VALUES ('delete', ?, ?)",
            [(quote_id, " ".join(words(json.loads(record)["text"]))) for quote_id, record, _speaker in rows],
        )
        clusters = self._clusters_of(article_id)
        connection.execute("DELETE FROM quotes WHERE article_id = ?", (article_id,))
        # the speakers and clusters of the quotes dropped are counted again from the quotes they have left
        self._count_again({speaker_id for _id, _record, speaker_id in rows if speaker_id is not None})
        self._count_clusters_again(clusters)

    def update_metadata(self, key: str, url: str | None, changes: dict[str, Any]) -> Article | None:
        """Give the stored article with this key or url, and each of its quotes, the metadata of ``changes``
        (``outlet``, ``published``, ``url``, ``source``, ``id``); the article as it is now, or ``None``
        when none is stored. The quotes' text and words stay: only what they say about their article
        changes."""
        self.check_writable()
        connection = self._connection
        row = connection.execute(
            f"SELECT id, {self._article_columns} FROM articles WHERE {_SAME_ARTICLE} LIMIT 1",
            (key, _as_stored(url)),
        ).fetchone()
        if row is None:
            return None
        article_id, article = row[0], self._read_article(row)
        article = attrs.evolve(
            article, **{name: changes[name] for name in _ARTICLE_FIELDS if name in changes}
        )
        record_changes = {_RECORD_FIELDS.get(name, name): value for name, value in changes.items()}
        if "published" in record_changes:
            precision = record_changes.get("published_precision")
            record_changes["published"] = date_to_text(record_changes["published"], precision)
            record_changes["published_precision"] = None if precision is None else precision.value
        connection.execute("BEGIN IMMEDIATE")
        try:
            connection.execute(
                "UPDATE articles SET url = ?, outlet = ?, published = ? WHERE id = ?",
                (
                    article.url,
                    article.outlet,
                    date_to_text(article.published, article.published_precision),
                    article_id,
                ),
            )
            quotes = connection.execute(
                "SELECT id, record, speaker_id FROM quotes WHERE article_id = ?", (article_id,)
            ).fetchall()
            for quote_id, record, _speaker_id in quotes:
                data = {**json.loads(record), **record_changes}
                outlet = data.get("outlet")
                connection.execute(
                    "UPDATE quotes SET record = ?, date_key = ?, outlet_key = ? WHERE id = ?",
                    (
                        storable(_RECORD_ENCODER.encode(data), key),
                        date_key(date_from_text(data.get("published"))),
                        fold_outlet(outlet) if outlet is not None else None,
                        quote_id,
                    ),
                )
            self._count_again({speaker_id for _id, _record, speaker_id in quotes if speaker_id is not None})
            self._count_clusters_again(self._clusters_of(article_id))
        except BaseException:
            if connection.in_transaction:  # a full disk has SQLite undo the transaction itself
                connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")
        self._writes += 1
        # read back: the quotes' records changed with it
        return self._read_article(
            connection.execute(
                f"SELECT id, {_ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
        )

    def _speaker_id(self, quote: Quote) -> int | None:
        if quote.speaker is None:
            return None
        record = self._records.get(quote.speaker)
        if record is None:
            if len(self._records) >= _RECORDS_KEPT:
                self._records.clear()
            record = self._records[quote.speaker] = _speaker_record(quote.speaker)
        known = self._speaker_ids.get(record) or self._new_speaker_ids.get(record)
        if known is not None:
            return known
        connection = self._connection
        connection.execute("INSERT OR IGNORE INTO speakers (record) VALUES (?)", (record,))
        (speaker_id,) = connection.execute("SELECT id FROM speakers WHERE record = ?", (record,)).fetchone()
        self._new_speaker_ids[record] = int(speaker_id)
        return int(speaker_id)

    def select(
        self, wanted: QuoteFilter, speaker_ids: Sequence[int] | None, *, in_storage_order: bool = False
    ) -> Iterator[tuple[str, Quote]]:
        """Each quote that may pass ``wanted`` (the caller checks it), with its article's key, in order of
        date, then article, then position (or of article and position, ``in_storage_order``).

        The index narrows the search by words, speakers, outlet, dates and kinds; ``speaker_ids`` are the
        speakers wanted (``None``: any). The regular expression is left to the caller.
        """
        for _quote_id, key, quote in self.select_rows(wanted, speaker_ids, in_storage_order=in_storage_order):
            yield key, quote

    def select_rows(
        self, wanted: QuoteFilter, speaker_ids: Sequence[int] | None, *, in_storage_order: bool = False
    ) -> Iterator[tuple[int, str, Quote]]:
        """What :meth:`select` gives, each quote with its id first.

        Words are found with the word index, which reads every quote that has them before the first comes
        out in order: a word in most quotes costs the bank's size. So a search with a ``limit`` first walks
        the first :data:`_WINDOW_QUOTES` quotes in order, testing their words as it goes (a common word finds
        its quotes at once), then asks the word index for the quotes after them only.
        """
        conditions = _Conditions.of(wanted, speaker_ids)
        order = " ORDER BY q.article_id, q.position" if in_storage_order else _ORDER
        with self._pattern_function(wanted) as (clause, timeouts):
            if clause is not None:
                conditions.clauses.append(clause)
            walk = (
                wanted.limit is not None and speaker_ids is None and not in_storage_order and self.clustered
            )
            try:
                for start, where, values in self._queries(conditions, walk=walk):
                    for quote_id, key, speaker_id, record in self._connection.execute(
                        f"{start}{where}{order}", values
                    ):
                        yield quote_id, key, self._quote(speaker_id, record)
            except sqlite3.OperationalError:
                if timeouts:
                    raise timeouts[0] from None
                raise

    @contextlib.contextmanager
    def _pattern_function(self, wanted: QuoteFilter) -> Iterator[tuple[str | None, list[QueryTimeoutError]]]:
        """The SQL condition that tests a quote's text with the filter's regular expression (``None``
        without one), registered as a function for the time of one query, and the time-outs it met."""
        pattern_test = wanted.pattern_test()
        timeouts: list[QueryTimeoutError] = []
        if pattern_test is None:
            yield None, timeouts
            return
        function = f"quote_matches_{next(self._functions)}"

        def matches(text: str) -> bool:
            try:
                return pattern_test(text)
            except QueryTimeoutError as error:
                timeouts.append(error)
                raise

        def record_matches(record: str) -> bool:
            return matches(json.loads(record)["text"])

        # the regular expression runs inside SQLite, so that a quote it rejects is never decoded
        self._connection.create_function(function, 1, matches)
        self._connection.create_function(f"{function}_record", 1, record_matches)
        try:
            # SQLite hands a function text only up to its first NUL: a quote with one (escaped in its JSON
            # record) is decoded whole in Python instead
            yield (
                (
                    f"(CASE WHEN instr(q.record, '\\u0000') THEN {function}_record(q.record)"
                    f" ELSE {function}(json_extract(q.record, '$.text')) END)"
                ),
                timeouts,
            )
        finally:
            self._connection.create_function(function, 1, None)
            self._connection.create_function(f"{function}_record", 1, None)

    def _queries(self, conditions: _Conditions, *, walk: bool) -> list[tuple[str, str, list[Any]]]:
        """The queries of a search, in the order their results come: (select, where, parameters). With
        ``walk`` and words to find, the first :data:`_WINDOW_QUOTES` quotes are walked in order, then the word
        index asked for the quotes after them."""
        select = (
            "SELECT q.id, a.key, q.speaker_id, q.record FROM quotes q JOIN articles a ON a.id = q.article_id"
        )
        clauses, parameters, indexed = conditions.clauses, conditions.parameters, conditions.indexed
        queries: list[tuple[str, list[str], list[Any]]] = []
        boundary = None
        if indexed and walk:
            dates = conditions.dates
            boundary = self._connection.execute(
                "SELECT q.date_key, q.article_id, q.position FROM quotes q"
                + (" WHERE " + " AND ".join(dates) if dates else "")
                + f"{_ORDER} LIMIT 1 OFFSET ?",
                (*conditions.date_parameters, _WINDOW_QUOTES - 1),
            ).fetchone()
            # the folded words of a quote are its unit's: a word begins after a space
            walked = [*clauses, *("instr(' ' || u.words, ?) > 0" for _term in indexed)]
            walked_parameters = [*parameters, *(" " + term for term in indexed)]
            if boundary is not None:
                walked.append("(q.date_key, q.article_id, q.position) <= (?, ?, ?)")
                walked_parameters += list(boundary)
            queries.append((select + " JOIN quote_units u ON u.id = q.unit", walked, walked_parameters))
        if boundary is not None or not queries:
            rest, rest_parameters = clauses, parameters
            if indexed:
                rest = ["q.id IN (SELECT rowid FROM quote_words WHERE quote_words MATCH ?)", *rest]
                rest_parameters = [" AND ".join(f'"{term}"*' for term in indexed), *rest_parameters]
            if boundary is not None:
                rest = [*rest, "(q.date_key, q.article_id, q.position) > (?, ?, ?)"]
                rest_parameters = [*rest_parameters, *boundary]
            queries.append((select, rest, rest_parameters))
        return [
            (start, " WHERE " + " AND ".join(where) if where else "", values)
            for start, where, values in queries
        ]

    def _quote(self, speaker_id: int | None, record: str) -> Quote:
        with self._decoding():
            data = json.loads(record)
            data["speaker"] = None if speaker_id is None else self.speaker(speaker_id)
            return quote_from_dict(data)

    def quotes_with_words(self, quote_ids: Sequence[int]) -> dict[int, tuple[Quote, list[str]]]:
        """The quotes of ``quote_ids``, each with its folded words, by id."""
        found = {}
        for quote_id, speaker_id, record, text in self._connection.execute(
            "SELECT q.id, q.speaker_id, q.record, u.words FROM quotes q JOIN quote_units u ON u.id = q.unit"
            " WHERE q.id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(quote_ids)),),
        ):
            found[quote_id] = (self._quote(speaker_id, record), text.split())
        return found

    def cluster_groups(
        self, quote_ids: Sequence[int] | None, *, shared: bool = False
    ) -> Iterator[list[ClusterGroup]]:
        """The quotes of ``quote_ids`` (``None``: every quote; ``shared``: those of the clusters whose quotes
        have several speakers, which the store marks) grouped by cluster, then by speaker: for each cluster,
        a :data:`ClusterGroup` for each of its speakers. Counted by SQLite, read a page at a time."""
        if shared:
            # from the few marked clusters to their units and quotes (joined the other way round, SQLite
            # may walk every quote)
            source = (
                "quote_units u JOIN quotes q ON q.unit = u.id"
                " WHERE u.cluster IN (SELECT id FROM clusters WHERE speaker = -1)"
            )
        else:
            source = "quotes q JOIN quote_units u ON u.id = q.unit" + (
                "" if quote_ids is None else " WHERE q.id IN (SELECT value FROM json_each(?))"
            )
        rows = self._connection.execute(
            "SELECT u.cluster, q.speaker_id, count(DISTINCT q.article_id), count(DISTINCT q.outlet_key),"
            f" min(q.date_key), min(q.id), group_concat(q.id) FROM {source}"
            " GROUP BY u.cluster, q.speaker_id ORDER BY u.cluster",
            () if quote_ids is None else (json.dumps(list(quote_ids)),),
        )
        cluster: list[ClusterGroup] = []
        current = None
        while page := rows.fetchmany(4096):
            for row in page:
                if row[0] != current:
                    if cluster:
                        yield cluster
                    cluster, current = [], row[0]
                cluster.append(row[1:])
        if cluster:
            yield cluster

    def shared_sources(self) -> dict[int, tuple[int, str | None]]:
        """The article and folded outlet of each quote (by id) of the clusters whose quotes have several
        speakers."""
        return {
            quote_id: (article_id, outlet)
            for quote_id, article_id, outlet in self._connection.execute(
                "SELECT q.id, q.article_id, q.outlet_key FROM quote_units u JOIN quotes q ON q.unit = u.id"
                " WHERE u.cluster IN (SELECT id FROM clusters WHERE speaker = -1)"
            )
        }

    def cluster_count(self) -> int:
        """How many clusters have quotes, of one speaker or of several."""
        return int(self._connection.execute("SELECT count(*) FROM clusters").fetchone()[0])

    def widest_clusters(
        self, after: ClusterKey | None, count: int
    ) -> list[tuple[ClusterKey, int, int | None]]:
        """The next ``count`` clusters, the most widely reported first (see :data:`ClusterKey`), after
        ``after`` (``None``: from the first): each with its key, its name and its speaker's id (``None``:
        no speaker; -1: several). Read from an index of the totals the store keeps: the cost is the clusters
        read, not the quotes."""
        condition = (
            "" if after is None else " WHERE (minus_articles, minus_outlets, first, first_id) > (?, ?, ?, ?)"
        )
        rows = self._connection.execute(
            "SELECT minus_articles, minus_outlets, first, first_id, id, speaker FROM clusters"
            f"{condition} ORDER BY minus_articles, minus_outlets, first, first_id LIMIT ?",
            (*(after or ()), count),
        ).fetchall()
        return [
            ((a, o, first, first_id), cluster, speaker or None)
            for a, o, first, first_id, cluster, speaker in rows
        ]

    def cluster_quote_ids(self, clusters: Sequence[int]) -> dict[int, list[int]]:
        """The ids of the quotes of each of ``clusters``, in the order they were stored."""
        found: dict[int, list[int]] = {cluster: [] for cluster in clusters}
        for cluster, quote_id in self._connection.execute(
            "SELECT u.cluster, q.id FROM quote_units u JOIN quotes q ON q.unit = u.id"
            " WHERE u.cluster IN (SELECT value FROM json_each(?)) ORDER BY q.id",
            (json.dumps(list(clusters)),),
        ):
            found[cluster].append(quote_id)
        return found

    def reach(self, quote_ids: Sequence[int]) -> tuple[int, int]:
        """How many distinct articles and outlets the quotes of ``quote_ids`` come from."""
        articles, outlets = self._connection.execute(
            "SELECT count(DISTINCT article_id), count(DISTINCT outlet_key) FROM quotes"
            " WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(quote_ids)),),
        ).fetchone()
        return int(articles), int(outlets)

    def read_speakers(self) -> None:
        """Read every per-article speaker not read yet, in one query (before looking up many)."""
        for speaker_id, record in self._connection.execute(
            "SELECT id, record FROM speakers WHERE id > ?", (self._speakers_read,)
        ).fetchall():
            self._speakers_read = max(self._speakers_read, speaker_id)
            if speaker_id not in self._speakers:
                with self._decoding():
                    self._speakers[speaker_id] = speaker_from_dict(json.loads(record))

    def speaker(self, speaker_id: int) -> Speaker:
        """The per-article speaker with this id."""
        speaker = self._speakers.get(speaker_id)
        if speaker is None:
            (record,) = self._connection.execute(
                "SELECT record FROM speakers WHERE id = ?", (speaker_id,)
            ).fetchone()
            with self._decoding():
                speaker = self._speakers[speaker_id] = speaker_from_dict(json.loads(record))
        return speaker

    def last_quote_id(self) -> int:
        """The id of the last quote stored (0 for none): quotes are only ever added, with growing ids."""
        (last,) = self._connection.execute("SELECT max(id) FROM quotes").fetchone()
        return int(last or 0)

    def _count_again(self, speaker_ids: set[int]) -> None:
        """Count the quotes of these speakers again (after a correction changed their outlets or dates)."""
        if not speaker_ids or not self.clustered:
            return
        connection = self._connection
        chosen = json.dumps(sorted(speaker_ids))
        connection.execute(
            "UPDATE speakers SET quotes = 0, articles = 0, outlets = '[]', first = NULL, last = NULL"
            " WHERE id IN (SELECT value FROM json_each(?))",
            (chosen,),
        )
        subset = "(SELECT * FROM quotes WHERE speaker_id IN (SELECT value FROM json_each(?)))"
        totals = connection.execute(
            _SPEAKER_TOTALS.format(quotes=subset), (UNDATED, UNDATED, chosen)
        ).fetchall()
        connection.executemany(
            "UPDATE speakers SET quotes = ?, articles = ?, outlets = ?, first = ?, last = ? WHERE id = ?",
            (
                (count, articles, outlets, first, last, speaker_id)
                for speaker_id, count, articles, outlets, first, last in totals
            ),
        )

    def _clusters_of(self, article_id: int) -> list[int]:
        """The clusters of an article's quotes."""
        if not self.totalled:
            return []
        return [
            row[0]
            for row in self._connection.execute(
                "SELECT DISTINCT u.cluster FROM quotes q JOIN quote_units u ON u.id = q.unit"
                " WHERE q.article_id = ?",
                (article_id,),
            )
        ]

    def _count_clusters_again(self, clusters: Sequence[int]) -> None:
        """Count the totals of these clusters again from their quotes (after quotes left them, or their
        outlets or dates changed)."""
        if not clusters:
            return
        connection = self._connection
        chosen = json.dumps(sorted(clusters))
        connection.execute("DELETE FROM clusters WHERE id IN (SELECT value FROM json_each(?))", (chosen,))
        connection.execute(
            "DELETE FROM cluster_outlets WHERE cluster IN (SELECT value FROM json_each(?))", (chosen,)
        )
        where = "u.cluster IN (SELECT value FROM json_each(?))"
        connection.execute(_CLUSTER_TOTALS.format(where=where), (chosen,))
        connection.execute(_CLUSTER_OUTLETS.format(where=where), (chosen,))

    def speaker_usages(self, after: int, upto: int) -> list[tuple[int, SpeakerUsage]]:
        """Each per-article speaker (by its id) with the quote count, outlets and first and last dates of its
        quotes whose ids are above ``after`` and at most ``upto``: what was added since a registry looked."""
        subset = "(SELECT * FROM quotes WHERE id > ? AND id <= ?)"
        rows = self._connection.execute(
            _SPEAKER_TOTALS.format(quotes=subset), (UNDATED, UNDATED, after, upto)
        ).fetchall()
        self.read_speakers()
        return [self._usage(row) for row in rows]

    def speaker_totals(self) -> tuple[int, list[tuple[int, SpeakerUsage]]]:
        """The id of the last quote stored, and each per-article speaker with the totals of its quotes up to
        it, as the store keeps them: what a registry starts from, read in time proportional to the speakers,
        not the quotes. Without totals (an older file opened read-only), counted from the quotes."""
        connection = self._connection
        if not self.clustered:
            last = self.last_quote_id()
            return last, self.speaker_usages(0, last)
        connection.execute("BEGIN")  # one snapshot for both reads
        try:
            last = self.last_quote_id()
            rows = connection.execute(
                "SELECT id, quotes, articles, outlets, first, last FROM speakers WHERE quotes > 0"
            ).fetchall()
        finally:
            connection.execute("COMMIT")
        self.read_speakers()
        return last, [self._usage(row) for row in rows]

    def _usage(self, row: tuple[int, int, int, str, str | None, str | None]) -> tuple[int, SpeakerUsage]:
        """A row of :data:`_SPEAKER_TOTALS` (or of the totals the speakers table keeps) as a usage."""
        speaker_id, count, articles, outlets, first, last = row
        with self._decoding():
            return speaker_id, SpeakerUsage(
                self.speaker(speaker_id),
                int(count),
                frozenset(json.loads(outlets)),
                _date_after_key(first),
                _date_after_key(last),
                int(articles),
            )

    @contextlib.contextmanager
    def _decoding(self) -> Iterator[None]:
        """A stored record that cannot be read back means the file was damaged (quotebank checks what it
        stores): the typed error says so, and nothing more is written into the file."""
        try:
            yield
        except (ValueError, KeyError, TypeError, IndexError, AttributeError) as error:
            self._connection.damaged = True
            raise BankDamagedError(
                f"{self.location}: the file is damaged: a stored record reads as {error!r}"
            ) from None

    def check_writable(self) -> None:
        """Raise the typed error that says why nothing can be written, if something says so."""
        if self.readonly:
            raise BankReadOnlyError(f"{self.location}: the bank is open read-only; nothing was written")
        if self._connection.damaged:
            raise BankDamagedError(
                f"{self.location}: the file is damaged; nothing more is written into it "
                "(`quotebank check` lists the damage)"
            )

    def check(self) -> tuple[str, ...]:
        """What :meth:`problems` finds, or the damage that kept it from finishing; any problem marks the
        file as damaged, so that nothing more is written into it."""
        try:
            found = tuple(self.problems())
        except BankDamagedError as error:
            found = (str(error),)
        if found:
            self._connection.damaged = True
        return found

    def problems(self) -> list[str]:
        """What is wrong with the stored data (nothing, normally): SQLite's own check, and articles whose
        quotes are not all there."""
        connection = self._connection
        found = [row[0] for row in connection.execute("PRAGMA integrity_check") if row[0] != "ok"]
        for article_id, expected, stored in connection.execute(
            "SELECT a.id, a.quote_count, count(q.id) FROM articles a"
            " LEFT JOIN quotes q ON q.article_id = a.id GROUP BY a.id HAVING count(q.id) != a.quote_count"
        ):
            found.append(f"article {article_id}: {stored} of its {expected} quotes stored")
        orphans = connection.execute(
            "SELECT count(*) FROM quotes WHERE article_id NOT IN (SELECT id FROM articles)"
        ).fetchone()[0]
        if orphans:
            found.append(f"{orphans} quotes without an article")
        indexed = connection.execute("SELECT count(*) FROM quote_words").fetchone()[0]
        if indexed != self.quote_count():
            found.append(f"{indexed} quotes in the word index, {self.quote_count()} stored")
        if self.clustered:
            unclustered = connection.execute(
                "SELECT count(*) FROM quotes WHERE unit IS NULL OR unit NOT IN (SELECT id FROM quote_units)"
            ).fetchone()[0]
            if unclustered:
                found.append(f"{unclustered} quotes without a cluster")
        return found


_ARTICLE_COLUMNS = "key, url, text, title, dateline, outlet, published, byline, paragraphs, reported"
_STORED_COLUMNS = (
    "key, url, text, title, dateline, outlet, published, byline, paragraphs, quote_count, reported"
)
# the metadata that update_metadata changes: the Article fields with a column, and the quote record's names
_ARTICLE_FIELDS = ("outlet", "published", "url", "published_precision", "published_ambiguous")
_RECORD_FIELDS = {"id": "article_id"}


def _article(row: tuple[Any, ...]) -> Article:
    _key, url, text, title, dateline, outlet, published, byline, paragraphs, reported = row
    return Article(
        text=text,
        paragraphs=tuple(
            Paragraph(index, start, end, text[start:end], ParagraphKind(kind))
            for index, (start, end, kind) in enumerate(json.loads(paragraphs))
        ),
        title=title,
        dateline=dateline,
        outlet=outlet,
        published=date_from_text(published),
        url=url,
        byline=byline,
        reported=bool(reported),
        published_precision=precision_from_text(published),
    )


def _date_after_key(value: str | None) -> date | None:
    # "<date key> <published>": the key made the minimum or maximum, the published text is the date itself
    return None if value is None else date_from_text(value.split(" ", 1)[1])


def _header(connection: sqlite3.Connection) -> tuple[int, int, int]:
    (application_id,) = connection.execute("PRAGMA application_id").fetchone()
    (version,) = connection.execute("PRAGMA user_version").fetchone()
    (objects,) = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return int(application_id), int(version), int(objects)


def _file_location(path: str | PathLike[str]) -> str:
    """``path`` as the name of a bank file; a clear error for names SQLite would not read as a file."""
    location = str(path)
    # SQLite reads both as "a private database that vanishes when closed": everything stored would be lost
    if location in ("", ":memory:"):
        raise BankFileError(
            f"{location!r} is not a file name: a bank in memory is QuoteBank(), a bank in a file needs "
            "the file's path"
        )
    if "\0" in location:
        raise BankFileError(f"{location!r}: a file name cannot hold a NUL character")
    try:
        os.fsencode(location)
    except UnicodeEncodeError:
        # a lone surrogate: the system cannot name such a file
        raise BankFileError(
            f"{location!r}: the file name holds characters the system cannot encode"
        ) from None
    return location


def _not_writable(location: str) -> bool:
    """Whether the system would refuse a write to an existing bank file, or to its folder (where SQLite keeps
    the files of its write-ahead log)."""
    folder = os.path.dirname(os.path.abspath(location))
    if os.path.exists(location):
        return not os.access(location, os.W_OK) or not os.access(folder, os.W_OK)
    return False


def _read_only_uri(location: str) -> str:
    uri = pathlib.Path(location).absolute().as_uri() + "?mode=ro"
    # a bank in write-ahead-log mode needs a shared-memory file beside it; in a folder no one may write to,
    # no other process can be writing the bank either, so it is read as a file that does not change
    if not os.access(os.path.dirname(os.path.abspath(location)), os.W_OK):
        uri += "&immutable=1"
    return uri


def _check_header(location: str) -> None:
    """Refuse a file that is certainly not a quotebank store before SQLite opens it: opening may change a
    file (roll back another program's journal), and the checks after opening come too late for that."""
    try:
        with open(location, "rb") as stream:
            header = stream.read(_HEADER_BYTES)
    except FileNotFoundError:
        return
    except OSError as error:
        raise BankFileError(f"{location}: cannot open: {error.strerror or error}") from None
    if not header:
        return  # a new, empty file: it becomes a bank
    if len(header) < _HEADER_BYTES or not header.startswith(_SQLITE_MAGIC):
        raise SchemaVersionError(f"{location}: not a quotebank database (not a SQLite file)")
    application_id = int.from_bytes(header[68:72], "big")
    # 0: a SQLite file no program has claimed yet (or a bank whose creation has not reached the file)
    if application_id not in (0, _APPLICATION_ID):
        raise SchemaVersionError(f"{location}: not a quotebank database (another program's SQLite file)")


def _prepare(connection: _Connection, location: str, *, readonly: bool, verify: bool) -> int:
    """Check that the database is a quotebank store this version can read, with nothing written before the
    check; create the schema in a new one, bring an older one up to this version when it may be written.
    The schema version the file now has."""
    application_id, version, objects = _header(connection)
    if (application_id, version, objects) == (0, 0, 0) and not readonly:
        # write-ahead logging is a lasting property of the file: switch only a new file, once, before its
        # schema, so that processes opening a bank together do not all try to switch it
        (journal,) = connection.execute("PRAGMA journal_mode").fetchone()
        if journal not in ("wal", "memory"):
            connection.execute("PRAGMA journal_mode = WAL")
        application_id, version, objects = _create_schema(connection)
    if application_id != _APPLICATION_ID:
        raise SchemaVersionError(f"{location}: not a quotebank database")
    if version > SCHEMA_VERSION:
        raise SchemaVersionError(
            f"{location}: written by a newer quotebank (schema version {version}; this version reads "
            f"{SCHEMA_VERSION}): upgrade quotebank to open it"
        )
    if version < _TOTALLED_SINCE and readonly:
        # an older bank reads as it is: what it lacks (its speakers' gender evidence, whether its articles'
        # reported speech was read) reads as unknown (a bank of version 5 lacks nothing to be read)
        warnings.warn(
            f"{location}: written by an older quotebank (schema version {version}): its speakers' genders "
            "read as unknown until it is opened once without readonly, which upgrades it",
            QuotebankWarning,
            stacklevel=4,
        )
    if version not in _UPGRADES and version != SCHEMA_VERSION:
        raise SchemaVersionError(f"{location}: unknown schema version {version}")
    if verify:
        _check_on_open(connection, location, version)
    if version in _UPGRADES and not readonly:
        version = _upgrade(connection)
    if not readonly:
        connection.execute("PRAGMA synchronous = NORMAL")
    connection.execute(f"PRAGMA cache_size = -{_CACHE_BYTES // 1024}")
    connection.execute("PRAGMA foreign_keys = ON")
    return int(version)


def _reported_column(connection: _Connection) -> None:
    """Version 1 to 2: articles say whether their reported speech was extracted (none was, before)."""
    connection.execute("ALTER TABLE articles ADD COLUMN reported INTEGER NOT NULL DEFAULT 0")


def _speaker_genders(connection: _Connection) -> None:
    """Version 2 to 3: each person's gender evidence, from what the bank stored of them (their role, their
    given name, the pronouns that name them next to their quotes)."""
    rows = connection.execute(
        """
        SELECT s.id, s.record, json_group_array(json_extract(q.record, '$.mention.text'))
        FROM speakers s LEFT JOIN quotes q ON q.speaker_id = s.id GROUP BY s.id
        """
    ).fetchall()
    for speaker_id, record, mentions in rows:
        data = json.loads(record)
        speaker = speaker_from_dict(data)
        pronouns = [mention for mention in json.loads(mentions) if isinstance(mention, str)]
        # banks of those versions were written in English, the only language quotebank read then
        evidence = stored_speaker_evidence(language("en"), speaker, pronouns)
        upgraded = json.dumps(
            speaker_to_dict(attrs.evolve(speaker, gender_evidence=evidence)),
            ensure_ascii=False,
            sort_keys=True,
        )
        connection.execute("UPDATE speakers SET record = ? WHERE id = ?", (upgraded, speaker_id))


def _clusters_and_totals(connection: _Connection) -> None:
    """Version 3 to 4: the clustering tables and the speakers' totals, filled from the quotes."""
    for statement in _VERSION_4.split(";"):
        if statement.strip() and not _done(connection, statement):
            connection.execute(statement)
    for speaker_id, count, articles, outlets, first, last in connection.execute(
        _SPEAKER_TOTALS.format(quotes="quotes"), (UNDATED, UNDATED)
    ).fetchall():
        connection.execute(
            "UPDATE speakers SET quotes = ?, articles = ?, outlets = ?, first = ?, last = ? WHERE id = ?",
            (count, articles, outlets, first, last, speaker_id),
        )
    # the clusters' totals come in the next version
    clusterer = _Clusterer(connection, totals=False)
    rows = connection.execute("SELECT id, json_extract(record, '$.text') FROM quotes").fetchall()
    connection.executemany(
        "UPDATE quotes SET unit = ? WHERE id = ?",
        ((clusterer.unit(words(text)), quote_id) for quote_id, text in rows),
    )


def _cluster_totals(connection: _Connection) -> None:
    """Version 4 to 5: each cluster's totals, counted from its quotes."""
    for statement in _VERSION_5:
        if not _done(connection, statement):
            connection.execute(statement)
    # a file may have been given a lower version than its tables have: what they hold is counted again
    connection.execute("DELETE FROM clusters")
    connection.execute("DELETE FROM cluster_outlets")
    connection.execute(_CLUSTER_TOTALS.format(where="1"))
    connection.execute(_CLUSTER_OUTLETS.format(where="1"))


def _totals_by_batch(connection: _Connection) -> None:
    """Version 5 to 6: the clusters' totals are counted for each batch written, not by a trigger; an outlet's
    quotes are indexed in order of date."""
    for statement in _VERSION_6:
        connection.execute(statement)


_UPGRADES = {
    1: _reported_column,
    2: _speaker_genders,
    3: _clusters_and_totals,
    4: _cluster_totals,
    5: _totals_by_batch,
}
"""What turns a bank of each older version into one of the next."""


def _upgrade(connection: _Connection) -> int:
    """Bring a bank of an older version up to :data:`SCHEMA_VERSION`, in one transaction; the version."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        # another process may have upgraded it since the first look
        (version,) = connection.execute("PRAGMA user_version").fetchone()
        while version in _UPGRADES:
            _UPGRADES[version](connection)
            version += 1
        connection.execute(f"PRAGMA user_version = {version}")
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    return int(version)


def _create_schema(connection: _Connection) -> tuple[int, int, int]:
    connection.execute("BEGIN IMMEDIATE")
    try:
        # another process may have created it since the first look
        application_id, version, objects = _header(connection)
        if (application_id, version, objects) == (0, 0, 0):
            for statement in [*(_SCHEMA + _VERSION_4).split(";"), *_VERSION_5, *_VERSION_6]:
                if statement.strip():
                    connection.execute(statement)
            connection.execute(f"PRAGMA application_id = {_APPLICATION_ID}")
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            application_id, version = _APPLICATION_ID, SCHEMA_VERSION
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
    return application_id, version, objects


def _done(connection: _Connection, statement: str) -> bool:
    """Whether the table, index or column that a statement of the schema adds is there already (a file
    may have been given a lower version number than its tables have)."""
    parts = statement.split()
    if parts[0] == "ALTER":  # ALTER TABLE <table> ADD COLUMN <column> ...
        columns = {row[1] for row in connection.execute(f"PRAGMA table_info({parts[2]})")}
        return parts[5] in columns
    name = parts[2] if parts[1] in ("TABLE", "INDEX", "TRIGGER") else parts[3]
    return connection.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone() is not None


class _Clusterer:
    """Clusters the distinct word sequences of a store as they are written (see
    :mod:`quotebank.collection.clusters`).

    A unit is a distinct sequence of folded words; a cluster is named by its first unit, which keeps the
    cluster's size. A new unit looks up the units that share its fingerprints (leaving out fingerprints that
    very many units share), compares the few that share most with it, in time linear in their length, and
    joins the clusters of those that are the same quotation, relabelling the smaller one. So a write costs
    the quote's words and a bounded number of comparisons, not the size of the bank.
    """

    def __init__(self, connection: _Connection, *, totals: bool = True) -> None:
        self._connection = connection
        self._totals = totals
        """Whether the store keeps each cluster's totals (not yet, in the middle of an upgrade)."""

    def unit(self, sequence: Sequence[str]) -> int:
        """The unit of ``sequence``: the stored one, or a new one, clustered."""
        return self.units([sequence])[0]

    def units(self, sequences: Sequence[Sequence[str]]) -> list[int]:
        """The unit of each of ``sequences``, in order: the stored one, or a new one, clustered exactly as
        if they came one by one, with a few statements for the whole batch instead of several for each new
        unit (a statement cost more than the work it asked for).

        Which stored units a new one is compared with depends only on the fingerprints of the units before
        it, not on which clusters were joined: so the candidates of every new unit are found first (the
        postings read once, and kept up to date here as each new unit adds its own), the new units and
        their fingerprints written, and the candidates read, all at once; then each new unit, in order, is
        compared with its candidates and their clusters joined."""
        connection = self._connection
        texts = [" ".join(sequence) for sequence in sequences]
        digests = [
            hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest() for text in texts
        ]
        known = self._stored_units(digests)
        prints = {
            digest: fingerprints(sequence)
            for sequence, digest in zip(sequences, digests, strict=True)
            if digest not in known
        }
        postings = self._postings(frozenset().union(*prints.values()))
        (last,) = connection.execute("SELECT ifnull(max(id), 0) FROM quote_units").fetchone()
        # a new unit is a cluster of its own, named by its id, until it joins others
        new_units: list[tuple[int, bytes, str, int, int]] = []
        indexed: list[tuple[int, int]] = []
        compared: list[tuple[int, Sequence[str], frozenset[int], list[tuple[int, int]]]] = []
        found = []
        for sequence, text, digest in zip(sequences, texts, digests, strict=True):
            unit = known.get(digest)
            if unit is None:
                mine = prints[digest]
                unit = known[digest] = last + len(new_units) + 1
                new_units.append((unit, digest, text, len(mine), unit))
                if mine:
                    candidates = self._candidates(unit, mine, postings, indexed)
                    if candidates:
                        compared.append((unit, sequence, mine, candidates))
            found.append(unit)
        connection.executemany(
            "INSERT INTO quote_units (id, digest, words, prints, cluster, size) VALUES (?, ?, ?, ?, ?, 1)",
            new_units,
        )
        connection.executemany("INSERT INTO quote_prints (print, unit) VALUES (?, ?)", indexed)
        if compared:
            self._join_similar(compared)
        return found

    def _stored_units(self, digests: Sequence[bytes]) -> dict[bytes, int]:
        """The stored unit of each of ``digests`` that has one."""
        distinct = sorted(set(digests))
        known: dict[bytes, int] = {}
        for start in range(0, len(distinct), _LOOKUP_CHUNK):
            chunk = distinct[start : start + _LOOKUP_CHUNK]
            known.update(
                self._connection.execute(
                    f"SELECT digest, id FROM quote_units WHERE digest IN ({', '.join('?' * len(chunk))})",
                    chunk,
                ).fetchall()
            )
        return known

    def _postings(self, prints: frozenset[int]) -> dict[int, list[int]]:
        """The stored units of each fingerprint of ``prints``, in the order they were stored."""
        postings: dict[int, list[int]] = {value: [] for value in prints}
        if prints:
            # fetched at once: the rows are many, and each fetched alone costs a call in Python
            for value, other in self._connection.execute(
                "SELECT print, unit FROM quote_prints WHERE print IN (SELECT value FROM json_each(?))",
                (json.dumps(sorted(prints)),),
            ).fetchall():
                postings[value].append(other)
            for units in postings.values():
                units.sort()  # the order of the index, whatever plan SQLite chose
        return postings

    @staticmethod
    def _candidates(
        unit: int, prints: frozenset[int], postings: dict[int, list[int]], indexed: list[tuple[int, int]]
    ) -> list[tuple[int, int]]:
        """The units before the new ``unit`` that share most of its fingerprints, each with how many; its
        fingerprints are indexed (added to ``postings`` and to the rows of ``indexed``)."""
        # a fingerprint of very many units is not indexed further: each posting holds at most one too many
        rare = [value for value in prints if len(postings[value]) <= _MAX_PRINT_UNITS]
        shared = collections.Counter(other for value in rare for other in postings[value])
        for value in rare:
            postings[value].append(unit)
            indexed.append((value, unit))
        return shared.most_common(_MAX_CANDIDATE_UNITS)

    def _join_similar(
        self, compared: list[tuple[int, Sequence[str], frozenset[int], list[tuple[int, int]]]]
    ) -> None:
        """Join the clusters of the new units of ``compared`` (each with its words, fingerprints and
        candidates, in the order they were stored) with those of their candidates that are the same
        quotation. The candidates are read at once; the clusters they were in then are followed through the
        joins made since (a joined cluster's name is never used again)."""
        wanted = sorted(
            {other for _unit, _sequence, _prints, candidates in compared for other, _n in candidates}
        )
        stored: dict[int, tuple[int, str, int]] = {}
        for start in range(0, len(wanted), _CANDIDATES_READ):
            for other, cluster, text, count in self._connection.execute(
                "SELECT id, cluster, words, prints FROM quote_units"
                " WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps(wanted[start : start + _CANDIDATES_READ]),),
            ).fetchall():
                stored[other] = (cluster, text, count)
        renamed: dict[int, int] = {}

        def current(cluster: int) -> int:
            while cluster in renamed:
                cluster = renamed[cluster]
            return cluster

        for unit, sequence, prints, candidates in compared:
            mine, joined = unit, {unit}
            for other, count in candidates:
                first_cluster, text, other_prints = stored[other]
                cluster = current(first_cluster)
                if cluster in joined or count < _MIN_SHARED_PRINTS * min(other_prints, len(prints)):
                    continue
                if similar(sequence, text.split(" ")):
                    keep = self._join(mine, cluster)
                    renamed.update((name, keep) for name in (mine, cluster) if name != keep)
                    mine = keep
                    joined.add(cluster)

    def _join(self, a: int, b: int) -> int:
        """Join clusters ``a`` and ``b``; the name of the joined cluster."""
        connection = self._connection
        sizes = dict(
            connection.execute("SELECT id, size FROM quote_units WHERE id IN (?, ?)", (a, b)).fetchall()
        )
        keep, drop = (a, b) if sizes[a] >= sizes[b] else (b, a)
        if self._totals:
            self._join_totals(keep, drop)
        connection.execute("UPDATE quote_units SET cluster = ? WHERE cluster = ?", (keep, drop))
        connection.execute("UPDATE quote_units SET size = ? WHERE id = ?", (sizes[a] + sizes[b], keep))
        return keep

    def _join_totals(self, keep: int, drop: int) -> None:
        """Add the totals of cluster ``drop`` to those of ``keep``, before its units join ``keep``: the
        articles both have count once, and so do the outlets. This reads the quotes of ``drop``, the cluster
        with fewer units: a unit is read again only when its cluster at least doubles, so the work of every
        join together grows as n log n, not as the square of a cluster."""
        connection = self._connection
        totals = {
            row[0]: row[1:]
            for row in connection.execute(
                "SELECT id, speaker, quotes, minus_articles, first, first_id FROM clusters"
                " WHERE id IN (?, ?)",
                (keep, drop),
            ).fetchall()
        }
        if drop not in totals:
            return  # no quotes yet (a unit being written)
        if keep not in totals:
            # its outlets are counted again as they join below
            connection.execute("UPDATE clusters SET id = ?, minus_outlets = 0 WHERE id = ?", (keep, drop))
        else:
            speaker, quotes, minus_articles, first, first_id = totals[drop]
            (shared,) = connection.execute(
                "SELECT count(DISTINCT q.article_id) FROM quote_units u JOIN quotes q ON q.unit = u.id"
                " WHERE u.cluster = ?1 AND EXISTS (SELECT 1 FROM quotes o"
                " JOIN quote_units ou ON ou.id = o.unit"
                " WHERE o.article_id = q.article_id AND ou.cluster = ?2)",
                (drop, keep),
            ).fetchone()
            connection.execute(
                "UPDATE clusters SET speaker = CASE WHEN speaker = ? THEN speaker ELSE -1 END,"
                " quotes = quotes + ?, minus_articles = minus_articles + ? + ?, first = min(first, ?),"
                " first_id = min(first_id, ?) WHERE id = ?",
                (speaker, quotes, minus_articles, shared, first, first_id, keep),
            )
            connection.execute("DELETE FROM clusters WHERE id = ?", (drop,))
        connection.execute(
            "INSERT OR IGNORE INTO cluster_outlets (cluster, outlet)"
            " SELECT ?, outlet FROM cluster_outlets WHERE cluster = ?",
            (keep, drop),
        )
        connection.execute("DELETE FROM cluster_outlets WHERE cluster = ?", (drop,))


def _chunks(ids: Sequence[int] | None, size: int = 10_000) -> Iterator[list[int] | None]:
    """``ids`` in lists of at most ``size`` (one ``None`` for ``None``: every row)."""
    if ids is None:
        yield None
        return
    for start in range(0, len(ids), size):
        yield list(ids[start : start + size])


def _check_on_open(connection: _Connection, location: str, version: int) -> None:
    """The cheap part of :meth:`Store.problems`: the tables are there and, in a file small enough to read
    quickly, SQLite's check of every page finds nothing. A larger file is checked by ``check``."""
    names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    missing = _TABLES | (_CLUSTER_TABLES if version >= _CLUSTERED_SINCE else frozenset())
    missing = (missing | (_TOTAL_TABLES if version >= _TOTALLED_SINCE else frozenset())) - names
    if missing:
        raise BankDamagedError(f"{location}: the file is damaged: tables {sorted(missing)} are missing")
    size = os.path.getsize(location)
    if size > _QUICK_CHECK_BYTES:
        return
    # the full check also compares every index with its table: damage the quick check cannot see
    check = "integrity_check" if size <= _FULL_CHECK_BYTES else "quick_check"
    found = [row[0] for row in connection.execute(f"PRAGMA {check}(5)") if row[0] != "ok"]
    if found:
        connection.damaged = True
        first = " ".join(found[0].replace("*** in database main ***", "").split())
        raise BankDamagedError(
            f"{location}: the file is damaged ({first}); `quotebank check` lists what is wrong"
        )


class _Connection(sqlite3.Connection):
    """A connection whose SQLite errors come out as :mod:`quotebank.errors` that say what happened."""

    location = ":memory:"
    damaged = False
    """Set once SQLite has reported damage: nothing more is written into the file."""

    def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:
        return self.cursor(_Cursor).execute(sql, parameters)

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> sqlite3.Cursor:
        return self.cursor(_Cursor).executemany(sql, parameters)


class _Cursor(sqlite3.Cursor):
    # each call catches SQLite's errors itself: a context manager per call cost a tenth of a write
    connection: _Connection

    def execute(self, sql: str, parameters: Any = (), /) -> _Cursor:
        try:
            super().execute(sql, parameters)
        except sqlite3.Error as error:
            raise _typed(self.connection, error) from None
        return self

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> _Cursor:
        try:
            super().executemany(sql, parameters)
        except sqlite3.Error as error:
            raise _typed(self.connection, error) from None
        return self

    def fetchone(self) -> Any:
        try:
            return super().fetchone()
        except sqlite3.Error as error:
            raise _typed(self.connection, error) from None

    def fetchall(self) -> list[Any]:
        try:
            return super().fetchall()
        except sqlite3.Error as error:
            raise _typed(self.connection, error) from None

    def fetchmany(self, size: int | None = 1) -> list[Any]:
        try:
            return super().fetchmany(size)
        except sqlite3.Error as error:
            raise _typed(self.connection, error) from None

    def __next__(self) -> Any:
        try:
            return super().__next__()
        except sqlite3.Error as error:
            raise _typed(self.connection, error) from None


def _connect(target: str, *, uri: bool) -> _Connection:
    try:
        connection = sqlite3.connect(
            target, timeout=_BUSY_TIMEOUT_SECONDS, isolation_level=None, uri=uri, factory=_Connection
        )
    except sqlite3.Error as error:
        raise BankFileError(f"{target}: cannot open: {error}") from None
    assert isinstance(connection, _Connection)
    return connection


def _typed(connection: _Connection, error: sqlite3.Error) -> Exception:
    """SQLite's ``error`` as a typed error naming the bank file (the error itself for those a search handles);
    a damaged file is marked so."""
    message = str(error)
    if message in _PASSED_ON:
        return error
    location = connection.location
    lowered = message.lower()
    if any(sign in lowered for sign in _DAMAGE):
        connection.damaged = True
        return BankDamagedError(
            f"{location}: the file is damaged ({message}); copy out what can be read and restore the "
            "bank from a backup (`quotebank check` lists the damage)"
        )
    if "full" in lowered:
        return BankFullError(f"{location}: the disk is full ({message}); the write was undone")
    if "readonly" in lowered or "read-only" in lowered:
        return BankReadOnlyError(
            f"{location}: the file cannot be changed ({message}); open it with readonly=True to read it"
        )
    if "closed" in lowered:
        return BankFileError(f"{location}: the bank is closed")
    return BankFileError(f"{location}: {message}")
