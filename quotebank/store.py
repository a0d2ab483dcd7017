"""Where a :class:`~quotebank.bank.QuoteBank` keeps its articles and quotes: SQLite, in memory or in a file.

One schema serves both, so that a bank in memory and a bank on disk behave the same. Quotes are stored as
their JSON record (:func:`~quotebank.export.quote_to_dict`) without the speaker, who has a row of their
own, with the columns search filters on beside it, and their folded words in an FTS5 index. Every query is
parameterised; the only full-text queries are built here from folded words (see :mod:`quotebank.filters`),
never from what a user typed.

Writes are transactions: a batch of articles commits together, each article inside a savepoint, so that an
error or a killed process leaves whole articles only. File stores use write-ahead logging, so readers in
other processes go on reading while one process writes.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import sqlite3
from collections.abc import Iterator, Sequence
from datetime import date
from os import PathLike
from typing import Any

import attrs

from quotebank.errors import BankFileError, QueryTimeoutError, SchemaVersionError
from quotebank.export import (
    date_from_text,
    date_to_text,
    quote_from_dict,
    quote_to_dict,
    speaker_from_dict,
    speaker_to_dict,
)
from quotebank.filters import UNDATED, QuoteFilter, date_key, fold_outlet, fts_safe, words
from quotebank.model import Article, Paragraph, ParagraphKind, Quote, QuoteList, Speaker
from quotebank.people import SpeakerUsage

__all__ = ["SCHEMA_VERSION", "Store", "StoredArticle", "article_key"]

SCHEMA_VERSION = 1
# "QBNK": marks a SQLite file as a quotebank store (SQLite keeps it in the file header)
_APPLICATION_ID = 0x51424E4B
_BUSY_TIMEOUT_SECONDS = 30.0

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
    quote_count INTEGER NOT NULL
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
_ORDER = " ORDER BY q.date_key, q.article_id, q.position"
# an article is stored once: by the key of its text, or by its url
_SAME_ARTICLE = "key = ? OR (url IS NOT NULL AND url = ?)"


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


def _speaker_record(quote: Quote) -> str | None:
    if quote.speaker is None:
        return None
    return json.dumps(speaker_to_dict(quote.speaker), ensure_ascii=False, sort_keys=True)


class Store:
    """One SQLite connection holding a bank's articles and quotes."""

    def __init__(self, connection: sqlite3.Connection, location: str) -> None:
        self._connection = connection
        self.location = location
        self._writes = 0
        self._speaker_ids: dict[str, int] = {}
        """Speaker rows committed by this connection: ids never change once committed."""
        self._new_speaker_ids: dict[str, int] = {}
        """Speaker rows of the transaction in progress: kept only if it commits whole."""
        self._speakers: dict[int, Speaker] = {}
        """Speakers read so far, by id (committed rows never change)."""
        self._functions = itertools.count()
        """Numbers for the SQL functions of searches in progress: each search has its own."""

    @classmethod
    def open(cls, path: str | PathLike[str] | None) -> Store:
        """The store in the file at ``path`` (created when missing), or a new one in memory for ``None``."""
        location = ":memory:" if path is None else str(path)
        try:
            connection = sqlite3.connect(location, timeout=_BUSY_TIMEOUT_SECONDS, isolation_level=None)
        except sqlite3.Error as error:
            raise BankFileError(f"{location}: cannot open: {error}") from None
        try:
            _prepare(connection, location)
        except BaseException:
            connection.close()
            raise
        return cls(connection, location)

    def close(self) -> None:
        self._connection.close()

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
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE {_SAME_ARTICLE} LIMIT 1",
            (key, url),
        ).fetchone()
        return None if row is None else _article(row)

    def articles(self) -> Iterator[Article]:
        """Every article, in the order they were added."""
        for row in self._connection.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles ORDER BY id"):
            yield _article(row)

    def article_at(self, position: int) -> Article:
        """The article added ``position``-th (from 0)."""
        row = self._connection.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles ORDER BY id LIMIT 1 OFFSET ?", (position,)
        ).fetchone()
        if row is None:
            raise IndexError("article index out of range")
        return _article(row)

    def write(self, batch: Sequence[StoredArticle]) -> int:
        """Store the articles of ``batch`` that are not stored yet (same key or url); how many were new.

        One transaction for the batch, one savepoint per article: when something fails in the middle of an
        article, that article is undone and the whole articles before it are kept.
        """
        added = 0
        connection = self._connection
        connection.execute("BEGIN IMMEDIATE")
        self._new_speaker_ids = {}
        try:
            for item in batch:
                connection.execute("SAVEPOINT article")
                try:
                    added += self._insert(item)
                except BaseException:
                    connection.execute("ROLLBACK TO article")
                    raise
                finally:
                    connection.execute("RELEASE article")
        except BaseException:
            if connection.in_transaction:
                connection.execute("COMMIT")
                self._writes += 1
            raise
        connection.execute("COMMIT")
        self._writes += 1
        self._speaker_ids.update(self._new_speaker_ids)
        return added

    def _insert(self, item: StoredArticle) -> int:
        article, connection = item.article, self._connection
        url = article.url if item.known_by_url else None
        if connection.execute(f"SELECT 1 FROM articles WHERE {_SAME_ARTICLE}", (item.key, url)).fetchone():
            return 0
        article_id = connection.execute(
            "INSERT INTO articles (key, url, text, title, dateline, outlet, published, byline, paragraphs,"
            " quote_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                item.key,
                article.url,
                article.text,
                article.title,
                article.dateline,
                article.outlet,
                date_to_text(article.published),
                article.byline,
                json.dumps([[p.start, p.end, p.kind.value] for p in article.paragraphs]),
                len(item.quotes),
            ),
        ).lastrowid
        for position, quote in enumerate(item.quotes):
            quote_id = connection.execute(
                "INSERT INTO quotes (article_id, position, speaker_id, date_key, outlet_key, kind, record)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    article_id,
                    position,
                    self._speaker_id(quote),
                    date_key(quote.published),
                    fold_outlet(quote.outlet) if quote.outlet is not None else None,
                    quote.kind.value,
                    json.dumps({**quote_to_dict(quote), "speaker": None}, ensure_ascii=False),
                ),
            ).lastrowid
            connection.execute(
                "INSERT INTO quote_words (rowid, words) VALUES (?, ?)",
                (quote_id, " ".join(words(quote.text))),
            )
        return 1

    def update_metadata(self, key: str, url: str | None, changes: dict[str, Any]) -> Article | None:
        """Give the stored article with this key or url, and each of its quotes, the metadata of ``changes``
        (``outlet``, ``published``, ``url``, ``source``, ``id``); the article as it is now, or ``None``
        when none is stored. The quotes' text and words stay: only what they say about their article
        changes."""
        connection = self._connection
        row = connection.execute(
            f"SELECT id, {_ARTICLE_COLUMNS} FROM articles WHERE {_SAME_ARTICLE} LIMIT 1", (key, url)
        ).fetchone()
        if row is None:
            return None
        article_id, article = row[0], _article(row[1:])
        article = attrs.evolve(
            article, **{name: changes[name] for name in _ARTICLE_FIELDS if name in changes}
        )
        record_changes = {_RECORD_FIELDS.get(name, name): value for name, value in changes.items()}
        if "published" in record_changes:
            record_changes["published"] = date_to_text(record_changes["published"])
        connection.execute("BEGIN IMMEDIATE")
        try:
            connection.execute(
                "UPDATE articles SET url = ?, outlet = ?, published = ? WHERE id = ?",
                (article.url, article.outlet, date_to_text(article.published), article_id),
            )
            quotes = connection.execute("SELECT id, record FROM quotes WHERE article_id = ?", (article_id,))
            for quote_id, record in quotes.fetchall():
                data = {**json.loads(record), **record_changes}
                outlet = data.get("outlet")
                connection.execute(
                    "UPDATE quotes SET record = ?, date_key = ?, outlet_key = ? WHERE id = ?",
                    (
                        json.dumps(data, ensure_ascii=False),
                        date_key(date_from_text(data.get("published"))),
                        fold_outlet(outlet) if outlet is not None else None,
                        quote_id,
                    ),
                )
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")
        self._writes += 1
        return article

    def _speaker_id(self, quote: Quote) -> int | None:
        record = _speaker_record(quote)
        if record is None:
            return None
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
        clauses: list[str] = []
        parameters: list[Any] = []
        indexed = [term for term in wanted.stems if fts_safe(term)]
        if indexed:
            clauses.append("q.id IN (SELECT rowid FROM quote_words WHERE quote_words MATCH ?)")
            parameters.append(" AND ".join(f'"{term}"*' for term in indexed))
        if speaker_ids is not None:
            clauses.append("q.speaker_id IN (SELECT value FROM json_each(?))")
            parameters.append(json.dumps(list(speaker_ids)))
        if wanted.outlet is not None:
            clauses.append("q.outlet_key = ?")
            parameters.append(wanted.outlet)
        if wanted.since is not None:
            clauses.append("q.date_key >= ? AND q.date_key < ?")
            parameters += [wanted.since, UNDATED]
        if wanted.until is not None:
            clauses.append("q.date_key <= ?")
            parameters.append(wanted.until)
        if wanted.kinds:
            clauses.append("q.kind IN (SELECT value FROM json_each(?))")
            parameters.append(json.dumps(sorted(kind.value for kind in wanted.kinds)))
        pattern_test = wanted.pattern_test()
        timeouts: list[QueryTimeoutError] = []
        function = f"quote_matches_{next(self._functions)}"
        if pattern_test is not None:
            # the regular expression runs inside SQLite, so that a quote it rejects is never decoded

            def matches(text: str) -> bool:
                try:
                    return pattern_test(text)
                except QueryTimeoutError as error:
                    timeouts.append(error)
                    raise

            self._connection.create_function(function, 1, matches)
            clauses.append(f"{function}(json_extract(q.record, '$.text'))")
        where = " WHERE " + " AND ".join(clauses) if clauses else ""
        order = " ORDER BY q.article_id, q.position" if in_storage_order else _ORDER
        sql = (
            f"SELECT a.key, q.speaker_id, q.record FROM quotes q JOIN articles a ON a.id = q.article_id"
            f"{where}{order}"
        )
        try:
            for key, speaker_id, record in self._connection.execute(sql, parameters):
                data = json.loads(record)
                data["speaker"] = None if speaker_id is None else self._speaker(speaker_id)
                yield key, quote_from_dict(data)
        except sqlite3.OperationalError:
            if timeouts:
                raise timeouts[0] from None
            raise
        finally:
            if pattern_test is not None:
                self._connection.create_function(function, 1, None)

    def _speaker(self, speaker_id: int) -> Speaker:
        speaker = self._speakers.get(speaker_id)
        if speaker is None:
            (record,) = self._connection.execute(
                "SELECT record FROM speakers WHERE id = ?", (speaker_id,)
            ).fetchone()
            speaker = self._speakers[speaker_id] = speaker_from_dict(json.loads(record))
        return speaker

    def last_quote_id(self) -> int:
        """The id of the last quote stored (0 for none): quotes are only ever added, with growing ids."""
        (last,) = self._connection.execute("SELECT max(id) FROM quotes").fetchone()
        return int(last or 0)

    def speaker_usages(self, after: int, upto: int) -> list[tuple[int, SpeakerUsage]]:
        """Each per-article speaker (by its id) with the quote count, outlets and first and last dates of its
        quotes whose ids are above ``after`` and at most ``upto``: what was added since a registry looked."""
        rows = self._connection.execute(
            """
            SELECT s.id, s.record, count(*),
                   json_group_array(DISTINCT json_extract(q.record, '$.outlet')),
                   min(CASE WHEN q.date_key < ? THEN q.date_key || ' ' || q.published END),
                   max(CASE WHEN q.date_key < ? THEN q.date_key || ' ' || q.published END)
            FROM (SELECT speaker_id, date_key, record, json_extract(record, '$.published') AS published
                  FROM quotes WHERE id > ? AND id <= ?) q
            JOIN speakers s ON s.id = q.speaker_id
            GROUP BY s.id
            """,
            (UNDATED, UNDATED, after, upto),
        )
        usages = []
        for speaker_id, record, count, outlets, first, last in rows:
            usages.append(
                (
                    int(speaker_id),
                    SpeakerUsage(
                        speaker_from_dict(json.loads(record)),
                        int(count),
                        frozenset(outlet for outlet in json.loads(outlets) if outlet is not None),
                        _date_after_key(first),
                        _date_after_key(last),
                    ),
                )
            )
        return usages

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
        return found


_ARTICLE_COLUMNS = "key, url, text, title, dateline, outlet, published, byline, paragraphs"
# the metadata that update_metadata changes: the Article fields with a column, and the quote record's names
_ARTICLE_FIELDS = ("outlet", "published", "url")
_RECORD_FIELDS = {"id": "article_id"}


def _article(row: tuple[Any, ...]) -> Article:
    _key, url, text, title, dateline, outlet, published, byline, paragraphs = row
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
    )


def _date_after_key(value: str | None) -> date | None:
    # "<date key> <published>": the key made the minimum or maximum, the published text is the date itself
    return None if value is None else date_from_text(value.split(" ", 1)[1])


def _header(connection: sqlite3.Connection) -> tuple[int, int, int]:
    (application_id,) = connection.execute("PRAGMA application_id").fetchone()
    (version,) = connection.execute("PRAGMA user_version").fetchone()
    (objects,) = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return int(application_id), int(version), int(objects)


def _prepare(connection: sqlite3.Connection, location: str) -> None:
    """Check that the database is a quotebank store this version can read; create the schema in a new one."""
    try:
        # write-ahead logging is a lasting property of the file: switch only a new file, once, before its
        # schema, so that processes opening a bank together do not all try to switch it
        (journal,) = connection.execute("PRAGMA journal_mode").fetchone()
        if journal not in ("wal", "memory"):
            connection.execute("PRAGMA journal_mode = WAL")
        application_id, version, objects = _header(connection)
        if (application_id, version, objects) == (0, 0, 0):
            connection.execute("BEGIN IMMEDIATE")
            try:
                # another process may have created it since the first look
                application_id, version, objects = _header(connection)
                if (application_id, version, objects) == (0, 0, 0):
                    for statement in _SCHEMA.split(";"):
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
    except sqlite3.OperationalError as error:
        raise BankFileError(f"{location}: cannot open: {error}") from None
    except sqlite3.DatabaseError as error:
        raise SchemaVersionError(f"{location}: not a quotebank database ({error})") from None
    if application_id != _APPLICATION_ID:
        raise SchemaVersionError(f"{location}: not a quotebank database")
    if version > SCHEMA_VERSION:
        raise SchemaVersionError(
            f"{location}: written by a newer quotebank (schema version {version}; this version reads "
            f"{SCHEMA_VERSION}): upgrade quotebank to open it"
        )
    if version != SCHEMA_VERSION:
        raise SchemaVersionError(f"{location}: unknown schema version {version}")
    connection.execute("PRAGMA synchronous = NORMAL")
    connection.execute("PRAGMA foreign_keys = ON")
