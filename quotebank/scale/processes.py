"""Many articles on many cores: :func:`extract_many` streams the quotes of an iterable of articles, in order.

Articles go to worker processes in chunks; only a few chunks are in flight at any time, so memory stays
bounded however long the iterable is (a generator over ten million files works). An article that cannot be
read (not text, bytes that are not UTF-8, metadata that makes no sense) gives an :class:`ExtractResult`
carrying the error, and the run goes on; so does an article whose extraction fails unexpectedly, kills its
worker or runs past the ``timeout``.

>>> results = extract_many(['"We will win," said Jane Doe.', b"\\xff", 42], processes=1)
>>> [(r.index, [q.speaker_name for q in r.quotes], type(r.error).__name__) for r in results]
[(0, ['Jane Doe'], 'NoneType'), (1, [], 'ArticleDecodeError'), (2, [], 'InvalidTextError')]

The workers are fresh interpreters that import quotebank and nothing of the caller's program: a script
without ``if __name__ == "__main__":``, a script read from standard input and a notebook all work, and no
process is forked from a program that may run threads. They need a POSIX system (Linux, macOS); they read
the articles and send the results through pipes.
"""

from __future__ import annotations

import collections
import itertools
import os
import pickle
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from multiprocessing.connection import Connection, wait

import attrs

from quotebank._pipeline.dates import DateOrder, coerce_date_order
from quotebank._pipeline.language import check_language
from quotebank._pipeline.run import DEFAULT_LANGUAGE
from quotebank.errors import ExtractFailedError, ExtractTimeoutError, InvalidArgumentError, QuotebankError
from quotebank.readers.items import ArticleInput, article_of
from quotebank.values import Article, QuoteList

__all__ = ["DEFAULT_CHUNKSIZE", "ExtractResult", "extract_many", "extract_one"]

DEFAULT_CHUNKSIZE = 32
"""Articles sent to a worker at a time: a news article takes milliseconds, so a chunk of 32 makes the cost
of sending work to another process small beside the work itself."""
_CHUNKS_PER_PROCESS = 2
"""Chunks read ahead for each worker: one being worked on, one waiting, so no worker idles while the caller
reads the next results."""
# the worker's program: the caller's import path, then the loop that serves chunks (nothing else is imported)
_WORKER = "import sys; sys.path[:] = sys.argv[1:]; from quotebank.scale.processes import serve; serve()"


@attrs.frozen
class ExtractResult:
    """The quotes of the article at position ``index`` of the input, or why there are none.

    ``error`` is ``None`` when the article was read; otherwise it is the
    :class:`~quotebank.errors.QuotebankError` that :func:`~quotebank.extract` raised for it (or would have),
    an :class:`~quotebank.errors.ExtractFailedError` when extraction failed unexpectedly, or an
    :class:`~quotebank.errors.ExtractTimeoutError`; ``quotes`` is then empty.

    ``article`` is the article that was read (its text, paragraphs, title and metadata: what a
    :class:`~quotebank.QuoteBank` stores), or ``None`` with an error. Its quotes are ``quotes``: asking the
    article for its own would extract them again.
    """

    index: int
    quotes: QuoteList = attrs.field(factory=QuoteList)
    error: QuotebankError | None = None
    article: Article | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def ok(self) -> bool:
        """Whether the article was read (an article without quotes is read too)."""
        return self.error is None


def extract_one(
    item: ArticleInput,
    *,
    index: int = 0,
    reported: bool = False,
    date_order: DateOrder | str | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> ExtractResult:
    """The quotes of one article of any form :data:`~quotebank.readers.items.ArticleInput` allows, with
    ``index`` as its position;
    an error becomes the result's ``error`` rather than being raised (a
    :class:`~quotebank.errors.QuotebankError` as it is, any other as an
    :class:`~quotebank.errors.ExtractFailedError` that names it).

    This is the function :func:`extract_many` runs in its workers; map it over a Dask bag or a Spark RDD to
    get the same records there. ``reported``, ``date_order`` and ``language`` are as for
    :func:`~quotebank.extract`.

    >>> extract_one(("'Yes,' she said.", {"published": "someday"}), index=7).error
    InvalidDateError("published='someday' does not read as a date")
    """
    try:
        article = article_of(item, reported=reported, date_order=date_order, language=language)
        return ExtractResult(index, article.quotes, article=article)
    except QuotebankError as error:
        return ExtractResult(index, error=error)
    except Exception as error:
        return ExtractResult(index, error=_failed("extracting the article failed", error))


def _failed(what: str, error: BaseException) -> ExtractFailedError:
    return ExtractFailedError(f"{what}: {type(error).__name__}: {error}")


def extract_many(
    items: Iterable[ArticleInput],
    *,
    processes: int | None = None,
    chunksize: int = DEFAULT_CHUNKSIZE,
    timeout: float | None = None,
    reported: bool = False,
    date_order: DateOrder | str | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> Iterator[ExtractResult]:
    """The quotes of every article of ``items``, one :class:`ExtractResult` an article, in input order.

    ``processes`` worker processes extract the articles (by default one for each CPU this process may run
    on; ``processes=1`` works in this process, without workers, unless a ``timeout`` is given). ``items``
    is read lazily, ``chunksize`` articles at a time, and at most two chunks for each worker are in flight:
    an endless generator of articles is fine. Stopping early (``break``, closing the iterator, Ctrl-C)
    stops the workers at once, whatever article they are on.

    ``timeout`` is a limit in seconds for each article: an article that runs past it gives a result whose
    ``error`` is an :class:`~quotebank.errors.ExtractTimeoutError`, its worker is replaced, and the run
    goes on. With ``processes=1`` and a ``timeout``, the articles are extracted in one worker process (the
    only way to stop an article midway).

    Arguments are checked here, before any article is read; an article that cannot be read gives a result
    whose ``error`` says why. When ``items`` itself raises, every article read before is still extracted
    and its result handed out, then the error is raised. ``reported=True`` finds reported speech too, and
    ``date_order`` (``"DMY"``, ``"MDY"``, ``"YMD"``) reads every article's dates such as ``05/03/2026``, as
    :func:`~quotebank.extract` does. ``language`` (``"en"``, another folder under ``quotebank/lang/``, or
    ``"auto"``) is the language of every text (an :class:`~quotebank.values.Article` keeps the one it was
    read in). What ``items`` may hold is :data:`~quotebank.readers.items.ArticleInput`.
    """
    if not isinstance(items, Iterable) or isinstance(items, str | bytes | bytearray):
        # a string is an iterable of one-character "articles": surely one article was meant
        raise InvalidArgumentError(
            f"extract_many takes an iterable of articles, not {type(items).__name__}: use extract() for one"
        )
    if processes is None:
        processes = _available_cpus()
    for name, value in (("processes", processes), ("chunksize", chunksize)):
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= sys.maxsize:
            raise InvalidArgumentError(f"{name} must be a whole number of at least 1, not {value!r}")
    check_timeout(timeout)
    if not isinstance(reported, bool):
        raise InvalidArgumentError(f"reported must be True or False, not {reported!r}")
    options = _Options(reported, coerce_date_order(date_order), check_language(language))
    if processes == 1 and timeout is None:
        return (
            extract_one(
                item,
                index=index,
                reported=reported,
                date_order=options.date_order,
                language=options.language,
            )
            for index, item in enumerate(items)
        )
    return _extract_in_workers(items, processes, chunksize, timeout, options)


def check_timeout(timeout: object) -> None:
    """Refuse a per-article time limit that is not a number of seconds above 0 (None: no limit)."""
    if timeout is not None and (
        isinstance(timeout, bool) or not isinstance(timeout, int | float) or not timeout > 0
    ):
        raise InvalidArgumentError(f"timeout must be a number of seconds above 0, or None, not {timeout!r}")


@attrs.frozen
class _Options:
    """What every article of a run is extracted with; sent to the workers with each article."""

    reported: bool
    date_order: DateOrder | None
    language: str


def _available_cpus() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


@attrs.define
class _Worker:
    """One worker process and the chunk it is working on."""

    process: subprocess.Popen[bytes]
    commands: Connection
    results: Connection
    ready: bool = False
    remaining: collections.deque[int] = attrs.Factory(collections.deque)
    """The indexes of the chunk's articles still to come back, in order."""
    payloads: dict[int, bytes] = attrs.Factory(dict)
    deadline: float = float("inf")

    @classmethod
    def start(cls) -> _Worker:
        try:
            process = subprocess.Popen(
                [sys.executable, "-c", _WORKER, *sys.path], stdin=subprocess.PIPE, stdout=subprocess.PIPE
            )
        except OSError as error:
            # an embedded interpreter without a Python executable: say so once, not per article
            raise ExtractFailedError(
                f"cannot start a worker process with {sys.executable!r} ({error.strerror}); use processes=1"
            ) from None
        assert process.stdin is not None and process.stdout is not None  # piped just above
        commands = Connection(os.dup(process.stdin.fileno()), readable=False)
        results = Connection(os.dup(process.stdout.fileno()), writable=False)
        process.stdin.close()
        process.stdout.close()
        return cls(process, commands, results)

    def stop(self) -> None:
        self.commands.close()
        self.results.close()
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()


def _extract_in_workers(
    items: Iterable[ArticleInput],
    processes: int,
    chunksize: int,
    timeout: float | None,
    options: _Options,
) -> Iterator[ExtractResult]:
    done: dict[int, ExtractResult] = {}
    waiting: collections.deque[dict[int, bytes]] = collections.deque()
    workers: list[_Worker] = []
    chunks = _chunks(items, chunksize)
    read_all = False
    failure: Exception | None = None
    read = handed_out = 0
    try:
        while True:
            busy = [worker for worker in workers if worker.remaining]
            # read ahead at most two chunks for each worker beyond what the caller has been handed
            while not read_all and read - handed_out < processes * _CHUNKS_PER_PROCESS * chunksize:
                try:
                    start, chunk = next(chunks)
                except StopIteration:
                    read_all = True
                except Exception as error:
                    failure, read_all = error, True
                else:
                    waiting.append(_payloads(start, chunk, done, options))
                    read += len(chunk)
            while waiting and (len(workers) < processes or len(busy) < len(workers)):
                idle = next((worker for worker in workers if not worker.remaining), None)
                if idle is None:
                    idle = _Worker.start()
                    workers.append(idle)
                _send(idle, waiting.popleft(), timeout)
                busy.append(idle)
            if not busy and not waiting:
                for worker in workers:
                    worker.stop()  # before the last results: a caller may never ask for more
                workers.clear()
            while handed_out in done:
                yield done.pop(handed_out)
                handed_out += 1
            if not busy and not waiting and read_all:
                break
            if busy:
                _collect(busy, workers, done, timeout, waiting)
    finally:
        # also when the caller stops early or is interrupted: no worker finishes its article first
        for worker in workers:
            worker.stop()
    if failure is not None:
        raise failure


def _payloads(
    start: int, chunk: list[ArticleInput], done: dict[int, ExtractResult], options: _Options
) -> dict[int, bytes]:
    """The chunk's articles with the options to read them with, pickled one by one (an article that cannot
    be pickled is a result already)."""
    payloads = {}
    for index, item in enumerate(chunk, start):
        try:
            payloads[index] = pickle.dumps((item, options), protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as error:
            done[index] = ExtractResult(index, error=_failed("the article cannot be sent to a worker", error))
    return payloads


def _send(worker: _Worker, payloads: dict[int, bytes], timeout: float | None) -> None:
    worker.remaining = collections.deque(payloads)
    worker.payloads = payloads
    if worker.ready:
        worker.deadline = time.monotonic() + timeout if timeout is not None else float("inf")
    if payloads:
        worker.commands.send(list(payloads.items()))


def _collect(
    busy: list[_Worker],
    workers: list[_Worker],
    done: dict[int, ExtractResult],
    timeout: float | None,
    waiting: collections.deque[dict[int, bytes]],
) -> None:
    """Wait for the next results of the busy workers, or for the first deadline; replace a worker that died
    or ran out of time, and put the rest of its chunk back at the front of the queue."""
    deadline = min(worker.deadline for worker in busy)
    wait_for = None if deadline == float("inf") else max(deadline - time.monotonic(), 0)
    ready = wait([worker.results for worker in busy], wait_for)
    now = time.monotonic()
    for worker in busy:
        lost: ExtractFailedError | ExtractTimeoutError | None = None
        if worker.results in ready:
            try:
                message = worker.results.recv()
            except (EOFError, OSError):
                code = worker.process.wait()
                lost = ExtractFailedError(
                    f"the worker process extracting the article died (exit status {code})"
                )
            else:
                if message is None:
                    worker.ready = True
                else:
                    done[message.index] = message
                    worker.remaining.popleft()
                    worker.payloads.pop(message.index)
                if timeout is not None:
                    worker.deadline = now + timeout
        elif now >= worker.deadline and timeout is not None:
            lost = ExtractTimeoutError(
                f"extracting the article took longer than the time limit of {timeout} s"
            )
        if lost is not None:
            index = worker.remaining.popleft()
            done[index] = ExtractResult(index, error=lost)
            del worker.payloads[index]
            if worker.payloads:
                waiting.appendleft(worker.payloads)
            worker.remaining.clear()
            worker.stop()
            workers.remove(worker)


def _chunks(items: Iterable[ArticleInput], size: int) -> Iterator[tuple[int, list[ArticleInput]]]:
    """The items in numbered chunks; when the items raise, the chunk read so far comes first."""
    iterator = iter(items)
    start = 0
    while True:
        chunk: list[ArticleInput] = []
        try:
            chunk.extend(itertools.islice(iterator, size))  # what was read stays in when the items raise
        except Exception:
            if chunk:
                yield start, chunk
            raise
        if not chunk:
            return
        yield start, chunk
        start += len(chunk)


def serve() -> None:
    """The loop of a worker process: chunks of pickled articles in on standard input, one result an article
    out on standard output (which the articles' code cannot print to: it goes to standard error)."""
    commands = Connection(os.dup(0), writable=False)
    results = Connection(os.dup(1), readable=False)
    os.dup2(2, 1)
    results.send(None)  # ready: the time limit counts from here, not from the start of the interpreter
    while True:
        try:
            chunk: list[tuple[int, bytes]] = commands.recv()
        except EOFError:
            return
        for index, payload in chunk:
            try:
                item, options = pickle.loads(payload)
            except Exception as error:
                result = ExtractResult(index, error=_failed("the article cannot be read in a worker", error))
            else:
                result = extract_one(
                    item,
                    index=index,
                    reported=options.reported,
                    date_order=options.date_order,
                    language=options.language,
                )
            try:
                results.send(result)
            except Exception as error:
                results.send(ExtractResult(index, error=_failed("the result cannot be sent back", error)))
