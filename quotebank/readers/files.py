"""Articles from files and folders: plain text, saved web pages and JSON Lines records.

:func:`read_inputs` walks the paths it is given (folders recursively, by extension), reads each file and
yields one :class:`Input` an article: a record that :func:`~quotebank.extract_many` and
:meth:`QuoteBank.add_many <quotebank.collection.bank.QuoteBank.add_many>` (through
:func:`~quotebank.readers.items.article_of`) accept, with
its provenance, or the reason the file or the line could not be read. Nothing is read before it is asked
for, so a folder of a million files, or a list of them in a file, costs the memory of one.

=========================  ==========================================================================
extension                  read as
=========================  ==========================================================================
``.txt`` (and any file     plain text, one paragraph a line; a byte-order mark says UTF-8, UTF-16 or
named explicitly)          UTF-32, UTF-16 without one is recognised, else the ``encoding`` given (UTF-8)
``.html``, ``.htm``        a web page (:func:`~quotebank.readers.webpages.parse_html`), decoded by its charset
``.jsonl``                 one record a line: ``text`` or ``html``, and ``outlet``, ``published``,
                           ``url``, ``id`` (the article's own identifier), ``source``
``.warc``, ``.warc.gz``    a crawl archive's HTML pages (:func:`~quotebank.readers.warc.read_warc`), streamed
``https://…`` (a path)     a web page, fetched (:class:`Fetcher`)
=========================  ==========================================================================

A file's path is the ``source`` of its articles (a record's own ``source`` wins; an archive's pages are
``archive@offset``), and it travels to every quote and export.
"""

from __future__ import annotations

import codecs
import json
import math
import os
import time
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO, TextIO
from urllib.parse import urlsplit

import attrs

from quotebank.errors import ArticleDecodeError, InvalidArgumentError, QuotebankError
from quotebank.readers.warc import WARC_SUFFIXES, is_warc, read_warc
from quotebank.readers.webpages import DEFAULT_TIMEOUT, fetch_html, looks_like_url

__all__ = ["ARTICLE_SUFFIXES", "DEFAULT_DELAY", "Fetcher", "Input", "decode", "find_files", "read_inputs"]

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
RECORD_SUFFIXES = (".jsonl",)
ARTICLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + RECORD_SUFFIXES + WARC_SUFFIXES
"""The extensions of the files a folder is searched for (in any case)."""
STDIN = "-"
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16's: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_UTF16_SAMPLE = 4096
_UTF16_ZEROS = 0.3
"""Share of a sample's even (or odd) bytes that are zero in UTF-16 text without a byte-order mark: Latin
letters, digits and spaces have a zero high byte; no 8-bit encoding of text has NUL bytes at all."""
_RECORD_KEYS = ("outlet", "published", "url", "source", "id")
DEFAULT_DELAY = 1.0
"""Seconds between two requests to one host: a crawl of a news site must not look like an attack on it."""


@attrs.frozen
class Input:
    """One article read from a file, or why it could not be read.

    ``path`` is the file (``-`` for standard input); ``label`` names the article in messages: the file's
    path, with ``:line`` for a JSON Lines record. ``item`` is a record for :func:`~quotebank.extract_many`
    (``None`` when ``error`` says why there is none).
    """

    path: str
    label: str
    item: Mapping[str, Any] | None = None
    error: str | None = None


def find_files(paths: Iterable[str], *, files_from: Iterable[str] = ()) -> Iterator[str]:
    """The files of ``paths`` and of ``files_from`` (one path a line, as from a file), in order: a folder
    gives the files under it whose extension is in :data:`ARTICLE_SUFFIXES`, sorted, recursively; a file
    named explicitly is taken whatever its extension; ``-`` is standard input."""
    for path in _chain(paths, files_from):
        if path != STDIN and not looks_like_url(path) and os.path.isdir(path):
            yield from _walk(path)
        else:
            yield path


def _chain(paths: Iterable[str], files_from: Iterable[str]) -> Iterator[str]:
    yield from paths
    for line in files_from:
        path = line.rstrip("\r\n")
        if path.strip():
            yield path


def _walk(folder: str, seen: set[tuple[int, int]] | None = None) -> Iterator[str]:
    # one directory's listing at a time: a folder of a million files costs a million names, not their text
    seen = set() if seen is None else seen
    try:
        status = os.stat(folder)
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        yield folder  # reading it as a file gives the error its own line
        return
    if (status.st_dev, status.st_ino) in seen:
        return  # a link back to a folder being read: reading it again would never end
    seen.add((status.st_dev, status.st_ino))
    for entry in entries:
        if entry.is_dir():
            yield from _walk(entry.path, seen)
        elif entry.name.lower().endswith(ARTICLE_SUFFIXES):
            yield entry.path


def _suffix(name: str) -> str:
    return os.path.splitext(name)[1].lower()


def decode(data: bytes, *, encoding: str | None = None) -> str:
    """The text of a file's bytes: by its byte-order mark when it has one, as UTF-16 when it looks like
    UTF-16 without one, else in ``encoding`` (UTF-8 by default).

    Raises :class:`~quotebank.errors.ArticleDecodeError` naming the first byte that does not decode.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decoded(data, codec)
    if encoding is None:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return _decoded(data, utf16)
    return _decoded(data, encoding or "utf-8")


def _decoded(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        raise ArticleDecodeError(
            f"not {error.encoding} text: {error.reason} at byte {error.start}; "
            "give its encoding (--encoding latin-1, say)"
        ) from None
    except LookupError:
        raise InvalidArgumentError(f"unknown encoding {codec!r}") from None


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:_UTF16_SAMPLE]
    half = len(sample) // 2
    if half < 2 or len(data) % 2:
        return None
    if sample[1::2].count(0) >= _UTF16_ZEROS * half and not sample[0::2].count(0):
        return "utf-16-le"
    if sample[0::2].count(0) >= _UTF16_ZEROS * half and not sample[1::2].count(0):
        return "utf-16-be"
    return None


def read_inputs(
    paths: Iterable[str],
    *,
    files_from: Iterable[str] = (),
    encoding: str | None = None,
    metadata: Mapping[str, Any] | None = None,
    stdin: BinaryIO | TextIO | None = None,
    fetcher: Fetcher | None = None,
) -> Iterator[Input]:
    """One :class:`Input` for each article of the files of ``paths`` (see :func:`find_files`).

    ``metadata`` (``outlet``, ``published``, ``url``, ``id``) applies to every article; a record's own
    values win over it. ``stdin`` is read for the path ``-``. A path that is a web address
    (``https://…``) is fetched by ``fetcher`` (by default a :class:`Fetcher` with its polite defaults).
    """
    defaults = {name: value for name, value in (metadata or {}).items() if value is not None}
    for path in find_files(paths, files_from=files_from):
        yield from _read_file(path, encoding, defaults, stdin, fetcher)


def _read_file(
    path: str,
    encoding: str | None,
    defaults: Mapping[str, Any],
    stdin: BinaryIO | TextIO | None,
    fetcher: Fetcher | None,
) -> Iterator[Input]:
    label = "<stdin>" if path == STDIN else path
    if looks_like_url(path):
        yield _fetched(path.strip(), defaults, fetcher)
        return
    if path != STDIN and is_warc(path):
        yield from _archive(path, defaults)
        return
    try:
        if path == STDIN:
            if stdin is None:
                raise InvalidArgumentError("no standard input to read '-' from")
            read = stdin.read()
            # text already decoded (a replaced sys.stdin) is encoded back, to be read like any file
            data = read.encode("utf-8") if isinstance(read, str) else read
        else:
            data = Path(path).read_bytes()
    except OSError as error:
        yield Input(path, label, error=f"cannot read: {error.strerror or error}")
        return
    suffix = _suffix(path)
    source = {} if path == STDIN else {"source": path}
    try:
        if suffix in RECORD_SUFFIXES:
            yield from _records(path, label, data, {**defaults, **source})
        elif suffix in HTML_SUFFIXES:
            page: str | bytes = data if encoding is None else decode(data, encoding=encoding)
            yield Input(path, label, {"html": page, **defaults, **source})
        else:
            yield Input(path, label, {"text": decode(data, encoding=encoding), **defaults, **source})
    except QuotebankError as error:
        yield Input(path, label, error=str(error))


def _fetched(url: str, defaults: Mapping[str, Any], fetcher: Fetcher | None) -> Input:
    try:
        page = (fetcher or Fetcher())(url)
    except QuotebankError as error:
        return Input(url, url, error=str(error))
    return Input(url, url, {"html": page, "url": url, **defaults})


class Fetcher:
    """Fetches web pages politely: one at a time, ``delay`` seconds apart on one host, each within
    ``timeout`` seconds (:func:`~quotebank.readers.webpages.fetch_html`)."""

    def __init__(
        self, *, timeout: float = DEFAULT_TIMEOUT, delay: float = DEFAULT_DELAY, allow_private: bool = False
    ) -> None:
        self.timeout = timeout
        self.delay = delay
        self.allow_private = allow_private
        self._last: dict[str, float] = {}

    def __call__(self, url: str) -> bytes:
        host = urlsplit(url).netloc.lower()
        wait = self._last.get(host, -math.inf) + self.delay - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        try:
            return fetch_html(url, timeout=self.timeout, allow_private=self.allow_private)
        finally:
            self._last[host] = time.monotonic()


def _archive(path: str, defaults: Mapping[str, Any]) -> Iterator[Input]:
    try:
        for page in read_warc(path):
            yield Input(path, page["url"] or page["source"], {**defaults, **page})
    except QuotebankError as error:
        yield Input(path, path, error=str(error))
    # warcio's errors share no base class: a damaged archive keeps the pages before the damage
    except Exception as error:
        yield Input(path, path, error=f"cannot read the archive: {error}")


def _records(path: str, label: str, data: bytes, defaults: Mapping[str, Any]) -> Iterator[Input]:
    start = 0
    for number, line in enumerate(data.splitlines(keepends=True), 1):
        where = f"{label}:{number}"
        offset, start = start, start + len(line)
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except UnicodeDecodeError as error:
            yield Input(path, where, error=f"not UTF-8 text: {error.reason} at byte {offset + error.start}")
            continue
        except ValueError as error:
            yield Input(path, where, error=f"not a JSON record: {error}")
            continue
        if not isinstance(record, dict) or not ("text" in record or "html" in record):
            yield Input(path, where, error="a record needs a 'text' or an 'html' key")
            continue
        own = {name: record[name] for name in _RECORD_KEYS if record.get(name) is not None}
        content = {"text": record["text"]} if "text" in record else {"html": record["html"]}
        yield Input(path, where, {**content, **defaults, **own})
